/* export.c: the store's events in the formats other tools read.
 *
 * - JSON Lines: dyad code's fields plus dict_version and mentions; dyad load
 *   reads it back.
 * - Phoenix: the Phoenix data set's 26 tab-separated columns, one row per
 *   date, source, target and code (the Phoenix pipeline's one-a-day filter),
 *   with the ids of the sentences behind it; actor codes split into root,
 *   agent and the other groups as the pipeline does; PentaClass (0-4) from
 *   the code's root as in the Phoenix data.
 * - GDELT: the 61 columns of the GDELT 2.0 event table, one row per article,
 *   date, source, target and code (NumMentions = the sentences that coded
 *   it); what dyad does not know (geography, tone, religion, ethnicity,
 *   source counts, URLs) is left empty, SOURCEURL holds the article id.
 * - GraphML: the directed actor network, nodes = actors, edges = dyads with
 *   weight = events and the mean Goldstein score, for Gephi or igraph.
 * Events whose source or target is unknown ("---") are left out of the three
 * dyadic formats. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/query.h"
#include "store/store.h"
#include "store/table.h"
#include "util/util.h"

/* ---- helpers --------------------------------------------------------- */

/* Writes s with tabs and line breaks made spaces (a TSV cell). */
static void tsv_cell(FILE *f, const char *s, int upper)
{
    for (; *s; s++) {
        int c = (unsigned char)*s;
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        fputc(upper && c < 0x80 ? toupper(c) : c, f);
    }
}

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
                fputc(*s, f);
        }
    }
}

static void date_compact(char out[9], const char *date)
{
    size_t k = 0;
    for (; *date && k < 8; date++)
        if (*date != '-')
            out[k++] = *date;
    out[k] = 0;
}

static int finish(FILE *f, int rc)
{
    if (!rc && (fflush(f) || ferror(f)))
        rc = dyad_set_error(DYAD_EIO, "cannot write the export");
    return rc;
}

/* Prepares and starts "SELECT cols FROM events e ... WHERE filter [AND
 * dyadic] ORDER BY order". */
static int start(dyad_store *s, dyad_stmt **st, dyad_store_filter *f, const dyad_query *q,
                 const char *cols, const char *join, int dyadic, const char *order)
{
    int rc = dyad_store__filter_init(f, q, "e.", 1);
    if (rc)
        return rc;
    dyad_buf sql;
    dyad_buf_init(&sql);
    dyad_buf_printf(&sql, "SELECT %s FROM events e %s WHERE %s%s ORDER BY %s", cols, join,
                    f->sql.data, dyadic ? " AND e.source <> '---' AND e.target <> '---'" : "",
                    order);
    rc = sql.data ? dyad_store__select(s, st, sql.data, f->p, f->np)
                  : dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_buf_free(&sql);
    if (rc)
        dyad_store__filter_free(f);
    return rc;
}

/* ---- JSON Lines ------------------------------------------------------ */

static void json_span(FILE *f, dyad_store *s, dyad_stmt *st, int col)
{
    if (s->be->is_null(st, col)) {
        fputs("null", f);
        return;
    }
    fprintf(f, "{\"start\":%lld,\"end\":%lld,\"text\":", s->be->integer(st, col),
            s->be->integer(st, col + 1));
    dyad_table__json_string(f, s->be->text(st, col + 2));
    fputc('}', f);
}

static void json_field(FILE *f, const char *name, const char *value)
{
    fprintf(f, ",\"%s\":", name);
    dyad_table__json_string(f, value);
}

static void jsonl_row(FILE *f, dyad_store *s, dyad_stmt *st)
{
    static const char *const names[] = {"article", "sentence", "date", "source", "target",
                                        "cameo"};
    char num[64];
    fputs("{\"type\":\"event\"", f);
    for (int i = 0; i < 6; i++)
        json_field(f, names[i], s->be->text(st, i));
    dyad_store__fmt_real(num, sizeof num, s->be->real(st, 7));
    fprintf(f, ",\"quad_class\":%lld,\"goldstein\":%s", s->be->integer(st, 6), num);
    json_field(f, "plover", s->be->text(st, 8));
    json_field(f, "text", s->be->text(st, 9));
    fputs(",\"evidence\":{\"source\":", f);
    json_span(f, s, st, 10);
    fputs(",\"target\":", f);
    json_span(f, s, st, 13);
    fputs(",\"verb\":", f);
    json_span(f, s, st, 16);
    fputc('}', f);
    if (*s->be->text(st, 19))
        json_field(f, "issues", s->be->text(st, 19));
    json_field(f, "dict_version", s->be->text(st, 20));
    fprintf(f, ",\"mentions\":%lld}\n", s->be->integer(st, 21));
}

static int export_jsonl(dyad_store *s, FILE *f, const dyad_query *q, long *n)
{
    dyad_store_filter flt;
    dyad_stmt *st = NULL;
    int rc = start(s, &st, &flt, q,
                   "e.article, e.sentence, e.date, e.source, e.target, e.cameo, e.quad_class,"
                   " e.goldstein, e.plover, COALESCE(x.text, ''), e.source_start, e.source_end,"
                   " e.source_text, e.target_start, e.target_end, e.target_text, e.verb_start,"
                   " e.verb_end, e.verb_text, e.issues, e.dict_version, e.mentions",
                   "JOIN articles a ON a.id = e.article LEFT JOIN sentences x"
                   " ON x.article = e.article AND x.id = e.sentence",
                   0, "a.date, e.article, e.id");
    if (rc)
        return rc;
    while ((rc = s->be->next(st)) == 1) {
        jsonl_row(f, s, st);
        (*n)++;
    }
    s->be->finalize(st);
    dyad_store__filter_free(&flt);
    return finish(f, rc > 0 ? 0 : rc);
}

/* ---- Phoenix --------------------------------------------------------- */

static const char *const phoenix_cols[] = {
    "EventID",        "Date",           "Year",           "Month",
    "Day",            "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole",
    "TargetActorAttribute", "EventCode",  "EventRootCode",  "PentaClass",
    "GoldsteinScore", "Issues",         "Lat",            "Lon",
    "LocationName",   "StateName",      "CountryCode",    "SentenceID",
    "URLs",           "NewsSources"};

/* Phoenix's class of a CAMEO root: 0 statements and appeals (01-02), 1 verbal
 * cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
 * (09-13, 16), 4 material conflict (14-15, 17-20). */
static int penta_class(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] ? code[1] - '0' : 0);
    if (root <= 2)
        return 0;
    if (root <= 5)
        return 1;
    if (root <= 8)
        return 2;
    if (root <= 13 || root == 16)
        return 3;
    return 4;
}

/* One group of events with the same date, source, target and code. */
typedef struct ph_group {
    char date[11], source[128], target[128], cameo[16];
    double goldstein;
    dyad_buf ids;    /* sentence ids, ';' */
    dyad_buf issues; /* "CODE\n" per mention, counted at the end */
} ph_group;

static void put_actor(FILE *f, const char *code)
{
    char root[4], agent[4], others[128];
    dyad_store__actor_split(code, root, agent, others, sizeof others);
    tsv_cell(f, code, 0);
    fprintf(f, "\t%s\t%s\t", root, agent);
    tsv_cell(f, others, 0);
}

/* Issues as Phoenix writes them: "CODE,count;CODE,count" in first-seen order. */
static void put_issues(FILE *f, const char *list)
{
    const char *p = list;
    int first = 1;
    while (*p) {
        size_t n = strcspn(p, "\n");
        int seen = 0, count = 0;
        for (const char *q = list; q < p && !seen; q += strcspn(q, "\n") + 1)
            seen = strcspn(q, "\n") == n && !strncmp(q, p, n);
        for (const char *q = p; *q; q += strcspn(q, "\n") + (q[strcspn(q, "\n")] != 0))
            count += strcspn(q, "\n") == n && !strncmp(q, p, n);
        if (!seen && n) {
            fprintf(f, "%s%.*s,%d", first ? "" : ";", (int)n, p, count);
            first = 0;
        }
        p += n + (p[n] != 0);
    }
}

static void phoenix_row(FILE *f, const ph_group *g, long id)
{
    char d[9], gs[64];
    date_compact(d, g->date);
    fprintf(f, "%ld\t%s\t%.4s\t%.2s\t%.2s\t", id, d, d, strlen(d) >= 6 ? d + 4 : "",
            strlen(d) >= 8 ? d + 6 : "");
    put_actor(f, g->source);
    fputc('\t', f);
    put_actor(f, g->target);
    dyad_store__fmt_real(gs, sizeof gs, g->goldstein);
    fprintf(f, "\t%s\t%.2s\t%d\t%s\t", g->cameo, g->cameo, penta_class(g->cameo), gs);
    put_issues(f, g->issues.data ? g->issues.data : "");
    fputs("\t\t\t\t\t\t", f);
    tsv_cell(f, g->ids.data ? g->ids.data : "", 0);
    fputs("\t\t\n", f);
}

static int same_group(const ph_group *g, dyad_store *s, dyad_stmt *st)
{
    return !strcmp(g->date, s->be->text(st, 0)) && !strcmp(g->source, s->be->text(st, 1)) &&
           !strcmp(g->target, s->be->text(st, 2)) && !strcmp(g->cameo, s->be->text(st, 3));
}

static void group_add(ph_group *g, dyad_store *s, dyad_stmt *st)
{
    const char *id = s->be->text(st, 5), *iss = s->be->text(st, 6);
    /* Sentence ids come sorted within a group, so duplicates are adjacent. */
    size_t n = strlen(id), len = g->ids.data ? g->ids.len : 0;
    int dup = len >= n && !strcmp(g->ids.data + len - n, id) &&
              (len == n || g->ids.data[len - n - 1] == ';');
    if (!dup) {
        if (len)
            dyad_buf_putc(&g->ids, ';');
        dyad_buf_puts(&g->ids, id);
    }
    while (*iss) {
        size_t k = strcspn(iss, ";");
        if (k) {
            dyad_buf_append(&g->issues, iss, k);
            dyad_buf_putc(&g->issues, '\n');
        }
        iss += k + (iss[k] != 0);
    }
}

static int export_phoenix(dyad_store *s, FILE *f, const dyad_query *q, int header, long *n)
{
    dyad_store_filter flt;
    dyad_stmt *st = NULL;
    int rc = start(s, &st, &flt, q,
                   "e.date, e.source, e.target, e.cameo, e.goldstein, e.sentence, e.issues", "",
                   1, "e.date, e.source, e.target, e.cameo, e.sentence, e.id");
    if (rc)
        return rc;
    for (int i = 0; header && i < 26; i++)
        fprintf(f, "%s%c", phoenix_cols[i], i < 25 ? '\t' : '\n');
    ph_group g;
    memset(&g, 0, sizeof g);
    int have = 0;
    while ((rc = s->be->next(st)) == 1) {
        if (!have || !same_group(&g, s, st)) {
            if (have)
                phoenix_row(f, &g, ++*n);
            dyad_buf_free(&g.ids);
            dyad_buf_free(&g.issues);
            snprintf(g.date, sizeof g.date, "%s", s->be->text(st, 0));
            snprintf(g.source, sizeof g.source, "%s", s->be->text(st, 1));
            snprintf(g.target, sizeof g.target, "%s", s->be->text(st, 2));
            snprintf(g.cameo, sizeof g.cameo, "%s", s->be->text(st, 3));
            g.goldstein = s->be->real(st, 4);
            have = 1;
        }
        group_add(&g, s, st);
    }
    if (rc >= 0 && have)
        phoenix_row(f, &g, ++*n);
    dyad_buf_free(&g.ids);
    dyad_buf_free(&g.issues);
    s->be->finalize(st);
    dyad_store__filter_free(&flt);
    return finish(f, rc > 0 ? 0 : rc);
}

/* ---- GDELT ----------------------------------------------------------- */

static const char *const gdelt_cols[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL"};
#define GDELT_NCOLS 61

/* Actor columns: Code, Name, CountryCode, KnownGroup, Ethnic, Religion1,
 * Religion2, Type1-3 (the agent and other groups; IGO/NGO/IMG/MNC roots are
 * types in GDELT). */
static void gdelt_actor(FILE *f, const char *code, const char *name)
{
    char root[4], agent[4], others[128], types[3][4] = {"", "", ""};
    dyad_store__actor_split(code, root, agent, others, sizeof others);
    int nt = 0;
    if (root[0] && !dyad_store__is_country(root))
        snprintf(types[nt++], 4, "%s", root);
    if (agent[0])
        snprintf(types[nt++], 4, "%s", agent);
    for (const char *p = others; *p && nt < 3; p += strcspn(p, ";") + (p[strcspn(p, ";")] != 0))
        snprintf(types[nt++], 4, "%.3s", p);
    tsv_cell(f, code, 0);
    fputc('\t', f);
    tsv_cell(f, name, 1);
    fprintf(f, "\t%s\t\t\t\t\t%s\t%s\t%s\t", dyad_store__is_country(root) ? root : "", types[0],
            types[1], types[2]);
}

/* The first event of a group of rows, kept until the group's size is known. */
typedef struct gd_row {
    char *col[10]; /* article, date, source, target, cameo, -, -, source and target text, coded_at */
    long long quad;
    double goldstein;
} gd_row;

static void gd_free(gd_row *r)
{
    for (int i = 0; i < 10; i++) {
        free(r->col[i]);
        r->col[i] = NULL;
    }
}

static int gd_keep(gd_row *r, dyad_store *s, dyad_stmt *st)
{
    gd_free(r);
    for (int i = 0; i < 10; i++)
        if (i != 5 && i != 6 && !(r->col[i] = strdup(s->be->text(st, i))))
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
    r->quad = s->be->integer(st, 5);
    r->goldstein = s->be->real(st, 6);
    return 0;
}

static int gd_same(const gd_row *r, dyad_store *s, dyad_stmt *st)
{
    for (int i = 0; i < 5; i++)
        if (!r->col[i] || strcmp(r->col[i], s->be->text(st, i)))
            return 0;
    return 1;
}

static void gdelt_row(FILE *f, const gd_row *r, long id, long mentions)
{
    const char *cameo = r->col[4];
    char d[9], added[15], gs[64];
    int month = 0, day = 0;
    date_compact(d, r->col[1]);
    sscanf(d + (strlen(d) >= 4 ? 4 : 0), "%2d%2d", &month, &day);
    size_t k = 0;
    for (const char *p = r->col[9]; *p && k < 14; p++)
        if (*p >= '0' && *p <= '9')
            added[k++] = *p;
    added[k] = 0;
    dyad_store__fmt_real(gs, sizeof gs, r->goldstein);
    /* FractionDate as GDELT computes it: YYYY + (MM * 30 + DD) / 365. */
    fprintf(f, "%ld\t%s\t%.6s\t%.4s\t%.4f\t", id, d, d, d,
            atoi(d) / 10000 + (month * 30 + day) / 365.0);
    gdelt_actor(f, r->col[2], r->col[7]);
    gdelt_actor(f, r->col[3], r->col[8]);
    fprintf(f, "\t%s\t%.3s\t%.2s\t%lld\t%s\t%ld\t\t1\t", cameo, cameo, cameo,
            r->quad >= 1 && r->quad <= 4 ? r->quad : 1, gs, mentions);
    for (int i = 0; i < 25; i++) /* AvgTone and the 24 geography columns */
        fputc('\t', f);
    fprintf(f, "%s\t", added);
    tsv_cell(f, r->col[0], 0);
    fputc('\n', f);
}

static int export_gdelt(dyad_store *s, FILE *f, const dyad_query *q, int header, long *n)
{
    dyad_store_filter flt;
    dyad_stmt *st = NULL;
    int rc = start(s, &st, &flt, q,
                   "e.article, e.date, e.source, e.target, e.cameo, e.quad_class, e.goldstein,"
                   " COALESCE(e.source_text, ''), COALESCE(e.target_text, ''), a.coded_at",
                   "JOIN articles a ON a.id = e.article", 1,
                   "e.date, e.article, e.source, e.target, e.cameo, e.id");
    if (rc)
        return rc;
    for (int i = 0; header && i < GDELT_NCOLS; i++)
        fprintf(f, "%s%c", gdelt_cols[i], i < GDELT_NCOLS - 1 ? '\t' : '\n');
    gd_row r;
    memset(&r, 0, sizeof r);
    long mentions = 0;
    while ((rc = s->be->next(st)) == 1) {
        if (mentions && gd_same(&r, s, st)) {
            mentions++;
            continue;
        }
        if (mentions)
            gdelt_row(f, &r, ++*n, mentions);
        mentions = 1;
        if ((rc = gd_keep(&r, s, st)))
            break;
    }
    if (rc >= 0 && mentions)
        gdelt_row(f, &r, ++*n, mentions);
    gd_free(&r);
    s->be->finalize(st);
    dyad_store__filter_free(&flt);
    return finish(f, rc > 0 ? 0 : rc);
}

/* ---- GraphML ---------------------------------------------------------- */

typedef struct gm_edge {
    char *source, *target, *first, *last;
    long long events, sum100, quad[4];
} gm_edge;

typedef struct gm_node {
    const char *code;
    long long events, as_source, as_target, sum100;
} gm_node;

static int cmp_node(const void *a, const void *b)
{
    return strcmp(((const gm_node *)a)->code, ((const gm_node *)b)->code);
}

static const char graphml_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"entity\" for=\"node\" attr.name=\"entity\" attr.type=\"string\"/>\n"
    "  <key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"
    "  <key id=\"n_events\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n"
    "  <key id=\"n_source\" for=\"node\" attr.name=\"as_source\" attr.type=\"int\"/>\n"
    "  <key id=\"n_target\" for=\"node\" attr.name=\"as_target\" attr.type=\"int\"/>\n"
    "  <key id=\"n_goldstein\" for=\"node\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"e_events\" for=\"edge\" attr.name=\"events\" attr.type=\"int\"/>\n"
    "  <key id=\"e_goldstein\" for=\"edge\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
    "  <key id=\"e_q1\" for=\"edge\" attr.name=\"verbal_coop\" attr.type=\"int\"/>\n"
    "  <key id=\"e_q2\" for=\"edge\" attr.name=\"material_coop\" attr.type=\"int\"/>\n"
    "  <key id=\"e_q3\" for=\"edge\" attr.name=\"verbal_conflict\" attr.type=\"int\"/>\n"
    "  <key id=\"e_q4\" for=\"edge\" attr.name=\"material_conflict\" attr.type=\"int\"/>\n"
    "  <key id=\"e_first\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\"/>\n"
    "  <key id=\"e_last\" for=\"edge\" attr.name=\"last_seen\" attr.type=\"string\"/>\n"
    "  <graph id=\"dyad\" edgedefault=\"directed\">\n";

static void gm_data(FILE *f, const char *key, const char *value)
{
    fprintf(f, "      <data key=\"%s\">", key);
    xml_text(f, value);
    fputs("</data>\n", f);
}

static void gm_data_num(FILE *f, const char *key, long long v)
{
    fprintf(f, "      <data key=\"%s\">%lld</data>\n", key, v);
}

/* GraphML ids are NMTOKENs: an actor code that is one (all of CAMEO's) is
 * its own id; another (a quoted new-actor phrase) becomes "n" and its node
 * number. */
static int nmtoken(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '.' || *s == '-' || *s == '_' || *s == ':' ||
              (unsigned char)*s >= 0x80))
            return 0;
    return 1;
}

static void gm_id(FILE *f, const gm_node *nodes, size_t nn, const char *code)
{
    if (nmtoken(code)) {
        fputs(code, f);
        return;
    }
    gm_node key = {.code = code};
    const gm_node *nd = bsearch(&key, nodes, nn, sizeof *nodes, cmp_node);
    fprintf(f, "n%zu", nd ? (size_t)(nd - nodes) + 1 : (size_t)0);
}

static void gm_node_write(FILE *f, const gm_node *nodes, size_t nn, const gm_node *nd)
{
    char root[4], agent[4], others[128];
    dyad_store__actor_split(nd->code, root, agent, others, sizeof others);
    fputs("    <node id=\"", f);
    gm_id(f, nodes, nn, nd->code);
    fputs("\">\n", f);
    gm_data(f, "label", nd->code);
    gm_data(f, "entity", root[0] ? root : "");
    gm_data(f, "role", agent);
    gm_data_num(f, "n_events", nd->events);
    gm_data_num(f, "n_source", nd->as_source);
    gm_data_num(f, "n_target", nd->as_target);
    fprintf(f, "      <data key=\"n_goldstein\">%.2f</data>\n",
            nd->events ? (double)nd->sum100 / 100.0 / (double)nd->events : 0.0);
    fputs("    </node>\n", f);
}

static void gm_edge_write(FILE *f, const gm_node *nodes, size_t nn, const gm_edge *e, long id)
{
    fprintf(f, "    <edge id=\"e%ld\" source=\"", id);
    gm_id(f, nodes, nn, e->source);
    fputs("\" target=\"", f);
    gm_id(f, nodes, nn, e->target);
    fputs("\">\n", f);
    fprintf(f, "      <data key=\"weight\">%lld</data>\n", e->events);
    gm_data_num(f, "e_events", e->events);
    fprintf(f, "      <data key=\"e_goldstein\">%.2f</data>\n",
            (double)e->sum100 / 100.0 / (double)e->events);
    static const char *const qkey[4] = {"e_q1", "e_q2", "e_q3", "e_q4"};
    for (int q = 0; q < 4; q++)
        gm_data_num(f, qkey[q], e->quad[q]);
    gm_data(f, "e_first", e->first);
    gm_data(f, "e_last", e->last);
    fputs("    </edge>\n", f);
}

/* Reads the dyads (sorted by source, target) into *edges. */
static int gm_read_edges(dyad_store *s, const dyad_query *q, gm_edge **edges, size_t *n)
{
    dyad_store_filter flt;
    dyad_stmt *st = NULL;
    int rc = dyad_store__filter_init(&flt, q, "", 1);
    if (rc)
        return rc;
    dyad_buf sql;
    dyad_buf_init(&sql);
    dyad_buf_printf(&sql,
                    "SELECT source, target, count(*), sum(CAST(round(goldstein * 100) AS BIGINT)),"
                    " sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END), min(date), max(date)"
                    " FROM events WHERE source <> '---' AND target <> '---' AND %s"
                    " GROUP BY source, target ORDER BY source, target",
                    flt.sql.data);
    rc = sql.data ? dyad_store__select(s, &st, sql.data, flt.p, flt.np)
                  : dyad_set_error(DYAD_ENOMEM, "out of memory");
    size_t cap = 0;
    int more = 0;
    while (!rc && (more = s->be->next(st)) == 1) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            gm_edge *v = realloc(*edges, cap * sizeof *v);
            if (!v) {
                rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
                break;
            }
            *edges = v;
        }
        gm_edge *e = &(*edges)[(*n)++];
        memset(e, 0, sizeof *e);
        e->source = strdup(s->be->text(st, 0));
        e->target = strdup(s->be->text(st, 1));
        e->first = strdup(s->be->text(st, 8));
        e->last = strdup(s->be->text(st, 9));
        e->events = s->be->integer(st, 2);
        e->sum100 = s->be->integer(st, 3);
        for (int k = 0; k < 4; k++)
            e->quad[k] = s->be->integer(st, 4 + k);
        if (!e->source || !e->target || !e->first || !e->last)
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    if (!rc && more < 0)
        rc = more;
    if (st)
        s->be->finalize(st);
    dyad_buf_free(&sql);
    dyad_store__filter_free(&flt);
    return rc;
}

/* The actors of the edges, sorted, with their totals. */
static gm_node *gm_nodes(const gm_edge *e, size_t ne, size_t *nn)
{
    gm_node *v = calloc(2 * ne + 1, sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < ne; i++) {
        v[k++].code = e[i].source;
        v[k++].code = e[i].target;
    }
    qsort(v, k, sizeof *v, cmp_node);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || strcmp(v[u - 1].code, v[i].code))
            v[u++] = v[i];
    for (size_t i = 0; i < ne; i++) {
        gm_node key = {.code = e[i].source};
        gm_node *a = bsearch(&key, v, u, sizeof *v, cmp_node);
        key.code = e[i].target;
        gm_node *b = bsearch(&key, v, u, sizeof *v, cmp_node);
        a->events += e[i].events;
        a->as_source += e[i].events;
        a->sum100 += e[i].sum100;
        if (b != a) {
            b->events += e[i].events;
            b->sum100 += e[i].sum100;
        }
        b->as_target += e[i].events;
    }
    *nn = u;
    return v;
}

static int export_graphml(dyad_store *s, FILE *f, const dyad_query *q, long *n)
{
    gm_edge *edges = NULL;
    size_t ne = 0, nn = 0;
    int rc = gm_read_edges(s, q, &edges, &ne);
    gm_node *nodes = rc ? NULL : gm_nodes(edges, ne, &nn);
    if (!rc && !nodes)
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (!rc) {
        fputs(graphml_head, f);
        for (size_t i = 0; i < nn; i++)
            gm_node_write(f, nodes, nn, &nodes[i]);
        for (size_t i = 0; i < ne; i++)
            gm_edge_write(f, nodes, nn, &edges[i], (long)i + 1);
        fputs("  </graph>\n</graphml>\n", f);
        *n = (long)ne;
    }
    for (size_t i = 0; i < ne; i++) {
        free(edges[i].source);
        free(edges[i].target);
        free(edges[i].first);
        free(edges[i].last);
    }
    free(edges);
    free(nodes);
    return finish(f, rc);
}

int dyad_store_export(dyad_store *s, FILE *f, dyad_export_format fmt, const dyad_query *q,
                      int header, long *nrows)
{
    long n = 0;
    dyad_query all = {0};
    if (!q)
        q = &all;
    int rc;
    switch (fmt) {
    case DYAD_EXPORT_JSONL: rc = export_jsonl(s, f, q, &n); break;
    case DYAD_EXPORT_PHOENIX: rc = export_phoenix(s, f, q, header, &n); break;
    case DYAD_EXPORT_GDELT: rc = export_gdelt(s, f, q, header, &n); break;
    case DYAD_EXPORT_GRAPHML: rc = export_graphml(s, f, q, &n); break;
    default: rc = dyad_set_error(DYAD_EINVAL, "unknown export format %d", (int)fmt);
    }
    if (nrows)
        *nrows = n;
    return rc;
}
