/* Unit tests of cpio_unpack: good archives, and malformed ones rejected cleanly. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../fs/fs.h"
#include "../../kernel/errno.h"
#include "fsport_host.h"
#include "fscheck.h"

#define S_IFLNK 0120000
#define S_IFCHR 0020000

static struct inode *root;

/* --- building newc archives ---------------------------------------------- */

struct ar {
	uint8_t *buf;
	size_t len, cap;
	size_t hdr[32];		/* offsets of the headers */
	int n;
};

static void ar_put(struct ar *a, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (a->len + n > a->cap) {
		a->cap = (a->len + n) * 2 + 64;
		a->buf = realloc(a->buf, a->cap);
	}
	memcpy(a->buf + a->len, p, n);
	a->len += n;
}

static void ar_pad(struct ar *a)
{
	while (a->len % 4)
		ar_put(a, "", 1);
}

/* One entry; namesize counts the name's bytes as given (normally strlen + 1). */
static void ar_raw(struct ar *a, const char *name, size_t namesize, uint32_t mode,
		   const void *data, uint32_t size)
{
	char hdr[128];
	snprintf(hdr, sizeof hdr, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 a->n + 100, mode, 0, 0, 1, 0, size, 0, 0, 0, 0, (uint32_t)namesize, 0);
	a->hdr[a->n++] = a->len;
	ar_put(a, hdr, 110);
	ar_put(a, name, namesize);
	ar_pad(a);
	ar_put(a, data, size);
	ar_pad(a);
}

static void ar_add(struct ar *a, const char *name, uint32_t mode, const char *data)
{
	ar_raw(a, name, strlen(name) + 1, mode, data, data ? (uint32_t)strlen(data) : 0);
}

static void ar_trailer(struct ar *a)
{
	ar_add(a, "TRAILER!!!", 0, NULL);
}

/* Overwrite 8-hex-digit field i (0 ino ... 12 check) of the header at off. */
static void ar_field(struct ar *a, size_t off, int i, const char *text)
{
	memcpy(a->buf + off + 6 + 8 * i, text, 8);
}

#define F_MODE 1
#define F_FILESIZE 6
#define F_NAMESIZE 11

/* A small archive of every kind of entry, for the malformed-archive checks. */
static void small_archive(struct ar *a)
{
	ar_add(a, ".", S_IFDIR | 0755, NULL);
	ar_add(a, "./d", S_IFDIR | 0700, NULL);
	ar_add(a, "./d/one", S_IFREG | 0644, "1");
	ar_add(a, "d/e/four", S_IFREG | 0600, "four");
	ar_add(a, "/seven", S_IFREG | 0755, "seven!!");
	ar_trailer(a);
}

/* --- helpers --------------------------------------------------------------- */

/* Unpack a copy of exactly len bytes, so the sanitizer sees any read past the end. */
static int unpack(struct inode *dir, const void *data, size_t len, cpio_visit_fn visit,
		  void *ctx, size_t *err_at)
{
	void *copy = malloc(len ? len : 1);
	memcpy(copy, data, len);
	int r = cpio_unpack(dir, copy, len, visit, ctx, err_at);
	free(copy);
	return r;
}

static struct inode *new_dir(const char *path)
{
	struct inode *ip;
	if (fs_mkdir(root, path, 0755) < 0 || fs_lookup(root, path, &ip) < 0)
		abort();
	return ip;
}

static long entries(struct inode *dir)
{
	struct file *f;
	if (file_open(dir, ".", O_RDONLY, 0, &f) < 0)
		return -1;
	static _Alignas(8) char buf[8192];
	long count = 0;
	ssize_t n;
	while ((n = file_getdents64(f, buf, sizeof buf)) > 0)
		for (ssize_t p = 0; p < n; p += *(uint16_t *)(buf + p + 16))
			count++;
	file_put(f);
	return count - 2;
}

/* Remove everything below dir. */
static void empty_dir(struct inode *dir)
{
	struct file *f;
	if (file_open(dir, ".", O_RDONLY, 0, &f) < 0)
		abort();
	_Alignas(8) char buf[4096];	/* not static: this recurses */
	ssize_t n;
	while ((n = file_getdents64(f, buf, sizeof buf)) > 0) {
		for (ssize_t p = 0; p < n; p += *(uint16_t *)(buf + p + 16)) {
			const char *name = buf + p + 19;
			if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
				continue;
			struct inode *ip;
			if (fs_lookup(dir, name, &ip) < 0)
				abort();
			if (S_ISDIR(inode_mode(ip))) {
				empty_dir(ip);
				if (fs_rmdir(dir, name) < 0)
					abort();
			} else if (fs_unlink(dir, name) < 0) {
				abort();
			}
			inode_put(ip);
		}
	}
	file_put(f);
}

static long content(struct inode *dir, const char *path, char *buf, size_t cap, uint32_t *mode)
{
	struct file *f;
	int r = file_open(dir, path, O_RDONLY, 0, &f);
	if (r < 0)
		return r;
	*mode = inode_mode(file_inode(f));
	ssize_t n = file_read(f, buf, cap - 1);
	file_put(f);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static uint32_t mode_of(struct inode *dir, const char *path)
{
	struct inode *ip;
	if (fs_lookup(dir, path, &ip) < 0)
		return 0;
	uint32_t m = inode_mode(ip);
	inode_put(ip);
	return m;
}

struct visits {
	int n, stop_at;
	char paths[8][64];
	const void *data[8];
	uint32_t len[8];
};

static int record(void *ctx, const char *path, const void *data, uint32_t len)
{
	struct visits *v = ctx;
	if (v->n < 8) {
		snprintf(v->paths[v->n], sizeof v->paths[0], "%s", path);
		v->data[v->n] = data;
		v->len[v->n] = len;
	}
	v->n++;
	return v->n == v->stop_at ? 7 : 0;
}

/* --- checks ----------------------------------------------------------------- */

static void test_good(void)
{
	check_begin("good archive: directories, files, modes, data, implied directories, visits");
	static char big[10001];
	for (int i = 0; i < 10000; i++)
		big[i] = (char)('a' + i % 23);
	struct ar a = { 0 };
	ar_add(&a, ".", S_IFDIR | 0755, NULL);
	ar_add(&a, "./bin", S_IFDIR | 0700, NULL);
	ar_add(&a, "./bin/hex0", S_IFREG | 0755, "hex0 data");
	ar_add(&a, "lib/deep/x.txt", S_IFREG | 0644, big);
	ar_add(&a, "/abs/empty", S_IFREG | 0600, NULL);
	ar_add(&a, "bin", S_IFDIR | 0750, NULL);
	ar_add(&a, "bin/hex0", S_IFREG | 04711, "new");
	ar_add(&a, "./", S_IFDIR | 0700, NULL);
	ar_trailer(&a);
	while (a.len % 512)
		ar_put(&a, "", 1);	/* what cpio writes after the trailer */

	struct inode *t = new_dir("/good");
	struct visits v = { 0 };
	size_t err_at = 12345;
	EQ(cpio_unpack(t, a.buf, a.len, record, &v, &err_at), 0);
	EQ(err_at, 12345);
	EQ(v.n, 4);
	STREQ(v.paths[0], "bin/hex0");
	STREQ(v.paths[1], "lib/deep/x.txt");
	STREQ(v.paths[2], "abs/empty");
	STREQ(v.paths[3], "bin/hex0");
	EQ(v.len[0], 9);
	EQ(v.len[1], 10000);
	EQ(v.len[2], 0);
	EQ(v.len[3], 3);
	TRUE(v.data[1] > (void *)a.buf && memcmp(v.data[1], big, 10000) == 0);
	TRUE(memcmp(v.data[3], "new", 3) == 0);

	static char buf[20000];
	uint32_t mode;
	EQ(content(t, "bin/hex0", buf, sizeof buf, &mode), 3);
	STREQ(buf, "new");
	EQ(mode, S_IFREG | 04711);
	EQ(content(t, "lib/deep/x.txt", buf, sizeof buf, &mode), 10000);
	TRUE(strcmp(buf, big) == 0);
	EQ(mode, S_IFREG | 0644);
	EQ(content(t, "abs/empty", buf, sizeof buf, &mode), 0);
	EQ(mode, S_IFREG | 0600);
	EQ(mode_of(t, "bin"), S_IFDIR | 0750);
	EQ(mode_of(t, "lib"), S_IFDIR | 0755);
	EQ(mode_of(t, "lib/deep"), S_IFDIR | 0755);
	EQ(mode_of(t, "abs"), S_IFDIR | 0755);
	EQ(mode_of(t, "."), S_IFDIR | 0755);	/* the archive's "." is not applied */
	EQ(mode_of(root, "/abs"), 0);		/* "/abs" lands below the target */
	EQ(entries(t), 3);
	check_end();

	check_begin("good archive: unpacking it again overwrites in place");
	v.n = 0;
	EQ(cpio_unpack(t, a.buf, a.len, record, &v, NULL), 0);
	EQ(v.n, 4);
	EQ(content(t, "bin/hex0", buf, sizeof buf, &mode), 3);
	EQ(content(t, "lib/deep/x.txt", buf, sizeof buf, &mode), 10000);
	EQ(entries(t), 3);
	check_end();

	check_begin("a non-zero return from visit stops the unpack with that value");
	empty_dir(t);
	struct visits stop = { .stop_at = 2 };
	err_at = 0;
	EQ(cpio_unpack(t, a.buf, a.len, record, &stop, &err_at), 7);
	EQ(stop.n, 2);
	EQ(err_at, a.hdr[3]);
	TRUE(mode_of(t, "lib/deep/x.txt") != 0);
	EQ(mode_of(t, "abs"), 0);
	check_end();

	check_begin("lowercase hex digits are accepted; no visit function is fine");
	empty_dir(t);
	struct ar b = { 0 };
	ar_add(&b, "f", S_IFREG | 0644, "0123456789abc");
	ar_trailer(&b);
	ar_field(&b, 0, F_MODE, "000081a4");
	ar_field(&b, 0, F_FILESIZE, "0000000d");
	EQ(cpio_unpack(t, b.buf, b.len, NULL, NULL, NULL), 0);
	EQ(content(t, "f", buf, sizeof buf, &mode), 13);
	EQ(mode, S_IFREG | 0644);
	check_end();
	empty_dir(t);
	inode_put(t);
	EQ(fs_rmdir(root, "/good"), 0);
	free(a.buf);
	free(b.buf);
}

static void test_truncated(void)
{
	check_begin("every truncation of a valid archive: -EINVAL at a header, nothing created");
	struct ar a = { 0 };
	small_archive(&a);
	struct inode *t = new_dir("/trunc");
	int bad = 0;
	for (size_t len = 0; len < a.len; len++) {
		size_t err_at = (size_t)-1;
		int r = unpack(t, a.buf, len, NULL, NULL, &err_at);
		int at_header = 0;
		for (int i = 0; i < a.n; i++)
			at_header |= err_at == a.hdr[i];
		at_header |= err_at == a.len;
		if (r != -EINVAL || !at_header || err_at > len || entries(t) != 0) {
			if (!bad)
				check_fail(__LINE__, "length %zu of %zu: got %d, err_at %zu, %ld entries",
					   len, a.len, r, err_at, entries(t));
			bad++;
		}
	}
	EQ(bad, 0);
	EQ(unpack(t, a.buf, a.len, NULL, NULL, NULL), 0);
	EQ(entries(t), 2);
	check_end();
	empty_dir(t);
	inode_put(t);
	EQ(fs_rmdir(root, "/trunc"), 0);
	free(a.buf);
}

/* Corrupt a fresh small archive with f; expect -EINVAL with err_at at header index h. */
static void expect_bad(struct inode *t, const char *what, void (*f)(struct ar *), int h)
{
	struct ar a = { 0 };
	small_archive(&a);
	f(&a);
	size_t err_at = (size_t)-1;
	int r = unpack(t, a.buf, a.len, NULL, NULL, &err_at);
	size_t want_at = h < a.n ? a.hdr[h] : a.len;
	if (r != -EINVAL || err_at != want_at || entries(t) != 0)
		check_fail(__LINE__, "%s: expected -EINVAL at %zu with nothing created, got %d at %zu, %ld entries",
			   what, want_at, r, err_at, entries(t));
	free(a.buf);
}

static void odc_magic(struct ar *a) { memcpy(a->buf + a->hdr[2], "070707", 6); }
static void crc_magic(struct ar *a) { memcpy(a->buf + a->hdr[0], "070702", 6); }
static void junk_magic(struct ar *a) { memcpy(a->buf + a->hdr[5], "TRAILE", 6); }
static void hex_g(struct ar *a) { ar_field(a, a->hdr[3], F_FILESIZE, "0000000g"); }
static void hex_space(struct ar *a) { ar_field(a, a->hdr[1], F_MODE, " 00041ED"); }
static void hex_check(struct ar *a) { ar_field(a, a->hdr[4], 12, "-0000000"); }
static void hex_sign(struct ar *a) { ar_field(a, a->hdr[2], F_NAMESIZE, "+0000008"); }
static void namesize_0(struct ar *a) { ar_field(a, a->hdr[1], F_NAMESIZE, "00000000"); }
/* "./d/one" is 7 bytes: a namesize of 7 leaves it without its NUL */
static void name_unterminated(struct ar *a) { ar_field(a, a->hdr[2], F_NAMESIZE, "00000007"); }
static void name_inner_nul(struct ar *a) { a->buf[a->hdr[2] + 110 + 3] = '\0'; }
static void namesize_huge(struct ar *a) { ar_field(a, a->hdr[3], F_NAMESIZE, "FFFFFFFF"); }
static void filesize_huge(struct ar *a) { ar_field(a, a->hdr[4], F_FILESIZE, "FFFFFFFF"); }
static void filesize_past_end(struct ar *a)
{
	/* the last file's data would run one byte past the whole buffer */
	char text[9];
	snprintf(text, sizeof text, "%08zX", a->len - (a->hdr[4] + 110 + 8) + 1);
	ar_field(a, a->hdr[4], F_FILESIZE, text);
}
static void no_trailer(struct ar *a) { a->len = a->hdr[5]; }
static void trailer_renamed(struct ar *a) { a->buf[a->hdr[5] + 110] = 'X'; }
static void mode_symlink(struct ar *a) { ar_field(a, a->hdr[3], F_MODE, "0000A1FF"); }
static void mode_chardev(struct ar *a) { ar_field(a, a->hdr[2], F_MODE, "000021A4"); }
static void mode_fifo(struct ar *a) { ar_field(a, a->hdr[4], F_MODE, "000011A4"); }
static void mode_no_type(struct ar *a) { ar_field(a, a->hdr[1], F_MODE, "000001ED"); }
static void name_dotdot(struct ar *a) { memcpy(a->buf + a->hdr[3] + 110, "../", 3); }	/* "d/e/four" -> "../four" */

static void test_malformed(void)
{
	check_begin("malformed: bad magic, bad hex, bad names, sizes past the end, no trailer");
	struct inode *t = new_dir("/bad");
	expect_bad(t, "odc magic", odc_magic, 2);
	expect_bad(t, "crc magic", crc_magic, 0);
	expect_bad(t, "junk magic", junk_magic, 5);
	expect_bad(t, "hex 'g'", hex_g, 3);
	expect_bad(t, "hex ' '", hex_space, 1);
	expect_bad(t, "hex '-' in check", hex_check, 4);
	expect_bad(t, "hex '+'", hex_sign, 2);
	expect_bad(t, "namesize 0", namesize_0, 1);
	expect_bad(t, "name not NUL-terminated", name_unterminated, 2);
	expect_bad(t, "NUL inside the name", name_inner_nul, 2);
	expect_bad(t, "namesize FFFFFFFF", namesize_huge, 3);
	expect_bad(t, "filesize FFFFFFFF", filesize_huge, 4);
	expect_bad(t, "filesize one past the end", filesize_past_end, 4);
	expect_bad(t, "no trailer", no_trailer, 5);
	expect_bad(t, "trailer misnamed: an untyped entry", trailer_renamed, 5);
	check_end();

	check_begin("rejected: symlinks, devices, fifos, untyped entries, \"..\" in a path, "
		    "files named like directories");
	expect_bad(t, "symlink", mode_symlink, 3);
	expect_bad(t, "char device", mode_chardev, 2);
	expect_bad(t, "fifo", mode_fifo, 4);
	expect_bad(t, "no file type", mode_no_type, 1);
	expect_bad(t, "..", name_dotdot, 3);
	struct ar a = { 0 };
	ar_add(&a, "dir/", S_IFDIR | 0755, NULL);
	ar_add(&a, "./", S_IFREG | 0644, "nameless");
	ar_trailer(&a);
	size_t err_at = 0;
	EQ(unpack(t, a.buf, a.len, NULL, NULL, &err_at), -EINVAL);
	EQ(err_at, a.hdr[1]);
	EQ(entries(t), 0);
	free(a.buf);

	/* found by tests/fuzz/cpio: "x//" was unpacked as a file "x" that "x//" does not open */
	static const char *const not_files[] = { "x/", "x//", "d/x/.", "./.", "x/./" };
	for (size_t i = 0; i < sizeof not_files / sizeof not_files[0]; i++) {
		struct ar f = { 0 };
		ar_add(&f, "ok", S_IFREG | 0644, "fine");
		ar_add(&f, not_files[i], S_IFREG | 0644, "a file named like a directory");
		ar_trailer(&f);
		err_at = 0;
		int r = unpack(t, f.buf, f.len, NULL, NULL, &err_at);
		if (r != -EINVAL || err_at != f.hdr[1] || entries(t) != 0)
			check_fail(__LINE__, "file \"%s\": %d at %zu, %ld entries", not_files[i], r, err_at, entries(t));
		free(f.buf);
	}
	check_end();

	check_begin("tree conflicts: ENOTDIR, EISDIR, with err_at at the entry");
	struct ar b = { 0 };
	ar_add(&b, "a", S_IFREG | 0644, "file");
	ar_add(&b, "a/b", S_IFREG | 0644, "under a file");
	ar_trailer(&b);
	EQ(unpack(t, b.buf, b.len, NULL, NULL, &err_at), -ENOTDIR);
	EQ(err_at, b.hdr[1]);
	free(b.buf);
	struct ar c = { 0 };
	ar_add(&c, "a", S_IFDIR | 0755, NULL);
	ar_trailer(&c);
	EQ(unpack(t, c.buf, c.len, NULL, NULL, &err_at), -ENOTDIR);
	EQ(err_at, 0);
	free(c.buf);
	struct ar d = { 0 };
	ar_add(&d, "dir", S_IFDIR | 0755, NULL);
	ar_add(&d, "dir", S_IFREG | 0644, "x");
	ar_trailer(&d);
	EQ(unpack(t, d.buf, d.len, NULL, NULL, &err_at), -EISDIR);
	EQ(err_at, d.hdr[1]);
	free(d.buf);
	check_end();

	check_begin("out of pages while unpacking: -ENOSPC");
	empty_dir(t);
	static char big[5 * 4096 + 1];
	memset(big, 'z', sizeof big - 1);
	struct ar e = { 0 };
	ar_add(&e, "big", S_IFREG | 0644, big);
	ar_trailer(&e);
	fsport_page_budget = 3;
	EQ(unpack(t, e.buf, e.len, NULL, NULL, &err_at), -ENOSPC);
	fsport_page_budget = -1;
	EQ(err_at, 0);
	EQ(unpack(t, e.buf, e.len, NULL, NULL, &err_at), 0);
	struct inode *ip;
	EQ(fs_lookup(t, "big", &ip), 0);
	EQ(inode_size(ip), 5 * 4096);
	inode_put(ip);
	free(e.buf);
	check_end();
	empty_dir(t);
	inode_put(t);
	EQ(fs_rmdir(root, "/bad"), 0);
}

static void test_fuzz(void)
{
	check_begin("5000 randomly corrupted archives: no crash, 0 or a negative errno");
	struct inode *t = new_dir("/fuzz");
	struct ar a = { 0 };
	small_archive(&a);
	uint8_t *copy = malloc(a.len);
	uint32_t seed = 12345;
	int bad = 0, ok = 0;
	const char alphabet[] = "0123456789ABCDEFabcdefg/.\0 \xff";
	for (int i = 0; i < 5000; i++) {
		memcpy(copy, a.buf, a.len);
		int flips = 1 + i % 3;
		for (int k = 0; k < flips; k++) {
			seed = seed * 1103515245 + 12345;
			size_t at = (seed >> 8) % a.len;
			seed = seed * 1103515245 + 12345;
			copy[at] = (uint8_t)alphabet[(seed >> 8) % (sizeof alphabet - 1)];
		}
		seed = seed * 1103515245 + 12345;
		size_t len = a.len - (seed >> 8) % 4;
		size_t err_at = 0;
		int r = unpack(t, copy, len, NULL, NULL, &err_at);
		bad += r > 0 || (r < 0 && err_at > len);
		ok += r == 0;
		empty_dir(t);
	}
	EQ(bad, 0);
	TRUE(ok > 0);
	free(copy);
	free(a.buf);
	inode_put(t);
	EQ(fs_rmdir(root, "/fuzz"), 0);
	check_end();
}

int main(void)
{
	fs_init();
	root = fs_root();
	long allocs = fsport_allocs;
	test_good();
	test_truncated();
	test_malformed();
	test_fuzz();
	check_begin("everything freed once the tree is emptied");
	EQ(fsport_pages, 0);
	EQ(fsport_allocs, allocs);
	check_end();
	return check_exit();
}
