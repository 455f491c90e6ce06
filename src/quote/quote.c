/* quote.c: attributed quotes of an article text (see quote.h for the rules).
 *
 * One pass tokenizes the text and marks paragraphs and sentences; a second
 * finds the spans between double quotation marks; a third walks the sentences
 * in order, attributing each quote that opens in a sentence, or looking for an
 * indirect quote in a sentence without marks. Speakers seen so far are kept in
 * a small ring for pronouns and surnames. */
#include "quote/quote.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "quote/words.h"
#include "text/text.h"

#define LEAD_MAX 60  /* tokens looked at before an opening mark */
#define TAIL_MAX 40  /* and after a closing mark */
#define APPOS_MAX 25 /* tokens of an appositive role */
#define NP_MAX 16    /* tokens of a speaker's noun phrase */
#define NAME_WORDS 6   /* tokens of a name */
#define SEEN 64      /* speakers remembered for pronouns and surnames */

enum { F_WORD = 1, F_CAP = 2, F_OPEN = 4, F_CLOSE = 8, F_END = 16, F_CONT = 32, F_INQ = 64 };

/* A speaker (or a name mentioned in the text) remembered for pronouns and
 * surnames; seq orders the entries of both rings. */
typedef struct seen_t {
    const char *name, *last, *role, *actor;
    int kind;
    int subj; /* named as a sentence's subject (pronouns may refer to it) */
    long seq;
    dyad_span span;
} seen_t;

typedef struct ring {
    seen_t v[SEEN];
    long n;
} ring;

/* A quote between marks: tokens [c0, c1) inside, close = the closing mark or -1. */
typedef struct qraw {
    int open, close, c0, c1;
} qraw;

/* A speaker as found: noun phrase [s0, s1), role [r0, r1) (r0 < 0: none),
 * cue token (-1: none). */
typedef struct spk {
    int s0, s1, r0, r1, cue;
    const char *cue_text;
} spk;

typedef struct ctx {
    dyad_arena *a;
    const dyad_dict *d;
    const char *text, *article, *date;
    dyad_token *t;
    int n;
    unsigned char *f;
    int *para, *ss, *se; /* paragraph, sentence start and end of each token */
    qraw *q;
    int nq;
    dyad_quote *out;
    int nout, cap;
    ring spoke, named; /* speakers; people and organisations mentioned */
    long seq;
    int last_para; /* paragraph where the last quote of any kind ended */
} ctx;

static const char *W(const ctx *c, int i) { return c->t[i].form; }
static const char *N(const ctx *c, int i) { return c->t[i].norm; }
static int is(const ctx *c, int i, const char *w) { return !strcasecmp(c->t[i].form, w); }
static int comma(const ctx *c, int i) { return !strcmp(N(c, i), ","); }
static int lrb(const ctx *c, int i) { return !strcmp(N(c, i), "-LRB-"); }
static int rrb(const ctx *c, int i) { return !strcmp(N(c, i), "-RRB-"); }

static int name_start(const ctx *c, int s0, int s1);
static int skip_dateline(const ctx *c, int i0, int i1);

/* ---- tokens, paragraphs, sentences ------------------------------------ */

static unsigned char token_flags(const dyad_token *t)
{
    unsigned char f = 0;
    utf8proc_int32_t cp = -1;
    utf8proc_iterate((const utf8proc_uint8_t *)t->form, -1, &cp);
    if (cp >= 0) {
        utf8proc_category_t k = utf8proc_category(cp);
        if (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO)
            f |= F_WORD;
        if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT)
            f |= F_CAP;
    }
    if (!strcmp(t->norm, "``"))
        f |= F_OPEN;
    else if (!strcmp(t->norm, "''"))
        f |= F_CLOSE;
    else if (!strcmp(t->norm, ".") || !strcmp(t->norm, "?") || !strcmp(t->norm, "!"))
        f |= F_END;
    return f;
}

/* Paragraphs are separated by a blank line; text without any blank line has
 * one paragraph per line. */
static void mark_paragraphs(ctx *c, size_t n)
{
    int per_line = 1;
    for (size_t k = 0; k + 1 < n && per_line; k++)
        per_line = !(c->text[k] == '\n' && c->text[k + 1] == '\n');
    int p = 0;
    for (int i = 0; i < c->n; i++) {
        if (i > 0) {
            int nl = 0;
            for (int k = c->t[i - 1].end; k < c->t[i].start; k++)
                nl += c->text[k] == '\n';
            if (nl >= 2 || (per_line && nl == 1))
                p++;
        }
        c->para[i] = p;
    }
}

/* A sentence ends after '.', '?' or '!' and the closing marks and brackets
 * that follow, unless a lower-case word comes next ("“…?” he asked"); and at
 * a paragraph break. */
static void mark_sentences(ctx *c)
{
    int start = 0, pending = 0;
    for (int i = 0; i < c->n; i++) {
        if (i > 0) {
            int prev = i - 1;
            if (c->f[prev] & F_END)
                pending = 1;
            else if (!(c->f[prev] & F_CLOSE) && !rrb(c, prev) && strcmp(N(c, prev), "'"))
                pending = 0;
            int lower_next = (c->f[i] & F_WORD) && !(c->f[i] & F_CAP) &&
                             !isdigit((unsigned char)W(c, i)[0]);
            int closer = (c->f[i] & F_CLOSE) || rrb(c, i) || !strcmp(N(c, i), "'");
            if (c->para[i] != c->para[prev] || (pending && !closer && !lower_next)) {
                start = i;
                pending = 0;
            }
        }
        c->ss[i] = start;
    }
    int end = c->n;
    for (int i = c->n - 1; i >= 0; i--) {
        c->se[i] = end;
        if (c->ss[i] == i)
            end = i;
    }
}

/* ---- quotation marks --------------------------------------------------- */

static int add_raw(ctx *c, int open, int end, int close)
{
    for (int k = open; k < end || (close >= 0 && k <= close); k++)
        c->f[k] |= F_INQ;
    int words = 0;
    for (int k = open + 1; k < end; k++)
        words += (c->f[k] & F_WORD) && !(c->f[k] & F_CONT);
    if (!words)
        return 0;
    c->q[c->nq++] = (qraw){open, close, open + 1, end};
    return 0;
}

/* An opening mark glued to the word before it and followed by a space or
 * punctuation closes the quote instead ("said “yes“ and"). */
static int glued_closer(const ctx *c, int i)
{
    if (i == 0 || c->t[i - 1].end != c->t[i].start)
        return 0;
    return i + 1 == c->n || c->t[i + 1].start > c->t[i].end || !(c->f[i + 1] & F_WORD);
}

static int find_marks(ctx *c)
{
    int open = -1, paras = 0;
    for (int i = 0; i < c->n; i++) {
        if (open >= 0 && i > 0 && c->para[i] != c->para[i - 1]) {
            if ((c->f[i] & F_OPEN) && paras < DYAD_QUOTE_MAX_PARAS) {
                c->f[i] |= F_CONT; /* “ reopening a quote in the next paragraph */
                paras++;
                continue;
            }
            add_raw(c, open, i, -1);
            open = -1;
        }
        if (c->f[i] & F_OPEN) {
            if (open >= 0 && glued_closer(c, i)) {
                add_raw(c, open, i, i);
                open = -1;
                continue;
            }
            if (open >= 0)
                add_raw(c, open, i, -1); /* never closed: ends where the next opens */
            open = i;
            paras = 1;
        } else if ((c->f[i] & F_CLOSE) && open >= 0) {
            add_raw(c, open, i, i);
            open = -1;
        }
    }
    if (open >= 0)
        add_raw(c, open, c->n, -1);
    return 0;
}

/* ---- text of token ranges ---------------------------------------------- */

/* The words of [i0, i1) as written, one space where the text has any
 * whitespace, without continuation marks. */
static const char *range_text(ctx *c, int i0, int i1)
{
    dyad_buf b;
    dyad_buf_init(&b);
    int prev = -1;
    for (int k = i0; k < i1; k++) {
        if (c->f[k] & F_CONT)
            continue;
        if (prev >= 0 && c->t[k].start > c->t[prev].end)
            dyad_buf_putc(&b, ' ');
        dyad_buf_append(&b, c->text + c->t[k].start, (size_t)(c->t[k].end - c->t[k].start));
        prev = k;
    }
    const char *s = dyad_arena_strndup(c->a, b.data ? b.data : "", b.len);
    dyad_buf_free(&b);
    return s;
}

/* [*i0, *i1) without leading determiners and trailing commas and colons. */
static void trim(const ctx *c, int *i0, int *i1)
{
    while (*i1 > *i0 && (comma(c, *i1 - 1) || !strcmp(N(c, *i1 - 1), ":") ||
                         (c->f[*i1 - 1] & (F_END | F_CLOSE))))
        --*i1;
    while (*i0 < *i1 && (comma(c, *i0) || quote__det(W(c, *i0))))
        ++*i0;
}

/* ---- speaker noun phrases ----------------------------------------------- */

/* A token that may stand inside a speaker's noun phrase. */
static int np_word(const ctx *c, int i)
{
    const char *w = W(c, i);
    if ((c->f[i] & F_CAP) && !quote__function(w))
        return 1;
    if (!strcmp(N(c, i), "'s") || !strcmp(N(c, i), "'"))
        return 1;
    return (c->f[i] & F_WORD) && !(c->f[i] & F_CAP) && quote__nounish(w);
}

static int joiner(const ctx *c, int i)
{
    return is(c, i, "of") || is(c, i, "for") || quote__particle(W(c, i));
}

/* A lower-case word that may modify a speaker's noun ("the city engineer",
 * "traveller Omar Haddad"): not a function word, verb cue or adverb. */
static int modifier(const ctx *c, int i)
{
    const char *w = W(c, i);
    return (c->f[i] & F_WORD) && !(c->f[i] & F_CAP) && !np_word(c, i) && !quote__function(w) &&
           !quote__adverb(w) && !quote__cue(w) && !quote__det(w) && !quote__pronoun(w) &&
           !joiner(c, i) && !quote__role_cut(w) && !quote__not_role(w) && !is(c, i, "that") &&
           !isdigit((unsigned char)w[0]);
}

/* Start of the noun phrase that ends at end (exclusive), not before lo. */
static int run_left(const ctx *c, int end, int lo)
{
    int s = end, i = end - 1;
    while (i >= lo && end - i <= NP_MAX) {
        if (rrb(c, i)) {
            int k = i - 1;
            while (k >= lo && i - k < 12 && !lrb(c, k) && !(c->f[k] & (F_OPEN | F_CLOSE)))
                k--;
            if (k < lo || !lrb(c, k))
                break;
            s = k;
            i = k - 1;
        } else if (np_word(c, i)) {
            s = i--;
        } else if (joiner(c, i) && s == i + 1 && i - 1 >= lo && np_word(c, i - 1)) {
            i--;
        } else if (modifier(c, i) && s == i + 1 && s < end) {
            int j = i; /* "the city engineer Paul Okafor": up to 3 words after a determiner */
            while (j - 1 >= lo && i - j < 2 && modifier(c, j - 1))
                j--;
            if (j - 1 < lo || !quote__det(W(c, j - 1)))
                break;
            s = j;
            i = j - 1;
        } else {
            if (quote__det(W(c, i)) && s == i + 1)
                s = i;
            break;
        }
    }
    return s;
}

/* End of the noun phrase that starts at start, before hi. */
static int run_right(const ctx *c, int start, int hi)
{
    int i = start;
    if (i < hi && quote__det(W(c, i)))
        i++;
    int e = start, first = i;
    while (i < hi && i - start < NP_MAX) {
        if (lrb(c, i)) {
            int k = i + 1;
            while (k < hi && k - i < 12 && !rrb(c, k))
                k++;
            if (k >= hi || !rrb(c, k))
                break;
            i = e = k + 1;
        } else if (np_word(c, i)) {
            e = ++i;
        } else if (modifier(c, i) && i == first) {
            int j = i; /* "the agriculture ministry", "traveller Omar Haddad" */
            while (j < hi && j - i < 3 && modifier(c, j))
                j++;
            if (j >= hi || !np_word(c, j))
                break;
            i = j;
        } else if (joiner(c, i) && e == i && i + 1 < hi &&
                   (np_word(c, i + 1) || (quote__det(W(c, i + 1)) && i + 2 < hi &&
                                          np_word(c, i + 2)))) {
            i += quote__det(W(c, i + 1)) ? 2 : 1;
        } else {
            break;
        }
    }
    return e > start && !(e == start + 1 && quote__det(W(c, start))) ? e : start;
}

/* A noun phrase that can name a speaker: a pronoun, or words with a name, a
 * title or an organisation in them, not starting with an ordinary word. */
static int np_valid(const ctx *c, int s0, int s1)
{
    if (s1 - s0 == 1 && quote__pronoun(W(c, s0)))
        return 1;
    int i = s0;
    while (i < s1 && quote__det(W(c, i)))
        i++;
    while (i < s1 && modifier(c, i))
        i++;
    if (i >= s1 || !np_word(c, i))
        return 0;
    for (int k = i; k < s1; k++)
        if ((((c->f[k] & F_CAP) && !quote__function(W(c, k))) || quote__nounish(W(c, k))) &&
            !quote__adjective(W(c, k)))
            return 1;
    return 0; /* "a top aide said": "top" alone names nobody */
}

/* The subject of the cue verb at v, within [lo, v): "X said", "X, ROLE, told",
 * "he said", "X visited Y and declared". */
static int subject_of(const ctx *c, int v, int lo, spk *out)
{
    int j = v;
    while (j - 1 >= lo && quote__adverb(W(c, j - 1)))
        j--;
    if (j - 1 < lo)
        return 0;
    int p = j - 1;
    *out = (spk){.s0 = p, .s1 = p + 1, .r0 = -1, .r1 = -1, .cue = v};
    if (quote__pronoun(W(c, p)))
        return 1;
    if (comma(c, p)) { /* Name, ROLE, cue */
        int k = p - 1;
        while (k > lo && p - k <= APPOS_MAX && !comma(c, k) && !(c->f[k] & (F_OPEN | F_CLOSE)))
            k--;
        if (k <= lo || !comma(c, k) || k + 1 >= p || quote__not_role(W(c, k + 1)))
            return 0;
        int s = run_left(c, k, lo);
        if (s == k || !np_valid(c, s, k))
            return 0;
        /* "Republicans, many long out of office, called …": no role */
        int role = !quote__function(W(c, k + 1)) || quote__det(W(c, k + 1));
        *out = (spk){.s0 = s, .s1 = k, .r0 = role ? k + 1 : -1, .r1 = role ? p : -1, .cue = v};
        /* "The commission's chair, Rui Costa, said": the name is between the commas */
        if (role && name_start(c, k + 1, p) == k + 1 && name_start(c, s, k) == k)
            *out = (spk){.s0 = k + 1, .s1 = p, .r0 = s, .r1 = k, .cue = v};
        return 1;
    }
    if (is(c, p, "and")) { /* X visited Y and declared: the clause's subject */
        int cs = skip_dateline(c, lo, p);
        if (!(c->f[cs] & F_CAP) || quote__function(W(c, cs)))
            while (cs < p && cs - lo < 8 && !comma(c, cs))
                cs++;
        cs += cs < p && comma(c, cs);
        int e = run_right(c, cs, p);
        if (e == cs || e >= p || (c->f[e] & F_CAP) || !np_valid(c, cs, e))
            return 0;
        *out = (spk){.s0 = cs, .s1 = e, .r0 = -1, .r1 = -1, .cue = v};
        return 1;
    }
    int s = run_left(c, j, lo);
    if (s == j || !np_valid(c, s, j))
        return 0;
    out->s0 = s;
    out->s1 = j;
    return 1;
}

/* ---- actor codes ------------------------------------------------------- */

static int add_words(ctx *c, const char **w, int nw, int max, int i0, int i1, int head)
{
    for (int k = i0; k < i1 && nw < max; k++) {
        if (head && quote__role_cut(W(c, k)))
            break;
        if (!(c->f[k] & F_WORD) && strcmp(N(c, k), "'s"))
            continue;
        char *u = dyad_arena_strdup(c->a, N(c, k));
        if (!u)
            return -1;
        for (char *p = u; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        w[nw++] = u;
    }
    return nw;
}

/* The code of the speaker [s0, s1) with the role [r0, r1): the first actor
 * with the agents found elsewhere ("Iranian Foreign Ministry spokesman" ->
 * IRNGOV); NULL without an actor. head: only the role's head counts. */
static const char *actor_code(ctx *c, int s0, int s1, int r0, int r1, int head, int person)
{
    if (!c->d)
        return NULL;
    const char *w[48];
    int nw = 0;
    if (r0 >= 0)
        nw = add_words(c, w, nw, 24, r0, r1, head);
    int nrole = nw; /* the role's words come first */
    if (nw >= 0)
        nw = add_words(c, w, nw, 48, s0, s1, 0);
    if (nw <= 0)
        return NULL;
    const char *actor = NULL;
    int a0 = -1, a1 = -1;
    for (int k = 0; k < nw && !actor; k++) {
        const char *code = NULL;
        int len = 0;
        /* a person's name counts only as a whole ("Sofia" alone is Bulgaria's capital) */
        if (dyad_dict_actor_match(c->d, w + k, nw - k, c->date, &code, &len) && code &&
            strcmp(code, "---") && len > 0 && (!person || k < nrole || (k == nrole && len == nw - k))) {
            actor = code;
            a0 = k;
            a1 = k + len;
        }
    }
    if (!actor)
        return NULL;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", actor);
    for (int k = 0; k < nw; k++) {
        const char *code = NULL;
        int len = 0, prefix = 0;
        if ((k >= a0 && k < a1) || !dyad_dict_agent_match(c->d, w + k, nw - k, &code, &len, &prefix) ||
            !code || strstr(buf, code))
            continue;
        size_t bl = strlen(buf), cl = strlen(code);
        if (bl + cl >= sizeof buf)
            break;
        if (prefix) {
            memmove(buf + cl, buf, bl + 1);
            memcpy(buf, code, cl);
        } else {
            memcpy(buf + bl, code, cl + 1);
        }
        if (len > 1)
            k += len - 1;
    }
    return dyad_arena_strdup(c->a, buf);
}

/* ---- speakers ---------------------------------------------------------- */

/* The most recent entry of r of this kind, or (surname != NULL) the person
 * whose name is or ends with surname. */
static const seen_t *ring_find(const ring *r, int kind, const char *surname, int subj)
{
    for (long k = r->n - 1; k >= 0 && k >= r->n - SEEN; k--) {
        const seen_t *s = &r->v[k % SEEN];
        if (surname ? s->kind == Q_PERSON && (!strcmp(s->last, surname) || !strcmp(s->name, surname))
                    : s->kind == kind && (!subj || s->subj))
            return s;
    }
    return NULL;
}

/* A pronoun's antecedent: "he"/"she" the most recent person who spoke, else
 * the most recent person named; "it"/"they" the most recent organisation,
 * speaker or subject. A surname: the speaker, else the person named, it ends. */
static const seen_t *recall(const ctx *c, int kind, const char *surname)
{
    const seen_t *a = ring_find(&c->spoke, kind, surname, 0);
    const seen_t *b = ring_find(&c->named, kind, surname, 1);
    if (surname || kind == Q_PERSON)
        return a ? a : b;
    return !a ? b : !b ? a : a->seq > b->seq ? a : b;
}

/* The organisation a bare noun ("the ministry") refers to: the most recent
 * one, speaker or subject, whose name ends with that noun. */
static const seen_t *recall_org(const ctx *c, const char *noun)
{
    const seen_t *best = NULL;
    const ring *rs[2] = {&c->spoke, &c->named};
    for (int r = 0; r < 2; r++)
        for (long k = rs[r]->n - 1; k >= 0 && k >= rs[r]->n - SEEN; k--) {
            const seen_t *s = &rs[r]->v[k % SEEN];
            size_t nl = strlen(s->name), wl = strlen(noun);
            if (s->kind == Q_ORG && nl > wl && s->name[nl - wl - 1] == ' ' &&
                !strcasecmp(s->name + nl - wl, noun)) {
                if (!best || s->seq > best->seq)
                    best = s;
                break;
            }
        }
    return best;
}

static void remember(ctx *c, ring *r, const seen_t *e)
{
    seen_t *d = &r->v[r->n++ % SEEN];
    *d = *e;
    d->seq = c->seq++;
}

/* The trailing name of [s0, s1): capitalised words that are neither titles
 * nor organisation words ("Iranian Foreign Ministry spokesman Nasser Kanaani"
 * -> "Nasser Kanaani"). Returns its start (s1 when there is none). */
static int name_start(const ctx *c, int s0, int s1)
{
    int b = s1;
    while (b - 1 >= s0 && s1 - b < NAME_WORDS) {
        int k = b - 1;
        const char *w = W(c, k);
        if ((c->f[k] & F_CAP) && !quote__title(w) && !quote__org(w) && !quote__function(w))
            b = k;
        else if (quote__particle(w) && k - 1 >= s0 && (c->f[k - 1] & F_CAP))
            b = k;
        else
            break;
    }
    while (b < s1 && !(c->f[b] & F_CAP))
        b++;
    return b;
}

/* Who the noun phrase [s0, s1) with the role [r0, r1) (r0 < 0: none) is: a
 * person (a name at its end; the words before it are the role when there is
 * none) or an organisation; with the actor code. */
static int describe(ctx *c, int s0, int s1, int r0, int r1, seen_t *e)
{
    trim(c, &s0, &s1);
    if (s0 >= s1)
        return 0;
    if (r0 >= 0) {
        trim(c, &r0, &r1);
        if (r0 >= r1)
            r0 = r1 = -1;
    }
    for (int k = r0 + 1; r0 >= 0 && k < r1; k++)
        if (is(c, k, "who") || is(c, k, "which") || is(c, k, "whose") || is(c, k, "that"))
            r1 = k; /* "director at X who was criticized …" */
    int b = name_start(c, s0, s1), head = 1;
    *e = (seen_t){.kind = Q_PERSON, .last = ""};
    if (b < s1 && b - 1 > s0 && joiner(c, b - 1)) {
        /* "Representative John Spratt of South Carolina"; "Bank of America" */
        int b2 = name_start(c, s0, b - 1);
        if (b2 >= b - 1) {
            b = s1; /* an organisation */
        } else {
            e->last = W(c, b - 2);
            e->span = (dyad_span){c->t[b2].start, c->t[b - 2].end};
            e->name = range_text(c, b2, b - 1);
            const char *pre = b2 > s0 ? range_text(c, s0, b2) : NULL;
            const char *post = range_text(c, b - 1, s1);
            e->role = pre && post ? dyad_arena_printf(c->a, "%s %s", pre, post) : post;
            e->actor = actor_code(c, b2, b - 1, s0, s1, 0, 1);
            return e->name && e->role;
        }
    }
    if (b < s1) {
        const char *code = NULL;
        int len = 0;
        const char *w[NAME_WORDS + 1];
        int nw = c->d ? add_words(c, w, 0, NAME_WORDS, b, s1, 0) : 0;
        if (b == s0 && nw > 0 && dyad_dict_actor_match(c->d, w, nw, c->date, &code, &len) &&
            len == nw)
            e->kind = Q_ORG; /* "Iran said" (but "US President George W. Bush" is a person) */
        if (b > s0 && r0 < 0) { /* a title before the name */
            r0 = s0;
            r1 = b;
            head = 0;
        }
        e->last = W(c, s1 - 1);
    } else {
        e->kind = Q_ORG;
    }
    if (e->kind == Q_ORG)
        b = s0;
    e->span = (dyad_span){c->t[b].start, c->t[s1 - 1].end};
    e->name = range_text(c, b, s1);
    e->role = r0 >= 0 ? range_text(c, r0, r1) : NULL;
    e->actor = actor_code(c, b, s1, r0, r1, head, e->kind == Q_PERSON);
    return e->name != NULL;
}

/* Fills the speaker fields of q from sp. 0 when the speaker is a pronoun with
 * no one to refer to. */
static int resolve(ctx *c, const spk *sp, dyad_quote *q)
{
    int s0 = sp->s0, s1 = sp->s1;
    trim(c, &s0, &s1);
    if (s0 >= s1)
        return 0;
    int pk = s1 - s0 == 1 ? quote__pronoun(W(c, s0)) : 0;
    seen_t e;
    if (pk) {
        const seen_t *s = recall(c, pk, NULL);
        if (!s)
            return 0;
        e = *s;
        e.span = (dyad_span){c->t[s0].start, c->t[s0].end};
    } else {
        if (!describe(c, sp->s0, sp->s1, sp->r0, sp->r1, &e))
            return 0;
        const seen_t *s = e.kind == Q_PERSON ? recall(c, 0, e.name)
                          : s1 - s0 == 1 && !(c->f[s0] & F_CAP) ? recall_org(c, e.name)
                                                                 : NULL;
        if (s) { /* "Feffer" after "John Feffer"; "the ministry" after "the French
                  * Foreign Ministry" */
            e.name = s->name;
            e.last = s->last;
            if (!e.role)
                e.role = s->role;
            if (!e.actor)
                e.actor = s->actor;
        }
    }
    q->speaker = e.name;
    q->role = e.role;
    q->actor = e.actor;
    q->speaker_span = e.span;
    remember(c, &c->spoke, &e);
    return 1;
}

/* Names a sentence without quotes mentions, for later surnames and pronouns:
 * its subject ("The commission rejected …", "The mayor of Lakeport, Anna
 * Weiss, spoke …") and runs of two or more capitalised name words. */
static void note_names(ctx *c, int s, int e)
{
    int st = s;
    if (st < e && quote__function(W(c, st))) {
        while (st < e && st - s < 8 && !comma(c, st))
            st++;
        st = st < e && comma(c, st) ? st + 1 : s + 1;
    }
    int se = run_right(c, st, e), from = s;
    seen_t m;
    if (se > st && se + 1 < e && comma(c, se)) { /* Role, Name, verb */
        int ne = run_right(c, se + 1, e);
        if (ne > se + 1 && ne < e && comma(c, ne) && name_start(c, se + 1, ne) == se + 1 &&
            describe(c, se + 1, ne, st, se, &m)) {
            m.subj = 1;
            remember(c, &c->named, &m);
            from = ne;
        }
    } else if (se > st && se < e && (c->f[se] & F_WORD) && !(c->f[se] & F_CAP) &&
               describe(c, st, se, -1, -1, &m)) {
        m.subj = 1;
        remember(c, &c->named, &m);
        from = se;
    }
    for (int i = from; i < e; i++) {
        if (!(c->f[i] & F_CAP) || quote__function(W(c, i)) || (c->f[i] & F_INQ))
            continue;
        int j = i + 1;
        while (j < e && j - i < 8 && !(c->f[j] & F_INQ) &&
               (((c->f[j] & F_CAP) && !quote__function(W(c, j))) ||
                (quote__particle(W(c, j)) && j + 1 < e && (c->f[j + 1] & F_CAP))))
            j++;
        int b = name_start(c, i, j);
        if (j - b >= 2 && describe(c, i, j, -1, -1, &m) && m.kind == Q_PERSON)
            remember(c, &c->named, &m);
        i = j - 1;
    }
}

/* ---- records ------------------------------------------------------------ */

static int push(ctx *c, const dyad_quote *q)
{
    if (c->nout == c->cap) {
        int cap = c->cap ? c->cap * 2 : 16;
        dyad_quote *v = dyad_arena_alloc(c->a, (size_t)cap * sizeof *v);
        if (!v)
            return DYAD_ENOMEM;
        if (c->nout)
            memcpy(v, c->out, (size_t)c->nout * sizeof *v);
        c->out = v;
        c->cap = cap;
    }
    c->out[c->nout++] = *q;
    return 0;
}

static const char *lower(ctx *c, const char *s)
{
    char *u = dyad_arena_strdup(c->a, s);
    for (char *p = u; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return u;
}

/* The first token after a dateline ("NEW YORK (Reuters) -", "AFP -") at
 * i0, or i0. */
static int skip_dateline(const ctx *c, int i0, int i1)
{
    for (int k = i0; k < i1 && k - i0 < 10; k++) {
        const char *n = N(c, k);
        if (!strcmp(n, "-") || !strcmp(n, "--"))
            return k > i0 ? k + 1 : i0;
        if (!(c->f[k] & F_CAP) && !lrb(c, k) && !rrb(c, k) && !comma(c, k) &&
            !(isupper((unsigned char)n[0]) || !strcmp(n, ".")))
            return i0;
    }
    return i0;
}

/* Records the quote [q0, q1) of kind with the speaker sp (or, sp NULL, the
 * previous quote's speaker). */
static int record(ctx *c, int q0, int q1, const char *kind, const spk *sp)
{
    int i0 = q0, i1 = q1;
    if (!strcmp(kind, "indirect") && q0 == c->ss[q0])
        i0 = skip_dateline(c, q0, q1);
    while (i1 > i0 && (comma(c, i1 - 1) || !strcmp(N(c, i1 - 1), ":") || (c->f[i1 - 1] & F_CONT)))
        i1--;
    while (i0 < i1 && (c->f[i0] & F_CONT))
        i0++;
    if (strcmp(kind, "direct") && i1 - 1 > i0 && !strcmp(N(c, i1 - 1), "."))
        i1--; /* the sentence's full stop, not the speaker's */
    if (i0 >= i1)
        return 0;
    dyad_quote q = {.article = c->article, .date = c->date, .kind = kind};
    if (sp) {
        if (!resolve(c, sp, &q))
            return 0;
        q.cue = sp->cue_text ? sp->cue_text : sp->cue >= 0 ? lower(c, W(c, sp->cue)) : NULL;
    } else {
        const dyad_quote *p = &c->out[c->nout - 1];
        q.speaker = p->speaker;
        q.role = p->role;
        q.actor = p->actor;
        q.speaker_span = p->speaker_span;
    }
    q.quote = range_text(c, i0, i1);
    q.quote_span = (dyad_span){c->t[i0].start, c->t[i1 - 1].end};
    if (!q.quote)
        return DYAD_ENOMEM;
    c->last_para = c->para[i1 - 1];
    return push(c, &q);
}

/* ---- attribution of quotes between marks ---------------------------------- */

/* End of the tail after the closing mark at close: the sentence, at most
 * TAIL_MAX tokens, up to the next opening mark. */
static int tail_end(const ctx *c, int close)
{
    int hi = c->se[close];
    if (hi > close + 1 + TAIL_MAX)
        hi = close + 1 + TAIL_MAX;
    for (int k = close + 1; k < hi; k++)
        if (c->f[k] & F_OPEN)
            return k;
    return hi;
}

/* The role after "said X, ": to the end of the tail or the next comma clause. */
static void tail_role(const ctx *c, int e, int hi, spk *sp)
{
    if (e >= hi || !comma(c, e) || e + 1 >= hi || quote__not_role(W(c, e + 1)))
        return;
    int r1 = e + 1;
    if (hi > e + 1 + APPOS_MAX)
        hi = e + 1 + APPOS_MAX;
    while (r1 < hi && !(comma(c, r1) && r1 + 1 < hi && quote__not_role(W(c, r1 + 1))) &&
           !(quote__cue(W(c, r1)) & Q_TAIL))
        r1++;
    sp->r0 = e + 1;
    sp->r1 = r1;
}

/* The attribution in the tail [i, hi) after a quote: said X[, ROLE] /
 * X[, ROLE,] said / according to X. */
static int tail_from(const ctx *c, int i, int hi, spk *sp)
{
    if (is(c, i, "according") && i + 2 < hi && is(c, i + 1, "to")) {
        int e = run_right(c, i + 2, hi);
        if (e == i + 2)
            return 0;
        *sp = (spk){i + 2, e, -1, -1, i, "according to"};
        tail_role(c, e, hi, sp);
        return 1;
    }
    if (quote__cue(W(c, i)) & Q_TAIL) { /* said X */
        int e = i + 1 < hi && quote__pronoun(W(c, i + 1)) ? i + 2 : run_right(c, i + 1, hi);
        if (e <= i + 1 || !np_valid(c, i + 1, e))
            return 0;
        *sp = (spk){i + 1, e, -1, -1, i, NULL};
        tail_role(c, e, hi, sp);
        return 1;
    }
    for (int v = i + 1; v < hi && v < i + 30; v++) { /* X said */
        if (!(quote__cue(W(c, v)) & Q_TAIL))
            continue;
        return subject_of(c, v, i, sp) && sp->s0 == i;
    }
    return 0;
}

/* “…,” X said / said X, ROLE / X, ROLE, told Y / according to X. */
static int tail_attr(const ctx *c, const qraw *r, spk *sp)
{
    if (r->close < 0 || r->close + 1 >= c->n)
        return 0;
    int i = r->close + 1, hi = tail_end(c, r->close);
    const char *lastw = N(c, r->close - 1);
    int soft = !strcmp(lastw, ",") || !strcmp(lastw, "?") || !strcmp(lastw, "!") ||
               !strcmp(lastw, "--") || !strcmp(lastw, "...") || !strcmp(lastw, "-");
    if (i < hi && comma(c, i)) {
        soft = 1;
        i++;
    }
    if (i >= hi || c->para[i] != c->para[r->close])
        return 0;
    if (!soft && ((c->f[i] & F_CAP) || !(c->f[i] & F_WORD)))
        return 0; /* “… end.” Next sentence */
    return tail_from(c, i, hi, sp);
}

/* A quote whose closing mark is missing: “…, said X. — the attribution after
 * a comma that ends its sentence. Returns the comma, or -1. */
static int unclosed_attr(const ctx *c, const qraw *r, spk *sp)
{
    for (int k = r->c0 + 1; k + 1 < r->c1; k++) {
        if (!comma(c, k))
            continue;
        int hi = c->se[k] < r->c1 ? c->se[k] : r->c1;
        if (hi > k + 1 + TAIL_MAX)
            hi = k + 1 + TAIL_MAX;
        int be = hi;
        while (be > k + 1 && (c->f[be - 1] & (F_END | F_CLOSE)))
            be--;
        if (!tail_from(c, k + 1, be, sp))
            continue;
        int end = sp->r0 >= 0 ? sp->r1 : sp->s1;
        if (end < sp->cue + 1)
            end = sp->cue + 1;
        if (end >= be)
            return k;
    }
    return -1;
}

/* The last cue verb before the opening mark, in its sentence, with a subject:
 * X said: “…” (*direct = 1), or X criticized Y for “…” (a partial quote). */
static int lead_attr(const ctx *c, const qraw *r, int lo, spk *sp, int *direct)
{
    int o = r->open;
    int k = o - 1;
    if (k >= lo && (!strcmp(N(c, k), ":") || comma(c, k)))
        k--;
    for (int v = lo; v + 2 < o; v++) { /* According to X, “…” */
        if (!is(c, v, "according") || !is(c, v + 1, "to"))
            continue;
        int e = run_right(c, v + 2, o);
        if (e == v + 2 || !np_valid(c, v + 2, e))
            break;
        *sp = (spk){v + 2, e, -1, -1, v, "according to"};
        if (e + 1 < o && comma(c, e) && quote__det(W(c, e + 1))) { /* According to X, a Y, */
            int r1 = e + 1;
            while (r1 < o && !comma(c, r1))
                r1++;
            if (r1 < o) {
                sp->r0 = e + 1;
                sp->r1 = r1;
            }
        }
        *direct = k < o - 1 && (c->f[r->c0] & F_CAP);
        return 1;
    }
    for (int v = o - 1; v >= lo; v--) {
        if (!(quote__cue(W(c, v)) & Q_LEAD) || !subject_of(c, v, lo, sp))
            continue;
        if (is(c, v, "called") && (is(c, sp->s0, "a") || is(c, sp->s0, "an")))
            continue; /* "a company called Digital Chocolate": a name, not a cue */
        /* X said: “…” / X told the crowd, “…” */
        *direct = k < o - 1 && k - v < 6 && (c->f[r->c0] & F_CAP);
        return 1;
    }
    return 0;
}

static int attribute_quote(ctx *c, const qraw *r, int prev_end)
{
    int o = r->open;
    int lo = c->ss[o];
    if (lo < prev_end)
        lo = prev_end;
    if (lo < o - LEAD_MAX)
        lo = o - LEAD_MAX;
    int lead_words = 0;
    for (int k = lo; k < o; k++)
        lead_words += (c->f[k] & F_WORD) != 0;
    spk sp;
    int direct = 0;
    if (tail_attr(c, r, &sp))
        return record(c, r->c0, r->c1, lead_words ? "partial" : "direct", &sp);
    int k = r->close < 0 ? unclosed_attr(c, r, &sp) : -1;
    if (k >= 0)
        return record(c, r->c0, k, lead_words ? "partial" : "direct", &sp);
    if (lead_words && lead_attr(c, r, lo, &sp, &direct))
        return record(c, r->c0, r->c1, direct ? "direct" : "partial", &sp);
    /* a quote opening its sentence right after a quote of the same speaker */
    if (!lead_words && c->nout && c->last_para >= c->para[o] - 1)
        return record(c, r->c0, r->c1, "direct", NULL);
    return 0;
}

/* ---- indirect quotes ------------------------------------------------------ */

/* [s, e) without the final stop. */
static int body_end(const ctx *c, int s, int e)
{
    while (e > s && (c->f[e - 1] & (F_END | F_CLOSE)))
        e--;
    return e;
}

static int count_words(const ctx *c, int i0, int i1)
{
    int n = 0;
    for (int k = i0; k < i1; k++)
        n += (c->f[k] & F_WORD) != 0;
    return n;
}

/* "according to X, …" and "…, according to X." */
static int according(ctx *c, int s, int e)
{
    for (int i = s; i + 2 < e; i++) {
        if (!is(c, i, "according") || !is(c, i + 1, "to"))
            continue;
        int ne = run_right(c, i + 2, e);
        if (ne == i + 2 || !np_valid(c, i + 2, ne))
            return 0;
        spk sp = {i + 2, ne, -1, -1, i, "according to"};
        if (i == s || (i == s + 1 && comma(c, s))) {
            int q0 = ne;
            if (q0 < e && comma(c, q0) && q0 + 1 < e && quote__det(W(c, q0 + 1))) {
                int r1 = q0 + 1;
                while (r1 < e && !comma(c, r1))
                    r1++;
                sp.r0 = q0 + 1;
                sp.r1 = r1;
                q0 = r1;
            }
            q0 += q0 < e && comma(c, q0);
            int q1 = body_end(c, q0, e);
            return count_words(c, q0, q1) >= 3 ? record(c, q0, q1, "indirect", &sp) : 0;
        }
        int q1 = i;
        return count_words(c, s, q1) >= 3 ? record(c, s, q1, "indirect", &sp) : 0;
    }
    return 0;
}

/* "…, X said." / "…, said X." at the end of the sentence. */
static int final_cue(ctx *c, int s, int e)
{
    int be = body_end(c, s, e);
    for (int v = be - 1; v > s && v >= be - 8; v--) {
        if (!(quote__cue(W(c, v)) & Q_TAIL))
            continue;
        for (int k = v + 1; k < be; k++)
            if (comma(c, k) || quote__cue(W(c, k)))
                return 0;
        spk sp;
        if (comma(c, v - 1)) { /* …, said X */
            int ne = run_right(c, v + 1, be);
            if (ne == v + 1 || !np_valid(c, v + 1, ne))
                return 0;
            sp = (spk){v + 1, ne, -1, -1, v, NULL};
            return count_words(c, s, v - 1) >= 3 ? record(c, s, v - 1, "indirect", &sp) : 0;
        }
        int j = v;
        while (j - 1 > s && quote__adverb(W(c, j - 1)))
            j--;
        int ns = quote__pronoun(W(c, j - 1)) ? j - 1 : run_left(c, j, s + 1);
        if (ns == j || ns - 1 <= s || !comma(c, ns - 1) || !np_valid(c, ns, j))
            return 0;
        sp = (spk){ns, j, -1, -1, v, NULL};
        return count_words(c, s, ns - 1) >= 3 ? record(c, s, ns - 1, "indirect", &sp) : 0;
    }
    return 0;
}

/* "X told Y that …", "X said (that) …", with X at the start of the sentence
 * (after an opening phrase and a comma, or a conjunction). */
static int said_that(ctx *c, int s, int e)
{
    int be = body_end(c, s, e);
    for (int v = s + 1; v < be - 2; v++) {
        int f = quote__cue(W(c, v));
        if (!(f & Q_IND) || (c->f[v] & F_CAP))
            continue;
        spk sp;
        if (!subject_of(c, v, s, &sp))
            continue;
        int s0 = sp.s0;
        if (!(s0 == s || comma(c, s0 - 1) || (s0 == s + 1 && quote__function(W(c, s)))))
            return 0;
        int j = v + 1;
        if (is(c, v, "told") || is(c, v, "tells") || is(c, v, "tell")) {
            int oe = quote__pronoun(W(c, j)) || is(c, j, "reporters") || is(c, j, "journalists")
                         ? j + 1
                         : run_right(c, j, be);
            if (oe == j)
                return 0;
            j = oe;
        }
        while (j < be && (quote__weekday(W(c, j)) || is(c, j, "on") || comma(c, j)))
            j++; /* "said Tuesday that", "said on Monday" */
        if (j < be && is(c, j, "that"))
            j++;
        else if (j >= be || !((c->f[j] & F_CAP) || quote__det(W(c, j)) || quote__pronoun(W(c, j)) ||
                              isdigit((unsigned char)W(c, j)[0])))
            return 0;
        return count_words(c, j, be) >= 3 ? record(c, j, be, "indirect", &sp) : 0;
    }
    return 0;
}

static int indirect(ctx *c, int s, int e)
{
    if (count_words(c, s, e) < 4)
        return 0;
    int before = c->nout;
    int rc = according(c, s, e);
    if (!rc && c->nout == before)
        rc = final_cue(c, s, e);
    if (!rc && c->nout == before)
        rc = said_that(c, s, e);
    return rc;
}

/* ---- entry point -------------------------------------------------------- */

static int walk(ctx *c)
{
    int qi = 0, rc = 0, prev_end = 0;
    for (int s = 0; s < c->n && !rc; s = c->se[s]) {
        int e = c->se[s], marks = 0;
        for (int k = s; k < e; k++)
            marks |= c->f[k] & F_INQ;
        int before = c->nout;
        if (!marks)
            rc = indirect(c, s, e);
        while (marks && qi < c->nq && c->q[qi].open < e && !rc) {
            rc = attribute_quote(c, &c->q[qi], prev_end);
            prev_end = c->q[qi].close >= 0 ? c->q[qi].close + 1 : c->q[qi].c1;
            qi++;
        }
        if (!rc && c->nout == before)
            note_names(c, s, e);
    }
    return rc;
}

int dyad_quotes_find(dyad_quote **out, int *nout, dyad_arena *a, const dyad_dict *dict,
                     const char *article, const char *date, const char *text, size_t n)
{
    *out = NULL;
    *nout = 0;
    ctx c = {.a = a, .d = dict, .text = text};
    c.article = dyad_arena_strdup(a, article ? article : "");
    c.date = dyad_arena_strdup(a, date ? date : "");
    if (!c.article || !c.date)
        return DYAD_ENOMEM;
    int rc = dyad_text_tokenize(&c.t, &c.n, a, text, 0, n);
    if (rc || !c.n)
        return rc;
    size_t nn = (size_t)c.n;
    c.f = dyad_arena_alloc(a, nn);
    c.para = dyad_arena_alloc(a, nn * sizeof *c.para);
    c.ss = dyad_arena_alloc(a, nn * sizeof *c.ss);
    c.se = dyad_arena_alloc(a, nn * sizeof *c.se);
    c.q = dyad_arena_alloc(a, nn * sizeof *c.q);
    if (!c.f || !c.para || !c.ss || !c.se || !c.q)
        return DYAD_ENOMEM;
    for (int i = 0; i < c.n; i++)
        c.f[i] = token_flags(&c.t[i]);
    c.last_para = -10;
    mark_paragraphs(&c, n);
    mark_sentences(&c);
    find_marks(&c);
    rc = walk(&c);
    if (rc)
        return rc;
    *out = c.out;
    *nout = c.nout;
    return 0;
}
