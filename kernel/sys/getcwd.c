#include "sys.h"

SYSCALL(getcwd)
{
	UNUSED_ARGS();
	char *buf = kmalloc(FS_PATH_MAX);
	if (!buf)
		return -ENOMEM;
	int r = fs_getcwd(myproc()->cwd, buf, a1 < FS_PATH_MAX ? a1 : FS_PATH_MAX);
	if (r > 0 && copy_to_user(a0, buf, (size_t)r) < 0)
		r = -EFAULT;
	kfree(buf, FS_PATH_MAX);
	return r;
}
