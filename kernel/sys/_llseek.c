#include "sys.h"

/* _llseek(fd, offset_high, offset_low, loff_t *result, whence) */
SYSCALL(_llseek)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	if (!f)
		return -EBADF;
	if (user_buffer(a3, 8, 1) < 0)
		return -EFAULT;
	int64_t r = file_lseek(f, (int64_t)((uint64_t)a1 << 32 | a2), (int)a4);
	if (r < 0)
		return (long)r;
	copy_to_user(a3, &r, 8);
	return 0;
}
