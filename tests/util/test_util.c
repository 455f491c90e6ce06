/* test_util.c: arena, buffers and the UTF-8 sanitizer. */
#include "testutil.h"
#include "util/util.h"

static void arena_strings_survive_many_blocks(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    assert_non_null(a);
    char *first = dyad_arena_strdup(a, "first");
    for (int i = 0; i < 20000; i++)
        assert_non_null(dyad_arena_printf(a, "item %d", i));
    char *big = dyad_arena_alloc(a, 1 << 20);
    assert_non_null(big);
    assert_string_equal(first, "first");
    assert_true(dyad_arena_used(a) >= (1u << 20));
    dyad_arena_free(a);
    dyad_arena_free(NULL);
}

static void sanitize_replaces_bad_bytes(void **state)
{
    (void)state;
    const char in[] = "ok \xff x \xc3\xa9 \xe2\x80 end";
    long bad = 0;
    size_t n = 0;
    char *out = dyad_utf8_sanitize(in, sizeof in - 1, &n, &bad);
    assert_non_null(out);
    assert_int_equal(bad, 3); /* 0xff, and the two bytes of the truncated sequence */
    assert_string_equal(out, "ok \xEF\xBF\xBD x \xc3\xa9 \xEF\xBF\xBD\xEF\xBF\xBD end");
    free(out);
}

/* With a NUL counter, NUL bytes become spaces and are not counted as invalid
 * UTF-8; without one, they are replaced like any bad byte. */
static void clean_reads_nul_as_space(void **state)
{
    (void)state;
    const char in[] = "a\0b\xff\0\0c";
    long bad = -1, nul = -1;
    size_t n = 0;
    char *out = dyad_utf8_clean(in, sizeof in - 1, &n, &bad, &nul);
    assert_non_null(out);
    assert_int_equal(bad, 1);
    assert_int_equal(nul, 3);
    assert_int_equal(n, 9);
    assert_string_equal(out, "a b\xEF\xBF\xBD  c");
    free(out);
    out = dyad_utf8_sanitize(in, sizeof in - 1, &n, &bad);
    assert_non_null(out);
    assert_int_equal(bad, 4);
    free(out);
}

static void buf_printf_appends(void **state)
{
    (void)state;
    dyad_buf b;
    dyad_buf_init(&b);
    assert_int_equal(dyad_buf_printf(&b, "%s-%d", "a", 7), 0);
    assert_int_equal(dyad_buf_puts(&b, "!"), 0);
    assert_string_equal(b.data, "a-7!");
    assert_int_equal(b.len, 4);
    dyad_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_strings_survive_many_blocks),
        cmocka_unit_test(sanitize_replaces_bad_bytes),
        cmocka_unit_test(clean_reads_nul_as_space),
        cmocka_unit_test(buf_printf_appends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
