#include "sys.h"

/* No file here is a terminal: every request on an open fd gets -ENOTTY, as a pipe would. */
SYSCALL(ioctl)
{
	UNUSED_ARGS();
	return fd_file(a0) ? -ENOTTY : -EBADF;
}
