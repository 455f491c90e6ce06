#!/bin/sh
# bench_scale.sh: the scale-out figures of README.md (Scale-out).
#   1. Per-core raw-text coding rate: `dyad code --threads 1` with
#      --parser builtin and with link-grammar, sentences per CPU second
#      (user+sys) and per wall second.
#   2. Speed-up from 1 to 2 Dask workers: scale/dask/dyad_dask.py on a
#      LocalCluster of 1, then 2 workers (one thread each), one task per file,
#      into a throw-away PostgreSQL server (tests/store/pg_server.sh, fsync
#      off), articles/s and sentences/s over the tasks' wall time (cluster
#      start-up excluded), and the machine's 1-minute load average before
#      each run: on a shared machine the speed-up is bounded by the cores
#      the other processes leave free.
#   3. On paper: core-hours for one billion sentences at each per-core rate.
# Input: the 7,600 items of ../shared/corpora/agnews/test.csv as JSON Lines
# (title + description), COPIES times (4; copy c of item i has id
# agnews-i-c), when present, else ARTICLES generated articles
# (tests/scale/lib.sh's templates). The per-core rates use the first copy.
# Usage: sh bench/bench_scale.sh
# Environment: BUILD (build), DYAD (a dyad binary instead of building
# $BUILD/dyad), ARTICLES (4000: generated articles, and the Dask run's input
# size), FILES (16: input files = Dask tasks), LG_ARTICLES (400: articles
# for the link-grammar rate), PARSER (builtin: the Dask runs' parser).
# Prints "bench_scale: skipped: reason" and exits 0 without python3-distributed
# or PostgreSQL.
set -eu
cd "$(dirname "$0")/.."
py=/usr/bin/python3
if ! [ -x "$py" ] || ! "$py" -c 'import distributed' 2>/dev/null; then
    echo "bench_scale: skipped: $py cannot import distributed (python3-distributed)"; exit 0
fi
BUILD=${BUILD:-build}
if [ -z "${DYAD:-}" ]; then
    make -s BUILD="$BUILD" "$BUILD/dyad"
    DYAD=$BUILD/dyad
fi
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
articles=${ARTICLES:-4000}
files=${FILES:-16}
lg_articles=${LG_ARTICLES:-400}
copies=${COPIES:-4}
parser=${PARSER:-builtin}
export DYAD_DICT_DIR="$PWD/data/dict"
tmp=$(mktemp -d)
pgdir=$(mktemp -d)
cleanup() { sh tests/store/pg_server.sh stop "$pgdir" || true; rm -rf "$tmp" "$pgdir"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
. tests/scale/lib.sh

csv=../shared/corpora/agnews/test.csv
if [ -f "$csv" ]; then
    source="agnews test.csv (title + description, all classes) x $copies"
    mkdir -p "$tmp/in"
    "$py" - "$csv" "$tmp/in" "$files" "$copies" <<'PY'
import csv, json, sys
src, out, files, copies = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def clean(t):  # the CSV's own escapes
    for a, b in (("#39;", "'"), ("quot;", '"'), ("#36;", "$"), ("&lt;", "<"), ("&gt;", ">"),
                 ("&amp;", "&"), ("\\", " ")):
        t = t.replace(a, b)
    return t
fs = [open("%s/part-%03d.jsonl" % (out, k), "w") for k in range(files)]
rows = list(csv.reader(open(src, encoding="utf-8")))[1:]
i = 0
for c in range(copies):
    for n, r in enumerate(rows):
        fs[i % files].write(json.dumps({"id": "agnews-%d-%d" % (n, c), "date": "2004-08-15",
                                        "title": clean(r[1]),
                                        "text": clean(r[1]) + ".\n\n" + clean(r[2])}) + "\n")
        i += 1
for f in fs:
    f.close()
PY
else
    source="$articles generated articles (tests/scale/lib.sh templates; ../shared absent)"
    gen_articles "$articles" "$files" "$tmp/in"
fi
cat "$tmp"/in/*.jsonl | grep -v '"id": "agnews-[0-9]*-[1-9]' >"$tmp/all.jsonl"
head -n "$lg_articles" "$tmp/all.jsonl" >"$tmp/lg.jsonl"
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "bench_scale: $(date -u +%F) on $ncpu CPUs ($model), $(uname -sr)"
echo "input: $source, $(cat "$tmp"/in/*.jsonl | wc -l) articles in $files files"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# rate PARSER FILE: one dyad code process, one thread; prints "sentences
# cpu_s wall_s".
rate() {
    /usr/bin/time -f "%U %S %e" -o "$tmp/time" \
        "$DYAD" code -v --threads 1 --parser "$1" "$2" >/dev/null 2>"$tmp/rate.err" ||
        { cat "$tmp/rate.err" >&2; echo "bench_scale: dyad code --parser $1 failed" >&2; exit 1; }
    s=$(sed -n 's/.*: \([0-9]*\) full parses, \([0-9]*\) partial, \([0-9]*\) failed, \([0-9]*\) skipped.*/\1 \2 \3 \4/p' \
        "$tmp/rate.err" | awk '{ print $1 + $2 + $3 + $4 }')
    read -r u sy w <"$tmp/time"
    echo "$s $(echo "$u $sy" | awk '{ print $1 + $2 }') $w"
}
echo
printf '%-34s %10s %9s %9s %13s %13s %22s\n' "per-core raw-text coding" sentences "CPU s" "wall s" "sent/CPU-s" "sent/wall-s" "core-hours for 1e9 sent"
for p in builtin link-grammar; do
    f="$tmp/all.jsonl"; [ "$p" = link-grammar ] && f="$tmp/lg.jsonl"
    r=$(rate "$p" "$f") && [ -n "$r" ] || exit 1
    # shellcheck disable=SC2046 # three numbers, split on purpose
    set -- $r
    awk -v p="$p" -v s="$1" -v c="$2" -v w="$3" 'BEGIN {
        r = s / (c > 0 ? c : 1e-9)
        printf "%-34s %10d %9.2f %9.2f %13.0f %13.0f %22.0f\n", "dyad code --threads 1 --parser " p, s, c, w, r, s / w, 1e9 / r / 3600 }'
done

url=$(sh tests/store/pg_server.sh start "$pgdir") || { echo "bench_scale: skipped: no PostgreSQL server"; exit 0; }
psql="$(cat "$pgdir/bindir")/psql"
echo
printf '%-42s %8s %10s %8s %8s %11s %12s %9s %5s\n' "Dask, one task per file ($parser)" articles sentences events "wall s" "articles/s" "sentences/s" "speed-up" "load"
base=""
for w in 1 2; do
    "$psql" -X -q -v ON_ERROR_STOP=1 "$url" -c "CREATE DATABASE w$w" >/dev/null
    load=$(cut -d' ' -f1 /proc/loadavg)
    "$py" scale/dask/dyad_dask.py --workers "$w" --dyad "$DYAD" --code-args "--parser $parser" \
        --db "postgresql:///w$w?host=$pgdir&port=5432&user=dyad" "$tmp/in" >"$tmp/dask$w.log" 2>&1 ||
        { tail -n 20 "$tmp/dask$w.log"; echo "bench_scale: the Dask run with $w workers failed"; exit 1; }
    line=$(grep '^dyad_dask: ' "$tmp/dask$w.log" | tail -n 1)
    # shellcheck disable=SC2046 # four numbers, split on purpose
    set -- $(echo "$line" | sed 's/.*failed; \([0-9]*\) articles ([0-9]* with events stored), \([0-9]*\) sentences, \([0-9]*\) events in \([0-9.]*\) s.*/\1 \2 \3 \4/')
    [ -n "$base" ] || base=$(echo "$2 $4" | awk '{ print $1 / $2 }')
    awk -v w="$w" -v a="$1" -v s="$2" -v e="$3" -v t="$4" -v b="$base" -v l="$load" 'BEGIN {
        printf "%-42s %8d %10d %8d %8.1f %11.1f %12.1f %8.2fx %5.1f\n", w " worker" (w > 1 ? "s" : "") " (LocalCluster, 1 thread each)", a, s, e, t, a / t, s / t, (s / t) / b, l }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
