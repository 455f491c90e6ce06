/* dict_nouns.c: dyad's event nouns ("attack", "talks", "air strike"), the
 * nouns the tree coder codes as events (format in dict.h). */
#include "dict_internal.h"

#include <ctype.h>
#include <string.h>

#include "dict/cameo.h"

#define NOUN_MAX_ITEMS 32

/* Splits s at sep into up to max upper-case interned items; returns how many,
 * 0 when there are too many or an item is empty, DYAD_ENOMEM. */
static int split(dyad_dict *d, const char *s, size_t n, char sep, const char **out, int max)
{
    int k = 0;
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != sep)
            j++;
        if (j == i || k == max)
            return 0;
        const char *w = dict__intern_upper(d, s + i, j - i);
        if (!w)
            return DYAD_ENOMEM;
        out[k++] = w;
        i = j + 1;
    }
    return k;
}

/* A copy of v[0..n) in the arena (NULL for n == 0 or on ENOMEM: *oom set). */
static const char *const *copy_list(dyad_dict *d, const char **v, int n, int *oom)
{
    if (!n)
        return NULL;
    const char **r = dyad_arena_alloc(d->arena, (size_t)n * sizeof *r);
    if (!r) {
        *oom = 1;
        return NULL;
    }
    memcpy(r, v, (size_t)n * sizeof *r);
    return r;
}

static int noun_line(dict_ctx *c, char *line, long ln)
{
    dyad_dict *d = c->d;
    char *f[8];
    int nf = 0;
    for (char *p = line; *p;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        if (nf == 8) {
            dict__warn(c, ln, "event noun: too many fields");
            return 0;
        }
        f[nf++] = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        if (*p)
            *p++ = '\0';
    }
    if (nf < 4) {
        dict__warn(c, ln, "event noun: want WORDS CODE SOURCE-PREPS TARGET-PREPS [FLAGS]");
        return 0;
    }
    if (!dyad_cameo_lookup(f[1])) {
        dict__warn(c, ln, "event noun: unknown CAMEO code '%s'", f[1]);
        return 0;
    }
    const char *src[NOUN_MAX_ITEMS], *tgt[NOUN_MAX_ITEMS], *forms[NOUN_MAX_ITEMS];
    int no_src = !strcmp(f[2], "-"), no_tgt = !strcmp(f[3], "-");
    int ns = no_src ? 0 : split(d, f[2], strlen(f[2]), ',', src, NOUN_MAX_ITEMS);
    int nt = no_tgt ? 0 : split(d, f[3], strlen(f[3]), ',', tgt, NOUN_MAX_ITEMS);
    int nforms = split(d, f[0], strlen(f[0]), ',', forms, NOUN_MAX_ITEMS);
    if (ns < 0 || nt < 0 || nforms < 0)
        return DYAD_ENOMEM;
    if ((!ns && !no_src) || (!nt && !no_tgt) || !nforms) {
        dict__warn(c, ln, "event noun: empty or too many items in a list");
        return 0;
    }
    unsigned char mutual = 0, patient = 0, actor = 0;
    for (int i = 4; i < nf; i++) {
        if (!strcmp(f[i], "mutual"))
            mutual = 1;
        else if (!strcmp(f[i], "patient"))
            patient = 1;
        else if (!strcmp(f[i], "actor"))
            actor = 1;
        else {
            dict__warn(c, ln, "event noun: unknown flag '%s'", f[i]);
            return 0;
        }
    }
    const char *code = dict__intern(d, f[1], strlen(f[1]));
    if (!code)
        return DYAD_ENOMEM;
    int oom = 0;
    const char *const *sv = copy_list(d, src, ns, &oom);
    const char *const *tv = copy_list(d, tgt, nt, &oom);
    for (int i = 0; i < nforms && !oom; i++) {
        const char *words[NOUN_MAX_ITEMS];
        int nw = split(d, forms[i], strlen(forms[i]), '_', words, NOUN_MAX_ITEMS);
        if (nw < 0)
            return DYAD_ENOMEM;
        if (!nw) {
            dict__warn(c, ln, "event noun: bad form '%s'", forms[i]);
            continue;
        }
        dyad_event_noun *e = dyad_arena_alloc(d->arena, sizeof *e);
        if (!e)
            return DYAD_ENOMEM;
        memset(e, 0, sizeof *e);
        e->words = copy_list(d, words, nw, &oom);
        e->nwords = nw;
        e->code = code;
        e->src_preps = sv;
        e->nsrc = ns;
        e->tgt_preps = tv;
        e->ntgt = nt;
        e->mutual = mutual;
        e->patient = patient;
        e->actor = actor;
        e->line = ln;
        if (oom || dict__vec_push(&d->nouns, e))
            return DYAD_ENOMEM;
    }
    return oom ? DYAD_ENOMEM : 0;
}

int dict__load_nouns(dict_ctx *c, const char *data, size_t len)
{
    dlines it;
    dict__lines_init(&it, data, len, 0);
    char *line;
    size_t n;
    long ln;
    int rc;
    while ((rc = dict__lines_next(&it, &line, &n, &ln)) == 1) {
        rc = noun_line(c, line, ln);
        if (rc)
            break;
    }
    dict__lines_free(&it);
    return rc < 0 ? rc : 0;
}

int dyad_dict_nnouns(const dyad_dict *d)
{
    return d ? d->nouns.n : 0;
}

const dyad_event_noun *dyad_dict_noun(const dyad_dict *d, int i)
{
    return d && i >= 0 && i < d->nouns.n ? d->nouns.v[i] : NULL;
}
