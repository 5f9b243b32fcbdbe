/*
 * Directory entries: a hash table for lookups and an array in creation
 * order (kept in the directory's pagemap) for getdents.
 */
#include "fs_internal.h"

#define MIN_HASH 8
#define MAX_HASH PTRS_PER_PAGE	/* the bucket array must fit fs_alloc */

static uint32_t hash_name(const char *name, size_t len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)name[i]) * 16777619u;
	return h;
}

static struct dent **bucket(struct inode *dir, const char *name, size_t len)
{
	return &dir->hash[hash_name(name, len) & (dir->nhash - 1)];
}

static size_t dent_size(size_t len)
{
	return sizeof(struct dent) + len + 1;
}

struct dent *dir_find(struct inode *dir, const char *name, size_t len)
{
	if (!dir->hash)
		return NULL;
	for (struct dent *d = *bucket(dir, name, len); d; d = d->hnext)
		if (d->len == len && memcmp(d->name, name, len) == 0)
			return d;
	return NULL;
}

/* Double the buckets (up to MAX_HASH); on failure the old table simply stays. */
static int grow_hash(struct inode *dir)
{
	uint32_t n = dir->nhash ? dir->nhash * 2 : MIN_HASH;
	if (n > MAX_HASH)
		return 0;
	struct dent **old = dir->hash;
	uint32_t nold = dir->nhash;
	dir->hash = fs_alloc(n * sizeof *dir->hash);
	if (!dir->hash) {
		dir->hash = old;
		return -ENOSPC;
	}
	dir->nhash = n;
	for (uint32_t i = 0; i < nold; i++) {
		struct dent *d = old[i], *next;
		for (; d; d = next) {
			next = d->hnext;
			struct dent **b = bucket(dir, d->name, d->len);
			d->hnext = *b;
			*b = d;
		}
	}
	if (old)
		fs_free(old, nold * sizeof *old);
	return 0;
}

/* Slot i of the creation-order array; its page must exist. */
static struct dent **slot_ref(struct inode *dir, uint32_t i)
{
	struct dent **page = pm_page(&dir->map, i / PTRS_PER_PAGE, 0);
	return &page[i % PTRS_PER_PAGE];
}

struct dent *dir_slot(struct inode *dir, uint32_t i)
{
	return i < dir->nslots ? *slot_ref(dir, i) : NULL;
}

/*
 * Squeeze the removed slots out of the array, and drop the tables of an
 * empty directory; only done with no reader open, as it moves cookies.
 */
static void compact(struct inode *dir)
{
	uint32_t j = 0;
	for (uint32_t i = 0; i < dir->nslots; i++) {
		struct dent *d = *slot_ref(dir, i);
		if (!d)
			continue;
		if (i != j) {
			*slot_ref(dir, j) = d;
			*slot_ref(dir, i) = NULL;
			d->slot = j;
		}
		j++;
	}
	dir->nslots = j;
	pm_free_from(&dir->map, (uint32_t)((j + PTRS_PER_PAGE - 1) / PTRS_PER_PAGE));
	if (j == 0 && dir->hash) {
		fs_free(dir->hash, dir->nhash * sizeof *dir->hash);
		dir->hash = NULL;
		dir->nhash = 0;
	}
}

/* Add name -> ip at the end of dir; NULL when out of memory (dir unchanged). */
struct dent *dir_add(struct inode *dir, const char *name, size_t len, struct inode *ip)
{
	uint32_t i = dir->nslots;
	struct dent *d;
	if (!dir->hash && grow_hash(dir) < 0)
		return NULL;
	if (i / PTRS_PER_PAGE >= PM_MAX_PAGES || !pm_page(&dir->map, i / PTRS_PER_PAGE, 1))
		goto fail;
	if (!(d = fs_alloc(dent_size(len))))
		goto fail;
	memcpy(d->name, name, len);
	d->len = (uint8_t)len;
	d->ip = ip;
	d->slot = i;
	*slot_ref(dir, i) = d;
	dir->nslots++;
	struct dent **b = bucket(dir, name, len);
	d->hnext = *b;
	*b = d;
	if (++dir->nlive > 2 * dir->nhash)
		grow_hash(dir);
	return d;
fail:
	/* an empty directory keeps no tables, as if this had not been tried */
	if (dir->nlive == 0 && dir->nreaders == 0)
		compact(dir);
	return NULL;
}

void dir_remove(struct inode *dir, struct dent *d)
{
	struct dent **p = bucket(dir, d->name, d->len);
	while (*p != d)
		p = &(*p)->hnext;
	*p = d->hnext;
	*slot_ref(dir, d->slot) = NULL;
	dir->nlive--;
	fs_free(d, dent_size(d->len));
	uint32_t dead = dir->nslots - dir->nlive;
	if (dir->nreaders == 0 && (dir->nlive == 0 || (dead >= 32 && dead > dir->nlive)))
		compact(dir);
}

/* Release an empty directory's tables. */
void dir_free(struct inode *dir)
{
	if (dir->hash)
		fs_free(dir->hash, dir->nhash * sizeof *dir->hash);
	pm_free_from(&dir->map, 0);
}
