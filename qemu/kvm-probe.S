/*
 * qemu/kvm-probe.S: does KVM run our kind of guest?
 *
 * A Multiboot v1 kernel booted by qemu/run with -accel kvm -kernel.  It
 * loads its own GDT and an IDT whose vector 0x80 goes to a handler, then
 * executes int $0x80 in protected mode, exactly what the seedboot kernel
 * does for every Linux system call.  The handler writes PROBE_OK (0x2a) to
 * isa-debug-exit at 0xf4, so QEMU exits (0x2a << 1) | 1 = 85.  Any other
 * vector (a fault) writes 0x01 instead, and a triple fault resets, which
 * -no-reboot turns into QEMU exit 0.  Some nested KVM backends stop with
 * "KVM internal error ... emulation failure" at the int instead; qemu/run
 * sees that and falls back to TCG.
 */
	.set MB_MAGIC, 0x1BADB002
	.set MB_FLAGS, 0x00000003	/* page-align modules, want memory info */
	.set DEBUG_EXIT, 0xf4
	.set PROBE_OK, 0x2a
	.set PROBE_BAD, 0x01

	.section .text
	.code32
	.align 4
multiboot_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.globl _start
_start:
	cli
	movl $stack_top, %esp
	lgdt gdt_desc
	ljmp $0x08, $1f
1:	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %fs
	movw %ax, %gs
	movw %ax, %ss

	/* Fill all 256 IDT gates with `bad`, then vector 0x80 with `good`. */
	movl $idt, %edi
	movl $bad, %edx
	xorl %ecx, %ecx
2:	call set_gate
	incl %ecx
	cmpl $256, %ecx
	jne 2b
	movl $good, %edx
	movl $0x80, %ecx
	call set_gate
	lidt idt_desc

	int $0x80

	/* Not reached: the handler never returns. */
	movb $PROBE_BAD, %al
	outb %al, $DEBUG_EXIT
3:	hlt
	jmp 3b

/* %ecx = vector, %edx = handler: a 32-bit interrupt gate, DPL 3, selector 8 */
set_gate:
	leal idt(,%ecx,8), %ebx
	movw %dx, (%ebx)
	movw $0x08, 2(%ebx)
	movw $0xEE00, 4(%ebx)
	movl %edx, %eax
	shrl $16, %eax
	movw %ax, 6(%ebx)
	ret

good:
	movb $PROBE_OK, %al
	outb %al, $DEBUG_EXIT
4:	hlt
	jmp 4b

bad:
	movb $PROBE_BAD, %al
	outb %al, $DEBUG_EXIT
5:	hlt
	jmp 5b

	.section .rodata
	.align 8
gdt:
	.quad 0
	.quad 0x00CF9A000000FFFF	/* 0x08: code, flat 4 GiB */
	.quad 0x00CF92000000FFFF	/* 0x10: data, flat 4 GiB */
gdt_end:
gdt_desc:
	.word gdt_end - gdt - 1
	.long gdt
idt_desc:
	.word 256 * 8 - 1
	.long idt

	.section .bss
	.align 16
idt:
	.skip 256 * 8
	.skip 4096
stack_top:
