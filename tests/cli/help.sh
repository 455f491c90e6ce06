#!/bin/sh
# help.sh: --help of the command and of each subcommand exits 0 and prints the
# usage; an unknown command or option is a usage error (exit 2).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac

out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }
run() { rc=0; "$DYAD" "$@" >"$out" 2>"$err" || rc=$?; }

for args in "--help" "code --help" "validate --help" "quotes --help" "dict check --help"; do
    echo "check: dyad $args exits 0 and prints the usage"
    # shellcheck disable=SC2086 # split on purpose
    run $args
    [ "$rc" -eq 0 ] || fail "exit status $rc"
    sub=${args% --help}
    [ "$sub" = "--help" ] && sub=""
    grep -q "^usage: dyad${sub:+ $sub}" "$out" || fail "no 'usage: dyad${sub:+ $sub}' line on stdout"
done
grep -q "Exit status" "$out" || fail "validate --help does not document the exit status"
run code --help
grep -q "Exit status" "$out" || fail "code --help does not document the exit status"

echo "check: an unknown command exits 2 with the usage on stderr"
run frobnicate
[ "$rc" -eq 2 ] || fail "exit status $rc"
grep -q "frobnicate" "$err" || fail "the error does not name the command"
grep -q "usage:" "$err" || fail "no usage on stderr"

echo "check: no command at all exits 2"
run
[ "$rc" -eq 2 ] || fail "exit status $rc"

for sub in code validate quotes; do
    echo "check: dyad $sub --no-such-option exits 2"
    run "$sub" --no-such-option data/examples/article.xml
    [ "$rc" -eq 2 ] || fail "exit status $rc"
    grep -q -- "--no-such-option" "$err" || fail "the error does not name the option"
done

echo "check: dyad code without a file exits 2"
run code
[ "$rc" -eq 2 ] || fail "exit status $rc"
echo "ok"
