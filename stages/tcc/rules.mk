# The tcc stage's source, unpacked on the host from the pinned tarball (which
# image/distfiles has just checked; it has no top directory) and patched
# (stages/tcc/patches/tcc-62c30a4a) into the tree the closure takes as
# /tcc/tcc-62c30a4a.
TCC_SRC = $(BUILD)/src/tcc
TCC_DIST = $(DISTFILES)/tcc_0.9.27+git20200814.62c30a4a.orig.tar.bz2
TCC_PATCHES = $(wildcard stages/tcc/patches/*/*.patch)

$(TCC_SRC)/.unpacked: $(TCC_DIST) $(TCC_PATCHES)
	rm -rf $(TCC_SRC)
	mkdir -p $(TCC_SRC)/tcc-62c30a4a
	tar -xjf $(TCC_DIST) -C $(TCC_SRC)/tcc-62c30a4a --no-same-owner
	$(call apply-patches,stages/tcc/patches/tcc-62c30a4a,$(TCC_SRC)/tcc-62c30a4a)
	touch $@

CLOSURE_DEPS += $(TCC_SRC)/.unpacked
CLOSURE_ARGS += --file seedboot/stage/tcc/config.h stages/tcc/config.h \
	--file seedboot/stage/tcc/test.c stages/tcc/test.c \
	--tree tcc/tcc-62c30a4a $(TCC_SRC)/tcc-62c30a4a
