#!/usr/bin/python3
"""Fits the weights with which dyad chooses an event's place among a
sentence's place names (src/geo/locate.c) and writes src/geo/locate_weights.c.

    tools/fit_location.py [--dyad build/dyad] [--out src/geo/locate_weights.c]

Data: the checked sentences of the event-location corpus other than the 496
relabelled ones (../shared/corpora/event_location, MIT), which stay for
measuring (bench/bench_location.py). For each sentence `dyad places
--features` gives every place name found and its features; a name is a
positive example when it matches a marked place (tools/event_location.py).
The model is a logistic regression with an L2 penalty (all weights but the
constant), the penalty chosen by 5-fold cross-validation of the sentence-level
choice (the best-scored name, or none below the threshold), then refitted on
all; the threshold is the one that chooses best on the fitting sentences.

Needs numpy (Debian's python3-numpy, run with /usr/bin/python3).
"""
import argparse
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from event_location import CORPUS, load, matches, run_places  # noqa: E402

LAMBDAS = [0.1, 1.0, 10.0, 100.0]


def fit(rows, lam):
    """Logistic regression, L2 penalty lam on all but the constant, by
    Newton's method; rows are (x, y); returns the weights."""
    X = np.array([x for x, _ in rows], dtype=float)
    y = np.array([v for _, v in rows], dtype=float)
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], lam)
    pen[0] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) + pen * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(pen)
        step = np.linalg.solve(H, g)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return [float(v) for v in w]


def choose(w, sent, threshold):
    best, bz = None, None
    for i, (x, _, reference) in enumerate(sent["mentions"]):
        if reference:
            continue
        z = sum(wi * xi for wi, xi in zip(w, x))
        if bz is None or z > bz:
            best, bz = i, z
    return best if bz is not None and bz >= threshold else None


def accuracy(w, sents, threshold):
    right = 0
    for s in sents:
        k = choose(w, s, threshold)
        right += (k is None) if not s["gold"] else (k is not None and s["mentions"][k][1] == 1)
    return right / len(sents) if sents else 0.0


def best_threshold(w, sents):
    zs = sorted({round(sum(wi * xi for wi, xi in zip(w, x)), 3) for s in sents for x, _, _ in s["mentions"]})
    cands = [-1e9] + [z for i, z in enumerate(zs) if i % max(1, len(zs) // 200) == 0]
    best = max(cands, key=lambda t: accuracy(w, sents, t))
    return best, accuracy(w, sents, best)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dyad", default=os.path.join(HERE, "..", "build", "dyad"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "src", "geo", "locate_weights.c"))
    args = ap.parse_args()
    items = load("accepted")
    if items is None:
        sys.exit(f"fit_location: {CORPUS} not found")
    results = run_places(args.dyad, items, features=True)
    sents = []
    for (text, vs, ve, gold), r in zip(items, results):
        ms = []
        for m in r["mentions"]:
            pos = 1 if gold and any(matches(m.get("text", ""), g) for g in gold) else 0
            ms.append((m["features"], pos, m.get("reference", False)))
        sents.append({"gold": gold, "mentions": ms})
    names_line = None
    nfeat = len(next(m for s in sents for m in s["mentions"])[0])
    folds = 5
    scores = {}
    for lam in LAMBDAS:
        acc = 0.0
        for f in range(folds):
            train = [s for i, s in enumerate(sents) if i % folds != f]
            test = [s for i, s in enumerate(sents) if i % folds == f]
            rows = [(x, y) for s in train for x, y, _ in s["mentions"]]
            w = fit(rows, lam)
            t, _ = best_threshold(w, train)
            acc += accuracy(w, test, t) / folds
        scores[lam] = acc
        print(f"fit_location: lambda {lam}: cross-validated accuracy {acc:.4f}", file=sys.stderr)
    lam = max(LAMBDAS, key=lambda k: scores[k])
    w = fit([(x, y) for s in sents for x, y, _ in s["mentions"]], lam)
    t, acc = best_threshold(w, sents)
    print(f"fit_location: lambda {lam}, threshold {t:.3f}, accuracy on the fitting sentences {acc:.4f} "
          f"({len(sents)} sentences, {nfeat} features)", file=sys.stderr)
    del names_line
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("/* locate_weights.c: written by tools/fit_location.py; do not edit. Fitted on\n"
                  f" * {len(sents)} checked sentences of the event-location corpus (not the relabelled\n"
                  f" * ones); L2 penalty {lam}; accuracy of the choice on them {acc:.4f}. */\n")
        out.write('#include "geo/locate_weights.h"\n\n')
        out.write("const double dyad_geo_weights[DYAD_GEO_NFEAT] = {\n")
        for k in range(0, nfeat, 4):
            out.write("    " + ", ".join(f"{v:.6f}" for v in w[k:k + 4]) + ",\n")
        out.write("};\n")
        out.write(f"const double dyad_geo_threshold = {t:.6f};\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
