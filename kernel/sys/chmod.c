#include "sys.h"

SYSCALL(chmod)
{
	UNUSED_ARGS();
	struct inode *ip;
	int r = user_path_lookup(a0, &ip);
	if (r < 0)
		return r;
	r = fs_chmod(ip, a1);
	inode_put(ip);
	return r;
}
