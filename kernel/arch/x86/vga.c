/* VGA text mode mirror of the console, for a person at a BIOS machine. */
#include "arch.h"
#include "../../defs.h"

#define COLS 80
#define ROWS 25
#define ATTR 0x0700

static uint16_t *const screen = (uint16_t *)P2V(0xb8000);
static int row, col;

void vga_init(void)
{
	for (int i = 0; i < COLS * ROWS; i++)
		screen[i] = ATTR | ' ';
	row = col = 0;
}

static void newline(void)
{
	col = 0;
	if (++row < ROWS)
		return;
	memmove(screen, screen + COLS, (ROWS - 1) * COLS * 2);
	for (int i = 0; i < COLS; i++)
		screen[(ROWS - 1) * COLS + i] = ATTR | ' ';
	row = ROWS - 1;
}

void vga_putc(char c)
{
	if (c == '\n') {
		newline();
		return;
	}
	if (c == '\r') {
		col = 0;
		return;
	}
	screen[row * COLS + col] = ATTR | (uint8_t)c;
	if (++col == COLS)
		newline();
}
