/* Unit tests of fs/: the tree, paths, file data, open files, descriptor tables. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../../fs/fs.h"
#include "../../kernel/errno.h"
#include "fsport_host.h"
#include "fscheck.h"

#define MiB (1024 * 1024)

static struct inode *root;

/* --- helpers ------------------------------------------------------------ */

static int put_file(struct inode *cwd, const char *path, const void *data, size_t n)
{
	struct file *f;
	int r = file_open(cwd, path, O_CREAT | O_WRONLY | O_TRUNC, 0644, &f);
	if (r < 0)
		return r;
	ssize_t w = file_write(f, data, n);
	file_put(f);
	return w == (ssize_t)n ? 0 : (int)w;
}

/* Read the whole file into buf (NUL-terminated); the byte count or an errno. */
static long get_file(struct inode *cwd, const char *path, char *buf, size_t cap)
{
	struct file *f;
	int r = file_open(cwd, path, O_RDONLY, 0, &f);
	if (r < 0)
		return r;
	ssize_t n = file_read(f, buf, cap - 1);
	file_put(f);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static long ino_of(struct inode *cwd, const char *path)
{
	struct inode *ip;
	int r = fs_lookup(cwd, path, &ip);
	if (r < 0)
		return r;
	long ino = inode_ino(ip);
	inode_put(ip);
	return ino;
}

static struct inode *dir_at(const char *path)
{
	struct inode *ip = NULL;
	if (fs_lookup(root, path, &ip) < 0)
		abort();
	return ip;
}

struct dirent64 {
	uint64_t ino;
	int64_t off;
	uint16_t reclen;
	uint8_t type;
	char name[];
};

/* The names getdents64 lists for the directory at path, joined by spaces. */
static long list_dir(struct inode *cwd, const char *path, char *out, size_t cap)
{
	struct file *f;
	int r = file_open(cwd, path, O_RDONLY | O_DIRECTORY, 0, &f);
	if (r < 0)
		return r;
	static _Alignas(8) char buf[4096];
	size_t len = 0;
	long count = 0;
	ssize_t n;
	out[0] = '\0';
	while ((n = file_getdents64(f, buf, sizeof buf)) > 0) {
		for (ssize_t p = 0; p < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + p);
			size_t l = strlen(d->name);
			if (len + l + 2 < cap) {
				if (len)
					out[len++] = ' ';
				memcpy(out + len, d->name, l + 1);
				len += l;
			}
			count++;
			p += d->reclen;
		}
	}
	file_put(f);
	return n < 0 ? n : count;
}

static uint8_t pattern(uint32_t file, uint64_t off)
{
	uint64_t x = (off + 1) * 2654435761u + file * 40503u;
	return (uint8_t)(x ^ x >> 13);
}

/* --- checks -------------------------------------------------------------- */

static void test_root(void)
{
	check_begin("root: ino 1, a 0755 directory, getcwd \"/\"");
	char buf[8];
	EQ(inode_ino(root), 1);
	EQ(inode_mode(root), S_IFDIR | 0755);
	EQ(fs_getcwd(root, buf, sizeof buf), 2);
	STREQ(buf, "/");
	EQ(ino_of(root, "/"), 1);
	EQ(ino_of(root, ".."), 1);
	EQ(ino_of(root, "/../.././.."), 1);
	check_end();
}

static void test_paths(void)
{
	check_begin("paths: absolute, relative, . and .., slashes, ino order");
	EQ(fs_mkdir(root, "/p", 0755), 0);
	EQ(fs_mkdir(root, "p/a", 0755), 0);
	EQ(fs_mkdir(root, "/p/a/b", 0755), 0);
	EQ(put_file(root, "/p/f", "x", 1), 0);
	long p = ino_of(root, "/p"), a = ino_of(root, "/p/a"), b = ino_of(root, "/p/a/b");
	long f = ino_of(root, "/p/f");
	TRUE(p > 1 && a == p + 1 && b == a + 1 && f == b + 1);
	struct inode *pd = dir_at("/p");
	EQ(ino_of(pd, "a/b"), b);
	EQ(ino_of(pd, "./a/./b/"), b);
	EQ(ino_of(pd, "a//b//"), b);
	EQ(ino_of(pd, "."), p);
	EQ(ino_of(pd, ".."), 1);
	EQ(ino_of(pd, "a/b/../.."), p);
	EQ(ino_of(pd, "/p/a/b/../../a"), a);
	EQ(ino_of(pd, "//p///a"), a);
	EQ(ino_of(pd, "/"), 1);
	EQ(ino_of(pd, "///"), 1);
	EQ(ino_of(pd, "f"), f);
	EQ(ino_of(pd, "missing"), -ENOENT);
	EQ(ino_of(pd, "missing/.."), -ENOENT);
	EQ(ino_of(pd, ""), -ENOENT);
	check_end();

	check_begin("paths: ENOTDIR through or after a regular file");
	EQ(ino_of(pd, "f/"), -ENOTDIR);
	EQ(ino_of(pd, "f/."), -ENOTDIR);
	EQ(ino_of(pd, "f/.."), -ENOTDIR);
	EQ(ino_of(pd, "f/x"), -ENOTDIR);
	EQ(ino_of(pd, "f//"), -ENOTDIR);
	EQ(ino_of(pd, "a/"), a);
	struct file *fp;
	EQ(file_open(pd, "f/", O_RDONLY, 0, &fp), -ENOTDIR);
	EQ(file_open(pd, "f/x", O_CREAT | O_RDWR, 0644, &fp), -ENOTDIR);
	EQ(fs_mkdir(pd, "f/x", 0755), -ENOTDIR);
	check_end();

	check_begin("paths: ENAMETOOLONG for a 256-byte name and a 4096-byte path");
	char name[300];
	memset(name, 'n', 255);
	name[255] = '\0';
	EQ(ino_of(pd, name), -ENOENT);
	EQ(put_file(pd, name, "long", 4), 0);
	TRUE(ino_of(pd, name) > 0);
	EQ(fs_unlink(pd, name), 0);
	name[255] = 'n';
	name[256] = '\0';
	EQ(ino_of(pd, name), -ENAMETOOLONG);
	EQ(fs_mkdir(pd, name, 0755), -ENAMETOOLONG);
	EQ(file_open(pd, name, O_CREAT | O_RDWR, 0644, &fp), -ENAMETOOLONG);
	static char path[FS_PATH_MAX + 8];
	for (int i = 0; i < FS_PATH_MAX; i += 2)
		memcpy(path + i, "./", 2);
	path[FS_PATH_MAX - 1] = '\0';	/* 4095 bytes: allowed */
	EQ(ino_of(pd, path), p);
	path[FS_PATH_MAX - 1] = '.';
	path[FS_PATH_MAX] = '\0';	/* 4096 bytes: too long */
	EQ(ino_of(pd, path), -ENAMETOOLONG);
	check_end();
	inode_put(pd);
}

static void test_mkdir_rmdir(void)
{
	check_begin("mkdir: EEXIST, ENOENT, mode bits");
	struct inode *ip;
	EQ(fs_mkdir(root, "/m", 07777), 0);
	EQ(fs_lookup(root, "/m", &ip), 0);
	EQ(inode_mode(ip), S_IFDIR | 01777);
	EQ(fs_chmod(ip, 0700), 0);
	EQ(inode_mode(ip), S_IFDIR | 0700);
	EQ(fs_mkdir(ip, "d/", 0755), 0);
	EQ(put_file(ip, "f", "", 0), 0);
	EQ(fs_mkdir(ip, "d", 0755), -EEXIST);
	EQ(fs_mkdir(ip, "d/", 0755), -EEXIST);
	EQ(fs_mkdir(ip, "f", 0755), -EEXIST);
	EQ(fs_mkdir(ip, "f/", 0755), -EEXIST);
	EQ(fs_mkdir(ip, ".", 0755), -EEXIST);
	EQ(fs_mkdir(ip, "..", 0755), -EEXIST);
	EQ(fs_mkdir(ip, "d/.", 0755), -EEXIST);
	EQ(fs_mkdir(ip, "/", 0755), -EEXIST);
	EQ(fs_mkdir(ip, "nx/y", 0755), -ENOENT);
	EQ(fs_mkdir(ip, "", 0755), -ENOENT);
	EQ(fs_mkdir(ip, "d//e//", 0755), 0);
	TRUE(ino_of(ip, "d/e") > 0);
	check_end();

	check_begin("rmdir: EBUSY, EINVAL, ENOTEMPTY, ENOTDIR, ENOENT, success");
	EQ(fs_rmdir(ip, "/"), -EBUSY);
	EQ(fs_rmdir(ip, "."), -EINVAL);
	EQ(fs_rmdir(ip, "d/."), -EINVAL);
	EQ(fs_rmdir(ip, "d/.."), -ENOTEMPTY);
	EQ(fs_rmdir(ip, ".."), -ENOTEMPTY);
	EQ(fs_rmdir(ip, "d"), -ENOTEMPTY);
	EQ(fs_rmdir(ip, "f"), -ENOTDIR);
	EQ(fs_rmdir(ip, "f/"), -ENOTDIR);
	EQ(fs_rmdir(ip, "nx"), -ENOENT);
	EQ(fs_rmdir(ip, "d/e/"), 0);
	EQ(ino_of(ip, "d/e"), -ENOENT);
	EQ(fs_rmdir(ip, "d"), 0);
	EQ(fs_unlink(ip, "f"), 0);
	EQ(inode_size(ip), 40);
	check_end();

	check_begin("rmdir: a removed cwd keeps \"..\" but takes no new names");
	struct inode *gone;
	EQ(fs_mkdir(ip, "gone", 0755), 0);
	EQ(fs_lookup(ip, "gone", &gone), 0);
	EQ(fs_rmdir(ip, "gone"), 0);
	EQ(fs_mkdir(gone, "x", 0755), -ENOENT);
	struct file *f;
	EQ(file_open(gone, "x", O_CREAT | O_RDWR, 0644, &f), -ENOENT);
	EQ(ino_of(gone, ".."), inode_ino(ip));
	char buf[64];
	EQ(fs_getcwd(gone, buf, sizeof buf), -ENOENT);
	EQ(file_open(gone, ".", O_RDONLY, 0, &f), 0);
	EQ(file_getdents64(f, buf, sizeof buf), -ENOENT);
	file_put(f);
	inode_put(gone);
	inode_put(ip);
	EQ(fs_rmdir(root, "/m"), 0);
	check_end();
}

static void test_unlink(void)
{
	check_begin("unlink: EISDIR, ENOTDIR, ENOENT, success");
	EQ(fs_mkdir(root, "/u", 0755), 0);
	EQ(fs_mkdir(root, "/u/d", 0755), 0);
	EQ(put_file(root, "/u/f", "data", 4), 0);
	EQ(fs_unlink(root, "/u/d"), -EISDIR);
	EQ(fs_unlink(root, "/u/d/"), -EISDIR);
	EQ(fs_unlink(root, "/"), -EISDIR);
	EQ(fs_unlink(root, "/u/."), -EISDIR);
	EQ(fs_unlink(root, "/u/.."), -EISDIR);
	EQ(fs_unlink(root, "/u/f/"), -ENOTDIR);
	EQ(fs_unlink(root, "/u/nx"), -ENOENT);
	EQ(fs_unlink(root, "/u/nx/"), -ENOENT);
	EQ(fs_unlink(root, "/u/f"), 0);
	EQ(ino_of(root, "/u/f"), -ENOENT);
	EQ(fs_unlink(root, "/u/f"), -ENOENT);
	check_end();
}

static void test_unlink_open(void)
{
	check_begin("unlink while open: data readable until the last file_put");
	long pages = fsport_pages;
	static char data[3 * 4096 + 5];
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (char)pattern(7, i);
	EQ(put_file(root, "/u/open", data, sizeof data), 0);
	struct file *r, *w;
	EQ(file_open(root, "/u/open", O_RDONLY, 0, &r), 0);
	EQ(file_open(root, "/u/open", O_WRONLY | O_APPEND, 0, &w), 0);
	EQ(fs_unlink(root, "/u/open"), 0);
	EQ(ino_of(root, "/u/open"), -ENOENT);
	EQ(file_write(w, "tail", 4), 4);
	static char back[sizeof data + 16];
	EQ(file_read(r, back, sizeof back), sizeof data + 4);
	TRUE(memcmp(back, data, sizeof data) == 0 && memcmp(back + sizeof data, "tail", 4) == 0);
	EQ(fsport_pages, pages + 4);
	file_put(w);
	EQ(fsport_pages, pages + 4);
	file_put(r);
	EQ(fsport_pages, pages);
	/* a new file of the same name is a different inode */
	EQ(put_file(root, "/u/open", "new", 3), 0);
	char buf[8];
	EQ(get_file(root, "/u/open", buf, sizeof buf), 3);
	STREQ(buf, "new");
	check_end();
}

static void test_rename(void)
{
	check_begin("rename: files, replacing a file, errors");
	struct inode *ip;
	char buf[64];
	EQ(fs_mkdir(root, "/r", 0755), 0);
	struct inode *r = dir_at("/r");
	EQ(put_file(r, "a", "AAA", 3), 0);
	EQ(put_file(r, "b", "BB", 2), 0);
	long a = ino_of(r, "a");
	struct file *ob;
	EQ(file_open(r, "b", O_RDONLY, 0, &ob), 0);
	EQ(fs_rename(r, "a", "b"), 0);
	EQ(ino_of(r, "a"), -ENOENT);
	EQ(ino_of(r, "b"), a);
	EQ(get_file(r, "b", buf, sizeof buf), 3);
	STREQ(buf, "AAA");
	EQ(file_read(ob, buf, sizeof buf), 2);	/* the replaced file lives on while open */
	file_put(ob);
	EQ(fs_rename(r, "b", "b"), 0);
	EQ(fs_rename(r, "b", "./c"), 0);
	EQ(ino_of(r, "c"), a);
	EQ(fs_rename(r, "nx", "y"), -ENOENT);
	EQ(fs_rename(r, "c", "nx/y"), -ENOENT);
	EQ(fs_rename(r, "c/", "y"), -ENOTDIR);
	EQ(fs_rename(r, "c", "y/"), -ENOTDIR);
	EQ(fs_rename(r, "c", "."), -EBUSY);
	EQ(fs_rename(r, "c", ".."), -EBUSY);
	EQ(fs_rename(r, ".", "z"), -EBUSY);
	EQ(fs_rename(r, "/", "z"), -EBUSY);
	EQ(fs_rename(r, "", "z"), -ENOENT);
	check_end();

	check_begin("rename: directories, parents, getcwd, EINVAL/ENOTEMPTY/EISDIR/ENOTDIR");
	EQ(fs_mkdir(r, "d", 0755), 0);
	EQ(fs_mkdir(r, "d/sub", 0755), 0);
	EQ(fs_mkdir(r, "e", 0755), 0);
	EQ(fs_mkdir(r, "full", 0755), 0);
	EQ(put_file(r, "full/x", "", 0), 0);
	struct inode *sub = dir_at("/r/d/sub");
	EQ(fs_rename(r, "d", "d/sub/z"), -EINVAL);
	EQ(fs_rename(r, "d", "d/sub"), -EINVAL);
	EQ(fs_rename(r, "d/sub", "d"), -ENOTEMPTY);
	EQ(fs_rename(r, "d", "full"), -ENOTEMPTY);
	EQ(fs_rename(r, "d", "c"), -ENOTDIR);
	EQ(fs_rename(r, "c", "d"), -EISDIR);
	EQ(fs_rename(r, "d", "d"), 0);
	EQ(fs_rename(r, "d/", "e/"), 0);	/* replaces the empty e */
	EQ(ino_of(r, "d"), -ENOENT);
	EQ(fs_getcwd(sub, buf, sizeof buf), 9);
	STREQ(buf, "/r/e/sub");
	EQ(fs_rename(r, "e/sub", "full/moved"), 0);
	EQ(fs_getcwd(sub, buf, sizeof buf), 14);
	STREQ(buf, "/r/full/moved");
	EQ(ino_of(sub, ".."), ino_of(r, "full"));
	EQ(ino_of(sub, "../x"), ino_of(r, "full/x"));
	EQ(fs_rmdir(r, "e"), 0);
	EQ(fs_lookup(r, "full", &ip), 0);
	EQ(inode_size(ip), 80);
	inode_put(ip);
	check_end();
	inode_put(sub);
	inode_put(r);
}

static void test_getdents(void)
{
	check_begin("getdents64: creation order, . and .., records, cookies");
	EQ(fs_mkdir(root, "/g", 0755), 0);
	struct inode *g = dir_at("/g");
	const char *names[] = { "zeta", "alpha", "m", "dir", "beta" };
	for (int i = 0; i < 5; i++) {
		if (i == 3)
			EQ(fs_mkdir(g, names[i], 0755), 0);
		else
			EQ(put_file(g, names[i], "", 0), 0);
	}
	char out[256];
	EQ(list_dir(g, ".", out, sizeof out), 7);
	STREQ(out, ". .. zeta alpha m dir beta");
	EQ(fs_unlink(g, "alpha"), 0);
	EQ(fs_rename(g, "zeta", "omega"), 0);
	EQ(put_file(g, "alpha", "", 0), 0);
	EQ(list_dir(g, ".", out, sizeof out), 7);
	STREQ(out, ". .. m dir beta omega alpha");

	struct file *f;
	_Alignas(8) char buf[512];
	EQ(file_open(g, ".", O_RDONLY, 0, &f), 0);
	EQ(file_getdents64(f, buf, 23), -EINVAL);
	EQ(file_getdents64(f, buf, 24), 24);	/* "." alone */
	struct dirent64 *d = (struct dirent64 *)buf;
	EQ(d->ino, inode_ino(g));
	EQ(d->reclen, 24);
	EQ(d->type, 4);
	STREQ(d->name, ".");
	int64_t after_dot = d->off;
	ssize_t n = file_getdents64(f, buf, sizeof buf);
	EQ(n, 24 * 4 + 32 * 2);	/* .. m dir beta omega alpha */
	d = (struct dirent64 *)buf;
	STREQ(d->name, "..");
	EQ(d->ino, 1);
	int64_t cookie_m = d->off, cookie_beta = 0;
	d = (struct dirent64 *)(buf + 24);
	STREQ(d->name, "m");
	EQ(d->type, 8);
	EQ(d->ino, ino_of(g, "m"));
	for (ssize_t p = 0; p < n; p += d->reclen) {
		d = (struct dirent64 *)(buf + p);
		TRUE(d->reclen % 8 == 0);
		if (strcmp(d->name, "dir") == 0) {
			EQ(d->type, 4);
			cookie_beta = d->off;
		}
	}
	EQ(file_getdents64(f, buf, sizeof buf), 0);
	EQ(file_lseek(f, cookie_beta, SEEK_SET), cookie_beta);
	EQ(file_getdents64(f, buf, 32), 24);
	STREQ(((struct dirent64 *)buf)->name, "beta");
	EQ(file_lseek(f, cookie_m, SEEK_SET), cookie_m);
	EQ(fs_rmdir(g, "dir"), 0);
	EQ(put_file(g, "late", "", 0), 0);
	n = file_getdents64(f, buf, sizeof buf);
	EQ(n, 24 * 3 + 32 * 2);	/* m beta omega alpha late: the removed dir is skipped */
	EQ(file_lseek(f, after_dot, SEEK_SET), after_dot);
	EQ(file_lseek(f, 0, SEEK_END), -EINVAL);
	EQ(file_read(f, buf, 1), -EISDIR);
	file_put(f);
	EQ(list_dir(g, ".", out, sizeof out), 7);
	STREQ(out, ". .. m beta omega alpha late");
	EQ(file_open(g, "m", O_RDONLY, 0, &f), 0);
	EQ(file_getdents64(f, buf, sizeof buf), -ENOTDIR);
	file_put(f);
	check_end();
	inode_put(g);
}

enum { BIG = 5000 };

static void big_name(char *name, size_t size, int i)
{
	snprintf(name, size, "entry-%d", (i * 7919) % BIG);
}

static int big_remove(struct inode *dir, int i)
{
	char name[32];
	big_name(name, sizeof name, i);
	return i % 10 == 0 ? fs_rmdir(dir, name) : fs_unlink(dir, name);
}

/* The entries i with i % step == 0 must be there, with their inos, listed in order. */
static int big_intact(struct inode *dir, int step, long first)
{
	static char out[BIG * 16], want[BIG * 16];
	char name[32];
	int bad = 0;
	size_t len = (size_t)snprintf(want, sizeof want, ". ..");
	for (int i = 0; i < BIG; i += step) {
		big_name(name, sizeof name, i);
		bad += ino_of(dir, name) != first + i;
		len += (size_t)snprintf(want + len, sizeof want - len, " %s", name);
	}
	bad += list_dir(dir, ".", out, sizeof out) != (BIG + step - 1) / step + 2;
	bad += strcmp(out, want) != 0;
	return bad;
}

static void test_big_dir(void)
{
	check_begin("big directory: 5000 names, lookups, order kept through removals");
	EQ(fs_mkdir(root, "/big", 0755), 0);
	struct inode *dir = dir_at("/big");
	char name[32];
	long first = ino_of(root, "/big") + 1;
	int bad = 0;
	for (int i = 0; i < BIG; i++) {
		big_name(name, sizeof name, i);
		bad += (i % 10 == 0 ? fs_mkdir(dir, name, 0755) : put_file(dir, name, name, strlen(name))) != 0;
	}
	EQ(bad, 0);
	EQ(inode_size(dir), 40 + 20 * BIG);
	EQ(big_intact(dir, 1, first), 0);
	for (int i = 1; i < BIG; i += 2)
		bad += big_remove(dir, i) != 0;
	EQ(bad, 0);
	EQ(big_intact(dir, 2, first), 0);
	long pages = fsport_pages;
	for (int i = 2; i < BIG; i += 4)	/* now the array gets compacted */
		bad += big_remove(dir, i) != 0;
	EQ(bad, 0);
	TRUE(fsport_pages < pages);
	EQ(big_intact(dir, 4, first), 0);
	for (int i = 0; i < BIG; i += 4)
		bad += big_remove(dir, i) != 0;
	EQ(bad, 0);
	EQ(list_dir(dir, ".", name, sizeof name), 2);
	EQ(fs_rmdir(root, "/big"), 0);
	check_end();
	inode_put(dir);
}

static void test_many_files(void)
{
	enum { N = 2000, ROUNDS = 6 };
	check_begin("2000 files written interleaved, each read back");
	EQ(fs_mkdir(root, "/many", 0755), 0);
	struct inode *dir = dir_at("/many");
	static struct file *f[N];
	static uint32_t size[N];
	char name[32];
	int bad = 0;
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof name, "f%d", i);
		bad += file_open(dir, name, O_CREAT | O_RDWR, 0644, &f[i]) != 0;
	}
	EQ(bad, 0);
	static uint8_t buf[9000];
	for (int round = 0; round < ROUNDS; round++) {
		for (int i = 0; i < N; i++) {
			uint32_t n = (uint32_t)(i * 37 + round * 1013) % 2500 + 1;
			for (uint32_t k = 0; k < n; k++)
				buf[k] = pattern((uint32_t)i, size[i] + k);
			bad += file_write(f[i], buf, n) != (ssize_t)n;
			size[i] += n;
		}
	}
	EQ(bad, 0);
	for (int i = 0; i < N; i++) {
		bad += file_lseek(f[i], 0, SEEK_SET) != 0;
		static uint8_t back[ROUNDS * 2500 + 1];
		ssize_t n = file_read(f[i], back, sizeof back);
		bad += n != (ssize_t)size[i];
		for (uint32_t k = 0; k < size[i]; k++)
			bad += back[k] != pattern((uint32_t)i, k);
		bad += inode_size(file_inode(f[i])) != size[i];
		file_put(f[i]);
	}
	EQ(bad, 0);
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof name, "f%d", i);
		bad += fs_unlink(dir, name) != 0;
	}
	EQ(bad, 0);
	EQ(fs_rmdir(root, "/many"), 0);
	check_end();
	inode_put(dir);
}

static void test_big_file(void)
{
	check_begin("64 MiB sparse file: dense regions, holes, truncation frees pages");
	long pages = fsport_pages;
	struct file *f;
	EQ(file_open(root, "/big64", O_CREAT | O_RDWR, 0600, &f), 0);
	uint8_t *buf = malloc(MiB);
	int bad = 0;
	/* dense: [0, 3 MiB) and [40 MiB, 41 MiB); a few bytes near 64 MiB */
	uint64_t dense[][2] = { { 0, 3 * MiB }, { 40 * MiB, 41 * MiB } };
	for (int r = 0; r < 2; r++) {
		for (uint64_t off = dense[r][0]; off < dense[r][1]; off += MiB) {
			for (size_t k = 0; k < MiB; k++)
				buf[k] = pattern(1, off + k);
			bad += file_lseek(f, (int64_t)off, SEEK_SET) != (int64_t)off;
			bad += file_write(f, buf, MiB) != MiB;
		}
	}
	EQ(bad, 0);
	EQ(file_lseek(f, 64 * MiB - 3, SEEK_SET), 64 * MiB - 3);
	EQ(file_write(f, "end", 3), 3);
	EQ(inode_size(file_inode(f)), 64 * MiB);
	long used = fsport_pages - pages;
	TRUE(used >= 4 * 256 + 1 && used <= 4 * 256 + 1 + 8);	/* data plus a few index pages */
	for (uint64_t off = 0; off < 64 * MiB; off += MiB) {
		bad += file_lseek(f, (int64_t)off, SEEK_SET) != (int64_t)off;
		bad += file_read(f, buf, MiB) != MiB;
		int in_dense = off < 3 * MiB || (off >= 40 * MiB && off < 41 * MiB);
		for (size_t k = 0; k < MiB; k += 997)
			bad += buf[k] != (in_dense ? pattern(1, off + k) : 0);
		if (off == 63 * MiB)
			bad += memcmp(buf + MiB - 3, "end", 3) != 0;
	}
	EQ(bad, 0);
	EQ(file_read(f, buf, 10), 0);
	/* an unaligned read across a hole and a dense region */
	EQ(file_lseek(f, 40 * MiB - 10, SEEK_SET), 40 * MiB - 10);
	EQ(file_read(f, buf, 20), 20);
	for (int k = 0; k < 20; k++)
		bad += buf[k] != (k < 10 ? 0 : pattern(1, 40 * MiB + k - 10));
	EQ(bad, 0);
	EQ(inode_truncate(file_inode(f), 2 * MiB + 100), 0);
	TRUE(fsport_pages - pages <= 2 * 256 + 1 + 3);
	EQ(inode_truncate(file_inode(f), 64 * MiB), 0);
	EQ(file_lseek(f, 2 * MiB, SEEK_SET), 2 * MiB);
	EQ(file_read(f, buf, 4096), 4096);
	for (int k = 0; k < 4096; k++)
		bad += buf[k] != (k < 100 ? pattern(1, 2 * MiB + k) : 0);
	EQ(bad, 0);
	file_put(f);
	EQ(fs_unlink(root, "/big64"), 0);
	EQ(fsport_pages, pages);
	free(buf);
	check_end();

	check_begin("file size limit: EFBIG past the page table");
	EQ(file_open(root, "/huge", O_CREAT | O_RDWR, 0600, &f), 0);
	EQ(file_lseek(f, (int64_t)1 << 40, SEEK_SET), (int64_t)1 << 40);
	EQ(file_write(f, "x", 1), -EFBIG);
	EQ(inode_truncate(file_inode(f), (uint64_t)1 << 40), -EFBIG);
	EQ(inode_size(file_inode(f)), 0);
	file_put(f);
	EQ(fs_unlink(root, "/huge"), 0);
	check_end();
}

static void test_holes(void)
{
	check_begin("holes: lseek past the end then write; shrink then grow reads zeros");
	struct file *f;
	char buf[16];
	EQ(file_open(root, "/hole", O_CREAT | O_RDWR, 0644, &f), 0);
	EQ(file_lseek(f, 5, SEEK_SET), 5);
	EQ(file_write(f, "x", 1), 1);
	EQ(file_lseek(f, 0, SEEK_SET), 0);
	memset(buf, 9, sizeof buf);
	EQ(file_read(f, buf, sizeof buf), 6);
	TRUE(memcmp(buf, "\0\0\0\0\0x", 6) == 0);
	EQ(file_lseek(f, 0, SEEK_SET), 0);
	EQ(file_write(f, "abcdef", 6), 6);
	EQ(inode_truncate(file_inode(f), 2), 0);
	EQ(inode_truncate(file_inode(f), 6), 0);
	EQ(inode_read(file_inode(f), buf, sizeof buf, 0), 6);
	TRUE(memcmp(buf, "ab\0\0\0\0", 6) == 0);
	EQ(inode_read(file_inode(f), buf, sizeof buf, 6), 0);
	EQ(inode_read(file_inode(f), buf, sizeof buf, 1000), 0);
	EQ(inode_write(file_inode(f), "Q", 1, 9000), 1);
	EQ(inode_size(file_inode(f)), 9001);
	EQ(inode_read(file_inode(f), buf, 4, 8998), 3);
	TRUE(memcmp(buf, "\0\0Q", 3) == 0);
	EQ(inode_write(file_inode(f), "", 0, 100000), 0);
	EQ(inode_size(file_inode(f)), 9001);
	file_put(f);
	EQ(fs_unlink(root, "/hole"), 0);
	check_end();
}

static void test_shared_pages(void)
{
	check_begin("a page a program maps: writes and truncation copy it, it outlives the file");
	static char a[3 * 4096], buf[4096];
	long pages = fsport_pages;
	memset(a, 'a', sizeof a);
	EQ(put_file(root, "/prog", a, sizeof a), 0);
	struct inode *ip = dir_at("/prog");
	uint8_t *p1 = inode_page(ip, 1);
	TRUE(p1 != NULL);
	TRUE(inode_page(ip, 3) == NULL);
	TRUE(inode_page(root, 0) == NULL);
	fsport_map(p1);
	EQ(inode_write(ip, "b", 1, 4096 + 10), 1);
	TRUE(inode_page(ip, 1) != p1);
	EQ(p1[10], 'a');
	EQ(inode_read(ip, buf, 1, 4096 + 10), 1);
	EQ(buf[0], 'b');
	uint8_t *p1b = inode_page(ip, 1);
	fsport_map(p1b);
	EQ(inode_truncate(ip, 4096 + 5), 0);
	EQ(p1b[10], 'b');
	EQ(inode_read(ip, buf, sizeof buf, 4096), 5);
	EQ(inode_truncate(ip, 4096 + 20), 0);
	EQ(inode_read(ip, buf, sizeof buf, 4096), 20);
	TRUE(memcmp(buf, "aaaaa\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 20) == 0);
	inode_put(ip);
	EQ(fs_unlink(root, "/prog"), 0);
	EQ(p1[0], 'a');
	EQ(p1b[0], 'a');
	EQ(fsport_pages, pages + 2);
	fsport_unmap(p1);
	fsport_unmap(p1b);
	EQ(fsport_pages, pages);
	check_end();
}

static void test_open_flags(void)
{
	check_begin("open: O_TRUNC, O_APPEND, O_CREAT mode, flags kept");
	struct file *f, *g;
	char buf[32];
	EQ(put_file(root, "/o", "hello world", 11), 0);
	EQ(file_open(root, "/o", O_RDONLY | O_TRUNC, 0, &f), 0);	/* Linux truncates even so */
	EQ(inode_size(file_inode(f)), 0);
	file_put(f);
	EQ(put_file(root, "/o", "hello", 5), 0);
	EQ(file_open(root, "/o", O_WRONLY | O_APPEND | O_CLOEXEC, 0, &f), 0);
	EQ(file_flags(f), O_WRONLY | O_APPEND);
	EQ(file_lseek(f, 0, SEEK_SET), 0);
	EQ(file_write(f, " there", 6), 6);
	EQ(file_lseek(f, 0, SEEK_CUR), 11);
	EQ(file_open(root, "/o", O_RDWR, 0, &g), 0);
	EQ(file_write(g, "J", 1), 1);
	EQ(file_write(f, "!", 1), 1);
	file_put(g);
	file_put(f);
	EQ(get_file(root, "/o", buf, sizeof buf), 12);
	STREQ(buf, "Jello there!");
	EQ(file_open(root, "/o", O_RDWR | O_TRUNC, 0, &f), 0);
	EQ(file_write(f, "ab", 2), 2);
	file_put(f);
	EQ(get_file(root, "/o", buf, sizeof buf), 2);
	STREQ(buf, "ab");
	EQ(file_open(root, "/newmode", O_CREAT | O_WRONLY, 07777, &f), 0);
	EQ(inode_mode(file_inode(f)), S_IFREG | 07777);
	file_put(f);
	EQ(fs_unlink(root, "/newmode"), 0);
	check_end();

	check_begin("open: EISDIR, EEXIST, ENOTDIR, ENOENT, EBADF");
	EQ(fs_mkdir(root, "/od", 0755), 0);
	EQ(file_open(root, "/od", O_WRONLY, 0, &f), -EISDIR);
	EQ(file_open(root, "/od", O_RDWR, 0, &f), -EISDIR);
	EQ(file_open(root, "/od", O_RDONLY | O_TRUNC, 0, &f), -EISDIR);
	EQ(file_open(root, "/od", O_CREAT | O_RDONLY, 0644, &f), -EISDIR);
	EQ(file_open(root, "/od", O_CREAT | O_EXCL | O_RDONLY, 0644, &f), -EEXIST);
	EQ(file_open(root, "/", O_CREAT | O_RDONLY, 0644, &f), -EISDIR);
	EQ(file_open(root, ".", O_CREAT | O_RDONLY, 0644, &f), -EISDIR);
	EQ(file_open(root, "/od/.", O_CREAT | O_EXCL | O_RDONLY, 0644, &f), -EEXIST);
	EQ(file_open(root, "/o", O_CREAT | O_EXCL | O_RDWR, 0644, &f), -EEXIST);
	EQ(file_open(root, "/o/", O_CREAT | O_RDWR, 0644, &f), -EISDIR);
	EQ(file_open(root, "/new/", O_CREAT | O_RDWR, 0644, &f), -EISDIR);
	EQ(ino_of(root, "/new"), -ENOENT);
	EQ(file_open(root, "/o", O_RDONLY | O_DIRECTORY, 0, &f), -ENOTDIR);
	EQ(file_open(root, "", O_RDONLY, 0, &f), -ENOENT);
	EQ(file_open(root, "", O_CREAT | O_RDWR, 0644, &f), -ENOENT);
	EQ(file_open(root, "/nx", O_RDONLY, 0, &f), -ENOENT);
	EQ(file_open(root, "/od/", O_RDONLY | O_DIRECTORY, 0, &f), 0);
	EQ(file_read(f, buf, 1), -EISDIR);
	EQ(file_write(f, buf, 1), -EBADF);
	file_put(f);
	EQ(file_open(root, "/o", O_RDONLY, 0, &f), 0);
	EQ(file_write(f, "x", 1), -EBADF);
	file_put(f);
	EQ(file_open(root, "/o", O_WRONLY, 0, &f), 0);
	EQ(file_read(f, buf, 1), -EBADF);
	file_put(f);
	EQ(file_open(root, "/o", O_ACCMODE, 0, &f), 0);
	EQ(file_read(f, buf, 1), -EBADF);
	EQ(file_write(f, "x", 1), -EBADF);
	file_put(f);
	EQ(fs_rmdir(root, "/od"), 0);
	check_end();

	check_begin("lseek: whence, negative results, overflow");
	EQ(file_open(root, "/o", O_RDONLY, 0, &f), 0);
	EQ(file_lseek(f, 1, SEEK_SET), 1);
	EQ(file_lseek(f, 1, SEEK_CUR), 2);
	EQ(file_lseek(f, -1, SEEK_END), 1);
	EQ(file_lseek(f, 10, SEEK_END), 12);
	EQ(file_read(f, buf, 4), 0);
	EQ(file_lseek(f, -1, SEEK_SET), -EINVAL);
	EQ(file_lseek(f, -13, SEEK_CUR), -EINVAL);
	EQ(file_lseek(f, 0, SEEK_CUR), 12);
	EQ(file_lseek(f, 0, 3), -EINVAL);
	EQ(file_lseek(f, INT64_MAX, SEEK_SET), INT64_MAX);
	EQ(file_lseek(f, 1, SEEK_CUR), -EINVAL);
	EQ(file_lseek(f, INT64_MIN, SEEK_CUR), -EINVAL);
	file_put(f);
	EQ(fs_unlink(root, "/o"), 0);
	check_end();
}

static void test_read_span(void)
{
	struct file *f, *d;
	check_begin("file_read_span: a regular file's end bounds a read; others do not");
	EQ(put_file(root, "/span", "0123456789", 10), 0);
	EQ(file_open(root, "/span", O_RDONLY, 0, &f), 0);
	EQ(file_read_span(f, 1u << 30), 10);
	EQ(file_read_span(f, 4), 4);
	EQ(file_lseek(f, 7, SEEK_SET), 7);
	EQ(file_read_span(f, 100), 3);
	EQ(file_lseek(f, 50, SEEK_SET), 50);
	EQ(file_read_span(f, 100), 0);
	EQ(file_open(root, "/", O_RDONLY, 0, &d), 0);
	EQ(file_read_span(d, 100), 100);
	file_put(d);
	file_put(f);
	EQ(fs_unlink(root, "/span"), 0);
	check_end();
}

static void test_byte_io(void)
{
	enum { N = 2 * MiB };
	check_begin("2 Mi one-byte writes then one-byte reads (O(1) each)");
	struct file *f;
	clock_t t0 = clock();
	EQ(file_open(root, "/bytes", O_CREAT | O_RDWR, 0644, &f), 0);
	int bad = 0;
	for (uint32_t i = 0; i < N; i++) {
		uint8_t c = pattern(3, i);
		bad += file_write(f, &c, 1) != 1;
	}
	EQ(file_lseek(f, 0, SEEK_SET), 0);
	for (uint32_t i = 0; i < N; i++) {
		uint8_t c;
		bad += file_read(f, &c, 1) != 1 || c != pattern(3, i);
	}
	EQ(bad, 0);
	uint8_t c;
	EQ(file_read(f, &c, 1), 0);
	file_put(f);
	EQ(fs_unlink(root, "/bytes"), 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	TRUE(secs < 20);
	check_end();
}

static void test_fdtable(void)
{
	static struct fdtable t, child;
	struct file *f, *g;

	check_begin("fdtable: lowest free fd, min_fd, EMFILE at 1024, EBADF, fdt_free_fd");
	fdt_init(&t);
	EQ(put_file(root, "/fd", "0123456789", 10), 0);
	long allocs = fsport_allocs;
	EQ(file_open(root, "/fd", O_RDONLY, 0, &f), 0);
	EQ(fdt_install(&t, f, 0, 0), 0);
	int bad = 0;
	for (int i = 1; i < FD_MAX; i++) {
		file_get(f);
		bad += fdt_install(&t, f, 0, 0) != i;
	}
	EQ(bad, 0);
	EQ(fdt_install(&t, f, 0, 0), -EMFILE);
	EQ(fdt_free_fd(&t, 0), -EMFILE);
	EQ(fdt_close(&t, 700), 0);
	EQ(fdt_free_fd(&t, 0), 700);
	EQ(fdt_free_fd(&t, 701), -EMFILE);
	EQ(fdt_free_fd(&t, FD_MAX), -EINVAL);
	EQ(fdt_close(&t, 5), 0);
	EQ(fdt_free_fd(&t, 0), 5);
	EQ(fdt_free_fd(&t, 6), 700);
	EQ(fdt_close(&t, 5), -EBADF);
	EQ(fdt_close(&t, -1), -EBADF);
	EQ(fdt_close(&t, FD_MAX), -EBADF);
	TRUE(fdt_get(&t, 5) == NULL && fdt_get(&t, FD_MAX) == NULL && fdt_get(&t, -3) == NULL);
	file_get(f);
	EQ(fdt_install(&t, f, 0, 0), 5);
	file_get(f);
	EQ(fdt_install(&t, f, 0, 0), 700);
	EQ(fdt_install(&t, f, 0, 0), -EMFILE);
	EQ(fdt_install(&t, f, FD_MAX, 0), -EINVAL);
	fdt_close_all(&t);
	EQ(fsport_allocs, allocs);
	EQ(file_open(root, "/fd", O_RDONLY, 0, &f), 0);
	EQ(fdt_install(&t, f, 0, 0), 0);
	file_get(f);
	EQ(fdt_install(&t, f, 10, 0), 10);
	file_get(f);
	EQ(fdt_install(&t, f, 3, 1), 3);
	check_end();

	check_begin("fdtable: dup2 shares the description, clears cloexec, closes the target");
	EQ(file_open(root, "/fd", O_RDONLY, 0, &g), 0);
	EQ(fdt_install(&t, g, 0, 1), 1);
	EQ(fdt_dup2(&t, 1, 1), 1);
	EQ(t.cloexec[1], 1);
	EQ(fdt_dup2(&t, 1, 20), 20);
	EQ(t.cloexec[20], 0);
	TRUE(fdt_get(&t, 20) == g);
	char c;
	EQ(file_read(fdt_get(&t, 1), &c, 1), 1);
	EQ(file_read(fdt_get(&t, 20), &c, 1), 1);
	EQ(c, '1');
	EQ(fdt_dup2(&t, 0, 20), 20);	/* g is still open as fd 1 */
	TRUE(fdt_get(&t, 20) == f);
	EQ(file_read(fdt_get(&t, 1), &c, 1), 1);
	EQ(c, '2');
	EQ(fdt_dup2(&t, 1, 3), 3);	/* fd 3 was close-on-exec */
	EQ(t.cloexec[3], 0);
	EQ(fdt_dup2(&t, 0, 3), 3);
	t.cloexec[3] = 1;
	EQ(fdt_dup2(&t, 2, 4), -EBADF);
	EQ(fdt_dup2(&t, 0, FD_MAX), -EBADF);
	EQ(fdt_dup2(&t, 0, -1), -EBADF);
	EQ(fdt_close(&t, 1), 0);
	check_end();

	check_begin("fdtable: fork shares descriptions, exec closes cloexec fds");
	fdt_init(&child);
	fdt_fork(&child, &t);
	TRUE(fdt_get(&child, 0) == f && fdt_get(&child, 3) == f && fdt_get(&child, 20) == f);
	EQ(child.cloexec[3], 1);
	EQ(file_read(fdt_get(&child, 0), &c, 1), 1);
	EQ(file_read(fdt_get(&t, 0), &c, 1), 1);
	EQ(c, '1');	/* one position, shared */
	fdt_close_all(&t);
	EQ(file_read(fdt_get(&child, 10), &c, 1), 1);
	EQ(c, '2');
	fdt_exec(&child);
	TRUE(fdt_get(&child, 3) == NULL && fdt_get(&child, 0) == f && fdt_get(&child, 10) == f);
	fdt_close_all(&child);
	for (int i = 0; i < FD_MAX; i++)
		bad += child.fd[i] != NULL || t.fd[i] != NULL;
	EQ(bad, 0);
	EQ(fsport_allocs, allocs);
	EQ(fs_unlink(root, "/fd"), 0);
	check_end();
}

static char dev_out[16];

static ssize_t dev_read(void *buf, size_t n)
{
	memset(buf, 'K', n);
	return (ssize_t)n;
}

static ssize_t dev_write(const void *buf, size_t n)
{
	memcpy(dev_out, buf, n < sizeof dev_out ? n : sizeof dev_out);
	return (ssize_t)n;
}

static void test_chardev(void)
{
	static const struct chardev dev = { dev_read, dev_write };
	check_begin("character devices: I/O goes to the driver, lseek is ESPIPE, DT_CHR");
	struct file *f;
	char buf[8] = "";
	EQ(fs_mkdir(root, "/dev", 0755), 0);
	EQ(fs_mknod_chr(root, "/dev/tty", 0620, &dev), 0);
	EQ(fs_mknod_chr(root, "/dev/tty", 0620, &dev), -EEXIST);
	EQ(file_open(root, "/dev/tty", O_RDWR | O_TRUNC, 0, &f), 0);
	EQ(inode_mode(file_inode(f)), S_IFCHR | 0620);
	EQ(file_write(f, "hello", 5), 5);
	STREQ(dev_out, "hello");
	EQ(file_read(f, buf, 3), 3);
	STREQ(buf, "KKK");
	EQ(file_lseek(f, 0, SEEK_SET), -ESPIPE);
	file_put(f);
	EQ(file_open(root, "/dev", O_RDONLY, 0, &f), 0);
	_Alignas(8) char ents[256];
	EQ(file_getdents64(f, ents, sizeof ents), 24 * 3);
	struct dirent64 *d = (struct dirent64 *)(ents + 48);
	STREQ(d->name, "tty");
	EQ(d->type, 2);
	file_put(f);
	EQ(fs_unlink(root, "/dev/tty"), 0);
	EQ(fs_rmdir(root, "/dev"), 0);
	check_end();
}

static void test_getcwd(void)
{
	check_begin("getcwd: nested paths, ERANGE");
	EQ(fs_mkdir(root, "/c1", 0755), 0);
	EQ(fs_mkdir(root, "/c1/c22", 0755), 0);
	EQ(fs_mkdir(root, "/c1/c22/c333", 0755), 0);
	struct inode *d = dir_at("/c1/c22/c333");
	char buf[64];
	EQ(fs_getcwd(d, buf, sizeof buf), 13);
	STREQ(buf, "/c1/c22/c333");
	EQ(fs_getcwd(d, buf, 13), 13);
	EQ(fs_getcwd(d, buf, 12), -ERANGE);
	EQ(fs_getcwd(root, buf, 1), -ERANGE);
	EQ(fs_getcwd(root, buf, 2), 2);
	inode_put(d);
	EQ(fs_rmdir(root, "/c1/c22/c333"), 0);
	EQ(fs_rmdir(root, "/c1/c22"), 0);
	EQ(fs_rmdir(root, "/c1"), 0);
	check_end();
}

static void test_nospace(void)
{
	check_begin("out of pages: partial write, then ENOSPC; the file stays consistent");
	struct file *f;
	static uint8_t buf[10 * 4096];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = pattern(9, i);
	EQ(file_open(root, "/full", O_CREAT | O_RDWR, 0644, &f), 0);
	EQ(file_write(f, buf, 100), 100);
	fsport_page_budget = 3;
	EQ(file_write(f, buf + 100, sizeof buf - 100), 4 * 4096 - 100);	/* 3 more pages */
	EQ(file_write(f, buf, 1), -ENOSPC);
	EQ(inode_size(file_inode(f)), 4 * 4096);
	fsport_page_budget = -1;
	EQ(file_write(f, buf + 4 * 4096, sizeof buf - 4 * 4096), sizeof buf - 4 * 4096);
	static uint8_t back[sizeof buf];
	EQ(inode_read(file_inode(f), back, sizeof back, 0), sizeof buf);
	TRUE(memcmp(back, buf, sizeof buf) == 0);
	file_put(f);
	check_end();

	check_begin("out of memory: create, mkdir, rename fail with ENOSPC and change nothing");
	EQ(fs_mkdir(root, "/ns", 0755), 0);
	struct inode *ns = dir_at("/ns");
	EQ(put_file(ns, "keep", "k", 1), 0);
	char before[256], after[256];
	EQ(list_dir(ns, ".", before, sizeof before), 3);
	fsport_alloc_budget = 0;
	fsport_page_budget = 0;
	EQ(fs_mkdir(ns, "d", 0755), -ENOSPC);
	EQ(file_open(ns, "f", O_CREAT | O_RDWR, 0644, &f), -ENOSPC);
	EQ(fs_rename(ns, "keep", "moved"), -ENOSPC);
	fsport_alloc_budget = -1;
	fsport_page_budget = -1;
	EQ(list_dir(ns, ".", after, sizeof after), 3);
	STREQ(after, before);
	EQ(ino_of(ns, "d"), -ENOENT);
	EQ(ino_of(ns, "moved"), -ENOENT);
	TRUE(ino_of(ns, "keep") > 0);
	/* every budget in turn: each step succeeds completely or fails cleanly */
	int bad = 0, names = 1, sub = 0;
	for (long budget = 0; budget < 12; budget++) {
		char name[24];
		snprintf(name, sizeof name, "b%ld", budget);
		fsport_alloc_budget = budget;
		fsport_page_budget = budget;
		int r = file_open(ns, name, O_CREAT | O_RDWR, 0644, &f);
		ssize_t w = 0;
		if (r == 0) {
			w = file_write(f, buf, 5 * 4096);
			file_put(f);
		}
		int m = fs_mkdir(ns, "sub", 0755);
		fsport_alloc_budget = -1;
		fsport_page_budget = -1;
		bad += r != 0 && r != -ENOSPC;
		bad += w < 0 && w != -ENOSPC;
		bad += m != 0 && m != -ENOSPC && m != -EEXIST;
		bad += (ino_of(ns, name) > 0) != (r == 0);
		names += r == 0;
		sub |= m == 0;
		if (r == 0) {
			size_t want = w > 0 ? (size_t)w : 0;
			bad += get_file(ns, name, (char *)back, sizeof back) != (long)want;
			bad += memcmp(back, buf, want) != 0;
		}
	}
	EQ(bad, 0);
	EQ(sub, 1);
	EQ(list_dir(ns, ".", after, sizeof after), 2 + names + sub);
	check_end();
	inode_put(ns);
}

/* Remove everything the checks left, then nothing may remain allocated. */
static void test_no_leaks(long pages, long allocs)
{
	check_begin("everything freed once the tree is emptied");
	char names[8192];
	int bad = 0;
	EQ(fs_unlink(root, "/full"), 0);
	EQ(fs_rmdir(root, "/ns/sub"), 0);
	EQ(fs_unlink(root, "/ns/keep"), 0);
	for (long budget = 0; budget < 12; budget++) {
		snprintf(names, sizeof names, "/ns/b%ld", budget);
		int r = fs_unlink(root, names);
		bad += r != 0 && r != -ENOENT;
	}
	EQ(bad, 0);
	EQ(fs_rmdir(root, "/ns"), 0);
	const char *files[] = { "/p/f", "/u/open", "/r/c", "/r/full/x", "/g/m", "/g/beta",
				"/g/omega", "/g/alpha", "/g/late" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		EQ(fs_unlink(root, files[i]), 0);
	const char *dirs[] = { "/p/a/b", "/p/a", "/p", "/u/d", "/u", "/r/full/moved", "/r/full",
			       "/r", "/g" };
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		EQ(fs_rmdir(root, dirs[i]), 0);
	EQ(list_dir(root, "/", names, sizeof names), 2);
	EQ(fsport_pages, pages);
	EQ(fsport_allocs, allocs);
	check_end();
}

int main(void)
{
	long pages0 = fsport_pages, allocs0;
	fs_init();
	root = fs_root();
	allocs0 = fsport_allocs;
	test_root();
	test_paths();
	test_mkdir_rmdir();
	test_unlink();
	test_unlink_open();
	test_rename();
	test_getdents();
	test_big_dir();
	test_many_files();
	test_big_file();
	test_holes();
	test_shared_pages();
	test_open_flags();
	test_read_span();
	test_byte_io();
	test_fdtable();
	test_chardev();
	test_getcwd();
	test_nospace();
	test_no_leaks(pages0, allocs0);
	return check_exit();
}
