#include "sys.h"

SYSCALL(unlink)
{
	UNUSED_ARGS();
	char *path;
	int r = path_get(a0, &path);
	if (r < 0)
		return r;
	r = fs_unlink(myproc()->cwd, path);
	path_put(path);
	return r;
}
