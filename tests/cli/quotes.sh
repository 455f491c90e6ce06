#!/bin/sh
# quotes.sh: attributed quotes. `dyad quotes` on a text of ours gives
# JSON Lines with the expected speakers, roles, cues and kinds, also from
# standard input; `dyad code --quotes` adds the same quotes to the event stream
# as records of type "quote"; usage errors exit 2, unreadable files 3; and,
# when ../shared is present, the seed articles give every required quote of
# ../shared/seeds/expected.json (scored by ../shared/tools/score_seeds.py).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

echo "check: dyad quotes on tests/data/quotes/tail.txt"
"$DYAD" quotes tests/data/quotes/tail.txt >"$tmp/q.jsonl" 2>"$tmp/err" || fail "exit status $? ($(cat "$tmp/err"))"
[ "$(wc -l <"$tmp/q.jsonl")" -eq 5 ] || fail "expected 5 quotes, got $(wc -l <"$tmp/q.jsonl")"
python3 - "$tmp/q.jsonl" <<'EOF' || fail "the JSON is not what tail.txt says"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
keys = {"type", "article", "date", "speaker", "role", "actor", "quote", "cue", "kind",
        "start", "end", "speaker_start", "speaker_end"}
for r in rows:
    assert set(r) == keys, sorted(r)
    assert r["type"] == "quote" and r["article"] == "tail" and r["date"] == "2025-03-02"
    assert r["start"] < r["end"] and r["speaker_start"] < r["speaker_end"]
want = [("Maria Lindqvist", "director of the Baltic Shipping Forum", "said", "direct"),
        ("Maria Lindqvist", "director of the Baltic Shipping Forum", "said", "direct"),
        ("Tomas Berg", "lawyer for the dock workers", "told", "direct"),
        ("Tomas Berg", "lawyer for the dock workers", "added", "direct"),
        ("Ole Hansen", None, "asked", "direct")]
got = [(r["speaker"], r["role"], r["cue"], r["kind"]) for r in rows]
assert got == want, got
assert rows[1]["quote"] == "There is still time, but not much"
EOF

echo "check: standard input, --date"
"$DYAD" quotes --date 2024-01-02 - <tests/data/quotes/roles.txt >"$tmp/s.jsonl" || fail "stdin: exit status $?"
grep -q '"speaker":"Pierre Lambert","role":"French Foreign Ministry spokesman","actor":"FRAGOV"' \
    "$tmp/s.jsonl" || fail "stdin: no FRAGOV spokesman"
grep -q '"date":"2024-01-02"' "$tmp/s.jsonl" || fail "--date not used"

echo "check: dyad code --quotes adds the same quotes after the events"
"$DYAD" code --quotes --threads 2 tests/data/quotes/roles.txt >"$tmp/c.jsonl" 2>"$tmp/err" ||
    fail "code --quotes: exit status $? ($(cat "$tmp/err"))"
"$DYAD" quotes tests/data/quotes/roles.txt >"$tmp/r.jsonl"
grep '"type":"quote"' "$tmp/c.jsonl" | cmp -s - "$tmp/r.jsonl" || fail "code --quotes differs from quotes"
"$DYAD" code tests/data/quotes/roles.txt >"$tmp/e.jsonl" 2>/dev/null
grep -q '"type":"quote"' "$tmp/e.jsonl" && fail "quotes without --quotes"
grep -v '"type":"quote"' "$tmp/c.jsonl" | cmp -s - "$tmp/e.jsonl" || fail "--quotes changed the events"

echo "check: usage errors and unreadable files"
st=0; "$DYAD" quotes --bogus x 2>/dev/null || st=$?
[ "$st" -eq 2 ] || fail "unknown option: exit $st, want 2"
st=0; "$DYAD" quotes "$tmp/missing.txt" 2>/dev/null || st=$?
[ "$st" -eq 3 ] || fail "missing file: exit $st, want 3"

if [ -d ../shared/seeds ] && [ -f ../shared/tools/score_seeds.py ]; then
    echo "check: the seed articles give every required quote"
    mkdir "$tmp/run"
    ln -s "$(dirname "$DYAD")" "$tmp/run/build"
    (cd "$tmp/run" && DYAD_DICT_DIR="$root/data/dict" python3 "$root/../shared/tools/score_seeds.py" \
        --what quotes --show) >"$tmp/score" 2>&1 || true
    cat "$tmp/score"
    line=$(grep '^seeds:' "$tmp/score") || fail "no score line"
    found=$(echo "$line" | sed -n 's/.*quotes \([0-9]*\)\/\([0-9]*\) required.*/\1/p')
    total=$(echo "$line" | sed -n 's/.*quotes \([0-9]*\)\/\([0-9]*\) required.*/\2/p')
    [ -n "$found" ] && [ "$found" = "$total" ] || fail "seed quotes: $found of $total required"
else
    echo "skip: ../shared absent: seed quotes not scored"
fi
echo "quotes.sh: ok"
