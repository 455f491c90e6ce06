/* dict_scan.c: questions about a raw sentence asked before it is parsed (see
 * dyad_dict_text_names_actor and dyad_dict_text_discard in dict.h). */
#include <ctype.h>
#include <string.h>

#include "dict/dict.h"

/* The sentence's words, upper case (ASCII, as the coders compare them). */
typedef struct scan_words {
    const char **w;
    int n, cap;
} scan_words;

static int is_word_byte(unsigned char c) { return isalnum(c) || c >= 0x80; }

static int sw_add(scan_words *s, dyad_arena *a, const char *p, size_t len)
{
    if (!len)
        return 0;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        const char **v = dyad_arena_alloc(a, (size_t)cap * sizeof *v);
        if (!v)
            return DYAD_ENOMEM;
        if (s->n)
            memcpy(v, s->w, (size_t)s->n * sizeof *v);
        s->w = v;
        s->cap = cap;
    }
    char *u = dyad_arena_alloc(a, len + 1);
    if (!u)
        return DYAD_ENOMEM;
    for (size_t i = 0; i < len; i++)
        u[i] = (char)toupper((unsigned char)p[i]);
    u[len] = 0;
    s->w[s->n++] = u;
    return 0;
}

/* Splits text the way a Penn tokenizer roughly would: white space, then
 * punctuation at the edges of each chunk dropped (a phrase never contains it,
 * and dropping it can only join words, never part them), a possessive 's (also
 * with a curly apostrophe) split off; split_inner: also split at '-' and '/'
 * inside a chunk. */
static int split_words(scan_words *s, dyad_arena *a, const char *t, size_t n, int split_inner)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && !is_word_byte((unsigned char)t[i]))
            i++;
        size_t st = i;
        while (i < n && !isspace((unsigned char)t[i]))
            i++;
        size_t en = i;
        while (en > st && !is_word_byte((unsigned char)t[en - 1]))
            en--;
        if (en <= st)
            continue;
        size_t poss = 0; /* bytes of a trailing 's */
        if (en - st > 2 && (t[en - 1] == 's' || t[en - 1] == 'S') && t[en - 2] == '\'')
            poss = 2;
        else if (en - st > 4 && (t[en - 1] == 's' || t[en - 1] == 'S') &&
                 !memcmp(t + en - 4, "\xE2\x80\x99", 3))
            poss = 4;
        size_t core = en - poss;
        if (!split_inner) {
            if (sw_add(s, a, t + st, core - st))
                return DYAD_ENOMEM;
        } else {
            size_t p = st;
            for (size_t k = st; k <= core; k++)
                if (k == core || t[k] == '-' || t[k] == '/') {
                    if (sw_add(s, a, t + p, k - p))
                        return DYAD_ENOMEM;
                    p = k + 1;
                }
        }
        if (poss && sw_add(s, a, "'S", 2))
            return DYAD_ENOMEM;
    }
    return 0;
}

/* A number that can count people ("40,000", "12"; not a year, "1994"), or
 * "thousands", "hundreds", "dozens": the tree coder codes a noun phrase of
 * only such a number as ordinary people. */
static int people_number(const char *w)
{
    static const char *const q[] = {"THOUSANDS", "HUNDREDS", "DOZENS", "SCORES", "TENS", NULL};
    for (int i = 0; q[i]; i++)
        if (!strcmp(w, q[i]))
            return 1;
    size_t n = strlen(w), digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= '0' && w[i] <= '9')
            digits++;
        else if (w[i] != ',')
            return 0;
    }
    return digits && !(n == 4 && digits == 4);
}

/* A verb form whose code is an assault or violence (18x-20x): the tree
 * coder codes "X was shot" with X no actor as an ordinary person harmed. */
static int harm_verb(const dyad_dict *d, const char *w)
{
    for (const dyad_verb_form *f = dyad_dict_verb_lookup(d, w); f; f = f->next) {
        const char *c = f->code ? f->code : f->block ? f->block->code : NULL;
        if (c && (!strncmp(c, "18", 2) || !strncmp(c, "19", 2) || !strncmp(c, "20", 2)))
            return 1;
    }
    return 0;
}

/* An actor or agent phrase starting at some word of w, a plural word whose
 * singular is an actor ("IRANIANS"), a number of people, or a verb of
 * violence. */
static int names_actor(const dyad_dict *d, const scan_words *s)
{
    for (int i = 0; i < s->n; i++) {
        int len = 0;
        if (people_number(s->w[i]) || harm_verb(d, s->w[i]))
            return 1;
        if (dyad_dict_actor_match(d, s->w + i, s->n - i, NULL, NULL, &len) ||
            dyad_dict_agent_match(d, s->w + i, s->n - i, NULL, &len, NULL))
            return 1;
        size_t wl = strlen(s->w[i]);
        char one[64];
        if (wl >= 3 && wl < sizeof one && s->w[i][wl - 1] == 'S') {
            memcpy(one, s->w[i], wl - 1);
            one[wl - 1] = 0;
            const char *w1[1] = {one};
            if (dyad_dict_actor_match(d, w1, 1, NULL, NULL, &len))
                return 1;
        }
    }
    return 0;
}

int dyad_dict_text_names_actor(const dyad_dict *d, const char *text, size_t n, dyad_arena *a)
{
    if (!d || !text)
        return 0;
    for (int inner = 0; inner < 2; inner++) {
        scan_words s = {0};
        if (split_words(&s, a, text, n, inner))
            return DYAD_ENOMEM;
        if (names_actor(d, &s))
            return 1;
    }
    return 0;
}

int dyad_dict_text_discard(const dyad_dict *d, const char *text, size_t n, dyad_arena *a)
{
    if (!d || !text)
        return 0;
    /* the words split at white space only, as dyad_code_tree matches discards */
    scan_words s = {0};
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)text[i]))
            i++;
        size_t st = i;
        while (i < n && !isspace((unsigned char)text[i]))
            i++;
        if (i > st && sw_add(&s, a, text + st, i - st))
            return DYAD_ENOMEM;
    }
    for (int k = 0; k < s.n; k++) {
        int len = 0, story = 0;
        /* a word with punctuation attached ("ago,") is not the discard's word */
        if (dyad_dict_discard_match(d, s.w + k, s.n - k, &len, &story) && len > 0 &&
            isalnum((unsigned char)s.w[k + len - 1][strlen(s.w[k + len - 1]) - 1]))
            return story ? 2 : 1; /* the first match decides, as in the coder */
    }
    return 0;
}

int dyad_dict_name_at(void *user, const char *const *w, int n, int i)
{
    const dyad_dict *d = user;
    int len = 0;
    if (!d || i < 0 || i >= n ||
        !dyad_dict_actor_match(d, (const char **)w + i, n - i, NULL, NULL, &len))
        return 0;
    return len > 0 ? len : 0;
}
