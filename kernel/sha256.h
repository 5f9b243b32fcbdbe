/* SHA-256, for the kernel and for host tools built from the same source. */
#ifndef KERNEL_SHA256_H
#define KERNEL_SHA256_H

#include "types.h"

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	uint8_t buf[64];
	uint32_t used;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, uint8_t out[32]);
void sha256_hex(const uint8_t digest[32], char out[65]);

#endif
