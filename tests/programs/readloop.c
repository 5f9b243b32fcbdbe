/*
 * A million getpid calls, then a million one-byte reads of a file (the
 * shape of stage0's hot path). Prints the nanoseconds each loop took by
 * CLOCK_MONOTONIC: under QEMU's -icount shift=0 that is the number of
 * guest instructions, so the figures are instructions per call.
 */
static long sys(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

static void put_num(unsigned long long v)
{
	char buf[24];
	int n = 0;
	do {
		buf[sizeof(buf) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sys(4, 1, (long)(buf + sizeof(buf) - n), n);
}

static unsigned long long now_ns(void)
{
	unsigned ts[2];
	sys(265, 1, (long)ts, 0);
	return ts[0] * 1000000000ull + ts[1];
}

static void report(const char *what, long len, unsigned long long ns)
{
	sys(4, 1, (long)"readloop: 1000000 ", 18);
	sys(4, 1, (long)what, len);
	sys(4, 1, (long)" in ", 4);
	put_num(ns);
	sys(4, 1, (long)" ns\n", 4);
}

void _start(void)
{
	char c;
	long fd = sys(5, (long)"/seedboot/stages", 0, 0);
	unsigned long long t0 = now_ns();
	for (int i = 0; i < 1000000; i++)
		sys(20, 0, 0, 0);
	unsigned long long t1 = now_ns();
	for (int i = 0; i < 1000000; i++)
		if (sys(3, fd, (long)&c, 1) != 1)
			sys(19, fd, 0, 0);
	unsigned long long t2 = now_ns();
	report("getpid calls", 12, t1 - t0);
	report("one-byte reads", 14, t2 - t1);
	sys(1, 0, 0, 0);
}
