# End-to-end tests: images built here, booted by qemu/run.

TEST_CC     = $(KCC) -m32 -static -nostdlib -ffreestanding -fno-pic -fno-pie -O1 \
              -fno-asynchronous-unwind-tables -Wl,--build-id=none -Wl,-z,noexecstack
TEST_PROGS  = null hello readloop abi wtext stackov spin oom

$(BUILD)/tests/%: tests/programs/%.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(TEST_CC) -o $@ $<

$(BUILD)/tests/%.hex0: $(BUILD)/tests/% tests/programs/to-hex0
	tests/programs/to-hex0 $< > $@

# A closure with the test programs as hex0 and one stage per program.
$(BUILD)/tests/closure/seeds: $(addprefix $(BUILD)/tests/,$(TEST_PROGS))
	@mkdir -p $(dir $@)
	for p in $(TEST_PROGS); do \
	  echo "$$(sha256sum < $(BUILD)/tests/$$p | cut -c1-64) /test/$$p /test/$$p.hex0"; done > $@

$(BUILD)/tests/closure/stages: tests/e2e/rules.mk
	@mkdir -p $(dir $@)
	for p in $(TEST_PROGS); do echo "$$p /test ./$$p"; done > $@

$(BUILD)/tests/closure/expect:
	@mkdir -p $(dir $@)
	: > $@

$(BUILD)/tests/closure.cpio: $(BUILD)/host/mkclosure $(BUILD)/tests/closure/seeds \
		$(BUILD)/tests/closure/stages $(BUILD)/tests/closure/expect \
		$(addprefix $(BUILD)/tests/,$(addsuffix .hex0,$(TEST_PROGS)))
	$(BUILD)/host/mkclosure -o $@ --file seedboot/stages $(BUILD)/tests/closure/stages \
	  --file seedboot/seeds $(BUILD)/tests/closure/seeds \
	  $(foreach p,$(TEST_PROGS),--file seedboot/stage/$(p)/expect $(BUILD)/tests/closure/expect \
	                            --file test/$(p).hex0 $(BUILD)/tests/$(p).hex0)

$(BUILD)/host/flipbyte: tests/e2e/flipbyte.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $<

# The real closure with one byte of one source flipped, past the host's check.
FLIPPED = stage0-posix/x86/hex1_x86.hex0
$(BUILD)/tests/flipped.img: $(BUILD)/closure.cpio $(BUILD)/host/flipbyte $(BUILD)/kernel.elf $(MKDISK_DEPS)
	@mkdir -p $(dir $@)
	$(BUILD)/host/flipbyte $(BUILD)/closure.cpio $(FLIPPED) $(BUILD)/tests/flipped.cpio
	$(BUILD)/host/mkdisk --mbr $(BUILD)/boot/mbr.bin --stage2 $(BUILD)/boot/stage2.bin \
		--kernel $(BUILD)/kernel.elf --closure $(BUILD)/tests/flipped.cpio -o $@

# The real image with its command line cut to the first stage, for the chain
# tests of make test. The later stages take far longer under TCG: make
# test-full boots the image itself through all of them (tests/full/).
$(BUILD)/tests/stage0.img: $(BUILD)/kernel.elf $(BUILD)/closure.cpio $(BUILD)/esp.img $(MKDISK_DEPS)
	@mkdir -p $(dir $@)
	$(BUILD)/host/mkdisk --mbr $(BUILD)/boot/mbr.bin --stage2 $(BUILD)/boot/stage2.bin \
		--kernel $(BUILD)/kernel.elf --closure $(BUILD)/closure.cpio --esp $(BUILD)/esp.img \
		--cmdline "stages=stage0-posix" -o $@

E2E_DEPS = $(BUILD)/kernel.elf $(BUILD)/tests/closure.cpio $(QEMU_DEPS)
E2E_TESTS = tests/e2e/programs.sh tests/e2e/faults.sh tests/e2e/distfiles.sh tests/e2e/mkclosure.sh tests/e2e/patches.sh tests/e2e/tcc-fixpoint.sh tests/e2e/chain.sh tests/e2e/flipped.sh \
            tests/e2e/reproducible.sh
