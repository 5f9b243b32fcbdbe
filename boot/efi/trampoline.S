/*
 * The last few instructions of the EFI loader, copied by enter.c into the
 * handoff block (below 2 GiB, identity mapped by the firmware) and entered
 * there through the 32-bit code selector 0x08 of enter.c's GDT: from long
 * mode that is compatibility mode, from ia32 firmware plain protected mode.
 * Position independent: it uses no address of its own.
 *
 *   EBX = &bootinfo (the start of the handoff block)
 *   ESI = the kernel's physical entry
 *   EDI = 1 when leaving long mode (EFER.LME to clear), else 0
 *
 * Leaves paging (and with it long mode) off, loads the flat data selector
 * 0x10 and jumps to the kernel as boot/bootinfo.h says.
 */
#include "../bootinfo.h"

#define HANDOFF_SIZE	8192	/* enter.c: the block; the stack is its top */
#define CR0_PG		0x80000000
#define CR4_PAE		0x00000020
#define CR4_PCIDE	0x00020000	/* must be off before paging goes off */
#define MSR_EFER	0xC0000080
#define EFER_LME	0x00000100

	.text
	.code32
	.globl	tramp_start, tramp_end
tramp_start:
	mov	%cr4, %eax
	and	$~CR4_PCIDE, %eax
	mov	%eax, %cr4
	mov	%cr0, %eax
	and	$~CR0_PG, %eax
	mov	%eax, %cr0
	jmp	1f
1:	test	%edi, %edi
	jz	2f
	mov	$MSR_EFER, %ecx
	rdmsr
	and	$~EFER_LME, %eax
	wrmsr
2:	mov	%cr4, %eax
	and	$~CR4_PAE, %eax
	mov	%eax, %cr4
	xor	%eax, %eax
	mov	%eax, %cr3
	mov	$0x10, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %fs
	mov	%eax, %gs
	mov	%eax, %ss
	lea	HANDOFF_SIZE - 16(%ebx), %esp
	mov	$BOOTINFO_MAGIC, %eax
	xor	%ecx, %ecx
	xor	%edx, %edx
	xor	%edi, %edi
	xor	%ebp, %ebp
	jmp	*%esi
tramp_end:
	.section .note.GNU-stack,"",@progbits
