/* The host's fs/port.h, with knobs for tests: counts and injected allocation failures. */
#ifndef TESTS_UNIT_FSPORT_HOST_H
#define TESTS_UNIT_FSPORT_HOST_H

extern long fsport_pages;	/* pages currently allocated */
extern long fsport_allocs;	/* small allocations currently live */
extern long fsport_page_budget;	/* pages that may still be allocated; -1: no limit */
extern long fsport_alloc_budget;	/* same for fs_alloc */


/* A program maps a file's page (exec), or lets it go: fs_page_shared says
 * so meanwhile, and the page outlives the file's hold on it. */
void fsport_map(void *page);
void fsport_unmap(void *page);

#endif
