#!/usr/bin/env python3
"""wordnet_synonyms.py: WordNet helpers for writing data/dict/dyad.verbs.txt.

Written for dyad and released under the MIT license with the rest of dyad.
Reads the WordNet 3.0 database files of Debian's wordnet-base package
(/usr/share/wordnet, or $WNHOME/dict); nothing is copied into dyad: the
output is a list to choose from by hand.

  tools/wordnet_synonyms.py syn VERB [--senses N]
      the synonyms of VERB in its first N senses (default 3), one sense a line
  tools/wordnet_synonyms.py forms FILE
      checks the verb lines of a dyad verb dictionary: for each verb written
      without {FORMS}, dyad generates -S/-ED/-ING forms (the rule of
      src/dict/dict_text.c dict__verb_regular); prints the verbs for which
      WordNet's list of irregular forms (verb.exc: "fought", "planned") has a
      form that the rule does not generate (write those verbs with {FORMS}).
Exit status 0; 1 when `forms` found verbs to fix; 2 on usage errors.
"""
import os
import re
import sys

WN = os.environ.get("WNHOME")
WN = os.path.join(WN, "dict") if WN else "/usr/share/wordnet"


def read_index(pos):
    """lemma -> list of synset offsets, from index.POS."""
    out = {}
    with open(os.path.join(WN, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            n_ptr = int(p[3])
            n_sense = int(p[2])
            offs = p[4 + n_ptr + 2:4 + n_ptr + 2 + n_sense]
            out[p[0]] = offs
    return out


def synset_words(pos, off):
    with open(os.path.join(WN, "data." + pos), encoding="latin-1") as f:
        f.seek(int(off))
        p = f.readline().split()
    n = int(p[3], 16)
    return [p[4 + 2 * i].replace("_", " ") for i in range(n)]


def cmd_syn(verb, senses):
    idx = read_index("verb")
    offs = idx.get(verb.lower().replace(" ", "_"))
    if not offs:
        print("%s: not in WordNet" % verb)
        return 0
    for k, off in enumerate(offs[:senses], 1):
        words = [w for w in synset_words("verb", off) if w != verb.lower()]
        print("%d: %s" % (k, ", ".join(words) if words else "-"))
    return 0


def plural(w):
    if re.search(r"(S|SH|CH|X|Z)$", w):
        return w + "ES"
    if w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        return w[:-1] + "IES"
    return w + "S"


def regular(w):
    """dyad's generated forms of a verb word (dict__verb_regular)."""
    if w.endswith("E"):
        ed = w + "D"
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        ed = w[:-1] + "IED"
    else:
        ed = w + "ED"
    if w.endswith("E") and len(w) > 2 and w[-2] not in "AEIOU":
        ing = w[:-1] + "ING"
    else:
        ing = w + "ING"
    return {plural(w), ed, ing}


def read_exc():
    exc = {}
    with open(os.path.join(WN, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2:
                for base in p[1:]:
                    exc.setdefault(base.upper(), set()).add(p[0].upper())
    return exc


def cmd_forms(path):
    exc = read_exc()
    bad = 0
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            t = line.split("#", 1)[0].strip()
            if not t or t[0] in "-&~+" or "{" in t:
                continue
            word = t.split()[0]
            if "_" in word:
                continue
            forms = exc.get(word)
            if not forms:
                continue
            gen = regular(word)
            missing = sorted(x for x in forms if x not in gen and "_" not in x
                             and ("-" in word or "-" not in x))
            if missing:
                bad += 1
                print("%s:%d: %s: WordNet has %s, dyad would generate %s: write %s {FORMS}"
                      % (path, ln, word, " ".join(missing), " ".join(sorted(gen)), word))
    return 1 if bad else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "syn":
        senses = 3
        if len(argv) == 5 and argv[3] == "--senses":
            senses = int(argv[4])
        return cmd_syn(argv[2], senses)
    if len(argv) == 3 and argv[1] == "forms":
        return cmd_forms(argv[2])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
