/* infile.h: opening an input file, plain or gzip-compressed (zlib).
 *
 * A file whose name ends in ".gz" is decompressed as it is read (several
 * concatenated gzip members are one stream, as gzip -d reads them; bytes
 * that do not start like gzip are read as they are, as zlib does); every
 * other file, and "-" (standard input), is read as it is. The stream is an
 * ordinary FILE *, so every reader (text, HTML, JSON Lines, PETRARCH XML,
 * CoNLL-U, dyad load's JSON Lines) reads compressed input the same way.
 *
 * A damaged or truncated gzip file gives a read error (ferror) once the bytes
 * before the damage have been handed out; dyad_infile_error then says what
 * zlib found and after how many decompressed bytes.
 *
 * Formats are chosen on the name without its ".gz" ("a.jsonl.gz" is JSON
 * Lines, "a.txt.gz" text whose article id is "a") and on the decompressed
 * content.
 */
#ifndef DYAD_INGEST_INFILE_H
#define DYAD_INGEST_INFILE_H

#include <stddef.h>
#include <stdio.h>

/* 1 when path names a gzip file (ends in ".gz", any case), else 0. */
int dyad_infile_is_gz(const char *path);

/* The length of path without a final ".gz" (strlen(path) when it has none). */
size_t dyad_infile_name_len(const char *path);

/* Opens path for reading: "-" is stdin (not to be closed), a ".gz" name is
 * decompressed. NULL on failure with the error message set (DYAD_EIO, "PATH:
 * cannot open: reason"). Close with dyad_infile_close. */
FILE *dyad_infile_open(const char *path);

/* Closes what dyad_infile_open returned (stdin is left open). Accepts NULL. */
void dyad_infile_close(FILE *f);

/* Why reading f failed (ferror(f) set): for a gzip file "damaged gzip data
 * after N bytes: ZLIB MESSAGE", else strerror(errno). Valid until the next
 * read on this thread. */
const char *dyad_infile_error(FILE *f);

/* Reads the whole of path ("-" = stdin; ".gz" decompressed) into *out
 * (malloc'd, NUL-terminated; the caller frees it), *len its length (may be
 * NULL). 0, DYAD_EIO (message "PATH: cannot open: ..." or "PATH: read error:
 * ..." naming the damage), DYAD_ENOMEM. */
int dyad_infile_read_all(const char *path, char **out, size_t *len);

#endif
