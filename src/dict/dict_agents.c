/* dict_agents.c: the agents dictionary.
 *
 *   !PERSON! = MAN, MEN, WOMAN      a substitution set
 *   CONGRESS!PERSON! [~LEG]         one entry per member (no plurals)
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]   explicit plural
 *   AIR_FORCE {} [~MIL]             no plural
 *   TROOP [~MIL]                    regular plural generated (TROOPS)
 *   HUMAN_RIGHTS_BODY [NGO~]        '~' after the code: prefix agent
 */
#include "dict_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AGENT_MAX_TEXT 1024

typedef struct subst {
    int n;
    const char *items[];
} subst;

typedef struct gctx {
    dict_ctx *c;
    dyad_dict *d;
    dmap subs;          /* marker name -> subst* */
    dict_agent *cur;    /* the record of the line being stored */
} gctx;

/* "!NAME! = A, B, C" */
static int define_marker(gctx *g, const char *t, long ln)
{
    const char *a = strchr(t, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    const char *eq = b ? strchr(b, '=') : NULL;
    if (!eq || b == a + 1) {
        dict__warn(g->c, ln, "substitution marker incorrectly defined");
        return 0;
    }
    int cnt = 1;
    for (const char *q = eq + 1; *q; q++)
        cnt += *q == ',';
    subst *s = dyad_arena_alloc(g->d->arena, sizeof *s + sizeof(char *) * (size_t)cnt);
    const char *name = dict__intern_upper(g->d, a + 1, (size_t)(b - a - 1));
    if (!s || !name)
        return DYAD_ENOMEM;
    for (const char *q = eq + 1; *q;) {
        const char *e = strchr(q, ',');
        size_t n = e ? (size_t)(e - q) : strlen(q);
        const char *it = dict__skip_ws(q);
        size_t m = dict__trim_len(it, n - (size_t)(it - q));
        if (m && !(s->items[s->n++] = dict__intern_upper(g->d, it, m)))
            return DYAD_ENOMEM;
        q += n + (e != NULL);
    }
    uint32_t h = dict__hash(name, strlen(name));
    dmap_slot *old = dict__map_find(&g->subs, name, strlen(name), h);
    if (old) {
        old->val = s;
        return 0;
    }
    return dict__map_put(&g->subs, name, strlen(name), h, s);
}

/* Stores one phrase for g->cur; skips duplicates (first entry kept). */
static int store_phrase(gctx *g, const dphrase *p)
{
    int node;
    if (p->n == 0)
        return 0;
    int rc = dict__trie_insert(&g->d->agtrie, 0, p, &node);
    if (rc)
        return rc;
    dtrie_node *nd = &g->d->agtrie.nodes[node];
    dict__hook_phrase(g->c, DICT_HOOK_AGENT, p, node, nd->term, g->d->agents.n - 1, g->cur->line);
    if (nd->term < 0) {
        nd->term = g->d->agents.n - 1;
        g->d->st.agent_phrases++;
    }
    return 0;
}

/* Stores text as a phrase; with plural also its plural (explicit or generated). */
static int store_text(gctx *g, const char *s, size_t n, const char *plural, size_t pn, int gen, long ln)
{
    dphrase p;
    p.n = 0;
    p.stem_last = 0;
    int rc = dict__phrase_add(g->d, &p, s, n, 0);
    if (rc == 0 && p.n == 0) {
        dict__warn(g->c, ln, "empty agent phrase");
        return 0;
    }
    if (rc == 0)
        rc = store_phrase(g, &p);
    char pl[DICT_MAX_WORD];
    if (rc == 0 && gen && isalpha((unsigned char)p.w[p.n - 1][strlen(p.w[p.n - 1]) - 1]) &&
        dict__plural(p.w[p.n - 1], pl, sizeof pl) == 0) {
        if (!(p.w[p.n - 1] = dict__intern(g->d, pl, strlen(pl))))
            return DYAD_ENOMEM;
        rc = store_phrase(g, &p);
    } else if (rc == 0 && plural) {
        p.n = 0;
        if ((rc = dict__phrase_add(g->d, &p, plural, pn, 0)) == 0)
            rc = store_phrase(g, &p);
    }
    if (rc == DYAD_ELIMIT) {
        dict__warn(g->c, ln, "agent phrase too long; skipped");
        return 0;
    }
    return rc;
}

/* Replaces the first !X! in s with each member of X, recursively. */
static int substitute(gctx *g, const char *s, int depth, long ln)
{
    const char *a = strchr(s, '!');
    if (!a)
        return store_text(g, s, strlen(s), NULL, 0, 0, ln);
    const char *b = strchr(a + 1, '!');
    if (!b || depth > 4) {
        dict__warn(g->c, ln, "substitution marker syntax incorrect; line skipped");
        return 0;
    }
    char up[DICT_MAX_WORD];
    size_t mn = (size_t)(b - a - 1) < sizeof up ? (size_t)(b - a - 1) : sizeof up - 1;
    for (size_t i = 0; i < mn; i++)
        up[i] = (char)toupper((unsigned char)a[1 + i]);
    dmap_slot *sl = dict__map_find(&g->subs, up, mn, dict__hash(up, mn));
    if (!sl) {
        dict__warn(g->c, ln, "substitution marker !%.*s! is not defined; line skipped", (int)mn, up);
        return 0;
    }
    const subst *sub = sl->val;
    char buf[AGENT_MAX_TEXT];
    for (int i = 0; i < sub->n; i++) {
        int k = snprintf(buf, sizeof buf, "%.*s%s%s", (int)(a - s), s, sub->items[i], b + 1);
        if (k < 0 || (size_t)k >= sizeof buf) {
            dict__warn(g->c, ln, "agent phrase too long; skipped");
            return 0;
        }
        int rc = substitute(g, buf, depth + 1, ln);
        if (rc)
            return rc;
    }
    return 0;
}

/* The code inside [...]: "~GOV" (suffix) or "NGO~" (prefix). */
static int agent_code(gctx *g, const char *s, size_t n, long ln)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    n = dict__trim_len(s, n);
    int pre = n > 1 && s[n - 1] == '~', suf = n > 1 && s[0] == '~';
    const char *body = suf ? s + 1 : s;
    size_t bn = n - (size_t)(pre + suf);
    while (bn && isspace((unsigned char)*body))
        body++, bn--;
    bn = dict__trim_len(body, bn);
    if (pre == suf || bn == 0 || memchr(body, '~', bn)) {
        dict__warn(g->c, ln, "agent code '[%.*s]' needs one '~' before or after it; line skipped", (int)n, s);
        return 1;
    }
    dict_agent *ag = dyad_arena_alloc(g->d->arena, sizeof *ag);
    if (!ag || !(ag->code = dict__intern(g->d, body, bn)))
        return DYAD_ENOMEM;
    ag->is_prefix = pre;
    ag->line = ln;
    g->cur = ag;
    g->d->st.agents++;
    return dict__vec_push(&g->d->agents, ag);
}

static int agent_line(gctx *g, const char *t, long ln)
{
    const char *lb = strchr(t, '[');
    const char *rb = lb ? strchr(lb, ']') : NULL;
    if (!lb) {
        dict__warn(g->c, ln, "agent without a code; line skipped");
        return 0;
    }
    if (!rb) {
        dict__warn(g->c, ln, "unterminated code '%s'; line skipped", lb);
        return 0;
    }
    size_t nn = (size_t)(lb - t);
    const char *br = memchr(t, '{', nn), *bc = br ? memchr(br, '}', nn - (size_t)(br - t)) : NULL;
    if (br && !bc && !memchr(t, '!', nn)) {
        dict__warn(g->c, ln, "unterminated '{'; line skipped");
        return 0;
    }
    int rc = agent_code(g, lb + 1, (size_t)(rb - lb - 1), ln);
    if (rc)
        return rc < 0 ? rc : 0;
    if (memchr(t, '!', nn)) {
        char buf[AGENT_MAX_TEXT];
        if (br)
            nn = (size_t)(br - t); /* no plurals with substitutions */
        if (nn >= sizeof buf) {
            dict__warn(g->c, ln, "agent phrase too long; skipped");
            return 0;
        }
        memcpy(buf, t, nn);
        buf[nn] = '\0';
        return substitute(g, buf, 0, ln);
    }
    if (br)
        return store_text(g, t, (size_t)(br - t), br + 1, (size_t)(bc - br - 1), 0, ln);
    return store_text(g, t, nn, NULL, 0, 1, ln);
}

int dict__load_agents(dict_ctx *c, const char *data, size_t len)
{
    gctx g;
    memset(&g, 0, sizeof g);
    g.c = c;
    g.d = c->d;
    dlines it;
    dict__lines_init(&it, data, len, 0);
    char *line;
    size_t n;
    long ln;
    int rc;
    while ((rc = dict__lines_next(&it, &line, &n, &ln)) == 1) {
        const char *t = dict__skip_ws(line);
        if (*t == '<')
            continue;
        if (strchr(t, '!') && strchr(t, '='))
            rc = define_marker(&g, t, ln);
        else
            rc = agent_line(&g, t, ln);
        if (rc)
            break;
    }
    dict__lines_free(&it);
    dict__map_free(&g.subs);
    return rc < 0 ? rc : 0;
}

int dyad_dict_agent_match(const dyad_dict *d, const char *const *w, int n, const char **code,
                          int *len, int *is_prefix)
{
    dtrie_hit hit;
    const dict_agent *ag = NULL;
    if (d && dict__trie_match(&d->agtrie, 0, w, n, &hit))
        ag = d->agents.v[hit.term];
    if (code)
        *code = ag ? ag->code : NULL;
    if (len)
        *len = ag ? hit.len : 0;
    if (is_prefix)
        *is_prefix = ag ? ag->is_prefix : 0;
    return ag != NULL;
}
