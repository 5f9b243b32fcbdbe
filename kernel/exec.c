/*
 * execve: load a static ELF32 executable into a fresh address space and
 * build the SysV i386 initial stack (argc, argv, envp, auxv). The old
 * address space is only dropped once the new one is complete, so a failed
 * exec returns its error to a process that is still intact.
 */
#include "proc.h"
#include "elf.h"
#include "errno.h"

#define ARG_MAX (2u << 20)		/* total bytes of argv and envp strings */
#define ARG_STRLEN_MAX (128u << 10)	/* one string, as Linux's MAX_ARG_STRLEN */
#define ARG_COUNT_MAX 65536

#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_RANDOM 25

/* Copy n bytes from a kernel-readable address into another address space. */
static int copy_to_space(pgdir_t pd, uintptr_t va, const void *src, size_t n)
{
	const char *s = src;
	while (n > 0) {
		char *dst = vm_page(pd, va, VM_ALLOC);
		if (!dst)
			return -ENOMEM;
		size_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (chunk > n)
			chunk = n;
		memcpy(dst, s, chunk);
		va += chunk, s += chunk, n -= chunk;
	}
	return 0;
}

/* Does no other loaded segment than ph[self] touch the page at va? */
static int page_alone(const struct elf_phdr *ph, int n, int self, uintptr_t va)
{
	for (int i = 0; i < n; i++)
		if (i != self && ph[i].type == PT_LOAD &&
		    ph[i].vaddr < va + PAGE_SIZE && va < ph[i].vaddr + ph[i].memsz)
			return 0;
	return 1;
}

/*
 * A page of a read-only segment that no other segment touches is the file's
 * own page, mapped rather than copied, as Linux maps its page cache: every
 * run of the file shares it, and under QEMU's TCG the code translated for
 * one run serves the next (a copy would be new code to translate each time).
 * Other pages are copies, zero past the file's part.
 */
static int load_segment(pgdir_t pd, struct inode *ip, const struct elf_phdr *ph, int n, int self)
{
	const struct elf_phdr *s = &ph[self];
	int share = !(s->flags & PF_W) && s->memsz == s->filesz &&
		(s->offset - s->vaddr) % PAGE_SIZE == 0 && s->offset >= s->vaddr % PAGE_SIZE;
	for (uintptr_t va = PGROUNDDOWN(s->vaddr); va < s->vaddr + s->memsz; va += PAGE_SIZE) {
		void *file_page = share && page_alone(ph, n, self, va)
			? inode_page(ip, (s->offset - (s->vaddr - va)) / PAGE_SIZE) : NULL;
		if (file_page) {
			int r = vm_map(pd, va, file_page);
			if (r < 0)
				return r;
			continue;
		}
		char *page = vm_page(pd, va, VM_ALLOC);
		if (!page)
			return -ENOMEM;
		/* the part of this page that the file backs */
		uintptr_t lo = va < s->vaddr ? s->vaddr : va;
		uintptr_t hi = va + PAGE_SIZE;
		if (hi > s->vaddr + s->filesz)
			hi = s->vaddr + s->filesz;
		if (lo < hi && inode_read(ip, page + (lo - va), hi - lo, s->offset + (lo - s->vaddr)) != (ssize_t)(hi - lo))
			return -EIO;
	}
	return 0;
}

/*
 * The strings of an argv or envp vector, from user memory (checked here) or
 * from the kernel. Returns the count, and adds the string bytes to *bytes.
 */
static int count_strings(char *const vec[], int from_user, size_t *bytes)
{
	if (!vec)
		return 0;
	for (int n = 0; n < ARG_COUNT_MAX; n++) {
		uintptr_t s;
		if (from_user) {
			if (copy_from_user(&s, (uintptr_t)&vec[n], sizeof(s)) < 0)
				return -EFAULT;
		} else {
			s = (uintptr_t)vec[n];
		}
		if (!s)
			return n;
		long len = from_user ? user_strlen(s, ARG_STRLEN_MAX) : (long)strlen((char *)s);
		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : (int)len;
		*bytes += (size_t)len + 1;
		if (*bytes > ARG_MAX)
			return -E2BIG;
	}
	return -E2BIG;
}

static int push_word(pgdir_t pd, uintptr_t *at, uint32_t w)
{
	*at += 4;
	return copy_to_space(pd, *at - 4, &w, 4);
}

/* Copy n strings to *str upwards, their addresses to *at, then a NULL. */
static int push_strings(pgdir_t pd, char *const vec[], int n, uintptr_t *at, uintptr_t *str)
{
	int r;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(vec[i]) + 1;	/* count_strings checked it is readable */
		if ((r = copy_to_space(pd, *str, vec[i], len)) < 0 || (r = push_word(pd, at, (uint32_t)*str)) < 0)
			return r;
		*str += len;
	}
	return push_word(pd, at, 0);
}

struct loaded {
	uint32_t entry, phdr, phnum, brk;
};

static int load_elf(pgdir_t pd, struct inode *ip, const char *path, struct loaded *out)
{
	struct elf_header eh;
	struct elf_phdr ph[ELF_MAX_PHNUM];
	const char *why = NULL;
	uint64_t size = inode_size(ip);
	int r;

	if (inode_read(ip, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh))
		memset(&eh, 0, sizeof(eh));
	if ((r = elf_check_header(&eh, size, &why)) < 0)
		goto bad;
	inode_read(ip, ph, eh.phnum * sizeof(ph[0]), eh.phoff);
	out->entry = eh.entry;
	out->phnum = eh.phnum;
	out->phdr = 0;
	out->brk = 0;
	for (int i = 0; i < eh.phnum; i++) {
		if (ph[i].type != PT_LOAD)
			continue;
		if ((r = elf_check_segment(&ph[i], size, PAGE_SIZE, USER_STACK_TOP - USER_STACK_MAX, &why)) < 0)
			goto bad;
		if ((r = load_segment(pd, ip, ph, eh.phnum, i)) < 0)
			return r;
		if (eh.phoff >= ph[i].offset && eh.phoff < ph[i].offset + ph[i].filesz)
			out->phdr = ph[i].vaddr + (eh.phoff - ph[i].offset);
		if (ph[i].vaddr + ph[i].memsz > out->brk)
			out->brk = ph[i].vaddr + ph[i].memsz;
	}
	for (int i = 0; i < eh.phnum; i++)
		if (ph[i].type == PT_LOAD && !(ph[i].flags & PF_W))
			for (uintptr_t va = PGROUNDDOWN(ph[i].vaddr); va < ph[i].vaddr + ph[i].memsz; va += PAGE_SIZE)
				vm_protect(pd, va, 0);
	return 0;
bad:
	kprintf("seedboot: exec %s: %s\n", path, why);
	return r;
}

int exec(const char *path, char *const argv[], char *const envp[], int from_user)
{
	struct proc *p = myproc();
	struct inode *ip;
	size_t bytes = 0;
	int r;

	if ((r = fs_lookup(p->cwd, path, &ip)) < 0)
		return r;
	if (!S_ISREG(inode_mode(ip)) || !(inode_mode(ip) & 0111)) {
		inode_put(ip);
		return -EACCES;
	}
	int argc = count_strings(argv, from_user, &bytes);
	int envc = count_strings(envp, from_user, &bytes);
	if (argc < 0 || envc < 0) {
		inode_put(ip);
		return argc < 0 ? argc : envc;
	}
	/* as Linux (since 5.18): no program starts with argc 0; an empty argv becomes { "" } */
	static char *const empty_argv[] = { "", NULL };
	if (argc == 0) {
		argv = empty_argv;
		argc = 1;
		bytes += 1;
	}

	pgdir_t pd = vm_new();
	struct loaded ld;
	if (!pd) {
		inode_put(ip);
		return -ENOMEM;
	}
	if ((r = load_elf(pd, ip, path, &ld)) < 0)
		goto fail;

	/*
	 * From the top: 16 AT_RANDOM bytes, the strings, then (16-byte aligned)
	 * argc, argv[], NULL, envp[], NULL and the auxiliary vector.
	 */
	static const uint8_t not_random[16] = "seedboot-fixed!";	/* reproducible runs */
	uintptr_t random_at = USER_STACK_TOP - 16;
	uintptr_t str = random_at - bytes;
	size_t vec_bytes = (size_t)(1 + argc + 1 + envc + 1 + 2 * 11) * 4;
	uintptr_t sp = (str - vec_bytes) & ~(uintptr_t)15;
	uintptr_t at = sp;
	if ((r = copy_to_space(pd, random_at, not_random, 16)) < 0 ||
	    (r = push_word(pd, &at, (uint32_t)argc)) < 0 ||
	    (r = push_strings(pd, argv, argc, &at, &str)) < 0 ||
	    (r = push_strings(pd, envp, envc, &at, &str)) < 0)
		goto fail;
	uint32_t aux[][2] = {
		{ AT_PHDR, ld.phdr }, { AT_PHENT, sizeof(struct elf_phdr) }, { AT_PHNUM, ld.phnum },
		{ AT_PAGESZ, PAGE_SIZE }, { AT_ENTRY, ld.entry }, { AT_UID, 0 }, { AT_EUID, 0 },
		{ AT_GID, 0 }, { AT_EGID, 0 }, { AT_RANDOM, random_at }, { AT_NULL, 0 },
	};
	if ((r = copy_to_space(pd, at, aux, sizeof(aux))) < 0)
		goto fail;

	/* the point of no return: the old image goes */
	pgdir_t old = p->pgdir;
	p->pgdir = pd;
	if (p == myproc())
		vm_activate(pd);
	vm_free(old);
	p->brk_base = p->brk = PGROUNDUP(ld.brk);
	tf_init_user(p->tf, ld.entry, sp);
	fdt_exec(&p->fds);
	const char *base = path;
	for (const char *s = path; *s; s++)
		if (*s == '/' && s[1])
			base = s + 1;
	size_t n = strlen(base);
	if (n >= sizeof(p->name))
		n = sizeof(p->name) - 1;
	memcpy(p->name, base, n);
	p->name[n] = 0;
	inode_put(ip);
	kstats.execs++;
	return 0;

fail:
	vm_free(pd);
	inode_put(ip);
	return r;
}
