/*
 * Interrupt and exception entry. Every vector pushes an error code (a zero
 * when the CPU does not) and its number, then joins alltraps, which saves
 * the general registers and calls trap(tf). The data segments are the flat
 * user data segment in user and kernel mode alike (as Linux does), so no
 * segment register is reloaded on this path: int 0x80 is the hot path.
 */
#include "mmu.h"

.macro vector n
.globl vector\n
vector\n:
	.if (\n == 8 || (\n >= 10 && \n <= 14) || \n == 17)
	.else
	pushl $0
	.endif
	pushl $\n
	jmp alltraps
.endm

.text
.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
vector \n
.endr
.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
vector \n
.endr
vector 128

alltraps:
	pushal
	pushl %esp
	call trap
	addl $4, %esp
.globl trapret
trapret:
	popal
	addl $8, %esp
	iret

/* the vector addresses, for the IDT */
.section .rodata
.globl vectors
vectors:
.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.long vector\n
.endr
.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	.long vector\n
.endr
.globl vector_syscall_addr
vector_syscall_addr:
	.long vector128
