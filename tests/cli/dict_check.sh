#!/bin/sh
# dict_check.sh: `dyad dict check DIR` on fixtures with one of each problem
# (tests/data/dict_bad: every finding with its exact file:line and reason, in
# file and line order, and the summary; exit 1), a clean folder (exit 0), a
# folder that cannot be read (exit 3), usage errors (exit 2), and, when
# ../shared is present, the Phoenix dictionaries (errors found, quickly).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."

out=$(mktemp)
err=$(mktemp)
exp=$(mktemp)
trap 'rm -f "$out" "$err" "$exp"' EXIT
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }
run() { rc=0; "$DYAD" "$@" >"$out" 2>"$err" || rc=$?; }

B=tests/data/dict_bad
echo "check: every problem of $B, exit 1"
cat >"$exp" <<EOF
$B/check.verbs.txt:2: warning: synset &UNUSED is defined but never used
$B/check.verbs.txt:12: warning: pattern repeats line 11
$B/check.verbs.txt:14: error: pattern repeats line 13 with another code ([163] there, [172] here)
$B/check.verbs.txt:15: error: undefined synset '&MISSING'; pattern skipped
$B/check.verbs.txt:16: error: event code '999' of the pattern is not a CAMEO code
$B/check.verbs.txt:20: warning: verb CONDEMN is also in block 'CONDEMN' (line 9); a sentence gets the patterns of both blocks
$B/check.verbs.txt:21: error: unterminated '('; pattern skipped
$B/check.verbs.txt:22: error: event code '12X' of the verb is not a CAMEO code
$B/check.verbs.txt:28: error: event code '0999' of the transformation is not a CAMEO code
$B/check.actors.txt:10: warning: actor phrase 'PARIS' repeats $B/check.actors.txt:4 (same codes)
$B/check.actors.txt:12: warning: actor phrase 'FRANCE' repeats $B/check.actors.txt:2 (same codes)
$B/check.actors.txt:14: error: actor code 'Rus' is not 3 or more upper-case letters or digits
$B/check.actors.txt:15: error: date range ends before it starts in '[SUN 19911225-19221230]'; code skipped
$B/check.actors.txt:16: error: actor code 'ES' is not 3 or more upper-case letters or digits
$B/check.more.actors.txt:2: error: actor phrase 'BERLIN' is also at $B/check.actors.txt:7 with other codes ([DEU] there, [DEUGOV] here; this one wins)
$B/check.more.actors.txt:5: warning: actor phrase 'ITALIAN' repeats line 4 of its entry
$B/check.agents.txt:4: error: agent phrase 'GOVERNMENT' is already coded [~GOV] at line 2; this [~MIL] is ignored
$B/check.agents.txt:5: warning: agent phrase 'POLICE' repeats line 3
$B/check.agents.txt:6: error: agent code 'mil' is not 3 or more upper-case letters or digits
$B/check.agents.txt:8: error: agent code '[~MEDIA~]' needs one '~' before or after it; line skipped
$B/check.agents.txt:10: warning: agent phrase 'TROOPS' repeats line 9
$B/check.discards.txt:4: warning: discard phrase 'WORLD_CUP' repeats line 2
dict check: 13 errors, 9 warnings in 5 files
EOF
run dict check "$B"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
diff "$exp" "$out" >"$err" || fail "findings differ from the expected ones (diff on stderr)"

echo "check: --errors-only prints the errors only"
run dict check --errors-only "$B"
[ "$rc" -eq 1 ] || fail "exit status $rc"
grep -c ": error: " "$out" | grep -qx 13 || fail "expected 13 error lines"
! grep -q ": warning: " "$out" || fail "a warning was printed"
tail -n 1 "$out" | grep -qx "dict check: 13 errors, 9 warnings in 5 files" || fail "summary"

echo "check: a clean folder exits 0"
run dict check "$B/clean"
[ "$rc" -eq 0 ] || fail "exit status $rc"
[ "$(cat "$out")" = "dict check: 0 errors, 0 warnings in 4 files" ] || fail "unexpected output"

echo "check: dyad's own dictionaries have no errors"
run dict check data/dict
[ "$rc" -eq 0 ] || fail "exit status $rc: data/dict has errors"

echo "check: a folder without dictionaries, and a missing file, exit 3"
run dict check "$B/no-such-folder"
[ "$rc" -eq 3 ] || fail "exit status $rc for a missing folder"
grep -q "no-such-folder" "$err" || fail "the error does not name the folder"
tmp=$(mktemp -d)
printf '[Dictionaries]\nverbfile_name = gone.verbs.txt\n' >"$tmp/dyad.dicts"
run dict check "$tmp"
rm -rf "$tmp"
[ "$rc" -eq 3 ] || fail "exit status $rc for a config naming a missing file"
grep -q "gone.verbs.txt" "$err" || fail "the error does not name the missing file"

echo "check: usage errors exit 2; --help exits 0"
run dict check
[ "$rc" -eq 2 ] || fail "no folder: exit status $rc"
run dict check --bogus "$B"
[ "$rc" -eq 2 ] || fail "unknown option: exit status $rc"
run dict frobnicate
[ "$rc" -eq 2 ] || fail "unknown subcommand: exit status $rc"
run dict check "$B" "$B/clean"
[ "$rc" -eq 2 ] || fail "two folders: exit status $rc"
run dict check --help
[ "$rc" -eq 0 ] || fail "--help: exit status $rc"
grep -q "^usage: dyad dict check" "$out" || fail "no usage line"
grep -q "Exit status" "$out" || fail "--help does not document the exit status"
run --help
grep -q "dict" "$out" || fail "dyad --help does not list dict"

P=../shared/corpora/petrarch2
if [ -f "$P/PETR_config.ini" ]; then
    echo "check: the Phoenix dictionaries give errors, in under 3 s (wall; about 0.1 s of CPU)"
    t0=$(date +%s%N)
    run dict check "$P"
    t1=$(date +%s%N)
    [ "$rc" -eq 1 ] || fail "Phoenix: exit status $rc, expected 1"
    grep -q "CAMEO.2.0.txt:8443: error: undefined synset '&WEATHER'; pattern skipped" "$out" ||
        fail "Phoenix: the undefined &WEATHER is not reported"
    grep -q "CAMEO.2.0.txt:867: error: pattern repeats line 858 with another code" "$out" ||
        fail "Phoenix: the repeated STRIKE pattern is not reported"
    ms=$(( (t1 - t0) / 1000000 ))
    echo "  Phoenix: $(tail -n 1 "$out") in $ms ms (wall)"
    [ "$ms" -lt 3000 ] || fail "Phoenix took $ms ms"
else
    echo "skip: $P not found (the Phoenix dictionaries are not part of the repository)"
fi
echo "dict_check: all checks passed"
