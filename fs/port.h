/*
 * What fs/ needs from whoever compiles it: the kernel (kernel/fsport.c) or
 * a host test (tests/unit/fsport_host.c).
 */
#ifndef FS_PORT_H
#define FS_PORT_H

#include "../kernel/types.h"

void *fs_alloc(size_t n);	/* zeroed; n <= 4096; NULL when out of memory */
void fs_free(void *p, size_t n);
void *fs_page_alloc(void);	/* one zeroed 4096-byte page, or NULL */
void fs_page_free(void *page);	/* fs/ lets go of it; a program may still map it */
int fs_page_shared(const void *page);	/* does a program map it too? then fs/ must not write it */

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

#endif
