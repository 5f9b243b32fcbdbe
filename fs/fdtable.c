/* File-descriptor tables. */
#include "fs_internal.h"

void fdt_init(struct fdtable *t)
{
	memset(t, 0, sizeof *t);
}

int fdt_free_fd(const struct fdtable *t, int min_fd)
{
	if (min_fd < 0 || min_fd >= FD_MAX)
		return -EINVAL;
	for (int fd = min_fd; fd < FD_MAX; fd++)
		if (!t->fd[fd])
			return fd;
	return -EMFILE;
}

/* On failure the caller keeps its reference to f. */
int fdt_install(struct fdtable *t, struct file *f, int min_fd, int cloexec)
{
	int fd = fdt_free_fd(t, min_fd);
	if (fd >= 0) {
		t->fd[fd] = f;
		t->cloexec[fd] = cloexec != 0;
	}
	return fd;
}

struct file *fdt_get(struct fdtable *t, int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return NULL;
	return t->fd[fd];
}

int fdt_close(struct fdtable *t, int fd)
{
	struct file *f = fdt_get(t, fd);
	if (!f)
		return -EBADF;
	t->fd[fd] = NULL;
	t->cloexec[fd] = 0;
	file_put(f);
	return 0;
}

int fdt_dup2(struct fdtable *t, int oldfd, int newfd)
{
	struct file *f = fdt_get(t, oldfd);
	if (!f || newfd < 0 || newfd >= FD_MAX)
		return -EBADF;
	if (oldfd == newfd)
		return newfd;
	file_get(f);
	if (t->fd[newfd])
		fdt_close(t, newfd);	/* which also clears its close-on-exec flag */
	t->fd[newfd] = f;
	return newfd;
}

void fdt_fork(struct fdtable *child, const struct fdtable *parent)
{
	for (int fd = 0; fd < FD_MAX; fd++) {
		child->fd[fd] = parent->fd[fd];
		child->cloexec[fd] = parent->cloexec[fd];
		if (child->fd[fd])
			file_get(child->fd[fd]);
	}
}

void fdt_exec(struct fdtable *t)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (t->fd[fd] && t->cloexec[fd])
			fdt_close(t, fd);
}

void fdt_close_all(struct fdtable *t)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (t->fd[fd])
			fdt_close(t, fd);
}
