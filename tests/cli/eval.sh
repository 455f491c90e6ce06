#!/bin/sh
# eval.sh: dyad eval scores dyad against a small gold file written for this
# test (event_location-style documents with their own text). The expected
# figures follow from the gold events below, from what dyad codes for each
# sentence (checked by hand: see the comments) and from the scoring rules of
# tests/gold/README.md. Also: the AG News skip message, --keep-hypothetical,
# --verbose, and the exit statuses (2 usage, 3 unreadable, 4 malformed).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$tmp/out" 2>/dev/null; echo "--- stderr"; cat "$tmp/err" 2>/dev/null; exit 1; }
run() { rc=0; "$DYAD" eval "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?; }

# What dyad codes (dyad code on each sentence), and how it scores:
#  el:1 FRA RUS 111 (ACCUSE)      gold FRA RUS 111 asserted       matched
#  el:2 JPN CHN 051 (SUPPORT)     gold JPN CHN 051 asserted       matched
#  el:3 EGY ISR 025 (no PLOVER)   gold EGY ISR 025 asserted       matched at root only
#  el:4 DEUCOP TUROPP 173 (COERCE) gold DEUCOP TURCVL 173         matched, target code differs
#  el:5 nothing                   gold IRN IRQ 190 negated        not scored
#  el:6 nothing ("could": dyad drops hypothetical events; BRA ARG 111
#       hypothetical with --keep-hypothetical)  gold BRA ARG 111 hypothetical  not scored
#  el:7 ---OPP - 141 (PROTEST)    gold ---CVL - 141 asserted      matched, source code differs
#  el:8 RUS GEO 1312 (THREATEN)   gold RUS GEO 1312 intent        matched
#  el:9 CHL PER 051 (SUPPORT)     gold PER CHL 111 asserted       one wrong, one missed
#  agnews:1                        skipped (--shared /nowhere)
cat >"$tmp/t.gold" <<'EOF'
# a gold file written for this test
doc	el:1
date	2024-05-10
text	France condemned Russia on Monday.
event	FRA	RUS	111	asserted	condemned

doc	el:2
text	Japan praised China.
event	JPN	CHN	051	asserted
doc	el:3
text	Egypt urged Israel to stop the attacks.
event	EGY	ISR	025	asserted
doc	el:4
text	German police arrested Turkish protesters in Berlin.
event	DEUCOP	TURCVL	173	asserted
doc	el:5
text	Iran did not attack Iraq.
event	IRN	IRQ	190	negated
doc	el:6
text	Brazil could criticize Argentina next week.
event	BRA	ARG	111	hypothetical
doc	el:7
text	Protesters marched on Sunday.
event	---CVL	-	141	asserted
doc	el:8
text	Russia threatened Georgia with sanctions.
event	RUS	GEO	1312	intent
doc	el:9
text	Chile praised Peru.
event	PER	CHL	111	asserted
doc	agnews:1
EOF

echo "check: the figures, and the skip message when --shared points nowhere"
# Scored gold: 111 051 025 173 141 1312 111(el:9) = 7 (root); PLOVER leaves 025 out: 6.
# dyad: 111 051 025 173 141 1312 051(el:9) = 7; PLOVER 6.
# PLOVER matched: el:1 el:2 el:4 el:7 el:8 = 5 -> P 5/6 0.83, R 5/6 0.83, F1 0.83.
# Root matched: those and el:3 = 6 -> P 6/7 0.86, R 6/7 0.86, F1 0.86.
# Actors over the 6 root pairs: sources 5/6 0.83 (---OPP vs ---CVL), targets
# 5/6 0.83 (TURCVL vs TUROPP); the countries agree.
run --threads 2 --shared /nowhere "$tmp/t.gold"
[ "$rc" -eq 0 ] || fail "exit status $rc"
grep -qx 'eval: skipped 1 AG News documents: /nowhere/corpora/agnews/test.csv not found' "$tmp/out" ||
    fail "no skip message for the AG News document"
last=$(tail -n 1 "$tmp/out")
[ "$last" = "eval: PLOVER P 0.83 R 0.83 F1 0.83; root P 0.86 R 0.86 F1 0.86; source 0.83 target 0.83 (9 docs, 7 gold, 7 dyad)" ] ||
    fail "last line: $last"
# ACCUSE: gold 2 (el:1, el:9), dyad 1 (el:1), matched 1: P 1.00 R 0.50 F1 0.67
grep -Eq '^ACCUSE +2 +1 +1 +1\.00 +0\.50 +0\.67$' "$tmp/out" || fail "ACCUSE row"
grep -Eq '^PROTEST +1 +1 +1 +1\.00 +1\.00 +1\.00$' "$tmp/out" || fail "PROTEST row"
grep -Eq '^THREATEN +1 +1 +1 +1\.00 +1\.00 +1\.00$' "$tmp/out" || fail "THREATEN row"
grep -q 'source 0.83 (country 1.00), target 0.83 (country 1.00)' "$tmp/out" || fail "actor line"

echo "check: --keep-hypothetical scores el:6's hypothetical event"
# Gold 8 (PLOVER 7); dyad 8 (PLOVER 7: el:6 BRA ARG 111 kept); matched PLOVER
# 6 -> P R F1 6/7 0.86; root 7 -> 7/8 0.88; sources and targets 6/7 0.86.
run --keep-hypothetical --shared /nowhere "$tmp/t.gold"
last=$(tail -n 1 "$tmp/out")
[ "$last" = "eval: PLOVER P 0.86 R 0.86 F1 0.86; root P 0.88 R 0.88 F1 0.88; source 0.86 target 0.86 (9 docs, 8 gold, 8 dyad)" ] ||
    fail "last line with --keep-hypothetical: $last"

echo "check: --verbose shows the documents that differ, and only those"
run --verbose --shared /nowhere "$tmp/t.gold"
grep -q '^--- el:9 ' "$tmp/out" || fail "el:9 (an extra event) not shown"
grep -q '^  dyad + CHL PER 051' "$tmp/out" || fail "el:9's extra event not marked +"
grep -q '^  gold - PER CHL 111 asserted' "$tmp/out" || fail "el:9's missed event not marked -"
grep -q '^  dyad ~ ---OPP - 141' "$tmp/out" || fail "el:7's pair with another source not marked ~"
grep -q '^--- el:6 ' "$tmp/out" && fail "el:6 (no difference: hypothetical, nothing coded) shown"
grep -q '^  dyad ~ DEUCOP TUROPP 173' "$tmp/out" || fail "el:4's pair with another target not marked ~"
grep -q '^  text: Protesters marched on Sunday.$' "$tmp/out" || fail "el:7's text not shown"
grep -q '^--- el:1 ' "$tmp/out" && fail "el:1 (no difference) shown"
grep -q '^--- el:5 ' "$tmp/out" && fail "el:5 (no difference: negated, nothing coded) shown"

echo "check: AG News documents are read from ../shared when it is there"
if [ -f ../shared/corpora/agnews/test.csv ]; then
    run "$tmp/t.gold"
    [ "$rc" -eq 0 ] || fail "exit status $rc"
    grep -q 'skipped' "$tmp/out" && fail "AG News skipped although ../shared is there"
    grep -q '(1 AG News, 9 event_location)' "$tmp/out" || fail "the AG News document was not scored"
    tail -n 1 "$tmp/out" | grep -q '(10 docs, 7 gold, ' || fail "last line: $(tail -n 1 "$tmp/out")"
else
    echo "skip: ../shared/corpora/agnews/test.csv not found (../shared absent)"
fi

echo "check: a malformed gold file: each bad line as file:line, the rest scored, exit 4"
cat >"$tmp/bad.gold" <<'EOF'
doc	el:1
text	France condemned Russia on Monday.
event	FRA	RUS	111	maybe
event	FRA	RUS	111	asserted
doc	el:1
EOF
run --shared /nowhere "$tmp/bad.gold"
[ "$rc" -eq 4 ] || fail "exit status $rc, expected 4"
grep -q "bad.gold:3: error: bad modality 'maybe'" "$tmp/err" || fail "line 3 not reported"
grep -q "bad.gold:5: error: duplicate document el:1 (first at .*bad.gold:1)" "$tmp/err" || fail "line 5 not reported"
tail -n 1 "$tmp/out" | grep -q '^eval: PLOVER P 1.00 R 1.00 F1 1.00; .* (1 docs, 1 gold, 1 dyad)$' ||
    fail "the good lines were not scored: $(tail -n 1 "$tmp/out")"

echo "check: usage errors exit 2, an unreadable file 3"
run
[ "$rc" -eq 2 ] || fail "no file: exit status $rc"
run --threads 0 "$tmp/t.gold"
[ "$rc" -eq 2 ] || fail "--threads 0: exit status $rc"
run --frob "$tmp/t.gold"
[ "$rc" -eq 2 ] || fail "unknown option: exit status $rc"
run "$tmp/none.gold"
[ "$rc" -eq 3 ] || fail "missing file: exit status $rc"
grep -q 'none.gold' "$tmp/err" || fail "the missing file is not named"
run --help
[ "$rc" -eq 0 ] && grep -q '^usage: dyad eval' "$tmp/out" || fail "--help"
echo ok
