#!/bin/sh
# bench_dicts.sh: dyad's own dictionaries (data/dict) next to the Phoenix ones
# (../shared/corpora/petrarch2) on the world-news items (class 1) of
# ../shared/corpora/agnews/test.csv, raw text through the built-in parser.
# Prints events per 100 sentences for both, and writes 100 randomly drawn events
# of each (fixed seed) to bench/out/sample_<dicts>.tsv for a hand check; the checked
# lists live in bench/precision/ (see bench/precision/README.md).
# Usage: sh bench/bench_dicts.sh [ITEMS] [SAMPLE]   (defaults: 600 items, 100 events)
set -eu
cd "$(dirname "$0")/.."
csv=../shared/corpora/agnews/test.csv
phoenix=../shared/corpora/petrarch2
if [ ! -f "$csv" ] || [ ! -d "$phoenix" ]; then
    echo "bench_dicts: skipped: $csv or $phoenix not found (../shared absent)"
    exit 0
fi
command -v python3 >/dev/null || { echo "bench_dicts: skipped: python3 needed"; exit 0; }
items=${1:-600}
sample=${2:-100}
make -s build/dyad
mkdir -p bench/out
python3 - "$csv" "$items" bench/out/agnews_dicts.jsonl <<'PY'
import csv, json, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [r for r in csv.reader(open(src, encoding="utf-8")) if r and r[0] == "1"][:n]
def clean(t):  # the CSV's own escapes: #39; quot; #36; and \ for line breaks
    for a, b in (("#39;", "'"), ("quot;", '"'), ("#36;", "$"), ("&lt;", "<"), ("&gt;", ">"),
                 ("&amp;", "&"), ("\\", " ")):
        t = t.replace(a, b)
    return t
with open(out, "w") as f:
    for i, r in enumerate(rows):
        f.write(json.dumps({"id": "agnews-%d" % i, "date": "2004-08-15", "title": clean(r[1]),
                            "text": clean(r[1]) + ".\n\n" + clean(r[2])}) + "\n")
PY
echo "bench_dicts: $items agnews world items, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for which in dyad phoenix; do
    if [ "$which" = dyad ]; then dd=data/dict; else dd=$phoenix; fi
    build/dyad code -v --dict-dir "$dd" bench/out/agnews_dicts.jsonl \
        >"bench/out/events_$which.jsonl" 2>"bench/out/events_$which.err" || true
    python3 - "$which" "bench/out/events_$which.jsonl" "bench/out/events_$which.err" "$sample" \
        "bench/out/sample_$which.tsv" <<'PY'
import json, random, re, sys
which, evf, errf, k, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
ev = [json.loads(l) for l in open(evf, encoding="utf-8") if l.startswith("{")]
ev = [e for e in ev if e.get("type", "event") == "event"]
err = open(errf, encoding="utf-8").read()
m = re.findall(r"parser: (\d+) full parses, (\d+) partial, (\d+) failed", err)
nsent = sum(int(x) for x in m[-1]) if m else 0
sk = re.findall(r"(\d+) skipped", err)
nsent += int(sk[-1]) if sk else 0
mentions = sum(int(e.get("mentions", 1)) for e in ev)
print("  %-8s %6d sentences  %5d events (%d mentions)  %.1f events per 100 sentences"
      % (which, nsent, len(ev), mentions, 100.0 * len(ev) / max(nsent, 1)))
roots = {}
for e in ev:
    roots[e["cameo"][:2]] = roots.get(e["cameo"][:2], 0) + 1
print("           by root: " + " ".join("%s:%d" % kv for kv in sorted(roots.items())))
random.seed(20261123)
pick = sorted(random.sample(range(len(ev)), min(k, len(ev))))
with open(out, "w", encoding="utf-8") as f:
    f.write("n\tarticle\tsource\ttarget\tcameo\tverb\ttext\n")
    for n, i in enumerate(pick, 1):
        e = ev[i]
        verb = ((e.get("evidence") or {}).get("verb") or {}).get("text", "")
        f.write("%d\t%s\t%s\t%s\t%s\t%s\t%s\n" % (n, e["article"], e["source"], e["target"],
                                               e["cameo"], verb, e["text"].replace("\t", " ")))
print("           sample of %d events: %s" % (len(pick), out))
PY
done
