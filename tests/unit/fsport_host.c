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

/*
 * Pages a test maps as exec would (fsport_map): how many mappings each has,
 * and whether the file still holds it. Such a page is freed by the last
 * of the file (fs_page_free) and its mappings (fsport_unmap).
 */
#define MAPPED_MAX 8
static struct {
	void *page;
	int maps, file_let_go;
} mapped[MAPPED_MAX];

static int mapped_index(const void *page)
{
	for (int i = 0; i < MAPPED_MAX; i++)
		if (mapped[i].page && mapped[i].page == page)
			return i;
	return -1;
}

void fsport_map(void *page)
{
	int i = mapped_index(page);
	for (int j = 0; i < 0 && j < MAPPED_MAX; j++)
		if (!mapped[j].page)
			mapped[i = j].page = page;
	if (i < 0)
		abort();	/* more than the tests need */
	mapped[i].maps++;
}

static void release(void *page)
{
	fsport_pages--;
	free(page);
}

void fsport_unmap(void *page)
{
	int i = mapped_index(page);
	if (i < 0 || mapped[i].maps == 0)
		abort();
	if (--mapped[i].maps == 0 && mapped[i].file_let_go) {
		mapped[i].page = NULL;
		mapped[i].file_let_go = 0;
		release(page);
	}
}

int fs_page_shared(const void *page)
{
	int i = mapped_index(page);
	return i >= 0 && mapped[i].maps > 0;
}

void fs_page_free(void *page)
{
	if (!page || ((unsigned long)page & 4095))
		abort();
	int i = mapped_index(page);
	if (i >= 0 && mapped[i].file_let_go)
		abort();	/* fs/ freed it twice */
	if (i >= 0 && mapped[i].maps > 0) {
		mapped[i].file_let_go = 1;
		return;
	}
	if (i >= 0)
		mapped[i].page = NULL;
	release(page);
}
