/*
 * Takes all the memory it can, through brk and then fork, and checks that
 * the kernel says no the way Linux does (brk returns the old break, fork
 * returns -ENOMEM) instead of crashing or killing it; then gives it all
 * back and exits 0, so the run goes on to the next stage.
 */
static long sys(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

enum { EXIT = 1, FORK = 2, WRITE = 4, CREAT = 8, WAITPID = 7, ACCESS = 33, BRK = 45 };
#define ENOMEM 12
#define MIB (1ul << 20)
#define DONE "oom-done"

static void say(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	sys(WRITE, 1, (long)s, (long)n);
}

static void say_num(const char *before, unsigned long v, const char *after)
{
	char buf[16];
	int n = 0;
	do
		buf[sizeof(buf) - 1 - n++] = (char)('0' + v % 10);
	while (v /= 10);
	say(before);
	sys(WRITE, 1, (long)(buf + sizeof(buf) - n), n);
	say(after);
}

static void fail(const char *why)
{
	say("oom: not ok ");
	say(why);
	say("\n");
	sys(EXIT, 1, 0, 0);
}

void _start(void)
{
	unsigned long base = (unsigned long)sys(BRK, 0, 0, 0), end = base;
	unsigned long mib = 0;
	for (;;) {
		unsigned long got = (unsigned long)sys(BRK, (long)(end + MIB), 0, 0);
		if (got == end)
			break;	/* refused: Linux's brk returns the old break */
		if (got != end + MIB)
			fail("brk returned neither the new nor the old break");
		for (unsigned long a = end; a < got; a += 4096)
			*(volatile char *)a = 1;	/* make it real */
		end = got;
		mib++;
	}
	if (mib == 0)
		fail("brk gave nothing at all");
	say_num("oom: brk refused after ", mib, " MiB, old break returned\n");

	/* half the heap back, then children that each copy the rest */
	end = base + mib / 2 * MIB;
	if ((unsigned long)sys(BRK, (long)end, 0, 0) != end)
		fail("brk could not shrink the heap");
	unsigned long children = 0;
	long r;
	for (;;) {
		r = sys(FORK, 0, 0, 0);
		if (r == 0) {
			while (sys(ACCESS, (long)DONE, 0, 0) != 0)
				;	/* hold the copy until the parent is done */
			sys(EXIT, 0, 0, 0);
		}
		if (r < 0)
			break;
		children++;
	}
	if (r != -ENOMEM)
		fail("fork failed, but not with ENOMEM");
	say_num("oom: fork refused with ENOMEM after ", children, " successful forks\n");

	long fd = sys(CREAT, (long)DONE, 0600, 0);
	if (fd < 0)
		fail("cannot create " DONE " with memory given back by brk");
	int status;
	for (unsigned long i = 0; i < children; i++)
		if (sys(WAITPID, -1, (long)&status, 0) <= 0 || status != 0)
			fail("a child did not exit 0");
	if ((unsigned long)sys(BRK, (long)base, 0, 0) != base)
		fail("brk could not give the heap back");
	say("oom: ok: everything given back\n");
	sys(EXIT, 0, 0, 0);
}
