/*
 * The EFI loader (BOOTX64.EFI and BOOTIA32.EFI from the same source): what
 * each file of boot/efi/ offers the others.  Built with Debian's gnu-efi.
 *
 * Memory it leaves for the kernel, all below 2 GiB (the kernel's direct
 * map) and all allocated from the firmware, so nothing overlaps:
 *   the kernel's PT_LOAD segments at their p_paddr (1 MiB up);
 *   the closure page aligned right above the kernel's end when that is
 *   free (as the BIOS path puts it), else wherever the firmware has room;
 *   one handoff block: struct bootinfo, a GDT and the trampoline.
 * The kernel reserves the first two itself and copies the bootinfo first.
 */
#ifndef BOOT_EFI_LOADER_H
#define BOOT_EFI_LOADER_H

#include <efi.h>
#include <efilib.h>

#include "../bootinfo.h"

#define LOADER_MAX_ADDR	0x7FFFFFFFull	/* below the kernel's 2 GiB direct map */

/* console.c: "seedboot: efi: ..." lines on the UEFI console */
extern EFI_HANDLE loader_image;
void say(const CHAR16 *fmt, ...);
void __attribute__((noreturn)) die(EFI_STATUS st, const CHAR16 *what, const CHAR16 *file);

/* kernel.c: the kernel ELF from the ESP into its physical pages */
struct kernel {
	UINT32 entry;		/* physical */
	UINT32 load, end;	/* lowest p_paddr, max p_paddr + p_memsz */
};
void kernel_load(EFI_HANDLE image, struct kernel *k);

/* closure.c: the closure partition on the boot disk into memory */
void closure_load(EFI_HANDLE image, UINT32 above, struct bootinfo *bi);

/* framebuffer.c: the GOP framebuffer into bootinfo.fb_* (or FB_NONE) */
void framebuffer_info(struct bootinfo *bi);

/* memmap.c: take the memory map, ExitBootServices, fill bootinfo.mmap */
void memmap_exit(EFI_HANDLE image, struct bootinfo *bi);

/* enter.c: into the kernel in 32-bit protected mode, paging off */
struct handoff;
struct handoff *handoff_alloc(void);
struct bootinfo *handoff_bootinfo(struct handoff *h);
void __attribute__((noreturn)) enter_kernel(struct handoff *h, UINT32 entry);

#endif
