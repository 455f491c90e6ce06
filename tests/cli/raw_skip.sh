#!/bin/sh
# raw_skip.sh: raw text: a sentence that names no actor or agent of
# the dictionaries is not parsed (no event can come from it), counted as
# "skipped (no actor)"; the events are the same as when every sentence is
# parsed (DYAD_PARSE_ALL=1), and a story discard phrase in a skipped sentence
# still drops its article.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat >"$tmp/a.jsonl" <<'EOF2'
{"id":"a1","date":"2024-05-10","title":"","text":"France condemned Russia on Monday. The weather was fine all week."}
{"id":"a2","date":"2024-05-10","title":"","text":"Germany praised Japan on Monday. The Bundesliga season starts soon."}
{"id":"a3","date":"2024-05-10","title":"","text":"It rained. Police arrested protesters in Paris."}
EOF2

echo "check: sentences without an actor are skipped and counted"
"$DYAD" code -v "$tmp/a.jsonl" >"$tmp/skip.jsonl" 2>"$tmp/e1" || fail "exit status $? ($(cat "$tmp/e1"))"
grep -q 'parser link-grammar: .*, 3 skipped (no actor)' "$tmp/e1" ||
    fail "expected 3 skipped sentences ($(grep 'built-in' "$tmp/e1"))"
grep -q '"source":"FRA","target":"RUS","cameo":"111"' "$tmp/skip.jsonl" || fail "France condemned Russia: no FRA RUS 111"

echo "check: the same events as parsing every sentence"
DYAD_PARSE_ALL=1 "$DYAD" code -v "$tmp/a.jsonl" >"$tmp/all.jsonl" 2>"$tmp/e2" || fail "exit status $?"
grep -q 'parser link-grammar: .*, 0 skipped (no actor)' "$tmp/e2" || fail "DYAD_PARSE_ALL=1 still skipped"
cmp -s "$tmp/skip.jsonl" "$tmp/all.jsonl" || fail "events differ when sentences are skipped"

echo "check: a story discard in a skipped sentence drops the article"
grep -q '"article":"a2"' "$tmp/skip.jsonl" && fail "article a2 (Bundesliga: a story discard) was coded"
grep -q ' 1 discarded' "$tmp/e1" || fail "discards not counted ($(tail -n 1 "$tmp/e1"))"
echo "raw_skip: ok"
