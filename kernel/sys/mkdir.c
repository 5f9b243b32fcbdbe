#include "sys.h"

SYSCALL(mkdir)
{
	UNUSED_ARGS();
	char *path;
	int r = path_get(a0, &path);
	if (r < 0)
		return r;
	r = fs_mkdir(myproc()->cwd, path, a1 & 07777);
	path_put(path);
	return r;
}
