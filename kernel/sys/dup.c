#include "sys.h"

SYSCALL(dup)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	if (!f)
		return -EBADF;
	file_get(f);
	int r = fdt_install(&myproc()->fds, f, 0, 0);
	if (r < 0)
		file_put(f);
	return r;
}
