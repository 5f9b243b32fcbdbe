/* The console: every byte goes to COM1 and to the screen. */
#include "defs.h"
#include "arch.h"

typedef __builtin_va_list va_list;
#define va_start __builtin_va_start
#define va_arg __builtin_va_arg
#define va_end __builtin_va_end

void console_init(void)
{
	serial_init();
	vga_init();
}

void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
		if (!fb_putc(s[i]))
			vga_putc(s[i]);
	}
}

struct out {
	char buf[256];
	size_t n;
};

static void put(struct out *o, char c)
{
	if (o->n == sizeof(o->buf)) {
		console_write(o->buf, o->n);
		o->n = 0;
	}
	o->buf[o->n++] = c;
}

static void put_number(struct out *o, uint64_t v, unsigned base, int width, char pad)
{
	char digits[24];
	int n = 0;
	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (width-- > n)
		put(o, pad);
	while (n)
		put(o, digits[--n]);
}

static void vformat(struct out *o, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(o, *fmt);
			continue;
		}
		fmt++;
		char pad = ' ';
		int width = 0, longs = 0, precision = -1;
		if (*fmt == '0')
			pad = '0', fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			fmt++;
			precision = 0;
			if (*fmt == '*') {
				precision = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				precision = precision * 10 + (*fmt++ - '0');
		}
		while (*fmt == 'l')
			longs++, fmt++;
		if (*fmt == 'z')
			fmt++;
		uint64_t u;
		switch (*fmt) {
		case 'd': {
			int64_t v = longs == 2 ? va_arg(ap, long long) : va_arg(ap, int);
			if (v < 0) {
				put(o, '-');
				v = -v;
			}
			put_number(o, (uint64_t)v, 10, width, pad);
			break;
		}
		case 'u':
		case 'x':
			u = longs == 2 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned int);
			put_number(o, u, *fmt == 'u' ? 10 : 16, width, pad);
			break;
		case '%':
			put(o, '%');
			break;
		case 'c':
			put(o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			for (s = s ? s : "(null)"; *s && precision != 0; s++, precision--)
				put(o, *s);
			break;
		}
		default:
			put(o, '%');
			put(o, *fmt);
		}
	}
}

static void vprint(const char *fmt, va_list ap)
{
	struct out o;
	o.n = 0;
	vformat(&o, fmt, ap);
	console_write(o.buf, o.n);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
}

const char *current_stage = "boot";

void verdict_pass(void)
{
	kprintf("seedboot: memory peak %u KiB\n", (unsigned)mem_peak_kib());
	kprintf("seedboot: PASS\n");
	arch_power_off(1);
}

void verdict_fail(const char *stage, const char *fmt, ...)
{
	va_list ap;
	kprintf("seedboot: FAIL %s: ", stage);
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
	kprintf("\n");
	arch_power_off(0);
}

void panic(const char *fmt, ...)
{
	va_list ap;
	kprintf("seedboot: kernel panic: ");
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
	kprintf("\nseedboot: FAIL %s: kernel panic\n", current_stage);
	arch_power_off(0);
}
