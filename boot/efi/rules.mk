# boot/efi/: the EFI loader, BOOTX64.EFI and BOOTIA32.EFI from one source,
# built the way Debian's gnu-efi package is meant to be used: objects as
# ELF (-fpic), linked with gnu-efi's crt0, linker script and libraries,
# then turned into a PE32(+) EFI application by objcopy.  libgcc gives the
# ia32 build its 64-bit division; a call left to a PLT slot (which the PE
# file would not carry) fails the link.
# Included from the top Makefile (BUILD).

EFI_SRCS = main.c console.c kernel.c closure.c framebuffer.c memmap.c enter.c trampoline.S
EFI_HDRS = boot/efi/loader.h boot/bootinfo.h boot/disk.h
EFI_CC      ?= gcc
EFI_LD      ?= ld
EFI_OBJCOPY ?= objcopy
EFI_CFLAGS   = -std=gnu11 -O2 -Wall -Wextra -Werror -ffreestanding -fpic -fshort-wchar \
               -fno-stack-protector -fno-strict-aliasing -mno-sse -mno-mmx \
               -I/usr/include/efi
EFI_CFLAGS_x64  = -m64 -mno-red-zone -maccumulate-outgoing-args -DGNU_EFI_USE_MS_ABI \
                  -I/usr/include/efi/x86_64
EFI_CFLAGS_ia32 = -m32 -I/usr/include/efi/ia32
EFI_LDARCH_x64  = elf_x86_64
EFI_LDARCH_ia32 = elf_i386
EFI_LIB_x64     = /usr/lib
EFI_LIB_ia32    = /usr/lib32
EFI_GNU_x64     = x86_64
EFI_GNU_ia32    = ia32
EFI_SECTIONS = -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel -j .rela \
               -j '.rel.*' -j '.rela.*' -j .reloc

# $(call efi_app,ARCH,NAME): build/boot/efi/NAME from EFI_SRCS for ARCH
define efi_app
$(BUILD)/boot/efi/$(1)/%.o: boot/efi/%.c $(EFI_HDRS) | $(BUILD)/.deps
	@mkdir -p $$(@D)
	$(EFI_CC) $(EFI_CFLAGS) $(EFI_CFLAGS_$(1)) -c -o $$@ $$<

$(BUILD)/boot/efi/$(1)/%.o: boot/efi/%.S boot/bootinfo.h | $(BUILD)/.deps
	@mkdir -p $$(@D)
	$(EFI_CC) $(EFI_CFLAGS) $(EFI_CFLAGS_$(1)) -c -o $$@ $$<

$(BUILD)/boot/efi/$(1)/loader.so: $(addprefix $(BUILD)/boot/efi/$(1)/,$(addsuffix .o,$(basename $(EFI_SRCS))))
	$(EFI_LD) -m $(EFI_LDARCH_$(1)) -nostdlib -shared -Bsymbolic -znocombreloc --build-id=none \
		-T $(EFI_LIB_$(1))/elf_$(EFI_GNU_$(1))_efi.lds $(EFI_LIB_$(1))/crt0-efi-$(EFI_GNU_$(1)).o \
		$$^ -o $$@ -L$(EFI_LIB_$(1)) -lefi -lgnuefi \
		$$(shell $(EFI_CC) $(EFI_CFLAGS_$(1)) -print-libgcc-file-name)
	@! readelf -rW $$@ | grep -q JUMP_SLOT || { echo "$$@: unresolved calls (JUMP_SLOT relocations)" >&2; rm -f $$@; exit 1; }

$(BUILD)/boot/efi/$(2): $(BUILD)/boot/efi/$(1)/loader.so
	$(EFI_OBJCOPY) $(EFI_SECTIONS) --target efi-app-$(EFI_GNU_$(1)) $$< $$@
endef
$(eval $(call efi_app,x64,BOOTX64.EFI))
$(eval $(call efi_app,ia32,BOOTIA32.EFI))

EFI_APPS := $(BUILD)/boot/efi/BOOTX64.EFI $(BUILD)/boot/efi/BOOTIA32.EFI
