/* table.c: query results as a table of text cells, written as aligned text,
 * CSV or JSON. Cells hold the text a number is written as, so every output
 * format shows the same digits whichever backend produced them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/table.h"
#include "util/util.h"

#define TEXT_MAX_WIDTH 60 /* longer text cells are cut in the aligned format */

struct dyad_table {
    int ncols;
    char **names;
    dyad_col_kind *kinds;
    size_t nrows, cap;
    char **cells; /* row-major, NULL = empty */
};

dyad_table *dyad_table__new(int ncols, const char *const *names, const dyad_col_kind *kinds)
{
    dyad_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    t->names = calloc((size_t)ncols, sizeof *t->names);
    t->kinds = calloc((size_t)ncols, sizeof *t->kinds);
    if (!t->names || !t->kinds) {
        dyad_table_free(t);
        return NULL;
    }
    for (int i = 0; i < ncols; i++) {
        t->kinds[i] = kinds ? kinds[i] : DYAD_COL_TEXT;
        if (!(t->names[i] = strdup(names[i]))) {
            dyad_table_free(t);
            return NULL;
        }
    }
    return t;
}

void dyad_table_free(dyad_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    for (int i = 0; t->names && i < t->ncols; i++)
        free(t->names[i]);
    free(t->names);
    free(t->kinds);
    free(t);
}

int dyad_table__add_row(dyad_table *t)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **c = realloc(t->cells, cap * (size_t)t->ncols * sizeof *c);
        if (!c)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        t->cells = c;
        t->cap = cap;
    }
    memset(t->cells + t->nrows * (size_t)t->ncols, 0, (size_t)t->ncols * sizeof *t->cells);
    t->nrows++;
    return 0;
}

int dyad_table__set(dyad_table *t, size_t row, int col, const char *s)
{
    char **cell = &t->cells[row * (size_t)t->ncols + (size_t)col];
    free(*cell);
    *cell = NULL;
    if (s && !(*cell = strdup(s)))
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    return 0;
}

int dyad_table__setf(dyad_table *t, size_t row, int col, const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return dyad_table__set(t, row, col, buf);
}

size_t dyad_table_nrows(const dyad_table *t) { return t->nrows; }
int dyad_table_ncols(const dyad_table *t) { return t->ncols; }
const char *dyad_table_colname(const dyad_table *t, int col) { return t->names[col]; }
dyad_col_kind dyad_table_colkind(const dyad_table *t, int col) { return t->kinds[col]; }
const char *dyad_table_get(const dyad_table *t, size_t row, int col)
{
    return t->cells[row * (size_t)t->ncols + (size_t)col];
}

/* ---- aligned text ---------------------------------------------------- */

/* Code points in s (the display width we assume). */
static size_t u8_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Bytes of s that hold its first w code points. */
static size_t u8_prefix(const char *s, size_t w)
{
    size_t i = 0, n = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == w)
            break;
    }
    return i;
}

/* A count column (DYAD_COL_INT, not the first) with nothing but zeros. */
static int all_zero(const dyad_table *t, int col)
{
    if (col == 0 || t->kinds[col] != DYAD_COL_INT || !t->nrows)
        return 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *c = dyad_table_get(t, r, col);
        if (c && strcmp(c, "0"))
            return 0;
    }
    return 1;
}

static void put_cell(FILE *f, const dyad_table *t, int col, const char *s, size_t width)
{
    size_t w = u8_width(s);
    int cut = t->kinds[col] == DYAD_COL_TEXT && w > TEXT_MAX_WIDTH;
    if (cut) {
        fwrite(s, 1, u8_prefix(s, TEXT_MAX_WIDTH - 3), f);
        fputs("...", f);
        w = TEXT_MAX_WIDTH;
        s = "";
    }
    if (t->kinds[col] != DYAD_COL_TEXT)
        for (size_t i = w; i < width; i++)
            fputc(' ', f);
    fputs(s, f);
    if (t->kinds[col] == DYAD_COL_TEXT && col + 1 < t->ncols)
        for (size_t i = w; i < width; i++)
            fputc(' ', f);
}

static int write_text(FILE *f, const dyad_table *t)
{
    size_t *width = calloc((size_t)t->ncols, sizeof *width);
    char *hide = calloc((size_t)t->ncols, 1);
    if (!width || !hide) {
        free(width);
        free(hide);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    for (int c = 0; c < t->ncols; c++) {
        hide[c] = (char)all_zero(t, c);
        width[c] = u8_width(t->names[c]);
        for (size_t r = 0; r < t->nrows; r++) {
            const char *s = dyad_table_get(t, r, c);
            size_t w = s ? u8_width(s) : 0;
            if (t->kinds[c] == DYAD_COL_TEXT && w > TEXT_MAX_WIDTH)
                w = TEXT_MAX_WIDTH;
            if (w > width[c])
                width[c] = w;
        }
    }
    for (long r = -1; r < (long)t->nrows; r++) {
        int first = 1;
        for (int c = 0; c < t->ncols; c++) {
            if (hide[c])
                continue;
            if (!first)
                fputs("  ", f);
            first = 0;
            const char *s = r < 0 ? t->names[c] : dyad_table_get(t, (size_t)r, c);
            put_cell(f, t, c, s ? s : "", width[c]);
        }
        fputc('\n', f);
    }
    free(width);
    free(hide);
    return 0;
}

/* ---- CSV and JSON ---------------------------------------------------- */

static void csv_cell(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static int write_csv(FILE *f, const dyad_table *t)
{
    for (long r = -1; r < (long)t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', f);
            csv_cell(f, r < 0 ? t->names[c] : dyad_table_get(t, (size_t)r, c));
        }
        fputs("\r\n", f);
    }
    return 0;
}

void dyad_table__json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

static int write_json(FILE *f, const dyad_table *t)
{
    fputs("[", f);
    for (size_t r = 0; r < t->nrows; r++) {
        fputs(r ? ",\n{" : "\n{", f);
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', f);
            dyad_table__json_string(f, t->names[c]);
            fputc(':', f);
            const char *s = dyad_table_get(t, r, c);
            if (!s)
                fputs("null", f);
            else if (t->kinds[c] != DYAD_COL_TEXT)
                fputs(*s ? s : "null", f);
            else
                dyad_table__json_string(f, s);
        }
        fputc('}', f);
    }
    fputs(t->nrows ? "\n]\n" : "]\n", f);
    return 0;
}

int dyad_table_write(FILE *f, const dyad_table *t, dyad_table_format fmt)
{
    int rc = fmt == DYAD_TABLE_CSV    ? write_csv(f, t)
             : fmt == DYAD_TABLE_JSON ? write_json(f, t)
                                      : write_text(f, t);
    if (!rc && (fflush(f) || ferror(f)))
        rc = dyad_set_error(DYAD_EIO, "cannot write the output");
    return rc;
}
