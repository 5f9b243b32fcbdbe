/*
 * Into the kernel: the handoff block (struct bootinfo, a flat GDT, a copy
 * of trampoline.S, and a small stack at its top) lies below 2 GiB, where
 * both the firmware's identity map and, later, the kernel's direct map
 * reach it.  After ExitBootServices: load the GDT, far-return to the
 * trampoline through the 32-bit code selector, and it does the rest.
 */
#include "loader.h"

#define HANDOFF_SIZE 8192	/* trampoline.S puts the stack at its top */
#define SEL_CODE32 0x08

struct handoff {
	struct bootinfo bi;	/* first: the kernel gets its address */
	UINT64 gdt[3] __attribute__((aligned(8)));
	UINT8 code[256];
};
_Static_assert(sizeof(struct handoff) + 1024 <= HANDOFF_SIZE, "handoff stack room");

extern UINT8 tramp_start[], tramp_end[];

struct handoff *handoff_alloc(void)
{
	EFI_PHYSICAL_ADDRESS at = LOADER_MAX_ADDR;
	struct handoff *h;
	EFI_STATUS st;

	st = BS->AllocatePages(AllocateMaxAddress, EfiLoaderData, HANDOFF_SIZE / 4096, &at);
	if (EFI_ERROR(st))
		die(st, L"no memory below 2 GiB for the boot-info record", NULL);
	h = (struct handoff *)(UINTN)at;
	SetMem(h, HANDOFF_SIZE, 0);
	h->gdt[1] = 0x00CF9A000000FFFFull;	/* 0x08 code, flat 4 GiB, 32-bit */
	h->gdt[2] = 0x00CF92000000FFFFull;	/* 0x10 data, flat 4 GiB */
	if (tramp_end - tramp_start > (long)sizeof h->code)
		die(EFI_BAD_BUFFER_SIZE, L"trampoline larger than its slot", NULL);
	CopyMem(h->code, tramp_start, tramp_end - tramp_start);
	return h;
}

struct bootinfo *handoff_bootinfo(struct handoff *h)
{
	return &h->bi;
}

void enter_kernel(struct handoff *h, UINT32 entry)
{
	struct {
		UINT16 limit;
		UINTN base;
	} __attribute__((packed)) gdtr = { sizeof h->gdt - 1, (UINTN)h->gdt };

#if defined(__x86_64__)
	__asm__ volatile("cli\n\t"
			 "lgdt %0\n\t"
			 "pushq %1\n\t"
			 "pushq %2\n\t"
			 "lretq"
			 : : "m"(gdtr), "i"(SEL_CODE32), "r"((UINT64)(UINTN)h->code),
			   "b"((UINT32)(UINTN)&h->bi), "S"(entry), "D"(1)
			 : "memory");
#else
	__asm__ volatile("cli\n\t"
			 "lgdt %0\n\t"
			 "pushl %1\n\t"
			 "pushl %2\n\t"
			 "lret"
			 : : "m"(gdtr), "i"(SEL_CODE32), "r"((UINT32)h->code),
			   "b"((UINT32)&h->bi), "S"(entry), "D"(0)
			 : "memory");
#endif
	__builtin_unreachable();
}
