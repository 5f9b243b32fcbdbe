/*
 * The console drawn on a linear framebuffer of 32-bit pixels: a text grid
 * in memory, each cell drawn from the built-in 8x16 font. Portable, and
 * built for the host too (tests/fbcon/).
 */
#ifndef KERNEL_FBCON_H
#define KERNEL_FBCON_H

#include "types.h"

#define FONT_WIDTH 8
#define FONT_HEIGHT 16
#define FONT_FIRST 0x20
#define FONT_GLYPHS 96	/* ' ' to '~', then the glyph for every other byte */

/* made at build time from a Debian console font (kernel/tools/mkfont.c);
 * bit 7 of a row is its leftmost pixel */
extern const uint8_t font_glyphs[FONT_GLYPHS][FONT_HEIGHT];

/* A screen wider or taller than this in cells draws the font at 2x, 3x, ... */
#define FBCON_MAX_COLS 240
#define FBCON_MAX_ROWS 100

enum fbcon_look { FBCON_TEXT, FBCON_PASS, FBCON_FAIL };

struct fbcon {
	uint8_t *fb;
	uint32_t pitch;
	int format;		/* BOOTINFO_FB_BGRX or BOOTINFO_FB_RGBX */
	int scale, cols, rows;
	int row, col;
	int line_row;		/* where the line being written began */
	char text[FBCON_MAX_ROWS][FBCON_MAX_COLS];
	uint8_t look[FBCON_MAX_ROWS];	/* enum fbcon_look of each row */
};

/* Clears the screen; -1 if the format or the size cannot hold a console. */
int fbcon_init(struct fbcon *c, void *fb, int format, uint32_t width, uint32_t height, uint32_t pitch);
void fbcon_putc(struct fbcon *c, char ch);
/* a colour 0xRRGGBB as a pixel of the console's format */
uint32_t fbcon_pixel(const struct fbcon *c, uint32_t rgb);

#endif
