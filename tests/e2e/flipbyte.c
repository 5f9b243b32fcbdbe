/*
 * flipbyte IN.cpio PATH OUT.cpio: copy a newc archive, flipping the first
 * data byte of the file PATH, to prove the kernel's own check of the closure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long field(const char *h, int i)
{
	char buf[9];
	memcpy(buf, h + 6 + 8 * i, 8);
	buf[8] = 0;
	return strtoul(buf, NULL, 16);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: flipbyte IN.cpio PATH OUT.cpio\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)len);
	if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		fprintf(stderr, "flipbyte: cannot read %s\n", argv[1]);
		return 1;
	}
	fclose(f);
	for (long off = 0; off + 110 <= len && !memcmp(buf + off, "070701", 6);) {
		unsigned long size = field(buf + off, 6), namesize = field(buf + off, 11);
		long data = (off + 110 + (long)namesize + 3) & ~3L;
		if (!strcmp(buf + off + 110, argv[2]) && size > 0) {
			buf[data] ^= 0x01;
			FILE *o = fopen(argv[3], "wb");
			if (!o || fwrite(buf, 1, (size_t)len, o) != (size_t)len || fclose(o)) {
				perror(argv[3]);
				return 1;
			}
			return 0;
		}
		off = (data + (long)size + 3) & ~3L;
	}
	fprintf(stderr, "flipbyte: %s is not in %s\n", argv[2], argv[1]);
	return 1;
}
