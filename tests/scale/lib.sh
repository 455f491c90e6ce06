# lib.sh: helpers for the scale-out tests (tests/scale/*.sh), sourced after
# `cd` to the repository root with $DYAD set and $tmp a scratch folder.

fail() { echo "FAIL: $*"; exit 1; }

# gen_articles N FILES DIR: N synthetic news articles as dyad code JSON Lines,
# spread over FILES files DIR/part-NNN.jsonl (article i goes to file i % FILES).
# Each article has a date and three to five sentences built from templates
# written for these tests: actors, verbs and date phrases vary with the
# article's number, so articles differ and most sentences code an event.
gen_articles() {
    mkdir -p "$3"
    awk -v n="$1" -v files="$2" -v dir="$3" 'BEGIN {
        na = split("France|Germany|Russia|China|Japan|Iran|Turkey|Israel|Egypt|India|Pakistan|Brazil|Mexico|Nigeria|Kenya|Ukraine|Poland|Syria|Iraq|Canada", a, "|")
        nr = split("The foreign minister of|The president of|The army of|Police in|The government of|Protesters in|Rebels in|The prime minister of", r, "|")
        nv = split("met|condemned|accused|praised|attacked|criticized|threatened|thanked|visited|blamed|urged|invited", v, "|")
        nd = split("on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|last week|on March 3|in late April|yesterday|on Saturday", d, "|")
        nt = split("over the border dispute|after talks in Geneva|during a summit|over trade|in a statement|at the United Nations", t, "|")
        for (i = 0; i < n; i++) {
            f = sprintf("%s/part-%03d.jsonl", dir, i % files)
            ns = 3 + i % 3
            text = ""
            for (j = 0; j < ns; j++) {
                k = i * 7 + j * 13
                s = a[k % na + 1]; o = a[(k * 3 + 5) % na + 1]
                if (s == o) o = a[(k + 1) % na + 1]
                if (j % 2 == 0) subj = s
                else subj = r[(i + j) % nr + 1] " " s
                sent = subj " " v[(i + j * 5) % nv + 1] " " o " " d[(i + j) % nd + 1] " " t[(i * 3 + j) % nt + 1] "."
                text = text (j ? " " : "") sent
            }
            printf "{\"id\":\"news-%05d\",\"date\":\"2024-%02d-%02d\",\"title\":\"Story %d\",\"text\":\"%s\"}\n", \
                i, i % 12 + 1, i % 28 + 1, i, text > f
        }
    }'
}
