/*
 * File descriptors: dup and dup2, offsets shared between duplicates and
 * across fork, close-on-exec, and 1,000 files open at once (the host runs
 * this with a limit of 1024 descriptors, seedboot's table size).
 */
#include "rt.h"

static char buf[64];

static void dups(void)
{
	rt_say("-- dup and dup2\n");
	long a = SYS(open, "\"a\", O_RDWR|O_CREAT, 0644", "a", O_RDWR | O_CREAT, 0644);
	SYS(write, "a, \"abcdef\", 6", a, "abcdef", 6);
	long b = SYS(dup, "a", a);
	SYS(lseek, "a, 2, SEEK_SET", a, 2, SEEK_SET);
	long n = SYS(read, "b, buf, 2", b, buf, 2);
	rt_show("read", buf, n);
	SYS(lseek, "a, 0, SEEK_CUR", a, 0, SEEK_CUR);
	SYS(close, "a", a);
	n = SYS(read, "b, buf, 10", b, buf, 10);
	rt_show("read", buf, n);
	SYS(dup2, "b, 10", b, 10);
	SYS(dup2, "b, b", b, b);
	SYS(dup2, "99, 11", 99, 11);
	SYS(dup2, "99, 99", 99, 99);
	SYS(dup2, "b, 1023", b, 1023);
	SYS(dup2, "b, 1024", b, 1024);
	SYS(dup2, "b, -1", b, -1);
	SYS(lseek, "1023, 1, SEEK_SET", 1023, 1, SEEK_SET);
	n = SYS(read, "10, buf, 3", 10, buf, 3);
	rt_show("read", buf, n);
	SYS(close, "1023", 1023);
	long c = SYS(open, "\"c\", O_RDWR|O_CREAT, 0644", "c", O_RDWR | O_CREAT, 0644);
	SYS(dup2, "c, 10 (open: closed first)", c, 10);
	SYS(write, "10, \"via 10\", 6", 10, "via 10", 6);
	SYS(lseek, "c, 0, SEEK_CUR", c, 0, SEEK_CUR);
	SYS(close, "c", c);
	SYS(close, "10", 10);
	SYS(dup, "99", 99);
	SYS(dup, "-1", -1);
	SYS(close, "0", 0);
	SYS(dup, "b (takes the lowest free: 0, and keeps it)", b);
	SYS(close, "b", b);
}

static void fork_offset(void)
{
	rt_say("-- an offset shared across fork\n");
	long fd = SYS(open, "\"a\", O_RDONLY", "a", O_RDONLY);
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		rt_say("fork() = 0, in the child\n");
		long n = SYS(read, "fd, buf, 4", fd, buf, 4);
		rt_show("child read", buf, n);
		EXIT(exit, 0);
	}
	int status = -1;
	long w = rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
	rt_say("fork() = %s; waitpid(pid, &status, 0) = %s, status 0x%x\n",
	       pid > 0 ? "POSITIVE" : "not positive", w == pid ? "pid" : "not pid", status);
	SYS(lseek, "fd, 0, SEEK_CUR (moved by the child)", fd, 0, SEEK_CUR);
	SYS(close, "fd", fd);
}

static void cloexec(const char *self)
{
	rt_say("-- close-on-exec\n");
	long a = SYS(open, "\"a\", O_RDONLY|O_CLOEXEC", "a", O_RDONLY | O_CLOEXEC);
	long b = SYS(open, "\"a\", O_RDONLY", "a", O_RDONLY);
	long c = SYS(dup, "a (a dup is not close-on-exec)", a);
	long d = SYS(open, "\"a\", O_RDONLY|O_CLOEXEC", "a", O_RDONLY | O_CLOEXEC);
	SYS(dup2, "b, d (dup2 clears close-on-exec)", b, d);
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		char *argv[] = { (char *)self, "after-exec", 0 };
		char *envp[] = { 0 };
		SYS(execve, "self, { self, \"after-exec\" }, { }", self, argv, envp);
		EXIT(exit, 1);
	}
	int status = -1;
	rt_sys(NR_wait4, pid, (long)&status, 0, 0, 0);
	rt_say("the exec'd child's status: 0x%x\n", status);
	SYS(close, "a", a);
	SYS(close, "b", b);
	SYS(close, "c", c);
	SYS(close, "d", d);
}

static int after_exec(void)
{
	rt_say("in the exec'd program:\n");
	for (int fd = 3; fd <= 6; fd++)
		rt_say("read(%d, buf, 1) = %e\n", fd, rt_sys(NR_read, fd, (long)buf, 1, 0, 0));
	return 5;
}

#define FILES 1000

static void many(void)
{
	static char name[16];
	rt_say("-- %d files open at once\n", FILES);
	int in_order = 1, opened = 0, first = -1;
	for (int i = 0; i < FILES; i++) {
		name[0] = 'f';
		name[1] = (char)('0' + i / 100);
		name[2] = (char)('0' + i / 10 % 10);
		name[3] = (char)('0' + i % 10);
		long fd = rt_sys(NR_open, (long)name, O_RDWR | O_CREAT | O_TRUNC, 0644, 0, 0);
		opened += fd >= 0;
		in_order &= fd == first + i;
		if (i == 0)
			first = (int)fd, in_order = 1;
		rt_sys(NR_write, fd, (long)name, 4, 0, 0);
	}
	rt_say("open(\"f000\" .. \"f999\", O_RDWR|O_CREAT|O_TRUNC, 0644): %d opened, fds %d.. in order: %s\n",
	       opened, first, in_order ? "yes" : "no");
	long more = 0, fd;
	while ((fd = rt_sys(NR_open, (long)"f000", O_RDONLY, 0, 0, 0)) >= 0)
		more++;
	rt_say("then open(\"f000\", O_RDONLY) %d more times, until %e\n", more, fd);
	SYS(dup, "3", 3);
	SYS(open, "\"new\", O_WRONLY|O_CREAT, 0644 (no descriptor left)", "new", O_WRONLY | O_CREAT, 0644);
	SYS(access, "\"new\", F_OK", "new", F_OK);
	int good = 0;
	for (int i = 0; i < FILES; i++) {
		rt_sys(NR_lseek, first + i, 0, SEEK_SET, 0, 0);
		good += rt_sys(NR_read, first + i, (long)buf, 8, 0, 0) == 4 && buf[1] == '0' + i / 100 &&
			buf[2] == '0' + i / 10 % 10 && buf[3] == '0' + i % 10;
	}
	rt_say("each read back its own name: %d of %d\n", good, FILES);
	int closed = 0;
	for (int i = 3; i < 1024; i++)
		closed += rt_sys(NR_close, i, 0, 0, 0, 0) == 0;
	rt_say("close(3 .. 1023): %d closed\n", closed);
	int removed = 0;
	for (int i = 0; i < FILES; i++) {
		name[1] = (char)('0' + i / 100);
		name[2] = (char)('0' + i / 10 % 10);
		name[3] = (char)('0' + i % 10);
		removed += rt_sys(NR_unlink, (long)name, 0, 0, 0, 0) == 0;
	}
	rt_say("unlink each: %d removed\n", removed);
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc == 2 && rt_streq(argv[1], "after-exec"))
		return after_exec();
	dups();
	fork_offset();
	cloexec(argv[0]);
	many();
	return 0;
}
