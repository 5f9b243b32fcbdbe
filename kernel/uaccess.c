/*
 * Checked access to the current process's memory. The kernel runs on the
 * process's page tables, so once a range is known to be mapped (heap and
 * stack pages are mapped here on first touch, as a fault would) the kernel
 * reads and writes it directly. Anything else is -EFAULT, never a crash.
 */
#include "proc.h"
#include "errno.h"

static int page_ok(struct proc *p, uintptr_t va, int write)
{
	int flags = write ? VM_WRITE : 0;
	if (vm_user_ok(p->pgdir, va, write))
		return 1;
	const char *why;
	return proc_page_fault(va, write, &why) == 0 && vm_page(p->pgdir, va, flags);
}

int user_buffer(uintptr_t uaddr, size_t n, int write)
{
	struct proc *p = myproc();
	if (n == 0)
		return 0;
	if (uaddr >= VM_USER_TOP || n > VM_USER_TOP - uaddr)
		return -EFAULT;
	for (uintptr_t va = PGROUNDDOWN(uaddr); va < uaddr + n; va += PAGE_SIZE)
		if (!page_ok(p, va, write))
			return -EFAULT;
	return 0;
}

int copy_from_user(void *dst, uintptr_t usrc, size_t n)
{
	int r = user_buffer(usrc, n, 0);
	if (r == 0)
		memcpy(dst, (const void *)usrc, n);
	return r;
}

int copy_to_user(uintptr_t udst, const void *src, size_t n)
{
	int r = user_buffer(udst, n, 1);
	if (r == 0)
		memcpy((void *)udst, src, n);
	return r;
}

long user_strlen(uintptr_t us, size_t max)
{
	struct proc *p = myproc();
	for (size_t n = 0; n < max; n++) {
		uintptr_t va = us + n;
		if (va >= VM_USER_TOP)
			return -EFAULT;
		if ((n == 0 || (va & (PAGE_SIZE - 1)) == 0) && !page_ok(p, va, 0))
			return -EFAULT;
		if (*(const char *)va == 0)
			return (long)n;
	}
	return -ENAMETOOLONG;
}

int user_string(char *dst, uintptr_t usrc, size_t cap)
{
	long n = user_strlen(usrc, cap);
	if (n < 0)
		return (int)n;
	memcpy(dst, (const char *)usrc, (size_t)n + 1);
	return (int)n;
}
