/* Character devices: an inode whose reads and writes go to a driver. */
#include "fs_internal.h"

int fs_mknod_chr(struct inode *cwd, const char *path, uint32_t mode, const struct chardev *dev)
{
	struct lastname ln;
	struct inode *ip;
	int r = path_parent(cwd, path, &ln);
	if (r < 0)
		return r;
	if (ln.dots || ln.slash)
		return -EEXIST;
	if (dir_find(ln.dir, ln.name, ln.len))
		return -EEXIST;
	if ((r = dir_create(ln.dir, ln.name, ln.len, S_IFCHR | (mode & 07777), &ip)) < 0)
		return r;
	ip->dev = dev;
	return 0;
}
