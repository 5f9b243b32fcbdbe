# The conformance suite: the same i386 programs on the host's Linux and on
# seedboot, transcripts compared byte for byte (tests/conformance/run.sh).

CONF       = $(BUILD)/conformance
CONF_CC    = $(KCC) -m32 -static -nostdlib -ffreestanding -fno-pic -fno-pie -O1 \
             -fno-asynchronous-unwind-tables -Wall -Wextra -Werror \
             -Wl,--build-id=none -Wl,-z,noexecstack
# in the order they run; each tests/conformance/NAME.c is one program
CONF_PROGS = files dirs fds procs args memory misc
CONF_BINS  = $(addprefix $(CONF)/,driver $(CONF_PROGS))

$(CONF_BINS): $(CONF)/%: tests/conformance/%.c tests/conformance/rt.c tests/conformance/rt.h | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(CONF_CC) -o $@ $< tests/conformance/rt.c

$(addsuffix .hex0,$(CONF_BINS)): %.hex0: % tests/programs/to-hex0
	tests/programs/to-hex0 $< > $@

# One stage, "conformance": the driver runs every program in /conf.
$(CONF)/closure/seeds: $(CONF_BINS)
	@mkdir -p $(dir $@)
	for p in driver $(CONF_PROGS); do \
	  echo "$$(sha256sum < $(CONF)/$$p | cut -c1-64) /conf/$$p /conf/$$p.hex0"; done > $@

# rewritten only when the list changes (make CONF_PROGS=... runs a subset)
$(CONF)/closure/stages: FORCE
	@mkdir -p $(dir $@)
	@echo "conformance /conf ./driver $(CONF_PROGS)" > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi
.PHONY: FORCE
FORCE:

$(CONF)/closure/expect:
	@mkdir -p $(dir $@)
	: > $@

$(CONF)/closure.cpio: $(BUILD)/host/mkclosure $(CONF)/closure/seeds $(CONF)/closure/stages \
		$(CONF)/closure/expect $(addsuffix .hex0,$(CONF_BINS))
	$(BUILD)/host/mkclosure -o $@ --file seedboot/stages $(CONF)/closure/stages \
	  --file seedboot/seeds $(CONF)/closure/seeds \
	  --file seedboot/stage/conformance/expect $(CONF)/closure/expect \
	  $(foreach p,driver $(CONF_PROGS),--file conf/$(p).hex0 $(CONF)/$(p).hex0)

E2E_DEPS  += $(CONF_BINS) $(CONF)/closure.cpio
E2E_TESTS += tests/conformance/run.sh
