/*
 * Processes: fork, waitpid, wait4, exit, exit_group, getpid, getppid and
 * execve, with exit statuses and the errors of each. Pids are printed as
 * POSITIVE or compared, never as numbers.
 */
#include "rt.h"

static char buf[256];

/*
 * Initialised data three pages long, so that whole pages of it come from
 * the file: a write that reached the file would show in the next run.
 */
static volatile int data_pages[3 * 1024] = { [1536] = 1234 };

static long mypid;

static void child_exit(int how, int code)
{
	if (how)
		EXIT(exit_group, code);
	else
		EXIT(exit, code);
}

static void statuses(void)
{
	rt_say("-- fork and exit statuses\n");
	mypid = SYSP(getpid, "", 0);
	SYSP(getppid, "", 0);
	static const int codes[] = { 0, 1, 3, 127, 255, 256 + 5, -1 };
	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
		if (pid == 0) {
			rt_say("fork() = 0 in the child; getppid() is the parent's pid: %s\n",
			       rt_sys(NR_getppid, 0, 0, 0, 0, 0) == mypid ? "yes" : "no");
			rt_say("getpid() in the child differs from the parent's: %s\n",
			       rt_sys(NR_getpid, 0, 0, 0, 0, 0) != mypid ? "yes" : "no");
			child_exit(i & 1, codes[i]);
		}
		int status = -1;
		long w = rt_sys(i & 1 ? NR_wait4 : NR_waitpid, pid, (long)&status, 0, 0, 0);
		rt_say("fork() = POSITIVE: %s; %s(pid, &status, 0) = pid: %s; status 0x%x\n",
		       pid > 0 ? "yes" : "no", i & 1 ? "wait4" : "waitpid", w == pid ? "yes" : "no", status);
	}
}

static void waits(void)
{
	rt_say("-- waiting\n");
	SYS(waitpid, "-1, &status, 0 (no children)", -1, buf, 0);
	SYS(wait4, "-1, &status, 0, NULL (no children)", -1, buf, 0, 0);
	SYS(waitpid, "1 (not a child), &status, 0", 1, buf, 0);
	long pids[3];
	for (int i = 0; i < 3; i++) {
		pids[i] = rt_sys(NR_fork, 0, 0, 0, 0, 0);
		if (pids[i] == 0)
			rt_sys(NR_exit, 10 + i, 0, 0, 0, 0);
	}
	rt_say("three children exit with 10, 11 and 12\n");
	for (int i = 2; i >= 0; i--) {
		int status = -1;
		long w = rt_sys(NR_waitpid, pids[i], (long)&status, 0, 0, 0);
		rt_say("waitpid(child %d, &status, 0) = that child: %s; status 0x%x\n", i, w == pids[i] ? "yes" : "no", status);
	}
	SYS(waitpid, "pid of a child already reaped, &status, 0", pids[0], buf, 0);
	for (int i = 0; i < 2; i++) {
		pids[i] = rt_sys(NR_fork, 0, 0, 0, 0, 0);
		if (pids[i] == 0)
			rt_sys(NR_exit, 20 + i, 0, 0, 0, 0);
	}
	/* Which child wait4(-1) reaps first depends on which exits first, so the
	 * statuses are printed per child, not in the order they came. */
	int seen = 0, statuses[2] = {-1, -1};
	for (int i = 0; i < 2; i++) {
		int status = -1;
		long w = rt_sys(NR_wait4, -1, (long)&status, 0, (long)buf, 0);
		int who = w == pids[0] ? 0 : w == pids[1] ? 1 : 2;
		seen |= 1 << who;
		if (who < 2)
			statuses[who] = status;
	}
	rt_say("wait4(-1, ...) twice reaped both children: %s\n", seen == 3 ? "yes" : "no");
	rt_say("wait4(-1, &status, 0, &rusage): child 0 status 0x%x, child 1 status 0x%x\n", statuses[0], statuses[1]);
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0)
		rt_sys(NR_exit, 0, 0, 0, 0, 0);
	int status = 0;
	SYS(wait4, "pid, &status, 0, 16 (bad rusage)", pid, &status, 0, 16);
	SYSP(wait4, "pid, &status, 0, NULL (reaped by the call that failed?)", pid, &status, 0, 0);
	SYS(waitpid, "-1, &status, 0", -1, &status, 0);
	pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0)
		rt_sys(NR_exit, 0, 0, 0, 0, 0);
	SYS(waitpid, "pid, 16 (bad pointer), 0", pid, 16, 0);
	SYSP(waitpid, "pid, &status, 0 (reaped by the call that failed?)", pid, &status, 0);
	SYS(waitpid, "-1, &status, 0", -1, &status, 0);
	pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0)
		rt_sys(NR_exit, 0, 0, 0, 0, 0);
	long w = rt_sys(NR_waitpid, pid, 0, 0, 0, 0);
	rt_say("waitpid(pid, NULL, 0) = pid: %s\n", w == pid ? "yes" : "no");
}

static void put_file(const char *name, const char *text, long n, int mode)
{
	long fd = SYS(open, "name, O_WRONLY|O_CREAT|O_TRUNC, mode", name, O_WRONLY | O_CREAT | O_TRUNC, mode);
	SYS(write, "fd, text, n", fd, text, n);
	SYS(close, "fd", fd);
}

static void exec_errors(const char *self)
{
	rt_say("-- execve errors\n");
	char *argv[] = { "x", 0 };
	char *envp[] = { 0 };
	put_file("text", "hello\n", 6, 0755);
	SYS(execve, "\"text\" (not an ELF file), argv, envp", "text", argv, envp);
	put_file("empty", "", 0, 0755);
	SYS(execve, "\"empty\", argv, envp", "empty", argv, envp);
	put_file("noexec", "hello\n", 6, 0644);
	SYS(execve, "\"noexec\" (mode 0644), argv, envp", "noexec", argv, envp);
	SYS(execve, "\"missing\", argv, envp", "missing", argv, envp);
	SYS(execve, "\"missing/x\", argv, envp", "missing/x", argv, envp);
	SYS(execve, "\"text/x\", argv, envp", "text/x", argv, envp);
	SYS(execve, "\".\" (a directory), argv, envp", ".", argv, envp);
	SYS(execve, "\"\", argv, envp", "", argv, envp);
	SYS(execve, "16 (bad pointer), argv, envp", 16, argv, envp);
	SYS(execve, "self, 16 (bad argv), envp", self, 16, envp);
	SYS(execve, "self, argv, 16 (bad envp)", self, argv, 16);
	char *bad[] = { "x", (char *)16, 0 };
	SYS(execve, "self, { \"x\", 16 }, envp", self, bad, envp);
	/* the first 200 bytes of this program: an ELF header whose program headers are cut off */
	long fd = SYS(open, "self, O_RDONLY", self, O_RDONLY);
	long n = SYS(read, "fd, buf, 200", fd, buf, 200);
	SYS(close, "fd", fd);
	put_file("cut", buf, n, 0755);
	SYS(execve, "\"cut\", argv, envp", "cut", argv, envp);
	buf[4] = 2;	/* ELFCLASS64 */
	put_file("elf64", buf, n, 0755);
	SYS(execve, "\"elf64\", argv, envp", "elf64", argv, envp);
}

static void exec_ok(const char *self)
{
	rt_say("-- execve\n");
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		char *argv[] = { (char *)self, "exec'd", "two words", "", 0 };
		char *envp[] = { "A=1", "B=", "PATH=/nowhere", 0 };
		long before = rt_sys(NR_getpid, 0, 0, 0, 0, 0);
		char num[12];
		int k = 11;
		num[k] = 0;
		do
			num[--k] = (char)('0' + before % 10);
		while (before /= 10);
		argv[3] = num + k;
		SYS(execve, "self, { self, \"exec'd\", \"two words\", PID }, { \"A=1\", \"B=\", \"PATH=/nowhere\" }",
		    self, argv, envp);
		EXIT(exit, 1);
	}
	int status = -1;
	rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
	rt_say("the exec'd child's status: 0x%x\n", status);
	pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		char *argv[] = { (char *)self, "exec'd-empty", 0 };
		SYS(execve, "self, { self, \"exec'd-empty\" }, NULL", self, argv, 0);
		EXIT(exit, 1);
	}
	rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
	rt_say("the exec'd child's status: 0x%x\n", status);
	/* Linux (since 5.18) never starts a program with argc 0 */
	for (int empty = 0; empty < 2; empty++) {
		pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
		if (pid == 0) {
			char *none[] = { 0 };
			if (empty)
				SYS(execve, "self, { }, NULL", self, none, 0);
			else
				SYS(execve, "self, NULL, NULL", self, 0, 0);
			EXIT(exit, 1);
		}
		rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
		rt_say("the exec'd child's status: 0x%x\n", status);
	}
}

/* Untraced, so that two processes' output cannot interleave. */
static void touch(const char *name)
{
	rt_sys(NR_close, rt_sys(NR_open, (long)name, O_WRONLY | O_CREAT, 0644, 0, 0), 0, 0, 0, 0);
}

/* Up to a million looks for file NAME: has it appeared? */
static int appears(const char *name)
{
	for (long i = 0; i < 1000000; i++)
		if (rt_sys(NR_access, (long)name, F_OK, 0, 0, 0) == 0)
			return 1;
	return 0;
}

/*
 * A running program whose file is rewritten runs on unchanged. Linux refuses
 * the write (ETXTBSY); seedboot, whose programs share their read-only pages
 * with the file, writes new pages for the file. Neither outcome is printed:
 * only what the running program does.
 */
static void rewritten_while_running(const char *self)
{
	rt_say("-- a running program's file, rewritten\n");
	long in = rt_sys(NR_open, (long)self, O_RDONLY, 0, 0, 0);
	long out = rt_sys(NR_open, (long)"copy", O_WRONLY | O_CREAT | O_TRUNC, 0755, 0, 0);
	long n, size = 0;
	while ((n = rt_sys(NR_read, in, (long)buf, sizeof(buf), 0, 0)) > 0)
		size += rt_sys(NR_write, out, (long)buf, n, 0, 0);
	rt_sys(NR_close, in, 0, 0, 0, 0);
	rt_sys(NR_close, out, 0, 0, 0, 0);
	rt_say("copied this program to \"copy\": %s\n", size > 0 ? "yes" : "no");
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		char *argv[] = { "copy", "wait-for-go", 0 };
		rt_sys(NR_execve, (long)"copy", (long)argv, 0, 0, 0);
		EXIT(exit, 1);
	}
	rt_say("the copy started: %s\n", appears("started") ? "yes" : "no");
	long fd = rt_sys(NR_open, (long)"copy", O_WRONLY, 0, 0, 0);
	if (fd >= 0) {
		for (long i = 0; i < (long)sizeof(buf); i++)
			buf[i] = 0;
		for (long done = 0; done < size; done += sizeof(buf))
			rt_sys(NR_write, fd, (long)buf, sizeof(buf), 0, 0);
		rt_sys(NR_close, fd, 0, 0, 0, 0);
	}
	touch("go");
	int status = -1;
	rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
	rt_say("the copy's status: 0x%x\n", status);
}

static long now_ms(void)
{
	long ts[2];
	rt_sys(NR_clock_gettime, 1 /* CLOCK_MONOTONIC */, (long)ts, 0, 0, 0);
	return ts[0] * 1000 + ts[1] / 1000000;
}

/*
 * A program that spends nearly all its time in system calls still lets the
 * other runnable processes run: here the parent rewrites 16 MiB, over and
 * over, until its child has run or a second has passed. (A kernel that only
 * switches on ticks landing in user mode let the child run after 26 ms,
 * 4.9 s and never in 20 s, in three runs under QEMU's TCG; one that switches
 * on the way back to the program after any tick, after 23-27 ms.)
 */
static void busy_in_system_calls(void)
{
	static char block[16 << 20];
	rt_say("-- a parent busy in system calls, a child waiting to run\n");
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		touch("child-ran");
		rt_sys(NR_exit, 5, 0, 0, 0, 0);
	}
	long fd = rt_sys(NR_open, (long)"busy", O_WRONLY | O_CREAT | O_TRUNC, 0644, 0, 0);
	int ran = 0;
	for (long start = now_ms(); !ran && now_ms() - start < 1000;) {
		rt_sys(NR_lseek, fd, 0, SEEK_SET, 0, 0);
		rt_sys(NR_write, fd, (long)block, sizeof(block), 0, 0);
		ran = rt_sys(NR_access, (long)"child-ran", F_OK, 0, 0, 0) == 0;
	}
	rt_sys(NR_close, fd, 0, 0, 0, 0);
	rt_say("the child ran while the parent wrote: %s\n", ran ? "yes" : "no");
	int status = -1;
	rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
	rt_say("the child's status: 0x%x\n", status);
}

/* Each run of a program starts from its file's data, not a run's writes. */
static void data_of_each_run(const char *self)
{
	rt_say("-- each run starts with the file's data\n");
	for (int run = 1; run <= 2; run++) {
		long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
		if (pid == 0) {
			char *argv[] = { (char *)self, "write-data", 0 };
			rt_sys(NR_execve, (long)self, (long)argv, 0, 0, 0);
			EXIT(exit, 1);
		}
		int status = -1;
		rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
		rt_say("run %d: status 0x%x (0x2800: it found 1234 and wrote 99)\n", run, status);
	}
	rt_say("this process still sees 1234: %s\n", data_pages[1536] == 1234 ? "yes" : "no");
}

static int write_data(void)
{
	int was = data_pages[1536];
	data_pages[1536] = 99;
	return was == 1234 && data_pages[1536] == 99 ? 40 : 41;
}

static int wait_for_go(void)
{
	touch("started");
	return appears("go") ? 42 : 3;
}

static int execd(int argc, char **argv, char **envp)
{
	rt_say("in the exec'd program: argc %d\n", argc);
	for (int i = 1; i < argc - 1; i++)
		rt_say("argv[%d] = \"%s\"\n", i, argv[i]);
	long pid = rt_sys(NR_getpid, 0, 0, 0, 0, 0), was = 0;
	for (const char *s = argv[argc - 1]; *s; s++)
		was = was * 10 + (*s - '0');
	rt_say("the pid is the one before execve: %s\n", pid == was ? "yes" : "no");
	for (int i = 0; envp[i]; i++)
		rt_say("envp[%d] = \"%s\"\n", i, envp[i]);
	return 42;
}

int main(int argc, char **argv, char **envp)
{
	if (argc == 0 || !argv[0][0]) {
		rt_say("in the exec'd program: argc %d, argv[0] %s\n", argc,
		       argc == 0 ? "missing" : argv[0] ? "\"\"" : "NULL");
		return 9;
	}
	if (argc > 1 && rt_streq(argv[1], "exec'd"))
		return execd(argc, argv, envp);
	if (argc > 1 && rt_streq(argv[1], "wait-for-go"))
		return wait_for_go();
	if (argc > 1 && rt_streq(argv[1], "write-data"))
		return write_data();
	if (argc > 1 && rt_streq(argv[1], "exec'd-empty")) {
		rt_say("in the exec'd program: argc %d, envp[0] %s\n", argc, envp[0] ? "set" : "NULL");
		return 7;
	}
	statuses();
	waits();
	exec_errors(argv[0]);
	exec_ok(argv[0]);
	rewritten_while_running(argv[0]);
	data_of_each_run(argv[0]);
	busy_in_system_calls();
	return 0;
}
