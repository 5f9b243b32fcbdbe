#include "sys.h"

SYSCALL(write)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	if (!f)
		return -EBADF;
	if (user_buffer(a1, a2, 0) < 0)
		return -EFAULT;
	return file_write(f, (const void *)(uintptr_t)a1, a2);
}
