/* Open file descriptions: open, read, write, lseek, getdents64. */
#include "fs_internal.h"

#define OFF_MAX 0x7fffffffffffffffLL

/* The inode open(2) reaches, creating it for O_CREAT (borrowed). */
static int open_inode(struct inode *cwd, const char *path, int flags, uint32_t mode,
		      struct inode **out, int *created)
{
	struct lastname ln;
	int r = path_parent(cwd, path, &ln);
	if (r < 0)
		return r;
	if (!(flags & O_CREAT))
		return path_last(&ln, out);

	if (ln.dots)
		return flags & O_EXCL ? -EEXIST : -EISDIR;
	if (ln.slash)
		return -EISDIR;
	struct dent *d = dir_find(ln.dir, ln.name, ln.len);
	if (!d) {
		*created = 1;
		return dir_create(ln.dir, ln.name, ln.len, S_IFREG | (mode & 07777), out);
	}
	if (flags & O_EXCL)
		return -EEXIST;
	if (S_ISDIR(d->ip->mode))
		return -EISDIR;
	*out = d->ip;
	return 0;
}

int file_open(struct inode *cwd, const char *path, int flags, uint32_t mode, struct file **out)
{
	struct file *f = fs_alloc(sizeof *f);
	if (!f)
		return -ENOSPC;
	struct inode *ip;
	int created = 0;
	int r = open_inode(cwd, path, flags, mode, &ip, &created);
	if (r == 0 && (flags & O_DIRECTORY) && !S_ISDIR(ip->mode))
		r = -ENOTDIR;
	if (r == 0 && S_ISDIR(ip->mode) && ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC)))
		r = -EISDIR;
	if (r < 0) {
		fs_free(f, sizeof *f);
		return r;
	}
	if ((flags & O_TRUNC) && !created)
		inode_truncate(ip, 0);
	inode_get(ip);
	if (S_ISDIR(ip->mode))
		ip->nreaders++;
	f->ip = ip;
	f->flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	f->refs = 1;
	*out = f;
	return 0;
}

void file_get(struct file *f)
{
	f->refs++;
}

void file_put(struct file *f)
{
	if (--f->refs)
		return;
	if (S_ISDIR(f->ip->mode))
		f->ip->nreaders--;
	inode_put(f->ip);
	fs_free(f, sizeof *f);
}

static int readable(const struct file *f)
{
	return (f->flags & O_ACCMODE) == O_RDONLY || (f->flags & O_ACCMODE) == O_RDWR;
}

static int writable(const struct file *f)
{
	return (f->flags & O_ACCMODE) == O_WRONLY || (f->flags & O_ACCMODE) == O_RDWR;
}

ssize_t file_read(struct file *f, void *buf, size_t n)
{
	if (!readable(f))
		return -EBADF;
	if (S_ISCHR(f->ip->mode))
		return f->ip->dev->read(buf, n);
	ssize_t r = inode_read(f->ip, buf, n, f->pos);
	if (r > 0)
		f->pos += (uint64_t)r;
	return r;
}

size_t file_read_span(const struct file *f, size_t n)
{
	if (!S_ISREG(f->ip->mode))
		return n;
	if (f->pos >= f->ip->size)
		return 0;
	return f->ip->size - f->pos < n ? (size_t)(f->ip->size - f->pos) : n;
}

ssize_t file_write(struct file *f, const void *buf, size_t n)
{
	if (!writable(f))
		return -EBADF;
	if (S_ISCHR(f->ip->mode))
		return f->ip->dev->write(buf, n);
	if (f->flags & O_APPEND)
		f->pos = f->ip->size;
	ssize_t r = inode_write(f->ip, buf, n, f->pos);
	if (r > 0)
		f->pos += (uint64_t)r;
	return r;
}

int64_t file_lseek(struct file *f, int64_t off, int whence)
{
	int64_t base;
	if (S_ISCHR(f->ip->mode))
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)f->pos;
		break;
	case SEEK_END:
		if (S_ISDIR(f->ip->mode))
			return -EINVAL;
		base = (int64_t)f->ip->size;
		break;
	default:
		return -EINVAL;
	}
	if (off > 0 && base > OFF_MAX - off)
		return -EINVAL;
	if (base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return base + off;
}

struct inode *file_inode(struct file *f)
{
	return f->ip;
}

int file_flags(const struct file *f)
{
	return f->flags;
}

/*
 * Directory positions: 0 is ".", 1 is "..", 2 + i is slot i of the
 * creation-order array; d_off is the position after the record.
 */
static size_t put_dirent(uint8_t *p, size_t room, const struct inode *ip,
			 const char *name, size_t len, int64_t next)
{
	size_t reclen = (19 + len + 1 + 7) & ~(size_t)7;
	if (reclen > room)
		return 0;
	uint64_t ino = ip->ino;
	uint16_t rl = (uint16_t)reclen;
	memset(p, 0, reclen);
	memcpy(p, &ino, 8);
	memcpy(p + 8, &next, 8);
	memcpy(p + 16, &rl, 2);
	p[18] = (uint8_t)((ip->mode & S_IFMT) >> 12);	/* DT_DIR, DT_REG, DT_CHR */
	memcpy(p + 19, name, len);
	return reclen;
}

ssize_t file_getdents64(struct file *f, void *buf, size_t n)
{
	struct inode *dir = f->ip;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (dir->nlink == 0)
		return -ENOENT;
	uint8_t *out = buf;
	size_t used = 0;
	for (;;) {
		uint64_t pos = f->pos;
		const struct inode *ip;
		const char *name;
		size_t len;
		if (pos < 2) {
			ip = pos == 0 ? dir : dir->parent;
			name = "..";	/* "." is its first byte */
			len = pos + 1;
		} else {
			struct dent *d = NULL;
			while (pos - 2 < dir->nslots && !(d = dir_slot(dir, (uint32_t)(pos - 2))))
				pos++;
			if (!d)
				break;
			ip = d->ip;
			name = d->name;
			len = d->len;
		}
		size_t w = put_dirent(out + used, n - used, ip, name, len, (int64_t)pos + 1);
		if (w == 0) {
			if (used == 0)
				return -EINVAL;
			break;
		}
		used += w;
		f->pos = pos + 1;
	}
	return (ssize_t)used;
}
