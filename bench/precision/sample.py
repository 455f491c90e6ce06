#!/usr/bin/env python3
"""sample.py: draws events for a hand check of dyad's precision on real news.

Takes ITEMS random AG News world items (class 1 rows of
../shared/corpora/agnews/test.csv, leaving out the rows of dyad's gold set in
tests/gold), codes them with `dyad code` (default dictionaries, raw text), and
draws EVENTS events at random. Writes OUT.tsv with the columns n, article,
source, target, cameo, modality, verb, text (the sentence) for a reader to
judge, adding verdict and note columns in OUT_checked.tsv.

Usage: python3 bench/precision/sample.py [--items 400] [--events 100]
       [--seed S] [--dyad build/dyad] OUT
"""
import argparse, csv, glob, json, os, random, re, subprocess, sys, tempfile

def clean(t):
    for a, b in (("#39;", "'"), ("quot;", '"'), ("#36;", "$"), ("&lt;", "<"), ("&gt;", ">"),
                 ("&amp;", "&"), ("\\", " ")):
        t = t.replace(a, b)
    return t

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=400)
    ap.add_argument("--events", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--dyad", default="build/dyad")
    ap.add_argument("out")
    a = ap.parse_args()
    src = "../shared/corpora/agnews/test.csv"
    if not os.path.exists(src):
        print("sample: skipped: %s not found (../shared absent)" % src)
        return 0
    gold = set()
    for g in glob.glob("tests/gold/*.gold"):
        gold |= {int(m) for m in re.findall(r"^doc\tagnews:(\d+)", open(g).read(), re.M)}
    rows = list(csv.reader(open(src, encoding="utf-8")))[1:]
    world = [i + 1 for i, r in enumerate(rows) if r and r[0] == "1" and i + 1 not in gold]
    rng = random.Random(a.seed)
    pick = sorted(rng.sample(world, a.items))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for n in pick:
            r = rows[n - 1]
            f.write(json.dumps({"id": "agnews-%d" % n, "date": "2004-08-15",
                                "text": clean(r[1]) + ".\n\n" + clean(r[2])}) + "\n")
        path = f.name
    out = subprocess.run([a.dyad, "code", "--threads", "2", path], capture_output=True, text=True)
    os.unlink(path)
    evs = [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]
    evs = [e for e in evs if e.get("type") == "event"]
    sample = rng.sample(evs, min(a.events, len(evs)))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("n\tarticle\tsource\ttarget\tcameo\tmodality\tverb\ttext\n")
        for i, e in enumerate(sample, 1):
            verb = ((e.get("evidence") or {}).get("verb") or {}).get("text", "")
            f.write("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in
                              (i, e["article"], e["source"], e["target"], e["cameo"],
                               e.get("modality", ""), verb, e["text"])) + "\n")
    print("sample: %d items, %d events, %d drawn into %s" % (a.items, len(evs), len(sample), a.out))
    return 0

if __name__ == "__main__":
    sys.exit(main())
