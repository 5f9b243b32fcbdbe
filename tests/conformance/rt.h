/*
 * The conformance programs' runtime: no libc, only int 0x80, so a program's
 * system calls are exactly the ones it writes. Every traced call prints one
 * transcript line, "name(ARGS) = RESULT", where RESULT is a number or -ENAME;
 * the suite compares these transcripts between Linux and seedboot, and finds
 * which system calls ran from the names that start the lines.
 */
#ifndef CONFORMANCE_RT_H
#define CONFORMANCE_RT_H

/* Linux i386 system call numbers */
#define NR_exit 1
#define NR_fork 2
#define NR_read 3
#define NR_write 4
#define NR_open 5
#define NR_close 6
#define NR_waitpid 7
#define NR_creat 8
#define NR_unlink 10
#define NR_execve 11
#define NR_chdir 12
#define NR_time 13
#define NR_chmod 15
#define NR_lseek 19
#define NR_getpid 20
#define NR_access 33
#define NR_rename 38
#define NR_mkdir 39
#define NR_rmdir 40
#define NR_dup 41
#define NR_brk 45
#define NR_ioctl 54
#define NR_dup2 63
#define NR_getppid 64
#define NR_fchmod 94
#define NR_wait4 114
#define NR_uname 122
#define NR_fchdir 133
#define NR__llseek 140
#define NR_getcwd 183
#define NR_stat64 195
#define NR_fstat64 197
#define NR_getdents64 220
#define NR_exit_group 252
#define NR_clock_gettime 265

#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_DIRECTORY 0200000
#define O_CLOEXEC 02000000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

long rt_sys(long nr, long a, long b, long c, long d, long e);

/* SYS(name, "ARGS AS TEXT", args...): call, print the line, return the result */
#define RT_PAD(a, b, c, d, e, ...) (long)(a), (long)(b), (long)(c), (long)(d), (long)(e)
#define SYS(name, text, ...) \
	rt_trace(#name, text, rt_sys(NR_##name, RT_PAD(__VA_ARGS__, 0, 0, 0, 0, 0)), 0)
/* the same, but a positive result (a pid, an address) prints as "POSITIVE" */
#define SYSP(name, text, ...) \
	rt_trace(#name, text, rt_sys(NR_##name, RT_PAD(__VA_ARGS__, 0, 0, 0, 0, 0)), 1)
/* exit and exit_group print their line first, as they do not return */
#define EXIT(name, code) (rt_say(#name "(%d)\n", code), rt_sys(NR_##name, code, 0, 0, 0, 0))

long rt_trace(const char *name, const char *text, long r, int hide_positive);

/* printf-like, to fd 1, one write per call: %d %u %x %s %c %e (result: number or -ENAME) */
void rt_say(const char *fmt, ...);
unsigned long rt_strlen(const char *s);
int rt_streq(const char *a, const char *b);
/* print LABEL "BYTES" with non-printable bytes as \xNN, on one line */
void rt_show(const char *label, const char *buf, long n);

/* each program defines main; its return value is the exit status */
int main(int argc, char **argv, char **envp);

#endif
