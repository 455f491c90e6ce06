/* words.c: the word lists behind quote attribution (cue verbs, titles,
 * organisation words, ...). Matching is on the word as written, ASCII
 * case-insensitive. */
#include "quote/words.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

/* Every list below goes into one hash table (built once, read-only after)
 * from the lower-case word to its classes: Q_TAIL, Q_IND, Q_LEAD and these. */
enum {
    B_TITLE = 1 << 3, B_ORG = 1 << 4, B_NOUN = 1 << 5, B_FUNC = 1 << 6, B_ADV = 1 << 7,
    B_PART = 1 << 8, B_CUT = 1 << 9, B_NOTROLE = 1 << 10, B_DAY = 1 << 11, B_ADJ = 1 << 12
};
static int has(const char *w, unsigned bits);

/* Cue verbs. Q_TAIL: attributes a quote after it ("…,” X said"); Q_IND: also
 * an indirect quote ("X said that …"); Q_LEAD: the subject of a quote inside
 * its clause ("X criticized Y for “…”"). */
static const struct { const char *w; int f; } cues[] = {
    {"said", Q_TAIL | Q_IND | Q_LEAD}, {"says", Q_TAIL | Q_IND | Q_LEAD},
    {"say", Q_TAIL | Q_IND | Q_LEAD}, {"told", Q_TAIL | Q_IND | Q_LEAD},
    {"tells", Q_TAIL | Q_IND | Q_LEAD}, {"tell", Q_TAIL | Q_IND | Q_LEAD},
    {"added", Q_TAIL | Q_IND | Q_LEAD}, {"adds", Q_TAIL | Q_IND | Q_LEAD},
    {"stated", Q_TAIL | Q_IND | Q_LEAD}, {"states", Q_TAIL | Q_LEAD},
    {"claimed", Q_TAIL | Q_IND | Q_LEAD}, {"claims", Q_TAIL | Q_IND | Q_LEAD},
    {"declared", Q_TAIL | Q_IND | Q_LEAD}, {"declares", Q_TAIL | Q_IND | Q_LEAD},
    {"announced", Q_TAIL | Q_IND | Q_LEAD}, {"noted", Q_TAIL | Q_IND | Q_LEAD},
    {"notes", Q_TAIL | Q_IND | Q_LEAD}, {"warned", Q_TAIL | Q_IND | Q_LEAD},
    {"warns", Q_TAIL | Q_IND | Q_LEAD}, {"insisted", Q_TAIL | Q_IND | Q_LEAD},
    {"insists", Q_TAIL | Q_IND | Q_LEAD}, {"argued", Q_TAIL | Q_IND | Q_LEAD},
    {"argues", Q_TAIL | Q_IND | Q_LEAD}, {"explained", Q_TAIL | Q_IND | Q_LEAD},
    {"wrote", Q_TAIL | Q_IND | Q_LEAD}, {"writes", Q_TAIL | Q_IND | Q_LEAD},
    {"asked", Q_TAIL | Q_LEAD}, {"replied", Q_TAIL | Q_LEAD}, {"responded", Q_TAIL | Q_LEAD},
    {"recalled", Q_TAIL | Q_IND | Q_LEAD}, {"acknowledged", Q_TAIL | Q_IND | Q_LEAD},
    {"admitted", Q_TAIL | Q_IND | Q_LEAD}, {"confirmed", Q_TAIL | Q_IND | Q_LEAD},
    {"denied", Q_TAIL | Q_LEAD}, {"stressed", Q_TAIL | Q_IND | Q_LEAD},
    {"emphasized", Q_TAIL | Q_IND | Q_LEAD}, {"emphasised", Q_TAIL | Q_IND | Q_LEAD},
    {"tweeted", Q_TAIL | Q_LEAD}, {"posted", Q_LEAD}, {"predicted", Q_TAIL | Q_IND | Q_LEAD},
    {"suggested", Q_TAIL | Q_IND | Q_LEAD}, {"cautioned", Q_TAIL | Q_IND | Q_LEAD},
    {"observed", Q_TAIL | Q_IND | Q_LEAD}, {"remarked", Q_TAIL | Q_LEAD},
    {"maintained", Q_TAIL | Q_IND | Q_LEAD}, {"concluded", Q_TAIL | Q_IND | Q_LEAD},
    {"commented", Q_TAIL | Q_LEAD}, {"continued", Q_TAIL}, {"quipped", Q_TAIL | Q_LEAD},
    {"believes", Q_IND}, {"reported", Q_TAIL | Q_IND | Q_LEAD}, {"reports", Q_IND | Q_LEAD},
    {"urged", Q_TAIL | Q_LEAD}, {"vowed", Q_TAIL | Q_LEAD}, {"pledged", Q_LEAD},
    {"promised", Q_LEAD}, {"threatened", Q_LEAD}, {"demanded", Q_TAIL | Q_LEAD},
    {"criticized", Q_LEAD}, {"criticised", Q_LEAD}, {"criticizes", Q_LEAD},
    {"condemned", Q_LEAD}, {"condemns", Q_LEAD}, {"called", Q_LEAD}, {"calls", Q_LEAD},
    {"described", Q_LEAD}, {"describes", Q_LEAD}, {"denounced", Q_LEAD},
    {"accused", Q_LEAD}, {"accuses", Q_LEAD}, {"praised", Q_LEAD}, {"slammed", Q_LEAD},
    {"dismissed", Q_LEAD}, {"blasted", Q_LEAD}, {"labelled", Q_LEAD}, {"labeled", Q_LEAD},
    {"branded", Q_LEAD}, {"termed", Q_LEAD}, {"hailed", Q_LEAD}, {"rejected", Q_LEAD},
    {"lambasted", Q_LEAD}, {"decried", Q_LEAD}, {"welcomed", Q_LEAD}, {"referred", Q_LEAD},
    {"refer", Q_LEAD}, {"refers", Q_LEAD}, {"insist", Q_IND | Q_LEAD},
    {"argue", Q_IND | Q_LEAD}, {"warn", Q_IND | Q_LEAD}, {"believe", Q_IND},
};

/* Words of a title before a name ("Foreign Ministry spokesman", "Secretary of
 * State"): they are never part of the name itself. */
static const char *const titles[] = {
    "president", "then-president", "vice-president", "president-elect", "prime", "minister",
    "foreign", "defense", "defence", "interior", "finance", "secretary", "state", "spokesman",
    "spokeswoman", "spokesperson", "director", "director-general", "general", "chairman",
    "chairwoman", "chair", "senator", "sen.", "rep.", "representative", "gov.", "governor",
    "mayor", "ambassador", "envoy", "chief", "commander", "gen.", "col.", "lt.", "maj.",
    "capt.", "adm.", "sgt.", "dr.", "mr.", "mrs.", "ms.", "prof.", "professor", "king",
    "queen", "prince", "princess", "pope", "leader", "supreme", "deputy", "vice", "chancellor",
    "premier", "ceo", "head", "official", "judge", "attorney", "sheikh", "ayatollah", "emir",
    "sultan", "former", "acting", "interim", "senior", "lord", "sir", "rev.", "bishop",
    "cardinal", "coach", "analyst", "researcher", "fellow", "editor", "correspondent",
    "executive", "officer", "inspector", "colonel", "lieutenant", "major", "captain",
    "admiral", "sergeant", "marshal", "lawmaker", "legislator", "congressman",
    "congresswoman", "diplomat", "negotiator", "adviser", "advisor", "economist", "expert",
    "top", "affairs", "national", "security", "justice", "trade", "economy", "energy",
    "health", "education", "military", "army", "navy", "ministry", "department", "then",
    "current", "new", "veteran", "opposition", "party", "cabinet", NULL};

int quote__title(const char *w)
{
    /* "then-President", "ex-minister", "former-president" */
    static const char *const pre[] = {"then-", "ex-", "former-", "acting-", NULL};
    for (const char *const *p = pre; *p; p++)
        if (!strncasecmp(w, *p, strlen(*p)) && has(w + strlen(*p), B_TITLE))
            return 1;
    return has(w, B_TITLE);
}

/* Words that make a speaker an organisation rather than a person. */
static const char *const orgs[] = {
    "ministry", "department", "agency", "office", "council", "committee", "government",
    "party", "army", "military", "police", "news", "media", "times", "post", "journal",
    "company", "inc.", "corp.", "university", "center", "centre", "institute", "bank",
    "commission", "union", "association", "organization", "organisation", "group", "court",
    "parliament", "congress", "senate", "house", "kremlin", "pentagon", "forces", "command",
    "service", "embassy", "administration", "cabinet", "board", "federation", "fund",
    "foundation", "network", "reuters", "afp", "ap", "xinhua", "kcna", "yonhap", "irna",
    "tass", "bloomberg", "cnn", "bbc", "ministries", "officials", "analysts", "experts",
    "sources", "diplomats", "observers", "authorities", "government's", "statement",
    "spokesmen", "leaders", "regime", "navy", "guard", "guards", "council's", "nato", "un",
    "eu", "who", "imf", "opec", "iaea", "hamas", "hezbollah", "taliban", NULL};

int quote__org(const char *w) { return has(w, B_ORG); }

/* Lower-case words a speaker's noun phrase may hold besides titles and
 * organisation words ("North Korean state media", "senior officials"). */
static const char *const nounish[] = {
    "local", "western", "presidential", "regional", "international", "economic",
    "intelligence", "official", "officials", "analyst", "analysts", "experts", "source",
    "sources", "diplomats", "observers", "residents", "witnesses", "lawmakers", "people",
    "spokesmen", "leaders", "authorities", "government", "media", "state", "news", "agency",
    "ministry", "police", "foreign", "nuclear", "defense", "military", "statement", "unions",
    "union", "workers", "activists", "critics", "protesters", "farmers", "groups", "group",
    "rebels", "militants", "prosecutors", "investigators", "scientists", "researchers",
    "economists", "doctors", "campaigners", "negotiators", "mediators", "monitors",
    "spokespeople", "representatives", "delegates", "ministers", "lawyers", NULL};

int quote__nounish(const char *w) { return has(w, B_ORG | B_NOUN) || quote__title(w); }

/* Capitalised words that start clauses rather than names. */
static const char *const fwords[] = {
    "but", "and", "or", "however", "then", "also", "in", "on", "at", "when", "while",
    "after", "before", "this", "that", "these", "those", "meanwhile", "still", "yet", "so",
    "now", "last", "earlier", "later", "some", "many", "most", "others", "if", "as",
    "since", "despite", "although", "though", "for", "with", "from", "by", "to", "of",
    "under", "over", "during", "instead", "recently", "nevertheless", "moreover",
    "furthermore", "indeed", "separately", "asked", "speaking", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "there", "here", "what", "why",
    "how", "where", "which", "who", "whose", "we", "you", "our", "their", "his", "her", "its",
    "my", "your", "i", "he", "she", "it", "they", "such", "both", "all", "each", "every",
    "another", "other", "no", "not", "one", "two", "several", "according", NULL};

int quote__function(const char *w) { return has(w, B_FUNC); }

static const char *const adverbs[] = {
    "also", "later", "then", "has", "have", "had", "was", "is", "were", "are", "would",
    "will", "reportedly", "previously", "recently", "again", "further", "once", "publicly",
    "earlier", "separately", "subsequently", "repeatedly", "already", "often",
    "frequently", "once", "privately", "openly", "bluntly", "flatly", "angrily", "simply",
    "only", "just", "even", "still", "quickly", "immediately", "recently", "since", NULL};

int quote__adverb(const char *w) { return has(w, B_ADV); }

int quote__pronoun(const char *w)
{
    if (!strcasecmp(w, "he") || !strcasecmp(w, "she") || !strcasecmp(w, "i"))
        return Q_PERSON;
    if (!strcasecmp(w, "it") || !strcasecmp(w, "they") || !strcasecmp(w, "we"))
        return Q_ORG;
    return 0;
}

int quote__det(const char *w)
{
    return !strcasecmp(w, "the") || !strcasecmp(w, "a") || !strcasecmp(w, "an");
}

static const char *const particles[] = {"al", "al-", "el", "bin", "ibn", "de", "da", "van",
                                        "von", "der", "del", "la", "le", "abu", "bint", "di",
                                        "du", "dos", "ter", NULL};

int quote__particle(const char *w) { return has(w, B_PART); }

/* Words that end the head of a role: the actor of "director of Foreign Policy
 * in Focus" is not Focus's. */
static const char *const role_cuts[] = {"of", "at", "in", "with", "from", "on", "during",
                                        "since", "who", "which", "and", NULL};

int quote__role_cut(const char *w) { return has(w, B_CUT); }

/* A role that is a clause, not a title ("…,” said X, who …). */
static const char *const not_roles[] = {"who", "which", "adding", "referring", "as", "in",
                                        "during", "while", "when", "after", "before", "on",
                                        "according", "noting", "saying", "and", "but", NULL};

int quote__not_role(const char *w) { return has(w, B_NOTROLE); }

static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday", "yesterday", "today", "tonight",
                                   NULL};

int quote__weekday(const char *w) { return has(w, B_DAY); }

/* Adjectives of speaker phrases that name nobody alone ("a top aide"). */
static const char *const adjs[] = {"top", "senior", "former", "acting", "new", "current", "then",
                                   "veteran", "national", "foreign", "local", "western",
                                   "international", "regional", "economic", "presidential",
                                   "interim", "deputy", "prime", "vice", "supreme", NULL};

int quote__adjective(const char *w) { return has(w, B_ADJ); }

/* ---- the hash table ------------------------------------------------------ */

#define HSIZE 2048 /* a power of two, well above the ~700 words */
#define WMAX 24

static struct {
    char w[WMAX];
    unsigned m;
} table[HSIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static int lower(char out[WMAX], const char *w)
{
    size_t n = strlen(w);
    if (n >= WMAX)
        return 0;
    for (size_t i = 0; i <= n; i++)
        out[i] = (char)tolower((unsigned char)w[i]);
    return 1;
}

static unsigned slot(const char *k)
{
    unsigned h = 2166136261u;
    for (const char *p = k; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    h &= HSIZE - 1;
    while (table[h].w[0] && strcmp(table[h].w, k))
        h = (h + 1) & (HSIZE - 1);
    return h;
}

static void put_list(const char *const *l, unsigned bit)
{
    char k[WMAX];
    for (; *l; l++)
        if (lower(k, *l)) {
            unsigned h = slot(k);
            memcpy(table[h].w, k, sizeof k);
            table[h].m |= bit;
        }
}

static void build(void)
{
    char k[WMAX];
    for (size_t i = 0; i < sizeof cues / sizeof *cues; i++)
        if (lower(k, cues[i].w)) {
            unsigned h = slot(k);
            memcpy(table[h].w, k, sizeof k);
            table[h].m |= (unsigned)cues[i].f;
        }
    put_list(titles, B_TITLE);
    put_list(orgs, B_ORG);
    put_list(nounish, B_NOUN);
    put_list(fwords, B_FUNC);
    put_list(adverbs, B_ADV);
    put_list(particles, B_PART);
    put_list(role_cuts, B_CUT);
    put_list(not_roles, B_NOTROLE);
    put_list(days, B_DAY);
    put_list(adjs, B_ADJ);
}

static unsigned classes(const char *w)
{
    char k[WMAX];
    pthread_once(&table_once, build);
    if (!lower(k, w) || !k[0])
        return 0;
    return table[slot(k)].m;
}

static int has(const char *w, unsigned bits) { return (classes(w) & bits) != 0; }

int quote__cue(const char *w) { return (int)(classes(w) & (Q_TAIL | Q_IND | Q_LEAD)); }
