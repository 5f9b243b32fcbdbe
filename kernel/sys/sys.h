/* What every system call file needs. Arguments arrive as the six i386 registers. */
#ifndef KERNEL_SYS_SYS_H
#define KERNEL_SYS_SYS_H

#include "../proc.h"
#include "../errno.h"

#define SYSCALL(name) long sys_##name(uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5)
#define UNUSED_ARGS(...) (void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5

/* a path from user memory, in a page of its own; free it with path_put */
int path_get(uint32_t upath, char **out);
void path_put(char *path);

/* the inode a user path names, from the current directory; the caller puts it */
int user_path_lookup(uint32_t upath, struct inode **out);

/*
 * How many leading bytes of [uaddr, uaddr + n) the process can access. Linux's
 * read and write move bytes until they meet a bad page, and fail with -EFAULT
 * only when none moved.
 */
size_t user_span(uintptr_t uaddr, size_t n, int write);

/* the open file behind fd in the current process, or NULL */
struct file *fd_file(uint32_t fd);

/* shared by open and creat, chdir and fchdir */
long do_open(uint32_t upath, int flags, uint32_t mode);
long do_chdir(struct inode *ip);

#endif
