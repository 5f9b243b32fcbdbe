/* What the files of fs/ share with each other and nobody else. */
#ifndef FS_FS_INTERNAL_H
#define FS_FS_INTERNAL_H

#include "fs.h"
#include "port.h"
#include "../kernel/errno.h"

#define PAGE_SIZE 4096u
#define PAGE_SHIFT 12
#define PTRS_PER_PAGE (PAGE_SIZE / sizeof(void *))
#define PM_DIRECT 8

/*
 * A radix table from page index to page, ext2-style: a few direct pages so
 * small files cost no index page, then one indirect and one double-indirect
 * page of page pointers. Absent pages are holes.
 */
struct pagemap {
	void *direct[PM_DIRECT];
	void *ind;	/* a page of PTRS_PER_PAGE page pointers */
	void *dind;	/* a page of pointers to such pages */
};

/* the highest page count a pagemap can hold */
#define PM_MAX_PAGES ((uint64_t)PM_DIRECT + PTRS_PER_PAGE + (uint64_t)PTRS_PER_PAGE * PTRS_PER_PAGE)

/* A name in a directory. */
struct dent {
	struct dent *hnext;	/* hash chain */
	struct inode *ip;
	uint32_t slot;		/* position in the directory's creation order */
	uint8_t len;
	char name[];		/* NUL-terminated */
};

struct inode {
	uint32_t ino;
	uint32_t mode;
	uint32_t nlink;		/* 0 once the last name is gone */
	uint32_t refs;		/* in-memory references: open files, cwds, lookups */
	uint64_t size;		/* regular files only */
	/*
	 * A regular file's data pages, or a directory's creation-ordered array
	 * of struct dent pointers (NULL where an entry was removed); the array
	 * index is the getdents cookie, so it stays stable while the directory
	 * is being read.
	 */
	struct pagemap map;
	/* directories only */
	struct inode *parent;	/* holds a ref, except the root's (itself) */
	struct dent *dent;	/* this directory's name in its parent */
	struct dent **hash;
	uint32_t nhash;		/* buckets, a power of two */
	uint32_t nslots;	/* used length of the slot array */
	uint32_t nlive;		/* entries */
	uint32_t nreaders;	/* open descriptions; the slot array is compacted only without them */
	/* character devices only */
	const struct chardev *dev;
};

struct file {
	struct inode *ip;
	uint64_t pos;
	int flags;
	uint32_t refs;
};

/* inode.c */
int dir_create(struct inode *dir, const char *name, size_t len, uint32_t mode, struct inode **out);
void dir_unlink(struct inode *dir, struct dent *d);
void inode_unlinked(struct inode *dir, struct inode *ip);

/* data.c */
void *pm_page(struct pagemap *pm, uint32_t pg, int alloc);
void pm_free_from(struct pagemap *pm, uint32_t first);

/* dir.c */
struct dent *dir_find(struct inode *dir, const char *name, size_t len);
struct dent *dir_add(struct inode *dir, const char *name, size_t len, struct inode *ip);
void dir_remove(struct inode *dir, struct dent *d);
struct dent *dir_slot(struct inode *dir, uint32_t slot);
void dir_free(struct inode *dir);

/* path.c */
/*
 * The directory that holds the last component of a path, and that
 * component; the component is empty for "/" and may be "." or "..".
 */
struct lastname {
	struct inode *dir;	/* borrowed */
	const char *name;
	size_t len;
	int slash;		/* the path ended in '/' */
	int dots;		/* the component names no entry: "/", "." or ".." */
};
int path_parent(struct inode *cwd, const char *path, struct lastname *ln);
int path_last(const struct lastname *ln, struct inode **out);

#endif
