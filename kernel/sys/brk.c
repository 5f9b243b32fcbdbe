#include "sys.h"

/*
 * brk(addr) moves the end of the heap and returns the new end, or the old
 * one when it cannot (brk(0) asks for it). Pages are mapped when first
 * touched, so growing costs nothing until the memory is used.
 */
SYSCALL(brk)
{
	UNUSED_ARGS();
	struct proc *p = myproc();
	uintptr_t want = a0;
	if (want < p->brk_base || want > USER_STACK_TOP - USER_STACK_MAX)
		return (long)p->brk;
	for (uintptr_t va = PGROUNDUP(want); va < PGROUNDUP(p->brk); va += PAGE_SIZE)
		vm_unmap(p->pgdir, va);
	p->brk = want;
	return (long)want;
}
