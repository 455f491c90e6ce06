/* fuzz_dict_common.h: shared pieces of the dictionary fuzz targets. */
#ifndef FUZZ_DICT_COMMON_H
#define FUZZ_DICT_COMMON_H
#include "dict/dict.h"

#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline void fuzz_dict_quiet(void *u, dyad_diag_level l, const char *f, long line, const char *m)
{
    (void)u, (void)l, (void)f, (void)line, (void)m;
}

/* Upper-cased words of data (at most 64), for exercising the lookups. */
typedef struct fuzz_words {
    char buf[4096];
    const char *w[64];
    int n;
} fuzz_words;

static inline void fuzz_split(fuzz_words *fw, const uint8_t *data, size_t size)
{
    size_t n = size < sizeof fw->buf - 1 ? size : sizeof fw->buf - 1;
    fw->n = 0;
    for (size_t i = 0; i < n; i++)
        fw->buf[i] = (char)toupper(data[i]);
    fw->buf[n] = '\0';
    for (char *t = strtok(fw->buf, " \t\r\n_[]{}"); t && fw->n < 64; t = strtok(NULL, " \t\r\n_[]{}"))
        fw->w[fw->n++] = t;
}

static inline void fuzz_lookups(const dyad_dict *d, const fuzz_words *fw)
{
    for (int i = 0; i < fw->n; i++) {
        const char *code = NULL;
        int len = 0, flag = 0;
        if (dyad_dict_actor_match(d, fw->w + i, fw->n - i, "20010911", &code, &len))
            assert(code && len >= 1 && len <= fw->n - i);
        if (dyad_dict_agent_match(d, fw->w + i, fw->n - i, &code, &len, &flag))
            assert(code && len >= 1 && len <= fw->n - i);
        if (dyad_dict_discard_match(d, fw->w + i, fw->n - i, &len, &flag))
            assert(len >= 1 && len <= fw->n - i);
        if (dyad_dict_issue_match(d, fw->w + i, fw->n - i, &code, &len))
            assert(code && len >= 1 && len <= fw->n - i);
        for (const dyad_verb_form *v = dyad_dict_verb_lookup(d, fw->w[i]); v; v = v->next)
            assert(v->block && strcmp(v->word, fw->w[i]) == 0);
        for (int s = 0; s < dyad_dict_nsynsets(d); s++)
            if (dyad_dict_synset_match(d, s, fw->w + i, fw->n - i, &len))
                assert(len >= 1 && len <= fw->n - i);
    }
}

static inline void fuzz_check_elems(const dyad_dict *d, const dyad_pat_elem *e, int n)
{
    for (int i = 0; i < n; i++) {
        if (e[i].kind == DYAD_PAT_WORD)
            assert(e[i].word && e[i].word[0]);
        if (e[i].kind == DYAD_PAT_SYNSET)
            assert(dyad_dict_synset(d, e[i].synset) != NULL);
    }
}

/* Walks every verb block, pattern and synset checking invariants. */
static inline void fuzz_check_verbs(const dyad_dict *d)
{
    for (int b = 0; b < dyad_dict_verb_nblocks(d); b++) {
        const dyad_verb_block *blk = dyad_dict_verb_block(d, b);
        assert(blk->name && blk->code && blk->index == b);
        for (int p = 0; p < blk->npatterns; p++) {
            const dyad_pattern *pt = &blk->patterns[p];
            assert(pt->code && pt->text && pt->block == b);
            fuzz_check_elems(d, pt->upper, pt->nupper);
            fuzz_check_elems(d, pt->lower, pt->nlower);
        }
    }
    for (int s = 0; s < dyad_dict_nsynsets(d); s++) {
        const dyad_synset *ss = dyad_dict_synset(d, s);
        for (int k = 0; k < ss->nphrases; k++)
            assert(ss->phrases[k].nwords > 0 && ss->phrases[k].words[0]);
    }
}
#endif
