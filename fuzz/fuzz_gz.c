/* fuzz_gz.c: libFuzzer target for gzip input (src/ingest/infile.c): the
 * bytes are written to a file named *.jsonl.gz and read as dyad code reads
 * it (the article reader over the zlib stream, format from the name and the
 * decompressed content), then whole (dyad_infile_read_all, as the PETRARCH
 * XML and CoNLL-U readers do). Damaged, truncated and non-gzip bytes must
 * give a read error or articles, never a crash; every article handed out is
 * valid UTF-8. Seeds: gzip any JSON Lines file (gzip -c x.jsonl > seed). */
#include "fuzz_text_common.h"
#include "ingest/infile.h"

#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/dyad-fuzz-gz-%ld.jsonl.gz", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    CHECK(fwrite(data, 1, size, f) == size);
    fclose(f);
    dyad_diag quiet = {fuzz_quiet, NULL, 0, 0};
    dyad_article_reader *r = NULL;
    if (dyad_article_reader_open(&r, path, DYAD_INPUT_AUTO, &quiet) == 0) {
        const dyad_article *a;
        while (dyad_article_reader_next(r, &a) == 1)
            CHECK(fuzz_valid_utf8(a->text, a->text_len));
    }
    dyad_article_reader_free(r);
    char *buf = NULL;
    size_t n = 0;
    if (dyad_infile_read_all(path, &buf, &n) == 0)
        CHECK(buf && buf[n] == '\0');
    free(buf);
    unlink(path);
    return 0;
}
