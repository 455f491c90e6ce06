/* test_tc_country.c: the country of actors named without one (country.h),
 * hyphenated nationalities in noun phrases (tc_np.c), and what ingest keeps
 * for it: decoded character references and the dateline (text.c).
 *
 * The dictionaries are small and made up (Arnor ARN, Gondor GON, Rohan ROH,
 * the city Osgiliath in Gondor), so every expectation follows from the rules
 * in country.h by hand: phrase, then a phrase of place in the sentence, then
 * another country word (not an armed other side's), then the article's last
 * country, then the dateline. */
#include "coder_fixture.h"
#include "code/country.h"
#include "code/event.h"
#include "ingest/article.h"

static const char VERBS[] =
    "<!-- country test verbs -->\n"
    "---  ATTACK   [190]  ---\n"
    "ATTACK\n"
    "\n"
    "---  ARREST   [173]  ---\n"
    "ARREST {ARRESTS ARRESTED ARRESTING}\n"
    "- * (IN COURT)                 [173]\n";

static const char ACTORS[] =
    "ARNOR_ [ARN]\n"
    "ARNORIAN_ [ARN]\n"
    "GONDOR_ [GON]\n"
    "GONDORIAN_ [GON]\n"
    "OSGILIATH_ [GON]\n"
    "ROHAN_ [ROH]\n"
    "MIDDLE_EARTH_ [MEA]\n"
    "UNITED_STATES_ [USA]\n"
    "+U.S._\n"
    "+US_\n"
    "AMERICAN_ [USA]\n"
    "GONDOR_GUARD_ [GONMIL]\n"
    "ARAGORN_ [ARNGOV]\n";

static const char AGENTS[] =
    "GOVERNMENT [~GOV]\n"
    "REBEL [~REB]\n"
    "TROOP [~MIL]\n"
    "POLICE [~COP]\n"
    "JOURNALIST [~MED]\n";

static const fx_dicts DICTS = {VERBS, ACTORS, AGENTS, NULL, NULL};

static int setup(void **state)
{
    if (fx_setup(state, &DICTS, NULL))
        return -1;
    ((fx *)*state)->o.require_dyad = 1;
    return 0;
}

/* ---- country codes and hyphenated words ----------------------------------- */

static void country_codes(void **state)
{
    (void)state;
    assert_true(dyad_country_is_country_code("IRQ"));
    assert_true(dyad_country_is_country_code("GON"));
    assert_false(dyad_country_is_country_code("MEA"));    /* a region */
    assert_false(dyad_country_is_country_code("IGOUNO")); /* an organisation */
    assert_false(dyad_country_is_country_code("USAGOV")); /* an actor */
    assert_false(dyad_country_is_country_code("---"));
    assert_false(dyad_country_is_country_code(""));
    assert_false(dyad_country_is_country_code(NULL));
}

static void hyphenated_words(void **state)
{
    fx *f = *state;
    const dyad_dict *d = f->d;
    const char *c;
    /* "U.S.-led", "Gondorian-led": the leader; "-born", "-based": the origin */
    assert_non_null(c = dyad_country_hyphen_actor(d, "U.S.-LED", NULL, f->a));
    assert_string_equal(c, "USA");
    assert_non_null(c = dyad_country_hyphen_actor(d, "GONDORIAN-LED", NULL, f->a));
    assert_string_equal(c, "GON");
    assert_non_null(c = dyad_country_hyphen_actor(d, "ARNORIAN-BORN", NULL, f->a));
    assert_string_equal(c, "ARN");
    /* "Gondorian-American": the last part says what the person is */
    assert_non_null(c = dyad_country_hyphen_actor(d, "GONDORIAN-AMERICAN", NULL, f->a));
    assert_string_equal(c, "USA");
    /* "anti-American" names no country of the actor; no hyphen, no country */
    assert_null(dyad_country_hyphen_actor(d, "ANTI-AMERICAN", NULL, f->a));
    assert_null(dyad_country_hyphen_actor(d, "PRO-GONDORIAN", NULL, f->a));
    assert_null(dyad_country_hyphen_actor(d, "WELL-KNOWN", NULL, f->a));
    /* a place Gondor occupies is no Gondorian actor */
    assert_null(dyad_country_hyphen_actor(d, "GONDORIAN-OCCUPIED", NULL, f->a));
    assert_null(dyad_country_hyphen_actor(d, "GONDORIAN-LED-TALKS", NULL, f->a));
    assert_null(dyad_country_hyphen_actor(d, "GONDORIAN", NULL, f->a));
    assert_null(dyad_country_hyphen_actor(d, "-", NULL, f->a));
    assert_null(dyad_country_hyphen_actor(d, "GONDORIAN-", NULL, f->a));
    /* a person's code is no country: "Aragorn-led" */
    assert_null(dyad_country_hyphen_actor(d, "ARAGORN-LED", NULL, f->a));
}

/* Codes a hand-written tree; the one event's source and target. */
static void code1(fx *f, const char *ptb, const char *src, const char *tgt)
{
    const dyad_coded_list *l = code_tree(f, ptb, NULL, "20240101");
    assert_int_equal(l->n, 1);
    assert_string_equal(l->ev[0].source, src);
    assert_string_equal(l->ev[0].target, tgt);
}

static void noun_phrases(void **state)
{
    fx *f = *state;
    /* "U.S.", "US" and "U.S.-led" troops are all the United States' forces */
    code1(f, "(ROOT (S (NP (NNP U.S.) (NNS troops)) (VP (VBD attack) (NP (NNS rebels))) (. .)))",
          "USAMIL", "---REB");
    code1(f, "(ROOT (S (NP (NNP US) (NNS troops)) (VP (VBD attack) (NP (NNS rebels))) (. .)))",
          "USAMIL", "---REB");
    code1(f, "(ROOT (S (NP (JJ U.S.-led) (NNS troops)) (VP (VBD attack) (NP (NNS rebels))) (. .)))",
          "USAMIL", "---REB");
    /* "U.S" that the parser split from its full stop */
    code1(f, "(ROOT (S (NP (NNS rebels)) (VP (VBD attack) (NP (DT the) (NNP U.S))) (. .)))",
          "---REB", "USA");
    /* the coalition Gondor leads is Gondor's; "Gondorian-American" journalists are American */
    code1(f,
          "(ROOT (S (NP (DT the) (JJ Gondorian-led) (NN coalition)) (VP (VBD attack) (NP (NNS "
          "rebels))) (. .)))",
          "GON", "---REB");
    code1(f,
          "(ROOT (S (NP (JJ Gondorian-American) (NNS journalists)) (VP (VBD attack) (NP (NNP "
          "Rohan))) (. .)))",
          "USAMED", "ROH");
    /* "anti-American" rebels are no Americans */
    code1(f,
          "(ROOT (S (NP (JJ anti-American) (NNS rebels)) (VP (VBD attack) (NP (NNP Rohan))) (. "
          ".)))",
          "---REB", "ROH");
}

/* ---- evidence from the sentence, the article, the dateline ------------------ */

/* The byte span of the n-th (0-based) occurrence of word w in text. */
static dyad_span word_span(const char *text, const char *w)
{
    const char *p = strstr(text, w);
    dyad_span s = {-1, -1};
    if (p) {
        s.start = (int)(p - text);
        s.end = s.start + (int)strlen(w);
    }
    return s;
}

/* One event of the sentence text (tree ptb) from source word sw (code src) to
 * target word tw (code tgt), verb vw; fills its countries with context x. */
static dyad_event fill1(fx *f, const char *ptb, const char *text, const char *src,
                        const char *sw, const char *tgt, const char *tw, const char *vw,
                        const dyad_country_ctx *x)
{
    dyad_arena_reset(f->a);
    dyad_tree *t = NULL;
    dyad_diag quiet = {0};
    assert_int_equal(dyad_ptb_parse(&t, f->a, ptb, strlen(ptb), &quiet, "test", 1), 0);
    dyad_tree_align(t, f->a, text);
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.source = src;
    e.target = tgt;
    e.source_span = word_span(text, sw);
    e.target_span = word_span(text, tw);
    e.verb_span = word_span(text, vw);
    assert_int_equal(dyad_country_fill(&e, 1, t, x, f->d, "20240101", f->a), 0);
    return e;
}

static const char *S_PLACE_TEXT = "Arnorian envoys said police arrested rebels in Osgiliath .";
static const char *S_PLACE =
    "(ROOT (S (NP (JJ Arnorian) (NNS envoys)) (VP (VBD said) (SBAR (S (NP (NNS police)) (VP "
    "(VBD arrested) (NP (NNS rebels)) (PP (IN in) (NP (NNP Osgiliath))))))) (. .)))";

static void sentence_place_first(void **state)
{
    fx *f = *state;
    /* "Arnorian" is nearer to "police" than "Osgiliath", but the phrase of
     * place says where the police are */
    dyad_event e = fill1(f, S_PLACE, S_PLACE_TEXT, "---COP", "police", "---REB", "rebels",
                         "arrested", NULL);
    assert_string_equal(e.source, "GONCOP");
    assert_string_equal(e.source_country_from, "sentence");
    assert_string_equal(e.target, "GONREB");
    assert_string_equal(e.target_country_from, "sentence");
    /* a side with its own country keeps it: "phrase" */
    e = fill1(f, S_PLACE, S_PLACE_TEXT, "ARNGOV", "envoys", "---REB", "rebels", "said", NULL);
    assert_string_equal(e.source, "ARNGOV");
    assert_string_equal(e.source_country_from, "phrase");
    assert_string_equal(e.target, "GONREB");
    /* "---" alone is no actor: nothing to fill */
    e = fill1(f, S_PLACE, S_PLACE_TEXT, "---", "police", "---REB", "rebels", "arrested", NULL);
    assert_string_equal(e.source, "---");
    assert_string_equal(e.source_country_from, "");
}

static const char *S_ARMED_TEXT = "Gondorian troops attacked rebels .";
static const char *S_ARMED =
    "(ROOT (S (NP (JJ Gondorian) (NNS troops)) (VP (VBD attacked) (NP (NNS rebels))) (. .)))";

static void armed_other_side(void **state)
{
    fx *f = *state;
    /* Gondor's troops say nothing of where the rebels are from: the article's
     * last country (Rohan), else the dateline's (Arnor), else none */
    dyad_country_ctx x = {"ROH", "ARN"};
    dyad_event e = fill1(f, S_ARMED, S_ARMED_TEXT, "GONMIL", "troops", "---REB", "rebels",
                         "attacked", &x);
    assert_string_equal(e.target, "ROHREB");
    assert_string_equal(e.target_country_from, "article");
    x.last = "";
    e = fill1(f, S_ARMED, S_ARMED_TEXT, "GONMIL", "troops", "---REB", "rebels", "attacked", &x);
    assert_string_equal(e.target, "ARNREB");
    assert_string_equal(e.target_country_from, "dateline");
    e = fill1(f, S_ARMED, S_ARMED_TEXT, "GONMIL", "troops", "---REB", "rebels", "attacked", NULL);
    assert_string_equal(e.target, "---REB");
    assert_string_equal(e.target_country_from, "");
    /* an unarmed other side does not exclude its country: Gondorian police
     * arresting protesters are in Gondor */
    e = fill1(f, S_ARMED, S_ARMED_TEXT, "GONCOP", "troops", "---REB", "rebels", "attacked", NULL);
    assert_string_equal(e.target, "GONREB");
    assert_string_equal(e.target_country_from, "sentence");
    /* nor does a country that is itself the other side: rebels attacking
     * the U.S. (split "U.S" by the parser) embassy are no Americans */
    const char *text = "Rebels attacked the U.S embassy .";
    const char *ptb = "(ROOT (S (NP (NNS Rebels)) (VP (VBD attacked) (NP (DT the) (NNP U.S) (NN "
                      "embassy))) (. .)))";
    e = fill1(f, ptb, text, "---REB", "Rebels", "USA", "U.S", "attacked", NULL);
    assert_string_equal(e.source, "---REB");
    assert_string_equal(e.target_country_from, "phrase");
    /* while an unarmed group's country is the place of the event */
    e = fill1(f, ptb, text, "---REB", "Rebels", "USAGOV", "U.S", "attacked", NULL);
    assert_string_equal(e.source, "USAREB");
}

/* "Gondorian rebels protested against rebels": once both sides have the
 * sentence's country they are the same actor; a protest (141) stands alone,
 * so the target goes; a condemnation (111) with the same sides stays as it is
 * (the coder drops an actor acting on itself before the country is known). */
static void same_actor_after_fill(void **state)
{
    fx *f = *state;
    const char *text = "Gondorian rebels protested against rebels .";
    const char *ptb = "(ROOT (S (NP (JJ Gondorian) (NNS rebels)) (VP (VBD protested) (PP (IN "
                      "against) (NP (NNS rebels)))) (. .)))";
    dyad_arena_reset(f->a);
    dyad_tree *t = NULL;
    dyad_diag quiet = {0};
    assert_int_equal(dyad_ptb_parse(&t, f->a, ptb, strlen(ptb), &quiet, "test", 1), 0);
    dyad_tree_align(t, f->a, text);
    dyad_event e[2];
    memset(e, 0, sizeof e);
    for (int i = 0; i < 2; i++) {
        e[i].source = "GONREB";
        e[i].target = "---REB";
        e[i].source_span = word_span(text, "Gondorian");
        e[i].target_span = word_span(text, "against");
        e[i].verb_span = word_span(text, "protested");
    }
    e[0].cameo = "141";
    e[1].cameo = "111";
    assert_int_equal(dyad_country_fill(e, 2, t, NULL, f->d, "20240101", f->a), 0);
    assert_string_equal(e[0].source, "GONREB");
    assert_string_equal(e[0].target, "");
    assert_string_equal(e[0].target_country_from, "");
    assert_int_equal(e[0].target_span.start, -1);
    assert_string_equal(e[1].target, "GONREB");
}

static void article_and_dateline(void **state)
{
    fx *f = *state;
    const char *text = "Police attacked rebels .";
    const char *ptb = "(ROOT (S (NP (NNS Police)) (VP (VBD attacked) (NP (NNS rebels))) (. .)))";
    /* no country in the sentence: the article's, before the dateline's */
    dyad_country_ctx x = {"ROH", "ARN"};
    dyad_event e = fill1(f, ptb, text, "---COP", "Police", "---REB", "rebels", "attacked", &x);
    assert_string_equal(e.source, "ROHCOP");
    assert_string_equal(e.source_country_from, "article");
    assert_string_equal(e.target, "ROHREB");
    /* a person ("Aragorn", ARNGOV) names no place */
    text = "Aragorn attacked rebels .";
    ptb = "(ROOT (S (NP (NNP Aragorn)) (VP (VBD attacked) (NP (NNS rebels))) (. .)))";
    x.last = "";
    e = fill1(f, ptb, text, "ARNGOV", "Aragorn", "---REB", "rebels", "attacked", &x);
    assert_string_equal(e.target, "ARNREB"); /* the dateline's Arnor, not Aragorn's */
    assert_string_equal(e.target_country_from, "dateline");
    x.dateline = "";
    e = fill1(f, ptb, text, "ARNGOV", "Aragorn", "---REB", "rebels", "attacked", &x);
    assert_string_equal(e.target, "---REB");
}

static void context_from_title_dateline_sentences(void **state)
{
    fx *f = *state;
    dyad_arena_reset(f->a);
    dyad_country_ctx x;
    dyad_country_ctx_init(&x, f->d, "Rohan's king rides to Gondor, Middle Earth", "OSGILIATH (Reuters)",
                          NULL, f->a);
    assert_string_equal(x.last, "GON"); /* the title's last country; not the region */
    assert_string_equal(x.dateline, "GON");
    dyad_country_ctx_init(&x, f->d, NULL, "AFP", NULL, f->a);
    assert_string_equal(x.last, "");
    assert_string_equal(x.dateline, "");
    assert_string_equal(dyad_country_in_text(f->d, "Talks in the U.S. and (Rohan).", NULL, f->a),
                        "ROH");
    assert_string_equal(dyad_country_in_text(f->d, "The U.S.-led talks.", NULL, f->a), "USA");
    assert_string_equal(dyad_country_in_text(f->d, "", NULL, f->a), "");
    /* a sentence naming a country makes it the article's last; one naming
     * none leaves it */
    const char *ptb = "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Arnor))) (. .)))";
    dyad_tree *t = NULL;
    dyad_diag quiet = {0};
    assert_int_equal(dyad_ptb_parse(&t, f->a, ptb, strlen(ptb), &quiet, "test", 1), 0);
    dyad_country_note_sentence(&x, f->d, t, NULL, NULL, f->a);
    assert_string_equal(x.last, "ARN");
    dyad_country_note_sentence(&x, f->d, NULL, "Police attacked rebels.", NULL, f->a);
    assert_string_equal(x.last, "ARN");
    dyad_country_note_sentence(&x, f->d, NULL, "Gondor Guard troops came.", NULL, f->a);
    assert_string_equal(x.last, "GON"); /* "Gondor Guard" (GONMIL) still names Gondor */
}

/* ---- ingest: character references and the dateline ------------------------- */

static const char *dec(dyad_arena *a, const char *s)
{
    size_t n = 0;
    char *o = dyad_ingest__entities(a, s, strlen(s), &n);
    assert_non_null(o);
    assert_int_equal(n, strlen(o));
    return o;
}

static void entities(void **state)
{
    fx *f = *state;
    dyad_arena *a = f->a;
    /* AG News: the '&' is gone and the apostrophe joins its word */
    assert_string_equal(dec(a, "Iraq #39;s army"), "Iraq's army");
    assert_string_equal(dec(a, "Iraq &#39;s army"), "Iraq's army");
    assert_string_equal(dec(a, "Iraq&#39;s army"), "Iraq's army");
    assert_string_equal(dec(a, " quot;Hello quot; he said"), " \"Hello \" he said");
    /* named and numeric references, libxml2's table */
    assert_string_equal(dec(a, "&quot;a&quot; &#x41;&#66; Tom &amp; Jerry &lt;b&gt;"),
                        "\"a\" AB Tom & Jerry <b>");
    assert_string_equal(dec(a, "caf&eacute; &euro;5"), "caf\xC3\xA9 \xE2\x82\xAC" "5");
    /* what is no reference stays */
    assert_string_equal(dec(a, "empty; not; and; #1; &bogus; &#0; &#xD800; & ;"),
                        "empty; not; and; #1; &bogus; &#0; &#xD800; & ;");
    assert_string_equal(dec(a, "issue#39;s"), "issue#39;s");
    assert_string_equal(dec(a, ""), "");
    assert_string_equal(dec(a, "&#"), "&#");
}

static void text_keeps_dateline(void **state)
{
    fx *f = *state;
    dyad_arena_reset(f->a);
    dyad_article art;
    dyad_diag quiet = {0};
    const char *in = "Headline here\n\nBAGHDAD (Reuters) - Iraq #39;s police said &quot;no&quot;.\n";
    assert_int_equal(dyad_article_from_text(&art, f->a, "t.txt", "t", in, strlen(in), &quiet), 0);
    assert_string_equal(art.text, "Headline here\n\nIraq's police said \"no\".");
    assert_string_equal(art.dateline, "BAGHDAD (Reuters)");
    in = "No dateline here.\nSecond line.";
    assert_int_equal(dyad_article_from_text(&art, f->a, "t.txt", "t", in, strlen(in), &quiet), 0);
    assert_string_equal(art.dateline, "");
    /* JSON Lines: the text and the title are decoded */
    in = "{\"id\":\"j\",\"title\":\"Iraq #39;s vote\","
         "\"text\":\"SEOUL, South Korea - Kim &amp; Lee met.\"}";
    assert_int_equal(dyad_article_from_jsonl(&art, f->a, "t.jsonl", 1, in, strlen(in), &quiet), 0);
    assert_string_equal(art.title, "Iraq's vote");
    assert_string_equal(art.text, "Kim & Lee met.");
    assert_string_equal(art.dateline, "SEOUL, South Korea");
    assert_int_equal(quiet.errors, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(country_codes),
        cmocka_unit_test_setup_teardown(hyphenated_words, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(noun_phrases, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(sentence_place_first, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(armed_other_side, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(same_actor_after_fill, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(article_and_dateline, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(context_from_title_dateline_sentences, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(entities, setup, fx_teardown),
        cmocka_unit_test_setup_teardown(text_keeps_dateline, setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
