/*
 * The first binaries. The image carries no program but the loader and this
 * kernel: the seeds that stage0-posix starts from (hex0-seed and
 * kaem-optional-seed) are made here from their hex0 sources, and each must
 * hash to the published seed binary's sha256 before anything runs it.
 */
#include "defs.h"
#include "hex0.h"
#include "../fs/fs.h"

#define SEEDS "/seedboot/seeds"

static void build_one(const char *want, const char *out_path, const char *src_path)
{
	static char src[4096];
	static uint8_t bin[sizeof(src) / 2 + 1];
	struct inode *in;
	struct file *out;
	struct hex0 h;
	uint64_t off = 0;
	ssize_t n;
	int r;

	if ((r = fs_lookup(fs_root(), src_path, &in)) < 0)
		verdict_fail("seeds", "%s: cannot open the hex0 source (error %d)", src_path, r);
	if ((r = file_open(fs_root(), out_path, O_WRONLY | O_CREAT | O_TRUNC, 0755, &out)) < 0)
		verdict_fail("seeds", "%s: cannot create (error %d)", out_path, r);
	hex0_init(&h);
	while ((n = inode_read(in, src, sizeof(src), off)) > 0) {
		off += (uint64_t)n;
		size_t len = hex0_feed(&h, src, (size_t)n, bin);
		if (file_write(out, bin, len) != (ssize_t)len)
			verdict_fail("seeds", "%s: write failed", out_path);
	}
	if (hex0_finish(&h) < 0)
		verdict_fail("seeds", "%s: the source ends in the middle of a byte", src_path);
	inode_put(in);

	char got[65];
	inode_sha256(file_inode(out), got);
	file_put(out);
	if (strcmp(got, want))
		verdict_fail("seeds", "%s built from %s has sha256 %s, the published seed has %s",
			     out_path, src_path, got, want);
	kprintf("receipt %s  %s\n", got, out_path);
}

void seeds_build(void)
{
	struct line_reader r;
	char *w[4];
	int n;
	if (lines_open(&r, SEEDS) < 0)
		verdict_fail("seeds", "%s is missing from the closure", SEEDS);
	while ((n = lines_next(&r)) > 0) {
		int words = split_words(r.line, w, 4);
		if (words == 0)
			continue;
		if (words != 3 || strlen(w[0]) != 64)
			verdict_fail("seeds", "%s line %d: want SHA256 OUTPUT HEX0SOURCE", SEEDS, r.lineno);
		build_one(w[0], w[1], w[2]);
	}
	if (n < 0)
		verdict_fail("seeds", "%s line %d is too long", SEEDS, r.lineno + 1);
	lines_close(&r);
	kprintf("seedboot: seeds built from hex0 and checked\n");
}
