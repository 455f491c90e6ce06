#!/bin/sh
# bench_raw.sh: raw text end to end: the world-news items (class 1) of
# ../shared/corpora/agnews/test.csv as JSON Lines, coded by `dyad code` with
# dyad's own dictionaries (data/dict), with 1 and 2 threads; then the
# same input repeated 10x to check that peak memory stays flat. Prints
# sentences/s, peak RSS and the share of full / partial / failed parses.
# Rates are sentences per CPU second (user+sys: the machine may be shared) and
# per wall second. Sentences skipped before parsing (no actor or agent in the
# dictionaries: nothing can be coded) count as sentences.
# Usage: sh bench/bench_raw.sh [ITEMS]   (ITEMS: how many world items, default all 1900)
# Environment: PARSER (builtin or link-grammar; default: both, one after the
# other), DICTS (a dictionary folder instead of data/dict, e.g.
# ../shared/corpora/petrarch2 for Phoenix), BUILD (default build), DYAD (a dyad
# binary to use instead of building $BUILD/dyad), NO_X10=1 skips the x10 memory
# run; DYAD_PARSE_ALL=1 parses every sentence (no skipping), to compare.
set -eu
cd "$(dirname "$0")/.."
csv=../shared/corpora/agnews/test.csv
dicts=${DICTS:-data/dict}
if [ ! -f "$csv" ] || [ ! -d "$dicts" ]; then
    echo "bench_raw: skipped: $csv or $dicts not found (../shared absent)"
    exit 0
fi
if [ -z "${PARSER:-}" ]; then
    PARSER=builtin sh "$0" "$@"
    PARSER=link-grammar NO_X10=1 exec sh "$0" "$@"
fi
command -v python3 >/dev/null || { echo "bench_raw: skipped: python3 needed to convert the CSV"; exit 0; }
items=${1:-1900}
BUILD=${BUILD:-build}
if [ -z "${DYAD:-}" ]; then
    make -s BUILD="$BUILD" "$BUILD/dyad"
    DYAD=$BUILD/dyad
fi
mkdir -p bench/out
python3 - "$csv" "$items" bench/out/agnews_world.jsonl bench/out/agnews_world_x10.jsonl <<'PY'
import csv, json, sys
src, n, out1, out10 = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [r for r in csv.reader(open(src, encoding="utf-8")) if r and r[0] == "1"][:n]
def clean(t):  # the CSV's own escapes: #39; quot; #36; and \ for line breaks
    for a, b in (("#39;", "'"), ("quot;", '"'), ("#36;", "$"), ("&lt;", "<"), ("&gt;", ">"),
                 ("&amp;", "&"), ("\\", " ")):
        t = t.replace(a, b)
    return t
def rec(i, r, k=0):
    text = clean(r[2])
    return json.dumps({"id": "agnews-%d-%d" % (i, k), "date": "2004-08-15",
                       "title": clean(r[1]), "text": clean(r[1]) + ".\n\n" + text})
with open(out1, "w") as f:
    for i, r in enumerate(rows):
        f.write(rec(i, r) + "\n")
with open(out10, "w") as f:
    for k in range(10):
        for i, r in enumerate(rows):
            f.write(rec(i, r, k) + "\n")
PY
run() { # threads input label
    /usr/bin/time -f "%e %U %S %M" -o bench/out/raw.time \
        "$DYAD" code -v --parser "$PARSER" --threads "$1" --dict-dir "$dicts" "$2" >bench/out/raw.jsonl 2>bench/out/raw.err || true
    read -r wall user sys rss <bench/out/raw.time
    sents=$(sed -n 's/.*: \([0-9]*\) records, .*/\1/p' bench/out/raw.err | tail -n 1)
    parse=$(grep 'dyad code: parser' bench/out/raw.err | sed 's/.*parser [a-z-]*: //')
    nsent=$(echo "$parse" | awk '{print $1+$4+$6+$8}')
    events=$(wc -l <bench/out/raw.jsonl)
    rate=$(awk -v s="$nsent" -v w="$wall" 'BEGIN{printf "%.1f", s/w}')
    cpu=$(awk -v u="$user" -v y="$sys" 'BEGIN{printf "%.2f", u+y}')
    crate=$(awk -v s="$nsent" -v c="$cpu" 'BEGIN{printf "%.1f", s/c}')
    printf '%-24s threads=%s %6s sentences  wall %7.2f s (%s sent/s)  CPU %7.2f s (%s sent/CPU s)  peak RSS %6.1f MB  events %s\n' \
        "$3" "$1" "$nsent" "$wall" "$rate" "$cpu" "$crate" "$(awk -v r="$rss" 'BEGIN{print r/1024}')" "$events"
    printf '%-28s parses: %s\n' "" "$parse"
    echo "$rate" >"bench/out/raw.rate.$1"
}
echo "bench_raw: parser $PARSER, dictionaries $dicts; $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
run 1 bench/out/agnews_world.jsonl "agnews world items"
run 2 bench/out/agnews_world.jsonl "agnews world items"
awk -v a="$(cat bench/out/raw.rate.1)" -v b="$(cat bench/out/raw.rate.2)" \
    'BEGIN{printf "speed-up with 2 threads: %.2fx (target >= 1.8x)\n", b/a}'
[ "${NO_X10:-0}" = 1 ] && exit 0
run 2 bench/out/agnews_world_x10.jsonl "agnews world items x10"
echo "(peak RSS of the x10 run should match the single run: memory does not grow with input)"
