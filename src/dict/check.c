/* check.c: `dyad dict check`: what is wrong with a set of dictionaries.
 *
 * The loaders already skip (and report) every line they cannot read; they stay
 * silent about lines that read fine but do not do what their author meant: a
 * phrase listed twice (only one of the two entries can win), an event code
 * CAMEO does not have, an actor code the coder will never match, a synset
 * nobody uses. The checker loads the dictionaries with hooks that see every
 * stored phrase, then walks what was loaded. Findings are collected, sorted by
 * file and line, and handed to the caller's diag sink; nothing is printed here.
 *
 * Levels: a line the loader rejected, conflicting duplicates (one phrase, two
 * codes), bad codes and undefined synsets are errors; harmless repetitions
 * (the same phrase with the same code, a verb in two blocks, an unused synset)
 * are warnings.
 */
#include "dict_internal.h"
#include "dict/dict_dir.h"
#include "dict/cameo.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_MAX_FILES 64

typedef struct finding {
    int file;   /* index in chk.files; CHECK_MAX_FILES for an unknown name */
    long line;
    long seq;   /* order of arrival, for a stable sort */
    int lvl;    /* dyad_diag_level */
    char *msg;  /* malloc'd */
    const char *fname;
} finding;

/* An actor phrase stored a second time (the loader lets the later entry win). */
typedef struct actor_dup {
    int prev, cur;           /* entry ids */
    int prev_file, file;
    long prev_line, line;
    char *phrase;            /* malloc'd */
} actor_dup;

typedef struct chk {
    const char *files[CHECK_MAX_FILES];
    int nfiles;
    finding *v;
    size_t n, cap;
    long seq;
    /* actor trie node -> where the phrase was last stored */
    long *node_line;
    int *node_file;
    int node_cap;
    actor_dup *dups;
    size_t ndups, capdups;
    long agent_line, agent_prev; /* the last agent repetition reported */
    int err; /* DYAD_ENOMEM once an allocation failed */
} chk;

/* ---- findings ----------------------------------------------------------------- */

static int file_index(const chk *k, const char *name)
{
    for (int i = 0; name && i < k->nfiles; i++)
        if (!strcmp(k->files[i], name))
            return i;
    return CHECK_MAX_FILES;
}

static void vadd(chk *k, int lvl, const char *file, long line, const char *fmt, va_list ap)
{
    if (k->err)
        return;
    if (k->n == k->cap) {
        size_t nc = k->cap ? k->cap * 2 : 64;
        finding *nv = realloc(k->v, nc * sizeof *nv);
        if (!nv) {
            k->err = DYAD_ENOMEM;
            return;
        }
        k->v = nv;
        k->cap = nc;
    }
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    finding *f = &k->v[k->n];
    f->file = file_index(k, file);
    f->fname = f->file < k->nfiles ? k->files[f->file] : file;
    f->line = line;
    f->seq = k->seq++;
    f->lvl = lvl;
    if (!(f->msg = strdup(msg))) {
        k->err = DYAD_ENOMEM;
        return;
    }
    k->n++;
}

static void add(chk *k, int lvl, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void add(chk *k, int lvl, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(k, lvl, file, line, fmt, ap);
    va_end(ap);
}

/* The loaders' own reports: each is a line they could not use, an error. The
 * loaders pass file names they interned, which outlive the finding only while
 * the dictionary lives, so the name is mapped to chk.files here. */
static void on_loader_diag(void *user, dyad_diag_level lvl, const char *file, long line,
                           const char *msg)
{
    (void)lvl;
    chk *k = user;
    int fi = file_index(k, file);
    add(k, DYAD_DIAG_ERROR, fi < k->nfiles ? k->files[fi] : "<dictionary>", line, "%s", msg);
}

static int cmp_finding(const void *a, const void *b)
{
    const finding *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ---- phrases ---------------------------------------------------------------- */

/* The words of p as a dictionary writes them ("STATE_MEDIA"). */
static void phrase_text(const dphrase *p, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < p->n && o + 1 < cap; i++) {
        int k = snprintf(out + o, cap - o, "%s%s", i ? (p->conn[i] == DICT_CONN_GAP ? " " : "_") : "",
                         p->w[i]);
        if (k < 0)
            break;
        o += (size_t)k;
    }
}

static int node_grow(chk *k, int node)
{
    if (node < k->node_cap)
        return 0;
    int nc = k->node_cap ? k->node_cap : 1024;
    while (nc <= node)
        nc *= 2;
    long *nl = realloc(k->node_line, (size_t)nc * sizeof *nl);
    if (nl)
        k->node_line = nl;
    int *nf = nl ? realloc(k->node_file, (size_t)nc * sizeof *nf) : NULL;
    if (!nl || !nf)
        return k->err = DYAD_ENOMEM;
    k->node_file = nf;
    for (int i = k->node_cap; i < nc; i++)
        nl[i] = 0, nf[i] = 0;
    k->node_cap = nc;
    return 0;
}

static void actor_phrase(chk *k, const dict_ctx *c, const dphrase *p, int node, int prev, int cur,
                         long line)
{
    if (node_grow(k, node))
        return;
    int fi = file_index(k, c->file);
    if (prev >= 0 && !(prev == cur && k->node_line[node] == line)) {
        if (k->ndups == k->capdups) {
            size_t nc = k->capdups ? k->capdups * 2 : 64;
            actor_dup *nv = realloc(k->dups, nc * sizeof *nv);
            if (!nv) {
                k->err = DYAD_ENOMEM;
                return;
            }
            k->dups = nv;
            k->capdups = nc;
        }
        char txt[512];
        phrase_text(p, txt, sizeof txt);
        actor_dup *d = &k->dups[k->ndups];
        *d = (actor_dup){prev, cur, k->node_file[node], fi, k->node_line[node], line, strdup(txt)};
        if (!d->phrase) {
            k->err = DYAD_ENOMEM;
            return;
        }
        k->ndups++;
    }
    k->node_line[node] = line;
    k->node_file[node] = fi;
}

static void on_phrase(void *user, const dict_ctx *c, int kind, const dphrase *p, int node, int prev,
                      int cur, long line)
{
    chk *k = user;
    char txt[512];
    if (kind == DICT_HOOK_ACTOR) {
        actor_phrase(k, c, p, node, prev, cur, line);
        return;
    }
    if (prev < 0 || prev == cur)
        return; /* new, or the same line again (a plural that equals a singular) */
    phrase_text(p, txt, sizeof txt);
    if (kind == DICT_HOOK_DISCARD) {
        const dict_discard *old = c->d->discards.v[prev];
        add(k, DYAD_DIAG_WARNING, c->file, line, "discard phrase '%s' repeats line %ld", txt, old->line);
        return;
    }
    const dict_agent *old = c->d->agents.v[prev], *now = c->d->agents.v[cur];
    if (k->agent_line == line && k->agent_prev == old->line)
        return; /* the plural of a phrase already reported */
    k->agent_line = line;
    k->agent_prev = old->line;
    if (old->code == now->code && old->is_prefix == now->is_prefix)
        add(k, DYAD_DIAG_WARNING, c->file, line, "agent phrase '%s' repeats line %ld", txt, old->line);
    else
        add(k, DYAD_DIAG_ERROR, c->file, line,
            "agent phrase '%s' is already coded [%s%s%s] at line %ld; this [%s%s%s] is ignored", txt,
            old->is_prefix ? "" : "~", old->code, old->is_prefix ? "~" : "", old->line,
            now->is_prefix ? "" : "~", now->code, now->is_prefix ? "~" : "");
}

/* ---- codes ------------------------------------------------------------------ */

/* An event code the formats allow: empty (the "[:173]" form), a null code
 * ("---", "--", "0"), or a code of dyad's CAMEO table. */
static int event_code_ok(const char *c)
{
    if (!c || !*c || !strcmp(c, "---") || !strcmp(c, "--") || !strcmp(c, "0"))
        return 1;
    return dyad_cameo_valid(c);
}

static void check_event_codes(chk *k, const char *file, long line, const char *code,
                              const char *code2, const char *what)
{
    if (!event_code_ok(code))
        add(k, DYAD_DIAG_ERROR, file, line, "event code '%s' of the %s is not a CAMEO code", code, what);
    if (!event_code_ok(code2))
        add(k, DYAD_DIAG_ERROR, file, line, "event code '%s' of the %s is not a CAMEO code", code2, what);
}

/* Actor and agent codes: three or more upper-case letters or digits ("---" = none). */
static int actor_code_ok(const char *c)
{
    size_t n = strlen(c);
    if (!strcmp(c, "---"))
        return 1;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)c[i]) && !isdigit((unsigned char)c[i]))
            return 0;
    return n >= 3;
}

static int same_codes(const dyad_actor *a, const dyad_actor *b)
{
    if (a->ncodes != b->ncodes)
        return 0;
    for (int i = 0; i < a->ncodes; i++) {
        const dyad_actor_code *x = &a->codes[i], *y = &b->codes[i];
        if (strcmp(x->code, y->code) || x->kind != y->kind || x->from != y->from || x->to != y->to)
            return 0;
    }
    return 1;
}

/* "[USAGOV]", "[BUSH 20010120-20090120 ...]" (the first code and a count). */
static void codes_text(const dyad_actor *a, char *out, size_t cap)
{
    if (a->ncodes == 0) {
        snprintf(out, cap, "no code");
        return;
    }
    const dyad_actor_code *c = &a->codes[0];
    char date[40] = "";
    if (c->kind == DYAD_DATE_BEFORE)
        snprintf(date, sizeof date, " <%ld", c->to);
    else if (c->kind == DYAD_DATE_AFTER)
        snprintf(date, sizeof date, " >%ld", c->from);
    else if (c->kind == DYAD_DATE_RANGE)
        snprintf(date, sizeof date, " %ld-%ld", c->from, c->to);
    if (a->ncodes > 1)
        snprintf(out, cap, "[%s%s] and %d more", c->code, date, a->ncodes - 1);
    else
        snprintf(out, cap, "[%s%s]", c->code, date);
}

static void check_actors(chk *k, const dyad_dict *d)
{
    for (int i = 0; i < d->actors.n; i++) {
        const dyad_actor *a = d->actors.v[i];
        for (int j = 0; j < a->ncodes; j++)
            if (!actor_code_ok(a->codes[j].code))
                add(k, DYAD_DIAG_ERROR, a->file, a->codes[j].line,
                    "actor code '%s' is not 3 or more upper-case letters or digits", a->codes[j].code);
    }
    for (size_t i = 0; i < k->ndups; i++) {
        const actor_dup *u = &k->dups[i];
        const dyad_actor *p = d->actors.v[u->prev], *c = d->actors.v[u->cur];
        const char *pf = u->prev_file < k->nfiles ? k->files[u->prev_file] : "?";
        const char *cf = u->file < k->nfiles ? k->files[u->file] : "?";
        if (u->prev == u->cur) {
            add(k, DYAD_DIAG_WARNING, cf, u->line, "actor phrase '%s' repeats line %ld of its entry",
                u->phrase, u->prev_line);
        } else if (same_codes(p, c)) {
            add(k, DYAD_DIAG_WARNING, cf, u->line, "actor phrase '%s' repeats %s:%ld (same codes)",
                u->phrase, pf, u->prev_line);
        } else {
            char pc[128], cc[128];
            codes_text(p, pc, sizeof pc);
            codes_text(c, cc, sizeof cc);
            add(k, DYAD_DIAG_ERROR, cf, u->line,
                "actor phrase '%s' is also at %s:%ld with other codes (%s there, %s here; this one wins)",
                u->phrase, pf, u->prev_line, pc, cc);
        }
    }
}

static void check_agents(chk *k, const dyad_dict *d, const char *file)
{
    for (int i = 0; i < d->agents.n; i++) {
        const dict_agent *a = d->agents.v[i];
        if (!actor_code_ok(a->code))
            add(k, DYAD_DIAG_ERROR, file, a->line,
                "agent code '%s' is not 3 or more upper-case letters or digits", a->code);
    }
}

/* ---- verbs ----------------------------------------------------------------- */

static uint32_t elems_hash(uint32_t h, const dyad_pat_elem *e, int n)
{
    for (int i = 0; i < n; i++) {
        uintptr_t w = (uintptr_t)e[i].word;
        h = (h ^ e[i].kind) * 16777619u;
        h = (h ^ e[i].adj) * 16777619u;
        h = (h ^ (uint32_t)e[i].synset) * 16777619u;
        h = (h ^ (uint32_t)(w ^ (w >> 32))) * 16777619u;
    }
    return (h ^ (uint32_t)n) * 16777619u;
}

static uint32_t pattern_hash(const dyad_pattern *p)
{
    uint32_t h = elems_hash(2166136261u, p->upper, p->nupper);
    return elems_hash(h ^ (uint32_t)p->verb_adj, p->lower, p->nlower);
}

static int elems_equal(const dyad_pat_elem *a, const dyad_pat_elem *b, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i].kind != b[i].kind || a[i].adj != b[i].adj || a[i].synset != b[i].synset ||
            a[i].word != b[i].word) /* words are interned */
            return 0;
    return 1;
}

static int pattern_equal(const dyad_pattern *a, const dyad_pattern *b)
{
    return a->nupper == b->nupper && a->nlower == b->nlower && a->verb_adj == b->verb_adj &&
           elems_equal(a->upper, b->upper, a->nupper) && elems_equal(a->lower, b->lower, a->nlower);
}

static int str_eq(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

typedef struct pat_key {
    uint32_t h;
    int i;
} pat_key;

static int cmp_pat_key(const void *a, const void *b)
{
    const pat_key *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->i - y->i;
}

/* The same pattern twice in a block (hash, sort, compare neighbours). */
static void check_block_patterns(chk *k, const dyad_verb_block *b, const char *file)
{
    if (b->npatterns < 2)
        return;
    pat_key *keys = malloc(sizeof *keys * (size_t)b->npatterns);
    if (!keys) {
        k->err = DYAD_ENOMEM;
        return;
    }
    for (int i = 0; i < b->npatterns; i++)
        keys[i] = (pat_key){pattern_hash(&b->patterns[i]), i};
    qsort(keys, (size_t)b->npatterns, sizeof *keys, cmp_pat_key);
    for (int s = 0; s < b->npatterns;) {
        int e = s + 1;
        while (e < b->npatterns && keys[e].h == keys[s].h)
            e++;
        for (int x = s + 1; x < e; x++) {
            const dyad_pattern *p = &b->patterns[keys[x].i];
            for (int y = s; y < x; y++) {
                const dyad_pattern *q = &b->patterns[keys[y].i];
                if (!pattern_equal(p, q))
                    continue;
                if (str_eq(p->code, q->code) && str_eq(p->code2, q->code2))
                    add(k, DYAD_DIAG_WARNING, file, p->line, "pattern repeats line %ld", q->line);
                else
                    add(k, DYAD_DIAG_ERROR, file, p->line,
                        "pattern repeats line %ld with another code ([%s%s%s] there, [%s%s%s] here)",
                        q->line, q->code, q->code2 ? ":" : "", q->code2 ? q->code2 : "", p->code,
                        p->code2 ? ":" : "", p->code2 ? p->code2 : "");
                break;
            }
        }
        s = e;
    }
    free(keys);
}

static int same_words(const char *const *a, int na, const char *const *b, int nb)
{
    if (na != nb)
        return 0;
    for (int i = 0; i < na; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* Pairs of verb lines in different blocks that give the same form; reported
 * once per pair of lines, at the later line. */
typedef struct line_pair {
    long early, late;
    const dyad_verb_form *ef, *lf;
} line_pair;

static int cmp_pair(const void *a, const void *b)
{
    const line_pair *x = a, *y = b;
    if (x->late != y->late)
        return x->late < y->late ? -1 : 1;
    return x->early < y->early ? -1 : x->early > y->early;
}

static int pair_push(line_pair **v, size_t *n, size_t *cap, line_pair p)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        line_pair *nv = realloc(*v, nc * sizeof *nv);
        if (!nv)
            return DYAD_ENOMEM;
        *v = nv;
        *cap = nc;
    }
    (*v)[(*n)++] = p;
    return 0;
}

static void check_verb_blocks(chk *k, const dyad_dict *d, const char *file)
{
    line_pair *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t s = 0; s < d->verbs.cap && !k->err; s++) {
        if (!d->verbs.slots[s].key)
            continue;
        for (const dyad_verb_form *f = d->verbs.slots[s].val; f; f = f->next)
            for (const dyad_verb_form *g = f->next; g; g = g->next) {
                if (g->block == f->block || !same_words(f->before, f->nbefore, g->before, g->nbefore) ||
                    !same_words(f->after, f->nafter, g->after, g->nafter))
                    continue;
                const dyad_verb_form *e = f->line < g->line ? f : g, *l = e == f ? g : f;
                if (pair_push(&v, &n, &cap, (line_pair){e->line, l->line, e, l}))
                    k->err = DYAD_ENOMEM;
            }
    }
    if (n)
        qsort(v, n, sizeof *v, cmp_pair);
    for (size_t i = 0; i < n; i++) {
        if (i && v[i].late == v[i - 1].late && v[i].early == v[i - 1].early)
            continue;
        add(k, DYAD_DIAG_WARNING, file, v[i].late,
            "verb %s is also in block '%s' (line %ld); a sentence gets the patterns of both blocks",
            v[i].lf->root, v[i].ef->block->name, v[i].early);
    }
    free(v);
}

/* Every verb line's own code, once per line. */
static void check_verb_codes(chk *k, const dyad_dict *d, const char *file)
{
    line_pair *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t s = 0; s < d->verbs.cap && !k->err; s++)
        for (const dyad_verb_form *f = d->verbs.slots[s].key ? d->verbs.slots[s].val : NULL; f;
             f = f->next)
            if (f->code && (!event_code_ok(f->code) || !event_code_ok(f->code2)) &&
                pair_push(&v, &n, &cap, (line_pair){0, f->line, f, f}))
                k->err = DYAD_ENOMEM;
    if (n)
        qsort(v, n, sizeof *v, cmp_pair);
    for (size_t i = 0; i < n; i++)
        if (!i || v[i].late != v[i - 1].late)
            check_event_codes(k, file, v[i].late, v[i].lf->code, v[i].lf->code2, "verb");
    free(v);
}

static void check_synsets(chk *k, const dyad_dict *d, const char *file)
{
    int ns = d->synsets.n;
    char *used = calloc((size_t)(ns ? ns : 1), 1);
    if (!used) {
        k->err = DYAD_ENOMEM;
        return;
    }
    for (int b = 0; b < d->blocks.n; b++) {
        const dyad_verb_block *blk = d->blocks.v[b];
        for (int i = 0; i < blk->npatterns; i++) {
            const dyad_pattern *p = &blk->patterns[i];
            for (int j = 0; j < p->nupper; j++)
                if (p->upper[j].kind == DYAD_PAT_SYNSET)
                    used[p->upper[j].synset] = 1;
            for (int j = 0; j < p->nlower; j++)
                if (p->lower[j].kind == DYAD_PAT_SYNSET)
                    used[p->lower[j].synset] = 1;
        }
    }
    for (int i = 0; i < ns; i++) {
        const dyad_synset *s = d->synsets.v[i];
        if (!used[i] && !s->member_refs)
            add(k, DYAD_DIAG_WARNING, file, s->line, "synset %s is defined but never used", s->name);
    }
    free(used);
}

static void check_verbs(chk *k, const dyad_dict *d, const char *file)
{
    for (int b = 0; b < d->blocks.n; b++) {
        const dyad_verb_block *blk = d->blocks.v[b];
        check_event_codes(k, file, blk->line, blk->code, blk->code2, "verb block");
        for (int i = 0; i < blk->npatterns; i++)
            check_event_codes(k, file, blk->patterns[i].line, blk->patterns[i].code,
                              blk->patterns[i].code2, "pattern");
        check_block_patterns(k, blk, file);
    }
    for (int i = 0; i < d->transforms.n; i++) {
        const dyad_transform *t = d->transforms.v[i];
        const char *c = t->rhs[t->nrhs - 1]; /* "= a b 015": the code, or a verb name */
        if (isdigit((unsigned char)c[0]))
            check_event_codes(k, file, t->line, c, NULL, "transformation");
    }
    check_verb_codes(k, d, file);
    check_verb_blocks(k, d, file);
    check_synsets(k, d, file);
}

/* ---- driver ------------------------------------------------------------------ */

typedef struct texts {
    dyad_dict_mem m;
    dyad_dict_text actors[CHECK_MAX_FILES];
    char *bufs[CHECK_MAX_FILES];
    int nbufs;
} texts;

static int read_text(chk *k, texts *t, const char *path, dyad_dict_text *out)
{
    if (!path)
        return 0;
    if (k->nfiles >= CHECK_MAX_FILES)
        return dyad_set_error(DYAD_ELIMIT, "too many dictionary files (more than %d)", CHECK_MAX_FILES);
    char *data = NULL;
    size_t len = 0;
    int rc = dyad_read_file(path, &data, &len);
    if (rc)
        return rc;
    t->bufs[t->nbufs++] = data;
    k->files[k->nfiles++] = path;
    *out = (dyad_dict_text){path, data, len};
    return 0;
}

static int read_texts(chk *k, texts *t, const dyad_dict_files *f)
{
    int na = f->actors && f->nactors > 0 ? f->nactors : 0;
    if (na >= CHECK_MAX_FILES)
        return dyad_set_error(DYAD_ELIMIT, "too many actor files (%d)", na);
    int rc = read_text(k, t, f->verbs, &t->m.verbs);
    for (int i = 0; rc == 0 && i < na; i++)
        rc = read_text(k, t, f->actors[i], &t->actors[i]);
    if (rc == 0)
        rc = read_text(k, t, f->agents, &t->m.agents);
    if (rc == 0)
        rc = read_text(k, t, f->discards, &t->m.discards);
    if (rc == 0)
        rc = read_text(k, t, f->issues, &t->m.issues);
    t->m.actors = t->actors;
    t->m.nactors = na;
    return rc;
}

static void report(chk *k, dyad_diag *diag, dyad_dict_check_result *res)
{
    if (k->n)
        qsort(k->v, k->n, sizeof *k->v, cmp_finding);
    for (size_t i = 0; i < k->n; i++) {
        finding *f = &k->v[i];
        dyad_diag_report(diag, (dyad_diag_level)f->lvl, f->fname, f->line, "%s", f->msg);
        if (f->lvl == DYAD_DIAG_ERROR)
            res->errors++;
        else
            res->warnings++;
    }
}

static void chk_free(chk *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->v[i].msg);
    for (size_t i = 0; i < k->ndups; i++)
        free(k->dups[i].phrase);
    free(k->v);
    free(k->dups);
    free(k->node_line);
    free(k->node_file);
}

static void check_loaded(chk *k, const dyad_dict *d, const texts *t)
{
    if (t->m.verbs.data)
        check_verbs(k, d, t->m.verbs.name);
    check_actors(k, d);
    if (t->m.agents.data)
        check_agents(k, d, t->m.agents.name);
}

int dyad_dict_check(dyad_dict_check_result *res, const dyad_dict_files *f, dyad_diag *diag)
{
    if (!res || !f)
        return dyad_set_error(DYAD_EINVAL, "dyad_dict_check: bad arguments");
    memset(res, 0, sizeof *res);
    chk k;
    memset(&k, 0, sizeof k);
    texts *t = calloc(1, sizeof *t);
    dyad_dict *d = NULL;
    int rc = t ? read_texts(&k, t, f) : dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (rc == 0) {
        dyad_diag sink = {on_loader_diag, &k, 0, 0};
        dict_hooks hooks = {&k, on_phrase};
        rc = dict__load_mem_hooked(&d, &t->m, &sink, &hooks);
    }
    if (rc == 0)
        check_loaded(&k, d, t);
    if (rc == 0 && k.err)
        rc = dyad_set_error(k.err, "dictionary check: out of memory");
    if (rc == 0) {
        report(&k, diag, res);
        res->files = k.nfiles;
    }
    dyad_dict_free(d);
    for (int i = 0; t && i < t->nbufs; i++)
        free(t->bufs[i]);
    free(t);
    chk_free(&k);
    return rc;
}

int dyad_dict_check_dir(dyad_dict_check_result *res, const char *dir, dyad_diag *diag)
{
    if (!res || !dir)
        return dyad_set_error(DYAD_EINVAL, "dyad_dict_check_dir: bad arguments");
    memset(res, 0, sizeof *res);
    dyad_arena *a = dyad_arena_new();
    if (!a)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_dict_files f;
    int rc = dyad_dict_files_from_dir(&f, dir, a);
    if (rc == 0)
        rc = dyad_dict_check(res, &f, diag);
    dyad_arena_free(a);
    return rc;
}
