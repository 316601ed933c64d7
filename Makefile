# SPDX-License-Identifier: BSD-3-Clause
# danelint: build, tests, sanitizer build, demo and install.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = ldns libcrypto libssl libgit2
DEB_PACKAGES = pkg-config libldns-dev libssl-dev libgit2-dev libcmocka-dev \
	ldnsutils hash-slinger openssl git python3 python3-yaml vim neovim

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla -fno-common
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	$(WARNINGS) $(CFLAGS) -Ilint -Irules $(shell $(PKG_CONFIG) --cflags $(PKGS))
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS))
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka)

BUILD ?= build
LINT_SRC = $(filter-out lint/main.c,$(sort $(wildcard lint/*.c)))
RULE_SRC = $(sort $(wildcard rules/*.c))
RULE_DOCS = $(sort $(wildcard docs/rules/*.md))
LIB_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(LINT_SRC) $(RULE_SRC)) \
	$(BUILD)/gen/hook_script.o $(BUILD)/gen/rule_docs.o
MAIN_OBJ = $(BUILD)/lint/main.o
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
DANELINT = $(BUILD)/danelint
# Microsoft's SARIF Multitool from npm, for the sarif report test.
SARIF_MULTITOOL_DIR = $(abspath build/sarif-multitool)

.PHONY: all deps check asan valgrind demo install clean style unit fuzz \
	bench peerzones sarif-multitool

all: $(DANELINT)
	@ln -sf $(DANELINT) danelint

# Installs the Debian build dependencies, only when something is missing.
# npm installs the SARIF Multitool for the tests; Debian's nodejs and npm
# go in only where there is no Node.js at all, so that they replace none.
deps:
	@if $(PKG_CONFIG) --exists $(PKGS) cmocka 2>/dev/null && \
	    command -v openssl >/dev/null && command -v ldns-dane >/dev/null && \
	    command -v tlsa >/dev/null && command -v git >/dev/null && \
	    command -v vim >/dev/null && command -v nvim >/dev/null && \
	    python3 -c 'import yaml' 2>/dev/null; then :; else \
		echo "installing build dependencies: $(DEB_PACKAGES)"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			$(DEB_PACKAGES) >/dev/null || { \
		echo "danelint: error: cannot install build dependencies;" \
		     "run: apt-get install $(DEB_PACKAGES)" >&2; exit 2; }; \
	fi
	@if ! command -v npm >/dev/null && ! command -v node >/dev/null; then \
		echo "installing nodejs and npm for the SARIF Multitool"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			nodejs npm >/dev/null || \
		echo "danelint: warning: cannot install nodejs and npm;" \
		     "the sarif report test will fail" >&2; \
	fi

# Installs the SARIF Multitool into build/ once. Without the npm registry
# this warns and goes on, and the sarif report test fails with the reason.
sarif-multitool:
	@sh tests/lib/sarif-multitool.sh $(SARIF_MULTITOOL_DIR) >/dev/null || \
		echo "danelint: warning: the SARIF Multitool is not installed;" \
		     "the sarif report test will fail" >&2

$(BUILD)/%.o: %.c $(wildcard lint/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# hooks/pre-commit, built in as a C string for 'danelint hook install'.
$(BUILD)/gen/hook_script.c: hooks/pre-commit lint/cstring.awk
	@mkdir -p $(dir $@)
	awk -v name=hook_script -f lint/cstring.awk hooks/pre-commit >$@

$(BUILD)/gen/hook_script.o: $(BUILD)/gen/hook_script.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-variable-declarations -Wno-overlength-strings -c -o $@ $<

# docs/rules/*.md, built in for 'danelint rules ID'.
$(BUILD)/gen/rule_docs.c: $(RULE_DOCS) lint/cstring.awk
	@mkdir -p $(dir $@)
	awk -v name=rule_docs -v table=1 -f lint/cstring.awk $(RULE_DOCS) >$@

$(BUILD)/gen/rule_docs.o: $(BUILD)/gen/rule_docs.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-variable-declarations -Wno-overlength-strings -c -o $@ $<

$(DANELINT): $(MAIN_OBJ) $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $(filter-out %.h,$^) $(LIBS) $(CMOCKA_LIBS) $(LDFLAGS)

unit: $(UNIT_BIN)

check: deps sarif-multitool
	@$(MAKE) --no-print-directory all unit
	@DANELINT=$(abspath $(DANELINT)) BUILD=$(abspath $(BUILD)) \
		SARIF_MULTITOOL_DIR=$(SARIF_MULTITOOL_DIR) sh tests/run.sh

asan: deps sarif-multitool
	@$(MAKE) --no-print-directory BUILD=build-asan \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" build-asan/danelint unit
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		DANELINT=$(abspath build-asan/danelint) \
		BUILD=$(abspath build-asan) \
		SARIF_MULTITOOL_DIR=$(SARIF_MULTITOOL_DIR) sh tests/run.sh

# The same tests with every danelint and unit test process under valgrind,
# on an -O1 build in build-valgrind/. Slow, so never part of "make check".
valgrind: deps sarif-multitool
	@$(MAKE) --no-print-directory BUILD=build-valgrind CFLAGS="-O1 -g" \
		build-valgrind/danelint unit
	@SARIF_MULTITOOL_DIR=$(SARIF_MULTITOOL_DIR) \
		sh tests/valgrind.sh build-valgrind

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "\$$ cd testdata/demo && danelint check"
	@cd testdata/demo && ../../$(DANELINT) check; \
		status=$$?; echo "(exit status $$status)"; [ $$status -le 1 ]

# libFuzzer harnesses (clang); each runs FUZZ_TIME seconds on a corpus
# seeded from testdata/. Crashes land in build-fuzz/ as crash-* files.
# Leaks are looked for afterwards, on every input of the corpus: the
# suppressions of known ldns leaks need slow stack unwinding, which would
# make fuzzing itself six times slower.
FUZZ_TIME ?= 60
FUZZ_TARGETS = zone cert config
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined

fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined" \
		$(patsubst %,build-fuzz/fuzz_%,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
		sh tests/fuzz/seed.sh $$t build-fuzz/corpus-$$t && \
		echo "fuzzing $$t for $(FUZZ_TIME) s" && \
		(cd build-fuzz && ASAN_OPTIONS=detect_leaks=0 \
			./fuzz_$$t -max_total_time=$(FUZZ_TIME) \
			-max_len=65536 -print_final_stats=1 -detect_leaks=0 \
			corpus-$$t >fuzz_$$t.log 2>&1) || \
		{ tail -40 build-fuzz/fuzz_$$t.log; exit 1; }; \
		tail -3 build-fuzz/fuzz_$$t.log; \
		echo "looking for leaks on the $$t corpus" && \
		(cd build-fuzz && \
			LSAN_OPTIONS=suppressions=$(abspath tests/fuzz/lsan.supp) \
			ASAN_OPTIONS=fast_unwind_on_malloc=0 ./fuzz_$$t -runs=0 \
			-max_len=65536 corpus-$$t >leaks_$$t.log 2>&1) || \
		{ tail -40 build-fuzz/leaks_$$t.log; exit 1; }; \
	done

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJ)
	clang $(ALL_CFLAGS) $(FUZZ_CFLAGS) -o $@ $^ $(LIBS)

# Times danelint against validns, kzonecheck and named-checkzone on
# generated zones; never part of "make check". Writes build/bench/results.md.
bench: deps
	@$(MAKE) --no-print-directory all
	@command -v validns >/dev/null && command -v kzonecheck >/dev/null && \
	    command -v named-checkzone >/dev/null || { \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get install -y -qq validns knot-dnssecutils \
			bind9-utils >/dev/null; }
	DANELINT=$(abspath $(DANELINT)) sh tests/bench/run.sh \
		build/bench/results.md $(or $(RUNS),5)

# Runs danelint on the peer projects' zone test suites and compares each
# file with the peer's verdict in tests/peerzones-verdicts.txt. The suites
# are not in the repository: PEERZONES names their directory (default:
# shared/peerzones beside the repository directory). Never part of
# "make check"; docs/limitations.md explains the disagreements.
peerzones:
	@$(MAKE) --no-print-directory all
	@DANELINT=$(abspath $(DANELINT)) sh tests/peerzones.sh
	@echo
	@DANELINT=$(abspath $(DANELINT)) python3 tests/peerzones_agreement.py

install: all
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(DANELINT) $(DESTDIR)$(BINDIR)/danelint

style:
	clang-format --dry-run --Werror lint/*.c lint/*.h rules/*.c

clean:
	rm -rf build build-asan build-valgrind build-fuzz danelint
