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
#
# The top Makefile's `bench` wires it as:
#   bench: $(BENCH_DEPS) $(BUILD)/seedboot.img $(BUILD)/closure.cpio $(BUILD)/host/hex0
#   	$(BENCH_CMD)

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

BENCH_CMD = QEMU_RUN=$(QEMU_RUN) tests/bench/bench --build $(BUILD) \
  --closure $(BENCH_CLOSURE) --image $(BENCH_IMAGE) --kernel-elf $(BENCH_KERNEL_ELF) \
  --vmlinuz $(BENCH_DIR)/vmlinuz --init $(BENCH_DIR)/linux-init \
  --hex0 $(BENCH_HEX0) $(if $(BENCH_SEED_BIN),--seed-bin $(BENCH_SEED_BIN)) \
  --readloop $(BUILD)/tests/readloop --test-closure $(BUILD)/tests/closure.cpio \
  --memory $(BENCH_MEMORY) --accel $(BENCH_ACCEL) --timeout $(BENCH_TIMEOUT) \
  --cases $(BENCH_CASES) $(if $(BENCH_STAGES),--stages $(BENCH_STAGES))

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
