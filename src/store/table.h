/* table.h: building result tables (the reading side is public: dyad.h). */
#ifndef DYAD_STORE_TABLE_H
#define DYAD_STORE_TABLE_H

#include <stdio.h>

#include "dyad.h"

/* A table with ncols columns named names[] of kinds[] (NULL = all text) and no
 * rows. NULL on out of memory. Freed with dyad_table_free. */
dyad_table *dyad_table__new(int ncols, const char *const *names, const dyad_col_kind *kinds);
/* Appends a row of empty cells. 0 or DYAD_ENOMEM. */
int dyad_table__add_row(dyad_table *t);
/* Sets a cell (copied; NULL = empty). 0 or DYAD_ENOMEM. */
int dyad_table__set(dyad_table *t, size_t row, int col, const char *s);
int dyad_table__setf(dyad_table *t, size_t row, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* s as a JSON string, quoted and escaped (s is valid UTF-8). */
void dyad_table__json_string(FILE *f, const char *s);

#endif
