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
	char *path;
	struct inode *ip;
	int r = path_get(a0, &path);
	if (r < 0)
		return r;
	r = fs_lookup(myproc()->cwd, path, &ip);
	path_put(path);
	if (r < 0)
		return r;
	r = (int)do_chdir(ip);
	inode_put(ip);
	return r;
}
