/*
 * The streaming hex0 reader (kernel/hex0.c) against a decoder written from
 * stage0's hex0-seed itself (bootstrap-seeds/POSIX/x86/hex0_x86.hex0), step
 * by step as its machine code does it. The input's first byte seeds the
 * chunk sizes the source is fed in; the rest is the source. Both must give
 * the same bytes, and the reader must report an error exactly when the
 * source ends between the two digits of a byte.
 */
#include <stdint.h>
#include <string.h>

#include "../../kernel/hex0.h"
#include "fuzz.h"

/*
 * hex0-seed's loop: a newline ends a comment; inside one every byte is
 * skipped; '#' or ';' starts one; a digit is c - '0' when that is below 10,
 * else ((c - 'A') & 0xdf) + 10 when (c - 'A') & 0xdf is below 7 (so 'G'
 * and 'g' count as 16), else the byte is ignored. Two digits make a byte:
 * (first << 4) + second, of which the low 8 bits are written.
 */
static size_t seed_decode(const uint8_t *src, size_t len, uint8_t *out, int *pending)
{
	uint32_t ebp = 0;
	int second = 0, comment = 0;
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		uint8_t al = src[i];
		if (al == '\n') {
			comment = 0;
			continue;
		}
		if (comment)
			continue;
		if (al == '#' || al == ';') {
			comment = 1;
			continue;
		}
		uint8_t v = (uint8_t)(al - '0');
		if (v >= 10) {
			v = (uint8_t)((al - 'A') & 0xdf);
			if (v >= 7)
				continue;
			v += 10;
		}
		ebp = (ebp << 4) + v;
		if (!second) {
			second = 1;
			continue;
		}
		out[n++] = (uint8_t)ebp;
		ebp = 0;
		second = 0;
	}
	*pending = second;
	return n;
}

static uint32_t next(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	uint32_t rng = 0x9e3779b9u ^ data[0] ^ (uint32_t)size << 8;
	const uint8_t *src = data + 1;
	size_t len = size - 1;

	uint8_t *want = malloc(len / 2 + 1);
	int pending;
	size_t nwant = seed_decode(src, len, want, &pending);

	uint8_t *got = malloc(len / 2 + 1);
	size_t ngot = 0;
	struct hex0 h;
	hex0_init(&h);
	for (size_t at = 0; at <= len;) {
		/* mostly small pieces, sometimes empty ones, sometimes the rest at once */
		uint32_t r = next(&rng);
		size_t chunk = r % 16 == 0 ? len - at : r % 16 == 1 ? 0 : r % 9;
		if (chunk > len - at)
			chunk = len - at;
		/* exactly the room the header promises is enough, so ASan sees any write past it */
		uint8_t *room = malloc(chunk / 2 + 1);
		size_t n = hex0_feed(&h, (const char *)src + at, chunk, room);
		REQUIRE(n <= chunk / 2 + 1, "%zu bytes from a piece of %zu", n, chunk);
		REQUIRE(ngot + n <= nwant, "more bytes than hex0-seed makes (%zu > %zu)", ngot + n, nwant);
		memcpy(got + ngot, room, n);
		ngot += n;
		free(room);
		if (at == len)
			break;
		at += chunk;
	}
	REQUIRE(ngot == nwant, "%zu bytes decoded, hex0-seed makes %zu", ngot, nwant);
	for (size_t i = 0; i < nwant; i++)
		REQUIRE(got[i] == want[i], "byte %zu is %02x, hex0-seed makes %02x", i, got[i], want[i]);
	int fin = hex0_finish(&h);
	REQUIRE(fin == (pending ? -1 : 0), "hex0_finish %d with%s a digit pending", fin, pending ? "" : "out");
	free(want);
	free(got);
	return 0;
}
