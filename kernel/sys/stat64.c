/*
 * stat64 and fstat64, in Linux i386's struct stat64 (Mes's remove() calls
 * stat to tell a directory from a file). Owner root, times 0: nothing in
 * the image has a clock worth recording, and outputs must not depend on one.
 */
#include "sys.h"

struct stat64 {
	uint64_t dev;
	uint8_t pad0[4];
	uint32_t ino32;
	uint32_t mode;
	uint32_t nlink;
	uint32_t uid, gid;
	uint64_t rdev;
	uint8_t pad3[4];
	int64_t size;
	uint32_t blksize;
	uint64_t blocks;
	uint32_t times[6];	/* atime, mtime, ctime, each seconds then nanoseconds */
	uint64_t ino;
} __attribute__((packed));
_Static_assert(sizeof(struct stat64) == 96, "Linux i386 struct stat64 is 96 bytes");

static long put_stat64(struct inode *ip, uint32_t ubuf)
{
	struct stat64 st;
	memset(&st, 0, sizeof(st));
	st.dev = 1;
	st.ino32 = inode_ino(ip);
	st.ino = inode_ino(ip);
	st.mode = inode_mode(ip);
	st.nlink = inode_nlink(ip);
	if (S_ISREG(st.mode))
		st.size = (int64_t)inode_size(ip);
	st.blksize = PAGE_SIZE;
	st.blocks = ((uint64_t)st.size + PAGE_SIZE - 1) / PAGE_SIZE * (PAGE_SIZE / 512);
	return copy_to_user(ubuf, &st, sizeof(st));
}

SYSCALL(stat64)
{
	UNUSED_ARGS();
	struct inode *ip;
	int r = user_path_lookup(a0, &ip);
	if (r < 0)
		return r;
	r = put_stat64(ip, a1);
	inode_put(ip);
	return r;
}

SYSCALL(fstat64)
{
	UNUSED_ARGS();
	struct file *f = fd_file(a0);
	return f ? put_stat64(file_inode(f), a1) : -EBADF;
}
