# Career Kiosk. On a fresh Debian 12 machine `make test` and `make run`
# are all a newcomer needs: both install missing packages first (make deps).
# Local overrides (CC, CFLAGS, PREFIX...) go in config.mk, which git ignores.
-include config.mk

CC      ?= cc
CLANG   ?= clang
BUILD   ?= build/release
SAN     ?= 0
CFLAGS  ?= -O2 -g
FUZZ_SECONDS ?= 60

# ICU's headers only: app/directory/latin.c opens the library when it
# first folds a word beyond ASCII (loading it cost every start a few ms);
# hunspell's likewise: app/visit/spell.c opens it when a visitor's words
# are first checked.
LINK_PKGS := sqlite3 libqrencode inih libsodium
PKGS      := $(LINK_PKGS) icu-uc icu-i18n hunspell
# SDL_image's headers only: platform/image.c opens it when an image is
# first read or written (its TIFF, WebP and C++ libraries were a
# twentieth of the start).
UI_LINK_PKGS := sdl2 SDL2_ttf fontconfig zlib libsystemd wayland-client xkbcommon fribidi
UI_PKGS   := $(UI_LINK_PKGS) SDL2_image
TEST_PKGS := cmocka

# Where `make install` puts things (DESTDIR is prepended to each).
PREFIX      ?= /usr/local
SYSCONFDIR  ?= /etc
STATEDIR    ?= /var/lib/career-kiosk
CAGE        ?= /usr/bin/cage
BINDIR      := $(PREFIX)/bin
DATADIR     := $(PREFIX)/share/career-kiosk
DOCDIR      := $(PREFIX)/share/doc/career-kiosk
MANDIR      := $(PREFIX)/share/man
LIBEXECDIR  := $(PREFIX)/lib/career-kiosk
CONFDIR     := $(SYSCONFDIR)/career-kiosk
# Units, sysusers, tmpfiles and the udev rule: for PREFIX=/usr (the
# package) in the folders systemd and udev name themselves (on Debian 12
# /lib/systemd/system and /lib/udev/rules.d); under any other PREFIX, in
# its lib/ (systemd and udev also read /usr/local/lib/...). /etc/udev is
# the administrator's, never ours.
ifeq ($(PREFIX),/usr)
pc_var = $(or $(shell pkg-config --variable=$(1) $(2) 2>/dev/null),$(3))
UNITDIR     := $(call pc_var,systemdsystemunitdir,systemd,/lib/systemd/system)
SYSUSERSDIR := $(call pc_var,sysusersdir,systemd,/usr/lib/sysusers.d)
TMPFILESDIR := $(call pc_var,tmpfilesdir,systemd,/usr/lib/tmpfiles.d)
UDEVDIR     := $(call pc_var,udevdir,udev,/lib/udev)/rules.d
else
UNITDIR     := $(PREFIX)/lib/systemd/system
SYSUSERSDIR := $(PREFIX)/lib/sysusers.d
TMPFILESDIR := $(PREFIX)/lib/tmpfiles.d
UDEVDIR     := $(PREFIX)/lib/udev/rules.d
endif

# The version is debian/changelog's top entry (one place to bump it).
VERSION  := $(shell sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)

# Our own preprocessor and linker flags live apart from CPPFLAGS and
# LDFLAGS, which stay the caller's (dpkg-buildflags sets both): make
# exports a variable that came from the environment with what this file
# appended, so appending to it would give an install sub-make every -D
# twice ("CK_ASSETS_DIR redefined" under -Werror).
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
CK_CPPFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iapp -Iplatform -MMD -MP
ifeq ($(INSTALLED),1)
# An installed build finds its files where `make install` put them.
CK_CPPFLAGS += -DCK_ASSETS_DIR='"$(DATADIR)"' -DCK_DB_PATH='"$(STATEDIR)/mentors.db"' \
               -DCK_CONFIG_PATH='"$(CONFDIR)/kiosk.conf"' -DCK_VERSION='"$(VERSION)"'
else
# A source checkout finds its assets and keeps its data beside the code.
CK_CPPFLAGS += -DCK_ASSETS_DIR='"$(CURDIR)/assets"' -DCK_DB_PATH='"$(CURDIR)/var/mentors.db"' \
               -DCK_CONFIG_PATH='"$(CURDIR)/var/kiosk.conf"' -DCK_VERSION='"$(VERSION)"'
endif
CK_LDFLAGS :=

ifeq ($(SAN),1)
CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
CK_LDFLAGS += -fsanitize=address,undefined
endif
ALL_CPPFLAGS = $(CK_CPPFLAGS) $(CPPFLAGS)
ALL_LDFLAGS  = $(CK_LDFLAGS) $(LDFLAGS)

# pkg-config runs when a rule needs it (deferred `=`), so `make deps` can
# install the libraries first.
LIB_CFLAGS  = $(shell pkg-config --cflags $(PKGS))
LIB_LIBS    = $(shell pkg-config --libs $(LINK_PKGS)) -ldl
UI_CFLAGS   = $(shell pkg-config --cflags $(UI_PKGS))
# libcups is not linked: platform/cups.c opens it when a printer is first
# asked something (its seventeen libraries were a seventh of the start).
UI_LIBS     = $(shell pkg-config --libs $(UI_LINK_PKGS)) -ldl -lm -pthread
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS))
TEST_LIBS   = $(shell pkg-config --libs $(TEST_PKGS))

CORE_SRC  := $(wildcard app/core/*.c)
# The libraries both programs share, one folder a capability (README.md,
# "How it is built"):
# the directory (the only sqlite3 user), a visitor's take-away (the only
# qrencode user), USB bundles (the only libsodium user) and the config
# (the only inih user). No SDL here.
APP_SRC   := $(wildcard app/directory/*.c app/visit/*.c app/usb/*.c) app/config.c \
             app/print/setup.c
ADMIN_SRC := $(wildcard app/admin/*.c)
# What draws: the toolkit (app/ui) and printing (app/print), which lays the
# sheet out on pages with the toolkit. Both programs link it with
# platform/: the admin CLI draws pages on SDL's software surfaces with
# SDL_ttf for `sheet --render` and `print-test`, and never opens a window.
PRINT_SRC := $(wildcard app/ui/*.c) $(filter-out app/print/setup.c,$(wildcard app/print/*.c))
KIOSK_SRC := $(wildcard app/kiosk/*.c app/kiosk/screens/*.c)
PLAT_SRC  := $(wildcard platform/*.c)
TEST_SRC  := $(wildcard tests/test_*.c)
ifeq ($(SAN),1)
# test_package tries the .deb, not this build's code: once, in the plain
# build, is enough (it builds the package and a Debian root).
TEST_SRC  := $(filter-out tests/test_package.c,$(TEST_SRC))
endif

LIB_OBJ   := $(patsubst %.c,$(BUILD)/obj/%.o,$(CORE_SRC) $(APP_SRC))
ADMIN_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(ADMIN_SRC))
KIOSK_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(KIOSK_SRC))
# the touch program but its main(): the tests link it too (session, view)
KIOSK_LIB_OBJ := $(filter-out $(BUILD)/obj/app/kiosk/main.o,$(KIOSK_OBJ))
UI_OBJ    := $(patsubst %.c,$(BUILD)/obj/%.o,$(PRINT_SRC) $(PLAT_SRC)) $(BUILD)/obj/gen/xdg-shell.o
TEST_BIN  := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
ADMIN     := $(BUILD)/career-kiosk-admin
KIOSK     := $(BUILD)/career-kiosk

.PHONY: all deps test check run demo bench fuzz fmt clean tests-build admin install deb vm-trial FORCE
.DEFAULT_GOAL := all

all: $(ADMIN) $(KIOSK)
admin: $(ADMIN)

# The packages building and testing need: debian/control's Build-Depends,
# the one list (tools/deps.sh installs what is missing).
deps:
	@tools/deps.sh

# The compiler flags of this build folder: objects are rebuilt when they
# change (an install build's paths, a sanitizer build's flags).
$(BUILD)/flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(ALL_CPPFLAGS) $(CFLAGS) $(ALL_LDFLAGS)' | cmp -s - $@ || \
	    echo '$(ALL_CPPFLAGS) $(CFLAGS) $(ALL_LDFLAGS)' > $@

$(BUILD)/obj/%.o: %.c $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(WARN) $(LIB_CFLAGS) -c $< -o $@

$(BUILD)/libck.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libckui.a: $(UI_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(ADMIN): $(ADMIN_OBJ) $(BUILD)/libckui.a $(BUILD)/libck.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIB_LIBS) $(UI_LIBS)

# platform/: SDL, SDL_ttf, fontconfig, zlib and libcups.
$(BUILD)/obj/platform/%.o: platform/%.c $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(WARN) $(UI_CFLAGS) $(shell cups-config --cflags) -c $< -o $@

# platform/wayland.c speaks xdg-shell: its glue is made from the protocol's
# XML by wayland-scanner into the build folder.
XDG_SHELL = $(shell pkg-config --variable=pkgdatadir wayland-protocols)/stable/xdg-shell/xdg-shell.xml
$(BUILD)/gen/xdg-shell.h:
	@mkdir -p $(dir $@)
	wayland-scanner client-header $(XDG_SHELL) $@
$(BUILD)/gen/xdg-shell.c:
	@mkdir -p $(dir $@)
	wayland-scanner private-code $(XDG_SHELL) $@
$(BUILD)/obj/gen/xdg-shell.o: $(BUILD)/gen/xdg-shell.c $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(UI_CFLAGS) -c $< -o $@
$(BUILD)/obj/platform/wayland.o: CPPFLAGS += -I$(BUILD)/gen
$(BUILD)/obj/platform/wayland.o: | $(BUILD)/gen/xdg-shell.h

$(BUILD)/libkiosk.a: $(KIOSK_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(KIOSK): $(BUILD)/obj/app/kiosk/main.o $(BUILD)/libkiosk.a $(BUILD)/libckui.a $(BUILD)/libck.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIB_LIBS) $(UI_LIBS)

$(BUILD)/obj/tests/%.o: tests/%.c $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(WARN) -Wno-missing-prototypes $(LIB_CFLAGS) $(TEST_CFLAGS) -c $< -o $@

# test_bidi and test_fonts check platform/ through its own header (SDL's)
$(BUILD)/obj/tests/test_bidi.o $(BUILD)/obj/tests/test_fonts.o: LIB_CFLAGS += $(UI_CFLAGS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(BUILD)/obj/tests/support.o $(BUILD)/libkiosk.a \
                  $(BUILD)/libckui.a $(BUILD)/libck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIB_LIBS) $(UI_LIBS) $(TEST_LIBS)

tests-build: $(ADMIN) $(KIOSK) $(TEST_BIN) $(BUILD)/gen-mentors

$(BUILD)/gen-mentors: tools/gen_mentors.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(WARN) -o $@ $<

# The whole suite, twice: a plain build and one under AddressSanitizer and
# UndefinedBehaviorSanitizer. Ends with "N passed, N failed". `make check`
# is the same without `make deps` (the package build runs it).
test: deps
	@$(MAKE) --no-print-directory check

check:
	@$(MAKE) --no-print-directory BUILD=build/release tests-build
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 tests-build
	@if command -v $(CLANG) >/dev/null; then $(MAKE) --no-print-directory build/fuzz/fuzz_import build/fuzz/fuzz_escpos build/fuzz/fuzz_minisig build/fuzz/fuzz_config build/fuzz/fuzz_synonyms build/fuzz/fuzz_stats; fi
	@tests/run.sh build/release build/asan

# libFuzzer target for the CSV import path; `make fuzz FUZZ_SECONDS=600`.
FUZZ_SRC := tests/fuzz/fuzz_import.c $(CORE_SRC) $(APP_SRC)
build/fuzz/fuzz_import: $(FUZZ_SRC)
	@mkdir -p $(dir $@)
	$(CLANG) $(ALL_CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined $(LIB_CFLAGS) \
	    -o $@ $(FUZZ_SRC) $(LIB_LIBS)

# libFuzzer target for synonyms.csv from staff sticks (the shared CSV
# reader and the row checks).
build/fuzz/fuzz_synonyms: tests/fuzz/fuzz_synonyms.c $(CORE_SRC) $(APP_SRC)
	@mkdir -p $(dir $@)
	$(CLANG) $(ALL_CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined $(LIB_CFLAGS) \
	    -o $@ tests/fuzz/fuzz_synonyms.c $(CORE_SRC) $(APP_SRC) $(LIB_LIBS)

# libFuzzer target for the ESC/POS reader the printing tests use.
build/fuzz/fuzz_escpos: tests/fuzz/fuzz_escpos.c app/core/escpos.c
	@mkdir -p $(dir $@)
	$(CLANG) $(ALL_CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $^

# libFuzzer target for .minisig files and key lines, from sticks and configs.
build/fuzz/fuzz_minisig: tests/fuzz/fuzz_minisig.c app/usb/sign.c
	@mkdir -p $(dir $@)
	$(CLANG) $(ALL_CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined $(LIB_CFLAGS) -o $@ $^ \
	    $(LIB_LIBS)

# libFuzzer target for kiosk.conf, the settings file set-up people edit.
CONFIG_FUZZ_SRC := tests/fuzz/fuzz_config.c app/config.c app/print/setup.c app/usb/sign.c app/core/text.c app/core/date.c
build/fuzz/fuzz_config: $(CONFIG_FUZZ_SRC)
	@mkdir -p $(dir $@)
	$(CLANG) $(ALL_CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined $(LIB_CFLAGS) -o $@ \
	    $(CONFIG_FUZZ_SRC) $(LIB_LIBS) -lm

# libFuzzer target for the fleet's stats files stats-merge reads back.
STATS_FUZZ_SRC := tests/fuzz/fuzz_stats.c app/core/tally.c app/core/csv.c app/core/date.c app/core/text.c
build/fuzz/fuzz_stats: $(STATS_FUZZ_SRC)
	@mkdir -p $(dir $@)
	$(CLANG) $(ALL_CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $(STATS_FUZZ_SRC)

fuzz: deps build/fuzz/fuzz_import build/fuzz/fuzz_escpos build/fuzz/fuzz_minisig build/fuzz/fuzz_config build/fuzz/fuzz_synonyms build/fuzz/fuzz_stats
	@mkdir -p build/fuzz/corpus
	build/fuzz/fuzz_import -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    build/fuzz/corpus tests/fixtures
	@mkdir -p build/fuzz/corpus-escpos
	build/fuzz/fuzz_escpos -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus-escpos
	@mkdir -p build/fuzz/corpus-minisig
	build/fuzz/fuzz_minisig -max_total_time=$(FUZZ_SECONDS) -max_len=8192 build/fuzz/corpus-minisig \
	    tests/fixtures/minisig
	@mkdir -p build/fuzz/corpus-config
	build/fuzz/fuzz_config -max_total_time=$(FUZZ_SECONDS) -max_len=8192 build/fuzz/corpus-config \
	    tests/fixtures/config
	@mkdir -p build/fuzz/corpus-synonyms
	build/fuzz/fuzz_synonyms -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    build/fuzz/corpus-synonyms tests/fixtures/synonyms
	@mkdir -p build/fuzz/corpus-stats
	build/fuzz/fuzz_stats -max_total_time=$(FUZZ_SECONDS) -max_len=16384 build/fuzz/corpus-stats \
	    tests/fixtures/stats

bench: deps
	@$(MAKE) --no-print-directory BUILD=build/release build/release/career-kiosk-admin build/release/career-kiosk build/release/gen-mentors build/release/bench
	@tools/bench.sh build/release

build/release/bench: tests/bench/bench.c build/release/libck.a
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(WARN) -Wno-missing-prototypes $(LIB_CFLAGS) -o $@ $^ $(LIB_LIBS)

run: deps
	@$(MAKE) --no-print-directory BUILD=$(BUILD) all
	@tools/run.sh $(BUILD)

# The real app, headless, through a whole visitor walk at three sizes:
# a PNG of every screen in docs/screens/.
demo: deps
	@$(MAKE) --no-print-directory BUILD=$(BUILD) all
	@tools/demo.sh $(BUILD)

# make install [PREFIX=/usr/local] [DESTDIR=]: both programs built with
# the installed paths, assets, man pages, the default config (never over
# one that is there), the systemd units, the session script under cage,
# sysusers and tmpfiles entries and the udev rule for USB sticks.
# As root with no DESTDIR it also makes the user and data folder and
# reloads systemd and udev. See docs/DEPLOY.md. It installs no packages
# (run `make deps` first on a machine that lacks them): a package build
# has no network. The build takes CFLAGS, CPPFLAGS and LDFLAGS from the
# caller, so a distribution's hardening flags reach the binaries.
IBUILD := build/install$(subst /,-,$(PREFIX))
SUBST   = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@LIBEXECDIR@|$(LIBEXECDIR)|g' \
              -e 's|@DOCDIR@|$(DOCDIR)|g' -e 's|@STATEDIR@|$(STATEDIR)|g' -e 's|@CAGE@|$(CAGE)|g' \
              -e 's|@CONFDIR@|$(CONFDIR)|g'
D := platform/deploy
install:
	@$(MAKE) --no-print-directory BUILD=$(IBUILD) INSTALLED=1 SAN=0 all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(UNITDIR) \
	    $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) $(DESTDIR)$(UDEVDIR) \
	    $(DESTDIR)$(CONFDIR)
	install -d -m 750 $(DESTDIR)$(STATEDIR)
	install -m 755 $(IBUILD)/career-kiosk $(IBUILD)/career-kiosk-admin $(DESTDIR)$(BINDIR)/
	install -m 644 assets/questions.csv assets/synonyms.csv assets/mentors.sample.csv assets/referrals.sample.csv \
	    assets/logo.sample.svg $(DESTDIR)$(DATADIR)/
	install -m 644 docs/man/career-kiosk.1 docs/man/career-kiosk-admin.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(wildcard docs/*.md) README.md $(D)/kiosk.conf $(D)/fetch.conf \
	    $(DESTDIR)$(DOCDIR)/
	$(SUBST) $(D)/career-kiosk-session.in > $(DESTDIR)$(LIBEXECDIR)/career-kiosk-session
	chmod 755 $(DESTDIR)$(LIBEXECDIR)/career-kiosk-session
	$(SUBST) $(D)/career-kiosk-fetch.in > $(DESTDIR)$(LIBEXECDIR)/career-kiosk-fetch
	chmod 755 $(DESTDIR)$(LIBEXECDIR)/career-kiosk-fetch
	$(SUBST) $(D)/career-kiosk-fetch.service.in > $(DESTDIR)$(UNITDIR)/career-kiosk-fetch.service
	install -m 644 $(D)/career-kiosk-fetch.timer $(DESTDIR)$(UNITDIR)/
	$(SUBST) $(D)/career-kiosk.service.in > $(DESTDIR)$(UNITDIR)/career-kiosk.service
	$(SUBST) $(D)/career-kiosk-retry.service.in > $(DESTDIR)$(UNITDIR)/career-kiosk-retry.service
	install -m 644 $(D)/career-kiosk-retry.timer $(DESTDIR)$(UNITDIR)/
	install -m 644 $(D)/career-kiosk.sysusers $(DESTDIR)$(SYSUSERSDIR)/career-kiosk.conf
	$(SUBST) $(D)/career-kiosk.tmpfiles.in > $(DESTDIR)$(TMPFILESDIR)/career-kiosk.conf
	install -m 644 $(D)/90-career-kiosk-usb.rules $(DESTDIR)$(UDEVDIR)/
	@if [ -e $(DESTDIR)$(CONFDIR)/kiosk.conf ]; then \
	    echo "kept $(DESTDIR)$(CONFDIR)/kiosk.conf (the new default is in $(DOCDIR)/kiosk.conf)"; \
	else install -m 640 $(D)/kiosk.conf $(DESTDIR)$(CONFDIR)/kiosk.conf; fi
	@if [ -e $(DESTDIR)$(CONFDIR)/fetch.conf ]; then \
	    echo "kept $(DESTDIR)$(CONFDIR)/fetch.conf (the new default is in $(DOCDIR)/fetch.conf)"; \
	else install -m 644 $(D)/fetch.conf $(DESTDIR)$(CONFDIR)/fetch.conf; fi
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
	    tools/postinstall.sh $(CONFDIR) $(SYSUSERSDIR) $(TMPFILESDIR); fi

# make deb [NOCHECK=1]: the Debian package, built the Debian way (plain
# `dpkg-buildpackage -b -us -uc`, which writes the .debs, .buildinfo and
# .changes beside the tree, in ..), then moved into build/deb/ for
# convenience: build/deb/career-kiosk_VERSION_ARCH.deb. debian/rules runs
# `make install PREFIX=/usr` into the package, and `make check` unless
# NOCHECK=1 builds with the nocheck profile. Its build is build/install-usr/.
DEB_ARCH = $(shell dpkg --print-architecture)
DEB      = build/deb/career-kiosk_$(VERSION)_$(DEB_ARCH).deb
DEB_OUT  = career-kiosk_$(VERSION)_$(DEB_ARCH).deb career-kiosk-dbgsym_$(VERSION)_$(DEB_ARCH).deb \
           career-kiosk_$(VERSION)_$(DEB_ARCH).buildinfo career-kiosk_$(VERSION)_$(DEB_ARCH).changes
deb: deps
	$(if $(filter 1,$(NOCHECK)),DEB_BUILD_OPTIONS="nocheck $(DEB_BUILD_OPTIONS)") \
	dpkg-buildpackage -b -us -uc $(if $(filter 1,$(NOCHECK)),-Pnocheck)
	@rm -rf build/deb && mkdir -p build/deb
	@for f in $(DEB_OUT); do if [ -e ../$$f ]; then mv ../$$f build/deb/; fi; done
	@echo "built $(DEB)"

# DEPLOY.md tried for real: a fresh Debian 12 debootstrapped from this
# machine's own archive, the .deb `make deb` builds installed in it with
# apt as DEPLOY.md says, booted under qemu, and checked through a crash, a
# hang, a power cut and USB sticks. Root, network and 20-30 minutes; not
# part of `make test`. See tools/vm-trial.
vm-trial:
	@DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap qemu-system-x86 qemu-utils \
	    dosfstools exfatprogs mtools imagemagick python3 >/dev/null
	@$(MAKE) --no-print-directory deb NOCHECK=1
	tools/vm-trial build/vm-trial $(DEB)

fmt:
	clang-format -i $(CORE_SRC) $(APP_SRC) $(ADMIN_SRC) $(KIOSK_SRC) $(PRINT_SRC) $(PLAT_SRC) $(wildcard app/*.h app/*/*.h app/*/*/*.h) \
	    platform/*.h tests/*.c tests/*.h

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(ADMIN_OBJ:.o=.d) $(KIOSK_OBJ:.o=.d) $(UI_OBJ:.o=.d) \
    $(patsubst tests/%.c,$(BUILD)/obj/tests/%.d,$(TEST_SRC) tests/support.c)
