/* The conformance runtime: entry, raw system calls and the transcript writer. */
#include "rt.h"

__asm__(".globl _start\n_start:\n\tpushl %esp\n\tcall rt_start\n");

void rt_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	int code = main(argc, argv, argv + argc + 1);
	EXIT(exit_group, code);
}

long rt_sys(long nr, long a, long b, long c, long d, long e)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return r;
}

unsigned long rt_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

int rt_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* gcc may call memset and memcpy for large initialisers and copies */
void *memset(void *p, int c, unsigned long n);
void *memcpy(void *dst, const void *src, unsigned long n);

void *memset(void *p, int c, unsigned long n)
{
	unsigned char *d = p;
	while (n--)
		*d++ = (unsigned char)c;
	return p;
}

void *memcpy(void *dst, const void *src, unsigned long n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}

static const char *const errnames[] = {
	[1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO",
	[6] = "ENXIO", [7] = "E2BIG", [8] = "ENOEXEC", [9] = "EBADF", [10] = "ECHILD",
	[11] = "EAGAIN", [12] = "ENOMEM", [13] = "EACCES", [14] = "EFAULT", [16] = "EBUSY",
	[17] = "EEXIST", [18] = "EXDEV", [19] = "ENODEV", [20] = "ENOTDIR", [21] = "EISDIR",
	[22] = "EINVAL", [23] = "ENFILE", [24] = "EMFILE", [25] = "ENOTTY", [26] = "ETXTBSY",
	[27] = "EFBIG", [28] = "ENOSPC", [29] = "ESPIPE", [30] = "EROFS", [31] = "EMLINK",
	[32] = "EPIPE", [34] = "ERANGE", [36] = "ENAMETOOLONG", [38] = "ENOSYS",
	[39] = "ENOTEMPTY", [40] = "ELOOP", [75] = "EOVERFLOW",
};

struct out {
	char *buf;
	int len, cap;
};

static void put(struct out *o, char c)
{
	if (o->len < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

static void puts_(struct out *o, const char *s)
{
	while (*s)
		put(o, *s++);
}

static void putu(struct out *o, unsigned long v, unsigned base)
{
	char tmp[12];
	int n = 0;
	do
		tmp[n++] = "0123456789abcdef"[v % base];
	while (v /= base);
	while (n)
		put(o, tmp[--n]);
}

static void putd(struct out *o, long v)
{
	if (v < 0) {
		put(o, '-');
		putu(o, -(unsigned long)v, 10);
	} else {
		putu(o, (unsigned long)v, 10);
	}
}

static void putresult(struct out *o, long r)
{
	if (r < 0 && r >= -4095) {
		unsigned long e = (unsigned long)-r;
		put(o, '-');
		if (e < sizeof(errnames) / sizeof(errnames[0]) && errnames[e]) {
			puts_(o, errnames[e]);
		} else {
			put(o, 'E');
			putu(o, e, 10);
		}
		return;
	}
	putd(o, r);
}

static int format(char *buf, int cap, const char *fmt, __builtin_va_list ap)
{
	struct out o = { buf, 0, cap - 1 };
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		switch (*++fmt) {
		case 'd': putd(&o, __builtin_va_arg(ap, long)); break;
		case 'u': putu(&o, __builtin_va_arg(ap, unsigned long), 10); break;
		case 'x': putu(&o, __builtin_va_arg(ap, unsigned long), 16); break;
		case 's': puts_(&o, __builtin_va_arg(ap, const char *)); break;
		case 'c': put(&o, (char)__builtin_va_arg(ap, int)); break;
		case 'e': putresult(&o, __builtin_va_arg(ap, long)); break;
		default: put(&o, '%'); put(&o, *fmt); break;
		}
	}
	int n = o.len < o.cap ? o.len : o.cap;
	buf[n] = 0;
	return n;
}

void rt_say(const char *fmt, ...)
{
	char buf[1024];
	__builtin_va_list ap;
	__builtin_va_start(ap, fmt);
	int n = format(buf, sizeof(buf), fmt, ap);
	__builtin_va_end(ap);
	rt_sys(NR_write, 1, (long)buf, n, 0, 0);
}

long rt_trace(const char *name, const char *text, long r, int hide_positive)
{
	if (hide_positive && r > 0)
		rt_say("%s(%s) = POSITIVE\n", name, text);
	else
		rt_say("%s(%s) = %e\n", name, text, r);
	return r;
}

void rt_show(const char *label, const char *buf, long n)
{
	char out[1024];
	int len = 0;
	for (long i = 0; i < n && len < (int)sizeof(out) - 8; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			out[len++] = (char)c;
		} else {
			out[len++] = '\\';
			out[len++] = 'x';
			out[len++] = "0123456789abcdef"[c >> 4];
			out[len++] = "0123456789abcdef"[c & 15];
		}
	}
	out[len] = 0;
	rt_say("%s \"%s\"\n", label, out);
}
