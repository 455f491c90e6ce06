#!/bin/sh
# bench/bench_places.sh: what the gazetteer costs. Loads dyad's gazetteer
# (data/geo/gazetteer.tsv) with `dyad places` on an empty input, best of 5,
# and subtracts the same run with a one-line gazetteer (what remains is the
# parser's models and the program): prints the gazetteer's load time (CPU and
# wall) and the peak memory of both runs. Environment: BUILD.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
${MAKE:-make} -s BUILD="$BUILD" "$BUILD/dyad"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
: >"$TMP/empty.jsonl"
printf '0\tplace\tFRA\t11\t48.85\t2.35\t2138551\tParis\n' >"$TMP/one.tsv"
best() { # gazetteer file -> "cpu wall rss_kb" of the fastest of 5 runs
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f '%U %S %e %M' "$BUILD/dyad" places --gazetteer "$1" "$TMP/empty.jsonl" 2>&1 >/dev/null |
            tail -n 1 | awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }'
    done | sort -n | head -n 1
}
full=$(best data/geo/gazetteer.tsv)
base=$(best "$TMP/one.tsv")
echo "$full $base" | awk '{ printf "gazetteer load: %.3f s CPU, %.3f s wall (best of 5, after subtracting the program and parser models: %.3f s CPU); peak RSS %d MB (without it %d MB)\n", $1 - $4, $2 - $5, $4, $3 / 1024, $6 / 1024 }'
