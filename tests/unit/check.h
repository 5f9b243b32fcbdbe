/* The unit tests' one convention: a line per check, "ok NAME" or "not ok NAME: why". */
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(name, cond, ...)                                   \
	do {                                                     \
		if (cond) {                                      \
			printf("ok %s\n", name);                 \
		} else {                                         \
			printf("not ok %s: ", name);             \
			printf(__VA_ARGS__);                     \
			printf("\n");                            \
			check_failures++;                        \
		}                                                \
	} while (0)

#define SKIP(name, ...)                                          \
	do {                                                     \
		printf("skip %s: ", name);                       \
		printf(__VA_ARGS__);                             \
		printf("\n");                                    \
	} while (0)

#endif
