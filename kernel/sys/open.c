#include "sys.h"

long do_open(uint32_t upath, int flags, uint32_t mode)
{
	struct proc *p = myproc();
	char *path;
	struct file *f;
	int r = path_get(upath, &path);
	if (r < 0)
		return r;
	/* as Linux: with no descriptor free, fail before creating or truncating anything */
	if ((r = fdt_free_fd(&p->fds, 0)) < 0) {
		path_put(path);
		return r;
	}
	r = file_open(p->cwd, path, flags, mode, &f);
	path_put(path);
	if (r < 0)
		return r;
	r = fdt_install(&p->fds, f, 0, (flags & O_CLOEXEC) != 0);
	if (r < 0)
		file_put(f);
	return r;
}

SYSCALL(open)
{
	UNUSED_ARGS();
	return do_open(a0, (int)a1, a2);
}
