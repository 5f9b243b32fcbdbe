#include "sys.h"

SYSCALL(rmdir)
{
	UNUSED_ARGS();
	char *path;
	int r = path_get(a0, &path);
	if (r < 0)
		return r;
	r = fs_rmdir(myproc()->cwd, path);
	path_put(path);
	return r;
}
