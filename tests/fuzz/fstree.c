/* Walking and emptying the fs/ tree, through its public interface only. */
#include <string.h>

#include "../unit/fsport_host.h"
#include "fuzz.h"

/* The names in dir, in getdents order, without "." and "..", as one malloc'd block. */
static char *names(struct inode *dir, size_t *count)
{
	struct file *f;
	int r = file_open(dir, ".", O_RDONLY | O_DIRECTORY, 0, &f);
	REQUIRE(r == 0, "opening a directory: %d", r);
	size_t used = 0, cap = 256;
	char *all = malloc(cap);
	_Alignas(8) char buf[4096];
	ssize_t n;
	*count = 0;
	while ((n = file_getdents64(f, buf, sizeof buf)) > 0) {
		for (ssize_t p = 0; p < n; p += *(uint16_t *)(buf + p + 16)) {
			const char *name = buf + p + 19;
			if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
				continue;
			size_t len = strlen(name) + 1;
			if (used + len > cap) {
				cap = (used + len) * 2;
				all = realloc(all, cap);
			}
			memcpy(all + used, name, len);
			used += len;
			(*count)++;
		}
	}
	REQUIRE(n == 0, "getdents64: %zd", n);
	file_put(f);
	return all;
}

void fstree_walk(struct inode *dir, const char *path, fstree_visit_fn visit, void *ctx)
{
	size_t count;
	char *all = names(dir, &count);
	const char *name = all;
	for (size_t i = 0; i < count; i++, name += strlen(name) + 1) {
		struct inode *ip;
		int r = fs_lookup(dir, name, &ip);
		REQUIRE(r == 0, "getdents64 lists \"%s\" in \"%s\", but lookup gives %d", name, path, r);
		size_t plen = strlen(path) + 1 + strlen(name) + 1;
		char *sub = malloc(plen);
		snprintf(sub, plen, "%s%s%s", path, *path ? "/" : "", name);
		visit(ctx, sub, ip);
		if (S_ISDIR(inode_mode(ip)))
			fstree_walk(ip, sub, visit, ctx);
		free(sub);
		inode_put(ip);
	}
	free(all);
}

void fstree_empty(struct inode *dir)
{
	size_t count;
	char *all = names(dir, &count);
	const char *name = all;
	for (size_t i = 0; i < count; i++, name += strlen(name) + 1) {
		struct inode *ip;
		int r = fs_lookup(dir, name, &ip);
		REQUIRE(r == 0, "lookup of listed \"%s\": %d", name, r);
		if (S_ISDIR(inode_mode(ip))) {
			fstree_empty(ip);
			r = fs_rmdir(dir, name);
		} else {
			r = fs_unlink(dir, name);
		}
		REQUIRE(r == 0, "removing \"%s\": %d", name, r);
		inode_put(ip);
	}
	free(all);
}

static long root_allocs;

struct inode *fstree_root(void)
{
	static int made;
	if (!made) {
		fs_init();
		root_allocs = fsport_allocs;
		made = 1;
	}
	return fs_root();
}

void fstree_require_clean(void)
{
	REQUIRE(fsport_pages == 0, "%ld pages still allocated once the tree is empty", fsport_pages);
	REQUIRE(fsport_allocs == root_allocs, "%ld allocations still live once the tree is empty, %ld expected",
		fsport_allocs, root_allocs);
}
