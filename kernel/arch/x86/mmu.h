/* x86 paging and segmentation constants, shared by C and assembly. */
#ifndef ARCH_X86_MMU_H
#define ARCH_X86_MMU_H

#define PAGE_SIZE 4096
#define PAGE_SHIFT 12

/* The kernel direct-maps physical [0, 2 GiB) at KERNBASE; user space is below. */
#define KERNBASE 0x80000000
#define KERNEL_PHYS 0x00100000
#define DIRECT_MAP_SIZE 0x80000000u

/* page directory / table entry bits */
#define PTE_P 0x001
#define PTE_W 0x002
#define PTE_U 0x004
#define PTE_PS 0x080
#define PTE_G 0x100

#define CR0_PE 0x00000001
#define CR0_WP 0x00010000
#define CR0_PG 0x80000000
#define CR4_PSE 0x00000010
#define CR4_PGE 0x00000080

/* GDT selectors */
#define SEG_KCODE 0x08
#define SEG_KDATA 0x10
#define SEG_UCODE 0x1b
#define SEG_UDATA 0x23
#define SEG_TSS 0x28

#ifndef __ASSEMBLER__
#define P2V(a) ((void *)((uintptr_t)(a) + KERNBASE))
#define V2P(a) ((uintptr_t)(a) - KERNBASE)
#define PGROUNDDOWN(a) ((uintptr_t)(a) & ~(uintptr_t)(PAGE_SIZE - 1))
#define PGROUNDUP(a) PGROUNDDOWN((uintptr_t)(a) + PAGE_SIZE - 1)
#define PDX(va) (((uintptr_t)(va) >> 22) & 0x3ff)
#define PTX(va) (((uintptr_t)(va) >> 12) & 0x3ff)
#define PTE_ADDR(e) ((e) & ~0xfffu)
#endif

#endif
