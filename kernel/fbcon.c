/*
 * Framebuffer console drawing. The text lives in a grid in memory and the
 * screen is only ever written, never read back: reading a real machine's
 * video memory is slow. Scrolling moves the grid a quarter screen at a time
 * and redraws only the cells whose character changed, so a full screen of
 * output costs a few redraws, not one per line. The verdict line of the
 * console protocol is drawn as a coloured bar, so it can be seen from afar.
 */
#include "fbcon.h"
#include "../boot/bootinfo.h"

static const struct {
	uint32_t fg, bg;
} looks[] = {
	[FBCON_TEXT] = { 0xaaaaaa, 0x000000 },
	[FBCON_PASS] = { 0x000000, 0x55ff55 },
	[FBCON_FAIL] = { 0xffffff, 0xaa0000 },
};

uint32_t fbcon_pixel(const struct fbcon *c, uint32_t rgb)
{
	if (c->format == BOOTINFO_FB_RGBX)
		return (rgb & 0xff) << 16 | (rgb & 0xff00) | (rgb >> 16 & 0xff);
	return rgb;	/* BGRX: the little-endian word 0x00RRGGBB */
}

static void draw_cell(struct fbcon *c, int row, int col)
{
	unsigned char ch = (unsigned char)c->text[row][col];
	const uint8_t *glyph = font_glyphs[ch >= FONT_FIRST && ch < FONT_FIRST + FONT_GLYPHS - 1 ?
					   ch - FONT_FIRST : FONT_GLYPHS - 1];
	uint32_t fg = fbcon_pixel(c, looks[c->look[row]].fg);
	uint32_t bg = fbcon_pixel(c, looks[c->look[row]].bg);
	int s = c->scale;
	uint8_t *line = c->fb + (size_t)row * FONT_HEIGHT * s * c->pitch +
			(size_t)col * FONT_WIDTH * s * 4;
	for (int y = 0; y < FONT_HEIGHT; y++) {
		for (int i = 0; i < s; i++, line += c->pitch) {
			uint32_t *p = (uint32_t *)line;
			for (int x = 0; x < FONT_WIDTH; x++) {
				uint32_t v = glyph[y] & (0x80 >> x) ? fg : bg;
				for (int j = 0; j < s; j++)
					*p++ = v;
			}
		}
	}
}

static void draw_row(struct fbcon *c, int row)
{
	for (int col = 0; col < c->cols; col++)
		draw_cell(c, row, col);
}

int fbcon_init(struct fbcon *c, void *fb, int format, uint32_t width, uint32_t height, uint32_t pitch)
{
	if ((format != BOOTINFO_FB_BGRX && format != BOOTINFO_FB_RGBX) || pitch / 4 < width)
		return -1;
	int s = 1;
	while (width / (FONT_WIDTH * s) > FBCON_MAX_COLS || height / (FONT_HEIGHT * s) > FBCON_MAX_ROWS)
		s++;
	c->fb = fb;
	c->pitch = pitch;
	c->format = format;
	c->scale = s;
	c->cols = (int)(width / (FONT_WIDTH * s));
	c->rows = (int)(height / (FONT_HEIGHT * s));
	if (c->cols == 0 || c->rows == 0)
		return -1;
	c->row = c->col = c->line_row = 0;
	for (int r = 0; r < c->rows; r++) {
		c->look[r] = FBCON_TEXT;
		for (int col = 0; col < c->cols; col++)
			c->text[r][col] = ' ';
	}
	/* the margins too: whatever the firmware left there goes */
	uint32_t bg = fbcon_pixel(c, looks[FBCON_TEXT].bg);
	for (uint32_t y = 0; y < height; y++) {
		uint32_t *p = (uint32_t *)(c->fb + (size_t)y * pitch);
		for (uint32_t x = 0; x < width; x++)
			p[x] = bg;
	}
	return 0;
}

static void scroll(struct fbcon *c)
{
	int n = c->rows >= 4 ? c->rows / 4 : 1;
	for (int r = 0; r < c->rows; r++) {
		int from = r + n;
		uint8_t look = from < c->rows ? c->look[from] : FBCON_TEXT;
		int all = look != c->look[r];
		c->look[r] = look;
		for (int col = 0; col < c->cols; col++) {
			char ch = from < c->rows ? c->text[from][col] : ' ';
			if (all || ch != c->text[r][col]) {
				c->text[r][col] = ch;
				draw_cell(c, r, col);
			}
		}
	}
	c->row -= n;
	c->line_row = c->line_row > n ? c->line_row - n : 0;
}

static int starts_with(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return 0;
	return 1;
}

/* The line just ended: if it is the verdict, draw it as a bar. */
static void mark_verdict(struct fbcon *c)
{
	const char *line = c->text[c->line_row];
	int look;
	if (c->cols >= 15 && starts_with(line, "seedboot: PASS "))
		look = FBCON_PASS;
	else if (c->cols >= 15 && starts_with(line, "seedboot: FAIL "))
		look = FBCON_FAIL;
	else
		return;
	for (int r = c->line_row; r <= c->row; r++) {
		c->look[r] = (uint8_t)look;
		draw_row(c, r);
	}
}

static void next_row(struct fbcon *c)
{
	c->col = 0;
	if (++c->row == c->rows)
		scroll(c);
}

void fbcon_putc(struct fbcon *c, char ch)
{
	switch (ch) {
	case '\n':
		mark_verdict(c);
		next_row(c);
		c->line_row = c->row;
		return;
	case '\r':
		c->col = 0;
		return;
	case '\t':
		do
			fbcon_putc(c, ' ');
		while (c->col % 8 && c->col < c->cols);
		return;
	}
	/* wrap only when another character comes, so a line of exactly the
	 * screen's width does not leave an empty row after it */
	if (c->col == c->cols)
		next_row(c);
	c->text[c->row][c->col] = ch;
	draw_cell(c, c->row, c->col);
	c->col++;
}
