# The closure and the disk image.

STAGE_ORDER = stage0-posix mes tcc
SOURCES     = $(addprefix stages/,$(addsuffix /sources,$(STAGE_ORDER)))

$(BUILD)/host/mkclosure: image/mkclosure.c kernel/sha256.c kernel/sha256.h | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ image/mkclosure.c kernel/sha256.c

# Every stage's pins, also those of a stage not yet in the plan (its
# patches are still tested against them).
fetch: | $(BUILD)/.deps
	image/distfiles fetch $(DISTFILES) $(wildcard stages/*/sources)

# The stage plan: one line per stage, in order.
$(BUILD)/closure/stages: $(addprefix stages/,$(addsuffix /plan,$(STAGE_ORDER)))
	@mkdir -p $(dir $@)
	cat $^ > $@

CLOSURE_ARGS = --file seedboot/stages $(BUILD)/closure/stages \
	--file seedboot/seeds seeds/seeds \
	$(foreach s,$(STAGE_ORDER),--file seedboot/stage/$(s)/build.kaem stages/$(s)/build.kaem \
	                           --file seedboot/stage/$(s)/expect stages/$(s)/expect) \
	--tree stage0-posix $(DISTFILES)/stage0-posix --spec stages/stage0-posix/closure
CLOSURE_DEPS =
# $(call apply-patches,DIR,TREE): our patches in DIR, in name order, to the
# unpacked TREE. A patch that needs fuzz or an offset fails: it was made for
# other code.
apply-patches = for p in $(sort $(wildcard $(1)/*.patch)); do \
	out=$$(patch -d $(2) -p1 -F0 -N --no-backup-if-mismatch < $$p 2>&1); \
	if [ $$? -ne 0 ] || echo "$$out" | grep -qE 'offset|fuzz'; then \
		echo "$$p: does not apply cleanly to $(2):" \
			"$$(echo "$$out" | grep -m1 -E 'offset|fuzz|FAILED|Reversed|can.t')" >&2; \
		exit 1; \
	fi; \
done
# A stage whose sources need more than a git tree says how in its rules.mk,
# adding to CLOSURE_ARGS and CLOSURE_DEPS.
-include $(wildcard stages/*/rules.mk)

# A pinned file that is missing is fetched (image/distfiles names any failure).
$(DISTFILES)/%.tar.gz $(DISTFILES)/%.tar.bz2 $(DISTFILES)/%.deb:
	image/distfiles fetch $(DISTFILES) $(SOURCES)

# Always re-checked: the distfiles (fetched if missing) must match their pins
# before an image is made.
$(BUILD)/closure.cpio: $(BUILD)/host/mkclosure $(BUILD)/closure/stages seeds/seeds \
		$(wildcard stages/*/*) $(CLOSURE_DEPS) FORCE
	image/distfiles fetch $(DISTFILES) $(SOURCES)
	$(BUILD)/host/mkclosure -o $@.tmp $(CLOSURE_ARGS)
	@cmp -s $@.tmp $@ 2>/dev/null && rm $@.tmp || mv $@.tmp $@

# The EFI System Partition: FAT32 (the type every UEFI firmware reads),
# fixed volume id and label (-i after --invariant, which would set its own),
# every timestamp 2000-01-01 00:00 UTC (FAT cannot store 1970).
# $(call mkesp,OUT,KERNEL): KERNEL empty leaves the kernel out (a test).
ESP_KIB = 40960
MTOOLS  = TZ=UTC SOURCE_DATE_EPOCH=946684800 MTOOLS_SKIP_CHECK=1
define mkesp
	@mkdir -p $(dir $(1))
	rm -f $(1).tmp
	mkfs.fat -C -F 32 -n SEEDBOOT --invariant -i 5EEDB007 -S 512 -s 1 $(1).tmp $(ESP_KIB) > /dev/null
	$(MTOOLS) mmd -i $(1).tmp ::EFI ::EFI/BOOT ::EFI/seedboot
	$(MTOOLS) mcopy -i $(1).tmp $(BUILD)/boot/efi/BOOTX64.EFI ::EFI/BOOT/BOOTX64.EFI
	$(MTOOLS) mcopy -i $(1).tmp $(BUILD)/boot/efi/BOOTIA32.EFI ::EFI/BOOT/BOOTIA32.EFI
	$(if $(2),$(MTOOLS) mcopy -i $(1).tmp $(2) ::EFI/seedboot/kernel.elf)
	mv $(1).tmp $(1)
endef
$(BUILD)/esp.img: $(EFI_APPS) $(BUILD)/kernel.elf
	$(call mkesp,$@,$(BUILD)/kernel.elf)

# One image for BIOS and UEFI (boot/disk.h).
$(BUILD)/seedboot.img: $(BUILD)/kernel.elf $(BUILD)/closure.cpio $(BUILD)/esp.img $(MKDISK_DEPS)
	$(BUILD)/host/mkdisk --mbr $(BUILD)/boot/mbr.bin --stage2 $(BUILD)/boot/stage2.bin \
		--kernel $(BUILD)/kernel.elf --closure $(BUILD)/closure.cpio --esp $(BUILD)/esp.img \
		--cmdline "$(if $(STAGES),stages=$(STAGES))" -o $@

image: $(BUILD)/seedboot.img
.PHONY: FORCE
FORCE:

$(BUILD)/host/hex0: image/hex0.c kernel/hex0.c kernel/hex0.h | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ image/hex0.c kernel/hex0.c

# Write the image to a USB stick: make flash DEV=/dev/sdX [FORCE=1]
$(BUILD)/host/flash: image/flash.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ image/flash.c

.PHONY: flash
flash: $(BUILD)/seedboot.img $(BUILD)/host/flash
	@[ -n "$(DEV)" ] || { echo "flash: say which device: make flash DEV=/dev/sdX (see lsblk)" >&2; exit 1; }
	$(BUILD)/host/flash $(if $(FORCE),--force) $(BUILD)/seedboot.img $(DEV)
