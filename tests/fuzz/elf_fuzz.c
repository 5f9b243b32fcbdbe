/*
 * The ELF checks (kernel/elf.c) on arbitrary files. The input is the whole
 * file; the header and program headers are read from it as kernel/exec.c
 * reads them. Every decision is compared with the rules elf.h states,
 * written here again in wide arithmetic: the checks must accept exactly the
 * files and segments those rules allow. An accepted segment's file bytes
 * are then read from the input (ASan sees any byte outside it), and the
 * 32-bit sums exec.c makes from an accepted segment must not wrap.
 */
#include <stdint.h>
#include <string.h>

#include "../../kernel/elf.h"
#include "../../kernel/errno.h"
#include "fuzz.h"

/* exec.c's user space for segments: from the second page to the bottom of the 8 MiB stack */
#define BOTTOM 0x1000u
#define TOP 0x7f800000u

typedef unsigned __int128 wide;

static int header_ok(const struct elf_header *eh, size_t size)
{
	static const uint8_t ident[6] = { 0x7f, 'E', 'L', 'F', 1, 1 };	/* ELFCLASS32, little-endian */
	if (size < 52 || memcmp(eh->ident, ident, sizeof ident) != 0)
		return 0;
	if (eh->type != 2 || eh->machine != 3)	/* ET_EXEC, EM_386 */
		return 0;
	if (eh->phnum < 1 || eh->phnum > ELF_MAX_PHNUM || eh->phentsize != 32)
		return 0;
	/* the last byte of the last program header lies in the file */
	return (wide)eh->phoff + (wide)eh->phnum * 32 - 1 < (wide)size;
}

static int segment_ok(const struct elf_phdr *ph, uint64_t size, uint32_t bottom, uint32_t top)
{
	if ((wide)ph->offset + ph->filesz > size)
		return 0;
	if (ph->filesz > ph->memsz)
		return 0;
	/* [vaddr, vaddr + memsz) inside [bottom, top), an empty segment included */
	return ph->vaddr >= bottom && (wide)ph->vaddr + ph->memsz <= top;
}

static void check_segment(const struct elf_phdr *ph, const uint8_t *data, size_t size,
			  uint32_t bottom, uint32_t top)
{
	const char *why = NULL;
	int r = elf_check_segment(ph, size, bottom, top, &why);
	int want = segment_ok(ph, size, bottom, top);
	REQUIRE(r == 0 || r == -ENOEXEC, "elf_check_segment returned %d", r);
	REQUIRE(r != 0 || want, "accepted a segment the rules forbid: offset %#x filesz %#x vaddr %#x "
		"memsz %#x, file %zu bytes, user space [%#x, %#x)", ph->offset, ph->filesz, ph->vaddr,
		ph->memsz, size, bottom, top);
	REQUIRE(r == 0 || !want, "rejected a good segment (%s): offset %#x filesz %#x vaddr %#x memsz %#x, "
		"file %zu bytes, user space [%#x, %#x)", why ? why : "no reason", ph->offset, ph->filesz,
		ph->vaddr, ph->memsz, size, bottom, top);
	REQUIRE(r == 0 || why, "rejected without a reason");
	if (r != 0)
		return;
	/* what exec.c computes in 32 bits */
	REQUIRE((uint64_t)(uint32_t)(ph->vaddr + ph->memsz) == (uint64_t)ph->vaddr + ph->memsz, "end wraps");
	REQUIRE((uint64_t)(uint32_t)(ph->offset + ph->filesz) == (uint64_t)ph->offset + ph->filesz,
		"file end wraps");
	uint8_t *copy = malloc(ph->filesz ? ph->filesz : 1);
	memcpy(copy, data + ph->offset, ph->filesz);	/* as exec.c's reads, checked by ASan */
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_header eh;
	const char *why = NULL;
	/* exec.c: a file shorter than a header is checked as zeros */
	memset(&eh, 0, sizeof eh);
	if (size >= sizeof eh)
		memcpy(&eh, data, sizeof eh);
	int r = elf_check_header(&eh, size, &why);
	int want = header_ok(&eh, size);
	REQUIRE(r == 0 || r == -ENOEXEC, "elf_check_header returned %d", r);
	REQUIRE(r != 0 || want, "accepted a header the rules forbid: phoff %#x phnum %u phentsize %u, "
		"file %zu bytes", eh.phoff, eh.phnum, eh.phentsize, size);
	REQUIRE(r == 0 || !want, "rejected a good header: %s", why ? why : "no reason");
	REQUIRE(r == 0 || why, "rejected without a reason");
	if (r != 0)
		return 0;
	REQUIRE(eh.phnum <= ELF_MAX_PHNUM, "%u program headers fit no table of ELF_MAX_PHNUM", eh.phnum);
	for (uint32_t i = 0; i < eh.phnum; i++) {
		struct elf_phdr ph;
		memcpy(&ph, data + eh.phoff + i * sizeof ph, sizeof ph);	/* in the file, or ASan says so */
		check_segment(&ph, data, size, BOTTOM, TOP);
		/* and against a user space the input chooses, in fields the checks ignore */
		check_segment(&ph, data, size, eh.flags, eh.shoff);
	}
	return 0;
}
