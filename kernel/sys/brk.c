#include "sys.h"

/*
 * brk(addr) moves the end of the heap and returns the new end, or the old
 * one when it cannot (brk(0) asks for it), as Linux does. Pages are mapped
 * when first touched, so growing costs nothing until the memory is used;
 * growth that free memory could not back is refused (mem_enough).
 */
SYSCALL(brk)
{
	UNUSED_ARGS();
	struct proc *p = myproc();
	uintptr_t want = a0, old_end = PGROUNDUP(p->brk), new_end = PGROUNDUP(want);
	if (want < p->brk_base || want > USER_STACK_TOP - USER_STACK_MAX)
		return (long)p->brk;
	if (new_end > old_end && !mem_enough((new_end - old_end) / PAGE_SIZE))
		return (long)p->brk;
	for (uintptr_t va = new_end; va < old_end; va += PAGE_SIZE)
		vm_unmap(p->pgdir, va);
	p->brk = want;
	return (long)want;
}
