/* confidence.c: the features of an event and its confidence (confidence.h). */
#include "code/confidence.h"

#include <math.h>
#include <string.h>

const char *const dyad_confidence_names[DYAD_CONF_NFEAT] = {
    "const",          /* 1 */
    "partial_parse",  /* the parser left words out */
    "noun_event",     /* coded from an event noun ("an attack on") */
    "relative",       /* coded from a relative clause */
    "no_pattern",     /* no verb pattern matched: the verb's own code */
    "pattern_words",  /* words of the matched pattern besides the verb, /3, at most 1 */
    "embedded",       /* the verb is in a clause under another (said that, plans to) */
    "one_sided",      /* a side is missing (protests, agentless passives) */
    "no_country",     /* sides named by an agent word only, no country found ("police") */
    "country_guess",  /* sides whose country came from elsewhere in the sentence or article */
    "future_intent",  /* modality future or intent */
    "claimed_other",  /* modality claimed, attempted or hypothetical */
    "long_sentence",  /* words in the sentence beyond 20, /40, at most 1 */
};

/* How one side was resolved: 0 missing, 1 a country of its own, 2 an agent
 * without a country, 3 a country found elsewhere (sentence, article, dateline). */
static int side_kind(const char *code, const char *from)
{
    if (!code || !*code || !strcmp(code, "-") || !strcmp(code, "---"))
        return 0;
    if (from && (!strcmp(from, "sentence") || !strcmp(from, "article") ||
                 !strcmp(from, "dateline")))
        return 3;
    return strncmp(code, "---", 3) ? 1 : 2;
}

void dyad_confidence_features(const dyad_event *e, double *x)
{
    const dyad_event_basis *b = &e->basis;
    int s = side_kind(e->source, e->source_country_from);
    int t = side_kind(e->target, e->target_country_from);
    const char *m = e->modality ? e->modality : "asserted";
    double pw = b->pattern_words > 3 ? 1.0 : b->pattern_words > 0 ? b->pattern_words / 3.0 : 0.0;
    double len = b->tokens > 20 ? (b->tokens - 20) / 40.0 : 0.0;
    x[0] = 1.0;
    x[1] = b->partial_parse != 0;
    x[2] = b->origin == 2;
    x[3] = b->origin == 1;
    x[4] = b->pattern_words < 0;
    x[5] = pw;
    x[6] = b->clause_depth > 0;
    x[7] = s == 0 || t == 0;
    x[8] = (s == 2) + (t == 2);
    x[9] = (s == 3) + (t == 3);
    x[10] = !strcmp(m, "future") || !strcmp(m, "intent");
    x[11] = !strcmp(m, "claimed") || !strcmp(m, "attempted") || !strcmp(m, "hypothetical");
    x[12] = len > 1.0 ? 1.0 : len;
}

double dyad_confidence_of(const dyad_event *e)
{
    double x[DYAD_CONF_NFEAT], z = 0.0;
    dyad_confidence_features(e, x);
    for (int i = 0; i < DYAD_CONF_NFEAT; i++)
        z += dyad_confidence_weights[i] * x[i];
    if (z > 30.0)
        z = 30.0;
    if (z < -30.0)
        z = -30.0;
    return 1.0 / (1.0 + exp(-z));
}

void dyad_confidence_set(dyad_event *ev, int n)
{
    for (int i = 0; i < n; i++)
        ev[i].confidence = dyad_confidence_of(&ev[i]);
}
