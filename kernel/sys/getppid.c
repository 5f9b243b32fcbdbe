#include "sys.h"

SYSCALL(getppid)
{
	UNUSED_ARGS();
	struct proc *parent = myproc()->parent;
	return parent ? parent->pid : 0;
}
