# libFuzzer targets for the kernel's parsers, built from the kernel's own
# sources with clang. `make fuzz` runs each for FUZZ_SECONDS; `make test`
# runs each for FUZZ_TEST_SECONDS (tests/fuzz/check.sh). Everything the
# fuzzer writes (new corpus entries, crash reproducers) goes under
# $(BUILD)/fuzz/; the seed corpus in tests/fuzz/corpus/ is only read.

FUZZ_CC      ?= clang
FUZZ_CFLAGS   = -std=gnu11 -g -O1 -Wall -Wextra -Werror \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_TARGETS  = cpio elf path hex0
FUZZ_SECONDS      ?= 60
FUZZ_TEST_SECONDS ?= 5
FUZZ_BINS     = $(addprefix $(BUILD)/fuzz/,$(FUZZ_TARGETS))

FUZZ_FS       = $(FS_SRCS) tests/unit/fsport_host.c tests/fuzz/fstree.c
FUZZ_FS_DEPS  = $(FUZZ_FS) $(wildcard fs/*.h) tests/unit/fsport_host.h tests/fuzz/fuzz.h \
                kernel/types.h kernel/errno.h

$(BUILD)/fuzz/cpio: tests/fuzz/cpio_fuzz.c $(FUZZ_FS_DEPS) | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_FS)

$(BUILD)/fuzz/path: tests/fuzz/path_fuzz.c $(FUZZ_FS_DEPS) | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_FS)

$(BUILD)/fuzz/elf: tests/fuzz/elf_fuzz.c kernel/elf.c kernel/elf.h kernel/types.h kernel/errno.h \
		tests/fuzz/fuzz.h | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< kernel/elf.c

$(BUILD)/fuzz/hex0: tests/fuzz/hex0_fuzz.c kernel/hex0.c kernel/hex0.h kernel/types.h \
		tests/fuzz/fuzz.h | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< kernel/hex0.c

.PHONY: fuzz
fuzz: $(FUZZ_BINS)
	@BUILD=$(BUILD) FUZZ_MODE=long tests/fuzz/check.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

export FUZZ_TEST_SECONDS
E2E_TESTS += tests/fuzz/check.sh
E2E_DEPS  += $(FUZZ_BINS)
