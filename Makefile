# posture: Makefile (GNU make).  `make` builds ./posture; see README.md.
# Objects go to $(BUILD) so that several trees or sanitizer builds never mix.

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/posture
MANDIR    = $(PREFIX)/share/man/man1
BUILD    ?= build
CC       ?= cc
SANITIZE ?=
PKG_CONFIG ?= pkg-config
VERSION   = 0.1.0

# Debian packages: to build, to run the tests, and to fuzz.
BUILD_PKGS = gcc make pkg-config libcjson-dev libhpdf-dev libxlsxwriter-dev zlib1g-dev libavro-dev libssl-dev \
             fonts-dejavu-core fonts-droid-fallback fonts-nanum
TEST_PKGS  = qpdf poppler-utils python3 python3-openpyxl avro-bin libreoffice-calc-nogui man-db
FUZZ_PKGS  = clang libclang-rt-14-dev

PKGS_LIBS  = libcjson xlsxwriter zlib avro-c libcrypto
WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
CSTD      = -std=c11 -pedantic -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
OPT      ?= -O2 -g
DEFS      = -DPOSTURE_VERSION='"$(VERSION)"' -DPOSTURE_DATADIR='"$(DATADIR)"'
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS_LIBS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS_LIBS) 2>/dev/null || echo -lcjson -lxlsxwriter -lz -lavro -lcrypto)
ifneq ($(SANITIZE),)
SAN_FLAGS = -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
endif
ALL_CFLAGS  = $(CSTD) $(WARN) $(OPT) $(DEFS) -Iinclude $(PKG_CFLAGS) $(SAN_FLAGS) -pthread $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) -pthread $(LDFLAGS)
LIBS        = $(PKG_LIBS) -lhpdf -lm

# Every .c under src/ belongs to the library, but for main.c and the generator
# (src/gen: estate-gen and the Avro capture writer, also linked into the tests).
ALL_SRC  = $(sort $(shell find src -name '*.c'))
LIB_SRC  = $(filter-out src/main.c src/gen/%,$(ALL_SRC))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
GEN_SRC  = $(filter src/gen/%,$(ALL_SRC))
GEN_OBJ  = $(GEN_SRC:%.c=$(BUILD)/%.o)
GENLIB_OBJ = $(filter-out $(BUILD)/src/gen/gen_main.o,$(GEN_OBJ))
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
DEPS     = $(LIB_OBJ:.o=.d) $(GEN_OBJ:.o=.d) $(BUILD)/src/main.d $(TEST_BIN:=.d) $(FUZZ_BIN:=.d)

.PHONY: all deps test-deps fuzz-deps demo test bench fuzz fuzz-build install uninstall clean samples check-samples
all: posture

posture: $(BUILD)/posture
	@if [ "$(BUILD)" = build ]; then cp -f $(BUILD)/posture posture; fi

$(BUILD)/posture: $(BUILD)/src/main.o $(BUILD)/libposture.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libposture.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/libgen.a: $(GENLIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/estate-gen: $(BUILD)/src/gen/gen_main.o $(BUILD)/libgen.a $(BUILD)/libposture.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# Objects are rebuilt when the flags or PREFIX (compiled in as the data folder) change.
FLAGS_STAMP = $(BUILD)/.flags
FLAGS_NOW  := $(PREFIX) $(SANITIZE) $(OPT) $(CFLAGS) $(CC)
$(shell mkdir -p $(BUILD); [ "$$(cat $(FLAGS_STAMP) 2>/dev/null)" = "$(FLAGS_NOW)" ] || echo "$(FLAGS_NOW)" > $(FLAGS_STAMP))

$(BUILD)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/check.h $(BUILD)/libgen.a $(BUILD)/libposture.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -MMD -MP -o $@ $< $(BUILD)/libgen.a $(BUILD)/libposture.a $(ALL_LDFLAGS) $(LIBS)

-include $(DEPS)

# Installs what is missing when run as root on Debian; otherwise names it.
deps:
	@PKGS="$(BUILD_PKGS)" sh tests/tools/deps.sh
test-deps:
	@PKGS="$(BUILD_PKGS) $(TEST_PKGS)" sh tests/tools/deps.sh
fuzz-deps:
	@PKGS="$(BUILD_PKGS) $(FUZZ_PKGS)" sh tests/tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory posture
	./posture report --out out --goals samples/.goals.conf --generated-at 2026-11-01T00:00:00Z samples

test: test-deps
	@$(MAKE) --no-print-directory $(BUILD)/posture $(BUILD)/estate-gen $(TEST_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

samples: $(BUILD)/estate-gen
	rm -rf samples/estate && $(BUILD)/estate-gen --out samples/estate

# Fails, with a summary of the differences, when samples/estate is not what
# estate-gen makes now (about 2 s; test_samples.sh runs it in make test too).
check-samples: $(BUILD)/estate-gen
	@ESTATE_GEN=$(BUILD)/estate-gen sh tests/tools/check_samples.sh

# Every libFuzzer harness tests/fuzz/fuzz_NAME.c, built with clang (libFuzzer,
# ASan, UBSan) against the library (every src/ file but main.c and src/gen)
# in FUZZ_BUILD, runs FUZZ_SECONDS on its seeds (tests/fuzz/run.sh).
# -Wno-format-nonliteral: clang (not gcc) flags strbuf's vsnprintf, whose format
# argument has no format attribute.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang SANITIZE=fuzzer-no-link,address,undefined \
		OPT="-O1 -g" CFLAGS=-Wno-format-nonliteral fuzz-build
	@for f in $(FUZZ_SRC); do n=$${f#tests/fuzz/fuzz_}; \
		FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_BUILD) $${n%.c} || exit 1; done

fuzz-build: $(FUZZ_BIN)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/libposture.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -MMD -MP -fsanitize=fuzzer -o $@ $< $(BUILD)/libposture.a $(ALL_LDFLAGS) $(LIBS)

bench: deps
	@$(MAKE) --no-print-directory $(BUILD)/posture $(BUILD)/estate-gen
	@BUILD=$(BUILD) sh tests/bench/run.sh

install: posture
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BUILD)/posture $(DESTDIR)$(BINDIR)/posture
	install -m 644 templates/* $(DESTDIR)$(DATADIR)/
	install -m 644 posture.1 $(DESTDIR)$(MANDIR)/posture.1

# Removes only what install put there: the binary, the man page, and each
# template still byte-identical to templates/ (an edited one is kept, and said
# so); then the data folder, if that left it empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/posture $(DESTDIR)$(MANDIR)/posture.1
	@for f in templates/*; do t="$(DESTDIR)$(DATADIR)/$${f##*/}"; \
		if [ ! -e "$$t" ]; then :; elif cmp -s "$$f" "$$t"; then echo "rm -f $$t"; rm -f "$$t"; \
		else echo "posture: kept $$t: it differs from the shipped $$f"; fi; done
	@if [ -d "$(DESTDIR)$(DATADIR)" ]; then rmdir "$(DESTDIR)$(DATADIR)" 2>/dev/null && \
		echo "rmdir $(DESTDIR)$(DATADIR)" || echo "posture: kept $(DESTDIR)$(DATADIR): not empty"; fi

clean:
	rm -rf build build-* posture out
