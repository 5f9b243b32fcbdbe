/*
 * fbfind: is a line of text drawn on a screenshot? The line is drawn with
 * the kernel's own console code (kernel/fbcon.c, same font, same scale for
 * the screenshot's size, verdict colours included) and its row of pixels,
 * to the last text column, is looked for at every height of the screenshot.
 *
 * usage: fbfind SCREEN.ppm TEXT    (a binary PPM, as QEMU's screendump writes)
 * Exit 0 and where when found; 1 and the closest match when not; 2 on a bad file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../boot/bootinfo.h"
#include "fbcon.h"

static const char *path;

static void bad(const char *why)
{
	fprintf(stderr, "fbfind: %s: %s\n", path, why);
	exit(2);
}

static unsigned header_number(FILE *f)
{
	int c;
	unsigned v = 0, digits = 0;
	while ((c = getc(f)) == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
		if (c == '#')
			while ((c = getc(f)) != '\n' && c != EOF)
				;
	for (; c >= '0' && c <= '9' && digits < 9; c = getc(f), digits++)
		v = v * 10 + (unsigned)(c - '0');
	if (!digits)
		bad("not a binary PPM (bad header)");
	return v;	/* the one whitespace after the number is consumed */
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: fbfind SCREEN.ppm TEXT\n");
		return 2;
	}
	path = argv[1];
	const char *text = argv[2];
	FILE *f = fopen(path, "rb");
	if (!f)
		bad("cannot open");
	if (getc(f) != 'P' || getc(f) != '6')
		bad("not a binary PPM (no P6)");
	unsigned width = header_number(f), height = header_number(f), maxval = header_number(f);
	if (maxval != 255 || width == 0 || height == 0 || width > 16384 || height > 16384)
		bad("not an 8-bit PPM of a sensible size");
	size_t n = (size_t)width * height;
	unsigned char *rgb = malloc(n * 3);
	uint32_t *drawn = malloc(n * 4);
	static struct fbcon con;
	if (!rgb || !drawn)
		bad("out of memory");
	if (fread(rgb, 3, n, f) != n)
		bad("shorter than its header says");
	fclose(f);

	if (fbcon_init(&con, drawn, BOOTINFO_FB_BGRX, width, height, width * 4) != 0)
		bad("too small for a console");
	for (const char *p = text; *p; p++)
		fbcon_putc(&con, *p);
	fbcon_putc(&con, '\n');

	unsigned row_h = FONT_HEIGHT * (unsigned)con.scale, row_w = FONT_WIDTH * (unsigned)con.scale * (unsigned)con.cols;
	unsigned best_y = 0, best = row_h * row_w + 1;
	for (unsigned y = 0; y + row_h <= height && best; y++) {
		unsigned wrong = 0;
		for (unsigned dy = 0; dy < row_h; dy++)
			for (unsigned x = 0; x < row_w; x++) {
				uint32_t want = drawn[(size_t)dy * width + x];
				const unsigned char *got = rgb + ((size_t)(y + dy) * width + x) * 3;
				wrong += got[0] != (want >> 16 & 0xff) || got[1] != (want >> 8 & 0xff) ||
					 got[2] != (want & 0xff);
			}
		if (wrong < best)
			best = wrong, best_y = y;
	}
	if (best == 0) {
		printf("fbfind: \"%s\" is on the %ux%u screen at y=%u (text row %u%s)\n", text, width, height,
		       best_y, best_y / row_h, best_y % row_h ? ", not aligned" : "");
		return 0;
	}
	printf("fbfind: \"%s\" is not on the %ux%u screen: closest at y=%u, %u of %u pixels differ\n",
	       text, width, height, best_y, best, row_h * row_w);
	return 1;
}
