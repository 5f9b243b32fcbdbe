/*
 * Files and offsets: open, creat, read, write, lseek, _llseek, close,
 * unlink, rename, stat64 and fstat64, with the edge cases bootstrap tools meet: reading past
 * the end, holes, O_TRUNC on an open file, O_APPEND, unlinking an open file,
 * renaming over an existing one, and the errors each call can give.
 */
#include "rt.h"

static char buf[8192];

static void put_file(const char *name, const char *text)
{
	long fd = SYS(open, "name, O_WRONLY|O_CREAT|O_TRUNC, 0644", name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	SYS(write, "fd, text, len", fd, text, rt_strlen(text));
	SYS(close, "fd", fd);
}

static void show_file(const char *name)
{
	long fd = SYS(open, "name, O_RDONLY", name, O_RDONLY);
	long n = SYS(read, "fd, buf, 8192", fd, buf, sizeof(buf));
	rt_show(name, buf, n);
	SYS(close, "fd", fd);
}

static void basics(void)
{
	rt_say("-- basics\n");
	long fd = SYS(creat, "\"a\", 0644", "a", 0644);
	SYS(write, "fd, \"hello world\\n\", 12", fd, "hello world\n", 12);
	SYS(lseek, "fd, 0, SEEK_CUR", fd, 0, SEEK_CUR);
	SYS(read, "fd (write-only), buf, 4", fd, buf, 4);
	SYS(write, "fd, buf, 0", fd, buf, 0);
	SYS(close, "fd", fd);
	SYS(close, "fd again", fd);
	fd = SYS(open, "\"a\", O_RDONLY", "a", O_RDONLY);
	long n = SYS(read, "fd, buf, 5", fd, buf, 5);
	rt_show("read", buf, n);
	n = SYS(read, "fd, buf, 100", fd, buf, 100);
	rt_show("read", buf, n);
	SYS(read, "fd, buf, 100 (at the end)", fd, buf, 100);
	SYS(read, "fd, buf, 0", fd, buf, 0);
	SYS(write, "fd (read-only), \"x\", 1", fd, "x", 1);
	SYS(lseek, "fd, 100, SEEK_SET", fd, 100, SEEK_SET);
	SYS(read, "fd, buf, 10 (past the end)", fd, buf, 10);
	SYS(lseek, "fd, -5, SEEK_END", fd, -5, SEEK_END);
	n = SYS(read, "fd, buf, 10", fd, buf, 10);
	rt_show("read", buf, n);
	SYS(lseek, "fd, -3, SEEK_CUR", fd, -3, SEEK_CUR);
	SYS(lseek, "fd, -1, SEEK_SET", fd, -1, SEEK_SET);
	SYS(lseek, "fd, -100, SEEK_END", fd, -100, SEEK_END);
	SYS(lseek, "fd, 0, 5 (bad whence)", fd, 0, 5);
	SYS(lseek, "fd, 0, SEEK_CUR", fd, 0, SEEK_CUR);
	long long res = -1;
	SYS(_llseek, "fd, 0, 6, &res, SEEK_SET", fd, 0, 6, &res, SEEK_SET);
	rt_say("res = %d\n", (long)res);
	SYS(_llseek, "fd, 0, -2 (64-bit -2), &res, SEEK_END", fd, -1, -2, &res, SEEK_END);
	rt_say("res = %d\n", (long)res);
	SYS(_llseek, "fd, -1, -1 (64-bit -1), &res, SEEK_SET", fd, -1, -1, &res, SEEK_SET);
	SYS(_llseek, "fd, 0, 0, &res, 7 (bad whence)", fd, 0, 0, &res, 7);
	SYS(_llseek, "fd, 0, 0, 16 (bad pointer), SEEK_SET", fd, 0, 0, 16, SEEK_SET);
	SYS(_llseek, "99, 0, 0, &res, SEEK_SET", 99, 0, 0, &res, SEEK_SET);
	SYS(close, "fd", fd);
	SYS(lseek, "99, 0, SEEK_SET", 99, 0, SEEK_SET);
	SYS(read, "99, buf, 1", 99, buf, 1);
	SYS(read, "-1, buf, 1", -1, buf, 1);
	SYS(write, "99, buf, 1", 99, buf, 1);
	SYS(close, "-1", -1);
	SYS(close, "100000", 100000);
}

static void holes(void)
{
	rt_say("-- holes\n");
	long fd = SYS(open, "\"hole\", O_RDWR|O_CREAT, 0644", "hole", O_RDWR | O_CREAT, 0644);
	SYS(lseek, "fd, 10000, SEEK_SET", fd, 10000, SEEK_SET);
	SYS(write, "fd, \"X\", 1", fd, "X", 1);
	SYS(lseek, "fd, 0, SEEK_END", fd, 0, SEEK_END);
	SYS(lseek, "fd, 0, SEEK_SET", fd, 0, SEEK_SET);
	long total = 0, zeros = 0, n;
	char last = 0;
	while ((n = rt_sys(NR_read, fd, (long)buf, sizeof(buf), 0, 0)) > 0) {
		for (long i = 0; i < n; i++)
			zeros += buf[i] == 0;
		last = buf[n - 1];
		total += n;
	}
	rt_say("read the whole file: %d bytes, %d zeros, last byte %c\n", total, zeros, last);
	/* far out: past the direct and single-indirect pages */
	SYS(lseek, "fd, 6000000, SEEK_SET", fd, 6000000, SEEK_SET);
	SYS(write, "fd, \"end\", 3", fd, "end", 3);
	SYS(lseek, "fd, 5999998, SEEK_SET", fd, 5999998, SEEK_SET);
	n = SYS(read, "fd, buf, 10", fd, buf, 10);
	rt_show("read", buf, n);
	SYS(lseek, "fd, 3000000, SEEK_SET", fd, 3000000, SEEK_SET);
	n = SYS(read, "fd, buf, 4", fd, buf, 4);
	rt_show("read", buf, n);
	SYS(lseek, "fd, 0, SEEK_END", fd, 0, SEEK_END);
	SYS(close, "fd", fd);
	/* a whole page written over a page boundary */
	fd = SYS(open, "\"pages\", O_RDWR|O_CREAT|O_TRUNC, 0644", "pages", O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (int i = 0; i < 8192; i++)
		buf[i] = (char)('a' + i % 26);
	SYS(lseek, "fd, 4000, SEEK_SET", fd, 4000, SEEK_SET);
	SYS(write, "fd, buf, 8192", fd, buf, 8192);
	SYS(lseek, "fd, 4090, SEEK_SET", fd, 4090, SEEK_SET);
	n = SYS(read, "fd, buf, 12", fd, buf, 12);
	rt_show("read", buf, n);
	SYS(close, "fd", fd);
}

static void trunc_append(void)
{
	rt_say("-- O_TRUNC and O_APPEND\n");
	long a = SYS(open, "\"t\", O_RDWR|O_CREAT, 0644", "t", O_RDWR | O_CREAT, 0644);
	SYS(write, "a, \"abcdef\", 6", a, "abcdef", 6);
	long b = SYS(open, "\"t\", O_WRONLY|O_TRUNC", "t", O_WRONLY | O_TRUNC);
	SYS(read, "a, buf, 10 (file truncated under it)", a, buf, 10);
	SYS(lseek, "a, 0, SEEK_END", a, 0, SEEK_END);
	SYS(lseek, "a, 2, SEEK_SET", a, 2, SEEK_SET);
	SYS(write, "a, \"XY\", 2", a, "XY", 2);
	SYS(close, "b", b);
	SYS(lseek, "a, 0, SEEK_SET", a, 0, SEEK_SET);
	long n = SYS(read, "a, buf, 10", a, buf, 10);
	rt_show("read", buf, n);
	SYS(close, "a", a);
	SYS(open, "\"t\", O_RDONLY|O_TRUNC", "t", O_RDONLY | O_TRUNC);
	show_file("t");

	a = SYS(open, "\"ap\", O_WRONLY|O_CREAT|O_APPEND, 0644", "ap", O_WRONLY | O_CREAT | O_APPEND, 0644);
	SYS(write, "a, \"12\", 2", a, "12", 2);
	SYS(lseek, "a, 0, SEEK_SET", a, 0, SEEK_SET);
	SYS(write, "a, \"34\", 2", a, "34", 2);
	SYS(lseek, "a, 0, SEEK_CUR", a, 0, SEEK_CUR);
	b = SYS(open, "\"ap\", O_WRONLY", "ap", O_WRONLY);
	SYS(write, "b, \"__\", 2", b, "__", 2);
	SYS(write, "a, \"56\", 2", a, "56", 2);
	SYS(close, "a", a);
	SYS(close, "b", b);
	show_file("ap");
	/* creat on an existing file truncates it */
	a = SYS(creat, "\"ap\", 0644", "ap", 0644);
	SYS(close, "a", a);
	show_file("ap");
}

static void unlink_rename(void)
{
	rt_say("-- unlink and rename\n");
	long fd = SYS(open, "\"u\", O_RDWR|O_CREAT, 0644", "u", O_RDWR | O_CREAT, 0644);
	SYS(write, "fd, \"still here\", 10", fd, "still here", 10);
	SYS(unlink, "\"u\"", "u");
	SYS(open, "\"u\", O_RDONLY", "u", O_RDONLY);
	SYS(unlink, "\"u\"", "u");
	SYS(lseek, "fd, 0, SEEK_SET", fd, 0, SEEK_SET);
	long n = SYS(read, "fd, buf, 100", fd, buf, 100);
	rt_show("read", buf, n);
	SYS(write, "fd, \"!\", 1", fd, "!", 1);
	SYS(lseek, "fd, 0, SEEK_END", fd, 0, SEEK_END);
	SYS(close, "fd", fd);
	long u2 = SYS(open, "\"u\", O_RDWR|O_CREAT|O_EXCL, 0644", "u", O_RDWR | O_CREAT | O_EXCL, 0644);
	SYS(lseek, "u2, 0, SEEK_END (a new, empty file)", u2, 0, SEEK_END);
	SYS(close, "u2", u2);

	put_file("r1", "one");
	put_file("r2", "two");
	long old = SYS(open, "\"r2\", O_RDONLY", "r2", O_RDONLY);
	SYS(rename, "\"r1\", \"r2\"", "r1", "r2");
	SYS(open, "\"r1\", O_RDONLY", "r1", O_RDONLY);
	show_file("r2");
	n = SYS(read, "old (the replaced r2), buf, 10", old, buf, 10);
	rt_show("read", buf, n);
	SYS(close, "old", old);
	SYS(rename, "\"r2\", \"r2\"", "r2", "r2");
	SYS(rename, "\"missing\", \"r3\"", "missing", "r3");
	SYS(rename, "\"r2\", \"nodir/r3\"", "r2", "nodir/r3");
	SYS(rename, "\"r2\", \"r2/x\"", "r2", "r2/x");
	SYS(mkdir, "\"d\", 0755", "d", 0755);
	SYS(mkdir, "\"e\", 0755", "e", 0755);
	put_file("e/x", "x");
	SYS(rename, "\"r2\", \"d\" (file over directory)", "r2", "d");
	SYS(rename, "\"d\", \"r2\" (directory over file)", "d", "r2");
	SYS(rename, "\"d\", \"e\" (over a non-empty directory)", "d", "e");
	SYS(rename, "\"d\", \"d/sub\" (into itself)", "d", "d/sub");
	SYS(rename, "\"e\", \"d\" (over an empty directory)", "e", "d");
	show_file("d/x");
	SYS(rename, "\"r2\", \"d/moved\"", "r2", "d/moved");
	show_file("d/moved");
	SYS(rename, "\"d/moved\", \"r4/\"", "d/moved", "r4/");
	SYS(rename, "16 (bad pointer), \"x\"", 16, "x");

	SYS(unlink, "\"d\"", "d");
	SYS(unlink, "\"missing\"", "missing");
	SYS(unlink, "\"d/moved/x\"", "d/moved/x");
	SYS(unlink, "\"\"", "");
	SYS(unlink, "16 (bad pointer)", 16);
	SYS(unlink, "\"d/x\"", "d/x");
	SYS(unlink, "\"d/moved\"", "d/moved");
}

static void opens(void)
{
	rt_say("-- open errors\n");
	put_file("f", "data");
	SYS(open, "\".\", O_WRONLY", ".", O_WRONLY);
	SYS(open, "\".\", O_RDWR", ".", O_RDWR);
	SYS(open, "\".\", O_RDONLY|O_TRUNC", ".", O_RDONLY | O_TRUNC);
	SYS(open, "\".\", O_RDONLY|O_CREAT, 0644", ".", O_RDONLY | O_CREAT, 0644);
	SYS(open, "\".\", O_WRONLY|O_CREAT, 0644", ".", O_WRONLY | O_CREAT, 0644);
	SYS(open, "\"newdir/\", O_WRONLY|O_CREAT, 0644", "newdir/", O_WRONLY | O_CREAT, 0644);
	long d = SYS(open, "\".\", O_RDONLY", ".", O_RDONLY);
	SYS(read, "d (a directory), buf, 10", d, buf, 10);
	SYS(write, "d (a directory), buf, 10", d, buf, 10);
	SYS(close, "d", d);
	SYS(open, "\"f/\", O_RDONLY", "f/", O_RDONLY);
	SYS(open, "\"f/x\", O_RDONLY", "f/x", O_RDONLY);
	SYS(open, "\"f/x\", O_WRONLY|O_CREAT, 0644", "f/x", O_WRONLY | O_CREAT, 0644);
	SYS(open, "\"f\", O_RDONLY|O_DIRECTORY", "f", O_RDONLY | O_DIRECTORY);
	SYS(open, "\"missing\", O_RDONLY", "missing", O_RDONLY);
	SYS(open, "\"missing/x\", O_WRONLY|O_CREAT, 0644", "missing/x", O_WRONLY | O_CREAT, 0644);
	SYS(open, "\"f\", O_WRONLY|O_CREAT|O_EXCL, 0644", "f", O_WRONLY | O_CREAT | O_EXCL, 0644);
	SYS(open, "\"\", O_RDONLY", "", O_RDONLY);
	SYS(open, "NULL, O_RDONLY", 0, O_RDONLY);
	SYS(open, "16 (bad pointer), O_RDONLY", 16, O_RDONLY);
	long fd = SYS(open, "\"./f/../f\", O_RDONLY", "./f/../f", O_RDONLY);
	SYS(close, "fd", fd);
	fd = SYS(open, "\"./././f\", O_RDONLY", "./././f", O_RDONLY);
	SYS(close, "fd", fd);
	fd = SYS(open, "\"/\", O_RDONLY|O_DIRECTORY", "/", O_RDONLY | O_DIRECTORY);
	SYS(close, "fd", fd);
	SYS(creat, "\".\", 0644", ".", 0644);
	SYS(creat, "\"missing/x\", 0644", "missing/x", 0644);
	static char name[300];
	for (int i = 0; i < 256; i++)
		name[i] = 'n';
	SYS(open, "256 n's, O_RDONLY", name, O_RDONLY);
	SYS(open, "256 n's, O_WRONLY|O_CREAT, 0644", name, O_WRONLY | O_CREAT, 0644);
	name[255] = 0;
	fd = SYS(open, "255 n's, O_WRONLY|O_CREAT, 0644", name, O_WRONLY | O_CREAT, 0644);
	SYS(close, "fd", fd);
	SYS(unlink, "255 n's", name);
}

/* struct stat64 (Linux i386, 96 bytes): the fields that are the same on
   any filesystem; times, device and block counts are not. */
static unsigned char st[96];

static void show_stat(void)
{
	unsigned mode = *(unsigned *)(st + 16), nlink = *(unsigned *)(st + 20);
	long long size = *(long long *)(st + 44);
	rt_say("type %s, mode 0%d%d%d, nlink %d",
	       (mode & 0170000) == 0040000 ? "dir" : (mode & 0170000) == 0100000 ? "file" : "other",
	       (long)(mode >> 6 & 7), (long)(mode >> 3 & 7), (long)(mode & 7), (long)nlink);
	if ((mode & 0170000) == 0100000)
		rt_say(", size %d", (long)size);
	rt_say("\n");
}

static void stats(void)
{
	rt_say("-- stat64 and fstat64\n");
	put_file("s", "twelve bytes");
	SYS(chmod, "\"s\", 0640", "s", 0640);
	SYS(stat64, "\"s\", st", "s", st);
	show_stat();
	unsigned long long ino = *(unsigned long long *)(st + 88);
	long fd = SYS(open, "\"s\", O_RDWR", "s", O_RDWR);
	SYS(write, "fd, \"+\", 1", fd, "+", 1);
	SYS(fstat64, "fd, st", fd, st);
	show_stat();
	rt_say("same inode: %d\n", (long)(ino == *(unsigned long long *)(st + 88)));
	SYS(close, "fd", fd);
	SYS(fstat64, "fd (closed), st", fd, st);
	SYS(mkdir, "\"sd\", 0750", "sd", 0750);
	SYS(mkdir, "\"sd/sub\", 0755", "sd/sub", 0755);
	SYS(stat64, "\"sd\", st", "sd", st);
	show_stat();
	SYS(stat64, "\"sd/\", st", "sd/", st);
	SYS(stat64, "\"s/\" (a file with a slash)", "s/", st);
	SYS(stat64, "\"s/x\" (through a file)", "s/x", st);
	SYS(stat64, "\"missing\", st", "missing", st);
	SYS(stat64, "\"\" (empty), st", "", st);
	SYS(stat64, "\"s\", 1 (a bad buffer)", "s", 1);
	SYS(rmdir, "\"sd/sub\"", "sd/sub");
	SYS(rmdir, "\"sd\"", "sd");
	SYS(unlink, "\"s\"", "s");
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	basics();
	holes();
	trunc_append();
	unlink_rename();
	opens();
	stats();
	return 0;
}
