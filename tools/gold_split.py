#!/usr/bin/env python3
"""gold_split.py: splits hand-coded gold files (tests/gold format) into the
dev and test halves. Documents alternate by their position within each source
(agnews, el), in the order given: even positions go to dev, odd to test, so
both halves hold the same mix of sources and of coders.

Usage: tools/gold_split.py -o DIR FILE...   (writes DIR/dev.gold, DIR/test.gold)
"""
import argparse, sys

HEADER = """# dyad development gold set, %s half: real news coded by hand, blind to dyad.
# Format and coding rules: README.md beside this file. el: sentences: MIT,
# notice in LICENSE.event_location; agnews: items are read from ../shared.
"""

def docs(path):
    cur = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("doc\t"):
            if cur:
                yield cur
            cur = [line]
        elif cur is None:
            sys.exit("%s: %r before any doc line" % (path, line))
        else:
            cur.append(line)
    if cur:
        yield cur

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", required=True)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    halves = {"dev": [], "test": []}
    pos = {}
    for f in a.files:
        for d in docs(f):
            src = d[0].split("\t")[1].split(":")[0]
            k = pos.get(src, 0)
            pos[src] = k + 1
            halves["dev" if k % 2 == 0 else "test"].append(d)
    for name, ds in halves.items():
        with open("%s/%s.gold" % (a.o, name), "w", encoding="utf-8") as f:
            f.write(HEADER % name)
            for d in ds:
                f.write("\n" + "\n".join(d) + "\n")
        print("%s: %d documents, %d events" % (name, len(ds), sum(1 for d in ds for l in d if l.startswith("event\t"))))

if __name__ == "__main__":
    main()
