/*
 * The cpio unpacker (fs/cpio.c) on arbitrary bytes, into the root of a
 * fresh in-memory filesystem. Rules checked on every input:
 *  - the result is 0 or a negative errno, and a failure's err_at lies in
 *    the input; -EINVAL (a malformed archive) leaves the tree untouched;
 *  - the data handed to visit lies inside the input;
 *  - after a success, every visited path is a regular file that lookup
 *    finds with the size and bytes of its last visit, and the tree holds
 *    only directories and those files;
 *  - unpacking again with a small page and allocation budget ends in 0 or
 *    -ENOSPC, never anything else;
 *  - once the tree is emptied, every page and allocation is given back.
 */
#include <stdint.h>
#include <string.h>

#include "../../kernel/errno.h"
#include "../unit/fsport_host.h"
#include "fuzz.h"

struct visit {
	char *path;
	const uint8_t *data;
	uint32_t len;
};

struct visits {
	const uint8_t *buf;
	size_t size;
	struct visit *v;
	size_t n, cap;
};

static int record(void *ctx, const char *path, const void *data, uint32_t len)
{
	struct visits *vs = ctx;
	const uint8_t *d = data;
	REQUIRE(d >= vs->buf && len <= vs->size && (size_t)(d - vs->buf) <= vs->size - len,
		"visit of \"%s\": %u bytes at offset %td of a %zu-byte archive", path, len, d - vs->buf, vs->size);
	REQUIRE(path[0] != '/' && strncmp(path, "./", 2) != 0, "visit path \"%s\" is not relative", path);
	if (vs->n == vs->cap) {
		vs->cap = vs->cap ? vs->cap * 2 : 16;
		vs->v = realloc(vs->v, vs->cap * sizeof *vs->v);
	}
	vs->v[vs->n++] = (struct visit){ strdup(path), d, len };
	return 0;
}

static void count(void *ctx, const char *path, struct inode *ip)
{
	uint32_t mode = inode_mode(ip);
	REQUIRE(S_ISDIR(mode) || S_ISREG(mode), "\"%s\" is neither a directory nor a file: %o", path, mode);
	(*(size_t *)ctx)++;
}

/* What lookup finds at a visited path is that visit's file. */
static void check_file(struct inode *root, const struct visit *v)
{
	struct file *f;
	int r = file_open(root, v->path, O_RDONLY, 0, &f);
	REQUIRE(r == 0, "unpacked \"%s\", but open gives %d", v->path, r);
	struct inode *ip = file_inode(f);
	REQUIRE(S_ISREG(inode_mode(ip)), "\"%s\" has mode %o", v->path, inode_mode(ip));
	REQUIRE(inode_size(ip) == v->len, "\"%s\" has %llu bytes, the archive %u", v->path,
		(unsigned long long)inode_size(ip), v->len);
	uint8_t *got = malloc(v->len + 1);
	ssize_t n = file_read(f, got, v->len + 1);
	REQUIRE(n == (ssize_t)v->len && memcmp(got, v->data, v->len) == 0,
		"\"%s\" reads back %zd bytes unlike the archive's %u", v->path, n, v->len);
	free(got);
	file_put(f);
}

/* Whether paths a and b name the same file: equal once "." and empty components are dropped. */
static int same_file(const char *a, const char *b)
{
	for (;;) {
		while (*a == '/' || (a[0] == '.' && (a[1] == '/' || a[1] == 0)))
			a++;
		while (*b == '/' || (b[0] == '.' && (b[1] == '/' || b[1] == 0)))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		while (*a && *a != '/' && *a == *b)
			a++, b++;
		if ((*a && *a != '/') || (*b && *b != '/'))
			return 0;
	}
}

/* Whether a later visit wrote the same file again. */
static int overwritten(const struct visits *vs, size_t i)
{
	for (size_t j = i + 1; j < vs->n; j++)
		if (same_file(vs->v[j].path, vs->v[i].path))
			return 1;
	return 0;
}

/* The tree's entries: directories and the distinct visited files. */
static void check_tree(struct inode *root, const struct visits *vs)
{
	size_t files = 0, all = 0;
	for (size_t i = 0; i < vs->n; i++) {
		if (overwritten(vs, i))
			continue;
		check_file(root, &vs->v[i]);
		files++;
	}
	fstree_walk(root, "", count, &all);
	REQUIRE(all >= files, "%zu entries in the tree, %zu distinct files unpacked", all, files);
}

static void forget(struct visits *vs)
{
	for (size_t i = 0; i < vs->n; i++)
		free(vs->v[i].path);
	free(vs->v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inode *root = fstree_root();
	struct visits vs = { .buf = data, .size = size };
	size_t err_at = (size_t)-1;
	int r = cpio_unpack(root, data, size, record, &vs, &err_at);
	REQUIRE(r <= 0, "cpio_unpack returned %d", r);
	if (r < 0) {
		REQUIRE(err_at <= size, "error %d at %zu of %zu bytes", r, err_at, size);
		if (r == -EINVAL) {
			size_t all = 0;
			fstree_walk(root, "", count, &all);
			REQUIRE(all == 0 && vs.n == 0, "a malformed archive made %zu entries", all);
		}
	} else {
		check_tree(root, &vs);
	}
	fstree_empty(root);
	fstree_require_clean();

	if (r == 0) {
		/* the budgets come from the input, so each input tries its own failure point */
		fsport_page_budget = (long)(size % 5);
		fsport_alloc_budget = (long)(size / 5 % 9);
		r = cpio_unpack(root, data, size, NULL, NULL, &err_at);
		fsport_page_budget = -1;
		fsport_alloc_budget = -1;
		REQUIRE(r == 0 || r == -ENOSPC, "with little memory cpio_unpack returned %d", r);
		fstree_empty(root);
		fstree_require_clean();
	}
	forget(&vs);
	return 0;
}
