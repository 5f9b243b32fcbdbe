/*
 * The in-memory filesystem: inodes, directories, paths, open files and
 * file-descriptor tables, and the cpio "newc" unpacker.
 *
 * The same source compiles into the kernel and into host unit tests; the
 * only things it needs from its host are in fs/port.h. Every function that
 * can fail returns a negative Linux errno (-ENOENT, ...) and never crashes
 * on bad input. There is no locking: the kernel is uniprocessor and does
 * not preempt itself.
 */
#ifndef FS_FS_H
#define FS_FS_H

#include "../kernel/types.h"

/* mode bits, as Linux's stat.h */
#define S_IFMT   0170000
#define S_IFIFO  0010000
#define S_IFDIR  0040000
#define S_IFREG  0100000
#define S_IFCHR  0020000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)

/* open flags, as Linux i386 */
#define O_ACCMODE   03
#define O_RDONLY    00
#define O_WRONLY    01
#define O_RDWR      02
#define O_CREAT     0100
#define O_EXCL      0200
#define O_NOCTTY    0400
#define O_TRUNC     01000
#define O_APPEND    02000
#define O_NONBLOCK  04000
#define O_DIRECTORY 0200000
#define O_CLOEXEC   02000000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define FS_NAME_MAX 255
#define FS_PATH_MAX 4096
#define FD_MAX 1024

struct inode;	/* opaque outside fs/ */
struct file;	/* an open file description, shared by dup'd and inherited fds */

struct fdtable {
	struct file *fd[FD_MAX];
	unsigned char cloexec[FD_MAX];
};

/* --- the tree --------------------------------------------------------- */
void fs_init(void);			/* empty root directory, mode 0755 */
struct inode *fs_root(void);
void inode_get(struct inode *ip);
void inode_put(struct inode *ip);	/* frees when no links and no refs */
uint32_t inode_mode(const struct inode *ip);	/* S_IF* | permission bits */
uint64_t inode_size(const struct inode *ip);
uint32_t inode_ino(const struct inode *ip);	/* unique, stable, from 1 (root) */
uint32_t inode_nlink(const struct inode *ip);	/* names that link to it */

/*
 * Path operations. Relative paths start at cwd; absolute at the root.
 * "." and ".." work; ".." of the root is the root; empty path is -ENOENT;
 * a component over FS_NAME_MAX is -ENAMETOOLONG; a non-directory in the
 * middle is -ENOTDIR. Trailing slashes require a directory.
 */
int fs_lookup(struct inode *cwd, const char *path, struct inode **out);	/* out holds a ref */
int fs_mkdir(struct inode *cwd, const char *path, uint32_t mode);	/* -EEXIST */
int fs_unlink(struct inode *cwd, const char *path);	/* -EISDIR for dirs; data lives while open */
int fs_rmdir(struct inode *cwd, const char *path);	/* -ENOTEMPTY */
int fs_rename(struct inode *cwd, const char *from, const char *to);	/* replaces a file */
int fs_chmod(struct inode *ip, uint32_t mode);	/* permission bits only (07777) */
/* Write the absolute path of directory dir into buf (NUL included); returns
 * the length with the NUL, or -ERANGE if size is too small. */
int fs_getcwd(struct inode *dir, char *buf, size_t size);

/* --- regular file data ------------------------------------------------ */
/* Files grow page by page (no global bump pointer), sparse reads give zeros. */
ssize_t inode_read(struct inode *ip, void *buf, size_t n, uint64_t off);
ssize_t inode_write(struct inode *ip, const void *buf, size_t n, uint64_t off);	/* -ENOSPC when out of pages */
int inode_truncate(struct inode *ip, uint64_t size);
/* The page holding bytes [pg * 4096, pg * 4096 + 4096) of a regular file,
 * or NULL (a hole, or not a regular file). Whoever maps it owns it too; fs/
 * then writes a copy instead (fs_page_shared). */
void *inode_page(struct inode *ip, uint32_t pg);

/* --- open files ------------------------------------------------------- */
/* open(2) semantics: O_CREAT (mode & 07777, no umask), O_EXCL, O_TRUNC,
 * O_APPEND, O_DIRECTORY, access mode checks (-EISDIR for writing a
 * directory). The new description has one reference. */
int file_open(struct inode *cwd, const char *path, int flags, uint32_t mode, struct file **out);
void file_get(struct file *f);
void file_put(struct file *f);		/* closes on the last reference */
ssize_t file_read(struct file *f, void *buf, size_t n);	/* -EBADF if not readable, -EISDIR on a dir */
/* of n bytes, how many a read could return: a regular file's end stops it */
size_t file_read_span(const struct file *f, size_t n);
ssize_t file_write(struct file *f, const void *buf, size_t n);	/* -EBADF if not writable */
int64_t file_lseek(struct file *f, int64_t off, int whence);	/* -EINVAL for negative results */
struct inode *file_inode(struct file *f);	/* borrowed */
int file_flags(const struct file *f);
/* getdents64 into buf (Linux struct linux_dirent64); returns bytes or 0 at end */
ssize_t file_getdents64(struct file *f, void *buf, size_t n);

/* --- descriptor tables ------------------------------------------------ */
void fdt_init(struct fdtable *t);
int fdt_free_fd(const struct fdtable *t, int min_fd);	/* lowest free >= min_fd, or -EMFILE */
int fdt_install(struct fdtable *t, struct file *f, int min_fd, int cloexec);	/* lowest free >= min_fd, or -EMFILE; takes over the caller's ref */
struct file *fdt_get(struct fdtable *t, int fd);	/* borrowed, NULL if bad */
int fdt_close(struct fdtable *t, int fd);		/* -EBADF */
int fdt_dup2(struct fdtable *t, int oldfd, int newfd);
void fdt_fork(struct fdtable *child, const struct fdtable *parent);	/* every entry shared, refs taken */
void fdt_exec(struct fdtable *t);	/* closes the close-on-exec fds */
void fdt_close_all(struct fdtable *t);

/* --- character devices ------------------------------------------------ */
/* A device inode's reads and writes go to these; lseek on it is -ESPIPE. */
struct chardev {
	ssize_t (*read)(void *buf, size_t n);
	ssize_t (*write)(const void *buf, size_t n);
};
int fs_mknod_chr(struct inode *cwd, const char *path, uint32_t mode, const struct chardev *dev);

/* --- the cpio "newc" unpacker ----------------------------------------- */
/*
 * Unpack a whole newc archive (magic 070701, TRAILER!!! at the end) into the
 * tree under root. Directories and regular files only; modes kept. Calls
 * visit (if not NULL) once per regular file after writing it, with its path
 * as stored in the archive (no leading "./") and its data, so the caller can
 * hash it; a non-zero return from visit stops the unpack with that value.
 * A malformed or truncated archive returns -EINVAL and sets *err_at to the
 * byte offset of the bad header; it never reads outside [data, data+len).
 */
typedef int (*cpio_visit_fn)(void *ctx, const char *path, const void *data, uint32_t len);
int cpio_unpack(struct inode *root, const void *data, size_t len,
		cpio_visit_fn visit, void *ctx, size_t *err_at);

#endif
