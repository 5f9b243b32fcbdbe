/*
 * The hybrid disk (BIOS + UEFI, one file for a USB stick): what
 * image/mkdisk.c writes and both loaders read.  512-byte sectors, every
 * partition on a 1 MiB boundary, GPT with a protective MBR:
 *
 *   LBA 0        protective MBR: our boot code (boot/bios/mbr.S), one
 *                active entry of type 0xEE over the whole disk
 *   LBA 1..33    GPT header and 128 partition entries
 *   part 1       BIOS boot: image header (boot/bios/layout.h), stage 2,
 *                the flattened kernel; the MBR's patch block points here
 *   part 2       EFI System Partition (FAT32, made by image/rules.mk with
 *                dosfstools + mtools): EFI/BOOT/BOOTX64.EFI, BOOTIA32.EFI,
 *                EFI/seedboot/kernel.elf.  Left out when mkdisk gets no ESP.
 *   part 3       closure: struct closure_part_hdr in its first sector, the
 *                cpio closure CLOSURE_PART_DATA bytes from its start
 *   part 4       results: zeros, for the chain to write back into
 *   end-33..end  backup GPT entries and header
 *
 * The EFI loader reads the kernel as a file from the ESP (small, and a
 * user can swap it) and the closure straight from its partition through
 * Block I/O: closures grow to GiBs, beyond what FAT32 holds in one file
 * and what a firmware's FAT driver reads quickly, and the BIOS loader
 * reads the same sectors, so the image carries the closure once.
 */
#ifndef BOOT_DISK_H
#define BOOT_DISK_H

#define CLOSURE_PART_MAGIC	"SEEDCLO1"	/* 8 bytes, no NUL */
#define CLOSURE_PART_MAGIC_W	L"SEEDCLO1"
#define CLOSURE_PART_DATA	4096		/* closure offset in the partition */
#define CLOSURE_PART_CMDLINE	256

/* little endian, at byte 0 of the closure partition */
struct closure_part_hdr {
	char magic[8];			/* CLOSURE_PART_MAGIC */
	unsigned long long data_off;	/* CLOSURE_PART_DATA */
	unsigned long long size;	/* closure bytes */
	char cmdline[CLOSURE_PART_CMDLINE];	/* kernel command line, NUL-terminated */
} __attribute__((packed));

/* the kernel's path on the ESP, as the EFI loader opens it */
#define ESP_KERNEL_PATH		L"\\EFI\\seedboot\\kernel.elf"

#endif
