/*
 * Processes and the scheduler. The kernel runs a stage by spawning its first
 * process and calling proc_run_until_exit, which round-robins over the
 * runnable processes (on the boot stack, as xv6's scheduler does) until that
 * process has exited. A process leaves the CPU when it waits for a child,
 * exits, or is preempted by the timer while in user mode.
 */
#include "proc.h"
#include "errno.h"

static struct proc procs[NPROC];
static char kstacks[NPROC][KSTACK_SIZE] __attribute__((aligned(16)));
static struct proc *current;
static struct context *scheduler_context;
static int next_pid = 1;

struct proc *myproc(void)
{
	return current;
}

static void *kstack_top(struct proc *p)
{
	return kstacks[p - procs] + KSTACK_SIZE;
}

static struct proc *proc_alloc(void)
{
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (p->state != UNUSED)
			continue;
		memset(p, 0, sizeof(*p));
		p->pgdir = vm_new();
		if (!p->pgdir)
			return NULL;
		p->pid = next_pid++;
		p->context = context_init(kstack_top(p), &p->tf);
		return p;
	}
	return NULL;
}

/* Release what a process holds; its slot stays until it is reaped. */
static void proc_release(struct proc *p)
{
	fdt_close_all(&p->fds);
	if (p->cwd)
		inode_put(p->cwd);
	p->cwd = NULL;
	if (p == current)
		vm_activate_kernel();
	vm_free(p->pgdir);
	p->pgdir = 0;
}

static void proc_reap(struct proc *p)
{
	p->state = UNUSED;
}

static void sched(void)
{
	swtch(&current->context, scheduler_context);
}

struct proc *proc_spawn(const char *path, char *const argv[], char *const envp[], struct inode *cwd, int *err)
{
	struct proc *p = proc_alloc();
	if (!p) {
		*err = -EAGAIN;
		return NULL;
	}
	inode_get(cwd);
	p->cwd = cwd;
	fdt_init(&p->fds);
	for (int fd = 0; fd < 3; fd++) {
		struct file *f;
		int r = file_open(fs_root(), "/dev/console", O_RDWR, 0, &f);
		if (r < 0)
			panic("cannot open /dev/console: %d", r);
		fdt_install(&p->fds, f, fd, 0);
	}
	struct proc *saved = current;
	current = p;
	*err = exec(path, argv, envp, 0);
	current = saved;
	if (*err < 0) {
		proc_release(p);
		proc_reap(p);
		return NULL;
	}
	p->state = RUNNABLE;
	return p;
}

static void free_orphans(void)
{
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (p->state == UNUSED)
			continue;
		if (p->state != ZOMBIE)
			proc_release(p);
		proc_reap(p);
	}
}

int proc_run_until_exit(struct proc *root)
{
	struct proc *next = procs;
	while (root->state != ZOMBIE) {
		struct proc *p = NULL;
		for (int i = 0; i < NPROC; i++) {
			struct proc *q = procs + (next - procs + i) % NPROC;
			if (q->state == RUNNABLE) {
				p = q;
				break;
			}
		}
		if (!p)
			verdict_fail(current_stage, "every process is waiting: deadlock (first process pid %d)", root->pid);
		next = p + 1 == procs + NPROC ? procs : p + 1;
		p->state = RUNNING;
		current = p;
		tss_set_kstack((uintptr_t)kstack_top(p));
		vm_activate(p->pgdir);
		swtch(&scheduler_context, p->context);
		current = NULL;
	}
	int status = root->status;
	free_orphans();
	return status;
}

void proc_tick(void)
{
	stage_tick();
	for (struct proc *p = procs; p < procs + NPROC; p++) {
		if (p->state == RUNNABLE) {
			current->state = RUNNABLE;
			sched();
			return;
		}
	}
}

int proc_fork(void)
{
	struct proc *parent = current;
	if (!mem_enough(vm_pages(parent->pgdir)))
		return -ENOMEM;
	struct proc *child = proc_alloc();
	if (!child)
		return -EAGAIN;
	if (vm_copy(child->pgdir, parent->pgdir) < 0) {
		vm_free(child->pgdir);
		child->state = UNUSED;
		return -ENOMEM;
	}
	child->parent = parent;
	child->brk_base = parent->brk_base;
	child->brk = parent->brk;
	inode_get(parent->cwd);
	child->cwd = parent->cwd;
	fdt_fork(&child->fds, &parent->fds);
	memcpy(child->name, parent->name, sizeof(child->name));
	*child->tf = *parent->tf;
	tf_set_return(child->tf, 0);
	child->state = RUNNABLE;
	kstats.forks++;
	return child->pid;
}

void proc_exit(int status)
{
	struct proc *p = current;
	proc_release(p);
	for (struct proc *c = procs; c < procs + NPROC; c++) {
		if (c->parent != p)
			continue;
		c->parent = NULL;
		if (c->state == ZOMBIE)
			proc_reap(c);
	}
	p->status = status;
	p->state = ZOMBIE;
	/* a stage's first process has no parent: proc_run_until_exit collects it */
	if (p->parent && p->parent->state == WAITING)
		p->parent->state = RUNNABLE;
	sched();
	panic("zombie %d ran again", p->pid);
}

#define WNOHANG 1

int proc_wait(int pid, uint32_t status_uaddr, int options)
{
	struct proc *p = current;
	for (;;) {
		int children = 0;
		for (struct proc *c = procs; c < procs + NPROC; c++) {
			if (c->state == UNUSED || c->parent != p || (pid > 0 && c->pid != pid))
				continue;
			children++;
			if (c->state != ZOMBIE)
				continue;
			int found = c->pid, status = c->status;
			proc_reap(c);
			/* as Linux: the child is reaped even when its status cannot be stored */
			if (status_uaddr && copy_to_user(status_uaddr, &status, 4) < 0)
				return -EFAULT;
			return found;
		}
		if (!children)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		p->state = WAITING;
		sched();
	}
}

/*
 * Demand paging: the heap and the stack get zeroed pages on first touch.
 * Anything else is a fault the process dies of; *why says which, in words.
 */
#define STACK_GUARD (1u << 20)	/* faults this far below the stack's limit are overflows */
_Static_assert(USER_STACK_MAX == 8192u << 10, "the stack overflow message names the limit");

int proc_page_fault(uintptr_t addr, int write, const char **why)
{
	struct proc *p = current;
	uintptr_t stack_limit = USER_STACK_TOP - USER_STACK_MAX;
	int in_heap = addr >= p->brk_base && addr < PGROUNDUP(p->brk);
	int in_stack = addr < USER_STACK_TOP && addr >= stack_limit;
	if (vm_page(p->pgdir, addr, 0)) {
		*why = write ? "page fault (write to a read-only page)" : "page fault";
		return -EFAULT;
	}
	if (addr >= VM_USER_TOP) {
		*why = "page fault (kernel memory)";
		return -EFAULT;
	}
	if (!in_heap && !in_stack) {
		*why = addr < stack_limit && addr >= stack_limit - STACK_GUARD
			? "stack overflow (past the 8192 KiB stack limit)"
			: "page fault (nothing mapped there)";
		return -EFAULT;
	}
	if (!vm_page(p->pgdir, addr, VM_ALLOC)) {
		*why = "out of memory (no free page for the heap or stack)";
		return -ENOMEM;
	}
	return 0;
}

void proc_fault(const char *what, uintptr_t pc, uintptr_t addr)
{
	struct proc *p = current;
	kprintf("seedboot: process %d (%s) killed: %s at eip 0x%x, address 0x%x\n",
		p->pid, p->name, what, (unsigned)pc, (unsigned)addr);
	verdict_fail(current_stage, "process %d (%s): %s at eip 0x%x, address 0x%x",
		     p->pid, p->name, what, (unsigned)pc, (unsigned)addr);
}
