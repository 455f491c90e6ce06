#!/bin/sh
# validate_shared.sh: `dyad validate` on the PETRARCH validation files of
# ../shared (skipped when that folder is absent). The unit-test records must
# stay at or above 256 of 284 correct (90%), the PETR2 gold records (real AFP
# sentences, Phoenix dictionaries) at or above 60 of 74.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."

dir=../shared/corpora/petrarch2
if [ ! -d "$dir" ]; then
    echo "skip: ../shared absent"
    exit 0
fi
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
fail() { echo "FAIL: $*"; echo "--- last lines of stdout"; tail -n 20 "$out"; echo "--- stderr"; tail -n 20 "$err"; exit 1; }

# validate FILE TOTAL: runs dyad validate, checks the exit status and the closing
# line "validate: P of TOTAL records correct"; sets $p.
validate() {
    rc=0
    "$DYAD" validate "$1" >"$out" 2>"$err" || rc=$?
    # 0 all correct, 1 some differ, 4 some records could not be read
    case "$rc" in 0 | 1 | 4) ;; *) fail "exit status $rc" ;; esac
    last=$(tail -n 1 "$out")
    echo "  $last"
    printf '%s\n' "$last" | grep -Eq "^validate: [0-9]+ of $2 records correct\$" ||
        fail "closing line is not 'validate: P of $2 records correct'"
    p=$(printf '%s\n' "$last" | sed 's/^validate: \([0-9]*\) of.*/\1/')
}

echo "check: PETR.UnitTest.records.xml: at least 256 of 284 records correct"
validate "$dir/PETR.UnitTest.records.xml" 284
[ "$p" -ge 256 ] || fail "$p of 284 records correct, expected at least 256"

echo "check: PETR2_GSR_validation.ptb.xml: at least 60 of 74 records correct"
validate "$dir/PETR2_GSR_validation.ptb.xml" 74
[ "$p" -ge 60 ] || fail "$p of 74 records correct, expected at least 60"
echo "ok"
