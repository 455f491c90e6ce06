/* find.c: date expressions in a sentence, their values, and its clauses.
 *
 * The sentence is cut into simple tokens (words with their inner hyphens, so
 * "1980-88" and "mid-April" stay whole; punctuation; "'s"). Patterns are
 * tried at each token, longest first, each with a bounded look-ahead, so the
 * work is linear in the sentence. A pattern gives a raw expression (an
 * absolute date that may lack its year, a weekday, an offset from the
 * article's date or from the last date the text gave, a named period); the
 * resolver turns it into a value with the article date and the clause's tense.
 *
 * Clauses: a new clause starts at ';', ':' and dashes, at a coordinator
 * ("and", "but") that is followed by a subject and a finite verb, and at a
 * subordinator or relative ("after", "because", "that", "which") followed by
 * a finite verb; parentheses are clauses of their own; a subordinate clause
 * ends at a comma followed by a finite verb. Finite verbs come from the
 * parse's POS tags when there is a parse, else from a small word list.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date/date.h"
#include "date/date_internal.h"

#define MAX_TOKENS 4000
#define LOWLEN 32

enum { T_WORD, T_NUM, T_PUNCT };

typedef struct tok {
    int start, end;
    char low[LOWLEN]; /* lower case (ASCII), en dash as '-', truncated */
    int kind;
    unsigned cap : 1;  /* starts with an upper-case letter */
    unsigned fin : 1;  /* a finite verb */
    unsigned verb : 1; /* any verb form */
} tok;

typedef struct sent {
    const char *text;
    tok *t;
    int n;
    int *seg;
    int nseg;
} sent;

/* ---- tokens ------------------------------------------------------------ */

/* Length of the multi-byte punctuation at p (curly quotes, dashes, ellipsis), or 0. */
static int u_punct(const unsigned char *p, size_t left)
{
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
        (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x98 || p[2] == 0x99 || p[2] == 0x9C ||
         p[2] == 0x9D || p[2] == 0xA6))
        return 3;
    return 0;
}

static int is_wordc(const unsigned char *p, size_t left)
{
    return isalnum(*p) || (*p >= 0x80 && !u_punct(p, left));
}

static int is_apos(const unsigned char *p, size_t left)
{
    return *p == '\'' || (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99);
}

static void set_low(tok *k, const char *s)
{
    int j = 0;
    for (int i = k->start; i < k->end && j < LOWLEN - 1; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < k->end && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x99)) {
            k->low[j++] = (unsigned char)s[i + 2] == 0x93 ? '-' : '\'';
            i += 2;
            continue;
        }
        k->low[j++] = (char)tolower(c);
    }
    k->low[j] = 0;
}

static int tokenize(sent *S, const char *s, size_t n, dyad_arena *a)
{
    size_t cap = n / 2 + 2 < MAX_TOKENS ? n / 2 + 2 : MAX_TOKENS;
    S->t = dyad_arena_alloc(a, cap * sizeof *S->t);
    if (!S->t)
        return DYAD_ENOMEM;
    S->n = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n && (size_t)S->n < cap;) {
        if (isspace(u[i]) || !u[i]) {
            i++;
            continue;
        }
        tok *k = &S->t[S->n];
        memset(k, 0, sizeof *k);
        k->start = (int)i;
        if (is_apos(u + i, n - i) && S->n > 0 && S->t[S->n - 1].end == (int)i) {
            size_t w = u[i] == '\'' ? 1 : 3;
            if (i + w < n && (u[i + w] == 's' || u[i + w] == 'S') &&
                (i + w + 1 >= n || !is_wordc(u + i + w + 1, n - i - w - 1))) {
                k->end = (int)(i + w + 1);
                k->kind = T_WORD;
                set_low(k, s);
                i = (size_t)k->end;
                S->n++;
                continue;
            }
        }
        int up = u_punct(u + i, n - i);
        if (up || !is_wordc(u + i, n - i)) {
            k->end = (int)i + (up ? up : 1);
            k->kind = T_PUNCT;
        } else {
            size_t j = i;
            int alldig = 1;
            while (j < n) {
                if (is_wordc(u + j, n - j)) {
                    alldig &= isdigit(u[j]) != 0;
                    j++;
                    continue;
                }
                /* inner hyphen, en dash or slash between word characters */
                size_t w = u[j] == '-' || u[j] == '/' ? 1
                           : (j + 2 < n && u[j] == 0xE2 && u[j + 1] == 0x80 && u[j + 2] == 0x93) ? 3
                                                                                                : 0;
                if (w && j + w < n && is_wordc(u + j + w, n - j - w)) {
                    alldig = 0;
                    j += w;
                    continue;
                }
                break;
            }
            k->end = (int)j;
            k->kind = alldig ? T_NUM : T_WORD;
            k->cap = isupper(u[i]) != 0;
        }
        set_low(k, s);
        i = (size_t)k->end;
        S->n++;
    }
    return 0;
}

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return 1;
    return 0;
}

static const char *const finite_words[] = {
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "should", "shall", "did", "does", "do", "says", "said",
    /* irregular past tenses common in news */
    "met", "sent", "took", "held", "began", "struck", "fought", "gave", "made", "told",
    "went", "came", "saw", "left", "led", "brought", "sought", "won", "lost", "spoke",
    "wrote", "became", "rose", "fell", "ran", "paid", "kept", "built", "bought", "caught",
    "thought", "felt", "found", "stood", "withdrew", "threw", "broke", "chose", "stole",
    "swore", "undertook", "overtook", "arose", "shot", "hit", NULL};
/* "-ed" words that are no verbs */
static const char *const not_verbs_ed[] = {"hundred", "sacred", "naked", "wicked", "kindred",
                                           "indeed", NULL};

/* POS tags from the parse where a parse token starts where ours does; the
 * rest from the word list and the "-ed" ending. */
static void tag(sent *S, const dyad_tree *t)
{
    for (int i = 0; i < S->n; i++) {
        tok *k = &S->t[i];
        size_t L = strlen(k->low);
        k->fin = k->kind == T_WORD &&
                 (in_list(k->low, finite_words) ||
                  (L >= 5 && !strcmp(k->low + L - 2, "ed") && strcmp(k->low + L - 3, "eed") &&
                   !in_list(k->low, not_verbs_ed)));
        k->verb = k->fin || (k->kind == T_WORD && L >= 5 && !strcmp(k->low + L - 3, "ing"));
    }
    if (!t || !t->tok_start || !t->tok_node)
        return;
    int i = 0;
    for (int j = 0; j < t->ntok; j++) {
        int st = t->tok_start[j];
        if (st < 0)
            continue;
        while (i < S->n && S->t[i].start < st)
            i++;
        if (i >= S->n)
            break;
        if (S->t[i].start != st || t->tok_node[j] < 0 || t->tok_node[j] >= t->nnodes)
            continue;
        const char *lab = t->nodes[t->tok_node[j]].label;
        if (!lab)
            continue;
        S->t[i].fin = !strcmp(lab, "VBD") || !strcmp(lab, "VBZ") || !strcmp(lab, "VBP") ||
                      !strcmp(lab, "MD");
        S->t[i].verb = S->t[i].fin || !strncmp(lab, "VB", 2);
    }
}

/* ---- clauses ------------------------------------------------------------ */

static int is(const sent *S, int i, const char *w) { return i >= 0 && i < S->n && !strcmp(S->t[i].low, w); }

static int is_dash(const tok *k)
{
    return !strcmp(k->low, "--") || (k->end - k->start == 3 && k->kind == T_PUNCT &&
                                      (unsigned char)k->low[0] == 0xE2 && (unsigned char)k->low[2] == 0x94) ||
           !strcmp(k->low, "-");
}

static int hard_stop(const tok *k)
{
    if (k->kind != T_PUNCT)
        return 0;
    return strchr(",;:()[].!?", k->low[0]) != NULL || is_dash(k);
}

static const char *const coordinators[] = {"and", "or", "but", "yet", "so", NULL};
static const char *const subordinators[] = {
    "after", "before", "when", "while", "because", "although", "though", "whereas", "unless",
    "until", "since", "that", "which", "who", "whom", "where", "if", "once", NULL};

/* Words that start a clause inside the one being looked at: "partners
 * wherever it could find them" is no new clause after "and". */
static const char *const wh_words[] = {"wherever", "whatever", "whenever", "however", "why",
                                       "how", "what", "whether", "whoever", NULL};

/* A finite verb within the next tokens (up to a stop). need_subject: not as
 * the very first token (that is a coordinated verb phrase, same clause). */
static int clause_follows(const sent *S, int j, int need_subject)
{
    for (int k = j; k < S->n && k < j + 10; k++) {
        const tok *t = &S->t[k];
        if (hard_stop(t))
            return 0;
        if (t->fin)
            return !(need_subject && k == j);
        if (k > j && (in_list(t->low, coordinators) || in_list(t->low, subordinators) ||
                      in_list(t->low, wh_words)))
            return 0;
    }
    return 0;
}

static int is_month_word(const char *w);

static int segments(sent *S, dyad_arena *a)
{
    S->seg = dyad_arena_alloc(a, (size_t)(S->n + 1) * sizeof *S->seg);
    if (!S->seg)
        return DYAD_ENOMEM;
    int stack[32], kind[32], sp = 0, cur = 0, next = 1;
    enum { PAREN, SUB };
    for (int i = 0; i < S->n; i++) {
        const tok *t = &S->t[i];
        if (t->kind == T_PUNCT && (t->low[0] == '(' || t->low[0] == '[')) {
            if (sp < 32) {
                stack[sp] = cur;
                kind[sp++] = PAREN;
            }
            cur = next++;
        } else if (t->kind == T_PUNCT && (t->low[0] == ')' || t->low[0] == ']')) {
            S->seg[i] = cur;
            while (sp > 0) {
                cur = stack[--sp];
                if (kind[sp] == PAREN)
                    break;
            }
            continue;
        } else if (t->kind == T_PUNCT && (t->low[0] == ';' || t->low[0] == ':' || is_dash(t))) {
            cur = next++;
        } else if (t->kind == T_PUNCT && t->low[0] == ',' && sp > 0 && kind[sp - 1] == SUB &&
                   clause_follows(S, i + 1, 0)) {
            cur = stack[--sp];
        } else if (in_list(t->low, coordinators) && clause_follows(S, i + 1, 1)) {
            cur = next++;
        } else if (in_list(t->low, subordinators) && clause_follows(S, i + 1, 0) &&
                   !(is(S, i, "since") && i + 1 < S->n &&
                     (S->t[i + 1].kind == T_NUM || is_month_word(S->t[i + 1].low)))) {
            if (sp < 32) {
                stack[sp] = cur;
                kind[sp++] = SUB;
            }
            cur = next++;
        }
        S->seg[i] = cur;
    }
    S->nseg = next;
    return 0;
}

static int future_word(const sent *S, int k)
{
    return is(S, k, "will") || is(S, k, "shall") || is(S, k, "'ll") ||
           (is(S, k, "going") && is(S, k + 1, "to"));
}

/* The tense around token i: future when the nearest finite verb before it in
 * its clause (else the nearest after it) is "will", "shall" or "going to":
 * "will meet on Saturday", but "said Monday it will". */
static int future_at(const sent *S, int i)
{
    for (int k = i - 1; k >= 0 && S->seg[k] == S->seg[i]; k--) {
        if (future_word(S, k))
            return 1;
        if (S->t[k].fin)
            return 0;
    }
    for (int k = i + 1; k < S->n && S->seg[k] == S->seg[i]; k++) {
        if (future_word(S, k))
            return 1;
        if (S->t[k].fin)
            return 0;
    }
    return 0;
}

/* ---- words --------------------------------------------------------------- */

static int is_month_word(const char *w)
{
    static const char *const m[] = {"january", "february", "march", "april", "may", "june",
                                    "july", "august", "september", "october", "november",
                                    "december"};
    static const char *const ab[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (!strcmp(w, m[i]) || !strcmp(w, ab[i]))
            return i + 1;
    if (!strcmp(w, "sept"))
        return 9;
    return 0;
}

/* A month name token (capitalised, as months are in news). */
static int month_at(const sent *S, int i)
{
    if (i < 0 || i >= S->n || !S->t[i].cap)
        return 0;
    return is_month_word(S->t[i].low);
}

static int weekday_at(const sent *S, int i)
{
    static const char *const d[] = {"monday", "tuesday", "wednesday", "thursday",
                                    "friday", "saturday", "sunday"};
    if (i < 0 || i >= S->n || !S->t[i].cap)
        return -1;
    for (int k = 0; k < 7; k++)
        if (!strcmp(S->t[i].low, d[k]))
            return k;
    return -1;
}

/* A day of the month: "13", "13th", "1st". */
static int mday_at(const sent *S, int i)
{
    if (i < 0 || i >= S->n)
        return 0;
    const char *w = S->t[i].low;
    int v = 0, k = 0;
    while (isdigit((unsigned char)w[k]) && k < 3)
        v = v * 10 + (w[k++] - '0');
    if (k == 0 || k > 2)
        return 0;
    if (w[k] && strcmp(w + k, "st") && strcmp(w + k, "nd") && strcmp(w + k, "rd") &&
        strcmp(w + k, "th"))
        return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

/* A four-digit year 1000..2999 token. */
static int year_at(const sent *S, int i)
{
    if (i < 0 || i >= S->n || S->t[i].kind != T_NUM || strlen(S->t[i].low) != 4)
        return 0;
    int y = atoi(S->t[i].low);
    return y >= 1000 && y <= 2999 ? y : 0;
}

static int number_at(const sent *S, int i)
{
    static const char *const w[] = {"a", "one", "two", "three", "four", "five", "six",
                                    "seven", "eight", "nine", "ten", "eleven", "twelve"};
    if (i < 0 || i >= S->n)
        return 0;
    for (int k = 0; k < 13; k++)
        if (!strcmp(S->t[i].low, w[k]))
            return k ? k : 1;
    if (!strcmp(S->t[i].low, "an"))
        return 1;
    if (S->t[i].kind == T_NUM && strlen(S->t[i].low) <= 3)
        return atoi(S->t[i].low);
    return 0;
}

/* "days" -> 1, "weeks" 2, "months" 3, "years" 4 (singular too); 0 otherwise. */
static int unit_at(const sent *S, int i)
{
    static const char *const u[] = {"day", "week", "month", "year"};
    if (i < 0 || i >= S->n)
        return 0;
    const char *w = S->t[i].low;
    for (int k = 0; k < 4; k++) {
        size_t L = strlen(u[k]);
        if (!strncmp(w, u[k], L) && (!w[L] || !strcmp(w + L, "s")))
            return k + 1;
    }
    return 0;
}

/* ---- raw expressions ------------------------------------------------------ */

enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR };
enum {
    K_ABS = 1,   /* y (0 = infer), m, d with precision p */
    K_RANGE,     /* two absolute ends (years known) */
    K_WEEKDAY,   /* wd, mod */
    K_REL,       /* unit, n from the article date; earlier: "earlier this week" */
    K_ANCHOR,    /* n days from the text's last date */
    K_PERIOD,    /* a registered period, or its end (period_end) */
    K_PERIOD_DEF /* (range) after a name */
};
enum { MOD_NONE, MOD_LAST, MOD_NEXT, MOD_THIS };

typedef struct raw {
    int kind;
    int y, m, d, y2, m2, d2;
    dyad_date_prec p, p2;
    int wd, mod, unit, n, earlier;
    int period, period_end;
    int since;   /* "since X": from X to the article date */
    int nominal; /* found to modify a noun */
    int invalid; /* looked like a date but is none ("February 30") */
} raw;

/* Skips "early", "mid", "late", "the end of", "the beginning of", "the start
 * of", "the middle of" at i; returns the new index. */
static int skip_qualifier(const sent *S, int i)
{
    if (is(S, i, "early") || is(S, i, "late") || is(S, i, "mid"))
        return i + 1;
    if (is(S, i, "the") && (is(S, i + 1, "end") || is(S, i + 1, "beginning") ||
                            is(S, i + 1, "start") || is(S, i + 1, "middle")) &&
        is(S, i + 2, "of"))
        return i + 3;
    return i;
}

/* "mid-April", "early-2019": the part after the qualifier's hyphen, or NULL. */
static const char *after_qualifier(const char *w)
{
    static const char *const q[] = {"mid-", "early-", "late-", NULL};
    for (int k = 0; q[k]; k++)
        if (!strncmp(w, q[k], strlen(q[k])))
            return w + strlen(q[k]);
    return NULL;
}

/* "YYYY-MM-DD" in one token. */
static int iso_day(const char *w, raw *r)
{
    if (strlen(w) != 10 || w[4] != '-' || w[7] != '-')
        return 0;
    for (int k = 0; k < 10; k++)
        if (k != 4 && k != 7 && !isdigit((unsigned char)w[k]))
            return 0;
    r->kind = K_ABS;
    r->y = atoi(w), r->m = atoi(w + 5), r->d = atoi(w + 8);
    r->p = DYAD_PREC_DAY;
    r->invalid = !dyad_date_valid_day(r->y, r->m, r->d);
    return 1;
}

/* "1980-88", "1980-1988", "2023/24" in one token: a range of years. */
static int year_range(const char *w, raw *r)
{
    size_t L = strlen(w);
    if ((L != 7 && L != 9) || (w[4] != '-' && w[4] != '/'))
        return 0;
    for (size_t k = 0; k < L; k++)
        if (k != 4 && !isdigit((unsigned char)w[k]))
            return 0;
    int y1 = atoi(w), y2 = atoi(w + 5);
    if (L == 7) {
        y2 += y1 / 100 * 100;
        if (y2 <= y1)
            y2 += 100;
    }
    if (y1 < 1000 || y2 <= y1 || y2 - y1 > 100 || y2 > 2999)
        return 0;
    r->kind = K_RANGE;
    r->y = y1, r->y2 = y2;
    r->p = r->p2 = DYAD_PREC_YEAR;
    return 1;
}

/* "1990s": a decade. */
static int decade(const char *w, raw *r)
{
    if (strlen(w) != 5 || w[4] != 's' || w[3] != '0')
        return 0;
    for (int k = 0; k < 4; k++)
        if (!isdigit((unsigned char)w[k]))
            return 0;
    int y = atoi(w);
    if (y < 1000)
        return 0;
    r->kind = K_RANGE;
    r->y = y, r->y2 = y + 9;
    r->p = r->p2 = DYAD_PREC_YEAR;
    return 1;
}

/* A plural-looking lower-case word after a number: "in 2000 cases" is no year. */
static int counted_noun(const sent *S, int i)
{
    if (i >= S->n || S->t[i].kind != T_WORD || S->t[i].cap)
        return 0;
    size_t L = strlen(S->t[i].low);
    return L > 3 && S->t[i].low[L - 1] == 's' && !S->t[i].fin;
}

/* Absolute forms at i. need_prep: a bare year or month alone needs a
 * preposition before it. Returns tokens consumed. */
static int match_abs(const sent *S, int i, int have_prep, raw *r)
{
    int j = skip_qualifier(S, i);
    int qual = j > i;
    if (j >= S->n)
        return 0;
    const char *w = S->t[j].low;
    if (!strcmp(w, "the") && j + 1 < S->n && decade(S->t[j + 1].low, r))
        return j + 2 - i; /* "the 1990s" */
    if (!strcmp(w, "the") && is(S, j + 1, "year") && year_at(S, j + 2)) {
        r->kind = K_ABS, r->y = year_at(S, j + 2), r->p = DYAD_PREC_YEAR;
        return j + 3 - i;
    }
    const char *aq = after_qualifier(w);
    if (aq) { /* "mid-April", "mid-2019" */
        int m = is_month_word(aq);
        if (m) {
            r->kind = K_ABS, r->m = m, r->p = DYAD_PREC_MONTH;
            if (year_at(S, j + 1))
                r->y = year_at(S, j + 1);
            return j + 1 - i + (r->y != 0);
        }
        if (strlen(aq) == 4 && isdigit((unsigned char)aq[0]) && atoi(aq) >= 1000) {
            r->kind = K_ABS, r->y = atoi(aq), r->p = DYAD_PREC_YEAR;
            return j + 1 - i;
        }
        return 0;
    }
    if (iso_day(w, r))
        return j + 1 - i;
    int wd = weekday_at(S, j);
    if (wd >= 0 && is(S, j + 1, ",") && month_at(S, j + 2))
        j += 2; /* "Monday, April 13": the date says it all */
    int m = month_at(S, j);
    if (m && is_month_word(S->t[j].low) == 5 && !mday_at(S, j + 1) && !year_at(S, j + 1) &&
        !have_prep && !qual)
        m = 0; /* "may" the verb */
    if (m) {
        int k = j + 1;
        if (is(S, k, ".") && strlen(S->t[j].low) <= 4 && mday_at(S, k + 1)) /* "Apr. 13" */
            k++;
        int d = mday_at(S, k);
        if (d && !(S->t[k].kind == T_NUM && year_at(S, k))) {
            r->kind = K_ABS, r->m = m, r->d = d, r->p = DYAD_PREC_DAY;
            k++;
            int kk = is(S, k, ",") ? k + 1 : k;
            if (year_at(S, kk))
                r->y = year_at(S, kk), k = kk + 1;
            r->invalid = !dyad_date_valid_day(r->y ? r->y : 2000, m, d);
            return k - i;
        }
        int kk = is(S, k, "of") || is(S, k, ",") ? k + 1 : k;
        if (year_at(S, kk)) {
            r->kind = K_ABS, r->m = m, r->y = year_at(S, kk), r->p = DYAD_PREC_MONTH;
            return kk + 1 - i;
        }
        if (!have_prep && !qual)
            return 0;
        r->kind = K_ABS, r->m = m, r->p = DYAD_PREC_MONTH;
        return k - i;
    }
    int d = mday_at(S, j);
    if (d) {
        int k = j + 1;
        if (is(S, k, "of"))
            k++;
        m = month_at(S, k);
        if (m) { /* "13 April [2022]" */
            r->kind = K_ABS, r->m = m, r->d = d, r->p = DYAD_PREC_DAY;
            k++;
            if (year_at(S, k))
                r->y = year_at(S, k), k++;
            r->invalid = !dyad_date_valid_day(r->y ? r->y : 2000, m, d);
            return k - i;
        }
    }
    if (!have_prep && !qual && !is(S, i - 1, "the"))
        return 0;
    if (year_range(w, r) || decade(w, r))
        return j + 1 - i;
    int y = year_at(S, j);
    if (y && !counted_noun(S, j + 1) && (have_prep || qual)) {
        r->kind = K_ABS, r->y = y, r->p = DYAD_PREC_YEAR;
        return j + 1 - i;
    }
    return 0;
}

/* Relative forms at i (no preposition needed). */
static int match_rel(const sent *S, int i, raw *r)
{
    const char *w = i < S->n ? S->t[i].low : "";
    if (!strcmp(w, "yesterday") || !strcmp(w, "today") || !strcmp(w, "tomorrow")) {
        r->kind = K_REL, r->unit = U_DAY;
        r->n = w[0] == 'y' ? -1 : w[2] == 'd' ? 0 : 1;
        int k = i + 1;
        if (is(S, k, "morning") || is(S, k, "afternoon") || is(S, k, "evening") ||
            is(S, k, "night"))
            k++;
        return k - i;
    }
    int mod = !strcmp(w, "last") ? MOD_LAST : !strcmp(w, "next") ? MOD_NEXT
              : !strcmp(w, "this") ? MOD_THIS : MOD_NONE;
    int early = 0, j = i;
    if (!strcmp(w, "earlier") || !strcmp(w, "later")) {
        if (is(S, i + 1, "this") || (is(S, i + 1, "in") && is(S, i + 2, "the"))) {
            early = w[0] == 'e' ? 1 : 2;
            mod = MOD_THIS;
            j = i + (is(S, i + 1, "in") ? 2 : 1);
        }
    }
    if (mod != MOD_NONE) {
        int u = unit_at(S, j + 1);
        if (u && u != U_DAY && S->t[j + 1].low[strlen(S->t[j + 1].low) - 1] != 's') {
            r->kind = K_REL, r->unit = u, r->earlier = early;
            r->n = mod == MOD_LAST ? -1 : mod == MOD_NEXT ? 1 : 0;
            return j + 2 - i;
        }
        int wd = weekday_at(S, j + 1);
        if (wd >= 0 && !early) {
            r->kind = K_WEEKDAY, r->wd = wd, r->mod = mod;
            return j + 2 - i;
        }
        int m = month_at(S, j + 1);
        if (m && !early && mod != MOD_THIS) { /* "last April" */
            r->kind = K_ABS, r->m = m, r->p = DYAD_PREC_MONTH;
            r->mod = mod;
            return j + 2 - i;
        }
        return 0;
    }
    int wd = weekday_at(S, i);
    if (wd >= 0) {
        r->kind = K_WEEKDAY, r->wd = wd;
        int k = i + 1;
        if (is(S, k, "morning") || is(S, k, "afternoon") || is(S, k, "evening") ||
            is(S, k, "night"))
            k++;
        return k - i;
    }
    int num = number_at(S, i), u = unit_at(S, i + 1);
    if (num && u && is(S, i + 2, "ago")) {
        r->kind = K_REL, r->unit = u, r->n = -num;
        return 3;
    }
    if (num && u == U_DAY && is(S, i + 2, "later")) {
        r->kind = K_ANCHOR, r->n = num;
        return 3;
    }
    if ((is(S, i, "the") && (is(S, i + 1, "following") || is(S, i + 1, "next") ||
                             is(S, i + 1, "same") || is(S, i + 1, "previous"))) ||
        is(S, i, "that")) {
        int k = is(S, i, "that") ? i + 1 : i + 2;
        if (is(S, k, "day") || is(S, k, "morning") || is(S, k, "evening") || is(S, k, "night")) {
            const char *q = is(S, i, "that") ? "same" : S->t[i + 1].low;
            r->kind = K_ANCHOR;
            r->n = q[0] == 'f' || q[0] == 'n' ? 1 : q[0] == 'p' ? -1 : 0;
            return k + 1 - i;
        }
    }
    return 0;
}

/* Name words of a period before the '(' at i: capitalised words (or the one
 * word before it), lower case into name, last word into head. */
static int period_name(const sent *S, int i, char *name, size_t nn, char *head, size_t hn)
{
    int k = i - 1;
    if (k < 0 || S->t[k].kind == T_PUNCT)
        return 0;
    int first = k;
    while (first - 1 >= 0 && i - first < 6 && S->t[first - 1].cap &&
           S->t[first - 1].kind == T_WORD && S->t[first].cap)
        first--;
    name[0] = 0;
    size_t len = 0;
    for (int x = first; x <= k; x++) {
        int w = snprintf(name + len, nn - len, "%s%s", x > first ? " " : "", S->t[x].low);
        if (w < 0 || (size_t)w >= nn - len)
            break;
        len += (size_t)w;
    }
    snprintf(head, hn, "%.23s", S->t[k].low);
    return 1;
}

static int same_head(const char *ref, const char *head)
{
    static const char *const war[] = {"war", "conflict", "fighting", NULL};
    return !strcmp(ref, head) || (in_list(ref, war) && in_list(head, war));
}

/* "during that war", "amid that gruesome conflict", "during the Iran-Iraq
 * War": a registered period. Returns tokens consumed after the preposition. */
static int match_period(const sent *S, int i, const dyad_date_ctx *c, raw *r)
{
    if (!c->nperiods || i >= S->n)
        return 0;
    int det = is(S, i, "that") || is(S, i, "the") || is(S, i, "this");
    int j = det ? i + 1 : i;
    /* by name: the longest registered name whose words follow */
    for (int back = 0; back < c->nperiods; back++) {
        int p = (c->period_next - 1 - back + DYAD_DATE_MAX_PERIODS) % DYAD_DATE_MAX_PERIODS;
        const char *nm = c->period[p].name;
        int k = j;
        while (*nm && k < S->n) {
            size_t L = strlen(S->t[k].low);
            if (strncmp(nm, S->t[k].low, L) || (nm[L] && nm[L] != ' '))
                break;
            nm += L;
            if (*nm == ' ')
                nm++;
            k++;
        }
        if (!*nm && k > j) {
            r->kind = K_PERIOD, r->period = p;
            return k - i;
        }
    }
    if (!det)
        return 0;
    for (int k = j; k < S->n && k < j + 3; k++) {
        if (S->t[k].kind != T_WORD)
            return 0;
        for (int back = 0; back < c->nperiods; back++) {
            int p = (c->period_next - 1 - back + DYAD_DATE_MAX_PERIODS) % DYAD_DATE_MAX_PERIODS;
            if (same_head(S->t[k].low, c->period[p].head)) {
                r->kind = K_PERIOD, r->period = p;
                return k + 1 - i;
            }
        }
    }
    return 0;
}

static const char *const preps[] = {"in", "on", "during", "since", "from", "between",
                                    "throughout", "amid", "amidst", "at", NULL};
static const char *const blockers[] = {"by", "before", "after", "until", "till", "through",
                                       "to", "of", "than", NULL};
static const char *const determiners[] = {"the", "a", "an", "its", "their", "his", "her",
                                          "our", "your", "this", "that", "these", "those",
                                          "'s", "my", NULL};
static const char *const superlatives[] = {
    "first", "last", "highest", "lowest", "biggest", "largest", "worst", "best",
    "deadliest", "strongest", "weakest", "greatest", "most", "fewest", "smallest",
    "longest", "only", NULL};

/* A "since" whose date measures a noun: "its first such mission since 2019",
 * "the highest level since 2019". */
static int since_nominal(const sent *S, int i)
{
    for (int k = i - 1; k >= 0 && k >= i - 8; k--) {
        if (hard_stop(&S->t[k]) && S->t[k].low[0] != ',')
            return 0;
        if (S->t[k].fin)
            return 0;
        if (in_list(S->t[k].low, superlatives))
            return 1;
    }
    return 0;
}

/* One expression at i: *r filled, tokens consumed returned (0: none). */
static int match_at(const sent *S, int i, const dyad_date_ctx *c, raw *r)
{
    memset(r, 0, sizeof *r);
    const char *w = S->t[i].low;
    int prep = in_list(w, preps) ? 1 : 0;
    int j = i + prep;
    int n = 0;
    if (prep && (!strcmp(w, "from") || !strcmp(w, "between"))) {
        raw a, b;
        memset(&a, 0, sizeof a);
        memset(&b, 0, sizeof b);
        int n1 = match_abs(S, j, 1, &a);
        const char *mid = !strcmp(w, "from") ? "to" : "and";
        if (n1 && a.kind == K_ABS && !a.invalid &&
            (is(S, j + n1, mid) || (mid[0] == 't' && (is(S, j + n1, "until") || is(S, j + n1, "through"))))) {
            int n2 = match_abs(S, j + n1 + 1, 1, &b);
            if (n2 && b.kind == K_ABS && !b.invalid && a.p == b.p) {
                *r = a;
                r->kind = K_RANGE;
                r->y2 = b.y, r->m2 = b.m, r->d2 = b.d, r->p2 = b.p;
                if (!r->y2)
                    r->y2 = r->y;
                return prep + n1 + 1 + n2;
            }
        }
    }
    if (prep && strcmp(w, "on") && strcmp(w, "at")) {
        n = match_period(S, j, c, r);
        if (n && !strcmp(w, "since") && (is(S, j + n, "ended") || is(S, j + n, "'s"))) {
            r->period_end = 1;
            n++;
        }
    }
    if (!n)
        n = match_abs(S, j, prep, r);
    if (!n)
        n = match_rel(S, j, r);
    if (!n && !prep) {
        /* "(1980-88)" after a name: a period's definition */
        if (is(S, i, "(") && i + 2 < S->n && is(S, i + 2, ")") && i > 0 &&
            S->t[i - 1].kind == T_WORD &&
            (year_range(S->t[i + 1].low, r) || year_at(S, i + 1))) {
            if (r->kind != K_RANGE) { /* "(1991)": one year */
                r->y = year_at(S, i + 1);
                r->p = DYAD_PREC_YEAR;
            }
            r->kind = K_PERIOD_DEF;
            r->nominal = 1;
            return 3;
        }
        return 0;
    }
    if (!n)
        return 0;
    if (prep && !strcmp(w, "since")) {
        r->since = 1;
        if (r->kind == K_ABS || r->kind == K_REL || r->kind == K_WEEKDAY || r->kind == K_ANCHOR)
            r->nominal = since_nominal(S, i);
    }
    /* "the 2019 summit", "by April 13", "ahead of Saturday": not the event's date */
    if (i > 0 && in_list(S->t[i - 1].low, blockers))
        r->nominal = 1;
    if (!prep && i > 0 && in_list(S->t[i - 1].low, determiners) && r->kind != K_ANCHOR &&
        strcmp(w, "the") && strcmp(w, "that"))
        r->nominal = 1;
    if (is(S, i + prep + n, "'s"))
        r->nominal = 1, n++;
    return prep + n;
}

/* ---- resolving ------------------------------------------------------------ */

static long art_days(const dyad_date_ctx *c)
{
    return dyad_date__to_days(c->article.y, c->article.m, c->article.d);
}

static dyad_date range_days(long a, long b)
{
    dyad_date r = dyad_date__day(a);
    if (b != a) {
        dyad_date e = dyad_date__day(b);
        r.y2 = e.y, r.m2 = e.m, r.d2 = e.d, r.prec2 = e.prec;
    }
    return r;
}

static dyad_date month_of(int y, int m)
{
    while (m < 1)
        m += 12, y--;
    while (m > 12)
        m -= 12, y++;
    dyad_date r = {.y = y, .m = m, .prec = DYAD_PREC_MONTH};
    return r;
}

static dyad_date resolve_abs(const raw *r, const dyad_date_ctx *c, int future)
{
    dyad_date v = {0};
    int y = r->y;
    if (!y) {
        if (c->article.prec != DYAD_PREC_DAY)
            return v;
        y = c->article.y;
        long am = c->article.m * 100 + c->article.d, em = r->m * 100 + (r->d ? r->d : 0);
        if (r->p == DYAD_PREC_MONTH)
            am = c->article.m * 100, em = r->m * 100;
        if (r->mod == MOD_LAST)
            y -= em >= am;
        else if (r->mod == MOD_NEXT)
            y += em <= am;
        else if (!future && em > am)
            y--;
        else if (future && em < am)
            y++;
    }
    if (r->p == DYAD_PREC_DAY && !dyad_date_valid_day(y, r->m, r->d))
        return v;
    v.y = y, v.m = r->m, v.d = r->d, v.prec = r->p;
    return v;
}

static dyad_date resolve_rel(const raw *r, const dyad_date_ctx *c, int future)
{
    dyad_date v = {0};
    if (c->article.prec != DYAD_PREC_DAY)
        return v;
    long A = art_days(c);
    switch (r->kind == K_WEEKDAY ? 0 : r->unit) {
    case 0: {
        int wa = dyad_date__weekday(A);
        int back = (wa - r->wd + 7) % 7, ahead = (r->wd - wa + 7) % 7;
        if (r->mod == MOD_NEXT || (r->mod != MOD_LAST && future))
            return dyad_date__day(A + (ahead ? ahead : 7));
        if (r->mod == MOD_LAST && !back)
            back = 7;
        return dyad_date__day(A - back);
    }
    case U_DAY: return dyad_date__day(A + r->n);
    case U_WEEK: {
        long mon = A - dyad_date__weekday(A) + 7L * r->n;
        if (r->earlier == 1)
            return range_days(mon, A - 1 > mon ? A - 1 : mon);
        return range_days(mon, mon + 6);
    }
    case U_MONTH: return month_of(c->article.y, c->article.m + r->n);
    case U_YEAR: v.y = c->article.y + r->n, v.prec = DYAD_PREC_YEAR; return v;
    }
    return v;
}

static dyad_date resolve(const raw *r, const dyad_date_ctx *c, int future)
{
    dyad_date v = {0};
    switch (r->kind) {
    case K_ABS: v = resolve_abs(r, c, future); break;
    case K_RANGE:
    case K_PERIOD_DEF:
        v.y = r->y, v.m = r->m, v.d = r->d, v.prec = r->p;
        v.y2 = r->y2, v.m2 = r->m2, v.d2 = r->d2, v.prec2 = r->p2;
        if ((v.prec == DYAD_PREC_DAY && !dyad_date_valid_day(v.y, v.m, v.d)) ||
            (v.prec2 == DYAD_PREC_DAY && !dyad_date_valid_day(v.y2, v.m2, v.d2)))
            return (dyad_date){0};
        if (v.prec2 != DYAD_PREC_NONE) {
            long a0, a1, b0, b1;
            dyad_date s = v, e = v;
            s.prec2 = DYAD_PREC_NONE;
            e.y = v.y2, e.m = v.m2, e.d = v.d2, e.prec = v.prec2, e.prec2 = DYAD_PREC_NONE;
            dyad_date__bounds(&s, &a0, &a1);
            dyad_date__bounds(&e, &b0, &b1);
            if (b1 < a0)
                return (dyad_date){0};
        }
        break;
    case K_WEEKDAY:
    case K_REL: v = resolve_rel(r, c, future); break;
    case K_ANCHOR:
        if (c->anchor.prec == DYAD_PREC_NONE || c->anchor.prec2 != DYAD_PREC_NONE) {
            if (future && c->article.prec == DYAD_PREC_DAY)
                return dyad_date__day(art_days(c) + r->n);
            return v; /* nothing to count from: the article's date stays */
        }
        if (c->anchor.prec != DYAD_PREC_DAY)
            return c->anchor; /* the day after a day in April: April */
        return dyad_date__day(dyad_date__to_days(c->anchor.y, c->anchor.m, c->anchor.d) + r->n);
    case K_PERIOD: v = c->period[r->period].when;
        if (r->period_end && v.prec2 != DYAD_PREC_NONE) {
            v.y = v.y2, v.m = v.m2, v.d = v.d2, v.prec = v.prec2;
            v.prec2 = DYAD_PREC_NONE;
        }
        break;
    }
    if (r->since && v.prec != DYAD_PREC_NONE && c->article.prec == DYAD_PREC_DAY) {
        /* from the start of v to the article, at v's precision */
        dyad_date e = c->article;
        v.prec2 = v.prec;
        v.y2 = e.y, v.m2 = v.prec >= DYAD_PREC_MONTH ? e.m : 0, v.d2 = v.prec == DYAD_PREC_DAY ? e.d : 0;
        long s0, s1, e0, e1;
        dyad_date s = v;
        s.prec2 = DYAD_PREC_NONE;
        dyad_date__bounds(&s, &s0, &s1);
        dyad_date__bounds(&e, &e0, &e1);
        if (e0 < s0)
            return (dyad_date){0};
        if (v.y2 == v.y && v.m2 == v.m && v.d2 == v.d)
            v.prec2 = DYAD_PREC_NONE;
    } else if (r->since) {
        v.prec = DYAD_PREC_NONE;
    }
    return v;
}

static void register_period(dyad_date_ctx *c, const sent *S, int paren, dyad_date when)
{
    char name[DYAD_DATE_PERIOD_NAME], head[32];
    if (!period_name(S, paren, name, sizeof name, head, sizeof head))
        return;
    int p = c->period_next;
    snprintf(c->period[p].name, sizeof c->period[p].name, "%s", name);
    snprintf(c->period[p].head, sizeof c->period[p].head, "%s", head);
    c->period[p].when = when;
    c->period_next = (p + 1) % DYAD_DATE_MAX_PERIODS;
    if (c->nperiods < DYAD_DATE_MAX_PERIODS)
        c->nperiods++;
}

/* ---- the sentence ----------------------------------------------------------- */

/* Index of the first token that carries the sentence (after opening quotes
 * and a discourse word: "But last year, ..."). */
static int first_content(const sent *S)
{
    static const char *const lead[] = {"but", "and", "however", "meanwhile", "then",
                                       "also", "so", "yet", "still", NULL};
    int i = 0;
    while (i < S->n && S->t[i].kind == T_PUNCT)
        i++;
    if (i < S->n && in_list(S->t[i].low, lead)) {
        i++;
        if (is(S, i, ","))
            i++;
    }
    return i;
}

static int collect(dyad_date_sent *out, sent *S, dyad_date_ctx *c, dyad_arena *a)
{
    int cap = 8;
    out->expr = dyad_arena_alloc(a, (size_t)cap * sizeof *out->expr);
    if (!out->expr)
        return DYAD_ENOMEM;
    int lead = first_content(S);
    for (int i = 0; i < S->n;) {
        raw r;
        int n = match_at(S, i, c, &r);
        if (!n) {
            i++;
            continue;
        }
        if (r.invalid) { /* "February 30": not a date, and nothing else either */
            i += n;
            continue;
        }
        int future = future_at(S, i);
        dyad_date v = resolve(&r, c, future);
        if (out->nexpr == cap) {
            dyad_date_expr *e = dyad_arena_alloc(a, (size_t)cap * 2 * sizeof *e);
            if (!e)
                return DYAD_ENOMEM;
            memcpy(e, out->expr, (size_t)cap * sizeof *e);
            out->expr = e;
            cap *= 2;
        }
        dyad_date_expr *e = &out->expr[out->nexpr++];
        e->start = S->t[i].start;
        e->end = S->t[i + n - 1].end;
        e->seg = S->seg[i + (r.kind == K_PERIOD_DEF)];
        e->value = v;
        e->flags = r.nominal ? DYAD_DATE_NOMINAL : 0;
        if (r.kind == K_PERIOD_DEF) {
            e->flags |= DYAD_DATE_PERIOD_DEF;
            if (v.prec != DYAD_PREC_NONE)
                register_period(c, S, i, v);
        } else if (!r.nominal && i == lead) {
            e->flags |= DYAD_DATE_FRONTED;
        }
        if (!r.nominal && v.prec != DYAD_PREC_NONE && v.prec2 == DYAD_PREC_NONE)
            c->anchor = v;
        i += n;
    }
    return 0;
}

int dyad_date_sentence(dyad_date_sent *out, dyad_date_ctx *c, const char *text, size_t n,
                       const dyad_tree *t, dyad_arena *a)
{
    memset(out, 0, sizeof *out);
    sent S = {.text = text};
    int rc = tokenize(&S, text ? text : "", text ? n : 0, a);
    if (!rc)
        tag(&S, t);
    if (!rc)
        rc = segments(&S, a);
    if (!rc)
        rc = collect(out, &S, c, a);
    if (rc)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    /* clause runs */
    out->verb_start = dyad_arena_alloc(a, (size_t)(S.n + 1) * sizeof *out->verb_start);
    if (!out->verb_start)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (int i = 0; i < S.n; i++)
        if (S.t[i].verb)
            out->verb_start[out->nverbs++] = S.t[i].start;
    out->seg_start = dyad_arena_alloc(a, (size_t)(S.n + 1) * sizeof *out->seg_start);
    out->seg_id = dyad_arena_alloc(a, (size_t)(S.n + 1) * sizeof *out->seg_id);
    if (!out->seg_start || !out->seg_id)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (int i = 0; i < S.n; i++) {
        if (out->nruns && out->seg_id[out->nruns - 1] == S.seg[i])
            continue;
        out->seg_start[out->nruns] = out->nruns ? S.t[i].start : 0;
        out->seg_id[out->nruns++] = S.seg[i];
    }
    return 0;
}

static int seg_of(const dyad_date_sent *s, int pos)
{
    if (pos < 0 || !s->nruns)
        return -1;
    int lo = 0, hi = s->nruns - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (s->seg_start[mid] <= pos)
            lo = mid;
        else
            hi = mid - 1;
    }
    return s->seg_id[lo];
}

/* Byte start of the first verb after pos, or INT_MAX. */
static int next_verb(const dyad_date_sent *s, int pos)
{
    for (int i = 0; i < s->nverbs; i++)
        if (s->verb_start[i] > pos)
            return s->verb_start[i];
    return 0x7fffffff;
}

const dyad_date_expr *dyad_date_pick(const dyad_date_sent *s, int pos)
{
    int seg = seg_of(s, pos);
    const dyad_date_expr *best = NULL, *fronted = NULL, *after = NULL;
    long bestd = 0;
    int own = 0, nv = next_verb(s, pos);
    for (int i = 0; i < s->nexpr; i++) {
        const dyad_date_expr *e = &s->expr[i];
        if (e->flags & DYAD_DATE_NOMINAL)
            continue;
        if ((e->flags & DYAD_DATE_FRONTED) && e->value.prec != DYAD_PREC_NONE && !fronted)
            fronted = e;
        if (e->seg != seg || seg < 0)
            continue;
        own = 1;
        if (e->value.prec == DYAD_PREC_NONE)
            continue;
        long d = pos < e->start ? e->start - pos : pos >= e->end ? pos - e->end + 1 : 0;
        if (!best || d < bestd)
            best = e, bestd = d;
        if (pos >= 0 && e->start > pos && e->start < nv && !after)
            after = e; /* "met X on Saturday and signed Y on Sunday" */
    }
    if (after)
        return after;
    if (best)
        return best;
    return own ? NULL : fronted;
}
