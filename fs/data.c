/* File data: the page table behind every inode, and reads and writes through it. */
#include "fs_internal.h"

#define MAX_BYTES (PM_MAX_PAGES << PAGE_SHIFT)
#define MAX_RW 0x7ffff000u	/* Linux's cap on one read or write */

/* Entry i of the index page that *tab points to, making the page if asked. */
static void **index_entry(void **tab, uint32_t i, int alloc)
{
	if (!*tab && !(alloc && (*tab = fs_page_alloc())))
		return NULL;
	return &((void **)*tab)[i];
}

static void **pm_slot(struct pagemap *pm, uint32_t pg, int alloc)
{
	if (pg < PM_DIRECT)
		return &pm->direct[pg];
	pg -= PM_DIRECT;
	if (pg < PTRS_PER_PAGE)
		return index_entry(&pm->ind, pg, alloc);
	pg -= PTRS_PER_PAGE;
	if (pg >= PTRS_PER_PAGE * PTRS_PER_PAGE)
		return NULL;
	void **mid = index_entry(&pm->dind, pg / PTRS_PER_PAGE, alloc);
	return mid ? index_entry(mid, pg % PTRS_PER_PAGE, alloc) : NULL;
}

/* Page pg, or NULL for a hole (alloc == 0) or when out of pages (alloc == 1). */
void *pm_page(struct pagemap *pm, uint32_t pg, int alloc)
{
	if (pg < PM_DIRECT && pm->direct[pg])
		return pm->direct[pg];
	void **slot = pm_slot(pm, pg, alloc);
	if (!slot)
		return NULL;
	if (!*slot && alloc)
		*slot = fs_page_alloc();
	return *slot;
}

/*
 * Page pg, to write into. A page that a program maps too (exec shares a
 * file's read-only pages) is first replaced by a copy: a running program
 * keeps the bytes it started with, whatever is written to its file later.
 * (Linux refuses such a write: ETXTBSY. Here it goes to the copy.)
 */
static uint8_t *pm_page_for_write(struct pagemap *pm, uint32_t pg, int alloc)
{
	void **slot = pm_slot(pm, pg, alloc);
	if (!slot)
		return NULL;
	if (!*slot) {
		if (alloc)
			*slot = fs_page_alloc();
	} else if (fs_page_shared(*slot)) {
		void *copy = fs_page_alloc();
		if (!copy)
			return NULL;
		memcpy(copy, *slot, PAGE_SIZE);
		fs_page_free(*slot);
		*slot = copy;
	}
	return *slot;
}

/* *p maps pages [base, base + span): a data page when span is 1, else an index page. */
static void free_tree(void **p, uint32_t base, uint32_t span, uint32_t first)
{
	if (!*p || base + span <= first)
		return;
	if (span > 1) {
		uint32_t sub = span / PTRS_PER_PAGE;
		void **e = *p;
		for (uint32_t i = 0; i < PTRS_PER_PAGE; i++)
			free_tree(&e[i], base + i * sub, sub, first);
	}
	if (base >= first) {
		fs_page_free(*p);
		*p = NULL;
	}
}

/* Free every page at index first or above, and the index pages left empty. */
void pm_free_from(struct pagemap *pm, uint32_t first)
{
	for (uint32_t i = 0; i < PM_DIRECT; i++)
		free_tree(&pm->direct[i], i, 1, first);
	free_tree(&pm->ind, PM_DIRECT, PTRS_PER_PAGE, first);
	free_tree(&pm->dind, PM_DIRECT + PTRS_PER_PAGE, PTRS_PER_PAGE * PTRS_PER_PAGE, first);
}

ssize_t inode_read(struct inode *ip, void *buf, size_t n, uint64_t off)
{
	if (S_ISDIR(ip->mode))
		return -EISDIR;
	if (off >= ip->size)
		return 0;
	if (n > ip->size - off)
		n = ip->size - off;
	if (n > MAX_RW)
		n = MAX_RW;
	uint8_t *dst = buf;
	for (size_t done = 0; done < n;) {
		uint32_t in = off & (PAGE_SIZE - 1);
		size_t chunk = PAGE_SIZE - in;
		if (chunk > n - done)
			chunk = n - done;
		uint8_t *page = pm_page(&ip->map, (uint32_t)(off >> PAGE_SHIFT), 0);
		if (page && chunk == 1)
			dst[done] = page[in];	/* bootstrap tools read a byte at a time */
		else if (page)
			memcpy(dst + done, page + in, chunk);
		else
			memset(dst + done, 0, chunk);
		done += chunk;
		off += chunk;
	}
	return (ssize_t)n;
}

ssize_t inode_write(struct inode *ip, const void *buf, size_t n, uint64_t off)
{
	if (S_ISDIR(ip->mode))
		return -EISDIR;
	if (n == 0)
		return 0;
	if (off >= MAX_BYTES)
		return -EFBIG;
	if (n > MAX_RW)
		n = MAX_RW;
	if (n > MAX_BYTES - off)
		n = MAX_BYTES - off;
	const uint8_t *src = buf;
	size_t done = 0;
	while (done < n) {
		uint32_t in = off & (PAGE_SIZE - 1);
		size_t chunk = PAGE_SIZE - in;
		if (chunk > n - done)
			chunk = n - done;
		uint8_t *page = pm_page_for_write(&ip->map, (uint32_t)(off >> PAGE_SHIFT), 1);
		if (!page)
			break;
		if (chunk == 1)
			page[in] = src[done];	/* and write a byte at a time */
		else
			memcpy(page + in, src + done, chunk);
		done += chunk;
		off += chunk;
	}
	if (done == 0)
		return -ENOSPC;
	if (off > ip->size)
		ip->size = off;
	return (ssize_t)done;
}

void *inode_page(struct inode *ip, uint32_t pg)
{
	return S_ISREG(ip->mode) ? pm_page(&ip->map, pg, 0) : NULL;
}

int inode_truncate(struct inode *ip, uint64_t size)
{
	if (S_ISDIR(ip->mode))
		return -EISDIR;
	if (size > MAX_BYTES)
		return -EFBIG;
	if (size < ip->size) {
		/* bytes past the end must read as zeros if the file grows again */
		uint32_t in = size & (PAGE_SIZE - 1);
		uint32_t pg = (uint32_t)(size >> PAGE_SHIFT);
		uint8_t *page = in ? pm_page(&ip->map, pg, 0) : NULL;
		if (page && !(page = pm_page_for_write(&ip->map, pg, 0)))
			return -ENOMEM;
		if (page)
			memset(page + in, 0, PAGE_SIZE - in);
		pm_free_from(&ip->map, (uint32_t)((size + PAGE_SIZE - 1) >> PAGE_SHIFT));
	}
	ip->size = size;
	return 0;
}
