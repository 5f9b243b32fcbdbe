#include "sys.h"

SYSCALL(read)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	if (!f)
		return -EBADF;
	/* only the bytes the read can deliver need room: a short file fills little */
	size_t want = file_read_span(f, a2), ok = user_span(a1, want, 1);
	ssize_t r = file_read(f, (void *)(uintptr_t)a1, ok);
	return r == 0 && ok == 0 && want > 0 ? -EFAULT : r;
}
