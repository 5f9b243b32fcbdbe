/*
 * Directories and paths: mkdir, rmdir, chdir, fchdir, getcwd, getdents64,
 * access, chmod and fchmod; a deep tree, long names and long paths. Paths
 * from getcwd are printed relative to the directory the program started in,
 * and directory listings sorted by name, as neither is Linux's to fix.
 */
#include "rt.h"

static char base[4096], cwd[8192], dents[16384];
static unsigned long baselen;

static void show_cwd(void)
{
	long r = rt_sys(NR_getcwd, (long)cwd, sizeof(cwd), 0, 0, 0);
	if (r < 0) {
		rt_say("getcwd(buf, 8192) = %e\n", r);
		return;
	}
	unsigned long n = rt_strlen(cwd);
	int inside = n >= baselen;
	for (unsigned long i = 0; inside && i < baselen; i++)
		inside = cwd[i] == base[i];
	if (!inside)
		rt_say("getcwd(buf, 8192) = %d, outside the start directory, \"%s\"\n", r, cwd);
	else if (n - baselen > 60)
		rt_say("getcwd(buf, 8192) = %s, BASE + %u more bytes\n",
		       (unsigned long)r == n + 1 ? "length + 1" : "wrong length", n - baselen);
	else
		rt_say("getcwd(buf, 8192) = %s, \"BASE%s\"\n",
		       (unsigned long)r == n + 1 ? "length + 1" : "wrong length", cwd + baselen);
}

struct ent {
	const char *name;
	int type;
};

/* one directory, every entry, sorted by name: "name/type" */
static void list(const char *path)
{
	static struct ent ents[600];
	long fd = SYS(open, "path, O_RDONLY|O_DIRECTORY", path, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return;
	int n = 0;
	long got, total = 0;
	while ((got = rt_sys(NR_getdents64, fd, (long)dents + total, sizeof(dents) - total, 0, 0)) > 0)
		total += got;
	rt_say("getdents64(fd, buf, ...) until 0: %d bytes, then %e\n", total, got);
	for (long off = 0; off < total && n < 600; n++) {
		unsigned short reclen = *(unsigned short *)(dents + off + 16);
		ents[n].name = dents + off + 19;
		ents[n].type = dents[off + 18];
		off += reclen;
	}
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			const char *a = ents[j - 1].name, *b = ents[j].name;
			while (*a && *a == *b)
				a++, b++;
			if ((unsigned char)*a <= (unsigned char)*b)
				break;
			struct ent t = ents[j];
			ents[j] = ents[j - 1];
			ents[j - 1] = t;
		}
	rt_say("%s has %d entries:", path, n);
	for (int i = 0; i < n && i < 40; i++)
		rt_say(" %s/%d", ents[i].name, ents[i].type);
	rt_say("%s\n", n > 40 ? " ..." : "");
	SYS(close, "fd", fd);
}

static void touch(const char *name, int mode)
{
	long fd = SYS(open, "name, O_WRONLY|O_CREAT|O_TRUNC, mode", name, O_WRONLY | O_CREAT | O_TRUNC, mode);
	SYS(close, "fd", fd);
}

static void basics(void)
{
	rt_say("-- mkdir, chdir, getcwd, rmdir\n");
	show_cwd();
	SYS(getcwd, "buf, 1", cwd, 1);
	SYS(getcwd, "buf, 0", cwd, 0);
	SYS(getcwd, "16 (bad pointer), 4096", 16, 4096);
	SYS(mkdir, "\"d\", 0755", "d", 0755);
	SYS(mkdir, "\"d\", 0755", "d", 0755);
	SYS(mkdir, "\"d/e/\", 0700", "d/e/", 0700);
	SYS(mkdir, "\"x/y\", 0755", "x/y", 0755);
	SYS(mkdir, "\"\", 0755", "", 0755);
	SYS(mkdir, "\".\", 0755", ".", 0755);
	SYS(mkdir, "16 (bad pointer), 0755", 16, 0755);
	touch("f", 0644);
	SYS(mkdir, "\"f\", 0755", "f", 0755);
	SYS(mkdir, "\"f/x\", 0755", "f/x", 0755);
	SYS(chdir, "\"d/e\"", "d/e");
	show_cwd();
	SYS(chdir, "\"../..\"", "../..");
	show_cwd();
	SYS(chdir, "\"f\"", "f");
	SYS(chdir, "\"missing\"", "missing");
	SYS(chdir, "\"\"", "");
	SYS(chdir, "16 (bad pointer)", 16);
	long dfd = SYS(open, "\"d\", O_RDONLY|O_DIRECTORY", "d", O_RDONLY | O_DIRECTORY);
	long ffd = SYS(open, "\"f\", O_RDONLY", "f", O_RDONLY);
	SYS(fchdir, "dfd", dfd);
	show_cwd();
	SYS(fchdir, "ffd", ffd);
	SYS(fchdir, "99", 99);
	SYS(chdir, "\"..\"", "..");
	show_cwd();
	SYS(close, "dfd", dfd);
	SYS(close, "ffd", ffd);
	SYS(rmdir, "\"d\"", "d");
	SYS(rmdir, "\"f\"", "f");
	SYS(rmdir, "\"missing\"", "missing");
	SYS(rmdir, "\"d/e/.\"", "d/e/.");
	SYS(rmdir, "\"d/e/..\"", "d/e/..");
	SYS(rmdir, "\"d/e\"", "d/e");
	SYS(rmdir, "\"d/\"", "d/");
	SYS(rmdir, "\"d\"", "d");
	SYS(rmdir, "16 (bad pointer)", 16);
	SYS(chdir, "\"/\"", "/");
	SYS(chdir, "\"..\"", "..");
	SYS(getcwd, "buf, 4096 (at the root)", cwd, 4096);
	rt_show("getcwd", cwd, rt_strlen(cwd));
	SYS(chdir, "base", base);
	show_cwd();
}

static void removed_cwd(void)
{
	rt_say("-- a removed working directory\n");
	SYS(mkdir, "\"gone\", 0755", "gone", 0755);
	SYS(chdir, "\"gone\"", "gone");
	SYS(rmdir, "base/gone", "../gone");
	SYS(open, "\"new\", O_WRONLY|O_CREAT, 0644", "new", O_WRONLY | O_CREAT, 0644);
	SYS(mkdir, "\"sub\", 0755", "sub", 0755);
	long fd = SYS(open, "\".\", O_RDONLY", ".", O_RDONLY);
	SYS(getdents64, "fd, buf, 16384", fd, dents, sizeof(dents));
	SYS(close, "fd", fd);
	SYS(chdir, "\"..\"", "..");
	show_cwd();
}

static void listings(void)
{
	rt_say("-- getdents64\n");
	SYS(mkdir, "\"l\", 0755", "l", 0755);
	list("l");
	touch("l/b", 0644);
	touch("l/a", 0644);
	SYS(mkdir, "\"l/sub\", 0755", "l/sub", 0755);
	touch("l/c", 0644);
	list("l");
	long fd = SYS(open, "\"l\", O_RDONLY", "l", O_RDONLY);
	SYS(getdents64, "fd, buf, 10 (too small)", fd, dents, 10);
	SYS(getdents64, "fd, 16 (bad pointer), 4096", fd, 16, 4096);
	SYS(getdents64, "99, buf, 4096", 99, dents, 4096);
	long ffd = SYS(open, "\"l/a\", O_RDONLY", "l/a", O_RDONLY);
	SYS(getdents64, "ffd (a file), buf, 4096", ffd, dents, 4096);
	SYS(close, "ffd", ffd);
	/* names removed while the directory is open are not listed again */
	SYS(getdents64, "fd, buf, 48 (room for two records)", fd, dents, 48);
	SYS(unlink, "\"l/c\"", "l/c");
	SYS(unlink, "\"l/b\"", "l/b");
	SYS(lseek, "fd, 0, SEEK_SET", fd, 0, SEEK_SET);
	SYS(getdents64, "fd, buf, 16384 (from the start again)", fd, dents, sizeof(dents));
	SYS(getdents64, "fd, buf, 16384", fd, dents, sizeof(dents));
	SYS(close, "fd", fd);
	list("l");
	static char name[8];
	for (int i = 0; i < 300; i++) {
		name[0] = 'l';
		name[1] = '/';
		name[2] = (char)('a' + i / 26 / 26 % 26);
		name[3] = (char)('a' + i / 26 % 26);
		name[4] = (char)('a' + i % 26);
		name[5] = 0;
		rt_sys(NR_close, rt_sys(NR_open, (long)name, O_WRONLY | O_CREAT, 0644, 0, 0), 0, 0, 0, 0);
	}
	rt_say("made 300 files in l\n");
	list("l");
	for (int i = 0; i < 300; i += 2) {
		name[2] = (char)('a' + i / 26 / 26 % 26);
		name[3] = (char)('a' + i / 26 % 26);
		name[4] = (char)('a' + i % 26);
		rt_sys(NR_unlink, (long)name, 0, 0, 0, 0);
	}
	rt_say("removed every other one\n");
	list("l");
}

static void modes(void)
{
	rt_say("-- access, chmod, fchmod\n");
	touch("m", 0644);
	SYS(access, "\"m\", F_OK", "m", F_OK);
	SYS(access, "\"m\", R_OK|W_OK", "m", R_OK | W_OK);
	SYS(access, "\"m\", X_OK", "m", X_OK);
	SYS(chmod, "\"m\", 0755", "m", 0755);
	SYS(access, "\"m\", X_OK", "m", X_OK);
	SYS(chmod, "\"m\", 0001", "m", 0001);
	SYS(access, "\"m\", X_OK", "m", X_OK);
	SYS(access, "\"m\", R_OK|W_OK|X_OK", "m", R_OK | W_OK | X_OK);
	long fd = SYS(open, "\"m\", O_RDONLY", "m", O_RDONLY);
	SYS(fchmod, "fd, 0600", fd, 0600);
	SYS(access, "\"m\", X_OK", "m", X_OK);
	SYS(fchmod, "fd, 04755", fd, 04755);
	SYS(access, "\"m\", X_OK", "m", X_OK);
	SYS(close, "fd", fd);
	SYS(fchmod, "fd (closed), 0644", fd, 0644);
	SYS(access, "\"m\", 8 (bad mode)", "m", 8);
	SYS(access, "\"missing\", F_OK", "missing", F_OK);
	SYS(access, "\"m/x\", F_OK", "m/x", F_OK);
	SYS(access, "\".\", X_OK", ".", X_OK);
	SYS(access, "16 (bad pointer), F_OK", 16, F_OK);
	SYS(chmod, "\"missing\", 0644", "missing", 0644);
	SYS(chmod, "\"m/x\", 0644", "m/x", 0644);
	SYS(chmod, "16 (bad pointer), 0644", 16, 0644);
	touch("new755", 0755);
	SYS(access, "\"new755\", X_OK", "new755", X_OK);
	touch("new600", 0600);
	SYS(access, "\"new600\", X_OK", "new600", X_OK);
	SYS(mkdir, "\"dir000\", 0", "dir000", 0);
	SYS(access, "\"dir000\", X_OK", "dir000", X_OK);
	SYS(chdir, "\"dir000\"", "dir000");
	SYS(chdir, "\"..\"", "..");
}

#define DEPTH 600

/* "dd/" DEPTH times, then "leaf", into path; its length */
static int leaf_path(char *path)
{
	int n = 0;
	for (int i = 0; i < DEPTH; i++) {
		path[n++] = 'd';
		path[n++] = 'd';
		path[n++] = '/';
	}
	for (const char *s = "leaf"; *s; s++)
		path[n++] = *s;
	path[n] = 0;
	return n;
}

static void deep(void)
{
	rt_say("-- a tree %d directories deep\n", DEPTH);
	int made = 0, entered = 0;
	for (int i = 0; i < DEPTH; i++) {
		made += rt_sys(NR_mkdir, (long)"dd", 0755, 0, 0, 0) == 0;
		entered += rt_sys(NR_chdir, (long)"dd", 0, 0, 0, 0) == 0;
	}
	rt_say("mkdir(\"dd\", 0755) and chdir(\"dd\") %d times: %d made, %d entered\n", DEPTH, made, entered);
	show_cwd();
	long fd = SYS(open, "\"leaf\", O_WRONLY|O_CREAT, 0644", "leaf", O_WRONLY | O_CREAT, 0644);
	SYS(write, "fd, \"bottom\", 6", fd, "bottom", 6);
	SYS(close, "fd", fd);
	for (int i = 0; i < DEPTH; i++)
		rt_sys(NR_chdir, (long)"..", 0, 0, 0, 0);
	rt_say("chdir(\"..\") %d times\n", DEPTH);
	show_cwd();
	static char path[8192];
	int n = leaf_path(path);
	rt_say("a path of %d bytes to the leaf:\n", n);
	SYS(open, "path, O_RDONLY", path, O_RDONLY);
	SYS(close, "fd", 3);
	/* "./" repeated, then "l": a path of exactly 4095 bytes, then 4096 */
	for (n = 0; n < 4094; n += 2) {
		path[n] = '.';
		path[n + 1] = '/';
	}
	path[n++] = 'l';
	path[n] = 0;
	rt_say("\"./\" 2047 times, then \"l\": %d bytes\n", n);
	fd = SYS(open, "path, O_RDONLY|O_DIRECTORY", path, O_RDONLY | O_DIRECTORY);
	SYS(close, "fd", fd);
	path[n++] = '/';
	path[n] = 0;
	rt_say("with a trailing \"/\": %d bytes\n", n);
	SYS(open, "path, O_RDONLY|O_DIRECTORY", path, O_RDONLY | O_DIRECTORY);
	SYS(mkdir, "path, 0755", path, 0755);
	SYS(chdir, "path", path);
	SYS(access, "path, F_OK", path, F_OK);
	leaf_path(path);
	/* take the tree down from the bottom */
	int removed = rt_sys(NR_unlink, (long)path, 0, 0, 0, 0) == 0;
	for (int i = DEPTH; i > 0; i--) {
		path[3 * i - 1] = 0;
		removed += rt_sys(NR_rmdir, (long)path, 0, 0, 0, 0) == 0;
	}
	rt_say("unlink the leaf and rmdir every level from the bottom: %d removed\n", removed);
	SYS(access, "\"dd\", F_OK", "dd", F_OK);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	long r = rt_sys(NR_getcwd, (long)base, sizeof(base), 0, 0, 0);
	if (r <= 0) {
		rt_say("getcwd of the start directory: %e\n", r);
		return 1;
	}
	baselen = rt_strlen(base);
	basics();
	removed_cwd();
	listings();
	modes();
	deep();
	return 0;
}
