#include "sys.h"

/* one thread per process, so exit_group is exit */
SYSCALL(exit_group)
{
	UNUSED_ARGS();
	proc_exit((int)(a0 & 0xff) << 8);
}
