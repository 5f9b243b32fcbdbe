/* Turn a Multiboot v1 info block (qemu -kernel) into our boot-info record. */
#include "arch.h"
#include "../../defs.h"
#include "multiboot.h"

void multiboot_to_bootinfo(uint32_t info_phys, struct bootinfo *bi)
{
	const struct mb_info *mb = P2V(info_phys);
	memset(bi, 0, sizeof(*bi));
	bi->magic = BOOTINFO_MAGIC;
	bi->loader = BOOTINFO_LOADER_MULTIBOOT;
	if ((mb->flags & (1 << 3)) && mb->mods_count > 0) {
		const struct mb_module *mod = P2V(mb->mods_addr);
		bi->closure_addr = mod->start;
		bi->closure_size = mod->end - mod->start;
	}
	if (mb->flags & (1 << 2)) {
		const char *s = P2V(mb->cmdline);
		size_t i = 0;
		for (; s[i] && i < sizeof(bi->cmdline) - 1; i++)
			bi->cmdline[i] = s[i];
	}
	if (mb->flags & (1 << 6)) {
		uint32_t off = 0;
		while (off < mb->mmap_length && bi->mmap_count < BOOTINFO_MMAP_MAX) {
			const struct mb_mmap *e = P2V(mb->mmap_addr + off);
			struct bootinfo_mmap *m = &bi->mmap[bi->mmap_count++];
			m->base = e->base;
			m->len = e->len;
			m->type = e->type;
			off += e->size + 4;
		}
	}
}
