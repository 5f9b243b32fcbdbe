/*
 * The framebuffer a UEFI loader hands over, as the console's screen.
 *
 * Firmware usually puts it above 2 GiB (0x80000000, 0xc0000000, ...), out
 * of the direct map. Rather than a new kind of kernel mapping, it gets a
 * window: the top 4 MiB slots of the direct map point at the framebuffer
 * instead of at RAM, and that RAM is taken out of the boot-info memory map
 * before mem_init reads it, so no page there is ever handed out. Every page
 * directory copies the kernel half of boot_pgdir when it is made (vm_new);
 * this runs before the first one is, so all of them see the window.
 *
 * The window's entries have the caching bits clear; the firmware's MTRRs,
 * which mark the aperture uncached or write-combining, decide how it is
 * cached, as for any MMIO in the direct map.
 */
#include "arch.h"
#include "../../defs.h"
#include "../../fbcon.h"

#define SLOT 0x400000u		/* one 4 MiB page directory entry */
#define MAX_SLOTS 16		/* 64 MiB: 3840x2160 needs 9 */

extern uint32_t boot_pgdir[1024];
extern char kernel_end[];

static struct fbcon screen;
static int on;

/* Take [lo, hi) out of the usable RAM in the memory map. */
static void ram_cut(struct bootinfo *bi, uint64_t lo, uint64_t hi)
{
	uint32_t n = bi->mmap_count;
	for (uint32_t i = 0; i < n; i++) {
		struct bootinfo_mmap *m = &bi->mmap[i];
		uint64_t start = m->base, end = m->base + m->len;
		if (m->type != BOOTINFO_MEM_USABLE || end <= lo || start >= hi)
			continue;
		m->len = start < lo ? lo - start : 0;
		/* a full map loses the RAM above the window: harmless */
		if (end > hi && bi->mmap_count < BOOTINFO_MMAP_MAX)
			bi->mmap[bi->mmap_count++] = (struct bootinfo_mmap){ hi, end - hi, BOOTINFO_MEM_USABLE, 0 };
	}
}

/* The kernel address of the framebuffer's first `size` bytes, or NULL (why in *why). */
static uint8_t *map(struct bootinfo *bi, uint64_t size, const char **why)
{
	uint64_t addr = bi->fb_addr;
	if (addr + size <= DIRECT_MAP_SIZE)
		return P2V((uintptr_t)addr);
	uint64_t base = addr & ~(uint64_t)(SLOT - 1);
	uint64_t slots = (addr + size - base + SLOT - 1) >> 22;	/* SLOT is 1 << 22 */
	/* the highest slots clear of the closure, which the kernel reads later */
	uint64_t top = DIRECT_MAP_SIZE;
	uint64_t closure = bi->closure_addr, closure_end = closure + bi->closure_size;
	if (closure < top && closure_end > top - slots * SLOT)
		top = closure & ~(uint64_t)(SLOT - 1);
	uint64_t lo = top - slots * SLOT;
	if (top < slots * SLOT || lo < PGROUNDUP(V2P(kernel_end))) {
		*why = "no room for its window below the closure";
		return NULL;
	}
	for (uint32_t i = 0; i < slots; i++) {
		uintptr_t va = (uintptr_t)P2V((uintptr_t)lo) + i * SLOT;
		boot_pgdir[PDX(va)] = (uint32_t)(base + i * SLOT) | PTE_P | PTE_W | PTE_PS | PTE_G;
		invlpg(va);
	}
	ram_cut(bi, lo, top);
	return (uint8_t *)P2V((uintptr_t)lo) + (addr - base);
}

void fb_init(struct bootinfo *bi)
{
	if (bi->fb_format == BOOTINFO_FB_NONE)
		return;
	uint32_t height = bi->fb_height;
	const char *why = "its format or size cannot hold a console";
	if (bi->fb_pitch && height > (MAX_SLOTS - 1) * SLOT / bi->fb_pitch)
		height = (MAX_SLOTS - 1) * SLOT / bi->fb_pitch;	/* use the top of a huge screen */
	uint64_t size = (uint64_t)bi->fb_pitch * height;
	uint8_t *fb = NULL;
	if (bi->fb_addr + size > 0x100000000ull)
		why = "it does not lie below 4 GiB";
	else if ((bi->fb_format == BOOTINFO_FB_BGRX || bi->fb_format == BOOTINFO_FB_RGBX) &&
		 bi->fb_pitch / 4 >= bi->fb_width && bi->fb_width >= FONT_WIDTH && height >= FONT_HEIGHT)
		fb = map(bi, size, &why);
	if (fb && fbcon_init(&screen, fb, (int)bi->fb_format, bi->fb_width, height, bi->fb_pitch) == 0)
		on = 1;
	kprintf("seedboot: framebuffer %ux%u at 0x%x, pitch %u: %s%s\n",
		bi->fb_width, bi->fb_height, (unsigned)bi->fb_addr, bi->fb_pitch,
		on ? "the console's screen" : "not used: ", on ? "" : why);
}

int fb_putc(char c)
{
	if (on)
		fbcon_putc(&screen, c);
	return on;
}
