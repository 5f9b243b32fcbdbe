#include "sys.h"

SYSCALL(execve)
{
	UNUSED_ARGS();
	char *path;
	int r = path_get(a0, &path);
	if (r < 0)
		return r;
	r = exec(path, (char *const *)(uintptr_t)a1, (char *const *)(uintptr_t)a2, 1);
	path_put(path);
	return r;
}
