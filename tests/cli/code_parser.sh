#!/bin/sh
# code_parser.sh: `dyad code --parser builtin|link-grammar` on raw text. Both
# parsers code the plain sentences below (events checked by hand: a visit, an
# attack, sanctions, a condemnation by a coordinated subject), with dyad's own
# dictionaries; the built-in parser also the meeting of three countries named
# with commas before "and"; a bad --parser is a usage
# error; the built-in parser's models missing is a clear error.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
unset DYAD_DICT_DIR

in=$(mktemp)
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$in" "$out" "$err"' EXIT
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }

cat >"$in" <<'TXT'
date 2024-04-20

Iran's foreign minister visited Beijing on Monday.

Israeli troops attacked Palestinian protesters in Hebron.

The United States imposed sanctions on North Korea.

Russia and the new Iraqi government condemned Israel.

Japan, China, and Russia met on Monday.
TXT

for parser in builtin link-grammar; do
    echo "check: --parser $parser codes the visit, the attack and the sanctions"
    rc=0
    "$DYAD" code --parser "$parser" --threads 1 "$in" >"$out" 2>"$err" || rc=$?
    [ "$rc" -eq 0 ] || fail "exit status $rc"
    got=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    print(e["source"], e["target"], e["cameo"][:2])
' "$out" | sort -u)
    echo "$got" | grep -q '^IRNGOV CHN 04$' || fail "$parser: no IRNGOV CHN visit (04x)"
    echo "$got" | grep -q '^ISRMIL PSE[A-Z]* 1[89]$' || fail "$parser: no ISRMIL->PSE attack (18x/19x)"
    echo "$got" | grep -q '^USA PRK 16$' || fail "$parser: no USA PRK sanctions (16x)"
    # both members of a coordinated subject condemn (the parser may split it)
    echo "$got" | grep -q '^RUS[A-Z]* ISR 11$' || fail "$parser: no RUS->ISR condemnation (11x)"
    echo "$got" | grep -q '^IRQGOV ISR 11$' || fail "$parser: no IRQGOV->ISR condemnation (11x)"
done

echo "check: --parser builtin reads 'Japan, China, and Russia met' as one coordinated subject"
"$DYAD" code --parser builtin --threads 1 "$in" >"$out" 2>"$err" || fail "exit status $?"
got=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    print(e["source"], e["target"], e["cameo"][:2])
' "$out" | sort -u)
for pair in "JPN CHN" "JPN RUS" "CHN RUS" "RUS JPN"; do
    echo "$got" | grep -q "^$pair 04$" || fail "builtin: no $pair meeting (04x)"
done

echo "check: --parser nonsense is a usage error naming the value"
rc=0
"$DYAD" code --parser nonsense "$in" >"$out" 2>"$err" || rc=$?
[ "$rc" -eq 2 ] || fail "exit status $rc, not 2"
grep -q "nonsense" "$err" || fail "the message does not name the value"

echo "check: missing models are a clear error"
rc=0
"$DYAD" code --parser builtin --model /nonexistent-dyad-models "$in" >"$out" 2>"$err" || rc=$?
[ "$rc" -ne 0 ] || fail "exit status 0 without models"
grep -q "tagger.bin" "$err" || fail "the message does not name the model file"
echo "ok"
