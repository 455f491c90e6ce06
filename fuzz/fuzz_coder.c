/* fuzz_coder.c: libFuzzer target for the event coders (linear PETRARCH-1 style
 * and tree PETRARCH-2 style).
 *
 * Input: a bracketed Penn tree, optionally followed by a NUL byte and the
 * sentence text (without one, the text is the tree's words joined by blanks).
 * The first bytes of the input do not select anything: every input is coded by
 * four coders (two dictionary sets x default and loose options) through
 * dyad_code_tree and through dyad_run_parse, and the results are checked for
 * basic sanity (codes present, token ranges inside the sentence, spans inside
 * the text). The dictionaries are small inline ones loaded once from memory.
 */
#include "code/coder.h"
#include "code/run.h"
#include "dict/dict.h"
#include "parse/tree.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "CHECK failed: %s (%s:%d)\n", #x, __FILE__, __LINE__); __builtin_trap(); } } while (0)

/* ---- dictionaries ------------------------------------------------------- */

/* PETRARCH-1 / TABARI verb format. */
static const char P1_VERBS[] =
    "<!-- fuzz verbs, PETRARCH-1 format -->\n"
    "&PREPOSIT1_\n+AGAINST\n+IN\n+ON\n+BY\n+NEAR\n\n"
    "&CURRENCY \n+DOLLARS\n+EUROS\n+SWISS FRANCS\n+GOLDEN_GOBLIN_GALLEONS\n+YEN\n\n"
    "&TIETYPES\n+MILITARY\n+ECONOMIC\n+CULTURAL\n\n"
    "&NEGATVAUXVRB  # negative auxiliaries\n+DID N'T\n+WO N'T\n+CA N'T\n+WILL NOT\n\n"
    "&ACCORDSYN  # nested synsets\n+&TIETYPES\n+CLOSER\n+&CURRENCY\n\n"
    "--- ABANDON  [345]  ---\n"
    "ABANDON    # pas 15 Jul 2003\n"
    "+ABC_DEF_GHI\n"
    "KLM_NOP_+RST [002]\n"
    "- * NEW_&TIETYPES_RELATIONS [903]\n"
    "- * IMPROVED &TIETYPES RELATIONS [904]\n"
    "- * EFFORT  [987]\n"
    "- * DIPLOMATIC TIES [901]\n\n"
    "--- ACCORD  [---] ---\n"
    "ACCORD\n"
    "- SUGGESTED_+ * DEMAND_&PREPOSIT1_CONVENTIONS  [111]\n"
    "- INCHING &ACCORDSYN *  [083]\n"
    "- IN_*  [075]\n"
    "- IN *  [072]\n"
    "- TO *  [073]\n\n"
    "--- ATTACK  [190]  ---\n"
    "ATTACK    # jw   10/11/91\n"
    "ASSAULT\n"
    "STRIKE {STRIKES STRUCK STRIKING}\n"
    "+WAGE_WAR {+WAGED_WAR +WAGES_WAR}\n"
    "- PLANES_*  [195]\n"
    "- * WITH &CURRENCY [193]\n"
    "- + WAS_ * BY $  [190]\n"
    "- $ * ^ + [190]\n"
    "- % * [192:192]\n\n"
    "--- BLAST  [180]  ---\n"
    "BLAST\n"
    "- + KNOWN_ * IN_ $  [076]\n"
    "- + * IN $  [075]\n\n"
    "--- MEET  [031:031]  ---\n"
    "MEET {MEETS MET MEETING}\n"
    "- % HAVE POSTPONED *  [191]\n"
    "- SAID WOULD NOT *  [112]\n"
    "- * BETWEEN %  [036]\n"
    "- * WITH +  [036]\n"
    "- NO *  [112]\n\n"
    "--- SAY  [010]  ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "+STATE_THAT\n"
    "- * + ATTACKED $ [112]\n"
    "- SAID $ *  [113]\n"
    "- NOTED + *  [115]\n"
    "- * NOT SWAP PRISONERS  [112]\n\n"
    "--- ACCUSE  [112]  ---\n"
    "ACCUSE\n"
    "BLAME\n"
    "- * + OF &TIETYPES [1121]\n"
    "- &NEGATVAUXVRB * [---]\n"
    "- DESPITE * FROM $  [122]\n\n"
    "--- HOST [042:043] ---\n"
    "HOST\n"
    "VISIT\n"
    "- + HOSTING * TABASKI ^ $ [042]\n"
    "- * EID AT ^ WITH +  [043]\n"
    "- * IFTAR AT ^ ^ +  [044]\n"
    "- $ BACK + IN *  [042]\n\n"
    "--- ADMIT  [013:012] ---\n"
    "ADMIT\n"
    "- WERE * TO  [064]\n\n"
    "--- ACKNOWLEDGE  [023] ---\n"
    "ACKNOWLEDGE\n"
    "- SO IN_AND_*_OUT_AGAIN NOW [074]\n"
    "- *_OUT [074]\n\n"
    "--- SEND [---] ---\n"
    "SEND {SENDS SENT SENDING}\n"
    "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF }\n"
    "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\n"
    "- * TROOPS TO + [154]\n"
    "- * AID TO + [070]\n"
    "- * &CURRENCY TO + [071]\n";

/* PETRARCH-2 (CAMEO.2.0) verb format: (PP) and {NP} groups, transformations. */
static const char P2_VERBS[] =
    "# fuzz verbs, PETRARCH-2 format\n"
    "&AUXVERB1_\n+WAS\n+WERE\n+BEEN\n\n"
    "&WEAPON\n+GUN\n+ROCKET\n+MISSILE\n+CAR_BOMB\n\n"
    "&MILITARY\n+TROOP\n+SOLDIER\n+ARMY\n\n"
    "---  ACCELERATE   [---]  ---\n"
    "ACCELERATE\n"
    "RUSH\n"
    "SPEED {SPEEDING SPEEDS SPED }\n"
    "- * (TO)                                              [042:043]     # RUSH\n"
    "- * AID                                               [070]         # RUSH\n"
    "- * {ARMS SHIPMENT}                                   [072]         # EXPEDITE\n"
    "- * POLICE (TO BORDER)                                [153]         # RUSH\n"
    "- &MILITARY *                                         [154]         # RUSH\n"
    "- * &WEAPON                                           [194]         # RUSH\n\n"
    "---  ADD   [---]  ---\n"
    "ADD  # OY 14 Mar 2006\n"
    "- * SANCTIONS [163]\n"
    "- * (TO LIST) (OF {BANNED PARTIES}) [1722]\n"
    "- * (TO {BANNED PARTIES}) $                           [1722]        # ADD\n\n"
    "---  MAKE_STATEMENT   [010]  ---\n"
    "SAY  {SAYS SAID SAYING}\n"
    "STATE\n"
    "TELL {TELLS TOLD TELLING}\n"
    "- * EXPECTS +                                         [010]\n"
    "- * &WEAPON (IN +)                                    [012]\n"
    "- * THREAT                                            [012]\n\n"
    "---  ALLEGE   [110]  ---\n"
    "ALLEGE\n"
    "CLAIM\n"
    "- * RESPONSIBILITY                                    [015]\n"
    "- * (FOR {SUICIDE ATTACK})                            [015]\n\n"
    "---  DEMAND   [100]  ---\n"
    "DEMAND\n"
    "WANT [030]\n"
    "- * (FROM $)                                          [100]\n\n"
    "---  UNDERTAKE   [---]  ---\n"
    "ATTEMPT\n"
    "UNDERTAKE {UNDERTAKES UNDERTOOK UNDERTAKING}\n\n"
    "---  ASSASSINATE   [186]  ---\n"
    "ASSASSINATE\n\n"
    "---  MEET   [040:040]  ---\n"
    "MEET {MEETS MET MEETING}\n"
    "+SIT_DOWN {+SAT_DOWN +SITS_DOWN}\n"
    "- * (WITH +)                                          [040:040]\n"
    "- * (IN ^) (WITH)                                     [043]\n"
    "- $ * (AS NEGOTIATOR) (IN TALK) (WITH +)              [045]\n\n"
    "---  PHYSICAL_CONFLICT   [190]  ---\n"
    "+ATTACKED_AND_STABBED {}\n"
    "+FIGHT_BACK {+FOUGHT_BACK +FIGHTS_BACK +FIGHTING_BACK}\n"
    "ATTACK\n"
    "ASSAULT\n"
    "FIGHT {FIGHTS FOUGHT FIGHTING }\n"
    "KICK  [180]\n"
    "- * (WITH &WEAPON)                                    [195]\n"
    "- &MILITARY * (INTO +)                                [192]\n"
    "- % &MILITARY *                                       [193:193]\n"
    "- + INSPECTOR * (INTO $)                              [0862]\n"
    "- $ * ^ OPPOSITION TO +                               [110]\n"
    "- * {MOCK ATTACK}                                     [150]\n\n"
    "---  SEND   [---]  ---\n"
    "SEND {SENDS SENT SENDING}\n"
    "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF }\n"
    "- * (TO +) {RELIEF ASSISTANCE}                        [073]\n"
    "- * TROOPS (TO +)                                     [154]\n"
    "- * &MILITARY (TO +) STRONGHOLD (IN $)                [154]\n\n"
    "---  ACCUSE   [112]  ---\n"
    "ACCUSE\n"
    "BLAME\n"
    "- * + (OF {WAR CRIMES})                               [1121]\n"
    "- * (FOR ATTACK)                                      [1121]\n\n"
    "######## TRANSFORMATIONS ##########\n\n"
    "~ a (a b ATTACK) SAY = a b 015\n"
    "~ a (a b ATTACK) CLAIM = a b 015\n"
    "~ a (b . ATTACK) SAY = a b 112\n"
    "~ a (a b Q) SAY = a b Q\n"
    "~ a (_ b ATTACK) WANT = a b 138\n"
    "~ a (b . ATTACK ) WANT = a b 021\n"
    "~ a (_ b ASSASSINATE) ATTEMPT = a b 185\n";

static const char ACTORS[] =
    "<!-- fuzz actors -->\n"
    "ARNOR [ARN]\n"
    "+NORTH_KINGDOM\n"
    "GONDOR [GON]\n"
    "+MINAS_TIRITH\n"
    "+ANORIEN\n"
    "ROHAN_ [ROH]\n"
    "MORDOR [MOR]\n"
    "OSGILIATH [GONOSG]\n"
    "ARAGORN [GONGOV]\n"
    "GOLLUM  # pas 27 Apr 03\n"
    "+SMEAGOL\n"
    "\t[HOB < 950601]\n"
    "\t[HOBGOV 19950601 - 19990815]\n"
    "\t[HOBREB > 990816]\n"
    "ISRAEL [ISR]\n"
    "ISRAELI_TROOPS [ISRMIL]\n"
    "PALESTINIAN [PSE]\n"
    "HAMAS [PSEREBHMS]\n"
    "HAMAS WING [PSEHMSBRD]\n"
    "UNITED_STATES [USA]\n"
    "+US\n"
    "+AMERICA\n"
    "FRANCE [FRA]\n"
    "+FRENCH\n"
    "CHINA [CHN]\n"
    "IRAN [IRN]\n"
    "+TEHRAN\n"
    "UNITED_NATIONS [IGOUNO]\n"
    "+UN\n"
    "TWIN_KINGDOMS [ARN/GON]\n"
    "SAURON_THE_GREAT [MORGOV]\n";

static const char AGENTS[] =
    "<!-- fuzz agents -->\n"
    "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
    "!MINST! = MINISTER, MINISTERS, MINISTRY\n"
    "PRESIDENT [~GOV]\n"
    "FOREIGN_MINISTER [~GOVFRM]\n"
    "POLICE {} [~COP]\n"
    "TROOP [~MIL]\n"
    "SOLDIER {SOLDIERS} [~MIL]\n"
    "REBEL [~REB]\n"
    "OPPOSITION_GROUP [~OPP]\n"
    "CONGRESS!PERSON! [~LEG]\n"
    "!MINST!_OF_SILLY_WALKS [~GOV]\n"
    "AID_GROUP [NGO~]\n"
    "MEDIA {} [~MED]\n"
    "GUNMAN {GUNMEN} [~UAF]\n";

static const char DISCARDS[] =
    "# fuzz discards\n"
    "MONTHS LATER\n"
    "YEARS_LATER_\n"
    "+WORLD CUP   # story\n"
    "BASEBALL\n"
    "+TYPHOON\n";

static const char ISSUES[] =
    "# fuzz issues\n"
    "<ISSUE CATEGORY=\"SECURITY\" TYPE=\"ALL\">\n"
    "n:weapon [WEAPONS]\n"
    "nuclear n:bomb [NUCLEAR]\n"
    "pre+n:school [EDUCATION]\n"
    "~peace prize\n"
    "</ISSUE>\n";

/* ---- setup -------------------------------------------------------------- */

enum { NCODERS = 4 };
static dyad_dict *g_dict[2];
static dyad_coder *g_coder[NCODERS];

static void quiet(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

static void loud(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    (void)user;
    fprintf(stderr, "fuzz_coder dictionary %s: %s:%ld: %s\n",
            lvl == DYAD_DIAG_ERROR ? "error" : "warning", file, line, msg);
}

#define TXT(name, s) {name, s, sizeof s - 1}

static void load(int i, const char *verbs, size_t nverbs)
{
    static const dyad_dict_text actors[1] = {TXT("fuzz.actors", ACTORS)};
    dyad_dict_mem m = {
        .verbs = {"fuzz.verbs", verbs, nverbs},
        .actors = actors,
        .nactors = 1,
        .agents = TXT("fuzz.agents", AGENTS),
        .discards = TXT("fuzz.discards", DISCARDS),
        .issues = TXT("fuzz.issues", ISSUES),
    };
    dyad_diag d = {.fn = loud};
    if (dyad_dict_load_mem(&g_dict[i], &m, &d) != 0) {
        fprintf(stderr, "fuzz_coder: dictionary load failed: %s\n", dyad_last_error());
        abort();
    }
}

static void setup(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    load(0, P1_VERBS, sizeof P1_VERBS - 1);
    load(1, P2_VERBS, sizeof P2_VERBS - 1);
    for (int i = 0; i < NCODERS; i++) {
        dyad_code_opts o;
        dyad_code_opts_default(&o);
        if (i & 1) { /* loose options: every comma rule, new actors, no dyad required */
            o.require_dyad = 0;
            o.new_actor_length = 4;
            o.comma_min = 1, o.comma_max = 3;
            o.comma_bmin = 1, o.comma_bmax = 4;
            o.comma_emin = 0, o.comma_emax = 5;
        }
        if (dyad_coder_new(&g_coder[i], g_dict[i / 2], &o) != 0) {
            fprintf(stderr, "fuzz_coder: coder: %s\n", dyad_last_error());
            abort();
        }
    }
    /* the two dictionary sets must pick the two engines */
    CHECK(!strcmp(dyad_coder_engine(g_coder[0]), "linear"));
    CHECK(!strcmp(dyad_coder_engine(g_coder[2]), "tree"));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    setup();
    return 0;
}

/* ---- checks ------------------------------------------------------------- */

static void check_range(const dyad_tree *t, int t0, int t1)
{
    CHECK(t0 >= -1 && t0 < t->ntok);
    CHECK(t1 >= -1 && t1 < t->ntok);
}

static void check_list(const dyad_coded_list *l, const dyad_tree *t)
{
    CHECK(l->n >= 0 && (l->n == 0 || l->ev));
    CHECK(l->discard >= 0 && l->discard <= 2);
    CHECK(l->issues != NULL);
    if (l->discard)
        CHECK(l->n == 0 && l->discard_phrase);
    for (int i = 0; i < l->n; i++) {
        const dyad_coded *e = &l->ev[i];
        CHECK(e->source && e->target && e->code);
        CHECK(e->source[0] && e->target[0] && e->code[0]);
        check_range(t, e->src_tok0, e->src_tok1);
        check_range(t, e->tgt_tok0, e->tgt_tok1);
        check_range(t, e->verb_tok0, e->verb_tok1);
    }
}

static void check_span(dyad_span s, size_t len)
{
    if (s.start < 0)
        return;
    CHECK(s.end >= s.start && (size_t)s.end <= len);
}

typedef struct runctx {
    size_t textlen;
    long n;
} runctx;

static int on_event(void *user, const dyad_event *e)
{
    runctx *r = user;
    CHECK(e->source && e->target && e->cameo && e->plover && e->text && e->issues);
    CHECK(e->source_text && e->target_text && e->verb_text);
    check_span(e->source_span, r->textlen);
    check_span(e->target_span, r->textlen);
    check_span(e->verb_span, r->textlen);
    /* touch every string (ASan catches dangling arena pointers) */
    r->n += (long)(strlen(e->source) + strlen(e->target) + strlen(e->cameo) + strlen(e->plover) +
                   strlen(e->text) + strlen(e->issues) + strlen(e->source_text) +
                   strlen(e->target_text) + strlen(e->verb_text) + strlen(e->article) +
                   strlen(e->sentence) + strlen(e->date)) > 0;
    return 0;
}

/* The tree's words joined by blanks. */
static char *words_text(const dyad_tree *t, dyad_arena *a)
{
    size_t len = 1;
    for (int i = 0; i < t->ntok; i++)
        len += strlen(t->nodes[t->tok_node[i]].word) + 1;
    char *s = dyad_arena_alloc(a, len), *p = s;
    if (!s)
        return NULL;
    for (int i = 0; i < t->ntok; i++) {
        const char *w = t->nodes[t->tok_node[i]].word;
        size_t n = strlen(w);
        if (i)
            *p++ = ' ';
        memcpy(p, w, n);
        p += n;
    }
    *p = 0;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const dates[] = {"20050101", "19940101", "2012-03-04"};
    setup();
    const char *s = (const char *)data;
    const char *sep = memchr(s, 0, size);
    size_t n = sep ? (size_t)(sep - s) : size;
    const char *date = dates[size % 3];
    dyad_arena *a = dyad_arena_new();
    dyad_diag d = {.fn = quiet};
    dyad_tree *t = NULL;
    if (!a)
        return 0;
    if (dyad_ptb_parse(&t, a, s, n, &d, "fuzz", 1) != 0) {
        dyad_arena_free(a);
        return 0;
    }
    char *text = sep ? dyad_arena_strndup(a, sep + 1, size - n - 1) : words_text(t, a);
    CHECK(text != NULL);
    dyad_tree_align(t, a, text);
    for (int i = 0; i < NCODERS; i++) {
        dyad_coded_list l;
        int rc = dyad_code_tree(&l, g_coder[i], t, text, date, a);
        CHECK(rc == 0 || rc == DYAD_EPARSE || rc == DYAD_ELIMIT);
        if (rc == 0)
            check_list(&l, t);
        /* without a text (discards then use the tree's words) */
        rc = dyad_code_tree(&l, g_coder[i], t, NULL, date, a);
        CHECK(rc == 0 || rc == DYAD_EPARSE || rc == DYAD_ELIMIT);
        if (rc == 0)
            check_list(&l, t);
    }
    for (int i = 0; i < NCODERS; i++) {
        dyad_arena *b = dyad_arena_new();
        runctx r = {strlen(text), 0};
        int discard = -1;
        long nev = 0;
        if (!b)
            break;
        int rc = dyad_run_parse(g_coder[i], "ART", "ART_1", date, text, s, n, "fuzz", 1, on_event,
                                &r, &discard, &nev, b, &d);
        CHECK(rc == 0 || rc == DYAD_EPARSE || rc == DYAD_ELIMIT);
        CHECK(discard >= 0 && discard <= 2);
        if (rc == 0)
            CHECK(nev == r.n);
        dyad_arena_free(b);
    }
    dyad_arena_free(a);
    return 0;
}
