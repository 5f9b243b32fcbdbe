/*
 * GUID partition table for image/mkdisk.c: primary header at LBA 1, 128
 * entries at LBA 2..33, and their backups at the end of the disk.
 */
#ifndef IMAGE_GPT_H
#define IMAGE_GPT_H

#include <stdint.h>

#define GPT_ENTRIES		128
#define GPT_ENTRY_SIZE		128
#define GPT_TABLE_SECTORS	(GPT_ENTRIES * GPT_ENTRY_SIZE / 512)	/* 32 */
#define GPT_FIRST_USABLE	(2 + GPT_TABLE_SECTORS)			/* 34 */
#define GPT_BACKUP_SECTORS	(GPT_TABLE_SECTORS + 1)			/* 33 */

struct gpt_part {
	const char *type;	/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" */
	const char *guid;
	uint64_t first, last;	/* LBAs, inclusive */
	const char *name;	/* ASCII, at most 36 characters */
};

/*
 * Write both copies of the table for a disk of disk_sectors 512-byte
 * sectors to fd.  Returns 0, or -1 with errno set.
 */
int gpt_write(int fd, uint64_t disk_sectors, const char *disk_guid,
	      const struct gpt_part *parts, int nparts);

#endif
