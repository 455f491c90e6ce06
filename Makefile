# dyad build. `make` builds build/dyad; `make test` runs the unit tests (normal and
# ASan+UBSan builds); `make fuzz` builds the libFuzzer targets (clang).
CC      ?= cc
PKGS    := libxml-2.0 jansson libutf8proc link-grammar sqlite3 libpq zlib
CFLAGS_BASE := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
               -Wno-missing-field-initializers -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS))
LIBS    := $(shell pkg-config --libs $(PKGS)) -lpthread -lm
OPT     ?= -O2 -g
BUILD   ?= build

LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_SRC  := $(filter-out src/cli/%,$(LIB_SRC))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*/test_*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
CFLAGS   := $(CFLAGS_BASE) $(OPT) $(EXTRA_CFLAGS)
LDFLAGS  += $(EXTRA_LDFLAGS)

.PHONY: all test test-fast asan fuzz clean bench
all: $(BUILD)/dyad

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LIBS)

$(BUILD)/tests/%: tests/%.c $(BUILD)/libdyad.a tests/testutil.h $(wildcard tests/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests $(LDFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LIBS) -lcmocka

# Unit tests only (no sanitizers); tests/run.sh prints the closing summary line.
test-fast: $(BUILD)/dyad $(TEST_BIN)
	BUILD=$(BUILD) sh tests/run.sh

# The full test command: normal build, then the same suite under ASan+UBSan,
# each built two jobs at a time. DYAD_ASAN=1 lets slow tests skip or shrink
# there (the validate --reparse figures, the large hostile inputs).
test:
	$(MAKE) -j2 test-fast
	DYAD_ASAN=1 $(MAKE) -j2 test-fast BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -DDYAD_ARENA_DEBUG" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined"

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -DDYAD_ARENA_DEBUG" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined"

# libFuzzer targets: build/fuzz/fuzz_<name>. Run e.g. build/fuzz/fuzz_ptb -max_total_time=300
FUZZ_CFLAGS := $(CFLAGS_BASE) -O1 -g -fsanitize=fuzzer,address,undefined -DDYAD_ARENA_DEBUG
fuzz:
	@mkdir -p build/fuzz
	for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang $(FUZZ_CFLAGS) -o build/fuzz/$$n $$f $(LIB_SRC) $(LIBS) || exit 1; done

bench: $(BUILD)/dyad
	sh bench/run.sh

clean:
	rm -rf build build-asan

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
