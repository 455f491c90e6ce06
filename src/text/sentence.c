/* sentence.c: sentence spans of an article's text.
 *
 * Three levels: paragraphs (blank lines), segments (a paragraph cut at line
 * breaks that end a line without a full stop: headings, one-line paragraphs),
 * and in each segment the full stops that end a sentence (sp_boundary). Every
 * decision looks at a bounded window around the stop, so the whole is linear;
 * a sentence longer than DYAD_SENT_MAX_TOKENS tokens is cut (sp_cut). */
#include "text/text.h"
#include "text/text_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define SP_WORD_MAX 64   /* bytes looked back for the word before a stop */

typedef struct sp {
    const char *s;
    size_t n;
    int wrapped;         /* the text is hard-wrapped: a line break is a space */
    size_t maxline;      /* longest line (bytes) */
    dyad_sentence *v;    /* malloc'd; copied to the arena at the end */
    int nv, cap;
    size_t *tok;         /* token spans of the sentence being cut (start, end pairs) */
    int ntok, tokcap;
    size_t seg;          /* start of the segment being split */
    int last_ntok;       /* tokens of the last sentence pushed */
    int oom;
} sp;

static text__class sp_class(const sp *p, size_t i, int *len)
{
    return text__classify(text__cp(p->s, p->n, i, len));
}

/* ---- stops --------------------------------------------------------------------- */

/* Bytes of the sentence stop at s[i] (. ? ! … 。 ？ ！ ؟ ।), 0 if none. */
static int sp_stop_len(const sp *p, size_t i)
{
    const unsigned char *u = (const unsigned char *)p->s + i;
    size_t left = p->n - i;
    if (*u == '.' || *u == '?' || *u == '!')
        return 1;
    if (left >= 3 && ((u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA6) ||
                      (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) ||
                      (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x9F || u[2] == 0x81)) ||
                      (u[0] == 0xE0 && u[1] == 0xA5 && u[2] == 0xA4)))
        return 3;
    if (left >= 2 && u[0] == 0xD8 && u[1] == 0x9F)
        return 2;
    return 0;
}

/* s[a..b) ends with a stop, maybe before closing quotes and brackets. */
static int sp_ends_with_stop(const sp *p, size_t a, size_t b)
{
    int len;
    for (int k = 0; b > a && k < 8; k++) {
        int32_t cp = text__cp_before(p->s, a, b, &len);
        if (!text__is_closer(cp))
            break;
        b -= (size_t)len;
    }
    for (int k = 1; k <= 3 && b >= a + (size_t)k; k++)
        if (sp_stop_len(p, b - (size_t)k) == k)
            return 1;
    return 0;
}

/* ---- the word before a stop, the word after ------------------------------------ */

/* [*ws, i): the word before the stop at i, back to whitespace or lo, without
 * opening quotes and brackets. 0 when it is longer than SP_WORD_MAX. */
static int sp_word_before(const sp *p, size_t lo, size_t i, size_t *ws)
{
    size_t b = i;
    int len;
    while (b > lo) {
        int32_t cp = text__cp_before(p->s, lo, b, &len);
        if (text__classify(cp) == TEXT_SPACE)
            break;
        b -= (size_t)len;
        if (i - b > SP_WORD_MAX)
            return 0;
    }
    while (b < i && text__is_opener(text__cp(p->s, i, b, &len)))
        b += (size_t)len;
    *ws = b;
    return 1;
}

/* Length of the run of letters at m (at most 16 bytes). */
static size_t sp_letters(const sp *p, size_t m)
{
    size_t e = m;
    int len;
    while (e < p->n && e - m < 16 && text__is_letter(sp_class(p, e, &len)))
        e += (size_t)len;
    return e - m;
}

/* "said Katzman.North Korea": a stop glued to a capitalised word after an
 * ordinary lower-case word, not in a web address or a file name. */
static int sp_glued(const sp *p, size_t lo, size_t i)
{
    size_t ws, j = i + 1;
    int len, lower = 0;
    if (!sp_word_before(p, lo, i, &ws) || i - ws < 3 || text__abbrev(p->s + ws, i - ws))
        return 0;
    for (size_t k = ws; k < i; k += (size_t)len) {
        text__class c = text__classify(text__cp(p->s, i, k, &len));
        if (!text__is_letter(c))
            return 0;
        lower = c == TEXT_LOWER ? lower + 1 : 0;
    }
    if (lower < 2 || j >= p->n || sp_class(p, j, &len) != TEXT_UPPER)
        return 0;
    for (int k = 0; k < 2; k++) { /* "North", not "Js" */
        j += (size_t)len;
        if (j >= p->n || sp_class(p, j, &len) != TEXT_LOWER)
            return 0;
    }
    for (size_t k = j; k < p->n && k - j < SP_WORD_MAX; k++) {
        char c = p->s[k];
        if (c == ' ' || c == '\n' || c == '\t')
            break;
        if (c == '.' || c == '/' || c == '@' || c == '_' || c == '=')
            return 0;
    }
    return 1;
}

/* ---- the decision at a stop -------------------------------------------------------- */

typedef struct sp_stop {
    size_t lo;       /* start of the current sentence */
    size_t i, j, k;  /* the stops s[i..j), then closing quotes/brackets to k */
    size_t hi;       /* end of the segment */
} sp_stop;

/* After a single full stop, the next character m is not lower case. */
static int sp_after_period(const sp *p, const sp_stop *st, size_t m)
{
    size_t ws;
    int len;
    if (st->k > st->j) /* `U.S.” He`, `etc.) The` */
        return 1;
    if (!sp_word_before(p, st->lo, st->i, &ws))
        return 1;
    if (ws == st->i)
        return 1;
    text__class f = sp_class(p, m, &len);
    int digit = f == TEXT_DIGIT;
    int32_t fc = text__cp(p->s, p->n, m, &len);
    int quote = fc == '"' || fc == '\'' || fc == '`' || fc == 0x201C || fc == 0x2018 || fc == 0xAB;
    int opener = quote || text__is_opener_word(p->s + m, sp_letters(p, m));
    size_t w = st->i - ws, d = 0;
    while (d < w && p->s[ws + d] >= '0' && p->s[ws + d] <= '9')
        d++;
    if (d == w && w <= 3) { /* "1. The first point": a list number opening the sentence */
        size_t x = st->lo;
        while (x < ws && ws - x <= SP_WORD_MAX && sp_class(p, x, &len) == TEXT_SPACE)
            x += (size_t)len;
        if (x == ws)
            return 0;
    }
    switch (text__abbrev(p->s + ws, w)) {
    case TEXT_ABBR_TITLE:
        return 0;
    case TEXT_ABBR_NUMBER:
    case TEXT_ABBR_MONTH:
        return !digit;
    case TEXT_ABBR_SUFFIX:
    case TEXT_ABBR_ACRONYM:
    case TEXT_ABBR_INITIAL:
        return opener;
    default:
        return 1;
    }
}

static int sp_boundary(const sp *p, const sp_stop *st)
{
    int len, q = 0, dots = 0, other = 0;
    for (size_t x = st->i; x < st->j; x += (size_t)len) {
        len = sp_stop_len(p, x);
        char c = p->s[x];
        q |= c == '?' || c == '!';
        dots += c == '.' ? 1 : len == 3 && (unsigned char)c == 0xE2 ? 3 : 0;
        other |= len > 1 && (unsigned char)c != 0xE2;
    }
    if (st->k >= st->hi)
        return 1;
    text__class next = sp_class(p, st->k, &len);
    if (next != TEXT_SPACE) /* glued: "turn...You", "Katzman.North" */
        return (dots >= 2 && next == TEXT_UPPER) ||
               (dots == 1 && !q && st->k == st->j && sp_glued(p, st->lo, st->i));
    size_t m = st->k;
    while (m < st->hi && sp_class(p, m, &len) == TEXT_SPACE)
        m += (size_t)len;
    if (m >= st->hi)
        return 1;
    size_t m2 = m; /* past opening quotes and brackets: `p.m. "watershed"` goes on */
    for (int k = 0; m2 < st->hi && k < 4 && text__is_opener(text__cp(p->s, p->n, m2, &len)); k++)
        m2 += (size_t)len;
    text__class f = sp_class(p, m, &len);
    if (f == TEXT_LOWER || (m2 < st->hi && sp_class(p, m2, &len) == TEXT_LOWER))
        return 0;
    if (q || other)
        return 1;
    if (dots >= 2) /* an ellipsis ends a sentence before a capital or a quote */
        return f == TEXT_UPPER || text__is_opener(text__cp(p->s, p->n, m, &len));
    return sp_after_period(p, st, m);
}

/* ---- output ------------------------------------------------------------------------ */

static void sp_push(sp *p, size_t a, size_t b, int flags)
{
    if (p->nv == p->cap) {
        int nc = p->cap ? p->cap * 2 : 64;
        dyad_sentence *v = nc > 0 ? realloc(p->v, (size_t)nc * sizeof *v) : NULL;
        if (!v) {
            p->oom = 1;
            return;
        }
        p->v = v;
        p->cap = nc;
    }
    p->v[p->nv++] = (dyad_sentence){(int)a, (int)b, flags};
}

static int sp_tok_store(void *user, size_t a, size_t b)
{
    sp *p = user;
    if (p->ntok == p->tokcap) {
        int nc = p->tokcap ? p->tokcap * 2 : 256;
        size_t *t = realloc(p->tok, (size_t)nc * 2 * sizeof *t);
        if (!t) {
            p->oom = 1;
            return 1;
        }
        p->tok = t;
        p->tokcap = nc;
    }
    p->tok[2 * p->ntok] = a;
    p->tok[2 * p->ntok + 1] = b;
    p->ntok++;
    return 0;
}

static int sp_tok_count(void *user, size_t a, size_t b)
{
    (void)a, (void)b;
    (*(int *)user)++;
    return 0;
}

/* Rank of token t as a place to cut after: ';' 4, ':' 3, ',' 2, a dash 1. */
static int sp_cut_rank(const sp *p, int t)
{
    const char *s = p->s + p->tok[2 * t];
    size_t n = p->tok[2 * t + 1] - p->tok[2 * t];
    if (n == 1)
        return *s == ';' ? 4 : *s == ':' ? 3 : *s == ',' ? 2 : 0;
    if ((n == 2 && !memcmp(s, "--", 2)) ||
        (n == 3 && (!memcmp(s, "\xE2\x80\x94", 3) || !memcmp(s, "\xE2\x80\x93", 3))))
        return 1;
    return 0;
}

/* s[a..b) has more than DYAD_SENT_MAX_TOKENS tokens: pieces of at most that
 * many, each cut after the best punctuation in its second half. */
static void sp_cut(sp *p, size_t b, int flags)
{
    /* two tokens of margin: alone, a piece may split a token its context kept
     * whole ("No." before a number at its end, "'s" after "Inc." at its start) */
    int cs = 0, max = DYAD_SENT_MAX_TOKENS - 2;
    while (p->ntok - cs > max) {
        int cut = cs + max - 1, best = 0;
        for (int t = cs + max - 1; t >= cs + max / 2; t--) {
            int r = sp_cut_rank(p, t);
            if (r > best) {
                best = r;
                cut = t;
            }
        }
        sp_push(p, p->tok[2 * cs], p->tok[2 * cut + 1], DYAD_SENT_CUT);
        cs = cut + 1;
    }
    sp_push(p, p->tok[2 * cs], b, flags | DYAD_SENT_CUT);
    p->last_ntok = p->ntok - cs;
}

static void sp_emit(sp *p, size_t a, size_t b)
{
    int len, alnum = 0;
    while (a < b && sp_class(p, a, &len) == TEXT_SPACE)
        a += (size_t)len;
    while (b > a && text__classify(text__cp_before(p->s, a, b, &len)) == TEXT_SPACE)
        b -= (size_t)len;
    for (size_t x = a; x < b && !alnum; x += (size_t)len) {
        text__class c = sp_class(p, x, &len);
        alnum = text__is_letter(c) || c == TEXT_DIGIT;
    }
    p->ntok = 0;
    text__tokens(p->s, a, b, sp_tok_store, p);
    if (!alnum) { /* "Done. . .": stray stops join the sentence before, if in the segment */
        if (p->nv && (size_t)p->v[p->nv - 1].end >= p->seg && b > a &&
            p->last_ntok + p->ntok <= DYAD_SENT_MAX_TOKENS - 2) {
            /* tokens depend on their context: the joined span is counted
             * again (at most DYAD_SENT_MAX_TOKENS joins a sentence) */
            int joined = 0;
            text__tokens(p->s, (size_t)p->v[p->nv - 1].start, b, sp_tok_count, &joined);
            if (joined <= DYAD_SENT_MAX_TOKENS - 2) {
                p->v[p->nv - 1].end = (int)b;
                p->last_ntok = joined;
            }
        }
        return;
    }
    int flags = sp_ends_with_stop(p, a, b) ? 0 : DYAD_SENT_NOSTOP;
    if (p->ntok > DYAD_SENT_MAX_TOKENS) {
        sp_cut(p, b, flags);
    } else {
        sp_push(p, a, b, flags);
        p->last_ntok = p->ntok;
    }
}

/* ---- segments ------------------------------------------------------------------------ */

static void sp_segment(sp *p, size_t ss, size_t se)
{
    size_t start = ss, i = ss;
    p->seg = ss;
    while (i < se && !p->oom) {
        int k = sp_stop_len(p, i);
        if (!k) {
            i++;
            continue;
        }
        sp_stop st = {.lo = start, .i = i, .j = i, .hi = se};
        while (st.j < se && (k = sp_stop_len(p, st.j)) != 0)
            st.j += (size_t)k;
        st.k = st.j;
        int len;
        while (st.k < se && st.k - st.j < 16 && text__is_closer(text__cp(p->s, se, st.k, &len)))
            st.k += (size_t)len;
        if (sp_boundary(p, &st)) {
            sp_emit(p, start, st.k);
            start = st.k;
        }
        i = st.k > st.j ? st.k : st.j;
    }
    sp_emit(p, start, se);
}

/* [a, b) without surrounding whitespace; 0 when blank. */
static int sp_trim(const sp *p, size_t *a, size_t *b)
{
    int len;
    while (*a < *b && sp_class(p, *a, &len) == TEXT_SPACE)
        *a += (size_t)len;
    while (*b > *a && text__classify(text__cp_before(p->s, *a, *b, &len)) == TEXT_SPACE)
        *b -= (size_t)len;
    return *b > *a;
}

/* Does the line break between two non-blank lines end a sentence? */
static int sp_line_break(const sp *p, size_t pa, size_t pb, size_t na, size_t nb)
{
    int len;
    sp_trim(p, &pa, &pb);
    sp_trim(p, &na, &nb);
    if (sp_class(p, na, &len) == TEXT_LOWER)
        return 0;
    int32_t last = text__cp_before(p->s, pa, pb, &len);
    if (last == ',' || last == ';' || last == ':' || last == '-' || last == '(' || last == '/' ||
        last == '&' || last == 0x2013 || last == 0x2014)
        return 0;
    if (!p->wrapped)
        return 1;
    if (sp_ends_with_stop(p, pa, pb))
        return 0; /* the stop decides */
    return (pb - pa) * 10 < p->maxline * 6; /* a short line: a heading */
}

/* Is the text hard-wrapped? Many lines go on in lower case, or after a comma. */
static void sp_layout(sp *p)
{
    size_t prev_b = 0;
    int have_prev = 0, pairs = 0, cont = 0, len;
    for (size_t i = 0; i <= p->n;) {
        const char *nl = i < p->n ? memchr(p->s + i, '\n', p->n - i) : NULL;
        size_t e = nl ? (size_t)(nl - p->s) : p->n, a = i, b = e;
        if (e - i > p->maxline)
            p->maxline = e - i;
        if (sp_trim(p, &a, &b)) {
            if (have_prev) {
                pairs++;
                cont += sp_class(p, a, &len) == TEXT_LOWER || p->s[prev_b - 1] == ',';
            }
            prev_b = b, have_prev = 1;
        } else {
            have_prev = 0;
        }
        i = e + 1;
    }
    p->wrapped = pairs >= 2 && cont * 4 >= pairs;
}

static void sp_run(sp *p)
{
    size_t seg = 0, prev_a = 0, prev_b = 0;
    int open = 0;
    for (size_t i = 0; i <= p->n && !p->oom;) {
        const char *nl = i < p->n ? memchr(p->s + i, '\n', p->n - i) : NULL;
        size_t e = nl ? (size_t)(nl - p->s) : p->n, a = i, b = e;
        if (!sp_trim(p, &a, &b)) { /* a blank line ends the paragraph */
            if (open)
                sp_segment(p, seg, prev_b);
            open = 0;
        } else if (!open) {
            seg = i, open = 1;
        } else if (sp_line_break(p, prev_a, prev_b, a, b)) {
            sp_segment(p, seg, prev_b);
            seg = i;
        }
        if (b > a)
            prev_a = i, prev_b = e;
        i = e + 1;
    }
    if (open)
        sp_segment(p, seg, prev_b);
}

int dyad_text_sentences(dyad_sentence **out, int *nout, dyad_arena *a, const char *text, size_t n)
{
    *out = NULL;
    *nout = 0;
    if (n > INT_MAX)
        return dyad_set_error(DYAD_ELIMIT, "text longer than %d bytes", INT_MAX);
    if (!n)
        return 0;
    sp p = {.s = text, .n = n};
    sp_layout(&p);
    sp_run(&p);
    int rc = 0;
    if (p.oom) {
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    } else if (p.nv) {
        *out = dyad_arena_alloc(a, (size_t)p.nv * sizeof **out);
        if (!*out)
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
        else {
            memcpy(*out, p.v, (size_t)p.nv * sizeof **out);
            *nout = p.nv;
        }
    }
    free(p.v);
    free(p.tok);
    return rc;
}
