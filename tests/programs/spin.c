/* Never ends: the stage's time limit must stop it and FAIL the run. */
void _start(void)
{
	for (;;)
		__asm__ volatile("");
}
