#include "sys.h"

#define CLOCK_TAI 11

/*
 * Every clock (realtime, monotonic, CPU time, TAI) counts from boot. The
 * alarm clocks (8, 9) are -EINVAL, as on Linux without a real-time clock.
 */
SYSCALL(clock_gettime)
{
	UNUSED_ARGS();
	if (a0 > 7 && a0 != CLOCK_TAI)
		return -EINVAL;
	uint64_t t = clock_ns();
	uint32_t ts[2] = { (uint32_t)(t / 1000000000), (uint32_t)(t % 1000000000) };
	return copy_to_user(a1, ts, sizeof(ts));
}
