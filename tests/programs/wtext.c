/* Writes over its own code: the kernel must name the read-only page and FAIL. */
void _start(void)
{
	*(volatile char *)_start = 0;
}
