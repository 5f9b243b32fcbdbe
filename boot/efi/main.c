/*
 * seedboot's EFI loader: BOOTX64.EFI and BOOTIA32.EFI, one source.
 *
 *   kernel ELF from the ESP -> closure from its partition -> framebuffer
 *   -> memory map and ExitBootServices -> 32-bit protected mode, paging
 *   off -> the kernel, with the same struct bootinfo the BIOS path fills.
 *
 * Every failure before ExitBootServices is one line on the UEFI console
 * naming what, the file or device, and the EFI status (console.c).
 */
#include "loader.h"

/* called by gnu-efi's crt0 (the C calling convention), after it relocated us */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	struct kernel k;
	struct handoff *h;
	struct bootinfo *bi;

	InitializeLib(image, systab);
	loader_image = image;
	BS->SetWatchdogTimer(0, 0, 0, NULL);	/* the firmware's 5 min limit */
	say(L"seedboot EFI loader (%s)", sizeof(UINTN) == 8 ? L"x64" : L"ia32");

	kernel_load(image, &k);
	h = handoff_alloc();
	bi = handoff_bootinfo(h);
	bi->magic = BOOTINFO_MAGIC;
	bi->loader = BOOTINFO_LOADER_EFI;
	closure_load(image, k.end, bi);
	framebuffer_info(bi);
	memmap_exit(image, bi);
	enter_kernel(h, k.entry);
}
