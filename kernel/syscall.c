/*
 * The system call table: Linux i386 numbers, through int 0x80. An unknown
 * number is logged once, with its Linux name, and gets -ENOSYS.
 */
#include "sys/sys.h"
#include "syscalls.h"

extern const char *const linux_syscall_names[];
extern const unsigned linux_syscall_count;

static long (*const syscalls[])(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t) = {
#define X(nr, name) [nr] = sys_##name,
	SYSCALL_LIST(X)
#undef X
};

static uint8_t reported[512];

void syscall(struct trapframe *tf)
{
	uint32_t nr = tf_sysno(tf);
	long r;
	kstats.syscalls++;
	if (nr < ARRAY_SIZE(syscalls) && syscalls[nr]) {
		r = syscalls[nr](tf_arg0(tf), tf_arg1(tf), tf_arg2(tf), tf_arg3(tf), tf_arg4(tf), tf_arg5(tf));
	} else {
		if (nr >= sizeof(reported) || !reported[nr]) {
			const char *name = nr < linux_syscall_count && linux_syscall_names[nr] ? linux_syscall_names[nr] : "unknown";
			kprintf("seedboot: syscall %u (%s) not implemented, called by pid %d (%s): returning -ENOSYS\n",
				nr, name, myproc()->pid, myproc()->name);
			if (nr < sizeof(reported))
				reported[nr] = 1;
		}
		r = -ENOSYS;
	}
	tf_set_return(tf, (uint32_t)r);
}

int path_get(uint32_t upath, char **out)
{
	char *p = kmalloc(FS_PATH_MAX);
	if (!p)
		return -ENOMEM;
	int r = user_string(p, upath, FS_PATH_MAX);
	if (r < 0) {
		kfree(p, FS_PATH_MAX);
		return r;
	}
	*out = p;
	return 0;
}

void path_put(char *path)
{
	kfree(path, FS_PATH_MAX);
}

int user_path_lookup(uint32_t upath, struct inode **out)
{
	char *path;
	int r = path_get(upath, &path);
	if (r < 0)
		return r;
	r = fs_lookup(myproc()->cwd, path, out);
	path_put(path);
	return r;
}

size_t user_span(uintptr_t uaddr, size_t n, int write)
{
	size_t ok = 0;
	while (ok < n) {
		size_t chunk = PAGE_SIZE - ((uaddr + ok) & (PAGE_SIZE - 1));
		if (chunk > n - ok)
			chunk = n - ok;
		if (user_buffer(uaddr + ok, chunk, write) < 0)
			break;
		ok += chunk;
	}
	return ok;
}

struct file *fd_file(uint32_t fd)
{
	return fd < FD_MAX ? fdt_get(&myproc()->fds, (int)fd) : NULL;
}
