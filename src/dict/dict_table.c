/* dict_table.c: the containers behind the dictionary: a pointer vector, a
 * string map (open addressing, FNV-1a) and a word trie whose edges are
 * (parent, connector, word) keys in one hash table.
 *
 * The trie supports three kinds of edges: ADJ (the next sentence word), GAP
 * (any later word: PETRARCH-1 blank connector) and STEM (a prefix of the next
 * word: discards). Matching is a bounded depth-first walk. */
#include "dict_internal.h"

#include <stdlib.h>
#include <string.h>

int dict__vec_push(dvec *a, void *p)
{
    if (a->n == a->cap) {
        int ncap = a->cap ? a->cap * 2 : 16;
        void **nv = realloc(a->v, (size_t)ncap * sizeof *nv);
        if (!nv)
            return DYAD_ENOMEM;
        a->v = nv;
        a->cap = ncap;
    }
    a->v[a->n++] = p;
    return 0;
}

void dict__vec_free(dvec *a)
{
    free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

uint32_t dict__hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* ---- string map ------------------------------------------------------- */

dmap_slot *dict__map_find(const dmap *m, const char *key, size_t n, uint32_t h)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        dmap_slot *s = &m->slots[i];
        if (!s->key)
            return NULL;
        if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0)
            return s;
    }
}

static void map_place(dmap_slot *slots, size_t cap, const dmap_slot *src)
{
    size_t mask = cap - 1;
    size_t i = src->hash & mask;
    while (slots[i].key)
        i = (i + 1) & mask;
    slots[i] = *src;
}

static int map_grow(dmap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 256;
    dmap_slot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return DYAD_ENOMEM;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            map_place(ns, ncap, &m->slots[i]);
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
    return 0;
}

int dict__map_put(dmap *m, const char *key, size_t n, uint32_t h, void *val)
{
    if ((m->n + 1) * 4 > m->cap * 3 && map_grow(m) != 0)
        return DYAD_ENOMEM;
    dmap_slot s = {h, (uint32_t)n, key, val};
    map_place(m->slots, m->cap, &s);
    m->n++;
    return 0;
}

void dict__map_free(dmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

/* ---- trie --------------------------------------------------------------- */

static uint32_t edge_hash(uint32_t wh, int parent, int conn)
{
    uint32_t h = wh ^ ((uint32_t)parent * 0x9E3779B1u) ^ ((uint32_t)conn * 0x85EBCA6Bu);
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    return h;
}

int dict__trie_new_root(dtrie *t)
{
    if (t->nnodes == t->capnodes) {
        int ncap = t->capnodes ? t->capnodes * 2 : 1024;
        dtrie_node *nn = realloc(t->nodes, (size_t)ncap * sizeof *nn);
        if (!nn)
            return DYAD_ENOMEM;
        t->nodes = nn;
        t->capnodes = ncap;
    }
    dtrie_node *nd = &t->nodes[t->nnodes];
    nd->term = -1;
    nd->flags = 0;
    nd->minstem = 255;
    nd->maxstem = 0;
    return t->nnodes++;
}

int dict__trie_init(dtrie *t)
{
    memset(t, 0, sizeof *t);
    return dict__trie_new_root(t) < 0 ? DYAD_ENOMEM : 0;
}

void dict__trie_free(dtrie *t)
{
    free(t->nodes);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static int trie_find(const dtrie *t, int parent, int conn, const char *w, size_t len, uint32_t wh)
{
    if (!t->cap)
        return -1;
    uint32_t h = edge_hash(wh, parent, conn);
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const dtrie_slot *s = &t->slots[i];
        if (s->child < 0)
            return -1;
        if (s->hash == h && s->parent == parent && s->conn == conn && s->len == len &&
            memcmp(s->word, w, len) == 0)
            return s->child;
    }
}

static void slot_place(dtrie_slot *slots, size_t cap, const dtrie_slot *src)
{
    size_t mask = cap - 1;
    size_t i = src->hash & mask;
    while (slots[i].child >= 0)
        i = (i + 1) & mask;
    slots[i] = *src;
}

static int trie_grow(dtrie *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 1024;
    dtrie_slot *ns = malloc(ncap * sizeof *ns);
    if (!ns)
        return DYAD_ENOMEM;
    for (size_t i = 0; i < ncap; i++)
        ns[i].child = -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].child >= 0)
            slot_place(ns, ncap, &t->slots[i]);
    free(t->slots);
    t->slots = ns;
    t->cap = ncap;
    return 0;
}

/* The child of parent along (conn, word), created if absent. */
static int trie_child(dtrie *t, int parent, int conn, const char *w)
{
    size_t len = strlen(w);
    uint32_t wh = dict__hash(w, len);
    int c = trie_find(t, parent, conn, w, len, wh);
    if (c >= 0)
        return c;
    if ((t->used + 1) * 4 > t->cap * 3 && trie_grow(t) != 0)
        return DYAD_ENOMEM;
    c = dict__trie_new_root(t);
    if (c < 0)
        return c;
    dtrie_slot s = {edge_hash(wh, parent, conn), parent, c, w, (uint16_t)len, (uint8_t)conn};
    slot_place(t->slots, t->cap, &s);
    t->used++;
    dtrie_node *pn = &t->nodes[parent];
    pn->flags |= (uint8_t)(1u << conn);
    if (conn == DICT_CONN_STEM) {
        if (len < pn->minstem)
            pn->minstem = (uint8_t)len;
        if (len > pn->maxstem)
            pn->maxstem = (uint8_t)len;
    }
    return c;
}

int dict__trie_insert(dtrie *t, int root, const dphrase *p, int *node)
{
    int cur = root;
    for (int i = 0; i < p->n; i++) {
        int conn = i == 0 ? DICT_CONN_ADJ : p->conn[i];
        if (i == p->n - 1 && p->stem_last)
            conn = DICT_CONN_STEM;
        cur = trie_child(t, cur, conn, p->w[i]);
        if (cur < 0)
            return DYAD_ENOMEM;
    }
    *node = cur;
    return 0;
}

/* ---- matching ------------------------------------------------------------ */

typedef struct walk {
    const dtrie *t;
    const char *const *w;
    int n;
    int budget;
    dtrie_hit best;
    int found;
    uint32_t hc[64];
    uint32_t lc[64];
    uint64_t have;
} walk;

static const char *word_at(const walk *k, int j)
{
    return k->w[j] ? k->w[j] : "";
}

static void word_key(walk *k, int j, uint32_t *h, uint32_t *len)
{
    if (j < 64 && (k->have >> j & 1)) {
        *h = k->hc[j];
        *len = k->lc[j];
        return;
    }
    size_t l = strlen(word_at(k, j));
    *len = (uint32_t)l;
    *h = dict__hash(word_at(k, j), l);
    if (j < 64) {
        k->hc[j] = *h;
        k->lc[j] = *len;
        k->have |= (uint64_t)1 << j;
    }
}

static void consider(walk *k, int node, int len, int depth)
{
    int term = k->t->nodes[node].term;
    if (term < 0)
        return;
    dtrie_hit *b = &k->best;
    if (!k->found || len > b->len || (len == b->len && depth > b->depth) ||
        (len == b->len && depth == b->depth && term < b->term)) {
        b->term = term;
        b->len = len;
        b->depth = depth;
        k->found = 1;
    }
}

static void walk_from(walk *k, int node, int j, int depth);

/* STEM edges: try every prefix length of w[j] the node has stems for. */
static void walk_stems(walk *k, const dtrie_node *nd, int node, int j, int depth)
{
    const char *s = word_at(k, j);
    uint32_t h = 2166136261u;
    for (size_t l = 1; s[l - 1] && l <= nd->maxstem; l++) {
        h ^= (unsigned char)s[l - 1];
        h *= 16777619u;
        if (l < nd->minstem)
            continue;
        int c = trie_find(k->t, node, DICT_CONN_STEM, s, l, h);
        if (c >= 0)
            walk_from(k, c, j + 1, depth + 1);
    }
}

static void walk_from(walk *k, int node, int j, int depth)
{
    if (--k->budget < 0)
        return;
    consider(k, node, j, depth);
    const dtrie_node *nd = &k->t->nodes[node];
    if (j >= k->n || !(nd->flags))
        return;
    uint32_t h, len;
    if (nd->flags & (1u << DICT_CONN_ADJ)) {
        word_key(k, j, &h, &len);
        int c = trie_find(k->t, node, DICT_CONN_ADJ, word_at(k, j), len, h);
        if (c >= 0)
            walk_from(k, c, j + 1, depth + 1);
    }
    if (nd->flags & (1u << DICT_CONN_STEM))
        walk_stems(k, nd, node, j, depth);
    if (nd->flags & (1u << DICT_CONN_GAP)) {
        for (int m = j; m < k->n && k->budget > 0; m++) {
            word_key(k, m, &h, &len);
            int c = trie_find(k->t, node, DICT_CONN_GAP, word_at(k, m), len, h);
            if (c >= 0)
                walk_from(k, c, m + 1, depth + 1);
        }
    }
}

int dict__trie_match(const dtrie *t, int root, const char *const *w, int n, dtrie_hit *hit)
{
    if (!t->nodes || root < 0 || root >= t->nnodes || n <= 0 || !w)
        return 0;
    walk k;
    k.t = t;
    k.w = w;
    k.n = n;
    k.budget = DICT_WALK_BUDGET;
    k.found = 0;
    k.have = 0;
    /* the root only has ADJ edges: the phrase starts at w[0] */
    walk_from(&k, root, 0, 0);
    if (!k.found || k.best.len == 0)
        return 0;
    *hit = k.best;
    return 1;
}
