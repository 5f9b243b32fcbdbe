# make test: every test, then one summary line ("tests: N passed, N failed, N skipped").

-include tests/unit/rules.mk
include tests/e2e/rules.mk
-include tests/bench/rules.mk
# Each test area adds its programs to UNIT_TESTS or E2E_TESTS (and what they
# need to E2E_DEPS) in its own rules.mk.
-include tests/conformance/rules.mk
-include tests/fuzz/rules.mk
-include tests/uefi/rules.mk
-include tests/fbcon/rules.mk
-include tests/full/rules.mk

UNIT_TESTS += $(BUILD)/unit/kernel_test
$(BUILD)/unit/kernel_test: tests/unit/kernel_test.c tests/unit/check.h kernel/hex0.c kernel/elf.c kernel/sha256.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) $(SANITIZE) -o $@ tests/unit/kernel_test.c kernel/hex0.c kernel/elf.c kernel/sha256.c

# The tests that boot the real chain need the distfiles; without them they
# report themselves skipped, with the reason.
HAVE_DISTFILES = $(wildcard $(DISTFILES)/stage0-posix/.git)
CHAIN_IMAGES = $(if $(HAVE_DISTFILES),$(BUILD)/seedboot.img $(BUILD)/tests/stage0.img $(BUILD)/tests/flipped.img)

test: $(UNIT_TESTS) $(E2E_DEPS) $(CHAIN_IMAGES)
	@BUILD=$(BUILD) DISTFILES=$(DISTFILES) tests/run $(BUILD)/test.log $(UNIT_TESTS) $(E2E_TESTS)
