/* The hex0 reader: hex0 source text to bytes. */
#ifndef KERNEL_HEX0_H
#define KERNEL_HEX0_H

#include "types.h"

/*
 * hex0 is pairs of hex digits, one byte each; '#' and ';' start a comment to
 * the end of the line; every other character is ignored. This is exactly what
 * stage0's hex0-seed does, quirk included: it takes 'g' and 'G' for a digit
 * worth 16 and keeps the low 8 bits of (first << 4) + second. Only at the end
 * are we stricter: hex0-seed drops a lone last digit, hex0_finish reports it.
 * The reader is fed the source in pieces of any size, so a file never needs
 * to sit in memory whole.
 */
struct hex0 {
	int high;	/* first nibble of a byte waiting for its second, or -1 */
	int comment;	/* inside a comment until the end of the line */
};

void hex0_init(struct hex0 *h);
/* Decode len source bytes into out (room for len / 2 + 1 bytes); returns the count. */
size_t hex0_feed(struct hex0 *h, const char *src, size_t len, uint8_t *out);
/* 0, or -1 if the source ended in the middle of a byte. */
int hex0_finish(const struct hex0 *h);

#endif
