/*
 * User address spaces: two-level i386 page tables below KERNBASE. The upper
 * half of every page directory is a copy of the boot page directory's
 * (the direct map, global 4 MiB pages), so switching address spaces never
 * flushes kernel mappings.
 */
#include "arch.h"
#include "../../defs.h"
#include "../../errno.h"

extern uint32_t boot_pgdir[1024];

void vm_init(void)
{
	boot_pgdir[0] = 0;	/* the identity map was only for the jump to KERNBASE */
	write_cr3(V2P(boot_pgdir));
}

pgdir_t vm_new(void)
{
	uint32_t *pd = page_alloc();
	if (!pd)
		return 0;
	memset(pd, 0, PAGE_SIZE / 2);
	memcpy(pd + 512, boot_pgdir + 512, PAGE_SIZE / 2);
	return V2P(pd);
}

static uint32_t *pte_of(pgdir_t pd, uintptr_t va, int alloc)
{
	uint32_t *dir = P2V(pd);
	uint32_t pde = dir[PDX(va)];
	if (!(pde & PTE_P)) {
		if (!alloc)
			return NULL;
		uint32_t *table = page_alloc();
		if (!table)
			return NULL;
		memset(table, 0, PAGE_SIZE);
		pde = V2P(table) | PTE_P | PTE_W | PTE_U;
		dir[PDX(va)] = pde;
	}
	uint32_t *table = P2V(PTE_ADDR(pde));
	return &table[PTX(va)];
}

void *vm_page(pgdir_t pd, uintptr_t va, int flags)
{
	if (va >= VM_USER_TOP)
		return NULL;
	uint32_t *pte = pte_of(pd, va, flags & VM_ALLOC);
	if (!pte)
		return NULL;
	if (!(*pte & PTE_P)) {
		if (!(flags & VM_ALLOC))
			return NULL;
		void *page = page_alloc();
		if (!page)
			return NULL;
		memset(page, 0, PAGE_SIZE);
		*pte = V2P(page) | PTE_P | PTE_W | PTE_U;
	}
	if ((flags & VM_WRITE) && !(*pte & PTE_W))
		return NULL;
	return (char *)P2V(PTE_ADDR(*pte)) + (va & (PAGE_SIZE - 1));
}

int vm_map(pgdir_t pd, uintptr_t va, void *page)
{
	uint32_t *pte = va < VM_USER_TOP ? pte_of(pd, va, 1) : NULL;
	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_P)
		return -EEXIST;
	page_get(page);
	*pte = V2P(page) | PTE_P | PTE_U;
	return 0;
}

int vm_protect(pgdir_t pd, uintptr_t va, int writable)
{
	uint32_t *pte = pte_of(pd, va, 0);
	if (!pte || !(*pte & PTE_P))
		return -EFAULT;
	*pte = writable ? (*pte | PTE_W) : (*pte & ~(uint32_t)PTE_W);
	return 0;
}

void vm_unmap(pgdir_t pd, uintptr_t va)
{
	uint32_t *pte = pte_of(pd, va, 0);
	if (!pte || !(*pte & PTE_P))
		return;
	page_free(P2V(PTE_ADDR(*pte)));
	*pte = 0;
	invlpg(va);
}

void vm_free(pgdir_t pd)
{
	uint32_t *dir = P2V(pd);
	for (int i = 0; i < 512; i++) {
		if (!(dir[i] & PTE_P))
			continue;
		uint32_t *table = P2V(PTE_ADDR(dir[i]));
		for (int j = 0; j < 1024; j++)
			if (table[j] & PTE_P)
				page_free(P2V(PTE_ADDR(table[j])));
		page_free(table);
	}
	page_free(dir);
}

size_t vm_pages(pgdir_t pd)
{
	uint32_t *dir = P2V(pd);
	size_t n = 0;
	for (int i = 0; i < 512; i++) {
		if (!(dir[i] & PTE_P))
			continue;
		uint32_t *table = P2V(PTE_ADDR(dir[i]));
		n++;
		for (int j = 0; j < 1024; j++)
			n += table[j] & PTE_P;
	}
	return n;
}

int vm_copy(pgdir_t dst, pgdir_t src)
{
	uint32_t *dir = P2V(src);
	for (int i = 0; i < 512; i++) {
		if (!(dir[i] & PTE_P))
			continue;
		uint32_t *table = P2V(PTE_ADDR(dir[i]));
		for (int j = 0; j < 1024; j++) {
			if (!(table[j] & PTE_P))
				continue;
			uintptr_t va = (uintptr_t)i << 22 | (uintptr_t)j << 12;
			uint32_t *pte = pte_of(dst, va, 1);
			if (pte && !(table[j] & PTE_W)) {	/* nobody writes it: share */
				page_get(P2V(PTE_ADDR(table[j])));
				*pte = table[j];
				continue;
			}
			void *page = pte ? page_alloc() : NULL;
			if (!page)
				return -ENOMEM;
			memcpy(page, P2V(PTE_ADDR(table[j])), PAGE_SIZE);
			*pte = V2P(page) | (table[j] & 0xfff);
		}
	}
	return 0;
}

void vm_activate(pgdir_t pd)
{
	write_cr3(pd);
}

void vm_activate_kernel(void)
{
	write_cr3(V2P(boot_pgdir));
}
