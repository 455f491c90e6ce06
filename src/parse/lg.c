/* lg.c: the built-in parser (see lg.h).
 *
 * The steps, one section each below, in this order:
 *   1. prep:    the text as link-grammar will see it (quotes, dashes, headline
 *               case, capitalised runs merged into one proper noun), with a map
 *               from every byte of it back to the original text;
 *   2. import:  the words (subscripts, spans) and links of one linkage;
 *   3. heads:   one head per word chosen among its links by the kind of link,
 *               clause links moved from the subject noun to its verb, cycles
 *               broken, crossing arcs lifted: a projective dependency tree; a
 *               few repairs of readings link-grammar gets wrong on news text;
 *   4. tags:    Penn part-of-speech tags from subscripts, closed word lists and
 *               the chosen relations;
 *   5. phrases: the dependency tree projected into S / SBAR / NP / VP / PP /
 *               ADJP / ADVP the way CoreNLP brackets news text, since the coders'
 *               rules were written against CoreNLP trees;
 *   6. output:  the phrase tree copied into a dyad_tree with byte spans;
 *   7. parse:   cheap readings first, then all readings and null links ranked
 *               together, within the time limit; the first K linkages of each
 *               attempt are converted and scored by what the coders need.
 * DYAD_LG_TRACE=1 (or 2) in the environment prints the candidates, their
 * penalties and the chosen dependency tree on stderr.
 */
#include "parse/lg.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <link-grammar/link-includes.h>
#include <link-grammar/dict-api.h>

struct dyad_lg {
    Dictionary dict;
    Parse_Options po;
    dyad_lg_opts o;
    dyad_lg_stats st;
    int max_null;       /* null links allowed in the piece being parsed: -1 any number,
                         * 0 none, else at most that many (by its length) */
    dyad_arena *scratch; /* one sentence's working memory, reset for each */
};

static double lg__now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

static int lg__nomem(void) { return dyad_set_error(DYAD_ENOMEM, "out of memory"); }

static int lg__eq(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* Is w (lower case) one of the NULL-terminated list? */
static int lg__in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (lg__eq(w, *list))
            return 1;
    return 0;
}

/* ==== 1. prep ============================================================= */

/* The parser's input: s[0..n) and, for every byte of it, the span of the
 * original text it stands for and the merged run it belongs to (-1 none). */
typedef struct lgrun {
    int s, e;         /* original span of the whole run */
} lgrun;

typedef struct prep {
    char *s;
    int n, cap;
    int *os, *oe, *run;
    lgrun *runs;
    int nruns, runcap;
    dyad_arena *a;
    int err;
} prep;

static void prep_put(prep *p, const char *s, int len, int os, int oe, int run)
{
    if (p->err)
        return;
    if (p->n + len + 1 > p->cap) {
        int cap = p->cap ? p->cap * 2 : 256;
        while (cap < p->n + len + 1)
            cap *= 2;
        char *ns = dyad_arena_alloc(p->a, (size_t)cap);
        int *nos = dyad_arena_alloc(p->a, (size_t)cap * sizeof(int));
        int *noe = dyad_arena_alloc(p->a, (size_t)cap * sizeof(int));
        int *nrun = dyad_arena_alloc(p->a, (size_t)cap * sizeof(int));
        if (!ns || !nos || !noe || !nrun) {
            p->err = DYAD_ENOMEM;
            return;
        }
        if (p->n) {
            memcpy(ns, p->s, (size_t)p->n);
            memcpy(nos, p->os, (size_t)p->n * sizeof(int));
            memcpy(noe, p->oe, (size_t)p->n * sizeof(int));
            memcpy(nrun, p->run, (size_t)p->n * sizeof(int));
        }
        p->s = ns, p->os = nos, p->oe = noe, p->run = nrun, p->cap = cap;
    }
    for (int i = 0; i < len; i++) {
        p->s[p->n] = s[i];
        p->os[p->n] = os;
        p->oe[p->n] = oe;
        p->run[p->n] = run;
        p->n++;
    }
    p->s[p->n] = 0;
}

/* A whitespace-separated chunk of the original text and its core: the chunk
 * without leading and trailing punctuation and possessive 's. */
typedef struct chunk {
    int s, e;        /* chunk */
    int cs, ce;      /* core */
    int name;        /* the core may be part of a capitalised name */
    int connector;   /* "of" between two name words */
} chunk;

static int is_space_byte(unsigned char c) { return c <= ' ' || c == 0x7f; }

/* Length of a UTF-8 quote or dash at t (0 if none); *kind: '"' double quote,
 * '\'' single quote, '-' dash, '.' ellipsis, ' ' no-break space. */
static int utf8_punct(const char *t, int n, char *kind)
{
    const unsigned char *u = (const unsigned char *)t;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return *kind = ' ', 2;
    if (n < 3 || u[0] != 0xE2 || u[1] != 0x80)
        return 0;
    switch (u[2]) {
    case 0x9C: case 0x9D: case 0x9E: *kind = '"'; return 3;
    case 0x98: case 0x99: case 0x9A: *kind = '\''; return 3;
    case 0x93: case 0x94: case 0x95: *kind = '-'; return 3;
    case 0xA6: *kind = '.'; return 3;
    default: return 0;
    }
}

static int is_edge_punct(const char *t, int n, int *len)
{
    char k;
    int m = utf8_punct(t, n, &k);
    if (m && k != ' ') {
        *len = m;
        return 1;
    }
    *len = 1;
    return n > 0 && strchr("\"'`([{)]},.;:!?", t[0]) != NULL;
}

static const char *const lg_months_days[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", NULL};

static void lower_copy(char *dst, size_t cap, const char *s, int n)
{
    size_t k = 0;
    for (int i = 0; i < n && k + 1 < cap; i++)
        dst[k++] = (char)tolower((unsigned char)s[i]);
    dst[k] = 0;
}

/* Finds the core of the chunk [s, e). */
static void chunk_core(const char *t, chunk *c)
{
    int s = c->s, e = c->e, len;
    while (s < e && is_edge_punct(t + s, e - s, &len))
        s += len;
    while (e > s) {
        /* possessive 's / ’s */
        if (e - s > 2 && (t[e - 1] == 's' || t[e - 1] == 'S') && t[e - 2] == '\'') {
            e -= 2;
            continue;
        }
        if (e - s > 4 && (t[e - 1] == 's' || t[e - 1] == 'S') &&
            !memcmp(t + e - 4, "\xE2\x80\x99", 3)) {
            e -= 4;
            continue;
        }
        int k = 1;
        char kind;
        if (e - s >= 3 && utf8_punct(t + e - 3, 3, &kind) == 3 && kind != ' ')
            k = 3;
        else if (!strchr("\"'`)]},;:!?", t[e - 1]) && !(t[e - 1] == '.' && e - s > 1 &&
                                                         !strchr(".", t[e - 2]) &&
                                                         !memchr(t + s, '.', (size_t)(e - 1 - s))))
            break;
        e -= k;
    }
    c->cs = s;
    c->ce = e;
}

/* Words that start sentences without being names. */
static const char *const lg_closed_first[] = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "by", "for", "with",
    "from", "to", "of", "after", "before", "since", "during", "as", "if", "when", "while",
    "although", "though", "but", "and", "or", "yet", "so", "he", "she", "it", "we", "they",
    "i", "you", "there", "his", "her", "its", "their", "our", "my", "your", "some", "many",
    "most", "all", "both", "each", "every", "no", "not", "one", "two", "three", "several",
    "what", "who", "which", "where", "why", "how", "whether", "under", "over", "despite",
    "amid", "according", "following", "meanwhile", "however", "also", "earlier", "later",
    "now", "then", "today", "yesterday", "last", "next", "more", "other", "another", "such",
    "only", "even", "still", "about", "around", "near", "without", "within", "against",
    "between", "among", "through", "across", "until", "unless", "because", "once", NULL};

/* Could this core be part of a capitalised name? first: the sentence's first word. */
static int name_word(const dyad_lg *p, const char *t, const chunk *c, int first)
{
    int n = c->ce - c->cs;
    const char *w = t + c->cs;
    if (n < 1 || n > 40 || !isupper((unsigned char)w[0]))
        return 0;
    for (int i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (!(isalnum(ch) || ch == '-' || ch == '.' || ch == '\'' || ch >= 0x80))
            return 0;
    }
    char low[48];
    lower_copy(low, sizeof low, w, n);
    if (lg__in(low, lg_months_days) || lg__eq(low, "i"))
        return 0;
    if (first && lg__in(low, lg_closed_first))
        return 0; /* "The", "Before": a function word in first position */
    (void)p;
    return 1;
}

/* Headlines in capitals: is the text (mostly) upper case? */
static int all_caps(const char *t, int n)
{
    int up = 0, lo = 0;
    for (int i = 0; i < n; i++) {
        if (isupper((unsigned char)t[i]))
            up++;
        else if (islower((unsigned char)t[i]))
            lo++;
    }
    return up >= 6 && lo * 5 < up;
}

/* Re-cases one word of an all-capitals text in place: lower case when
 * link-grammar knows it so, else capitalised (a name). */
static void recase_word(const dyad_lg *p, char *w, int n, int first)
{
    char low[64];
    if (n <= 0 || n >= (int)sizeof low)
        return;
    lower_copy(low, sizeof low, w, n);
    int known = dictionary_word_is_known(p->dict, low);
    for (int i = 0; i < n; i++)
        w[i] = (char)((i == 0 && (first || !known)) ? toupper((unsigned char)low[i]) : low[i]);
}

/* Bytes of white space at t[i] (a blank, a control byte, a no-break space); 0 if none.
 * An underscore between two letters or digits also separates words: it is how
 * PETRARCH dictionaries join the words of a phrase ("Dol_Amroth"), and text
 * that writes one means those words. */
static int space_len(const char *t, int n, int i)
{
    char kind;
    if (is_space_byte((unsigned char)t[i]))
        return 1;
    if (t[i] == '_' && i > 0 && i + 1 < n && isalnum((unsigned char)t[i - 1]) &&
        isalnum((unsigned char)t[i + 1]))
        return 1;
    int m = utf8_punct(t + i, n - i, &kind);
    return m && kind == ' ' ? m : 0;
}

static int split_chunks(const char *t, int n, chunk *ch, int max)
{
    int k = 0, i = 0, m;
    while (i < n && k < max) {
        while (i < n && (m = space_len(t, n, i)) > 0)
            i += m;
        if (i >= n)
            break;
        int s = i;
        while (i < n && !space_len(t, n, i))
            i++;
        ch[k].s = s;
        ch[k].e = i;
        chunk_core(t, &ch[k]);
        /* an initial ("George W. Bush") keeps its full stop when a capitalised
         * word follows: link-grammar would read the stop as the sentence's end */
        int j = i;
        while (j < n && (m = space_len(t, n, j)) > 0)
            j += m;
        if (ch[k].ce - ch[k].cs == 1 && ch[k].ce < ch[k].e && t[ch[k].ce] == '.' &&
            isupper((unsigned char)t[ch[k].cs]) && j < n && isupper((unsigned char)t[j]))
            ch[k].ce++;
        k++;
    }
    return k;
}

/* Marks capitalised runs (two or more name words, "of" allowed between two of
 * them) and records them in p->runs; *runof[i] = run index of chunk i or -1. */
static int find_runs(prep *p, const dyad_lg *lg, const char *t, chunk *ch, int nch, int *runof)
{
    for (int i = 0; i < nch; i++) {
        runof[i] = -1;
        ch[i].name = name_word(lg, t, &ch[i], i == 0);
    }
    int i = 0;
    while (i < nch) {
        if (!ch[i].name || ch[i].ce != ch[i].e) {
            i++;
            continue;
        }
        /* the run grows while the previous word has no trailing punctuation and
         * the next has no leading punctuation */
        int j = i, words = 1;
        while (j + 1 < nch && ch[j].ce == ch[j].e) {
            chunk *nx = &ch[j + 1];
            if (nx->cs != nx->s)
                break;
            if (nx->name) {
                j++;
                words++;
                if (nx->ce != nx->e)
                    break;
                continue;
            }
            int of = nx->ce - nx->cs == 2 && !strncmp(t + nx->cs, "of", 2) && nx->ce == nx->e;
            if (of && j + 2 < nch && ch[j + 2].name && ch[j + 2].cs == ch[j + 2].s) {
                j += 2;
                words++;
                if (ch[j].ce != ch[j].e)
                    break;
                continue;
            }
            break;
        }
        if (words >= 2) {
            if (p->nruns == p->runcap) { /* doubled: linear in the number of runs */
                int cap = p->runcap ? 2 * p->runcap : 8;
                lgrun *r = dyad_arena_alloc(p->a, (size_t)cap * sizeof *r);
                if (!r)
                    return DYAD_ENOMEM;
                if (p->nruns)
                    memcpy(r, p->runs, (size_t)p->nruns * sizeof *r);
                p->runs = r;
                p->runcap = cap;
            }
            p->runs[p->nruns] = (lgrun){ch[i].cs, ch[j].ce};
            for (int k = i; k <= j; k++)
                runof[k] = p->nruns;
            p->nruns++;
        }
        i = j + 1;
    }
    return 0;
}

/* The placeholder link-grammar sees for a run: its last word when that is a
 * plain word (so that "States" stays plural), else a made-up name. */
static void run_placeholder(const char *t, const lgrun *r, char *out, size_t cap)
{
    int e = r->e, s = e;
    while (s > r->s && !is_space_byte((unsigned char)t[s - 1]))
        s--;
    int plain = e - s >= 2 && e - s < (int)cap, roman = 1;
    for (int i = s; i < e && plain; i++) {
        plain = isalpha((unsigned char)t[i]) != 0;
        roman &= strchr("IVXLC", t[i]) != NULL;
    }
    plain &= !roman; /* "Pope John Paul II": link-grammar reads "II" as a number */
    if (plain) {
        memcpy(out, t + s, (size_t)(e - s));
        out[e - s] = 0;
        out[0] = (char)toupper((unsigned char)out[0]);
        return;
    }
    snprintf(out, cap, "%s", (e > s && (t[e - 1] == 's')) ? "Zorbans" : "Zorban");
}

/* Length of the valid UTF-8 character at t (n bytes available), 0 if invalid. */
static int utf8_len(const char *t, int n)
{
    const unsigned char *u = (const unsigned char *)t;
    int len = u[0] < 0x80 ? 1 : (u[0] & 0xE0) == 0xC0 ? 2 : (u[0] & 0xF0) == 0xE0 ? 3
              : (u[0] & 0xF8) == 0xF0                  ? 4
                                                       : 0;
    if (!len || len > n || (len == 2 && u[0] < 0xC2) || (len == 4 && u[0] > 0xF4))
        return 0;
    for (int k = 1; k < len; k++)
        if ((u[k] & 0xC0) != 0x80)
            return 0;
    if (len == 3 && ((u[0] == 0xE0 && u[1] < 0xA0) || (u[0] == 0xED && u[1] >= 0xA0)))
        return 0; /* overlong, surrogate */
    if (len == 4 && ((u[0] == 0xF0 && u[1] < 0x90) || (u[0] == 0xF4 && u[1] >= 0x90)))
        return 0;
    return len;
}

/* Appends the bytes t[s..e) of one chunk, normalising quotes and dashes. */
static void prep_chunk_bytes(prep *p, const char *t, int s, int e)
{
    int i = s;
    while (i < e) {
        char kind;
        int m = utf8_punct(t + i, e - i, &kind);
        if (m) {
            if (kind == '"')
                prep_put(p, "\"", 1, i, i + m, -1);
            else if (kind == '\'')
                prep_put(p, "'", 1, i, i + m, -1);
            else if (kind == '.')
                prep_put(p, "...", 3, i, i + m, -1);
            else if (kind == '-' && i > s && i + m < e && isdigit((unsigned char)t[i - 1]) &&
                     isdigit((unsigned char)t[i + m]))
                prep_put(p, "-", 1, i, i + m, -1);
            else {
                prep_put(p, " ", 1, i, i, -1);
                prep_put(p, "--", 2, i, i + m, -1);
                prep_put(p, " ", 1, i + m, i + m, -1);
            }
            i += m;
            continue;
        }
        if ((t[i] == '`' || t[i] == '\'') && i + 1 < e && t[i + 1] == t[i]) {
            prep_put(p, " \" ", 3, i, i + 2, -1);
            i += 2;
            continue;
        }
        if (t[i] == '-' && i + 1 < e && t[i + 1] == '-') {
            int k = i;
            while (k < e && t[k] == '-')
                k++;
            prep_put(p, " -- ", 4, i, k, -1);
            i = k;
            continue;
        }
        if (t[i] == '`') {
            prep_put(p, "'", 1, i, i + 1, -1);
            i++;
            continue;
        }
        int u = utf8_len(t + i, e - i);
        if (u <= 0) { /* not UTF-8: link-grammar must never see it */
            prep_put(p, "?", 1, i, i + 1, -1);
            i++;
            continue;
        }
        prep_put(p, t + i, u, i, i + u, -1);
        for (int k = 1; k < u; k++) /* the whole character maps to its bytes */
            p->os[p->n - u + k] = i, p->oe[p->n - u + k] = i + u;
        p->os[p->n - u] = i;
        p->oe[p->n - u] = i + u;
        i += u;
    }
}

/* Builds p from text[0..n): the original text is read through a working copy
 * that may be re-cased (same length). */
static int prep_build(prep *p, const dyad_lg *lg, const char *text, int n, dyad_arena *a)
{
    memset(p, 0, sizeof *p);
    p->a = a;
    char *t = dyad_arena_strndup(a, text, (size_t)n);
    int maxch = n / 2 + 2;
    chunk *ch = dyad_arena_alloc(a, (size_t)maxch * sizeof *ch);
    int *runof = dyad_arena_alloc(a, (size_t)maxch * sizeof *runof);
    if (!t || !ch || !runof)
        return DYAD_ENOMEM;
    for (int i = 0; i < n; i++)
        if (!t[i])
            t[i] = ' ';
    int nch = split_chunks(t, n, ch, maxch);
    if (all_caps(t, n))
        for (int i = 0; i < nch; i++)
            recase_word(lg, t + ch[i].cs, ch[i].ce - ch[i].cs, i == 0);
    if (lg->o.merge_names && find_runs(p, lg, t, ch, nch, runof))
        return DYAD_ENOMEM;
    for (int i = 0; i < nch; i++) {
        if (p->n)
            prep_put(p, " ", 1, ch[i].s, ch[i].s, -1);
        int r = runof[i];
        if (r < 0) {
            prep_chunk_bytes(p, t, ch[i].s, ch[i].e);
            continue;
        }
        /* a run: leading punctuation of its first chunk, the placeholder,
         * trailing punctuation of its last chunk */
        int j = i;
        while (j + 1 < nch && runof[j + 1] == r)
            j++;
        prep_chunk_bytes(p, t, ch[i].s, ch[i].cs);
        char ph[48];
        run_placeholder(t, &p->runs[r], ph, sizeof ph);
        prep_put(p, ph, (int)strlen(ph), p->runs[r].s, p->runs[r].e, r);
        prep_chunk_bytes(p, t, ch[j].ce, ch[j].e);
        i = j;
    }
    if (!p->s)
        prep_put(p, "", 0, 0, 0, -1);
    return p->err;
}

/* ==== 2. import: one linkage as words and links ============================ */

enum { C_NONE, C_WALL, C_NOUN, C_PRON, C_VERB, C_ADJ, C_ADV, C_PREP, C_DET, C_CONJ, C_TO,
       C_NUM, C_PUNCT, C_POS, C_COMP, C_WH, C_PART, C_OTHER };

enum { R_NONE, R_ROOT, R_SUBJ, R_OBJ, R_POBJ, R_DET, R_MOD, R_POSS, R_NMOD, R_APPOS, R_ADV,
       R_VCH, R_PRED, R_INF, R_COMP, R_REPORT, R_RELCL, R_RELPRO, R_NEG, R_PRT, R_CONJ,
       R_PUNCT, R_IDIOM, R_OPENER, R_FLAT, R_DEP };

typedef struct gword {
    const char *lg;     /* link-grammar's word, e.g. "said.q-d" */
    char base[48];      /* lower-case surface (truncated) */
    char sub[16];       /* subscript ("v-d"), "" when none */
    char guess[32];     /* the regex class of a guessed word ("CAPITALIZED-WORDS"), "" */
    int unknown, nul, wall;
    int os, oe;         /* original span */
    int run;            /* merged run, -1 */
    const char *text;   /* surface text */
    int head, rel, prio, hlink; /* the chosen head, relation, its priority, the link */
    int cat;
    const char *tag;
    int first;          /* first real word of the sentence */
} gword;

typedef struct glink {
    int l, r;
    char lab[24];       /* full label, e.g. "Ss*s" */
    char type[8];       /* the upper-case prefix ("Ss*s" -> "S"), "_I" for idioms */
} glink;

typedef struct graph {
    gword *w;
    int nw;
    glink *k;
    int nk;
    const char *text;   /* the original text */
    const prep *pp;
    dyad_arena *a;
    float dcost;
    int lcost, unused, violation;
} graph;

static void split_lgword(gword *g, const char *s)
{
    size_t n = strlen(s);
    if (n > 2 && s[0] == '[' && s[n - 1] == ']') {
        g->nul = 1;
        return;
    }
    const char *br = strchr(s, '[');
    if (br && br != s) {
        g->unknown = 1;
        const char *lt = strchr(br, '<');
        const char *gt = lt ? strchr(lt, '>') : NULL;
        if (lt && gt && gt - lt - 1 < (long)sizeof g->guess)
            memcpy(g->guess, lt + 1, (size_t)(gt - lt - 1));
    }
    /* the subscript: after the last '.', when that is followed by lower-case
     * letters, digits, '-' or '#' only, and something precedes it */
    const char *dot = strrchr(s, '.');
    if (!dot || dot == s || !dot[1])
        return;
    const char *q = dot + 1;
    for (; *q; q++)
        if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '-' || *q == '#'))
            return;
    if (q - dot - 1 < (long)sizeof g->sub)
        memcpy(g->sub, dot + 1, (size_t)(q - dot - 1));
}

static void link_type(glink *k)
{
    const char *l = k->lab;
    int i = 0;
    if (l[0] == '_') {
        memcpy(k->type, "_I", 3);
        return;
    }
    while (l[i] && isupper((unsigned char)l[i]) && i < (int)sizeof k->type - 1) {
        k->type[i] = l[i];
        i++;
    }
    k->type[i] = 0;
}

/* The original span of link-grammar's bytes [bs, be) of the prepared text. */
static void orig_span(const prep *pp, int bs, int be, int *os, int *oe, int *run)
{
    *os = *oe = -1;
    *run = -1;
    if (bs < 0 || be > pp->n || bs >= be)
        return;
    *os = pp->os[bs];
    *oe = pp->oe[be - 1];
    *run = pp->run[bs];
}

static int import_words(graph *g, Linkage lk)
{
    g->nw = (int)linkage_get_num_words(lk);
    g->w = dyad_arena_alloc(g->a, (size_t)(g->nw + 1) * sizeof *g->w);
    if (!g->w)
        return DYAD_ENOMEM;
    int seen_first = 0;
    for (int i = 0; i < g->nw; i++) {
        gword *w = &g->w[i];
        w->lg = linkage_get_word(lk, (WordIdx)i);
        w->head = -1;
        w->hlink = -1;
        if (!w->lg)
            w->lg = "";
        if (lg__eq(w->lg, "LEFT-WALL") || lg__eq(w->lg, "RIGHT-WALL")) {
            w->wall = 1;
            w->os = w->oe = -1;
            w->run = -1;
            w->text = "";
            continue;
        }
        split_lgword(w, w->lg);
        int bs = (int)linkage_get_word_byte_start(lk, (WordIdx)i);
        int be = (int)linkage_get_word_byte_end(lk, (WordIdx)i);
        orig_span(g->pp, bs, be, &w->os, &w->oe, &w->run);
        if (w->os < 0 || w->oe <= w->os) {
            w->text = "";
            continue;
        }
        w->text = dyad_arena_strndup(g->a, g->text + w->os, (size_t)(w->oe - w->os));
        if (!w->text)
            return DYAD_ENOMEM;
        lower_copy(w->base, sizeof w->base, w->text, w->oe - w->os);
        w->first = !seen_first;
        seen_first = 1;
    }
    return 0;
}

static int import_links(graph *g, Linkage lk)
{
    g->nk = (int)linkage_get_num_links(lk);
    g->k = dyad_arena_alloc(g->a, (size_t)(g->nk + 1) * sizeof *g->k);
    if (!g->k)
        return DYAD_ENOMEM;
    int m = 0;
    for (int i = 0; i < g->nk; i++) {
        glink *k = &g->k[m];
        k->l = (int)linkage_get_link_lword(lk, (LinkIdx)i);
        k->r = (int)linkage_get_link_rword(lk, (LinkIdx)i);
        const char *lab = linkage_get_link_label(lk, (LinkIdx)i);
        if (k->l < 0 || k->r < 0 || k->l >= g->nw || k->r >= g->nw || !lab)
            continue;
        snprintf(k->lab, sizeof k->lab, "%s", lab);
        link_type(k);
        m++;
    }
    g->nk = m;
    return 0;
}

/* ==== 3. heads ============================================================== */

/* Words that start a phrase of their own kind, by their lower-case form. */
static const char *const lg_modals[] = {"can", "could", "will", "would", "shall", "should",
                                        "may", "might", "must", "ca", "wo", NULL};
static const char *const lg_be_forms[] = {"be", "is", "are", "was", "were", "been", "being",
                                          "am", "'s", "'re", "'m", NULL};

static const char *const lg_pronouns[] = {
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "myself",
    "yourself", "himself", "herself", "itself", "ourselves", "themselves", "one", NULL};
static const char *const lg_possessives[] = {"my", "your", "his", "her", "its", "our", "their",
                                             NULL};
static const char *const lg_wh[] = {"which", "who", "whom", "whose", "what", "where", "when",
                                    "why", "how", NULL};
static const char *const lg_dets[] = {
    "the", "a", "an", "this", "that", "these", "those", "every", "each", "some", "any", "no",
    "another", "all", "both", "either", "neither", "such", "what", "whatever", "many", "much",
    "few", "several", "more", "most", "less", "least", "other", "half", NULL};
static const char *const lg_preps[] = {
    "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "over", "under",
    "about", "against", "between", "among", "through", "during", "without", "within", "after",
    "before", "since", "until", "till", "across", "along", "around", "behind", "beyond",
    "despite", "near", "off", "out", "toward", "towards", "upon", "via", "amid", "amidst",
    "throughout", "above", "below", "beneath", "beside", "besides", "inside", "outside", "per",
    "like", "unlike", "as", "than", "because", "while", "although", "though", "if", "unless",
    "whether", "whereas", "once", "following", "including", "regarding", "concerning", NULL};
static const char *const lg_adverbs[] = {
    "almost", "nearly", "just", "only", "also", "again", "still", "already", "even", "soon",
    "now", "then", "here", "later", "earlier", "ago", "very", "too", "so", "well", "once",
    "never", "always", "often", "recently", "currently", "reportedly", "allegedly", "together",
    "away", "back", "further", "instead", "meanwhile", "however", "yet", "ever", "rather",
    "quite", "especially", "particularly", "mainly", "mostly", "largely", "roughly",
    "approximately", "some", "about", "around", "over", "under", "up", "down", NULL};
static const char *const lg_conjs[] = {"and", "or", "but", "nor", "&", "plus", "yet", NULL};
static const char *const lg_numbers[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "trillion", "dozen", "hundreds", "thousands", "millions",
    "billions", "dozens", NULL};

/* The rule for one link: which end is the head, the relation, the priority
 * (higher wins when a word has several candidate heads). */
typedef struct lrule {
    int head_left; /* 1: the left word is the head */
    int rel, prio;
} lrule;

static int tis(const glink *k, const char *t) { return lg__eq(k->type, t); }

/* The coordination links (SJ, VJ, MJ, AJ, RJ, IJ, CJ, ...): "SJls" joins the
 * left conjunct to the conjunction, "SJrs" the conjunction to the right one. */
static int conj_link(const glink *k, lrule *r)
{
    size_t n = strlen(k->type);
    if (n != 2 || k->type[1] != 'J' || k->type[0] == 'X' || k->type[0] == 'O')
        return 0;
    char side = k->lab[2];
    if (side != 'l' && side != 'r')
        return 0;
    *r = (lrule){side == 'r', R_CONJ, 80};
    return 1;
}

static lrule rule_for(const glink *k)
{
    lrule r = {1, R_DEP, 15};
    const char *t = k->type;
    if (conj_link(k, &r))
        return r;
    if (tis(k, "_I"))
        return (lrule){0, R_IDIOM, 90};
    if (tis(k, "S") || tis(k, "SF") || tis(k, "SX") || tis(k, "SFI") || tis(k, "SXI"))
        return (lrule){t[2] == 'I' ? 1 : 0, R_SUBJ, 70};
    if (tis(k, "SI"))
        return (lrule){1, R_SUBJ, 70};
    if (tis(k, "D") || tis(k, "DD") || tis(k, "DG") || tis(k, "DT") || tis(k, "DP") ||
        tis(k, "DTn") || tis(k, "DTi"))
        return (lrule){0, R_DET, 65};
    if (tis(k, "A") || tis(k, "AN") || tis(k, "AA") || tis(k, "G") || tis(k, "GN") ||
        tis(k, "ND") || tis(k, "NN") || tis(k, "NA") || tis(k, "NIf") || tis(k, "NS"))
        return (lrule){0, R_MOD, 65};
    if (tis(k, "YS") || tis(k, "YP"))
        return (lrule){0, R_POSS, 65};
    if (t[0] == 'J' || tis(k, "ON"))
        return (lrule){1, R_POBJ, 65};
    if (tis(k, "O") || tis(k, "OT") || tis(k, "OD") || tis(k, "OX"))
        return (lrule){1, R_OBJ, 60};
    if (tis(k, "OF"))
        return (lrule){1, R_ADV, 60};
    if (tis(k, "I") || tis(k, "PP") || tis(k, "IN"))
        return (lrule){1, R_VCH, 60};
    if (tis(k, "P"))
        return (lrule){1, (k->lab[1] == 'v' || k->lab[1] == 'g') ? R_VCH : R_PRED, 60};
    if (tis(k, "TO"))
        return (lrule){1, R_INF, 60};
    if (tis(k, "N"))
        return (lrule){1, R_NEG, 60};
    if (tis(k, "K"))
        return (lrule){1, R_PRT, 60};
    if (tis(k, "RS"))
        return (lrule){0, R_RELPRO, 60};
    if (tis(k, "CV") || tis(k, "TH") || tis(k, "TS"))
        return (lrule){1, R_COMP, 55};
    if (tis(k, "CP") || tis(k, "CQ"))
        return (lrule){1, R_REPORT, 55};
    if (tis(k, "WV"))
        return (lrule){1, R_ROOT, 55};
    if (t[0] == 'W')
        return (lrule){1, R_ROOT, k->lab[1] == 'd' ? 50 : 52};
    if (t[0] == 'C' && !t[1])
        return (lrule){1, R_COMP, 50};
    if (tis(k, "CO"))
        return (lrule){0, R_OPENER, 40};
    if (tis(k, "B"))
        return (lrule){1, R_RELCL, 45};
    if (tis(k, "E") || tis(k, "EA") || tis(k, "EE") || tis(k, "EN") || tis(k, "EC") ||
        tis(k, "EZ") || tis(k, "EI") || tis(k, "EL"))
        return (lrule){0, R_ADV, 45};
    if (tis(k, "MV"))
        return (lrule){1, R_ADV, 40};
    if (tis(k, "MX"))
        return (lrule){1, R_APPOS, 38};
    if (t[0] == 'M' && !(t[1] && t[1] != 'X' && isupper((unsigned char)t[1])))
        return (lrule){1, R_NMOD, 38};
    if (tis(k, "Y") || tis(k, "L"))
        return (lrule){0, R_MOD, 50};
    if (tis(k, "TM") || tis(k, "TD") || tis(k, "TY") || tis(k, "TW") || tis(k, "TA") ||
        tis(k, "NM") || tis(k, "NI"))
        return (lrule){1, R_FLAT, 50};
    if (tis(k, "X")) {
        if (k->lab[1] == 'd')
            return (lrule){0, R_PUNCT, 30};
        return (lrule){1, R_PUNCT, 30};
    }
    if (tis(k, "EB"))
        return (lrule){1, R_ADV, 30};
    if (tis(k, "R"))
        return (lrule){1, R_RELPRO, 20};
    if (tis(k, "IV"))
        return (lrule){1, R_VCH, 5};
    if (tis(k, "PH") || tis(k, "RW") || tis(k, "LI"))
        return (lrule){1, R_NONE, 0};
    return r;
}

/* Does word w have a link of this type (any side)? Returns the link or NULL. */
static const glink *link_of(const graph *g, int w, const char *type, int as_left)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        if ((as_left ? k->l : k->r) == w && tis(k, type))
            return k;
    }
    return NULL;
}

/* Is w linked as the subject of a verb? Returns the verb, else -1. */
static int subject_of(const graph *g, int w)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        lrule r = rule_for(k);
        if (r.rel != R_SUBJ)
            continue;
        int dep = r.head_left ? k->r : k->l, head = r.head_left ? k->l : k->r;
        if (dep == w)
            return head;
    }
    return -1;
}

static int is_noun_sub(const char *sub);
static int is_verb_sub(const char *sub);

/* Can this word govern a verb chain (an auxiliary, a modal, "to")? */
static int verb_like(const gword *x)
{
    return (x->sub[0] == 'v' || x->sub[0] == 'q' || x->sub[0] == 'w') ||
           lg__in(x->base, lg_modals) || lg__eq(x->base, "to") || lg__eq(x->base, "not");
}

/* A verb or a modal: a word that can carry a clause's tense. */
static int finite_like(const gword *x)
{
    return (x->sub[0] == 'v' || x->sub[0] == 'q' || x->sub[0] == 'w') ||
           lg__in(x->base, lg_modals);
}

/* The top of a verb chain: from a content verb up through the auxiliaries
 * that govern it ("has been attacked" -> "has"). */
static int chain_top(const graph *g, int v)
{
    for (int guard = 0; guard < 8; guard++) {
        int up = -1;
        for (int i = 0; i < g->nk && up < 0; i++) {
            const glink *k = &g->k[i];
            if (k->r != v || k->l >= v || g->w[k->l].wall || !finite_like(&g->w[k->l]))
                continue;
            lrule r = rule_for(k);
            if (r.rel == R_VCH && r.prio >= 60)
                up = k->l;
        }
        if (up < 0)
            return v;
        v = up;
    }
    return v;
}

/* Candidate heads of one word. */
typedef struct cand {
    int head, rel, prio, link;
} cand;

typedef struct cands {
    cand c[12];
    int n, pick;
} cands;

static void add_cand(cands *cs, int head, int rel, int prio, int link)
{
    for (int i = 0; i < cs->n; i++)
        if (cs->c[i].head == head) {
            if (prio > cs->c[i].prio)
                cs->c[i] = (cand){head, rel, prio, link};
            return;
        }
    if (cs->n < 12)
        cs->c[cs->n++] = (cand){head, rel, prio, link};
}

/* Where a link that points at a clause through its subject (C, Wd, CO) or
 * at a content verb (CV, WV, CP, B, VJ) really lands: the clause's finite verb. */
static int clause_target(const graph *g, int w, int rel)
{
    if (g->w[w].wall)
        return w;
    int v = subject_of(g, w);
    if (v >= 0 && (rel == R_ROOT || rel == R_COMP || rel == R_OPENER || rel == R_REPORT))
        return v;
    return chain_top(g, w);
}

static void collect_cands(const graph *g, cands *cs)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        lrule r = rule_for(k);
        if (r.rel == R_NONE)
            continue;
        int head = r.head_left ? k->l : k->r, dep = r.head_left ? k->r : k->l;
        if (tis(k, "L")) {
            /* "the state's fiercest foe": the superlative modifies the noun the
             * determiner belongs to */
            const glink *d = link_of(g, k->l, "D", 1);
            if (!d)
                continue;
            head = d->r;
            dep = k->r;
        }
        if (r.rel == R_ROOT || r.rel == R_COMP || r.rel == R_REPORT || r.rel == R_RELCL ||
            (r.rel == R_CONJ && r.head_left))
            dep = clause_target(g, dep, r.rel);
        if (r.rel == R_OPENER)
            head = clause_target(g, head, r.rel);
        if (dep == head || g->w[dep].wall)
            continue;
        if (r.rel == R_ROOT && !g->w[head].wall)
            r.rel = R_CONJ; /* "and.ij -WV- said": a clause joined by a conjunction */
        add_cand(&cs[dep], head, r.rel, r.prio, i);
    }
    for (int w = 0; w < g->nw; w++) {
        cands *c = &cs[w];
        /* best first; equal priority: the nearer head */
        for (int i = 1; i < c->n; i++)
            for (int j = i; j > 0; j--) {
                cand *x = &c->c[j - 1], *y = &c->c[j];
                int dx = abs(x->head - w), dy = abs(y->head - w);
                if (y->prio > x->prio || (y->prio == x->prio && dy < dx)) {
                    cand t = *x;
                    *x = *y;
                    *y = t;
                } else {
                    break;
                }
            }
        c->pick = 0;
    }
}

static int cur_head(const cands *cs, int w)
{
    const cands *c = &cs[w];
    return c->pick < c->n ? c->c[c->pick].head : -1;
}

/* Breaks cycles: the member of a cycle whose current link is weakest moves to
 * its next candidate. */
static void break_cycles(const graph *g, cands *cs)
{
    for (int round = 0; round < g->nw * 4; round++) {
        int changed = 0;
        for (int w = 0; w < g->nw && !changed; w++) {
            int x = w, steps = 0;
            while (x >= 0 && steps <= g->nw) {
                x = cur_head(cs, x);
                steps++;
                if (x == w)
                    break;
            }
            if (x != w)
                continue;
            int weakest = w, wp = 1000;
            x = w;
            do {
                const cands *c = &cs[x];
                if (c->c[c->pick].prio < wp) {
                    wp = c->c[c->pick].prio;
                    weakest = x;
                }
                x = cur_head(cs, x);
            } while (x != w);
            cs[weakest].pick++;
            changed = 1;
        }
        if (!changed)
            return;
    }
}

static int dominated(const gword *w, int x, int h, int nw)
{
    for (int guard = 0; x >= 0 && guard <= nw; guard++) {
        if (x == h)
            return 1;
        x = w[x].head;
    }
    return 0;
}

/* Attaches words without a head: to the head of the innermost arc that covers
 * them (which keeps the tree projective), else to the left wall. */
static void attach_orphans(graph *g)
{
    for (int w = 1; w < g->nw; w++) {
        gword *x = &g->w[w];
        if (x->head >= 0 || x->wall)
            continue;
        int best = 0, span = 1 << 30;
        for (int d = 1; d < g->nw; d++) {
            int h = g->w[d].head;
            if (h < 0 || d == w)
                continue;
            int lo = h < d ? h : d, hi = h < d ? d : h;
            if (lo < w && w < hi && hi - lo < span && !dominated(g->w, h, w, g->nw)) {
                span = hi - lo;
                best = h;
            }
        }
        x->head = best;
        x->rel = R_DEP;
        x->prio = 1;
    }
}

/* Lifts arcs that cover a word their head does not dominate (only the arcs
 * made by moving clause links can do that) until the tree is projective. */
static void make_projective(graph *g)
{
    for (int round = 0; round < g->nw * 2; round++) {
        int changed = 0;
        for (int d = 1; d < g->nw; d++) {
            int h = g->w[d].head;
            if (h < 0)
                continue;
            int lo = h < d ? h : d, hi = h < d ? d : h;
            for (int x = lo + 1; x < hi; x++)
                if (!dominated(g->w, x, h, g->nw)) {
                    g->w[d].head = g->w[h].head >= 0 ? g->w[h].head : 0;
                    changed = 1;
                    break;
                }
        }
        if (!changed)
            return;
    }
}

static int ends_with_ing(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && !strcmp(s + n - 3, "ing");
}

/* The last word of w's subtree. */
static int subtree_end(const graph *g, int w)
{
    int end = w;
    for (int x = w + 1; x < g->nw; x++) {
        int a = g->w[x].head, guard = 0;
        while (a >= 0 && a != w && guard++ <= g->nw)
            a = g->w[a].head;
        if (a == w)
            end = x;
    }
    return end;
}

/* A verb modifier that link-grammar hung on an auxiliary or a governing verb
 * although it follows a verb complement ("is about to restore ties | with
 * Gondor") goes to the lowest verb of that complement whose words end right
 * before it, as CoreNLP attaches it. Projective: that verb's subtree ends where
 * the modifier starts. */
static void lower_modifiers(graph *g)
{
    int *maxd = dyad_arena_alloc(g->a, (size_t)(g->nw + 1) * sizeof *maxd);
    if (!maxd)
        return;
    for (int d = 1; d < g->nw; d++) {
        gword *x = &g->w[d];
        int v = x->head;
        if (x->rel != R_ADV || v <= 0 || v >= d || x->hlink < 0 ||
            !tis(&g->k[x->hlink], "MV"))
            continue;
        for (int w = 0; w < g->nw; w++)
            maxd[w] = w;
        for (int w = 0; w < g->nw; w++)
            for (int a = g->w[w].head, guard = 0; a >= 0 && guard <= g->nw; a = g->w[a].head, guard++)
                if (maxd[a] < w)
                    maxd[a] = w;
        int best = -1;
        for (int a = d - 1, guard = 0; a > v && a >= 0 && guard <= g->nw; guard++) {
            int r = g->w[a].rel;
            if (maxd[a] != d - 1)
                break;
            if (best < 0 && g->w[a].sub[0] == 'v' && !lg__in(g->w[a].base, lg_modals))
                best = a;
            int up = g->w[a].head;
            if (up == v) {
                if (best >= 0 && (r == R_VCH || r == R_INF || r == R_PRED || r == R_COMP))
                    x->head = best;
                break;
            }
            if (best >= 0 && !(r == R_VCH || r == R_INF || r == R_PRED || r == R_COMP ||
                               r == R_OBJ || r == R_POBJ || r == R_NMOD || r == R_ADV))
                break;
            a = up;
        }
    }
}

/* Does the preposition p take a day or a month ("on Tuesday")? */
static int temporal_object(const graph *g, int p)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        if (k->l == p && (k->type[0] == 'J' || tis(k, "ON")) &&
            (lg__in(g->w[k->r].base, lg_months_days) || lg__eq(g->w[k->r].sub, "i") ||
             lg__eq(g->w[k->r].base, "today") || lg__eq(g->w[k->r].base, "yesterday")))
            return 1;
    }
    return 0;
}

/* A prepositional phrase that link-grammar hangs both on a verb (MV) and on a
 * noun (M): CoreNLP-style, it stays on the verb when the noun is the verb's
 * object ("faces pressure | from Congress"); a place ("in", "of", "near") goes
 * to the noun when that is itself inside a prepositional phrase ("a summit on
 * the unrest | in Iran"), unless it is a date ("in Cairo | on Tuesday");
 * the agent "by" of a participle stays on the verb. */
static void choose_pp_attachment(graph *g, const cands *cs)
{
    for (int d = 1; d < g->nw; d++) {
        gword *x = &g->w[d];
        const cands *c = &cs[d];
        if (x->head < 0 || c->pick >= c->n)
            continue;
        for (int i = 0; i < c->n; i++) {
            const cand *o = &c->c[i];
            if (i == c->pick || o->head <= 0 || o->head >= d)
                continue;
            int by = lg__eq(x->base, "by");
            static const char *const low_preps[] = {"in", "of", "near", NULL};
            if (x->rel == R_ADV && o->rel == R_NMOD && lg__in(x->base, low_preps) &&
                g->w[o->head].rel == R_POBJ && o->head > x->head && !temporal_object(g, d)) {
                x->head = o->head, x->rel = o->rel, x->prio = o->prio, x->hlink = o->link;
                break;
            }
            if (x->rel == R_NMOD && o->rel == R_ADV && by && strstr(g->w[o->head].sub, "-d")) {
                x->head = o->head, x->rel = o->rel, x->prio = o->prio, x->hlink = o->link;
                break;
            }
        }
    }
}

/* A participle clause after a comma at the end of a clause ("..., offering
 * support to Lebanon") modifies the clause, not the noun before the comma. */
static void raise_participles(graph *g)
{
    for (int p = 2; p < g->nw; p++) {
        gword *x = &g->w[p];
        int n = x->head;
        if (n <= 0 || n >= p || (x->rel != R_APPOS && x->rel != R_NMOD) ||
            !(x->sub[0] == 'g' || x->sub[0] == 'v') || !(lg__eq(g->w[p - 1].base, ",")))
            continue;
        if (!ends_with_ing(x->base) && !strstr(x->sub, "-d"))
            continue;
        int v = g->w[n].head;
        for (int guard = 0; v > 0 && guard < g->nw && g->w[v].sub[0] != 'v'; guard++)
            v = g->w[v].head;
        if (v <= 0 || v >= n)
            continue;
        /* p's phrase must end where v's does */
        int endp = subtree_end(g, p), endv = subtree_end(g, v);
        if (endp != endv)
            continue;
        x->head = v;
        x->rel = R_ADV;
    }
}

/* "Hundreds of UN troops", "a part of Syria": link-grammar reads the first noun
 * as a determiner of the last (N -D- Y, N -OF- of -J- Y) and hangs the phrase
 * from Y. CoreNLP's (NP (NP Hundreds) (PP of (NP UN troops))) has N as the head:
 * the D link is dropped and Y's links to the rest of the sentence move to N. */
static void fix_of_determiners(graph *g)
{
    for (int i = 0; i < g->nk; i++) {
        glink *of = &g->k[i];
        if (!tis(of, "OF") || !lg__eq(g->w[of->r].base, "of"))
            continue;
        int n = of->l, o = of->r, y = -1, d = -1;
        for (int j = 0; j < g->nk; j++) {
            glink *k = &g->k[j];
            if (k->l == o && k->type[0] == 'J')
                y = k->r;
        }
        for (int j = 0; j < g->nk && y > o; j++)
            if (g->k[j].l == n && g->k[j].r == y && g->k[j].type[0] == 'D')
                d = j;
        if (d < 0 || link_of(g, y, "YS", 1) || link_of(g, y, "YP", 1))
            continue; /* "part of Syria's city": left as link-grammar has it */
        snprintf(g->k[d].lab, sizeof g->k[d].lab, "PH");
        link_type(&g->k[d]); /* ignored from now on */
        for (int j = 0; j < g->nk; j++) {
            glink *k = &g->k[j];
            if (k->l != y && k->r != y)
                continue;
            lrule r = rule_for(k);
            int head = r.head_left ? k->l : k->r;
            if (head == y || k->l == o || r.rel == R_NONE)
                continue; /* y's own dependents stay */
            if (k->l == y && k->r > y)
                k->l = n;
            else if (k->r == y && k->l < n)
                k->r = n;
        }
        /* a right link moved to n now starts left of y: planar, as n..y is one phrase */
    }
}

/* "has issued arrest warrants", "is claiming responsibility": link-grammar
 * sometimes reads the participle after an auxiliary as an adjective of the
 * noun that follows. The participle becomes the auxiliary's verb again and the
 * noun its object. */
static void repair_aux_participles(graph *g)
{
    static const char *const have[] = {"has", "have", "had", "having", NULL};
    for (int a = 1; a + 2 < g->nw; a++) {
        gword *aux = &g->w[a];
        int is_have = lg__in(aux->base, have), is_be = lg__in(aux->base, lg_be_forms);
        if (!(is_have || is_be) || aux->sub[0] != 'v')
            continue;
        int x = a + 1;
        while (x < g->nw && (lg__eq(g->w[x].sub, "e") || lg__eq(g->w[x].base, "not")))
            x++;
        if (x >= g->nw)
            continue;
        gword *v = &g->w[x];
        int form = is_have ? (strstr(v->sub, "-d") != NULL || ends_with(v->base, "ed"))
                           : (ends_with_ing(v->base) && (v->sub[0] == 'g' || v->sub[0] == 'v'));
        int n = v->head;
        if (!form || v->rel != R_MOD || n <= x || g->w[n].head != a ||
            (g->w[n].rel != R_OBJ && g->w[n].rel != R_PRED))
            continue;
        v->head = a;
        v->rel = R_VCH;
        g->w[n].head = x;
        g->w[n].rel = R_OBJ;
        for (int k = n + 1; k < g->nw; k++) { /* the auxiliary's modifiers are the verb's */
            gword *y = &g->w[k];
            if (y->head != a || y->rel == R_PUNCT || y->rel == R_REPORT)
                continue;
            y->head = x;
            /* a second participle right after a noun ("men sought in ...") is a
             * reduced relative of that noun */
            const gword *prev = &g->w[k - 1];
            int noun = is_noun_sub(prev->sub) ||
                       (lg__eq(prev->sub, "p") && !lg__in(prev->base, lg_preps) &&
                        !lg__in(prev->base, lg_possessives)) ||
                       (prev->unknown && isupper((unsigned char)prev->text[0]));
            if (y->rel == R_VCH && strstr(y->sub, "-d") && noun &&
                g->w[k - 1].head > x) {
                y->head = k - 1;
                y->rel = R_NMOD;
            }
        }
    }
}

/* "Ithilen and the government | of Gondor": link-grammar hangs a noun
 * modifier that follows a coordination on the conjunction (shared by all the
 * conjuncts); Penn treebanks and CoreNLP attach it to the last conjunct. */
static void lower_coord_modifiers(graph *g)
{
    for (int d = 2; d < g->nw; d++) {
        gword *x = &g->w[d];
        int c = x->head;
        if (x->rel != R_NMOD || c <= 0 || c >= d || !lg__in(g->w[c].base, lg_conjs))
            continue;
        int last = -1;
        for (int i = c + 1; i < d; i++)
            if (g->w[i].head == c && g->w[i].rel == R_CONJ)
                last = i;
        if (last < 0)
            continue;
        const gword *l = &g->w[last];
        if (!(is_noun_sub(l->sub) || (!l->sub[0] && isupper((unsigned char)l->text[0]))))
            continue;
        /* projective: nothing between the conjunct's phrase and d hangs elsewhere */
        if (subtree_end(g, last) != d - 1)
            continue;
        x->head = last;
    }
}

static void choose_heads(graph *g, cands *cs)
{
    fix_of_determiners(g);
    collect_cands(g, cs);
    break_cycles(g, cs);
    for (int w = 0; w < g->nw; w++) {
        gword *x = &g->w[w];
        const cands *c = &cs[w];
        if (x->wall && w == 0)
            continue;
        if (x->wall || c->pick >= c->n) {
            x->head = x->wall ? -2 : -1;
            continue;
        }
        x->head = c->c[c->pick].head;
        x->rel = c->c[c->pick].rel;
        x->prio = c->c[c->pick].prio;
        x->hlink = c->c[c->pick].link;
    }
    choose_pp_attachment(g, cs);
    lower_coord_modifiers(g);
    attach_orphans(g);
    make_projective(g);
    lower_modifiers(g);
    raise_participles(g);
    repair_aux_participles(g);
    make_projective(g);
}

/* ==== 4. tags ================================================================ */

static int all_punct(const char *s)
{
    if (!*s)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (isalnum(*p) || *p >= 0x80) {
            char k;
            if (*p >= 0x80 && utf8_punct((const char *)p, 3, &k) == 3 && k != ' ') {
                p += 2;
                continue;
            }
            return 0;
        }
    return 1;
}

static int is_number(const char *base)
{
    if (lg__in(base, lg_numbers))
        return 1;
    int digits = 0;
    for (const char *p = base; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(",.-/:%$", *p) && !(p[0] == 's' && !p[1]) &&
                 !(p > base && (lg__eq(p, "th") || lg__eq(p, "st") || lg__eq(p, "nd") ||
                                lg__eq(p, "rd"))))
            return 0;
    }
    return digits > 0;
}

static const char *punct_tag(const char *s, int *quotes)
{
    if (lg__eq(s, ","))
        return ",";
    if (lg__eq(s, ".") || lg__eq(s, "!") || lg__eq(s, "?"))
        return ".";
    if (lg__eq(s, "(") || lg__eq(s, "[") || lg__eq(s, "{"))
        return "-LRB-";
    if (lg__eq(s, ")") || lg__eq(s, "]") || lg__eq(s, "}"))
        return "-RRB-";
    if (lg__eq(s, "$"))
        return "$";
    if (lg__eq(s, "#"))
        return "#";
    if (lg__eq(s, "%"))
        return "NN";
    if (lg__eq(s, "&"))
        return "CC";
    char k;
    if (s[0] == '"' || s[0] == '`' || (utf8_punct(s, (int)strlen(s), &k) && k == '"') ||
        lg__eq(s, "''"))
        return (*quotes)++ % 2 ? "''" : "``";
    if (s[0] == '\'' || (utf8_punct(s, (int)strlen(s), &k) && k == '\''))
        return "''";
    return ":";
}

/* A plural noun: a link says so (Sp, Op, Jp, Dmc, SJlp ...) or the guesser did. */
static int noun_plural(const graph *g, int w)
{
    const gword *x = &g->w[w];
    if (strstr(x->guess, "PL-"))
        return 1;
    if (lg__eq(x->sub, "p"))
        return 1;
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        if (k->l != w && k->r != w)
            continue;
        size_t tl = strlen(k->type);
        const char *rest = k->lab + tl;
        if ((tis(k, "S") && k->l == w) || (tis(k, "O") && k->r == w) ||
            (tis(k, "J") && k->r == w) || (tis(k, "SJ") && rest[1] == 'p'))
            if (rest[0] == 'p' || (tis(k, "SJ") && rest[1] == 'p'))
                return 1;
        if (tis(k, "D") && k->r == w && !strncmp(rest, "mc", 2))
            return 1;
        if (tis(k, "SI") && k->r == w && rest[0] == 'p')
            return 1;
    }
    return 0;
}

static int has_child_rel(const graph *g, int w, int rel)
{
    for (int i = 0; i < g->nw; i++)
        if (g->w[i].head == w && g->w[i].rel == rel)
            return 1;
    return 0;
}

static int child_rel(const graph *g, int w, int rel)
{
    for (int i = 0; i < g->nw; i++)
        if (g->w[i].head == w && g->w[i].rel == rel)
            return i;
    return -1;
}

static int is_verb_sub(const char *sub)
{
    return (sub[0] == 'v' || sub[0] == 'q' || sub[0] == 'w') && (!sub[1] || sub[1] == '-');
}

static int is_noun_sub(const char *sub)
{
    static const char *const subs[] = {"n", "n-u", "s", "u", "c", "t", "i", "d", "l", "m",
                                       "f", "b", "x", "y", "cnt", "n-c", "o", "k", NULL};
    return lg__in(sub, subs);
}

/* The category of a word. */
static int word_cat(const graph *g, int w)
{
    const gword *x = &g->w[w];
    const char *b = x->base, *sub = x->sub;
    if (x->wall)
        return C_WALL;
    if (x->run >= 0)
        return C_NOUN;
    if ((lg__eq(b, "'") || lg__eq(b, "\xE2\x80\x99")) && link_of(g, w, "YP", 0))
        return C_POS; /* "countries' representation" */
    if (all_punct(x->text) && !lg__eq(b, "'s") && strcmp(b, "\xE2\x80\x99s"))
        return sub[0] == 'j' && has_child_rel(g, w, R_CONJ) ? C_CONJ : C_PUNCT;
    if (!strncmp(sub, "j-", 2) || lg__eq(sub, "ij") || !strncmp(sub, "misc-ex", 7)) {
        if (lg__eq(b, "that"))
            return lg__eq(sub, "j-c") ? C_COMP : lg__eq(sub, "j-r") ? C_WH
                   : lg__eq(sub, "j-d")                            ? C_DET
                                                                   : C_PRON;
        return C_CONJ;
    }
    if (x->rel == R_PRT)
        return C_PART;
    if (lg__eq(b, "there") && x->rel == R_SUBJ)
        return C_PRON; /* existential "there" */
    if (is_verb_sub(sub))
        return C_VERB;
    if (sub[0] == 'a' && (!sub[1] || sub[1] == '-'))
        return C_ADJ;
    if (lg__eq(sub, "e"))
        return lg__eq(b, "as") && has_child_rel(g, w, R_COMP) ? C_COMP : C_ADV;
    if (lg__eq(b, "'s") || lg__eq(b, "'") || lg__eq(b, "\xE2\x80\x99s"))
        return C_POS;
    if (lg__in(b, lg_possessives) && x->rel == R_DET)
        return C_DET;
    if (lg__eq(sub, "r") && !lg__in(b, lg_preps) && !lg__eq(b, "to"))
        return C_NOUN; /* "next month.r" */
    if (lg__eq(sub, "r") || lg__eq(sub, "z") || lg__eq(sub, "#that") ||
        (lg__eq(sub, "p") && lg__in(b, lg_preps)))
        return lg__eq(b, "to") && has_child_rel(g, w, R_VCH) ? C_TO : C_PREP;
    if (lg__eq(sub, "g"))
        /* a gerund: a verb unless determiners or adjectives make it a noun */
        return has_child_rel(g, w, R_DET) || has_child_rel(g, w, R_MOD) || x->rel == R_POSS
                   ? C_NOUN
                   : C_VERB;
    if (lg__eq(sub, "misc-d"))
        return C_DET;
    if (is_noun_sub(sub) || lg__eq(sub, "p"))
        return is_number(b) ? C_NUM : C_NOUN;
    if (lg__in(b, lg_modals))
        return C_VERB;
    if (lg__eq(b, "not") || lg__eq(b, "n't"))
        return C_ADV;
    if (lg__eq(b, "there") && x->rel == R_SUBJ)
        return C_PRON; /* existential "there" */
    if (lg__in(b, lg_adverbs) && !has_child_rel(g, w, R_POBJ) &&
        (x->rel == R_ADV || x->rel == R_MOD || (link_of(g, w, "E", 1) != NULL) ||
         (!lg__in(b, lg_preps) && !lg__in(b, lg_dets))))
        return C_ADV;
    if (lg__in(b, lg_pronouns))
        return C_PRON;
    if (lg__in(b, lg_wh))
        return x->rel == R_DET ? C_DET : C_WH;
    if (lg__eq(b, "to"))
        return has_child_rel(g, w, R_VCH) ? C_TO : C_PREP;
    if (lg__in(b, lg_conjs))
        return C_CONJ;
    if (is_number(b))
        return C_NUM;
    if (lg__in(b, lg_dets) && (x->rel == R_DET || x->rel == R_MOD || x->rel == R_IDIOM))
        return C_DET;
    if (has_child_rel(g, w, R_POBJ) || (lg__in(b, lg_preps) && !x->unknown))
        return C_PREP;
    if (lg__in(b, lg_dets))
        return C_DET;
    if (has_child_rel(g, w, R_SUBJ) || has_child_rel(g, w, R_OBJ))
        return C_VERB;
    if (x->rel == R_ADV && !x->unknown && link_of(g, w, "E", 1))
        return C_ADV;
    return C_NOUN;
}

static const char *verb_tag(const graph *g, int w)
{
    const gword *x = &g->w[w];
    const char *b = x->base;
    static const struct { const char *w, *tag; } fixed[] = {
        {"am", "VBP"}, {"is", "VBZ"}, {"are", "VBP"}, {"was", "VBD"}, {"were", "VBD"},
        {"been", "VBN"}, {"being", "VBG"}, {"be", "VB"}, {"has", "VBZ"}, {"does", "VBZ"},
        {"did", "VBD"}, {"having", "VBG"}, {"done", "VBN"}, {"'s", "VBZ"}, {"'re", "VBP"},
        {"'m", "VBP"}, {"'ve", "VBP"}, {"'d", "MD"}, {"'ll", "MD"}};
    char stem[48];
    snprintf(stem, sizeof stem, "%s", b);
    if (ends_with(stem, "n't") || ends_with(stem, "n\xE2\x80\x99t"))
        stem[strlen(stem) - (ends_with(stem, "n't") ? 3 : 5)] = 0; /* "didn't" -> "did" */
    if (lg__in(stem, lg_modals))
        return "MD";
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (lg__eq(stem, fixed[i].w))
            return fixed[i].tag;
    if (ends_with(b, "ing") && strlen(b) > 4)
        return "VBG";
    const char *hl = x->hlink >= 0 ? g->k[x->hlink].lab : "";
    if (x->rel == R_VCH && (!strncmp(hl, "PP", 2) || !strncmp(hl, "Pv", 2)))
        return "VBN"; /* "has risen", "was fired" */
    int sub_d = strstr(x->sub, "-d") != NULL;
    int from_aux = x->rel == R_VCH || x->rel == R_INF;
    int head_noun = x->head > 0 && (g->w[x->head].cat == C_NOUN || g->w[x->head].cat == C_PRON);
    int has_subj = has_child_rel(g, w, R_SUBJ) || has_child_rel(g, w, R_RELPRO);
    if (sub_d || ends_with(b, "ed")) {
        if (x->rel == R_VCH || x->rel == R_PRED || x->rel == R_NMOD || (head_noun && !has_subj))
            return "VBN";
        if (!has_subj && (x->rel == R_ADV || x->rel == R_OPENER))
            return "VBN";
        return "VBD";
    }
    if (from_aux)
        return "VB";
    int s = child_rel(g, w, R_SUBJ), sv = w;
    if (s < 0 && x->rel == R_CONJ && x->head > 0) {
        sv = x->head; /* "the president puts ... and supports": the subject is shared */
        s = child_rel(g, sv, R_SUBJ);
    }
    if (s >= 0) {
        for (int i = 0; i < g->nk; i++) {
            const glink *l = &g->k[i];
            if (l->l == s && l->r == sv && tis(l, "S"))
                return l->lab[1] == 's' && strcmp(g->w[s].base, "i") && strcmp(g->w[s].base, "you")
                           ? "VBZ"
                           : "VBP";
        }
        return ends_with(b, "s") ? "VBZ" : "VBP";
    }
    if (x->rel == R_ROOT)
        return ends_with(b, "s") && !ends_with(b, "ss") ? "VBZ" : "VB";
    return "VB";
}

static int capitalised(const char *s) { return isupper((unsigned char)s[0]) != 0; }

static const char *noun_tag(const graph *g, int w)
{
    const gword *x = &g->w[w];
    static const char *const proper_subs[] = {"l", "m", "f", "b", "x", "y", NULL};
    int proper = x->run >= 0 || lg__in(x->sub, proper_subs) ||
                 (capitalised(x->text) && (!x->first || x->unknown ||
                                           (lg__eq(x->sub, "s") || lg__eq(x->sub, "i") ||
                                            !x->sub[0])));
    if (!capitalised(x->text) && x->run < 0)
        proper = 0;
    int plural = noun_plural(g, w) && (ends_with(x->base, "s") || lg__eq(x->sub, "p"));
    if (!proper && !plural && ends_with(x->base, "s") && !ends_with(x->base, "ss") &&
        !ends_with(x->base, "us") && !ends_with(x->base, "is") && strlen(x->base) > 3)
        plural = 1; /* "years", "talks": the form says it */
    if (proper)
        return plural ? "NNPS" : "NNP";
    return plural ? "NNS" : "NN";
}

static const char *word_tag(graph *g, int w, int *quotes)
{
    gword *x = &g->w[w];
    const char *b = x->base;
    switch (x->cat) {
    case C_PUNCT: return punct_tag(x->text, quotes);
    case C_VERB: return verb_tag(g, w);
    case C_NOUN: return noun_tag(g, w);
    case C_NUM: return "CD";
    case C_PRON:
        if (strlen(x->text) >= 2 && isupper((unsigned char)x->text[0]) &&
            isupper((unsigned char)x->text[1]))
            return "NNP"; /* "US", "IT" in capitals */
        if (lg__eq(b, "that") || lg__eq(b, "this") || lg__eq(b, "these") || lg__eq(b, "those"))
            return "DT";
        if (lg__eq(b, "there") && x->rel == R_SUBJ)
            return "EX";
        return "PRP";
    case C_DET:
        if (lg__in(b, lg_possessives))
            return "PRP$";
        if (lg__eq(b, "which") || lg__eq(b, "what") || lg__eq(b, "whatever"))
            return "WDT";
        if (is_number(b))
            return "CD";
        return "DT";
    case C_PREP: return lg__eq(b, "to") ? "TO" : "IN";
    case C_TO: return "TO";
    case C_ADV:
        if (lg__in(b, lg_wh))
            return "WRB";
        return "RB";
    case C_ADJ:
        if (x->rel == R_PRED && (ends_with(b, "ed") || lg__eq(x->sub, "v-d"))) {
            x->cat = C_VERB;
            return "VBN";
        }
        return lg__eq(x->sub, "a-c") ? "JJR" : lg__eq(x->sub, "a-s") ? "JJS" : "JJ";
    case C_CONJ: return all_punct(x->text) ? punct_tag(x->text, quotes) : "CC";
    case C_COMP: return "IN";
    case C_WH:
        if (lg__eq(b, "whose"))
            return "WP$";
        if (lg__eq(b, "who") || lg__eq(b, "whom") || lg__eq(b, "what"))
            return "WP";
        if (lg__eq(b, "where") || lg__eq(b, "when") || lg__eq(b, "why") || lg__eq(b, "how"))
            return "WRB";
        return "WDT";
    case C_POS: return "POS";
    case C_PART: return "RP";
    default: return "NN";
    }
}

static void tag_words(graph *g)
{
    for (int w = 0; w < g->nw; w++)
        g->w[w].cat = word_cat(g, w);
    int quotes = 0;
    for (int w = 0; w < g->nw; w++)
        if (!g->w[w].wall)
            g->w[w].tag = word_tag(g, w, &quotes);
}

/* ==== 5. phrases ============================================================= */

/* The phrase tree under construction: nodes linked by indices. */
typedef struct pnode {
    const char *label;
    const char *word;   /* preterminal: the word; NULL for a phrase */
    int s, e;           /* preterminal: its original span */
    int first, last, next, parent;
} pnode;

typedef struct ptree {
    pnode *n;
    int nn, cap;
    graph *g;
    int *dep, *dstart, *dcount; /* children of each word, in word order */
    unsigned char *run_done;    /* merged runs already written */
    unsigned char *emitted;     /* words written (a missing one is a bug: see lg_parse) */
    dyad_arena *a;
    int err;
    int depth;
} ptree;

static int pt_node(ptree *t, const char *label)
{
    if (t->err)
        return -1;
    if (t->nn == t->cap) {
        int cap = t->cap ? t->cap * 2 : 64;
        pnode *n = dyad_arena_alloc(t->a, (size_t)cap * sizeof *n);
        if (!n) {
            t->err = DYAD_ENOMEM;
            return -1;
        }
        if (t->nn)
            memcpy(n, t->n, (size_t)t->nn * sizeof *n);
        t->n = n;
        t->cap = cap;
    }
    int k = t->nn++;
    t->n[k] = (pnode){.label = label, .first = -1, .last = -1, .next = -1, .parent = -1,
                      .s = -1, .e = -1};
    return k;
}

/* Appends child to parent's children. An unlabelled holder node (a phrase
 * label "") gives its children instead. */
static void pt_add(ptree *t, int parent, int child)
{
    if (parent < 0 || child < 0 || t->err)
        return;
    if (!t->n[child].label[0] && !t->n[child].word) {
        int x = t->n[child].first;
        while (x >= 0) {
            int nx = t->n[x].next;
            pt_add(t, parent, x);
            x = nx;
        }
        return;
    }
    pnode *p = &t->n[parent], *c = &t->n[child];
    c->parent = parent;
    c->next = -1;
    if (p->last >= 0)
        t->n[p->last].next = child;
    else
        p->first = child;
    p->last = child;
}

static int pt_leaf(ptree *t, const char *tag, const char *word, int s, int e)
{
    int k = pt_node(t, tag);
    if (k >= 0) {
        t->n[k].word = word;
        t->n[k].s = s;
        t->n[k].e = e;
    }
    return k;
}

static int pt_nkids(const ptree *t, int x)
{
    int k = 0;
    for (int c = t->n[x].first; c >= 0; c = t->n[c].next)
        k++;
    return k;
}

/* Penn escapes for brackets; a word never holds a bracket or a blank. */
static const char *pt_word(ptree *t, const char *w, int n)
{
    if (n == 1 && strchr("([{", w[0]))
        return w[0] == '(' ? "-LRB-" : w[0] == '[' ? "-LSB-" : "-LCB-";
    if (n == 1 && strchr(")]}", w[0]))
        return w[0] == ')' ? "-RRB-" : w[0] == ']' ? "-RSB-" : "-RCB-";
    char *c = dyad_arena_strndup(t->a, w, (size_t)n);
    if (!c) {
        t->err = DYAD_ENOMEM;
        return "";
    }
    for (char *p = c; *p; p++)
        if (*p == '(' || *p == ')' || is_space_byte((unsigned char)*p))
            *p = '-';
    return c;
}

/* Appends the preterminal(s) of word w to parent: a merged run becomes one
 * NNP per word ("of" an IN), "didn't" becomes "did" + "n't". */
static void add_word(ptree *t, int parent, int w)
{
    const gword *x = &t->g->w[w];
    const char *text = t->g->text;
    t->emitted[w] = 1;
    if (x->os < 0 || x->oe <= x->os)
        return;
    if (x->run >= 0) {
        if (t->run_done[x->run])
            return; /* link-grammar split the placeholder: the run is written once */
        t->run_done[x->run] = 1;
        int i = x->os;
        int m;
        while (i < x->oe) {
            while (i < x->oe && (m = space_len(text, x->oe, i)) > 0)
                i += m;
            int s = i;
            while (i < x->oe && !space_len(text, x->oe, i))
                i++;
            if (i == s)
                break;
            const char *tag = i - s == 2 && !strncmp(text + s, "of", 2) ? "IN"
                              : (i == x->oe && lg__eq(x->tag, "NNPS")) ? "NNPS"
                                                                        : "NNP";
            pt_add(t, parent, pt_leaf(t, tag, pt_word(t, text + s, i - s), s, i));
        }
        return;
    }
    int n = x->oe - x->os;
    int nt = 0;
    if (n > 3 && !strncmp(text + x->oe - 3, "n't", 3))
        nt = 3;
    else if (n > 5 && !strncmp(text + x->oe - 5, "n\xE2\x80\x99t", 5))
        nt = 5;
    if (nt && x->cat == C_VERB) {
        pt_add(t, parent, pt_leaf(t, x->tag, pt_word(t, text + x->os, n - nt), x->os, x->oe - nt));
        pt_add(t, parent, pt_leaf(t, "RB", pt_word(t, text + x->oe - nt, nt), x->oe - nt, x->oe));
        return;
    }
    pt_add(t, parent, pt_leaf(t, x->tag, pt_word(t, text + x->os, n), x->os, x->oe));
}

/* Children of w in word order: dep[dstart[w] .. + dcount[w]). */
static int nkids(const ptree *t, int w) { return t->dcount[w]; }
static int kid(const ptree *t, int w, int i) { return t->dep[t->dstart[w] + i]; }
static int rel(const ptree *t, int w) { return t->g->w[w].rel; }
static int cat(const ptree *t, int w) { return t->g->w[w].cat; }

static int build(ptree *t, int w);
static int build_vp(ptree *t, int v, int lo);
static int build_vp_upto(ptree *t, int v, int lo, int hi);
static int build_clause(ptree *t, int v);
static int build_poss(ptree *t, int p);

/* Appends every word of w's subtree as preterminals, in order (projective:
 * the subtree is a contiguous run of words). */
static void add_flat(ptree *t, int parent, int w)
{
    if (t->depth++ > 300) {
        t->depth--;
        return;
    }
    if (cat(t, w) == C_POS) {
        pt_add(t, parent, build_poss(t, w)); /* "Gryffindor 's" stays a phrase */
        t->depth--;
        return;
    }
    int i = 0, n = nkids(t, w);
    for (; i < n && kid(t, w, i) < w; i++)
        add_flat(t, parent, kid(t, w, i));
    add_word(t, parent, w);
    for (; i < n; i++)
        add_flat(t, parent, kid(t, w, i));
    t->depth--;
}

static int conj_kind(const ptree *t, int w);

/* Can w's subtree be written as plain words inside a noun phrase? */
static int flat_ok(const ptree *t, int w, int depth)
{
    static const int cats[] = {C_NOUN, C_ADJ, C_DET, C_NUM, C_CONJ, C_ADV, C_PRON, C_PUNCT,
                               C_POS};
    int c = cat(t, w), ok = 0;
    for (size_t i = 0; i < sizeof cats / sizeof *cats; i++)
        ok |= c == cats[i];
    if (!ok || depth > 20)
        return 0;
    if (c == C_PUNCT && !lg__eq(t->g->w[w].text, "-"))
        return 0;
    if (c == C_CONJ && conj_kind(t, w) == C_ADJ)
        return 0; /* "awful and evil": (ADJP (JJ awful) (CC and) (JJ evil)) */
    for (int i = 0; i < nkids(t, w); i++) {
        int k = kid(t, w, i), r = rel(t, k);
        if (r != R_MOD && r != R_DET && r != R_IDIOM && r != R_FLAT && r != R_CONJ && r != R_ADV &&
            r != R_POSS)
            return 0;
        if (!flat_ok(t, k, depth + 1))
            return 0;
    }
    return 1;
}

static int is_verbal(const ptree *t, int w)
{
    if (cat(t, w) == C_VERB)
        return 1;
    if (cat(t, w) != C_CONJ)
        return 0;
    for (int i = 0; i < nkids(t, w); i++) {
        int k = kid(t, w, i);
        if (rel(t, k) == R_CONJ)
            return is_verbal(t, k);
    }
    return 0;
}

static int conj_kind(const ptree *t, int w)
{
    for (int i = 0; i < nkids(t, w); i++) {
        int k = kid(t, w, i);
        if (rel(t, k) == R_CONJ)
            return cat(t, k) == C_CONJ ? conj_kind(t, k) : cat(t, k);
    }
    return C_NONE;
}

static int subject(const ptree *t, int v)
{
    for (int i = 0; i < nkids(t, v); i++) {
        int k = kid(t, v, i);
        if (rel(t, k) == R_SUBJ || (rel(t, k) == R_RELPRO && k < v))
            return k;
    }
    return -1;
}

/* "X 's": the possessor's words and the POS. */
static int build_poss(ptree *t, int p)
{
    int np = pt_node(t, "NP");
    for (int i = 0; i < nkids(t, p); i++) {
        int k = kid(t, p, i);
        if (k > p)
            continue;
        int c = build(t, k);
        int simple = c >= 0 && t->n[c].word == NULL && lg__eq(t->n[c].label, "NP");
        for (int x = simple ? t->n[c].first : -1; x >= 0 && simple; x = t->n[x].next)
            simple = t->n[x].word != NULL;
        if (simple) {
            int x = t->n[c].first;
            while (x >= 0) {
                int nx = t->n[x].next;
                pt_add(t, np, x);
                x = nx;
            }
        } else {
            pt_add(t, np, c);
        }
    }
    add_word(t, np, p);
    for (int i = 0; i < nkids(t, p); i++)
        if (kid(t, p, i) > p)
            pt_add(t, np, build(t, kid(t, p, i)));
    return np;
}

static int wrap(ptree *t, const char *label, int child)
{
    int x = pt_node(t, label);
    pt_add(t, x, child);
    return x;
}

/* A relative clause: "which will test" -> (SBAR (WHNP (WDT which)) (S (VP ...))). */
static int build_relcl(ptree *t, int v, int wh)
{
    int sbar = pt_node(t, "SBAR");
    int subj = subject(t, v);
    if (wh < 0 && subj >= 0 && (cat(t, subj) == C_WH || rel(t, subj) == R_RELPRO))
        wh = subj;
    if (wh >= 0) {
        int whp = pt_node(t, cat(t, wh) == C_ADV || lg__eq(t->g->w[wh].tag, "WRB") ? "WHADVP"
                                                                                 : "WHNP");
        add_word(t, whp, wh);
        pt_add(t, sbar, whp);
    }
    if (wh >= 0 && wh == subj) {
        int s = pt_node(t, "S");
        pt_add(t, s, build_vp(t, v, wh));
        pt_add(t, sbar, s);
    } else {
        int c = build_clause(t, v);
        pt_add(t, sbar, lg__eq(t->n[c].label, "S") ? c : wrap(t, "S", c));
    }
    return sbar;
}

/* "(NP the Ministry of Magic)" written flat (a merged name, an idiom) becomes
 * (NP (NP the Ministry) (PP (IN of) (NP Magic))): the coders read the words of
 * a prepositional phrase, not an IN inside a noun phrase. */
static int split_of(ptree *t, int np)
{
    int of = -1, prev = -1;
    for (int c = t->n[np].first, p = -1; c >= 0; p = c, c = t->n[c].next)
        if (t->n[c].word && lg__eq(t->n[c].label, "IN") && p >= 0 && t->n[c].next >= 0) {
            of = c;
            prev = p;
            break;
        }
    if (of < 0)
        return np;
    int obj = pt_node(t, "NP");
    for (int c = t->n[of].next; c >= 0;) {
        int nx = t->n[c].next;
        pt_add(t, obj, c);
        c = nx;
    }
    t->n[prev].next = -1;
    t->n[np].last = prev;
    t->n[of].next = -1;
    int pp = pt_node(t, "PP");
    pt_add(t, pp, of);
    pt_add(t, pp, split_of(t, obj));
    int outer = pt_node(t, "NP");
    pt_add(t, outer, np);
    pt_add(t, outer, pp);
    return outer;
}

static int build_np(ptree *t, int w)
{
    int base = pt_node(t, "NP");
    int n = nkids(t, w), i = 0;
    for (; i < n && kid(t, w, i) < w; i++) {
        int k = kid(t, w, i), r = rel(t, k);
        if (cat(t, k) == C_POS)
            pt_add(t, base, build_poss(t, k));
        else if (nkids(t, k) == 0 || ((r == R_DET || r == R_MOD || r == R_IDIOM || r == R_ADV ||
                                        r == R_FLAT || r == R_CONJ) &&
                                       flat_ok(t, k, 0)))
            add_flat(t, base, k);
        else
            pt_add(t, base, build(t, k));
    }
    add_word(t, base, w);
    base = split_of(t, base);
    int post = i;
    for (; post < n; post++) {
        int k = kid(t, w, post), r = rel(t, k);
        if (!(r == R_FLAT || r == R_IDIOM || (r == R_MOD && flat_ok(t, k, 0))))
            break;
        add_flat(t, base, k);
    }
    if (post >= n)
        return base;
    int np = wrap(t, "NP", base);
    for (i = post; i < n; i++) {
        int k = kid(t, w, i), r = rel(t, k);
        if (r == R_RELPRO && i + 1 < n && rel(t, kid(t, w, i + 1)) == R_RELCL) {
            pt_add(t, np, build_relcl(t, kid(t, w, i + 1), k));
            i++;
        } else if (r == R_RELCL && is_verbal(t, k)) {
            pt_add(t, np, build_relcl(t, k, -1));
        } else if (r == R_NMOD && is_verbal(t, k) && subject(t, k) < 0) {
            pt_add(t, np, build_vp(t, k, -1));
        } else if (r == R_PUNCT && nkids(t, k) == 0) {
            add_word(t, np, k);
        } else {
            pt_add(t, np, build(t, k));
        }
    }
    return np;
}

/* A verb's complement or modifier inside its VP. */
static int build_in_vp(ptree *t, int v, int k)
{
    int r = rel(t, k), c = cat(t, k);
    (void)v;
    if (nkids(t, k) == 0 && (r == R_NEG || r == R_PUNCT || (c == C_ADV && r != R_ADV))) {
        int x = pt_node(t, "");
        add_word(t, x, k);
        return x; /* unwrapped below */
    }
    if ((r == R_VCH || (r == R_PRED && c == C_VERB)) && is_verbal(t, k))
        return build_vp(t, k, v); /* "were (VP arrested)" */
    if (r == R_PRT) {
        int x = pt_node(t, "PRT");
        add_word(t, x, k);
        return x;
    }
    if (r == R_COMP && is_verbal(t, k)) {
        int s = build_clause(t, k);
        return wrap(t, "SBAR", lg__eq(t->n[s].label, "S") ? s : wrap(t, "S", s));
    }
    if (r == R_PRED && c == C_ADJ && nkids(t, k) == 0) {
        int x = pt_node(t, "ADJP");
        add_word(t, x, k);
        return x;
    }
    if (is_verbal(t, k) && subject(t, k) < 0 && r != R_INF)
        return wrap(t, "S", build_vp(t, k, -1));
    return build(t, k);
}

static void add_or_splice(ptree *t, int parent, int c) { pt_add(t, parent, c); }

/* The verb phrase of v: its left dependents after position lo (adverbs between
 * the subject and the verb), the verb, its complements and modifiers. */
static int build_vp(ptree *t, int v, int lo) { return build_vp_upto(t, v, lo, 1 << 30); }

/* The same with only the dependents before position hi on the right. */
static int build_vp_upto(ptree *t, int v, int lo, int hi)
{
    if (t->depth++ > 300) {
        t->depth--;
        return pt_node(t, "VP");
    }
    int vp = pt_node(t, "VP");
    int n = nkids(t, v), i = 0;
    for (; i < n && kid(t, v, i) < v; i++) {
        int k = kid(t, v, i), r = rel(t, k);
        if (r == R_CONJ && cat(t, v) == C_CONJ) {
            pt_add(t, vp, subject(t, k) >= 0 ? build_clause(t, k) : build_vp(t, k, -1));
            continue;
        }
        if (k <= lo)
            continue;
        if (r == R_SUBJ) {
            pt_add(t, vp, build(t, k));
            continue;
        }
        add_or_splice(t, vp, build_in_vp(t, v, k));
    }
    add_word(t, vp, v);
    int last_obj = -1;
    for (; i < n && kid(t, v, i) < hi; i++) {
        int k = kid(t, v, i), r = rel(t, k);
        if (r == R_CONJ && cat(t, v) == C_CONJ) {
            pt_add(t, vp, subject(t, k) >= 0 ? build_clause(t, k) : build_vp(t, k, -1));
            continue;
        }
        if (r == R_SUBJ || r == R_REPORT) {
            pt_add(t, vp, build(t, k));
            continue;
        }
        const gword *lk = &t->g->w[k];
        if (r == R_INF && last_obj >= 0 && lk->hlink >= 0 &&
            !strncmp(t->g->k[lk->hlink].lab, "TOo", 3)) {
            /* "ask Russia to help": (S (NP Russia) (VP (TO to) ...)) */
            int s = pt_node(t, "S");
            int obj = t->n[vp].last;
            int prev = -1;
            for (int x = t->n[vp].first; x >= 0 && x != obj; x = t->n[x].next)
                prev = x;
            if (prev >= 0)
                t->n[prev].next = -1, t->n[vp].last = prev;
            else
                t->n[vp].first = t->n[vp].last = -1;
            pt_add(t, s, obj);
            int inf = build(t, k);
            add_or_splice(t, s, lg__eq(t->n[inf].label, "S") && pt_nkids(t, inf) == 1
                                    ? t->n[inf].first
                                    : inf);
            pt_add(t, vp, s);
            last_obj = -1;
            continue;
        }
        if (r == R_VCH && is_verbal(t, k) && cat(t, k) != C_CONJ) {
            /* "has (ADVP again) (VP appealed ...)": adverbs before the verb stand
             * beside its VP, as CoreNLP brackets them */
            for (int j = 0; j < nkids(t, k) && kid(t, k, j) < k; j++)
                if (rel(t, kid(t, k, j)) != R_SUBJ)
                    add_or_splice(t, vp, build_in_vp(t, k, kid(t, k, j)));
            pt_add(t, vp, build_vp(t, k, k));
            last_obj = -1;
            continue;
        }
        int c = build_in_vp(t, v, k);
        add_or_splice(t, vp, c);
        last_obj = (r == R_OBJ && c >= 0 && lg__eq(t->n[c].label, "NP")) ? c : -1;
    }
    t->depth--;
    return vp;
}

/* A clause: (S openers (NP subject) (VP ...)). Dependents left of the subject
 * (and openers after it) stand in the S; an inverted subject ("..., said the
 * minister") follows the VP, with what comes after it beside it. */
static int build_clause(ptree *t, int v)
{
    int subj = subject(t, v);
    int s = pt_node(t, "S");
    int n = nkids(t, v), lo = v;
    if (cat(t, v) == C_CONJ) /* the coordinated verb phrases and what lies between
                              * them stay in the VP */
        for (int i = 0; i < n && kid(t, v, i) < lo; i++)
            if (rel(t, kid(t, v, i)) == R_CONJ)
                lo = kid(t, v, i);
    for (int i = 0; i < n && kid(t, v, i) < lo; i++) {
        int k = kid(t, v, i);
        if (k == subj)
            pt_add(t, s, build(t, k));
        else
            add_or_splice(t, s, build_in_vp(t, v, k));
    }
    if (lo < v)
        lo--; /* build_vp takes the conjuncts and everything after the first */
    if (subj > v) {
        pt_add(t, s, build_vp_upto(t, v, lo, subj));
        pt_add(t, s, build(t, subj));
        for (int i = 0; i < n; i++) {
            int k = kid(t, v, i);
            if (k > subj)
                add_or_splice(t, s, build_in_vp(t, v, k));
        }
        return s;
    }
    pt_add(t, s, build_vp(t, v, lo));
    return s;
}

static int build_pp(ptree *t, int p)
{
    int pp = pt_node(t, "PP");
    int clause = 0;
    for (int i = 0; i < nkids(t, p); i++) {
        int k = kid(t, p, i);
        if (k < p) {
            add_or_splice(t, pp, nkids(t, k) ? build(t, k) : build_in_vp(t, p, k));
            continue;
        }
        if (i == 0 || kid(t, p, i - 1) < p)
            add_word(t, pp, p);
        int r = rel(t, k);
        if (is_verbal(t, k)) {
            clause |= subject(t, k) >= 0 || r == R_COMP;
            int c = subject(t, k) >= 0 ? build_clause(t, k) : build_vp(t, k, -1);
            pt_add(t, pp, lg__eq(t->n[c].label, "S") ? c : wrap(t, "S", c));
        } else {
            add_or_splice(t, pp, r == R_PUNCT ? build_in_vp(t, p, k) : build(t, k));
        }
    }
    if (!nkids(t, p) || kid(t, p, nkids(t, p) - 1) < p)
        add_word(t, pp, p);
    if (clause)
        t->n[pp].label = "SBAR";
    else if (nkids(t, p) == 1 && rel(t, kid(t, p, 0)) == R_INF)
        t->n[pp].label = "VP"; /* "is about to restore": (VP (IN about) (S (VP (TO to) ...))) */
    return pp;
}

static int prev_sibling(const ptree *t, int y)
{
    int prev = -1;
    for (int c = t->n[t->n[y].parent].first; c >= 0 && c != y; c = t->n[c].next)
        prev = c;
    return prev;
}

static int last_conjunct(const ptree *t, int c);

/* The conjuncts and conjunctions of c into phrase x; a nested coordination of
 * the same kind ("Mordor , Rohan , Fornost and Bree") is spread flat. */
static void coord_items(ptree *t, int c, int x, int kind, int depth)
{
    int n = nkids(t, c), i = 0;
    for (; i < n && kid(t, c, i) < c; i++) {
        int k = kid(t, c, i);
        if (rel(t, k) == R_CONJ && cat(t, k) == C_CONJ && conj_kind(t, k) == kind && depth < 50)
            coord_items(t, k, x, kind, depth + 1);
        else
            add_or_splice(t, x, build_in_vp(t, c, k));
    }
    add_word(t, x, c);
    int last = last_conjunct(t, c);
    for (; i < n; i++) {
        int k = kid(t, c, i);
        if (depth == 0 && k > last)
            break; /* shared modifiers: build_coord puts them outside */
        if (rel(t, k) == R_CONJ && cat(t, k) == C_CONJ && conj_kind(t, k) == kind && depth < 50)
            coord_items(t, k, x, kind, depth + 1);
        else
            add_or_splice(t, x, build_in_vp(t, c, k));
    }
}

static int last_conjunct(const ptree *t, int c)
{
    int last = -1;
    for (int i = 0; i < nkids(t, c); i++)
        if (rel(t, kid(t, c, i)) == R_CONJ)
            last = kid(t, c, i);
    return last;
}

static int build_coord(ptree *t, int c)
{
    int kind = conj_kind(t, c);
    const char *label = kind == C_NOUN || kind == C_PRON || kind == C_NUM ? "NP"
                        : kind == C_ADJ                                  ? "ADJP"
                        : kind == C_PREP                                 ? "PP"
                        : kind == C_ADV                                  ? "ADVP"
                                                                         : "S";
    if (kind == C_VERB) {
        if (subject(t, c) >= 0)
            return build_clause(t, c); /* a shared subject */
        int own = 0;
        for (int i = 0; i < nkids(t, c); i++)
            own |= rel(t, kid(t, c, i)) == R_CONJ && subject(t, kid(t, c, i)) >= 0;
        if (!own)
            return build_vp(t, c, -1);
        label = "S"; /* clauses with subjects of their own */
    }
    int x = pt_node(t, label);
    coord_items(t, c, x, kind, 0);
    /* "Gondor and Osgiliath": one-word conjuncts stand bare, as in CoreNLP */
    int bare = 1;
    for (int y = t->n[x].first; y >= 0 && bare; y = t->n[y].next)
        if (!t->n[y].word)
            bare = lg__eq(t->n[y].label, "NP") && t->n[y].first >= 0 &&
                   t->n[y].first == t->n[y].last && t->n[t->n[y].first].word;
    for (int y = t->n[x].first; y >= 0 && bare; y = t->n[y].next)
        if (!t->n[y].word) {
            int leaf = t->n[y].first;
            t->n[leaf].parent = x;
            t->n[leaf].next = t->n[y].next;
            *(t->n[x].first == y ? &t->n[x].first : &t->n[prev_sibling(t, y)].next) = leaf;
            if (t->n[x].last == y)
                t->n[x].last = leaf;
            y = leaf;
        }
    /* "(NP (NP lawmakers and officials) (PP in Fornost))": modifiers after the
     * last conjunct belong to the whole coordination */
    int last = last_conjunct(t, c), outer = -1;
    for (int i = 0; i < nkids(t, c); i++) {
        int k = kid(t, c, i);
        if (k <= last || k < c)
            continue;
        if (outer < 0)
            outer = wrap(t, label, x);
        add_or_splice(t, outer, build_in_vp(t, c, k));
    }
    return outer >= 0 ? outer : x;
}

/* The phrase of word w as a dependent. */
static int build(ptree *t, int w)
{
    if (t->err)
        return -1;
    if (t->depth++ > 300) {
        t->depth--;
        return pt_node(t, "X");
    }
    int x = -1;
    switch (cat(t, w)) {
    case C_NOUN: case C_PRON: case C_NUM: x = build_np(t, w); break;
    case C_VERB:
        x = subject(t, w) >= 0 ? build_clause(t, w) : wrap(t, "S", build_vp(t, w, -1));
        break;
    case C_PREP: x = build_pp(t, w); break;
    case C_TO:
        x = wrap(t, "S", build_vp(t, w, -1));
        break;
    case C_CONJ: x = build_coord(t, w); break;
    case C_COMP:
        x = build_pp(t, w);
        t->n[x].label = "SBAR";
        break;
    case C_ADJ: case C_ADV: case C_DET: case C_WH: case C_PART: {
        const char *lab = cat(t, w) == C_ADJ ? "ADJP" : cat(t, w) == C_ADV ? "ADVP"
                          : cat(t, w) == C_DET ? "NP" : cat(t, w) == C_WH ? "WHNP" : "PRT";
        x = pt_node(t, lab);
        int n = nkids(t, w), i = 0;
        for (; i < n && kid(t, w, i) < w; i++)
            add_or_splice(t, x, build_in_vp(t, w, kid(t, w, i)));
        add_word(t, x, w);
        for (; i < n; i++)
            add_or_splice(t, x, build_in_vp(t, w, kid(t, w, i)));
        break;
    }
    default: {
        x = pt_node(t, nkids(t, w) ? "FRAG" : "");
        int n = nkids(t, w), i = 0;
        for (; i < n && kid(t, w, i) < w; i++)
            pt_add(t, x, build(t, kid(t, w, i)));
        add_word(t, x, w);
        for (; i < n; i++)
            pt_add(t, x, build(t, kid(t, w, i)));
        break;
    }
    }
    t->depth--;
    return x;
}

static int is_punct_leaf(const ptree *t, int x)
{
    const pnode *n = &t->n[x];
    if (!n->word)
        return 0;
    return lg__eq(n->label, ",") || lg__eq(n->label, ":") || lg__eq(n->label, ".") ||
           lg__eq(n->label, "``") || lg__eq(n->label, "''");
}

static void pt_unlink(ptree *t, int x)
{
    int p = t->n[x].parent, prev = -1;
    if (p < 0)
        return;
    for (int c = t->n[p].first; c >= 0 && c != x; c = t->n[c].next)
        prev = c;
    if (prev >= 0)
        t->n[prev].next = t->n[x].next;
    else
        t->n[p].first = t->n[x].next;
    if (t->n[p].last == x)
        t->n[p].last = prev;
    t->n[x].parent = -1;
    t->n[x].next = -1;
}

/* Inserts x as a sibling of y: before it (after = 0) or after it. */
static void pt_insert(ptree *t, int y, int x, int after)
{
    int p = t->n[y].parent;
    t->n[x].parent = p;
    if (after) {
        t->n[x].next = t->n[y].next;
        t->n[y].next = x;
        if (t->n[p].last == y)
            t->n[p].last = x;
        return;
    }
    int prev = -1;
    for (int c = t->n[p].first; c >= 0 && c != y; c = t->n[c].next)
        prev = c;
    t->n[x].next = y;
    if (prev >= 0)
        t->n[prev].next = x;
    else
        t->n[p].first = x;
}

/* Commas, colons, quotes and full stops at the edge of a phrase belong to the
 * phrase around it (CoreNLP's brackets); unary chains of one label collapse. */
static void tidy(ptree *t, int root, int top)
{
    for (int round = 0; round < 50; round++) {
        int changed = 0;
        for (int x = 0; x < t->nn; x++) {
            pnode *n = &t->n[x];
            if (n->word || x == root || x == top || n->parent < 0 || n->first < 0)
                continue;
            if (is_punct_leaf(t, n->first)) {
                int c = n->first;
                pt_unlink(t, c);
                pt_insert(t, x, c, 0);
                changed = 1;
            }
            if (n->last >= 0 && is_punct_leaf(t, n->last)) {
                int c = n->last;
                pt_unlink(t, c);
                pt_insert(t, x, c, 1);
                changed = 1;
            }
            if (n->first < 0) {
                pt_unlink(t, x);
                changed = 1;
                continue;
            }
            int only = n->first;
            if (t->n[only].next < 0 && !t->n[only].word && lg__eq(t->n[only].label, n->label)) {
                /* (NP (NP ...)) -> (NP ...) */
                pt_unlink(t, only);
                n->first = t->n[only].first;
                n->last = t->n[only].last;
                for (int c = n->first; c >= 0; c = t->n[c].next)
                    t->n[c].parent = x;
                changed = 1;
            }
        }
        if (!changed)
            return;
    }
}

/* The sentence: (ROOT (S ...)), the main clause with the reporting clause
 * ("..., officials said") spliced beside it, or (ROOT (NP ...)) for a
 * verbless fragment. */
/* "Arnor's foreign minister, in remarks published on Monday, urged ...": the
 * comma that closes a parenthetical inside a subject belongs to the subject
 * (Penn: (NP (NP ...) (, ,) (PP ...) (, ,)) (VP ...)), not between the
 * subject and its verb phrase. */
static void enclose_parentheticals(ptree *t)
{
    for (int x = 0; x < t->nn; x++) {
        pnode *n = &t->n[x];
        if (n->word || !lg__eq(n->label, "NP") || n->parent < 0 || n->last < 0 ||
            t->n[n->last].word)
            continue;
        int open = -1; /* the comma before the NP's last phrase */
        for (int c = n->first; c >= 0 && t->n[c].next >= 0; c = t->n[c].next)
            if (t->n[c].next == n->last && t->n[c].word && lg__eq(t->n[c].word, ","))
                open = c;
        int close = n->next;
        if (open < 0 || close < 0 || !t->n[close].word || !lg__eq(t->n[close].word, ",") ||
            t->n[close].next < 0 || !lg__eq(t->n[t->n[close].next].label, "VP"))
            continue;
        pt_unlink(t, close);
        pt_insert(t, n->last, close, 1);
    }
}

static int build_root(ptree *t)
{
    int root = pt_node(t, "ROOT");
    int top = pt_node(t, "S");
    int phrases = 0, last = -1;
    for (int i = 0; i < nkids(t, 0); i++) {
        int k = kid(t, 0, i);
        if (rel(t, k) == R_REPORT && is_verbal(t, k)) {
            int c = build_clause(t, k);
            t->n[c].label = "";
            pt_add(t, top, c);
            phrases += 2;
            continue;
        }
        if (cat(t, k) == C_PUNCT && nkids(t, k) == 0) {
            add_word(t, top, k);
            continue;
        }
        int c = build(t, k);
        if (c >= 0 && !t->n[c].word)
            phrases++, last = c;
        pt_add(t, top, c);
    }
    if (phrases == 1 && last >= 0 && t->n[last].parent == top &&
        (lg__eq(t->n[last].label, "S") || lg__eq(t->n[last].label, "NP"))) {
        /* one clause (or fragment): the punctuation goes inside it */
        int c = t->n[top].first;
        int before = 1;
        while (c >= 0) {
            int nx = t->n[c].next;
            if (c == last) {
                before = 0;
            } else {
                pt_unlink(t, c);
                if (before) {
                    int f = t->n[last].first;
                    if (f >= 0)
                        pt_insert(t, f, c, 0);
                    else
                        pt_add(t, last, c);
                } else {
                    pt_add(t, last, c);
                }
            }
            c = nx;
        }
        pt_unlink(t, last);
        pt_add(t, root, last);
        tidy(t, root, last);
        enclose_parentheticals(t);
        return root;
    }
    pt_add(t, root, top);
    tidy(t, root, top);
    enclose_parentheticals(t);
    return root;
}

static int make_children(ptree *t)
{
    graph *g = t->g;
    int nw = g->nw;
    t->dep = dyad_arena_alloc(t->a, (size_t)(nw + 1) * sizeof(int));
    t->dstart = dyad_arena_alloc(t->a, (size_t)(nw + 1) * sizeof(int));
    t->dcount = dyad_arena_alloc(t->a, (size_t)(nw + 1) * sizeof(int));
    t->run_done = dyad_arena_alloc(t->a, (size_t)(g->pp->nruns + 1));
    t->emitted = dyad_arena_alloc(t->a, (size_t)(nw + 1));
    if (!t->dep || !t->dstart || !t->dcount || !t->run_done || !t->emitted)
        return DYAD_ENOMEM;
    for (int w = 0; w < nw; w++)
        if (g->w[w].head >= 0)
            t->dcount[g->w[w].head]++;
    int pos = 0;
    for (int w = 0; w < nw; w++) {
        t->dstart[w] = pos;
        pos += t->dcount[w];
        t->dcount[w] = 0;
    }
    for (int w = 0; w < nw; w++) {
        int h = g->w[w].head;
        if (h >= 0)
            t->dep[t->dstart[h] + t->dcount[h]++] = w;
    }
    return 0;
}

static int all_emitted(const ptree *t)
{
    const graph *g = t->g;
    for (int w = 1; w < g->nw; w++)
        if (!g->w[w].wall && g->w[w].os >= 0 && g->w[w].oe > g->w[w].os && !t->emitted[w])
            return 0;
    return 1;
}

/* (ROOT (FRAG word ...)): every word in order, for the case above. */
static int flat_tree(ptree *t)
{
    t->nn = 0;
    memset(t->run_done, 0, (size_t)(t->g->pp->nruns + 1));
    int root = pt_node(t, "ROOT"), frag = pt_node(t, "FRAG");
    for (int w = 1; w < t->g->nw; w++)
        if (!t->g->w[w].wall)
            add_word(t, frag, w);
    pt_add(t, root, frag);
    return root;
}

/* ==== 6. output ============================================================== */

/* Copies the phrase tree under root into a dyad_tree (pre-order). */
static int to_tree(dyad_tree **out, ptree *t, int root, dyad_arena *a)
{
    int *order = dyad_arena_alloc(a, (size_t)t->nn * sizeof(int));
    int *newid = dyad_arena_alloc(a, (size_t)t->nn * sizeof(int));
    int *stack = dyad_arena_alloc(a, (size_t)t->nn * sizeof(int));
    if (!order || !newid || !stack)
        return DYAD_ENOMEM;
    int n = 0, sp = 0, ntok = 0;
    stack[sp++] = root;
    while (sp) {
        int x = stack[--sp];
        newid[x] = n;
        order[n++] = x;
        ntok += t->n[x].word != NULL;
        int kids[1024], nk = 0;
        for (int c = t->n[x].first; c >= 0 && nk < 1024; c = t->n[c].next)
            kids[nk++] = c;
        while (nk && sp < t->nn)
            stack[sp++] = kids[--nk];
    }
    dyad_tree *tr = dyad_arena_alloc(a, sizeof *tr);
    dyad_tnode *nodes = dyad_arena_alloc(a, (size_t)n * sizeof *nodes);
    size_t tsz = sizeof(int) * (size_t)(ntok ? ntok : 1);
    int *tok_node = dyad_arena_alloc(a, tsz), *ts = dyad_arena_alloc(a, tsz),
        *te = dyad_arena_alloc(a, tsz);
    if (!tr || !nodes || !tok_node || !ts || !te)
        return DYAD_ENOMEM;
    int tok = 0;
    for (int i = 0; i < n; i++) {
        const pnode *p = &t->n[order[i]];
        dyad_tnode *d = &nodes[i];
        d->label = p->label;
        d->word = p->word;
        d->parent = i == 0 ? -1 : newid[p->parent];
        d->first_child = p->first >= 0 ? newid[p->first] : -1;
        d->last_child = p->last >= 0 ? newid[p->last] : -1;
        d->next_sibling = (i > 0 && p->next >= 0) ? newid[p->next] : -1;
        d->nchildren = 0;
        for (int c = p->first; c >= 0; c = t->n[c].next)
            d->nchildren++;
        d->tok = -1;
        if (p->word) {
            d->tok = tok;
            tok_node[tok] = i;
            ts[tok] = p->s;
            te[tok] = p->e;
            tok++;
        }
    }
    tr->nodes = nodes;
    tr->nnodes = n;
    tr->root = 0;
    tr->ntok = ntok;
    tr->tok_node = tok_node;
    tr->tok_start = ts;
    tr->tok_end = te;
    *out = tr;
    return 0;
}

/* ==== 7. parse: linkages, ranking ============================================ */

static int nchild(const graph *g, int w)
{
    int n = 0;
    for (int i = 1; i < g->nw; i++)
        n += g->w[i].head == w && g->w[i].cat != C_PUNCT;
    return n;
}

static int conj_kind_g(const graph *g, int w)
{
    for (int guard = 0; guard < 8; guard++) {
        int next = -1;
        for (int i = 1; i < g->nw && next < 0; i++)
            if (g->w[i].head == w && g->w[i].rel == R_CONJ)
                next = i;
        if (next < 0)
            return C_NONE;
        if (g->w[next].cat != C_CONJ)
            return g->w[next].cat;
        w = next;
    }
    return C_NONE;
}

/* The penalties of one linkage, for ranking (and, with DYAD_LG_TRACE, shown). */
typedef struct penalty {
    double sum;
    char why[256];
    size_t len;
} penalty;

static void pen(penalty *p, double pts, const char *what, const gword *x)
{
    p->sum += pts;
    if (p->len + 40 < sizeof p->why)
        p->len += (size_t)snprintf(p->why + p->len, sizeof p->why - p->len, " %s(%s)+%g", what,
                                   x ? x->base : "", pts);
}

/* Verbs that take a predicate adjective ("remained mum"). */
static const char *const lg_copulas[] = {
    "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "remain",
    "remains", "remained", "remaining", "stay", "stays", "stayed", "become", "becomes",
    "became", "seem", "seems", "seemed", "appear", "appears", "appeared", "look", "looks",
    "looked", "feel", "feels", "felt", "sound", "sounds", "sounded", "grow", "grows", "grew",
    "grown", "prove", "proves", "proved", "proven", "turn", "turns", "turned", "get", "gets",
    "got", "gotten", "keep", "keeps", "kept", "go", "goes", "went", "gone", "fall", "falls",
    "fell", "make", "makes", "made", "find", "finds", "found", "consider", "considered",
    "deem", "deemed", "declare", "declared", NULL};

static int is_aux_word(const char *b)
{
    return lg__eq(b, "had") || lg__eq(b, "has") || lg__eq(b, "have") || lg__in(b, lg_modals);
}

/* A coordination of a name with a bare singular common noun (no determiner,
 * lower case): rarely what the text means. */
static int mixed_conjuncts(const graph *g, int c)
{
    int name = 0, bare = 0;
    for (int i = 1; i < g->nw; i++) {
        const gword *x = &g->w[i];
        if (x->head != c || x->rel != R_CONJ || x->cat != C_NOUN || !x->tag)
            continue;
        if (!strncmp(x->tag, "NNP", 3))
            name = 1;
        else if (lg__eq(x->tag, "NN") && islower((unsigned char)x->text[0]) &&
                 child_rel(g, i, R_DET) < 0 && child_rel(g, i, R_MOD) < 0)
            bare = 1;
    }
    return name && bare;
}

/* Penalties of one word. */
static void word_penalties(const graph *g, int w, penalty *p)
{
    const gword *x = &g->w[w];
    int has_subj = child_rel(g, w, R_SUBJ) >= 0, verb = x->cat == C_VERB;
    if (x->prio == 1 && x->cat != C_PUNCT)
        pen(p, 10, "orphan", x); /* no link gave it a head */
    if (verb && (x->rel == R_REPORT || (x->rel == R_ROOT && x->head == 0)) && !has_subj &&
        !lg__eq(x->tag, "VB"))
        pen(p, 4, "nosubj", x); /* a reporting or main verb without its subject */
    if ((x->rel == R_VCH || x->rel == R_PRED) && x->head > 0 && !verb_like(&g->w[x->head]))
        pen(p, 4, "vch", x); /* "with -Pv- said" */
    if (lg__eq(x->base, "that") && (lg__eq(x->sub, "j-d") || lg__eq(x->sub, "j-p")) && w > 1 &&
        is_verb_sub(g->w[w - 1].sub))
        pen(p, 3, "that", x); /* "noted that Y": the complementizer, not a determiner */
    if (lg__in(x->base, lg_possessives) && !lg__eq(x->base, "her") && x->rel != R_DET)
        pen(p, 4, "poss", x); /* "his" as a subject */
    if ((lg__eq(x->base, "'s") || !strcmp(x->base, "\xE2\x80\x99s")) && verb)
        pen(p, w + 1 < g->nw && (g->w[w + 1].cat == C_NOUN || g->w[w + 1].cat == C_ADJ) ? 6 : 2,
            "'s", x); /* "Kenya's capital" read as "Kenya is capital" */
    if (verb && x->rel == R_NMOD && lg__eq(x->tag, "VBN") && !nchild(g, w))
        pen(p, 2, "bare-vbn", x); /* "The US claimed that ...": a bare participle */
    if (verb && is_aux_word(x->base) && has_subj && nchild(g, w) == 1)
        pen(p, 2, "aux", x); /* "that ISIL had": an auxiliary with nothing to help */
    if (x->rel == R_PRED && x->hlink >= 0 && !strncmp(g->k[x->hlink].lab, "Pa", 2) &&
        !lg__in(g->w[x->head].base, lg_copulas))
        pen(p, 3, "pa", x); /* "came prepared": a predicate adjective after a non-copula */
    if (lg__eq(x->sub, "g") && x->hlink >= 0 && tis(&g->k[x->hlink], "O") && x->head > 0 &&
        lg__in(g->w[x->head].base, lg_copulas))
        pen(p, 2, "be-gerund", x); /* "are seeking" read as "are (the) seeking" */
    if (verb && (lg__eq(x->base, "has") || lg__eq(x->base, "have") || lg__eq(x->base, "had"))) {
        int y = w + 1;
        while (y < g->nw && g->w[y].cat == C_ADV)
            y++;
        if (y < g->nw && strstr(g->w[y].sub, "-d") && g->w[y].rel != R_VCH)
            pen(p, 4, "perfect", x); /* "has issued arrest warrants": issued is no adjective */
    }
    if (verb && lg__in(x->base, lg_be_forms)) {
        int y = w + 1;
        while (y < g->nw && g->w[y].cat == C_ADV)
            y++;
        if (y < g->nw && ends_with_ing(g->w[y].base) &&
            (g->w[y].sub[0] == 'v' || g->w[y].sub[0] == 'g') && g->w[y].rel != R_VCH &&
            g->w[y].rel != R_PRED)
            pen(p, 4, "progressive", x); /* "is claiming responsibility" */
    }
    if (x->cat == C_CONJ && x->rel != R_NONE && mixed_conjuncts(g, w))
        pen(p, 3, "mixed-conj", x); /* "relations with Asia and meet with ...": a verb read
                                     * as a bare noun beside a name */
    if (verb && lg__in(x->base, lg_modals) && child_rel(g, w, R_VCH) < 0)
        pen(p, 3, "modal", x); /* "will" without a verb */
    if (verb && has_subj &&
        (x->rel == R_NMOD || x->rel == R_DEP || x->rel == R_POBJ || x->rel == R_OBJ))
        pen(p, 3, "clause", x); /* a clause hanging where a phrase should */
}

/* How well a linkage suits the coders (lower is better): words that had to be
 * attached by hand, finite verbs not attached as clauses, no main verb, readings
 * that news text rarely has, then link-grammar's own disjunct and link costs. */
static double rank_score(const graph *g, penalty *p)
{
    int main_verb = 0;
    memset(p, 0, sizeof *p);
    for (int w = 1; w < g->nw; w++) {
        const gword *x = &g->w[w];
        if (x->wall || x->nul)
            continue;
        word_penalties(g, w, p);
        if (x->head == 0 && x->rel == R_ROOT &&
            (x->cat == C_VERB || (x->cat == C_CONJ && conj_kind_g(g, w) == C_VERB)))
            main_verb = 1;
    }
    if (!main_verb)
        pen(p, 5, "nomain", NULL);
    if (g->violation)
        pen(p, 100, "violation", NULL);
    return p->sum + g->dcost + 0.05 * g->lcost;
}

/* Imports linkage lk into g and chooses heads and tags. */
static int graph_from_linkage(graph *g, Linkage lk, const prep *pp, const char *text,
                              dyad_arena *a)
{
    memset(g, 0, sizeof *g);
    g->pp = pp;
    g->text = text;
    g->a = a;
    int rc = import_words(g, lk);
    if (!rc)
        rc = import_links(g, lk);
    if (rc)
        return rc;
    for (int i = 0; i < g->nw; i++)
        g->w[i].lg = NULL; /* owned by the linkage */
    g->dcost = linkage_disjunct_cost(lk);
    g->lcost = linkage_link_cost(lk);
    g->unused = linkage_unused_word_cost(lk);
    g->violation = linkage_get_violation_name(lk) != NULL;
    cands *cs = dyad_arena_alloc(a, (size_t)(g->nw + 1) * sizeof *cs);
    if (!cs)
        return DYAD_ENOMEM;
    choose_heads(g, cs);
    tag_words(g);
    return 0;
}

static int run_parse(dyad_lg *p, Sentence s, int nullmin, int nullmax, dyad_lg_result *res)
{
    parse_options_set_min_null_count(p->po, nullmin);
    parse_options_set_max_null_count(p->po, nullmax);
    parse_options_reset_resources(p->po);
    int n = sentence_parse(s, p->po);
    if (parse_options_resources_exhausted(p->po))
        res->timed_out = 1;
    return n;
}

static int build_root(ptree *t);
static int make_children(ptree *t);
static const char *const rel_names[];

/* DYAD_LG_TRACE: each ranked linkage; with DYAD_LG_TRACE=2 also its tree. */
static void trace_linkage(graph *g, int i, double sc, const char *why)
{
    fprintf(stderr, "lg: linkage %d score %.2f (dcost %.2f lcost %d)%s\n", i, sc, g->dcost,
            g->lcost, why);
    if (atoi(getenv("DYAD_LG_TRACE")) < 2)
        return;
    ptree t = {.g = g, .a = g->a};
    if (make_children(&t))
        return;
    int root = build_root(&t);
    dyad_tree *tr = NULL;
    if (!t.err && root >= 0 && !to_tree(&tr, &t, root, g->a))
        fprintf(stderr, "   %s\n", dyad_tree_to_string(tr, g->a));
}

/* Parses the prepared text; *best is the chosen linkage's graph. */
/* A new sentence for the prepared text, split into words, within the caps. */
static int new_sentence(Sentence *out, dyad_lg *p, const prep *pp, dyad_lg_result *res)
{
    *out = sentence_create(pp->s, p->dict);
    if (!*out)
        return dyad_set_error(DYAD_EPARSE, "link-grammar could not take the sentence");
    if (sentence_split(*out, p->po) < 0)
        return dyad_set_error(DYAD_EPARSE, "link-grammar could not split the sentence into words");
    int len = sentence_length(*out);
    res->words = len > 2 ? len - 2 : len;
    if (len > DYAD_LG_MAX_WORDS + 2)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %d words: longer than %d", len - 2,
                              DYAD_LG_MAX_WORDS);
    return 0;
}

/* Parses s with one set of options (cost cap, null links): the number of
 * linkages, 0 when none. */
static int parse_with(Sentence *out, dyad_lg *p, const prep *pp, float cost, int nulls,
                      dyad_lg_result *res)
{
    /* no clock decides the result: the work is bounded by the length of the
     * piece (DYAD_LG_PIECE_WORDS, DYAD_LG_NULL_WORDS); link-grammar's own
     * timer (max_parse_time, set once) is only an emergency guard */
    parse_options_set_disjunct_cost(p->po, cost);
    /* a new Sentence for each attempt: reusing one across costs changes what
     * link-grammar finds */
    if (*out)
        sentence_delete(*out);
    *out = NULL;
    int rc = new_sentence(out, p, pp, res);
    if (rc)
        return rc;
    int mx = !nulls ? 0 : p->max_null < 0 || p->max_null > sentence_length(*out)
                              ? sentence_length(*out)
                              : p->max_null;
    int n = run_parse(p, *out, nulls, mx, res);
    return n > 0 ? n : 0;
}

/* Ranks the first K linkages of s; keeps the best in *best. extra is added to
 * every score (null words). */
static int rank_linkages(dyad_lg *p, Sentence s, const prep *pp, const char *text, graph *best,
                         double *best_sc, double extra, dyad_lg_result *res, dyad_arena *a)
{
    int avail = sentence_num_valid_linkages(s);
    if (avail <= 0)
        avail = sentence_num_linkages_post_processed(s);
    if (avail <= 0)
        avail = 1;
    int k = p->o.rank < 1 ? 1 : p->o.rank;
    if (k > avail)
        k = avail;
    for (int i = 0; i < k; i++) {
        Linkage lk = linkage_create((LinkageIdx)i, s, p->po);
        if (!lk)
            break;
        graph g;
        int rc = graph_from_linkage(&g, lk, pp, text, a);
        linkage_delete(lk);
        if (rc)
            return rc;
        penalty pe;
        double sc = rank_score(&g, &pe) + extra;
        if (getenv("DYAD_LG_TRACE"))
            trace_linkage(&g, i, sc, pe.why);
        if (sc < *best_sc) {
            *best_sc = sc;
            *best = g;
            res->chosen = i;
            res->null_count = sentence_null_count(s);
        }
    }
    return 0;
}

/* What a word left out (a null link) costs in the ranking. */
#define LG_NULL_PENALTY 3.0

/* The parse: only cheap disjuncts first (link-grammar's rarer readings left
 * out); when that finds nothing, a parse with all disjuncts and one with null
 * links are ranked together (a null word costs extra), so that a sentence that
 * can only be parsed whole with a strange reading may leave out one word
 * instead. */
static int parse_attempts(dyad_lg *p, const prep *pp, const char *text, graph *best,
                          double *best_scp, dyad_lg_result *res, dyad_arena *a)
{
    float full = linkgrammar_get_dict_max_disjunct_cost(p->dict);
    float cheap = p->o.cheap_cost > 0 && p->o.cheap_cost < full ? p->o.cheap_cost : full;
    double best_sc = *best_scp;
    Sentence s = NULL;
    int n = parse_with(&s, p, pp, cheap, 0, res), rc = n < 0 ? n : 0;
    if (n > 0) {
        res->linkages = n;
        rc = rank_linkages(p, s, pp, text, best, &best_sc, 0, res, a);
    } else if (!rc) {
        for (int st = 0; st < 2 && !rc; st++) {
            if ((st == 0 && cheap >= full) || (st == 1 && (!p->o.null_links || !p->max_null)))
                continue;
            /* a partial parse scores at least LG_NULL_PENALTY: it cannot beat
             * a full one that scores less */
            if (st == 1 && best_sc <= LG_NULL_PENALTY)
                continue;
            n = parse_with(&s, p, pp, full, st, res);
            if (n < 0) {
                rc = n;
                break;
            }
            if (n == 0)
                continue;
            res->linkages += n;
            double extra = st ? LG_NULL_PENALTY * sentence_null_count(s) : 0;
            rc = rank_linkages(p, s, pp, text, best, &best_sc, extra, res, a);
        }
    }
    if (s)
        sentence_delete(s);
    *best_scp = best_sc;
    return rc;
}

/* "Gollum allowed that Mordor isn't ...": a verb that link-grammar's
 * dictionary does not give a "that" clause reads "that" as a determiner of the
 * next noun however the rest goes. When the chosen linkage does that and a
 * finite verb follows, the verb index (else -1): the sentence is parsed again
 * with a reporting verb standing in for it. */
static int that_clause_verb(const graph *g)
{
    for (int w = 2; w + 2 < g->nw; w++) {
        const gword *x = &g->w[w], *v = &g->w[w - 1];
        if (!lg__eq(x->base, "that") || !(lg__eq(x->sub, "j-d") || lg__eq(x->sub, "j-p")) ||
            !is_verb_sub(v->sub) || v->run >= 0 || v->os < 0)
            continue;
        for (int y = w + 2; y < g->nw; y++) {
            const gword *f = &g->w[y];
            if (f->tag && (lg__eq(f->tag, "VBD") || lg__eq(f->tag, "VBZ") ||
                           lg__eq(f->tag, "VBP") || lg__eq(f->tag, "MD")))
                return w - 1;
        }
    }
    return -1;
}

/* A copy of pp with the word at original span [os, oe) replaced by stand. */
static int prep_substitute(prep *out, const prep *pp, int os, int oe, const char *stand)
{
    memset(out, 0, sizeof *out);
    out->a = pp->a;
    int done = 0;
    for (int i = 0; i < pp->n; i++) {
        if (pp->os[i] >= os && pp->oe[i] <= oe && pp->oe[i] > pp->os[i] && pp->s[i] != ' ') {
            if (!done)
                prep_put(out, stand, (int)strlen(stand), os, oe, -1);
            done = 1;
            continue;
        }
        prep_put(out, pp->s + i, 1, pp->os[i], pp->oe[i], pp->run[i]);
    }
    out->runs = pp->runs;
    out->nruns = pp->nruns;
    out->runcap = pp->runcap;
    if (!out->s)
        prep_put(out, "", 0, 0, 0, -1);
    return out->err;
}

static int parse_best(dyad_lg *p, const prep *pp, const char *text, graph *best,
                      dyad_lg_result *res, dyad_arena *a)
{
    double best_sc = 1e30;
    int rc = parse_attempts(p, pp, text, best, &best_sc, res, a);
    int v = !rc && best_sc < 1e30 ? that_clause_verb(best) : -1;
    if (v > 0) {
        const gword *x = &best->w[v];
        const char *stand = strstr(x->sub, "-d") || ends_with(x->base, "ed") ? "noted"
                            : ends_with_ing(x->base)                         ? "noting"
                            : ends_with(x->base, "s")                        ? "notes"
                                                                             : "note";
        prep *sub = dyad_arena_alloc(a, sizeof *sub); /* the chosen graph points at it */
        if (!sub || prep_substitute(sub, pp, x->os, x->oe, stand))
            return lg__nomem();
        if (getenv("DYAD_LG_TRACE"))
            fprintf(stderr, "lg: '%s that' again with '%s'\n", x->base, stand);
        rc = parse_attempts(p, sub, text, best, &best_sc, res, a);
    }
    if (!rc && best_sc >= 1e30)
        rc = dyad_set_error(DYAD_EPARSE, "no linkage%s",
                            res->timed_out ? " within link-grammar's emergency time limit" : "");
    return rc;
}

static const char *const rel_names[] = {
    "none", "root", "subj", "obj", "pobj", "det", "mod", "poss", "nmod", "appos", "adv",
    "vch", "pred", "inf", "comp", "report", "relcl", "relpro", "neg", "prt", "conj",
    "punct", "idiom", "opener", "flat", "dep"};

/* DYAD_LG_TRACE: the chosen words, tags, heads and links on stderr. */
static void trace_graph(const graph *g)
{
    for (int w = 0; w < g->nw; w++) {
        const gword *x = &g->w[w];
        const char *lab = x->hlink >= 0 ? g->k[x->hlink].lab : "-";
        fprintf(stderr, "  %2d %-14s .%-5s %-5s <-%-7s %2d %s%s\n", w, x->wall ? "WALL" : x->text,
                x->sub, x->tag ? x->tag : "", rel_names[x->rel], x->head, lab,
                x->nul ? " (null)" : "");
    }
    for (int i = 0; i < g->nk; i++)
        fprintf(stderr, "%s%d-%s-%d", i ? " " : "  links: ", g->k[i].l, g->k[i].lab, g->k[i].r);
    fprintf(stderr, "\n");
}

/* ==== API ==================================================================== */

static void lg__quiet(lg_errinfo *ei, void *data)
{
    (void)ei;
    (void)data;
}

void dyad_lg_opts_default(dyad_lg_opts *o)
{
    o->max_parse_time = DYAD_LG_EMERGENCY_SECONDS;
    o->linkage_limit = 300;
    o->short_length = 10;
    o->rank = 10;
    o->merge_names = 1;
    o->null_links = 1;
    o->cheap_cost = 1.2f;
}

int dyad_lg_new(dyad_lg **out, const dyad_lg_opts *opts)
{
    *out = NULL;
    dyad_lg *p = calloc(1, sizeof *p);
    if (!p)
        return lg__nomem();
    if (opts)
        p->o = *opts;
    else
        dyad_lg_opts_default(&p->o);
    lg_error_set_handler(lg__quiet, NULL);
    p->dict = dictionary_create_lang("en");
    if (!p->dict) {
        free(p);
        return dyad_set_error(DYAD_ENOTFOUND, "link-grammar: no English dictionary "
                                              "(install link-grammar-dictionaries-en)");
    }
    p->po = parse_options_create();
    p->scratch = dyad_arena_new();
    if (!p->po || !p->scratch) {
        if (p->po)
            parse_options_delete(p->po);
        dyad_arena_free(p->scratch);
        dictionary_delete(p->dict);
        free(p);
        return lg__nomem();
    }
    parse_options_set_verbosity(p->po, 0);
    parse_options_set_max_parse_time(p->po, p->o.max_parse_time > 0 ? p->o.max_parse_time
                                                                     : DYAD_LG_EMERGENCY_SECONDS);
    parse_options_set_linkage_limit(p->po, p->o.linkage_limit > 0 ? p->o.linkage_limit : 300);
    if (p->o.short_length > 0)
        parse_options_set_short_length(p->po, p->o.short_length);

    *out = p;
    return 0;
}

void dyad_lg_free(dyad_lg *p)
{
    if (!p)
        return;
    parse_options_delete(p->po);
    dictionary_delete(p->dict);
    dyad_arena_free(p->scratch);
    free(p);
}

void dyad_lg_get_stats(const dyad_lg *p, dyad_lg_stats *st) { *st = p->st; }

static int in_order(const dyad_tree *t)
{
    for (int i = 1; i < t->ntok; i++)
        if (t->tok_start[i] < t->tok_start[i - 1])
            return 0;
    return 1;
}

static int has_alnum(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC0)
            return 1;
    return 0;
}

static int lg_parse(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text,
                    size_t n, dyad_arena *a)
{
    if (!text || !has_alnum(text, n))
        return dyad_set_error(DYAD_EPARSE, "nothing to parse (no word)");
    if (n > DYAD_LG_MAX_BYTES)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %zu bytes: longer than %d", n,
                              DYAD_LG_MAX_BYTES);
    prep pp;
    int rc = prep_build(&pp, p, text, (int)n, a);
    if (rc)
        return lg__nomem();
    /* far too many words: refused before link-grammar splits them (which,
     * with its spelling guesses, takes time); it splits further, so this
     * count is a floor and new_sentence checks again */
    int words = 0;
    for (int i = 0; i < pp.n; i++)
        words += pp.s[i] != ' ' && (i == 0 || pp.s[i - 1] == ' ');
    if (words > DYAD_LG_MAX_WORDS)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %d words or more: longer than %d",
                              words, DYAD_LG_MAX_WORDS);
    const char *orig = dyad_arena_strndup(a, text, n);
    if (!orig)
        return lg__nomem();
    graph g;
    rc = parse_best(p, &pp, orig, &g, res, a);
    if (rc)
        return rc;
    if (getenv("DYAD_LG_TRACE"))
        trace_graph(&g);
    ptree t = {.g = &g, .a = a};
    if (make_children(&t))
        return lg__nomem();
    int root = build_root(&t);
    if (t.err || root < 0)
        return lg__nomem();
    if (!all_emitted(&t)) {
        /* a word the phrase rules did not place: never drop it, give the words
         * flat under a fragment instead */
        if (getenv("DYAD_LG_TRACE"))
            fprintf(stderr, "lg: words left out of the tree; flat fragment instead\n");
        root = flat_tree(&t);
        if (t.err || root < 0)
            return lg__nomem();
    }
    rc = to_tree(out, &t, root, a);
    if (rc)
        return lg__nomem();
    if (!in_order(*out)) { /* the same guard for the order of the words */
        if (getenv("DYAD_LG_TRACE"))
            fprintf(stderr, "lg: words out of order; flat fragment instead\n");
        root = flat_tree(&t);
        if (t.err || root < 0 || to_tree(out, &t, root, a))
            return lg__nomem();
    }
    res->status = res->null_count > 0 ? DYAD_LG_PARTIAL : DYAD_LG_FULL;
    return 0;
}

/* ==== long sentences: pieces ============================================== */

/* Link-grammar's work grows steeply with the length of what it is given
 * (null links most of all), and its only bound is a timer, which would make
 * the output depend on the machine's load. So the work is bounded by the
 * input instead: a sentence of more than DYAD_LG_PIECE_WORDS words (after name
 * merging) is cut at a safe point and its pieces parsed one by one; null links
 * are tried only on pieces of at most DYAD_LG_NULL_WORDS words, and a longer
 * piece without a full linkage is cut again. The pieces' trees are joined
 * under one ROOT with the separators (";", ",", "and", a dash) as leaves
 * between them: (ROOT (S ...) (: ;) (S ...)). */

/* Words link-grammar would get for text[0..n): the prepared text's chunks
 * (names merged) and the punctuation it splits off them (, ; : ( ) " ! ?);
 * *commas = the commas among them. -1 out of memory. */
static int piece_words(const dyad_lg *p, const char *text, int n, int *commas, dyad_arena *a)
{
    prep pp;
    if (prep_build(&pp, p, text, n, a))
        return -1;
    int words = 0;
    *commas = 0;
    for (int i = 0; i < pp.n; i++) {
        char c = pp.s[i];
        if (c == ' ')
            continue;
        int start = i == 0 || pp.s[i - 1] == ' ', end = i + 1 >= pp.n || pp.s[i + 1] == ' ';
        words += start || (strchr(",;:()\"!?", c) && !end);
        *commas += c == ',';
    }
    return words;
}

typedef struct lgpart {
    dyad_tree *t;       /* a parsed piece (spans relative to off), or NULL: a leaf */
    int off;            /* piece: where it starts in the sentence */
    int s, e;           /* leaf: its span in the sentence */
    const char *tag;    /* leaf: its Penn tag */
} lgpart;

typedef struct lgparts {
    lgpart *v;
    int n, cap;
} lgparts;

static int parts_add(lgparts *ps, lgpart x, dyad_arena *a)
{
    if (ps->n == ps->cap) {
        int cap = ps->cap ? 2 * ps->cap : 8;
        lgpart *v = dyad_arena_alloc(a, (size_t)cap * sizeof *v);
        if (!v)
            return lg__nomem();
        if (ps->n)
            memcpy(v, ps->v, (size_t)ps->n * sizeof *v);
        ps->v = v;
        ps->cap = cap;
    }
    ps->v[ps->n++] = x;
    return 0;
}

/* A cut of text[0..n): the left piece is [0, le), the right [rs, n), with up
 * to two separator leaves in between. */
typedef struct lgcut {
    int le, rs;
    int nsep;
    int ss[2], se[2];
    const char *tag[2];
    int prio;           /* 5 ';'  4 ':'  3 a dash  2 ", and" / ", but"  1 ','  0 none */
} lgcut;

static int is_dash_chunk(const char *t, int s, int e)
{
    if (e - s == 3 && (unsigned char)t[s] == 0xE2 && (unsigned char)t[s + 1] == 0x80 &&
        ((unsigned char)t[s + 2] == 0x93 || (unsigned char)t[s + 2] == 0x94))
        return 1;
    for (int i = s; i < e; i++)
        if (t[i] != '-')
            return 0;
    return e > s;
}

static int chunk_is(const char *t, const chunk *c, const char *w)
{
    int n = (int)strlen(w);
    return c->e - c->s == n && !strncmp(t + c->s, w, (size_t)n);
}

/* Chooses where to cut text[0..n): the safest kind of point (see lgcut.prio)
 * that leaves at least two chunks on each side, the one nearest the middle
 * among them; else between the two middle chunks. 0 when there are fewer than
 * two chunks, 1 done, < 0 out of memory. Linear in n. */
static int find_cut(const char *t, int n, lgcut *c, dyad_arena *a)
{
    int maxch = n / 2 + 2;
    chunk *ch = dyad_arena_alloc(a, (size_t)maxch * sizeof *ch);
    if (!ch)
        return lg__nomem();
    int nch = split_chunks(t, n, ch, maxch);
    if (nch < 2)
        return 0;
    memset(c, 0, sizeof *c);
    c->prio = -1;
    int best_d = 1 << 30;
    for (int i = 0; i + 1 < nch; i++) {
        const chunk *x = &ch[i], *y = &ch[i + 1];
        char last = t[x->e - 1];
        int prio = 0, right = i + 1; /* the right piece's first chunk */
        if (last == ';')
            prio = 5;
        else if (last == ':')
            prio = 4;
        else if (is_dash_chunk(t, y->s, y->e) && i + 2 < nch)
            prio = 3, right = i + 2;
        else if (last == ',' && i + 2 < nch && (chunk_is(t, y, "and") || chunk_is(t, y, "but")))
            prio = 2, right = i + 2;
        else if (last == ',')
            prio = 1;
        int left_n = prio == 0 || x->e - x->s > 1 ? i + 1 : i; /* a lone ';' is no word */
        if (left_n < 2 || nch - right < 2 || prio < c->prio)
            continue;
        int d = abs((i + 1) - nch / 2);
        if (prio == c->prio && d >= best_d)
            continue;
        c->prio = prio;
        best_d = d;
        c->nsep = 0;
        c->rs = ch[right].s;
        if (prio == 0 || prio == 3) {
            c->le = x->e;
            if (prio == 3) {
                c->ss[0] = y->s, c->se[0] = y->e, c->tag[0] = ":";
                c->nsep = 1;
            }
            continue;
        }
        c->le = x->e - 1;
        c->ss[0] = x->e - 1, c->se[0] = x->e, c->tag[0] = prio == 1 || prio == 2 ? "," : ":";
        c->nsep = 1;
        if (prio == 2) {
            c->ss[1] = y->s, c->se[1] = y->e, c->tag[1] = "CC";
            c->nsep = 2;
        }
    }
    if (c->prio < 0) { /* two or three chunks: between the first two */
        c->prio = 0;
        c->le = ch[0].e;
        c->rs = ch[1].s;
        c->nsep = 0;
    }
    return 1;
}

static void merge_result(dyad_lg_result *res, const dyad_lg_result *r, int first, int kept)
{
    if (kept)
        res->words += r->words;
    res->null_count += r->null_count;
    res->linkages += r->linkages;
    res->timed_out |= r->timed_out;
    if (first)
        res->chosen = r->chosen;
}

/* Parses text[s..e) (of the sentence text) into parts, cut as needed. */
static int parse_piece(lgparts *ps, dyad_lg_result *res, dyad_lg *p, const char *text, int s,
                       int e, int depth, dyad_arena *a)
{
    while (s < e && is_space_byte((unsigned char)text[s]))
        s++;
    while (e > s && is_space_byte((unsigned char)text[e - 1]))
        e--;
    if (!has_alnum(text + s, (size_t)(e - s))) { /* punctuation between cuts: leaves */
        for (int i = s; i < e; i++)
            if (!is_space_byte((unsigned char)text[i])) {
                int j = i;
                while (j < e && !is_space_byte((unsigned char)text[j]))
                    j++;
                int rc = parts_add(ps, (lgpart){.s = i, .e = j, .tag = ":"}, a);
                if (rc)
                    return rc;
                i = j;
            }
        return 0;
    }
    int commas, words = piece_words(p, text + s, e - s, &commas, a);
    if (words < 0)
        return lg__nomem();
    int rc = DYAD_EPARSE;
    if (words <= DYAD_LG_PIECE_WORDS && commas <= DYAD_LG_PIECE_COMMAS &&
        e - s <= DYAD_LG_MAX_BYTES) {
        dyad_lg_result r;
        memset(&r, 0, sizeof r);
        p->max_null = words <= DYAD_LG_NULL_WORDS ? -1 : 0;
        dyad_tree *t = NULL;
        rc = lg_parse(&t, &r, p, text + s, (size_t)(e - s), a);
        merge_result(res, &r, ps->n == 0, rc == 0);
        if (!rc)
            return parts_add(ps, (lgpart){.t = t, .off = s}, a);
        /* a piece too long for null links without a full linkage is cut again */
        if (rc != DYAD_EPARSE || p->max_null < 0 || depth >= 32)
            return rc;
    }
    lgcut c;
    int got = find_cut(text + s, e - s, &c, a);
    if (got < 0)
        return got;
    if (!got)
        return rc == DYAD_EPARSE && words > DYAD_LG_PIECE_WORDS
                   ? dyad_set_error(DYAD_ELIMIT, "a word of %d bytes", e - s)
                   : rc;
    if ((rc = parse_piece(ps, res, p, text, s, s + c.le, depth + 1, a)))
        return rc;
    for (int k = 0; k < c.nsep; k++)
        if ((rc = parts_add(ps, (lgpart){.s = s + c.ss[k], .e = s + c.se[k], .tag = c.tag[k]}, a)))
            return rc;
    return parse_piece(ps, res, p, text, s + c.rs, e, depth + 1, a);
}

/* One tree from the parts: ROOT over each piece's root's children and the
 * separator leaves, in order; spans in the sentence. */
static int join_parts(dyad_tree **out, const lgparts *ps, const char *text, dyad_arena *a)
{
    int nn = 1, nt = 0;
    for (int i = 0; i < ps->n; i++) {
        nn += ps->v[i].t ? ps->v[i].t->nnodes - 1 : 1;
        nt += ps->v[i].t ? ps->v[i].t->ntok : 1;
    }
    dyad_tree *t = dyad_arena_alloc(a, sizeof *t);
    dyad_tnode *nd = dyad_arena_alloc(a, (size_t)nn * sizeof *nd);
    int *tn = dyad_arena_alloc(a, (size_t)(nt + 1) * sizeof *tn);
    int *ts = dyad_arena_alloc(a, (size_t)(nt + 1) * sizeof *ts);
    int *te = dyad_arena_alloc(a, (size_t)(nt + 1) * sizeof *te);
    if (!t || !nd || !tn || !ts || !te)
        return lg__nomem();
    nd[0] = (dyad_tnode){.label = "ROOT", .parent = -1, .first_child = -1, .next_sibling = -1,
                         .last_child = -1, .tok = -1};
    int k = 1, tk = 0;
#define LG_ADD_CHILD(c)                                                                        \
    do {                                                                                       \
        nd[c].parent = 0;                                                                      \
        nd[c].next_sibling = -1;                                                               \
        if (nd[0].last_child >= 0)                                                             \
            nd[nd[0].last_child].next_sibling = (c);                                           \
        else                                                                                   \
            nd[0].first_child = (c);                                                           \
        nd[0].last_child = (c);                                                                \
        nd[0].nchildren++;                                                                     \
    } while (0)
    for (int i = 0; i < ps->n; i++) {
        const lgpart *x = &ps->v[i];
        if (!x->t) {
            int dash = (unsigned char)text[x->s] == 0xE2;
            const char *w = dash ? "--" : dyad_arena_strndup(a, text + x->s, (size_t)(x->e - x->s));
            if (!w)
                return lg__nomem();
            nd[k] = (dyad_tnode){.label = x->tag, .word = w, .first_child = -1, .last_child = -1,
                                 .tok = tk};
            LG_ADD_CHILD(k);
            tn[tk] = k;
            ts[tk] = x->s;
            te[tk] = x->e;
            k++, tk++;
            continue;
        }
        const dyad_tree *pt = x->t;
        int base = k - 1;
        for (int j = 1; j < pt->nnodes; j++) {
            dyad_tnode o = pt->nodes[j];
            o.parent = o.parent <= 0 ? 0 : o.parent + base;
            o.first_child = o.first_child < 0 ? -1 : o.first_child + base;
            o.last_child = o.last_child < 0 ? -1 : o.last_child + base;
            o.next_sibling = o.next_sibling < 0 ? -1 : o.next_sibling + base;
            if (o.tok >= 0)
                o.tok += tk;
            nd[base + j] = o;
        }
        for (int c = pt->nodes[0].first_child; c >= 0; c = pt->nodes[c].next_sibling)
            LG_ADD_CHILD(base + c);
        for (int j = 0; j < pt->ntok; j++) {
            tn[tk + j] = pt->tok_node[j] + base;
            ts[tk + j] = pt->tok_start[j] < 0 ? -1 : pt->tok_start[j] + x->off;
            te[tk + j] = pt->tok_end[j] < 0 ? -1 : pt->tok_end[j] + x->off;
        }
        k += pt->nnodes - 1;
        tk += pt->ntok;
    }
#undef LG_ADD_CHILD
    *t = (dyad_tree){.nodes = nd, .nnodes = k, .root = 0, .ntok = tk, .tok_node = tn,
                     .tok_start = ts, .tok_end = te};
    *out = t;
    return 0;
}

/* The sentence text[0..n), in pieces when it is long (see above). */
static int parse_long(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text,
                      size_t n, dyad_arena *a)
{
    if (!text || !has_alnum(text, n))
        return dyad_set_error(DYAD_EPARSE, "nothing to parse (no word)");
    if (n > DYAD_LG_MAX_BYTES)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %zu bytes: longer than %d", n,
                              DYAD_LG_MAX_BYTES);
    int commas, words = piece_words(p, text, (int)n, &commas, a);
    if (words < 0)
        return lg__nomem();
    if (words > DYAD_LG_MAX_WORDS + commas)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %d words or more: longer than %d",
                              words, DYAD_LG_MAX_WORDS);
    lgparts ps = {0};
    int rc = parse_piece(&ps, res, p, text, 0, (int)n, 0, a);
    if (rc)
        return rc;
    res->pieces = 0;
    for (int i = 0; i < ps.n; i++)
        res->pieces += ps.v[i].t != NULL;
    res->status = res->null_count > 0 ? DYAD_LG_PARTIAL : DYAD_LG_FULL;
    if (ps.n == 1 && ps.v[0].t && ps.v[0].off == 0) {
        *out = ps.v[0].t;
        return 0;
    }
    return join_parts(out, &ps, text, a);
}

/* ==== datelines ============================================================ */

/* A dateline before the story's first sentence: "LOURDES, France - A frail
 * Pope ...", "BEIJING (Reuters) - Beijing on Monday ...", "AFP - The United
 * Nations ...". Link-grammar has no reading for it, so the whole sentence went
 * to the slow partial parse. Returns the end of the dash (the sentence proper
 * starts after it) and the dash's span in *ds / *de; 0 when there is none. A
 * dateline: at most 8 words before the first " - ", " -- " or a spaced dash
 * (en or em) in the first 80 bytes, every word capitalised, a number, or in
 * parentheses, and with a comma, a parenthesis or a word in capitals (not
 * "Israel - Gaza talks"); then a sentence of 3 words or more that starts with a
 * capital, a digit or a quote. */
static int dateline_end(const char *t, int n, int *ds, int *de)
{
    int lim = n < 80 ? n : 80;
    for (int i = 1; i + 2 < lim; i++) {
        if (t[i] != ' ')
            continue;
        int j = i + 1, dl = 0;
        if (t[j] == '-')
            dl = t[j + 1] == '-' ? 2 : 1;
        else if (j + 2 < n && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
                 ((unsigned char)t[j + 2] == 0x93 || (unsigned char)t[j + 2] == 0x94))
            dl = 3;
        if (!dl || j + dl >= n || t[j + dl] != ' ')
            continue;
        /* the prefix t[0..i) */
        int words = 0, marked = 0, k = 0;
        while (k < i) {
            while (k < i && t[k] == ' ')
                k++;
            if (k >= i)
                break;
            int st = k;
            while (k < i && t[k] != ' ')
                k++;
            unsigned char c0 = (unsigned char)t[st];
            if (!(isupper(c0) || isdigit(c0) || c0 == '('))
                return 0;
            int caps = 0, lower = 0;
            for (int q = st; q < k; q++) {
                caps += isupper((unsigned char)t[q]) != 0;
                lower += islower((unsigned char)t[q]) != 0;
                marked |= t[q] == ',' || t[q] == '(';
            }
            marked |= caps >= 2 && !lower;
            words++;
        }
        if (words < 1 || words > 8 || !marked)
            return 0;
        /* the sentence after it */
        int r = j + dl;
        while (r < n && t[r] == ' ')
            r++;
        if (r >= n || !(isupper((unsigned char)t[r]) || isdigit((unsigned char)t[r]) ||
                        t[r] == '"' || (unsigned char)t[r] == 0xE2))
            return 0;
        int rw = 0;
        for (int q = r; q < n; q++)
            rw += t[q] != ' ' && (q == r || t[q - 1] == ' ');
        if (rw < 3)
            return 0;
        *ds = j;
        *de = j + dl;
        return j + dl;
    }
    return 0;
}

static void lg__quiet_diag(void *user, dyad_diag_level lvl, const char *file, long line,
                           const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

/* The dateline's words as a flat NP of Penn leaves ("(NNP LOURDES) (, ,)"),
 * appended to b with their spans; the number of words, -1 when a word cannot
 * be written. */
static int dateline_leaves(dyad_buf *b, const char *t, int end, int *ts, int *te, int cap)
{
    int nt = 0, k = 0;
    while (k < end) {
        while (k < end && t[k] == ' ')
            k++;
        int st = k;
        while (k < end && t[k] != ' ')
            k++;
        int e = k;
        while (st < e && nt + 3 < cap) {
            int ws = st, we;
            const char *tag;
            if (t[st] == '(' || t[st] == ')' || t[st] == ',') {
                we = st + 1;
                tag = t[st] == '(' ? "-LRB-" : t[st] == ')' ? "-RRB-" : ",";
            } else {
                we = st;
                while (we < e && t[we] != '(' && t[we] != ')' && t[we] != ',')
                    we++;
                tag = isdigit((unsigned char)t[ws]) ? "CD" : "NNP";
            }
            if (t[ws] == '(' || t[ws] == ')')
                dyad_buf_printf(b, " (%s %s)", tag, tag);
            else
                dyad_buf_printf(b, " (%s %.*s)", tag, we - ws, t + ws);
            ts[nt] = ws;
            te[nt] = we;
            nt++;
            st = we;
        }
        if (st < e)
            return -1;
    }
    return nt;
}

/* Parses the sentence after a dateline on its own (the text with the dateline
 * blanked, so the spans stay the text's) and puts the dateline before it:
 * (ROOT (NP dateline) (: --) <the sentence's phrases>). 1 done, 0 not done
 * (no dateline, or the sentence could not be parsed: the caller parses the
 * whole), < 0 out of memory. */
static int parse_dateline(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text,
                          size_t n, dyad_arena *a)
{
    int ds, de;
    int end = dateline_end(text, (int)n, &ds, &de);
    if (!end)
        return 0;
    char *rest = dyad_arena_strndup(a, text, n);
    if (!rest)
        return DYAD_ENOMEM;
    memset(rest, ' ', (size_t)end);
    dyad_tree *rt = NULL;
    if (parse_long(&rt, res, p, rest, n, a) || !rt || rt->ntok < 1 || rt->nnodes < 2)
        return 0;
    char *rs = dyad_tree_to_string(rt, a);
    if (!rs || strncmp(rs, "(ROOT ", 6))
        return 0;
    int cap = 64;
    int *ts = dyad_arena_alloc(a, (size_t)(cap + rt->ntok + 1) * sizeof *ts);
    int *te = dyad_arena_alloc(a, (size_t)(cap + rt->ntok + 1) * sizeof *te);
    if (!ts || !te)
        return DYAD_ENOMEM;
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "(ROOT (NP");
    int nt = dateline_leaves(&b, text, ds - 1, ts, te, cap);
    if (nt < 1) {
        dyad_buf_free(&b);
        return 0;
    }
    /* then the dash as written (an en or em dash as "--") and the sentence's
     * root's phrases with the root's ')' */
    dyad_buf_printf(&b, ") (: %.*s) %s", text[ds] == '-' ? de - ds : 2, text[ds] == '-' ? text + ds : "--",
                    rs + 6);
    ts[nt] = ds;
    te[nt] = de;
    nt++;
    for (int i = 0; i < rt->ntok; i++, nt++) {
        ts[nt] = rt->tok_start[i];
        te[nt] = rt->tok_end[i];
    }
    dyad_tree *t = NULL;
    dyad_diag quiet = {.fn = lg__quiet_diag};
    int rc = b.data ? dyad_ptb_parse(&t, a, b.data, b.len, &quiet, NULL, 0) : DYAD_ENOMEM;
    dyad_buf_free(&b);
    if (rc == DYAD_ENOMEM)
        return rc;
    if (rc || !t || t->ntok != nt)
        return 0;
    t->tok_start = ts;
    t->tok_end = te;
    *out = t;
    return 1;
}

/* A copy of t (its arrays and strings) in a. */
static dyad_tree *tree_copy(const dyad_tree *t, dyad_arena *a)
{
    dyad_tree *c = dyad_arena_alloc(a, sizeof *c);
    dyad_tnode *nd = dyad_arena_alloc(a, (size_t)(t->nnodes + 1) * sizeof *nd);
    int *tn = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *tn);
    int *ts = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *ts);
    int *te = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *te);
    if (!c || !nd || !tn || !ts || !te)
        return NULL;
    *c = *t;
    for (int i = 0; i < t->nnodes; i++) {
        nd[i] = t->nodes[i];
        nd[i].label = t->nodes[i].label ? dyad_arena_strdup(a, t->nodes[i].label) : NULL;
        nd[i].word = t->nodes[i].word ? dyad_arena_strdup(a, t->nodes[i].word) : NULL;
        if ((t->nodes[i].label && !nd[i].label) || (t->nodes[i].word && !nd[i].word))
            return NULL;
    }
    for (int i = 0; i < t->ntok; i++) {
        tn[i] = t->tok_node[i];
        ts[i] = t->tok_start ? t->tok_start[i] : -1;
        te[i] = t->tok_end ? t->tok_end[i] : -1;
    }
    c->nodes = nd, c->tok_node = tn, c->tok_start = ts, c->tok_end = te;
    return c;
}

int dyad_lg_parse(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text, size_t n,
                  dyad_arena *a)
{
    dyad_lg_result local;
    if (!res)
        res = &local;
    memset(res, 0, sizeof *res);
    if (!out || !p || !a)
        return dyad_set_error(DYAD_EINVAL, "dyad_lg_parse: NULL argument");
    *out = NULL;
    lg_error_set_handler(lg__quiet, NULL);
    double t0 = lg__now();
    /* the parse's working memory (every ranked linkage's graph) lives in the
     * parser's scratch arena; only the tree is copied to a */
    dyad_arena *w = p->scratch;
    dyad_arena_reset(w);
    int rc = text && n <= DYAD_LG_MAX_BYTES ? parse_dateline(out, res, p, text, n, w) : 0;
    if (rc == 1)
        rc = 0;
    else if (rc == 0) {
        memset(res, 0, sizeof *res);
        rc = parse_long(out, res, p, text, n, w);
    }
    if (!rc && !(*out = tree_copy(*out, a)))
        rc = lg__nomem();
    dyad_arena_reset(w);
    res->ms = lg__now() - t0;
    if (rc) {
        *out = NULL;
        res->status = DYAD_LG_NONE;
    }
    p->st.sentences++;
    p->st.ms += res->ms;
    p->st.timeouts += res->timed_out;
    p->st.split += res->pieces > 1;
    if (res->status == DYAD_LG_FULL)
        p->st.full++;
    else if (res->status == DYAD_LG_PARTIAL)
        p->st.partial++;
    else
        p->st.none++;
    return rc;
}

int dyad_lg_parse_tokens(dyad_tree **out, dyad_lg_result *res, dyad_lg *p,
                         const char *const *toks, int ntok, const char **joined, dyad_arena *a)
{
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < ntok; i++)
        if (toks[i] && (dyad_buf_puts(&b, i ? " " : "") || dyad_buf_puts(&b, toks[i]))) {
            dyad_buf_free(&b);
            return lg__nomem();
        }
    const char *s = dyad_arena_strndup(a, b.data ? b.data : "", b.len);
    dyad_buf_free(&b);
    if (!s)
        return lg__nomem();
    if (joined)
        *joined = s;
    return dyad_lg_parse(out, res, p, s, strlen(s), a);
}
