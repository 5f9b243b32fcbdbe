/* Host tests of the kernel's portable parsers: the hex0 reader, the ELF checks, SHA-256. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../../kernel/elf.h"
#include "../../kernel/errno.h"
#include "../../kernel/hex0.h"
#include "../../kernel/sha256.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	char *buf = malloc(*len + 1);
	if (fread(buf, 1, *len, f) != *len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static size_t decode(const char *src, size_t len, uint8_t *out, size_t chunk, int *finish)
{
	struct hex0 h;
	size_t n = 0;
	hex0_init(&h);
	for (size_t i = 0; i < len; i += chunk)
		n += hex0_feed(&h, src + i, len - i < chunk ? len - i : chunk, out + n);
	*finish = hex0_finish(&h);
	return n;
}

static void test_hex0(void)
{
	uint8_t out[64];
	int fin;
	const char *s = "# a comment 41 42\n41 42;ignored 43\n4\n3 zz 44";
	size_t n = decode(s, strlen(s), out, 1000, &fin);
	CHECK("hex0 comments and separators", n == 4 && !memcmp(out, "ABCD", 4) && fin == 0,
	      "got %zu bytes", n);
	n = decode("414", 3, out, 1000, &fin);
	CHECK("hex0 odd nibble at end is an error", n == 1 && fin == -1, "n=%zu finish=%d", n, fin);
	n = decode("4a 4B", 5, out, 1000, &fin);
	CHECK("hex0 both cases", n == 2 && out[0] == 0x4a && out[1] == 0x4b, "n=%zu", n);
	/* hex0-seed takes 'g'/'G' as a digit worth 16 and keeps the low byte (found by tests/fuzz/hex0) */
	n = decode("0G Fg g1 G", 10, out, 3, &fin);
	CHECK("hex0 'g' and 'G' are 16, as in hex0-seed", n == 3 && out[0] == 0x10 && out[1] == 0x00 &&
	      out[2] == 0x01 && fin == -1, "n=%zu %02x %02x %02x finish=%d", n, out[0], out[1], out[2], fin);

	/* the real thing: upstream's hex0 sources must give the upstream seeds byte for byte */
	static const char *const pairs[][2] = {
		{ "hex0_x86.hex0", "hex0-seed" },
		{ "kaem-minimal.hex0", "kaem-optional-seed" },
	};
	const char *dist = getenv("DISTFILES") ? getenv("DISTFILES") : "distfiles";
	for (size_t i = 0; i < 2; i++) {
		char src_path[512], seed_path[512], name[128];
		snprintf(src_path, sizeof(src_path), "%s/stage0-posix/bootstrap-seeds/POSIX/x86/%s", dist, pairs[i][0]);
		snprintf(seed_path, sizeof(seed_path), "%s/stage0-posix/bootstrap-seeds/POSIX/x86/%s", dist, pairs[i][1]);
		snprintf(name, sizeof(name), "hex0 %s is byte-identical to upstream %s", pairs[i][0], pairs[i][1]);
		size_t slen, blen;
		char *src = slurp(src_path, &slen), *seed = slurp(seed_path, &blen);
		if (!src || !seed) {
			SKIP(name, "%s not fetched (make fetch)", src ? seed_path : src_path);
		} else {
			uint8_t *bin = malloc(slen / 2 + 1), *bin7 = malloc(slen / 2 + 1);
			size_t n1 = decode(src, slen, bin, slen, &fin);
			int fin7;
			size_t n7 = decode(src, slen, bin7, 7, &fin7);	/* fed in odd pieces */
			CHECK(name, fin == 0 && n1 == blen && !memcmp(bin, seed, blen) &&
			      n7 == n1 && fin7 == 0 && !memcmp(bin7, bin, n1),
			      "decoded %zu bytes (in pieces: %zu), seed has %zu", n1, n7, blen);
			free(bin);
			free(bin7);
		}
		free(src);
		free(seed);
	}
}

static struct elf_header good_header(void)
{
	struct elf_header eh;
	memset(&eh, 0, sizeof(eh));
	memcpy(eh.ident, "\177ELF\1\1\1", 7);
	eh.type = 2;
	eh.machine = 3;
	eh.version = 1;
	eh.entry = 0x08048054;
	eh.phoff = 52;
	eh.ehsize = 52;
	eh.phentsize = 32;
	eh.phnum = 1;
	return eh;
}

static void test_elf(void)
{
	const char *why;
	struct elf_header eh = good_header();
	CHECK("elf good header accepted", elf_check_header(&eh, 4096, &why) == 0, "rejected");
	CHECK("elf file shorter than a header", elf_check_header(&eh, 40, &why) == -ENOEXEC, "accepted");

	struct { const char *name; int field; uint8_t value; } idents[] = {
		{ "elf bad magic rejected", 1, 'X' },
		{ "elf 64-bit class rejected", 4, 2 },
		{ "elf big-endian rejected", 5, 2 },
	};
	for (size_t i = 0; i < 3; i++) {
		eh = good_header();
		eh.ident[idents[i].field] = idents[i].value;
		CHECK(idents[i].name, elf_check_header(&eh, 4096, &why) == -ENOEXEC, "accepted");
	}
	eh = good_header();
	eh.machine = 62;
	CHECK("elf x86-64 machine rejected", elf_check_header(&eh, 4096, &why) == -ENOEXEC, "accepted");
	eh = good_header();
	eh.type = 3;
	CHECK("elf shared object rejected", elf_check_header(&eh, 4096, &why) == -ENOEXEC, "accepted");
	eh = good_header();
	eh.phoff = 4090;
	CHECK("elf program headers beyond the file rejected", elf_check_header(&eh, 4096, &why) == -ENOEXEC, "accepted");
	eh = good_header();
	eh.phoff = 0xfffffff0;
	eh.phnum = 64;
	CHECK("elf program header offset overflow rejected", elf_check_header(&eh, 4096, &why) == -ENOEXEC, "accepted");
	eh = good_header();
	eh.phnum = 0;
	CHECK("elf no program headers rejected", elf_check_header(&eh, 4096, &why) == -ENOEXEC, "accepted");

	const uint32_t bottom = 0x1000, top = 0x7f800000;
	struct elf_phdr ph = { 1, 0, 0x08048000, 0x08048000, 1000, 2000, 7, 1 };
	CHECK("elf good segment accepted", elf_check_segment(&ph, 4096, bottom, top, &why) == 0, "rejected: %s", why);
	ph.filesz = 5000;
	ph.memsz = 5000;
	CHECK("elf segment data beyond the file rejected", elf_check_segment(&ph, 4096, bottom, top, &why) == -ENOEXEC, "accepted");
	ph.filesz = 3000;
	ph.memsz = 2000;
	CHECK("elf filesz above memsz rejected", elf_check_segment(&ph, 4096, bottom, top, &why) == -ENOEXEC, "accepted");
	ph = (struct elf_phdr){ 1, 0, 0x7f7ff000, 0, 100, 0x2000, 7, 1 };
	CHECK("elf segment reaching the stack and kernel rejected", elf_check_segment(&ph, 4096, bottom, top, &why) == -ENOEXEC, "accepted");
	ph = (struct elf_phdr){ 1, 0, 0xc0000000, 0, 100, 100, 7, 1 };
	CHECK("elf segment inside the kernel rejected", elf_check_segment(&ph, 4096, bottom, top, &why) == -ENOEXEC, "accepted");
	ph = (struct elf_phdr){ 1, 0, 0xfffff000, 0, 100, 0x2000, 7, 1 };
	CHECK("elf segment wrapping around 4 GiB rejected", elf_check_segment(&ph, 4096, bottom, top, &why) == -ENOEXEC, "accepted");
	ph = (struct elf_phdr){ 1, 0, 0, 0, 100, 100, 7, 1 };
	CHECK("elf segment at address 0 rejected", elf_check_segment(&ph, 4096, bottom, top, &why) == -ENOEXEC, "accepted");
}

static void hash_hex(const void *data, size_t n, char out[65])
{
	struct sha256 s;
	uint8_t d[32];
	sha256_init(&s);
	sha256_update(&s, data, n);
	sha256_final(&s, d);
	sha256_hex(d, out);
}

static void test_sha256(void)
{
	char hex[65];
	hash_hex("", 0, hex);
	CHECK("sha256 empty", !strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), "%s", hex);
	hash_hex("abc", 3, hex);
	CHECK("sha256 abc", !strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), "%s", hex);
	char *a = malloc(1000000);
	memset(a, 'a', 1000000);
	struct sha256 s;
	uint8_t d[32];
	sha256_init(&s);
	for (size_t i = 0; i < 1000000; i += 997)	/* uneven pieces */
		sha256_update(&s, a + i, 1000000 - i < 997 ? 1000000 - i : 997);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	CHECK("sha256 a million a's in pieces", !strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"), "%s", hex);
	free(a);
}

int main(void)
{
	test_hex0();
	test_elf();
	test_sha256();
	return check_failures != 0;
}
