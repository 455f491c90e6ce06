#!/bin/sh
# code_example.sh: `dyad code data/examples/article.xml` (hand-made Penn parses)
# with the fixed PETRARCH-1-format dictionaries of tests/data/dict_v1 gives the
# events checked by hand, one valid JSON object per line with every documented field.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
# the hand-checked events below come from this fixed dictionary set
DYAD_DICT_DIR=$PWD/tests/data/dict_v1
export DYAD_DICT_DIR

out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }

echo "check: dyad code data/examples/article.xml exits 0 without messages"
rc=0
"$DYAD" code data/examples/article.xml >"$out" 2>"$err" || rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc"
[ ! -s "$err" ] || fail "unexpected messages on stderr"

# sentence source target cameo, as checked by hand against the article.
# example-1_3 ("The two leaders agreed ...") names no state: no event.
expected='example-1_1 JPNGOV CHN 042
example-1_1 CHN JPNGOV 043
example-1_2 CHNGOV JPNGOV 040
example-1_4 USA IRN 163
example-1_5 IRNGOV USA 112
example-1_6 RUSMIL UKR 194
example-1_7 FRA RUS 111
example-1_8 DEU UKR 072
example-1_9 EGY ISR 020
example-1_10 TURCOP ISRMED 173'

echo "check: the 10 expected events, in order"
n=$(wc -l <"$out")
[ "$n" -eq 10 ] || fail "expected 10 events, got $n"
i=0
while read -r sent src tgt code; do
    i=$((i + 1))
    line=$(sed -n "${i}p" "$out")
    echo "  $sent $src $tgt $code"
    case "$line" in
    *"\"sentence\":\"$sent\","*) ;;
    *) fail "event $i is not from sentence $sent" ;;
    esac
    printf '%s\n' "$line" | grep -q "\"source\":\"$src\",\"target\":\"$tgt\",\"cameo\":\"$code\"" ||
        fail "event $i: expected $src $tgt $code"
done <<EOF
$expected
EOF
grep -q '"sentence":"example-1_3"' "$out" && fail "example-1_3 should give no event"

echo "check: every event has the documented fields"
for f in article sentence date source target cameo plover quad_class goldstein text evidence; do
    k=$(grep -c "\"$f\":" "$out" || true)
    [ "$k" -eq "$n" ] || fail "field $f is in $k of $n events"
done
k=$(grep -c '"article":"example-1","sentence":"example-1_[0-9]*","date":"20240510"' "$out" || true)
[ "$k" -eq "$n" ] || fail "article/sentence/date wrong in $((n - k)) events"
grep -q '"plover":"CONSULT"' "$out" || fail "no PLOVER category in the output"

if command -v python3 >/dev/null 2>&1; then
    echo "check: each line is valid JSON (python3 -m json.tool)"
    while IFS= read -r line; do
        printf '%s\n' "$line" | python3 -m json.tool >/dev/null 2>&1 || fail "not valid JSON: $line"
    done <"$out"
else
    echo "skip: python3 absent, JSON validity not checked"
fi
echo "ok"
