/* The cpio "newc" unpacker. */
#include "fs_internal.h"

#define HDR_LEN 110	/* "070701" and 13 fields of 8 hex digits */

struct entry {
	uint32_t mode;
	uint32_t size;
	const char *name;
	const uint8_t *data;
	size_t next;	/* offset of the following header */
};

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static int hex8(const uint8_t *p, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 8; i++) {
		uint8_t c = p[i];
		uint32_t d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -EINVAL;
		v = v << 4 | d;
	}
	*out = v;
	return 0;
}

/* Decode the header at off, checking that all it describes lies inside the buffer. */
static int parse(const uint8_t *buf, size_t len, size_t off, struct entry *e)
{
	uint32_t field[13];
	if (off > len || len - off < HDR_LEN || memcmp(buf + off, "070701", 6) != 0)
		return -EINVAL;
	for (int i = 0; i < 13; i++)
		if (hex8(buf + off + 6 + 8 * i, &field[i]) < 0)
			return -EINVAL;
	e->mode = field[1];
	e->size = field[6];
	uint32_t namesize = field[11];

	size_t p = off + HDR_LEN;
	if (namesize == 0 || namesize > len - p)
		return -EINVAL;
	e->name = (const char *)buf + p;
	if (e->name[namesize - 1] != '\0' || strlen(e->name) != namesize - 1)
		return -EINVAL;
	p = align4(p + namesize);
	if (p > len || e->size > len - p)
		return -EINVAL;
	e->data = buf + p;
	e->next = align4(p + e->size);
	return e->next <= len ? 0 : -EINVAL;
}

/* The next component of *p that is neither empty nor ".", or NULL at the end. */
static const char *next_name(const char **p, size_t *len)
{
	for (;;) {
		while (**p == '/')
			(*p)++;
		if (**p == '\0')
			return NULL;
		const char *name = *p;
		while (**p && **p != '/')
			(*p)++;
		*len = (size_t)(*p - name);
		if (*len != 1 || name[0] != '.')
			return name;
	}
}

/*
 * Entries must be directories or regular files, with paths that stay below
 * root; only a directory may name root itself (the archive's "."), or end
 * in '/' or "/." (Linux would not open such a path as a file either).
 */
static int check(const struct entry *e, const char *path)
{
	if (!S_ISDIR(e->mode) && !S_ISREG(e->mode))
		return -EINVAL;
	size_t n = strlen(path);
	if (S_ISREG(e->mode) && n > 0 && (path[n - 1] == '/' ||
	    (path[n - 1] == '.' && (n == 1 || path[n - 2] == '/'))))
		return -EINVAL;
	const char *name;
	size_t len;
	int names = 0;
	while ((name = next_name(&path, &len))) {
		if (len > FS_NAME_MAX || (len == 2 && name[0] == '.' && name[1] == '.'))
			return -EINVAL;
		names++;
	}
	return names || S_ISDIR(e->mode) ? 0 : -EINVAL;
}

static int make_dir(struct inode *dir, const char *name, size_t len, uint32_t mode, struct inode **out)
{
	struct dent *d = dir_find(dir, name, len);
	if (!d)
		return dir_create(dir, name, len, S_IFDIR | mode, out);
	if (!S_ISDIR(d->ip->mode))
		return -ENOTDIR;
	*out = d->ip;
	return 0;
}

static int make_file(struct inode *dir, const char *name, size_t len, const struct entry *e)
{
	struct inode *ip;
	struct dent *d = dir_find(dir, name, len);
	if (d) {
		ip = d->ip;
		if (S_ISDIR(ip->mode))
			return -EISDIR;
		inode_truncate(ip, 0);
	} else {
		int r = dir_create(dir, name, len, S_IFREG, &ip);
		if (r < 0)
			return r;
	}
	for (uint32_t done = 0; done < e->size;) {
		ssize_t w = inode_write(ip, e->data + done, e->size - done, done);
		if (w < 0)
			return (int)w;
		done += (uint32_t)w;
	}
	return fs_chmod(ip, e->mode);
}

/* Create what the entry describes, and any directories above it. */
static int unpack(struct inode *root, const char *path, const struct entry *e)
{
	struct inode *dir = root;
	const char *last = NULL, *name;
	size_t lastlen = 0, len;
	while ((name = next_name(&path, &len))) {
		if (last) {
			int r = make_dir(dir, last, lastlen, 0755, &dir);
			if (r < 0)
				return r;
		}
		last = name;
		lastlen = len;
	}
	if (!last)
		return 0;	/* the archive's "." */
	if (S_ISREG(e->mode))
		return make_file(dir, last, lastlen, e);
	struct inode *ip;
	int r = make_dir(dir, last, lastlen, e->mode & 07777, &ip);
	return r < 0 ? r : fs_chmod(ip, e->mode);
}

static const char *strip(const char *name)
{
	for (;;) {
		if (name[0] == '.' && name[1] == '/')
			name += 2;
		else if (name[0] == '/')
			name++;
		else
			return name;
	}
}

static int handle(struct inode *root, const struct entry *e, int apply,
		  cpio_visit_fn visit, void *ctx)
{
	const char *path = strip(e->name);
	int r = check(e, path);
	if (r < 0 || !apply)
		return r;
	r = unpack(root, path, e);
	if (r == 0 && visit && S_ISREG(e->mode))
		r = visit(ctx, path, e->data, e->size);
	return r;
}

/* One pass over the archive: checking only, or (apply) unpacking too. */
static int walk(struct inode *root, const uint8_t *buf, size_t len,
		cpio_visit_fn visit, void *ctx, int apply, size_t *err_at)
{
	size_t off = 0;
	for (;;) {
		struct entry e;
		int r = parse(buf, len, off, &e);
		if (r == 0 && strcmp(e.name, "TRAILER!!!") == 0)
			return 0;
		if (r == 0)
			r = handle(root, &e, apply, visit, ctx);
		if (r != 0) {
			*err_at = off;
			return r;
		}
		off = e.next;
	}
}

int cpio_unpack(struct inode *root, const void *data, size_t len,
		cpio_visit_fn visit, void *ctx, size_t *err_at)
{
	size_t ignored;
	if (!err_at)
		err_at = &ignored;
	/* check the whole archive first, so a bad one changes nothing */
	int r = walk(root, data, len, NULL, NULL, 0, err_at);
	if (r == 0)
		r = walk(root, data, len, visit, ctx, 1, err_at);
	return r;
}
