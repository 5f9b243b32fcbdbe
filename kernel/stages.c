/*
 * Run the stages listed in /seedboot/stages, in order. A line is
 *     NAME DIR PROGRAM ARG...
 * run with DIR as the working directory. After a stage's first process
 * exits 0, every output listed in /seedboot/stage/NAME/expect (sha256sum
 * format, paths relative to DIR) is hashed: each goes out as a receipt line
 * and must match.
 */
#include "proc.h"
#include "errno.h"

#define PLAN "/seedboot/stages"
#define MAX_ARGS 32

struct kstats kstats;
static struct kstats stage_stats;
static uint64_t stage_start, stage_kernel_ns, stage_limit;

static void split_options(const char *cmdline, const char *key, char *out, size_t cap)
{
	size_t klen = strlen(key);
	out[0] = 0;
	for (const char *s = cmdline; *s; ) {
		while (*s == ' ')
			s++;
		if (!strncmp(s, key, klen) && s[klen] == '=') {
			s += klen + 1;
			size_t n = 0;
			while (s[n] && s[n] != ' ' && n < cap - 1)
				n++;
			memcpy(out, s, n);
			out[n] = 0;
			return;
		}
		while (*s && *s != ' ')
			s++;
	}
}

void stage_tick(void)
{
	if (stage_limit && clock_ns() - stage_start > stage_limit) {
		struct proc *p = myproc();
		verdict_fail(current_stage, "time limit of %u s exceeded (pid %d, %s, was running)",
			     (unsigned)(stage_limit / 1000000000), p ? p->pid : 0, p ? p->name : "-");
	}
}

static int listed(const char *only, const char *name)
{
	if (!only[0])
		return 1;
	size_t n = strlen(name);
	for (const char *s = only; *s; ) {
		const char *e = strchr(s, ',');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len == n && !strncmp(s, name, n))
			return 1;
		s += len + (e ? 1 : 0);
	}
	return 0;
}

static void check_outputs(const char *name, const char *dir)
{
	char path[128], full[FS_PATH_MAX > 512 ? 512 : FS_PATH_MAX], got[65];
	struct line_reader r;
	char *w[3];
	int n, count = 0;
	struct inode *ip;

	memcpy(path, "/seedboot/stage/", 16);
	size_t len = strlen(name);
	if (len > sizeof(path) - 24)
		verdict_fail(name, "stage name too long");
	memcpy(path + 16, name, len);
	memcpy(path + 16 + len, "/expect", 8);
	if (lines_open(&r, path) < 0)
		verdict_fail(name, "%s is missing from the closure", path);
	while ((n = lines_next(&r)) > 0) {
		if (split_words(r.line, w, 3) != 2 || strlen(w[0]) != 64)
			continue;
		size_t dl = strlen(dir), pl = strlen(w[1]);
		if (dl + pl + 2 > sizeof(full))
			verdict_fail(name, "%s line %d: path too long", path, r.lineno);
		memcpy(full, dir, dl);
		full[dl] = '/';
		memcpy(full + dl + 1, w[1], pl + 1);
		int e = fs_lookup(fs_root(), full, &ip);
		if (e < 0)
			verdict_fail(name, "expected output %s was not made (error %d)", full, e);
		inode_sha256(ip, got);
		inode_put(ip);
		kprintf("receipt %s  %s\n", got, full);
		if (strcmp(got, w[0]))
			verdict_fail(name, "%s has sha256 %s, expected %s", full, got, w[0]);
		count++;
	}
	lines_close(&r);
	kprintf("seedboot: stage %s: %d outputs match %s\n", name, count, path);
}

static void run_stage(char *w[], int words)
{
	static char *const envp[] = { "PATH=/usr/bin:/bin", NULL };
	char *argv[MAX_ARGS + 1];
	const char *name = w[0], *dir = w[1];
	struct inode *cwd;
	int err;

	current_stage = name;
	kprintf("seedboot: stage %s start\n", name);
	stage_start = clock_ns();
	stage_stats = kstats;
	stage_kernel_ns = kernel_time_ns();
	kernel_time_enter();	/* the stage's first process is started from here */
	if ((err = fs_lookup(fs_root(), dir, &cwd)) < 0)
		verdict_fail(name, "stage directory %s: error %d", dir, err);
	for (int i = 2; i < words; i++)
		argv[i - 2] = w[i];
	argv[words - 2] = NULL;
	struct proc *p = proc_spawn(argv[0], argv, envp, cwd, &err);
	inode_put(cwd);
	if (!p)
		verdict_fail(name, "cannot start %s in %s (error %d)", argv[0], dir, err);
	int status = proc_run_until_exit(p);
	if (status & 0x7f)
		verdict_fail(name, "%s killed by signal %d", argv[0], status & 0x7f);
	if (status >> 8)
		verdict_fail(name, "%s exited with status %d", argv[0], status >> 8);
	check_outputs(name, dir);
	uint64_t ms = (clock_ns() - stage_start) / 1000000;
	uint64_t kms = (kernel_time_ns() - stage_kernel_ns) / 1000000;
	kprintf("seedboot: stage %s: %llu system calls, %llu page faults, %llu forks, %llu execs; "
		"%u.%03u s in the kernel (%u%%)\n", name,
		kstats.syscalls - stage_stats.syscalls, kstats.page_faults - stage_stats.page_faults,
		kstats.forks - stage_stats.forks, kstats.execs - stage_stats.execs,
		(unsigned)(kms / 1000), (unsigned)(kms % 1000), ms ? (unsigned)(kms * 100 / ms) : 0);
	kprintf("seedboot: stage %s done %u.%03u\n", name, (unsigned)(ms / 1000), (unsigned)(ms % 1000));
	current_stage = "boot";
}

void stages_run(const char *cmdline)
{
	char only[128], limit[16];
	struct line_reader r;
	char *w[MAX_ARGS + 2];
	int n, ran = 0;

	split_options(cmdline, "stages", only, sizeof(only));
	split_options(cmdline, "stage_timeout", limit, sizeof(limit));
	uint32_t seconds = 0;
	for (const char *s = limit; *s >= '0' && *s <= '9'; s++)
		seconds = seconds * 10 + (uint32_t)(*s - '0');
	stage_limit = (uint64_t)(seconds ? seconds : 4 * 3600) * 1000000000;

	if (lines_open(&r, PLAN) < 0)
		verdict_fail("boot", "%s is missing from the closure", PLAN);
	while ((n = lines_next(&r)) > 0) {
		int words = split_words(r.line, w, MAX_ARGS + 2);
		if (words == 0)
			continue;
		if (words < 3)
			verdict_fail("boot", "%s line %d: want NAME DIR PROGRAM ARG...", PLAN, r.lineno);
		if (!listed(only, w[0]))
			continue;
		run_stage(w, words);
		ran++;
	}
	lines_close(&r);
	if (!ran)
		verdict_fail("boot", "no stage to run (stages=%s)", only);
}
