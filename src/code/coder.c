/* coder.c: codes one parsed sentence into source-target-event triples.
 *
 * The steps follow PETRARCH-1, whose dictionaries and unit tests the field uses:
 *   1. linearise the tree (plist.c);
 *   2. drop comma-delimited asides whose length is within the comma_* options;
 *   3. give each noun phrase (NE) the code of the first actor in it plus the
 *      codes of its agents ("Israeli police" -> ISRCOP); compounds inside a
 *      noun phrase become one NE per member;
 *   4. for each verb phrase whose verb is in the dictionary, pick the verb form
 *      (multi-word forms first), match its block's patterns (seq.c), find the
 *      target (in the verb phrase) and source (before the verb), and emit the
 *      events; passive verbs ("was attacked by X") swap source and target.
 */
#include "code/coder.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "code/plist.h"
#include "code/seq.h"
#include "code/tcoder.h"

#define MAX_NE_WORDS 128
#define MAX_CODES 32

void dyad_code_opts_default(dyad_code_opts *o)
{
    o->require_dyad = 0;
    o->one_sided = 1;
    o->keep_hypothetical = 0;
    o->modality = 1;
    o->new_actor_length = 0;
    o->comma_min = 2;
    o->comma_max = 8;
    o->comma_bmin = 0;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 8;
}

int dyad_coder_new(dyad_coder **out, const dyad_dict *dict, const dyad_code_opts *opts)
{
    *out = NULL;
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    c->dict = dict;
    if (opts)
        c->opts = *opts;
    else
        dyad_code_opts_default(&c->opts);
    if (dyad_dict_is_petr2(dict)) {
        int rc = dyad_tcoder_new(&c->tc, dict);
        if (rc) {
            free(c);
            return rc;
        }
    }
    *out = c;
    return 0;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c)
        return;
    dyad_tcoder_free(c->tc);
    free(c);
}

int dyad_coder_set_option(dyad_coder *c, const char *option, const char *value)
{
    return dyad_code_opts_set(&c->opts, option, value);
}

const char *dyad_coder_engine(const dyad_coder *c) { return c->tc ? "tree" : "linear"; }

static int parse_int(const char *v, int *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    while (*end && isspace((unsigned char)*end))
        end++;
    if (end == v || *end || x < 0 || x > 1000000)
        return -1;
    *out = (int)x;
    return 0;
}

int dyad_code_opts_set(dyad_code_opts *o, const char *option, const char *value)
{
    static const struct {
        const char *name;
        size_t off;
    } ints[] = {
        {"new_actor_length", offsetof(dyad_code_opts, new_actor_length)},
        {"comma_min", offsetof(dyad_code_opts, comma_min)},
        {"comma_max", offsetof(dyad_code_opts, comma_max)},
        {"comma_bmin", offsetof(dyad_code_opts, comma_bmin)},
        {"comma_bmax", offsetof(dyad_code_opts, comma_bmax)},
        {"comma_emin", offsetof(dyad_code_opts, comma_emin)},
        {"comma_emax", offsetof(dyad_code_opts, comma_emax)},
    };
    if (!option || !value)
        return dyad_set_error(DYAD_EINVAL, "option without a name or value");
    if (!strcasecmp(option, "require_dyad")) {
        char low[32];
        size_t i = 0;
        for (; value[i] && i < sizeof low - 1; i++)
            low[i] = (char)tolower((unsigned char)value[i]);
        low[i] = 0;
        o->require_dyad = strstr(low, "false") == NULL;
        o->one_sided = 0; /* PETRARCH's option: PETRARCH's one-sided events */
        return 0;
    }
    static const struct {
        const char *name;
        size_t off;
    } flags[] = {
        {"one_sided", offsetof(dyad_code_opts, one_sided)},
        {"keep_hypothetical", offsetof(dyad_code_opts, keep_hypothetical)},
        {"modality", offsetof(dyad_code_opts, modality)},
    };
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        if (strcasecmp(option, flags[i].name))
            continue;
        int *f = (int *)((char *)o + flags[i].off);
        if (!strcasecmp(value, "true") || !strcmp(value, "1"))
            *f = 1;
        else if (!strcasecmp(value, "false") || !strcmp(value, "0"))
            *f = 0;
        else
            return dyad_set_error(DYAD_EINVAL, "option %s: '%s' is not true or false", option,
                                  value);
        return 0;
    }
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        if (strcasecmp(option, ints[i].name))
            continue;
        if (parse_int(value, (int *)((char *)o + ints[i].off)))
            return dyad_set_error(DYAD_EINVAL, "option %s: '%s' is not a whole number", option,
                                  value);
        return 0;
    }
    if (!strcasecmp(option, "stop_on_error") || !strcasecmp(option, "write_actor_root") ||
        !strcasecmp(option, "write_actor_text"))
        return 0; /* accepted, no effect on coding */
    return dyad_set_error(DYAD_EINVAL, "unknown option '%s'", option);
}

/* ---- comma clauses ------------------------------------------------------ */

static const char *S(const dyad_plist *pl, int i) { return pl->items[i].s; }

/* Words (alphabetic) in [lo, hi), not counting NE code slots. */
static int count_words(const dyad_plist *pl, int lo, int hi)
{
    int k = 0;
    for (int i = lo; i < hi && i < pl->n; i++) {
        const char *s = S(pl, i);
        if (!strcmp(s, "(NE")) {
            i++;
            continue;
        }
        if (dyad_pl_is_word(s) && isalpha((unsigned char)s[0]))
            k++;
    }
    return k;
}

/* Removes the complete phrases that lie inside [lo, hi). */
static void delete_phrases(dyad_plist *pl, int lo, int hi)
{
    const char *stack[256];
    int top = 0;
    for (int k = hi - 1; k >= lo && k < pl->n; k--) {
        const char *s = S(pl, k);
        if (dyad_pl_is_close(s)) {
            if (top < 256)
                stack[top++] = s + 1;
        } else if (top > 0 && dyad_pl_is_open(s) && !strcmp(s + 1, stack[top - 1])) {
            int end = k + 1;
            while (end < pl->n && !(dyad_pl_is_close(S(pl, end)) && !strcmp(S(pl, end) + 1, s + 1)))
                end++;
            dyad_plist_remove(pl, k, end + 1);
            top--;
        }
    }
}

/* Index of the last item that is not a closer, minus one (PETRARCH's find_end). */
static int find_end(const dyad_plist *pl)
{
    int k = pl->n - 1;
    while (k >= 2 && dyad_pl_is_close(S(pl, k)))
        k--;
    return k - 1;
}

static int last_comma_before(const dyad_plist *pl, int k)
{
    while (k >= 2 && strcmp(S(pl, k), "(,"))
        k--;
    return k >= 0 && k < pl->n && !strcmp(S(pl, k), "(,") ? k : -1;
}

static int balanced(const dyad_plist *pl)
{
    int depth = 0;
    for (int i = 0; i < pl->n; i++) {
        if (dyad_pl_is_open(S(pl, i)))
            depth++;
        else if (dyad_pl_is_close(S(pl, i)) && --depth < 0)
            return 0;
    }
    return depth == 0;
}

static void check_commas(dyad_plist *pl, const dyad_code_opts *o)
{
    int first = dyad_plist_find(pl, "(,", 0, pl->n);
    if (first < 0)
        return;
    if (o->comma_bmax != 0) {
        int k = count_words(pl, 2, first);
        if (k >= o->comma_bmin && k <= o->comma_bmax)
            delete_phrases(pl, 2, first);
    }
    if (o->comma_emax != 0) {
        int kend = find_end(pl);
        int ka = last_comma_before(pl, kend - 1);
        if (ka >= 0) {
            int k = count_words(pl, ka, pl->n);
            if (k >= o->comma_emin && k <= o->comma_emax)
                delete_phrases(pl, ka + 3, kend);
        }
    }
    if (o->comma_max != 0) {
        int ka = dyad_plist_find(pl, "(,", 0, pl->n);
        while (ka >= 0) {
            int kb = dyad_plist_find(pl, "(,", ka + 1, pl->n);
            if (kb < 0)
                break;
            int k = count_words(pl, ka + 2, kb);
            if (k >= o->comma_min && k <= o->comma_max) {
                int before = pl->n;
                delete_phrases(pl, ka, kb);
                kb -= before - pl->n;
            }
            ka = kb;
        }
    }
    /* dangling initial or terminal comma */
    int ka = dyad_plist_find(pl, "(,", 0, pl->n);
    if (ka >= 0 && count_words(pl, 2, ka) == 0)
        dyad_plist_remove(pl, ka, ka + 3);
    int kend = find_end(pl);
    ka = last_comma_before(pl, kend - 1);
    if (ka >= 0 && count_words(pl, ka + 1, kend) == 0)
        dyad_plist_remove(pl, ka, ka + 3);
}

/* ---- actor codes for noun phrases ----------------------------------------- */

/* The code of a noun phrase: the first actor's code followed (or preceded) by
 * the codes of the agents found elsewhere in the phrase. NULL when neither. */
static const char *ne_code(const dyad_dict *d, const char *const *w, int n, const char *date,
                           dyad_arena *a)
{
    const char *actor = NULL;
    int a0 = -1, a1 = -1;
    for (int k = 0; k < n && !actor; k++) {
        int len = 0;
        const char *code = NULL;
        if (dyad_dict_actor_match(d, w + k, n - k, date, &code, &len) && code) {
            actor = code;
            a0 = k;
            a1 = k + len;
        }
    }
    char buf[256];
    size_t blen = 0;
    int nagents = 0;
    buf[0] = 0;
    if (actor) {
        blen = strlen(actor) < sizeof buf - 1 ? strlen(actor) : sizeof buf - 1;
        memcpy(buf, actor, blen);
        buf[blen] = 0;
    }
    for (int k = 0; k < n; k++) {
        if (k >= a0 && k < a1)
            continue;
        const char *code = NULL;
        int len = 0, prefix = 0;
        if (!dyad_dict_agent_match(d, w + k, n - k, &code, &len, &prefix) || !code)
            continue;
        size_t cl = strlen(code);
        if (!actor && nagents == 0) {
            memcpy(buf, "---", 4);
            blen = 3;
        }
        /* an agent code already present (in 3-character blocks) ends the search */
        int dup = 0;
        for (size_t p = 0; p + cl <= blen; p += 3)
            if (!memcmp(buf + p, code, cl)) {
                dup = 1;
                break;
            }
        if (dup)
            break;
        if (blen + cl >= sizeof buf)
            break;
        if (prefix) {
            memmove(buf + cl, buf, blen + 1);
            memcpy(buf, code, cl);
        } else {
            memcpy(buf + blen, code, cl + 1);
        }
        blen += cl;
        nagents++;
        if (len > 1)
            k += len - 1;
    }
    if (!actor && !nagents)
        return NULL;
    return dyad_arena_strndup(a, buf, blen);
}

/* Replaces a noun phrase that holds a compound by one NE per member, each with
 * the words around the compound ("the armies of (Gondor and Rohan)"). */
static int expand_inner_compound(dyad_plist *pl, int kstart, int kend, dyad_arena *a)
{
    int ncs = -1, nce = -1;
    for (int i = kstart + 2; i < kend; i++)
        if (!strncmp(S(pl, i), "(NEC", 4)) {
            ncs = i;
            break;
        }
    if (ncs < 0)
        return 0;
    int depth = 0;
    for (int i = ncs; i < kend; i++) {
        if (dyad_pl_is_open(S(pl, i)))
            depth++;
        else if (dyad_pl_is_close(S(pl, i)) && --depth == 0) {
            nce = i;
            break;
        }
    }
    if (nce < 0)
        return 0;
    int cap = (kend - kstart + 2) * 4 + 8, m = 0;
    dyad_pl_item *out = dyad_arena_alloc(a, (size_t)cap * sizeof *out);
    if (!out)
        return DYAD_ENOMEM;
    const char *tag = dyad_arena_printf(a, "NEC%d", 900 + kstart);
    out[m++] = (dyad_pl_item){dyad_arena_printf(a, "(%s", tag), -1};
    /* members: the noun-ish children of the compound */
    for (int i = ncs + 1; i < nce && m < cap - 8; i++) {
        const char *s = S(pl, i);
        if (s[0] != '(' || s[1] != 'N')
            continue;
        int end = i + 1, dep = 1;
        while (end < nce && dep > 0) {
            if (dyad_pl_is_open(S(pl, end)))
                dep++;
            else if (dyad_pl_is_close(S(pl, end)))
                dep--;
            end++;
        }
        if (m + (end - i) + (kend - kstart) + 4 >= cap)
            break;
        out[m++] = (dyad_pl_item){"(NE", -1};
        out[m++] = (dyad_pl_item){"---", -1};
        for (int k = kstart + 2; k < ncs; k++)
            if (dyad_pl_is_word(S(pl, k)))
                out[m++] = pl->items[k];
        for (int k = i; k < end; k++)
            if (dyad_pl_is_word(S(pl, k)))
                out[m++] = pl->items[k];
        for (int k = nce + 1; k < kend; k++)
            if (dyad_pl_is_word(S(pl, k)))
                out[m++] = pl->items[k];
        out[m++] = (dyad_pl_item){"~NE", -1};
        i = end - 1;
    }
    out[m++] = (dyad_pl_item){dyad_arena_printf(a, "~%s", tag), -1};
    return dyad_plist_splice(pl, kstart, kend + 1, out, m) ? DYAD_ENOMEM : 1;
}

static int assign_codes(dyad_plist *pl, const dyad_dict *d, const char *date, dyad_arena *a)
{
    const char *w[MAX_NE_WORDS];
    for (int k = 0; k < pl->n; k++) {
        if (strcmp(S(pl, k), "(NE"))
            continue;
        int end = dyad_plist_find(pl, "~NE", k + 2, pl->n);
        if (end < 0)
            return dyad_set_error(DYAD_EPARSE, "unterminated noun phrase");
        int r = expand_inner_compound(pl, k, end, a);
        if (r < 0)
            return r;
        if (r > 0) {
            k--; /* code the members */
            continue;
        }
        int n = 0;
        for (int i = k + 2; i < end && n < MAX_NE_WORDS; i++)
            if (dyad_pl_is_word(S(pl, i)))
                w[n++] = S(pl, i);
        const char *code = ne_code(d, w, n, date, a);
        if (code)
            pl->items[k + 1].s = code;
        k = end;
    }
    return 0;
}

/* ---- verbs ---------------------------------------------------------------- */

typedef struct vctx {
    const dyad_dict *d;
    const dyad_code_opts *o;
    dyad_plist *pl;
    dyad_arena *a;
    dyad_coded_list *out;
    int pstart;
} vctx;

static int is_aux_be(const char *w)
{
    return !strcmp(w, "WAS") || !strcmp(w, "IS") || !strcmp(w, "BEEN") || !strcmp(w, "WERE") ||
           !strcmp(w, "ARE") || !strcmp(w, "BE") || !strcmp(w, "BEING");
}

/* A passive verb phrase ("was attacked by X"): the plist index of the past
 * participle, else 0. */
static int check_passive(const dyad_plist *pl, int kitem)
{
    char endtag[32];
    snprintf(endtag, sizeof endtag, "~%s", S(pl, kitem) + 1);
    int end = dyad_plist_find(pl, endtag, kitem + 1, pl->n);
    if (end < 0)
        return 0;
    int vbn = dyad_plist_find(pl, "(VBN", kitem + 3, end);
    if (vbn < 0)
        return 0;
    int close = vbn + 2;
    if (dyad_plist_find(pl, "BY", close + 1, end) < 0)
        return 0;
    for (int k = close - 3; k > kitem; k--)
        if (!strncmp(S(pl, k), "~VB", 3) && is_aux_be(S(pl, k - 1)))
            return vbn + 1;
    return 0;
}

static int skippable(const dyad_plist *pl, int k)
{
    const char *s = S(pl, k);
    if (k > 0 && !strcmp(S(pl, k - 1), "(NE"))
        return 1; /* the code slot of a noun phrase */
    return !dyad_pl_is_word(s) || !strcmp(s, "THE") || !strcmp(s, "A") || !strcmp(s, "AN");
}

/* Do the words of a multi-word verb stand next to the verb at v? Sets the
 * span [*vs, *ve] of the whole verb. */
static int form_fits(const dyad_plist *pl, const dyad_verb_form *f, int v, int *vs, int *ve)
{
    int k = v;
    for (int i = 0; i < f->nafter; i++) {
        k++;
        while (k < pl->n && skippable(pl, k))
            k++;
        if (k >= pl->n || strcmp(S(pl, k), f->after[i]))
            return 0;
    }
    *ve = k;
    k = v;
    for (int i = f->nbefore - 1; i >= 0; i--) {
        k--;
        while (k >= 0 && skippable(pl, k))
            k--;
        if (k < 0 || strcmp(S(pl, k), f->before[i]))
            return 0;
    }
    *vs = k;
    return 1;
}

static void ne_span(const dyad_plist *pl, int loc, int *t0, int *t1)
{
    *t0 = *t1 = -1;
    int depth = 0;
    for (int k = loc; k < pl->n; k++) {
        const char *s = S(pl, k);
        if (dyad_pl_is_open(s))
            depth++;
        else if (dyad_pl_is_close(s)) {
            if (--depth == 0)
                break;
        } else if (pl->items[k].tok >= 0) {
            if (*t0 < 0 || pl->items[k].tok < *t0)
                *t0 = pl->items[k].tok;
            if (pl->items[k].tok > *t1)
                *t1 = pl->items[k].tok;
        }
    }
}

typedef struct loccode {
    const char *code;
    int t0, t1;
} loccode;

/* Code of the NE at plist index loc; a new-actor phrase when allowed. */
static void ne_loccode(vctx *v, int loc, loccode *out, int *n)
{
    const char *code = S(v->pl, loc + 1);
    int t0, t1;
    ne_span(v->pl, loc, &t0, &t1);
    if (strcmp(code, "---") || v->o->new_actor_length <= 0) {
        if (strcmp(code, "---") && *n < MAX_CODES)
            out[(*n)++] = (loccode){code, t0, t1};
        return;
    }
    dyad_buf b;
    dyad_buf_init(&b);
    int words = 0;
    dyad_buf_putc(&b, '"');
    for (int k = loc + 2; k < v->pl->n && strcmp(S(v->pl, k), "~NE"); k++) {
        if (!dyad_pl_is_word(S(v->pl, k)))
            continue;
        if (words++)
            dyad_buf_putc(&b, ' ');
        dyad_buf_puts(&b, S(v->pl, k));
    }
    dyad_buf_putc(&b, '"');
    if (b.data && words - 1 < v->o->new_actor_length && *n < MAX_CODES)
        out[(*n)++] = (loccode){dyad_arena_strdup(v->a, b.data), t0, t1};
    dyad_buf_free(&b);
}

/* Codes at a location (an NE or a compound); "---" when none. Codes written
 * "AAA/BBB" stand for several actors. */
static int loc_codes(vctx *v, int loc, loccode *out)
{
    int n = 0;
    if (!strncmp(S(v->pl, loc), "(NEC", 4)) {
        int depth = 0;
        for (int k = loc; k < v->pl->n; k++) {
            const char *s = S(v->pl, k);
            if (dyad_pl_is_open(s))
                depth++;
            else if (dyad_pl_is_close(s) && --depth == 0)
                break;
            if (!strcmp(s, "(NE"))
                ne_loccode(v, k, out, &n);
        }
    } else {
        ne_loccode(v, loc, out, &n);
    }
    if (n == 0) {
        int t0, t1;
        ne_span(v->pl, loc, &t0, &t1);
        out[n++] = (loccode){"---", t0, t1};
    }
    /* expand AAA/BBB (not the words of a quoted new-actor phrase; no empty
     * parts: "AAA//BBB", "/AAA", "AAA/" give AAA and BBB) */
    for (int i = 0; i < n; i++) {
        const char *slash = out[i].code[0] == '"' ? NULL : strchr(out[i].code, '/');
        if (!slash || n >= MAX_CODES)
            continue;
        loccode rest = out[i];
        rest.code = slash + 1;
        if (slash == out[i].code || !rest.code[0]) {
            out[i].code = slash == out[i].code ? rest.code
                                               : dyad_arena_strndup(v->a, out[i].code,
                                                                    (size_t)(slash - out[i].code));
            if (!out[i].code || !out[i].code[0])
                out[i].code = "---";
            i--; /* look at what is left */
            continue;
        }
        out[i].code = dyad_arena_strndup(v->a, out[i].code, (size_t)(slash - out[i].code));
        if (!out[i].code)
            out[i].code = "---";
        memmove(out + i + 2, out + i + 1, (size_t)(n - i - 1) * sizeof *out);
        out[i + 1] = rest;
        n++;
    }
    return n;
}

static int add_event(vctx *v, const loccode *s, const loccode *t, const char *code, int v0, int v1)
{
    dyad_coded_list *o = v->out;
    if (!code || !code[0])
        return 0;
    if (o->n == o->cap) {
        int cap = o->cap ? o->cap * 2 : 8;
        dyad_coded *ev = dyad_arena_alloc(v->a, (size_t)cap * sizeof *ev);
        if (!ev)
            return DYAD_ENOMEM;
        if (o->n)
            memcpy(ev, o->ev, (size_t)o->n * sizeof *ev);
        o->ev = ev;
        o->cap = cap;
    }
    o->ev[o->n++] = (dyad_coded){s->code, t->code, code, s->t0, s->t1, t->t0, t->t1, v0, v1};
    return 0;
}

static int make_events(vctx *v, int srcloc, int tgtloc, int passive, const char *code,
                       const char *code2, int v0, int v1)
{
    loccode src[MAX_CODES * 2], tgt[MAX_CODES * 2];
    int ns = loc_codes(v, srcloc, src), nt = loc_codes(v, tgtloc, tgt);
    if (code2) {
        /* paired event: "X visited Y" also gives "Y received X" */
        if (!strcmp(src[0].code, "---"))
            memcpy(src, tgt, sizeof tgt), ns = nt;
        else if (!strcmp(tgt[0].code, "---"))
            memcpy(tgt, src, sizeof src), nt = ns;
    }
    for (int pass = 0; pass < (code2 ? 2 : 1); pass++) {
        const loccode *a = pass ? tgt : src, *b = pass ? src : tgt;
        int na = pass ? nt : ns, nb = pass ? ns : nt;
        const char *c = pass ? code2 : code;
        for (int i = 0; i < na; i++)
            for (int j = 0; j < nb; j++) {
                if (!strcmp(a[i].code, b[j].code))
                    continue;
                int r = passive ? add_event(v, &b[j], &a[i], c, v0, v1)
                                : add_event(v, &a[i], &b[j], c, v0, v1);
                if (r)
                    return r;
            }
    }
    return 0;
}

static const char *loc_code(const dyad_plist *pl, int loc)
{
    return strcmp(S(pl, loc), "(NE") ? NULL : S(pl, loc + 1);
}

/* The target: the first compound or coded noun phrase in the verb phrase, else
 * the first noun phrase there; -1 if none. */
static int find_target(const dyad_plist *pl, const dyad_seq *lower)
{
    for (int i = 0; i < lower->n; i++) {
        const dyad_seq_item *it = &lower->it[i];
        if (it->kind == SQ_NEC_OPEN)
            return it->pl;
        if (it->kind == SQ_NE_OPEN && strcmp(loc_code(pl, it->pl), "---"))
            return it->pl;
    }
    for (int i = 0; i < lower->n; i++)
        if (lower->it[i].kind == SQ_NE_OPEN)
            return lower->it[i].pl;
    return -1;
}

/* The source: the nearest coded noun phrase (or compound) before the verb whose
 * code differs from the target's, else the nearest noun phrase; -1 if none. */
static int find_source(const dyad_plist *pl, const dyad_seq *upper, int tgt)
{
    const char *tc = tgt >= 0 ? loc_code(pl, tgt) : NULL;
    for (int i = 0; i < upper->n; i++) {
        const dyad_seq_item *it = &upper->it[i];
        if (it->kind == SQ_NEC_OPEN)
            return it->pl;
        if (it->kind != SQ_NE_OPEN)
            continue;
        const char *c = loc_code(pl, it->pl);
        if (!strncmp(c, "---", 3) || (tc && !strcmp(c, tc)))
            continue;
        return it->nec >= 0 ? it->nec : it->pl;
    }
    for (int i = 0; i < upper->n; i++) {
        const dyad_seq_item *it = &upper->it[i];
        if (it->kind == SQ_NE_OPEN && !(tc && !strcmp(loc_code(pl, it->pl), tc)))
            return it->pl;
    }
    return -1;
}

#define MAX_FORMS 8

/* The verb forms that fit at plist index vi: the longest multi-word forms that
 * fit, else every single-word form (a word listed in several blocks gets the
 * patterns of all of them; the last one gives the default code). Returns the
 * number found; [*vs, *ve] is the span of the verb words. */
static int pick_forms(const dyad_plist *pl, const dyad_verb_form *f, int vi, int *vs, int *ve,
                      const dyad_verb_form **out)
{
    int n = 0, best = -1;
    for (; f; f = f->next) {
        int s = vi, e = vi;
        if (!form_fits(pl, f, vi, &s, &e))
            continue;
        int len = f->nbefore + f->nafter;
        if (best >= 0 && len < best)
            break; /* the chain lists longer forms first */
        if (n < MAX_FORMS)
            out[n++] = f;
        best = len;
        *vs = s;
        *ve = e;
    }
    return n;
}

/* Codes the verb phrase opening at plist index k. Returns the index to resume
 * from (the end of the phrase when the verb was coded), or <0 on error. */
static int code_vp(vctx *v, int k)
{
    dyad_plist *pl = v->pl;
    int vpstart = k;
    int pv = check_passive(pl, k);
    if (pv > 0)
        k = pv - 2;
    int vi = k + 2;
    if (vi >= pl->n)
        return k;
    const dyad_verb_form *forms[MAX_FORMS];
    const dyad_verb_block *blocks[MAX_FORMS];
    int vs = vi, ve = vi;
    int nf = pick_forms(pl, dyad_dict_verb_lookup(v->d, S(pl, vi)), vi, &vs, &ve, forms);
    if (!nf)
        return k;
    const dyad_verb_form *f = forms[nf - 1];
    for (int i = 0; i < nf; i++)
        blocks[i] = forms[i]->block;
    char endtag[32];
    snprintf(endtag, sizeof endtag, "~%s", S(pl, vpstart) + 1);
    dyad_seq upper, lower;
    if (dyad_seq_upper(&upper, pl, vs - 1, v->pstart, v->a) ||
        dyad_seq_lower(&lower, pl, ve + 1, endtag, v->a))
        return DYAD_ENOMEM;
    dyad_match m;
    dyad_match_blocks(&m, v->d, blocks, nf, &upper, &lower, v->a);
    if (getenv("DYAD_TRACE"))
        fprintf(stderr, "trace: verb %s block %s pattern %s src %d tgt %d\n", S(pl, vi),
                f->block->name, m.pat ? m.pat->text : "(none)", m.src, m.tgt);
    const char *code = NULL, *code2 = NULL;
    if (m.pat && strcmp(m.pat->code, "---")) {
        code = m.pat->code;
        code2 = m.pat->code2;
    } else {
        m.src = m.tgt = -1;
        code = f->code ? f->code : f->block->code;
        code2 = f->code ? f->code2 : f->block->code2;
        if (!code || !strcmp(code, "---"))
            return k;
    }
    int tgt = m.tgt >= 0 ? m.tgt : find_target(pl, &lower);
    int src = m.src >= 0 ? m.src : (tgt >= 0 ? find_source(pl, &upper, tgt) : -1);
    if (tgt >= 0 && src >= 0) {
        int r = make_events(v, src, tgt, pv > 0, code, code2, pl->items[vs].tok, pl->items[ve].tok);
        if (r)
            return r;
    }
    int end = dyad_plist_find(pl, endtag, k, pl->n);
    return end < 0 ? k : end;
}

static int check_verbs(vctx *v)
{
    dyad_plist *pl = v->pl;
    for (int k = v->pstart; k + 1 < pl->n; k++) {
        if (strncmp(S(pl, k), "(VP", 3) || strncmp(S(pl, k + 1), "(VB", 3))
            continue;
        int r = code_vp(v, k);
        if (r < 0)
            return r;
        k = r;
    }
    return 0;
}

/* Removes events without a dyad (when required) and duplicates. */
static void finish_events(dyad_coded_list *o, int require_dyad)
{
    int m = 0;
    for (int i = 0; i < o->n; i++) {
        dyad_coded *e = &o->ev[i];
        if (require_dyad && (!strcmp(e->source, "---") || !strcmp(e->target, "---")))
            continue;
        int dup = 0;
        for (int j = 0; j < m && !dup; j++)
            dup = !strcmp(o->ev[j].source, e->source) && !strcmp(o->ev[j].target, e->target) &&
                  !strcmp(o->ev[j].code, e->code);
        if (!dup)
            o->ev[m++] = *e;
    }
    o->n = m;
}

/* ---- discards and issues ------------------------------------------------ */

static const char **tree_words(const dyad_tree *t, dyad_arena *a)
{
    const char **w = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *w);
    if (!w)
        return NULL;
    for (int i = 0; i < t->ntok; i++) {
        const char *src = t->nodes[t->tok_node[i]].word;
        size_t n = strlen(src);
        char *u = dyad_arena_alloc(a, n + 1);
        if (!u)
            return NULL;
        for (size_t k = 0; k < n; k++)
            u[k] = (char)toupper((unsigned char)src[k]);
        w[i] = u;
    }
    return w;
}

static const char **text_words(const char *text, int *n, dyad_arena *a)
{
    size_t len = strlen(text);
    const char **w = dyad_arena_alloc(a, (len / 2 + 2) * sizeof *w);
    char *u = dyad_arena_alloc(a, len + 1);
    if (!w || !u)
        return NULL;
    for (size_t i = 0; i <= len; i++)
        u[i] = (char)toupper((unsigned char)text[i]);
    *n = 0;
    for (char *p = u; *p;) {
        while (*p && isspace((unsigned char)*p))
            *p++ = 0;
        if (!*p)
            break;
        w[(*n)++] = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
    }
    return w;
}

static void check_discards(dyad_coded_list *out, const dyad_dict *d, const char **w, int n,
                           dyad_arena *a)
{
    for (int i = 0; i < n; i++) {
        int len = 0, story = 0;
        /* a word with punctuation attached ("ago,") is not the discard's word */
        if (dyad_dict_discard_match(d, w + i, n - i, &len, &story) && len > 0 &&
            isalnum((unsigned char)w[i + len - 1][strlen(w[i + len - 1]) - 1])) {
            out->discard = story ? 2 : 1;
            dyad_buf b;
            dyad_buf_init(&b);
            for (int k = 0; k < len; k++)
                dyad_buf_printf(&b, "%s%s", k ? " " : "", w[i + k]);
            out->discard_phrase = b.data ? dyad_arena_strdup(a, b.data) : "";
            dyad_buf_free(&b);
            return;
        }
    }
}

static void find_issues(dyad_coded_list *out, const dyad_dict *d, const char **w, int n,
                        dyad_arena *a)
{
    dyad_buf b;
    dyad_buf_init(&b);
    out->issues = "";
    for (int i = 0; i < n; i++) {
        const char *code = NULL;
        int len = 0;
        if (!dyad_dict_issue_match(d, w + i, n - i, &code, &len) || !code)
            continue;
        if (code[0] == '~') {
            dyad_buf_free(&b);
            return;
        }
        size_t cl = strlen(code);
        const char *p = b.data;
        int seen = 0;
        while (p && *p && !seen) {
            seen = !strncmp(p, code, cl) && (p[cl] == ';' || !p[cl]);
            p = strchr(p, ';');
            p = p ? p + 1 : NULL;
        }
        if (!seen)
            dyad_buf_printf(&b, "%s%s", b.len ? ";" : "", code);
        if (len > 1)
            i += len - 1;
    }
    if (b.data)
        out->issues = dyad_arena_strdup(a, b.data);
    dyad_buf_free(&b);
}

/* ---- entry points ---------------------------------------------------------- */

static int prepare(dyad_plist *pl, const dyad_dict *d, const dyad_code_opts *o,
                   const dyad_tree *t, const char *date, dyad_arena *a)
{
    int r = dyad_plist_build(pl, t, a);
    if (r)
        return r;
    check_commas(pl, o);
    if (!balanced(pl))
        return dyad_set_error(DYAD_EPARSE, "parse list unbalanced after comma removal");
    return assign_codes(pl, d, date, a);
}

int dyad_code_tree(dyad_coded_list *out, const dyad_coder *c, const dyad_tree *t,
                   const char *text, const char *date, dyad_arena *a)
{
    const dyad_dict *d = c->dict;
    const dyad_code_opts *o = &c->opts;
    memset(out, 0, sizeof *out);
    out->issues = "";
    const char **w = tree_words(t, a);
    if (!w)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    /* discards are matched on the text split at white space, as PETRARCH does
     * ("three years ago," does not match "YEARS AGO"); the tree's words when
     * there is no text */
    int nt = 0;
    const char **tw = text ? text_words(text, &nt, a) : NULL;
    if (tw)
        check_discards(out, d, tw, nt, a);
    else
        check_discards(out, d, w, t->ntok, a);
    if (out->discard)
        return 0;
    int r;
    if (c->tc) {
        r = dyad_tcode_tree(out, c->tc, o, t, date, a);
        if (r)
            return r;
    } else {
        dyad_plist pl;
        r = prepare(&pl, d, o, t, date, a);
        if (r)
            return r;
        vctx v = {.d = d, .o = o, .pl = &pl, .a = a, .out = out, .pstart = 1};
        r = check_verbs(&v);
        if (r)
            return r;
        finish_events(out, o->require_dyad || o->one_sided); /* (one-sided: PETRARCH's option only) */
    }
    if (out->n)
        find_issues(out, d, w, t->ntok, a);
    return 0;
}

char *dyad_code_debug_plist(const dyad_coder *c, const dyad_tree *t, const char *date,
                            dyad_arena *a)
{
    dyad_plist pl;
    if (prepare(&pl, c->dict, &c->opts, t, date, a))
        return NULL;
    return dyad_plist_to_string(&pl, a);
}
