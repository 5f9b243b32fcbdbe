#include "sys.h"

SYSCALL(rename)
{
	UNUSED_ARGS();
	char *from, *to;
	int r = path_get(a0, &from);
	if (r < 0)
		return r;
	if ((r = path_get(a1, &to)) == 0) {
		r = fs_rename(myproc()->cwd, from, to);
		path_put(to);
	}
	path_put(from);
	return r;
}
