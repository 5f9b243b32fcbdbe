/* Inodes: creation, the links and references that keep them alive. */
#include "fs_internal.h"

static struct inode *root;
static uint32_t next_ino;

static struct inode *inode_new(uint32_t mode)
{
	struct inode *ip = fs_alloc(sizeof *ip);
	if (!ip)
		return NULL;
	ip->ino = next_ino++;
	ip->mode = mode;
	return ip;
}

static void inode_free(struct inode *ip)
{
	struct inode *parent = NULL;

	if (S_ISDIR(ip->mode)) {
		dir_free(ip);
		if (ip->parent != ip)
			parent = ip->parent;
	} else {
		pm_free_from(&ip->map, 0);
	}
	fs_free(ip, sizeof *ip);
	if (parent)
		inode_put(parent);
}

void fs_init(void)
{
	next_ino = 1;
	root = inode_new(S_IFDIR | 0755);
	root->nlink = 2;
	root->refs = 1;
	root->parent = root;
}

struct inode *fs_root(void)
{
	return root;
}

void inode_get(struct inode *ip)
{
	ip->refs++;
}

void inode_put(struct inode *ip)
{
	if (--ip->refs == 0 && ip->nlink == 0)
		inode_free(ip);
}

uint32_t inode_mode(const struct inode *ip)
{
	return ip->mode;
}

uint32_t inode_nlink(const struct inode *ip)
{
	return ip->nlink;
}

uint64_t inode_size(const struct inode *ip)
{
	/* what tmpfs reports for a directory */
	if (S_ISDIR(ip->mode))
		return 40 + 20 * (uint64_t)ip->nlive;
	return ip->size;
}

uint32_t inode_ino(const struct inode *ip)
{
	return ip->ino;
}

/* Make a new file or directory named name in dir; *out (if wanted) is borrowed. */
int dir_create(struct inode *dir, const char *name, size_t len, uint32_t mode, struct inode **out)
{
	if (dir->nlink == 0)
		return -ENOENT;
	struct inode *ip = inode_new(mode);
	if (!ip)
		return -ENOSPC;
	struct dent *d = dir_add(dir, name, len, ip);
	if (!d) {
		fs_free(ip, sizeof *ip);
		return -ENOSPC;
	}
	if (S_ISDIR(mode)) {
		ip->nlink = 2;
		ip->parent = dir;
		ip->dent = d;
		inode_get(dir);
		dir->nlink++;
	} else {
		ip->nlink = 1;
	}
	if (out)
		*out = ip;
	return 0;
}

/* dir no longer names ip: drop that link, and ip itself if nothing holds it. */
void inode_unlinked(struct inode *dir, struct inode *ip)
{
	if (S_ISDIR(ip->mode)) {
		ip->nlink = 0;
		ip->dent = NULL;
		dir->nlink--;
	} else {
		ip->nlink--;
	}
	if (ip->nlink == 0 && ip->refs == 0)
		inode_free(ip);
}

void dir_unlink(struct inode *dir, struct dent *d)
{
	struct inode *ip = d->ip;
	dir_remove(dir, d);
	inode_unlinked(dir, ip);
}
