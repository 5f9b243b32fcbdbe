/*
 * Unpack the closure (cpio newc) into the filesystem and check every file
 * against the manifest that comes first in the archive: the image tool writes
 * both in the same order, so the check walks them side by side and needs no
 * memory of its own. A file that does not match stops the boot, named.
 */
#include "defs.h"
#include "arch.h"
#include "../fs/fs.h"

#define MANIFEST "seedboot/manifest"

struct check {
	const char *manifest;	/* inside the closure's memory */
	size_t len, pos;
	uint32_t files;
};

/* The next "HASH  PATH" line of the manifest, or 0 at its end. */
static int next_entry(struct check *c, const char **hash, const char **path, size_t *path_len)
{
	if (c->pos >= c->len)
		return 0;
	const char *line = c->manifest + c->pos;
	size_t n = 0;
	while (c->pos + n < c->len && line[n] != '\n')
		n++;
	c->pos += n + 1;
	if (n < 67 || line[64] != ' ' || line[65] != ' ')
		verdict_fail("closure", "%s: malformed line at byte %u", MANIFEST, (unsigned)(c->pos - n - 1));
	*hash = line;
	*path = line + 66;
	*path_len = n - 66;
	return 1;
}

static int visit(void *ctx, const char *path, const void *data, uint32_t len)
{
	struct check *c = ctx;
	if (!strcmp(path, MANIFEST)) {
		c->manifest = data;
		c->len = len;
		return 0;
	}
	if (!c->manifest)
		verdict_fail("closure", "%s comes before %s in the archive", path, MANIFEST);

	const char *want, *want_path;
	size_t want_len;
	if (!next_entry(c, &want, &want_path, &want_len))
		verdict_fail("closure", "%s is not in %s", path, MANIFEST);
	if (strlen(path) != want_len || memcmp(path, want_path, want_len))
		verdict_fail("closure", "%s found where %s lists %.*s", path, MANIFEST, (int)want_len, want_path);

	struct sha256 s;
	uint8_t digest[32];
	char hex[65];
	sha256_init(&s);
	sha256_update(&s, data, len);
	sha256_final(&s, digest);
	sha256_hex(digest, hex);
	if (memcmp(hex, want, 64))
		verdict_fail("closure", "%s: sha256 %s, but the manifest says %.64s", path, hex, want);
	c->files++;
	return 0;
}

void closure_unpack(const struct bootinfo *bi)
{
	struct check c = { 0 };
	size_t err_at = 0;
	if (!bi->closure_size)
		verdict_fail("closure", "the loader found no closure");
	uint64_t t0 = clock_ns();
	int r = cpio_unpack(fs_root(), P2V(bi->closure_addr), bi->closure_size, visit, &c, &err_at);
	if (r < 0)
		verdict_fail("closure", "cpio archive is corrupt or truncated at byte %u of %u (error %d)",
			     (unsigned)err_at, (unsigned)bi->closure_size, r);
	const char *h, *p;
	size_t n;
	if (!c.manifest)
		verdict_fail("closure", "no %s in the archive", MANIFEST);
	if (next_entry(&c, &h, &p, &n))
		verdict_fail("closure", "%.*s is listed in %s but missing from the archive", (int)n, p, MANIFEST);
	unsigned ms = (unsigned)((clock_ns() - t0) / 1000000);
	kprintf("seedboot: closure %u files, %u bytes, every sha256 checked (%u ms)\n",
		(unsigned)c.files, (unsigned)bi->closure_size, ms);
	mem_release(bi->closure_addr, bi->closure_size);
}

int inode_sha256(struct inode *ip, char out[65])
{
	static uint8_t buf[4096];
	struct sha256 s;
	uint8_t digest[32];
	uint64_t off = 0;
	ssize_t n;
	sha256_init(&s);
	while ((n = inode_read(ip, buf, sizeof(buf), off)) > 0) {
		sha256_update(&s, buf, (size_t)n);
		off += (uint64_t)n;
	}
	if (n < 0)
		return (int)n;
	sha256_final(&s, digest);
	sha256_hex(digest, out);
	return 0;
}
