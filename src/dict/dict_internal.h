/* dict_internal.h: private pieces of the dictionary module (src/dict only).
 *
 * Everything the dictionary keeps lives in its arena (strings, records, arrays)
 * or in a handful of malloc'd tables (string maps, tries, vectors) that
 * dyad_dict_free releases.
 */
#ifndef DYAD_DICT_INTERNAL_H
#define DYAD_DICT_INTERNAL_H

#include <stdint.h>
#include <stddef.h>
#include "dict/dict.h"

#define DICT_MAX_WORDS 64      /* words in one phrase / pattern side */
#define DICT_MAX_WORD 256      /* bytes in one word */
#define DICT_MAX_EXPAND 4096   /* phrases generated from one synset / issue line */
#define DICT_WALK_BUDGET 20000 /* trie steps per lookup (bounds gap matching) */

/* ---- growable pointer array ------------------------------------------ */
typedef struct dvec {
    void **v;
    int n, cap;
} dvec;
int dict__vec_push(dvec *a, void *p); /* 0 or DYAD_ENOMEM */
void dict__vec_free(dvec *a);

/* ---- string -> pointer map (open addressing) -------------------------- */
typedef struct dmap_slot {
    uint32_t hash;
    uint32_t len;
    const char *key; /* not owned; must outlive the map */
    void *val;
} dmap_slot;
typedef struct dmap {
    dmap_slot *slots;
    size_t cap, n;
} dmap;
uint32_t dict__hash(const char *s, size_t n);
/* The slot holding key, or NULL. */
dmap_slot *dict__map_find(const dmap *m, const char *key, size_t n, uint32_t h);
/* Inserts (key must not be present). 0 or DYAD_ENOMEM. */
int dict__map_put(dmap *m, const char *key, size_t n, uint32_t h, void *val);
void dict__map_free(dmap *m);

/* ---- word trie with connectors ---------------------------------------- */
enum { DICT_CONN_ADJ = 0, DICT_CONN_GAP = 1, DICT_CONN_STEM = 2 };

typedef struct dtrie_node {
    int32_t term;     /* payload index, -1 if no phrase ends here */
    uint8_t flags;    /* 1 << conn for each kind of outgoing edge */
    uint8_t minstem, maxstem;
} dtrie_node;
typedef struct dtrie_slot {
    uint32_t hash;
    int32_t parent, child; /* child < 0: empty slot */
    const char *word;
    uint16_t len;
    uint8_t conn;
} dtrie_slot;
typedef struct dtrie {
    dtrie_node *nodes;
    int nnodes, capnodes;
    dtrie_slot *slots;
    size_t cap, used;
} dtrie;

/* A phrase being built: words (interned) and how each attaches to the previous
 * word (conn[0] is ignored). stem_last: the last word is a stem. */
typedef struct dphrase {
    const char *w[DICT_MAX_WORDS];
    unsigned char conn[DICT_MAX_WORDS];
    int n;
    int stem_last;
} dphrase;

typedef struct dtrie_hit {
    int term, len, depth;
} dtrie_hit;

int dict__trie_init(dtrie *t);            /* creates root node 0; 0 or DYAD_ENOMEM */
int dict__trie_new_root(dtrie *t);        /* a new root node id, or DYAD_ENOMEM */
void dict__trie_free(dtrie *t);
/* Inserts p below root; *node = the node where p ends. 0 or DYAD_ENOMEM. */
int dict__trie_insert(dtrie *t, int root, const dphrase *p, int *node);
/* Best match of a phrase below root starting at w[0]: most words consumed, then
 * most phrase words, then lowest payload. 1 found (*hit filled) or 0. */
int dict__trie_match(const dtrie *t, int root, const char *const *w, int n, dtrie_hit *hit);

/* ---- line reader -------------------------------------------------------- */
/* Yields the lines of a text with comments removed: '#' to end of line, <!-- -->
 * (also across lines), lines starting with "<!", and with semicolon set ';' to
 * end of line (TABARI). Blank results are skipped. The line is NUL-terminated,
 * trailing blanks removed, valid until the next call. */
typedef struct dlines {
    const char *p, *end;
    long lineno;
    int in_comment;
    int semicolon;
    char *buf;
    size_t cap;
} dlines;
void dict__lines_init(dlines *it, const char *data, size_t len, int semicolon);
/* 1 = line, 0 = end, DYAD_ENOMEM. */
int dict__lines_next(dlines *it, char **line, size_t *len, long *lineno);
void dict__lines_free(dlines *it);

/* ---- the dictionary ----------------------------------------------------- */
typedef struct dict_agent {
    const char *code;
    int is_prefix;
    long line;
} dict_agent;

typedef struct dict_discard {
    int story;
    long line;
} dict_discard;

typedef struct dict_issue {
    const char *code;     /* or "~" / "~~" */
    const char *category; /* "" if none */
    long line;
} dict_issue;

struct dyad_dict {
    dyad_arena *arena;
    dmap strings;        /* interned strings */
    /* verbs */
    dvec blocks;         /* dyad_verb_block* */
    dmap verbs;          /* word -> dyad_verb_form* (head of chain) */
    dvec synsets;        /* dyad_synset* */
    dmap synset_names;   /* "&NAME" -> (index + 1) */
    dtrie syntrie;       /* one root per synset */
    int *synroot;        /* synset index -> root node */
    dvec transforms;     /* dyad_transform* */
    /* actors and the rest */
    dvec actors;         /* dyad_actor* */
    dtrie actrie;
    dvec agents;         /* dict_agent* */
    dtrie agtrie;
    dvec discards;       /* dict_discard* */
    dtrie distrie;
    dvec issues;         /* dict_issue* */
    dtrie istrie;
    dvec nouns;          /* dyad_event_noun* (dict_nouns.c) */
    dyad_dict_stats st;
    size_t table_bytes;
    const struct dict_hooks *hooks; /* NULL except while `dyad dict check` loads */
};

/* Per-file load context. */
typedef struct dict_ctx {
    dyad_dict *d;
    dyad_diag *diag;
    const char *file;
} dict_ctx;

/* ---- hooks for the dictionary checker (check.c) ------------------------ */
/* The loaders keep the first (agents, discards) or last (actors) of two equal
 * phrases and say nothing; the checker wants to know. Each loader calls
 * dict__hook_phrase for every phrase it stores. */
enum { DICT_HOOK_ACTOR = 1, DICT_HOOK_AGENT, DICT_HOOK_DISCARD };
typedef struct dict_hooks {
    void *user;
    /* A phrase of kind stored at trie node `node` for record `cur` (actor id,
     * agent index, discard index) from line; prev = the record the node held
     * before (-1: none). */
    void (*phrase)(void *user, const struct dict_ctx *c, int kind, const dphrase *p, int node,
                   int prev, int cur, long line);
} dict_hooks;

/* Loads like dyad_dict_load_mem, calling hooks (may be NULL) during the load. */
int dict__load_mem_hooked(dyad_dict **out, const dyad_dict_mem *m, dyad_diag *diag,
                          const dict_hooks *hooks);

/* Reports "file:line: reason" and counts it. */
void dict__warn(dict_ctx *c, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static inline void dict__hook_phrase(const dict_ctx *c, int kind, const dphrase *p, int node,
                                     int prev, int cur, long line)
{
    if (c->d->hooks && c->d->hooks->phrase)
        c->d->hooks->phrase(c->d->hooks->user, c, kind, p, node, prev, cur, line);
}

const char *dict__intern(dyad_dict *d, const char *s, size_t n); /* NULL on ENOMEM */
/* Interned upper-case copy. */
const char *dict__intern_upper(dyad_dict *d, const char *s, size_t n);

/* Splits s[0..n) into phrase words: blanks separate (DICT_CONN_GAP, or ADJ
 * when all_adj), '_' joins (ADJ); words are upper-cased and Penn-split.
 * Appends to p. 0, DYAD_ELIMIT (too many words / word too long) or DYAD_ENOMEM. */
int dict__phrase_add(dyad_dict *d, dphrase *p, const char *s, size_t n, int all_adj);
/* Appends one word (Penn-split) to p with the given connector. */
int dict__phrase_word(dyad_dict *d, dphrase *p, const char *s, size_t n, int conn);

/* Inflections of an upper-case word, written to out (size cap). 0 or DYAD_ELIMIT. */
int dict__plural(const char *w, char *out, size_t cap);
/* The three regular verb forms (-S, -ED, -ING) of an upper-case root. */
int dict__verb_regular(const char *w, char out[3][DICT_MAX_WORD]);

/* YYYYMMDD from a 6 (YYMMDD) or 8 digit date. 0 or DYAD_EPARSE. */
int dict__parse_date(const char *s, size_t n, long *ymd);
/* "YYYYMMDD" / "YYYY-MM-DD" / NULL -> YYYYMMDD or -1. */
long dict__query_date(const char *s);

/* Code parsing: "[a]" or "[a:b]" content. Checks characters. 0 or DYAD_EPARSE. */
int dict__split_code(dyad_dict *d, const char *s, size_t n, const char **code, const char **code2);

/* Whitespace helpers. */
const char *dict__skip_ws(const char *s);
size_t dict__trim_len(const char *s, size_t n);

/* Per-kind loaders (one file each). Return 0 or a negative dyad_err (ENOMEM). */
int dict__load_verbs(dict_ctx *c, const char *data, size_t len);
int dict__load_actors(dict_ctx *c, const char *data, size_t len);
int dict__load_agents(dict_ctx *c, const char *data, size_t len);
int dict__load_discards(dict_ctx *c, const char *data, size_t len);
int dict__load_issues(dict_ctx *c, const char *data, size_t len);
int dict__load_nouns(dict_ctx *c, const char *data, size_t len);

#endif
