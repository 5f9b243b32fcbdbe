/*
 * The memory map: UEFI's map, taken right before ExitBootServices, turned
 * into E820-style ranges.  Memory the firmware gives back at
 * ExitBootServices (boot services code and data, our own loader code and
 * data, free memory) is usable; ACPI tables are type 3, ACPI NVS type 4,
 * everything else reserved (2).  Adjacent ranges of one type are merged; if
 * more than BOOTINFO_MMAP_MAX remain, the non-usable ones go first (the
 * kernel only ever uses usable RAM), then the smallest usable ones.
 *
 * Nothing may print or allocate between GetMemoryMap and ExitBootServices;
 * the conversion runs after the exit, on the saved map.
 */
#include "loader.h"

static UINT32 e820_type(UINT32 t)
{
	switch (t) {
	case EfiLoaderCode:
	case EfiLoaderData:
	case EfiBootServicesCode:
	case EfiBootServicesData:
	case EfiConventionalMemory:
		return BOOTINFO_MEM_USABLE;
	case EfiACPIReclaimMemory:
		return 3;
	case EfiACPIMemoryNVS:
		return 4;
	default:
		return 2;
	}
}

/* one spare slot: an entry is added, then one dropped if too many */
static struct bootinfo_mmap ranges[BOOTINFO_MMAP_MAX + 1];
static UINT32 nranges;

static void drop(UINT32 i)
{
	for (; i + 1 < nranges; i++)
		ranges[i] = ranges[i + 1];
	nranges--;
}

static void add(UINT64 base, UINT64 len, UINT32 type)
{
	struct bootinfo_mmap *last = nranges ? &ranges[nranges - 1] : NULL;
	UINT32 small = 0;

	if (last && last->type == type && last->base + last->len == base) {
		last->len += len;
		return;
	}
	ranges[nranges].base = base;
	ranges[nranges].len = len;
	ranges[nranges].type = type;
	ranges[nranges].pad = 0;
	if (++nranges <= BOOTINFO_MMAP_MAX)
		return;
	for (UINT32 i = 0; i < nranges; i++)
		if (ranges[i].type != BOOTINFO_MEM_USABLE) {
			drop(i);
			return;
		}
	for (UINT32 i = 1; i < nranges; i++)
		if (ranges[i].len < ranges[small].len)
			small = i;
	drop(small);
}

#define DESC_MAX 256	/* bytes a descriptor; UEFI 2.x uses 40 or 48 */

/* the firmware's map need not be sorted: insertion by base, in place */
static void sort(UINT8 *map, UINTN size, UINTN dsize)
{
	UINT8 tmp[DESC_MAX];

	for (UINTN i = dsize; i < size; i += dsize) {
		UINTN j = i;

		CopyMem(tmp, map + i, dsize);
		while (j > 0 && ((EFI_MEMORY_DESCRIPTOR *)(map + j - dsize))->PhysicalStart >
				((EFI_MEMORY_DESCRIPTOR *)tmp)->PhysicalStart) {
			CopyMem(map + j, map + j - dsize, dsize);
			j -= dsize;
		}
		CopyMem(map + j, tmp, dsize);
	}
}

void memmap_exit(EFI_HANDLE image, struct bootinfo *bi)
{
	UINTN size = 0, cap, key, dsize;
	UINT32 dver;
	UINT8 *map = NULL;
	EFI_STATUS st;
	int tries;

	/* room for the map as it is now, plus what allocating it may add */
	st = BS->GetMemoryMap(&size, NULL, &key, &dsize, &dver);
	if (st != EFI_BUFFER_TOO_SMALL)
		die(st, L"GetMemoryMap gives no size", NULL);
	if (dsize < sizeof(EFI_MEMORY_DESCRIPTOR) || dsize > DESC_MAX)
		die(EFI_UNSUPPORTED, L"memory map descriptor size out of range", NULL);
	cap = size + 16 * dsize;
	map = AllocatePool(cap);
	if (!map)
		die(EFI_OUT_OF_RESOURCES, L"no memory for the memory map", NULL);
	say(L"leaving boot services");
	/* the firmware may change the map in between: retry with a fresh key */
	for (tries = 0; tries < 8; tries++) {
		size = cap;
		st = BS->GetMemoryMap(&size, (EFI_MEMORY_DESCRIPTOR *)map, &key, &dsize, &dver);
		if (EFI_ERROR(st))
			die(st, L"GetMemoryMap", NULL);
		st = BS->ExitBootServices(image, key);
		if (st != EFI_INVALID_PARAMETER)
			break;
	}
	if (EFI_ERROR(st))
		die(st, L"ExitBootServices", NULL);

	sort(map, size, dsize);
	for (UINTN off = 0; off < size; off += dsize) {
		EFI_MEMORY_DESCRIPTOR *d = (EFI_MEMORY_DESCRIPTOR *)(map + off);

		add(d->PhysicalStart, d->NumberOfPages * 4096, e820_type(d->Type));
	}
	CopyMem(bi->mmap, ranges, nranges * sizeof ranges[0]);
	bi->mmap_count = nranges;
}
