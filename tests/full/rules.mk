# make test-full: the whole chain, every stage, from the real image.
E2E_TESTS += tests/full/chain.sh

test-full: $(BUILD)/seedboot.img $(QEMU_DEPS)
	@BUILD=$(BUILD) SEEDBOOT_FULL=1 tests/run $(BUILD)/test-full.log tests/full/chain.sh
.PHONY: test-full
