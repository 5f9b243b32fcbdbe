# The closure and the disk image.

STAGE_ORDER = stage0-posix
SOURCES     = $(addprefix stages/,$(addsuffix /sources,$(STAGE_ORDER)))

$(BUILD)/host/mkclosure: image/mkclosure.c kernel/sha256.c kernel/sha256.h | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ image/mkclosure.c kernel/sha256.c

fetch: | $(BUILD)/.deps
	image/distfiles fetch $(DISTFILES) $(SOURCES)

# The stage plan: one line per stage, in order.
$(BUILD)/closure/stages: $(addprefix stages/,$(addsuffix /plan,$(STAGE_ORDER)))
	@mkdir -p $(dir $@)
	cat $^ > $@

CLOSURE_ARGS = --file seedboot/stages $(BUILD)/closure/stages \
	--file seedboot/seeds seeds/seeds \
	$(foreach s,$(STAGE_ORDER),--file seedboot/stage/$(s)/build.kaem stages/$(s)/build.kaem \
	                           --file seedboot/stage/$(s)/expect stages/$(s)/expect) \
	--tree stage0-posix $(DISTFILES)/stage0-posix --spec stages/stage0-posix/closure

# Always re-checked: the distfiles (fetched if missing) must match their pins
# before an image is made.
$(BUILD)/closure.cpio: $(BUILD)/host/mkclosure $(BUILD)/closure/stages seeds/seeds \
		$(wildcard stages/*/*) FORCE
	image/distfiles fetch $(DISTFILES) $(SOURCES)
	$(BUILD)/host/mkclosure -o $@.tmp $(CLOSURE_ARGS)
	@cmp -s $@.tmp $@ 2>/dev/null && rm $@.tmp || mv $@.tmp $@

$(BUILD)/seedboot.img: $(BUILD)/kernel.elf $(BUILD)/closure.cpio $(MKDISK_DEPS)
	$(BUILD)/host/mkdisk --mbr $(BUILD)/boot/mbr.bin --stage2 $(BUILD)/boot/stage2.bin \
		--kernel $(BUILD)/kernel.elf --closure $(BUILD)/closure.cpio \
		--cmdline "$(if $(STAGES),stages=$(STAGES))" -o $@

image: $(BUILD)/seedboot.img
.PHONY: FORCE
FORCE:

$(BUILD)/host/hex0: image/hex0.c kernel/hex0.c kernel/hex0.h | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ image/hex0.c kernel/hex0.c
