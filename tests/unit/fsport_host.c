/* fs/port.h for host tests: the C library's allocator, with counters and failure injection. */
#include <stdlib.h>
#include <string.h>
#include "../../fs/port.h"
#include "fsport_host.h"

long fsport_pages;
long fsport_allocs;
long fsport_page_budget = -1;
long fsport_alloc_budget = -1;

static int take(long *budget)
{
	if (*budget == 0)
		return 0;
	if (*budget > 0)
		(*budget)--;
	return 1;
}

/* Each allocation remembers its size, so fs_free can check the one it is given. */
#define HDR 16

void *fs_alloc(size_t n)
{
	if (n == 0 || n > 4096)
		abort();	/* fs/ broke the port's contract */
	if (!take(&fsport_alloc_budget))
		return NULL;
	char *p = calloc(1, HDR + n);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	fsport_allocs++;
	return p + HDR;
}

void fs_free(void *p, size_t n)
{
	size_t size;
	memcpy(&size, (char *)p - HDR, sizeof size);
	if (size != n)
		abort();
	fsport_allocs--;
	free((char *)p - HDR);
}

void *fs_page_alloc(void)
{
	if (!take(&fsport_page_budget))
		return NULL;
	void *p = aligned_alloc(4096, 4096);
	if (p) {
		memset(p, 0, 4096);
		fsport_pages++;
	}
	return p;
}

void fs_page_free(void *page)
{
	if (!page || ((unsigned long)page & 4095))
		abort();
	fsport_pages--;
	free(page);
}
