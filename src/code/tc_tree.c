/* tc_tree.c: the sentence tree of the tree coder (see tc_internal.h).
 *
 * Copies a parse into the coder's nodes (with its repairs: existentials,
 * nouns taken for verbs), the lists of codes and events the meanings are made
 * of, heads of phrases and the words and prepositional phrases of a noun phrase.
 */
#include "code/tc_internal.h"

#include <string.h>

/* ---- sentence tree -------------------------------------------------------- */

static int kind_of(const char *label)
{
    if (!strcmp(label, "NP"))
        return K_NP;
    if (!strcmp(label, "VP"))
        return K_VP;
    if (!strcmp(label, "PP"))
        return K_PP;
    return K_OTHER;
}

static char *upcase(dyad_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *u = dyad_arena_alloc(a, n + 1);
    if (!u)
        return NULL;
    for (size_t i = 0; i < n; i++)
        u[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    return u;
}

/* Copies t (below ROOT) into c->n. Returns the root index or -1. */
int dyad_tc__build_nodes(tctx *c, const dyad_tree *t)
{
    c->n = dyad_arena_alloc(c->a, (size_t)t->nnodes * sizeof *c->n);
    c->orig = dyad_arena_alloc(c->a, (size_t)t->nnodes * sizeof *c->orig);
    if (!c->n || !c->orig)
        return -1;
    c->nn = t->nnodes;
    for (int i = 0; i < t->nnodes; i++) {
        const dyad_tnode *s = &t->nodes[i];
        pnode *p = &c->n[i];
        p->label = s->label && s->label[0] ? s->label : "X";
        if (!strcmp(p->label, "MD"))
            p->label = "VB";
        p->text = s->word ? upcase(c->a, s->word) : "";
        c->orig[i] = s->word;
        p->tok = s->tok;
        p->parent = s->parent;
        p->kind = s->word ? K_OTHER : kind_of(p->label);
        p->head_phrase = p->S = p->gap = p->isubj_np = -1;
        p->nk = s->nchildren;
        p->kids = dyad_arena_alloc(c->a, (size_t)(p->nk + 1) * sizeof *p->kids);
        if (!p->text || !p->kids)
            return -1;
        int k = 0;
        for (int ch = s->first_child; ch >= 0 && k < p->nk; ch = t->nodes[ch].next_sibling) {
            p->kids[k] = ch;
            c->n[ch].index = k;
            k++;
        }
        p->nk = k;
    }
    int root = t->root;
    if ((!strcmp(c->n[root].label, "ROOT") || !strcmp(c->n[root].label, "X")) &&
        c->n[root].nk == 1)
        root = c->n[root].kids[0];
    c->n[root].parent = -1;
    return root;
}

/* "There were 10 soldiers killed": make "10 soldiers" the subject. */
void dyad_tc__convert_existentials(tctx *c)
{
    for (int i = 0; i < c->nn; i++) {
        if (strcmp(c->n[i].label, "EX") || !c->n[i].text[0])
            continue;
        int np = c->n[i].parent;
        int s = np >= 0 ? c->n[np].parent : -1;
        if (s < 0 || c->n[s].nk < 2)
            continue;
        int sister = c->n[s].kids[1];
        if (c->n[sister].nk < 2)
            continue;
        int niece = c->n[sister].kids[1];
        if (c->n[niece].nk < 2)
            continue;
        int subject = c->n[niece].kids[0], pred = c->n[niece].kids[1];
        c->n[s].kids[0] = subject;
        c->n[subject].parent = s;
        c->n[subject].index = 0;
        c->n[sister].kids[1] = pred;
        c->n[pred].parent = sister;
        c->n[pred].index = 1;
        c->n[np].parent = -1;
    }
}

/* "(NP U.S.) (VP (VBZ forces) (NP (VBN battled) (NNS insurgents)))": the
 * parser took the noun "forces" for the verb and the verb for a modifier of
 * the object. When the would-be verb is an agent noun and the object starts
 * with a past tense, move the noun into the subject and make the past tense
 * the verb. */
void dyad_tc__repair_noun_verbs(tctx *c)
{
    for (int i = 0; i < c->nn; i++) {
        pnode *v = &c->n[i];
        if ((strcmp(v->label, "VBZ") && strcmp(v->label, "VBP")) || !v->text[0] || v->parent < 0)
            continue;
        int vp = v->parent, s = c->n[vp].parent;
        if (c->n[vp].kind != K_VP || c->n[vp].nk < 2 || c->n[vp].kids[0] != i || s < 0 ||
            c->n[vp].index < 1)
            continue;
        int subj = c->n[s].kids[c->n[vp].index - 1];
        int obj = c->n[vp].kids[1];
        if (c->n[subj].kind != K_NP || c->n[obj].kind != K_NP)
            continue;
        int j = obj, depth = 0;
        while (c->n[j].kind == K_NP && c->n[j].nk && depth++ < 8)
            j = c->n[j].kids[0];
        int pj = c->n[j].parent;
        if ((strcmp(c->n[j].label, "VBD") && strcmp(c->n[j].label, "VBN")) || c->n[pj].nk < 2)
            continue;
        const char *w[1] = {v->text}, *code = NULL;
        int len = 0, prefix = 0;
        if (!dyad_dict_agent_match(c->d, w, 1, &code, &len, &prefix) || len != 1)
            continue;
        int *kids = dyad_arena_alloc(c->a, (size_t)(c->n[subj].nk + 2) * sizeof *kids);
        if (!kids) {
            c->err = DYAD_ENOMEM;
            return;
        }
        memcpy(kids, c->n[subj].kids, (size_t)c->n[subj].nk * sizeof *kids);
        kids[c->n[subj].nk] = i;
        v->parent = subj;
        v->index = c->n[subj].nk;
        v->label = "NNS";
        c->n[subj].kids = kids;
        c->n[subj].nk++;
        for (int k = 1; k < c->n[pj].nk; k++) {
            c->n[pj].kids[k - 1] = c->n[pj].kids[k];
            c->n[c->n[pj].kids[k - 1]].index = k - 1;
        }
        c->n[pj].nk--;
        c->n[vp].kids[0] = j;
        c->n[j].parent = vp;
        c->n[j].index = 0;
        c->n[j].label = "VBD";
    }
}

/* ---- lists ---------------------------------------------------------------- */

/* Lists are values (copied freely, memoised in the nodes) over arena buffers.
 * A buffer starts with a header holding its capacity and how many slots are in
 * use; a list whose length equals the slots in use owns the end of the buffer
 * and appends in place, any other view of it (a copy that is shorter, or was
 * truncated) appends to a fresh copy. Appending is amortised O(1); copying the
 * whole list on every append made long lists quadratic in time and memory. */
typedef struct lhdr {
    int used, cap;
} lhdr;
#define LHDR 16 /* header size, keeping the slots 16-aligned */

static void *list_slot(tctx *c, void *v, int n, size_t elem)
{
    lhdr *h = v ? (lhdr *)((char *)v - LHDR) : NULL;
    if (h && n > 0 && h->used == n && n < h->cap) {
        h->used++;
        return v;
    }
    int cap = n < 4 ? 4 : n * 2;
    char *b = dyad_arena_alloc(c->a, LHDR + (size_t)cap * elem);
    if (!b) {
        c->err = DYAD_ENOMEM;
        return NULL;
    }
    h = (lhdr *)b;
    h->used = n + 1;
    h->cap = cap;
    if (n)
        memcpy(b + LHDR, v, (size_t)n * elem);
    return b + LHDR;
}

void dyad_tc__cl_add(tctx *c, clist *l, const char *s)
{
    const char **v = list_slot(c, (void *)l->v, l->n, sizeof *v);
    if (!v)
        return;
    v[l->n++] = s;
    l->v = v;
}

void dyad_tc__cl_cat(tctx *c, clist *l, clist m)
{
    for (int i = 0; i < m.n; i++)
        dyad_tc__cl_add(c, l, m.v[i]);
}

void dyad_tc__el_add(tctx *c, evl *l, const ev *e)
{
    const ev **v = list_slot(c, (void *)l->v, l->n, sizeof *v);
    if (!v)
        return;
    v[l->n++] = e;
    l->v = v;
}

ev *dyad_tc__ev_new(tctx *c)
{
    ev *e = dyad_arena_alloc(c->a, sizeof *e);
    if (!e)
        c->err = DYAD_ENOMEM;
    return e;
}

/* PETRARCH-2 treats '', [], [""], ["~"], ["~~"] as "no actor". */
int dyad_tc__cl_blank(clist l)
{
    if (l.n == 0)
        return 1;
    if (l.n == 1 && (!l.v[0][0] || !strcmp(l.v[0], "~") || !strcmp(l.v[0], "~~")))
        return 1;
    return 0;
}

void dyad_tc__split_codes(clist codes, clist *actors, clist *agents, tctx *c)
{
    for (int i = 0; i < codes.n; i++) {
        if (!codes.v[i] || !codes.v[i][0])
            continue;
        dyad_tc__cl_add(c, codes.v[i][0] == '~' ? agents : actors, codes.v[i]);
    }
}

/* Does an actor code already name a role ("LBNUAF", "IGOMEAARL") rather than
 * a country or region ("IRN", "PSEGZA")? */
static int has_role(const char *code)
{
    static const char *const roles[] = {"GOV", "MIL", "REB", "UAF", "OPP", "COP", "SPY", "JUD",
                                        "LEG", "BUS", "MED", "CVL", "REF", "NGO", "IGO", "PTY",
                                        "ELI", "LAB", "EDU", "HLH", "REL", "AGR", "CRM", "INS",
                                        "RAD", "SEP", "MOD", "ARL", "UNO"};
    size_t n = strlen(code);
    if (n < 6)
        return 0;
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3))
        return 1;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (!strcmp(code + n - 3, roles[i]))
            return 1;
    return 0;
}

/* Words for members of a group ("leaders", "officials", "spokesman"): their
 * agent code adds nothing to a group with a role of its own (mix_codes). */
int dyad_tc__is_member_word(const char *w)
{
    static const char *const m[] = {"LEADER", "LEADERS", "OFFICIAL", "OFFICIALS", "CHIEF",
                                    "CHIEFS", "HEAD", "HEADS", "SPOKESMAN", "SPOKESWOMAN",
                                    "SPOKESPERSON", "SPOKESMEN", "MEMBER", "MEMBERS",
                                    "REPRESENTATIVE", "REPRESENTATIVES", "LEADERSHIP"};
    for (size_t i = 0; i < sizeof m / sizeof *m; i++)
        if (!strcmp(w, m[i]))
            return 1;
    return 0;
}

/* Actor codes combined with agent codes: ["IRN"] + ["~GOV"] -> ["IRNGOV"];
 * "~+GOV" is a member word's agent (is_member_word). */
clist dyad_tc__mix_codes(tctx *c, clist agents, clist actors)
{
    clist cur = {0};
    if (actors.n)
        dyad_tc__cl_cat(c, &cur, actors);
    else
        dyad_tc__cl_add(c, &cur, "~");
    int had = cur.n;
    const char **roled = had ? dyad_arena_alloc(c->a, (size_t)had * sizeof *roled) : NULL;
    for (int k = 0; k < had && roled; k++)
        roled[k] = has_role(cur.v[k]) ? cur.v[k] : NULL;
    for (int i = 0; i < agents.n; i++) {
        if (!strcmp(agents.v[i], "~PPL") && agents.n > 1)
            continue;
        const char *ag = agents.v[i] + 1;
        int member = ag[0] == '+';
        ag += member;
        for (int k = 0; k < cur.n; k++)
            if (member && roled && roled[k]) {
                /* "Arab League leaders", "the leader of Hezbollah": a member of
                 * a group with a role of its own is coded as the group */
            } else if (!strstr(cur.v[k], ag)) {
                const char *m = dyad_arena_printf(c->a, "%s%s", cur.v[k], ag);
                cur.v[k] = m ? m : cur.v[k];
            }
    }
    clist out = {0};
    for (int k = 0; k < cur.n; k++)
        if (cur.v[k][0] && strcmp(cur.v[k], "~") && strcmp(cur.v[k], "~~"))
            dyad_tc__cl_add(c, &out, cur.v[k]);
    return out;
}

int dyad_tc__has_actor(clist l)
{
    for (int i = 0; i < l.n; i++)
        if (l.v[i][0] && l.v[i][0] != '~')
            return 1;
    return 0;
}

/* ---- heads and text --------------------------------------------------------- */

/* PETRARCH-2's get_head: the rightmost word-level child of the same type. */
head dyad_tc__get_head(tctx *c, int x)
{
    head none = {NULL, -1};
    if (x < 0)
        return none;
    pnode *p = &c->n[x];
    if (p->m_head)
        return (head){p->head, p->head_phrase};
    p->m_head = 1;
    const char *l = p->label;
    if (!strcmp(l, "S")) {
        for (int k = 0; k < p->nk; k++)
            if (!strcmp(c->n[p->kids[k]].label, "VP")) {
                head h = dyad_tc__get_head(c, p->kids[k]);
                p->head = h.text;
                p->head_phrase = h.phrase;
                return h;
            }
        return none;
    }
    if (!strcmp(l, "ADVP")) {
        p->head = p->nk ? c->n[p->kids[0]].text : NULL;
        p->head_phrase = x;
        return (head){p->head, x};
    }
    if (strlen(l) < 2)
        return none;
    if (l[1] != 'P') {
        p->head = p->text;
        return (head){p->text, p->parent}; /* head_phrase stays unset */
    }
    head best = none;
    int found = 0;
    for (int pass = 0; pass < 2 && !found; pass++)
        for (int k = 0; k < p->nk; k++) {
            const char *cl = c->n[p->kids[k]].label;
            if (cl[0] != l[0] || (pass == 0 && cl[1] == 'P'))
                continue;
            best = dyad_tc__get_head(c, p->kids[k]);
            found = 1;
        }
    if (!found)
        return none;
    p->head = best.text;
    p->head_phrase = best.phrase;
    return best;
}

int dyad_tc__is_jnd(const char *l)
{
    return !strncmp(l, "JJ", 2) || !strncmp(l, "NN", 2) || !strncmp(l, "DT", 2);
}

/* "according to X" (also when the parser cut "according" off its "to"
 * phrase) says where a report comes from: X is never the target. */
int dyad_tc__attribution_pp(tctx *c, int pp)
{
    if (!c->n[pp].nk)
        return 0;
    int k0 = c->n[pp].kids[0];
    if (!strcmp(c->n[k0].text, "ACCORDING"))
        return 1;
    int t = c->n[k0].tok;
    for (int i = 0; t > 0 && i < c->nn; i++) /* the word before the preposition */
        if (c->n[i].tok == t - 1)
            return !strcmp(c->n[i].text, "ACCORDING");
    return 0;
}

/* Prepositions of place: "in the West Bank", "near Tokyo". */
int dyad_tc__is_place_prep(const char *w)
{
    static const char *const place[] = {"IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "ACROSS",
                                        "AROUND", "THROUGHOUT", "WITHIN", "OFF", "BEYOND",
                                        "ALONG", "NEARBY"};
    for (size_t i = 0; i < sizeof place / sizeof *place; i++)
        if (!strcmp(w, place[i]))
            return 1;
    return 0;
}

/* A phrase of place x inside noun phrase np says where the thing is ("plans
 * for houses in the West Bank", "talks in Abuja"; also a phrase whose noun is
 * itself such a thing): unless the noun is a group of people ("police in
 * Kenya"), its actor is only the place (pnode.place_only), which is the
 * target of few verbs (place_is_target). */
int dyad_tc__place_pp(tctx *c, int np, int x)
{
    if (c->n[x].kind != K_PP || dyad_tc__head_is_agent(c, np))
        return 0;
    if (dyad_tc__is_place_prep(dyad_tc__first_word(c, x)))
        return 1;
    return c->n[x].nk >= 2 && c->n[c->n[x].kids[1]].place_only;
}

/* NounPhrase.get_text: words of determiners, adjectives, nouns and nested noun
 * phrases; prepositional phrases holding an actor give codes instead. */
void dyad_tc__np_words(tctx *c, int x, clist *w, clist *ppcodes, clist *plc)
{
    pnode *p = &c->n[x];
    for (int k = 0; k < p->nk && c->steps++ < STEP_CAP; k++) {
        int ch = p->kids[k];
        pnode *q = &c->n[ch];
        if (q->kind == K_PP) {
            clist m = dyad_tc__pp_meaning(c, ch);
            if (dyad_tc__has_actor(m))
                dyad_tc__cl_cat(c, dyad_tc__place_pp(c, x, ch) ? plc : ppcodes, m);
            else
                dyad_tc__phrase_words(c, ch, w);
        }
        if (q->kind == K_NP)
            dyad_tc__np_words(c, ch, w, ppcodes, plc);
        if ((dyad_tc__is_jnd(q->label) || dyad_tc__is_caps_actor(c, ch)) && q->text[0])
            dyad_tc__cl_add(c, w, q->text);
    }
}

void dyad_tc__phrase_words(tctx *c, int x, clist *w)
{
    pnode *p = &c->n[x];
    if (p->color || c->steps++ > STEP_CAP)
        return;
    if (p->text[0])
        dyad_tc__cl_add(c, w, p->text);
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind == K_NP) {
            clist dummy = {0};
            dyad_tc__np_words(c, ch, w, &dummy, &dummy);
        } else {
            dyad_tc__phrase_words(c, ch, w);
        }
    }
}

clist dyad_tc__pp_meaning(tctx *c, int x)
{
    clist none = {0};
    pnode *p = &c->n[x];
    if (p->nk < 2 || c->n[p->kids[1]].color)
        return none;
    int obj = p->kids[1];
    dyad_tc__get_head(c, obj);
    if (c->n[obj].kind != K_NP)
        return none;
    clist w = {0}, pc = {0};
    dyad_tc__np_words(c, obj, &w, &pc, &pc);
    if (!w.n && !(c->n[obj].nk && !strcmp(c->n[c->n[obj].kids[0]].label, "PRP")))
        return none; /* (a pronoun object, "fired at it", stands for its antecedent) */
    clist m = dyad_tc__np_meaning(c, obj);
    /* A phrase of place with no actor in it whose noun is no agent says where,
     * not who: "met the minister at the Great Hall of the People" (no
     * civilians), "at the police station" (no police); but "fired at Kurdish
     * protesters" names them. Not "in", which also gives the means or the
     * occasion ("killed in an air strike by government forces"). */
    const char *prep = dyad_tc__first_word(c, x);
    if (!dyad_tc__has_actor(m) && strcmp(prep, "IN") && dyad_tc__is_place_prep(prep) &&
        !dyad_tc__head_is_agent(c, obj))
        return none;
    return m;
}

void dyad_tc__note_span(tctx *c, const char *code, int node)
{
    if (c->nspan == c->capspan) {
        int cap = c->capspan ? c->capspan * 2 : 16;
        const char **sc = dyad_arena_alloc(c->a, (size_t)cap * sizeof *sc);
        int *sn = dyad_arena_alloc(c->a, (size_t)cap * sizeof *sn);
        if (!sc || !sn)
            return;
        if (c->nspan) {
            memcpy(sc, c->span_code, (size_t)c->nspan * sizeof *sc);
            memcpy(sn, c->span_node, (size_t)c->nspan * sizeof *sn);
        }
        c->span_code = sc;
        c->span_node = sn;
        c->capspan = cap;
    }
    c->span_code[c->nspan] = code;
    c->span_node[c->nspan++] = node;
}
