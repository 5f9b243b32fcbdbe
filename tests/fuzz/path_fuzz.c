/*
 * Path resolution (fs/path.c) against a model. The input is a small
 * program, one operation a line: the first byte picks the operation
 * (l lookup, m mkdir, c create a file, u unlink, r rmdir, n rename,
 * g getcwd), the second the directory it starts from (among the live
 * ones), the rest is the path, where '*' stands for a 255-byte name and
 * '+' for a 256-byte one; rename's two paths are split at the first ' '. Each operation runs on the real filesystem and on a model of the
 * tree (an array of named nodes with parents) that resolves paths its own
 * way, by Linux's rules: the results must agree, a lookup must find the
 * very node the model names (so ".." never leaves the root), and a found
 * node's path must be the textual normalisation of the path. At the end
 * every live node is looked up by its absolute path and the tree is
 * emptied with nothing left allocated.
 */
#include <stdint.h>
#include <string.h>

#include "../../kernel/errno.h"
#include "fuzz.h"

#define NODES 128
#define LINES 64

struct node {
	int parent;
	int dir;
	int alive;
	char *name;
	struct inode *ip;	/* borrowed: the tree holds it while the node is alive */
};

static struct node node[NODES];
static int nnodes;

static int child(int dir, const char *name, size_t len)
{
	for (int i = 1; i < nnodes; i++)
		if (node[i].alive && node[i].parent == dir && strlen(node[i].name) == len &&
		    memcmp(node[i].name, name, len) == 0)
			return i;
	return -1;
}

static int has_children(int dir)
{
	for (int i = 1; i < nnodes; i++)
		if (node[i].alive && node[i].parent == dir)
			return 1;
	return 0;
}

/* The absolute path of node n, in a malloc'd string. */
static char *abs_path(int n)
{
	if (n == 0)
		return strdup("/");
	char *up = abs_path(node[n].parent);
	size_t len = strlen(up) + strlen(node[n].name) + 2;
	char *s = malloc(len);
	snprintf(s, len, "%s%s%s", up, strcmp(up, "/") ? "/" : "", node[n].name);
	free(up);
	return s;
}

/* A path split into its components: the model's own parse. */
struct parsed {
	int err;
	int dir;		/* the directory holding the last component */
	const char *last;
	size_t len;		/* 0: the path names its start ("/" only) */
	int slash;		/* a '/' follows the last component */
	int toolong;		/* the last component is over FS_NAME_MAX */
};

static int is(const char *s, size_t len, const char *word)
{
	return len == strlen(word) && memcmp(s, word, len) == 0;
}

static struct parsed parse(int cwd, const char *path)
{
	struct parsed p = { 0 };
	if (strlen(path) >= FS_PATH_MAX) {
		p.err = -ENAMETOOLONG;
		return p;
	}
	if (!*path) {
		p.err = -ENOENT;
		return p;
	}
	const char *comp[FS_PATH_MAX / 2 + 1];
	size_t len[FS_PATH_MAX / 2 + 1];
	int n = 0;
	for (const char *s = path; *s;) {
		if (*s == '/') {
			s++;
			continue;
		}
		comp[n] = s;
		while (*s && *s != '/')
			s++;
		len[n] = (size_t)(s - comp[n]);
		n++;
	}
	p.dir = path[0] == '/' ? 0 : cwd;
	if (n == 0) {
		p.last = path;
		return p;
	}
	for (int i = 0; i < n - 1; i++) {
		if (len[i] > FS_NAME_MAX) {
			p.err = -ENAMETOOLONG;
			return p;
		}
		if (is(comp[i], len[i], ".."))
			p.dir = node[p.dir].parent;
		else if (!is(comp[i], len[i], ".")) {
			int c = child(p.dir, comp[i], len[i]);
			if (c < 0 || !node[c].dir) {
				p.err = c < 0 ? -ENOENT : -ENOTDIR;
				return p;
			}
			p.dir = c;
		}
	}
	p.last = comp[n - 1];
	p.len = len[n - 1];
	p.slash = comp[n - 1][len[n - 1]] == '/';
	p.toolong = p.len > FS_NAME_MAX;
	return p;
}

static int dots(const struct parsed *p)
{
	return p->len == 0 || is(p->last, p->len, ".") || is(p->last, p->len, "..");
}

/*
 * The node a path names, or a negative errno. As on Linux, a last name
 * over FS_NAME_MAX fails only where it is looked up: after the checks for
 * "." and "..", and after open(O_CREAT)'s check for a trailing '/'.
 */
static int model_lookup(int cwd, const char *path)
{
	struct parsed p = parse(cwd, path);
	if (p.err)
		return p.err;
	if (p.toolong)
		return -ENAMETOOLONG;
	int n;
	if (p.len == 0 || is(p.last, p.len, "."))
		n = p.dir;
	else if (is(p.last, p.len, ".."))
		n = node[p.dir].parent;
	else if ((n = child(p.dir, p.last, p.len)) < 0)
		return -ENOENT;
	return p.slash && !node[n].dir ? -ENOTDIR : n;
}

/* The path made absolute and normalised as text: no ".", no "..", no empty names. */
static char *normalise(int cwd, const char *path)
{
	char *base = path[0] == '/' ? strdup("") : abs_path(cwd);
	size_t cap = strlen(base) + strlen(path) + 3;
	char *joined = malloc(cap);
	snprintf(joined, cap, "%s/%s", base, path);
	char *out = malloc(cap);
	size_t o = 0;
	for (char *s = joined; *s;) {
		if (*s == '/') {
			s++;
			continue;
		}
		char *c = s;
		while (*s && *s != '/')
			s++;
		size_t len = (size_t)(s - c);
		if (is(c, len, "."))
			continue;
		if (is(c, len, "..")) {
			while (o > 0 && out[--o] != '/')
				;
			continue;
		}
		out[o++] = '/';
		memcpy(out + o, c, len);
		o += len;
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	free(base);
	free(joined);
	return out;
}

static int add_node(int parent, const char *name, size_t len, int dir)
{
	int n = nnodes++;
	node[n] = (struct node){ parent, dir, 1, strndup(name, len), NULL };
	char *path = abs_path(n);
	int r = fs_lookup(fstree_root(), path, &node[n].ip);
	REQUIRE(r == 0, "\"%s\" made, but lookup gives %d", path, r);
	inode_put(node[n].ip);
	free(path);
	return n;
}

static void op_lookup(int cwd, const char *path)
{
	struct inode *ip;
	int r = fs_lookup(node[cwd].ip, path, &ip);
	int want = model_lookup(cwd, path);
	if (want < 0) {
		REQUIRE(r == want, "lookup \"%s\" from node %d: %d, the model says %d", path, cwd, r, want);
		return;
	}
	REQUIRE(r == 0, "lookup \"%s\" from node %d: %d, the model finds node %d", path, cwd, r, want);
	inode_put(ip);
	REQUIRE(ip == node[want].ip, "lookup \"%s\" from node %d: not the model's node %d", path, cwd, want);
	char *text = normalise(cwd, path), *real = abs_path(want);
	REQUIRE(strcmp(text, real) == 0, "\"%s\" from node %d normalises to \"%s\" but names \"%s\"",
		path, cwd, text, real);
	free(text);
	free(real);
}

static void op_mkdir(int cwd, const char *path)
{
	struct parsed p = parse(cwd, path);
	int want = p.err ? p.err : dots(&p) ? -EEXIST : p.toolong ? -ENAMETOOLONG :
		   child(p.dir, p.last, p.len) >= 0 ? -EEXIST : 0;
	if (want == 0 && nnodes == NODES)
		return;
	int r = fs_mkdir(node[cwd].ip, path, 0755);
	REQUIRE(r == want, "mkdir \"%s\" from node %d: %d, the model says %d", path, cwd, r, want);
	if (r == 0)
		add_node(p.dir, p.last, p.len, 1);
}

/* open(path, O_CREAT | O_EXCL | O_WRONLY) */
static void op_create(int cwd, const char *path)
{
	struct parsed p = parse(cwd, path);
	int want = p.err;
	if (!want)
		want = dots(&p) ? -EEXIST : p.slash ? -EISDIR : p.toolong ? -ENAMETOOLONG :
		       child(p.dir, p.last, p.len) >= 0 ? -EEXIST : 0;
	if (want == 0 && nnodes == NODES)
		return;
	struct file *f;
	int r = file_open(node[cwd].ip, path, O_CREAT | O_EXCL | O_WRONLY, 0644, &f);
	REQUIRE(r == want, "create \"%s\" from node %d: %d, the model says %d", path, cwd, r, want);
	if (r == 0) {
		file_put(f);
		add_node(p.dir, p.last, p.len, 0);
	}
}

static void op_unlink(int cwd, const char *path)
{
	struct parsed p = parse(cwd, path);
	int c = -1, want = p.err;
	if (!want && dots(&p))
		want = -EISDIR;
	else if (!want && p.toolong)
		want = -ENAMETOOLONG;
	else if (!want && (c = child(p.dir, p.last, p.len)) < 0)
		want = -ENOENT;
	else if (!want)
		want = node[c].dir ? -EISDIR : p.slash ? -ENOTDIR : 0;
	int r = fs_unlink(node[cwd].ip, path);
	REQUIRE(r == want, "unlink \"%s\" from node %d: %d, the model says %d", path, cwd, r, want);
	if (r == 0)
		node[c].alive = 0;
}

static void op_rmdir(int cwd, const char *path)
{
	struct parsed p = parse(cwd, path);
	int c = -1, want = p.err;
	if (want)
		;
	else if (p.len == 0)
		want = -EBUSY;
	else if (is(p.last, p.len, "."))
		want = -EINVAL;
	else if (is(p.last, p.len, ".."))
		want = -ENOTEMPTY;
	else if (p.toolong)
		want = -ENAMETOOLONG;
	else if ((c = child(p.dir, p.last, p.len)) < 0)
		want = -ENOENT;
	else
		want = !node[c].dir ? -ENOTDIR : has_children(c) ? -ENOTEMPTY : 0;
	int r = fs_rmdir(node[cwd].ip, path);
	REQUIRE(r == want, "rmdir \"%s\" from node %d: %d, the model says %d", path, cwd, r, want);
	if (r == 0)
		node[c].alive = 0;
}

/* Whether node a is node n or one of its ancestors. */
static int encloses(int a, int n)
{
	for (;; n = node[n].parent) {
		if (n == a)
			return 1;
		if (n == 0)
			return 0;
	}
}

/* rename(from, to), Linux's checks in Linux's order */
static void op_rename(int cwd, const char *from, const char *to)
{
	struct parsed a = parse(cwd, from), b = parse(cwd, to);
	int src = -1, dst = -1, want = a.err ? a.err : b.err;
	if (want)
		;
	else if (dots(&a) || dots(&b))
		want = -EBUSY;
	else if (a.toolong)
		want = -ENAMETOOLONG;
	else if ((src = child(a.dir, a.last, a.len)) < 0)
		want = -ENOENT;
	else if (b.toolong)
		want = -ENAMETOOLONG;
	else if (!node[src].dir && (a.slash || b.slash))
		want = -ENOTDIR;
	else if (encloses(src, b.dir))
		want = -EINVAL;
	else if ((dst = child(b.dir, b.last, b.len)) >= 0 && encloses(dst, a.dir))
		want = -ENOTEMPTY;
	else if (dst == src)
		want = 0;
	else if (dst >= 0)
		want = node[src].dir && !node[dst].dir ? -ENOTDIR : !node[src].dir && node[dst].dir ? -EISDIR :
		       has_children(dst) ? -ENOTEMPTY : 0;
	int r = fs_rename(node[cwd].ip, from, to);
	REQUIRE(r == want, "rename \"%s\" to \"%s\" from node %d: %d, the model says %d", from, to, cwd, r, want);
	if (r != 0 || dst == src)
		return;
	if (dst >= 0)
		node[dst].alive = 0;
	node[src].parent = b.dir;
	free(node[src].name);
	node[src].name = strndup(b.last, b.len);
}

/* getcwd into a buffer as long as the line's path */
static void op_getcwd(int cwd, const char *path)
{
	size_t size = strlen(path);
	char *buf = malloc(size + 1);
	char *want = abs_path(cwd);
	int need = (int)strlen(want) + 1;
	int r = fs_getcwd(node[cwd].ip, buf, size);
	REQUIRE(r == (size < (size_t)need ? -ERANGE : need), "getcwd of \"%s\" into %zu bytes: %d", want, size, r);
	REQUIRE(r < 0 || strcmp(buf, want) == 0, "getcwd gives \"%s\", the model \"%s\"", buf, want);
	free(buf);
	free(want);
}

/* A line's path with '*' and '+' written out. */
static char *expand(const uint8_t *s, size_t len)
{
	size_t out = 0;
	for (size_t i = 0; i < len; i++)
		out += s[i] == '*' ? FS_NAME_MAX : s[i] == '+' ? FS_NAME_MAX + 1 : 1;
	char *path = malloc(out + 1), *p = path;
	for (size_t i = 0; i < len; i++) {
		size_t n = s[i] == '*' ? FS_NAME_MAX : s[i] == '+' ? FS_NAME_MAX + 1 : 0;
		if (n) {
			memset(p, s[i] == '*' ? 'N' : 'M', n);
			p += n;
		} else {
			*p++ = (char)s[i];
		}
	}
	*p = '\0';
	return path;
}

static void count(void *ctx, const char *path, struct inode *ip)
{
	(void)path;
	(void)ip;
	(*(size_t *)ctx)++;
}

/* Every live node is where the model says, and the tree has nothing else. */
static void check_all(void)
{
	size_t entries = 0, walked = 0;
	for (int i = 0; i < nnodes; i++) {
		if (!node[i].alive)
			continue;
		entries += i > 0;
		char *path = abs_path(i);
		op_lookup(0, path);
		free(path);
	}
	fstree_walk(fstree_root(), "", count, &walked);
	REQUIRE(walked == entries, "the tree has %zu entries, the model %zu", walked, entries);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char ops[] = "lmcurng";
	nnodes = 0;
	node[nnodes++] = (struct node){ 0, 1, 1, strdup(""), fstree_root() };
	const uint8_t *end = data + size;
	for (int line = 0; line < LINES && data < end; line++) {
		const uint8_t *nl = memchr(data, '\n', (size_t)(end - data));
		const uint8_t *stop = nl ? nl : end;
		uint8_t op = data[0], pick = stop - data > 1 ? data[1] : 0;
		const uint8_t *text = stop - data > 2 ? data + 2 : stop;
		char *path = memchr(text, '\0', (size_t)(stop - text)) ? NULL : expand(text, (size_t)(stop - text));
		data = nl ? nl + 1 : end;
		if (!path)
			continue;	/* a C string has no NUL inside */

		int dirs[NODES], ndirs = 0;
		for (int i = 0; i < nnodes; i++)
			if (node[i].alive && node[i].dir)
				dirs[ndirs++] = i;
		int cwd = dirs[pick % ndirs];
		char *to = strchr(path, ' ');
		switch (strchr(ops, op) && op ? op : ops[op % 7]) {
		case 'l': op_lookup(cwd, path); break;
		case 'm': op_mkdir(cwd, path); break;
		case 'c': op_create(cwd, path); break;
		case 'u': op_unlink(cwd, path); break;
		case 'r': op_rmdir(cwd, path); break;
		case 'n':
			if (to)
				*to++ = '\0';
			op_rename(cwd, path, to ? to : "");
			break;
		case 'g': op_getcwd(cwd, path); break;
		}
		free(path);
	}
	check_all();
	fstree_empty(fstree_root());
	fstree_require_clean();
	for (int i = 0; i < nnodes; i++)
		free(node[i].name);
	return 0;
}
