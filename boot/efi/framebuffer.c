/*
 * The GOP framebuffer as the firmware left it (the current mode: the
 * firmware picked it for the attached screen).  Only 32-bit pixels in a
 * linear framebuffer below 4 GiB are passed on; anything else leaves
 * fb_format = BOOTINFO_FB_NONE.
 */
#include "loader.h"

void framebuffer_info(struct bootinfo *bi)
{
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop;
	EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *mi;

	bi->fb_format = BOOTINFO_FB_NONE;
	if (EFI_ERROR(BS->LocateProtocol(&GraphicsOutputProtocol, NULL, (void **)&gop)) ||
	    !gop->Mode || !gop->Mode->Info) {
		say(L"no graphics output: the kernel gets no framebuffer");
		return;
	}
	mi = gop->Mode->Info;
	switch (mi->PixelFormat) {
	case PixelBlueGreenRedReserved8BitPerColor:
		bi->fb_format = BOOTINFO_FB_BGRX;
		break;
	case PixelRedGreenBlueReserved8BitPerColor:
		bi->fb_format = BOOTINFO_FB_RGBX;
		break;
	default:
		say(L"graphics mode %d has no linear 32-bit framebuffer", gop->Mode->Mode);
		return;
	}
	if (gop->Mode->FrameBufferBase + gop->Mode->FrameBufferSize > 0x100000000ull) {
		say(L"framebuffer above 4 GiB: the kernel gets none");
		bi->fb_format = BOOTINFO_FB_NONE;
		return;
	}
	bi->fb_addr = gop->Mode->FrameBufferBase;
	bi->fb_width = mi->HorizontalResolution;
	bi->fb_height = mi->VerticalResolution;
	bi->fb_pitch = mi->PixelsPerScanLine * 4;
	say(L"framebuffer %dx%d at 0x%lx", bi->fb_width, bi->fb_height, bi->fb_addr);
}
