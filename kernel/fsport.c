/* fs/port.h for the kernel: fs/ allocates from the kernel's pages. */
#include "defs.h"
#include "../fs/port.h"

void *fs_alloc(size_t n)
{
	return kmalloc(n);
}

void fs_free(void *p, size_t n)
{
	kfree(p, n);
}

void *fs_page_alloc(void)
{
	void *p = page_alloc();
	if (p)
		memset(p, 0, 4096);
	return p;
}

void fs_page_free(void *page)
{
	page_free(page);
}

int fs_page_shared(const void *page)
{
	return page_shared(page);
}
