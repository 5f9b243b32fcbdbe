#include "sys.h"

long do_chdir(struct inode *ip)
{
	struct proc *p = myproc();
	if (!S_ISDIR(inode_mode(ip)))
		return -ENOTDIR;
	inode_get(ip);
	inode_put(p->cwd);
	p->cwd = ip;
	return 0;
}

SYSCALL(chdir)
{
	UNUSED_ARGS();
	struct inode *ip;
	int r = user_path_lookup(a0, &ip);
	if (r < 0)
		return r;
	r = (int)do_chdir(ip);
	inode_put(ip);
	return r;
}
