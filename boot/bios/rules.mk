# BIOS boot path: MBR, stage 2 and the host tool that writes the disk image.
# Included from the top Makefile (BUILD, HOSTCC, HOSTCFLAGS).

BIOS_CC      ?= gcc
BIOS_LD      ?= ld
BIOS_OBJCOPY ?= objcopy
BIOS_ASFLAGS  = -m32 -c -nostdinc -ffreestanding -Iboot/bios
BIOS_HDRS     = boot/bios/layout.h boot/bootinfo.h

# Explicit (not pattern) rules so that no generic %.o rule of the kernel
# can capture these objects.
$(BUILD)/boot/bios/mbr.o: boot/bios/mbr.S $(BIOS_HDRS) | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(BIOS_CC) $(BIOS_ASFLAGS) -o $@ boot/bios/mbr.S

$(BUILD)/boot/bios/stage2.o: boot/bios/stage2.S $(BIOS_HDRS) | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(BIOS_CC) $(BIOS_ASFLAGS) -o $@ boot/bios/stage2.S

$(BUILD)/boot/bios/mbr.elf: $(BUILD)/boot/bios/mbr.o boot/bios/mbr.ld
	$(BIOS_LD) -m elf_i386 -nostdlib -T boot/bios/mbr.ld -o $@ $(BUILD)/boot/bios/mbr.o

$(BUILD)/boot/bios/stage2.elf: $(BUILD)/boot/bios/stage2.o boot/bios/stage2.ld
	$(BIOS_LD) -m elf_i386 -nostdlib -T boot/bios/stage2.ld -o $@ $(BUILD)/boot/bios/stage2.o

# MBR code + data must end before the patch block (0x1B0); mbr.S's .org
# already refuses to assemble otherwise, and the size check below guards
# the 446-byte boot code area.
$(BUILD)/boot/mbr.bin: $(BUILD)/boot/bios/mbr.elf
	@mkdir -p $(@D)
	$(BIOS_OBJCOPY) -O binary $< $@
	@sz=$$(wc -c < $@); if [ $$sz -gt 446 ]; then \
	  echo "boot/bios/mbr.S: MBR is $$sz bytes, at most 446 fit before the partition table" >&2; \
	  rm -f $@; exit 1; fi

# Stage 2: stage2.ld refuses to link past 0xFFFF; 32 KiB = 64 sectors.
$(BUILD)/boot/stage2.bin: $(BUILD)/boot/bios/stage2.elf
	@mkdir -p $(@D)
	$(BIOS_OBJCOPY) -O binary $< $@
	@sz=$$(wc -c < $@); if [ $$sz -gt 32768 ]; then \
	  echo "boot/bios/stage2.S: stage 2 is $$sz bytes, at most 32768" >&2; \
	  rm -f $@; exit 1; fi

$(BUILD)/host/mkdisk: image/mkdisk.c image/gpt.c image/gpt.h boot/disk.h $(BIOS_HDRS) | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(HOSTCC) $(HOSTCFLAGS) -I. -o $@ image/mkdisk.c image/gpt.c

MKDISK_DEPS := $(BUILD)/boot/mbr.bin $(BUILD)/boot/stage2.bin $(BUILD)/host/mkdisk
