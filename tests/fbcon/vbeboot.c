/*
 * vbeboot: a test loader that gives the kernel a framebuffer without UEFI.
 * QEMU's Multiboot path (-kernel vbeboot -initrd "kernel.elf,closure.cpio")
 * loads it; it turns on a 1024x768x32 linear mode of QEMU's standard VGA
 * through the Bochs VBE registers, copies the kernel's PT_LOAD segments
 * to their physical addresses, fills struct bootinfo as our loaders do,
 * with the framebuffer (the VGA's PCI BAR 0, above 2 GiB as under OVMF),
 * and enters the kernel. Linked at 64 MiB, out of the kernel's way.
 */
#include "../../kernel/types.h"
#include "../../boot/bootinfo.h"
#include "../../kernel/elf.h"
#include "../../kernel/arch/x86/multiboot.h"

#define WIDTH 1024
#define HEIGHT 768

__asm__(".section .text\n"
	".align 4\n"
	"multiboot_header:\n"
	".long 0x1badb002, 0x00000002, -(0x1badb002 + 0x00000002)\n"	/* flags: a memory map */
	".globl _start\n"
	"_start:\n"
	"	movl $stack_top, %esp\n"
	"	pushl %ebx\n"
	"	call vbeboot\n"
	"1:	hlt\n"
	"	jmp 1b\n");

static char stack[16384] __attribute__((used, aligned(16)));
__asm__(".set stack_top, stack + 16384");


static struct bootinfo bi;

static inline void outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint32_t inl(uint16_t port)
{
	uint32_t v;
	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void say(const char *s)	/* COM1, which QEMU needs no set-up for */
{
	while (*s)
		outb(0x3f8, (uint8_t)*s++);
}

static void stop(const char *why)
{
	say("vbeboot: ");
	say(why);
	say("\nseedboot: FAIL vbeboot: no kernel started\n");
	outb(0xf4, 1);
	for (;;)
		__asm__ volatile("cli; hlt");
}

static void bochs_vbe(uint16_t index, uint16_t value)
{
	outw(0x1ce, index);
	outw(0x1cf, value);
}

/* BAR 0 of QEMU's standard VGA (PCI 1234:1111) on bus 0: its framebuffer */
static uint32_t vga_framebuffer(void)
{
	for (uint32_t dev = 0; dev < 32; dev++) {
		outl(0xcf8, 0x80000000u | dev << 11);
		if (inl(0xcfc) == 0x11111234u) {
			outl(0xcf8, 0x80000000u | dev << 11 | 0x10);
			return inl(0xcfc) & ~0xfu;
		}
	}
	return 0;
}

void vbeboot(const struct mb_info *mb)
{
	if (!(mb->flags & (1 << 3)) || mb->mods_count < 2)
		stop("needs two modules: the kernel ELF and the closure");
	const struct mb_module *mod = (const struct mb_module *)mb->mods_addr;
	const uint8_t *file = (const uint8_t *)mod[0].start;
	const struct elf_header *eh = (const struct elf_header *)file;
	if (eh->ident[0] != 0x7f || eh->ident[1] != 'E' || eh->machine != 3)
		stop("the first module is not an i386 ELF");
	for (int i = 0; i < eh->phnum; i++) {
		const struct elf_phdr *ph = (const struct elf_phdr *)(file + eh->phoff + i * eh->phentsize);
		if (ph->type != 1)
			continue;
		uint8_t *dst = (uint8_t *)ph->paddr;
		for (uint32_t j = 0; j < ph->filesz; j++)
			dst[j] = file[ph->offset + j];
	}

	bi.magic = BOOTINFO_MAGIC;
	bi.loader = BOOTINFO_LOADER_MULTIBOOT;
	bi.closure_addr = mod[1].start;
	bi.closure_size = mod[1].end - mod[1].start;
	if (mb->flags & (1 << 2)) {
		const char *s = (const char *)mb->cmdline;
		for (uint32_t i = 0; s[i] && i < BOOTINFO_CMDLINE_MAX - 1; i++)
			bi.cmdline[i] = s[i];
	}
	if (!(mb->flags & (1 << 6)))
		stop("no memory map from the Multiboot loader");
	for (uint32_t off = 0; off < mb->mmap_length && bi.mmap_count < BOOTINFO_MMAP_MAX;) {
		const struct mb_mmap *m = (const struct mb_mmap *)(mb->mmap_addr + off);
		bi.mmap[bi.mmap_count].base = m->base;
		bi.mmap[bi.mmap_count].len = m->len;
		bi.mmap[bi.mmap_count].type = m->type;
		bi.mmap_count++;
		off += m->size + 4;
	}

	uint32_t fb = vga_framebuffer();
	if (!fb)
		stop("no QEMU standard VGA (PCI 1234:1111) on bus 0");
	bochs_vbe(4, 0);		/* disable, set the mode, enable with the linear framebuffer */
	bochs_vbe(1, WIDTH);
	bochs_vbe(2, HEIGHT);
	bochs_vbe(3, 32);
	bochs_vbe(4, 0x41);
	bi.fb_addr = fb;
	bi.fb_format = BOOTINFO_FB_BGRX;
	bi.fb_width = WIDTH;
	bi.fb_height = HEIGHT;
	bi.fb_pitch = WIDTH * 4;

	__asm__ volatile("jmp *%2" : : "a"(BOOTINFO_MAGIC), "b"(&bi), "r"(eh->entry) : "memory");
	__builtin_unreachable();
}
