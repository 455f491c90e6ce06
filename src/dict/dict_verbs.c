/* dict_verbs.c: the verb dictionary, in the PETRARCH-1 format (.verbs) and the
 * PETRARCH-2 format (CAMEO.2.0.txt: patterns with (PP) and {NP} groups, '~'
 * transformations). Both are read by one parser:
 *
 *   &NAME[_]            synset head ('_': no plurals), followed by
 *   +phrase             members (words joined by ' ' or '_', may use &OTHER)
 *   --- NAME [code] --- a verb block; code "---" or missing = null code
 *   VERB [{FORMS}] [code]          a verb line; regular forms are generated
 *                                  unless {FORMS} is given (then base + FORMS)
 *   +ASK_FOR / KLM_NOP_+RST         multi-word verb, '+' marks the verb word
 *   - upper * lower [code[:code2]]  a pattern of the current block
 *   ~ lhs = rhs                     a transformation
 *
 * The file is read twice: first the synsets (so patterns and members may use
 * synsets defined later), then everything else. */
#include "dict_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct syn_member {
    const char *text;
    size_t len;
    long line;
} syn_member;

typedef struct syn_def {
    int noplural;
    int state; /* 0 todo, 1 in progress, 2 done */
    dvec members;
} syn_def;

typedef struct vctx {
    dict_ctx *c;
    dyad_dict *d;
    dvec defs;            /* syn_def*, parallel to d->synsets */
    dyad_verb_block *blk; /* current block or NULL */
    dvec pats;            /* dyad_pattern* of the current block */
} vctx;

enum { L_OTHER, L_SYN_HEAD, L_SYN_MEMBER };

static int classify(const char *t, int *in_syn)
{
    if (*t == '&') {
        *in_syn = 1;
        return L_SYN_HEAD;
    }
    if (*t == '+' && *in_syn)
        return L_SYN_MEMBER;
    *in_syn = 0;
    return L_OTHER;
}

/* ---- pass 1: synset definitions ----------------------------------------------- */

/* Creates synset "&NAME"; returns its def, or NULL (warned or ENOMEM in *rc). */
static syn_def *syn_head(vctx *v, const char *t, long ln, int *rc)
{
    size_t n = 0;
    while (t[n] && !isspace((unsigned char)t[n]))
        n++;
    int noplural = n > 1 && t[n - 1] == '_';
    while (n > 1 && t[n - 1] == '_')
        n--;
    if (n <= 1) {
        dict__warn(v->c, ln, "empty synset name");
        return NULL;
    }
    const char *name = dict__intern_upper(v->d, t, n);
    if (!name)
        goto oom;
    uint32_t h = dict__hash(name, n);
    dmap_slot *old = dict__map_find(&v->d->synset_names, name, n, h);
    if (old) {
        dict__warn(v->c, ln, "synset %s is already defined; this definition is skipped", name);
        return NULL;
    }
    dyad_synset *s = dyad_arena_alloc(v->d->arena, sizeof *s);
    syn_def *def = calloc(1, sizeof *def);
    if (!s || !def || dict__vec_push(&v->defs, def) != 0) {
        free(def);
        goto oom;
    }
    s->name = name;
    s->index = v->d->synsets.n;
    s->line = ln;
    def->noplural = noplural;
    if (dict__vec_push(&v->d->synsets, s) != 0 ||
        dict__map_put(&v->d->synset_names, name, n, h, (void *)(intptr_t)(s->index + 1)) != 0)
        goto oom;
    return def;
oom:
    *rc = DYAD_ENOMEM;
    return NULL;
}

static int syn_member_add(vctx *v, syn_def *def, const char *t, long ln)
{
    t = dict__skip_ws(t + 1);
    size_t n = strlen(t);
    if (n == 0) {
        dict__warn(v->c, ln, "empty synset member");
        return 0;
    }
    syn_member *m = dyad_arena_alloc(v->d->arena, sizeof *m);
    if (!m || !(m->text = dyad_arena_strndup(v->d->arena, t, n)))
        return DYAD_ENOMEM;
    m->len = n;
    m->line = ln;
    return dict__vec_push(&def->members, m);
}

static int pass_synsets(vctx *v, const char *data, size_t len)
{
    dlines it;
    dict__lines_init(&it, data, len, 1);
    char *line;
    size_t n;
    long ln;
    int rc, in_syn = 0;
    syn_def *cur = NULL;
    while ((rc = dict__lines_next(&it, &line, &n, &ln)) == 1) {
        const char *t = dict__skip_ws(line);
        int k = classify(t, &in_syn);
        rc = 0;
        if (k == L_SYN_HEAD)
            cur = syn_head(v, t, ln, &rc);
        else if (k == L_SYN_MEMBER && cur)
            rc = syn_member_add(v, cur, t, ln);
        if (rc)
            break;
    }
    dict__lines_free(&it);
    return rc < 0 ? rc : 0;
}

/* ---- tokens of patterns and synset members ----------------------------------- */

enum { T_END, T_WORD, T_SYN, T_SPECIAL, T_BRACKET, T_STAR, T_BADSYN };

typedef struct vtok {
    int kind;
    const char *s;
    size_t n;
    int syn;
    int adj; /* joined to the previous token by '_' only */
} vtok;

static int is_break(char c)
{
    return isspace((unsigned char)c) || c == '(' || c == ')' || c == '{' || c == '}' || c == '*';
}

/* "&NAME_MORE": the longest defined synset name that is a prefix ending at an
 * '_' (or the whole token). Returns its index and sets *used, or -1. */
static int syn_lookup(const dyad_dict *d, const char *s, size_t n, size_t *used)
{
    char up[DICT_MAX_WORD];
    if (n >= sizeof up)
        n = sizeof up - 1;
    for (size_t i = 0; i < n; i++)
        up[i] = (char)toupper((unsigned char)s[i]);
    for (size_t k = n; k > 1; k--) {
        if (k < n && s[k] != '_')
            continue;
        size_t m = k;
        while (m > 1 && up[m - 1] == '_')
            m--;
        dmap_slot *sl = dict__map_find(&d->synset_names, up, m, dict__hash(up, m));
        if (sl) {
            *used = k;
            return (int)(intptr_t)sl->val - 1;
        }
    }
    return -1;
}

static void next_tok(const dyad_dict *d, const char *s, size_t n, size_t *pi, vtok *t)
{
    size_t i = *pi;
    int ws = 0, us = 0;
    while (i < n && (isspace((unsigned char)s[i]) || s[i] == '_')) {
        ws |= s[i] != '_';
        us |= s[i] == '_';
        i++;
    }
    t->adj = us && !ws;
    t->s = s + i;
    t->n = 1;
    t->syn = -1;
    if (i >= n) {
        t->kind = T_END;
    } else if (strchr("(){}", s[i])) {
        t->kind = T_BRACKET;
    } else if (s[i] == '*') {
        t->kind = T_STAR;
    } else if (s[i] == '&') {
        size_t j = i;
        while (j < n && !is_break(s[j]))
            j++;
        size_t used = 0;
        t->syn = syn_lookup(d, s + i, j - i, &used);
        t->kind = t->syn >= 0 ? T_SYN : T_BADSYN;
        t->n = t->syn >= 0 ? used : j - i;
    } else {
        size_t j = i;
        while (j < n && !is_break(s[j]) && s[j] != '_')
            j++;
        t->n = j - i;
        t->kind = t->n == 1 && strchr("$+%^", s[i]) ? T_SPECIAL : T_WORD;
    }
    *pi = i + t->n;
}

/* ---- synset expansion ------------------------------------------------------------ */

typedef struct phr_list {
    dphrase *v;
    int n, cap;
} phr_list;

static int phr_push(phr_list *l, const dphrase *p)
{
    if (l->n == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 4;
        dphrase *nv = realloc(l->v, (size_t)ncap * sizeof *nv);
        if (!nv)
            return DYAD_ENOMEM;
        l->v = nv;
        l->cap = ncap;
    }
    l->v[l->n++] = *p;
    return 0;
}

static int syn_resolve(vctx *v, int idx, int depth, long ln);

/* Appends each phrase of synset j to each partial phrase in *cur. */
static int cross_synset(vctx *v, phr_list *cur, int j, long ln)
{
    const dyad_synset *s = v->d->synsets.v[j];
    phr_list out = {0};
    int rc = 0;
    for (int a = 0; a < cur->n && rc == 0; a++) {
        for (int b = 0; b < s->nphrases && rc == 0; b++) {
            dphrase p = cur->v[a];
            if (out.n >= DICT_MAX_EXPAND || p.n + s->phrases[b].nwords > DICT_MAX_WORDS) {
                dict__warn(v->c, ln, "synset member expands to too many phrases; truncated");
                rc = 1;
                break;
            }
            for (int k = 0; k < s->phrases[b].nwords; k++) {
                p.w[p.n] = s->phrases[b].words[k];
                p.conn[p.n++] = DICT_CONN_ADJ;
            }
            rc = phr_push(&out, &p);
        }
    }
    free(cur->v);
    *cur = out;
    return rc < 0 ? rc : 0;
}

static int member_tokens(vctx *v, const syn_member *m, phr_list *cur, int depth, int *last_word)
{
    size_t i = 0;
    vtok t;
    for (next_tok(v->d, m->text, m->len, &i, &t); t.kind != T_END;
         next_tok(v->d, m->text, m->len, &i, &t)) {
        int rc = 0;
        *last_word = t.kind == T_WORD;
        if (t.kind == T_WORD) {
            for (int a = 0; a < cur->n && rc == 0; a++)
                rc = dict__phrase_word(v->d, &cur->v[a], t.s, t.n, DICT_CONN_ADJ);
        } else if (t.kind == T_SYN) {
            ((dyad_synset *)v->d->synsets.v[t.syn])->member_refs++;
            rc = syn_resolve(v, t.syn, depth + 1, m->line);
            if (rc == 0)
                rc = cross_synset(v, cur, t.syn, m->line);
        } else {
            dict__warn(v->c, m->line, "%s '%.*s' in synset member; member skipped",
                       t.kind == T_BADSYN ? "undefined synset" : "unexpected", (int)t.n, t.s);
            return 1;
        }
        if (rc == DYAD_ELIMIT) {
            dict__warn(v->c, m->line, "synset member too long; skipped");
            return 1;
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* Adds phrase p (and its plural) to synset idx, skipping duplicates. */
static int syn_store(vctx *v, int idx, const dphrase *p, phr_list *acc)
{
    int node;
    if (p->n == 0)
        return 0;
    int rc = dict__trie_insert(&v->d->syntrie, v->d->synroot[idx], p, &node);
    if (rc)
        return rc;
    if (v->d->syntrie.nodes[node].term >= 0)
        return 0;
    v->d->syntrie.nodes[node].term = idx;
    return phr_push(acc, p);
}

static int syn_member_expand(vctx *v, int idx, const syn_member *m, phr_list *acc, int depth)
{
    syn_def *def = v->defs.v[idx];
    phr_list cur = {0};
    dphrase empty = {0};
    int last_word = 0;
    int rc = phr_push(&cur, &empty);
    if (rc == 0)
        rc = member_tokens(v, m, &cur, depth, &last_word);
    int plural = last_word && !def->noplural && m->text[m->len - 1] != '_';
    for (int a = 0; rc == 0 && a < cur.n; a++) {
        dphrase p = cur.v[a];
        rc = syn_store(v, idx, &p, acc);
        char pl[DICT_MAX_WORD];
        if (rc == 0 && plural && p.n > 0 && dict__plural(p.w[p.n - 1], pl, sizeof pl) == 0) {
            if (!(p.w[p.n - 1] = dict__intern(v->d, pl, strlen(pl))))
                rc = DYAD_ENOMEM;
            else
                rc = syn_store(v, idx, &p, acc);
        }
    }
    free(cur.v);
    return rc < 0 ? rc : 0;
}

static int syn_finish(vctx *v, int idx, phr_list *acc)
{
    dyad_synset *s = v->d->synsets.v[idx];
    dyad_phrase *ph = dyad_arena_alloc(v->d->arena, sizeof *ph * (size_t)(acc->n ? acc->n : 1));
    if (!ph)
        return DYAD_ENOMEM;
    for (int i = 0; i < acc->n; i++) {
        const char **w = dyad_arena_alloc(v->d->arena, sizeof *w * (size_t)acc->v[i].n);
        if (!w)
            return DYAD_ENOMEM;
        memcpy(w, acc->v[i].w, sizeof *w * (size_t)acc->v[i].n);
        ph[i].words = w;
        ph[i].nwords = acc->v[i].n;
    }
    s->phrases = ph;
    s->nphrases = acc->n;
    v->d->st.synset_phrases += acc->n;
    return 0;
}

/* Expands synset idx (members first expanding the synsets they use). */
static int syn_resolve(vctx *v, int idx, int depth, long ln)
{
    syn_def *def = v->defs.v[idx];
    if (def->state == 2)
        return 0;
    const dyad_synset *s = v->d->synsets.v[idx];
    if (def->state == 1 || depth > 32) {
        dict__warn(v->c, ln, "synset %s refers to itself (or nests deeper than 32)", s->name);
        return 0;
    }
    def->state = 1;
    phr_list acc = {0};
    int rc = 0;
    for (int i = 0; i < def->members.n && rc == 0; i++)
        rc = syn_member_expand(v, idx, def->members.v[i], &acc, depth);
    if (rc == 0)
        rc = syn_finish(v, idx, &acc);
    free(acc.v);
    def->state = 2;
    return rc;
}

static int resolve_all(vctx *v)
{
    int n = v->d->synsets.n;
    v->d->synroot = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!v->d->synroot)
        return DYAD_ENOMEM;
    for (int i = 0; i < n; i++) {
        v->d->synroot[i] = dict__trie_new_root(&v->d->syntrie);
        if (v->d->synroot[i] < 0)
            return DYAD_ENOMEM;
    }
    for (int i = 0; i < n; i++) {
        int rc = syn_resolve(v, i, 0, 0);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- patterns ------------------------------------------------------------------- */

typedef struct pat_build {
    dyad_pat_elem e[2][DICT_MAX_WORDS];
    int n[2];
    int side;
    int verb_adj;
    char stack[16];
    int depth;
    const char *bad; /* the undefined "&NAME" when pat_parse says so */
    size_t badn;
} pat_build;

/* Appends one element; adj = how it is joined to the previous token. */
static int pat_push(pat_build *b, int kind, const char *word, int syn, int adj)
{
    int s = b->side;
    if (b->n[s] >= DICT_MAX_WORDS)
        return DYAD_ELIMIT;
    if (b->n[s] > 0)
        b->e[s][b->n[s] - 1].adj = (unsigned char)adj;
    else if (s == 1)
        b->verb_adj = adj;
    dyad_pat_elem *e = &b->e[s][b->n[s]++];
    e->kind = (unsigned char)kind;
    e->adj = 0;
    e->synset = syn;
    e->word = word;
    return 0;
}

static const char *pat_bracket(pat_build *b, char c, int adj)
{
    int kind = c == '(' ? DYAD_PAT_PP_OPEN : c == ')' ? DYAD_PAT_PP_CLOSE
             : c == '{' ? DYAD_PAT_NP_OPEN : DYAD_PAT_NP_CLOSE;
    if (c == '(' || c == '{') {
        if (b->depth >= (int)sizeof b->stack)
            return "groups nested too deeply";
        b->stack[b->depth++] = c;
    } else {
        char want = c == ')' ? '(' : '{';
        if (b->depth == 0 || b->stack[b->depth - 1] != want)
            return c == ')' ? "unbalanced ')'" : "unbalanced '}'";
        b->depth--;
    }
    return pat_push(b, kind, NULL, -1, adj) ? "pattern too long" : NULL;
}

static const char *pat_word(vctx *v, pat_build *b, const vtok *t, int *rc)
{
    dphrase p;
    p.n = 0;
    *rc = dict__phrase_word(v->d, &p, t->s, t->n, DICT_CONN_ADJ);
    if (*rc == DYAD_ELIMIT) {
        *rc = 0;
        return "word too long";
    }
    for (int k = 0; *rc == 0 && k < p.n; k++)
        if (pat_push(b, DYAD_PAT_WORD, p.w[k], -1, k ? 1 : t->adj))
            return "pattern too long";
    return NULL;
}

static const char *pat_token(vctx *v, pat_build *b, const vtok *t, int *rc)
{
    static const char sp[] = "$+%^";
    static const int spk[] = {DYAD_PAT_SOURCE, DYAD_PAT_TARGET, DYAD_PAT_COMPOUND, DYAD_PAT_SKIP};
    switch (t->kind) {
    case T_STAR:
        if (b->side)
            return "more than one '*'";
        if (b->depth)
            return "group open at '*'";
        if (b->n[0])
            b->e[0][b->n[0] - 1].adj = (unsigned char)t->adj;
        b->side = 1;
        return NULL;
    case T_BRACKET:
        return pat_bracket(b, *t->s, t->adj);
    case T_SPECIAL:
        return pat_push(b, spk[strchr(sp, *t->s) - sp], NULL, -1, t->adj) ? "pattern too long" : NULL;
    case T_SYN:
        return pat_push(b, DYAD_PAT_SYNSET, NULL, t->syn, t->adj) ? "pattern too long" : NULL;
    case T_BADSYN:
        b->bad = t->s;
        b->badn = t->n;
        return "undefined synset";
    default:
        return pat_word(v, b, t, rc);
    }
}

/* Parses the pattern body s[0..n) into b. Returns NULL or the reason it is bad. */
static const char *pat_parse(vctx *v, pat_build *b, const char *s, size_t n, int *rc)
{
    size_t i = 0;
    vtok t;
    memset(b->n, 0, sizeof b->n);
    b->side = b->verb_adj = b->depth = 0;
    b->bad = NULL;
    if (memchr(s, '|', n))
        return "TABARI disjunctions '|' are not supported";
    for (next_tok(v->d, s, n, &i, &t); t.kind != T_END; next_tok(v->d, s, n, &i, &t)) {
        const char *why = pat_token(v, b, &t, rc);
        if (why || *rc)
            return why;
    }
    if (!b->side)
        return "pattern without '*'";
    if (b->depth)
        return b->stack[b->depth - 1] == '(' ? "unterminated '('" : "unterminated '{'";
    return NULL;
}

static const dyad_pat_elem *elems_copy(dyad_dict *d, const dyad_pat_elem *e, int n)
{
    dyad_pat_elem *c = dyad_arena_alloc(d->arena, sizeof *c * (size_t)(n ? n : 1));
    if (c && n)
        memcpy(c, e, sizeof *c * (size_t)n);
    return c;
}

static int pat_store(vctx *v, const pat_build *b, const char *text, size_t tn, const char *code,
                     const char *code2, long ln)
{
    dyad_pattern *p = dyad_arena_alloc(v->d->arena, sizeof *p);
    if (!p)
        return DYAD_ENOMEM;
    p->code = code;
    p->code2 = code2;
    p->text = dyad_arena_strndup(v->d->arena, text, tn);
    p->line = ln;
    p->upper = elems_copy(v->d, b->e[0], b->n[0]);
    p->nupper = b->n[0];
    p->lower = elems_copy(v->d, b->e[1], b->n[1]);
    p->nlower = b->n[1];
    p->verb_adj = b->verb_adj;
    p->block = v->blk->index;
    if (!p->text || !p->upper || !p->lower)
        return DYAD_ENOMEM;
    return dict__vec_push(&v->pats, p);
}

static int parse_pattern(vctx *v, const char *t, long ln)
{
    const char *lb = strchr(t, '[');
    const char *rb = lb ? strchr(lb, ']') : NULL;
    const char *code, *code2;
    if (!v->blk) {
        dict__warn(v->c, ln, "pattern outside a verb block");
        return 0;
    }
    if (!lb) {
        dict__warn(v->c, ln, "pattern without a code");
        return 0;
    }
    if (!rb) {
        dict__warn(v->c, ln, "unterminated code '%s'", lb);
        return 0;
    }
    int rc = dict__split_code(v->d, lb + 1, (size_t)(rb - lb - 1), &code, &code2);
    if (rc == DYAD_EPARSE) {
        dict__warn(v->c, ln, "bad code '%.*s'", (int)(rb - lb + 1), lb);
        return 0;
    }
    pat_build *b = malloc(sizeof *b);
    if (rc || !b) {
        free(b);
        return DYAD_ENOMEM;
    }
    const char *why = pat_parse(v, b, t + 1, (size_t)(lb - t - 1), &rc);
    if (why && b->bad)
        dict__warn(v->c, ln, "undefined synset '%.*s'; pattern skipped", (int)b->badn, b->bad);
    else if (why)
        dict__warn(v->c, ln, "%s; pattern skipped", why);
    else if (rc == 0)
        rc = pat_store(v, b, t, dict__trim_len(t, (size_t)(rb - t + 1)), code, code2, ln);
    free(b);
    return rc;
}

/* ---- blocks ---------------------------------------------------------------------- */

static int block_finish(vctx *v)
{
    dyad_verb_block *blk = v->blk;
    if (!blk)
        return 0;
    dyad_pattern *arr = dyad_arena_alloc(v->d->arena, sizeof *arr * (size_t)(v->pats.n ? v->pats.n : 1));
    if (!arr)
        return DYAD_ENOMEM;
    for (int i = 0; i < v->pats.n; i++)
        arr[i] = *(dyad_pattern *)v->pats.v[i];
    blk->patterns = arr;
    blk->npatterns = v->pats.n;
    v->d->st.patterns += v->pats.n;
    v->pats.n = 0;
    return 0;
}

/* The code of a block header "[...]"; problems are warned and give "---". */
static int block_code(vctx *v, dyad_verb_block *blk, const char *lb, long ln)
{
    const char *rb = lb ? strchr(lb, ']') : NULL;
    blk->code = "---";
    blk->code2 = NULL;
    if (!lb)
        return 0;
    if (!rb) {
        dict__warn(v->c, ln, "unterminated code '%s' in verb block header", lb);
        return 0;
    }
    int rc = dict__split_code(v->d, lb + 1, (size_t)(rb - lb - 1), &blk->code, &blk->code2);
    if (rc == DYAD_EPARSE) {
        dict__warn(v->c, ln, "bad code '%.*s' in verb block header", (int)(rb - lb + 1), lb);
        blk->code = "---";
        blk->code2 = NULL;
        return 0;
    }
    return rc;
}

static int parse_block(vctx *v, const char *t, long ln)
{
    int rc = block_finish(v);
    if (rc)
        return rc;
    while (*t == '-')
        t++;
    t = dict__skip_ws(t);
    const char *lb = strchr(t, '[');
    size_t nn = lb ? (size_t)(lb - t) : strlen(t);
    while (nn && (isspace((unsigned char)t[nn - 1]) || t[nn - 1] == '-'))
        nn--;
    dyad_verb_block *blk = dyad_arena_alloc(v->d->arena, sizeof *blk);
    if (!blk)
        return DYAD_ENOMEM;
    if ((rc = block_code(v, blk, lb, ln)) != 0)
        return rc;
    blk->name = dict__intern_upper(v->d, t, nn);
    blk->index = v->d->blocks.n;
    blk->line = ln;
    v->blk = blk;
    if (!blk->name)
        return DYAD_ENOMEM;
    return dict__vec_push(&v->d->blocks, blk);
}

/* ---- verb lines ------------------------------------------------------------------ */

typedef struct vline {
    const char *root;
    size_t rootn;
    const char *forms; /* inside {...}; NULL without braces */
    size_t formsn;
    const char *code, *code2;
    long line;
} vline;

/* A verb form being built: words, and which one is the verb. */
typedef struct vform {
    const char *w[DICT_MAX_WORDS];
    int n, verb;
} vform;

/* Splits "VERB {FORMS} [CODE]". 0 ok, 1 warned and skipped, <0 error. */
static int vline_parse(vctx *v, const char *t, long ln, vline *vl)
{
    const char *lbr = strchr(t, '{'), *lb = strchr(t, '['), *hend = t + strlen(t);
    if (lbr && lbr < hend)
        hend = lbr;
    if (lb && lb < hend)
        hend = lb;
    memset(vl, 0, sizeof *vl);
    vl->root = t;
    vl->line = ln;
    while (t + vl->rootn < hend && !isspace((unsigned char)t[vl->rootn]))
        vl->rootn++;
    const char *rest = dict__skip_ws(t + vl->rootn);
    if (vl->rootn == 0 || rest < hend) {
        dict__warn(v->c, ln, vl->rootn ? "unexpected text after the verb" : "verb line without a verb");
        return 1;
    }
    if (lbr) {
        const char *rbr = strchr(lbr, '}');
        if (!rbr) {
            dict__warn(v->c, ln, "unterminated '{'");
            return 1;
        }
        vl->forms = lbr + 1;
        vl->formsn = (size_t)(rbr - lbr - 1);
    }
    if (lb) {
        const char *rb = strchr(lb, ']');
        if (!rb) {
            dict__warn(v->c, ln, "unterminated code '%s'", lb);
            return 1;
        }
        int rc = dict__split_code(v->d, lb + 1, (size_t)(rb - lb - 1), &vl->code, &vl->code2);
        if (rc == DYAD_EPARSE)
            dict__warn(v->c, ln, "bad code '%.*s'", (int)(rb - lb + 1), lb);
        if (rc)
            return rc == DYAD_EPARSE ? 1 : rc;
    }
    return 0;
}

/* "KLM_NOP_+RST" -> words, verb = index of the '+' word. NULL or the reason. */
static const char *form_parse(vctx *v, const char *s, size_t n, vform *f, int *rc)
{
    f->n = 0;
    f->verb = -1;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '_')
            j++;
        const char *seg = s + i;
        size_t sn = j - i;
        i = j + 1;
        if (sn == 0)
            continue;
        if (*seg == '+') {
            if (f->verb >= 0)
                return "more than one '+' in a multi-word verb";
            f->verb = f->n;
            seg++;
            sn--;
        }
        if (sn == 0 || memchr(seg, '+', sn))
            return "misplaced '+' in a multi-word verb";
        if (f->n >= DICT_MAX_WORDS || sn >= DICT_MAX_WORD)
            return "verb too long";
        if (!(f->w[f->n++] = dict__intern_upper(v->d, seg, sn))) {
            *rc = DYAD_ENOMEM;
            return NULL;
        }
    }
    if (f->n == 0)
        return "empty verb";
    if (f->verb < 0 && f->n > 1)
        return "multi-word verb without '+' marking the verb";
    if (f->verb < 0)
        f->verb = 0;
    return NULL;
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

static const char *const *words_copy(dyad_dict *d, const char *const *w, int n)
{
    const char **c = dyad_arena_alloc(d->arena, sizeof *c * (size_t)(n ? n : 1));
    if (c && n)
        memcpy(c, w, sizeof *c * (size_t)n);
    return c;
}

/* Links vf into the chain of its word: more words first, else file order. */
static int form_link(dyad_dict *d, dyad_verb_form *vf, size_t wn, uint32_t h)
{
    dmap_slot *sl = dict__map_find(&d->verbs, vf->word, wn, h);
    int len = vf->nbefore + vf->nafter;
    if (!sl)
        return dict__map_put(&d->verbs, vf->word, wn, h, vf);
    dyad_verb_form *cur = sl->val;
    if (cur->nbefore + cur->nafter < len) {
        vf->next = cur;
        sl->val = vf;
        return 0;
    }
    while (cur->next && cur->next->nbefore + cur->next->nafter >= len)
        cur = (dyad_verb_form *)cur->next;
    vf->next = cur->next;
    cur->next = vf;
    return 0;
}

static int form_store(vctx *v, const vform *f, const vline *vl)
{
    dyad_dict *d = v->d;
    const char *word = f->w[f->verb];
    size_t wn = strlen(word);
    uint32_t h = dict__hash(word, wn);
    int nb = f->verb, na = f->n - f->verb - 1;
    dmap_slot *sl = dict__map_find(&d->verbs, word, wn, h);
    for (const dyad_verb_form *e = sl ? sl->val : NULL; e; e = e->next)
        if (e->block == v->blk && same_words(e->before, e->nbefore, f->w, nb) &&
            same_words(e->after, e->nafter, f->w + nb + 1, na))
            return 0; /* the same form twice in a block */
    dyad_verb_form *vf = dyad_arena_alloc(d->arena, sizeof *vf);
    if (!vf)
        return DYAD_ENOMEM;
    vf->word = word;
    vf->block = v->blk;
    vf->code = vl->code;
    vf->code2 = vl->code2;
    vf->before = words_copy(d, f->w, nb);
    vf->nbefore = nb;
    vf->after = words_copy(d, f->w + nb + 1, na);
    vf->nafter = na;
    vf->root = dict__intern(d, vl->root, vl->rootn);
    vf->line = vl->line;
    if (!vf->before || !vf->after || !vf->root)
        return DYAD_ENOMEM;
    d->st.verb_forms++;
    return form_link(d, vf, wn, h);
}

/* One form as written (base or inside braces). */
static int form_add(vctx *v, const char *s, size_t n, const vline *vl, vform *f)
{
    int rc = 0;
    const char *why = form_parse(v, s, n, f, &rc);
    if (why) {
        dict__warn(v->c, vl->line, "%s: '%.*s'; form skipped", why, (int)n, s);
        return 1;
    }
    return rc ? rc : form_store(v, f, vl);
}

/* The regular -S/-ED/-ING forms of the verb word of base. */
static int forms_regular(vctx *v, const vform *base, const vline *vl)
{
    char out[3][DICT_MAX_WORD];
    if (dict__verb_regular(base->w[base->verb], out) != 0)
        return 0;
    for (int i = 0; i < 3; i++) {
        vform f = *base;
        if (!(f.w[f.verb] = dict__intern(v->d, out[i], strlen(out[i]))))
            return DYAD_ENOMEM;
        int rc = form_store(v, &f, vl);
        if (rc)
            return rc;
    }
    return 0;
}

static int parse_verb(vctx *v, const char *t, long ln)
{
    vline vl;
    vform *f;
    if (!v->blk) {
        dict__warn(v->c, ln, "verb outside a verb block");
        return 0;
    }
    int rc = vline_parse(v, t, ln, &vl);
    if (rc)
        return rc > 0 ? 0 : rc;
    if (!(f = malloc(sizeof *f)))
        return DYAD_ENOMEM;
    rc = form_add(v, vl.root, vl.rootn, &vl, f);
    if (rc == 0 && !vl.forms) {
        rc = forms_regular(v, f, &vl);
    } else if (rc >= 0 && vl.forms) {
        rc = 0;
        for (size_t i = 0; i < vl.formsn && rc >= 0;) {
            while (i < vl.formsn && isspace((unsigned char)vl.forms[i]))
                i++;
            size_t j = i;
            while (j < vl.formsn && !isspace((unsigned char)vl.forms[j]))
                j++;
            if (j > i)
                rc = form_add(v, vl.forms + i, j - i, &vl, f);
            i = j;
        }
    }
    free(f);
    return rc < 0 ? rc : 0;
}

/* ---- transformations --------------------------------------------------------------- */

static int tr_tokens(vctx *v, const char *s, size_t n, const char *const **out, int *nout)
{
    const char *w[DICT_MAX_WORDS];
    int k = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if (i >= n)
            break;
        size_t j = i + 1;
        if (s[i] != '(' && s[i] != ')')
            while (j < n && !isspace((unsigned char)s[j]) && s[j] != '(' && s[j] != ')')
                j++;
        if (k >= DICT_MAX_WORDS)
            return DYAD_ELIMIT;
        if (!(w[k++] = dict__intern(v->d, s + i, j - i)))
            return DYAD_ENOMEM;
        i = j;
    }
    *out = words_copy(v->d, w, k);
    *nout = k;
    return *out ? 0 : DYAD_ENOMEM;
}

static int parse_transform(vctx *v, const char *t, long ln)
{
    const char *eq = strchr(t, '=');
    if (!eq) {
        dict__warn(v->c, ln, "transformation without '='");
        return 0;
    }
    dyad_transform *tr = dyad_arena_alloc(v->d->arena, sizeof *tr);
    if (!tr || !(tr->text = dyad_arena_strdup(v->d->arena, t)))
        return DYAD_ENOMEM;
    tr->line = ln;
    int rc = tr_tokens(v, t + 1, (size_t)(eq - t - 1), &tr->lhs, &tr->nlhs);
    if (rc == 0)
        rc = tr_tokens(v, eq + 1, strlen(eq + 1), &tr->rhs, &tr->nrhs);
    if (rc == DYAD_ELIMIT) {
        dict__warn(v->c, ln, "transformation too long");
        return 0;
    }
    if (rc == 0 && (tr->nlhs == 0 || tr->nrhs == 0)) {
        dict__warn(v->c, ln, "empty side in transformation");
        return 0;
    }
    return rc ? rc : dict__vec_push(&v->d->transforms, tr);
}

/* ---- pass 2 and entry point ---------------------------------------------------------- */

static int dispatch(vctx *v, const char *t, long ln)
{
    if (t[0] == '-' && t[1] == '-' && t[2] == '-')
        return parse_block(v, t, ln);
    if (t[0] == '-')
        return parse_pattern(v, t, ln);
    if (t[0] == '~')
        return parse_transform(v, t, ln);
    if (t[0] == '<')
        return 0; /* stray markup */
    return parse_verb(v, t, ln);
}

static int pass_main(vctx *v, const char *data, size_t len)
{
    dlines it;
    dict__lines_init(&it, data, len, 1);
    char *line;
    size_t n;
    long ln;
    int rc, in_syn = 0;
    while ((rc = dict__lines_next(&it, &line, &n, &ln)) == 1) {
        const char *t = dict__skip_ws(line);
        if (classify(t, &in_syn) != L_OTHER)
            continue;
        if ((rc = dispatch(v, t, ln)) != 0)
            break;
    }
    dict__lines_free(&it);
    if (rc == 0)
        rc = block_finish(v);
    return rc;
}

int dict__load_verbs(dict_ctx *c, const char *data, size_t len)
{
    vctx v;
    memset(&v, 0, sizeof v);
    v.c = c;
    v.d = c->d;
    int rc = pass_synsets(&v, data, len);
    if (rc == 0)
        rc = resolve_all(&v);
    if (rc == 0)
        rc = pass_main(&v, data, len);
    for (int i = 0; i < v.defs.n; i++) {
        syn_def *def = v.defs.v[i];
        dict__vec_free(&def->members);
        free(def);
    }
    dict__vec_free(&v.defs);
    dict__vec_free(&v.pats);
    c->d->st.synsets = c->d->synsets.n;
    c->d->st.verb_blocks = c->d->blocks.n;
    c->d->st.transforms = c->d->transforms.n;
    return rc;
}
