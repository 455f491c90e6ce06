#!/bin/sh
# confidence.sh: every event of dyad code has a "confidence" in [0, 1];
# --min-confidence X writes exactly the events of confidence X or more (checked
# against the unfiltered output) and takes only a number from 0 to 1; dyad eval
# --calibration counts dyad's events per band and how many match, and
# --min-confidence there leaves events out of the scoring. The gold file is
# written for this test: "France condemned Russia" is coded FRA RUS 111 as the
# gold says (matched); "Chile praised Peru" is coded CHL PER 051 against the
# gold PER CHL 111 (another root: not matched) - as tests/cli/eval.sh checks.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$tmp/out" 2>/dev/null; echo "--- stderr"; cat "$tmp/err" 2>/dev/null; exit 1; }

printf 'date 2024-05-10\nFrance condemned Russia on Monday. Soldiers were killed in a village near Kabul. Chile praised Peru. Japanese police arrested two men. Gunmen attacked a bus. Protesters marched. Police said that the rebels, who had been hiding in the hills for weeks, killed two farmers on the road.\n' >"$tmp/a.txt"

echo "check: every event has a confidence in [0, 1]"
rc=0
"$DYAD" code "$tmp/a.txt" >"$tmp/all" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc"
n=$(wc -l <"$tmp/all")
[ "$n" -ge 3 ] || fail "expected at least 3 events, got $n"
sed -n 's/.*"confidence":\([0-9.]*\),.*/\1/p' "$tmp/all" >"$tmp/conf"
[ "$(wc -l <"$tmp/conf")" -eq "$n" ] || fail "an event without a confidence"
awk '$1 < 0 || $1 > 1 { bad = 1 } END { exit bad }' "$tmp/conf" || fail "a confidence outside [0, 1]"
sort -u "$tmp/conf" | sed 's/^/  /'

echo "check: --min-confidence X writes the events of confidence X or more, in order"
split=0
for x in 0 0.3 0.5 0.615 0.62 0.66 0.8 1; do
    "$DYAD" code --min-confidence "$x" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err" || fail "--min-confidence $x failed"
    awk -v x="$x" '{ c = $0; sub(/.*"confidence":/, "", c); sub(/,.*/, "", c); if (c + 0 >= x + 0) print }' \
        "$tmp/all" >"$tmp/want"
    cmp -s "$tmp/out" "$tmp/want" || fail "--min-confidence $x: not the events of confidence $x or more"
    k=$(wc -l <"$tmp/out")
    echo "  $x: $k of $n events"
    [ "$k" -gt 0 ] && [ "$k" -lt "$n" ] && split=1
done
[ "$split" -eq 1 ] || fail "no threshold kept some events and not others: the check proves nothing"

"$DYAD" code --min-confidence 1 "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/out" ] || fail "--min-confidence 1 kept an event"

echo "check: --min-confidence takes only a number from 0 to 1"
for bad in 1.5 -0.1 abc '' 0x1 nan inf 1e0 ' 0.5' 0.5x . -; do
    rc=0
    "$DYAD" code --min-confidence "$bad" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err" || rc=$?
    [ "$rc" -eq 2 ] || fail "--min-confidence '$bad': exit status $rc, expected 2"
    grep -q "dyad code: --min-confidence takes a number from 0 to 1, not '$bad'" "$tmp/err" ||
        fail "--min-confidence '$bad': no message"
    [ ! -s "$tmp/out" ] || fail "--min-confidence '$bad': output written"
done
rc=0
"$DYAD" code "$tmp/a.txt" --min-confidence >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 2 ] || fail "--min-confidence without a value: exit status $rc"

cat >"$tmp/t.gold" <<'EOF'
doc	el:1
date	2024-05-10
text	France condemned Russia on Monday.
event	FRA	RUS	111	asserted	condemned
doc	el:9
text	Chile praised Peru.
event	PER	CHL	111	asserted
EOF

echo "check: dyad eval --calibration: 2 events, 1 matched, by band"
rc=0
"$DYAD" eval --calibration --shared /nowhere --confidence-features "$tmp/feat" "$tmp/t.gold" \
    >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc"
grep -Eq '^confidence +dyad +matched +share +actors too +mean conf$' "$tmp/out" || fail "no calibration header"
grep -Eq '^all +2 +1 +0\.50 +0\.50$' "$tmp/out" || fail "calibration total row"
[ "$(grep -Ec '^\[0\.[0-8], [01]\.[0-9][])] ' "$tmp/out")" -eq 5 ] || fail "not 5 bands"
sum=$(grep -E '^\[' "$tmp/out" | awk '{ n += $3 } END { print n }')
[ "$sum" -eq 2 ] || fail "the bands hold $sum events, not 2"
tail -n 1 "$tmp/out" | grep -q '(2 docs, 2 gold, 2 dyad)$' || fail "last line: $(tail -n 1 "$tmp/out")"
echo "check: --confidence-features: a header and one line per event, matched first"
[ "$(wc -l <"$tmp/feat")" -eq 3 ] || fail "features file: $(cat "$tmp/feat")"
head -n 1 "$tmp/feat" | grep -q '^# matched	const	' || fail "features header"
[ "$(sed -n '2,3p' "$tmp/feat" | cut -f1 | sort | tr '\n' ' ')" = "0 1 " ] || fail "matched column"

echo "check: dyad eval --min-confidence 1 leaves every event out"
"$DYAD" eval --min-confidence 1 --shared /nowhere "$tmp/t.gold" >"$tmp/out" 2>"$tmp/err"
tail -n 1 "$tmp/out" | grep -q '(2 docs, 2 gold, 0 dyad)$' || fail "last line: $(tail -n 1 "$tmp/out")"
rc=0
"$DYAD" eval --min-confidence 2 "$tmp/t.gold" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 2 ] || fail "eval --min-confidence 2: exit status $rc"
grep -q "dyad eval: --min-confidence takes a number from 0 to 1, not '2'" "$tmp/err" || fail "no message"
echo ok
