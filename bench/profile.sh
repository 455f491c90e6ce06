#!/bin/sh
# bench/profile.sh: profile the coding loop (bench_code --only code) and print the
# hottest functions, self and inclusive. Uses `perf record` with the cpu-clock
# software event (works where hardware counters are not exposed, e.g. in VMs) and
# DWARF call graphs (the library is built without frame pointers); falls back to
# valgrind --tool=callgrind on a smaller run. Run bench/run.sh first (it builds
# bench/out/bench_code). Skips (exit 0) when ../shared is absent.
#
# Environment: SHARED (default ../shared), PROFILE_SENTENCES (default 100000 for
# perf, 5000 for callgrind), PROFILE_MODE (code|parse|run, default code),
# PROFILE_TOP (rows, default 15), PROFILE_TOOL (perf|callgrind, default perf when
# it works).
set -eu
cd "$(dirname "$0")/.."

SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpora/petrarch2
SAMPLE=$CORPUS/GigaWord.sample.PETR.xml
MODE=${PROFILE_MODE:-code}
TOP=${PROFILE_TOP:-15}
OUT=bench/out

if [ ! -f "$SAMPLE" ]; then
    echo "profile: skipped: $CORPUS not found (../shared absent)"
    exit 0
fi
if [ ! -x "$OUT/bench_code" ]; then
    echo "profile: $OUT/bench_code missing; run 'make bench' first" >&2
    exit 2
fi

TOOL=${PROFILE_TOOL:-}
if [ -z "$TOOL" ]; then
    TOOL=callgrind
    if command -v perf > /dev/null 2>&1 &&
        perf record -q -e cpu-clock -o "$OUT/perf.probe" true > /dev/null 2>&1; then
        TOOL=perf
    fi
    rm -f "$OUT/perf.probe"
fi

if [ "$TOOL" = perf ]; then
    N=${PROFILE_SENTENCES:-100000}
    perf record -q -e cpu-clock -F 2000 --call-graph dwarf,16384 -o "$OUT/perf.data" \
        "$OUT/bench_code" --loads 1 --rounds 1 --only "$MODE" --min-sentences "$N" \
        "$CORPUS" "$SAMPLE" > /dev/null 2>&1
    echo "perf, cpu-clock, bench_code --only $MODE --min-sentences $N ($(date -u '+%Y-%m-%d'))"
    echo
    report() { # perf report rows without the trailing empty srcline columns
        perf report -i "$OUT/perf.data" --stdio --sort symbol "$@" 2>/dev/null |
            sed 's/  *-  *-  *$//'
    }
    echo "== self time (top $TOP) =="
    report --no-children -g none | grep -E '^ +[0-9]' | head -n "$TOP" | tee "$OUT/profile.self"
    echo
    echo "== inclusive time (top $((TOP * 2)); inlined functions listed separately) =="
    report --children -g none | grep -E '^ +[0-9]' |
        grep -vE 'main$|_start|libc_start|time_loop|bench_coding|code_one' | head -n "$((TOP * 2))"
    echo
    echo "== callers of the 5 hottest functions (>= 1%) =="
    syms=$(head -n 5 "$OUT/profile.self" | sed 's/.*\[.\] //' | tr '\n' ',' | sed 's/,$//')
    report --no-children -g callee,1,caller,function,percent --max-stack 3 -S "$syms" |
        grep -vE '^#|^ *\|? *$'
    echo
    echo "Raw data: $OUT/perf.data (perf report -i $OUT/perf.data)"
elif command -v valgrind > /dev/null 2>&1; then
    N=${PROFILE_SENTENCES:-5000}
    # only the coder itself: collection is on inside dyad_code_tree
    valgrind -q --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
        --toggle-collect=dyad_code_tree \
        "$OUT/bench_code" --loads 1 --rounds 1 --only "$MODE" --min-sentences "$N" \
        "$CORPUS" "$SAMPLE" > /dev/null
    echo "callgrind (instructions inside dyad_code_tree), bench_code --only $MODE --min-sentences $N"
    echo
    echo "== self (top $TOP; first row = total) =="
    callgrind_annotate "$OUT/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' |
        head -n "$((TOP + 1))"
    echo
    echo "== inclusive (top $((TOP * 2))) =="
    callgrind_annotate --inclusive=yes "$OUT/callgrind.out" 2>/dev/null |
        grep -E '^ *[0-9,]+ \(' | head -n "$((TOP * 2 + 1))"
    echo
    echo "Raw data: $OUT/callgrind.out (callgrind_annotate, kcachegrind)"
else
    echo "profile: neither perf nor valgrind is installed" >&2
    exit 2
fi
