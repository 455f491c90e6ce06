#!/bin/sh
# seeds.sh: the two seed news articles of ../shared/seeds, coded with dyad's own
# dictionaries (no --dict-dir), give every required event and quote of
# ../shared/seeds/expected.json (scored by ../shared/tools/score_seeds.py) and
# the date of every required event that has one (article 001 run with
# --date 2024-05-20, as expected.json says). Skips when ../shared is absent,
# and under ASan+UBSan (DYAD_ASAN=1): the normal build checks the seeds, and
# code_example.sh and raw_text.sh run news text through the sanitizers.
set -eu
case "$DYAD" in /*) ;; *) DYAD="$(pwd)/$DYAD" ;; esac
cd "$(dirname "$0")/../.."
root=$(pwd)
seeds=$root/../shared/seeds
score=$root/../shared/tools/score_seeds.py
if [ ! -f "$seeds/expected.json" ] || [ ! -f "$score" ]; then
    echo "skip: ../shared/seeds not found (the shared corpora are absent)"
    exit 0
fi
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 0; }
if [ "${DYAD_ASAN:-0}" = 1 ]; then
    echo "skip: the seeds are checked in the normal build only"
    exit 0
fi
unset DYAD_DICT_DIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$tmp/run/build"
ln -s "$DYAD" "$tmp/run/build/dyad"

for what in events quotes; do
    echo "check: every required seed $what"
    (cd "$tmp/run" && python3 "$score" --what "$what" --min-events 1 --min-quotes 1 --show) \
        >"$tmp/$what.out" 2>&1 || { cat "$tmp/$what.out"; fail "required $what missing"; }
    tail -n 1 "$tmp/$what.out"
done

echo "check: the date of every required event that has one"
python3 - "$DYAD" "$seeds" <<'PY' || fail "event dates"
import json, os, subprocess, sys
dyad, seeds = sys.argv[1], sys.argv[2]
exp = json.load(open(os.path.join(seeds, "expected.json"), encoding="utf-8"))
events = {}
for name, meta in exp["articles"].items():
    cmd = [dyad, "code"]
    if not meta["date_source"].startswith("the 'date"):
        cmd += ["--date", meta["date"]]  # no date line: the date the user supplies
    out = subprocess.run(cmd + [os.path.join(seeds, name)], capture_output=True, text=True).stdout
    events[os.path.splitext(name)[0]] = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
bad = 0
for g in exp["events"]:
    if not g["required"] or not g.get("when"):
        continue
    got = [e.get("date") for e in events[os.path.splitext(g["article"])[0]]
           if e.get("type") == "event" and e["source"].startswith(g["source"])
           and (g["target"] is None or e["target"].startswith(g["target"]))
           and e["cameo"].startswith(g["cameo"])]
    ok = g["when"] in got
    print("  %s %s->%s %s: expected %s, got %s" % ("ok  " if ok else "FAIL", g["source"], g["target"],
                                                  g["cameo"], g["when"], got))
    bad += not ok
sys.exit(1 if bad else 0)
PY
echo "ok"
