/* dict_actors.c: TABARI/PETRARCH actor dictionaries.
 *
 *   NAME_OF_ACTOR [CODE] [CODE >date] ...   a new entry (codes optional)
 *   +SYNONYM_NAME                            another phrase for the entry
 *   OTHER_NAME                               also joins the entry while it has
 *                                            no code yet (PETRARCH-1)
 *   \t[CODE 19790101-19890603]               more codes for the entry
 *   ---STOP---                               end of the file
 *
 * Dates: [CODE <d] (on or before), [CODE >d] (on or after), [CODE d1-d2]
 * (inclusive), [CODE d] (PETRARCH-2: on or after), [CODE] (undated). d is
 * YYYYMMDD or YYMMDD. Matching is on exact words (PETRARCH-1 looks the first
 * word up in a dict and compares the others with ==; a final '_' only ends the
 * phrase), '_' = adjacent words, blank = words may intervene. */
#include "dict_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct actx {
    dict_ctx *c;
    dyad_dict *d;
    dyad_actor *cur;  /* entry being read */
    dyad_actor_code codes[256];
    int ncodes;
    int bracket;      /* the current entry has had a [...] (even a bad one) */
    int warned_many;
} actx;

static int entry_finish(actx *a)
{
    dyad_actor *e = a->cur;
    if (!e)
        return 0;
    dyad_actor_code *arr = dyad_arena_alloc(a->d->arena, sizeof *arr * (size_t)(a->ncodes ? a->ncodes : 1));
    if (!arr)
        return DYAD_ENOMEM;
    memcpy(arr, a->codes, sizeof *arr * (size_t)a->ncodes);
    e->codes = arr;
    e->ncodes = a->ncodes;
    a->d->st.actor_codes += a->ncodes;
    a->cur = NULL;
    a->ncodes = 0;
    a->bracket = 0;
    return 0;
}

/* The date restriction after the code inside [...]: "", "<d", ">d", "d1-d2", "d". */
static const char *parse_restriction(const char *s, size_t n, dyad_actor_code *ac)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    ac->kind = DYAD_DATE_NONE;
    ac->from = ac->to = 0;
    if (n == 0)
        return NULL;
    if (*s == '<' || *s == '>') {
        ac->kind = *s == '<' ? DYAD_DATE_BEFORE : DYAD_DATE_AFTER;
        s++, n--;
        while (n && isspace((unsigned char)*s))
            s++, n--;
        long *dst = ac->kind == DYAD_DATE_BEFORE ? &ac->to : &ac->from;
        return dict__parse_date(s, n, dst) ? "bad date" : NULL;
    }
    const char *dash = memchr(s, '-', n);
    if (!dash) {
        ac->kind = DYAD_DATE_AFTER;
        return dict__parse_date(s, n, &ac->from) ? "bad date" : NULL;
    }
    size_t n1 = dict__trim_len(s, (size_t)(dash - s));
    const char *s2 = dash + 1;
    size_t n2 = n - (size_t)(s2 - s);
    while (n2 && isspace((unsigned char)*s2))
        s2++, n2--;
    ac->kind = DYAD_DATE_RANGE;
    if (dict__parse_date(s, n1, &ac->from) || dict__parse_date(s2, n2, &ac->to))
        return "bad date";
    return ac->to < ac->from ? "date range ends before it starts" : NULL;
}

/* One "[CODE restriction]" (content between the brackets). */
static int parse_code(actx *a, const char *s, size_t n, long ln)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    n = dict__trim_len(s, n);
    size_t cn = 0;
    while (cn < n && !isspace((unsigned char)s[cn]) && s[cn] != '<' && s[cn] != '>')
        cn++;
    dyad_actor_code ac;
    const char *why = cn == 0 ? "empty code" : parse_restriction(s + cn, n - cn, &ac);
    if (why) {
        dict__warn(a->c, ln, "%s in '[%.*s]'; code skipped", why, (int)n, s);
        return 0;
    }
    if (a->ncodes >= (int)(sizeof a->codes / sizeof *a->codes)) {
        if (!a->warned_many++)
            dict__warn(a->c, ln, "too many codes for one actor; extra codes skipped");
        return 0;
    }
    if (!(ac.code = dict__intern(a->d, s, cn)))
        return DYAD_ENOMEM;
    ac.line = ln;
    a->codes[a->ncodes++] = ac;
    return 0;
}

/* Every [...] group in s; an unterminated one is warned and skipped. */
static int parse_codes(actx *a, const char *s, long ln)
{
    a->bracket = 1;
    for (const char *lb = strchr(s, '['); lb; lb = strchr(lb + 1, '[')) {
        const char *rb = strchr(lb, ']');
        const char *nx = strchr(lb + 1, '[');
        if (!rb || (nx && nx < rb)) {
            dict__warn(a->c, ln, "unterminated code '%.*s'; code skipped",
                       (int)(nx ? nx - lb : (long)strlen(lb)), lb);
            continue;
        }
        int rc = parse_code(a, lb + 1, (size_t)(rb - lb - 1), ln);
        if (rc)
            return rc;
        lb = rb;
    }
    return 0;
}

/* Adds the phrase s[0..n) for the current entry. */
static int add_phrase(actx *a, const char *s, size_t n, long ln)
{
    dphrase p;
    p.n = 0;
    p.stem_last = 0;
    int rc = dict__phrase_add(a->d, &p, s, n, 0);
    if (rc == DYAD_ELIMIT || (rc == 0 && p.n == 0)) {
        dict__warn(a->c, ln, rc ? "actor name too long; skipped" : "empty actor name");
        return 0;
    }
    int node;
    if (rc || (rc = dict__trie_insert(&a->d->actrie, 0, &p, &node)) != 0)
        return rc;
    dtrie_node *nd = &a->d->actrie.nodes[node];
    dict__hook_phrase(a->c, DICT_HOOK_ACTOR, &p, node, nd->term, a->cur->id, ln);
    /* a name listed twice belongs to its last entry (PETRARCH-2 overwrites):
     * "PRESIDENT BUSH" of 2001-2009 comes after the one of 1989-1993 */
    nd->term = a->cur->id;
    a->d->st.actor_phrases++;
    return 0;
}

static int new_entry(actx *a, const char *name, size_t n, long ln)
{
    int rc = entry_finish(a);
    if (rc)
        return rc;
    dyad_actor *e = dyad_arena_alloc(a->d->arena, sizeof *e);
    if (!e || !(e->root = dyad_arena_strndup(a->d->arena, name, n)))
        return DYAD_ENOMEM;
    e->id = a->d->actors.n;
    e->file = a->c->file;
    e->line = ln;
    a->cur = e;
    a->d->st.actors++;
    return dict__vec_push(&a->d->actors, e);
}

static int actor_line(actx *a, const char *t, long ln)
{
    if (*t == '[') {
        if (!a->cur) {
            dict__warn(a->c, ln, "code line without an actor");
            return 0;
        }
        return parse_codes(a, t, ln);
    }
    int syn = *t == '+';
    const char *name = syn ? t + 1 : t;
    const char *lb = strchr(name, '[');
    size_t n = dict__trim_len(name, lb ? (size_t)(lb - name) : strlen(name));
    if (syn && !a->cur) {
        dict__warn(a->c, ln, "synonym without an actor");
        return 0;
    }
    /* PETRARCH-1: a name line that follows an entry which has no code yet
     * joins that entry ("IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\n\t[HRVGOV]"). */
    int join = syn || (a->cur && a->ncodes == 0 && !a->bracket);
    int rc = join ? 0 : new_entry(a, name, n, ln);
    if (rc == 0)
        rc = add_phrase(a, name, n, ln);
    if (rc == 0 && lb)
        rc = parse_codes(a, lb, ln);
    return rc;
}

int dict__load_actors(dict_ctx *c, const char *data, size_t len)
{
    actx a;
    memset(&a, 0, sizeof a);
    a.c = c;
    a.d = c->d;
    dlines it;
    dict__lines_init(&it, data, len, 1);
    char *line;
    size_t n;
    long ln;
    int rc;
    while ((rc = dict__lines_next(&it, &line, &n, &ln)) == 1) {
        const char *t = dict__skip_ws(line);
        if (strstr(t, "---STOP---")) {
            rc = 0;
            break;
        }
        if (*t == '<')
            continue;
        if ((rc = actor_line(&a, t, ln)) != 0)
            break;
    }
    dict__lines_free(&it);
    if (rc == 0)
        rc = entry_finish(&a);
    return rc < 0 ? rc : 0;
}

/* ---- lookups ------------------------------------------------------------------ */

static int code_applies(const dyad_actor_code *c, long date)
{
    switch (c->kind) {
    case DYAD_DATE_BEFORE:
        return date <= c->to;
    case DYAD_DATE_AFTER:
        return date >= c->from;
    case DYAD_DATE_RANGE:
        return date >= c->from && date <= c->to;
    default:
        return 0;
    }
}

static const char *code_on(const dyad_actor *a, long date)
{
    const char *undated = NULL;
    for (int i = 0; i < a->ncodes; i++) {
        const dyad_actor_code *c = &a->codes[i];
        if (c->kind == DYAD_DATE_NONE)
            undated = c->code;
        else if (date >= 0 && code_applies(c, date))
            return c->code;
    }
    return undated ? undated : "---";
}

const char *dyad_dict_actor_code(const dyad_actor *a, const char *date)
{
    return a ? code_on(a, dict__query_date(date)) : "---";
}

int dyad_dict_actor_match_ex(const dyad_dict *d, const char *const *w, int n, const char *date,
                             const dyad_actor **actor, const char **code, int *len)
{
    dtrie_hit hit;
    int found = d && dict__trie_match(&d->actrie, 0, w, n, &hit);
    const dyad_actor *a = found ? d->actors.v[hit.term] : NULL;
    if (actor)
        *actor = a;
    if (code)
        *code = a ? dyad_dict_actor_code(a, date) : NULL;
    if (len)
        *len = a ? hit.len : 0;
    return a != NULL;
}

int dyad_dict_actor_match(const dyad_dict *d, const char *const *w, int n, const char *date,
                          const char **code, int *len)
{
    return dyad_dict_actor_match_ex(d, w, n, date, NULL, code, len);
}

int dyad_dict_nactors(const dyad_dict *d)
{
    return d ? d->actors.n : 0;
}

const dyad_actor *dyad_dict_actor(const dyad_dict *d, int id)
{
    return d && id >= 0 && id < d->actors.n ? d->actors.v[id] : NULL;
}
