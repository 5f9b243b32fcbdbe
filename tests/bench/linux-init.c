/*
 * seedboot bench: the /init of the Linux comparison guest.
 *
 * Runs the stages listed in /seedboot/stages exactly as the seedboot kernel
 * does (one line per stage: NAME DIR PROGRAM ARG...; cwd = DIR; environment
 * exactly PATH=/usr/bin:/bin), times each one with CLOCK_MONOTONIC and
 * prints the same verdict lines as seedboot:
 *
 *   seedboot: stage NAME start
 *   seedboot: stage NAME done SECONDS
 *   seedboot: PASS | seedboot: FAIL NAME: exit status N
 *
 * Like the seedboot kernel's `stages=LIST` option, a `stages` environment
 * variable (a comma list of stage names) limits the run to the listed
 * stages, still in plan order.  Linux hands an unknown `stages=LIST` word
 * of its command line to init as that environment variable; natively the
 * bench sets it.
 *
 * As pid 1 (the Linux guest, rdinit=/init) it writes to /dev/console and
 * then reports the verdict through QEMU's isa-debug-exit device at 0xf4
 * (0 = PASS, 1 = FAIL), falling back to reboot(POWER_OFF).  Run as any
 * other pid (the native case: `chroot ROOT /init`) it writes to stdout and
 * exits 0 on PASS, 1 on FAIL.
 *
 * Static i386, no libc: the only system calls are the ones written below.
 * Build: gcc -m32 -static -nostdlib -ffreestanding -fno-pic -no-pie ...
 */

typedef unsigned int u32;
typedef unsigned long long u64;

/* ---- system calls (i386, int $0x80) ---------------------------------- */

#define SYS_exit 1
#define SYS_fork 2
#define SYS_read 3
#define SYS_write 4
#define SYS_open 5
#define SYS_close 6
#define SYS_execve 11
#define SYS_chdir 12
#define SYS_mknod 14
#define SYS_getpid 20
#define SYS_mkdir 39
#define SYS_dup2 63
#define SYS_reboot 88
#define SYS_ioperm 101
#define SYS_wait4 114
#define SYS_clock_gettime 265

static long sc3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80"
			 : "=a"(r)
			 : "0"(n), "b"(a), "c"(b), "d"(c)
			 : "memory");
	return r;
}
static long sc4(long n, long a, long b, long c, long d)
{
	long r;
	__asm__ volatile("int $0x80"
			 : "=a"(r)
			 : "0"(n), "b"(a), "c"(b), "d"(c), "S"(d)
			 : "memory");
	return r;
}

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_NOCTTY 0400
#define CLOCK_MONOTONIC 1
#define S_IFCHR 0020000

static void sys_exit(int code)
{
	for (;;)
		sc3(SYS_exit, code, 0, 0);
}

/* ---- tiny helpers ------------------------------------------------------ */

void *memset(void *d, int c, u32 n)
{
	unsigned char *p = d;
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}
void *memcpy(void *d, const void *s, u32 n)
{
	unsigned char *p = d;
	const unsigned char *q = s;
	while (n--)
		*p++ = *q++;
	return d;
}

static int out = 1; /* where verdict lines go */

static char obuf[512];
static u32 olen;

static void oflush(void)
{
	u32 off = 0;
	while (off < olen) {
		long r = sc3(SYS_write, out, (long)(obuf + off), olen - off);
		if (r <= 0)
			break;
		off += (u32)r;
	}
	olen = 0;
}
static void ostr(const char *s)
{
	while (*s) {
		if (olen == sizeof obuf)
			oflush();
		obuf[olen++] = *s++;
	}
}
static void onum(u64 v, int width) /* zero-padded to width digits */
{
	char t[24];
	int n = 0;
	do {
		t[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v || n < width);
	while (n)
		ostr((char[]){t[--n], 0});
}

static u64 now_ns(void)
{
	struct {
		long sec, nsec;
	} ts = {0, 0};
	sc3(SYS_clock_gettime, CLOCK_MONOTONIC, (long)&ts, 0);
	return (u64)(u32)ts.sec * 1000000000ull + (u32)ts.nsec;
}

/* ---- verdict ----------------------------------------------------------- */

static int is_init;

static void finish(int fail)
{
	oflush();
	if (!is_init)
		sys_exit(fail ? 1 : 0);
	/* isa-debug-exit: QEMU exits with (value << 1) | 1. */
	if (sc3(SYS_ioperm, 0xf4, 4, 1) == 0) {
		unsigned char v = fail ? 1 : 0;
		__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"((unsigned short)0xf4));
	}
	/* Not under QEMU (or no debug-exit device): power off. */
	sc4(SYS_reboot, (long)0xfee1dead, 672274793, 0x4321fedc, 0);
	for (;;)
		sc3(SYS_exit, 0, 0, 0); /* pid 1 exiting panics: last resort */
}

static void fail_msg(const char *what, const char *name, const char *msg, long n)
{
	ostr("seedboot: FAIL ");
	ostr(name);
	ostr(": ");
	ostr(what);
	if (msg) {
		ostr(" ");
		ostr(msg);
	}
	if (n >= 0) {
		ostr(" ");
		onum((u64)n, 1);
	}
	ostr("\n");
	finish(1);
}

/* ---- the stage list ---------------------------------------------------- */

#define MAXFILE 65536
#define MAXARGS 64
static char stages[MAXFILE + 1];

static void read_stages(void)
{
	long fd = sc3(SYS_open, (long)"/seedboot/stages", O_RDONLY, 0);
	u32 n = 0;
	if (fd < 0)
		fail_msg("cannot open /seedboot/stages", "init", 0, -fd);
	for (;;) {
		long r = sc3(SYS_read, fd, (long)(stages + n), MAXFILE - n);
		if (r < 0)
			fail_msg("cannot read /seedboot/stages", "init", 0, -r);
		if (r == 0)
			break;
		n += (u32)r;
		if (n == MAXFILE)
			fail_msg("/seedboot/stages too large", "init", 0, -1);
	}
	stages[n] = 0;
	sc3(SYS_close, fd, 0, 0);
}

static int isspace_(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void run_stage(char **argv, int argc)
{
	static char *envp[] = {"PATH=/usr/bin:/bin", 0};
	const char *name = argv[0], *dir = argv[1];
	u64 t0, t1, dt;
	long pid, r;
	int status = 0;

	if (argc < 3)
		fail_msg("malformed line in /seedboot/stages", name, 0, -1);

	ostr("seedboot: stage ");
	ostr(name);
	ostr(" start\n");
	oflush();

	t0 = now_ns();
	pid = sc3(SYS_fork, 0, 0, 0);
	if (pid == 0) {
		r = sc3(SYS_chdir, (long)dir, 0, 0);
		if (r == 0)
			r = sc3(SYS_execve, (long)argv[2], (long)(argv + 2), (long)envp);
		ostr("seedboot: cannot ");
		ostr(r == 0 ? "exec " : "chdir/exec ");
		ostr(argv[2]);
		ostr(" errno ");
		onum((u64)-r, 1);
		ostr("\n");
		oflush();
		sys_exit(127);
	}
	if (pid < 0)
		fail_msg("fork failed, errno", name, 0, -pid);
	do
		r = sc4(SYS_wait4, pid, (long)&status, 0, 0);
	while (r == -4 /* EINTR */);
	t1 = now_ns();
	if (r != pid)
		fail_msg("wait4 failed, errno", name, 0, -r);

	if ((status & 0x7f) != 0)
		fail_msg("killed by signal", name, 0, status & 0x7f);
	if (((status >> 8) & 0xff) != 0)
		fail_msg("exit status", name, 0, (status >> 8) & 0xff);

	dt = t1 - t0;
	ostr("seedboot: stage ");
	ostr(name);
	ostr(" done ");
	onum(dt / 1000000000ull, 1);
	ostr(".");
	onum(dt % 1000000000ull, 9);
	ostr("\n");
	oflush();
}

static const char *only; /* the stages=LIST value, 0 = every stage */

static int listed(const char *name)
{
	if (!only || !*only)
		return 1;
	for (const char *s = only; *s;) {
		const char *n = name;
		while (*s && *s != ',' && *s == *n)
			s++, n++;
		if ((*s == ',' || !*s) && !*n)
			return 1;
		while (*s && *s != ',')
			s++;
		if (*s == ',')
			s++;
	}
	return 0;
}

static void run_all(void)
{
	char *p = stages;
	int ran = 0;
	while (*p) {
		char *argv[MAXARGS + 1];
		int argc = 0;
		char *eol = p;
		while (*eol && *eol != '\n')
			eol++;
		int last = (*eol == 0);
		*eol = 0;
		for (char *q = p; *q;) {
			while (isspace_(*q))
				*q++ = 0;
			if (!*q)
				break;
			if (argc == MAXARGS)
				fail_msg("too many words in a stage line", argv[0], 0, -1);
			argv[argc++] = q;
			while (*q && !isspace_(*q))
				q++;
		}
		argv[argc] = 0;
		if (argc > 0 && argv[0][0] != '#' && listed(argv[0])) {
			run_stage(argv, argc);
			ran++;
		}
		if (last)
			break;
		p = eol + 1;
	}
	if (!ran) {
		ostr("seedboot: FAIL boot: no stage to run (stages=");
		ostr(only ? only : "");
		ostr(")\n");
		finish(1);
	}
}

/* ---- entry ------------------------------------------------------------- */

static void open_console(void)
{
	long fd = sc3(SYS_open, (long)"/dev/console", O_RDWR | O_NOCTTY, 0);
	if (fd < 0) {
		sc3(SYS_mkdir, (long)"/dev", 0755, 0);
		/* makedev(5, 1) in the old 16-bit encoding */
		sc3(SYS_mknod, (long)"/dev/console", S_IFCHR | 0600, (5 << 8) | 1);
		fd = sc3(SYS_open, (long)"/dev/console", O_RDWR | O_NOCTTY, 0);
	}
	if (fd < 0)
		return; /* nowhere to print; still run and report via 0xf4 */
	for (int i = 0; i < 3; i++)
		if (fd != i)
			sc3(SYS_dup2, fd, i, 0);
	if (fd > 2)
		sc3(SYS_close, fd, 0, 0);
	out = 1;
}

/* sp: the initial stack, argc then argv[], 0, envp[], 0 */
__attribute__((used)) static void cmain(long *sp)
{
	for (char **e = (char **)(sp + 1 + sp[0] + 1); *e; e++) {
		const char *k = "stages=", *v = *e;
		while (*k && *k == *v)
			k++, v++;
		if (!*k)
			only = v;
	}
	is_init = sc3(SYS_getpid, 0, 0, 0) == 1;
	if (is_init)
		open_console();
	read_stages();
	run_all();
	ostr("seedboot: PASS\n");
	finish(0);
}

__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	xorl %ebp, %ebp\n"
	"	movl %esp, %eax\n"
	"	andl $-16, %esp\n"
	"	subl $12, %esp\n"
	"	pushl %eax\n"
	"	call cmain\n"
	"	hlt\n");
