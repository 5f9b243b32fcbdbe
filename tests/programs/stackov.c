/* Recurses without end: the kernel must call it a stack overflow and FAIL. */
static int deeper(volatile char *up)
{
	volatile char frame[1024];
	frame[0] = up ? up[0] + 1 : 0;
	return deeper(frame) + frame[1];
}

void _start(void)
{
	deeper(0);
}
