/*
 * BIOS boot path: disk layout, image header and low-memory map.
 * Shared by boot/bios/mbr.S, boot/bios/stage2.S (through cpp) and
 * image/mkdisk.c, so the three cannot drift apart.
 *
 * Disk (512-byte sectors; the whole layout is in boot/disk.h): LBA 0 is the
 * protective MBR of a GPT disk with this boot code, the patch block at
 * MBR_PATCH_OFF (sector count and first LBA of what follows, filled in by
 * mkdisk), the disk signature at 440, one active 0xEE entry at 446, 0x55AA.
 * The BIOS boot partition holds, from its first sector:
 *   +0                image header (struct below, HDR_* offsets)
 *   +1 .. +N          stage 2 (N <= STAGE2_MAX_SECTORS)
 *   kernel_lba        flattened kernel
 * and the header gives the closure's LBA inside the closure partition.
 *
 * Low memory while the loader runs (all of it reusable by the kernel once
 * it has copied struct bootinfo):
 *   0x00500-0x00FFF   unused
 *   0x01000-0x0172B   struct bootinfo (BOOTINFO_ADDR, 1836 bytes)
 *   0x02000-0x07BFF   loader stack (top at 0x7C00, grows down)
 *   0x07C00-0x07DFF   MBR
 *   0x07E00-0x07FFF   image header
 *   0x08000-0x0FFFF   stage 2 (32 KiB max)
 *   0x10000-0x1FFFF   disk bounce buffer (64 KiB)
 */
#ifndef BOOT_BIOS_LAYOUT_H
#define BOOT_BIOS_LAYOUT_H

#define SECTOR_SIZE		512

/* MBR */
#define MBR_CODE_MAX		440	/* code+data; disk signature follows */
#define MBR_PATCH_OFF		0x1B0	/* patch block mkdisk fills in: */
#define MBR_PATCH_MAGIC		0x3253	/*   +0 u16 "S2" marker (checked) */
#define MBR_PATCH_COUNT		0x1B2	/*   +2 u16 sectors to load (hdr+stage2) */
#define MBR_PATCH_LBA		0x1B4	/*   +4 u32 first LBA (the header's) */
#define MBR_DISKSIG_OFF		0x1B8	/* u32 disk signature, u16 0 */
#define MBR_PTABLE_OFF		0x1BE
#define MBR_DISK_SIGNATURE	0x5eedb007u

/* Image header: loaded at HDR_ADDR by the MBR together with stage 2 */
#define HDR_SECTORS		1
#define HDR_ADDR		0x7E00
#define HDR_MAGIC0		0x44454553u	/* "SEED" */
#define HDR_MAGIC1		0x31524448u	/* "HDR1" */
#define HDR_OFF_MAGIC0		0x00	/* u32 HDR_MAGIC0 */
#define HDR_OFF_MAGIC1		0x04	/* u32 HDR_MAGIC1 */
#define HDR_OFF_STAGE2_SECTORS	0x08	/* u32 stage 2 sectors (after the header) */
#define HDR_OFF_DISK_SECTORS	0x0C	/* u32 total image sectors */
#define HDR_OFF_KERNEL_LBA	0x10	/* u32 */
#define HDR_OFF_KERNEL_SIZE	0x14	/* u32 bytes of the flattened blob */
#define HDR_OFF_KERNEL_LOAD	0x18	/* u32 physical load address (lowest p_paddr) */
#define HDR_OFF_KERNEL_ENTRY	0x1C	/* u32 physical entry (e_entry) */
#define HDR_OFF_KERNEL_END	0x20	/* u32 max(p_paddr + p_memsz) */
#define HDR_OFF_CLOSURE_LBA	0x24	/* u32 */
#define HDR_OFF_CLOSURE_SIZE	0x28	/* u32 bytes */
#define HDR_OFF_CLOSURE_LOAD	0x2C	/* u32 physical, page aligned, >= KERNEL_END */
#define HDR_OFF_CMDLINE		0x40	/* char[256], NUL terminated */
#define HDR_CMDLINE_MAX		256

/* Stage 2 */
#define STAGE2_ADDR		0x8000
#define STAGE2_MAX_SECTORS	64	/* 0x8000..0xFFFF */
#define STAGE2_MAGIC_OFF	4	/* "SEEDS2\0\0" after the initial jump */

/* Loader memory */
#define BOOTINFO_ADDR		0x1000
#define LOADER_STACK_TOP	0x7C00
#define BOUNCE_ADDR		0x10000
#define BOUNCE_SEG		0x1000
#define READ_CHUNK_SECTORS	127	/* per INT 13h AH=42h call (EDD max) */

/* struct bootinfo offsets (checked against boot/bootinfo.h by mkdisk.c) */
#define BI_MAGIC		0
#define BI_LOADER		4
#define BI_CLOSURE_ADDR		8
#define BI_CLOSURE_SIZE		12
#define BI_MMAP_COUNT		16
#define BI_MMAP			20
#define BI_MMAP_ENTRY_SIZE	24
#define BI_CMDLINE		(BI_MMAP + 64 * BI_MMAP_ENTRY_SIZE)
#define BI_FB			(BI_CMDLINE + 256)	/* fb_* fields, left zero: no framebuffer */
#define BI_SIZE			(BI_FB + 24)

/* Partition alignment on disk (sectors): 1 MiB */
#define IMG_ALIGN_SECTORS	2048

#endif
