/*
 * Checks of the Linux i386 ABI as the kernel gives it, each printed as
 * "abi: ok WHAT" or "abi: not ok WHAT"; exits with the number that failed.
 * The conformance suite compares whole transcripts with Linux; this is the
 * walking skeleton's smoke test of the same contract.
 */
static long sys(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

static unsigned long slen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

static int same(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int failures;

static void check(const char *what, int ok)
{
	const char *verdict = ok ? "abi: ok " : "abi: not ok ";
	sys(4, 1, (long)verdict, (long)slen(verdict));
	sys(4, 1, (long)what, (long)slen(what));
	sys(4, 1, (long)"\n", 1);
	failures += !ok;
}

#define EBADF 9
#define ENOENT 2
#define EFAULT 14
#define ENOTTY 25
#define ENOSYS 38

/* the SysV i386 entry: esp points at argc */
__asm__(".globl _start\n_start:\n\tpushl %esp\n\tcall start_c\n");

void start_c(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	long *aux = (long *)envp;
	while (*aux)
		aux++;
	aux++;
	long pagesz = 0;
	for (; aux[0]; aux += 2)
		if (aux[0] == 6)
			pagesz = aux[1];

	check("argc is 1 and argv[0] is the program", argc == 1 && same(argv[0], "./abi"));
	check("envp is exactly PATH=/usr/bin:/bin", envp[0] && same(envp[0], "PATH=/usr/bin:/bin") && !envp[1]);
	check("auxv gives AT_PAGESZ 4096", pagesz == 4096);
	check("write from an unmapped address is -EFAULT", sys(4, 1, 0x10, 5) == -EFAULT);
	check("write from kernel memory is -EFAULT", sys(4, 1, (long)0xc0001000, 1) == -EFAULT);
	check("an unknown system call is -ENOSYS", sys(999, 0, 0, 0) == -ENOSYS);
	check("mmap2, not implemented, is -ENOSYS, twice",
	      sys(192, 0, 4096, 3) == -ENOSYS && sys(192, 0, 4096, 3) == -ENOSYS);
	char termios[64];
	check("ioctl TCGETS on fd 0 is -ENOTTY", sys(54, 0, 0x5401, (long)termios) == -ENOTTY);
	check("close of a bad fd is -EBADF", sys(6, 99, 0, 0) == -EBADF);
	check("open of a missing file is -ENOENT", sys(5, (long)"/no/such", 0, 0) == -ENOENT);
	char *const nargv[] = { "./missing", 0 };
	check("execve of a missing file is -ENOENT", sys(11, (long)"./missing", (long)nargv, 0) == -ENOENT);

	long base = sys(45, 0, 0, 0);
	long top = sys(45, base + 100000, 0, 0);
	int heap_ok = base > 0 && top == base + 100000;
	if (heap_ok) {
		char *p = (char *)base;
		for (long i = 0; i < 100000; i += 4096)
			p[i] = 1;
		heap_ok = p[0] == 1 && p[99999] == 0;
	}
	check("brk grows the heap and its pages read as zero", heap_ok);

	long pid = sys(2, 0, 0, 0);
	if (pid == 0)
		sys(1, 3, 0, 0);
	int status = 0;
	long waited = sys(7, pid, (long)&status, 0);
	check("fork, then waitpid gets the child's exit status 3 << 8", pid > 0 && waited == pid && status == 3 << 8);
	check("waitpid without children is -ECHILD", sys(7, -1, 0, 0) == -10);

	sys(1, failures, 0, 0);
}
