#include "sys.h"

SYSCALL(fchmod)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	return f ? fs_chmod(file_inode(f), a1) : -EBADF;
}
