#include "sys.h"

SYSCALL(exit)
{
	UNUSED_ARGS();
	proc_exit((int)(a0 & 0xff) << 8);
}
