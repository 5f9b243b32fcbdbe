/* Every system call the kernel implements: Linux i386 number, then name. */
#ifndef KERNEL_SYSCALLS_H
#define KERNEL_SYSCALLS_H

#include "types.h"

#define SYSCALL_LIST(X) \
	X(1, exit) X(2, fork) X(3, read) X(4, write) X(5, open) X(6, close) \
	X(7, waitpid) X(8, creat) X(10, unlink) X(11, execve) X(12, chdir) \
	X(13, time) X(15, chmod) X(19, lseek) X(20, getpid) X(33, access) \
	X(38, rename) X(39, mkdir) X(40, rmdir) X(41, dup) X(45, brk) \
	X(54, ioctl) X(63, dup2) X(64, getppid) X(94, fchmod) X(114, wait4) \
	X(122, uname) X(133, fchdir) X(140, _llseek) X(183, getcwd) \
	X(195, stat64) X(197, fstat64) X(220, getdents64) X(252, exit_group) X(265, clock_gettime)

#define X(nr, name) long sys_##name(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);
SYSCALL_LIST(X)
#undef X

#endif
