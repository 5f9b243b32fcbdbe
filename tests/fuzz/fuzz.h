/*
 * What the fuzz targets share: an assertion that names the broken rule, and
 * (fstree.c) walking and emptying the in-memory tree of fs/ between inputs.
 */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#include "../../fs/fs.h"

/* A broken invariant: one line saying which, then abort() so libFuzzer keeps the input. */
#define REQUIRE(cond, ...)                                                       \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);                            \
			fputc('\n', stderr);                                     \
			abort();                                                 \
		}                                                                \
	} while (0)

/* The root of a filesystem made on the first call and shared by every input. */
struct inode *fstree_root(void);
/* Call visit for every entry below dir (depth first, parents before children). */
typedef void (*fstree_visit_fn)(void *ctx, const char *path, struct inode *ip);
void fstree_walk(struct inode *dir, const char *path, fstree_visit_fn visit, void *ctx);
/* Remove everything below dir. */
void fstree_empty(struct inode *dir);
/* After fstree_empty(fstree_root()): nothing is left allocated but the root itself. */
void fstree_require_clean(void);

#endif
