/* test_depparse.c: the dependency parser (depparse.h): training on a tiny
 * treebank written here, the trees it gives back, model validation and
 * sentences of any length. The expected heads and relations are the
 * hand-written annotations of the training sentences below. */
#include "testutil.h"
#include "dyad.h"
#include "parse/depparse.h"
#include "util/util.h"

/* Five hand-annotated sentences (UD style: ID FORM LEMMA UPOS XPOS FEATS HEAD
 * DEPREL DEPS MISC). */
static const char *const TREEBANK =
    "# text = The dog barks .\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "4\tbig\tbig\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
    "5\tcat\tcat\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "6\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
    "8\tpark\tpark\tNOUN\tNN\t_\t2\tobl\t_\t_\n"
    "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2\thave\thave\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "3\tleft\tleave\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "4\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
    "5\twe\twe\tPRON\tPRP\t_\t6\tnsubj\t_\t_\n"
    "6\tstayed\tstay\tVERB\tVBD\t_\t3\tconj\t_\t_\n"
    "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tGive\tgive\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "2\thim\the\tPRON\tPRP\t_\t1\tiobj\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tbook\tbook\tNOUN\tNN\t_\t1\tobj\t_\t_\n"
    "5\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n"
    "1\tOld\told\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
    "2\tfriends\tfriend\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
    "3\tare\tbe\tAUX\tVBP\t_\t4\tcop\t_\t_\n"
    "4\tbest\tgood\tADJ\tJJS\t_\t0\troot\t_\t_\n"
    "\n";

typedef struct gold {
    int n;
    const char *w[9], *u[9], *x[9];
    int head[9];
    const char *rel[9];
} gold;

/* The same sentences as arrays (heads 0-based, -1 = root). */
static const gold GOLD[] = {
    {4, {"The", "dog", "barks", "."}, {"DET", "NOUN", "VERB", "PUNCT"},
     {"DT", "NN", "VBZ", "."}, {1, 2, -1, 2}, {"det", "nsubj", "root", "punct"}},
    {9, {"She", "saw", "a", "big", "cat", "in", "the", "park", "."},
     {"PRON", "VERB", "DET", "ADJ", "NOUN", "ADP", "DET", "NOUN", "PUNCT"},
     {"PRP", "VBD", "DT", "JJ", "NN", "IN", "DT", "NN", "."},
     {1, -1, 4, 4, 1, 7, 7, 1, 1},
     {"nsubj", "root", "det", "amod", "obj", "case", "det", "obl", "punct"}},
    {7, {"They", "have", "left", "and", "we", "stayed", "."},
     {"PRON", "AUX", "VERB", "CCONJ", "PRON", "VERB", "PUNCT"},
     {"PRP", "VBP", "VBN", "CC", "PRP", "VBD", "."},
     {2, 2, -1, 5, 5, 2, 2},
     {"nsubj", "aux", "root", "cc", "nsubj", "conj", "punct"}},
    {5, {"Give", "him", "the", "book", "!"}, {"VERB", "PRON", "DET", "NOUN", "PUNCT"},
     {"VB", "PRP", "DT", "NN", "."}, {-1, 0, 3, 0, 0}, {"root", "iobj", "det", "obj", "punct"}},
    {4, {"Old", "friends", "are", "best"}, {"ADJ", "NOUN", "AUX", "ADJ"},
     {"JJ", "NNS", "VBP", "JJS"}, {1, 3, 3, -1}, {"amod", "nsubj", "cop", "root"}},
};

typedef struct fix {
    char dir[64], train[96], model[96];
    dyad_depparser *p;
} fix;

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

static int setup(void **state)
{
    fix *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/dyad_depparse_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->train, sizeof f->train, "%s/train.conllu", f->dir);
    snprintf(f->model, sizeof f->model, "%s/parser.bin", f->dir);
    if (write_text(f->train, TREEBANK))
        return -1;
    FILE *log = fopen("/dev/null", "w");
    int rc = dyad_depparser_train(f->train, f->train, f->model, NULL, 20, 7, log);
    fclose(log);
    if (rc || dyad_depparser_load(&f->p, f->model))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fix *f = *state;
    dyad_depparser_free(f->p);
    char p[128];
    snprintf(p, sizeof p, "%s/parser.bin2", f->dir);
    remove(p);
    remove(f->model);
    remove(f->train);
    rmdir(f->dir);
    free(f);
    return 0;
}

/* heads[0..n) form one tree under one root and no arcs cross. */
static void assert_projective_tree(const int *head, int n)
{
    int roots = 0;
    for (int i = 0; i < n; i++) {
        assert_true(head[i] >= -1 && head[i] < n && head[i] != i);
        roots += head[i] == -1;
        int k = i, steps = 0;
        while (k >= 0 && steps <= n)
            k = head[k], steps++;
        assert_true(steps <= n); /* reaches the root: no cycle */
    }
    assert_int_equal(roots, n > 0);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (head[i] < 0 || head[j] < 0)
                continue;
            int a1 = i < head[i] ? i : head[i], b1 = i < head[i] ? head[i] : i;
            int a2 = j < head[j] ? j : head[j], b2 = j < head[j] ? head[j] : j;
            assert_false(a1 < a2 && a2 < b1 && b1 < b2); /* crossing arcs */
        }
}

static void learns_the_treebank(void **state)
{
    fix *f = *state;
    for (size_t s = 0; s < sizeof GOLD / sizeof *GOLD; s++) {
        const gold *g = &GOLD[s];
        int head[9];
        const char *rel[9];
        assert_int_equal(dyad_depparser_parse(f->p, g->w, g->u, g->x, g->n, head, rel), 0);
        for (int i = 0; i < g->n; i++) {
            assert_int_equal(head[i], g->head[i]);
            assert_string_equal(rel[i], g->rel[i]);
        }
    }
    dyad_depparser_info info;
    dyad_depparser_get_info(f->p, &info);
    assert_int_equal(info.nlabels, 13); /* the relations of the treebank */
}

static void unseen_sentence_is_a_tree(void **state)
{
    fix *f = *state;
    const char *w[] = {"The", "big", "dog", "saw", "him", "in", "the", "park", "."};
    const char *u[] = {"DET", "ADJ", "NOUN", "VERB", "PRON", "ADP", "DET", "NOUN", "PUNCT"};
    const char *x[] = {"DT", "JJ", "NN", "VBD", "PRP", "IN", "DT", "NN", "."};
    int head[9];
    const char *rel[9];
    assert_int_equal(dyad_depparser_parse(f->p, w, u, x, 9, head, rel), 0);
    assert_projective_tree(head, 9);
    /* the determiner and adjective hang from "dog", as in the training trees */
    assert_int_equal(head[0], 2);
    assert_int_equal(head[1], 2);
    assert_string_equal(rel[0], "det");
    /* no tags at all: still a tree */
    assert_int_equal(dyad_depparser_parse(f->p, w, NULL, NULL, 9, head, rel), 0);
    assert_projective_tree(head, 9);
}

static void any_length(void **state)
{
    fix *f = *state;
    int head[1];
    const char *rel[1];
    assert_int_equal(dyad_depparser_parse(f->p, NULL, NULL, NULL, 0, head, rel), 0);
    const char *one[] = {"Hello"};
    assert_int_equal(dyad_depparser_parse(f->p, one, NULL, NULL, 1, head, rel), 0);
    assert_int_equal(head[0], -1);
    assert_string_equal(rel[0], "root");
    assert_int_equal(dyad_depparser_parse(f->p, NULL, NULL, NULL, 3, head, rel), DYAD_EINVAL);
    int n = 20000;
    const char **w = malloc(sizeof *w * (size_t)n), **r = malloc(sizeof *r * (size_t)n);
    int *h = malloc(sizeof *h * (size_t)n);
    const char *vocab[] = {"the", "dog", "saw", "a", "cat", ",", "and", "left", "."};
    for (int i = 0; i < n; i++)
        w[i] = vocab[(i * 7 + i / 3) % 9];
    assert_int_equal(dyad_depparser_parse(f->p, w, NULL, NULL, n, h, r), 0);
    int roots = 0;
    for (int i = 0; i < n; i++) {
        assert_true(h[i] >= -1 && h[i] < n && h[i] != i);
        assert_non_null(r[i]);
        roots += h[i] == -1;
    }
    assert_int_equal(roots, 1);
    free(w);
    free(r);
    free(h);
}

static void damaged_models_are_rejected(void **state)
{
    fix *f = *state;
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(dyad_read_file(f->model, &buf, &len), 0);
    assert_true(len > 200);
    dyad_depparser *p = NULL;
    assert_int_equal(dyad_depparser_load_mem(&p, buf, len, "good"), 0);
    dyad_depparser_free(p);
    /* every truncation */
    for (size_t n = 0; n < len; n += (n < 128 ? 1 : 97)) {
        assert_int_equal(dyad_depparser_load_mem(&p, buf, n, "cut"), DYAD_EPARSE);
        assert_null(p);
    }
    /* a flipped bit anywhere */
    for (size_t i = 0; i < len; i += 13) {
        buf[i] ^= 0x10;
        int rc = dyad_depparser_load_mem(&p, buf, len, "flipped");
        buf[i] ^= 0x10;
        assert_int_equal(rc, DYAD_EPARSE);
        assert_null(p);
    }
    buf[0] = 'X';
    assert_int_equal(dyad_depparser_load_mem(&p, buf, len, "magic"), DYAD_EPARSE);
    assert_non_null(strstr(dyad_last_error(), "magic"));
    buf[0] = 'D';
    /* a truncated file on disk: a clear error naming it */
    char path[128];
    snprintf(path, sizeof path, "%s/parser.bin2", f->dir);
    FILE *o = fopen(path, "wb");
    fwrite(buf, 1, len / 2, o);
    fclose(o);
    assert_int_equal(dyad_depparser_load(&p, path), DYAD_EPARSE);
    assert_non_null(strstr(dyad_last_error(), "parser.bin2"));
    assert_int_equal(dyad_depparser_load(&p, "/nonexistent/parser.bin"), DYAD_EIO);
    free(buf);
}

static void training_is_deterministic(void **state)
{
    fix *f = *state;
    char other[128];
    snprintf(other, sizeof other, "%s/parser.bin2", f->dir);
    FILE *log = fopen("/dev/null", "w");
    assert_int_equal(dyad_depparser_train(f->train, NULL, other, NULL, 20, 7, log), 0);
    fclose(log);
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    assert_int_equal(dyad_read_file(f->model, &a, &la), 0);
    assert_int_equal(dyad_read_file(other, &b, &lb), 0);
    /* without a dev file the last iteration is kept; with it, the best (which on
     * a treebank learnt perfectly is an earlier one): compare two dev-less runs */
    log = fopen("/dev/null", "w");
    assert_int_equal(dyad_depparser_train(f->train, NULL, f->model, NULL, 20, 7, log), 0);
    fclose(log);
    free(a);
    assert_int_equal(dyad_read_file(f->model, &a, &la), 0);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    free(a);
    free(b);
    /* missing input: an error naming the file */
    assert_int_equal(dyad_depparser_train("/nonexistent.conllu", NULL, other, NULL, 1, 1, NULL),
                     DYAD_EIO);
    assert_non_null(strstr(dyad_last_error(), "/nonexistent.conllu"));
}

/* A model trained globally with a beam of 4 learns the treebank, records its
 * width, parses any length into trees (greedily past the beam's length cap)
 * and is trained the same way twice. */
static void beam_model(void **state)
{
    fix *f = *state;
    char path[128], path2[128];
    snprintf(path, sizeof path, "%s/beam.bin", f->dir);
    snprintf(path2, sizeof path2, "%s/beam2.bin", f->dir);
    FILE *log = fopen("/dev/null", "w");
    assert_int_equal(dyad_depparser_train2(f->train, NULL, path, NULL, NULL, 20, 4, 7, log), 0);
    assert_int_equal(dyad_depparser_train2(f->train, NULL, path2, NULL, NULL, 20, 4, 7, log), 0);
    assert_int_equal(dyad_depparser_train2(f->train, NULL, path2, NULL, NULL, 20, 33, 7, log),
                     DYAD_EINVAL);
    fclose(log);
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    assert_int_equal(dyad_read_file(path, &a, &la), 0);
    assert_int_equal(dyad_read_file(path2, &b, &lb), 0);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    uint32_t version, beam;
    memcpy(&version, a + 8, 4);
    memcpy(&beam, a + 60, 4);
    assert_int_equal(version, 5);
    assert_int_equal(beam, 4);
    dyad_depparser *p = NULL;
    assert_int_equal(dyad_depparser_load(&p, path), 0);
    for (size_t s = 0; s < sizeof GOLD / sizeof *GOLD; s++) {
        const gold *g = &GOLD[s];
        int head[9];
        const char *rel[9];
        assert_int_equal(dyad_depparser_parse(p, g->w, g->u, g->x, g->n, head, rel), 0);
        for (int i = 0; i < g->n; i++) {
            assert_int_equal(head[i], g->head[i]);
            assert_string_equal(rel[i], g->rel[i]);
        }
    }
    const char *vocab[] = {"the", "dog", "saw", "a", "cat", ",", "and", "left", "."};
    const char *w[600], *r[600];
    int h[600];
    for (int i = 0; i < 600; i++)
        w[i] = vocab[(i * 7 + i / 3) % 9];
    for (int n = 1; n <= 600; n += n < 240 ? 7 : 120) {
        assert_int_equal(dyad_depparser_parse(p, w, NULL, NULL, n, h, r), 0);
        assert_projective_tree(h, n);
    }
    dyad_depparser_free(p);
    /* a width out of range, or set in a version 4 (greedy) header, is refused */
    beam = 0;
    memcpy(a + 60, &beam, 4);
    assert_int_equal(dyad_depparser_load_mem(&p, a, la, "beam 0"), DYAD_EPARSE);
    assert_non_null(strstr(dyad_last_error(), "beam"));
    beam = 4;
    version = 4;
    memcpy(a + 60, &beam, 4);
    memcpy(a + 8, &version, 4);
    assert_int_equal(dyad_depparser_load_mem(&p, a, la, "v4 beam"), DYAD_EPARSE);
    /* a version 4 header (no width) is a greedy model */
    beam = 0;
    memcpy(a + 60, &beam, 4);
    assert_int_equal(dyad_depparser_load_mem(&p, a, la, "v4"), 0);
    dyad_depparser_free(p);
    free(a);
    free(b);
    remove(path);
    remove(path2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(learns_the_treebank),
        cmocka_unit_test(unseen_sentence_is_a_tree),
        cmocka_unit_test(any_length),
        cmocka_unit_test(damaged_models_are_rejected),
        cmocka_unit_test(training_is_deterministic),
        cmocka_unit_test(beam_model),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
