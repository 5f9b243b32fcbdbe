#include "elf.h"
#include "errno.h"

static int reject(const char **why, const char *reason)
{
	*why = reason;
	return -ENOEXEC;
}

int elf_check_header(const struct elf_header *eh, uint64_t file_size, const char **why)
{
	if (file_size < sizeof(*eh))
		return reject(why, "shorter than an ELF header");
	if (eh->ident[0] != 0x7f || eh->ident[1] != 'E' || eh->ident[2] != 'L' || eh->ident[3] != 'F')
		return reject(why, "no ELF magic");
	if (eh->ident[4] != 1)
		return reject(why, "not ELFCLASS32");
	if (eh->ident[5] != 1)
		return reject(why, "not little-endian");
	if (eh->type != 2)
		return reject(why, "not an executable (ET_EXEC)");
	if (eh->machine != 3)
		return reject(why, "not i386 (EM_386)");
	if (eh->phnum == 0 || eh->phnum > ELF_MAX_PHNUM)
		return reject(why, "bad program header count");
	if (eh->phentsize != sizeof(struct elf_phdr))
		return reject(why, "bad program header size");
	if ((uint64_t)eh->phoff + (uint64_t)eh->phnum * sizeof(struct elf_phdr) > file_size)
		return reject(why, "program headers beyond the end of the file");
	return 0;
}

int elf_check_segment(const struct elf_phdr *ph, uint64_t file_size,
		      uint32_t user_bottom, uint32_t user_top, const char **why)
{
	if ((uint64_t)ph->offset + ph->filesz > file_size)
		return reject(why, "segment data beyond the end of the file");
	if (ph->filesz > ph->memsz)
		return reject(why, "segment file size above its memory size");
	if (ph->vaddr < user_bottom)
		return reject(why, "segment below user space");
	if ((uint64_t)ph->vaddr + ph->memsz > user_top)
		return reject(why, "segment overlaps the kernel");
	return 0;
}
