#include "sys.h"

#define X_OK 1

/* Everything runs as root: a file exists, or is executable if any x bit is set. */
SYSCALL(access)
{
	UNUSED_ARGS();
	struct inode *ip;
	if (a1 & ~7u)
		return -EINVAL;
	int r = user_path_lookup(a0, &ip);
	if (r < 0)
		return r;
	if ((a1 & X_OK) && !S_ISDIR(inode_mode(ip)) && !(inode_mode(ip) & 0111))
		r = -EACCES;
	inode_put(ip);
	return r;
}
