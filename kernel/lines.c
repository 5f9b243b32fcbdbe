/* Read a text file of the filesystem line by line (plans, manifests, hashes). */
#include "defs.h"
#include "errno.h"
#include "../fs/fs.h"

int lines_open(struct line_reader *r, const char *path)
{
	r->off = 0;
	r->lineno = 0;
	return fs_lookup(fs_root(), path, &r->ip);
}

int lines_next(struct line_reader *r)
{
	ssize_t n = inode_read(r->ip, r->line, sizeof(r->line) - 1, r->off);
	if (n <= 0)
		return 0;
	ssize_t len = 0;
	while (len < n && r->line[len] != '\n')
		len++;
	if (len == n && len == (ssize_t)sizeof(r->line) - 1)
		return -E2BIG;
	r->line[len] = 0;
	r->off += (uint64_t)(len < n ? len + 1 : len);
	r->lineno++;
	return 1;
}

void lines_close(struct line_reader *r)
{
	inode_put(r->ip);
}

int split_words(char *line, char *words[], int max)
{
	int n = 0;
	char *s = line;
	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			*s++ = 0;
		if (!*s || *s == '#')
			break;
		words[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	*s = 0;
	return n;
}
