/*
 * Physical memory. Every usable page of RAM below 2 GiB (the direct map)
 * that is not the kernel or the closure goes on a free list threaded through
 * the pages themselves, so page_alloc and page_free are O(1). A page can have
 * several owners (a file's data and the programs that map it, see exec.c):
 * it counts them, and page_free returns it to the list with the last one.
 * Small objects come from power-of-two size classes carved out of pages.
 */
#include "defs.h"
#include "arch.h"

struct free_page {
	struct free_page *next;
};

static struct free_page *free_list;
static size_t free_count, total_count, min_free;
static uint16_t owners[DIRECT_MAP_SIZE / PAGE_SIZE];	/* 0: free or not RAM */

static uint16_t *owners_of(const void *page)
{
	return &owners[V2P(page) / PAGE_SIZE];
}

static void push_free(void *page)
{
	struct free_page *p = page;
	p->next = free_list;
	free_list = p;
	free_count++;
}

struct range {
	uint64_t start, end;
};

static int overlaps(uint64_t a, uint64_t b, struct range r)
{
	return a < r.end && r.start < b;
}

void mem_init(const struct bootinfo *bi, uintptr_t kernel_end_phys)
{
	struct range reserved[] = {
		{ 0, KERNEL_PHYS },	/* real-mode memory, the loader, BIOS data */
		{ KERNEL_PHYS, PGROUNDUP(kernel_end_phys) },
		{ PGROUNDDOWN(bi->closure_addr), PGROUNDUP((uint64_t)bi->closure_addr + bi->closure_size) },
	};
	for (uint32_t i = 0; i < bi->mmap_count; i++) {
		const struct bootinfo_mmap *m = &bi->mmap[i];
		if (m->type != BOOTINFO_MEM_USABLE)
			continue;
		uint64_t start = PGROUNDUP(m->base);
		uint64_t end = (m->base + m->len) & ~(uint64_t)(PAGE_SIZE - 1);
		if (end > DIRECT_MAP_SIZE)
			end = DIRECT_MAP_SIZE;
		/* push from the top so allocation runs upwards through memory */
		for (uint64_t p = end; p > start; p -= PAGE_SIZE) {
			uint64_t page = p - PAGE_SIZE;
			int skip = 0;
			for (size_t r = 0; r < ARRAY_SIZE(reserved); r++)
				skip |= overlaps(page, page + PAGE_SIZE, reserved[r]);
			if (!skip)
				push_free(P2V((uintptr_t)page));
		}
	}
	total_count = free_count;
	min_free = free_count;
}

/* Give back a range the kernel no longer needs (the closure after unpacking). */
void mem_release(uintptr_t phys, size_t len)
{
	for (uintptr_t p = PGROUNDUP(phys); p + PAGE_SIZE <= phys + len; p += PAGE_SIZE) {
		push_free(P2V(p));
		total_count++;
	}
}

void *page_alloc(void)
{
	struct free_page *p = free_list;
	if (!p)
		return NULL;
	free_list = p->next;
	if (--free_count < min_free)
		min_free = free_count;
	*owners_of(p) = 1;
	return p;
}

void page_get(void *page)
{
	uint16_t *n = owners_of(page);
	if (*n == 0 || *n == 0xffff)
		panic("page_get(0x%x): page has %u owners", (unsigned)V2P(page), (unsigned)*n);
	(*n)++;
}

int page_shared(const void *page)
{
	return *owners_of(page) > 1;
}

void page_free(void *page)
{
	uint16_t *n = owners_of(page);
	if (*n == 0)
		panic("page_free(0x%x): page is already free", (unsigned)V2P(page));
	if (--*n == 0)
		push_free(page);
}

size_t mem_free_pages(void)
{
	return free_count;
}

/*
 * User memory (brk, fork) is refused while granting it would leave fewer
 * than MEM_RESERVE free pages, so that the kernel's own allocations (page
 * tables, files, stack pages) still succeed when a program has taken
 * everything it could: the program gets ENOMEM and the run goes on.
 */
#define MEM_RESERVE 1024	/* 4 MiB */

int mem_enough(size_t pages)
{
	return free_count >= MEM_RESERVE && pages <= free_count - MEM_RESERVE;
}

size_t mem_peak_kib(void)
{
	return (total_count - min_free) * (PAGE_SIZE / 1024);
}

/* size classes 16, 32, ... 2048 bytes; 4096 is a whole page */
#define CLASSES 8
static struct free_page *class_free[CLASSES];

static int class_of(size_t n)
{
	int c = 0;
	while ((16u << c) < n)
		c++;
	return c;
}

/*
 * A recycled page may still hold a dead program's code, and QEMU keeps the
 * translations of that code until every byte of it is overwritten; until
 * then each store to the page takes QEMU's slow self-modifying-code path.
 * Pages that the kernel will write often are overwritten whole first.
 */
static void scrub(void *page)
{
	memset(page, 0, PAGE_SIZE);
}

void *kmalloc(size_t n)
{
	if (n > PAGE_SIZE)
		panic("kmalloc(%u): larger than a page", (unsigned)n);
	void *p;
	if (n > 2048) {
		if ((p = page_alloc()))
			scrub(p);
		return p;
	} else {
		int c = class_of(n);
		if (!class_free[c]) {
			char *page = page_alloc();
			if (!page)
				return NULL;
			scrub(page);
			for (size_t off = 0; off < PAGE_SIZE; off += 16u << c)
				kfree(page + off, 16u << c);
		}
		p = class_free[c];
		class_free[c] = class_free[c]->next;
	}
	if (p)
		memset(p, 0, n);
	return p;
}

void kfree(void *p, size_t n)
{
	if (!p)
		return;
	if (n > 2048) {
		page_free(p);
		return;
	}
	struct free_page *f = p;
	int c = class_of(n);
	f->next = class_free[c];
	class_free[c] = f;
}
