#!/bin/sh
# places.sh: `dyad places` with the shipped gazetteer and parser: place names
# are found and resolved ("Kiev" is Kyiv, Ukraine; "Paris, Texas" is in the
# United States), the event's place is the one of the marked verb; a
# malformed line is reported with its line number and the rest is read (exit
# 1); a user's gazetteer file adds places; a damaged gazetteer is refused
# (exit 3).
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# verb spans are byte offsets: "shelled" at 13..20, "marched" at 11..18
cat > "$tmp/in.jsonl" <<'EOF2'
{"text": "Russian guns shelled Kiev on Monday, officials said.", "verb_start": 13, "verb_end": 20}
{"text": "Protesters marched in Paris, Texas, on Saturday.", "verb_start": 11, "verb_end": 18}
not json
{"text": "The minister resigned."}
EOF2
set +e
"$DYAD" places "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "exit $rc, want 1 (a malformed line)"
grep -q 'in.jsonl:3:' "$tmp/err" || fail "the malformed line is not reported with its number: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/out.jsonl")" -eq 3 ] || fail "want 3 results: $(cat "$tmp/out.jsonl")"
python3 - "$tmp/out.jsonl" <<'EOF2' || fail "wrong places: $(cat "$tmp/out.jsonl")"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
m = r[0]["mentions"][r[0]["event_place"]]
assert m["text"] == "Kiev" and m["name"] == "Kyiv" and m["iso3"] == "UKR", m
assert -90 <= m["lat"] <= 90 and abs(m["lat"] - 50.45) < 0.1 and abs(m["lon"] - 30.52) < 0.1, m
m = r[1]["mentions"][r[1]["event_place"]]
assert m["text"] == "Paris" and m["iso3"] == "USA", m
assert r[2]["mentions"] == [] and r[2]["event_place"] is None, r[2]
assert [x["line"] for x in r] == [1, 2, 4], r
EOF2

# a user's additions: a village the shipped gazetteer lacks
printf '0\tplace\tNGA\t27\t11.70\t13.20\t2000\tKungana\n' > "$tmp/mine.tsv"
echo '{"text": "Gunmen attacked Kungana on Tuesday.", "verb_start": 7, "verb_end": 15}' > "$tmp/v.jsonl"
"$DYAD" places --gazetteer data/geo/gazetteer.tsv --gazetteer "$tmp/mine.tsv" "$tmp/v.jsonl" > "$tmp/v.out" ||
    fail "with a user's gazetteer: exit $?"
grep -q '"iso3":"NGA"' "$tmp/v.out" || fail "the user's place is not found: $(cat "$tmp/v.out")"

# a damaged gazetteer
printf 'not\ta gazetteer\n' > "$tmp/bad.tsv"
set +e
"$DYAD" places --gazetteer "$tmp/bad.tsv" "$tmp/v.jsonl" > /dev/null 2> "$tmp/err"
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "a damaged gazetteer: exit $rc, want 3"
grep -q 'bad.tsv:1' "$tmp/err" || fail "the bad line is not named: $(cat "$tmp/err")"
echo "places: ok"
