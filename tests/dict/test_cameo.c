/* test_cameo.c: the CAMEO code table (lookups, hand-checked values, structure,
 * and agreement with the public CAMEO-to-PLOVER mapping when ../shared is there). */
#include "testutil.h"
#include "dict/cameo.h"

#include <ctype.h>
#include <math.h>

static const dyad_cameo_info *must(const char *code)
{
    const dyad_cameo_info *e = dyad_cameo_lookup(code);
    assert_non_null(e);
    assert_string_equal(e->code, code);
    return e;
}

static void hand_checked_values(void **state)
{
    (void)state;
    const dyad_cameo_info *e = must("042");
    assert_string_equal(e->plover, "CONSULT");
    assert_string_equal(e->plover_mode, "visit");
    assert_int_equal(e->quad_class, 1);
    assert_true(fabs(e->goldstein - 1.9) < 1e-9);
    assert_true(fabs(must("043")->goldstein - 2.8) < 1e-9);
    assert_true(fabs(must("020")->goldstein - 3.0) < 1e-9);
    assert_true(fabs(must("064")->goldstein - 7.0) < 1e-9);
    assert_true(fabs(must("190")->goldstein + 10.0) < 1e-9);
    assert_true(fabs(must("0874")->goldstein - 10.0) < 1e-9);
    assert_string_equal(must("072")->plover, "AID");
    assert_int_equal(must("072")->quad_class, 2);
    assert_string_equal(must("195")->plover, "ASSAULT");
    assert_string_equal(must("195")->plover_mode, "heavy-weapons");
    /* 163 is COERCE/restrict in the 2021 mapping (SANCTION in the 2018 draft);
     * see data/cameo.tsv. */
    e = must("163");
    assert_string_equal(e->plover, "COERCE");
    assert_string_equal(e->plover_mode, "restrict");
    assert_int_equal(e->quad_class, 4);
    assert_true(fabs(e->goldstein + 8.0) < 1e-9);
    assert_string_equal(must("161")->plover, "SANCTION");
    assert_string_equal(must("0841")->plover, "RETREAT");
    assert_string_equal(must("081")->plover, "CONCEDE");
    assert_string_equal(must("010")->plover, ""); /* statements: not in PLOVER */
    assert_string_equal(must("0211")->plover, "");
    assert_string_equal(must("1722")->name, "Ban political parties or politicians");
    assert_int_equal(must("141")->quad_class, 3);
    assert_int_equal(must("090")->quad_class, 2);
    assert_int_equal(must("05")->quad_class, 1);
    assert_int_equal(must("15")->quad_class, 4);
}

static void prefix_fallback(void **state)
{
    (void)state;
    assert_string_equal(dyad_cameo_lookup("0431")->code, "043");
    assert_string_equal(dyad_cameo_lookup("049")->code, "04");
    assert_string_equal(dyad_cameo_lookup("0499")->code, "04");
    assert_string_equal(dyad_cameo_lookup("04311")->code, "043");
    assert_string_equal(dyad_cameo_lookup("1213")->code, "121");
    assert_string_equal(dyad_cameo_lookup("20429")->code, "2042");
    assert_int_equal(dyad_cameo_valid("0431"), 0);
    assert_int_equal(dyad_cameo_valid("043"), 1);
    assert_int_equal(dyad_cameo_valid("2042"), 1);
    assert_int_equal(dyad_cameo_valid("20420"), 0);
}

static void unknown_root_is_null(void **state)
{
    (void)state;
    const char *bad[] = {"00", "21", "99", "0", "4", "", "---", "04a", "a04", " 04",
                         "04 ", "-04", "2100"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (dyad_cameo_lookup(bad[i]) != NULL)
            fail_msg("lookup(\"%s\") should be NULL", bad[i]);
        assert_int_equal(dyad_cameo_valid(bad[i]), 0);
    }
    assert_null(dyad_cameo_lookup(NULL));
    assert_int_equal(dyad_cameo_valid(NULL), 0);
    assert_null(dyad_cameo_at(dyad_cameo_count()));
}

/* Parent of a 3/4-digit code; the root of a 2-digit code is itself. */
static void check_row(const dyad_cameo_info *e)
{
    size_t n = strlen(e->code);
    assert_true(n >= 2 && n <= 4);
    for (size_t k = 0; k < n; k++)
        assert_true(isdigit((unsigned char)e->code[k]));
    int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
    assert_true(root >= 1 && root <= 20);
    int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    assert_int_equal(e->quad_class, quad);
    assert_true(e->goldstein >= -10.0 && e->goldstein <= 10.0);
    assert_true(e->name[0] != '\0');
    if (n > 2) {
        char parent[5];
        memcpy(parent, e->code, n - 1);
        parent[n - 1] = '\0';
        if (!dyad_cameo_valid(parent))
            fail_msg("%s has no parent %s", e->code, parent);
    }
    assert_ptr_equal(dyad_cameo_lookup(e->code), e);
}

static void every_row_is_well_formed(void **state)
{
    (void)state;
    size_t n = dyad_cameo_count();
    assert_int_equal(n, 311);
    int roots = 0;
    for (size_t i = 0; i < n; i++) {
        const dyad_cameo_info *e = dyad_cameo_at(i);
        check_row(e);
        roots += strlen(e->code) == 2;
        if (i > 0 && strcmp(dyad_cameo_at(i - 1)->code, e->code) >= 0)
            fail_msg("table not sorted at %s", e->code);
    }
    assert_int_equal(roots, 20);
}

/* ---- agreement with CAMEO2PLOVER-2021.txt --------------------------- */

typedef struct plover_row {
    char code[8], cat[24], mode[32];
} plover_row;

static void trim_copy(char *dst, size_t cap, const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s))
        s++, n--;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* Parses "CODE: CATEGORY[, mode[, context]] [# comment]"; 0 if not such a line. */
static int parse_plover_line(const char *line, plover_row *r)
{
    size_t n = strspn(line, "0123456789");
    if (n < 2 || n > 4 || line[n] != ':')
        return 0;
    memcpy(r->code, line, n);
    r->code[n] = '\0';
    const char *p = line + n + 1;
    p += strspn(p, " \t");
    size_t c = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (c == 0)
        return 0;
    trim_copy(r->cat, sizeof r->cat, p, c);
    p += c;
    p += strspn(p, " \t");
    r->mode[0] = '\0';
    if (*p == ',') {
        p++;
        trim_copy(r->mode, sizeof r->mode, p, strcspn(p, ",#\n"));
    }
    return 1;
}

static size_t read_plover(const char *path, plover_row *rows, size_t cap)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    size_t n = 0;
    while (n < cap && fgets(line, sizeof line, f))
        n += parse_plover_line(line, &rows[n]);
    fclose(f);
    return n;
}

/* Our modes that differ from the mapping on purpose (see data/cameo.tsv). */
static int mode_exception(const char *code)
{
    return strcmp(code, "085") == 0 || strcmp(code, "175") == 0;
}

/* The mapping lists some codes twice (08 as CONCEDE and as RETREAT): ours must
 * equal one of the listed values. */
static int agrees(const plover_row *rows, size_t n, const char *code, int mode,
                  const dyad_cameo_info *e)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(rows[i].code, code) != 0)
            continue;
        if (!mode && strcmp(rows[i].cat, e->plover) == 0)
            return 1;
        if (mode && strcmp(rows[i].mode, e->plover_mode) == 0)
            return 1;
    }
    return 0;
}

static void plover_mapping_agrees(void **state)
{
    (void)state;
    const char *path = shared_corpus("plover/CAMEO2PLOVER-2021.txt");
    if (!path)
        skip();
    static plover_row rows[600];
    size_t n = read_plover(path, rows, 600);
    assert_true(n > 250);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const dyad_cameo_info *e = dyad_cameo_lookup(rows[i].code);
        if (!e) {
            print_message("mapping code %s: not in our table\n", rows[i].code);
            bad++;
            continue;
        }
        if (!agrees(rows, n, rows[i].code, 0, e)) {
            print_message("code %s: mapping says %s, table says %s\n", rows[i].code,
                          rows[i].cat, e->plover);
            bad++;
        }
        if (!mode_exception(rows[i].code) && !agrees(rows, n, rows[i].code, 1, e)) {
            print_message("code %s: mapping mode \"%s\", table mode \"%s\"\n", rows[i].code,
                          rows[i].mode, e->plover_mode);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_checked_values),
        cmocka_unit_test(prefix_fallback),
        cmocka_unit_test(unknown_root_is_null),
        cmocka_unit_test(every_row_is_well_formed),
        cmocka_unit_test(plover_mapping_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
