/* model_mem.h: memory for the tagger's and the parser's model images.
 *
 * Scoring a word or a parser state looks up dozens of features scattered over
 * a model of several megabytes; with 4 KiB pages nearly every lookup would
 * also miss the TLB. A model read from a file is therefore held in anonymous
 * memory aligned to 2 MiB and advised as transparent huge pages (where the
 * kernel offers them; elsewhere it is ordinary memory).
 *
 * Ownership: dyad_model_mem_read returns a block the caller releases with
 * dyad_model_mem_free(p, len), len being the file length it was given back.
 */
#ifndef DYAD_PARSE_MODEL_MEM_H
#define DYAD_PARSE_MODEL_MEM_H

#include <stddef.h>

/* Reads the regular file path (at most max bytes, at least min) into a new
 * block: *out, its length *len. 0, DYAD_EIO (cannot open or read, not a
 * regular file, over max), DYAD_EPARSE (shorter than min; the message names
 * the file and what (e.g. "parser model") it should be), DYAD_ENOMEM. */
int dyad_model_mem_read(const char *path, const char *what, size_t min, size_t max, void **out,
                        size_t *len);
/* A block of len bytes (len > 0) of that kind, uninitialised; NULL if out of memory. */
void *dyad_model_mem_alloc(size_t len);
/* Releases a block from the functions above (len as given back or asked). Accepts NULL. */
void dyad_model_mem_free(void *p, size_t len);

#endif
