#include "sys.h"

SYSCALL(fchdir)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	return f ? do_chdir(file_inode(f)) : -EBADF;
}
