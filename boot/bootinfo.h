/*
 * The boot-info record: the one thing every loader hands the kernel.
 *
 * Contract: the loader enters the kernel's physical entry point in 32-bit
 * protected mode with flat 4 GiB code and data segments, paging off,
 * interrupts off, A20 on, EAX = BOOTINFO_MAGIC and EBX = the physical
 * address of a struct bootinfo that lies below 1 MiB or inside memory the
 * kernel does not overwrite before reading it (the kernel copies it first).
 * The Multiboot v1 path enters with EAX = 0x2BADB002 and EBX = the Multiboot
 * info; the kernel converts that into this same record.
 *
 * Layout is fixed (packed, little endian) so that 16-bit, 32-bit and 64-bit
 * loaders fill the same bytes.
 */
#ifndef BOOT_BOOTINFO_H
#define BOOT_BOOTINFO_H

#define BOOTINFO_MAGIC 0x5eedb007u

#define BOOTINFO_LOADER_BIOS      1
#define BOOTINFO_LOADER_MULTIBOOT 2
#define BOOTINFO_LOADER_EFI       3

#define BOOTINFO_MMAP_MAX 64
#define BOOTINFO_MEM_USABLE 1	/* E820 type 1; every other type is reserved */

#define BOOTINFO_CMDLINE_MAX 256

/* fb_format: how a 32-bit pixel is laid out in memory (UEFI GOP's names) */
#define BOOTINFO_FB_NONE 0	/* no framebuffer: VGA text mode or nothing */
#define BOOTINFO_FB_BGRX 1	/* byte 0 blue, 1 green, 2 red, 3 unused */
#define BOOTINFO_FB_RGBX 2	/* byte 0 red, 1 green, 2 blue, 3 unused */

#ifndef __ASSEMBLER__
struct bootinfo_mmap {
	unsigned long long base;
	unsigned long long len;
	unsigned int type;
	unsigned int pad;
} __attribute__((packed));

struct bootinfo {
	unsigned int magic;		/* BOOTINFO_MAGIC */
	unsigned int loader;		/* BOOTINFO_LOADER_* */
	unsigned int closure_addr;	/* physical address of the cpio closure */
	unsigned int closure_size;	/* its length in bytes */
	unsigned int mmap_count;
	struct bootinfo_mmap mmap[BOOTINFO_MMAP_MAX];
	char cmdline[BOOTINFO_CMDLINE_MAX];	/* NUL-terminated */
	/* a linear framebuffer of 32-bit pixels, or fb_format = BOOTINFO_FB_NONE */
	unsigned long long fb_addr;	/* physical, below 4 GiB */
	unsigned int fb_format;		/* BOOTINFO_FB_* */
	unsigned int fb_width, fb_height;	/* in pixels */
	unsigned int fb_pitch;		/* bytes from one row to the next */
} __attribute__((packed));
#endif

#endif
