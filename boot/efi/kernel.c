/*
 * The kernel: an i386 ELF on the ESP (boot/disk.h's ESP_KERNEL_PATH), its
 * PT_LOAD segments copied to their physical addresses (p_paddr), which the
 * firmware must have free.  The kernel clears its own bss.
 */
#include "loader.h"
#include "../disk.h"

#define PAGE 4096u
#define MAX_KERNEL_FILE (64u << 20)

static UINT32 get16(const UINT8 *p) { return p[0] | p[1] << 8; }
static UINT32 get32(const UINT8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (UINT32)p[3] << 24;
}

static UINT8 *read_file(EFI_HANDLE image, const CHAR16 *path, UINTN *len)
{
	EFI_LOADED_IMAGE *li;
	EFI_FILE_HANDLE root, f;
	EFI_FILE_INFO *info;
	EFI_STATUS st;
	UINT8 *buf;

	st = BS->HandleProtocol(image, &LoadedImageProtocol, (void **)&li);
	if (EFI_ERROR(st))
		die(st, L"cannot find the device this loader came from for", path);
	root = LibOpenRoot(li->DeviceHandle);
	if (!root)
		die(EFI_UNSUPPORTED, L"no FAT file system on the boot partition, so no", path);
	st = root->Open(root, &f, (CHAR16 *)path, EFI_FILE_MODE_READ, 0);
	if (EFI_ERROR(st))
		die(st, L"cannot open the kernel", path);
	info = LibFileInfo(f);
	if (!info)
		die(EFI_DEVICE_ERROR, L"cannot read the size of", path);
	if (info->FileSize < 52 || info->FileSize > MAX_KERNEL_FILE)
		die(EFI_BAD_BUFFER_SIZE, L"kernel size out of range (52 bytes .. 64 MiB):", path);
	*len = info->FileSize;
	FreePool(info);
	buf = AllocatePool(*len);
	if (!buf)
		die(EFI_OUT_OF_RESOURCES, L"no memory to read", path);
	for (UINTN done = 0; done < *len;) {
		UINTN n = *len - done;

		st = f->Read(f, &n, buf + done);
		if (EFI_ERROR(st))
			die(st, L"cannot read", path);
		if (n == 0)
			die(EFI_END_OF_FILE, L"file shorter than its size:", path);
		done += n;
	}
	f->Close(f);
	root->Close(root);
	return buf;
}

void kernel_load(EFI_HANDLE image, struct kernel *k)
{
	const CHAR16 *path = ESP_KERNEL_PATH;
	UINTN len;
	UINT8 *f = read_file(image, path, &len);
	UINT32 phoff = get32(f + 28), phnum = get16(f + 44);
	UINT64 lo = ~0ull, hi = 0;

	if (CompareMem(f, "\177ELF", 4) || f[4] != 1 || f[5] != 1 ||
	    get16(f + 18) != 3 || get16(f + 16) != 2)
		die(EFI_LOAD_ERROR, L"not an i386 ELF executable:", path);
	if (get16(f + 42) != 32 || phnum == 0 || phoff + (UINT64)phnum * 32 > len)
		die(EFI_LOAD_ERROR, L"bad program header table in", path);
	for (UINT32 i = 0; i < phnum; i++) {
		const UINT8 *ph = f + phoff + i * 32;
		UINT32 off = get32(ph + 4), paddr = get32(ph + 12);
		UINT32 filesz = get32(ph + 16), memsz = get32(ph + 20);
		EFI_PHYSICAL_ADDRESS at = paddr & ~(PAGE - 1);
		EFI_STATUS st;

		if (get32(ph) != 1 /* PT_LOAD */ || memsz == 0)
			continue;
		if (filesz > memsz || off + (UINT64)filesz > len ||
		    paddr + (UINT64)memsz > LOADER_MAX_ADDR)
			die(EFI_LOAD_ERROR, L"bad PT_LOAD segment in", path);
		/* pages shared with a segment already placed are ours already */
		if (at < hi && at >= lo)
			at = (hi + PAGE - 1) & ~(UINT64)(PAGE - 1);
		if (at < paddr + (UINT64)memsz) {
			UINTN pages = (paddr + (UINT64)memsz - at + PAGE - 1) / PAGE;

			st = BS->AllocatePages(AllocateAddress, EfiLoaderData, pages, &at);
			if (EFI_ERROR(st)) {
				say(L"the kernel needs RAM at 0x%lx-0x%lx, which the firmware uses",
				    (UINT64)paddr, paddr + (UINT64)memsz);
				die(st, L"cannot place the kernel", path);
			}
		}
		CopyMem((void *)(UINTN)paddr, f + off, filesz);
		SetMem((void *)(UINTN)(paddr + filesz), memsz - filesz, 0);
		if (paddr < lo)
			lo = paddr;
		if (paddr + (UINT64)memsz > hi)
			hi = paddr + (UINT64)memsz;
	}
	k->entry = get32(f + 24);
	if (hi == 0 || k->entry < lo || k->entry >= hi)
		die(EFI_LOAD_ERROR, L"no PT_LOAD segment holds the entry point in", path);
	k->load = lo;
	k->end = hi;
	FreePool(f);
	say(L"kernel %s: %d KiB at 0x%x, entry 0x%x", path, (UINT32)((hi - lo + 1023) / 1024),
	    k->load, k->entry);
}
