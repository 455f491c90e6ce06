/* cmd_train.c: `dyad train-parser --train FILE --dev FILE -o DIR`: trains the
 * part-of-speech tagger, then the dependency parser on the tagger's tags, and
 * writes DIR/tagger.bin and DIR/parser.bin. The parser learns from jackknifed
 * tags: the training sentences are cut into K folds and each fold is tagged
 * by a tagger trained on the other folds, so that the parser sees tags as
 * wrong as they will be on new text. The K + 1 taggers train on two threads. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "dyad.h"
#include "parse/depparse.h"
#include "parse/conllu.h"
#include "parse/tagger.h"
#include "util/util.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad train-parser --train FILE --dev FILE -o DIR [--iterations N]\n"
            "                         [--tagger-iterations N] [--seed S] [--gold-tags]\n"
            "Trains the tagger on the training CoNLL-U file, then the dependency parser on\n"
            "the tagger's tags, and writes DIR/tagger.bin and DIR/parser.bin. Progress and\n"
            "the dev figures of every iteration go to standard error.\n"
            "Options:\n"
            "  --train FILE            training treebank (plain CoNLL-U)\n"
            "  --dev FILE              development treebank: scored after each iteration;\n"
            "                          the parser keeps its best iteration\n"
            "  -o, --output DIR        folder for the models (created if missing)\n"
            "  --iterations N          parser training passes (default 15)\n"
            "  --tagger-iterations N   tagger training passes (default: the tagger's)\n"
            "  --seed S                shuffling and exploration seed (default 1)\n"
            "  --beam K                train the parser globally with a beam of K (1-32;\n"
            "                          default 1: greedy, with exploration); it then\n"
            "                          parses with that beam\n"
            "  --folds K               jackknife folds for the parser's training tags\n"
            "                          (default 4; 1: tagged by the final tagger)\n"
            "  --gold-tags             no tagger: train the parser on the gold tags (dyad\n"
            "                          parse then uses the input's tags)\n"
            "  --keep-tags FILE        also write the training file with its jackknifed\n"
            "                          tags to FILE\n"
            "  --parser-only           keep DIR/tagger.bin; train only the parser, on the\n"
            "                          tags of the training file (one written by\n"
            "                          --keep-tags), the dev file tagged by DIR/tagger.bin\n"
            "Exit status: 0 success; 2 usage error; 3 a file could not be read or written.\n");
}

static int parse_int(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0 || v > 1000000000L)
        return -1;
    *out = (int)v;
    return 0;
}

/* ---- jackknifing ------------------------------------------------------- */

typedef struct tjob {
    const char *train, *out;
} tjob;

typedef struct tpool {
    tjob *jobs;
    int njobs, next, failed;
    int iterations;
    unsigned seed;
    pthread_mutex_t mu;
    char err[512];
} tpool;

static void *tagger_worker(void *arg)
{
    tpool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        int j = p->failed ? p->njobs : p->next++;
        pthread_mutex_unlock(&p->mu);
        if (j >= p->njobs)
            return NULL;
        /* the full-data tagger (job 0) logs its progress */
        if (dyad_tagger_train(p->jobs[j].train, NULL, p->jobs[j].out, p->iterations, p->seed,
                              j == 0 ? stderr : NULL)) {
            pthread_mutex_lock(&p->mu);
            p->failed = 1;
            snprintf(p->err, sizeof p->err, "%s", dyad_last_error());
            pthread_mutex_unlock(&p->mu);
        }
    }
}

static int write_all(const char *path, const dyad_buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fwrite(b->data ? b->data : "", 1, b->len, f) != b->len;
    return (fclose(f) != 0 || bad) ? -1 : 0;
}

/* Appends the block s[0..n) to out with the UPOS and XPOS columns of its word
 * lines given by the tagger. */
static int tag_block(dyad_buf *out, const char *s, size_t n, const dyad_tagger *t)
{
    char *blk = malloc(n + 1);
    int cap = 16, nw = 0, rc = 0;
    const char **w = malloc(sizeof *w * (size_t)cap * 3);
    char **lines = NULL;
    if (!blk || !w) {
        free(blk);
        free(w);
        return DYAD_ENOMEM;
    }
    memcpy(blk, s, n);
    blk[n] = '\0';
    /* pass 1: the forms */
    int nl = 0;
    for (char *p = blk; *p; nl++) {
        char *e = strchr(p, '\n');
        p = e ? e + 1 : p + strlen(p);
    }
    lines = malloc(sizeof *lines * ((size_t)nl + 1));
    if (!lines) {
        rc = DYAD_ENOMEM;
        goto done;
    }
    nl = 0;
    for (char *p = blk; *p;) {
        char *e = strchr(p, '\n');
        lines[nl++] = p;
        if (e)
            *e = '\0';
        p = e ? e + 1 : p + strlen(p);
    }
    for (int i = 0; i < nl; i++) {
        char *l = lines[i];
        size_t id = strspn(l, "0123456789");
        if (!id || l[id] != '\t')
            continue;
        if (nw == cap) {
            cap *= 2;
            const char **nw2 = realloc(w, sizeof *w * (size_t)cap * 3);
            if (!nw2) {
                rc = DYAD_ENOMEM;
                goto done;
            }
            w = nw2;
        }
        char *form = l + id + 1, *end = strchr(form, '\t');
        if (!end)
            continue;
        *end = '\0'; /* restored below */
        w[nw++] = form;
    }
    const char **up = malloc(sizeof *up * ((size_t)nw + 1) * 2);
    if (!up) {
        rc = DYAD_ENOMEM;
        goto done;
    }
    const char **xp = up + nw + 1;
    if (nw && (rc = dyad_tagger_tag(t, w, nw, up, xp))) {
        free(up);
        goto done;
    }
    int k = 0;
    for (int i = 0; i < nl && !rc; i++) {
        char *l = lines[i];
        size_t id = strspn(l, "0123456789");
        char *form = l + id + 1;
        if (!id || l[id] != '\t' || k >= nw || form != w[k]) {
            rc = dyad_buf_puts(out, l);
            rc = rc ? rc : dyad_buf_putc(out, '\n');
            continue;
        }
        /* ID FORM | LEMMA UPOS XPOS rest */
        char *lemma = form + strlen(form) + 1;
        char *c = strchr(lemma, '\t'), *c2 = c ? strchr(c + 1, '\t') : NULL;
        char *rest = c2 ? strchr(c2 + 1, '\t') : NULL;
        if (!rest) {
            form[strlen(form)] = '\t';
            rc = dyad_buf_puts(out, l);
            rc = rc ? rc : dyad_buf_putc(out, '\n');
        } else {
            *c = '\0';
            rc = dyad_buf_printf(out, "%.*s\t%s\t%s\t%s\t%s%s\n", (int)id, l, form, lemma,
                                 up[k], xp[k], rest);
        }
        k++;
    }
    if (!rc)
        rc = dyad_buf_putc(out, '\n');
    free(up);
done:
    free(lines);
    free(w);
    free(blk);
    return rc;
}

/* Copies the file from to the file to. 0 or -1. */
static int copy_file(const char *from, const char *to)
{
    char *text = NULL;
    size_t len = 0;
    if (dyad_read_file(from, &text, &len))
        return -1;
    dyad_buf b = {.data = text, .len = len};
    int rc = write_all(to, &b);
    free(text);
    return rc;
}

/* Trains the final tagger (tpath) and K fold taggers, and writes the
 * training file with jackknifed tags to jk_path. tmp: a scratch folder. */
static int jackknife(const char *train, const char *tpath, const char *tmp, const char *jk_path,
                     int folds, int iterations, unsigned seed)
{
    char *text = NULL;
    size_t len = 0;
    if (dyad_read_file(train, &text, &len)) {
        fprintf(stderr, "dyad train-parser: %s\n", dyad_last_error());
        return 3;
    }
    size_t plen = strlen(tmp) + 64;
    char **names = calloc((size_t)folds * 2, sizeof *names);
    tjob *jobs = calloc((size_t)folds + 1, sizeof *jobs);
    dyad_buf *parts = calloc((size_t)folds, sizeof *parts);
    dyad_tagger **tg = calloc((size_t)folds, sizeof *tg);
    int status = (!names || !jobs || !parts || !tg) ? 3 : 0;
    for (int f = 0; f < folds && !status; f++) {
        names[2 * f] = malloc(plen);
        names[2 * f + 1] = malloc(plen);
        if (!names[2 * f] || !names[2 * f + 1]) {
            status = 3;
            break;
        }
        snprintf(names[2 * f], plen, "%s/fold%d.conllu", tmp, f);
        snprintf(names[2 * f + 1], plen, "%s/fold%d.bin", tmp, f);
        dyad_buf_init(&parts[f]);
    }
    /* fold f's tagger trains on every block but those with index % folds == f */
    size_t pos = 0, start, blen;
    long line = 1, first;
    for (long j = 0; !status && dyad_conllu_next_block(text, len, &pos, &line, &start, &blen, &first); j++)
        for (int f = 0; f < folds && !status; f++)
            if (j % folds != f && (dyad_buf_append(&parts[f], text + start, blen) ||
                                   dyad_buf_puts(&parts[f], "\n\n")))
                status = 3;
    for (int f = 0; f < folds && !status; f++) {
        if (write_all(names[2 * f], &parts[f])) {
            fprintf(stderr, "dyad train-parser: %s: cannot write\n", names[2 * f]);
            status = 3;
        }
        dyad_buf_free(&parts[f]);
    }
    if (!status) {
        jobs[0].train = train;
        jobs[0].out = tpath;
        for (int f = 0; f < folds; f++) {
            jobs[f + 1].train = names[2 * f];
            jobs[f + 1].out = names[2 * f + 1];
        }
        tpool p = {.jobs = jobs, .njobs = folds + 1, .iterations = iterations, .seed = seed};
        pthread_mutex_init(&p.mu, NULL);
        pthread_t th;
        int threaded = pthread_create(&th, NULL, tagger_worker, &p) == 0;
        tagger_worker(&p);
        if (threaded)
            pthread_join(th, NULL);
        pthread_mutex_destroy(&p.mu);
        if (p.failed) {
            fprintf(stderr, "dyad train-parser: %s\n", p.err);
            status = 3;
        }
    }
    for (int f = 0; f < folds && !status; f++)
        if (dyad_tagger_load(&tg[f], names[2 * f + 1])) {
            fprintf(stderr, "dyad train-parser: %s\n", dyad_last_error());
            status = 3;
        }
    dyad_buf out;
    dyad_buf_init(&out);
    pos = 0;
    line = 1;
    for (long j = 0; !status && dyad_conllu_next_block(text, len, &pos, &line, &start, &blen, &first); j++)
        if (tag_block(&out, text + start, blen, tg[j % folds]))
            status = 3;
    if (!status && write_all(jk_path, &out)) {
        fprintf(stderr, "dyad train-parser: %s: cannot write\n", jk_path);
        status = 3;
    }
    if (!status)
        fprintf(stderr, "train-parser: %d-fold jackknifed tags written\n", folds);
    dyad_buf_free(&out);
    for (int f = 0; f < folds; f++) {
        if (tg)
            dyad_tagger_free(tg[f]);
        if (names && names[2 * f]) {
            remove(names[2 * f]);
            remove(names[2 * f + 1]);
        }
        if (names) {
            free(names[2 * f]);
            free(names[2 * f + 1]);
        }
        if (parts)
            dyad_buf_free(&parts[f]);
    }
    free(names);
    free(jobs);
    free(parts);
    free(tg);
    free(text);
    return status;
}

int dyad_cmd_train(int argc, char **argv)
{
    const char *train = NULL, *dev = NULL, *dir = NULL, *keep = NULL;
    int iterations = 0, tagger_iterations = 0, seed = 1, gold = 0, folds = 4, parser_only = 0;
    int beam = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--gold-tags")) {
            gold = 1;
            continue;
        } else if (!strcmp(a, "--parser-only")) {
            parser_only = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "dyad train-parser: unknown option or missing value '%s'\n", a);
            usage(stderr);
            return 2;
        }
        if (!strcmp(a, "--train"))
            train = v;
        else if (!strcmp(a, "--dev"))
            dev = v;
        else if (!strcmp(a, "--keep-tags"))
            keep = v;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            dir = v;
        else if ((!strcmp(a, "--iterations") && parse_int(v, &iterations) == 0) ||
                 (!strcmp(a, "--tagger-iterations") && parse_int(v, &tagger_iterations) == 0) ||
                 (!strcmp(a, "--seed") && parse_int(v, &seed) == 0) ||
                 (!strcmp(a, "--folds") && parse_int(v, &folds) == 0 && folds >= 1 &&
                  folds <= 20) ||
                 (!strcmp(a, "--beam") && parse_int(v, &beam) == 0 && beam >= 1 && beam <= 32))
            ;
        else {
            fprintf(stderr, "dyad train-parser: bad option '%s %s'\n", a, v);
            usage(stderr);
            return 2;
        }
        i++;
    }
    if (!train || !dir) {
        fprintf(stderr, "dyad train-parser: --train and -o are required\n");
        usage(stderr);
        return 2;
    }
    if (mkdir(dir, 0777) && errno != EEXIST) {
        fprintf(stderr, "dyad train-parser: %s: cannot create: %s\n", dir, strerror(errno));
        return 3;
    }
    size_t plen = strlen(dir) + 16;
    char *tpath = malloc(plen), *ppath = malloc(plen);
    if (!tpath || !ppath) {
        free(tpath);
        free(ppath);
        fprintf(stderr, "dyad train-parser: out of memory\n");
        return 3;
    }
    snprintf(tpath, plen, "%s/tagger.bin", dir);
    snprintf(ppath, plen, "%s/parser.bin", dir);
    int status = 0;
    dyad_tagger *tagger = NULL;
    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char tmp[] = "/tmp/dyad-train-XXXXXX", jk[64] = "";
    if (parser_only && (gold || keep)) {
        fprintf(stderr, "dyad train-parser: --parser-only takes neither --gold-tags nor "
                        "--keep-tags\n");
        status = 2;
    } else if (keep && (gold || folds < 2)) {
        fprintf(stderr, "dyad train-parser: --keep-tags needs jackknifing (--folds 2 or more)\n");
        status = 2;
    } else if (parser_only)
        ; /* the tagger in DIR is kept */
    else if (!gold && folds > 1) {
        if (!mkdtemp(tmp)) {
            fprintf(stderr, "dyad train-parser: cannot make a scratch folder in /tmp\n");
            status = 3;
        } else {
            snprintf(jk, sizeof jk, "%s/train.conllu", tmp);
            status = jackknife(train, tpath, tmp, jk, folds, tagger_iterations, (unsigned)seed);
        }
    } else if (!gold &&
               dyad_tagger_train(train, dev, tpath, tagger_iterations, (unsigned)seed, stderr)) {
        fprintf(stderr, "dyad train-parser: %s\n", dyad_last_error());
        status = 3;
    }
    if (!status && !gold && dyad_tagger_load(&tagger, tpath)) {
        fprintf(stderr, "dyad train-parser: %s\n", dyad_last_error());
        status = 3;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!status && dyad_depparser_train2(jk[0] ? jk : train, dev, ppath,
                                         jk[0] || parser_only ? NULL : tagger,
                                         tagger, iterations, beam, (unsigned)seed, stderr)) {
        fprintf(stderr, "dyad train-parser: %s\n", dyad_last_error());
        status = 3;
    }
    if (jk[0]) {
        if (!status && keep && copy_file(jk, keep)) {
            fprintf(stderr, "dyad train-parser: %s: cannot write\n", keep);
            status = 3;
        }
        remove(jk);
        rmdir(tmp);
    }
    clock_gettime(CLOCK_MONOTONIC, &t2);
    if (!status)
        fprintf(stderr, "train-parser: done: tagger %.1f s, parser %.1f s\n",
                (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
                (double)(t2.tv_sec - t1.tv_sec) + (double)(t2.tv_nsec - t1.tv_nsec) / 1e9);
    dyad_tagger_free(tagger);
    free(tpath);
    free(ppath);
    return status;
}
