/*
 * Time. The PIT interrupts TICK_HZ times a second: after each tick, on the
 * way back to a program, the kernel checks the per-stage time limit and lets
 * another runnable process have the CPU (trap.c). Clock readings come
 * from the TSC instead, calibrated against the PIT at boot, because an
 * emulator that falls behind drops timer interrupts and a tick count would
 * then run slow.
 */
#include "arch.h"
#include "../../defs.h"

static uint64_t tsc_at_boot, tsc_hz;

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* Count TSC cycles across 50 ms of PIT channel 2, as Linux's quick calibration does. */
static void calibrate_tsc(void)
{
	uint16_t count = 1193182 / 20;
	outb(0x61, (inb(0x61) & ~0x02) | 0x01);	/* gate on, speaker off */
	outb(0x43, 0xb0);			/* channel 2, one-shot */
	outb(0x42, count & 0xff);
	outb(0x42, count >> 8);
	uint64_t start = rdtsc();
	for (uint32_t spins = 0; !(inb(0x61) & 0x20); spins++)
		if (spins == 100000000)
			panic("timer: PIT channel 2 never finished its 50 ms count");
	tsc_hz = (rdtsc() - start) * 20;
	if (!tsc_hz)
		panic("timer: the TSC does not advance");
}

void timer_init(void)
{
	tsc_at_boot = rdtsc();
	calibrate_tsc();
	uint32_t divisor = 1193182 / TICK_HZ;
	outb(0x43, 0x34);	/* channel 0, rate generator */
	outb(0x40, divisor & 0xff);
	outb(0x40, divisor >> 8);
}

void timer_interrupt(void)
{
	outb(0x20, 0x20);	/* end of interrupt */
}

/*
 * The kernel's share of the time, by the TSC: from each trap out of user
 * mode to the next return to user mode, whichever process that is. Timer
 * ticks cannot measure it under an emulator, which delivers interrupts only
 * between its translated blocks: on the stage0-posix chain under QEMU's TCG
 * 58% of the ticks found the kernel running while the TSC said 15%.
 */
static uint64_t kernel_tsc, entered_at;

void kernel_time_enter(void)
{
	entered_at = rdtsc();
}

void kernel_time_leave(void)
{
	kernel_tsc += rdtsc() - entered_at;
}

uint64_t kernel_time_ns(void)
{
	return kernel_tsc / tsc_hz * 1000000000ull + kernel_tsc % tsc_hz * 1000000000ull / tsc_hz;
}

uint64_t clock_ns(void)
{
	uint64_t t = rdtsc() - tsc_at_boot;
	return t / tsc_hz * 1000000000ull + t % tsc_hz * 1000000000ull / tsc_hz;
}
