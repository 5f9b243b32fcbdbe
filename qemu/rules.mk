# qemu/: the headless QEMU runner and its KVM probe guest.
#
# Every target that boots a guest runs $(QEMU_RUN) and depends on
# $(QEMU_DEPS); the probe ELF is passed to the runner through KVM_PROBE
# (exported below), and its cached result lives next to it
# ($(BUILD)/qemu/kvm-probe.elf.result.EMULATOR, valid for one boot of the
# host).

QEMU_RUN  := qemu/run
QEMU_DEPS := $(BUILD)/qemu/kvm-probe.elf
export KVM_PROBE := $(BUILD)/qemu/kvm-probe.elf

PROBE_AS  ?= as
PROBE_LD  ?= ld

$(BUILD)/qemu/kvm-probe.o: qemu/kvm-probe.S | $(BUILD)/.deps
	@mkdir -p $(@D)
	$(PROBE_AS) --32 -o $@ $<

$(BUILD)/qemu/kvm-probe.elf: $(BUILD)/qemu/kvm-probe.o
	$(PROBE_LD) -m elf_i386 -nostdlib --build-id=none -N --no-warn-rwx-segments \
	  -z noexecstack -Ttext=0x100000 -e _start -o $@ $<
