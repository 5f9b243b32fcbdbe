/*
 * Long argv and envp through execve: over 128 KiB in all, one string of
 * exactly the longest length Linux takes (MAX_ARG_STRLEN, 32 pages, with
 * its NUL) and one a byte longer (-E2BIG). builder-hex0 cut every string
 * at 255 bytes; a bootstrap's command lines must arrive whole.
 */
#include "rt.h"

#define LONGEST (32 * 4096 - 1)

static unsigned long sum(const char *s, unsigned long *len)
{
	unsigned long h = 5381, n = 0;
	for (; s[n]; n++)
		h = h * 33 + (unsigned char)s[n];
	*len = n;
	return h;
}

static int child(int argc, char **argv, char **envp)
{
	unsigned long len, total = 0;
	rt_say("in the exec'd program: argc %d\n", argc);
	for (int i = 1; i < argc; i++) {
		unsigned long h = sum(argv[i], &len);
		total += len + 1;
		rt_say("argv[%d]: %u bytes, hash %x\n", i, len, h);
	}
	int n = 0;
	for (; envp[n]; n++) {
		unsigned long h = sum(envp[n], &len);
		total += len + 1;
		rt_say("envp[%d]: %u bytes, hash %x\n", n, len, h);
	}
	rt_say("%d environment strings; %u bytes of strings after argv[0]\n", n, total);
	return 0;
}

static char *heap;

static char *string(unsigned long len, char c)
{
	char *s = heap;
	for (unsigned long i = 0; i < len; i++)
		s[i] = (char)(c + i % 23);
	s[len] = 0;
	heap += len + 1;
	return s;
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && rt_streq(argv[1], "child"))
		return child(argc, argv, envp);
	long base = rt_sys(NR_brk, 0, 0, 0, 0, 0);
	long top = rt_sys(NR_brk, base + (1 << 20), 0, 0, 0, 0);
	rt_say("brk(0) then brk(+1 MiB): grew: %s\n", top == base + (1 << 20) ? "yes" : "no");
	heap = (char *)base;

	static char *av[64], *ev[64];
	int n = 0;
	av[n++] = argv[0];
	av[n++] = "child";
	av[n++] = string(100000, 'a');
	for (int i = 0; i < 30; i++)
		av[n++] = string(1000 + i, 'A');
	av[n++] = "";
	av[n++] = string(LONGEST, '0');
	av[n] = 0;
	n = 0;
	ev[n++] = string(40000, 'k');
	for (int i = 0; i < 20; i++)
		ev[n++] = string(255 + i, 'K');
	ev[n] = 0;

	long pid = rt_sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		SYS(execve, "self, av (35 strings), ev (21 strings)", argv[0], av, ev);
		EXIT(exit, 1);
	}
	int status = -1;
	rt_sys(NR_waitpid, pid, (long)&status, 0, 0, 0);
	rt_say("the exec'd child's status: 0x%x\n", status);

	char *too_long = string(LONGEST + 1, 'z');
	char *one[] = { argv[0], "child", too_long, 0 };
	SYS(execve, "self, { self, \"child\", 131072 bytes }, NULL", argv[0], one, 0);
	ev[0] = too_long;
	SYS(execve, "self, { self, \"child\" }, { 131072 bytes, ... }", argv[0], av, ev);
	return 0;
}
