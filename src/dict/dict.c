/* dict.c: loading a set of dictionaries, freeing, statistics, and the verb and
 * synset accessors. The per-format readers live in dict_verbs.c,
 * dict_actors.c, dict_agents.c and dict_lists.c. */
#include "dict_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static dyad_dict *dict_new(void)
{
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->arena = dyad_arena_new();
    if (!d->arena || dict__trie_init(&d->syntrie) || dict__trie_init(&d->actrie) ||
        dict__trie_init(&d->agtrie) || dict__trie_init(&d->distrie) || dict__trie_init(&d->istrie)) {
        dyad_dict_free(d);
        return NULL;
    }
    return d;
}

void dyad_dict_free(dyad_dict *d)
{
    if (!d)
        return;
    dict__map_free(&d->strings);
    dict__map_free(&d->verbs);
    dict__map_free(&d->synset_names);
    dvec *vecs[] = {&d->blocks, &d->synsets, &d->transforms, &d->actors,
                    &d->agents, &d->discards, &d->issues, &d->nouns};
    for (size_t i = 0; i < sizeof vecs / sizeof *vecs; i++)
        dict__vec_free(vecs[i]);
    dtrie *tries[] = {&d->syntrie, &d->actrie, &d->agtrie, &d->distrie, &d->istrie};
    for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
        dict__trie_free(tries[i]);
    free(d->synroot);
    dyad_arena_free(d->arena);
    free(d);
}

typedef int (*loader_fn)(dict_ctx *c, const char *data, size_t len);

static int load_text(dyad_dict *d, dyad_diag *diag, const dyad_dict_text *t, const char *dflt,
                     loader_fn fn)
{
    if (!t->data)
        return 0;
    dict_ctx c = {d, diag, dict__intern(d, t->name ? t->name : dflt, strlen(t->name ? t->name : dflt))};
    if (!c.file)
        return DYAD_ENOMEM;
    int rc = fn(&c, t->data, t->len);
    if (rc == DYAD_ENOMEM)
        dyad_set_error(rc, "%s: out of memory", c.file);
    return rc;
}

static size_t table_bytes(const dyad_dict *d)
{
    size_t b = (d->strings.cap + d->verbs.cap + d->synset_names.cap) * sizeof(dmap_slot);
    const dtrie *tries[] = {&d->syntrie, &d->actrie, &d->agtrie, &d->distrie, &d->istrie};
    for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
        b += tries[i]->cap * sizeof(dtrie_slot) + (size_t)tries[i]->capnodes * sizeof(dtrie_node);
    const dvec *vecs[] = {&d->blocks, &d->synsets, &d->transforms, &d->actors,
                          &d->agents, &d->discards, &d->issues};
    for (size_t i = 0; i < sizeof vecs / sizeof *vecs; i++)
        b += (size_t)vecs[i]->cap * sizeof(void *);
    return b + sizeof *d;
}

static int load_all(dyad_dict *d, const dyad_dict_mem *m, dyad_diag *diag)
{
    int rc = load_text(d, diag, &m->verbs, "<verbs>", dict__load_verbs);
    for (int i = 0; rc == 0 && i < m->nactors; i++)
        rc = load_text(d, diag, &m->actors[i], "<actors>", dict__load_actors);
    if (rc == 0)
        rc = load_text(d, diag, &m->agents, "<agents>", dict__load_agents);
    if (rc == 0)
        rc = load_text(d, diag, &m->discards, "<discards>", dict__load_discards);
    if (rc == 0)
        rc = load_text(d, diag, &m->issues, "<issues>", dict__load_issues);
    if (rc == 0)
        rc = load_text(d, diag, &m->nouns, "<nouns>", dict__load_nouns);
    return rc;
}

int dyad_dict_load_mem(dyad_dict **out, const dyad_dict_mem *m, dyad_diag *diag)
{
    return dict__load_mem_hooked(out, m, diag, NULL);
}

int dict__load_mem_hooked(dyad_dict **out, const dyad_dict_mem *m, dyad_diag *diag,
                          const dict_hooks *hooks)
{
    double t0 = now();
    if (!out || !m || m->nactors < 0 || (m->nactors > 0 && !m->actors))
        return dyad_set_error(DYAD_EINVAL, "dyad_dict_load_mem: bad arguments");
    *out = NULL;
    dyad_dict *d = dict_new();
    if (!d)
        return dyad_set_error(DYAD_ENOMEM, "dictionary: out of memory");
    d->hooks = hooks;
    int rc = load_all(d, m, diag);
    d->hooks = NULL;
    if (rc) {
        dyad_dict_free(d);
        return rc;
    }
    d->st.bytes = dyad_arena_used(d->arena) + table_bytes(d);
    d->st.seconds = now() - t0;
    *out = d;
    return 0;
}

/* ---- loading from files ----------------------------------------------------- */

typedef struct file_set {
    dyad_dict_mem m;
    dyad_dict_text *actors;
    char *bufs[64];
    int nbufs;
} file_set;

static int read_one(file_set *fs, const char *path, dyad_dict_text *t)
{
    char *data = NULL;
    size_t len = 0;
    if (!path)
        return 0;
    if (fs->nbufs >= (int)(sizeof fs->bufs / sizeof *fs->bufs))
        return dyad_set_error(DYAD_ELIMIT, "too many dictionary files");
    int rc = dyad_read_file(path, &data, &len);
    if (rc)
        return rc;
    fs->bufs[fs->nbufs++] = data;
    t->name = path;
    t->data = data;
    t->len = len;
    return 0;
}

static int read_files(file_set *fs, const dyad_dict_files *f)
{
    int na = f->nactors > 0 && f->actors ? f->nactors : 0;
    fs->actors = calloc((size_t)(na ? na : 1), sizeof *fs->actors);
    if (!fs->actors)
        return dyad_set_error(DYAD_ENOMEM, "dictionary: out of memory");
    fs->m.actors = fs->actors;
    fs->m.nactors = na;
    int rc = read_one(fs, f->verbs, &fs->m.verbs);
    for (int i = 0; rc == 0 && i < na; i++)
        rc = f->actors[i] ? read_one(fs, f->actors[i], &fs->actors[i])
                          : dyad_set_error(DYAD_EINVAL, "actor file %d is NULL", i);
    if (rc == 0)
        rc = read_one(fs, f->agents, &fs->m.agents);
    if (rc == 0)
        rc = read_one(fs, f->discards, &fs->m.discards);
    if (rc == 0)
        rc = read_one(fs, f->issues, &fs->m.issues);
    if (rc == 0)
        rc = read_one(fs, f->nouns, &fs->m.nouns);
    return rc;
}

int dyad_dict_load(dyad_dict **out, const dyad_dict_files *f, dyad_diag *diag)
{
    double t0 = now();
    if (!out || !f)
        return dyad_set_error(DYAD_EINVAL, "dyad_dict_load: bad arguments");
    *out = NULL;
    file_set fs;
    memset(&fs, 0, sizeof fs);
    int rc = read_files(&fs, f);
    if (rc == 0)
        rc = dyad_dict_load_mem(out, &fs.m, diag);
    for (int i = 0; i < fs.nbufs; i++)
        free(fs.bufs[i]);
    free(fs.actors);
    if (rc == 0)
        (*out)->st.seconds = now() - t0;
    return rc;
}

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st)
{
    if (!st)
        return;
    if (!d) {
        memset(st, 0, sizeof *st);
        return;
    }
    *st = d->st;
}

/* ---- verb and synset accessors ------------------------------------------------- */

const dyad_verb_form *dyad_dict_verb_lookup(const dyad_dict *d, const char *word)
{
    if (!d || !word)
        return NULL;
    size_t n = strlen(word);
    dmap_slot *sl = dict__map_find(&d->verbs, word, n, dict__hash(word, n));
    return sl ? sl->val : NULL;
}

int dyad_dict_verb_nblocks(const dyad_dict *d)
{
    return d ? d->blocks.n : 0;
}

const dyad_verb_block *dyad_dict_verb_block(const dyad_dict *d, int i)
{
    return d && i >= 0 && i < d->blocks.n ? d->blocks.v[i] : NULL;
}

int dyad_dict_nsynsets(const dyad_dict *d)
{
    return d ? d->synsets.n : 0;
}

const dyad_synset *dyad_dict_synset(const dyad_dict *d, int idx)
{
    return d && idx >= 0 && idx < d->synsets.n ? d->synsets.v[idx] : NULL;
}

int dyad_dict_synset_find(const dyad_dict *d, const char *name)
{
    if (!d || !name)
        return -1;
    size_t n = strlen(name);
    dmap_slot *sl = dict__map_find(&d->synset_names, name, n, dict__hash(name, n));
    return sl ? (int)(intptr_t)sl->val - 1 : -1;
}

int dyad_dict_synset_match(const dyad_dict *d, int idx, const char *const *w, int n, int *len)
{
    dtrie_hit hit;
    int ok = d && d->synroot && idx >= 0 && idx < d->synsets.n &&
             dict__trie_match(&d->syntrie, d->synroot[idx], w, n, &hit);
    if (len)
        *len = ok ? hit.len : 0;
    return ok;
}

int dyad_dict_ntransforms(const dyad_dict *d)
{
    return d ? d->transforms.n : 0;
}

const dyad_transform *dyad_dict_transform(const dyad_dict *d, int i)
{
    return d && i >= 0 && i < d->transforms.n ? d->transforms.v[i] : NULL;
}
