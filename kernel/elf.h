/* Checks on a static ELF32 i386 executable before anything is loaded. */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include "types.h"

struct elf_header {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

#define PT_LOAD 1
#define PF_W 2
#define ELF_MAX_PHNUM 64

/*
 * Each returns 0 or -ENOEXEC, and on failure points *why at a short reason.
 * elf_check_header: the identification, type (ET_EXEC), machine (EM_386),
 * and that the program headers lie inside a file of file_size bytes.
 * elf_check_segment: a PT_LOAD that lies inside the file, has
 * filesz <= memsz, and fits in user space [user_bottom, user_top).
 */
int elf_check_header(const struct elf_header *eh, uint64_t file_size, const char **why);
int elf_check_segment(const struct elf_phdr *ph, uint64_t file_size,
		      uint32_t user_bottom, uint32_t user_top, const char **why);

#endif
