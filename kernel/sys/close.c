#include "sys.h"

SYSCALL(close)
{
	UNUSED_ARGS();
	return a0 < FD_MAX ? fdt_close(&myproc()->fds, (int)a0) : -EBADF;
}
