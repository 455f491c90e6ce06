/* article.h: news articles from plain text, HTML and JSON Lines.
 *
 * An article is an id, a date, a title and a body text. The readers:
 *  - plain text: one file = one article; id = the file's base name without its
 *    extension; an optional leading "date YYYY-MM-DD" (it may share its line
 *    with the first sentence) is removed from the text and becomes the date;
 *  - HTML (libxml2's HTML parser, recovery mode, no network): the article body
 *    (itemprop=articleBody, else the largest <article>, else <main>, else the
 *    block with the most paragraph text), without scripts, styles, navigation,
 *    headers, footers, asides, forms, figures, share widgets, comment sections
 *    and other blocks whose class or id hints at boilerplate (share, social,
 *    comment, related, newsletter, advert, ...); title from <h1>, else <title>;
 *    date from <meta property="article:published_time"> and kin, JSON-LD
 *    "datePublished", or the first <time datetime>; block elements become
 *    paragraphs separated by a blank line;
 *  - JSON Lines: one object {"id","date","title","text"} per line (jansson); a
 *    bad line is reported through dyad_diag as file:line with the reason,
 *    counted and skipped; the other lines are still read.
 * Every reader then removes web boilerplate lines from the text (see
 * dyad_article_is_boilerplate) and replaces invalid UTF-8 with U+FFFD (one
 * warning per article). Line ends become "\n"; paragraphs are separated by a
 * blank line. The text is what sentence offsets (src/text) point into.
 *
 * Streaming: the reader holds one article at a time (JSON Lines are read line
 * by line), so memory does not grow with the number of articles.
 *
 * Ownership: the article a reader hands out, and its strings, belong to the
 * reader and stay valid until the next dyad_article_reader_next() or _free();
 * copy what you keep. The dyad_article_from_* functions allocate from the
 * caller's arena. The diag sink must outlive the reader.
 */
#ifndef DYAD_INGEST_ARTICLE_H
#define DYAD_INGEST_ARTICLE_H

#include <stddef.h>
#include "util/util.h"

/* Largest article (a text or HTML file, one JSON line) read: DYAD_ELIMIT /
 * a skipped line beyond. Sentence offsets are ints. */
#define DYAD_ARTICLE_MAX_BYTES (64u << 20)

/* Per-article coding limits (dyad code on text, HTML and JSON Lines), so that
 * time and memory grow linearly with the input whatever its shape. Each is far
 * above real news (articles are rarely over 100 KB or 200 sentences; sentences
 * rarely over 80 words), and each cut is reported: a warning naming the file,
 * the line and the article, and the -v summary's count of articles cut.
 *  - DYAD_ARTICLE_CODE_BYTES: only the text's first 100 KiB are coded (cut at
 *    the last line break, else space, before it); the rest is left out;
 *  - DYAD_ARTICLE_MAX_SENTENCES: only the first 500 sentences are coded;
 *  - words per sentence: DYAD_SENT_MAX_TOKENS (200, src/text/text.h): a
 *    longer sentence is cut into pieces of at most that many tokens, each
 *    coded as a sentence, but only DYAD_ARTICLE_MAX_LONG_PIECES (10) such
 *    pieces per article (2,000 words; the others are left out);
 *  - the parser's own caps: DYAD_LG_MAX_WORDS / DYAD_LG_MAX_BYTES (a longer
 *    sentence is not parsed) and DYAD_LG_PIECE_WORDS (src/parse/lg.h). */
#define DYAD_ARTICLE_CODE_BYTES (100u << 10)
#define DYAD_ARTICLE_MAX_SENTENCES 500
#define DYAD_ARTICLE_MAX_LONG_PIECES 10

typedef enum dyad_input_format {
    DYAD_INPUT_AUTO = 0,
    DYAD_INPUT_TEXT,
    DYAD_INPUT_HTML,
    DYAD_INPUT_JSONL,
    DYAD_INPUT_PETRXML, /* read with dyad_petrxml_* (not by the article reader) */
    DYAD_INPUT_CONLLU   /* read by the CoNLL-U reader (not by the article reader) */
} dyad_input_format;

/* "auto", "text", "html", "jsonl", "petrarch-xml", "conllu". */
const char *dyad_input_format_name(dyad_input_format f);
/* Parses one of those names (also "txt", "json", "xml", "petrxml", "conll").
 * 0 or DYAD_EINVAL. */
int dyad_input_format_parse(dyad_input_format *out, const char *name);

/* The format of an input from its path (NULL or "-": unknown) and its first
 * bytes head[0..n) (a few KB are enough; n may be 0). A known extension wins:
 * .txt .text -> text; .html .htm .xhtml .shtml -> HTML; .jsonl .ndjson .json
 * -> JSON Lines; .conllu .conll -> CoNLL-U; .xml -> PETRARCH XML unless the
 * content is HTML. Otherwise the content decides: after a BOM and whitespace,
 * '<' -> PETRARCH XML when <Sentences, <Sentence or <Validation occurs in head,
 * else HTML; '{' -> JSON Lines; CoNLL-U comment or token lines -> CoNLL-U;
 * anything else (also empty input) -> text. Never returns DYAD_INPUT_AUTO. */
dyad_input_format dyad_input_detect(const char *path, const char *head, size_t n);

typedef struct dyad_article {
    const char *id;      /* never NULL */
    const char *date;    /* "YYYY-MM-DD", or "" when the input has none */
    const char *title;   /* "" when none */
    const char *text;    /* body, UTF-8, NUL-terminated; never NULL */
    size_t text_len;     /* strlen(text) (< DYAD_ARTICLE_MAX_BYTES) */
    const char *file;    /* the input's name, for messages */
    long line;           /* JSON Lines: the line of the record; otherwise 1 */
    long bad_utf8;       /* invalid UTF-8 sequences replaced with U+FFFD */
    long nul_bytes;      /* NUL bytes read as spaces */
    long boilerplate;    /* boilerplate lines removed */
    const char *dateline; /* the wire dateline removed from the text's first line
                             ("BAGHDAD (Reuters) -"), kept for the coder's
                             country evidence; NULL or "" when none */
} dyad_article;

typedef struct dyad_article_stats {
    long articles;       /* handed out so far */
    long skipped;        /* bad records reported and skipped (JSON Lines) */
    long boilerplate;    /* boilerplate lines removed, all articles */
    long bad_utf8;       /* invalid UTF-8 sequences replaced, all articles */
    long nul_bytes;      /* NUL bytes read as spaces, all articles */
} dyad_article_stats;

typedef struct dyad_article_reader dyad_article_reader;

/* Opens path ("-" = stdin) as fmt (DYAD_INPUT_AUTO: dyad_input_detect on the
 * path and the first bytes). Returns 0; DYAD_EIO when the file cannot be
 * read; DYAD_ELIMIT for a text or HTML file over DYAD_ARTICLE_MAX_BYTES;
 * DYAD_EINVAL when the format is PETRARCH XML or CoNLL-U (other readers; the
 * message names the format); DYAD_ENOMEM. d may be NULL (stderr). *out is
 * freed with dyad_article_reader_free (also after a failure, where it may be
 * NULL). */
int dyad_article_reader_open(dyad_article_reader **out, const char *path, dyad_input_format fmt,
                             dyad_diag *d);

/* The same over buf[0..n) (copied; need not be NUL-terminated). name gives the
 * id of a text or HTML article (its base name without extension) and is used
 * in messages; NULL = "<memory>". */
int dyad_article_reader_open_mem(dyad_article_reader **out, const char *name, const char *buf,
                                 size_t n, dyad_input_format fmt, dyad_diag *d);

/* The format being read (never DYAD_INPUT_AUTO). */
dyad_input_format dyad_article_reader_format(const dyad_article_reader *r);

/* *a = the next article: returns 1, 0 at the end (*a = NULL), or a negative
 * dyad_err (a read error, out of memory; *a = NULL). A text or HTML input is
 * one article, even when empty. Bad JSON lines are reported and skipped. */
int dyad_article_reader_next(dyad_article_reader *r, const dyad_article **a);

/* Counts so far. */
void dyad_article_reader_stats(const dyad_article_reader *r, dyad_article_stats *st);

/* Releases the reader and the current article. Accepts NULL. */
void dyad_article_reader_free(dyad_article_reader *r);

/* ---- one article from memory (what the reader uses) ------------------- */
/* Each fills *out from buf[0..n) with strings from a; name is used in
 * messages (and file); id as given (NULL -> ""). Invalid UTF-8 is replaced and
 * reported as a warning. 0 or DYAD_ENOMEM, or for JSON DYAD_EPARSE. */

/* Plain text; the leading date line is removed (see dyad_article_take_date). */
int dyad_article_from_text(dyad_article *out, dyad_arena *a, const char *name, const char *id,
                           const char *buf, size_t n, dyad_diag *d);
/* An HTML page. Broken markup is recovered from, never reported. */
int dyad_article_from_html(dyad_article *out, dyad_arena *a, const char *name, const char *id,
                           const char *buf, size_t n, dyad_diag *d);
/* One JSON line (line = its line number; the id defaults to "BASE:LINE", BASE
 * the base name of name, when the object has none or an empty one). A line that is not a JSON object, has no string
 * "text", or has a non-string id/date/title is reported to d as an error
 * "name:line: reason" and gives DYAD_EPARSE. A "date" that is not a date is a
 * warning (the date is then ""). Numeric ids are written in decimal. */
int dyad_article_from_jsonl(dyad_article *out, dyad_arena *a, const char *name, long line,
                            const char *buf, size_t n, dyad_diag *d);

/* ---- text helpers ------------------------------------------------------ */

/* Normalises a date: "YYYY-MM-DD", "YYYYMMDD", "YYYY/MM/DD", or an ISO 8601
 * date-time starting with one of those ("2024-05-10T08:00:00Z"), surrounding
 * whitespace allowed. Writes "YYYY-MM-DD" and returns 0, or DYAD_EINVAL
 * (month 1-12, day 1-31, year 1000-2999). */
int dyad_article_parse_date(char out[11], const char *s, size_t n);

/* A leading "date YYYY-MM-DD" (also "Date:", "DATE", the other date forms,
 * after whitespace, followed by whitespace or the end) at the start of
 * s[0..n): writes the date to out and returns the offset where the text
 * starts (after the date and the whitespace that follows); 0 when there is
 * none. */
size_t dyad_article_take_date(char out[11], const char *s, size_t n);

/* 1 when the line s[0..n) (no newline) is web boilerplate, 0 when it is not.
 * Conservative line-level rules; a line that reads as a sentence is kept
 * unless it starts with an unambiguous marker:
 *  - markers at the start: "Also Read:", "Read more:", "See also:", "Related:",
 *    "Your email address will not be published", "Required fields are
 *    marked", "Click here", "Share this", "We use cookies", "This site uses
 *    cookies", "Sign up for our", "Subscribe to our", "Follow us on",
 *    "Copyright", "©", "All rights reserved", "Reporting by", "Editing by";
 *  - whole lines: "Advertisement", "Supported by", "Leave a Reply", "Share",
 *    "Comments", "Related Articles", "Read more", ... ("Also read X" lines
 *    that do not end like a sentence);
 *  - hashtag-only lines ("#North #Korea");
 *  - bylines: "By NAME[, NAME and NAME]" (capitalised words only, no full
 *    stop) and "NAME | Reuters" (short '|'-separated parts, no sentence end);
 *  - "N comments", cookie-consent lines.
 * Leading and trailing whitespace is ignored; a blank line is not boilerplate. */
int dyad_article_is_boilerplate(const char *s, size_t n);

/* Length of a wire dateline at the start of the line s[0..n), separator and
 * blanks included: "SEOUL (Reuters) - ", "WASHINGTON, Aug 15 (AFP) -- ",
 * "BAGHDAD, Iraq - ", "AFP - "; the place in capitals, the agency from a list
 * of wire services. 0 when there is none. */
size_t dyad_article_dateline_len(const char *s, size_t n);
/* Length of a wire credit ending the line s[0..n) (" (AFP)", " (Reuters)"),
 * blanks before it included, also when a full stop follows it (" (AFP)." gives
 * the length of " (AFP)"); 0 when there is none or it is the whole line. */
size_t dyad_article_credit_len(const char *s, size_t n);

/* Copies s[0..n) to a without its boilerplate lines and wire datelines and
 * credits (see above), with "\r\n" and "\r"
 * made "\n", trailing blanks of each line and runs of blank lines reduced to
 * one blank line, and leading/trailing blank lines removed. *out is
 * NUL-terminated; *dropped (may be NULL) = lines removed. 0 or DYAD_ENOMEM. */
int dyad_article_strip_boilerplate(char **out, size_t *out_len, long *dropped, dyad_arena *a,
                                   const char *s, size_t n);

/* ---- shared by the readers in src/ingest (not API) --------------------- */
/* s[0..n) with invalid UTF-8 as U+FFFD and NUL bytes as spaces, copied into
 * a; one warning "name:line: N invalid UTF-8 sequences replaced with U+FFFD"
 * and one "name:line: N NUL bytes read as spaces" when any. *nbad and *nnul
 * (either may be NULL) = how many. NULL on out of memory. */
char *dyad_ingest__utf8(dyad_arena *a, const char *s, size_t n, size_t *out_len, long *nbad,
                        dyad_diag *d, const char *name, long line);
char *dyad_ingest__utf8_nul(dyad_arena *a, const char *s, size_t n, size_t *out_len, long *nbad,
                            long *nnul, dyad_diag *d, const char *name, long line);
/* Strips boilerplate from text (UTF-8) and sets out->text, text_len,
 * boilerplate and dateline (the dateline of the first line that is kept,
 * from a). 0 or DYAD_ENOMEM. */
int dyad_ingest__set_text(dyad_article *out, dyad_arena *a, const char *text, size_t n);
/* s[0..n) with HTML character references decoded, copied into a (used by the
 * text and JSON Lines readers: AG News and similar feeds carry them as
 * text): "&#39;", "&#x27;", "&quot;" and every named entity of libxml2's
 * HTML table; also the forms that lost their '&' ("Iraq #39;s", " quot;")
 * after a blank, a bracket or the start, numeric ones, and named ones only
 * for ASCII punctuation (quot, amp, lt, gt: "not;" stays). An apostrophe
 * decoded from " #39;s" joins the word before ("Iraq's"). *out_len = the new
 * length. NULL on out of memory. */
char *dyad_ingest__entities(dyad_arena *a, const char *s, size_t n, size_t *out_len);

#endif
