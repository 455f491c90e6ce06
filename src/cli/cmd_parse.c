/* cmd_parse.c: `dyad parse [--parser builtin|link-grammar] [--model DIR]
 * [--input conllu|text] [--output conllu|penn] FILE...|-`: tags and
 * dependency-parses sentences (tagger.h, depparse.h; or link-grammar, lg.h)
 * and writes CoNLL-U, or the Penn trees the coders read (conllu.h's builder);
 * `dyad parse --eval GOLD.conllu` scores the models on a treebank. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "dyad.h"
#include "parse/conllu.h"
#include "parse/depparse.h"
#include "parse/lg.h"
#include "parse/tagger.h"
#include "text/text.h"
#include "util/util.h"

#define DEFAULT_MODEL_DIR "data/parser"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad parse [--parser builtin|link-grammar] [--model DIR] [--input conllu|text]\n"
            "                  [--output conllu|penn] FILE...|-\n"
            "       dyad parse [--model DIR] --eval GOLD.conllu\n"
            "Tags and parses sentences and writes them as CoNLL-U: UPOS, XPOS, HEAD and\n"
            "DEPREL predicted, DEPS '_'. CoNLL-U input keeps its sentences, comments, FORM,\n"
            "LEMMA, FEATS and MISC columns and multi-word token lines; text input is split\n"
            "into sentences and tokens first. --eval parses a treebank's words and prints\n"
            "UPOS, XPOS, UAS and LAS (universal relations, every word) and the speed.\n"
            "Options:\n"
            "  --model DIR     folder with tagger.bin and parser.bin (default: data/parser,\n"
            "                  else data/parser beside the program's folder)\n"
            "  --input FORMAT  conllu (default) or text\n"
            "  --output FORMAT conllu (default) or penn: one tree a line, as the coders read\n"
            "                  it (the dependencies through dyad's one tree builder)\n"
            "  --parser NAME   builtin (default: the models) or link-grammar (text input\n"
            "                  only; its links mapped to UD relations; a sentence of more\n"
            "                  than 50 words is parsed in pieces, which only penn output\n"
            "                  can show: in CoNLL-U it is reported and left out)\n"
            "  --eval FILE     score on a gold CoNLL-U file\n"
            "Without DIR/tagger.bin the tags of CoNLL-U input are used.\n"
            "Exit status: 0 success; 1 some input was malformed or unreadable (reported,\n"
            "the rest was parsed); 2 usage error; 3 the models could not be loaded.\n");
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --model, else data/parser here, else data/parser beside the program's folder. */
static const char *model_dir(const char *given, char *buf, size_t size)
{
    if (given)
        return given;
    if (is_dir(DEFAULT_MODEL_DIR))
        return DEFAULT_MODEL_DIR;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, size, "%s/../%s", exe, DEFAULT_MODEL_DIR);
            if (is_dir(buf))
                return buf;
        }
    }
    return DEFAULT_MODEL_DIR;
}

/* ---- one sentence ----------------------------------------------------- */

typedef struct pline {
    char *text;   /* the line (verbatim lines) */
    int word;     /* index of the word, or -1 for a verbatim line */
} pline;

typedef struct psent {
    pline *lines;
    int nlines, caplines;
    char **col[10];  /* col[k][i]: column k of word i */
    int n, cap;
    /* results */
    const char **upos, **xpos, **rel;
    int *head;
} psent;

static int psent_reserve(psent *s, int n)
{
    if (n <= s->cap)
        return 0;
    int cap = s->cap ? s->cap : 64;
    while (cap < n)
        cap *= 2;
    for (int k = 0; k < 10; k++) {
        char **c = realloc(s->col[k], sizeof *c * (size_t)cap);
        if (!c)
            return DYAD_ENOMEM;
        s->col[k] = c;
    }
    const char **u = realloc(s->upos, sizeof *u * (size_t)cap * 3);
    int *h = realloc(s->head, sizeof *h * (size_t)cap);
    if (u)
        s->upos = u;
    if (h)
        s->head = h;
    if (!u || !h)
        return DYAD_ENOMEM;
    s->xpos = s->upos + cap;
    s->rel = s->upos + 2 * cap;
    s->cap = cap;
    return 0;
}

static int psent_line(psent *s, char *text, int word)
{
    if (s->nlines == s->caplines) {
        int cap = s->caplines ? s->caplines * 2 : 64;
        pline *l = realloc(s->lines, sizeof *l * (size_t)cap);
        if (!l)
            return DYAD_ENOMEM;
        s->lines = l;
        s->caplines = cap;
    }
    s->lines[s->nlines].text = text;
    s->lines[s->nlines].word = word;
    s->nlines++;
    return 0;
}

static void psent_free(psent *s)
{
    free(s->lines);
    for (int k = 0; k < 10; k++)
        free(s->col[k]);
    free(s->upos);
    free(s->head);
    memset(s, 0, sizeof *s);
}

static int all_digits(const char *s, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Splits block (a NUL-terminated copy the sentence keeps pointers into) into
 * lines and columns. On a malformed line: reports file:line: reason, returns
 * DYAD_EPARSE. */
static int read_block(psent *s, char *block, const char *file, long first_line)
{
    s->n = 0;
    s->nlines = 0;
    long line = first_line;
    for (char *p = block; *p; line++) {
        char *e = strchr(p, '\n');
        char *next = e ? e + 1 : p + strlen(p);
        if (e)
            *e = '\0';
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = '\0';
        if (p[0] == '#' || !len) {
            if (len && psent_line(s, p, -1))
                return DYAD_ENOMEM;
            p = next;
            continue;
        }
        size_t idlen = strcspn(p, "\t");
        if (p[idlen] == '\t' && !all_digits(p, idlen) && strcspn(p, "-.") < idlen) {
            if (psent_line(s, p, -1)) /* multi-word token or empty node: kept */
                return DYAD_ENOMEM;
            p = next;
            continue;
        }
        if (psent_reserve(s, s->n + 1))
            return DYAD_ENOMEM;
        char *c = p;
        int k = 0;
        for (; k < 10 && c; k++) {
            s->col[k][s->n] = c;
            c = strchr(c, '\t');
            if (c)
                *c++ = '\0';
        }
        if (k != 10 || c) {
            fprintf(stderr, "%s:%ld: error: a word line needs 10 tab-separated columns\n",
                    file, line);
            return DYAD_EPARSE;
        }
        char *id = s->col[0][s->n];
        if (!all_digits(id, strlen(id)) || atol(id) != s->n + 1 || !*s->col[1][s->n]) {
            fprintf(stderr, "%s:%ld: error: word ID '%s' out of sequence (expected %d) or no "
                            "FORM\n", file, line, id, s->n + 1);
            return DYAD_EPARSE;
        }
        if (psent_line(s, NULL, s->n))
            return DYAD_ENOMEM;
        s->n++;
        p = next;
    }
    if (!s->n) {
        fprintf(stderr, "%s:%ld: error: a sentence without words\n", file, first_line);
        return DYAD_EPARSE;
    }
    return 0;
}

/* ---- models and work ---------------------------------------------------- */

typedef struct pctx {
    dyad_tagger *tagger;
    dyad_depparser *parser;
    dyad_lg *lg;              /* --parser link-grammar */
    int penn;                 /* --output penn */
    double seconds;           /* CPU time spent tagging and parsing */
    long sentences, words;
    dyad_buf out;
} pctx;

/* CPU time of this thread: the speed on one core, whatever else runs. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Tags (unless there is no tagger: the input's tags stay) and parses s. */
static int analyse(pctx *c, psent *s)
{
    double t0 = now();
    int rc = 0;
    if (c->tagger)
        rc = dyad_tagger_tag(c->tagger, (const char *const *)s->col[1], s->n, s->upos, s->xpos);
    else
        for (int i = 0; i < s->n; i++) {
            s->upos[i] = s->col[3][i];
            s->xpos[i] = s->col[4][i];
        }
    if (!rc)
        rc = dyad_depparser_parse(c->parser, (const char *const *)s->col[1], s->upos, s->xpos,
                                  s->n, s->head, s->rel);
    c->seconds += now() - t0;
    c->sentences++;
    c->words += s->n;
    return rc;
}

/* s as one Penn tree on a line (the words' analysis through the builder). */
static int emit_penn(pctx *c, const psent *s)
{
    dyad_arena *a = dyad_arena_new();
    dyad_conllu_sent cs = {0};
    dyad_conllu_word *w = a ? dyad_arena_alloc(a, sizeof *w * (size_t)(s->n + 1)) : NULL;
    if (!w) {
        dyad_arena_free(a);
        return DYAD_ENOMEM;
    }
    for (int i = 0; i < s->n; i++)
        w[i] = (dyad_conllu_word){.form = s->col[1][i], .lemma = s->col[2][i], .upos = s->upos[i],
                                  .xpos = s->xpos[i], .feats = s->col[5][i], .deprel = s->rel[i],
                                  .misc = s->col[9][i], .head = s->head[i]};
    cs.words = w;
    cs.nwords = s->n;
    dyad_tree *t = NULL;
    int rc = dyad_conllu_to_tree(&t, a, &cs);
    if (rc == DYAD_EPARSE || rc == DYAD_ELIMIT) {
        fprintf(stderr, "dyad parse: sentence %ld: no tree: %s\n", c->sentences, dyad_last_error());
        rc = DYAD_EPARSE;
    }
    char *str = rc ? NULL : dyad_tree_to_string(t, a);
    if (!rc && !str)
        rc = DYAD_ENOMEM;
    if (!rc && printf("%s\n", str) < 0)
        rc = DYAD_EIO;
    dyad_arena_free(a);
    return rc;
}

static int emit(pctx *c, const psent *s)
{
    if (c->penn)
        return emit_penn(c, s);
    dyad_buf *b = &c->out;
    b->len = 0;
    int rc = 0;
    for (int i = 0; i < s->nlines && !rc; i++) {
        int w = s->lines[i].word;
        if (w < 0) {
            rc = dyad_buf_puts(b, s->lines[i].text);
            rc = rc ? rc : dyad_buf_putc(b, '\n');
            continue;
        }
        rc = dyad_buf_printf(b, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", w + 1, s->col[1][w],
                             s->col[2][w], s->upos[w], s->xpos[w], s->col[5][w],
                             s->head[w] + 1, s->rel[w], s->col[9][w]);
    }
    if (!rc)
        rc = dyad_buf_putc(b, '\n');
    if (rc)
        return rc;
    return fwrite(b->data, 1, b->len, stdout) == b->len ? 0 : DYAD_EIO;
}

typedef struct evcount {
    long words, upos, xpos, uas, las;
} evcount;

static int universal_eq(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && !memcmp(a, b, la);
}

static void score(evcount *e, const psent *s)
{
    for (int i = 0; i < s->n; i++) {
        e->words++;
        e->upos += !strcmp(s->upos[i], s->col[3][i]);
        e->xpos += !strcmp(s->xpos[i], s->col[4][i]);
        if (atol(s->col[6][i]) == s->head[i] + 1 && all_digits(s->col[6][i], strlen(s->col[6][i]))) {
            e->uas++;
            e->las += universal_eq(s->rel[i], s->col[7][i]);
        }
    }
}

/* A CoNLL-U file: every sentence parsed and written (ev NULL) or scored. */
static int run_conllu(pctx *c, const char *file, evcount *ev)
{
    char *text = NULL;
    size_t len = 0;
    if (dyad_read_file(file, &text, &len)) {
        fprintf(stderr, "dyad parse: %s\n", dyad_last_error());
        return 1;
    }
    int status = 0;
    psent s = {0};
    size_t pos = 0, start, blen;
    long line = 1, first;
    while (dyad_conllu_next_block(text, len, &pos, &line, &start, &blen, &first)) {
        char *block = malloc(blen + 1);
        if (!block) {
            fprintf(stderr, "dyad parse: out of memory\n");
            status = 3;
            break;
        }
        memcpy(block, text + start, blen);
        block[blen] = '\0';
        int rc = read_block(&s, block, strcmp(file, "-") ? file : "<stdin>", first);
        if (!rc && (rc = analyse(c, &s)) == 0 && !ev)
            rc = emit(c, &s);
        else if (!rc)
            score(ev, &s);
        free(block);
        if (rc == DYAD_EPARSE) {
            status = 1;
            continue;
        }
        if (rc) {
            fprintf(stderr, "dyad parse: %s: %s\n", file,
                    rc == DYAD_EIO ? "cannot write the output" : "out of memory");
            status = 3;
            break;
        }
    }
    psent_free(&s);
    free(text);
    return status;
}

/* One sentence of text parsed by link-grammar and written: its tree (penn,
 * pieces and all) or its dependency analysis. A sentence it cannot parse is
 * reported (DYAD_EPARSE). */
static int lg_sentence(pctx *c, psent *s, const char *text, size_t n, const char *file, int k,
                       dyad_arena *a)
{
    double t0 = now();
    int rc;
    c->sentences++;
    if (c->penn) {
        dyad_tree *t = NULL;
        dyad_lg_result res;
        rc = dyad_lg_parse(&t, &res, c->lg, text, n, a);
        c->seconds += now() - t0;
        char *str = rc ? NULL : dyad_tree_to_string(t, a);
        if (!rc && !str)
            rc = DYAD_ENOMEM;
        if (!rc)
            return printf("%s\n", str) < 0 ? DYAD_EIO : 0;
    } else {
        dyad_conllu_sent *d = NULL;
        rc = dyad_lg_parse_dep(&d, c->lg, text, n, a);
        c->seconds += now() - t0;
        if (!rc && psent_reserve(s, d->nwords + 1))
            rc = DYAD_ENOMEM;
        if (!rc) {
            static char none[] = "_";
            s->n = d->nwords;
            s->nlines = 0;
            char *tline = dyad_arena_printf(a, "# text = %.*s", (int)n, text);
            if (!tline || psent_line(s, tline, -1))
                return DYAD_ENOMEM;
            for (char *p = tline; *p; p++)
                if (*p == '\n' || *p == '\r' || *p == '\t')
                    *p = ' ';
            for (int i = 0; i < d->nwords; i++) {
                const dyad_conllu_word *w = &d->words[i];
                s->col[1][i] = (char *)w->form;
                s->col[2][i] = s->col[5][i] = none;
                s->col[9][i] = (char *)(w->misc ? w->misc : "_");
                s->upos[i] = w->upos ? w->upos : "X";
                s->xpos[i] = w->xpos ? w->xpos : "_";
                s->rel[i] = w->deprel ? w->deprel : "dep";
                s->head[i] = w->head;
                if (psent_line(s, NULL, i))
                    return DYAD_ENOMEM;
            }
            c->words += d->nwords;
            return emit(c, s);
        }
    }
    if (rc == DYAD_ENOMEM || rc == DYAD_EIO)
        return rc;
    fprintf(stderr, "dyad parse: %s: sentence %d: not parsed: %s\n", file, k, dyad_last_error());
    return DYAD_EPARSE;
}

/* A text file: sentences and tokens (text.h), then parsed and written. */
static int run_text(pctx *c, const char *file)
{
    char *raw = NULL, *text;
    size_t rlen = 0, len;
    long nbad = 0;
    if (dyad_read_file(file, &raw, &rlen)) {
        fprintf(stderr, "dyad parse: %s\n", dyad_last_error());
        return 1;
    }
    text = dyad_utf8_sanitize(raw, rlen, &len, &nbad);
    free(raw);
    dyad_arena *a = dyad_arena_new();
    dyad_sentence *ss = NULL;
    int ns = 0, status = 0;
    psent s = {0};
    if (!text || !a || dyad_text_sentences(&ss, &ns, a, text, len)) {
        fprintf(stderr, "dyad parse: %s: cannot split into sentences\n", file);
        status = 3;
        ns = 0;
    }
    if (nbad)
        fprintf(stderr, "dyad parse: %s: %ld invalid UTF-8 sequences replaced\n", file, nbad);
    static char none[] = "_", space[] = "SpaceAfter=No";
    for (int k = 0; k < ns && !status; k++) {
        if (c->lg) {
            int rc = lg_sentence(c, &s, text + ss[k].start, (size_t)(ss[k].end - ss[k].start),
                                 file, k + 1, a);
            if (rc == DYAD_EPARSE)
                status = 1;
            else if (rc)
                status = 3;
            continue;
        }
        dyad_token *tk = NULL;
        int nt = 0;
        if (dyad_text_tokenize(&tk, &nt, a, text, (size_t)ss[k].start, (size_t)ss[k].end) ||
            psent_reserve(&s, nt + 1)) {
            status = 3;
            break;
        }
        s.n = nt;
        s.nlines = 0;
        char *idline = dyad_arena_printf(a, "# sent_id = %d", k + 1);
        char *tline = dyad_arena_printf(a, "# text = %.*s", ss[k].end - ss[k].start,
                                        text + ss[k].start);
        if (!idline || !tline || psent_line(&s, idline, -1) || psent_line(&s, tline, -1)) {
            status = 3;
            break;
        }
        for (char *p = tline; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
        for (int i = 0; i < nt && !status; i++) {
            s.col[1][i] = (char *)tk[i].form;
            s.col[2][i] = s.col[3][i] = s.col[4][i] = s.col[5][i] = none;
            s.col[9][i] = i + 1 < nt && tk[i + 1].start == tk[i].end ? space : none;
            if (psent_line(&s, NULL, i))
                status = 3;
        }
        if (!status && nt && (analyse(c, &s) || emit(c, &s)))
            status = 3;
    }
    if (status == 3)
        fprintf(stderr, "dyad parse: %s: out of memory or cannot write\n", file);
    psent_free(&s);
    dyad_arena_free(a);
    free(text);
    return status;
}

int dyad_cmd_parse(int argc, char **argv)
{
    const char *dir = NULL, *input = "conllu", *eval = NULL;
    int penn = 0, use_lg = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files)
        return 3;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            free(files);
            return 0;
        }
        if (a[0] != '-' || !strcmp(a, "-")) {
            files[nfiles++] = argv[i];
            continue;
        }
        if (v && !strcmp(a, "--model"))
            dir = v;
        else if (v && !strcmp(a, "--input") && (!strcmp(v, "conllu") || !strcmp(v, "text")))
            input = v;
        else if (v && !strcmp(a, "--output") && (!strcmp(v, "conllu") || !strcmp(v, "penn")))
            penn = !strcmp(v, "penn");
        else if (v && !strcmp(a, "--parser") && (!strcmp(v, "builtin") || !strcmp(v, "link-grammar")))
            use_lg = !strcmp(v, "link-grammar");
        else if (v && !strcmp(a, "--eval"))
            eval = v;
        else {
            fprintf(stderr, "dyad parse: unknown option, bad or missing value: '%s'\n", a);
            usage(stderr);
            free(files);
            return 2;
        }
        i++;
    }
    if (!eval && !nfiles) {
        fprintf(stderr, "dyad parse: no input (name files, or - for standard input)\n");
        usage(stderr);
        free(files);
        return 2;
    }
    if (eval && (nfiles || strcmp(input, "conllu"))) {
        fprintf(stderr, "dyad parse: --eval takes no other input\n");
        free(files);
        return 2;
    }
    if (use_lg && (eval || strcmp(input, "text"))) {
        fprintf(stderr, "dyad parse: --parser link-grammar parses text (--input text) only\n");
        free(files);
        return 2;
    }
    char buf[PATH_MAX + 32], path[PATH_MAX + 64];
    dir = model_dir(dir, buf, sizeof buf);
    pctx c = {.penn = penn};
    evcount ev = {0};
    dyad_buf_init(&c.out);
    int status = 0;
    if (use_lg) {
        if (dyad_lg_new(&c.lg, NULL)) {
            fprintf(stderr, "dyad parse: link-grammar: %s\n", dyad_last_error());
            status = 3;
        }
        goto parse;
    }
    snprintf(path, sizeof path, "%s/parser.bin", dir);
    if (dyad_depparser_load(&c.parser, path)) {
        fprintf(stderr, "dyad parse: %s\n", dyad_last_error());
        status = 3;
    }
    snprintf(path, sizeof path, "%s/tagger.bin", dir);
    if (!status && access(path, F_OK) == 0 && dyad_tagger_load(&c.tagger, path)) {
        fprintf(stderr, "dyad parse: %s\n", dyad_last_error());
        status = 3;
    }
    if (!status && !c.tagger) {
        if (strcmp(input, "conllu")) {
            fprintf(stderr, "dyad parse: %s: no tagger model for text input\n", path);
            status = 3;
        } else
            fprintf(stderr, "dyad parse: %s absent: using the input's UPOS and XPOS\n", path);
    }
parse:
    if (!status && eval) {
        status = run_conllu(&c, eval, &ev);
        if (status < 3) {
            double w = ev.words ? (double)ev.words : 1;
            printf("parse: UPOS %.2f XPOS %.2f UAS %.2f LAS %.2f (%ld sentences, %ld words, %.0f "
                   "sentences/s)\n",
                   100.0 * (double)ev.upos / w, 100.0 * (double)ev.xpos / w,
                   100.0 * (double)ev.uas / w, 100.0 * (double)ev.las / w, c.sentences, ev.words,
                   c.seconds > 0 ? (double)c.sentences / c.seconds : 0.0);
        }
    }
    for (int i = 0; status < 3 && i < nfiles; i++) {
        int st = strcmp(input, "text") ? run_conllu(&c, files[i], NULL) : run_text(&c, files[i]);
        if (st > status)
            status = st;
        if (status == 3)
            break;
    }
    if (fflush(stdout)) {
        fprintf(stderr, "dyad parse: cannot write the output\n");
        status = 3;
    }
    dyad_buf_free(&c.out);
    dyad_tagger_free(c.tagger);
    dyad_depparser_free(c.parser);
    dyad_lg_free(c.lg);
    free(files);
    return status;
}
