#include "sys.h"

SYSCALL(getpid)
{
	UNUSED_ARGS();
	return myproc()->pid;
}
