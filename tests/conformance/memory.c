/*
 * Memory: brk (printed relative to the first break, which Linux places at
 * random; growth is kept well inside the test machine's memory, as Linux
 * and seedboot both refuse a heap that memory could not back), new heap
 * pages read as zero, a shrunk and regrown heap is zero
 * again, fork copies a large heap, and bad pointers are -EFAULT (reads and
 * writes that reach a bad page part way move what they can, as on Linux).
 */
#include "rt.h"

#define MiB (1L << 20)

static long base;

static void brk_to(const char *what, long want)
{
	long r = rt_sys(NR_brk, want, 0, 0, 0, 0);
	if (r >= base && r - base < 0x40000000)
		rt_say("brk(%s) = base + %d\n", what, r - base);
	else
		rt_say("brk(%s) = %e (not near the base)\n", what, r);
}

static void heap(void)
{
	rt_say("-- brk\n");
	base = SYSP(brk, "0", 0);
	brk_to("0", 0);
	brk_to("base + 1 MiB", base + MiB);
	char *p = (char *)base;
	long zeros = 0;
	for (long i = 0; i < MiB; i += 512)
		zeros += p[i] == 0;
	rt_say("every 512th byte of the new heap is zero: %s\n", zeros == MiB / 512 ? "yes" : "no");
	for (long i = 0; i < MiB; i++)
		p[i] = (char)(i * 7);
	long good = 0;
	for (long i = 0; i < MiB; i++)
		good += p[i] == (char)(i * 7);
	rt_say("wrote and read back 1 MiB: %d bytes match\n", good);
	brk_to("base + 100", base + 100);
	brk_to("base + 1 MiB", base + MiB);
	rt_say("after shrinking to base + 100 and growing again: p[99] %d, p[100] %d, p[5000] %d, p[MiB-1] %d\n",
	       p[99], p[100], p[5000], p[MiB - 1]);
	brk_to("base - 4096", base - 4096);
	brk_to("0xfffff000", (long)0xfffff000);
	brk_to("base + 64 MiB", base + 64 * MiB);
	brk_to("base + 1 MiB + 1", base + MiB + 1);
	rt_say("the byte past the old end is zero: %s\n", p[MiB] == 0 ? "yes" : "no");
}

#define BIG (16 * MiB)

static void big_fork(void)
{
	rt_say("-- fork with a %d MiB heap\n", BIG / MiB);
	brk_to("base + 16 MiB", base + BIG);
	unsigned *w = (unsigned *)base;
	for (long i = 0; i < BIG / 4; i += 1024)
		w[i] = (unsigned)i * 2654435761u;
	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		long good = 0;
		for (long i = 0; i < BIG / 4; i += 1024)
			good += w[i] == (unsigned)i * 2654435761u;
		rt_say("child: %d of %d pages hold what the parent wrote\n", good, BIG / 4096);
		for (long i = 0; i < BIG / 4; i += 1024)
			w[i] = 0;
		brk_to("base (in the child)", base);
		EXIT(exit, good == BIG / 4096 ? 0 : 1);
	}
	int status = -1;
	rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
	long good = 0;
	for (long i = 0; i < BIG / 4; i += 1024)
		good += w[i] == (unsigned)i * 2654435761u;
	rt_say("parent: child status 0x%x; %d of %d pages unchanged by the child\n", status, good, BIG / 4096);
	brk_to("0 (the parent's break)", 0);
}

static void faults(void)
{
	rt_say("-- bad pointers\n");
	long fd = SYS(open, "\"f\", O_RDWR|O_CREAT, 0644", "f", O_RDWR | O_CREAT, 0644);
	SYS(write, "fd, \"0123456789\", 10", fd, "0123456789", 10);
	SYS(lseek, "fd, 0, SEEK_SET", fd, 0, SEEK_SET);
	SYS(read, "fd, NULL, 10", fd, 0, 10);
	SYS(read, "fd, 0x10, 10", fd, 0x10, 10);
	SYS(read, "fd, 0xc0001000 (kernel), 10", fd, 0xc0001000, 10);
	SYS(read, "fd, main (read-only code), 10", fd, (long)main, 10);
	SYS(lseek, "fd, 0, SEEK_CUR", fd, 0, SEEK_CUR);
	SYS(write, "fd, NULL, 10", fd, 0, 10);
	SYS(write, "fd, 0xc0001000, 1", fd, 0xc0001000, 1);
	SYS(write, "fd, 0xfffff000, 1", fd, 0xfffff000, 1);
	SYS(write, "fd, base + 32 MiB (past the break), 1", fd, base + 32 * MiB, 1);
	SYS(write, "fd, main, 4 (code is readable)", fd, (long)main, 4);
	/* bytes move until a bad page: only a transfer of nothing fails */
	long end = base + 16 * MiB;
	SYS(lseek, "fd, 0, SEEK_SET", fd, 0, SEEK_SET);
	SYS(read, "fd, 4 bytes before the break, 10", fd, end - 4, 10);
	SYS(read, "fd, the break, 10", fd, end, 10);
	SYS(lseek, "fd, 0, SEEK_SET", fd, 0, SEEK_SET);
	SYS(read, "fd, 100 bytes before the break, 1 GiB (the file is shorter)", fd, end - 100, 1L << 30);
	SYS(read, "fd, NULL, 10 (at the end of the file)", fd, 0, 10);
	SYS(write, "fd, 4 bytes before the break, 10", fd, end - 4, 10);
	SYS(lseek, "fd, 0, SEEK_CUR", fd, 0, SEEK_CUR);
	SYS(write, "fd, the break, 10", fd, end, 10);
	SYS(read, "fd, NULL, 0", fd, 0, 0);
	SYS(write, "fd, NULL, 0", fd, 0, 0);
	SYS(time, "16", 16);
	SYS(clock_gettime, "0, 16", 0, 16);
	SYS(uname, "16", 16);
	SYS(uname, "main (read-only)", (long)main);
	SYS(getcwd, "main (read-only), 4096", (long)main, 4096);
	SYS(close, "fd", fd);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	heap();
	big_fork();
	faults();
	return 0;
}
