# The kernel: freestanding i386, linked at KERNBASE + 1 MiB (linker.ld).

KCC     ?= gcc
KCFLAGS  = -m32 -std=gnu11 -O2 -flto -g -ffreestanding -fno-builtin -nostdinc \
           -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
           -fno-asynchronous-unwind-tables -mno-sse -mno-mmx -mno-80387 \
           -ffile-prefix-map=$(CURDIR)/= -mgeneral-regs-only -fno-tree-loop-distribute-patterns -fno-strict-aliasing -Wall -Wextra -Werror -Ikernel -Ikernel/arch/x86
KASFLAGS = -m32 -Ikernel/arch/x86
KLDFLAGS = -m32 -O2 -flto -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-T,linker.ld -Wl,-z,noexecstack

KERNEL_C  = $(wildcard kernel/*.c kernel/sys/*.c kernel/arch/x86/*.c) $(FS_SRCS)
KERNEL_S  = $(wildcard kernel/arch/x86/*.S)
KERNEL_OBJS = $(patsubst %.c,$(BUILD)/k/%.o,$(KERNEL_C)) $(patsubst %.S,$(BUILD)/k/%.o,$(KERNEL_S)) \
              $(BUILD)/k/syscall_names.o

$(BUILD)/k/%.o: %.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(KCC) $(KCFLAGS) -MMD -c $< -o $@

$(BUILD)/k/%.o: %.S | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(KCC) $(KASFLAGS) -MMD -c $< -o $@

# Names of every Linux i386 system call, for the "not implemented" message,
# taken from the system's Linux headers at build time.
UNISTD_32 = $(firstword $(wildcard /usr/include/x86_64-linux-gnu/asm/unistd_32.h /usr/include/i386-linux-gnu/asm/unistd_32.h /usr/include/asm/unistd_32.h))
$(BUILD)/k/syscall_names.c: $(UNISTD_32) | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	awk 'BEGIN { print "const char *const linux_syscall_names[] = {" } \
	     $$1 == "#define" && $$2 ~ /^__NR_/ { n = substr($$2, 6); print "\t[" $$3 "] = \"" n "\","; if ($$3 + 1 > max) max = $$3 + 1 } \
	     END { print "};\nconst unsigned linux_syscall_count = " max ";" }' $< > $@

$(BUILD)/k/syscall_names.o: $(BUILD)/k/syscall_names.c
	$(KCC) $(KCFLAGS) -c $< -o $@

# The console's font, converted at build time from a Debian console font
# (console-setup-linux) by our own tool; no font is kept in the repository.
FONT_PSF = /usr/share/consolefonts/Uni2-VGA16.psf.gz
KERNEL_OBJS += $(BUILD)/k/font.o

$(BUILD)/host/mkfont: kernel/tools/mkfont.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $<

$(BUILD)/k/font.c: $(BUILD)/host/mkfont $(wildcard $(FONT_PSF)) | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	@test -f $(FONT_PSF) || { echo "kernel/rules.mk: no $(FONT_PSF): install console-setup-linux" \
	  "(rm $(BUILD)/.deps; make)" >&2; exit 1; }
	gzip -dc $(FONT_PSF) > $@.psf
	$(BUILD)/host/mkfont $@.psf $(notdir $(FONT_PSF)) > $@.tmp
	rm $@.psf
	mv $@.tmp $@

$(BUILD)/k/font.o: $(BUILD)/k/font.c kernel/fbcon.h
	$(KCC) $(KCFLAGS) -c $< -o $@

# kernel-debug.elf keeps the debug info (for gdb); kernel.elf, which goes
# into images, drops it, since it records the build directory's name.
$(BUILD)/kernel-debug.elf: $(KERNEL_OBJS) linker.ld
	$(KCC) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) -lgcc

$(BUILD)/kernel.elf: $(BUILD)/kernel-debug.elf
	objcopy --strip-debug $< $@

-include $(KERNEL_OBJS:.o=.d)
