/* Load the flat user data segment into the data registers, once at boot. */
#include "mmu.h"
.text
.globl load_segments
load_segments:
	movw $SEG_UDATA, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %fs
	movw %ax, %gs
	movw $SEG_KDATA, %ax
	movw %ax, %ss
	ljmp $SEG_KCODE, $1f
1:	ret
