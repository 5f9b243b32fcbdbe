#include "sys.h"

SYSCALL(chmod)
{
	UNUSED_ARGS();
	char *path;
	struct inode *ip;
	int r = path_get(a0, &path);
	if (r < 0)
		return r;
	r = fs_lookup(myproc()->cwd, path, &ip);
	path_put(path);
	if (r < 0)
		return r;
	r = fs_chmod(ip, a1);
	inode_put(ip);
	return r;
}
