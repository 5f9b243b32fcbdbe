/* GUID partition table writer (UEFI 2.x, chapter 5); see gpt.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gpt.h"

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}
static void put64(uint8_t *p, uint64_t v) { put32(p, v); put32(p + 4, v >> 32); }

static uint32_t crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = c >> 1 ^ (0xEDB88320u & -(c & 1));
	}
	return ~c;
}

/* text GUID to its on-disk form: the first three fields little endian */
static void guid(uint8_t *out, const char *s)
{
	static const int at[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	unsigned int b[16];

	if (strlen(s) != 36 || sscanf(s, "%2x%2x%2x%2x-%2x%2x-%2x%2x-%2x%2x-%2x%2x%2x%2x%2x%2x",
			&b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6], &b[7], &b[8],
			&b[9], &b[10], &b[11], &b[12], &b[13], &b[14], &b[15]) != 16) {
		fprintf(stderr, "mkdisk: bad GUID %s\n", s);
		exit(1);
	}
	for (int i = 0; i < 16; i++)
		out[at[i]] = b[i];
}

static int write_at(int fd, const void *p, size_t n, uint64_t lba)
{
	return pwrite(fd, p, n, (off_t)(lba * 512)) == (ssize_t)n ? 0 : -1;
}

static void header(uint8_t *h, uint64_t self, uint64_t other, uint64_t table,
		   uint64_t disk_sectors, const char *disk_guid, uint32_t table_crc)
{
	memset(h, 0, 512);
	memcpy(h, "EFI PART", 8);
	put32(h + 8, 0x00010000);		/* revision 1.0 */
	put32(h + 12, 92);			/* header size */
	put64(h + 24, self);
	put64(h + 32, other);
	put64(h + 40, GPT_FIRST_USABLE);
	put64(h + 48, disk_sectors - GPT_BACKUP_SECTORS - 1);
	guid(h + 56, disk_guid);
	put64(h + 72, table);
	put32(h + 80, GPT_ENTRIES);
	put32(h + 84, GPT_ENTRY_SIZE);
	put32(h + 88, table_crc);
	put32(h + 16, crc32(h, 92));
}

int gpt_write(int fd, uint64_t disk_sectors, const char *disk_guid,
	      const struct gpt_part *parts, int nparts)
{
	static uint8_t table[GPT_ENTRIES * GPT_ENTRY_SIZE];
	uint8_t h[512];
	uint64_t last = disk_sectors - 1;
	uint32_t table_crc;

	memset(table, 0, sizeof table);
	for (int i = 0; i < nparts; i++) {
		uint8_t *e = table + i * GPT_ENTRY_SIZE;
		const char *n = parts[i].name;

		guid(e, parts[i].type);
		guid(e + 16, parts[i].guid);
		put64(e + 32, parts[i].first);
		put64(e + 40, parts[i].last);
		for (int k = 0; n[k] && k < 36; k++)
			e[56 + 2 * k] = n[k];	/* UTF-16LE */
	}
	table_crc = crc32(table, sizeof table);

	header(h, 1, last, 2, disk_sectors, disk_guid, table_crc);
	if (write_at(fd, h, 512, 1) || write_at(fd, table, sizeof table, 2))
		return -1;
	header(h, last, 1, last - GPT_TABLE_SECTORS, disk_sectors, disk_guid, table_crc);
	if (write_at(fd, table, sizeof table, last - GPT_TABLE_SECTORS) ||
	    write_at(fd, h, 512, last))
		return -1;
	return 0;
}
