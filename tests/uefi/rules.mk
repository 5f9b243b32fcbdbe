# tests/uefi/: the hybrid image under SeaBIOS, OVMF x64 and OVMF ia32.
#
#   short.img      the hybrid image with the small test closure and a short
#                  stage set, booted under every firmware on IDE and USB
#   nokernel.img   the same, but its ESP has no kernel file: the loader's
#                  error path
# The full stage0-posix chain runs once more under OVMF x64 from
# $(BUILD)/tests/stage0.img, the real image cut to stage0-posix
# (tests/uefi/chain.sh).

UEFI_SHORT_STAGES = hello,abi

$(BUILD)/tests/uefi/nokernel-esp.img: $(EFI_APPS)
	$(call mkesp,$@,)

$(BUILD)/tests/uefi/short.img: $(BUILD)/kernel.elf $(BUILD)/tests/closure.cpio $(BUILD)/esp.img $(MKDISK_DEPS)
	@mkdir -p $(@D)
	$(BUILD)/host/mkdisk --mbr $(BUILD)/boot/mbr.bin --stage2 $(BUILD)/boot/stage2.bin \
		--kernel $(BUILD)/kernel.elf --closure $(BUILD)/tests/closure.cpio \
		--esp $(BUILD)/esp.img --cmdline "stages=$(UEFI_SHORT_STAGES)" -o $@

$(BUILD)/tests/uefi/nokernel.img: $(BUILD)/kernel.elf $(BUILD)/tests/closure.cpio \
		$(BUILD)/tests/uefi/nokernel-esp.img $(MKDISK_DEPS)
	$(BUILD)/host/mkdisk --mbr $(BUILD)/boot/mbr.bin --stage2 $(BUILD)/boot/stage2.bin \
		--kernel $(BUILD)/kernel.elf --closure $(BUILD)/tests/closure.cpio \
		--esp $(BUILD)/tests/uefi/nokernel-esp.img --cmdline "stages=hello" -o $@

E2E_DEPS  += $(BUILD)/tests/uefi/short.img $(BUILD)/tests/uefi/nokernel.img
E2E_TESTS += tests/uefi/boot.sh tests/uefi/nokernel.sh tests/uefi/chain.sh
