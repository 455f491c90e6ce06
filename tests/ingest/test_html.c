/* test_html.c: the article in an HTML page. Fixtures are written here. */
#include "testutil.h"
#include "ingest/article.h"

typedef struct fixture {
    dyad_arena *a;
    diag_capture cap;
    dyad_diag d;
    dyad_article art;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->a = dyad_arena_new();
    f->d.fn = diag_capture_fn;
    f->d.user = &f->cap;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_arena_free(f->a);
    free(f);
    return 0;
}

static const dyad_article *html(fixture *f, const char *page)
{
    memset(&f->cap, 0, sizeof f->cap);
    assert_int_equal(dyad_article_from_html(&f->art, f->a, "page.html", "page", page,
                                            strlen(page), &f->d), 0);
    assert_int_equal(f->art.text_len, strlen(f->art.text));
    return &f->art;
}

static void absent(const dyad_article *a, const char *s)
{
    if (strstr(a->text, s))
        fail_msg("'%s' is in the text:\n%s", s, a->text);
}

/* ---- tests ------------------------------------------------------------------ */

static const char *news_page =
    "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
    "<title>Iran and North Korea | World News</title>"
    "<meta property='og:title' content='Iran, North Korea deepen ties - World News'>"
    "<meta property='article:published_time' content='2024-05-10T08:00:00Z'>"
    "<script>var x = '<p>script text</p>';</script><style>p{color:red}</style></head>\n"
    "<body><header><div class='logo'>World News</div><nav><ul><li><a href='/'>Home</a></li>"
    "<li>Politics and other sections of the site</li></ul></nav></header>\n"
    "<div class='share-buttons'><a>Share on Facebook</a><a>Tweet</a></div>\n"
    "<article><h1>Iran and North Korea deepen ties</h1>\n"
    "<div class='byline'>By John Smith</div><time datetime='2024-05-09'>May 9</time>\n"
    "<p>North Korea sent a delegation to Tehran on <time datetime='2024-05-06'>Monday</time>. "
    "The visit lasted nine days.</p>\n"
    "<p>Officials said the talks covered <b>military</b> technology &amp; trade.</p>\n"
    "<figure><img src='x.jpg'><figcaption>A caption that is long enough to count.</figcaption>"
    "</figure>\n<h2>Sanctions</h2>\n<p>Washington imposed new sanctions on Iran.</p>\n"
    "<div class='social-share'>Share this article</div><p>Advertisement</p>\n"
    "<aside class='related'><h3>Related</h3><ul><li>Another story about something else</li>"
    "</ul></aside>\n<form><input type='text'>Sign up for our newsletter today</form>\n"
    "<noscript>Please enable JavaScript to read this site.</noscript>"
    "<div style='display: none'>Hidden text that nobody sees on the page.</div>"
    "<div aria-hidden='true'>More hidden text that nobody sees here.</div></article>\n"
    "<section id='comments'><article class='comment'><p>This is a long reader comment that "
    "should never be in the text of the article.</p></article></section>\n"
    "<div id='newsletter-box'><p>Subscribe to our newsletter for daily news from the world.</p>"
    "</div><div class='ad-slot'><p>Buy our wonderful product today at a discount price.</p>"
    "</div>\n<footer>Copyright 2024 World News. All rights reserved.</footer></body></html>";

static void article_body(void **state)
{
    fixture *f = *state;
    const dyad_article *a = html(f, news_page);
    assert_string_equal(a->id, "page");
    assert_string_equal(a->title, "Iran and North Korea deepen ties");
    assert_string_equal(a->date, "2024-05-10");
    assert_string_equal(a->text,
                        "North Korea sent a delegation to Tehran on Monday. The visit lasted nine "
                        "days.\n\nOfficials said the talks covered military technology & trade."
                        "\n\nSanctions\n\nWashington imposed new sanctions on Iran.");
    assert_int_equal(a->boilerplate, 1); /* the <p>Advertisement</p> */
    const char *gone[] = {"script text", "color:red", "World News", "Home", "Politics",
                          "Share", "Tweet", "By John Smith", "May 9", "caption", "Related",
                          "Another story", "Sign up", "JavaScript", "Hidden", "hidden",
                          "reader comment", "Subscribe", "product", "Copyright"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        absent(a, gone[i]);
    assert_int_equal(f->cap.warnings + f->cap.errors, 0);
}

static void densest_block(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><head><title>Talks resume - Daily Paper</title></head><body>"
        "<div id='top'><a href='/'>Home</a> <a href='/w'>World</a> <a href='/b'>Business</a></div>"
        "<div class='col'><div class='teaser'><p>Short teaser one.</p></div>"
        "<div class='teaser'><p>Short teaser two.</p></div></div>"
        "<div class='story'><p>Iran and the European Union resumed talks on Tuesday in Vienna, "
        "diplomats said.</p><p>The talks had stalled for months over the scope of inspections."
        "</p><p>A second round is planned for next week in Geneva, officials added.</p></div>"
        "<div class='bottom'><p>Other text of the page that is long enough to count here.</p>"
        "</div></body></html>";
    const dyad_article *a = html(f, page);
    assert_string_equal(a->title, "Talks resume");
    assert_string_equal(a->date, "");
    assert_string_equal(a->text,
                        "Iran and the European Union resumed talks on Tuesday in Vienna, diplomats "
                        "said.\n\nThe talks had stalled for months over the scope of inspections."
                        "\n\nA second round is planned for next week in Geneva, officials added.");
}

/* Text straight in a <div>, between <br>s, without <p>. */
static void br_paragraphs(void **state)
{
    fixture *f = *state;
    const char *page =
        "<body><div id='menu'><a>Home</a></div><div id='main-text'>Iran and Iraq signed a border "
        "accord on Monday.<br><br>The accord ends a dispute that lasted decades.<br>It was "
        "welcomed by the UN.</div></body>";
    const dyad_article *a = html(f, page);
    assert_string_equal(a->text, "Iran and Iraq signed a border accord on Monday.\nThe accord "
                                 "ends a dispute that lasted decades.\nIt was welcomed by the UN.");
}

/* itemprop=articleBody wins over a bigger <article>; <main> when there is no
 * <article>; a page wrapped in one <form> keeps its text. */
static void marked_bodies(void **state)
{
    fixture *f = *state;
    const char *p1 =
        "<body><article><div itemprop='articleBody'><p>The body text of the story is here.</p>"
        "</div><div class='more'><p>Lots of other text in the same article element here, and "
        "more of it, much more than the body itself has in it.</p></div></article></body>";
    assert_string_equal(html(f, p1)->text, "The body text of the story is here.");
    const char *p2 = "<body><div>Site menu with several words in it</div><main><p>Main text of "
                     "the story.</p></main></body>";
    assert_string_equal(html(f, p2)->text, "Main text of the story.");
    const char *p3 = "<body><form id='aspnetForm'><div class='nav'>Menu</div><div id='content'>"
                     "<p>The story inside a form is still read by the reader.</p></div></form>"
                     "</body>";
    assert_string_equal(html(f, p3)->text, "The story inside a form is still read by the reader.");
}

/* Classes that content wrappers carry are not boilerplate hints; a story
 * whose only wrapper has a boilerplate-like class is still found. */
static void wrapper_classes(void **state)
{
    fixture *f = *state;
    const char *p1 =
        "<body><article class='post-1 post type-post tag-iran tag-north-korea hentry'>"
        "<div class='relative overflow-hidden'><div class='elementor-widget-container'>"
        "<p>The story text is long enough to be the densest block here.</p></div></div>"
        "</article></body>";
    assert_string_equal(html(f, p1)->text,
                        "The story text is long enough to be the densest block here.");
    const char *p2 = "<body><div class='header-wrap'><div class='story'><p>The story text "
                     "is long enough to be the densest block here.</p></div></div></body>";
    assert_string_equal(html(f, p2)->text,
                        "The story text is long enough to be the densest block here.");
}

/* A list of teaser <article>s beside the story: the story wins. */
static void teaser_articles(void **state)
{
    fixture *f = *state;
    const char *page =
        "<body><article><p>Teaser.</p></article><article><p>Another teaser.</p></article>"
        "<div id='story'><p>The real story is in this block and it is long enough to win.</p>"
        "<p>It has a second paragraph with more words than the teasers have.</p></div></body>";
    assert_string_equal(html(f, page)->text,
                        "The real story is in this block and it is long enough to win.\n\nIt has "
                        "a second paragraph with more words than the teasers have.");
}

static void titles_and_dates(void **state)
{
    fixture *f = *state;
    const dyad_article *a = html(f, "<head><title> Iran   talks |  Site</title>"
                                    "<meta name='pubdate' content='20240102'></head><p>x</p>");
    assert_string_equal(a->title, "Iran talks");
    assert_string_equal(a->date, "2024-01-02");
    a = html(f, "<title>Iran | Site</title><p>x</p>");
    assert_string_equal(a->title, "Iran | Site"); /* too short to cut */
    a = html(f, "<head><title>Iran and Iraq hold talks | Site</title>"
                "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                "\"datePublished\": \"2023-12-31T23:00:00Z\"}</script></head><p>x</p>");
    assert_string_equal(a->title, "Iran and Iraq hold talks");
    assert_string_equal(a->date, "2023-12-31");
    a = html(f, "<meta property='og:title' content='The og title - Site'><body><p>Text on "
                "<time datetime='2022-03-04T10:00'>Friday</time>.</p></body>");
    assert_string_equal(a->title, "The og title");
    assert_string_equal(a->date, "2022-03-04");
    assert_string_equal(a->text, "Text on Friday.");
    a = html(f, "<meta name='date' content='not a date'><p>x</p>");
    assert_string_equal(a->date, "");
    assert_string_equal(a->title, "");
}

static void broken_html(void **state)
{
    fixture *f = *state;
    /* the densest block is the <div>; what the parser puts after it is not read */
    const dyad_article *a = html(f, "<html><body><div><p>First paragraph <b>bold <i>both</b> "
                                    "still</i> going<p>Second</div></span></table>para<div");
    assert_string_equal(a->text, "First paragraph bold both still going\n\nSecond");
    /* no paragraph long enough to score: the whole <body> */
    a = html(f, "<div><p>Short <b>one<p>Two</div></span></table>three<div>four");
    assert_string_equal(a->text, "Short one\n\nTwo\n\nthree\n\nfour");
    a = html(f, "<p>Unclosed &amp; entity &lt;b&gt; and &#x201C;quotes&#8221; &nbsp;here");
    assert_string_equal(a->text, "Unclosed & entity <b> and \xE2\x80\x9Cquotes\xE2\x80\x9D "
                                 "\xC2\xA0here");
    a = html(f, "<<<>>></p></p><p>>>Text<<</p>");
    assert_non_null(strstr(a->text, "Text"));
    a = html(f, "<!-- only a comment -->");
    assert_string_equal(a->text, "");
    a = html(f, "plain text, no tags at all");
    assert_string_equal(a->text, "plain text, no tags at all");
    assert_int_equal(f->cap.errors + f->cap.warnings, 0);
}

static const char *const two_paras =
    "<p>France condemned Russia on Monday.</p><p>Egypt urged Israel to halt the offensive.</p>";
static const char *const two_paras_text =
    "France condemned Russia on Monday.\n\nEgypt urged Israel to halt the offensive.";

/* n copies of s in b. */
static void repeat(dyad_buf *b, const char *s, long n)
{
    for (long i = 0; i < n; i++)
        dyad_buf_puts(b, s);
}

static void deep_nesting(void **state)
{
    fixture *f = *state;
    /* 300 and 20000 levels, closed and not: libxml2's tree builder alone stops
     * at 256 (no text, no word) */
    const long depths[] = {300, 20000};
    for (int i = 0; i < 2; i++)
        for (int closed = 0; closed < 2; closed++) {
            dyad_buf b;
            dyad_buf_init(&b);
            dyad_buf_puts(&b, "<html><body>\n");
            repeat(&b, "<div>", depths[i]);
            dyad_buf_puts(&b, two_paras);
            if (closed)
                repeat(&b, "</div>", depths[i]);
            const dyad_article *a = html(f, b.data);
            assert_string_equal(a->text, two_paras_text);
            assert_int_equal(f->cap.warnings, 1);
            assert_non_null(strstr(f->cap.msg, "HTML nested deeper than 200 elements"));
            assert_int_equal(f->cap.line, 2);
            dyad_buf_free(&b);
        }
}

static void deep_content_filtered(void **state)
{
    fixture *f = *state;
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "<html><head><title>Tit</title></head><body><article>");
    repeat(&b, "<div>", 300);
    /* below the depth kept: paragraphs and breaks stay; scripts, navigation
     * and share widgets still go */
    dyad_buf_puts(&b, "<p>Deep one first paragraph here, long enough.</p>"
                      "<p>Deep two<br>after break <b>bold</b> <span class=\"share\">SHARE</span>"
                      "</p><script>var x = 1;</script><nav><a>NAVTEXT</a></nav>"
                      "<div style=\"display: none\">HIDDEN</div>");
    repeat(&b, "</div>", 300);
    dyad_buf_puts(&b, "<p>Shallow paragraph after the deep part.</p></article></body></html>");
    const dyad_article *a = html(f, b.data);
    assert_string_equal(a->text, "Deep one first paragraph here, long enough.\n\nDeep two\n"
                                 "after break bold\n\nShallow paragraph after the deep part.");
    assert_string_equal(a->title, "Tit");
    dyad_buf_free(&b);
}

static void big_script(void **state)
{
    fixture *f = *state;
    /* an 11 MB script (libxml2's text node limit is 10 MB); a JSON-LD one of
     * 2 MB with the date first; text before and after */
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "<html><head><script type=\"application/ld+json\">{\"datePublished\": "
                      "\"2024-05-10T08:00:00Z\", \"x\": \"");
    repeat(&b, "0123456789abcdef", 2 << 16);
    dyad_buf_puts(&b, "\"}</script><script>");
    repeat(&b, "var a = \"0123456789\";\n", 1 << 19); /* 22 bytes a line */
    dyad_buf_puts(&b, "</script></head><body><div><p>France condemned Russia on Monday.</p>"
                      "<script>");
    repeat(&b, "var b = 1;\n", 1 << 20);
    dyad_buf_puts(&b, "</script><p>Egypt urged Israel to halt the offensive.</p></div></body>"
                      "</html>");
    assert_true(b.len > (13u << 20));
    const dyad_article *a = html(f, b.data);
    assert_string_equal(a->text, two_paras_text);
    assert_string_equal(a->date, "2024-05-10");
    assert_int_equal(f->cap.warnings + f->cap.errors, 0);
    dyad_buf_free(&b);
    /* a paragraph over 10 MB */
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "<p>Start");
    repeat(&b, " word", 11 << 18);
    dyad_buf_puts(&b, " end.</p>");
    a = html(f, b.data);
    assert_int_equal(a->text_len, 5 + 5 * (11u << 18) + 5);
    assert_true(!strncmp(a->text, "Start word word", 15));
    assert_string_equal(a->text + a->text_len - 9, "word end.");
    dyad_buf_free(&b);
}

static void many_elements(void **state)
{
    fixture *f = *state;
    /* 300k elements: past the 100k kept in the tree, read as plain text */
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "<html><body>\n<div>");
    dyad_buf_puts(&b, two_paras);
    dyad_buf_puts(&b, "</div>\n<div>");
    repeat(&b, "<span>x</span>", 150000);
    dyad_buf_puts(&b, "\n<p>Last <b>words</b> here.</p><br><p>");
    repeat(&b, "<b>y</b>", 150000);
    dyad_buf_puts(&b, "</p></div></body></html>");
    const dyad_article *a = html(f, b.data);
    /* the paragraphs' block is still the densest: the flat text does not count */
    assert_string_equal(a->text, two_paras_text);
    assert_int_equal(f->cap.warnings, 1);
    assert_non_null(strstr(f->cap.msg, "more than 100000 elements"));
    assert_int_equal(f->cap.line, 3);
    dyad_buf_free(&b);
    /* the flat part keeps its words, paragraphs and line breaks */
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "<html><body>\n<div>");
    repeat(&b, "<span>x</span>", 150000);
    dyad_buf_puts(&b, "\n<p>Last <b>words</b> here.<br>Next line.</p><p>yyy</p></div></body>"
                      "</html>");
    a = html(f, b.data);
    assert_int_equal(a->text_len, 150000 + strlen("\n\nLast words here.\nNext line.\n\nyyy"));
    assert_string_equal(a->text + 150000, "\n\nLast words here.\nNext line.\n\nyyy");
    assert_int_equal(f->cap.warnings, 1);
    dyad_buf_free(&b);
}

static void many_attributes(void **state)
{
    fixture *f = *state;
    /* libxml2 compares each attribute with all the earlier ones: quadratic */
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "<html><body><div>");
    dyad_buf_puts(&b, two_paras);
    dyad_buf_puts(&b, "</div>\n<div class=\"share-bar\" ");
    for (int i = 0; i < 200000; i++) {
        char at[32];
        snprintf(at, sizeof at, "a%d=\"v>%d\" ", i, i);
        dyad_buf_puts(&b, at);
    }
    dyad_buf_puts(&b, ">Share this</div>\n</body></html>");
    const dyad_article *a = html(f, b.data);
    assert_string_equal(a->text, two_paras_text);
    assert_int_equal(f->cap.warnings, 1);
    assert_non_null(strstr(f->cap.msg, "1 start tag with more than 256 attributes"));
    assert_int_equal(f->cap.line, 2);
    dyad_buf_free(&b);
    /* "<" and a letter in a comment or a script is no tag: left alone */
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "<html><body><!-- if a<b then ");
    repeat(&b, "w ", 300);
    dyad_buf_puts(&b, "--><script>if (a<b) { ");
    repeat(&b, "x = \"</p>\"; ", 300);
    dyad_buf_puts(&b, "}</script><div>");
    dyad_buf_puts(&b, two_paras);
    dyad_buf_puts(&b, "</div></body></html>");
    a = html(f, b.data);
    assert_string_equal(a->text, two_paras_text);
    assert_int_equal(f->cap.warnings, 0);
    dyad_buf_free(&b);
}

static void no_external_resources(void **state)
{
    fixture *f = *state;
    char path[] = "/tmp/dyad_html_secret_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *secret = "dyad-never-read-html-9c1e\n";
    assert_int_equal(write(fd, secret, strlen(secret)), (ssize_t)strlen(secret));
    close(fd);
    char page[2048];
    snprintf(page, sizeof page,
             "<!DOCTYPE html SYSTEM \"file://%s\" [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
             "<html><head><link rel=\"stylesheet\" href=\"file://%s\"></head><body><div>"
             "<p>France condemned Russia &xxe; on Monday.</p>"
             "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://%s\" "
             "parse=\"text\"/><iframe src=\"file://%s\"></iframe>"
             "<object data=\"file://%s\"></object><img src=\"file://%s\">"
             "<p>Egypt urged Israel to halt the offensive.</p></div></body></html>",
             path, path, path, path, path, path, path);
    const dyad_article *a = html(f, page);
    absent(a, "dyad-never-read");
    assert_non_null(strstr(a->text, "France condemned Russia &xxe; on Monday."));
    assert_non_null(strstr(a->text, "Egypt urged Israel to halt the offensive."));
    unlink(path);
}

static void encodings(void **state)
{
    fixture *f = *state;
    /* Latin-1 bytes, declared */
    const dyad_article *a =
        html(f, "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
                "<p>Caf\xE9 in Gen\xE8ve, said M\xFCller.</p>");
    assert_string_equal(a->text, "Caf\xC3\xA9 in Gen\xC3\xA8ve, said M\xC3\xBCller.");
    assert_int_equal(a->bad_utf8, 0);
    assert_int_equal(f->cap.warnings, 0);
    /* UTF-8 bytes declared as Latin-1: read as UTF-8 */
    a = html(f, "<meta charset='iso-8859-1'><p>Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D.</p>");
    assert_string_equal(a->text, "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D.");
    /* invalid UTF-8, no other charset: U+FFFD and a warning */
    a = html(f, "<p>Bad \xFF byte here.</p>");
    assert_string_equal(a->text, "Bad \xEF\xBF\xBD byte here.");
    assert_int_equal(a->bad_utf8, 1);
    assert_int_equal(f->cap.warnings, 1);
    assert_non_null(strstr(f->cap.msg, "invalid UTF-8"));
}

static void empty_page(void **state)
{
    fixture *f = *state;
    const dyad_article *a = html(f, "");
    assert_string_equal(a->text, "");
    assert_string_equal(a->title, "");
    assert_string_equal(a->date, "");
    a = html(f, "<html><body></body></html>");
    assert_string_equal(a->text, "");
    a = html(f, "   \n ");
    assert_string_equal(a->text, "");
}

static void reader_html(void **state)
{
    (void)state;
    dyad_article_reader *r;
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_open_mem(&r, "news/iran.html", news_page,
                                                  strlen(news_page), DYAD_INPUT_AUTO, NULL), 0);
    assert_int_equal(dyad_article_reader_format(r), DYAD_INPUT_HTML);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "iran");
    assert_string_equal(a->date, "2024-05-10");
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    dyad_article_reader_free(r);
    /* by content, without an extension */
    assert_int_equal(dyad_article_reader_open_mem(&r, "page", "<div><p>Hi there.</p></div>", 27,
                                                  DYAD_INPUT_AUTO, NULL), 0);
    assert_int_equal(dyad_article_reader_format(r), DYAD_INPUT_HTML);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->text, "Hi there.");
    dyad_article_reader_free(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(article_body),  T(densest_block),    T(br_paragraphs), T(marked_bodies),
        T(teaser_articles), T(wrapper_classes), T(titles_and_dates), T(broken_html), T(deep_nesting),
        T(deep_content_filtered), T(big_script), T(many_elements), T(many_attributes),
        T(no_external_resources), T(encodings), T(empty_page), T(reader_html),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
