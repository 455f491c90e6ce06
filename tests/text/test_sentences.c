/* test_sentences.c: the sentence splitter. Cases are data: an input and the
 * expected sentences joined with " | ". */
#include "testutil.h"
#include "text/text.h"

#include <time.h>

typedef struct scase {
    const char *in, *want;
} scase;

/* The sentences of in, joined with " | "; spans are checked on the way. */
static char *split(const char *in, int *flags_out, int max_flags)
{
    dyad_arena *a = dyad_arena_new();
    dyad_sentence *s;
    int n;
    size_t len = strlen(in);
    assert_int_equal(dyad_text_sentences(&s, &n, a, in, len), 0);
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "");
    int prev_end = 0;
    for (int i = 0; i < n; i++) {
        assert_true(s[i].start >= prev_end && s[i].start < s[i].end && (size_t)s[i].end <= len);
        assert_false(in[s[i].start] == ' ' || in[s[i].end - 1] == ' ' ||
                     in[s[i].start] == '\n' || in[s[i].end - 1] == '\n');
        prev_end = s[i].end;
        dyad_buf_printf(&b, "%s%.*s", i ? " | " : "", s[i].end - s[i].start, in + s[i].start);
        if (flags_out && i < max_flags)
            flags_out[i] = s[i].flags;
    }
    dyad_arena_free(a);
    return b.data;
}

static void run_cases(const scase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = split(c[i].in, NULL, 0);
        if (strcmp(got, c[i].want) != 0)
            fail_msg("case %zu\n  in:   %s\n  want: %s\n  got:  %s", i, c[i].in, c[i].want, got);
        free(got);
    }
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof *cases)

static void basic_stops(void **state)
{
    (void)state;
    static const scase c[] = {
        {"Iran met Iraq. Syria left.", "Iran met Iraq. | Syria left."},
        {"Did Iran agree? No! It refused.", "Did Iran agree? | No! | It refused."},
        {"Really?! Yes.", "Really?! | Yes."},
        {"One sentence without a stop", "One sentence without a stop"},
        {"  Leading and trailing spaces.   ", "Leading and trailing spaces."},
        {"Iran met Iraq.Syria", "Iran met Iraq. | Syria"},
        {"Iran met Iraq.SY", "Iran met Iraq.SY"},
        {"It rose 3.5 percent. Then it fell.", "It rose 3.5 percent. | Then it fell."},
        {"He said it in 1989. 2000 people came.", "He said it in 1989. | 2000 people came."},
        {"Visit example.com today. It is free.", "Visit example.com today. | It is free."},
        {"\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x82 Iran met.", "\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x82 | Iran met."},
        {"Done. . .", "Done. . ."},
        {"...", ""},
        {"", ""},
    };
    RUN(c);
}

static void abbreviations(void **state)
{
    (void)state;
    static const scase c[] = {
        {"The U.S. State Department said so. Iran denied it.",
         "The U.S. State Department said so. | Iran denied it."},
        {"He met U.N. officials in Geneva.", "He met U.N. officials in Geneva."},
        {"Sanctions came from the U.S. The E.U. followed.",
         "Sanctions came from the U.S. | The E.U. followed."},
        {"Dr. Smith met Gen. Ali and Col. Reza.", "Dr. Smith met Gen. Ali and Col. Reza."},
        {"Mr. and Mrs. Brown met Ms. Green.", "Mr. and Mrs. Brown met Ms. Green."},
        {"Lt.-Gen. Ahmed arrived. He spoke.", "Lt.-Gen. Ahmed arrived. | He spoke."},
        {"It happened on Jan. 5 and Sept. 11. Nobody forgot.",
         "It happened on Jan. 5 and Sept. 11. | Nobody forgot."},
        {"They met in Jan. Officials confirmed it.", "They met in Jan. | Officials confirmed it."},
        {"The talks began at 3 p.m. Monday in Vienna.", "The talks began at 3 p.m. Monday in Vienna."},
        {"The talks began at 3 p.m. The delegates left at 9 a.m. on Tuesday.",
         "The talks began at 3 p.m. | The delegates left at 9 a.m. on Tuesday."},
        {"See No. 5 on the list. No. That is wrong.",
         "See No. 5 on the list. | No. | That is wrong."},
        {"They live on Main St. in Boston.", "They live on Main St. in Boston."},
        {"He flew to St. Petersburg.", "He flew to St. Petersburg."},
        {"He works for Apple Inc. The company grew.", "He works for Apple Inc. | The company grew."},
        {"Apple Inc. President Tim Cook spoke.", "Apple Inc. President Tim Cook spoke."},
        {"Martin Luther King Jr. Day is a holiday.", "Martin Luther King Jr. Day is a holiday."},
        {"Acme Co. and Beta Corp. merged with Gamma Ltd. last year.",
         "Acme Co. and Beta Corp. merged with Gamma Ltd. last year."},
        {"Iran vs. Iraq was a long war.", "Iran vs. Iraq was a long war."},
        {"They bought tanks, jets, etc. The bill was large.",
         "They bought tanks, jets, etc. | The bill was large."},
        {"Smith et al. Found nothing new.", "Smith et al. | Found nothing new."},
        {"SANTA MARIA, Calif. - Fans cheered.", "SANTA MARIA, Calif. - Fans cheered."},
        {"LANGLEY, B.C. (CP) - Police arrested a man.", "LANGLEY, B.C. (CP) - Police arrested a man."},
        {"Rule no. 5 applies. It is clear.", "Rule no. 5 applies. | It is clear."},
        {"The 9 p.m. \"watershed\" matters.", "The 9 p.m. \"watershed\" matters."},
        {"He left the U.S. \xE2\x80\x9CWe are done,\xE2\x80\x9D he said.",
         "He left the U.S. | \xE2\x80\x9CWe are done,\xE2\x80\x9D he said."},
    };
    RUN(c);
}

static void initials_and_numbers(void **state)
{
    (void)state;
    static const scase c[] = {
        {"Then-US President George W. Bush coined the phrase.",
         "Then-US President George W. Bush coined the phrase."},
        {"J. R. R. Tolkien wrote it. E. Smith read it.",
         "J. R. R. Tolkien wrote it. | E. Smith read it."},
        {"They had Plan B. The plan failed.", "They had Plan B. | The plan failed."},
        {"Iran made its decision to stop at 2,000-km ranges. It held.",
         "Iran made its decision to stop at 2,000-km ranges. | It held."},
        {"Back to the Iran-Iraq War (1980-88). Tehran sought allies.",
         "Back to the Iran-Iraq War (1980-88). | Tehran sought allies."},
        {"1. The first point is clear. 2. The second is not.",
         "1. The first point is clear. | 2. The second is not."},
        {"It cost $3.5 million. Iran paid.", "It cost $3.5 million. | Iran paid."},
    };
    RUN(c);
}

static void quotations(void **state)
{
    (void)state;
    static const scase c[] = {
        /* the closing quote after the stop belongs to the sentence */
        {"He said \xE2\x80\x9CWe will act.\xE2\x80\x9D Then he left.",
         "He said \xE2\x80\x9CWe will act.\xE2\x80\x9D | Then he left."},
        {"He said \"We will act.\" Then he left.", "He said \"We will act.\" | Then he left."},
        {"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. Nobody knew.",
         "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. | Nobody knew."},
        {"\xE2\x80\x9CIt is over. We go home,\xE2\x80\x9D said Ali. The war ended.",
         "\xE2\x80\x9CIt is over. | We go home,\xE2\x80\x9D said Ali. | The war ended."},
        {"(See the annex.) The rest follows.", "(See the annex.) | The rest follows."},
        {"They called it \xE2\x80\x98unfair.\xE2\x80\x99 Iran objected.",
         "They called it \xE2\x80\x98unfair.\xE2\x80\x99 | Iran objected."},
    };
    RUN(c);
}

static void ellipses_and_glue(void **state)
{
    (void)state;
    static const scase c[] = {
        {"They should threaten them in turn...You have proved it.",
         "They should threaten them in turn... | You have proved it."},
        {"We waited \xE2\x80\xA6 and waited.", "We waited \xE2\x80\xA6 and waited."},
        {"We waited\xE2\x80\xA6 Then it came.", "We waited\xE2\x80\xA6 | Then it came."},
        {"The count went 1... 2... 3.", "The count went 1... 2... 3."},
        {"limited its range ability,\xE2\x80\x9D said Katzman.North Korea and Iran met.",
         "limited its range ability,\xE2\x80\x9D said Katzman. | North Korea and Iran met."},
        {"See www.Example.Com and node.Js now.", "See www.Example.Com and node.Js now."},
    };
    RUN(c);
}

static void lines_and_paragraphs(void **state)
{
    (void)state;
    static const scase c[] = {
        /* a paragraph break always ends a sentence */
        {"A relationship mostly about missiles\n\nSince the war ended, they cooperated.",
         "A relationship mostly about missiles | Since the war ended, they cooperated."},
        {"no stop here\n\nand a lower-case paragraph", "no stop here | and a lower-case paragraph"},
        /* one paragraph per line: a line break ends a sentence */
        {"Iran denies talk of a nuclear program\nBut Tehran rejected it.",
         "Iran denies talk of a nuclear program | But Tehran rejected it."},
        {"First line.\nSecond line.", "First line. | Second line."},
        /* unless the next line goes on in lower case or the line ends in a comma */
        {"The minister said that\nthe talks would resume.",
         "The minister said that\nthe talks would resume."},
        {"Iran, Iraq,\nSyria and Turkey met.", "Iran, Iraq,\nSyria and Turkey met."},
    };
    RUN(c);
}

static void hard_wrapped(void **state)
{
    (void)state;
    const char *in =
        "North Korea sent a high-level delegation of economic and trade experts\n"
        "on a nine-day visit to Tehran, its first such mission since 2019. With\n"
        "both countries remaining tight-lipped on the details, analysts speculated\n"
        "that the talks would involve military technology.\n"
        "Iran denies talk\n"
        "But Tehran rejected the assumption that the delegates discussed the\n"
        "matter of Washington and nuclear technology in the meeting last week.\n";
    char *got = split(in, NULL, 0);
    assert_string_equal(got,
        "North Korea sent a high-level delegation of economic and trade experts\n"
        "on a nine-day visit to Tehran, its first such mission since 2019. | With\n"
        "both countries remaining tight-lipped on the details, analysts speculated\n"
        "that the talks would involve military technology. | Iran denies talk | "
        "But Tehran rejected the assumption that the delegates discussed the\n"
        "matter of Washington and nuclear technology in the meeting last week.");
    free(got);
}

static void flags_and_spans(void **state)
{
    (void)state;
    int fl[4] = {-1, -1, -1, -1};
    char *got = split("Heading\n\nA sentence. \xE2\x80\x9CQuoted.\xE2\x80\x9D\n\n***\n\n...", fl, 4);
    assert_string_equal(got, "Heading | A sentence. | \xE2\x80\x9CQuoted.\xE2\x80\x9D");
    assert_int_equal(fl[0], DYAD_SENT_NOSTOP);
    assert_int_equal(fl[1], 0);
    assert_int_equal(fl[2], 0);
    assert_int_equal(fl[3], -1);
    free(got);
    /* spans are bytes of the text: evidence offsets stay exact */
    const char *in = "\xE2\x80\x9C" "Caf\xC3\xA9!\xE2\x80\x9D Ok.";
    dyad_arena *a = dyad_arena_new();
    dyad_sentence *s;
    int n;
    assert_int_equal(dyad_text_sentences(&s, &n, a, in, strlen(in)), 0);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].start, 0);
    assert_int_equal(s[0].end, 12);
    assert_int_equal(s[1].start, 13);
    assert_int_equal(s[1].end, 16);
    dyad_arena_free(a);
}

static void long_sentence_cut(void **state)
{
    (void)state;
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < 150; i++)
        dyad_buf_puts(&b, "word word; ");
    dyad_buf_puts(&b, "end.");
    dyad_arena *a = dyad_arena_new();
    dyad_sentence *s;
    int n;
    assert_int_equal(dyad_text_sentences(&s, &n, a, b.data, b.len), 0);
    /* 451 tokens: pieces of at most 200, cut after a ';' */
    assert_int_equal(n, 3);
    for (int i = 0; i < n; i++) {
        assert_true(s[i].flags & DYAD_SENT_CUT);
        dyad_token *t;
        int nt;
        assert_int_equal(dyad_text_tokenize(&t, &nt, a, b.data, (size_t)s[i].start,
                                            (size_t)s[i].end), 0);
        assert_true(nt <= DYAD_SENT_MAX_TOKENS);
        if (i < n - 1)
            assert_int_equal(b.data[s[i].end - 1], ';');
        if (i > 0)
            assert_int_equal(s[i].start, s[i - 1].end + 1);
    }
    assert_int_equal(s[n - 1].end, (int)b.len);
    /* no punctuation at all: cut at the cap */
    dyad_buf_free(&b);
    dyad_buf_init(&b);
    for (int i = 0; i < 450; i++)
        dyad_buf_puts(&b, "word ");
    assert_int_equal(dyad_text_sentences(&s, &n, a, b.data, b.len), 0);
    assert_int_equal(n, 3);
    assert_int_equal(s[0].end, (DYAD_SENT_MAX_TOKENS - 2) * 5 - 1); /* a margin of two */
    assert_int_equal(s[2].flags, DYAD_SENT_CUT | DYAD_SENT_NOSTOP);
    dyad_buf_free(&b);
    dyad_arena_free(a);
}

/* Stray punctuation after a sentence joins it, but never past the cap (a
 * fuzzing find: 300 quotes after "W."). */
static void stray_tail_capped(void **state)
{
    (void)state;
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "Caf\xC3\xA9 ");
    for (int i = 0; i < 150; i++)
        dyad_buf_puts(&b, "\" ");
    dyad_buf_puts(&b, "W. ");
    for (int i = 0; i < 300; i++)
        dyad_buf_puts(&b, "\"");
    dyad_arena *a = dyad_arena_new();
    dyad_sentence *s;
    int n;
    assert_int_equal(dyad_text_sentences(&s, &n, a, b.data, b.len), 0);
    assert_true(n >= 1);
    for (int i = 0; i < n; i++) {
        dyad_token *t;
        int nt;
        assert_int_equal(dyad_text_tokenize(&t, &nt, a, b.data, (size_t)s[i].start,
                                            (size_t)s[i].end), 0);
        assert_true(nt <= DYAD_SENT_MAX_TOKENS);
    }
    dyad_arena_free(a);
    dyad_buf_free(&b);
}

/* Inputs that would be quadratic with an unbounded look-back or look-ahead. */
static void pathological(void **state)
{
    (void)state;
    const char *unit[] = {"a.", ". ", "U.S. ", "x", " ", "\n", "\n\n", "...", "\xE2\x80\x9C",
                          "Mr. ", "a\n", "1. ", "\xE2\x80\x9D. "};
    size_t total = 1u << 20;
    dyad_arena *a = dyad_arena_new();
    for (size_t u = 0; u < sizeof unit / sizeof *unit; u++) {
        size_t k = strlen(unit[u]);
        char *s = malloc(total + 1);
        for (size_t i = 0; i + k <= total; i += k)
            memcpy(s + i, unit[u], k);
        size_t n = total - total % k;
        clock_t t0 = clock();
        dyad_sentence *v;
        int nv;
        assert_int_equal(dyad_text_sentences(&v, &nv, a, s, n), 0);
        dyad_token *t;
        int nt;
        assert_int_equal(dyad_text_tokenize(&t, &nt, a, s, 0, n), 0);
        double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (sec > 10)
            fail_msg("unit '%s': %.1f s for 1 MB", unit[u], sec);
        dyad_arena_reset(a);
        free(s);
    }
    dyad_arena_free(a);
}

static void bad_bytes(void **state)
{
    (void)state;
    /* invalid UTF-8 (not sanitised) is read as one-byte symbols */
    char *got = split("Caf\xE9. \xFF\xFE Bad \xC3. End\xE2\x80.", NULL, 0);
    assert_string_equal(got, "Caf\xE9. | \xFF\xFE Bad \xC3. | End\xE2\x80.");
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(basic_stops),        cmocka_unit_test(abbreviations),
        cmocka_unit_test(initials_and_numbers), cmocka_unit_test(quotations),
        cmocka_unit_test(ellipses_and_glue),  cmocka_unit_test(lines_and_paragraphs),
        cmocka_unit_test(hard_wrapped),       cmocka_unit_test(flags_and_spans),
        cmocka_unit_test(long_sentence_cut),  cmocka_unit_test(stray_tail_capped),
        cmocka_unit_test(pathological),
        cmocka_unit_test(bad_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
