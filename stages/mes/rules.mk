# The mes stage's sources, unpacked on the host from the pinned files (which
# image/distfiles has just checked) and patched (stages/mes/patches/TREE)
# into the trees the closure takes:
#   /mes/M2-Planet      M2-Planet 1.10.0 (a git tree of DISTFILES)
#   /mes/mes-0.24.2     the release tarball
#   /mes/nyacc-1.00.2   nyacc's Scheme modules, from Debian's package
MES_SRC = $(BUILD)/src/mes
MES_DIST = $(DISTFILES)/mes-0.24.2.tar.gz $(DISTFILES)/nyacc_1.00.2-5_amd64.deb

MES_PATCHES = $(wildcard stages/mes/patches/*/*.patch)

$(MES_SRC)/.unpacked: $(MES_DIST) $(MES_PATCHES)
	rm -rf $(MES_SRC)
	mkdir -p $(MES_SRC)/deb
	tar -xzf $(DISTFILES)/mes-0.24.2.tar.gz -C $(MES_SRC) --no-same-owner
	dpkg-deb --fsys-tarfile $(DISTFILES)/nyacc_1.00.2-5_amd64.deb | \
		tar -x -C $(MES_SRC)/deb --no-same-owner ./usr/share/guile/site/3.0/nyacc
	mv $(MES_SRC)/deb/usr/share/guile/site/3.0 $(MES_SRC)/nyacc-1.00.2
	rm -rf $(MES_SRC)/deb
	$(call apply-patches,stages/mes/patches/mes-0.24.2,$(MES_SRC)/mes-0.24.2)
	$(call apply-patches,stages/mes/patches/nyacc-1.00.2,$(MES_SRC)/nyacc-1.00.2)
	touch $@

CLOSURE_DEPS += $(MES_SRC)/.unpacked
CLOSURE_ARGS += --file seedboot/stage/mes/config.h stages/mes/config.h \
	--file seedboot/stage/mes/code-end-pad.c stages/mes/code-end-pad.c \
	--tree mes/M2-Planet $(DISTFILES)/M2-Planet-1.10.0 \
	--tree mes/mes-0.24.2 $(MES_SRC)/mes-0.24.2 --spec stages/mes/closure \
	--tree mes/nyacc-1.00.2 $(MES_SRC)/nyacc-1.00.2
