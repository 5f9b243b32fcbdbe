/* Segments, the TSS, the IDT, entering user mode, powering off. */
#include "arch.h"
#include "../../defs.h"

struct gdt_entry {
	uint16_t limit_lo, base_lo;
	uint8_t base_mid, access, flags_limit_hi, base_hi;
} __attribute__((packed));

struct idt_entry {
	uint16_t off_lo, sel;
	uint8_t zero, type;
	uint16_t off_hi;
} __attribute__((packed));

struct tss {
	uint32_t link, esp0, ss0, unused[22];
	uint16_t trap, iomap;
} __attribute__((packed));

struct table_ptr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static struct gdt_entry gdt[6];
static struct idt_entry idt[256];
static struct tss tss;

extern uint32_t vectors[48];
extern uint32_t vector_syscall_addr;
extern void trapret(void);
extern void load_segments(void);

static void gdt_set(int i, uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
	gdt[i].limit_lo = limit & 0xffff;
	gdt[i].base_lo = base & 0xffff;
	gdt[i].base_mid = (base >> 16) & 0xff;
	gdt[i].access = access;
	gdt[i].flags_limit_hi = (uint8_t)(flags << 4 | ((limit >> 16) & 0xf));
	gdt[i].base_hi = base >> 24;
}

static void idt_set(int i, uint32_t handler, int dpl)
{
	idt[i].off_lo = handler & 0xffff;
	idt[i].sel = SEG_KCODE;
	idt[i].zero = 0;
	idt[i].type = (uint8_t)(0x8e | dpl << 5);	/* present 32-bit interrupt gate */
	idt[i].off_hi = handler >> 16;
}

static void pic_init(void)
{
	/* remap IRQ 0-15 to vectors 32-47; unmask only the timer */
	outb(0x20, 0x11); outb(0xa0, 0x11);
	outb(0x21, 32);   outb(0xa1, 40);
	outb(0x21, 4);    outb(0xa1, 2);
	outb(0x21, 1);    outb(0xa1, 1);
	outb(0x21, 0xfe); outb(0xa1, 0xff);
}

void arch_init(void)
{
	gdt_set(1, 0, 0xfffff, 0x9a, 0xc);	/* kernel code */
	gdt_set(2, 0, 0xfffff, 0x92, 0xc);	/* kernel data */
	gdt_set(3, 0, 0xfffff, 0xfa, 0xc);	/* user code */
	gdt_set(4, 0, 0xfffff, 0xf2, 0xc);	/* user data, also the kernel's ds/es */
	gdt_set(5, (uint32_t)&tss, sizeof(tss) - 1, 0x89, 0x0);
	tss.ss0 = SEG_KDATA;
	tss.iomap = sizeof(tss);	/* no I/O permission bitmap */
	struct table_ptr gp = { sizeof(gdt) - 1, (uint32_t)gdt };
	__asm__ volatile("lgdt %0" : : "m"(gp));
	load_segments();
	__asm__ volatile("ltr %w0" : : "r"(SEG_TSS));

	for (int i = 0; i < 48; i++)
		idt_set(i, vectors[i], 0);
	idt_set(0x80, vector_syscall_addr, 3);
	idt[0x80].type = 0xef;	/* a trap gate: the timer keeps counting during system calls */
	struct table_ptr ip = { sizeof(idt) - 1, (uint32_t)idt };
	__asm__ volatile("lidt %0" : : "m"(ip));

	pic_init();
	timer_init();
}

void tss_set_kstack(uintptr_t top)
{
	tss.esp0 = top;
}

void tf_init_user(struct trapframe *tf, uintptr_t entry, uintptr_t sp)
{
	memset(tf, 0, sizeof(*tf));
	tf->cs = SEG_UCODE;
	tf->ss = SEG_UDATA;
	tf->eflags = 0x202;	/* IF set: the timer keeps ticking in user mode */
	tf->eip = entry;
	tf->esp = sp;
}

/* A new process's first return to user mode, as trap() would end it. */
static void first_return(void)
{
	kernel_time_leave();
}

/*
 * Lay out a new kernel stack so that the first swtch() to it "returns" into
 * first_return, which returns into trapret, which pops the trap frame and
 * irets to user mode.
 */
struct context *context_init(void *kstack_top, struct trapframe **tf_out)
{
	char *sp = kstack_top;
	sp -= sizeof(struct trapframe);
	*tf_out = (struct trapframe *)sp;
	sp -= sizeof(uint32_t);
	*(uint32_t *)sp = (uint32_t)trapret;
	sp -= sizeof(struct context);
	struct context *c = (struct context *)sp;
	memset(c, 0, sizeof(*c));
	c->eip = (uint32_t)first_return;
	return c;
}

/* QEMU's isa-debug-exit (iobase 0xf4) turns the value into its exit status. */
void arch_power_off(int pass)
{
	outb(0xf4, pass ? 0 : 1);
	cli();
	for (;;)
		hlt();
}
