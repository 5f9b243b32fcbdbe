#include "sys.h"

SYSCALL(write)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	if (!f)
		return -EBADF;
	size_t ok = user_span(a1, a2, 0);
	ssize_t r = file_write(f, (const void *)(uintptr_t)a1, ok);
	return r == 0 && ok == 0 && a2 > 0 ? -EFAULT : r;
}
