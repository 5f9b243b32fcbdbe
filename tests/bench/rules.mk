# tests/bench/: the Linux-guest and native side of `make bench`.
#
#   $(BENCH_DIR)/linux-init   static i386 /init of the Linux guest (our C, no libc)
#   $(BENCH_DIR)/vmlinuz      Debian's linux-image-686 kernel (tests/bench/get-linux)
#   $(BENCH_CMD)              tests/bench/bench with this build's paths; runs
#                             seedboot (if $(BENCH_IMAGE) exists), Linux and native,
#                             each QEMU case plain and under --icount
#   make bench-linux          only the Linux guest (+ native) rows
#   BENCH_STAGES=LIST         comma list of stages to measure (empty: every
#                             stage of the plan); seedboot then boots
#                             $(BENCH_KERNEL_ELF) + the closure with stages=LIST
#                             ('all': every stage, booted that way)
#   BENCH_OUT=DIR             where the logs and results.txt go
#   BENCH_ICOUNT=0            no -icount runs
#
# The top Makefile's `bench` runs $(BENCH_CMD), then $(BOOT_BENCH_CMD) (the
# time to the kernel's first line under each firmware).

BENCH_DIR        := $(BUILD)/bench
BENCH_CLOSURE    ?= $(BUILD)/closure.cpio
BENCH_IMAGE      ?= $(BUILD)/seedboot.img
BENCH_KERNEL_ELF ?= $(BUILD)/kernel.elf
BENCH_HEX0       ?= $(BUILD)/host/hex0
BENCH_SEED_BIN   ?=
BENCH_LINUX_PKG  ?= linux-image-686
BENCH_TIMEOUT    ?= 14400
BENCH_CASES      ?= seedboot,linux,native,syscalls
BENCH_MEMORY     ?= $(or $(MEMORY),1G)
BENCH_STAGES     ?=
BENCH_OUT        ?= $(BENCH_DIR)
BENCH_ICOUNT     ?= 1
BENCH_ACCEL      ?= $(or $(ACCEL),auto)

BENCH_DEPS := $(BENCH_DIR)/linux-init $(BENCH_DIR)/vmlinuz $(QEMU_DEPS)

BENCH_INIT_CFLAGS = -m32 -static -nostdlib -ffreestanding -fno-pic -no-pie \
  -fno-stack-protector -fno-asynchronous-unwind-tables -Os -Wall -Wextra -Werror \
  -Wl,--build-id=none

$(BENCH_DIR)/linux-init: tests/bench/linux-init.c | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(HOSTCC) $(BENCH_INIT_CFLAGS) -o $@ $< -lgcc

$(BENCH_DIR)/vmlinuz: | $(BUILD)/.deps
	tests/bench/get-linux $(BENCH_DIR) $(BENCH_LINUX_PKG)

BENCH_CMD = QEMU_RUN=$(QEMU_RUN) tests/bench/bench --build $(BUILD) --out $(BENCH_OUT) \
  --closure $(BENCH_CLOSURE) --image $(BENCH_IMAGE) --kernel-elf $(BENCH_KERNEL_ELF) \
  --vmlinuz $(BENCH_DIR)/vmlinuz --init $(BENCH_DIR)/linux-init \
  --hex0 $(BENCH_HEX0) $(if $(BENCH_SEED_BIN),--seed-bin $(BENCH_SEED_BIN)) \
  --readloop $(BUILD)/tests/readloop --test-closure $(BUILD)/tests/closure.cpio \
  --memory $(BENCH_MEMORY) --accel $(BENCH_ACCEL) --timeout $(BENCH_TIMEOUT) \
  --cases $(BENCH_CASES) $(if $(BENCH_STAGES),--stages $(BENCH_STAGES)) \
  $(if $(filter 0,$(BENCH_ICOUNT)),--no-icount)

.PHONY: bench-linux
bench-linux: $(BENCH_DEPS) $(BENCH_CLOSURE) $(if $(BENCH_SEED_BIN),,$(BENCH_HEX0))
	$(BENCH_CMD) --cases linux,native

# Boot times from QEMU's start to the kernel's first line and to PASS, for
# each firmware and medium (tests/bench/boot-times), on the hybrid image
# with the short stage set.
BOOT_BENCH_DEPS := $(BUILD)/tests/uefi/short.img $(QEMU_DEPS)
BOOT_BENCH_CMD   = QEMU_RUN=$(QEMU_RUN) tests/bench/boot-times --build $(BUILD) \
  --accel $(BENCH_ACCEL) --memory $(BENCH_MEMORY)

.PHONY: bench-boot
bench-boot: $(BOOT_BENCH_DEPS)
	$(BOOT_BENCH_CMD)

# Slices: whole mes and tcc stages take hours per run under TCG, and a bench
# runs each four times. A slice is a part of the chain that takes minutes,
# measured the same way (make bench-slices; each slice's table goes to
# $(BENCH_DIR)/SLICE/results.txt):
#   mes-slice  stage0-posix, then the mes stage up to MesCC's libc-mini:
#              M2-Planet 1.10.0, mes-m2 and the first 2 MesCC runs (crt1,
#              libc-mini); its
#              outputs are checked against their lines of stages/mes/expect
#   tcc-slice  steps 3-5 of the tcc stage, one stage per command, from the
#              tcc-boot0 that tests/e2e/tcc-fixpoint.sh builds on the host
SLICE_CASES ?= seedboot,linux,native
MES_SLICE := $(BENCH_DIR)/mes-slice
TCC_SLICE := $(BUILD)/tests/tcc-fixpoint/closure.cpio

$(MES_SLICE)/closure.cpio: tests/bench/rules.mk $(BUILD)/host/mkclosure $(BUILD)/closure/stages seeds/seeds \
		$(wildcard stages/*/*) $(CLOSURE_DEPS)
	@mkdir -p $(@D)
	sed '/^cp libc-mini\.s /q' stages/mes/build.kaem > $(@D)/build.kaem
	@grep -q '^cp libc-mini\.s ' $(@D)/build.kaem || \
		{ echo "mes-slice: stages/mes/build.kaem has no 'cp libc-mini.s' line to stop at" >&2; exit 1; }
	grep -E ' (bin/|.*/crt1\.|.*/libc-mini\.)' stages/mes/expect > $(@D)/expect
	$(BUILD)/host/mkclosure -o $@ $(subst stages/mes/build.kaem,$(@D)/build.kaem,$(subst \
		stages/mes/expect,$(@D)/expect,$(CLOSURE_ARGS)))

$(TCC_SLICE): $(BUILD)/host/mkclosure $(BUILD)/kernel.elf $(wildcard stages/*/*) $(CLOSURE_DEPS)
	@mkdir -p $(BUILD)/tests
	BUILD=$(BUILD) DISTFILES=$(DISTFILES) tests/e2e/tcc-fixpoint.sh > $(BUILD)/tests/tcc-fixpoint.out; \
	if [ $$? -ne 0 ] || [ ! -f $@ ]; then \
		echo "tcc-slice: tests/e2e/tcc-fixpoint.sh made no $@:" >&2; \
		grep -E '^(not ok|skip)' $(BUILD)/tests/tcc-fixpoint.out >&2; exit 1; fi

.PHONY: bench-slices bench-mes-slice bench-tcc-slice
bench-slices: bench-mes-slice bench-tcc-slice
bench-mes-slice: BENCH_CLOSURE = $(MES_SLICE)/closure.cpio
bench-mes-slice: BENCH_STAGES = stage0-posix,mes
bench-mes-slice: BENCH_OUT = $(MES_SLICE)
bench-tcc-slice: BENCH_CLOSURE = $(TCC_SLICE)
bench-tcc-slice: BENCH_OUT = $(BENCH_DIR)/tcc-slice
bench-tcc-slice: BENCH_STAGES = all
bench-mes-slice bench-tcc-slice: BENCH_CASES = $(SLICE_CASES)
bench-mes-slice: $(BENCH_DEPS) $(MES_SLICE)/closure.cpio $(BUILD)/host/hex0
	$(BENCH_CMD)
bench-tcc-slice: $(BENCH_DEPS) $(TCC_SLICE) $(BUILD)/host/hex0
	$(BENCH_CMD)
