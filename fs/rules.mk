FS_SRCS := fs/inode.c fs/data.c fs/dir.c fs/path.c fs/file.c fs/fdtable.c fs/cpio.c fs/chardev.c
