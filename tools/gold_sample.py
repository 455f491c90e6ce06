#!/usr/bin/env python3
"""gold_sample.py: the documents of dyad's development gold set (tests/gold).

Draws, with a fixed seed, the AG News world items (class 1 rows of
../shared/corpora/agnews/test.csv, by 1-based record number after the header)
and event_location sentences (0-based index in the JSON array) that are coded
by hand, and prints them in the gold format's `doc` lines (with `text` lines
for event_location), in batches for the coders. The dev/test halves are
assigned by position: even positions of each source go to dev, odd to test.

Usage: tools/gold_sample.py [--agnews N] [--el N] [--shared DIR]
"""
import argparse, csv, json, random, sys, zipfile

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agnews", type=int, default=220)
    ap.add_argument("--el", type=int, default=220)
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--shared", default="../shared")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    rows = list(csv.reader(open(a.shared + "/corpora/agnews/test.csv", encoding="utf-8")))[1:]
    world = [i + 1 for i, r in enumerate(rows) if r and r[0] == "1"]
    for row in sorted(rng.sample(world, a.agnews)):
        print("doc\tagnews:%d" % row)
    z = zipfile.ZipFile(a.shared + "/corpora/event_location/labeled_text.jsonl.zip")
    d = json.loads(z.read("labeled_text.jsonl"))
    seen, picked = set(), []
    for i in rng.sample(range(len(d)), len(d)):
        t = " ".join(d[i]["text"].split())
        if t in seen or len(t) < 20:
            continue
        seen.add(t)
        picked.append(i)
        if len(picked) == a.el:
            break
    for i in sorted(picked):
        print("doc\tel:%d\ntext\t%s" % (i, " ".join(d[i]["text"].split())))

if __name__ == "__main__":
    sys.exit(main())
