#include "sys.h"

#define EOVERFLOW 75

SYSCALL(lseek)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	if (!f)
		return -EBADF;
	int64_t r = file_lseek(f, (int32_t)a1, (int)a2);
	if (r > 0x7fffffff)
		return -EOVERFLOW;
	return (long)r;
}
