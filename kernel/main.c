/* The kernel starts here: bring each part up in order, then run the chain. */
#include "defs.h"
#include "arch.h"
#include "../fs/fs.h"

extern char kernel_end[];

static struct bootinfo bootinfo;

static ssize_t console_read(void *buf, size_t n)
{
	(void)buf, (void)n;
	return 0;	/* nobody types at a bootstrap: end of file */
}

static ssize_t console_dev_write(const void *buf, size_t n)
{
	console_write(buf, n);
	return (ssize_t)n;
}

static const struct chardev console_dev = { console_read, console_dev_write };

static void read_bootinfo(uint32_t magic, uint32_t info_phys)
{
	if (magic == BOOTINFO_MAGIC)
		memcpy(&bootinfo, P2V(info_phys), sizeof(bootinfo));
	else if (magic == 0x2badb002)
		multiboot_to_bootinfo(info_phys, &bootinfo);
	else
		panic("entered by an unknown loader (magic 0x%x)", magic);
	bootinfo.cmdline[sizeof(bootinfo.cmdline) - 1] = 0;
}

void kmain(uint32_t magic, uint32_t info_phys)
{
	static const char *const loaders[] = { "?", "bios", "multiboot", "efi" };

	console_init();			/* serial and screen: say something early */
	read_bootinfo(magic, info_phys);	/* before anything can overwrite it */
	fb_init(&bootinfo);		/* the loader's framebuffer, if any, becomes the screen */
	kprintf("seedboot: kernel %u bytes, loader %s, closure %u bytes, cmdline \"%s\"\n",
		(unsigned)(V2P(kernel_end) - KERNEL_PHYS), loaders[bootinfo.loader & 3],
		(unsigned)bootinfo.closure_size, bootinfo.cmdline);
	arch_init();			/* segments, interrupts, the timer */
	mem_init(&bootinfo, V2P(kernel_end));	/* every free page of RAM */
	vm_init();			/* drop the boot identity map */
	kprintf("seedboot: memory %u KiB free\n", (unsigned)(mem_free_pages() * 4));
	fs_init();			/* an empty root */
	fs_mkdir(fs_root(), "/dev", 0755);
	if (fs_mknod_chr(fs_root(), "/dev/console", 0600, &console_dev) < 0)
		panic("cannot create /dev/console");
	sti();				/* the timer starts counting */
	closure_unpack(&bootinfo);	/* the sources, each checked against the manifest */
	seeds_build();			/* hex0 -> the first binaries */
	stages_run(bootinfo.cmdline);	/* the chain */
	verdict_pass();
}
