/*
 * hex0 IN OUT: the kernel's hex0 reader as a host program. The benchmark's
 * Linux guest uses it to make the same seeds the kernel makes at boot.
 */
#include <stdio.h>
#include <sys/stat.h>

#include "../kernel/hex0.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: hex0 IN OUT\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "rb"), *out = fopen(argv[2], "wb");
	if (!in || !out) {
		fprintf(stderr, "hex0: cannot open %s\n", in ? argv[2] : argv[1]);
		return 1;
	}
	char src[4096];
	uint8_t bin[sizeof(src) / 2 + 1];
	struct hex0 h;
	size_t n;
	hex0_init(&h);
	while ((n = fread(src, 1, sizeof(src), in)) > 0)
		fwrite(bin, 1, hex0_feed(&h, src, n, bin), out);
	if (hex0_finish(&h) < 0 || fclose(out) != 0) {
		fprintf(stderr, "hex0: %s: the source ends in the middle of a byte, or the write failed\n", argv[1]);
		return 1;
	}
	chmod(argv[2], 0755);
	return 0;
}
