/* What the portable kernel uses of the x86 code. */
#ifndef ARCH_X86_ARCH_H
#define ARCH_X86_ARCH_H

#include "mmu.h"
#include "x86.h"

#define TICK_HZ 100

/* syscall number, arguments and return value in a trap frame (Linux i386 ABI) */
static inline uint32_t tf_sysno(const struct trapframe *tf) { return tf->eax; }
static inline uint32_t tf_arg0(const struct trapframe *tf) { return tf->ebx; }
static inline uint32_t tf_arg1(const struct trapframe *tf) { return tf->ecx; }
static inline uint32_t tf_arg2(const struct trapframe *tf) { return tf->edx; }
static inline uint32_t tf_arg3(const struct trapframe *tf) { return tf->esi; }
static inline uint32_t tf_arg4(const struct trapframe *tf) { return tf->edi; }
static inline uint32_t tf_arg5(const struct trapframe *tf) { return tf->ebp; }
static inline void tf_set_return(struct trapframe *tf, uint32_t v) { tf->eax = v; }
static inline uint32_t tf_pc(const struct trapframe *tf) { return tf->eip; }

/* arch/x86/cpu.c */
void arch_init(void);
void tss_set_kstack(uintptr_t top);
void tf_init_user(struct trapframe *tf, uintptr_t entry, uintptr_t sp);
void swtch(struct context **old, struct context *new);
struct context *context_init(void *kstack_top, struct trapframe **tf_out);
void arch_power_off(int pass) __attribute__((noreturn));

/* arch/x86/timer.c */
void kernel_time_enter(void);	/* a trap from user mode */
void kernel_time_leave(void);	/* the return to user mode */
uint64_t kernel_time_ns(void);	/* the sum of those intervals */
uint64_t clock_ns(void);	/* since boot */

/* arch/x86/serial.c, arch/x86/vga.c */
void serial_init(void);
void serial_putc(char c);
void vga_init(void);
void vga_putc(char c);

typedef uint32_t pgdir_t;

/* arch/x86/vm.c: user address spaces. A pgdir_t is the physical address of
 * a page directory whose upper half is the kernel's. */
#define VM_WRITE 1	/* the caller will write: the page must be writable */
#define VM_ALLOC 2	/* map a zeroed page if none is there */
#define VM_USER_TOP KERNBASE

/* Is va mapped for user access (and writable, if asked)? The system call
 * hot path asks this for every buffer, so it is inline. */
static inline int vm_user_ok(pgdir_t pd, uintptr_t va, int write)
{
	uint32_t pde = ((uint32_t *)P2V(pd))[PDX(va)];
	if (!(pde & PTE_P))
		return 0;
	uint32_t pte = ((uint32_t *)P2V(PTE_ADDR(pde)))[PTX(va)];
	uint32_t need = PTE_P | PTE_U | (write ? PTE_W : 0);
	return (pte & need) == need;
}

void vm_init(void);
pgdir_t vm_new(void);			/* 0 when out of memory */
void vm_free(pgdir_t pd);		/* every user page and table, and pd itself */
int vm_copy(pgdir_t dst, pgdir_t src);	/* copies writable pages, shares read-only ones; -ENOMEM */
size_t vm_pages(pgdir_t pd);		/* user pages and page tables in use */
void *vm_page(pgdir_t pd, uintptr_t va, int flags);	/* kernel address of va's byte, or NULL */
int vm_map(pgdir_t pd, uintptr_t va, void *page);	/* read-only, and one more owner of page */
int vm_protect(pgdir_t pd, uintptr_t va, int writable);
void vm_unmap(pgdir_t pd, uintptr_t va);	/* drops the page, if any (page_free) */
void vm_activate(pgdir_t pd);
void vm_activate_kernel(void);	/* the boot page directory: no user space */

#endif
