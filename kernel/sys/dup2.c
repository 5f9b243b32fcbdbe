#include "sys.h"

SYSCALL(dup2)
{
	UNUSED_ARGS();
	if (!fd_file(a0))
		return -EBADF;
	if (a1 >= FD_MAX)
		return -EBADF;
	return fdt_dup2(&myproc()->fds, (int)a0, (int)a1);
}
