#include "sys.h"

SYSCALL(waitpid)
{
	UNUSED_ARGS();
	return proc_wait((int)a0, a1, (int)a2);
}
