/* gazetteer.c: loading the gazetteer file (gazetteer.h) and looking names up:
 * one table from a name's normal form to the places of that name, one from a
 * country or first-level division code to its entry. */
#include "geo/gazetteer.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <utf8proc.h>

#define GZ_MAX_NAME 256 /* bytes of a normal form (longer names are skipped) */

typedef struct name_slot {
    uint64_t hash;  /* 0 = empty */
    uint32_t key;   /* offset of the normal form in keys */
    int32_t first;  /* first posting */
} name_slot;

typedef struct code_slot {
    uint64_t hash;  /* 0 = empty */
    int32_t place;
} code_slot;

struct dyad_gazetteer {
    char **bufs;  /* the files' text, fields cut in place (owned) */
    int nbufs;
    dyad_place *pl;
    long npl, plcap;
    /* (normal form, place) pairs gathered while reading, then the table */
    char *keys;
    size_t klen, kcap;
    uint32_t *pair_key;
    uint64_t *pair_hash;
    int32_t *pair_place;
    long npair, paircap;
    int32_t *next;  /* posting chain per pair */
    name_slot *ns;
    size_t nslots;
    code_slot *cs;
    size_t ncslots;
    int max_words;
};

/* ---- normal form ------------------------------------------------------- */

int dyad_geo_norm(const char *s, size_t n, char *out, size_t cap)
{
    utf8proc_uint8_t *mapped = NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t len = n;
    for (size_t i = 0; i < n; i++) {
        if (p[i] >= 0x80) {
            utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &mapped,
                                              UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                  UTF8PROC_STRIPMARK);
            if (m < 0)
                return -1;
            p = mapped;
            len = (size_t)m;
            break;
        }
    }
    size_t o = 0;
    int space = 1; /* drops leading spaces and runs of spaces */
    for (size_t i = 0; i < len; i++) {
        unsigned c = p[i];
        if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 && (p[i + 2] == 0x98 || p[i + 2] == 0x99)) {
            c = '\'';  /* U+2018, U+2019 */
            i += 2;
        }
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        else if (c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        else if (c == '.')
            continue;
        if (c == ' ') {
            if (space)
                continue;
            space = 1;
        } else {
            space = 0;
        }
        if (o + 1 >= cap) {
            free(mapped);
            return -1;
        }
        out[o++] = (char)c;
    }
    free(mapped);
    if (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return (int)o;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

/* ---- loading ----------------------------------------------------------- */

/* Advises the 2 MiB pages inside p[0..n) as huge pages: the tables are
 * written once at load and read at random, and with 4 KiB pages the load
 * spends a third of its time in page faults. */
static void advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + n) & ~(huge - 1);
    if (e > a)
        (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

static int grow(void **p, long *cap, long need, size_t elem)
{
    if (need <= *cap)
        return 0;
    long nc = *cap ? *cap : 1024;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, (size_t)nc * elem);
    if (!q)
        return DYAD_ENOMEM;
    *p = q;
    *cap = nc;
    return 0;
}

/* Room for need (name, place) pairs. 0 or DYAD_ENOMEM. */
static int reserve_pairs(dyad_gazetteer *g, long need)
{
    if (need <= g->paircap)
        return 0;
    long cap = g->paircap ? g->paircap : 1024;
    while (cap < need)
        cap *= 2;
    uint32_t *k = realloc(g->pair_key, (size_t)cap * sizeof *k);
    if (k)
        g->pair_key = k;
    uint64_t *h = realloc(g->pair_hash, (size_t)cap * sizeof *h);
    if (h)
        g->pair_hash = h;
    int32_t *p = realloc(g->pair_place, (size_t)cap * sizeof *p);
    if (p)
        g->pair_place = p;
    if (!k || !h || !p)
        return DYAD_ENOMEM;
    g->paircap = cap;
    advise_huge(g->pair_key, (size_t)cap * sizeof *k);
    advise_huge(g->pair_hash, (size_t)cap * sizeof *h);
    advise_huge(g->pair_place, (size_t)cap * sizeof *p);
    return 0;
}

static int add_name(dyad_gazetteer *g, const char *name, size_t n, int32_t place)
{
    char norm[GZ_MAX_NAME];
    int k = dyad_geo_norm(name, n, norm, sizeof norm);
    if (k <= 0)
        return 0; /* empty, too long or not UTF-8: the name is not kept */
    if (g->klen + (size_t)k + 1 > g->kcap) {
        size_t nc = g->kcap ? g->kcap : 1 << 16;
        while (g->klen + (size_t)k + 1 > nc)
            nc *= 2;
        if (nc > UINT32_MAX)
            return DYAD_ENOMEM;
        char *q = realloc(g->keys, nc);
        if (!q)
            return DYAD_ENOMEM;
        g->keys = q;
        g->kcap = nc;
    }
    if (reserve_pairs(g, g->npair + 1))
        return DYAD_ENOMEM;
    g->pair_key[g->npair] = (uint32_t)g->klen;
    g->pair_hash[g->npair] = hash_bytes(norm, (size_t)k);
    g->pair_place[g->npair] = place;
    g->npair++;
    memcpy(g->keys + g->klen, norm, (size_t)k + 1);
    g->klen += (size_t)k + 1;
    int words = 1;
    for (int i = 0; i < k; i++)
        words += norm[i] == ' ';
    if (words > g->max_words)
        g->max_words = words;
    return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

static int parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < 0)
        return -1;
    *out = v;
    return 0;
}

static const char *const KINDS[] = {"country", "admin1", "region", "place"};

/* Reads one line cut into its fields; 0, 1 (malformed: *why says why) or DYAD_ENOMEM. */
static int read_line(dyad_gazetteer *g, char *line, const char **why)
{
    char *f[8];
    int nf = 0;
    for (char *p = line;;) {
        if (nf == 8) {
            *why = "more than 8 tab-separated fields";
            return 1;
        }
        f[nf++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    if (nf != 8) {
        *why = "expected 8 tab-separated fields: id kind iso3 admin1 lat lon population names";
        return 1;
    }
    dyad_place pl;
    memset(&pl, 0, sizeof pl);
    int kind = -1;
    for (int i = 0; i < 4; i++)
        if (!strcmp(f[1], KINDS[i]))
            kind = i;
    const char *iso = f[2];
    if (parse_long(f[0], &pl.id)) {
        *why = "bad id (a number >= 0)";
    } else if (kind < 0) {
        *why = "bad kind (country, admin1, region or place)";
    } else if (strlen(iso) != 3 || iso[0] < 'A' || iso[0] > 'Z' || iso[1] < 'A' || iso[1] > 'Z' ||
               iso[2] < 'A' || iso[2] > 'Z') {
        *why = "bad country code (three capitals, ISO 3166-1 alpha-3)";
    } else if (strlen(f[3]) > 20 || strchr(f[3], '|')) {
        *why = "bad first-level division code";
    } else if (parse_double(f[4], -90, 90, &pl.lat) || parse_double(f[5], -180, 180, &pl.lon)) {
        *why = "bad latitude or longitude";
    } else if (parse_long(f[6], &pl.population)) {
        *why = "bad population (a number >= 0)";
    } else if (!*f[7] || *f[7] == '|') {
        *why = "no name";
    } else {
        *why = NULL;
    }
    if (*why)
        return 1;
    pl.kind = (dyad_geo_kind)kind;
    memcpy(pl.iso3, iso, 4);
    pl.admin1 = f[3];
    pl.name = f[7];
    if (g->npl >= INT32_MAX - 1)
        return DYAD_ENOMEM;
    if (grow((void **)&g->pl, &g->plcap, g->npl + 1, sizeof *g->pl))
        return DYAD_ENOMEM;
    int32_t idx = (int32_t)g->npl;
    /* Every '|'-separated name is a key; the first ends at its '|' (cut). */
    char *names = f[7];
    for (char *p = names;;) {
        char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        int rc = add_name(g, p, n, idx);
        if (rc)
            return rc;
        if (!bar)
            break;
        if (p == names)
            *bar = '\0'; /* the name shown */
        p = bar + 1;
    }
    g->pl[g->npl++] = pl;
    return 0;
}

/* Makes room for the lines and names of buf at once (one allocation each,
 * rather than many doublings). */
static int reserve(dyad_gazetteer *g, const char *buf)
{
    long lines = 1, bars = 0;
    size_t bytes = strlen(buf);
    for (const char *p = buf; (p = strpbrk(p, "\n|")) != NULL; p++)
        *p == '\n' ? lines++ : bars++;
    if (grow((void **)&g->pl, &g->plcap, g->npl + lines, sizeof *g->pl) ||
        reserve_pairs(g, g->npair + lines + bars))
        return DYAD_ENOMEM;
    size_t need = g->klen + bytes + 1;
    if (need > g->kcap) {
        if (need > UINT32_MAX)
            return DYAD_ENOMEM;
        char *q = realloc(g->keys, need);
        if (!q)
            return DYAD_ENOMEM;
        g->keys = q;
        g->kcap = need;
        advise_huge(g->keys, need);
    }
    advise_huge(g->pl, (size_t)g->plcap * sizeof *g->pl);
    return 0;
}

static int load_text(dyad_gazetteer *g, const char *name, char *buf, dyad_diag *d, long *good)
{
    long ln = 0;
    int rc0 = reserve(g, buf);
    if (rc0)
        return rc0;
    for (char *p = buf; *p;) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        ln++;
        size_t n = strlen(p);
        if (n && p[n - 1] == '\r')
            p[--n] = '\0';
        if (n && *p != '#') {
            const char *why = NULL;
            int rc = read_line(g, p, &why);
            if (rc < 0)
                return rc;
            if (rc)
                dyad_diag_report(d, DYAD_DIAG_WARNING, name, ln, "%s; line skipped", why);
            else
                (*good)++;
        }
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

static int code_insert(dyad_gazetteer *g, const char *key, size_t n, int32_t place)
{
    uint64_t h = hash_bytes(key, n);
    size_t mask = g->ncslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (!g->cs[i].hash) {
            g->cs[i].hash = h;
            g->cs[i].place = place;
            return 0;
        }
        const dyad_place *q = &g->pl[g->cs[i].place];
        char other[32];
        int m = snprintf(other, sizeof other, "%s.%s", q->iso3, q->kind == DYAD_GEO_COUNTRY ? "" : q->admin1);
        if (g->cs[i].hash == h && (size_t)m == n && !memcmp(other, key, n))
            return 0; /* the first entry of a code stays */
    }
}

static const char *key_at(const dyad_gazetteer *g, uint32_t off) { return g->keys + off; }

/* Builds the two tables once every file is read. */
static int build(dyad_gazetteer *g)
{
    g->nslots = 16;
    while (g->nslots < (size_t)g->npair + (size_t)g->npair / 3)
        g->nslots *= 2;
    g->ns = calloc(g->nslots, sizeof *g->ns);
    g->next = malloc(((size_t)g->npair + 1) * sizeof *g->next);
    size_t ncodes = 0; /* countries and divisions */
    for (long i = 0; i < g->npl; i++)
        ncodes += g->pl[i].kind == DYAD_GEO_COUNTRY || g->pl[i].kind == DYAD_GEO_ADMIN1;
    g->ncslots = 16;
    while (g->ncslots < ncodes * 2)
        g->ncslots *= 2;
    g->cs = calloc(g->ncslots, sizeof *g->cs);
    if (!g->ns || !g->next || !g->cs)
        return DYAD_ENOMEM;
    advise_huge(g->ns, g->nslots * sizeof *g->ns);
    advise_huge(g->next, ((size_t)g->npair + 1) * sizeof *g->next);
    advise_huge(g->cs, g->ncslots * sizeof *g->cs);
    size_t mask = g->nslots - 1;
    /* Postings are chained in reverse file order so that, for equal
     * population, the file's order decides (see dyad_gazetteer_find). */
    for (long p = g->npair - 1; p >= 0; p--) {
        const char *k = key_at(g, g->pair_key[p]);
        uint64_t h = g->pair_hash[p];
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            name_slot *s = &g->ns[i];
            if (!s->hash) {
                s->hash = h;
                s->key = g->pair_key[p];
                s->first = (int32_t)p;
                g->next[p] = -1;
                break;
            }
            if (s->hash == h && !strcmp(key_at(g, s->key), k)) {
                /* the same place twice under one name ("Paris|Paris") once:
                 * a place's names are neighbours in the chain */
                if (g->pair_place[s->first] != g->pair_place[p]) {
                    g->next[p] = s->first;
                    s->first = (int32_t)p;
                }
                break;
            }
        }
    }
    for (long i = 0; i < g->npl; i++) {
        const dyad_place *pl = &g->pl[i];
        char key[32];
        int n;
        if (pl->kind == DYAD_GEO_COUNTRY)
            n = snprintf(key, sizeof key, "%s.", pl->iso3);
        else if (pl->kind == DYAD_GEO_ADMIN1)
            n = snprintf(key, sizeof key, "%s.%s", pl->iso3, pl->admin1);
        else
            continue;
        if (code_insert(g, key, (size_t)n, (int32_t)i))
            return DYAD_ENOMEM;
    }
    free(g->pair_key); /* the chains need only the places now */
    free(g->pair_hash);
    g->pair_key = NULL;
    g->pair_hash = NULL;
    return 0;
}

static dyad_gazetteer *gz_new(void)
{
    return calloc(1, sizeof(dyad_gazetteer));
}

static int keep_buf(dyad_gazetteer *g, char *buf)
{
    char **q = realloc(g->bufs, ((size_t)g->nbufs + 1) * sizeof *q);
    if (!q)
        return DYAD_ENOMEM;
    g->bufs = q;
    g->bufs[g->nbufs++] = buf;
    return 0;
}

static int finish(dyad_gazetteer *g, long good, dyad_gazetteer **out)
{
    int rc = good ? build(g) : dyad_set_error(DYAD_EPARSE, "gazetteer: no valid line");
    if (rc) {
        dyad_gazetteer_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

int dyad_gazetteer_load(dyad_gazetteer **out, const char *const *paths, int n, dyad_diag *d)
{
    *out = NULL;
    dyad_gazetteer *g = gz_new();
    if (!g)
        return DYAD_ENOMEM;
    long good = 0;
    for (int i = 0; i < n; i++) {
        char *buf;
        size_t len;
        int rc = dyad_read_file(paths[i], &buf, &len);
        if (rc == 0 && memchr(buf, '\0', len)) {
            free(buf);
            rc = dyad_set_error(DYAD_EPARSE, "%s: a NUL byte: not a gazetteer file", paths[i]);
        }
        if (rc == 0 && (rc = keep_buf(g, buf)) != 0)
            free(buf);
        if (rc == 0)
            rc = load_text(g, paths[i], buf, d, &good);
        if (rc) {
            dyad_gazetteer_free(g);
            return rc;
        }
    }
    return finish(g, good, out);
}

int dyad_gazetteer_load_mem(dyad_gazetteer **out, const char *name, const char *data, size_t len,
                            dyad_diag *d)
{
    *out = NULL;
    dyad_gazetteer *g = gz_new();
    char *buf = malloc(len + 1);
    if (!g || !buf) {
        free(g);
        free(buf);
        return DYAD_ENOMEM;
    }
    memcpy(buf, data, len);
    buf[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\0')
            buf[i] = ' '; /* a NUL would end the text early: it is a stray byte */
    long good = 0;
    int rc = keep_buf(g, buf);
    if (rc)
        free(buf);
    else
        rc = load_text(g, name ? name : "<gazetteer>", buf, d, &good);
    if (rc) {
        dyad_gazetteer_free(g);
        return rc;
    }
    return finish(g, good, out);
}

void dyad_gazetteer_free(dyad_gazetteer *g)
{
    if (!g)
        return;
    for (int i = 0; i < g->nbufs; i++)
        free(g->bufs[i]);
    free(g->bufs);
    free(g->pl);
    free(g->keys);
    free(g->pair_key);
    free(g->pair_hash);
    free(g->pair_place);
    free(g->next);
    free(g->ns);
    free(g->cs);
    free(g);
}

/* ---- lookups ----------------------------------------------------------- */

long dyad_gazetteer_count(const dyad_gazetteer *g) { return g ? g->npl : 0; }

int dyad_gazetteer_max_words(const dyad_gazetteer *g) { return g ? g->max_words : 0; }

/* Ranks two places of one name: the more people first, where a division's
 * people count a quarter (they are the sum of its places', and a place of a
 * quarter of its division's people is what the name usually means: "New
 * York", "Pyongyang"); a region of unknown population after countries and
 * before places. */
static double rank_people(const dyad_place *p)
{
    return p->kind == DYAD_GEO_ADMIN1 ? p->population / 4.0 : (double)p->population;
}

static int rank_before(const dyad_place *a, const dyad_place *b)
{
    static const int order[] = {[DYAD_GEO_COUNTRY] = 0, [DYAD_GEO_ADMIN1] = 1, [DYAD_GEO_REGION] = 1,
                                [DYAD_GEO_PLACE] = 2};
    double pa = rank_people(a), pb = rank_people(b);
    if (pa != pb && a->population > 0 && b->population > 0)
        return pa > pb;
    if (order[a->kind] != order[b->kind])
        return order[a->kind] < order[b->kind];
    return pa > pb;
}

static int find_norm(const dyad_gazetteer *g, const char *k, size_t n, const dyad_place **out, int max)
{
    if (!g || !g->nslots || n == 0)
        return 0;
    uint64_t h = hash_bytes(k, n);
    size_t mask = g->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const name_slot *s = &g->ns[i];
        if (!s->hash)
            return 0;
        if (s->hash != h || strcmp(key_at(g, s->key), k))
            continue;
        int count = 0, kept = 0;
        for (int32_t q = s->first; q >= 0; q = g->next[q], count++) {
            const dyad_place *pl = &g->pl[g->pair_place[q]];
            if (max <= 0)
                continue;
            /* insertion into the ranked list out[0..kept) */
            int j = kept < max ? kept++ : max;
            if (j == max && !rank_before(pl, out[max - 1]))
                continue;
            if (j == max)
                j = max - 1;
            while (j > 0 && rank_before(pl, out[j - 1])) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = pl;
        }
        return count;
    }
}

int dyad_gazetteer_find(const dyad_gazetteer *g, const char *s, size_t n, const dyad_place **out, int max)
{
    char k[GZ_MAX_NAME];
    int m = dyad_geo_norm(s, n, k, sizeof k);
    return m > 0 ? find_norm(g, k, (size_t)m, out, max) : 0;
}

int dyad_gazetteer_match(const dyad_gazetteer *g, const char *const *w, int nw,
                         const dyad_place **out, int max, int *nplaces)
{
    *nplaces = 0;
    if (!g || nw <= 0)
        return 0;
    char k[GZ_MAX_NAME];
    size_t lens[64];
    int take = nw < g->max_words ? nw : g->max_words;
    if (take > 64)
        take = 64;
    /* the normal forms of w[0..i] for every i, one after another in k */
    size_t len = 0;
    int upto = 0;
    for (int i = 0; i < take; i++) {
        if (i > 0) {
            if (len + 1 >= sizeof k)
                break;
            k[len++] = ' ';
        }
        int m = dyad_geo_norm(w[i], strlen(w[i]), k + len, sizeof k - len);
        if (m < 0)
            break;
        if (m == 0) /* a word of only dots or dashes ends the name */
            break;
        len += (size_t)m;
        lens[i] = len;
        upto = i + 1;
    }
    for (int i = upto - 1; i >= 0; i--) {
        char save = k[lens[i]];
        k[lens[i]] = '\0';
        int c = find_norm(g, k, lens[i], out, max);
        k[lens[i]] = save;
        if (c > 0) {
            *nplaces = c;
            return i + 1;
        }
    }
    return 0;
}

static const dyad_place *code_find(const dyad_gazetteer *g, const char *key, size_t n)
{
    if (!g || !g->ncslots)
        return NULL;
    uint64_t h = hash_bytes(key, n);
    size_t mask = g->ncslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (!g->cs[i].hash)
            return NULL;
        if (g->cs[i].hash != h)
            continue;
        const dyad_place *q = &g->pl[g->cs[i].place];
        char other[32];
        int m = snprintf(other, sizeof other, "%s.%s", q->iso3, q->kind == DYAD_GEO_COUNTRY ? "" : q->admin1);
        if ((size_t)m == n && !memcmp(other, key, n))
            return q;
    }
}

const dyad_place *dyad_gazetteer_country(const dyad_gazetteer *g, const char *iso3)
{
    char key[32];
    int n = snprintf(key, sizeof key, "%s.", iso3 ? iso3 : "");
    return n > 0 && (size_t)n < sizeof key ? code_find(g, key, (size_t)n) : NULL;
}

const dyad_place *dyad_gazetteer_admin1(const dyad_gazetteer *g, const char *iso3, const char *admin1)
{
    char key[32];
    int n = snprintf(key, sizeof key, "%s.%s", iso3 ? iso3 : "", admin1 ? admin1 : "");
    return n > 0 && (size_t)n < sizeof key && admin1 && *admin1 ? code_find(g, key, (size_t)n) : NULL;
}
