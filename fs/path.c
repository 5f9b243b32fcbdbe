/* Path resolution and the operations on names: mkdir, unlink, rmdir, rename, getcwd. */
#include "fs_internal.h"

static int is_dot(const char *name, size_t len)
{
	return len == 1 && name[0] == '.';
}

static int is_dotdot(const char *name, size_t len)
{
	return len == 2 && name[0] == '.' && name[1] == '.';
}

/* Where one component (a name, ".", "..", or empty for "/") leads from directory dir. */
static int step(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	if (len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 0 || is_dot(name, len)) {
		*out = dir;
		return 0;
	}
	if (is_dotdot(name, len)) {
		*out = dir->parent;
		return 0;
	}
	struct dent *d = dir_find(dir, name, len);
	if (!d)
		return -ENOENT;
	*out = d->ip;
	return 0;
}

/*
 * A name over FS_NAME_MAX fails when it is looked up, as on Linux. With
 * long_last, a last one is left to the caller (rename looks up both paths'
 * parents first); without it, only one followed by '/', so that it gets as
 * far as open(O_CREAT)'s -EISDIR. Whatever looks a name up or makes one
 * checks ln->len.
 */
static int walk(struct inode *cwd, const char *path, struct lastname *ln, int long_last)
{
	for (size_t n = 0; path[n]; n++)
		if (n + 1 >= FS_PATH_MAX)
			return -ENAMETOOLONG;
	if (path[0] == '\0')
		return -ENOENT;

	struct inode *dir = path[0] == '/' ? fs_root() : cwd;
	const char *p = path;
	for (;;) {
		while (*p == '/')
			p++;
		const char *name = p;
		while (*p && *p != '/')
			p++;
		size_t len = (size_t)(p - name);
		const char *rest = p;
		while (*rest == '/')
			rest++;
		if (len > FS_NAME_MAX && (*rest != '\0' || !(long_last || *p == '/')))
			return -ENAMETOOLONG;
		if (*rest == '\0') {
			ln->dir = dir;
			ln->name = name;
			ln->len = len;
			ln->slash = *p == '/';
			ln->dots = len == 0 || is_dot(name, len) || is_dotdot(name, len);
			return 0;
		}
		int r = step(dir, name, len, &dir);
		if (r < 0)
			return r;
		if (!S_ISDIR(dir->mode))
			return -ENOTDIR;
	}
}

int path_parent(struct inode *cwd, const char *path, struct lastname *ln)
{
	return walk(cwd, path, ln, 0);
}

/* The inode the last component names (borrowed). */
int path_last(const struct lastname *ln, struct inode **out)
{
	int r = step(ln->dir, ln->name, ln->len, out);
	if (r == 0 && ln->slash && !S_ISDIR((*out)->mode))
		return -ENOTDIR;
	return r;
}

int fs_lookup(struct inode *cwd, const char *path, struct inode **out)
{
	struct lastname ln;
	int r = path_parent(cwd, path, &ln);
	if (r == 0)
		r = path_last(&ln, out);
	if (r == 0)
		inode_get(*out);
	return r;
}

int fs_mkdir(struct inode *cwd, const char *path, uint32_t mode)
{
	struct lastname ln;
	int r = path_parent(cwd, path, &ln);
	if (r < 0)
		return r;
	if (ln.dots)
		return -EEXIST;
	if (ln.len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	if (dir_find(ln.dir, ln.name, ln.len))
		return -EEXIST;
	return dir_create(ln.dir, ln.name, ln.len, S_IFDIR | (mode & 01777), NULL);
}

int fs_unlink(struct inode *cwd, const char *path)
{
	struct lastname ln;
	int r = path_parent(cwd, path, &ln);
	if (r < 0)
		return r;
	if (ln.dots)
		return -EISDIR;
	if (ln.len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	struct dent *d = dir_find(ln.dir, ln.name, ln.len);
	if (!d)
		return -ENOENT;
	if (S_ISDIR(d->ip->mode))
		return -EISDIR;
	if (ln.slash)
		return -ENOTDIR;
	dir_unlink(ln.dir, d);
	return 0;
}

int fs_rmdir(struct inode *cwd, const char *path)
{
	struct lastname ln;
	int r = path_parent(cwd, path, &ln);
	if (r < 0)
		return r;
	if (ln.len == 0)
		return -EBUSY;
	if (is_dot(ln.name, ln.len))
		return -EINVAL;
	if (ln.dots)
		return -ENOTEMPTY;
	if (ln.len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	struct dent *d = dir_find(ln.dir, ln.name, ln.len);
	if (!d)
		return -ENOENT;
	if (!S_ISDIR(d->ip->mode))
		return -ENOTDIR;
	if (d->ip->nlive)
		return -ENOTEMPTY;
	dir_unlink(ln.dir, d);
	return 0;
}

static int is_ancestor(const struct inode *a, const struct inode *dir)
{
	for (;; dir = dir->parent) {
		if (dir == a)
			return 1;
		if (dir->parent == dir)
			return 0;
	}
}

int fs_rename(struct inode *cwd, const char *from, const char *to)
{
	struct lastname a, b;
	int r = walk(cwd, from, &a, 1);
	if (r == 0)
		r = walk(cwd, to, &b, 1);
	if (r < 0)
		return r;
	if (a.dots || b.dots)
		return -EBUSY;
	if (a.len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	struct dent *src = dir_find(a.dir, a.name, a.len);
	if (!src)
		return -ENOENT;
	if (b.len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	struct inode *ip = src->ip;
	int isdir = S_ISDIR(ip->mode);
	if (!isdir && (a.slash || b.slash))
		return -ENOTDIR;
	if (isdir && is_ancestor(ip, b.dir))
		return -EINVAL;
	struct dent *dst = dir_find(b.dir, b.name, b.len);
	if (dst) {
		struct inode *old = dst->ip;
		if (old == ip)
			return 0;
		/* Linux says this before looking at the types, even for a file */
		if (S_ISDIR(old->mode) && is_ancestor(old, a.dir))
			return -ENOTEMPTY;
		if (isdir && !S_ISDIR(old->mode))
			return -ENOTDIR;
		if (isdir && old->nlive)
			return -ENOTEMPTY;
		if (!isdir && S_ISDIR(old->mode))
			return -EISDIR;
		/* reuse the target's entry: nothing to allocate, so nothing can fail */
		dst->ip = ip;
		inode_unlinked(b.dir, old);
	} else {
		if (b.dir->nlink == 0)
			return -ENOENT;
		dst = dir_add(b.dir, b.name, b.len, ip);
		if (!dst)
			return -ENOSPC;
	}
	dir_remove(a.dir, src);
	if (isdir) {
		ip->dent = dst;
		if (a.dir != b.dir) {
			a.dir->nlink--;
			b.dir->nlink++;
			inode_get(b.dir);
			ip->parent = b.dir;
			inode_put(a.dir);
		}
	}
	return 0;
}

int fs_chmod(struct inode *ip, uint32_t mode)
{
	ip->mode = (ip->mode & S_IFMT) | (mode & 07777);
	return 0;
}

int fs_getcwd(struct inode *dir, char *buf, size_t size)
{
	if (dir->nlink == 0)
		return -ENOENT;
	size_t need = 2;	/* "/" and the NUL, for the root */
	if (dir->parent != dir) {
		need = 1;
		for (struct inode *p = dir; p->parent != p; p = p->parent)
			need += 1 + p->dent->len;
	}
	if (need > size)
		return -ERANGE;
	buf[0] = '/';
	buf[need - 1] = '\0';
	size_t end = need - 1;
	for (struct inode *p = dir; p->parent != p; p = p->parent) {
		end -= p->dent->len;
		memcpy(buf + end, p->dent->name, p->dent->len);
		buf[--end] = '/';
	}
	return (int)need;
}
