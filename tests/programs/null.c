/* Dereferences NULL: the kernel must name this process and FAIL the run. */
void _start(void)
{
	*(volatile int *)0 = 1;
}
