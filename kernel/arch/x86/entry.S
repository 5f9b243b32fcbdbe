/*
 * Kernel entry. Both loaders (our BIOS/EFI loaders and Multiboot) jump to
 * _start at its physical address with paging off. We build a boot page
 * directory that maps physical [0, 4 MiB) at 0 (so this code keeps running)
 * and physical [0, 2 GiB) at KERNBASE with 4 MiB pages, turn paging on,
 * and continue in the higher half.
 */
#include "mmu.h"

#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00000003	/* page-align modules, give a memory map */

.section .multiboot, "a"
.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

.section .text
.globl _start
_start = start - KERNBASE
start:
	cli
	movl %eax, %esi			/* loader magic */
	movl %ebx, %edi			/* boot-info or Multiboot info (physical) */
	cld

	/* loaders store only the file-backed bytes: clear .bss ourselves */
	movl %edi, %ebx
	movl $(bss_start - KERNBASE), %edi
	movl $(bss_end - KERNBASE), %ecx
	subl %edi, %ecx
	xorl %eax, %eax
	rep stosb
	movl %ebx, %edi

	/* fill the boot page directory: entry 512+i maps i * 4 MiB */
	movl $(boot_pgdir - KERNBASE), %edx
	movl $(PTE_P | PTE_W | PTE_PS), (%edx)
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $22, %eax
	orl $(PTE_P | PTE_W | PTE_PS | PTE_G), %eax
	movl %eax, 2048(%edx, %ecx, 4)
	incl %ecx
	cmpl $512, %ecx
	jne 1b

	movl %cr4, %eax
	orl $(CR4_PSE | CR4_PGE), %eax
	movl %eax, %cr4
	movl %edx, %cr3
	movl %cr0, %eax
	orl $(CR0_PG | CR0_WP), %eax
	movl %eax, %cr0

	movl $boot_stack_top, %esp
	movl $high, %eax
	jmp *%eax
high:
	pushl %edi
	pushl %esi
	call kmain
2:	cli
	hlt
	jmp 2b

.section .bss
.align 4096
.globl boot_pgdir
boot_pgdir:
	.space 4096
.align 16
boot_stack:
	.space 16384
boot_stack_top:
