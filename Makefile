# seedboot: see README.md. `make` builds the image, `make run` boots it,
# `make test` runs every test, `make bench` prints the measured figures.

BUILD     ?= build
DISTFILES ?= distfiles
FIRMWARE  ?= bios
MEDIA     ?= ide
ACCEL     ?= auto
MEMORY    ?= 2G
STAGES    ?=

HOSTCC    ?= gcc
HOSTCFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Werror
SANITIZE   = -fsanitize=address,undefined -fno-omit-frame-pointer

.PHONY: all deps fetch image run test bench clean
all: image

include fs/rules.mk
include kernel/rules.mk
include boot/bios/rules.mk
include boot/efi/rules.mk
include image/rules.mk
include qemu/rules.mk
include tests/rules.mk

clean:
	rm -rf $(BUILD)

# Debian packages the build and the tests need; installed when missing.
DEBS = make gcc gcc-multilib libc6-dev-i386 binutils git cpio qemu-system-x86 \
       gnu-efi ovmf ovmf-ia32 mtools dosfstools \
       qemu-utils clang lld ca-certificates console-setup-linux curl bzip2 patch
$(BUILD)/.deps: Makefile
	@mkdir -p $(BUILD)
	@dpkg -s $(DEBS) >/dev/null 2>&1 || { \
	  echo "deps: installing Debian packages: $(DEBS)"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DEBS); }
	@touch $@
deps: $(BUILD)/.deps

run: $(BUILD)/seedboot.img $(QEMU_DEPS)
	$(QEMU_RUN) --disk $(BUILD)/seedboot.img --firmware $(FIRMWARE) --media $(MEDIA) \
		--accel $(ACCEL) --memory $(MEMORY) --timeout $(RUN_TIMEOUT) --log $(BUILD)/run.log
RUN_TIMEOUT ?= 21600

bench: $(BENCH_DEPS) $(BUILD)/seedboot.img $(BUILD)/closure.cpio $(BUILD)/host/hex0 \
		$(BUILD)/tests/readloop $(BUILD)/tests/closure.cpio $(BOOT_BENCH_DEPS)
	$(BENCH_CMD)
	$(BOOT_BENCH_CMD)
