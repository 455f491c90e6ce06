#!/bin/sh
# bad_input.sh: damaged input is reported with file:line, the rest is still
# coded, and the exit status says so (see `dyad code --help`):
#   0 success, 1 some records could not be read, 2 usage, 3 file/dictionaries unreadable.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/out"
err="$tmp/err"
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }
# run ARGS...: runs dyad, sets $rc; stdout in $out, stderr in $err.
run() { rc=0; "$DYAD" "$@" >"$out" 2>"$err" || rc=$?; }
# has_event SENTENCE SOURCE TARGET CAMEO
has_event() {
    grep "\"sentence\":\"$1\"," "$out" | grep -q "\"source\":\"$2\",\"target\":\"$3\",\"cameo\":\"$4\"" ||
        fail "no event $2 $3 $4 for $1"
}
# err_at FILE FIRST LAST [WORD]: an error/warning naming FILE and a line in FIRST..LAST.
err_at() {
    l=$(sed -n "s|^$1:\([0-9][0-9]*\): .*|\1|p" "$err" | head -n 1)
    [ -n "$l" ] || fail "no message naming $1:LINE"
    { [ "$l" -ge "$2" ] && [ "$l" -le "$3" ]; } || fail "message names line $l, expected $2..$3"
    [ $# -lt 4 ] || grep -q "^$1:$l: $4" "$err" || fail "message at $1:$l is not a $4"
}
# A small record: record ID TEXT PARSE
record() {
    printf '<Sentence date="20240510" id="%s">\n<Text>%s</Text>\n<Parse>%s</Parse>\n</Sentence>\n' "$1" "$2" "$3"
}
good1() { record "$1" "France condemned Russia." \
    "(ROOT (S (NP (NNP France)) (VP (VBD condemned) (NP (NNP Russia))) (. .)))"; }
good2() { record "$1" "Egypt urged Israel." \
    "(ROOT (S (NP (NNP Egypt)) (VP (VBD urged) (NP (NNP Israel))) (. .)))"; }

echo "check (a): truncated XML: earlier records coded, error with file:line, exit 1"
f="$tmp/truncated.xml"
cut_at=$(grep -n '(NP (JJ regular) (NN security)' data/examples/article.xml | cut -d: -f1)
head -n "$cut_at" data/examples/article.xml >"$f"
run code "$f"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
has_event example-1_1 JPNGOV CHN 042
has_event example-1_2 CHNGOV JPNGOV 040
grep -q '"sentence":"example-1_3"' "$out" && fail "the truncated record was coded"
start=$(grep -n 'id="example-1_3"' "$f" | cut -d: -f1)
err_at "$f" "$start" "$((cut_at + 1))" error

echo "check (b): unbalanced brackets in <Parse>: error with file:line, others coded, exit 1"
f="$tmp/brackets.xml"
{
    echo '<Sentences>'
    good1 b-1_1
    record b-1_2 "Egypt urged Israel." "(ROOT (S (NP (NNP Egypt)) (VP (VBD urged) (NP (NNP Israel)) (. .)))"
    good2 b-1_3
    record b-1_4 "Egypt urged Israel." "(ROOT (S (NP (NNP Egypt)) (VP (VBD urged) (NP (NNP Israel))) (. .))))"
    good1 b-1_5
    echo '</Sentences>'
} >"$f"
run code "$f"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
has_event b-1_1 FRA RUS 111
has_event b-1_3 EGY ISR 020
has_event b-1_5 FRA RUS 111
[ "$(wc -l <"$out")" -eq 3 ] || fail "expected 3 events"
grep -q "^$f:8: error: .*')'" "$err" || fail "no error about a missing ')' at $f:8"
grep -q "^$f:16: error: .*')'" "$err" || fail "no error about an extra ')' at $f:16"

echo "check (c): a record without <Parse>: error with file:line, others coded, exit 1"
f="$tmp/noparse.xml"
{
    echo '<Sentences>'
    good1 c-1_1
    printf '<Sentence date="20240510" id="c-1_2">\n<Text>Egypt urged Israel.</Text>\n</Sentence>\n'
    good2 c-1_3
    echo '</Sentences>'
} >"$f"
run code "$f"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
has_event c-1_1 FRA RUS 111
has_event c-1_3 EGY ISR 020
err_at "$f" 6 8 error
grep -q "c-1_2" "$err" || fail "the error does not name the record"

echo "check (d): invalid UTF-8 in <Text>: a warning with file:line, still coded, exit 0"
f="$tmp/utf8.xml"
{
    echo '<Sentences>'
    printf '<Sentence date="20240510" id="d-1_1">\n<Text>France condemned \377\376Russia.</Text>\n'
    printf '<Parse>(ROOT (S (NP (NNP France)) (VP (VBD condemned) (NP (NNP Russia))) (. .)))</Parse>\n</Sentence>\n'
    good2 d-1_2
    echo '</Sentences>'
} >"$f"
run code "$f"
[ "$rc" -eq 0 ] || fail "exit status $rc, expected 0"
has_event d-1_1 FRA RUS 111
has_event d-1_2 EGY ISR 020
err_at "$f" 3 3 warning
if command -v python3 >/dev/null 2>&1; then
    while IFS= read -r line; do
        printf '%s\n' "$line" | python3 -m json.tool >/dev/null 2>&1 || fail "not valid JSON: $line"
    done <"$out"
fi

echo "check (e): a broken code list in an actor file: warning with file:line, the rest loaded"
d="$tmp/dict"
mkdir "$d"
cat >"$d/test.verbs.txt" <<'EOF'
# test dictionary for bad_input.sh (written for dyad, MIT)
--- CRITICIZE  [111] ---
CRITICIZE
CONDEMN
EOF
cat >"$d/test.actors.txt" <<'EOF'
# test dictionary for bad_input.sh (written for dyad, MIT)
FRANCE [FRA]
FOO [FOO >1989
+BAR
RUSSIA [RUS]
EOF
cat >"$d/dyad.dicts" <<'EOF'
[Dictionaries]
verbfile_name  = test.verbs.txt
actorfile_list = test.actors.txt
EOF
f="$tmp/dict.xml"
{ echo '<Sentences>'; good1 e-1_1; echo '</Sentences>'; } >"$f"
run code --dict-dir "$d" "$f"
[ "$rc" -eq 0 ] || fail "exit status $rc, expected 0"
has_event e-1_1 FRA RUS 111
err_at "$d/test.actors.txt" 3 3 warning

echo "check (f): missing files: a clear error, exit 3"
run code "$tmp/no-such-file.xml"
[ "$rc" -eq 3 ] || fail "code: exit status $rc for a missing file, expected 3"
grep -q "no-such-file.xml" "$err" || fail "code: the error does not name the file"
run code --dict-dir "$tmp/no-such-dir" data/examples/article.xml
[ "$rc" -eq 3 ] || fail "code: exit status $rc for a missing dictionary folder, expected 3"
grep -q "no-such-dir" "$err" || fail "code: the error does not name the folder"
run validate "$tmp/no-such-file.xml"
[ "$rc" -eq 3 ] || fail "validate: exit status $rc for a missing file, expected 3"
grep -q "no-such-file.xml" "$err" || fail "validate: the error does not name the file"
echo "ok"
