/* test_tagger.c: the part-of-speech tagger: training on a small CoNLL-U file
 * written here, tagging (the training sentences come back with their own tags,
 * a new sentence made of known words gets the tags those words had), any
 * sentence length, rejection of damaged model files, determinism.
 * When ../shared and a trained data/parser/tagger.bin are present, the model's
 * accuracy on the EWT dev set is checked too. */
#include "testutil.h"
#include "parse/tagger.h"
#include "util/util.h"

#include <pthread.h>
#include <sys/stat.h>

/* Six sentences, tags as UD EWT annotates these words. */
static const char *tiny_conllu =
    "# text = The dog barks.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tJohn\tJohn\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tbig\tbig\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
    "5\tdogs\tdog\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\thas\thave\tAUX\tVBZ\t_\t3\taux\t_\t_\n"
    "3\tseen\tsee\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tcat\tcat\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\twalk\twalk\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tpark\tpark\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\twant\twant\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
    "4\tsleep\tsleep\tVERB\tVB\t_\t2\txcomp\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

typedef struct fixture {
    char dir[64];
    char train[128], model[128];
    dyad_tagger *t;
} fixture;

static void write_text(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *path, size_t *n)
{
    char *s;
    assert_int_equal(dyad_read_file(path, &s, n), 0);
    return s;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/dyad_tagger_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->train, sizeof f->train, "%s/train.conllu", f->dir);
    snprintf(f->model, sizeof f->model, "%s/tagger.bin", f->dir);
    write_text(f->train, tiny_conllu, strlen(tiny_conllu));
    if (dyad_tagger_train(f->train, NULL, f->model, 10, 7, NULL) != 0)
        return -1;
    if (dyad_tagger_load(&f->t, f->model) != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_tagger_free(f->t);
    char path[160];
    const char *names[] = {"train.conllu", "tagger.bin", "tagger2.bin", "bad.bin", "bad.conllu",
                           "empty.conllu"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", f->dir, names[i]);
        remove(path);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

static void expect_tags(const dyad_tagger *t, const char *words_s, const char *upos_s,
                        const char *xpos_s)
{
    char wb[256], ub[256], xb[256];
    const char *w[32], *wu[32], *wx[32];
    int n = 0, nu = 0, nx = 0;
    snprintf(wb, sizeof wb, "%s", words_s);
    snprintf(ub, sizeof ub, "%s", upos_s);
    snprintf(xb, sizeof xb, "%s", xpos_s);
    for (char *p = strtok(wb, " "); p; p = strtok(NULL, " "))
        w[n++] = p;
    for (char *p = strtok(ub, " "); p; p = strtok(NULL, " "))
        wu[nu++] = p;
    for (char *p = strtok(xb, " "); p; p = strtok(NULL, " "))
        wx[nx++] = p;
    assert_int_equal(n, nu);
    assert_int_equal(n, nx);
    const char *u[32], *x[32];
    assert_int_equal(dyad_tagger_tag(t, w, n, u, x), 0);
    for (int i = 0; i < n; i++) {
        if (strcmp(u[i], wu[i]) != 0 || strcmp(x[i], wx[i]) != 0)
            fail_msg("word %d '%s': got %s/%s, want %s/%s", i, w[i], u[i], x[i], wu[i], wx[i]);
    }
}

static void test_training_sentences(void **state)
{
    fixture *f = *state;
    assert_int_equal(dyad_tagger_nlabels(f->t), 15); /* distinct UPOS/XPOS pairs above */
    expect_tags(f->t, "The dog barks .", "DET NOUN VERB PUNCT", "DT NN VBZ .");
    expect_tags(f->t, "John saw the big dogs .", "PROPN VERB DET ADJ NOUN PUNCT",
                "NNP VBD DT JJ NNS .");
    expect_tags(f->t, "She has seen a cat .", "PRON AUX VERB DET NOUN PUNCT",
                "PRP VBZ VBN DT NN .");
    /* "to" before a noun phrase vs before a verb. */
    expect_tags(f->t, "They walk to the park .", "PRON VERB ADP DET NOUN PUNCT",
                "PRP VBP IN DT NN .");
    expect_tags(f->t, "We want to sleep .", "PRON VERB PART VERB PUNCT", "PRP VBP TO VB .");
}

static void test_new_sentence(void **state)
{
    fixture *f = *state;
    /* Known words in a new order keep the tags they had. */
    expect_tags(f->t, "The cat barks .", "DET NOUN VERB PUNCT", "DT NN VBZ .");
    expect_tags(f->t, "A dog sleeps .", "DET NOUN VERB PUNCT", "DT NN VBZ .");
}

static void test_any_length(void **state)
{
    fixture *f = *state;
    const char *u[1], *x[1];
    assert_int_equal(dyad_tagger_tag(f->t, NULL, 0, NULL, NULL), 0);
    const char *one[] = {"dog"};
    assert_int_equal(dyad_tagger_tag(f->t, one, 1, u, x), 0);
    assert_non_null(u[0]);
    assert_non_null(x[0]);
    /* Over the 256 words kept on the stack, and odd words. */
    enum { N = 5000 };
    const char **w = malloc(sizeof *w * N), **uu = malloc(sizeof *uu * N),
               **xx = malloc(sizeof *xx * N);
    char *longword = malloc(100001);
    memset(longword, 'x', 100000);
    longword[100000] = '\0';
    const char *pool[] = {"The", "dog", "barks", ".", "", "\xff\xfe", "日本", longword};
    for (int i = 0; i < N; i++)
        w[i] = pool[i % 8];
    assert_int_equal(dyad_tagger_tag(f->t, w, N, uu, xx), 0);
    for (int i = 0; i < N; i++) {
        assert_non_null(uu[i]);
        assert_non_null(xx[i]);
    }
    /* The same words tagged in a short sentence agree with the long one where
     * the context is the same: "The dog barks ." opens both. */
    const char *su[4], *sx[4];
    assert_int_equal(dyad_tagger_tag(f->t, w, 4, su, sx), 0);
    assert_string_equal(su[0], uu[0]);
    assert_string_equal(su[1], uu[1]);
    free(longword);
    free(w);
    free(uu);
    free(xx);
}

typedef struct tagjob {
    const dyad_tagger *t;
    const char **w;
    int n, rounds, bad;
    const char **u, **x; /* the expected tags */
} tagjob;

static void *tag_rounds(void *arg)
{
    tagjob *j = arg;
    const char *u[16], *x[16];
    for (int r = 0; r < j->rounds; r++) {
        if (dyad_tagger_tag(j->t, j->w, j->n, u, x) != 0) {
            j->bad++;
            continue;
        }
        for (int i = 0; i < j->n; i++)
            j->bad += u[i] != j->u[i] || x[i] != j->x[i];
    }
    return NULL;
}

/* One model shared by threads tagging at once gives each the tags it gives
 * alone. */
static void test_threads(void **state)
{
    fixture *f = *state;
    const char *w[] = {"John", "saw", "the", "big", "dogs", "."};
    const char *u[6], *x[6];
    assert_int_equal(dyad_tagger_tag(f->t, w, 6, u, x), 0);
    tagjob jobs[4];
    pthread_t th[4];
    for (int k = 0; k < 4; k++) {
        jobs[k] = (tagjob){f->t, w, 6, 2000, 0, u, x};
        assert_int_equal(pthread_create(&th[k], NULL, tag_rounds, &jobs[k]), 0);
    }
    for (int k = 0; k < 4; k++) {
        pthread_join(th[k], NULL);
        assert_int_equal(jobs[k].bad, 0);
    }
}

static void test_bad_arguments(void **state)
{
    fixture *f = *state;
    const char *w[] = {"dog", NULL};
    const char *u[2], *x[2];
    assert_int_equal(dyad_tagger_tag(f->t, w, 2, u, x), DYAD_EINVAL);
    assert_int_equal(dyad_tagger_tag(f->t, w, -1, u, x), DYAD_EINVAL);
    assert_int_equal(dyad_tagger_tag(NULL, w, 1, u, x), DYAD_EINVAL);
    dyad_tagger_free(NULL);
}

static int load_bytes(fixture *f, const char *s, size_t n)
{
    char path[160];
    snprintf(path, sizeof path, "%s/bad.bin", f->dir);
    write_text(path, s, n);
    dyad_tagger *t = (dyad_tagger *)1;
    int rc = dyad_tagger_load(&t, path);
    if (rc)
        assert_null(t);
    else
        dyad_tagger_free(t);
    return rc;
}

static void test_damaged_model(void **state)
{
    fixture *f = *state;
    size_t n;
    char *s = slurp(f->model, &n);
    assert_true(n > DYAD_TAGGER__HEADER + 100);
    assert_int_equal(load_bytes(f, s, n), 0);

    /* Truncated anywhere, empty. */
    size_t cuts[] = {0, 10, DYAD_TAGGER__HEADER - 1, DYAD_TAGGER__HEADER, n / 2, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        assert_int_equal(load_bytes(f, s, cuts[i]), DYAD_EPARSE);
        assert_non_null(strstr(dyad_last_error(), "bad.bin"));
    }
    /* A changed byte in the payload: the checksum catches it. */
    s[n / 2] ^= 0x40;
    assert_int_equal(load_bytes(f, s, n), DYAD_EPARSE);
    assert_non_null(strstr(dyad_last_error(), "checksum"));
    s[n / 2] ^= 0x40;
    /* Wrong magic, wrong version, a trailing byte. */
    s[0] = 'X';
    assert_int_equal(load_bytes(f, s, n), DYAD_EPARSE);
    assert_non_null(strstr(dyad_last_error(), "magic"));
    s[0] = 'D';
    s[8] = 99;
    assert_int_equal(load_bytes(f, s, n), DYAD_EPARSE);
    assert_non_null(strstr(dyad_last_error(), "version"));
    s[8] = DYAD_TAGGER_VERSION;
    char *longer = malloc(n + 1);
    memcpy(longer, s, n);
    longer[n] = 0;
    assert_int_equal(load_bytes(f, longer, n + 1), DYAD_EPARSE);
    free(longer);
    /* A label index out of range with a valid checksum: the structure check
     * catches what the checksum cannot (a file written wrongly). The last
     * entry's label sits just before the label strings; find an entry by
     * scanning the feature table instead: set every entry label to 0xFFFF. */
    {
        uint32_t nlabels, lex_cap, feat_cap, nentries, strings_len;
        memcpy(&nlabels, s + 12, 4);
        memcpy(&lex_cap, s + 16, 4);
        memcpy(&feat_cap, s + 20, 4);
        memcpy(&nentries, s + 24, 4);
        memcpy(&strings_len, s + 28, 4);
        size_t off[5];
        size_t plen = dyad_tagger__payload_size(lex_cap, feat_cap, nentries, strings_len, off);
        assert_int_equal(plen + DYAD_TAGGER__HEADER, n);
        char *c = malloc(n);
        memcpy(c, s, n);
        unsigned char *p = (unsigned char *)c + DYAD_TAGGER__HEADER;
        uint16_t big = 0xFFFF;
        memcpy(p + off[4], &big, 2); /* the first entry's label */
        uint64_t sum = dyad_tagger__checksum(p, plen);
        memcpy(c + 56, &sum, 8);
        assert_int_equal(load_bytes(f, c, n), DYAD_EPARSE);
        assert_non_null(strstr(dyad_last_error(), "label out of range"));
        free(c);
    }
    /* Missing file. */
    dyad_tagger *t;
    char path[160];
    snprintf(path, sizeof path, "%s/none.bin", f->dir);
    assert_int_equal(dyad_tagger_load(&t, path), DYAD_EIO);
    assert_null(t);
    free(s);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    char other[160];
    snprintf(other, sizeof other, "%s/tagger2.bin", f->dir);
    assert_int_equal(dyad_tagger_train(f->train, NULL, other, 10, 7, NULL), 0);
    size_t n1, n2;
    char *a = slurp(f->model, &n1), *b = slurp(other, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
}

static void test_training_errors(void **state)
{
    fixture *f = *state;
    char path[160], out[160];
    snprintf(out, sizeof out, "%s/tagger2.bin", f->dir);
    snprintf(path, sizeof path, "%s/missing.conllu", f->dir);
    assert_int_equal(dyad_tagger_train(path, NULL, out, 1, 1, NULL), DYAD_EIO);
    snprintf(path, sizeof path, "%s/empty.conllu", f->dir);
    write_text(path, "# nothing\n", 10);
    assert_int_equal(dyad_tagger_train(path, NULL, out, 1, 1, NULL), DYAD_EPARSE);
    /* A broken sentence (a line with 3 columns) is reported with its line and
     * skipped; the good one is learnt. */
    snprintf(path, sizeof path, "%s/bad.conllu", f->dir);
    const char *bad = "1\tbad\tbad\n\n"
                      "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
    write_text(path, bad, strlen(bad));
    char logbuf[4096] = "";
    FILE *log = fmemopen(logbuf, sizeof logbuf - 1, "w");
    assert_non_null(log);
    assert_int_equal(dyad_tagger_train(path, NULL, out, 2, 1, log), 0);
    fclose(log);
    assert_non_null(strstr(logbuf, "bad.conllu:1:"));
    dyad_tagger *t;
    assert_int_equal(dyad_tagger_load(&t, out), 0);
    assert_int_equal(dyad_tagger_nlabels(t), 1);
    expect_tags(t, "Hello", "INTJ", "UH");
    dyad_tagger_free(t);
}

/* The trained EWT model, when both it and the shared dev set are here. */
static void test_ewt_dev(void **state)
{
    (void)state;
    const char *gz = shared_corpus("ud-english-ewt/en_ewt-ud-dev.conllu.gz");
    if (!gz)
        skip();
    if (access("data/parser/tagger.bin", R_OK) != 0) {
        fprintf(stderr, "skip: data/parser/tagger.bin not trained\n");
        skip();
    }
    char dir[] = "/tmp/dyad_tagdev_XXXXXX", cmd[512], path[128];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/dev.conllu", dir);
    snprintf(cmd, sizeof cmd, "gzip -dc '%s' > '%s'", gz, path);
    assert_int_equal(system(cmd), 0);
    dyad_tagger *t;
    assert_int_equal(dyad_tagger_load(&t, "data/parser/tagger.bin"), 0);
    size_t n;
    char *s = slurp(path, &n);
    long words = 0, oku = 0, okx = 0;
    const char *w[1024], *gu[1024], *gx[1024], *u[1024], *x[1024];
    int nw = 0;
    for (char *line = strtok(s, "\n");; line = strtok(NULL, "\n")) {
        int end = !line;
        char *col[10];
        int nc = 0;
        if (!end && line[0] != '#') {
            for (char *p = line; nc < 10; nc++) {
                col[nc] = p;
                char *tab = strchr(p, '\t');
                if (!tab) {
                    nc++;
                    break;
                }
                *tab = '\0';
                p = tab + 1;
            }
        }
        /* strtok skips the blank lines, so a sentence ends at ID 1 or the end. */
        if ((end || (nc == 10 && strcmp(col[0], "1") == 0)) && nw) {
            assert_int_equal(dyad_tagger_tag(t, w, nw, u, x), 0);
            for (int i = 0; i < nw; i++) {
                oku += strcmp(u[i], gu[i]) == 0;
                okx += strcmp(x[i], gx[i]) == 0;
            }
            words += nw;
            nw = 0;
        }
        if (end)
            break;
        if (nc == 10 && !strchr(col[0], '-') && !strchr(col[0], '.') && nw < 1024) {
            w[nw] = col[1];
            gu[nw] = col[3];
            gx[nw] = col[4];
            nw++;
        }
    }
    double ua = 100.0 * (double)oku / (double)words, xa = 100.0 * (double)okx / (double)words;
    fprintf(stderr, "EWT dev: %ld words, UPOS %.2f XPOS %.2f\n", words, ua, xa);
    assert_int_equal(words, 25147);
    assert_true(ua >= 94.5);
    assert_true(xa >= 94.0);
    free(s);
    dyad_tagger_free(t);
    remove(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_training_sentences),
        cmocka_unit_test(test_new_sentence),
        cmocka_unit_test(test_any_length),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_damaged_model),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_training_errors),
        cmocka_unit_test(test_ewt_dev),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
