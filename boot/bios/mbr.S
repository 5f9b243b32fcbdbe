/*
 * seedboot MBR (LBA 0, loaded by the BIOS at 0x7C00).
 *
 * Loads the image header and stage 2 (the start of the BIOS boot partition,
 * boot/disk.h) in one INT 13h AH=42h read to 0x7E00 (header) / 0x8000
 * (stage 2) and jumps to stage 2 with DL = the BIOS boot drive.  mkdisk patches the sector count and start
 * LBA into the patch block at MBR_PATCH_OFF.  Errors go to the screen and
 * to COM1, then the CPU halts.
 *
 * Code and data must end before MBR_PATCH_OFF (0x1B0); mbr.ld fails the
 * link otherwise.  Bytes 440..511 (disk signature, partition table,
 * 0x55AA) are written by mkdisk.
 */
#include "layout.h"

	.code16
	.text
	.globl	_start
_start:
	ljmp	$0, $norm		/* canonical CS:IP = 0000:7Cxx */
norm:
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	cli
	mov	%ax, %ss
	mov	$LOADER_STACK_TOP, %sp
	sti
	cld
	mov	%dl, drive

	/* COM1: 115200 8N1, FIFO on, no interrupts */
	mov	$uart_tab, %si
	mov	$7, %cx
	mov	$0x03, %dh
1:	lodsw				/* al = port low byte, ah = value */
	mov	%al, %dl
	mov	%ah, %al
	out	%al, %dx
	loop	1b

	/* INT 13h extensions present? */
	mov	$0x41, %ah
	mov	$0x55AA, %bx
	mov	drive, %dl
	int	$0x13
	mov	$msg_noext, %si
	jc	die
	cmp	$0xAA55, %bx
	jne	die
	test	$1, %cl			/* packet (AH=42h) interface */
	jz	die

	/* read header + stage 2, three attempts with a reset in between */
	movb	$3, tries
read:
	mov	patch_count, %ax
	mov	%ax, dap_count
	mov	patch_lba, %eax
	mov	%eax, dap_lba
	mov	$dap, %si
	mov	drive, %dl
	mov	$0x42, %ah
	int	$0x13
	jnc	read_ok
	mov	$msg_read, %si
	decb	tries
	jz	die
	xor	%ah, %ah
	mov	drive, %dl
	int	$0x13
	jmp	read
read_ok:
	mov	$msg_read, %si
	mov	patch_count, %ax
	cmp	%ax, dap_count		/* short read reported */
	jne	die
	mov	$msg_bad, %si
	cmpl	$HDR_MAGIC0, HDR_ADDR + 0
	jne	die
	cmpl	$HDR_MAGIC1, HDR_ADDR + 4
	jne	die
	mov	drive, %dl
	ljmp	$0, $STAGE2_ADDR

/* print "seedboot: mbr: " + the message at SI, then halt */
die:
	push	%si
	mov	$msg_pfx, %si
	call	puts
	pop	%si
	call	puts
halt:
	cli
	hlt
	jmp	halt

/* print NUL-terminated string at SI on the screen and COM1 */
puts:
	lodsb
	test	%al, %al
	jz	9f
	push	%ax
	mov	$0x0E, %ah
	mov	$0x0007, %bx
	int	$0x10
	mov	$0x3FD, %dx
	xor	%cx, %cx
2:	in	%dx, %al
	test	$0x20, %al		/* THR empty (bounded wait) */
	loopz	2b
	pop	%ax
	mov	$0x3F8, %dx
	out	%al, %dx
	jmp	puts
9:	ret

uart_tab:
	.byte	0xF9, 0x00		/* IER = 0 */
	.byte	0xFB, 0x80		/* LCR: DLAB */
	.byte	0xF8, 0x01		/* DLL = 1 (115200) */
	.byte	0xF9, 0x00		/* DLM = 0 */
	.byte	0xFB, 0x03		/* LCR: 8N1 */
	.byte	0xFA, 0xC7		/* FCR: FIFO on, clear */
	.byte	0xFC, 0x03		/* MCR: DTR RTS */

msg_pfx:	.asciz	"seedboot: mbr: "
msg_noext:	.asciz	"no INT 13h LBA extensions, cannot boot\r\n"
msg_read:	.asciz	"disk read error loading stage 2\r\n"
msg_bad:	.asciz	"bad image header\r\n"

dap:
	.byte	16, 0
dap_count:
	.word	0
	.word	HDR_ADDR, 0		/* buffer 0000:7E00 */
dap_lba:
	.long	0, 0

drive:	.byte	0
tries:	.byte	0

	/*
	 * Patch block, filled in by mkdisk.  mbr.ld places it at
	 * MBR_PATCH_OFF and fails the link if the code above runs into it.
	 */
	.section .patch, "a"
	.word	MBR_PATCH_MAGIC
patch_count:
	.word	0
patch_lba:
	.long	0
