/*
 * The kernel's index: every function one file offers the others, grouped by
 * the file that defines it. Read this first. (The helpers only the system
 * calls share are in sys/sys.h; the x86 entry points in arch/x86/arch.h.)
 */
#ifndef KERNEL_DEFS_H
#define KERNEL_DEFS_H

#include "types.h"
#include "../boot/bootinfo.h"

struct trapframe;
struct proc;
struct inode;
struct file;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* lib.c: the C library the kernel itself uses */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

/* console.c: the console, serial first, mirrored to the screen */
void console_init(void);
void console_write(const char *s, size_t n);
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* console.c also gives the run its one final verdict line, then powers off */
void verdict_pass(void) __attribute__((noreturn));
void verdict_fail(const char *stage, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
extern const char *current_stage;

/* mem.c: physical pages (direct-mapped) and small objects */
void mem_init(const struct bootinfo *bi, uintptr_t kernel_end_phys);
void mem_release(uintptr_t phys, size_t len);
void *page_alloc(void);			/* not zeroed; NULL when out of memory; one owner */
void page_get(void *page);		/* one more owner */
int page_shared(const void *page);	/* more than one owner? */
void page_free(void *page);		/* one owner less; free with the last */
void *kmalloc(size_t n);		/* zeroed; n <= 4096 */
void kfree(void *p, size_t n);
size_t mem_free_pages(void);
int mem_enough(size_t pages);	/* can user memory grow by PAGES, keeping the kernel's reserve? */
size_t mem_peak_kib(void);

/* stages.c: the per-stage time limit, checked on every timer tick, and
 * counts of what the kernel did, printed when a stage is done */
void stage_tick(void);
struct kstats {
	uint64_t syscalls, page_faults, forks, execs;
};
extern struct kstats kstats;

/* timer (arch): ticks at TICK_HZ */
void timer_init(void);
void timer_interrupt(void);

/* proc.c: processes and the scheduler */
struct proc *myproc(void);
struct proc *proc_spawn(const char *path, char *const argv[], char *const envp[], struct inode *cwd, int *err);
int proc_run_until_exit(struct proc *p);	/* runs everything; returns p's status word */
int proc_fork(void);
void proc_exit(int status) __attribute__((noreturn));
int proc_wait(int pid, uint32_t status_uaddr, int options);
void proc_tick(void);
int proc_page_fault(uintptr_t addr, int write, const char **why);
void proc_fault(const char *what, uintptr_t pc, uintptr_t addr) __attribute__((noreturn));

/* exec.c: the ELF loader and the initial stack */
int exec(const char *path, char *const argv[], char *const envp[], int from_user);

/* uaccess.c: checked access to the current process's memory */
int user_buffer(uintptr_t uaddr, size_t n, int write);
int copy_from_user(void *dst, uintptr_t usrc, size_t n);
int copy_to_user(uintptr_t udst, const void *src, size_t n);
int user_string(char *dst, uintptr_t usrc, size_t cap);	/* length, -EFAULT, -ENAMETOOLONG */
long user_strlen(uintptr_t usrc, size_t max);

/* syscall.c */
void syscall(struct trapframe *tf);

#include "sha256.h"

/* closure.c: unpack and verify the closure */
void closure_unpack(const struct bootinfo *bi);
int inode_sha256(struct inode *ip, char out[65]);

/* lines.c: read a text file from the filesystem a line at a time */
struct line_reader {
	struct inode *ip;
	uint64_t off;
	int lineno;
	char line[1024];
};
int lines_open(struct line_reader *r, const char *path);	/* -errno */
int lines_next(struct line_reader *r);	/* 1 with r->line set, 0 at the end, -E2BIG for a long line */
void lines_close(struct line_reader *r);
int split_words(char *line, char *words[], int max);	/* in place; returns the count */

/* seeds.c: the hex0 reader makes the first binaries */
void seeds_build(void);

/* stages.c: run every stage, check its outputs, print the receipt */
void stages_run(const char *only);

/* arch/x86/fb.c: the console's screen on a loader's framebuffer (fbcon.c draws);
 * fb_init maps it and takes the RAM under its window out of bi's memory map,
 * so it runs before mem_init */
void fb_init(struct bootinfo *bi);
int fb_putc(char c);		/* 0 when there is no framebuffer: the screen is VGA text */

/* arch/x86/multiboot.c */
void multiboot_to_bootinfo(uint32_t info_phys, struct bootinfo *bi);

#endif
