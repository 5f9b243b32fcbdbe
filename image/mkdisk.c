/*
 * mkdisk: write the seedboot disk image, one file that boots under BIOS and
 * under UEFI (x64 and ia32) from a USB stick or any other disk.
 *
 *   mkdisk --mbr MBR.bin --stage2 STAGE2.bin --kernel KERNEL.elf
 *          --closure CLOSURE.cpio [--esp ESP.img] [--cmdline STR] -o OUT.img
 *
 * Layout: boot/disk.h (GPT, protective MBR, BIOS boot partition, ESP,
 * closure, results) and boot/bios/layout.h (the BIOS boot partition's
 * image header and stage 2).  The kernel goes into the BIOS boot partition
 * flattened (PT_LOAD segments by p_paddr, zero fill between, bss not
 * stored); the BIOS loader puts the closure page aligned above
 * max(p_paddr + p_memsz), as the EFI loader does.  Without --esp the ESP is
 * left out and the image boots under BIOS only.
 *
 * Deterministic: the output depends only on the inputs (fixed GUIDs, no
 * clock).  Runs of zeros are left as holes.  Any bad input is reported as
 * one line naming the file and the reason, exit status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "boot/bootinfo.h"
#include "boot/bios/layout.h"
#include "boot/disk.h"
#include "image/gpt.h"

/* the loader fills struct bootinfo by these offsets */
_Static_assert(offsetof(struct bootinfo, magic) == BI_MAGIC, "bootinfo");
_Static_assert(offsetof(struct bootinfo, loader) == BI_LOADER, "bootinfo");
_Static_assert(offsetof(struct bootinfo, closure_addr) == BI_CLOSURE_ADDR, "bootinfo");
_Static_assert(offsetof(struct bootinfo, closure_size) == BI_CLOSURE_SIZE, "bootinfo");
_Static_assert(offsetof(struct bootinfo, mmap_count) == BI_MMAP_COUNT, "bootinfo");
_Static_assert(offsetof(struct bootinfo, mmap) == BI_MMAP, "bootinfo");
_Static_assert(sizeof(struct bootinfo_mmap) == BI_MMAP_ENTRY_SIZE, "bootinfo");
_Static_assert(BOOTINFO_MMAP_MAX == 64, "bootinfo");
_Static_assert(offsetof(struct bootinfo, cmdline) == BI_CMDLINE, "bootinfo");
_Static_assert(sizeof(struct bootinfo) == BI_SIZE, "bootinfo");
_Static_assert(BOOTINFO_CMDLINE_MAX == HDR_CMDLINE_MAX, "cmdline");
_Static_assert(BOOTINFO_ADDR + BI_SIZE <= 0x2000, "bootinfo area");

#define KERNEL_MIN_ADDR	0x100000u	/* the loader lives below 1 MiB */
#define PAGE		4096u

static const char *out_path;
static char *tmp_path;

static void __attribute__((noreturn, format(printf, 2, 3)))
fail(const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mkdisk: %s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (tmp_path)
		unlink(tmp_path);
	exit(1);
}

static void
usage(void)
{
	fprintf(stderr, "usage: mkdisk --mbr MBR.bin --stage2 STAGE2.bin "
		"--kernel KERNEL.elf --closure CLOSURE.cpio [--esp ESP.img] "
		"[--cmdline STR] -o OUT.img\n");
	exit(1);
}

/* whole file into memory (MBR, stage 2, kernel: all small) */
static uint8_t *
slurp(const char *path, size_t *len, size_t max)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	uint8_t *buf;

	if (!f)
		fail(path, "cannot open: %s", strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode))
		fail(path, "not a regular file");
	if ((uint64_t)st.st_size > max)
		fail(path, "too large: %lld bytes, at most %zu",
		     (long long)st.st_size, max);
	buf = malloc(st.st_size ? (size_t)st.st_size : 1);
	if (!buf)
		fail(path, "out of memory");
	if (fread(buf, 1, st.st_size, f) != (size_t)st.st_size)
		fail(path, "read error");
	fclose(f);
	*len = st.st_size;
	return buf;
}

static uint16_t get16(const uint8_t *p) { return p[0] | p[1] << 8; }
static uint32_t get32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put16(uint8_t *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }
static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}
static void put64(uint8_t *p, uint64_t v) { put32(p, v); put32(p + 4, v >> 32); }

struct kernel {
	uint8_t *blob;		/* flattened PT_LOAD contents */
	uint32_t size;		/* bytes in blob */
	uint32_t load;		/* lowest p_paddr */
	uint32_t entry;		/* physical */
	uint32_t end;		/* max p_paddr + p_memsz */
};

#define MAX_SEGS 64

static void
load_kernel(const char *path, struct kernel *k)
{
	size_t len;
	uint8_t *f = slurp(path, &len, 64u << 20);
	uint32_t phoff, phnum, phentsize, i, j, nseg = 0;
	uint64_t lo = UINT64_MAX, hi_file = 0, hi_mem = 0;
	struct { uint32_t off, paddr, filesz, memsz; } seg[MAX_SEGS];

	if (len < 52 || memcmp(f, "\177ELF", 4) != 0)
		fail(path, "not an ELF file");
	if (f[4] != 1)
		fail(path, "not a 32-bit ELF (ELFCLASS32 expected)");
	if (f[5] != 1)
		fail(path, "not a little-endian ELF");
	if (get16(f + 18) != 3)
		fail(path, "not an i386 ELF (e_machine %u, expected 3)",
		     get16(f + 18));
	if (get16(f + 16) != 2)
		fail(path, "not an executable ELF (e_type %u, expected ET_EXEC)",
		     get16(f + 16));
	k->entry = get32(f + 24);
	phoff = get32(f + 28);
	phentsize = get16(f + 42);
	phnum = get16(f + 44);
	if (phentsize != 32 || phnum == 0 ||
	    (uint64_t)phoff + (uint64_t)phnum * 32 > len)
		fail(path, "bad program header table");

	for (i = 0; i < phnum; i++) {
		const uint8_t *ph = f + phoff + i * 32;
		uint32_t off = get32(ph + 4), paddr = get32(ph + 12);
		uint32_t filesz = get32(ph + 16), memsz = get32(ph + 20);

		if (get32(ph) != 1 /* PT_LOAD */ || memsz == 0)
			continue;
		if (nseg == MAX_SEGS)
			fail(path, "more than %d PT_LOAD segments", MAX_SEGS);
		if (filesz > memsz)
			fail(path, "PT_LOAD %u: p_filesz > p_memsz", i);
		if ((uint64_t)off + filesz > len)
			fail(path, "PT_LOAD %u: extends past the end of the file", i);
		if ((uint64_t)paddr + memsz > 0xFFFFFFFFull)
			fail(path, "PT_LOAD %u: p_paddr + p_memsz beyond 4 GiB", i);
		if (paddr < KERNEL_MIN_ADDR)
			fail(path, "PT_LOAD %u: p_paddr 0x%x below 1 MiB "
			     "(the BIOS loader lives there)", i, paddr);
		for (j = 0; j < nseg; j++)
			if (paddr < seg[j].paddr + seg[j].memsz &&
			    seg[j].paddr < paddr + memsz)
				fail(path, "PT_LOAD segments overlap at p_paddr 0x%x",
				     paddr);
		seg[nseg].off = off;
		seg[nseg].paddr = paddr;
		seg[nseg].filesz = filesz;
		seg[nseg].memsz = memsz;
		nseg++;
		if (paddr < lo)
			lo = paddr;
		if (paddr + (uint64_t)filesz > hi_file)
			hi_file = paddr + (uint64_t)filesz;
		if (paddr + (uint64_t)memsz > hi_mem)
			hi_mem = paddr + (uint64_t)memsz;
	}
	if (nseg == 0)
		fail(path, "no PT_LOAD segments");
	if (k->entry < lo || k->entry >= hi_mem)
		fail(path, "entry 0x%x is outside the loaded physical range "
		     "0x%llx-0x%llx (e_entry must be physical)", k->entry,
		     (unsigned long long)lo, (unsigned long long)hi_mem);
	if (hi_mem - lo > (256u << 20))
		fail(path, "kernel spans %llu MiB of memory, at most 256",
		     (unsigned long long)((hi_mem - lo) >> 20));

	k->load = lo;
	k->end = hi_mem;
	k->size = hi_file > lo ? hi_file - lo : 0;
	k->blob = calloc(1, k->size ? k->size : 1);
	if (!k->blob)
		fail(path, "out of memory");
	for (j = 0; j < nseg; j++)
		memcpy(k->blob + (seg[j].paddr - lo), f + seg[j].off,
		       seg[j].filesz);
	free(f);
}

static int out_fd = -1;

static void
write_at(const void *p, size_t n, uint64_t off)
{
	if (n && pwrite(out_fd, p, n, (off_t)off) != (ssize_t)n)
		fail(out_path, "write error: %s", strerror(errno));
}

/* copy the whole of file PATH (LEN bytes) to byte OFF of the image */
static void
copy_file(const char *path, uint64_t len, uint64_t off)
{
	static uint8_t buf[1 << 20];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		fail(path, "cannot open: %s", strerror(errno));
	for (uint64_t left = len; left; left -= n, off += n) {
		n = left < sizeof buf ? left : sizeof buf;
		if (fread(buf, 1, n, f) != n)
			fail(path, "read error or file changed size");
		write_at(buf, n, off);
	}
	fclose(f);
}

static uint64_t
file_size(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		fail(path, "cannot open: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		fail(path, "not a regular file");
	return st.st_size;
}

static uint64_t
align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) / a * a;
}

static uint64_t
sectors(uint64_t bytes)
{
	return align_up(bytes, SECTOR_SIZE) / SECTOR_SIZE;
}

/* fixed GUIDs: the same inputs give the same bytes */
#define GUID_BIOS_BOOT	"21686148-6449-6e6f-744e-656564454649"
#define GUID_ESP	"c12a7328-f81f-11d2-ba4b-00a0c93ec93b"
#define GUID_CLOSURE	"5eedb007-c105-4e5d-8000-5eedc1050000"	/* our own types */
#define GUID_RESULTS	"5eedb007-7e50-4e5d-8000-5eed7e500000"
#define DISK_GUID	"5eedb007-0000-4000-8000-000000000000"
#define RESULTS_SECTORS	(8u << 20 >> 9)	/* 8 MiB */

int
main(int argc, char **argv)
{
	const char *mbr_path = NULL, *s2_path = NULL, *kernel_path = NULL;
	const char *closure_path = NULL, *esp_path = NULL, *cmdline = "";
	uint8_t mbr[SECTOR_SIZE] = { 0 }, hdr[SECTOR_SIZE] = { 0 };
	struct closure_part_hdr chdr;
	uint8_t *mbr_code, *s2;
	size_t mbr_len, s2_len;
	uint32_t s2_sectors;
	uint64_t closure_size, closure_load, esp_size = 0, lba, disk_sectors;
	struct gpt_part part[4];
	int nparts = 0, i;
	struct kernel k;

	for (i = 1; i < argc; i++) {
		const char **dst = NULL;

		if (!strcmp(argv[i], "--mbr"))
			dst = &mbr_path;
		else if (!strcmp(argv[i], "--stage2"))
			dst = &s2_path;
		else if (!strcmp(argv[i], "--kernel"))
			dst = &kernel_path;
		else if (!strcmp(argv[i], "--closure"))
			dst = &closure_path;
		else if (!strcmp(argv[i], "--esp"))
			dst = &esp_path;
		else if (!strcmp(argv[i], "--cmdline"))
			dst = &cmdline;
		else if (!strcmp(argv[i], "-o"))
			dst = &out_path;
		else
			usage();
		if (++i == argc)
			usage();
		*dst = argv[i];
	}
	if (!mbr_path || !s2_path || !kernel_path || !closure_path || !out_path)
		usage();
	if (strlen(cmdline) >= HDR_CMDLINE_MAX)
		fail("--cmdline", "longer than %d bytes", HDR_CMDLINE_MAX - 1);

	mbr_code = slurp(mbr_path, &mbr_len, SIZE_MAX);
	if (mbr_len > 446)
		fail(mbr_path, "MBR code is %zu bytes, at most 446", mbr_len);
	if (mbr_len < MBR_PATCH_OFF + 8 ||
	    get16(mbr_code + MBR_PATCH_OFF) != MBR_PATCH_MAGIC)
		fail(mbr_path, "no seedboot patch block at offset 0x%x "
		     "(not a seedboot MBR?)", MBR_PATCH_OFF);
	memcpy(mbr, mbr_code, mbr_len);

	s2 = slurp(s2_path, &s2_len, SIZE_MAX);
	if (s2_len > STAGE2_MAX_SECTORS * SECTOR_SIZE)
		fail(s2_path, "stage 2 is %zu bytes, at most %d", s2_len,
		     STAGE2_MAX_SECTORS * SECTOR_SIZE);
	if (s2_len < STAGE2_MAGIC_OFF + 6 ||
	    memcmp(s2 + STAGE2_MAGIC_OFF, "SEEDS2", 6) != 0)
		fail(s2_path, "no SEEDS2 signature (not a seedboot stage 2?)");
	s2_sectors = sectors(s2_len);

	load_kernel(kernel_path, &k);
	closure_size = file_size(closure_path);
	closure_load = align_up(k.end, PAGE);
	if (closure_load + closure_size > 0xFFFFFFFFull)
		fail(closure_path, "too large: %llu bytes at 0x%llx would end "
		     "beyond 4 GiB", (unsigned long long)closure_size,
		     (unsigned long long)closure_load);
	if (esp_path) {
		esp_size = file_size(esp_path);
		if (esp_size == 0 || esp_size % SECTOR_SIZE)
			fail(esp_path, "size %llu is not a whole number of sectors",
			     (unsigned long long)esp_size);
	}

	/* partitions, each on a 1 MiB boundary */
	lba = IMG_ALIGN_SECTORS;
	{
		uint64_t kernel_lba = align_up(lba + HDR_SECTORS + s2_sectors, 8);
		uint64_t end = align_up(kernel_lba + sectors(k.size), IMG_ALIGN_SECTORS);

		part[nparts++] = (struct gpt_part){ GUID_BIOS_BOOT,
			"5eedb007-0001-4000-8000-000000000001", lba, end - 1,
			"seedboot BIOS boot" };
		put32(hdr + HDR_OFF_KERNEL_LBA, kernel_lba);
		lba = end;
	}
	if (esp_path) {
		part[nparts++] = (struct gpt_part){ GUID_ESP,
			"5eedb007-0002-4000-8000-000000000002", lba,
			lba + esp_size / SECTOR_SIZE - 1, "EFI system partition" };
		lba = align_up(lba + esp_size / SECTOR_SIZE, IMG_ALIGN_SECTORS);
	}
	part[nparts++] = (struct gpt_part){ GUID_CLOSURE,
		"5eedb007-0003-4000-8000-000000000003", lba,
		align_up(lba + sectors(CLOSURE_PART_DATA + closure_size),
			 IMG_ALIGN_SECTORS) - 1, "seedboot closure" };
	lba = part[nparts - 1].last + 1;
	part[nparts++] = (struct gpt_part){ GUID_RESULTS,
		"5eedb007-0004-4000-8000-000000000004", lba,
		lba + RESULTS_SECTORS - 1, "seedboot results" };
	lba += RESULTS_SECTORS;
	disk_sectors = lba + GPT_BACKUP_SECTORS;
	if (part[nparts - 2].last > 0xFFFFFFFFull)
		fail(out_path, "image too large for the BIOS loader's 32-bit LBAs");

	/* protective MBR with our boot code; its patch block finds stage 2 */
	put16(mbr + MBR_PATCH_COUNT, HDR_SECTORS + s2_sectors);
	put32(mbr + MBR_PATCH_LBA, part[0].first);
	if (mbr_len <= MBR_DISKSIG_OFF) {
		put32(mbr + MBR_DISKSIG_OFF, MBR_DISK_SIGNATURE);
		put16(mbr + MBR_DISKSIG_OFF + 4, 0);
	}
	{
		uint8_t *pe = mbr + MBR_PTABLE_OFF;
		uint64_t n = disk_sectors - 1;

		pe[0] = 0x80;	/* active: some BIOSes boot only a disk with one */
		pe[1] = 0x00;	/* CHS 0/0/2 */
		pe[2] = 0x02;
		pe[3] = 0x00;
		pe[4] = 0xEE;	/* GPT protective */
		pe[5] = pe[6] = pe[7] = 0xFF;
		put32(pe + 8, 1);
		put32(pe + 12, n > 0xFFFFFFFFu ? 0xFFFFFFFFu : n);
	}
	mbr[510] = 0x55;
	mbr[511] = 0xAA;

	/* BIOS image header */
	put32(hdr + HDR_OFF_MAGIC0, HDR_MAGIC0);
	put32(hdr + HDR_OFF_MAGIC1, HDR_MAGIC1);
	put32(hdr + HDR_OFF_STAGE2_SECTORS, s2_sectors);
	put32(hdr + HDR_OFF_DISK_SECTORS, disk_sectors > 0xFFFFFFFFu ? 0xFFFFFFFFu : disk_sectors);
	put32(hdr + HDR_OFF_KERNEL_SIZE, k.size);
	put32(hdr + HDR_OFF_KERNEL_LOAD, k.load);
	put32(hdr + HDR_OFF_KERNEL_ENTRY, k.entry);
	put32(hdr + HDR_OFF_KERNEL_END, k.end);
	put32(hdr + HDR_OFF_CLOSURE_LBA, part[nparts - 2].first + CLOSURE_PART_DATA / SECTOR_SIZE);
	put32(hdr + HDR_OFF_CLOSURE_SIZE, closure_size);
	put32(hdr + HDR_OFF_CLOSURE_LOAD, closure_load);
	memcpy(hdr + HDR_OFF_CMDLINE, cmdline, strlen(cmdline));

	/* closure partition header, for the EFI loader */
	memset(&chdr, 0, sizeof chdr);
	memcpy(chdr.magic, CLOSURE_PART_MAGIC, sizeof chdr.magic);
	put64((uint8_t *)&chdr.data_off, CLOSURE_PART_DATA);
	put64((uint8_t *)&chdr.size, closure_size);
	memcpy(chdr.cmdline, cmdline, strlen(cmdline));

	/* write to OUT.tmp, rename on success */
	tmp_path = malloc(strlen(out_path) + 5);
	if (!tmp_path)
		fail(out_path, "out of memory");
	sprintf(tmp_path, "%s.tmp", out_path);
	out_fd = open(tmp_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out_fd < 0)
		fail(tmp_path, "cannot create: %s", strerror(errno));
	if (ftruncate(out_fd, (off_t)(disk_sectors * SECTOR_SIZE)) != 0)
		fail(tmp_path, "cannot size: %s", strerror(errno));
	write_at(mbr, SECTOR_SIZE, 0);
	if (gpt_write(out_fd, disk_sectors, DISK_GUID, part, nparts) != 0)
		fail(tmp_path, "write error: %s", strerror(errno));
	write_at(hdr, SECTOR_SIZE, part[0].first * SECTOR_SIZE);
	write_at(s2, s2_len, (part[0].first + HDR_SECTORS) * SECTOR_SIZE);
	write_at(k.blob, k.size, (uint64_t)get32(hdr + HDR_OFF_KERNEL_LBA) * SECTOR_SIZE);
	if (esp_path)
		copy_file(esp_path, esp_size, part[1].first * SECTOR_SIZE);
	write_at(&chdr, sizeof chdr, part[nparts - 2].first * SECTOR_SIZE);
	copy_file(closure_path, closure_size,
		  part[nparts - 2].first * SECTOR_SIZE + CLOSURE_PART_DATA);
	if (close(out_fd) != 0)
		fail(tmp_path, "write error: %s", strerror(errno));
	if (rename(tmp_path, out_path) != 0)
		fail(out_path, "cannot rename %s: %s", tmp_path, strerror(errno));
	free(tmp_path);
	free(k.blob);
	free(s2);
	free(mbr_code);
	return 0;
}
