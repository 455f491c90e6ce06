#!/bin/sh
# bench/bench_parse.sh: speed and coverage of the built-in parser alone
# (link-grammar -> tree), one thread. Sentence sets, written to bench/out/:
#   gsr.txt   the <Text> of PETR2_GSR_validation.ptb.xml (news, hand-coded)
#   unit.txt  the <Text> of PETR.UnitTest.records.xml (stylised sentences)
#   agnews.txt the world-news descriptions of agnews/test.csv (class 1), its
#             escapes (#36; quot; #39;) undone, split at ". " before a capital (a
#             crude split: the parser is measured, not the sentence splitter)
# Skips (exit 0) when ../shared is absent. Environment: BUILD, CC, SHARED.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CC=${CC:-cc}
SHARED=${SHARED:-../shared}
P2=$SHARED/corpora/petrarch2
AG=$SHARED/corpora/agnews/test.csv
OUT=bench/out
if [ ! -f "$P2/PETR2_GSR_validation.ptb.xml" ]; then
    echo "bench_parse: skipped: $P2 not found (../shared absent)"
    exit 0
fi
mkdir -p "$OUT"
${MAKE:-make} -s BUILD="$BUILD" "$BUILD/libdyad.a"
PKGS="libxml-2.0 jansson libutf8proc link-grammar sqlite3 libpq"
# shellcheck disable=SC2046
$CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Iinclude -Isrc $(pkg-config --cflags $PKGS) \
    -o "$OUT/bench_parse" bench/bench_parse.c "$BUILD/libdyad.a" $(pkg-config --libs $PKGS) \
    -lpthread -lm

texts() { # the <Text> elements of a PETRARCH file, one per line, blanks collapsed
    tr '\n' ' ' <"$1" | grep -o '<Text>[^<]*</Text>' | sed 's/<[^>]*>//g; s/  */ /g; s/^ //; s/ $//' |
        sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g' | grep .
}
texts "$P2/PETR2_GSR_validation.ptb.xml" >"$OUT/gsr.txt"
texts "$P2/PETR.UnitTest.records.xml" >"$OUT/unit.txt"
if [ -f "$AG" ]; then
    awk 'function field(s, k,   i, c, q, n, f) { # field k of a CSV line
             n = 1; f = ""; q = 0
             for (i = 1; i <= length(s); i++) {
                 c = substr(s, i, 1)
                 if (q && c == "\"" && substr(s, i + 1, 1) == "\"") { if (n == k) f = f c; i++ }
                 else if (c == "\"") q = !q
                 else if (c == "," && !q) { if (n == k) return f; n++ }
                 else if (n == k) f = f c
             }
             return f }
         /^1,/ { d = field($0, 3); gsub(/\\/, " ", d); print d }' "$AG" | head -n "${BENCH_AG_ITEMS:-400}" |
        sed 's/ *#36;/ $/g; s/#39;/'"'"'/g; s/ *quot;/"/g; s/#145;\|#146;/'"'"'/g; s/&lt;[^&]*&gt;//g' |
        sed 's/\([.!?]\) \([A-Z]\)/\1\n\2/g' | awk 'length($0) > 20' >"$OUT/agnews.txt"
fi
echo "bench_parse: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPU(s), link-grammar $(pkg-config --modversion link-grammar)"
set -- "$OUT/gsr.txt" "$OUT/unit.txt"
[ -s "$OUT/agnews.txt" ] && set -- "$@" "$OUT/agnews.txt"
"$OUT/bench_parse" "$@"
