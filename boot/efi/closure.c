/*
 * The closure: read straight from the closure partition (boot/disk.h)
 * through Block I/O, in large chunks, to page-aligned memory below 2 GiB.
 * The partition is the one whose first sector starts with
 * CLOSURE_PART_MAGIC, preferably on the disk the loader itself came from
 * (two seedboot sticks in one machine: each boots its own closure).
 */
#include "loader.h"
#include "../disk.h"

#define PAGE 4096u
#define CHUNK (8u << 20)	/* bytes a ReadBlocks call */

/* bytes of a device path up to (not including) its last node */
static UINTN parent_len(EFI_DEVICE_PATH *dp)
{
	EFI_DEVICE_PATH *n = dp, *last = dp;

	if (!dp)
		return 0;
	while (!IsDevicePathEnd(n)) {
		last = n;
		n = NextDevicePathNode(n);
	}
	return (UINT8 *)last - (UINT8 *)dp;
}

static int same_disk(EFI_DEVICE_PATH *a, EFI_DEVICE_PATH *b)
{
	UINTN la = parent_len(a);

	return la && la == parent_len(b) && CompareMem(a, b, la) == 0;
}

/* the partition's first block, if it is a closure partition */
static int is_closure(EFI_BLOCK_IO *bio, UINT8 *block, struct closure_part_hdr *h)
{
	EFI_BLOCK_IO_MEDIA *m = bio->Media;

	if (!m->MediaPresent || !m->LogicalPartition || m->BlockSize < 512 ||
	    m->BlockSize > PAGE)
		return 0;
	if (EFI_ERROR(bio->ReadBlocks(bio, m->MediaId, 0, m->BlockSize, block)))
		return 0;
	if (CompareMem(block, CLOSURE_PART_MAGIC, 8) != 0)
		return 0;
	CopyMem(h, block, sizeof *h);
	return 1;
}

static EFI_BLOCK_IO *find(EFI_HANDLE image, struct closure_part_hdr *h)
{
	EFI_LOADED_IMAGE *li;
	EFI_DEVICE_PATH *boot = NULL;
	EFI_HANDLE *handles;
	EFI_BLOCK_IO *found = NULL;
	EFI_PHYSICAL_ADDRESS block;
	UINTN n;
	EFI_STATUS st;

	if (!EFI_ERROR(BS->HandleProtocol(image, &LoadedImageProtocol, (void **)&li)))
		boot = DevicePathFromHandle(li->DeviceHandle);
	st = BS->LocateHandleBuffer(ByProtocol, &BlockIoProtocol, NULL, &n, &handles);
	if (EFI_ERROR(st))
		die(st, L"no Block I/O devices, so no closure partition", NULL);
	st = BS->AllocatePages(AllocateAnyPages, EfiLoaderData, 1, &block);
	if (EFI_ERROR(st))
		die(st, L"no memory for a sector buffer", NULL);
	/* first pass: the boot disk only; second: any disk */
	for (int pass = 0; pass < 2 && !found; pass++) {
		for (UINTN i = 0; i < n && !found; i++) {
			EFI_BLOCK_IO *bio;

			if (EFI_ERROR(BS->HandleProtocol(handles[i], &BlockIoProtocol,
							 (void **)&bio)))
				continue;
			if (pass == 0 && !same_disk(boot, DevicePathFromHandle(handles[i])))
				continue;
			if (is_closure(bio, (UINT8 *)(UINTN)block, h))
				found = bio;
		}
		if (pass == 0 && !found)
			say(L"no closure partition on the boot disk; looking on every disk");
	}
	BS->FreePages(block, 1);
	FreePool(handles);
	if (!found)
		die(EFI_NOT_FOUND, L"no partition starts with " CLOSURE_PART_MAGIC_W
		    L" (the seedboot closure)", NULL);
	return found;
}

void closure_load(EFI_HANDLE image, UINT32 above, struct bootinfo *bi)
{
	struct closure_part_hdr h;
	EFI_BLOCK_IO *bio = find(image, &h);
	UINT32 bs = bio->Media->BlockSize;
	UINT64 disk = (bio->Media->LastBlock + 1) * bs, bytes;
	EFI_PHYSICAL_ADDRESS at = ((UINT64)above + PAGE - 1) & ~(UINT64)(PAGE - 1);
	UINTN pages;
	EFI_STATUS st;

	h.cmdline[sizeof h.cmdline - 1] = 0;
	if (h.data_off % bs || h.data_off > disk || h.size > disk - h.data_off ||
	    h.size > LOADER_MAX_ADDR)
		die(EFI_VOLUME_CORRUPTED, L"closure partition header out of range", NULL);
	bytes = (h.size + bs - 1) / bs * bs;
	pages = (bytes + PAGE - 1) / PAGE;
	st = BS->AllocatePages(AllocateAddress, EfiLoaderData, pages, &at);
	if (EFI_ERROR(st)) {
		at = LOADER_MAX_ADDR;
		st = BS->AllocatePages(AllocateMaxAddress, EfiLoaderData, pages, &at);
	}
	if (EFI_ERROR(st))
		die(st, L"no room below 2 GiB for the closure", NULL);
	say(L"closure %d KiB at 0x%x, cmdline \"%a\"", (UINT32)((h.size + 1023) / 1024),
	    (UINT32)at, h.cmdline);
	for (UINT64 done = 0; done < bytes;) {
		UINTN n = bytes - done < CHUNK ? bytes - done : CHUNK;

		st = bio->ReadBlocks(bio, bio->Media->MediaId, (h.data_off + done) / bs,
				     n, (void *)(UINTN)(at + done));
		if (EFI_ERROR(st))
			die(st, L"disk read error in the closure partition", NULL);
		done += n;
	}
	bi->closure_addr = at;
	bi->closure_size = h.size;
	CopyMem(bi->cmdline, h.cmdline, sizeof bi->cmdline);
}
