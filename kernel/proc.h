/* A process: one address space, one kernel stack, its files and cwd. */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include "defs.h"
#include "arch.h"
#include "../fs/fs.h"

#define NPROC 64
#define KSTACK_SIZE 8192
#define USER_STACK_TOP VM_USER_TOP
#define USER_STACK_MAX (8u << 20)	/* like Linux's default RLIMIT_STACK */

enum procstate { UNUSED, RUNNABLE, RUNNING, WAITING, ZOMBIE };

struct proc {
	int pid;
	enum procstate state;
	struct proc *parent;	/* NULL for a stage's first process and orphans */
	pgdir_t pgdir;
	uintptr_t brk_base;	/* the heap is [brk_base, brk), mapped on first touch */
	uintptr_t brk;
	struct inode *cwd;
	struct fdtable fds;
	struct trapframe *tf;
	struct context *context;
	int status;		/* the wait status word once a ZOMBIE */
	char name[32];
};

#endif
