#include "sys.h"

/* Every clock (realtime, monotonic, CPU time) counts from boot. */
SYSCALL(clock_gettime)
{
	UNUSED_ARGS();
	if (a0 > 7)
		return -EINVAL;
	uint64_t t = clock_ns();
	uint32_t ts[2] = { (uint32_t)(t / 1000000000), (uint32_t)(t % 1000000000) };
	return copy_to_user(a1, ts, sizeof(ts));
}
