/* The PIT drives a tick counter: stage timings and clock_gettime. */
#include "arch.h"
#include "../../defs.h"

static volatile uint64_t tick_count, kernel_tick_count;

void timer_init(void)
{
	uint32_t divisor = 1193182 / TICK_HZ;
	outb(0x43, 0x34);	/* channel 0, rate generator */
	outb(0x40, divisor & 0xff);
	outb(0x40, divisor >> 8);
}

/* Ticks that interrupt the kernel (system calls run with interrupts on)
 * show how much of a stage's time the kernel itself takes. */
void timer_interrupt(int from_user)
{
	tick_count++;
	if (!from_user)
		kernel_tick_count++;
	outb(0x20, 0x20);	/* end of interrupt */
}

uint64_t ticks(void)
{
	return tick_count;
}

uint64_t kernel_ticks(void)
{
	return kernel_tick_count;
}
