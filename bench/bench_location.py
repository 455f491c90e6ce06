#!/usr/bin/env python3
"""How often dyad chooses the right place for an event, on the event-location
data (../shared/corpora/event_location, MIT: news sentences with the event's
verb and the place where it happened marked).

    python3 bench/bench_location.py [--dyad build/dyad] [--set relabel|accepted|all] [--show N]

For each sentence, `dyad places` gets the text and the verb's byte span and
chooses one of the sentence's place names (or none). It is right when it
chooses none and none is marked, or when its choice and a marked place name
overlap (the same words, or one within the other: "Homs" for "Homs
province"). Prints the share right on sentences with a marked place, on
those without, and on all; --show N prints N wrong choices.
Skips, saying so, when the corpus is absent.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from event_location import CORPUS, load, matches, run_places  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", default=os.path.join(HERE, "..", "build", "dyad"))
    ap.add_argument("--set", default="relabel", choices=["relabel", "accepted", "all"],
                    help="relabel: the 496 relabelled sentences (the measure); accepted: the other "
                         "checked ones (for tuning); all: both")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    items = load(args.set)
    if items is None:
        print(f"skip: {CORPUS} not found (../shared absent)")
        return 0
    try:
        results = run_places(args.dyad, items)
    except RuntimeError as e:
        print(f"bench_location: {e}", file=sys.stderr)
        return 1
    right = {"with": [0, 0], "without": [0, 0]}
    found_any = [0, 0]
    wrong = []
    for (text, vs, ve, gold), r in zip(items, results):
        k = r["event_place"]
        pred = r["mentions"][k].get("text", "") if k is not None else None
        key = "with" if gold else "without"
        ok = (pred is None) if not gold else (pred is not None and any(matches(pred, g) for g in gold))
        right[key][0] += ok
        right[key][1] += 1
        if gold:
            found_any[1] += 1
            found_any[0] += any(matches(m.get("text", ""), g) for m in r["mentions"] for g in gold)
        if not ok:
            wrong.append((text, text.encode()[vs:ve].decode("utf-8", "replace"), gold, pred,
                          [m.get("text") for m in r["mentions"]]))
    total = [right["with"][0] + right["without"][0], right["with"][1] + right["without"][1]]

    def pct(a):
        return f"{a[0]}/{a[1]} = {100.0 * a[0] / a[1]:.1f}%" if a[1] else "n/a"

    print(f"event place ({args.set}): sentences with a marked place: {pct(right['with'])}; "
          f"without: {pct(right['without'])}; all: {pct(total)}")
    print(f"  a marked place among the mentions found: {pct(found_any)}")
    for text, verb, gold, pred, ms in wrong[:args.show]:
        print(f"- verb {verb!r} gold {gold} chose {pred!r} mentions {ms}\n  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
