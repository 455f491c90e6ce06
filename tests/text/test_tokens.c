/* test_tokens.c: the tokenizer. Cases are data: an input and the expected
 * tokens joined with "|" (the forms), and optionally the Penn forms. */
#include "testutil.h"
#include "text/text.h"

typedef struct tcase {
    const char *in, *forms, *norms; /* norms NULL: the same as forms */
} tcase;

static char *join(const char *in, int norm)
{
    dyad_arena *a = dyad_arena_new();
    dyad_token *t;
    int n;
    size_t len = strlen(in);
    assert_int_equal(dyad_text_tokenize(&t, &n, a, in, 0, len), 0);
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "");
    int prev = 0;
    for (int i = 0; i < n; i++) {
        /* spans in order, not overlapping, and the form is the span's bytes */
        assert_true(t[i].start >= prev && t[i].start < t[i].end && (size_t)t[i].end <= len);
        assert_int_equal(strlen(t[i].form), (size_t)(t[i].end - t[i].start));
        assert_memory_equal(t[i].form, in + t[i].start, (size_t)(t[i].end - t[i].start));
        prev = t[i].end;
        dyad_buf_printf(&b, "%s%s", i ? "|" : "", norm ? t[i].norm : t[i].form);
    }
    dyad_arena_free(a);
    return b.data;
}

static void run_cases(const tcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (int norm = 0; norm < 2; norm++) {
            const char *want = norm && c[i].norms ? c[i].norms : c[i].forms;
            char *got = join(c[i].in, norm);
            if (strcmp(got, want) != 0)
                fail_msg("case %zu (%s)\n  in:   %s\n  want: %s\n  got:  %s", i,
                         norm ? "norm" : "form", c[i].in, want, got);
            free(got);
        }
    }
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof *cases)

static void words_and_punctuation(void **state)
{
    (void)state;
    static const tcase c[] = {
        {"Iran met Iraq.", "Iran|met|Iraq|.", NULL},
        {"Well, no; maybe: yes!", "Well|,|no|;|maybe|:|yes|!", NULL},
        {"(1980-88).", "(|1980-88|)|.", "-LRB-|1980-88|-RRB-|."},
        {"[a] {b}", "[|a|]|{|b|}", "-LSB-|a|-RSB-|-LCB-|b|-RCB-"},
        {"2,000-km ranges", "2,000-km|ranges", NULL},
        {"It rose 3.5% to $1,200.50 at 10:30.", "It|rose|3.5|%|to|$|1,200.50|at|10:30|.", NULL},
        {"e-mail and then-President and Iran-Iraq", "e-mail|and|then-President|and|Iran-Iraq",
         NULL},
        {"and/or AT&T R&D", "and/or|AT&T|R&D", NULL},
        {"a,b 1,b", "a|,|b|1|,|b", NULL},
        {"wait... what?!", "wait|...|what|?|!", NULL},
        {"pragmatism\xE2\x80\x94" "both -- and", "pragmatism|\xE2\x80\x94|both|--|and",
         "pragmatism|--|both|--|and"},
        {"1980\xE2\x80\x93" "88 and May\xE2\x80\x93June", "1980\xE2\x80\x93" "88|and|May\xE2\x80\x93June", NULL},
        {"in turn\xE2\x80\xA6You", "in|turn|\xE2\x80\xA6|You", "in|turn|...|You"},
        {"#North #Korea", "#|North|#|Korea", NULL},
        {".5 of it", ".5|of|it", NULL},
        {"", "", NULL},
        {"  \n\t ", "", NULL},
    };
    RUN(c);
}

static void abbreviations(void **state)
{
    (void)state;
    static const tcase c[] = {
        {"The U.S. and U.N. met.", "The|U.S.|and|U.N.|met|.", NULL},
        {"Gen. Ali met Dr. Reza at 3 p.m.", "Gen.|Ali|met|Dr.|Reza|at|3|p.m.", NULL},
        {"Apple Inc. and Acme Co. and Jr. and etc.", "Apple|Inc.|and|Acme|Co.|and|Jr.|and|etc.",
         NULL},
        {"George W. Bush", "George|W.|Bush", NULL},
        {"Jan. 5 and Sept. 11", "Jan.|5|and|Sept.|11", NULL},
        {"No. 5 but No.", "No.|5|but|No|.", NULL},
        {"Lt.-Gen. Ahmed", "Lt.|-|Gen.|Ahmed", NULL},
        {"Google Inc.'s offer", "Google|Inc.|'s|offer", NULL},
        {"the U.S.\xE2\x80\x99s role", "the|U.S.|\xE2\x80\x99s|role", "the|U.S.|'s|role"},
        {"said Katzman.", "said|Katzman|.", NULL},
    };
    RUN(c);
}

static void clitics_and_quotes(void **state)
{
    (void)state;
    static const tcase c[] = {
        {"Pyongyang\xE2\x80\x99s experience", "Pyongyang|\xE2\x80\x99s|experience",
         "Pyongyang|'s|experience"},
        {"doesn't can't won't", "does|n't|ca|n't|wo|n't", NULL},
        {"doesn\xE2\x80\x99t", "does|n\xE2\x80\x99t", "does|n't"},
        {"they're I'm we've you'll he'd it's Iran's", "they|'re|I|'m|we|'ve|you|'ll|he|'d|it|'s|Iran|'s",
         NULL},
        {"DOESN'T IT'S", "DOES|N'T|IT|'S", NULL},
        {"O'Brien and rock'n'roll", "O'Brien|and|rock'n'roll", NULL},
        {"the Iranians' oil", "the|Iranians|'|oil", NULL},
        {"\xE2\x80\x9CIf big countries\xE2\x80\x9D", "\xE2\x80\x9C|If|big|countries|\xE2\x80\x9D",
         "``|If|big|countries|''"},
        {"\"We will,\" he said", "\"|We|will|,|\"|he|said", "``|We|will|,|''|he|said"},
        {"a \xE2\x80\x98harmed\xE2\x80\x99 state", "a|\xE2\x80\x98|harmed|\xE2\x80\x99|state",
         "a|`|harmed|'|state"},
        {"'disappointed' after", "'|disappointed|'|after", "`|disappointed|'|after"},
        {"``Penn'' quotes", "``|Penn|''|quotes", NULL},
        {"(\"nested\")", "(|\"|nested|\"|)", "-LRB-|``|nested|''|-RRB-"},
    };
    RUN(c);
}

static void addresses_and_unicode(void **state)
{
    (void)state;
    static const tcase c[] = {
        {"See https://example.com/a?b=1, then.", "See|https://example.com/a?b=1|,|then|.", NULL},
        {"(www.example.org).", "(|www.example.org|)|.", "-LRB-|www.example.org|-RRB-|."},
        {"Mail jane.doe@example.com now", "Mail|jane.doe@example.com|now", NULL},
        {"Gen\xC3\xA8ve M\xC3\xBCller \xD8\xB7\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86",
         "Gen\xC3\xA8ve|M\xC3\xBCller|\xD8\xB7\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86", NULL},
        {"a\xC2\xA0" "b\xE2\x80\x8B" "c", "a|b|c", NULL},            /* NBSP, zero-width space */
        {"e\xCC\x81t\xC3\xA9", "e\xCC\x81t\xC3\xA9", NULL},           /* a combining accent */
        {"\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x82", "\xE5\x8C\x97\xE4\xBA\xAC|\xE3\x80\x82", NULL},
        {"5\xE2\x82\xAC and \xE2\x82\xAC" "5", "5|\xE2\x82\xAC|and|\xE2\x82\xAC|5", NULL},
        {"x\xFF\xFEy \xC3", "x|\xFF|\xFE|y|\xC3", NULL},             /* invalid bytes */
    };
    RUN(c);
}

static void ranges(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    const char *in = "Skip this. Iran met Iraq.";
    dyad_token *t;
    int n;
    assert_int_equal(dyad_text_tokenize(&t, &n, a, in, 11, strlen(in)), 0);
    assert_int_equal(n, 4);
    assert_int_equal(t[0].start, 11);
    assert_string_equal(t[0].form, "Iran");
    assert_int_equal(t[3].end, (int)strlen(in));
    /* an abbreviation's stop before a number outside the range stays split */
    assert_int_equal(dyad_text_tokenize(&t, &n, a, "No. 5", 0, 3), 0);
    assert_int_equal(n, 2);
    assert_int_equal(dyad_text_tokenize(&t, &n, a, in, 5, 5), 0);
    assert_int_equal(n, 0);
    assert_null(t);
    assert_int_equal(dyad_text_tokenize(&t, &n, a, in, 6, 5), DYAD_EINVAL);
    dyad_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_and_punctuation),
        cmocka_unit_test(abbreviations),
        cmocka_unit_test(clitics_and_quotes),
        cmocka_unit_test(addresses_and_unicode),
        cmocka_unit_test(ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
