"""Reads the event-location data (../shared/corpora/event_location, MIT: news
sentences with the event's verb and the place where it happened marked) for
bench/bench_location.py and tools/fit_location.py, and runs `dyad places` on
it. Standard library only."""
import json
import os
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "event_location", "labeled_text.jsonl.zip")


def norm(s):
    return " ".join(s.lower().replace("-", " ").replace(".", "").split())


def matches(pred, gold):
    """A chosen name is right when it and a marked name overlap: the same
    words, or one within the other ("Homs" for "Homs province")."""
    p, g = norm(pred), norm(gold)
    return bool(p) and bool(g) and (p == g or p in g or g in p)


def load(which):
    """The checked sentences with a marked verb: which = "relabel" (the 496
    relabelled ones, the measure), "accepted" (the other checked ones, for
    fitting) or "all". Each item: (text, verb byte start, verb byte end,
    [marked place names]). None when the corpus is absent."""
    if not os.path.exists(CORPUS):
        return None
    data = json.loads(zipfile.ZipFile(CORPUS).read("labeled_text.jsonl"))
    items = []
    for d in data:
        if d.get("answer") != "accept":
            continue
        relabel = d.get("source") == "RELABEL"
        if (which == "relabel" and not relabel) or (which == "accepted" and relabel):
            continue
        spans = d.get("spans") or []
        verbs = [s for s in spans if s.get("label") == "VERB"]
        if not verbs:
            continue
        text, v = d["text"], verbs[0]
        gold = [s.get("text") or text[s["start"]:s["end"]] for s in spans if s.get("label") == "LOCATION"]
        gold = [g for g in gold if g.strip()]
        vs = len(text[:v["start"]].encode("utf-8"))
        ve = len(text[:v["end"]].encode("utf-8"))
        items.append((text, vs, ve, gold))
    return items


def run_places(dyad, items, features=False):
    """`dyad places` on the items: one result object per item."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for text, vs, ve, _ in items:
            f.write(json.dumps({"text": text, "verb_start": vs, "verb_end": ve}) + "\n")
        path = f.name
    try:
        cmd = [dyad, "places"] + (["--features"] if features else []) + [path]
        out = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.unlink(path)
    if out.returncode not in (0, 1):
        raise RuntimeError(out.stderr)
    results = [json.loads(line) for line in out.stdout.splitlines()]
    if len(results) != len(items):
        raise RuntimeError(f"{len(items)} sentences in, {len(results)} out")
    return results
