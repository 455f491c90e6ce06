/* country.c: the country of actors named without one (see country.h). */
#include "code/country.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* CAMEO region codes: three letters but no country (dyad.countries.actors.txt). */
static const char *const regions[] = {"AFR", "ASA", "EUR", "MEA", "LAM", "SAM", "NMR", "CAM",
                                      "CRB", "SEA", "SAS", "CAS", "CAU", "BLK", "EEU", "SCN",
                                      "PGS", "ARB", "WAF", "EAF", "NAF", "SAF", "CFR", "WST",
                                      "IGO", "NGO", "UNO", "NAT", NULL};

int dyad_country_is_country_code(const char *code)
{
    if (!code || strlen(code) != 3)
        return 0;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return 0;
    for (int i = 0; regions[i]; i++)
        if (!strcmp(code, regions[i]))
            return 0;
    return 1;
}

/* The first of "AAA/BBB" codes, from a. */
static const char *first_code(const char *code, dyad_arena *a)
{
    const char *slash = code ? strchr(code, '/') : NULL;
    return slash ? dyad_arena_strndup(a, code, (size_t)(slash - code)) : code;
}

/* The country code of the single word w, or NULL; "U.S" (the parser split
 * "U.S." from a full stop) is read as "U.S.". */
static const char *word_country(const dyad_dict *d, const char *w, const char *date,
                                dyad_arena *a)
{
    const char *one[1] = {w};
    const char *code = NULL;
    int len = 0;
    size_t n = strlen(w);
    if (n >= 2 && strchr(w, '.') && w[n - 1] != '.' &&
        !(dyad_dict_actor_match(d, one, 1, date, &code, &len) && len == 1)) {
        char *dot = dyad_arena_printf(a, "%s.", w);
        if (dot)
            one[0] = dot;
    }
    if (!*w || !dyad_dict_actor_match(d, one, 1, date, &code, &len) || len != 1)
        return NULL;
    code = first_code(code, a);
    return dyad_country_is_country_code(code) ? code : NULL;
}

/* First parts that turn a nationality into something else ("anti-American"). */
static const char *const not_of[] = {"ANTI", "PRO", "NON", "EX", "POST", "PRE", "NEO", "PAN",
                                     "MID", "SEMI", "CROSS", "INTER", "TRANS", "MULTI", NULL};

const char *dyad_country_hyphen_actor(const dyad_dict *d, const char *w, const char *date,
                                      dyad_arena *a)
{
    const char *h = strchr(w, '-'), *l = strrchr(w, '-');
    if (!h || h == w || !l[1])
        return NULL;
    for (int i = 0; not_of[i]; i++)
        if (strlen(not_of[i]) == (size_t)(h - w) && !memcmp(w, not_of[i], (size_t)(h - w)))
            return NULL;
    /* "Lebanese-American": the last part names what the person is */
    const char *c = word_country(d, l + 1, date, a);
    if (c)
        return c;
    /* "U.S.-led", "Saudi-led", "Iraqi-born", "London-based": the first part,
     * before a word saying whose the actor is (not "Israeli-occupied") */
    static const char *const whose[] = {"LED", "BACKED", "BORN", "BASED", "SPONSORED",
                                        "FUNDED", "TRAINED", "ARMED", "SUPPORTED", "ALLIED",
                                        "AFFILIATED", "RUN", "OWNED", "FLAGGED", NULL};
    int ok = 0;
    for (int i = 0; whose[i] && !ok; i++)
        ok = !strcmp(l + 1, whose[i]);
    if (!ok || h != l)
        return NULL;
    char *first = dyad_arena_strndup(a, w, (size_t)(h - w));
    return first ? word_country(d, first, date, a) : NULL;
}

/* ---- words and the countries in them ------------------------------------- */

typedef struct cand {
    int pos;          /* word index */
    const char *code; /* country code */
    int place;        /* inside a phrase of place ("in Baghdad") */
} cand;

static int is_place_word(const char *w)
{
    static const char *const pw[] = {"IN", "NEAR", "AT", "ACROSS", "OUTSIDE", "INSIDE", "AROUND",
                                      "THROUGHOUT", "INTO", "FROM", "ALONG", "OFF", "NORTH",
                                      "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN", "EASTERN",
                                      "WESTERN", "NORTHEAST", "NORTHWEST", "SOUTHEAST",
                                      "SOUTHWEST", "CENTRAL", "WITHIN",
                                      /* "the capital Moroni", "the city of Aleppo" */
                                      "CAPITAL", "CITY", "TOWN", "VILLAGE", "PROVINCE",
                                      "REGION", "DISTRICT", "STREETS", "OUTSKIRTS", NULL};
    for (int i = 0; pw[i]; i++)
        if (!strcmp(w, pw[i]))
            return 1;
    return 0;
}

/* Is word i in a phrase of place: a place word at most three words before,
 * with no comma between? */
static int in_place_phrase(const char *const *w, int i)
{
    for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
        if (!strcmp(w[k], ",") || !strcmp(w[k], ";"))
            return 0;
        if (is_place_word(w[k]))
            return 1;
    }
    return 0;
}

/* The countries named in w[0..n) (upper-case words), in order, into *out
 * (from a); returns how many, or -1 when out of memory. */
static int countries(const dyad_dict *d, const char *const *w, int n, const char *date,
                     dyad_arena *a, cand **out)
{
    cand *v = dyad_arena_alloc(a, (size_t)(n + 1) * sizeof *v);
    if (!v)
        return -1;
    int nc = 0;
    for (int i = 0; i < n;) {
        const char *code = NULL;
        int len = 0;
        if (dyad_dict_actor_match(d, w + i, n - i, date, &code, &len) && len > 0) {
            code = first_code(code, a);
            /* "U.S. forces" (USAMIL) still names the United States, "Bush"
             * (USAGOV) names no place */
            if (!dyad_country_is_country_code(code) && len > 1)
                code = word_country(d, w[i], date, a);
            if (code && dyad_country_is_country_code(code))
                v[nc++] = (cand){i, code, in_place_phrase(w, i)};
            i += len;
            continue;
        }
        if ((strchr(w[i], '-') && (code = dyad_country_hyphen_actor(d, w[i], date, a))) ||
            (strchr(w[i], '.') && (code = word_country(d, w[i], date, a))))
            v[nc++] = (cand){i, code, in_place_phrase(w, i)};
        i++;
    }
    *out = v;
    return nc;
}

/* Upper-case words of a text: split at blanks; punctuation around a word
 * goes ("(Baghdad)," -> BAGHDAD) except the dots of an abbreviation
 * ("U.S."); a possessive "'s" is its own word; commas are words. */
static int text_words(const char *s, dyad_arena *a, const char ***out)
{
    size_t n = strlen(s);
    const char **w = dyad_arena_alloc(a, (n + 1) * sizeof *w);
    if (!w)
        return -1;
    int nw = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < n && !isspace((unsigned char)s[i]))
            i++;
        size_t e = i;
        while (b < e && strchr("\"'([{", s[b]))
            b++;
        int comma = 0;
        while (e > b) {
            char ch = s[e - 1];
            if (ch == '.' && memchr(s + b, '.', e - b - 1))
                break; /* "U.S.": no full stop */
            if (ch != '.' && !strchr("\"')]},;:!?", ch))
                break;
            comma |= ch == ',' || ch == ';';
            e--;
        }
        size_t poss = 0;
        if (e - b > 2 && s[e - 2] == '\'' && (s[e - 1] == 's' || s[e - 1] == 'S'))
            poss = 2;
        if (e > b + poss) {
            char *u = dyad_arena_strndup(a, s + b, e - b - poss);
            if (!u)
                return -1;
            for (char *p = u; *p; p++)
                *p = (char)toupper((unsigned char)*p);
            w[nw++] = u;
        }
        if (poss)
            w[nw++] = "'S";
        if (comma)
            w[nw++] = ",";
    }
    *out = w;
    return nw;
}

/* The upper-case words of tree t (its tokens). */
static int tree_words(const dyad_tree *t, dyad_arena *a, const char ***out)
{
    const char **w = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *w);
    if (!w)
        return -1;
    for (int k = 0; k < t->ntok; k++) {
        int x = t->tok_node ? t->tok_node[k] : -1;
        const char *s = x >= 0 && t->nodes[x].word ? t->nodes[x].word : "";
        char *u = dyad_arena_strdup(a, s);
        if (!u)
            return -1;
        for (char *p = u; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        w[k] = u;
    }
    *out = w;
    return t->ntok;
}

const char *dyad_country_in_text(const dyad_dict *d, const char *text, const char *date,
                                 dyad_arena *a)
{
    const char **w = NULL;
    cand *v = NULL;
    int n = text ? text_words(text, a, &w) : 0;
    int nc = n > 0 ? countries(d, w, n, date, a, &v) : 0;
    return nc > 0 ? v[nc - 1].code : "";
}

void dyad_country_ctx_init(dyad_country_ctx *x, const dyad_dict *d, const char *title,
                           const char *dateline, const char *date, dyad_arena *a)
{
    x->last = title && *title ? dyad_country_in_text(d, title, date, a) : "";
    x->dateline = dateline && *dateline ? dyad_country_in_text(d, dateline, date, a) : "";
}

void dyad_country_note_sentence(dyad_country_ctx *x, const dyad_dict *d, const dyad_tree *t,
                                const char *text, const char *date, dyad_arena *a)
{
    const char *c = "";
    if (t && t->ntok > 0) {
        const char **w = NULL;
        cand *v = NULL;
        int n = tree_words(t, a, &w);
        int nc = n > 0 ? countries(d, w, n, date, a, &v) : 0;
        if (nc > 0)
            c = v[nc - 1].code;
    } else if (text) {
        c = dyad_country_in_text(d, text, date, a);
    }
    if (*c)
        x->last = c;
}

/* ---- filling events ---------------------------------------------------- */

/* The token where a span starts (the first token starting at or after it), -1. */
static int span_tok(const dyad_tree *t, dyad_span s)
{
    if (!t || !t->tok_start || s.start < 0)
        return -1;
    for (int k = 0; k < t->ntok; k++)
        if (t->tok_start[k] >= s.start)
            return k;
    return -1;
}

/* Has the actor a country of its own ("IRQCOP", "USA")? */
static int has_country(const char *code) { return code && strlen(code) >= 3 && strncmp(code, "---", 3); }

/* Does the actor code lack only its country ("---COP")? */
static int needs_country(const char *code) { return code && strlen(code) > 3 && !strncmp(code, "---", 3); }

static int armed(const char *code) { return code && strlen(code) >= 6 && !strncmp(code + 3, "MIL", 3); }

/* The sentence's country for an actor at token p whose other side is other:
 * the nearest phrase of place, else the nearest other country word (not the
 * other side's country when that side is armed forces or the country itself:
 * "rebels attacked the U.S. embassy"). NULL when none. */
static const char *sentence_country(const cand *v, int nc, int p, const char *other)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *best = NULL;
        int bd = 1 << 30;
        for (int i = 0; i < nc; i++) {
            if (pass == 0 && !v[i].place)
                continue;
            if (pass == 1 && (armed(other) || dyad_country_is_country_code(other)) &&
                !strncmp(other, v[i].code, 3))
                continue;
            int dist = p >= 0 ? abs(v[i].pos - p) : 0;
            if (dist < bd) {
                bd = dist;
                best = v[i].code;
            }
        }
        if (best)
            return best;
    }
    return NULL;
}

/* Fills one side: *code and *from. */
static int fill_side(const char **code, const char **from, const char *other, int p,
                     const cand *v, int nc, const dyad_country_ctx *x, dyad_arena *a)
{
    if (has_country(*code)) {
        *from = "phrase";
        return 0;
    }
    *from = "";
    if (!needs_country(*code))
        return 0;
    const char *c = sentence_country(v, nc, p, other);
    const char *f = "sentence";
    if (!c && x && x->last && *x->last) {
        c = x->last;
        f = "article";
    }
    if (!c && x && x->dateline && *x->dateline) {
        c = x->dateline;
        f = "dateline";
    }
    if (!c)
        return 0;
    const char *nc2 = dyad_arena_printf(a, "%.3s%s", c, *code + 3);
    if (!nc2)
        return DYAD_ENOMEM;
    *code = nc2;
    *from = f;
    return 0;
}

/* The CAMEO families an event may have with one side only (protests, force
 * posture, coercion, violence). */
static int stands_alone(const char *cameo)
{
    static const char *const fam[] = {"14", "15", "17", "18", "19", "20"};
    for (size_t i = 0; cameo && i < sizeof fam / sizeof *fam; i++)
        if (!strncmp(cameo, fam[i], 2))
            return 1;
    return 0;
}

int dyad_country_fill(dyad_event *ev, int n, const dyad_tree *t, const dyad_country_ctx *x,
                      const dyad_dict *d, const char *date, dyad_arena *a)
{
    const char **w = NULL;
    cand *v = NULL;
    int nw = t && t->ntok > 0 ? tree_words(t, a, &w) : 0;
    if (nw < 0)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    int nc = 0;
    if (nw > 0 && (nc = countries(d, w, nw, date, a, &v)) < 0)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (int i = 0; i < n; i++) {
        dyad_event *e = &ev[i];
        int vp = span_tok(t, e->verb_span);
        int sp = span_tok(t, e->source_span), tp = span_tok(t, e->target_span);
        const char *src = e->source, *tgt = e->target;
        if (fill_side(&e->source, &e->source_country_from, tgt, sp >= 0 ? sp : vp, v, nc, x, a) ||
            fill_side(&e->target, &e->target_country_from, src, tp >= 0 ? tp : vp, v, nc, x, a))
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        if (e->source[0] && (e->source != src || e->target != tgt) && !strcmp(e->source, e->target) && stands_alone(e->cameo)) {
            /* "students boycotted classes at the University of Dhaka": both
             * sides the same actor once its country is known; the act
             * stands alone */
            e->target = "";
            e->target_country_from = "";
            e->target_span = (dyad_span){-1, -1};
            e->target_text = "";
        }
    }
    return 0;
}
