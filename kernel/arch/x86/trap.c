/* Where every interrupt, exception and system call lands. */
#include "arch.h"
#include "../../defs.h"

static const char *const exception_names[32] = {
	[0] = "divide error", [1] = "debug", [2] = "NMI", [3] = "breakpoint",
	[4] = "overflow", [5] = "bound range", [6] = "invalid opcode",
	[7] = "no FPU", [8] = "double fault", [10] = "invalid TSS",
	[11] = "segment not present", [12] = "stack fault",
	[13] = "general protection fault", [14] = "page fault",
	[16] = "FPU error", [17] = "alignment check", [18] = "machine check",
	[19] = "SIMD error",
};

static void dispatch(struct trapframe *tf);

/*
 * Set by every timer tick, acted on when the CPU next returns to a program:
 * a tick that lands while the kernel serves a system call would otherwise be
 * lost to the scheduler, and a program that spends its time in system calls
 * would keep the CPU (Linux does the same with need_resched).
 */
static int tick_pending;

void trap(struct trapframe *tf)
{
	int from_user = (tf->cs & 3) == 3;
	if (from_user)
		kernel_time_enter();
	dispatch(tf);
	if (from_user) {
		if (tick_pending) {
			tick_pending = 0;
			proc_tick();
		}
		kernel_time_leave();
	}
}

static void dispatch(struct trapframe *tf)
{
	if (tf->trapno == 0x80) {
		syscall(tf);
		return;
	}
	if (tf->trapno == 32) {
		timer_interrupt();
		tick_pending = 1;
		return;
	}
	if (tf->trapno >= 32 && tf->trapno < 48) {
		/* spurious or masked IRQ: acknowledge and ignore */
		if (tf->trapno >= 40)
			outb(0xa0, 0x20);
		outb(0x20, 0x20);
		return;
	}

	const char *name = exception_names[tf->trapno] ? exception_names[tf->trapno] : "exception";
	uint32_t addr = tf->trapno == 14 ? read_cr2() : 0;
	if ((tf->cs & 3) == 0)
		panic("kernel %s (vector %u, error %x) at eip %x, address %x",
		      name, tf->trapno, tf->err, tf->eip, addr);
	/* a page fault the kernel cannot serve replaces name with the reason */
	if (tf->trapno == 14 && proc_page_fault(addr, tf->err & 2, &name) == 0) {
		kstats.page_faults++;
		return;
	}
	proc_fault(name, tf->eip, addr);
}
