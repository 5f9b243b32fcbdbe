/* Compiled inside the image by the last tcc of the chain and run there: a
   little of everything a C compiler must get right. It prints its checks
   and writes them to test.out, whose hash stages/tcc/expect holds; the same
   file built by the host's gcc prints the same. */
#include <stdio.h>
#include <string.h>

struct point { int x, y; };
struct shape { const char *name; struct point corner[2]; long long area; };

static long long area(struct shape *s)
{
	long long w = s->corner[1].x - s->corner[0].x;
	long long h = s->corner[1].y - s->corner[0].y;
	return w * h;
}

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

static unsigned long long fib(int n)
{
	unsigned long long a = 0, b = 1;
	while (n-- > 0) {
		unsigned long long t = a + b;
		a = b;
		b = t;
	}
	return a;
}

static int check(FILE *out, const char *what, long long got, long long want)
{
	fprintf(out, "%s: %s\n", what, got == want ? "ok" : "WRONG");
	printf("%s: %s\n", what, got == want ? "ok" : "WRONG");
	return got == want;
}

int main(void)
{
	int (*ops[2])(int, int) = { add, mul };
	struct shape s = { "box", { { 2, 3 }, { 12, 8 } }, 0 };
	unsigned long long big = 0xfedcba9876543210ULL;
	char line[64];
	int good = 1;
	FILE *out = fopen("test.out", "w");

	if (!out) {
		printf("test.c: cannot create test.out\n");
		return 1;
	}
	good &= check(out, "int arithmetic", (7 * 6 - 2) / 4 % 7, 3);
	good &= check(out, "64-bit multiply", 4000000000LL * 3, 12000000000LL);
	good &= check(out, "64-bit divide", (long long)(big / 1000003), 18364703450382LL);
	good &= check(out, "64-bit shift", (long long)(big >> 36), 0xfedcba9LL);
	good &= check(out, "fib(90)", (long long)fib(90), 2880067194370816120LL);
	s.area = area(&s);
	good &= check(out, "struct members", s.area, 50);
	good &= check(out, "function pointers", ops[0](20, 22) + ops[1](6, 7), 84);
	good &= check(out, "string functions", strlen(s.name) + strcmp("abc", "abd"), 2);
	fclose(out);

	out = fopen("test.out", "r");
	good &= out && fread(line, 1, 19, out) == 19 && !memcmp(line, "int arithmetic: ok\n", 19);
	if (out)
		fclose(out);
	printf("file I/O: %s\n", good ? "ok" : "WRONG");
	printf("test.c: %s\n", good ? "PASS" : "FAIL");
	return good ? 0 : 1;
}
