# vigie — one GNU Makefile, no configure. `make` builds build/vigie and build/libvigie.{a,so}.
#   make demo     install missing Debian packages, build, run on the bundled sample
#   make check    install, build, run every test, then again under ASan+UBSan (clang)
#   make fuzz     libFuzzer targets, FUZZ_SECONDS each (default 60)
#   make bench    text pipeline, coder, ingest, store and extraction throughput
#   make bench-extract  article-body F1 on ../shared/eval/extraction, pages/s, MB/s
#   make bench-memory   peak RSS of one huge record (64 MiB of random bytes, a 60 MiB page)
#   make eval     vigie eval on every gold set of ../shared/eval, written into docs/ACCURACY.md
# V=1 shows full commands. BUILD=dir builds out of tree elsewhere (build/asan for sanitizers).

CC       ?= cc
CXX      ?= c++
BUILD    ?= build
SHARED   ?= $(abspath ../shared)
V        ?= 0
Q        := $(if $(filter 1,$(V)),,@)

PKG_CFLAGS := $(shell pkg-config --cflags libutf8proc sqlite3 libxml-2.0 zlib 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc) $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3) $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2) $(shell pkg-config --libs zlib 2>/dev/null || echo -lz) -lcld2 -lstdc++ -lm
WARN     := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow
CSTD     := -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L
OPT      ?= -O2 -g
INC      := -Iinclude -Isrc/core -Isrc/text -Isrc/ingest -Isrc/dict -Isrc/syntax -Isrc/coder -Isrc/export -Isrc/store -Isrc/extract -Isrc/eval -Isrc/cli -I$(BUILD)/gen
DEFS     := -DVG_BUILDING -DVG_DATADIR='"$(abspath data)"'
SAN      ?=
SAN_ON   := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SANFLAGS := $(if $(SAN),$(SAN_ON))
CFLAGS_ALL   = $(CSTD) $(WARN) $(OPT) $(INC) $(DEFS) $(PKG_CFLAGS) $(SANFLAGS) -fPIC -fvisibility=hidden -MMD -MP $(CFLAGS)
CXXFLAGS_ALL = -std=c++11 -Wall -Wextra -Werror $(OPT) $(INC) $(SANFLAGS) -fPIC -fvisibility=hidden -MMD -MP $(CXXFLAGS)
LDFLAGS_ALL  = $(SANFLAGS) -pthread $(LDFLAGS)

LIB_SRC  := $(wildcard src/core/*.c src/text/*.c src/dict/*.c src/syntax/*.c src/coder/*.c src/ingest/*.c src/extract/*.c src/export/*.c src/store/*.c src/eval/*.c)
LIB_CXX  := $(wildcard src/text/*.cc)
# the engine (vg_engine, vg_doc_new, vg_code) ties the layers together and sits above them (README, Layout)
INC      += -Isrc/engine
LIB_SRC  += $(wildcard src/engine/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/unit/test_*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(LIB_CXX:%.cc=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(filter-out fuzz/fuzz_main.c,$(wildcard fuzz/fuzz_*.c)))
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz_%)

.PHONY: all deps demo check check-asan test fuzz fuzz-build fuzz-run bench bench-extract bench-memory eval clean
.SECONDARY:
ISO_NAMES := data/dict/en/countries-iso.txt data/dict/fr/countries-iso.txt
all: $(BUILD)/vigie $(BUILD)/libvigie.a $(BUILD)/libvigie.so $(ISO_NAMES)

deps:
	$(Q)sh scripts/deps.sh

# the CAMEO codebook, generated from data/cameo/ by tools/mktab.c (the build needs only cc)
GEN := $(BUILD)/gen/cameo_codes.inc $(BUILD)/gen/cameo_roles.inc $(BUILD)/gen/cameo_plover.inc
$(BUILD)/tools/mktab: tools/mktab.c
	@mkdir -p $(dir $@)
	$(Q)cc -O2 -o $@ $<
$(BUILD)/gen/cameo_codes.inc: data/cameo/codes.tsv $(BUILD)/tools/mktab
	@mkdir -p $(dir $@)
	$(Q)$(BUILD)/tools/mktab codes $< > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/cameo_roles.inc: data/cameo/roles.tsv $(BUILD)/tools/mktab
	@mkdir -p $(dir $@)
	$(Q)$(BUILD)/tools/mktab roles $< > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/cameo_plover.inc: data/cameo/plover.tsv $(BUILD)/tools/mktab
	@mkdir -p $(dir $@)
	$(Q)$(BUILD)/tools/mktab plover $< > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/src/dict/codebook.o: $(GEN)

# every ISO 3166-1 country named in French and English, from Debian's iso-codes (not in git)
ISO_JSON  ?= /usr/share/iso-codes/json/iso_3166-1.json
data/dict/en/countries-iso.txt: tools/mkcountries.py data/cameo/iso-cameo.tsv data/dict/en/countries.txt data/dict/fr/countries.txt $(ISO_JSON)
	$(Q)python3 tools/mkcountries.py $(ISO_JSON) /usr/share/locale data/cameo/iso-cameo.tsv data/dict
data/dict/fr/countries-iso.txt: data/dict/en/countries-iso.txt

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC   $<")
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/obj/%.o: %.cc
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CXX  $<")
	$(Q)$(CXX) $(CXXFLAGS_ALL) -c $< -o $@

$(BUILD)/libvigie.a: $(LIB_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/libvigie.so: $(LIB_OBJ)
	$(Q)$(CC) -shared -o $@ $^ $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/vigie: $(CLI_OBJ) $(BUILD)/libvigie.a
	$(if $(Q),@echo "  LINK $@")
	$(Q)$(CC) -o $@ $(CLI_OBJ) $(BUILD)/libvigie.a $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(BUILD)/obj/tests/unit/harness.o $(BUILD)/libvigie.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) -o $@ $< $(BUILD)/obj/tests/unit/harness.o $(BUILD)/libvigie.a $(LDFLAGS_ALL) $(PKG_LIBS)

# fuzz targets built with a plain main() replay fuzz/corpus/ in every test run
$(BUILD)/tests/fuzz_%: $(BUILD)/obj/fuzz/fuzz_%.o $(BUILD)/obj/fuzz/fuzz_main.o $(BUILD)/libvigie.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) -o $@ $< $(BUILD)/obj/fuzz/fuzz_main.o $(BUILD)/libvigie.a $(LDFLAGS_ALL) $(PKG_LIBS)

# ---- tests ----
test: all $(TESTS) $(FUZZ_REPLAY)
	$(Q)BUILD=$(BUILD) SHARED=$(SHARED) sh tests/run.sh

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh scripts/demo.sh $(BUILD)

check: deps
	$(Q)$(MAKE) --no-print-directory test
	$(Q)$(MAKE) --no-print-directory check-asan

check-asan:
	@echo "== again under AddressSanitizer + UndefinedBehaviorSanitizer (clang) =="
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(MAKE) --no-print-directory test BUILD=build/asan CC=clang CXX=clang++ SAN=1 OPT="-O1 -g"

# ---- fuzzing (clang libFuzzer) ----
FUZZ_SECONDS ?= 60
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=build/fuzz/obj/%.o) $(LIB_CXX:%.cc=build/fuzz/obj/%.o)
fuzz: deps
	$(Q)$(MAKE) --no-print-directory fuzz-run

fuzz-build: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
build/fuzz/obj/src/dict/codebook.o: $(GEN)
build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(Q)clang $(CSTD) $(WARN) -O1 -g $(INC) $(DEFS) $(PKG_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -MMD -MP -c $< -o $@
build/fuzz/obj/%.o: %.cc
	@mkdir -p $(dir $@)
	$(Q)clang++ -std=c++11 -O1 -g $(INC) -fsanitize=fuzzer-no-link,address,undefined -MMD -MP -c $< -o $@
build/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_LIB_OBJ)
	$(Q)clang $(CSTD) $(WARN) -O1 -g $(INC) $(DEFS) -fsanitize=fuzzer,address,undefined $< $(FUZZ_LIB_OBJ) -o $@ $(PKG_LIBS)
# every target runs even when one finds a crash (its input in build/fuzz/crash-*); then exit 1
fuzz-run: fuzz-build
	$(Q)crashed=; for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS)s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
	    $$( [ -f fuzz/$$t.dict ] && echo -dict=fuzz/$$t.dict ) \
	    -artifact_prefix=build/fuzz/crash-$$t- build/fuzz/corpus/$$t fuzz/corpus/$$t 2>build/fuzz/$$t.log \
	    || { tail -40 build/fuzz/$$t.log; crashed="$$crashed $$t"; }; \
	  grep -E 'DONE|stat::number_of_executed_units|Done' build/fuzz/$$t.log | tail -3; \
	done; \
	[ -z "$$crashed" ] || { echo "fuzz: crashes in:$$crashed (inputs in build/fuzz/crash-*)"; exit 1; }

# ---- benchmarks ----
bench: all $(BUILD)/bench/bench_text $(BUILD)/bench/bench_code $(BUILD)/bench/bench_store $(BUILD)/bench/bench_extract $(BUILD)/bench/mkcorpus
	$(Q)sh bench/run.sh $(BUILD)
# accuracy on every gold set of ../shared/eval, written into docs/ACCURACY.md
eval: all
	$(Q)SHARED=$(SHARED) sh scripts/eval.sh $(BUILD)

bench-memory: all $(BUILD)/bench/mkcorpus
	$(Q)sh bench/memory.sh $(BUILD)

bench-extract: all $(BUILD)/bench/bench_extract
	$(Q)SHARED=$(SHARED) sh bench/extract.sh $(BUILD)
$(BUILD)/bench/%: bench/%.c $(BUILD)/libvigie.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libvigie.a $(LDFLAGS_ALL) $(PKG_LIBS)

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj build/fuzz/obj -name '*.d' 2>/dev/null)
