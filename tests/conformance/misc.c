/*
 * The rest: time and clock_gettime (Linux counts from 1970 and seedboot from
 * boot, so only their shape is compared), uname, ioctl, and numbers no
 * kernel implements.
 */
#include "rt.h"

static char buf[512];

static void clocks(void)
{
	rt_say("-- clocks\n");
	long t = -1;
	long r = rt_sys(NR_time, (long)&t, 0, 0, 0, 0);
	rt_say("time(&t) = t, not negative: %s\n", r >= 0 && r == t ? "yes" : "no");
	r = rt_sys(NR_time, 0, 0, 0, 0, 0);
	rt_say("time(NULL) >= t: %s\n", r >= t ? "yes" : "no");
	/* not 8 and 9, the alarm clocks: Linux has them only with a real-time clock device */
	static const long ids[] = { 0, 1, 2, 3, 4, 5, 6, 7, 10, 11 };
	for (unsigned i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		long id = ids[i];
		long ts[2] = { -1, -1 }, ts2[2] = { -1, -1 };
		r = rt_sys(NR_clock_gettime, id, (long)ts, 0, 0, 0);
		long r2 = rt_sys(NR_clock_gettime, id, (long)ts2, 0, 0, 0);
		int ok = ts[0] >= 0 && ts[1] >= 0 && ts[1] < 1000000000 &&
			 (ts2[0] > ts[0] || (ts2[0] == ts[0] && ts2[1] >= ts[1]));
		rt_say("clock_gettime(%d, &ts) = %e twice; valid and not going back: %s\n", id, r2 == r ? r : -9999, ok ? "yes" : "no");
	}
	SYS(clock_gettime, "100, &ts", 100, buf);
	SYS(clock_gettime, "12, &ts", 12, buf);
}

static void names(void)
{
	rt_say("-- uname\n");
	SYS(uname, "&u", buf);
	rt_say("sysname \"%s\", machine \"%s\"\n", buf, buf + 4 * 65);
	int terminated = 1;
	for (int i = 0; i < 6; i++) {
		int has_nul = 0;
		for (int j = 0; j < 65; j++)
			has_nul |= buf[65 * i + j] == 0;
		terminated &= has_nul;
	}
	rt_say("nodename, release and version are set: %s; all six fields end in NUL: %s\n",
	       buf[65] && buf[130] && buf[195] ? "yes" : "no", terminated ? "yes" : "no");
}

static void ioctls(void)
{
	rt_say("-- ioctl\n");
	long fd = SYS(open, "\"f\", O_RDWR|O_CREAT, 0644", "f", O_RDWR | O_CREAT, 0644);
	SYS(ioctl, "fd, TCGETS, &termios", fd, 0x5401, buf);
	SYS(ioctl, "fd, TIOCGWINSZ, &ws", fd, 0x5413, buf);
	SYS(ioctl, "fd, TCSETS, &termios", fd, 0x5402, buf);
	SYS(ioctl, "1 (the transcript file), TCGETS, &termios", 1, 0x5401, buf);
	long d = SYS(open, "\".\", O_RDONLY", ".", O_RDONLY);
	SYS(ioctl, "d (a directory), TCGETS, &termios", d, 0x5401, buf);
	SYS(ioctl, "99, TCGETS, &termios", 99, 0x5401, buf);
	SYS(close, "d", d);
	SYS(close, "fd", fd);
}

static void unimplemented(void)
{
	rt_say("-- numbers no kernel implements\n");
	rt_say("syscall 17 (break) = %e\n", rt_sys(17, 0, 0, 0, 0, 0));
	rt_say("syscall 31 (stty) = %e\n", rt_sys(31, 0, 0, 0, 0, 0));
	rt_say("syscall 999 = %e\n", rt_sys(999, 0, 0, 0, 0, 0));
	rt_say("syscall -1 = %e\n", rt_sys(-1, 0, 0, 0, 0, 0));
	SYSP(getpid, "", 0);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	clocks();
	names();
	ioctls();
	unimplemented();
	return 0;
}
