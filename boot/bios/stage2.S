/*
 * seedboot stage 2 (LBA 2.., loaded by the MBR at 0x8000; image header at
 * 0x7E00).  Entered in real mode, CS=0, DL = BIOS boot drive.
 *
 *   1. COM1 init; check the image header
 *   2. A20: fast A20 (port 0x92), then INT 15h AX=2401, then the 8042
 *   3. struct bootinfo at BOOTINFO_ADDR: magic, loader, closure, cmdline,
 *      memory map (INT 15h E820; E801 fallback)
 *   4. check the RAM covers kernel + closure
 *   5. read kernel and closure: INT 13h AH=42h, 127 sectors per call, into
 *      the bounce buffer at 0x10000, then copy above 1 MiB
 *   6. 32-bit protected mode, flat segments, jump to the kernel entry with
 *      EAX = BOOTINFO_MAGIC, EBX = &bootinfo, interrupts off, paging off
 *
 * Copying above 1 MiB: every chunk is copied by a brief switch to 32-bit
 * protected mode (pm_copy) rather than by unreal mode.  Unreal mode relies
 * on the BIOS leaving the hidden 4 GiB segment limits alone across INT 13h,
 * and BIOSes that run their disk code in protected mode (SeaBIOS, most
 * UEFI CSMs, USB stacks) reload the segment registers with 64 KiB limits on
 * the way back, so unreal mode would have to be re-established before every
 * copy anyway.  The switch costs a few dozen instructions per 63.5 KiB
 * chunk, which is nothing next to the disk read.
 *
 * All output goes to INT 10h teletype and COM1. A fatal error prints its
 * line, then the FAIL verdict, tells QEMU's isa-debug-exit (port 0xf4; no
 * device there on real machines) and halts.
 */
#include "layout.h"
#include "../bootinfo.h"

#define SEL_CODE32	0x08
#define SEL_DATA32	0x10
#define SEL_CODE16	0x18
#define SEL_DATA16	0x20

#define HDR(off)	(HDR_ADDR + (off))
#define BI(off)		(BOOTINFO_ADDR + (off))

	.code16
	.text
	.globl	_start
_start:
	jmp	start
	.org	STAGE2_MAGIC_OFF
	.ascii	"SEEDS2\0\0"

start:
	ljmp	$0, $1f
1:	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	cli
	mov	%ax, %ss
	mov	$LOADER_STACK_TOP, %sp
	sti
	cld
	mov	%dl, drive

	call	serial_init
	mov	$msg_hello, %si
	call	say
	movzbl	drive, %eax
	call	puthex8
	call	crlf

	/* header sanity */
	cmpl	$HDR_MAGIC0, HDR(HDR_OFF_MAGIC0)
	jne	bad_header
	cmpl	$HDR_MAGIC1, HDR(HDR_OFF_MAGIC1)
	jne	bad_header
	cmpl	$0x100000, HDR(HDR_OFF_KERNEL_LOAD)
	jb	bad_header

	call	a20_enable

	/* struct bootinfo */
	mov	$BOOTINFO_ADDR, %di
	mov	$(BI_SIZE + 1) / 2, %cx
	xor	%ax, %ax
	rep	stosw
	movl	$BOOTINFO_MAGIC, BI(BI_MAGIC)
	movl	$BOOTINFO_LOADER_BIOS, BI(BI_LOADER)
	mov	HDR(HDR_OFF_CLOSURE_LOAD), %eax
	mov	%eax, BI(BI_CLOSURE_ADDR)
	mov	HDR(HDR_OFF_CLOSURE_SIZE), %eax
	mov	%eax, BI(BI_CLOSURE_SIZE)
	mov	$HDR(HDR_OFF_CMDLINE), %si
	mov	$BI(BI_CMDLINE), %di
	mov	$BOOTINFO_CMDLINE_MAX - 1, %cx	/* last byte stays NUL */
	rep	movsb

	call	memory_map
	call	check_memory

	/* "loading kernel N KiB at 0x..., closure N KiB at 0x..." */
	mov	$msg_load1, %si
	call	say
	mov	HDR(HDR_OFF_KERNEL_SIZE), %eax
	call	putkib
	mov	$msg_at, %si
	call	puts
	mov	HDR(HDR_OFF_KERNEL_LOAD), %eax
	call	puthex32
	mov	$msg_load2, %si
	call	puts
	mov	HDR(HDR_OFF_CLOSURE_SIZE), %eax
	call	putkib
	mov	$msg_at, %si
	call	puts
	mov	HDR(HDR_OFF_CLOSURE_LOAD), %eax
	call	puthex32
	call	crlf

	mov	HDR(HDR_OFF_KERNEL_LBA), %eax
	mov	HDR(HDR_OFF_KERNEL_SIZE), %ecx
	mov	HDR(HDR_OFF_KERNEL_LOAD), %edi
	call	load_region
	mov	HDR(HDR_OFF_CLOSURE_LBA), %eax
	mov	HDR(HDR_OFF_CLOSURE_SIZE), %ecx
	mov	HDR(HDR_OFF_CLOSURE_LOAD), %edi
	call	load_region
	call	crlf

	mov	$msg_start, %si
	call	say
	mov	HDR(HDR_OFF_KERNEL_ENTRY), %eax
	call	puthex32
	call	crlf

	/* into the kernel: flat 32-bit protected mode, no paging, IF=0 */
	cli
	lgdtl	gdtr
	mov	%cr0, %eax
	or	$1, %eax
	mov	%eax, %cr0
	ljmpl	$SEL_CODE32, $kernel_pm

	.code32
kernel_pm:
	mov	$SEL_DATA32, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %fs
	mov	%ax, %gs
	mov	%ax, %ss
	mov	$LOADER_STACK_TOP, %esp
	mov	HDR(HDR_OFF_KERNEL_ENTRY), %ecx
	mov	$BOOTINFO_MAGIC, %eax
	mov	$BOOTINFO_ADDR, %ebx
	xor	%edx, %edx
	xor	%esi, %esi
	xor	%edi, %edi
	xor	%ebp, %ebp
	jmp	*%ecx
	.code16

bad_header:
	mov	$msg_badhdr, %si
	jmp	die

/* ------------------------------------------------------------------ */
/* disk: load_region(EAX = first LBA, ECX = bytes, EDI = physical dest) */

load_region:
	mov	%eax, cur_lba
	mov	%ecx, remaining
	mov	%edi, cur_dest
1:	mov	remaining, %ecx
	test	%ecx, %ecx
	jz	9f
	add	$SECTOR_SIZE - 1, %ecx
	jnc	2f
	mov	$0xFFFFFFFF, %ecx	/* huge: any value > chunk will do */
2:	shr	$9, %ecx
	cmp	$READ_CHUNK_SECTORS, %ecx
	jbe	3f
	mov	$READ_CHUNK_SECTORS, %ecx
3:	mov	%cx, nsect
	call	read_chunk
	movzwl	nsect, %ecx
	shl	$9, %ecx
	cmp	remaining, %ecx
	jbe	4f
	mov	remaining, %ecx
4:	sub	%ecx, remaining
	mov	cur_dest, %edi
	add	%ecx, cur_dest
	/* a dot every 16 MiB */
	mov	loaded, %eax
	add	%ecx, loaded
	xor	loaded, %eax
	test	$0xFF000000, %eax
	jz	5f
	mov	$0x2E, %al
	call	putc
5:	mov	$BOUNCE_ADDR, %esi
	call	pm_copy
	movzwl	nsect, %eax
	add	%eax, cur_lba
	jmp	1b
9:	ret

/* read nsect sectors at cur_lba into the bounce buffer; dies on error */
read_chunk:
	movb	$4, tries
1:	movw	$16, dap
	mov	nsect, %ax
	mov	%ax, dap + 2
	movw	$0, dap + 4
	movw	$BOUNCE_SEG, dap + 6
	mov	cur_lba, %eax
	mov	%eax, dap + 8
	movl	$0, dap + 12
	mov	$dap, %si
	mov	drive, %dl
	mov	$0x42, %ah
	int	$0x13
	jc	2f
	mov	nsect, %ax
	cmp	%ax, dap + 2		/* BIOS reports a short transfer */
	jne	2f
	ret
2:	mov	%ah, status
	decb	tries
	jz	3f
	xor	%ah, %ah		/* reset and retry */
	mov	drive, %dl
	int	$0x13
	jmp	1b
3:	call	crlf			/* after the progress dots */
	mov	$msg_readerr, %si
	call	say
	mov	cur_lba, %eax
	call	putdec
	mov	$msg_count, %si
	call	puts
	movzwl	nsect, %eax
	call	putdec
	mov	$msg_status, %si
	call	puts
	movzbl	status, %eax
	call	puthex8
	mov	$msg_rparen, %si
	jmp	die_nopfx

/*
 * pm_copy: copy ECX bytes from physical ESI to physical EDI through a brief
 * switch to 32-bit protected mode.  Clobbers EAX, ECX, EDX, ESI, EDI.
 */
pm_copy:
	push	%ebx
	pushf
	cli
	lgdtl	gdtr
	mov	%cr0, %eax
	or	$1, %eax
	mov	%eax, %cr0
	ljmpl	$SEL_CODE32, $1f
	.code32
1:	mov	$SEL_DATA32, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ecx, %edx
	shr	$5, %ecx		/* 32-byte blocks, unrolled: under TCG */
	jz	5f			/* this is ~20% faster than rep movsl */
4:	mov	(%esi), %eax
	mov	4(%esi), %ebx
	mov	%eax, (%edi)
	mov	%ebx, 4(%edi)
	mov	8(%esi), %eax
	mov	12(%esi), %ebx
	mov	%eax, 8(%edi)
	mov	%ebx, 12(%edi)
	mov	16(%esi), %eax
	mov	20(%esi), %ebx
	mov	%eax, 16(%edi)
	mov	%ebx, 20(%edi)
	mov	24(%esi), %eax
	mov	28(%esi), %ebx
	mov	%eax, 24(%edi)
	mov	%ebx, 28(%edi)
	add	$32, %esi
	add	$32, %edi
	dec	%ecx
	jnz	4b
5:	mov	%edx, %ecx
	and	$31, %ecx
	rep	movsb
	ljmp	$SEL_CODE16, $2f
	.code16
2:	mov	$SEL_DATA16, %ax	/* 64 KiB limits back */
	mov	%ax, %ds
	mov	%ax, %es
	mov	%cr0, %eax
	and	$0xFFFFFFFE, %eax
	mov	%eax, %cr0
	ljmp	$0, $3f
3:	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	popf
	pop	%ebx
	ret

/* ------------------------------------------------------------------ */
/* A20 */

/* ZF=0 if A20 is on: compare 0000:0600 with FFFF:0610 (= 0x100600) */
a20_check:
	push	%ds
	push	%es
	push	%si
	push	%di
	push	%bx
	pushf
	cli
	xor	%ax, %ax
	mov	%ax, %es
	not	%ax
	mov	%ax, %ds
	mov	$0x0600, %di
	mov	$0x0610, %si
	mov	%es:(%di), %bl
	mov	(%si), %bh
	movb	$0x00, %es:(%di)
	movb	$0xFF, (%si)
	cmpb	$0xFF, %es:(%di)	/* ZF=1: wrapped, A20 off */
	mov	%bl, %es:(%di)
	mov	%bh, (%si)
	lahf
	popf
	sahf				/* keep IF from before, ZF from cmp */
	pop	%bx
	pop	%di
	pop	%si
	pop	%es
	pop	%ds
	ret

/* poll a20_check for a while (the gate may take time to switch) */
a20_wait:
	mov	$0x4000, %cx
1:	push	%cx
	call	a20_check
	pop	%cx
	jnz	2f
	outb	%al, $0x80		/* ~1 us I/O delay */
	loop	1b
	cmp	%al, %al		/* ZF=1: still off */
2:	ret

a20_enable:
	call	a20_check
	jnz	9f
	/* fast A20: port 0x92 bit 1 (never set bit 0: that resets) */
	inb	$0x92, %al
	test	$2, %al
	jnz	1f
	or	$2, %al
	and	$0xFE, %al
	outb	%al, $0x92
1:	call	a20_wait
	jnz	9f
	/* BIOS */
	mov	$0x2401, %ax
	int	$0x15
	call	a20_wait
	jnz	9f
	/* 8042 keyboard controller: write output port bit 1 */
	call	kbc_wait_in
	mov	$0xAD, %al		/* disable keyboard */
	outb	%al, $0x64
	call	kbc_wait_in
	mov	$0xD0, %al		/* read output port */
	outb	%al, $0x64
	call	kbc_wait_out
	inb	$0x60, %al
	push	%ax
	call	kbc_wait_in
	mov	$0xD1, %al		/* write output port */
	outb	%al, $0x64
	call	kbc_wait_in
	pop	%ax
	or	$2, %al
	outb	%al, $0x60
	call	kbc_wait_in
	mov	$0xAE, %al		/* enable keyboard */
	outb	%al, $0x64
	call	kbc_wait_in
	call	a20_wait
	jnz	9f
	mov	$msg_a20, %si
	jmp	die
9:	ret

kbc_wait_in:				/* input buffer empty (bounded) */
	mov	$0xFFFF, %cx
1:	inb	$0x64, %al
	test	$2, %al
	loopnz	1b
	ret
kbc_wait_out:				/* output buffer full (bounded) */
	mov	$0xFFFF, %cx
1:	inb	$0x64, %al
	test	$1, %al
	loopz	1b
	ret

/* ------------------------------------------------------------------ */
/* memory map -> bootinfo.mmap */

memory_map:
	xor	%ebx, %ebx
	mov	$BI(BI_MMAP), %di
	xor	%bp, %bp			/* entries stored */
1:	movl	$1, e820buf + 20		/* ACPI 3 attrs: valid unless told */
	mov	$0xE820, %eax
	mov	$0x534D4150, %edx		/* "SMAP" */
	mov	$24, %ecx
	push	%di
	mov	$e820buf, %di
	int	$0x15
	pop	%di
	jc	8f
	cmp	$0x534D4150, %eax
	jne	8f
	cmp	$20, %ecx
	jb	7f
	testb	$1, e820buf + 20
	jz	7f
	mov	e820buf + 8, %eax		/* skip empty entries */
	or	e820buf + 12, %eax
	jz	7f
	cmp	$BOOTINFO_MMAP_MAX, %bp
	jae	7f
	mov	$e820buf, %si
	mov	$20, %cx
	rep	movsb				/* base, len, type */
	add	$4, %di				/* pad = 0 */
	inc	%bp
7:	test	%ebx, %ebx
	jnz	1b
8:	test	%bp, %bp
	jnz	9f

	/* no E820: E801 gives 1M..16M in KiB and 16M.. in 64 KiB units */
	mov	$0xE801, %ax
	xor	%cx, %cx
	xor	%dx, %dx
	int	$0x15
	jc	no_mmap
	jcxz	2f
	mov	%cx, %ax
	mov	%dx, %bx
2:	mov	$BI(BI_MMAP), %di
	movl	$0x9F000, 8(%di)		/* 0..636K conventional */
	movl	$1, 16(%di)
	movzwl	%ax, %eax
	shl	$10, %eax
	movl	$0x100000, 24(%di)
	mov	%eax, 32(%di)
	movl	$1, 40(%di)
	mov	$2, %bp
	movzwl	%bx, %eax
	test	%eax, %eax
	jz	9f
	shl	$16, %eax
	movl	$0x1000000, 48(%di)
	mov	%eax, 56(%di)
	movl	$1, 64(%di)
	mov	$3, %bp
9:	movzwl	%bp, %eax
	mov	%eax, BI(BI_MMAP_COUNT)

	/* print the map */
	mov	$BI(BI_MMAP), %di
	mov	%ax, %bp
	test	%bp, %bp
	jz	6f
5:	mov	$msg_mmap, %si
	call	say
	mov	4(%di), %eax
	call	puthex32
	mov	(%di), %eax
	call	puthex32_nox
	mov	$msg_plus, %si
	call	puts
	mov	12(%di), %eax
	call	puthex32
	mov	8(%di), %eax
	call	puthex32_nox
	mov	$msg_type, %si
	call	puts
	mov	16(%di), %eax
	call	putdec
	call	crlf
	add	$BI_MMAP_ENTRY_SIZE, %di
	dec	%bp
	jnz	5b
6:	ret

no_mmap:
	mov	$msg_nommap, %si
	jmp	die

/*
 * The usable entries must cover [kernel load, max(kernel end, closure end)).
 * Walk forward from the low end, each pass extending through one usable
 * entry that contains the current point.
 */
check_memory:
	mov	HDR(HDR_OFF_CLOSURE_LOAD), %edx
	add	HDR(HDR_OFF_CLOSURE_SIZE), %edx
	jc	nomem_print
	cmp	HDR(HDR_OFF_KERNEL_END), %edx
	jae	1f
	mov	HDR(HDR_OFF_KERNEL_END), %edx
1:	mov	%edx, need_end
	mov	HDR(HDR_OFF_KERNEL_LOAD), %ebx	/* current point */
2:	cmp	need_end, %ebx
	jae	9f
	mov	%ebx, %edx			/* best new point */
	mov	$BI(BI_MMAP), %di
	mov	BI(BI_MMAP_COUNT), %cx
	jcxz	nomem_print
3:	cmpl	$BOOTINFO_MEM_USABLE, 16(%di)
	jne	5f
	cmpl	$0, 4(%di)			/* base >= 4 GiB */
	jne	5f
	cmp	(%di), %ebx			/* base <= point? */
	jb	5f
	mov	(%di), %eax			/* end = base + len, 64-bit */
	mov	4(%di), %esi
	add	8(%di), %eax
	adc	12(%di), %esi
	jz	4f
	mov	$0xFFFFFFFF, %eax		/* beyond 4 GiB */
4:	cmp	%edx, %eax
	jbe	5f
	mov	%eax, %edx
5:	add	$BI_MMAP_ENTRY_SIZE, %di
	loop	3b
	cmp	%ebx, %edx
	je	nomem_print			/* no progress: hole */
	mov	%edx, %ebx
	jmp	2b
9:	ret

nomem_print:
	mov	$msg_nomem, %si
	call	say
	mov	need_end, %eax
	call	puthex32
	mov	$msg_nomem2, %si
	jmp	die_nopfx

/* ------------------------------------------------------------------ */
/* output: INT 10h teletype + COM1 */

serial_init:
	mov	$uart_tab, %si
	mov	$7, %cx
	mov	$0x03, %dh
1:	lodsw
	mov	%al, %dl
	mov	%ah, %al
	out	%al, %dx
	loop	1b
	ret

/* fatal: "seedboot: loader: " + message at SI, the verdict, halt */
die:
	push	%si
	mov	$msg_pfx, %si
	call	puts
	pop	%si
die_nopfx:
	call	puts
	mov	$msg_fail, %si
	call	puts
	mov	$1, %al
	out	%al, $0xf4
halt:
	cli
	hlt
	jmp	halt

/* "seedboot: loader: " + message at SI */
say:
	push	%si
	mov	$msg_pfx, %si
	call	puts
	pop	%si
	/* fall through */
puts:
	push	%ax
1:	lodsb
	test	%al, %al
	jz	2f
	call	putc
	jmp	1b
2:	pop	%ax
	ret

crlf:
	push	%si
	mov	$msg_crlf, %si
	call	puts
	pop	%si
	ret

putc:
	pushal
	push	%ax
	mov	$0x0E, %ah
	mov	$0x0007, %bx
	int	$0x10
	mov	$0x3FD, %dx
	mov	$0xFFFF, %cx
1:	in	%dx, %al
	test	$0x20, %al
	loopz	1b
	pop	%ax
	mov	$0x3F8, %dx
	out	%al, %dx
	popal
	ret

/* EAX as 0x%08x; puthex32_nox without the 0x; puthex8: 0x%02x */
puthex32:
	push	%si
	mov	$msg_0x, %si
	call	puts
	pop	%si
puthex32_nox:
	pushal
	mov	$8, %cx
	jmp	1f
puthex8:
	pushal
	push	%si
	mov	$msg_0x, %si
	call	puts
	pop	%si
	shl	$24, %eax
	mov	$2, %cx
1:	rol	$4, %eax
	push	%eax
	and	$0x0F, %al
	add	$0x30, %al
	cmp	$0x39, %al
	jbe	2f
	add	$7, %al
2:	call	putc
	pop	%eax
	loop	1b
	popal
	ret

/* EAX in decimal */
putdec:
	pushal
	mov	$10, %ecx
	xor	%bx, %bx
1:	xor	%edx, %edx
	div	%ecx
	push	%dx
	inc	%bx
	test	%eax, %eax
	jnz	1b
2:	pop	%ax
	add	$0x30, %al
	call	putc
	dec	%bx
	jnz	2b
	popal
	ret

/* EAX bytes as "N KiB" (rounded up) */
putkib:
	push	%eax
	add	$1023, %eax
	rcr	$1, %eax		/* keep the carry of the add */
	shr	$9, %eax
	call	putdec
	pop	%eax
	push	%si
	mov	$msg_kib, %si
	call	puts
	pop	%si
	ret

/* ------------------------------------------------------------------ */
/* data */

uart_tab:
	.byte	0xF9, 0x00		/* IER = 0 */
	.byte	0xFB, 0x80		/* LCR: DLAB */
	.byte	0xF8, 0x01		/* DLL = 1 (115200) */
	.byte	0xF9, 0x00		/* DLM = 0 */
	.byte	0xFB, 0x03		/* LCR: 8N1 */
	.byte	0xFA, 0xC7		/* FCR: FIFO on, clear */
	.byte	0xFC, 0x03		/* MCR: DTR RTS */

	.p2align 3
gdt:
	.quad	0
	.quad	0x00CF9A000000FFFF	/* 0x08 code, flat 4 GiB, 32-bit */
	.quad	0x00CF92000000FFFF	/* 0x10 data, flat 4 GiB */
	.quad	0x00009A000000FFFF	/* 0x18 code, 64 KiB, 16-bit */
	.quad	0x000092000000FFFF	/* 0x20 data, 64 KiB, 16-bit */
gdt_end:
	.p2align 2
	.word	0
gdtr:
	.word	gdt_end - gdt - 1
	.long	gdt

	.p2align 2
dap:		.fill	16, 1, 0
e820buf:	.fill	24, 1, 0
cur_lba:	.long	0
remaining:	.long	0
cur_dest:	.long	0
loaded:		.long	0
need_end:	.long	0
nsect:		.word	0
drive:		.byte	0
tries:		.byte	0
status:		.byte	0

msg_pfx:	.asciz	"seedboot: loader: "
msg_fail:	.asciz	"seedboot: FAIL loader: the kernel was not started\r\n"
msg_hello:	.asciz	"stage 2, boot drive "
msg_badhdr:	.asciz	"bad image header (not a seedboot image?)\r\n"
msg_a20:	.asciz	"cannot enable the A20 gate\r\n"
msg_nommap:	.asciz	"no memory map (INT 15h E820 and E801 failed)\r\n"
msg_mmap:	.asciz	"mem "
msg_plus:	.asciz	" len "
msg_type:	.asciz	" type "
msg_nomem:	.asciz	"not enough memory: kernel and closure need usable RAM up to "
msg_nomem2:	.asciz	"\r\n"
msg_load1:	.asciz	"loading kernel "
msg_load2:	.asciz	", closure "
msg_at:		.asciz	" at "
msg_kib:	.asciz	" KiB"
msg_start:	.asciz	"starting kernel at "
msg_readerr:	.asciz	"disk read error at LBA "
msg_count:	.asciz	" ("
msg_status:	.asciz	" sectors, BIOS status "
msg_rparen:	.asciz	")\r\n"
msg_0x:		.asciz	"0x"
msg_crlf:	.asciz	"\r\n"
