/* locate.c: place mentions of a parsed sentence and the place of an event
 * (locate.h). */
#include "geo/locate.h"
#include "geo/locate_weights.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define NCAND 8

/* ---- words ------------------------------------------------------------- */

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcasecmp(w, *list))
            return 1;
    return 0;
}

/* Nouns that say what kind of place a name is: "the Aziziyah district", "the
 * village of Wi Toke", "Borno State". */
static const char *const PLACE_NOUNS[] = {
    "village", "villages", "town", "towns", "city", "cities", "district", "districts", "province",
    "provinces", "region", "regions", "area", "areas", "state", "county", "municipality", "camp",
    "neighbourhood", "neighborhood", "governorate", "suburb", "suburbs", "capital", "township",
    "settlement", "port", "outskirts", "border", "island", "valley", "prefecture", "department",
    "commune", "locality", "division", "zone", "quarter", "borough", "parish", "territory",
    "oblast", "emirate", "republic", "community", "LGA", "mountain", "mountains", "airport",
    "airbase", "base", "square", "avenue", "road", "street", "hotel", "farms", "complex", "river",
    "bridge", "hill", "hills", "lake", "sea", "gulf", "crossing", "checkpoint", "market", "hospital",
    "mosque", "church", "prison", "axis", "countryside", "plain", "plains", "desert", "coast",
    "strait", "canal", "highway", "junction", "roundabout", "stadium", "palace", "embassy",
    "hamlet", "stronghold", "perimeter", "slope", "fringes", "springs", "field", "fields", "HQ",
    "headquarters", NULL};

/* Place nouns that make a capitalised name before them a place wherever it
 * stands ("Kungana Village", "the Jazal Mountains", "Al-Bab city"). */
static const char *const NAMING_NOUNS[] = {
    "village", "town", "city", "district", "province", "governorate", "region", "county", "area",
    "neighbourhood", "neighborhood", "camp", "township", "mountains", "mountain", "airport",
    "airbase", "square", "avenue", "road", "street", "hills", "hill", "river", "valley", "lake",
    "farms", "desert", "plain", "countryside", "axis", NULL};

/* Prepositions that place what follows: "in Kabul", "near the border". */
static const char *const LOC_PREPS[] = {"in", "at", "near", "outside", "inside", "across", "throughout",
                                        "around", "within", "along", "into", "off", "nearby", "between",
                                        "among", "over", "through", "towards", "toward", NULL};

/* Words before a name that belong to it when the gazetteer has the whole
 * ("North Kivu", "East Jerusalem") and that otherwise do not make it a person's
 * name. */
static const char *const DIRECTIONS[] = {"north", "south", "east", "west", "northern", "southern",
                                         "eastern", "western", "central", "upper", "lower",
                                         "northeast", "northwest", "southeast", "southwest",
                                         "northeastern", "northwestern", "southeastern",
                                         "southwestern", "greater", NULL};

/* Names that are places in the gazetteer but in news almost always a date or
 * a word of another name ("March", "May", "Pan Am"). */
static const char *const NOT_PLACES[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Pan", "Reuters", "AFP", "AP", "Xinhua", "North", "South", "East",
    "West", "Central", "Mark", "Eagle", "Police", "Army", "Union", "Liberty", "Independence",
    "Victoria", "Christian", "Hope", "Mission", "Unity", "Progress", "Justice", "Arab", "Al",
    "El", "Boko", "Marines", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
    "Islamic", "Islam", "Allah", "God", "Christmas", "Easter", "Ramadan", NULL};

/* Last words of organisations, not places ("the Syrian Arab Army"). */
static const char *const ORG_WORDS[] = {
    "Army", "Forces", "Force", "Party", "Front", "Council", "Ministry", "Committee", "Government",
    "Brigade", "Brigades", "Division", "Guards", "Guard", "Group", "Agency", "Organization",
    "Organisation", "Union", "Association", "Company", "Corporation", "Inc", "Ltd", "Movement",
    "Police", "Court", "Parliament", "Congress", "Senate", "Assembly", "Times", "Post", "News",
    "Network", "Alliance", "Coalition", "Command", "Regiment", "Battalion", "Corps", "Navy",
    "Militia", "Taliban", "State", "Press", "Agency", NULL};

/* Lower-case words inside people's names ("da Silva", "bin Laden", "van Gogh"). */
static const char *const NAME_PARTICLES[] = {"da", "de", "do", "dos", "das", "van", "von", "bin",
                                             "ibn", "di", "del", "della", "le", "la", "du", NULL};

/* Capitalised: the first letter an upper-case letter (any script), or an
 * Arabic article before one ("al-Hazm", "el-Arish"). */
static int is_cap(const char *w)
{
    if (!w || !*w)
        return 0;
    if ((!strncmp(w, "al-", 3) || !strncmp(w, "el-", 3) || !strncmp(w, "as-", 3) ||
         !strncmp(w, "ad-", 3) || !strncmp(w, "an-", 3) || !strncmp(w, "ar-", 3)) &&
        w[3] >= 'A' && w[3] <= 'Z')
        return 1;
    if ((unsigned char)*w < 0x80)
        return *w >= 'A' && *w <= 'Z';
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)w, -1, &c) <= 0)
        return 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static int is_propn(const dyad_conllu_word *w)
{
    return (w->upos && !strcmp(w->upos, "PROPN")) || (w->xpos && !strncmp(w->xpos, "NNP", 3));
}

/* The relation without its subtype ("nsubj:pass" -> "nsubj"). */
static int rel_is(const dyad_conllu_word *w, const char *rel)
{
    size_t n = strlen(rel);
    return w->deprel && !strncmp(w->deprel, rel, n) && (w->deprel[n] == '\0' || w->deprel[n] == ':');
}

static int has_heads(const dyad_conllu_sent *s)
{
    int roots = 0;
    for (int i = 0; i < s->nwords; i++)
        roots += s->words[i].head < 0;
    return s->nwords == 1 || roots < s->nwords;
}

/* The child of w with relation "case" (its preposition), or -1. */
static int case_of(const dyad_conllu_sent *s, int w)
{
    for (int i = 0; i < s->nwords; i++)
        if (s->words[i].head == w && rel_is(&s->words[i], "case"))
            return i;
    return -1;
}

/* ---- mentions ---------------------------------------------------------- */

/* The word of [start, end) whose head lies outside it. */
static int span_head(const dyad_conllu_sent *s, int start, int end)
{
    for (int i = start; i < end; i++) {
        int h = s->words[i].head;
        if (h < start || h >= end)
            return i;
    }
    return end - 1;
}

/* The phrase a name stands for: the name itself, or the place noun it names
 * ("the Aziziyah district", "the city of Aleppo"). */
static int anchor_of(const dyad_conllu_sent *s, int head)
{
    const dyad_conllu_word *w = &s->words[head];
    int h = w->head;
    if (h < 0 || h >= s->nwords || !in_list(s->words[h].form, PLACE_NOUNS))
        return head;
    if (rel_is(w, "compound") || rel_is(w, "flat") || rel_is(w, "amod") || rel_is(w, "appos"))
        return h;
    int c = case_of(s, head);
    if (rel_is(w, "nmod") && c >= 0 && !strcasecmp(s->words[c].form, "of"))
        return h;
    return head;
}

/* A point of reference, not a place of its own: "Dunya Pur, a small town
 * about 100 kilometers northeast of the city of Multan", "30 km southeast of
 * Al-Arish". */
static int reference_point(const dyad_conllu_sent *s, int start)
{
    for (int i = start - 1; i >= 1 && i >= start - 6; i--) {
        if (!strcasecmp(s->words[i].form, "of") && in_list(s->words[i - 1].form, DIRECTIONS)) {
            for (int j = i - 2; j >= 0 && j >= i - 6; j--) {
                const char *f = s->words[j].form;
                if (!strcasecmp(f, "km") || !strncasecmp(f, "kilomet", 7) || !strcasecmp(f, "miles") ||
                    !strcasecmp(f, "mi") || !strcasecmp(f, "kms"))
                    return 1;
            }
            return 0;
        }
    }
    return 0;
}

/* By word order: a locative preposition a few words before the name, with
 * only articles, modifiers and place nouns between ("in X", "in neighboring
 * X", "near the town of X", "off a west X field"). */
static int preposition_before(const dyad_conllu_sent *s, int start)
{
    for (int i = start - 1; i >= 0 && i >= start - 5; i--) {
        const dyad_conllu_word *w = &s->words[i];
        if (in_list(w->form, LOC_PREPS))
            return i + 1 < start ? strcasecmp(s->words[i + 1].form, "least") &&
                                       strcasecmp(s->words[i + 1].form, "most")
                                 : 1; /* not "at least 20 X fighters" */
        if (!strcasecmp(w->form, "of") && i > 0 &&
            (in_list(s->words[i - 1].form, DIRECTIONS) || !strcasecmp(s->words[i - 1].form, "outskirts")))
            return 1; /* "south of X", "on the outskirts of X" */
        int skip = in_list(w->form, PLACE_NOUNS) || !strcasecmp(w->form, "the") ||
                   !strcasecmp(w->form, "a") || !strcasecmp(w->form, "an") ||
                   !strcasecmp(w->form, "of") || !strcmp(w->form, "'s") || !strcmp(w->form, "’s") ||
                   in_list(w->form, DIRECTIONS) ||
                   (w->upos && (!strcmp(w->upos, "ADJ") || !strcmp(w->upos, "NUM"))) ||
                   (w->xpos && !strcmp(w->xpos, "VBG") && i == start - 1) || /* "neighboring" */
                   (is_cap(w->form) && is_propn(w));
        if (!skip)
            return 0;
    }
    return 0;
}

static void roles(const dyad_conllu_sent *s, dyad_geo_mention *m)
{
    m->head = span_head(s, m->start, m->end);
    if (reference_point(s, m->start)) {
        m->reference = 1;
        return;
    }
    if (preposition_before(s, m->start)) {
        m->locative = 1;
        return;
    }
    if (!has_heads(s))
        return;
    int a = anchor_of(s, m->head);
    int c = case_of(s, a);
    m->locative = c >= 0 && in_list(s->words[c].form, LOC_PREPS);
    const dyad_conllu_word *w = &s->words[a];
    if (m->locative)
        return;
    /* a name that modifies a noun placed by a preposition places it: "at her
     * Reshimbagh residence", "into a Mogadishu cafe", "Sarajevo's streets" */
    int h = w->head;
    int modifier = rel_is(w, "compound") || rel_is(w, "amod") || rel_is(w, "nmod");
    if (modifier && h >= 0) {
        int hc = case_of(s, h);
        if (hc >= 0 && in_list(s->words[hc].form, LOC_PREPS)) {
            m->locative = 1;
            return;
        }
    }
    int passive = w->deprel && strstr(w->deprel, "pass") != NULL; /* "Rio was captured" */
    if ((rel_is(w, "nsubj") && !passive) || rel_is(w, "csubj") || rel_is(w, "compound") || rel_is(w, "amod") ||
        (rel_is(w, "nmod") && w->deprel && strstr(w->deprel, "poss")) ||
        (c >= 0 && !strcasecmp(s->words[c].form, "by")))
        m->actor = 1;
    /* "Iran's", "Israel 's" */
    if (m->end < s->nwords && (!strcmp(s->words[m->end].form, "'s") || !strcmp(s->words[m->end].form, "’s")))
        m->actor = 1;
}

/* Two or more letters, all capitals ("ETA"; not "U.S.", which the gazetteer
 * lists among the country's names and is matched as such). */
static int all_caps(const char *w)
{
    int letters = 0;
    for (const char *p = w; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            return 0;
        letters += *p >= 'A' && *p <= 'Z';
    }
    return letters >= 2 && !strchr(w, '.');
}

static int nounish(const dyad_conllu_word *w)
{
    return is_propn(w) || (w->upos && (!strcmp(w->upos, "NOUN") || !strcmp(w->upos, "X")));
}

/* May the name w[i..i+k) be a place here? */
static int plausible(const dyad_conllu_sent *s, int i, int k)
{
    int propn = 0, noun = 0, caps = 1;
    for (int j = i; j < i + k; j++) {
        propn |= is_propn(&s->words[j]);
        noun |= nounish(&s->words[j]);
        caps &= is_cap(s->words[j].form) || !strcasecmp(s->words[j].form, "the") ||
                !strcasecmp(s->words[j].form, "of") || !strcmp(s->words[j].form, "-");
    }
    if (k == 1 && in_list(s->words[i].form, NOT_PLACES))
        return 0;

    /* "Police said" (a town in Poland) at the start, "Mobile phones" */
    if (!caps || !noun || (!propn && i == 0))
        return 0;
    /* a name followed by a name that is not a place noun or a date is an
     * organisation or a person ("Kabul University", "Jordan Peterson") */
    if (i + k < s->nwords) {
        const dyad_conllu_word *nx = &s->words[i + k];
        if (is_cap(nx->form) && is_propn(nx) && !in_list(nx->form, PLACE_NOUNS) &&
            !in_list(nx->form, NOT_PLACES))
            return 0;
    }
    /* a name after a particle of a person's name: "Luis Carlos da Silva" */
    if (i > 1 && is_cap(s->words[i - 2].form) && in_list(s->words[i - 1].form, NAME_PARTICLES))
        return 0;
    /* a name after a title, a first name or another capitalised word of a
     * longer name ("Mr. Jordan", "Michael Jordan", "YPG Media Center") */
    if (i > 0) {
        const dyad_conllu_word *pv = &s->words[i - 1];
        if (is_cap(pv->form) && (is_propn(pv) || i - 1 > 0) && !in_list(pv->form, DIRECTIONS) &&
            strcmp(pv->form, "The") && !in_list(pv->form, LOC_PREPS))
            return 0;
    }
    return 1;
}

/* Resolves a name with candidates c[0..nc) (most populous first) given the
 * countries the sentence and article name and a qualifier that follows it
 * ("Maiduguri (Borno)", "Paris, Texas"). */
static const dyad_place *resolve(const dyad_place *const *c, int nc, const dyad_geo_context *sent,
                                 const dyad_geo_context *art, const dyad_place *const *qual, int nqual)
{
    const dyad_place *best = NULL;
    double best_score = -1e9;
    for (int i = 0; i < nc; i++) {
        const dyad_place *p = c[i];
        double pop = p->kind == DYAD_GEO_ADMIN1 ? p->population / 4.0 : (double)p->population;
        double score = log10(pop + 10.0);
        if (p->kind == DYAD_GEO_COUNTRY)
            score += 3;
        else if (p->kind == DYAD_GEO_REGION)
            score += 2;
        for (int q = 0; q < nqual; q++) {
            if (!strcmp(qual[q]->iso3, p->iso3) &&
                (qual[q]->kind == DYAD_GEO_COUNTRY ||
                 (qual[q]->kind == DYAD_GEO_ADMIN1 && !strcmp(qual[q]->admin1, p->admin1))))
                score += qual[q]->kind == DYAD_GEO_COUNTRY ? 6 : 10;
        }
        for (int k = 0; sent && k < sent->n; k++)
            if (!strcmp(sent->iso3[k], p->iso3))
                score += 4;
        for (int k = 0; art && k < art->n; k++)
            if (!strcmp(art->iso3[k], p->iso3))
                score += 2;
        if (score > best_score) {
            best_score = score;
            best = p;
        }
    }
    return best;
}

void dyad_geo_context_add(dyad_geo_context *ctx, const char *iso3)
{
    if (!ctx || !iso3 || strlen(iso3) != 3)
        return;
    for (int i = 0; i < ctx->n; i++)
        if (!strcmp(ctx->iso3[i], iso3))
            return;
    if (ctx->n == 8) {
        memmove(ctx->iso3[0], ctx->iso3[1], sizeof ctx->iso3[0] * 7);
        ctx->n = 7;
    }
    memcpy(ctx->iso3[ctx->n++], iso3, 4);
}

/* A name the gazetteer lacks, named by a place noun: "the village of Wi
 * Toke", "the Aziziyah district", "Borno State". Returns its word count
 * at i (0: none). */
static int pattern_name(const dyad_conllu_sent *s, int i)
{
    int n = s->nwords;
    if (!is_cap(s->words[i].form) || !is_propn(&s->words[i]))
        return 0;
    int k = 0;
    while (i + k < n && k < 4 && is_cap(s->words[i + k].form) && is_propn(&s->words[i + k]) &&
           !in_list(s->words[i + k].form, PLACE_NOUNS))
        k++;
    if (k == 0 || (k == 1 && all_caps(s->words[i].form)))
        return 0;
    /* a capitalised place noun ends the name: "Sadr City", "the Old City",
     * "Baghdad International Airport" */
    if (i + k < n && is_cap(s->words[i + k].form) && in_list(s->words[i + k].form, NAMING_NOUNS) &&
        !in_list(s->words[i + k - 1].form, ORG_WORDS))
        return k + 1;
    if (in_list(s->words[i + k - 1].form, ORG_WORDS) || in_list(s->words[i].form, NOT_PLACES))
        return 0;
    if (i > 0 && is_cap(s->words[i - 1].form) && is_propn(&s->words[i - 1]))
        return 0; /* the middle of a longer name */
    /* a name placed by a preposition: "near El Meram", "in the Persian Gulf",
     * "at the Barada Valley area" */
    int prep = preposition_before(s, i);
    for (int j = i - 1; !prep && j >= 0 && j >= i - 2; j--) {
        const char *f = s->words[j].form;
        if (!strcasecmp(f, "from") || !strcasecmp(f, "to") || !strcasecmp(f, "towards"))
            prep = 1; /* "withdrew from Kafr Nabuda", "en route to Lashkar Gar" */
        else if (strcasecmp(f, "the"))
            break;
    }
    if (prep && (i + k >= n || !is_cap(s->words[i + k].form) || in_list(s->words[i + k].form, PLACE_NOUNS)))
        return k;
    /* "Kungana Village", "the Jazal Mountains", "Al-Bab city", "T-4 Military Airport" */
    if (i + k < n && in_list(s->words[i + k].form, NAMING_NOUNS))
        return k;
    /* "... of X": the word before "of" a place noun */
    if (i >= 2 && !strcasecmp(s->words[i - 1].form, "of") && in_list(s->words[i - 2].form, PLACE_NOUNS))
        return k;
    /* "X district", "X Province" after in/near/at (the)? */
    if (i + k < n && in_list(s->words[i + k].form, PLACE_NOUNS) &&
        strcasecmp(s->words[i + k].form, "capital") && strcasecmp(s->words[i + k].form, "border")) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            if (in_list(s->words[j].form, LOC_PREPS))
                return k;
            if (strcasecmp(s->words[j].form, "the") && !in_list(s->words[j].form, DIRECTIONS) &&
                s->words[j].upos && strcmp(s->words[j].upos, "ADJ"))
                break;
        }
    }
    return 0;
}

int dyad_geo_mentions(const dyad_gazetteer *g, const dyad_conllu_sent *s, dyad_geo_context *ctx,
                      dyad_geo_mention *out, int max)
{
    if (!g || !s || max <= 0)
        return 0;
    if (max > DYAD_GEO_MAX_MENTIONS)
        max = DYAD_GEO_MAX_MENTIONS;
    const dyad_place *cand[DYAD_GEO_MAX_MENTIONS][NCAND];
    int ncand[DYAD_GEO_MAX_MENTIONS];
    int count = 0, n = s->nwords;
    for (int i = 0; i < n && count < max;) {
        const char *win[16] = {NULL};
        int nw = 0;
        for (int j = i; j < n && nw < 16; j++)
            win[nw++] = s->words[j].form;
        int nc = 0, k = 0;
        if (is_cap(win[0]) || (!strcasecmp(win[0], "the") && nw > 1 && is_cap(win[1])))
            k = dyad_gazetteer_match(g, win, nw, cand[count], NCAND, &nc);
        if (k > 0 && (!plausible(s, i, k) ||
                      (k == 1 && all_caps(win[0]) && cand[count][0]->kind != DYAD_GEO_COUNTRY)))
            k = 0; /* "ETA", "BSF", "NTV": acronyms of organisations ("US" is a country) */
        if (k == 0 && (k = pattern_name(s, i)) > 0)
            nc = 0;
        if (k == 0) {
            i++;
            continue;
        }
        dyad_geo_mention *m = &out[count];
        memset(m, 0, sizeof *m);
        m->start = i;
        m->end = i + k;
        m->ncand = nc;
        ncand[count] = nc < NCAND ? nc : NCAND;
        roles(s, m);
        count++;
        i += k;
    }
    /* Resolve: the unambiguous first (their countries tip the others), then
     * the rest with the sentence's countries and a qualifier that follows. */
    dyad_geo_context sent = {.n = 0};
    for (int i = 0; i < count; i++)
        if (ncand[i] > 0 && (out[i].ncand == 1 || cand[i][0]->kind == DYAD_GEO_COUNTRY))
            dyad_geo_context_add(&sent, cand[i][0]->iso3);
    for (int i = 0; i < count; i++) {
        if (ncand[i] == 0)
            continue;
        const dyad_place *qual[NCAND * 2];
        int nqual = 0;
        /* "X (Y)" or "X, Y" where Y is the next mention */
        if (i + 1 < count && ncand[i + 1] > 0) {
            int gap = out[i + 1].start - out[i].end;
            const char *sep = out[i].end < n ? s->words[out[i].end].form : "";
            if (gap == 1 && (!strcmp(sep, "(") || !strcmp(sep, ","))) {
                for (int k = 0; k < ncand[i + 1]; k++)
                    if (cand[i + 1][k]->kind == DYAD_GEO_COUNTRY || cand[i + 1][k]->kind == DYAD_GEO_ADMIN1)
                        qual[nqual++] = cand[i + 1][k];
            }
        }
        out[i].place = resolve(cand[i], ncand[i], &sent, ctx, qual, nqual);
        /* a country naming the side of a noun it modifies is no place: "in a
         * U.S. airstrike", "the Israeli army" */
        if (out[i].place && out[i].place->kind == DYAD_GEO_COUNTRY && out[i].end < n &&
            !is_cap(s->words[out[i].end].form) && s->words[out[i].end].upos &&
            !strcmp(s->words[out[i].end].upos, "NOUN")) {
            out[i].locative = 0;
            out[i].actor = 1;
        }
    }
    for (int i = 0; ctx && i < count; i++)
        if (out[i].place && (out[i].ncand == 1 || out[i].place->kind == DYAD_GEO_COUNTRY))
            dyad_geo_context_add(ctx, out[i].place->iso3);
    return count;
}

/* ---- the event's place ------------------------------------------------- */

static int clause_rel(const dyad_conllu_word *w)
{
    return rel_is(w, "ccomp") || rel_is(w, "advcl") || rel_is(w, "acl") || rel_is(w, "parataxis") ||
           rel_is(w, "csubj") || rel_is(w, "root");
}

/* How far up from word a the verb v is, within v's clause (conjoined verbs
 * and verbs it governs directly count as its clause); -1 when not. */
static int steps_to_verb(const dyad_conllu_sent *s, int a, int v)
{
    int x = a;
    for (int d = 0; d < 12 && x >= 0 && x < s->nwords; d++) {
        if (x == v)
            return d;
        const dyad_conllu_word *w = &s->words[x];
        int h = w->head;
        if (h < 0)
            return -1;
        /* leaving a clause that is not v's own */
        if (x != a && clause_rel(w) && h != v)
            return -1;
        if (x != a && clause_rel(w) && h == v && (rel_is(w, "ccomp") || rel_is(w, "parataxis")))
            return -1; /* "X said [Y happened in Z]": Z is Y's place, not X's statement's */
        x = h;
    }
    return -1;
}

/* Is mention b inside a's phrase ("Palmyra ... in the Homs province": the
 * path up from Homs passes Palmyra)? */
static int passes(const dyad_conllu_sent *s, const dyad_geo_mention *from, const dyad_geo_mention *b)
{
    int x = s->words[from->head].head;
    for (int d = 0; d < 8 && x >= 0 && x < s->nwords; d++) {
        if ((x >= b->start && x < b->end) || x == anchor_of(s, b->head))
            return 1;
        if (clause_rel(&s->words[x]))
            return 0;
        x = s->words[x].head;
    }
    return 0;
}

/* The verb whose clause holds word a: the first verb on the way up (the
 * root when none). */
static int clause_verb(const dyad_conllu_sent *s, int a)
{
    int x = s->words[a].head;
    for (int d = 0; d < 40 && x >= 0 && x < s->nwords; d++) {
        const dyad_conllu_word *w = &s->words[x];
        if ((w->upos && !strcmp(w->upos, "VERB")) || w->head < 0)
            return x;
        x = w->head;
    }
    return -1;
}

/* Are the clauses of verbs a and b linked (one an adverbial, conjoined or
 * open clause of the other, or both conjuncts of a third)? "blew himself up
 * in north Iraq, killing six". */
static int linked(const dyad_conllu_sent *s, int a, int b)
{
    if (a < 0 || b < 0)
        return 0;
    const dyad_conllu_word *wa = &s->words[a], *wb = &s->words[b];
    int ra = rel_is(wa, "advcl") || rel_is(wa, "conj") || rel_is(wa, "xcomp");
    int rb = rel_is(wb, "advcl") || rel_is(wb, "conj") || rel_is(wb, "xcomp");
    return (ra && wa->head == b) || (rb && wb->head == a) || (ra && rb && wa->head == wb->head);
}

/* How precise a mention is: a town (or a name the gazetteer lacks, which
 * is named by a place noun or a preposition: a village, a district, a
 * facility) before a division or region before a country. */
static int precision(const dyad_geo_mention *m)
{
    if (!m->place)
        return 10;
    switch (m->place->kind) {
    case DYAD_GEO_PLACE: return 12;
    case DYAD_GEO_ADMIN1:
    case DYAD_GEO_REGION: return 4;
    case DYAD_GEO_COUNTRY: return 0;
    }
    return 0;
}


/* The hand-set score of mention x as the place of the event at verb: a
 * locative phrase attached to the verb's clause first, then the verb's object,
 * a locative phrase of a linked clause, elsewhere in the sentence. */
static double hand_score(const dyad_conllu_sent *s, const dyad_geo_mention *x, int verb, int heads,
                         int *steps_out, int *near_out)
{
    double score;
    int dist = verb >= 0 ? abs(x->head - verb) : 0;
    *steps_out = -1;
    *near_out = 0;
    if (heads && verb >= 0) {
        int a = anchor_of(s, x->head);
        int steps = steps_to_verb(s, a, verb);
        int near = steps < 0 && linked(s, clause_verb(s, a), verb);
        *steps_out = steps;
        *near_out = near;
        if (steps >= 0 && (x->locative || steps <= 2))
            score = (x->locative ? 100 : 80) - steps; /* "in Kabul"; "attacked Gaza" */
        else if (steps >= 0)
            score = 10; /* a name inside the subject or object: "a driver from Abidjan" */
        else if (near)
            score = x->locative ? 75 : 60;
        else
            score = (x->locative ? 45 : 10) - dist / 100.0;
    } else {
        score = (x->locative ? 50 : 10) - dist / 10.0;
    }
    score += precision(x);
    if (verb >= 0 && x->locative && x->end <= verb && x->start <= 2)
        score -= 5; /* "In Gaza, soldiers shot X near Y": Y is nearer the event */
    return score;
}

const char *const dyad_geo_feature_names[DYAD_GEO_NFEAT] = {
    "bias", "hand", "locative", "actor", "attached", "attached_loc", "steps", "linked",
    "linked_loc", "place", "division", "country", "unknown", "before_verb", "log_dist", "frame",
    "obj", "obl", "nmod", "subj_pass", "modifier", "under_another", "another_under", "ambiguous",
    "crowded", "no_tree", "neighbour_finer", "neighbour_broader", "prep_in", "prep_near_at",
    "from_before", "verb_object", "verb_locative", "only_locative", "after_near", "before_far",
    "place_attached", "country_attached", "unknown_attached", "locative_after", "first",
    "of_before", "in_brackets", "country_locative"};

void dyad_geo_features(const dyad_conllu_sent *s, const dyad_geo_mention *m, int n, int i, int verb,
                       double *x)
{
    const dyad_geo_mention *c = &m[i];
    int heads = has_heads(s), steps, near;
    memset(x, 0, sizeof(double) * DYAD_GEO_NFEAT);
    x[0] = 1;
    x[1] = hand_score(s, c, verb, heads, &steps, &near) / 100.0;
    x[2] = c->locative;
    x[3] = c->actor && !c->locative;
    x[4] = steps >= 0;
    x[5] = steps >= 0 && c->locative;
    x[6] = steps >= 0 ? (steps > 6 ? 6 : steps) / 6.0 : 0;
    x[7] = near;
    x[8] = near && c->locative;
    x[9] = c->place && c->place->kind == DYAD_GEO_PLACE;
    x[10] = c->place && (c->place->kind == DYAD_GEO_ADMIN1 || c->place->kind == DYAD_GEO_REGION);
    x[11] = c->place && c->place->kind == DYAD_GEO_COUNTRY;
    x[12] = !c->place;
    x[13] = verb >= 0 && c->end <= verb;
    x[14] = verb >= 0 ? log1p(abs(c->head - verb)) / 3.0 : 0;
    x[15] = verb >= 0 && c->locative && c->end <= verb && c->start <= 2;
    if (heads) {
        const dyad_conllu_word *w = &s->words[anchor_of(s, c->head)];
        x[16] = rel_is(w, "obj");
        x[17] = rel_is(w, "obl");
        x[18] = rel_is(w, "nmod");
        x[19] = rel_is(w, "nsubj") && w->deprel && strstr(w->deprel, "pass");
        x[20] = rel_is(w, "compound") || rel_is(w, "amod");
        for (int k = 0; k < n; k++) {
            if (k == i)
                continue;
            x[21] = x[21] || passes(s, c, &m[k]); /* a place inside this one's phrase */
            x[22] = x[22] || passes(s, &m[k], c);
        }
    }
    x[23] = c->ncand > 1;
    x[24] = n >= 3;
    x[25] = !heads || verb < 0;
    /* the preposition before the name (within four words) */
    for (int k = c->start - 1; k >= 0 && k >= c->start - 4; k--) {
        const char *f = s->words[k].form;
        if (!strcasecmp(f, "in") || !strcasecmp(f, "inside") || !strcasecmp(f, "into")) {
            x[28] = 1;
            break;
        }
        if (!strcasecmp(f, "near") || !strcasecmp(f, "at") || !strcasecmp(f, "outside")) {
            x[29] = 1;
            break;
        }
        if (!strcasecmp(f, "from")) {
            x[30] = 1;
            break;
        }
    }
    if (heads && verb >= 0) {
        int a = anchor_of(s, c->head);
        x[31] = s->words[a].head == verb && !c->locative;
        x[32] = s->words[a].head == verb && c->locative;
    }
    int nloc = 0;
    for (int k = 0; k < n; k++)
        nloc += m[k].locative;
    x[33] = c->locative && nloc == 1;
    x[34] = verb >= 0 && c->start > verb && c->start - verb <= 5;
    x[35] = verb >= 0 && c->end <= verb && verb - c->end > 5;
    x[36] = x[4] && x[9];
    x[37] = x[4] && x[11];
    x[38] = x[4] && x[12];
    x[39] = c->locative && verb >= 0 && c->start > verb;
    x[40] = i == 0;
    x[41] = c->start > 0 && !strcasecmp(s->words[c->start - 1].form, "of");
    x[42] = c->start > 0 && !strcmp(s->words[c->start - 1].form, "(");
    x[43] = c->locative && x[11];
    int prev = i > 0 && m[i - 1].end + 3 >= c->start ? i - 1 : -1;
    int next = i + 1 < n && c->end + 3 >= m[i + 1].start ? i + 1 : -1;
    for (int k = 0; k < 2; k++) {
        int o = k ? next : prev;
        if (o < 0)
            continue;
        if (precision(&m[o]) > precision(c))
            x[26] = 1;
        else if (precision(&m[o]) < precision(c))
            x[27] = 1;
    }
}

/* The learned score (a logit) of a mention: locate_weights.c. */
static double learned(const double *x)
{
    double z = 0;
    for (int k = 0; k < DYAD_GEO_NFEAT; k++)
        z += dyad_geo_weights[k] * x[k];
    return z;
}

int dyad_geo_event_place(const dyad_conllu_sent *s, const dyad_geo_mention *m, int n, int verb)
{
    if (!s || n <= 0)
        return -1;
    int best = -1;
    double best_score = 0, x[DYAD_GEO_NFEAT];
    for (int i = 0; i < n; i++) {
        if (m[i].reference)
            continue;
        dyad_geo_features(s, m, n, i, verb, x);
        double z = learned(x);
        if (best < 0 || z > best_score) {
            best_score = z;
            best = i;
        }
    }
    return best >= 0 && best_score >= dyad_geo_threshold ? best : -1;
}
