#!/bin/sh
# input_tree.sh: folders and .gz files as input to dyad code and dyad load. A
# folder is read recursively in byte order of the names, hidden files and
# folders left out; a.txt.gz, a.jsonl.gz and a.xml.gz are read as text, JSON
# Lines and PETRARCH XML and code exactly as the plain files; a damaged .gz
# is an error naming the file, the JSON Lines articles before the damage are
# still coded (and stored by dyad load), a damaged text .gz is left out whole
# and the other inputs are still coded; a file that cannot be opened inside a
# folder is named. (The built-in parser keeps it quick.)
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
code() { "$DYAD" code --parser builtin "$@"; }
# the article ids of a dyad code output, in order of first appearance
ids() { grep -o '"article":"[^"]*"' "$1" | sed 's/"article":"//; s/"$//' | awk '!seen[$0]++'; }
art() { printf 'date 2024-05-10\n%s on Monday.\n' "$2" >"$1"; }

echo "check: a folder is read recursively, in byte order, without hidden files"
mkdir -p "$tmp/arc/a" "$tmp/arc/sub/deep" "$tmp/arc/.git"
art "$tmp/arc/b.txt" "France condemned Russia"
art "$tmp/arc/a/z.txt" "Japan praised China"
art "$tmp/arc/a.txt" "Egypt criticized Israel"
art "$tmp/arc/C.txt" "Turkey accused Iran"
printf '<html><body><article><p>India condemned Pakistan on Monday.</p></article></body></html>\n' >"$tmp/arc/sub/deep/d.html"
art "$tmp/arc/.hidden.txt" "Brazil condemned Argentina"
art "$tmp/arc/.git/g.txt" "Germany condemned Poland"
code "$tmp/arc" >"$tmp/out" 2>"$tmp/err" || fail "exit $? ($(cat "$tmp/err"))"
# byte order in each folder: "C.txt" < "a" (folder) < "a.txt" < "b.txt" < "sub"
got=$(ids "$tmp/out" | tr '\n' ' ')
[ "$got" = "C z a b d " ] || fail "articles in the order '$got', expected 'C z a b d '"
code "$tmp/arc" | cmp -s - "$tmp/out" || fail "a second run gives another output"

echo "check: .gz files code as the plain files (format from the name under .gz)"
mkdir -p "$tmp/gz"
art "$tmp/gz/note.txt" "France condemned Russia"
# a text article whose first character is '{' stays text under .txt.gz
printf '{France condemned Russia on Monday.}\n' >"$tmp/gz/brace.txt"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    printf '{"id":"feed-%d","date":"2024-06-%02d","title":"","text":"France condemned Russia. Japan praised China on day %d."}\n' "$i" "$i" "$i"
done >"$tmp/gz/feed.jsonl"
cp data/examples/article.xml "$tmp/gz/article.xml"
for f in note.txt brace.txt feed.jsonl article.xml; do
    gzip -c "$tmp/gz/$f" >"$tmp/gz/$f.gz"
    "$DYAD" code --parser builtin "$tmp/gz/$f" >"$tmp/plain" 2>"$tmp/err" || fail "$f: exit $? ($(cat "$tmp/err"))"
    "$DYAD" code --parser builtin "$tmp/gz/$f.gz" >"$tmp/zipped" 2>"$tmp/err" || fail "$f.gz: exit $? ($(cat "$tmp/err"))"
    [ -s "$tmp/plain" ] || fail "$f gives no event"
    cmp -s "$tmp/plain" "$tmp/zipped" || { diff "$tmp/plain" "$tmp/zipped" | head -5; fail "$f.gz codes differently from $f"; }
done
code "$tmp/gz/brace.txt.gz" | grep -q '"article":"brace"' || fail "brace.txt.gz is not the text article 'brace'"
# concatenated gzip members are one stream (as gzip -d reads them)
{ head -n 6 "$tmp/gz/feed.jsonl" | gzip -c; tail -n 6 "$tmp/gz/feed.jsonl" | gzip -c; } >"$tmp/two.jsonl.gz"
code "$tmp/gz/feed.jsonl" >"$tmp/feed.plain"
code "$tmp/two.jsonl.gz" | cmp -s - "$tmp/feed.plain" || fail "a two-member .gz codes differently"

echo "check: a truncated .jsonl.gz: an error naming it; the articles before the damage are coded"
# 120 articles with incompressible filler, the .gz cut in half: the cut is
# well past the first 4 KB (read before the format is chosen)
for i in $(seq 1 120); do
    printf '{"id":"big-%d","date":"2024-06-01","text":"France condemned Russia. Filler %s."}\n' "$i" \
        "$(od -An -N48 -tx1 /dev/urandom | tr -d ' \n')"
done >"$tmp/big.jsonl"
gzip -c "$tmp/big.jsonl" >"$tmp/big.jsonl.gz"
size=$(wc -c <"$tmp/big.jsonl.gz")
head -c $((size / 2)) "$tmp/big.jsonl.gz" >"$tmp/cut.jsonl.gz"
rc=0
code "$tmp/cut.jsonl.gz" "$tmp/arc/b.txt" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -ne 0 ] || fail "a truncated .gz gives exit status 0"
grep -q "cut.jsonl.gz: read error: damaged gzip data after [0-9]* bytes: unexpected end of file" "$tmp/err" ||
    fail "no message naming the damaged file: $(cat "$tmp/err")"
n=$(ids "$tmp/out" | grep -c '^big-' || true)
[ "$n" -ge 20 ] && [ "$n" -lt 120 ] || fail "$n of the 120 articles coded from the half file (expected the first ones)"
ids "$tmp/out" | grep '^big-' | head -n "$n" | cmp -s - "$(seq 1 "$n" | sed 's/^/big-/' >"$tmp/firsts"; echo "$tmp/firsts")" ||
    fail "the articles coded are not the first $n"
ids "$tmp/out" | grep -q '^b$' || fail "the next input (b.txt) was not coded after the damaged one"
echo "  $n of 120 articles coded before the damage"

echo "check: a damaged .txt.gz is left out whole, the others are coded"
gzip -c "$tmp/arc/b.txt" | head -c 30 >"$tmp/bad.txt.gz"
rc=0
code "$tmp/bad.txt.gz" "$tmp/arc/a.txt" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 3 ] || fail "exit status $rc, expected 3"
grep -q "bad.txt.gz: read error: damaged gzip data.*the file is left out" "$tmp/err" || fail "message: $(cat "$tmp/err")"
[ "$(ids "$tmp/out" | tr '\n' ' ')" = "a " ] || fail "not only a.txt coded: $(ids "$tmp/out")"

echo "check: a file that cannot be opened inside a folder is named; the rest is coded"
mkdir -p "$tmp/holes"
art "$tmp/holes/ok.txt" "France condemned Russia"
ln -s "$tmp/nowhere.txt" "$tmp/holes/gone.txt"
rc=0
code "$tmp/holes" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 3 ] || fail "exit status $rc, expected 3"
grep -q "holes/gone.txt: cannot open" "$tmp/err" || fail "the dangling link is not named: $(cat "$tmp/err")"
ids "$tmp/out" | grep -q '^ok$' || fail "ok.txt was not coded"
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$tmp/holes/locked"
    chmod 000 "$tmp/holes/locked"
    rc=0
    code "$tmp/holes" >"$tmp/out" 2>"$tmp/err" || rc=$?
    chmod 700 "$tmp/holes/locked"
    [ "$rc" -eq 3 ] || fail "unreadable folder: exit status $rc, expected 3"
    grep -q "holes/locked: cannot read the folder" "$tmp/err" || fail "the unreadable folder is not named"
else
    echo "  (running as root: the unreadable-folder case is not checked)"
fi

echo "check: a folder with no files (only hidden ones) is a warning naming it"
mkdir -p "$tmp/empty/.cache"
art "$tmp/empty/.cache/x.txt" "France condemned Russia"
rc=0
code "$tmp/empty" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc, expected 0"
[ ! -s "$tmp/out" ] || fail "a hidden file was coded"
grep -q "empty: warning: no files in the folder" "$tmp/err" || fail "no warning: $(cat "$tmp/err")"

echo "check: dyad load reads folders and .gz files; a truncated .gz keeps the articles before it"
mkdir -p "$tmp/ev/x"
code "$tmp/big.jsonl" >"$tmp/ev/x/events.jsonl"
total=$(ids "$tmp/ev/x/events.jsonl" | wc -l)
gzip -c "$tmp/ev/x/events.jsonl" >"$tmp/ev/events.jsonl.gz"
"$DYAD" load --db "sqlite:$tmp/a.db" "$tmp/ev" >"$tmp/out" 2>"$tmp/err" || fail "load of a folder: exit $? ($(cat "$tmp/err"))"
grep -q "^dyad load: $((2 * total)) articles" "$tmp/err" || fail "load: $(cat "$tmp/err"), expected $((2 * total)) articles written"
"$DYAD" export --db "sqlite:$tmp/a.db" --format jsonl | grep -o '"article":"[^"]*"' | sort -u | wc -l >"$tmp/n"
[ "$(cat "$tmp/n")" -eq "$total" ] || fail "the store holds $(cat "$tmp/n") articles, expected $total"
size=$(wc -c <"$tmp/ev/events.jsonl.gz")
head -c $((size / 2)) "$tmp/ev/events.jsonl.gz" >"$tmp/cut.events.jsonl.gz"
rc=0
"$DYAD" load --db "sqlite:$tmp/b.db" "$tmp/cut.events.jsonl.gz" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 3 ] || fail "load of a truncated .gz: exit status $rc, expected 3"
grep -q "cut.events.jsonl.gz: read error after line [0-9]*: damaged gzip data" "$tmp/err" || fail "message: $(cat "$tmp/err")"
stored=$("$DYAD" export --db "sqlite:$tmp/b.db" --format jsonl | grep -o '"article":"[^"]*"' | sort -u | wc -l)
[ "$stored" -ge 3 ] && [ "$stored" -lt "$total" ] || fail "$stored of $total articles stored from the half file"
grep -q "the input is damaged inside article big-" "$tmp/err" || fail "the cut article is not reported"
echo "  $stored of $total articles stored before the damage"
echo "ok"
