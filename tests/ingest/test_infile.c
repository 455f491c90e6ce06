/* test_infile.c: gzip input (src/ingest/infile.c) and the shard hash
 * (src/ingest/shard.c): .gz files read as their content, the format taken
 * from the name under .gz, a damaged or truncated file a read error after
 * the data before the damage; FNV-1a-64 against published test vectors. */
#include "testutil.h"
#include "ingest/article.h"
#include "ingest/infile.h"

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

/* Writes s gzip-compressed to a new temporary file named *NAME (its path in
 * path[256]); returns the compressed size. */
static long write_gz(char *path, const char *name, const char *s)
{
    char dir[] = "/tmp/dyad-infile-XXXXXX";
    assert_non_null(mkdtemp(dir));
    snprintf(path, 256, "%s/%s", dir, name);
    gzFile g = gzopen(path, "wb");
    assert_non_null(g);
    assert_int_equal(gzwrite(g, s, (unsigned)strlen(s)), (int)strlen(s));
    assert_int_equal(gzclose(g), Z_OK);
    FILE *f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

static void remove_tmp(const char *path)
{
    unlink(path);
    char dir[256];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = 0;
    rmdir(dir);
}

/* Cuts the file at path to n bytes. */
static void cut(const char *path, long n) { assert_int_equal(truncate(path, n), 0); }

static void shard_hash_vectors(void **state)
{
    (void)state;
    /* FNV-1a 64-bit: the offset basis for "", and the published vectors */
    assert_true(dyad_shard_hash("") == 14695981039346656037ull);
    assert_true(dyad_shard_hash("a") == 0xaf63dc4c8601ec8cull);
    assert_true(dyad_shard_hash("foobar") == 0x85944171f73967e8ull);
    assert_int_equal(dyad_shard_of("a", 1000000), 641996);     /* 12638187200555641996 */
    assert_int_equal(dyad_shard_of("foobar", 1000000), 436968); /* 9625390261332436968 */
    assert_int_equal(dyad_shard_of("a", 2), 0);
    assert_int_equal(dyad_shard_of("a", 1), 0);
    assert_int_equal(dyad_shard_of("a", 0), 0);
}

static void names_under_gz(void **state)
{
    (void)state;
    assert_true(dyad_infile_is_gz("a.jsonl.gz"));
    assert_true(dyad_infile_is_gz("dir/A.GZ"));
    assert_false(dyad_infile_is_gz(".gz"));
    assert_false(dyad_infile_is_gz("a.gzip"));
    assert_int_equal(dyad_infile_name_len("a.jsonl.gz"), 7);
    assert_int_equal(dyad_infile_name_len("a.txt"), 5);
    const char *brace = "{\"id\":\"x\",\"text\":\"y\"}";
    assert_int_equal(dyad_input_detect("a.txt.gz", brace, strlen(brace)), DYAD_INPUT_TEXT);
    assert_int_equal(dyad_input_detect("a.jsonl.gz", "x", 1), DYAD_INPUT_JSONL);
    assert_int_equal(dyad_input_detect("a.gz", brace, strlen(brace)), DYAD_INPUT_JSONL);
    assert_int_equal(dyad_input_detect("a.xml.gz", "<Sentences>", 11), DYAD_INPUT_PETRXML);
    assert_int_equal(dyad_input_detect("d.conllu.GZ", "", 0), DYAD_INPUT_CONLLU);
}

static void text_gz_is_its_article(void **state)
{
    (void)state;
    char path[256];
    write_gz(path, "note.txt.gz", "date 2024-05-10\nFrance condemned Russia.\n");
    dyad_article_reader *r = NULL;
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), 0);
    assert_int_equal(dyad_article_reader_format(r), DYAD_INPUT_TEXT);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "note");
    assert_string_equal(a->date, "2024-05-10");
    assert_string_equal(a->text, "France condemned Russia.");
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    dyad_article_reader_free(r);
    char *buf = NULL;
    size_t n = 0;
    assert_int_equal(dyad_infile_read_all(path, &buf, &n), 0);
    assert_int_equal(n, strlen("date 2024-05-10\nFrance condemned Russia.\n"));
    assert_memory_equal(buf, "date 2024-05-10\nFrance", 22);
    free(buf);
    remove_tmp(path);
}

/* 300 JSON lines of incompressible text, so that a cut in the middle of the
 * .gz is a cut in the middle of the lines. */
static char *big_feed(void)
{
    dyad_buf b;
    dyad_buf_init(&b);
    unsigned x = 12345;
    for (int i = 0; i < 300; i++) {
        dyad_buf_printf(&b, "{\"id\":\"a%d\",\"text\":\"Line %d ", i, i);
        for (int k = 0; k < 40; k++) {
            x = x * 1103515245u + 12345u;
            dyad_buf_printf(&b, "%08x", x);
        }
        dyad_buf_puts(&b, ".\"}\n");
    }
    return b.data;
}

static void truncated_jsonl_gz(void **state)
{
    (void)state;
    char path[256];
    char *feed = big_feed();
    long size = write_gz(path, "feed.jsonl.gz", feed);
    cut(path, size / 2);
    dyad_article_reader *r = NULL;
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), 0);
    int n = 0, rc;
    while ((rc = dyad_article_reader_next(r, &a)) == 1) {
        char id[16];
        snprintf(id, sizeof id, "a%d", n++);
        assert_string_equal(a->id, id); /* the first ones, in order */
    }
    assert_int_equal(rc, DYAD_EIO);
    assert_true(n > 50 && n < 300);
    assert_non_null(strstr(dyad_last_error(), "feed.jsonl.gz: read error: damaged gzip data after "));
    assert_non_null(strstr(dyad_last_error(), "unexpected end of file"));
    assert_non_null(strstr(dyad_last_error(), "the articles before it were read"));
    dyad_article_reader_free(r);
    char *buf = NULL;
    assert_int_equal(dyad_infile_read_all(path, &buf, NULL), DYAD_EIO);
    assert_null(buf);
    assert_non_null(strstr(dyad_last_error(), "the file is left out"));
    free(feed);
    remove_tmp(path);
}

static void corrupt_gz(void **state)
{
    (void)state;
    char path[256];
    char *feed = big_feed();
    long size = write_gz(path, "feed.jsonl.gz", feed);
    /* the CRC and length at the end no longer match the data */
    FILE *f = fopen(path, "r+b");
    fseek(f, size - 6, SEEK_SET);
    fputc(0x5a, f);
    fputc(0xa5, f);
    fclose(f);
    char *buf = NULL;
    assert_int_equal(dyad_infile_read_all(path, &buf, NULL), DYAD_EIO);
    assert_non_null(strstr(dyad_last_error(), "damaged gzip data after"));
    /* not gzip at all under a .gz name */
    f = fopen(path, "wb");
    fputs("\x1f\x8b\x08garbage", f);
    fclose(f);
    assert_int_equal(dyad_infile_read_all(path, &buf, NULL), DYAD_EIO);
    assert_non_null(strstr(dyad_last_error(), "damaged gzip data after 0 bytes"));
    assert_int_equal(dyad_infile_read_all("/nonexistent/x.gz", &buf, NULL), DYAD_EIO);
    assert_non_null(strstr(dyad_last_error(), "/nonexistent/x.gz: cannot open"));
    free(feed);
    remove_tmp(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shard_hash_vectors),
        cmocka_unit_test(names_under_gz),
        cmocka_unit_test(text_gz_is_its_article),
        cmocka_unit_test(truncated_jsonl_gz),
        cmocka_unit_test(corrupt_gz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
