/*
 * Host test of the framebuffer console (kernel/fbcon.c with the built font):
 * text drawn into a memory framebuffer, checked pixel by pixel.
 */
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "../../boot/bootinfo.h"
#include "../../kernel/fbcon.h"

#define GRAY 0xaaaaaa
#define BLACK 0x000000
#define GREEN 0x55ff55
#define RED 0xaa0000
#define WHITE 0xffffff
#define PAD 0xeeeeeeeeu		/* the bytes of each row past the width */

struct screen {
	uint32_t *px;
	uint32_t width, height, pitch;	/* pitch in bytes */
	struct fbcon con;
};

static int open_screen(struct screen *s, int format, uint32_t width, uint32_t height)
{
	s->width = width;
	s->height = height;
	s->pitch = width * 4 + 64;	/* rows longer than the visible width, as on real cards */
	s->px = malloc((size_t)s->pitch * height);
	for (size_t i = 0; i < (size_t)s->pitch / 4 * height; i++)
		s->px[i] = PAD;
	return fbcon_init(&s->con, s->px, format, width, height, s->pitch);
}

static uint32_t at(const struct screen *s, uint32_t x, uint32_t y)
{
	return s->px[(size_t)y * (s->pitch / 4) + x];
}

static void put(struct screen *s, const char *text)
{
	while (*text)
		fbcon_putc(&s->con, *text++);
}

/* Does cell (row, col) show ch in colours fg on bg (0xRRGGBB)? Returns the
 * number of wrong pixels. */
static int cell_wrong(const struct screen *s, int row, int col, char ch, uint32_t fg, uint32_t bg)
{
	int scale = s->con.scale, wrong = 0;
	unsigned char c = (unsigned char)ch;
	const uint8_t *glyph = font_glyphs[c >= 0x20 && c <= 0x7e ? c - 0x20 : FONT_GLYPHS - 1];
	uint32_t pfg = fbcon_pixel(&s->con, fg), pbg = fbcon_pixel(&s->con, bg);
	for (int y = 0; y < FONT_HEIGHT * scale; y++)
		for (int x = 0; x < FONT_WIDTH * scale; x++) {
			int on = glyph[y / scale] & (0x80 >> (x / scale));
			uint32_t px = at(s, (uint32_t)(col * FONT_WIDTH * scale + x),
					 (uint32_t)(row * FONT_HEIGHT * scale + y));
			wrong += px != (on ? pfg : pbg);
		}
	return wrong;
}

/* the cells of a row show text, then blanks to the last column */
static int row_wrong(const struct screen *s, int row, const char *text, uint32_t fg, uint32_t bg)
{
	int wrong = 0;
	size_t n = strlen(text);
	for (int col = 0; col < s->con.cols; col++)
		wrong += cell_wrong(s, row, col, (size_t)col < n ? text[col] : ' ', fg, bg);
	return wrong;
}

static void test_init(void)
{
	struct screen s;
	CHECK("fbcon refuses a framebuffer without a pixel format",
	      open_screen(&s, BOOTINFO_FB_NONE, 640, 480) == -1, "accepted");
	free(s.px);
	CHECK("fbcon refuses a screen smaller than one cell",
	      open_screen(&s, BOOTINFO_FB_BGRX, 7, 480) == -1, "accepted");
	free(s.px);

	int rc = open_screen(&s, BOOTINFO_FB_BGRX, 643, 487);
	CHECK("fbcon takes 643x487 BGRX", rc == 0, "rc %d", rc);
	CHECK("80x30 cells of 8x16 at scale 1", s.con.cols == 80 && s.con.rows == 30 && s.con.scale == 1,
	      "%dx%d scale %d", s.con.cols, s.con.rows, s.con.scale);
	int wrong = 0, pad = 0;
	for (uint32_t y = 0; y < s.height; y++) {
		for (uint32_t x = 0; x < s.width; x++)
			wrong += at(&s, x, y) != 0;
		for (uint32_t x = s.width; x < s.pitch / 4; x++)
			pad += at(&s, x, y) != PAD;
	}
	CHECK("init clears the whole screen, margins included", wrong == 0, "%d pixels not black", wrong);
	CHECK("init writes nothing past the width in a row", pad == 0, "%d padding pixels written", pad);
	free(s.px);
}

static void test_glyphs(int format, const char *name)
{
	struct screen s;
	char label[128];
	open_screen(&s, format, 640, 480);
	put(&s, "AB\nC\tD\r E\x01");
	snprintf(label, sizeof label, "%s: 'A' and 'B' in the first two cells", name);
	CHECK(label, !cell_wrong(&s, 0, 0, 'A', GRAY, BLACK) && !cell_wrong(&s, 0, 1, 'B', GRAY, BLACK),
	      "%d and %d wrong pixels", cell_wrong(&s, 0, 0, 'A', GRAY, BLACK), cell_wrong(&s, 0, 1, 'B', GRAY, BLACK));
	snprintf(label, sizeof label, "%s: newline, tab to column 8, carriage return", name);
	CHECK(label, !cell_wrong(&s, 1, 0, ' ', GRAY, BLACK) && !cell_wrong(&s, 1, 1, 'E', GRAY, BLACK) &&
	      !cell_wrong(&s, 1, 8, 'D', GRAY, BLACK), "row 1 wrong: %d", row_wrong(&s, 1, " E      D", GRAY, BLACK));
	snprintf(label, sizeof label, "%s: a byte without a glyph gets the replacement glyph", name);
	CHECK(label, !cell_wrong(&s, 1, 2, '\x01', GRAY, BLACK), "%d wrong pixels", cell_wrong(&s, 1, 2, '\x01', GRAY, BLACK));
	snprintf(label, sizeof label, "%s: the rest of the screen stays blank", name);
	int wrong = 0;
	for (int row = 2; row < s.con.rows; row++)
		wrong += row_wrong(&s, row, "", GRAY, BLACK);
	CHECK(label, wrong == 0, "%d wrong pixels", wrong);

	/* a coloured pixel tells the formats apart: red is byte 2 in BGRX, byte 0 in RGBX */
	put(&s, "\nseedboot: FAIL boot: no\n");
	const uint8_t *bytes = (const uint8_t *)&s.px[2 * FONT_HEIGHT * (s.pitch / 4) + 639];
	snprintf(label, sizeof label, "%s: a FAIL line is a red bar to the right edge, byte order right", name);
	int red_at = format == BOOTINFO_FB_BGRX ? 2 : 0;
	CHECK(label, !row_wrong(&s, 2, "seedboot: FAIL boot: no", WHITE, RED) && bytes[red_at] == 0xaa &&
	      bytes[2 - red_at] == 0 && bytes[1] == 0,
	      "%d wrong pixels, bytes %02x %02x %02x %02x", row_wrong(&s, 2, "seedboot: FAIL boot: no", WHITE, RED),
	      bytes[0], bytes[1], bytes[2], bytes[3]);
	free(s.px);
}

static void test_wrap_and_verdict(void)
{
	struct screen s;
	char line[81];
	open_screen(&s, BOOTINFO_FB_BGRX, 640, 480);
	memset(line, 'x', 80);
	line[80] = 0;
	put(&s, line);
	put(&s, "\n");
	CHECK("a line of exactly the width leaves no empty row", s.con.row == 1 && s.con.col == 0,
	      "cursor at %d,%d", s.con.row, s.con.col);
	put(&s, line);
	put(&s, "yz\n");
	CHECK("a longer line wraps onto the next row",
	      !row_wrong(&s, 1, line, GRAY, BLACK) && !row_wrong(&s, 2, "yz", GRAY, BLACK), "wrong pixels");
	put(&s, "seedboot: PASS\n");
	CHECK("the PASS line is a green bar", !row_wrong(&s, 3, "seedboot: PASS", BLACK, GREEN),
	      "%d wrong pixels", row_wrong(&s, 3, "seedboot: PASS", BLACK, GREEN));
	put(&s, "seedboot: PASSED nothing\n");
	CHECK("a line that only starts like the verdict is plain text",
	      !row_wrong(&s, 4, "seedboot: PASSED nothing", GRAY, BLACK), "coloured");
	free(s.px);
}

static void test_scroll(void)
{
	struct screen s;
	char text[32];
	open_screen(&s, BOOTINFO_FB_RGBX, 640, 480);	/* 30 rows: scrolls by 7 */
	put(&s, "seedboot: PASS\n");
	for (int i = 1; i <= 40; i++) {
		snprintf(text, sizeof text, "line %d%s", i, i % 3 ? "" : " longer");
		put(&s, text);
		put(&s, "\n");
	}
	/* 41 lines and the cursor's row: two scrolls of 7, line 40 on row 26 */
	CHECK("scrolling keeps the cursor on the screen", s.con.row == 27 && s.con.col == 0,
	      "cursor at %d,%d", s.con.row, s.con.col);
	int wrong = 0, first_bad = -1;
	for (int row = 0; row < s.con.rows; row++) {
		int n = row + 14;	/* line n is on row n - 14 */
		if (n <= 40)
			snprintf(text, sizeof text, "line %d%s", n, n % 3 ? "" : " longer");
		else
			text[0] = 0;
		int w = row_wrong(&s, row, text, GRAY, BLACK);
		if (w && first_bad < 0)
			first_bad = row;
		wrong += w;
	}
	CHECK("after scrolling every row shows its line and no leftover pixels", wrong == 0,
	      "%d wrong pixels, first on row %d", wrong, first_bad);
	put(&s, "seedboot: PASS\n");
	for (int i = 0; i < 8; i++)	/* one scroll: the verdict from row 27 to 20 */
		put(&s, "z\n");
	CHECK("a verdict bar moves with its line when the screen scrolls",
	      !row_wrong(&s, 20, "seedboot: PASS", BLACK, GREEN) && !row_wrong(&s, 19, "line 40", GRAY, BLACK) &&
	      !row_wrong(&s, 21, "z", GRAY, BLACK),
	      "rows 19-21 wrong: %d %d %d", row_wrong(&s, 19, "line 40", GRAY, BLACK),
	      row_wrong(&s, 20, "seedboot: PASS", BLACK, GREEN), row_wrong(&s, 21, "z", GRAY, BLACK));
	free(s.px);
}

static void test_scale(void)
{
	struct screen s;
	open_screen(&s, BOOTINFO_FB_BGRX, 3840, 2160);
	CHECK("a 3840x2160 screen draws the font at 2x: 240x67 cells",
	      s.con.scale == 2 && s.con.cols == 240 && s.con.rows == 67,
	      "scale %d, %dx%d", s.con.scale, s.con.cols, s.con.rows);
	put(&s, "\n Q");
	CHECK("a glyph at 2x covers its 16x32 cell", !cell_wrong(&s, 1, 1, 'Q', GRAY, BLACK) &&
	      at(&s, 16 + 5, 32 + 2 * 5) == 0, "%d wrong pixels", cell_wrong(&s, 1, 1, 'Q', GRAY, BLACK));
	free(s.px);
}

int main(void)
{
	test_init();
	test_glyphs(BOOTINFO_FB_BGRX, "BGRX");
	test_glyphs(BOOTINFO_FB_RGBX, "RGBX");
	test_wrap_and_verdict();
	test_scroll();
	test_scale();
	return check_failures != 0;
}
