# Host unit tests of fs/, built with the sanitizers.
UNIT_TESTS += $(BUILD)/unit/fs_test $(BUILD)/unit/cpio_test

FS_TEST_DEPS := $(FS_SRCS) tests/unit/fsport_host.c $(wildcard fs/*.h) tests/unit/fscheck.h tests/unit/fsport_host.h \
	kernel/types.h kernel/errno.h

$(BUILD)/unit/fs_test: tests/unit/fs_test.c $(FS_TEST_DEPS)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOSTCFLAGS) $(SANITIZE) -o $@ $< $(FS_SRCS) tests/unit/fsport_host.c

$(BUILD)/unit/cpio_test: tests/unit/cpio_test.c $(FS_TEST_DEPS)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOSTCFLAGS) $(SANITIZE) -o $@ $< $(FS_SRCS) tests/unit/fsport_host.c
