/*
 * mkclosure: write the closure, the cpio "newc" archive the kernel unpacks.
 *
 *   mkclosure -o OUT  [--tree DEST SRCDIR [--spec FILE]] ...  [--file DEST SRC] ...
 *
 * --tree adds every regular file under SRCDIR (skipping .git) as DEST/...,
 * minus the "exclude PREFIX" lines of its spec file; a symbolic link to a
 * file of the same tree is added as a copy of it. --file adds one file.
 * The archive starts with seedboot/manifest, the sha256 of every file in
 * archive order, which the kernel checks as it unpacks. Entries are sorted
 * by path, with fixed metadata (owner 0, mtime 0, inode = position, mode
 * 0755 for directories and executables, else 0644), so the same inputs
 * always give the same bytes. A prebuilt ELF program is refused: the image
 * carries none but the kernel.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../kernel/sha256.h"

#define MANIFEST "seedboot/manifest"

struct entry {
	char *path;	/* in the archive, no leading slash */
	char *src;	/* on the host; NULL for a directory */
	int exec;
};

static struct entry *entries;
static size_t nentries, cap;

static void die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "mkclosure: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	exit(1);
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = malloc(n);
	if (!s)
		die("out of memory");
	snprintf(s, n, "%s%s%s", a, *a && *b ? "/" : "", b);
	return s;
}

static void add(const char *path, const char *src, int exec)
{
	while (*path == '/')
		path++;
	if (nentries == cap) {
		cap = cap ? cap * 2 : 1024;
		entries = realloc(entries, cap * sizeof(*entries));
		if (!entries)
			die("out of memory");
	}
	entries[nentries].path = strdup(path);
	entries[nentries].src = src ? strdup(src) : NULL;
	entries[nentries].exec = exec;
	nentries++;
}

struct spec {
	char **exclude;
	size_t n;
};

static struct spec read_spec(const char *file)
{
	struct spec s = { 0 };
	if (!file)
		return s;
	FILE *f = fopen(file, "r");
	if (!f)
		die("%s: %s", file, strerror(errno));
	char line[4096];
	int lineno = 0;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		if (strncmp(line, "exclude ", 8))
			die("%s:%d: want 'exclude PREFIX'", file, lineno);
		s.exclude = realloc(s.exclude, (s.n + 1) * sizeof(char *));
		s.exclude[s.n++] = strdup(line + 8);
	}
	fclose(f);
	return s;
}

static int excluded(const struct spec *s, const char *rel)
{
	for (size_t i = 0; i < s->n; i++) {
		size_t n = strlen(s->exclude[i]);
		if (!strncmp(rel, s->exclude[i], n) && (rel[n] == 0 || rel[n] == '/'))
			return 1;
	}
	return 0;
}

/* The filesystem has no symbolic links: a link to a file of the same tree
 * goes in as a copy of that file; any other link stops the build. */
static void follow_link(const char *root, const char *src, struct stat *st)
{
	char *top = realpath(root, NULL), *target = realpath(src, NULL);
	size_t n = top ? strlen(top) : 0;
	if (!target || !top || strncmp(target, top, n) || target[n] != '/')
		die("%s: a symbolic link to outside its tree", src);
	if (stat(target, st) < 0 || !S_ISREG(st->st_mode))
		die("%s: a symbolic link to something other than a file", src);
	free(top);
	free(target);
}

static void add_tree(const char *dest, const char *root, const char *rel, const struct spec *s)
{
	char *dir = join(root, rel);
	DIR *d = opendir(dir);
	if (!d)
		die("%s: %s", dir, strerror(errno));
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, ".git"))
			continue;
		char *r = join(rel, e->d_name);
		char *src = join(root, r);
		struct stat st;
		if (lstat(src, &st) < 0)
			die("%s: %s", src, strerror(errno));
		if (S_ISLNK(st.st_mode) && !excluded(s, r))
			follow_link(root, src, &st);
		if (!excluded(s, r)) {
			char *path = join(dest, r);
			if (S_ISDIR(st.st_mode)) {
				add(path, NULL, 1);
				add_tree(dest, root, r, s);
			} else if (S_ISREG(st.st_mode)) {
				add(path, src, (st.st_mode & 0111) != 0);
			} else {
				die("%s: neither a file nor a directory", src);
			}
			free(path);
		}
		free(r);
		free(src);
	}
	closedir(d);
	free(dir);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

static unsigned char *slurp(const char *file, size_t *len)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		die("%s: %s", file, strerror(errno));
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (!buf || ferror(f))
		die("%s: read error", file);
	fclose(f);
	*len = n;
	return buf;
}

static FILE *out;
static unsigned long long offset;
static unsigned ino;

static void emit(const void *p, size_t n)
{
	if (fwrite(p, 1, n, out) != n)
		die("write error");
	offset += n;
}

static void pad4(void)
{
	static const char zero[4];
	emit(zero, (4 - offset % 4) % 4);
}

static void header(const char *path, unsigned mode, size_t size)
{
	char h[111];
	size_t namesize = strlen(path) + 1;
	if (size > 0xffffffffu)
		die("%s: over 4 GiB, too big for newc", path);
	snprintf(h, sizeof(h), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 ++ino, mode, 0, 0, S_ISDIR(mode) ? 2 : 1, 0, (unsigned)size, 0, 0, 0, 0,
		 (unsigned)namesize, 0);
	emit(h, 110);
	emit(path, namesize);
	pad4();
}

static void file_entry(const char *path, unsigned mode, const void *data, size_t len)
{
	header(path, S_IFREG | mode, len);
	emit(data, len);
	pad4();
}

int main(int argc, char **argv)
{
	const char *output = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			output = argv[++i];
		} else if (!strcmp(argv[i], "--tree") && i + 2 < argc) {
			const char *dest = argv[i + 1], *src = argv[i + 2];
			const char *specfile = NULL;
			i += 2;
			if (i + 2 < argc && !strcmp(argv[i + 1], "--spec"))
				specfile = argv[i + 2], i += 2;
			struct spec s = read_spec(specfile);
			add(dest, NULL, 1);
			add_tree(dest, src, "", &s);
		} else if (!strcmp(argv[i], "--file") && i + 2 < argc) {
			struct stat st;
			if (stat(argv[i + 2], &st) < 0)
				die("%s: %s", argv[i + 2], strerror(errno));
			add(argv[i + 1], argv[i + 2], (st.st_mode & 0111) != 0);
			i += 2;
		} else {
			die("usage: mkclosure -o OUT [--tree DEST SRCDIR [--spec FILE]]... [--file DEST SRC]...");
		}
	}
	if (!output)
		die("no output (-o)");
	/* every parent directory gets an entry of its own: Linux's initramfs
	 * unpacker (the benchmark's guest) does not create missing ones */
	size_t given = nentries;
	for (size_t i = 0; i < given; i++) {
		char *p = strdup(entries[i].path), *slash;
		while ((slash = strrchr(p, '/'))) {
			*slash = 0;
			add(p, NULL, 1);
		}
		free(p);
	}
	qsort(entries, nentries, sizeof(*entries), by_path);
	for (size_t i = 1; i < nentries; i++)
		if (!strcmp(entries[i].path, entries[i - 1].path) && (entries[i].src || entries[i - 1].src))
			die("%s is given twice", entries[i].path);

	/* the manifest: every file's hash, in archive order */
	size_t mlen = 0, mcap = 1 << 16;
	char *manifest = malloc(mcap);
	for (size_t i = 0; i < nentries; i++) {
		struct entry *e = &entries[i];
		if (!e->src)
			continue;
		size_t len;
		unsigned char *data = slurp(e->src, &len);
		if (len >= 4 && !memcmp(data, "\177ELF", 4))
			die("%s: a prebuilt ELF program may not go into the image (%s)", e->src, e->path);
		struct sha256 s;
		unsigned char digest[32];
		char hex[65];
		sha256_init(&s);
		sha256_update(&s, data, len);
		sha256_final(&s, digest);
		sha256_hex(digest, hex);
		free(data);
		size_t need = 64 + 2 + strlen(e->path) + 1;
		while (mlen + need + 1 > mcap)
			manifest = realloc(manifest, mcap *= 2);
		mlen += (size_t)sprintf(manifest + mlen, "%s  %s\n", hex, e->path);
	}

	out = fopen(output, "wb");
	if (!out)
		die("%s: %s", output, strerror(errno));
	header("seedboot", S_IFDIR | 0755, 0);
	file_entry(MANIFEST, 0644, manifest, mlen);
	for (size_t i = 0; i < nentries; i++) {
		struct entry *e = &entries[i];
		if (!e->src) {
			if (strcmp(e->path, "seedboot") && (i == 0 || strcmp(e->path, entries[i - 1].path)))
				header(e->path, S_IFDIR | 0755, 0);
			continue;
		}
		size_t len;
		unsigned char *data = slurp(e->src, &len);
		file_entry(e->path, e->exec ? 0755 : 0644, data, len);
		free(data);
	}
	header("TRAILER!!!", 0, 0);
	while (offset % 512)
		emit("", 1);
	if (fclose(out) != 0)
		die("%s: write error", output);
	return 0;
}
