#!/bin/sh
# bench/run.sh: the dyad benchmark suite (`make bench`). Builds what it needs,
# writes scratch files under bench/out/ and prints a table of figures with the
# machine and date. Skips (exit 0) when ../shared is absent.
#
# Environment: BUILD (default build), CC (default cc), SHARED (default ../shared),
# BENCH_MIN_SENTENCES (default 20000), BENCH_ROUNDS (default 5).
set -eu
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
CC=${CC:-cc}
SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpora/petrarch2
SAMPLE=$CORPUS/GigaWord.sample.PETR.xml
MIN=${BENCH_MIN_SENTENCES:-20000}
ROUNDS=${BENCH_ROUNDS:-5}
OUT=bench/out

if [ ! -f "$SAMPLE" ] || [ ! -f "$CORPUS/PETR_config.ini" ]; then
    echo "bench: skipped: $CORPUS not found (../shared absent)"
    exit 0
fi

# ---- build ------------------------------------------------------------------
mkdir -p "$OUT"
${MAKE:-make} -s BUILD="$BUILD" "$BUILD/dyad" "$BUILD/libdyad.a" ||
    { echo "bench: the build failed; nothing measured" >&2; exit 1; }
PKG=$(pkg-config --cflags --libs libxml-2.0 jansson)
# shellcheck disable=SC2086
$CC -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Iinclude -Isrc \
    -O2 -g -o "$OUT/bench_code" bench/bench_code.c "$BUILD/libdyad.a" $PKG -lpthread -lm
$CC -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -O2 \
    -o "$OUT/timeit" bench/timeit.c

# ---- the big input: the sample repeated with unique ids to >= MIN sentences --
nsample=$(grep -c '<Parse>' "$SAMPLE")
copies=$(( (MIN + nsample - 1) / nsample ))
BIG=$OUT/giga$((MIN / 1000))k.xml
# Copy k of "AFP0808020625_4" becomes "AFP0808020625-c<k>_4": ids stay unique and
# every copy is its own article (story discards skip within one copy only).
awk -v n="$copies" '
    /<Sentences>/ { inb = 1; next }
    /<\/Sentences>/ { inb = 0; next }
    inb { body[++nb] = $0 }
    function reid(l, k,    v, pre, i, cut) {
        if (!match(l, /id *= *"[^"]*"/)) return l
        pre = substr(l, 1, RSTART - 1); v = substr(l, RSTART, RLENGTH)
        cut = 0
        for (i = length(v) - 1; i > 0; i--) if (substr(v, i, 1) == "_") { cut = i; break }
        if (cut) v = substr(v, 1, cut - 1) "-c" k substr(v, cut)
        else v = substr(v, 1, length(v) - 1) "-c" k "\""
        return pre v substr(l, RSTART + RLENGTH)
    }
    END {
        print "<Sentences>"
        for (k = 1; k <= n; k++)
            for (i = 1; i <= nb; i++)
                print (body[i] ~ /<Sentence / ? reid(body[i], k) : body[i])
        print "</Sentences>"
    }' "$SAMPLE" > "$BIG"

# ---- header -----------------------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: *//')
rev=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
[ -n "$(git status --porcelain -- src include 2>/dev/null)" ] && rev="$rev+dirty"
echo "dyad benchmarks"
echo "  date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "  machine:  $(nproc) CPU(s), ${cpu:-unknown CPU}, $(uname -sr)"
echo "  load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1/5/15-min load average at start)"
echo "  compiler: $($CC --version 2>/dev/null | head -1)"
echo "  source:   $rev; dictionaries: $CORPUS (PETR_config.ini)"
echo "  input:    $(basename "$SAMPLE") ($nsample sentences); $BIG ($((copies * nsample)) sentences)"
echo
printf '%-44s %14s  %-12s %-12s %s\n' "figure" "value" "unit" "target" "verdict"
printf '%-44s %14s  %-12s %-12s %s\n' "------" "-----" "----" "------" "-------"

# ---- in-process figures -----------------------------------------------------
"$OUT/bench_code" --min-sentences "$MIN" --rounds "$ROUNDS" "$CORPUS" "$SAMPLE" "$BIG"

# ---- end to end: the CLI ------------------------------------------------------
# Best wall time of ROUNDS runs; peak RSS of that run. The small run (the sample
# alone) measures the fixed cost (start-up, dictionary load), so the marginal
# rate is the throughput once the dictionaries are in memory.
cli_best() { # FILE -> "wall user sys maxrss_kb status" of the fastest run
    best=""
    i=0
    while [ "$i" -lt "$ROUNDS" ]; do
        "$OUT/timeit" "$OUT/timeit.txt" "$BUILD/dyad" code -v --dict-dir "$CORPUS" "$1" \
            > /dev/null 2> "$OUT/cli.stderr" || true
        line=$(cat "$OUT/timeit.txt")
        if [ -z "$best" ] || [ "$(echo "$line $best" | awk '{print ($1 < $6)}')" = 1 ]; then
            best=$line
            cp "$OUT/cli.stderr" "$OUT/cli.best.stderr"
        fi
        i=$((i + 1))
    done
    echo "$best"
}
big=$(cli_best "$BIG")
totals=$(grep 'records,' "$OUT/cli.best.stderr" | tail -1)
small=$(cli_best "$SAMPLE")
stotals=$(grep 'records,' "$OUT/cli.best.stderr" | tail -1)
echo "$big|$totals|$small|$stotals" | awk -F'|' '
    function n(s, word,    a, i, k) { k = split(s, a, /[ ,]+/)
        for (i = 2; i <= k; i++) if (a[i] == word) return a[i - 1] + 0; return 0 }
    function rowf(fig, v, fmt, unit, target, ok) {
        printf "%-44s %14s  %-12s %-12s %s\n", fig, sprintf(fmt, v), unit, target,
               target == "" ? "" : (ok ? "ok" : "MISSED") }
    {
        split($1, B, " "); split($3, S, " ")
        sent = n($2, "records") - n($2, "could"); ssent = n($4, "records") - n($4, "could")
        if (B[5] != 0 && B[5] != 1) { print "dyad code failed with status " B[5]; exit 1 }
        rowf("CLI: sentences coded", sent, "%.0f", "sentences", "", 0)
        rowf("CLI: events written", n($2, "events"), "%.0f", "events", "", 0)
        rowf("CLI: wall time (incl. dictionary load)", B[1], "%.3f", "s", "", 0)
        rowf("CLI: CPU time user+sys", B[2] + B[3], "%.3f", "s", "", 0)
        rowf("CLI: sentences/s (total wall)", sent / B[1], "%.0f", "sent/s", ">= 50000", sent / B[1] >= 50000)
        rowf("CLI: sentences/s by CPU time", sent / (B[2] + B[3]), "%.0f", "sent/s", "", 0)
        rowf("CLI: fixed cost (sample alone, wall)", S[1], "%.3f", "s", "", 0)
        if (B[1] > S[1])
            rowf("CLI: sentences/s (marginal, excl. fixed)", (sent - ssent) / (B[1] - S[1]), "%.0f", "sent/s", "", 0)
        rowf("CLI: peak RSS", B[4] * 1024 / 1e6, "%.1f", "MB", "", 0)
    }'
echo
echo "MB = 10^6 bytes. Wall-clock rates suffer when other processes compete for the"
echo "CPUs (see load above); the CPU-time rates less so. Scratch files: $OUT/."
echo "Figures are explained in bench/README.md; profile with: sh bench/profile.sh"
