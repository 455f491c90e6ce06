/* lg_prep.c: the text as link-grammar will see it (see lg_internal.h).
 *
 * Curly quotes and dashes become ASCII, an all-capitals headline is re-cased
 * word by word, an underscore between two words separates them, and runs of
 * capitalised words ("US Deputy Secretary of Energy Jeffrey Kupfer") become one
 * placeholder proper noun; every byte of the result keeps the span of the
 * original text it stands for. Also here: the words link-grammar would get for
 * a text and where a long sentence is cut into pieces (lg.c parses them).
 */
#include "parse/lg_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include <link-grammar/dict-api.h>

void lg__prep_put(prep *p, const char *s, int len, int os, int oe, int run)
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


int lg__is_space_byte(unsigned char c) { return c <= ' ' || c == 0x7f; }

/* Length of a UTF-8 quote or dash at t (0 if none); *kind: '"' double quote,
 * '\'' single quote, '-' dash, '.' ellipsis, ' ' no-break space. */
int lg__utf8_punct(const char *t, int n, char *kind)
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
    int m = lg__utf8_punct(t, n, &k);
    if (m && k != ' ') {
        *len = m;
        return 1;
    }
    *len = 1;
    return n > 0 && strchr("\"'`([{)]},.;:!?", t[0]) != NULL;
}

const char *const lg__months_days[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", NULL};

void lg__lower_copy(char *dst, size_t cap, const char *s, int n)
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
        if (e - s >= 3 && lg__utf8_punct(t + e - 3, 3, &kind) == 3 && kind != ' ')
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
    lg__lower_copy(low, sizeof low, w, n);
    if (lg__in(low, lg__months_days) || lg__eq(low, "i"))
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
    lg__lower_copy(low, sizeof low, w, n);
    int known = dictionary_word_is_known(p->dict, low);
    for (int i = 0; i < n; i++)
        w[i] = (char)((i == 0 && (first || !known)) ? toupper((unsigned char)low[i]) : low[i]);
}

/* Bytes of white space at t[i] (a blank, a control byte, a no-break space); 0 if none.
 * An underscore between two letters or digits also separates words: it is how
 * PETRARCH dictionaries join the words of a phrase ("Dol_Amroth"), and text
 * that writes one means those words. */
int lg__space_len(const char *t, int n, int i)
{
    char kind;
    if (lg__is_space_byte((unsigned char)t[i]))
        return 1;
    if (t[i] == '_' && i > 0 && i + 1 < n && isalnum((unsigned char)t[i - 1]) &&
        isalnum((unsigned char)t[i + 1]))
        return 1;
    int m = lg__utf8_punct(t + i, n - i, &kind);
    return m && kind == ' ' ? m : 0;
}

static int split_chunks(const char *t, int n, chunk *ch, int max)
{
    int k = 0, i = 0, m;
    while (i < n && k < max) {
        while (i < n && (m = lg__space_len(t, n, i)) > 0)
            i += m;
        if (i >= n)
            break;
        int s = i;
        while (i < n && !lg__space_len(t, n, i))
            i++;
        ch[k].s = s;
        ch[k].e = i;
        chunk_core(t, &ch[k]);
        /* an initial ("George W. Bush") keeps its full stop when a capitalised
         * word follows: link-grammar would read the stop as the sentence's end */
        int j = i;
        while (j < n && (m = lg__space_len(t, n, j)) > 0)
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
    while (s > r->s && !lg__is_space_byte((unsigned char)t[s - 1]))
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
        int m = lg__utf8_punct(t + i, e - i, &kind);
        if (m) {
            if (kind == '"')
                lg__prep_put(p, "\"", 1, i, i + m, -1);
            else if (kind == '\'')
                lg__prep_put(p, "'", 1, i, i + m, -1);
            else if (kind == '.')
                lg__prep_put(p, "...", 3, i, i + m, -1);
            else if (kind == '-' && i > s && i + m < e && isdigit((unsigned char)t[i - 1]) &&
                     isdigit((unsigned char)t[i + m]))
                lg__prep_put(p, "-", 1, i, i + m, -1);
            else {
                lg__prep_put(p, " ", 1, i, i, -1);
                lg__prep_put(p, "--", 2, i, i + m, -1);
                lg__prep_put(p, " ", 1, i + m, i + m, -1);
            }
            i += m;
            continue;
        }
        if ((t[i] == '`' || t[i] == '\'') && i + 1 < e && t[i + 1] == t[i]) {
            lg__prep_put(p, " \" ", 3, i, i + 2, -1);
            i += 2;
            continue;
        }
        if (t[i] == '-' && i + 1 < e && t[i + 1] == '-') {
            int k = i;
            while (k < e && t[k] == '-')
                k++;
            lg__prep_put(p, " -- ", 4, i, k, -1);
            i = k;
            continue;
        }
        if (t[i] == '`') {
            lg__prep_put(p, "'", 1, i, i + 1, -1);
            i++;
            continue;
        }
        int u = utf8_len(t + i, e - i);
        if (u <= 0) { /* not UTF-8: link-grammar must never see it */
            lg__prep_put(p, "?", 1, i, i + 1, -1);
            i++;
            continue;
        }
        lg__prep_put(p, t + i, u, i, i + u, -1);
        for (int k = 1; k < u; k++) /* the whole character maps to its bytes */
            p->os[p->n - u + k] = i, p->oe[p->n - u + k] = i + u;
        p->os[p->n - u] = i;
        p->oe[p->n - u] = i + u;
        i += u;
    }
}

/* Builds p from text[0..n): the original text is read through a working copy
 * that may be re-cased (same length). */
int lg__prep_build(prep *p, const dyad_lg *lg, const char *text, int n, dyad_arena *a)
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
            lg__prep_put(p, " ", 1, ch[i].s, ch[i].s, -1);
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
        lg__prep_put(p, ph, (int)strlen(ph), p->runs[r].s, p->runs[r].e, r);
        prep_chunk_bytes(p, t, ch[j].ce, ch[j].e);
        i = j;
    }
    if (!p->s)
        lg__prep_put(p, "", 0, 0, 0, -1);
    return p->err;
}

/* Words link-grammar would get for text[0..n): the prepared text's chunks
 * (names merged) and the punctuation it splits off them (, ; : ( ) " ! ?);
 * *commas = the commas among them. -1 out of memory. */
int lg__piece_words(const dyad_lg *p, const char *text, int n, int *commas, dyad_arena *a)
{
    prep pp;
    if (lg__prep_build(&pp, p, text, n, a))
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
int lg__find_cut(const char *t, int n, lgcut *c, dyad_arena *a)
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

