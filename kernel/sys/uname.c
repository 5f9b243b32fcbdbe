#include "sys.h"

struct utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

/* We implement the Linux i386 ABI, so programs that ask are told Linux. */
SYSCALL(uname)
{
	UNUSED_ARGS();
	static const struct utsname u = {
		"Linux", "seedboot", "6.1.0-seedboot", "#1", "i686", "(none)",
	};
	return copy_to_user(a0, &u, sizeof(u));
}
