/* deptree_repair.c: repairs of frequent dependency-parser errors that would
 * hide a sentence's event from the coder (a verb read as a noun's modifier, a
 * finite adverbial clause left without its subject, a reporting clause hung
 * on the wrong word, ...). dyad_conllu_to_tree (deptree.c) runs them in the
 * order of the table at the end, after the dependents lists are built and
 * before the conversion. Each repair needs an analysis that English grammar
 * rules out, so correct parses pass unchanged.
 */
#include "parse/deptree_internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- repairs of common parser errors ------------------------------------ */

static int is_finite_tag(const char *t)
{
    return !strcmp(t, "VBD") || !strcmp(t, "VBZ") || !strcmp(t, "VBP");
}

/* A preposition on a compound or adjective at the left edge of a noun phrase
 * ("by a BAK surface missile" with "by" on "surface") belongs to the phrase. */
static int hoist_cases(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int k = 0; k < c->n; k++) {
        if (rel(c, k) != R_CASE || is_poss_case(c, k))
            continue;
        for (int x = c->w[k].head; x >= 0;) {
            int r = rel(c, x), h = c->w[x].head;
            if ((r != R_COMPOUND && r != R_AMOD && r != R_NUMMOD && r != R_FLAT) || h <= x ||
                c->w[x].lo != k || c->w[h].lo != k || has_rel(c, h, R_CASE))
                break;
            c->w[k].head = h;
            changed = 1;
            x = h;
        }
    }
    return changed;
}

/* English puts no object before the subject of its verb but in a relative
 * or a question ("which the army took", "what did they say"): a noun object
 * before its verb's subject ("... burned down its embassy, a senior official
 * said", "embassy" read as the object of "said") is the object of the verb
 * right before it, when that verb has none. */
static int fronted_object(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int o = 0; o < c->n; o++) {
        int v = c->w[o].head, s = -1, w = c->w[o].lo - 1;
        if (rel(c, o) != R_OBJ || v < o || strncmp(tag(c, o), "NN", 2))
            continue;
        for (int i = 0; i < c->w[v].ndep; i++)
            if (is_subj(c, c->w[v].dep[i]) && c->w[v].dep[i] > o && c->w[v].dep[i] < v)
                s = c->w[v].dep[i];
        while (w >= 0 && (rel(c, w) == R_PRT || !strcmp(tag(c, w), "RP")))
            w--;
        if (s < 0 || w < 0 || !is_verb_tag(tag(c, w)) || !strcmp(tag(c, w), "MD") ||
            has_rel(c, w, R_OBJ) || c->w[w].head == o)
            continue;
        c->w[o].head = w;
        changed = 1;
    }
    return changed;
}

/* A comma that ends a noun phrase inside a clause ("after a long rift, the
 * agency said", the comma hung on "rift") separates the phrase from what
 * follows: it goes up to the first head whose phrase goes on after it (or
 * to the clause's verb), so the tree keeps it out of the noun phrase. A
 * comma closing an apposition, a conjunct, a clause or an aside the noun
 * opened with a comma of its own stays. */
static int trailing_commas(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int k = 1; k + 1 < c->n; k++) {
        int x = c->w[k].head;
        if (strcmp(c->w[k].form, ",") || rel(c, k) != R_PUNCT || x < 0 || x > k ||
            c->w[x].hi != k || c->w[k].ndep ||
            (strncmp(tag(c, x), "NN", 2) && strcmp(tag(c, x), "CD") && strcmp(tag(c, x), "PRP")))
            continue;
        int h = c->w[x].head, pair = 0;
        for (int i = 0; i < c->w[x].ndep; i++) /* "minister, in remarks ..., urged" */
            pair |= c->w[x].dep[i] != k && !strcmp(c->w[c->w[x].dep[i]].form, ",");
        while (h >= 0 && !pair) {
            int r = rel(c, x);
            if (r != R_OBL && r != R_NMOD && r != R_OBJ && r != R_TMOD && r != R_NSUBJ &&
                r != R_NSUBJPASS && r != R_IOBJ && r != R_COMPOUND && r != R_POSS)
                h = -1;
            else if (c->w[h].hi > k || is_verb_tag(tag(c, h)))
                break;
            else {
                x = h;
                h = c->w[h].head;
            }
        }
        if (h < 0 || pair)
            continue;
        c->w[k].head = h;
        changed = 1;
    }
    return changed;
}

/* A noun as the root although a verb with an object or a finite verb follows
 * it without a subject ("A protestor demolished the building" read as a noun
 * with a participle): the verb becomes the root and the noun its subject. */
static int promote_verb(cx *c, int *root)
{
    int r = *root;
    if (is_clausal_word(c, r))
        return 0;
    for (int i = 0; i < c->w[r].ndep; i++) {
        int x = c->w[r].dep[i], rl = rel(c, x);
        const char *t = tag(c, x);
        if (x < r || (rl != R_ACL && rl != R_XCOMP && rl != R_DEP && rl != R_CCOMP &&
                      rl != R_PARATAXIS && rl != R_ADVCL))
            continue;
        int finite = !strcmp(t, "VBD") || !strcmp(t, "VBZ") || !strcmp(t, "VBP");
        int active = !strcmp(t, "VBN") && has_rel(c, x, R_OBJ);
        if (!(finite || active) || has_subject(c, x) || has_rel(c, x, R_MARK))
            continue;
        for (int j = 0; j < c->w[r].ndep; j++)
            if (c->w[r].dep[j] > x)
                c->w[c->w[r].dep[j]].head = x;
        c->w[x].head = -1;
        c->w[x].rel = R_ROOT;
        c->w[r].head = x;
        c->w[r].rel = R_NSUBJ;
        if (active)
            c->w[x].tag = "VBD";
        *root = x;
        return 1;
    }
    return 0;
}

/* Moves the dependents of `from` that lie in [lo, hi] to `to`. */
static void rehead_range(cx *c, int from, int to, int lo, int hi)
{
    for (int i = 0; i < c->w[from].ndep; i++) {
        int y = c->w[from].dep[i];
        if (y >= lo && y <= hi && y != to)
            c->w[y].head = to;
    }
}

/* A headline with no finite verb, "Sharon to Hold Talks With Settlers" (news
 * for "Sharon is to hold"), parsed as the noun "Sharon" with an infinitive
 * on it: the infinitive right after the noun's phrase is the verb, the noun
 * its subject. A noun that names an act keeps its infinitive ("A Plan to
 * Attack", "efforts to end"): only a proper noun, or a noun after one
 * ("Iraq PM", parsed as "Iraq" with the apposition "PM"), is a subject. */
static int headline_infinitive(cx *c, int *root)
{
    int r = *root, v = -1, n = -1;
    if (r < 0 || is_clausal_word(c, r) || strncmp(tag(c, r), "NN", 2))
        return 0;
    for (int k = 0; k < c->n; k++)
        if (is_finite_tag(tag(c, k)) || !strcmp(tag(c, k), "MD"))
            return 0;
    for (int x = r + 1; x < c->n && v < 0; x++) {
        int h = c->w[x].head;
        if (rel(c, x) == R_ACL && !strcmp(tag(c, x), "VB") && h >= 0 && h < x &&
            c->w[x].lo == h + 1 && is_inf_to(c, c->w[x].lo) &&
            (h == r || (c->w[h].head == r && c->w[r].hi >= x && c->w[h].lo == r + 1 &&
                        (rel(c, h) == R_APPOS || rel(c, h) == R_DEP || rel(c, h) == R_FLAT ||
                         rel(c, h) == R_COMPOUND) && !strncmp(tag(c, r), "NNP", 3)))) {
            v = x;
            n = h;
        }
    }
    if (v < 0)
        return 0;
    int name = !strncmp(tag(c, n), "NNP", 3) || n != r;
    for (int i = 0; i < c->w[n].ndep; i++) {
        int x = c->w[n].dep[i];
        if (x < n && (rel(c, x) == R_COMPOUND || rel(c, x) == R_FLAT) &&
            !strncmp(tag(c, x), "NNP", 3))
            name = 1;
    }
    if (!name)
        return 0;
    rehead_range(c, r, v, v + 1, c->n - 1);
    rehead_range(c, n, v, v + 1, c->n - 1);
    c->w[v].head = -1;
    c->w[v].rel = R_ROOT;
    c->w[n].head = v;
    c->w[n].rel = R_NSUBJ;
    if (n != r) {
        c->w[r].head = n;
        c->w[r].rel = R_COMPOUND;
    }
    *root = v;
    return 1;
}

/* A verbless sentence whose verb the parser took for an adjective: "The US
 * presented evidence" as the noun "evidence" with the modifiers "US" and
 * "presented"; "The government expressed appreciation" as "government" with
 * the apposition "expressed appreciation"; "Israeli troops attacked
 * protesters" as "troops" with the object (!) "attacked protesters". The verb
 * becomes the root, what precedes it the subject, the noun after it the
 * object. */
static int verb_from_modifier(cx *c, int *root)
{
    int r = *root;
    if (is_clausal_word(c, r))
        return 0;
    for (int v = 0; v < c->n; v++) {
        const char *t = tag(c, v);
        int n = c->w[v].head, subj = -1;
        if (rel(c, v) != R_AMOD || c->w[v].ndep || n <= v ||
            (strcmp(t, "VBD") && strcmp(t, "VBN") && strcmp(t, "VBZ") && strcmp(t, "VBP")))
            continue;
        if (n == r) {
            for (int i = 0; i < c->w[n].ndep; i++) {
                int x = c->w[n].dep[i];
                if (x < v && (rel(c, x) == R_COMPOUND || rel(c, x) == R_FLAT) &&
                    (!strncmp(tag(c, x), "NN", 2) || !strcmp(tag(c, x), "PRP")))
                    subj = x;
            }
        } else if (c->w[v].lo == c->w[n].lo && c->w[n].head == r && r < v &&
                   (rel(c, n) == R_APPOS || rel(c, n) == R_DEP || rel(c, n) == R_CONJ ||
                    rel(c, n) == R_OBJ)) {
            subj = r;
        }
        if (subj < 0)
            continue;
        if (subj != r) {
            rehead_range(c, n, subj, 0, v - 1); /* "The" goes with "US" */
            c->w[n].head = v;
        } else {
            rehead_range(c, r, v, v + 1, c->n - 1);
            c->w[n].head = v;
        }
        c->w[subj].head = v;
        c->w[subj].rel = R_NSUBJ;
        c->w[n].rel = R_OBJ;
        c->w[v].head = -1;
        c->w[v].rel = R_ROOT;
        c->w[v].tag = !strcmp(t, "VBN") ? "VBD" : t;
        for (int i = 0; i < c->w[n].ndep; i++) { /* the sentence's last punctuation */
            int y = c->w[n].dep[i];
            if (y == c->w[n].hi && rel(c, y) == R_PUNCT && y > n)
                c->w[y].head = v;
        }
        *root = v;
        return 1;
    }
    return 0;
}

/* Does v carry a finite auxiliary ("was reported", "has left", "will go")? */
static int finite_chain(const cx *c, int v)
{
    for (int i = 0; i < c->w[v].ndep; i++) {
        int y = c->w[v].dep[i];
        if ((rel(c, y) == R_AUX || rel(c, y) == R_AUXPASS) && y < v &&
            (is_finite_tag(tag(c, y)) || !strcmp(tag(c, y), "MD")))
            return 1;
    }
    return 0;
}

static const char *const subordinators[] = {"as", "after", "before", "since", "until", "till",
                                            "while", "when", "because", "although", "though",
                                            "once", "whereas", "if", "unless", NULL};

/* A finite verb in an adverbial clause has a subject. When the parser left
 * it without one, the noun just before it is it:
 * - "came as the US leader prepared to ...", parsed as "came (as the US
 *   leader) prepared": the noun becomes the subject, its "as" the marker
 *   (also with an auxiliary: "met (after a bomb) was found");
 * - "A report released Tuesday alleged that ...", parsed as "report
 *   released ..., alleged": the first verb becomes a participle on the
 *   subject ("report released Tuesday") and the second the clause's verb
 *   (also with an auxiliary after a participle: "The civilians imprisoned
 *   for ... were released"). */
static int subjectless_clauses(cx *c, int *root)
{
    for (int v = 0; v < c->n; v++) {
        int h = c->w[v].head, n = -1, k = -1;
        int aux = finite_chain(c, v);
        if ((rel(c, v) != R_ADVCL && rel(c, v) != R_CONJ) || h < 0 || v < h ||
            !(aux || (is_finite_tag(tag(c, v)) && !has_chain(c, v))) || has_subject(c, v) ||
            has_rel(c, v, R_MARK) || has_rel(c, v, R_CC))
            continue;
        if (rel(c, v) == R_CONJ) { /* a conjunct with no "and" (before it, on the first) */
            int cc = 0;
            for (int i = 0; i < c->w[h].ndep; i++)
                cc |= rel(c, c->w[h].dep[i]) == R_CC && c->w[h].dep[i] < v;
            if (cc)
                continue;
        }
        for (int i = 0; i < c->w[h].ndep; i++)
            if (c->w[c->w[h].dep[i]].hi + 1 == c->w[v].lo)
                n = c->w[h].dep[i];
        for (int i = 0; i < c->w[v].ndep; i++) /* "(since the war) ended" */
            if (c->w[c->w[v].dep[i]].lo == c->w[v].lo && c->w[v].dep[i] < v &&
                !is_chain_rel(c, c->w[v].dep[i]))
                n = c->w[v].dep[i];
        for (int i = 0; n >= 0 && i < c->w[n].ndep; i++)
            if (rel(c, c->w[n].dep[i]) == R_CASE && c->w[n].dep[i] == c->w[n].lo &&
                one_of(c->w[c->w[n].dep[i]].form, subordinators))
                k = c->w[n].dep[i];
        if (n >= 0 && k >= 0 && (rel(c, n) == R_OBL || rel(c, n) == R_NMOD) &&
            (!strncmp(tag(c, n), "NN", 2) || !strncmp(tag(c, n), "PRP", 3))) {
            c->w[n].head = c->w[k].head = v;
            c->w[n].rel = has_rel(c, v, R_AUXPASS) ? R_NSUBJPASS : R_NSUBJ;
            c->w[k].rel = R_MARK;
            c->w[v].rel = R_ADVCL;
            return 1;
        }
        if (aux && strcmp(tag(c, h), "VBN")) /* "The civilians imprisoned ... were released" */
            continue;
        int s = -1;
        for (int i = 0; i < c->w[h].ndep; i++)
            if (is_subj(c, c->w[h].dep[i]) && c->w[c->w[h].dep[i]].hi + 1 == h)
                s = c->w[h].dep[i];
        if (s < 0 || has_chain(c, h) || (strcmp(tag(c, h), "VBD") && strcmp(tag(c, h), "VBN")) ||
            rel(c, c->w[v].lo - 1) == R_PUNCT)
            continue;
        rehead_range(c, h, v, v + 1, c->n - 1);
        c->w[v].head = c->w[h].head;
        c->w[v].rel = rel(c, h);
        c->w[s].head = v;
        if (has_rel(c, v, R_AUXPASS))
            c->w[s].rel = R_NSUBJPASS;
        c->w[h].head = s;
        c->w[h].rel = R_ACL;
        c->w[h].tag = "VBN";
        if (*root == h)
            *root = v;
        return 1;
    }
    return 0;
}

/* "came as the US leader prepared to attend", parsed as "came (as the US
 * leader (prepared to attend))": a subordinator read as a preposition, the
 * clause's verb as a participle on its subject. When the participle has an
 * object or complement (a participle modifier rarely has: "after the report
 * released Tuesday" stays), it becomes the verb of an adverbial clause with
 * the noun as subject and the subordinator as its marker. */
static int clause_in_pp(cx *c, int *root)
{
    (void)root;
    for (int v = 0; v < c->n; v++) {
        int n = c->w[v].head, k = -1;
        if (rel(c, v) != R_ACL || n < 0 || v < n || has_subject(c, v) ||
            (strcmp(tag(c, v), "VBD") && strcmp(tag(c, v), "VBN")) ||
            (rel(c, n) != R_OBL && rel(c, n) != R_NMOD) || c->w[n].head < 0 ||
            (strncmp(tag(c, n), "NN", 2) && strncmp(tag(c, n), "PRP", 3)))
            continue;
        if (!strcmp(tag(c, v), "VBN") && !has_rel(c, v, R_OBJ) && !has_rel(c, v, R_XCOMP) &&
            !has_rel(c, v, R_CCOMP))
            continue;
        for (int i = 0; i < c->w[n].ndep; i++)
            if (rel(c, c->w[n].dep[i]) == R_CASE && c->w[n].dep[i] == c->w[n].lo &&
                one_of(c->w[c->w[n].dep[i]].form, subordinators))
                k = c->w[n].dep[i];
        if (k < 0)
            continue;
        c->w[v].head = c->w[n].head;
        c->w[v].rel = R_ADVCL;
        c->w[v].tag = "VBD";
        c->w[n].head = c->w[k].head = v;
        c->w[n].rel = R_NSUBJ;
        c->w[k].rel = R_MARK;
        return 1;
    }
    return 0;
}

/* "Ukrainian lawmakers Tuesday endorsed an agreement", parsed as "lawmakers
 * (that) Tuesday endorsed ...": a relative clause whose subject is a day
 * right after the noun it modifies is the sentence's own clause: the noun is
 * its subject, the day a time modifier. */
static int day_subject_clause(cx *c, int *root)
{
    static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                       "Saturday", "Sunday", "today", "yesterday", NULL};
    for (int v = 0; v < c->n; v++) {
        int n = c->w[v].head, t = -1;
        if ((rel(c, v) != R_RELCL && rel(c, v) != R_ACL) || n < 0 || v < n ||
            !is_finite_tag(tag(c, v)) || strncmp(tag(c, n), "NN", 2))
            continue;
        for (int i = 0; i < c->w[v].ndep; i++) {
            int y = c->w[v].dep[i];
            if (is_subj(c, y) && y < v && one_of(c->w[y].form, days) && c->w[y].lo == n + 1)
                t = y;
        }
        if (t < 0)
            continue;
        for (int i = 0; i < c->w[n].ndep; i++) { /* "Ukrainian" read as the noun's subject */
            int y = c->w[n].dep[i];
            if (is_subj(c, y) && y < n)
                c->w[y].rel = R_AMOD;
        }
        rehead_range(c, n, v, v + 1, c->n - 1);
        c->w[v].head = c->w[n].head;
        c->w[v].rel = rel(c, n);
        c->w[n].head = v;
        c->w[n].rel = R_NSUBJ;
        c->w[t].rel = R_TMOD;
        if (*root == n)
            *root = v;
        return 1;
    }
    return 0;
}

/* A participle phrase (acl) modifies a noun: on a verb, right after the
 * verb's subject ("A report released Tuesday alleged"), it is the subject's. */
static int acl_on_subject(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int x = 0; x < c->n; x++) {
        int h = c->w[x].head;
        if (rel(c, x) != R_ACL || h < 0 || !is_verb_tag(tag(c, h)))
            continue;
        for (int i = 0; i < c->w[h].ndep; i++) {
            int s = c->w[h].dep[i];
            if (is_subj(c, s) && c->w[s].hi + 1 == c->w[x].lo) {
                c->w[x].head = s;
                changed = 1;
            }
        }
    }
    return changed;
}

static const char *const reporting_verbs[] = {
    "say", "tell", "report", "add", "state", "announce", "claim", "confirm", "note",
    "explain", "insist", "warn", "write", "allege", "reveal", "declare", "acknowledge",
    "admit", "argue", "assert", "estimate", "indicate", "stress", "reply", "respond", NULL};

/* Is word x's lemma one of list? Without a lemma (a parser that gives none)
 * the verb forms it may be are tried: irregular pasts, -s, -es, -ies, -ed,
 * -d, -ied, -ing with and without a final e, doubled consonants. */
static int lemma_in(const cx *c, int x, const char *const *list)
{
    static const char *const irregular[] = {
        "said", "say", "told", "tell", "wrote", "write", "written", "write", "led", "lead",
        "left", "leave", "held", "hold", "met", "meet", "sent", "send", "fought", "fight",
        "took", "take", "taken", "take", "gave", "give", "given", "give", "made", "make",
        "brought", "bring", "sought", "seek", "threw", "throw", "shot", "shoot", "struck",
        "strike", "began", "begin", "begun", "begin", "won", "win", "stood", "stand", "knew",
        "know", "came", "come", "went", "go", "got", "get", "saw", "see", "seen", "see",
        "thought", "think", "found", "find", "spoke", "speak", "spoken", "speak", "forbade",
        "forbid", "drove", "drive", "driven", "drive", "let", "let", "put", "put", NULL};
    const char *l = c->w[x].lemma;
    if (l && strcmp(l, "_"))
        return one_of(l, list);
    char f[64], cand[64];
    size_t n = strlen(c->w[x].form);
    if (n < 2 || n >= sizeof f)
        return 0;
    for (size_t i = 0; i <= n; i++)
        f[i] = (char)(c->w[x].form[i] >= 'A' && c->w[x].form[i] <= 'Z' ? c->w[x].form[i] + 32
                                                                       : c->w[x].form[i]);
    if (one_of(f, list))
        return 1;
    for (int i = 0; irregular[i]; i += 2)
        if (!strcmp(f, irregular[i]))
            return one_of(irregular[i + 1], list);
    static const struct { const char *end, *add; } rules[] = {
        {"ies", "y"}, {"ied", "y"}, {"es", ""}, {"s", ""}, {"ed", ""}, {"d", ""}, {"ing", ""},
        {"ing", "e"}};
    for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
        size_t e = strlen(rules[r].end);
        if (n <= e + 1 || strcmp(f + n - e, rules[r].end))
            continue;
        snprintf(cand, sizeof cand, "%.*s%s", (int)(n - e), f, rules[r].add);
        if (one_of(cand, list))
            return 1;
        size_t m = n - e; /* "stopped", "planning": a doubled consonant */
        if (!rules[r].add[0] && m >= 3 && f[m - 1] == f[m - 2]) {
            snprintf(cand, sizeof cand, "%.*s", (int)(m - 1), f);
            if (one_of(cand, list))
                return 1;
        }
    }
    return 0;
}

/* The last word of the sentence that is not punctuation. */
static int last_word(const cx *c)
{
    int k = c->n - 1;
    while (k > 0 && (c->w[k].gone || rel(c, k) == R_PUNCT))
        k--;
    return k;
}

/* "..., a police officer said Wednesday." at the end of a sentence is the
 * reporting clause of the whole sentence, whatever the parser hung it on (a
 * complement or relative clause of the last verb or noun): it becomes a
 * parataxis of the root, which CoreNLP prints beside the sentence. */
static int trailing_report(cx *c, int *root)
{
    int r = *root;
    for (int v = 0; v < c->n; v++) {
        int h = c->w[v].head, lo = c->w[v].lo, s = -1;
        if (h < 0 || (h == r && rel(c, v) == R_PARATAXIS) || !is_verb_tag(tag(c, v)) ||
            !lemma_in(c, v, reporting_verbs) ||
            c->w[v].hi != last_word(c) || lo == 0 || has_rel(c, v, R_OBJ) ||
            has_rel(c, v, R_CCOMP) || has_rel(c, v, R_XCOMP) || has_rel(c, v, R_MARK))
            continue;
        for (int i = 0; i < c->w[v].ndep; i++)
            if (is_subj(c, c->w[v].dep[i]) && c->w[c->w[v].dep[i]].lo == lo)
                s = c->w[v].dep[i];
        if (s < 0)
            continue;
        if (strcmp(c->w[lo - 1].form, ",") && strcmp(c->w[lo].form, ",")) {
            /* ", the official news agency WFNA said": the words before the
             * name hung elsewhere (an apposition of the noun before the comma)
             * are the name's own */
            int p = -1;
            for (int k = 0; k < c->n && p < 0; k++)
                if (!c->w[k].gone && c->w[k].hi == lo - 1 && c->w[k].head >= 0 &&
                    c->w[k].head != s && !strncmp(tag(c, k), "NN", 2) && c->w[k].lo > 0 &&
                    (!strcmp(c->w[c->w[k].lo - 1].form, ",") ||
                     !strcmp(c->w[c->w[k].lo].form, ",")) &&
                    (rel(c, k) == R_APPOS || rel(c, k) == R_NMOD || rel(c, k) == R_DEP ||
                     rel(c, k) == R_CONJ))
                    p = k;
            if (p < 0)
                continue;
            if (!strcmp(c->w[c->w[p].lo].form, ",") && c->w[c->w[p].lo].head == p)
                c->w[c->w[p].lo].head = v; /* the comma goes with the clause */
            c->w[p].head = s;
            c->w[p].rel = R_COMPOUND;
        }
        c->w[v].head = r;
        c->w[v].rel = R_PARATAXIS;
        for (int k = c->w[v].hi + 1; k < c->n; k++) /* the final full stop */
            if (!c->w[k].gone && k != r)
                c->w[k].head = r;
        return 1;
    }
    return 0;
}

/* A clause joined to the sentence's verb as a conjunct with no "and", no
 * comma, its subject (a plain name or noun) right after a noun, is a
 * relative clause without "that" on that noun: "condemned the sanctions
 * Washington imposed on Iran". */
static int bare_relative(cx *c, int *root)
{
    (void)root;
    for (int v = 0; v < c->n; v++) {
        int h = c->w[v].head, sj = -1;
        if (rel(c, v) != R_CONJ || h < 0 || v < h || has_rel(c, v, R_CC) ||
            !is_finite_tag(tag(c, v)))
            continue;
        for (int i = 0; i < c->w[v].ndep; i++)
            if (is_subj(c, c->w[v].dep[i]) && c->w[v].dep[i] < v)
                sj = c->w[v].dep[i];
        int n = sj >= 0 ? c->w[sj].lo - 1 : -1, joined = 0;
        /* the noun lies outside the clause (else the clause would hang from
         * its own word) */
        if (n <= h || n >= c->w[v].lo || strncmp(tag(c, n), "NN", 2) || c->w[n].gone)
            continue;
        for (int k = h + 1; k < c->w[sj].lo && !joined; k++)
            joined = !strcmp(tag(c, k), "CC") || rel(c, k) == R_PUNCT || rel(c, k) == R_CC;
        for (int i = 0; i < c->w[sj].ndep && !joined; i++) { /* a plain name or noun */
            int r = rel(c, c->w[sj].dep[i]);
            joined = r != R_DET && r != R_AMOD && r != R_COMPOUND && r != R_FLAT;
        }
        if (joined)
            continue;
        c->w[v].head = n;
        c->w[v].rel = R_RELCL;
        return 1;
    }
    return 0;
}

/* Do x's dependents all stay flat in a base noun phrase (determiners,
 * adjectives, compounds, numbers)? */
static int only_flat_deps(const cx *c, int x)
{
    for (int i = 0; i < c->w[x].ndep; i++) {
        int y = c->w[x].dep[i], r = rel(c, y);
        if ((r != R_DET && r != R_AMOD && r != R_COMPOUND && r != R_NUMMOD && r != R_FLAT &&
             r != R_CC) || c->w[y].ndep)
            return 0;
    }
    return 1;
}

/* Two subjects side by side ("minister Calimehtar warned", the parser
 * missing the title before a name; "the evil awful Gondor" read as "the
 * evil" and "awful Gondor"): the first is part of the second's noun phrase.
 * When the first ends in a conjunct ("Fornost and the evil | awful Gondor"),
 * that conjunct is the part, and the name takes its place in the
 * coordination. */
static int double_subject(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int v = 0; v < c->n; v++) {
        int a = -1;
        for (int i = 0; i < c->w[v].ndep; i++) {
            int b = c->w[v].dep[i];
            if (rel(c, b) != R_NSUBJ || b > v || strncmp(tag(c, b), "NN", 2))
                continue;
            int prev = a;
            a = b;
            if (prev < 0 || c->w[prev].hi + 1 != c->w[b].lo || strncmp(tag(c, b), "NNP", 3))
                continue;
            int x = prev;
            for (int j = 0; j < c->w[prev].ndep; j++) {
                int y = c->w[prev].dep[j];
                if (rel(c, y) == R_CONJ && c->w[y].hi == c->w[prev].hi)
                    x = y;
            }
            if (x != prev) {
                if (!only_flat_deps(c, x) || strncmp(tag(c, x), "NN", 2))
                    continue;
                for (int j = 0; j < c->w[x].ndep; j++) /* "and" opens the name's conjunct */
                    if (rel(c, c->w[x].dep[j]) == R_CC)
                        c->w[c->w[x].dep[j]].head = b;
                c->w[b].head = prev;
                c->w[b].rel = R_CONJ;
            }
            c->w[x].head = b;
            c->w[x].rel = R_COMPOUND;
            changed = 1;
        }
    }
    return changed;
}

/* Two subjects of one verb with "and" or "or" (and commas) between them
 * ("The lions and the tigers welcomed", "The US, Russia, and Switzerland
 * met", the parser hanging the second conjunct or the coordinator on the
 * verb): the later subjects are conjuncts of the first. */
static int coordinated_subjects(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int v = 0; v < c->n; v++) {
        int a = -1;
        for (int i = 0; i < c->w[v].ndep; i++) {
            int b = c->w[v].dep[i];
            if (rel(c, b) != R_NSUBJ || b > v)
                continue;
            if (a < 0) {
                a = b;
                continue;
            }
            int joined = 0; /* 1: only commas and a coordinator between them */
            for (int k = c->w[a].hi + 1; k < c->w[b].lo; k++)
                if (!(c->w[k].head == v && (rel(c, k) == R_CC || rel(c, k) == R_PUNCT)))
                    joined = -1;
                else if (joined >= 0 && rel(c, k) == R_CC)
                    joined = 1;
            if (joined <= 0 && !(c->w[a].hi + 1 == c->w[b].lo && c->w[b].lo < b &&
                                 rel(c, c->w[b].lo) == R_CC))
                continue;
            for (int k = c->w[a].hi + 1; k < c->w[b].lo; k++)
                c->w[k].head = b;
            c->w[b].head = a;
            c->w[b].rel = R_CONJ;
            changed = 1;
        }
    }
    return changed;
}

/* A clause that starts with "and" / "but" is a conjunct, never a complement:
 * "Troops captured the bastion but routes are under rebel control", parsed
 * with the second clause as a ccomp (or advcl, parataxis) of "captured", is
 * a coordination of the two. */
static int clause_after_cc(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int v = 0; v < c->n; v++) {
        int h = c->w[v].head, r = rel(c, v), lo = c->w[v].lo;
        if (h < 0 || v < h || (r != R_CCOMP && r != R_ADVCL && r != R_PARATAXIS) ||
            strcmp(tag(c, lo), "CC") || rel(c, lo) != R_CC || !has_subject(c, v))
            continue;
        c->w[v].rel = R_CONJ;
        c->w[lo].head = v;
        changed = 1;
    }
    return changed;
}

/* "Neither Rohan nor Gondor attended", the parser hanging "Neither" on the
 * verb: a "neither", "either" or "both" right before a coordinated subject
 * opens that coordination. */
static int preconj_on_verb(cx *c, int *root)
{
    static const char *const pre[] = {"neither", "either", "both", NULL};
    (void)root;
    int changed = 0;
    for (int k = 0; k + 1 < c->n; k++) {
        int v = c->w[k].head;
        if (v <= k || c->w[k].ndep || !one_of(c->w[k].form, pre) ||
            (rel(c, k) != R_CC && rel(c, k) != R_PRECONJ && rel(c, k) != R_DET &&
             rel(c, k) != R_ADVMOD))
            continue;
        for (int i = 0; i < c->w[v].ndep; i++) {
            int s = c->w[v].dep[i];
            if (is_subj(c, s) && c->w[s].lo == k + 1 && has_rel(c, s, R_CONJ)) {
                c->w[k].head = s;
                c->w[k].rel = R_PRECONJ;
                changed = 1;
                break;
            }
        }
    }
    return changed;
}

/* A determiner hung from a verb as its determiner or marker ("The Hermit
 * Kingdom fired", after a tagging error the parser followed) belongs to the noun phrase right after it: the
 * verb's subject when that starts at the next word. */
static int determiner_on_verb(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int x = 0; x + 1 < c->n; x++) {
        int v = c->w[x].head;
        if (v <= x || !is_verb_tag(tag(c, v)) ||
            !(rel(c, x) == R_DET || (rel(c, x) == R_MARK && !strcmp(tag(c, x), "DT") &&
                                     strcasecmp(c->w[x].form, "that"))))
            continue;
        for (int i = 0; i < c->w[v].ndep; i++) {
            int y = c->w[v].dep[i];
            if (is_subj(c, y) && y > x && c->w[y].lo == x + 1) {
                c->w[x].head = y;
                c->w[x].rel = R_DET;
                changed = 1;
                break;
            }
        }
    }
    return changed;
}

/* UD v2 treebanks (and parsers trained on them) make the reporting verb of
 * "Israel released the mayor, officials said." the root and the reported
 * clause its ccomp; CoreNLP and UD v1 make the reported clause the root and
 * "said" its parataxis, which is what the coders read. When the root is a
 * reporting verb with a subject, and its complement clause lies wholly before
 * that subject with a comma between, the two change places. */
static int reporting_root(cx *c, int *root)
{
    int r = *root, x = -1, s = -1;
    if (r < 0 || !is_verb_tag(tag(c, r)) ||
        !lemma_in(c, r, reporting_verbs))
        return 0;
    for (int i = 0; i < c->w[r].ndep; i++) {
        int y = c->w[r].dep[i];
        if ((rel(c, y) == R_CCOMP || rel(c, y) == R_PARATAXIS) && y < r && x < 0)
            x = y;
        else if (is_subj(c, y) && y < r)
            s = y;
    }
    if (x < 0 || s < 0 || c->w[x].hi >= c->w[s].lo || has_rel(c, r, R_OBJ) ||
        has_rel(c, r, R_XCOMP) || has_rel(c, r, R_MARK))
        return 0;
    int comma = 0;
    for (int k = c->w[x].hi; k <= c->w[s].lo && !comma; k++) /* the comma may open the subject */
        comma = !strcmp(c->w[k].form, ",") || !strcmp(c->w[k].form, "--");
    if (!comma)
        return 0;
    c->w[x].head = -1;
    c->w[x].rel = R_ROOT;
    c->w[r].head = x;
    c->w[r].rel = R_PARATAXIS;
    for (int k = c->w[s].lo - 1; k > x && rel(c, k) == R_PUNCT; k--)
        c->w[k].head = r; /* the comma before the subject opens the reporting clause */
    int last = r;
    for (int i = 0; i < c->w[r].ndep; i++) {
        int y = c->w[r].dep[i];
        if (y > last && rel(c, y) != R_PUNCT)
            last = c->w[y].hi;
    }
    for (int i = 0; i < c->w[r].ndep; i++) { /* the sentence's final punctuation */
        int y = c->w[r].dep[i];
        if (y > last && rel(c, y) == R_PUNCT)
            c->w[y].head = x;
    }
    *root = x;
    return 1;
}

/* "officials said Wednesday": a day or time word after its verb read as the
 * verb's subject is a time modifier. */
static int time_subjects(cx *c, int *root)
{
    static const char *const times[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "today", "yesterday", "tonight", "Today", "Yesterday", NULL};
    (void)root;
    int changed = 0;
    for (int x = 0; x < c->n; x++) {
        int h = c->w[x].head;
        if (h >= 0 && x > h && is_subj(c, x) && one_of(c->w[x].form, times)) {
            c->w[x].rel = R_TMOD;
            changed = 1;
        }
    }
    return changed;
}

/* Verbs whose object is the subject of a following to-infinitive ("asking
 * Obama to help Iran"); parsers often call that infinitive an advcl. */
static const char *const control_verbs[] = {
    "ask", "urge", "tell", "want", "allow", "force", "order", "press", "persuade",
    "encourage", "invite", "request", "require", "compel", "pressure", "push", "warn",
    "advise", "help", "enable", "expect", "permit", "instruct", "authorize", "authorise",
    "remind", "oblige", "beg", "convince", "prompt", "forbid", "prohibit", "need", "lead",
    "get", "leave", "cause", NULL};

static int control_complements(cx *c, int *root)
{
    (void)root;
    int changed = 0;
    for (int x = 0; x < c->n; x++) {
        int h = c->w[x].head, to = 0;
        if (rel(c, x) != R_ADVCL || h < 0 || !lemma_in(c, h, control_verbs))
            continue;
        for (int i = 0; i < c->w[x].ndep; i++)
            to |= is_inf_to(c, c->w[x].dep[i]);
        for (int i = 0; to && i < c->w[h].ndep; i++) {
            int o = c->w[h].dep[i];
            if (rel(c, o) == R_OBJ && c->w[o].hi + 1 == c->w[x].lo) {
                c->w[x].rel = R_XCOMP;
                changed = 1;
            }
        }
    }
    return changed;
}

/* The case word of x ("with" of "with Gondor"), or -1. */
static int case_of(const cx *c, int x)
{
    for (int i = 0; i < c->w[x].ndep; i++)
        if (rel(c, c->w[x].dep[i]) == R_CASE && !is_poss_case(c, c->w[x].dep[i]))
            return c->w[x].dep[i];
    return -1;
}

/* A "with" or "from" phrase after a verb's object hangs from the verb in
 * the trees the dictionaries' patterns were written for (CoreNLP's:
 * "(VP faces (NP pressure) (PP from Congress))", "(VP signed (NP a protocol)
 * (PP with Dagolath))"); parsers trained on UD hang it from the noun as often
 * as not. Other prepositions ("responsibility for", "a summit in", "evidence
 * against") stay with the noun. */
static int object_pps(cx *c, int *root)
{
    static const char *const verb_preps[] = {"with", "from", NULL};
    (void)root;
    int changed = 0;
    for (int p = 0; p < c->n; p++) {
        int o = c->w[p].head, k = case_of(c, p);
        if (rel(c, p) != R_NMOD || o < 0 || p < o || rel(c, o) != R_OBJ || k < 0 ||
            !one_of(c->w[k].form, verb_preps) || strncmp(tag(c, o), "NN", 2) ||
            !is_verb_tag(tag(c, c->w[o].head)))
            continue;
        c->w[p].head = c->w[o].head;
        c->w[p].rel = R_OBL;
        changed = 1;
    }
    return changed;
}

/* The repairs in the order dyad_conllu_to_tree runs them: earlier ones
 * change what later ones see. */
int (*const dyad_deptree__repairs[])(cx *, int *) = {
    hoist_cases,
    fronted_object,
    promote_verb,
    headline_infinitive,
    verb_from_modifier,
    subjectless_clauses,
    acl_on_subject,
    clause_in_pp,
    day_subject_clause,
    clause_after_cc,
    double_subject,
    coordinated_subjects,
    bare_relative,
    determiner_on_verb,
    preconj_on_verb,
    time_subjects,
    reporting_root,
    trailing_report,
    control_complements,
    trailing_commas,
    object_pps,
};

const size_t dyad_deptree__nrepairs =
    sizeof dyad_deptree__repairs / sizeof *dyad_deptree__repairs;
