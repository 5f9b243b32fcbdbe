/*
 * The check harness of the fs/ unit tests. A check is a named group of
 * expectations; check_end prints "ok NAME", or "not ok NAME: reason" with
 * the first expectation that failed. check_exit gives the exit status.
 */
#ifndef TESTS_UNIT_FSCHECK_H
#define TESTS_UNIT_FSCHECK_H

#include <stdarg.h>
#include <stdio.h>

static const char *check_name;
static char check_why[512];
static int check_bad, check_failures;

static void check_begin(const char *name)
{
	check_name = name;
	check_bad = 0;
}

static void check_fail(int line, const char *fmt, ...)
{
	if (check_bad++)
		return;
	int n = snprintf(check_why, sizeof check_why, "line %d: ", line);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(check_why + n, sizeof check_why - n, fmt, ap);
	va_end(ap);
}

static void check_end(void)
{
	if (check_bad) {
		printf("not ok %s: %s\n", check_name, check_why);
		check_failures++;
	} else {
		printf("ok %s\n", check_name);
	}
	fflush(stdout);
}

static int check_exit(void)
{
	return check_failures ? 1 : 0;
}

/* A value for a message: negative errnos by name. */
static const char *check_show(long long v, char *buf, size_t size)
{
	static const char *const names[] = {
		[2] = "ENOENT", [9] = "EBADF", [16] = "EBUSY", [17] = "EEXIST",
		[20] = "ENOTDIR", [21] = "EISDIR", [22] = "EINVAL", [24] = "EMFILE",
		[27] = "EFBIG", [28] = "ENOSPC", [29] = "ESPIPE", [34] = "ERANGE", [36] = "ENAMETOOLONG",
		[39] = "ENOTEMPTY",
	};
	if (v < 0 && v > -(long long)(sizeof names / sizeof names[0]) && names[-v])
		snprintf(buf, size, "-%s", names[-v]);
	else
		snprintf(buf, size, "%lld", v);
	return buf;
}

#define EQ(got, want) do { \
	long long got_ = (long long)(got), want_ = (long long)(want); \
	if (got_ != want_) { \
		char g_[32], w_[32]; \
		check_fail(__LINE__, "%s: expected %s, got %s", #got, \
			   check_show(want_, w_, sizeof w_), check_show(got_, g_, sizeof g_)); \
	} \
} while (0)

#define TRUE(cond) do { \
	if (!(cond)) \
		check_fail(__LINE__, "expected %s", #cond); \
} while (0)

#define STREQ(got, want) do { \
	const char *got_ = (got), *want_ = (want); \
	if (strcmp(got_, want_) != 0) \
		check_fail(__LINE__, "%s: expected \"%s\", got \"%s\"", #got, want_, got_); \
} while (0)

#endif
