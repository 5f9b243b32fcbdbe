#include "sys.h"

SYSCALL(creat)
{
	UNUSED_ARGS();
	return do_open(a0, O_CREAT | O_WRONLY | O_TRUNC, a1);
}
