/* builtin.c: text -> tokens -> tags -> dependencies -> tree (see builtin.h). */
#include "parse/builtin.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse/depparse.h"
#include "parse/tagger.h"
#include "text/text.h"

struct dyad_builtin {
    dyad_tagger *tagger;
    dyad_depparser *parser;
};

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *dyad_builtin_model_dir(const char *dir, char *buf, size_t size)
{
    if (dir)
        return dir;
    if (is_dir(DYAD_BUILTIN_MODEL_DIR))
        return DYAD_BUILTIN_MODEL_DIR;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0 && buf && size) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, size, "%s/../%s", exe, DYAD_BUILTIN_MODEL_DIR);
            if (is_dir(buf))
                return buf;
        }
    }
    return DYAD_BUILTIN_MODEL_DIR;
}

int dyad_builtin_load(dyad_builtin **out, const char *dir)
{
    char buf[PATH_MAX + 64], path[PATH_MAX + 96];
    *out = NULL;
    dir = dyad_builtin_model_dir(dir, buf, sizeof buf);
    dyad_builtin *p = calloc(1, sizeof *p);
    if (!p)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    snprintf(path, sizeof path, "%s/tagger.bin", dir);
    int rc = dyad_tagger_load(&p->tagger, path);
    if (!rc) {
        snprintf(path, sizeof path, "%s/parser.bin", dir);
        rc = dyad_depparser_load(&p->parser, path);
    }
    if (rc) {
        dyad_builtin_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

void dyad_builtin_free(dyad_builtin *p)
{
    if (!p)
        return;
    dyad_tagger_free(p->tagger);
    dyad_depparser_free(p->parser);
    free(p);
}

/* ---- tokens as UD English writes them ---------------------------------- */

/* One word for the models: its bytes in the sentence and the form given to
 * the tagger and parser. */
typedef struct bword {
    int start, end;
    const char *form;  /* as written (the tree's word) */
    const char *model; /* as the models see it */
} bword;

/* Curly quotes and apostrophes straight; NULL on out of memory. */
static const char *straighten(const char *s, dyad_arena *a)
{
    if (!strstr(s, "\xe2\x80"))
        return s;
    size_t n = strlen(s);
    char *o = dyad_arena_alloc(a, n + 1), *q = o;
    if (!o)
        return NULL;
    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)s + i;
        if (i + 2 < n + 0 && u[0] == 0xe2 && u[1] == 0x80 &&
            (u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9c || u[2] == 0x9d)) {
            *q++ = u[2] >= 0x9c ? '"' : '\'';
            i += 3;
        } else if (i + 2 < n + 0 && u[0] == 0xe2 && u[1] == 0x80 &&
                   (u[2] == 0x93 || u[2] == 0x94)) {
            *q++ = '-';
            *q++ = '-';
            i += 3;
        } else {
            *q++ = s[i++];
        }
    }
    *q = '\0';
    return o;
}

/* Is the sentence a headline in capitals? */
static int all_caps(const char *t, size_t n)
{
    size_t up = 0, lo = 0;
    for (size_t i = 0; i < n; i++) {
        if (isupper((unsigned char)t[i]))
            up++;
        else if (islower((unsigned char)t[i]))
            lo++;
    }
    return up >= 6 && lo * 5 < up;
}

/* A word of a capitals headline as news would write it: lower case but the
 * first letter of the first word; short words that are not common English
 * words stay in capitals (US, UN, EU, IAEA). */
static const char *recase(const char *w, int first, dyad_arena *a)
{
    static const char *const common[] = {
        "A", "AN", "THE", "OF", "IN", "ON", "AT", "TO", "FOR", "BY", "AND", "OR", "BUT",
        "AS", "IS", "ARE", "WAS", "BE", "IT", "ITS", "HE", "HIS", "SHE", "HER", "WE", "NO",
        "NOT", "UP", "OUT", "NEW", "TWO", "SIX", "TEN", "WAR", "MAN", "MEN", "DAY", "SAY",
        "SAYS", "SET", "GET", "HIT", "KEY", "TOP", "OIL", "ARMY", "WITH", "FROM", "INTO",
        "OVER", "AFTER", "NEAR", "AMID", NULL};
    size_t n = strlen(w);
    int alpha = 0;
    for (size_t i = 0; i < n; i++)
        alpha += isalpha((unsigned char)w[i]) != 0;
    if (!alpha)
        return w;
    if (n <= 4 && !strchr(w, '.')) {
        int known = 0;
        for (int k = 0; common[k] && !known; k++)
            known = !strcmp(w, common[k]);
        if (!known)
            return w;
    }
    char *o = dyad_arena_strdup(a, w);
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i++)
        o[i] = (char)tolower((unsigned char)o[i]);
    if (first)
        o[0] = (char)toupper((unsigned char)o[0]);
    return o;
}

/* The words of text[0..n): 0 with *out / *nout set, or DYAD_ENOMEM. */
static int words_of(bword **out, int *nout, const char *text, size_t n, dyad_arena *a)
{
    dyad_token *tk = NULL;
    int nt = 0;
    *out = NULL;
    *nout = 0;
    if (dyad_text_tokenize(&tk, &nt, a, text, 0, n))
        return DYAD_ENOMEM;
    int caps = all_caps(text, n);
    int m = 0, cap = nt + 1;
    for (int i = 0; i < nt; i++)
        for (const char *q = tk[i].form; *q; q++)
            cap += *q == '_';
    bword *w = dyad_arena_alloc(a, (size_t)cap * sizeof *w);
    if (!w)
        return DYAD_ENOMEM;
    /* an underscore between letters or digits parts words: it is how PETRARCH
     * dictionaries write a phrase ("Dol_Amroth"), and text that writes one
     * means those words */
    for (int i = 0; i < nt; i++) {
        const char *f = tk[i].form;
        int len = tk[i].end - tk[i].start, from = 0;
        /* "Indonesia 's": news text that spaces the possessive off gives the
         * tokens "'" and "s"; UD English has the one word "'s" */
        if (!strcmp(f, "'") && i + 1 < nt && tk[i + 1].start == tk[i].end &&
            (!strcmp(tk[i + 1].form, "s") || !strcmp(tk[i + 1].form, "S")) &&
            (i + 2 >= nt || tk[i + 2].start > tk[i + 1].end)) {
            const char *ps = dyad_arena_strndup(a, text + tk[i].start,
                                                (size_t)(tk[i + 1].end - tk[i].start));
            if (!ps)
                return DYAD_ENOMEM;
            w[m++] = (bword){.start = tk[i].start, .end = tk[i + 1].end, .form = ps};
            i++;
            continue;
        }
        for (int k = 1; k + 1 < len; k++)
            if (f[k] == '_' && isalnum((unsigned char)f[k - 1]) &&
                isalnum((unsigned char)f[k + 1])) {
                const char *part = dyad_arena_strndup(a, f + from, (size_t)(k - from));
                if (!part)
                    return DYAD_ENOMEM;
                w[m++] = (bword){.start = tk[i].start + from, .end = tk[i].start + k, .form = part};
                from = k + 1;
            }
        const char *rest = from ? dyad_arena_strndup(a, f + from, (size_t)(len - from)) : f;
        if (!rest)
            return DYAD_ENOMEM;
        w[m++] = (bword){.start = tk[i].start + from, .end = tk[i].end, .form = rest};
    }
    for (int i = 0; i < m; i++) {
        const char *s = straighten(w[i].form, a);
        if (s && caps)
            s = recase(s, i == 0, a);
        if (!s)
            return DYAD_ENOMEM;
        w[i].model = s;
    }
    *out = w;
    *nout = m;
    return 0;
}

/* ---- parse ------------------------------------------------------------- */

/* Marks in mask[] the words of names the caller knows. */
static int name_mask(const dyad_builtin_names *names, const bword *w, int m, char *mask,
                     dyad_arena *a)
{
    const char **up = dyad_arena_alloc(a, (size_t)m * sizeof *up);
    if (!up)
        return DYAD_ENOMEM;
    for (int i = 0; i < m; i++) {
        char *u = dyad_arena_strdup(a, w[i].form);
        if (!u)
            return DYAD_ENOMEM;
        for (char *q = u; *q; q++)
            *q = (char)toupper((unsigned char)*q);
        up[i] = u;
    }
    for (int i = 0; i < m;) {
        int len = names->name_at(names->user, up, m, i);
        if (len <= 0) {
            i++;
            continue;
        }
        for (int k = i; k < i + len && k < m; k++)
            mask[k] = 1;
        i += len;
    }
    return 0;
}

/* A headline in title case ("Philippine Rebels Free Troops, Talks in Doubt"):
 * most words of four letters or more capitalised. Its capitalised words that
 * are no known name go to the models in lower case (the first word keeps its
 * capital), as a sentence would write them. */
static int title_case(const bword *w, int m, const char *mask, dyad_arena *a, bword *out)
{
    int words = 0, caps = 0;
    for (int i = 0; i < m; i++) {
        const char *f = w[i].form;
        size_t n = strlen(f), alpha = 0;
        for (size_t k = 0; k < n; k++)
            alpha += isalpha((unsigned char)f[k]) != 0;
        if (n < 4 || alpha != n)
            continue;
        words++;
        caps += isupper((unsigned char)f[0]) != 0;
    }
    if (words < 3 || caps * 5 < words * 4)
        return 0;
    for (int i = 1; i < m; i++) {
        const char *f = w[i].model;
        int lower_rest = isupper((unsigned char)f[0]) && f[1];
        for (const char *q = f + 1; *q && lower_rest; q++)
            lower_rest = !isupper((unsigned char)*q);
        if (mask[i] || !lower_rest)
            continue;
        char *l = dyad_arena_strdup(a, f);
        if (!l)
            return DYAD_ENOMEM;
        l[0] = (char)tolower((unsigned char)l[0]);
        out[i].model = l;
    }
    return 0;
}

/* Known names tagged as proper nouns where the tagger read a capitalised word
 * of one as a verb, an adverb, a pronoun ("US"), a common noun ("Arnor" at the
 * start of a sentence) or an unknown word. */
static void apply_names(const char *mask, const bword *w, int m, const char **upos,
                        const char **xpos)
{
    static const char *const retag[] = {"VERB", "AUX", "ADV", "PRON", "INTJ", "X", "SYM", "NOUN",
                                        NULL};
    for (int k = 0; k < m; k++) {
        if (!mask[k] || !isupper((unsigned char)w[k].form[0]) || !upos[k])
            continue;
        for (int r = 0; retag[r]; r++)
            if (!strcmp(upos[k], retag[r])) {
                upos[k] = "PROPN";
                xpos[k] = "NNP";
                break;
            }
    }
}

/* A hyphenated word ending in a participle before a noun is an adjective:
 * "Russian-led/VBD peacekeeping troops", "government-held/VBN areas" (UD would
 * split it and tag "led" as a participle; whole, the tagger guesses a verb
 * from the suffix). */
static void hyphenated_adjectives(const bword *w, int m, const char **upos, const char **xpos)
{
    for (int i = 0; i + 1 < m; i++) {
        const char *f = w[i].form, *h = strrchr(f, '-');
        if (!h || h == f || !h[1] || !xpos[i] || strncmp(xpos[i], "VB", 2) || !xpos[i + 1] ||
            (strncmp(xpos[i + 1], "NN", 2) && strncmp(xpos[i + 1], "JJ", 2) &&
             strcmp(xpos[i + 1], "VBG")))
            continue;
        xpos[i] = "JJ";
        upos[i] = "ADJ";
    }
    /* and a gerund between a determiner or adjective and a noun modifies the
     * noun: "Russian-led peacekeeping/VBG troops" */
    for (int i = 1; i + 1 < m; i++)
        if (xpos[i] && !strcmp(xpos[i], "VBG") && xpos[i - 1] && xpos[i + 1] &&
            (!strcmp(xpos[i - 1], "JJ") || !strcmp(xpos[i - 1], "DT")) &&
            (!strcmp(xpos[i + 1], "NN") || !strcmp(xpos[i + 1], "NNS"))) {
            xpos[i] = "NN";
            upos[i] = "NOUN";
        }
}

/* The sentence's subject at its start followed by a participle with what can
 * only be its object ("Rebel forces captured/VBN Lubumbashi ... and Kabila
 * entered"): the participle is the past tense, whatever verbs follow. */
static void initial_past(int m, const char **upos, const char **xpos)
{
    static const char *const subject[] = {"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS",
                                          "PRP$", "PRP", "HYPH", NULL};
    int i = 0, nouns = 0;
    for (; i < m && xpos[i]; i++) {
        int ok = 0;
        for (int k = 0; subject[k] && !ok; k++)
            ok = !strcmp(xpos[i], subject[k]);
        if (!ok)
            break;
        nouns += !strncmp(xpos[i], "NN", 2) || !strcmp(xpos[i], "PRP");
    }
    if (!nouns || i + 1 >= m || !xpos[i] || strcmp(xpos[i], "VBN") || !xpos[i + 1] ||
        strncmp(xpos[i - 1], "NN", 2))
        return;
    const char *o = xpos[i + 1];
    if (strcmp(o, "DT") && strcmp(o, "PRP$") && strcmp(o, "CD") && strcmp(o, "NNP") &&
        strcmp(o, "NNPS"))
        return;
    xpos[i] = "VBD";
    upos[i] = "VERB";
}

/* Is x (a tag or a word; NULL: no) one of the NULL-terminated list? */
static int in_list(const char *x, const char *const *list)
{
    for (; x && *list; list++)
        if (!strcmp(x, *list))
            return 1;
    return 0;
}

static int all_lower(const char *f)
{
    for (; *f; f++)
        if (!islower((unsigned char)*f))
            return 0;
    return 1;
}

/* A sentence of news has a finite verb. When the tagger found none but read a
 * past form right after a noun or pronoun (or a noun and an adverb) as a
 * participle, that form is the past tense: "Israeli troops attacked/VBN
 * Palestinian protesters", "NATO planes repeatedly bombed/VBN", "Insurgents and
 * American forces clashed/VBN in Ramadi". In a headline (most words
 * capitalised: "Three Soldiers Killed in Attack") only a participle with what
 * can only be its object after it changes; a plural noun after a singular one
 * before an object is a verb ("A U.N. force patrols/NNS Macedonia's
 * borders"), and a singular noun after a plural one before an object or a
 * preposition ("Government forces clash/NN with rioters"), and so is one after
 * a name that opens the sentence ("Ethiopia acts/NN on ..."). A trailing reporting clause
 * (", officials said.") does not count as the sentence's verb. */
static void finite_verb(const bword *w, int m, const char **upos, const char **xpos)
{
    static const char *const object_start[] = {"DT", "JJ", "JJS", "JJR", "NN", "NNS", "NNP",
                                               "NNPS", "PRP", "PRP$", "CD", "PDT", NULL};
    static const char *const reporting[] = {"said", "says", "told", "reported", "added",
                                            "announced", "stated", "claimed", NULL};
    /* a trailing reporting clause (", officials said.") is a clause of its own */
    int end = m;
    for (int i = m - 1; i > 0 && i >= m - 9; i--)
        if (!strcmp(w[i].form, ",")) {
            for (int k = i + 1; k < m && end == m; k++)
                for (int r = 0; reporting[r]; r++)
                    if (!strcmp(w[k].form, reporting[r]))
                        end = i;
            break;
        }
    /* so is a subordinate clause with its own subject after the main
     * clause's subject ("... detonated near the stadium when a patrol was
     * passing"): the verb looked for is the main clause's ("while in
     * detention", with no subject, may stand before it) */
    static const char *const openers[] = {"when", "while", "because", "although", "though",
                                          "whereas", "unless", "after", "before", "until",
                                          NULL};
    static const char *const np_start[] = {"DT", "PRP", "PRP$", "NNP", "NNPS", "NN", "NNS",
                                           "CD", "JJ", NULL};
    for (int i = 3; i + 1 < end; i++)
        if (in_list(w[i].form, openers) && in_list(xpos[i + 1], np_start))
            end = i;
    int words = 0, caps = 0;
    for (int i = 0; i < end; i++) {
        if (xpos[i] && (!strcmp(xpos[i], "VBD") || !strcmp(xpos[i], "VBZ") ||
                        !strcmp(xpos[i], "VBP") || !strcmp(xpos[i], "MD")))
            return;
        if (isalpha((unsigned char)w[i].form[0])) {
            words++;
            caps += isupper((unsigned char)w[i].form[0]) != 0;
        }
    }
    int headline = caps * 5 > words * 3;
    for (int i = 1; i + 1 < end; i++) {
        if (!xpos[i] || strcmp(xpos[i], "VBN") || !xpos[i - 1] || !xpos[i + 1])
            continue;
        int p = i - 1;
        if (!strncmp(xpos[p], "RB", 2) && p > 0 && xpos[p - 1])
            p--;
        if (strncmp(xpos[p], "NN", 2) && strcmp(xpos[p], "PRP"))
            continue;
        int obj = 0;
        for (int k = 0; object_start[k] && !obj; k++)
            obj = !strcmp(xpos[i + 1], object_start[k]);
        if (!strcmp(w[i + 1].form, "-") || (!obj && (headline || p != i - 1)))
            continue;
        xpos[i] = "VBD";
        upos[i] = "VERB";
        return;
    }
    /* "Caras Galadhon's new mayor left/NN yesterday": an irregular past form
     * right after a noun is the past tense */
    static const char *const pasts[] = {
        "left", "met", "held", "led", "sent", "fought", "took", "gave", "made", "won",
        "struck", "shot", "beat", "began", "came", "went", "told", "threw", "sought",
        "brought", "fled", "flew", "drove", "spoke", "wrote", "broke", "chose", "stole",
        "swore", "tore", "hit", "quit", "set", NULL};
    for (int i = 1; i + 1 < end; i++)
        if (xpos[i] && xpos[i - 1] && (!strcmp(xpos[i], "NN") || !strcmp(xpos[i], "JJ")) &&
            in_list(w[i].form, pasts) &&
            (!strncmp(xpos[i - 1], "NN", 2) || !strcmp(xpos[i - 1], "PRP"))) {
            xpos[i] = "VBD";
            upos[i] = "VERB";
            return;
        }
    /* "A U.N. force patrols/NNS Macedonia's borders": a plural noun right after
     * a singular noun, before what can only be an object, is the present tense */
    for (int i = 1; i + 1 < end && !headline; i++) {
        if (!xpos[i] || !xpos[i - 1] || !xpos[i + 1])
            continue;
        int obj = !strcmp(xpos[i + 1], "DT") || !strcmp(xpos[i + 1], "NNP") ||
                  !strcmp(xpos[i + 1], "PRP$") || !strcmp(xpos[i + 1], "CD");
        size_t n = strlen(w[i].form);
        int plural = !strcmp(xpos[i], "NNS") ||
                     (!strcmp(xpos[i], "NN") && n > 3 && w[i].form[n - 1] == 's' &&
                      !strchr("suiS", w[i].form[n - 2])); /* "patrols/NN" */
        /* "Ethiopia departs/NNS from Libya": a name opening the sentence, a
         * plural and a preposition */
        int name_first = i == 1 && !strcmp(xpos[0], "NNP") && !strcmp(xpos[i + 1], "IN");
        if (plural && islower((unsigned char)w[i].form[0]) && name_first) {
            xpos[i] = "VBZ";
            upos[i] = "VERB";
            return;
        }
        if (plural && obj && (!strcmp(xpos[i - 1], "NN") || !strcmp(xpos[i - 1], "NNP"))) {
            xpos[i] = "VBZ";
            upos[i] = "VERB";
            return;
        }
        /* "Government forces clash/NN with rioters": a singular noun after a
         * plural one, before an object or a preposition, is the verb */
        if (!strcmp(xpos[i], "NN") && (obj || !strcmp(xpos[i + 1], "IN")) &&
            (!strcmp(xpos[i - 1], "NNS") || name_first) && islower((unsigned char)w[i].form[0])) {
            xpos[i] = "VBP";
            upos[i] = "VERB";
            return;
        }
    }
}

/* Is there a finite verb or a modal among the tags before i? */
static int finite_before(const char **xpos, int i)
{
    static const char *const finite[] = {"VBD", "VBZ", "VBP", "MD", NULL};
    for (int k = 0; k < i; k++)
        if (in_list(xpos[k], finite))
            return 1;
    return 0;
}

/* Is there a past-tense verb among the tags before i? */
static int past_before(const char **xpos, int i)
{
    for (int k = 0; k < i; k++)
        if (xpos[k] && !strcmp(xpos[k], "VBD"))
            return 1;
    return 0;
}

/* Is there "and" (or "but", "or") with a past-tense verb after it from i on? */
static int and_past_after(const char **xpos, int m, int i)
{
    for (int k = i; k + 1 < m; k++)
        if (xpos[k] && !strcmp(xpos[k], "CC") && xpos[k + 1] && !strcmp(xpos[k + 1], "VBD"))
            return 1;
    return 0;
}

/* Verbs the tagger misses in news sentences, each in a context where the tag
 * it chose cannot stand:
 * - an interjection between a subject and an object ("Fornost and Gondor
 *   welcome/UH a resumption") is a present-tense verb;
 * - a modal followed by an adverb and a participle ("will abandon/RB
 *   improved/VBN relations"; "will soon improved" is no English): an adverb
 *   that is no adverb (lower case, no -ly, none of the short adverbs) is the
 *   verb and the participle an adjective; after a true adverb the participle
 *   is the verb ("will soon announced" -> "announce");
 * - a past form read as an adjective before an object, right after the
 *   subject with no verb before it ("a female suicide bomber detonated/JJ
 *   explosives") or after "and" in a clause in the past ("killed eight people
 *   and wounded/JJ 16"), is the past tense; so is a participle in that first
 *   place when "and" and a past tense follow ("a bomber detonated/VBN
 *   explosives and blew himself up");
 * - "to" read as a preposition and a verb as a noun after another verb,
 *   before a question word ("has begun to/IN question/NN whether") are an
 *   infinitive;
 * - a plural noun right after a name that follows a subordinator and comes
 *   before a preposition or a determiner ("before Sarkozy heads/NNS to
 *   Beijing") is the present tense. */
static void news_verbs(const bword *w, int m, const char **upos, const char **xpos)
{
    static const char *const nominal[] = {"NN", "NNS", "NNP", "NNPS", "PRP", NULL};
    static const char *const object_start[] = {"DT", "PRP$", "NN", "NNS", "NNP", "NNPS",
                                               "JJ", "CD", NULL};
    static const char *const adverbs[] = {
        "not", "n't", "also", "still", "never", "soon", "then", "now", "again", "further",
        "already", "even", "just", "only", "ever", "once", "thus", "therefore", "however",
        "indeed", "perhaps", "rather", "yet", "too", "very", "so", "almost", "instead",
        "later", "often", "always", "quite", "well", "first", "together", "back", NULL};
    static const char *const subordinators[] = {"before", "after", "as", "when", "while",
                                                "until", "since", "because", "once", NULL};
    static const char *const wh_words[] = {"whether", "if", "how", "why", "what", "when",
                                           "where", "who", NULL};
    for (int i = 1; i + 1 < m; i++) {
        if (!xpos[i] || !xpos[i - 1] || !xpos[i + 1])
            continue;
        const char *f = w[i].form;
        size_t n = strlen(f);
        if (!strcmp(xpos[i], "UH") && all_lower(f) && in_list(xpos[i - 1], nominal) &&
            in_list(xpos[i + 1], object_start)) {
            xpos[i] = n > 2 && f[n - 1] == 's' && f[n - 2] != 's' ? "VBZ" : "VBP";
            upos[i] = "VERB";
        } else if (!strcmp(xpos[i - 1], "MD") && !strcmp(xpos[i], "RB") &&
                   !strcmp(xpos[i + 1], "VBN")) {
            int adverb = !all_lower(f) || (n > 2 && !strcmp(f + n - 2, "ly"));
            for (int k = 0; adverbs[k] && !adverb; k++)
                adverb = !strcmp(f, adverbs[k]);
            if (!adverb) {
                xpos[i] = "VB";
                upos[i] = "VERB";
                int noun = i + 2 < m && xpos[i + 2] &&
                           (!strncmp(xpos[i + 2], "NN", 2) || !strncmp(xpos[i + 2], "JJ", 2));
                xpos[i + 1] = noun ? "JJ" : "VBN";
                upos[i + 1] = noun ? "ADJ" : "VERB";
            } else {
                xpos[i + 1] = "VB";
            }
        } else if ((!strcmp(xpos[i], "JJ") || !strcmp(xpos[i], "VBN")) && n > 4 &&
                   !strcmp(f + n - 2, "ed") && all_lower(f) && in_list(xpos[i + 1], object_start) &&
                   (in_list(xpos[i - 1], nominal)
                        ? !finite_before(xpos, i) &&
                              (!strcmp(xpos[i], "JJ") || and_past_after(xpos, m, i + 1))
                        : !strcmp(xpos[i], "JJ") && !strcmp(xpos[i - 1], "CC") &&
                              past_before(xpos, i - 1))) {
            xpos[i] = "VBD";
            upos[i] = "VERB";
        } else if (!strcmp(f, "to") && !strcmp(xpos[i], "IN") && i + 2 < m && xpos[i + 2] &&
                   !strncmp(xpos[i - 1], "VB", 2) && !strcmp(xpos[i + 1], "NN") &&
                   all_lower(w[i + 1].form) && in_list(w[i + 2].form, wh_words)) {
            xpos[i] = "TO";
            upos[i] = "PART";
            xpos[i + 1] = "VB";
            upos[i + 1] = "VERB";
        } else if (!strcmp(xpos[i], "NNS") && all_lower(f) &&
                   (!strcmp(xpos[i + 1], "IN") || !strcmp(xpos[i + 1], "TO") ||
                    !strcmp(xpos[i + 1], "DT"))) {
            int k = i - 1;
            while (k >= 0 && xpos[k] && !strcmp(xpos[k], "NNP"))
                k--;
            if (k == i - 1 || k < 0)
                continue;
            char low[16];
            size_t len = strlen(w[k].form);
            if (len >= sizeof low)
                continue;
            for (size_t q = 0; q <= len; q++)
                low[q] = (char)tolower((unsigned char)w[k].form[q]);
            int sub = 0;
            for (int q = 0; subordinators[q] && !sub; q++)
                sub = !strcmp(low, subordinators[q]);
            if (sub) {
                xpos[i] = "VBZ";
                upos[i] = "VERB";
            }
        }
    }
}

int dyad_builtin_parse(dyad_tree **out, dyad_conllu_sent **dep, const dyad_builtin *p,
                       const dyad_builtin_names *names, const char *text, size_t n,
                       dyad_arena *a)
{
    *out = NULL;
    if (dep)
        *dep = NULL;
    bword *w = NULL;
    int m = 0, rc = words_of(&w, &m, text, n, a);
    if (rc)
        return rc;
    if (!m)
        return dyad_set_error(DYAD_EPARSE, "no words to parse");
    if (m > DYAD_CONLLU_MAX_WORDS)
        return dyad_set_error(DYAD_ELIMIT, "%d words: more than %d", m, DYAD_CONLLU_MAX_WORDS);
    const char **forms = dyad_arena_alloc(a, (size_t)m * sizeof *forms);
    const char **upos = dyad_arena_alloc(a, (size_t)m * sizeof *upos);
    const char **xpos = dyad_arena_alloc(a, (size_t)m * sizeof *xpos);
    const char **rel = dyad_arena_alloc(a, (size_t)m * sizeof *rel);
    int *head = dyad_arena_alloc(a, (size_t)m * sizeof *head);
    dyad_conllu_sent *s = dyad_arena_alloc(a, sizeof *s);
    dyad_conllu_word *cw = dyad_arena_alloc(a, (size_t)m * sizeof *cw);
    if (!forms || !upos || !xpos || !rel || !head || !s || !cw)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    char *mask = dyad_arena_alloc(a, (size_t)m);
    if (!mask)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    int known = names && names->name_at;
    if (known && ((rc = name_mask(names, w, m, mask, a)) || (rc = title_case(w, m, mask, a, w))))
        return rc;
    for (int i = 0; i < m; i++)
        forms[i] = w[i].model;
    if ((rc = dyad_tagger_tag(p->tagger, forms, m, upos, xpos)) ||
        (apply_names(mask, w, m, upos, xpos), 0) || (hyphenated_adjectives(w, m, upos, xpos), 0) ||
        (news_verbs(w, m, upos, xpos), 0) || (finite_verb(w, m, upos, xpos), 0) ||
        (initial_past(m, upos, xpos), 0) ||
        (rc = dyad_depparser_parse(p->parser, forms, upos, xpos, m, head, rel)))
        return rc;
    for (int i = 0; i < m; i++) {
        int glued = i + 1 < m && w[i + 1].start == w[i].end;
        cw[i] = (dyad_conllu_word){.form = w[i].form,
                                   .lemma = "_",
                                   .upos = upos[i] ? upos[i] : "X",
                                   .xpos = xpos[i] ? xpos[i] : "_",
                                   .feats = "_",
                                   .deprel = rel[i] ? rel[i] : "dep",
                                   .misc = glued ? "SpaceAfter=No" : "_",
                                   .head = head[i],
                                   .line = 0};
    }
    s->words = cw;
    s->nwords = m;
    s->text = NULL;
    s->sent_id = NULL;
    s->spacing_exact = 1;
    dyad_tree *t = NULL;
    if ((rc = dyad_conllu_to_tree(&t, a, s)))
        return rc;
    dyad_tree_align(t, a, text);
    *out = t;
    if (dep)
        *dep = s;
    return 0;
}
