/* util.h: small shared pieces used by every stage (internal, not installed).
 *
 * - dyad_arena: a bump allocator for per-record / per-dictionary data. Everything
 *   allocated from an arena is released by one dyad_arena_free(). Build with
 *   -DDYAD_ARENA_DEBUG to make every allocation a separate malloc (valgrind/ASan
 *   then see each block).
 * - dyad_diag: a sink for input warnings/errors ("file:line: reason"). Stages never
 *   print; they report here and keep going.
 * - dyad_set_error / dyad_last_error: the per-thread message behind a negative
 *   dyad_err return code.
 */
#ifndef DYAD_UTIL_H
#define DYAD_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include "dyad.h"

/* ---- arena ---------------------------------------------------------- */
typedef struct dyad_arena dyad_arena;

/* Returns a new arena (NULL on out of memory). Free with dyad_arena_free. */
dyad_arena *dyad_arena_new(void);
/* Releases every block of the arena and the arena itself. Accepts NULL. */
void dyad_arena_free(dyad_arena *a);
/* Releases all blocks but keeps the arena for reuse. */
void dyad_arena_reset(dyad_arena *a);
/* n bytes, 16-aligned, zeroed. Owned by the arena. NULL on out of memory. */
void *dyad_arena_alloc(dyad_arena *a, size_t n);
/* Copy of s[0..n) plus NUL, owned by the arena. */
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
char *dyad_arena_strdup(dyad_arena *a, const char *s);
/* printf into the arena. */
char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for statistics). */
size_t dyad_arena_used(const dyad_arena *a);

/* ---- diagnostics ---------------------------------------------------- */
/* dyad_diag and dyad_diag_level are public: see dyad.h. */

/* Report one message. d may be NULL (then stderr, nothing counted). line <= 0: no line. */
void dyad_diag_report(dyad_diag *d, dyad_diag_level lvl, const char *file, long line,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- per-thread error message ------------------------------------- */
/* Sets the message returned by dyad_last_error() and returns code (a dyad_err). */
int dyad_set_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- growable string buffer --------------------------------------- */
typedef struct dyad_buf {
    char *data;  /* NUL-terminated; owned; free with dyad_buf_free */
    size_t len;
    size_t cap;
} dyad_buf;
void dyad_buf_init(dyad_buf *b);
void dyad_buf_free(dyad_buf *b);
int dyad_buf_append(dyad_buf *b, const char *s, size_t n); /* 0 or DYAD_ENOMEM */
int dyad_buf_puts(dyad_buf *b, const char *s);
int dyad_buf_putc(dyad_buf *b, char c);
int dyad_buf_printf(dyad_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- file helpers ---------------------------------------------------- */
/* Reads a whole file into *out (malloc'd, NUL-terminated, caller frees).
 * Returns 0 or DYAD_EIO with the error message set. */
int dyad_read_file(const char *path, char **out, size_t *len);

/* Finds one of dyad's data files or folders (rel, e.g. "data/geo/gazetteer.tsv"):
 * rel itself when it exists from the working folder, else rel beside the
 * program's folder (../rel from the binary, as in a build tree: build/dyad ->
 * build/../rel). Writes the path into buf[0..size) and returns buf; when neither
 * exists, the result is rel (the caller's open then names it in its error). */
const char *dyad_data_path(const char *rel, char *buf, size_t size);

/* Replaces every invalid UTF-8 sequence in s[0..n) with U+FFFD. Returns a new
 * malloc'd NUL-terminated string (caller frees), *nbad = number of replacements. */
char *dyad_utf8_sanitize(const char *s, size_t n, size_t *out_len, long *nbad);
/* The same, except that with nnul not NULL a NUL byte becomes a space and is
 * counted in *nnul instead of *nbad (text where a NUL is a stray byte). */
char *dyad_utf8_clean(const char *s, size_t n, size_t *out_len, long *nbad, long *nnul);

#endif
