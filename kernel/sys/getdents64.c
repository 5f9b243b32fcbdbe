#include "sys.h"

SYSCALL(getdents64)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	if (!f)
		return -EBADF;
	if (user_buffer(a1, a2, 1) < 0)
		return -EFAULT;
	return file_getdents64(f, (void *)(uintptr_t)a1, a2);
}
