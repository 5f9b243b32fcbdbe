# The framebuffer console: a host test of its drawing (kernel/fbcon.c), the
# tool that finds a line of text in a screenshot (fbfind), and the
# end-to-end check that the screen shows the verdict, on a VGA mode set by a
# test loader (vbeboot) and on OVMF's own framebuffer.

FBCON_HOST = kernel/fbcon.c $(BUILD)/k/font.c
FBCON_HOST_DEPS = $(FBCON_HOST) kernel/fbcon.h boot/bootinfo.h kernel/types.h

UNIT_TESTS += $(BUILD)/unit/fbcon_test
$(BUILD)/unit/fbcon_test: tests/fbcon/fbcon_test.c tests/unit/check.h $(FBCON_HOST_DEPS)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOSTCFLAGS) $(SANITIZE) -Ikernel -o $@ $< $(FBCON_HOST)

$(BUILD)/host/fbfind: tests/fbcon/fbfind.c $(FBCON_HOST_DEPS)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOSTCFLAGS) -Ikernel -o $@ $< $(FBCON_HOST)

E2E_DEPS += $(BUILD)/host/fbfind
E2E_TESTS += tests/fbcon/screendump.sh

# A Multiboot test loader that sets a VGA graphics mode and hands the kernel
# its framebuffer (see vbeboot.c); linked at 64 MiB.
$(BUILD)/tests/vbeboot: tests/fbcon/vbeboot.c boot/bootinfo.h kernel/types.h kernel/elf.h kernel/arch/x86/multiboot.h | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(KCC) -m32 -std=gnu11 -O2 -ffreestanding -nostdlib -nostdinc -static -fno-pic -fno-pie \
	  -fno-stack-protector -fno-toplevel-reorder -fno-asynchronous-unwind-tables \
	  -Wall -Wextra -Werror -Wl,--build-id=none -Wl,-N -Wl,-Ttext=0x4000000 \
	  -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -o $@ $<

E2E_DEPS += $(BUILD)/tests/vbeboot

# A UEFI image with the short test closure, for the OVMF screen check
# (only when the EFI loader is part of the build).
$(BUILD)/tests/fbcon.img: $(BUILD)/esp.img $(BUILD)/tests/closure.cpio $(BUILD)/kernel.elf $(MKDISK_DEPS)
	$(BUILD)/host/mkdisk --mbr $(BUILD)/boot/mbr.bin --stage2 $(BUILD)/boot/stage2.bin \
		--kernel $(BUILD)/kernel.elf --closure $(BUILD)/tests/closure.cpio --esp $(BUILD)/esp.img \
		--cmdline "stages=hello" -o $@

E2E_DEPS += $(if $(EFI_APPS),$(BUILD)/tests/fbcon.img)
