/* Loader messages on the UEFI console (OVMF mirrors it to the serial port). */
#include "loader.h"

EFI_HANDLE loader_image;

void say(const CHAR16 *fmt, ...)
{
	va_list ap;

	Print(L"seedboot: efi: ");
	va_start(ap, fmt);
	VPrint(fmt, ap);
	va_end(ap);
	Print(L"\r\n");
}

/*
 * One line naming what failed, the file or device involved and the EFI
 * status by name.  Then give the user a minute to read it (a key cuts it
 * short) and return to the firmware, which tries its next boot option.
 */
void die(EFI_STATUS st, const CHAR16 *what, const CHAR16 *file)
{
	EFI_INPUT_KEY key;

	Print(L"seedboot: efi: FAIL %s%s%s: %r\r\n", what, file ? L" " : L"",
	      file ? file : L"", st);
	Print(L"seedboot: efi: press a key to return to the firmware (60 s)\r\n");
	for (int i = 0; i < 600; i++) {
		if (ST->ConIn->ReadKeyStroke(ST->ConIn, &key) == EFI_SUCCESS)
			break;
		BS->Stall(100 * 1000);
	}
	BS->Exit(loader_image, st, 0, NULL);
	for (;;)
		;
}
