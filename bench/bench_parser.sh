#!/bin/sh
# bench/bench_parser.sh: speed and accuracy of dyad's own tagger + dependency
# parser on the UD English EWT dev set. The dev words (FORM column only; the
# tag, head and relation columns blanked) are parsed with
# `dyad parse --input conllu` pinned to one core, and the sentences per second
# (wall clock and CPU) printed; then `dyad parse --eval` prints UPOS, XPOS, UAS
# and LAS on the gold file.
# Skips (exit 0) when ../shared is absent. Environment: BUILD, SHARED, MODEL
# (the model folder, default data/parser).
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
MODEL=${MODEL:-data/parser}
DEV=$SHARED/corpora/ud-english-ewt/en_ewt-ud-dev.conllu.gz
if [ ! -f "$DEV" ]; then
    echo "bench_parser: skipped: $DEV not found (../shared absent)"
    exit 0
fi
if [ ! -f "$MODEL/parser.bin" ]; then
    echo "bench_parser: skipped: no model in $MODEL (train one with dyad train-parser)"
    exit 0
fi
${MAKE:-make} -s BUILD="$BUILD" "$BUILD/dyad"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
gzip -dc "$DEV" >"$TMP/gold.conllu"
# words only: ID FORM and MISC kept, the rest '_'
awk -F'\t' 'BEGIN { OFS = "\t" }
    NF == 10 && $1 ~ /^[0-9]+$/ { print $1, $2, "_", "_", "_", "_", "_", "_", "_", $10; next }
    { print }' "$TMP/gold.conllu" >"$TMP/words.conllu"
nsent=$(grep -c '^1	' "$TMP/words.conllu")
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
# best of three runs
best_wall=""; best_cpu=""
for run in 1 2 3; do
    /usr/bin/env time -f '%e %U %S' -o "$TMP/time" $PIN "$BUILD/dyad" parse --model "$MODEL" \
        --input conllu "$TMP/words.conllu" >"$TMP/out.conllu"
    read -r wall user sys <"$TMP/time"
    cpu=$(echo "$user $sys" | awk '{ print $1 + $2 }')
    best_wall=$(echo "$wall ${best_wall:-$wall}" | awk '{ print ($1 < $2) ? $1 : $2 }')
    best_cpu=$(echo "$cpu ${best_cpu:-$cpu}" | awk '{ print ($1 < $2) ? $1 : $2 }')
done
out=$(grep -c '^1	' "$TMP/out.conllu")
echo "bench_parser: $nsent sentences in, $out out; one core: $(echo "$nsent $best_wall" |
    awk '{ printf "%.0f", $1 / ($2 > 0 ? $2 : 0.001) }') sentences/s wall," \
    "$(echo "$nsent $best_cpu" | awk '{ printf "%.0f", $1 / ($2 > 0 ? $2 : 0.001) }')" \
    "sentences/s CPU (whole command: model loading and I/O included; best of 3)"
"$BUILD/dyad" parse --model "$MODEL" --eval "$TMP/gold.conllu" | tail -1
