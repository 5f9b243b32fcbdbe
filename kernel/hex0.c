#include "hex0.h"

/* hex0-seed's test lets 'g' and 'G' through as a digit worth 16 */
static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'g')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'G')
		return c - 'A' + 10;
	return -1;
}

void hex0_init(struct hex0 *h)
{
	h->high = -1;
	h->comment = 0;
}

size_t hex0_feed(struct hex0 *h, const char *src, size_t len, uint8_t *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = src[i];
		if (h->comment) {
			h->comment = c != '\n';
			continue;
		}
		if (c == '#' || c == ';') {
			h->comment = 1;
			continue;
		}
		int v = hex_value(c);
		if (v < 0)
			continue;
		if (h->high < 0) {
			h->high = v;
			continue;
		}
		out[n++] = (uint8_t)((h->high << 4) + v);
		h->high = -1;
	}
	return n;
}

int hex0_finish(const struct hex0 *h)
{
	return h->high < 0 ? 0 : -1;
}
