#include "sys.h"

SYSCALL(fork)
{
	UNUSED_ARGS();
	return proc_fork();
}
