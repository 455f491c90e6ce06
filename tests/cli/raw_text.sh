#!/bin/sh
# raw_text.sh: raw news in: plain text with a leading date line and
# JSON Lines articles are split into sentences, parsed by the built-in parser
# and coded with dyad's own dictionaries; two threads give the same events, in
# the same order, as one; a bad JSON line is reported with file:line and the
# other articles are still coded.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat >"$tmp/brief.txt" <<'EOF'
date 2024-05-10 France condemned Russia on Monday.

Germany will provide military aid to Ukraine, officials said.
EOF

echo "check: a text article with a 'date' line: its date, its sentences, its events"
"$DYAD" code "$tmp/brief.txt" >"$tmp/out.jsonl" 2>"$tmp/err" || fail "exit status $? ($(cat "$tmp/err"))"
grep -q '"article":"brief"' "$tmp/out.jsonl" || fail "the article id is not the file's base name"
grep -q '"date":"2024-05-10"' "$tmp/out.jsonl" || fail "the date line was not used"
grep -q '"source":"FRA","target":"RUS","cameo":"111"' "$tmp/out.jsonl" || fail "France condemned Russia: no FRA RUS 111"
grep -q '"sentence":"brief_1"' "$tmp/out.jsonl" || fail "sentence ids are not article_N"
grep -q '"text":"France condemned Russia on Monday."' "$tmp/out.jsonl" ||
    fail "the first sentence's text is not whole (or still holds the date line)"

echo "check: --date overrides the article's date"
"$DYAD" code --date 2024-05-20 "$tmp/brief.txt" >"$tmp/out2.jsonl" 2>/dev/null
grep -q '"date":"2024-05-20"' "$tmp/out2.jsonl" || fail "--date did not override"

echo "check: JSON Lines, 1 and 2 threads give identical output; a bad line is reported"
i=0
: >"$tmp/a.jsonl"
for pair in "France condemned Russia" "Japan praised China" "Egypt urged Israel to stop" \
    "Turkey detained Israeli journalists" "Iran accused the United States" \
    "Russia shelled Ukraine" "India met Pakistan" "Brazil criticized Argentina"; do
    i=$((i + 1))
    printf '{"id":"a%d","date":"2024-05-1%d","title":"","text":"%s on Monday. The talks went on."}\n' \
        "$i" "$((i % 10))" "$pair" >>"$tmp/a.jsonl"
    [ "$i" -eq 4 ] && echo '{"id": "broken", "text": ' >>"$tmp/a.jsonl"
done
rc1=0
"$DYAD" code -v --threads 1 "$tmp/a.jsonl" >"$tmp/t1.jsonl" 2>"$tmp/e1" || rc1=$?
"$DYAD" code -v --threads 2 "$tmp/a.jsonl" >"$tmp/t2.jsonl" 2>"$tmp/e2" || true
[ "$rc1" -eq 1 ] || fail "a bad JSON line should give exit status 1, got $rc1"
grep -q 'a.jsonl:5' "$tmp/e1" || fail "the bad line is not reported as a.jsonl:5 ($(cat "$tmp/e1"))"
grep -q ' 8 records' "$tmp/e1" || fail "not all 8 good articles were coded ($(tail -n 2 "$tmp/e1"))"
grep -q ' 8 records' "$tmp/e2" || fail "2 threads: not all 8 articles were coded ($(tail -n 2 "$tmp/e2"))"
cmp -s "$tmp/t1.jsonl" "$tmp/t2.jsonl" || fail "1 and 2 threads give different output"
n=$(wc -l <"$tmp/t1.jsonl")
[ "$n" -ge 6 ] || fail "only $n events from 8 simple sentences"
first=$(head -n 1 "$tmp/t1.jsonl" | sed 's/.*"article":"\([^"]*\)".*/\1/')
last=$(tail -n 1 "$tmp/t1.jsonl" | sed 's/.*"article":"\([^"]*\)".*/\1/')
[ "$first" = a1 ] && [ "$last" = a8 ] || fail "events are not in input order ($first ... $last)"
echo ok
