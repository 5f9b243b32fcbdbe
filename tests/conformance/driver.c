/*
 * driver PROGRAM...: runs each conformance program, in order, the same way
 * on Linux and on seedboot. Each runs in a fresh directory run/PROGRAM with
 * argv { "../../PROGRAM" }, envp { "PATH=/usr/bin:/bin" } and fds 1 and 2 on
 * out/PROGRAM; when it has ended, the driver copies that transcript to its
 * own fd 1 between the lines "=== PROGRAM" and "=== PROGRAM exit N" (or
 * "killed by signal N"), and ends with "=== end". Only fds 0-2 stay open. Differences in transcripts
 * are for the comparison to find: the driver exits 0 unless it cannot work.
 */
#include "rt.h"

static char path[512];

static const char *join(const char *a, const char *b)
{
	char *p = path;
	for (; *a; a++)
		*p++ = *a;
	for (; *b; b++)
		*p++ = *b;
	*p = 0;
	return path;
}

static int fail(const char *what, const char *name, long r)
{
	rt_say("=== driver: %s %s: %e\n", what, name, r);
	return 1;
}

static void run_child(const char *name, int out)
{
	static char exe[300];
	static char *envp[] = { "PATH=/usr/bin:/bin", 0 };
	char *argv[] = { exe, 0 };
	const char *p = join("../../", name);
	for (int i = 0; (exe[i] = p[i]); i++)
		;
	rt_sys(NR_dup2, out, 1, 0, 0, 0);
	rt_sys(NR_dup2, out, 2, 0, 0, 0);
	rt_sys(NR_close, out, 0, 0, 0, 0);
	long r = rt_sys(NR_chdir, (long)join("run/", name), 0, 0, 0, 0);
	if (r == 0)
		r = rt_sys(NR_execve, (long)exe, (long)argv, (long)envp, 0, 0);
	rt_say("driver: cannot start %s: %e\n", exe, r);
	rt_sys(NR_exit, 127, 0, 0, 0, 0);
}

static int run(const char *name)
{
	static char buf[4096];
	long r = rt_sys(NR_mkdir, (long)join("run/", name), 0755, 0, 0, 0);
	if (r < 0)
		return fail("mkdir run/", name, r);
	long out = rt_sys(NR_open, (long)join("out/", name), O_RDWR | O_CREAT | O_TRUNC, 0644, 0, 0);
	if (out < 0)
		return fail("open out/", name, out);
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid < 0)
		return fail("fork for", name, pid);
	if (pid == 0)
		run_child(name, (int)out);
	int status = 0;
	r = rt_sys(NR_wait4, pid, (long)&status, 0, 0, 0);
	if (r != pid)
		return fail("wait4 for", name, r);
	rt_say("=== %s\n", name);
	rt_sys(NR_lseek, out, 0, SEEK_SET, 0, 0);
	while ((r = rt_sys(NR_read, out, (long)buf, sizeof(buf), 0, 0)) > 0)
		rt_sys(NR_write, 1, (long)buf, r, 0, 0);
	rt_sys(NR_close, out, 0, 0, 0, 0);
	if (status & 0x7f)
		rt_say("=== %s killed by signal %d\n", name, status & 0x7f);
	else
		rt_say("=== %s exit %d\n", name, (status >> 8) & 0xff);
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	long r;
	/* on the host, descriptors the caller left open must not reach the programs */
	for (int fd = 3; fd < 1024; fd++)
		rt_sys(NR_close, fd, 0, 0, 0, 0);
	if ((r = rt_sys(NR_mkdir, (long)"out", 0755, 0, 0, 0)) < 0)
		return fail("mkdir", "out", r);
	if ((r = rt_sys(NR_mkdir, (long)"run", 0755, 0, 0, 0)) < 0)
		return fail("mkdir", "run", r);
	for (int i = 1; i < argc; i++)
		if (run(argv[i]))
			return 1;
	rt_say("=== end\n");
	return 0;
}
