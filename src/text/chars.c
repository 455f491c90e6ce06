/* chars.c: character classes (utf8proc) and the abbreviation lists shared by
 * the sentence splitter and the tokenizer. */
#include "text/text_internal.h"

#include <string.h>
#include <utf8proc.h>

/* ---- characters ------------------------------------------------------------ */

int32_t text__cp(const char *s, size_t n, size_t i, int *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i < 4 ? n - i : 4), &cp);
    if (k <= 0) {
        *len = 1;
        return -1;
    }
    *len = (int)k;
    return cp;
}

int32_t text__cp_before(const char *s, size_t lo, size_t i, int *len)
{
    size_t b = i - 1;
    while (b > lo && i - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    int k;
    int32_t cp = text__cp(s, i, b, &k);
    if (b + (size_t)k != i) { /* the last byte is not the end of a valid sequence */
        *len = 1;
        return -1;
    }
    *len = k;
    return cp;
}

text__class text__classify(int32_t cp)
{
    if (cp < 0)
        return TEXT_SYMBOL;
    if (cp < 0x80) {
        if (cp <= ' ' || cp == 0x7F)
            return TEXT_SPACE;
        if (cp >= 'a' && cp <= 'z')
            return TEXT_LOWER;
        if (cp >= 'A' && cp <= 'Z')
            return TEXT_UPPER;
        if (cp >= '0' && cp <= '9')
            return TEXT_DIGIT;
        if (cp == '_')
            return TEXT_MARK;
    }
    if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF)
        return TEXT_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return TEXT_SPACE;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return TEXT_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return TEXT_LOWER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return TEXT_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return TEXT_DIGIT;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_CF:
        return TEXT_MARK;
    case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO:
        return TEXT_PUNCT;
    default:
        return TEXT_SYMBOL;
    }
}

int text__is_opener(int32_t cp)
{
    if (cp == '"' || cp == '\'' || cp == '`')
        return 1;
    if (cp < 0x80)
        return cp == '(' || cp == '[' || cp == '{';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PI || cp == 0x201E || cp == 0x201A;
}

int text__is_closer(int32_t cp)
{
    if (cp == '"' || cp == '\'')
        return 1;
    if (cp < 0x80)
        return cp == ')' || cp == ']' || cp == '}';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF || cp == 0x2019;
}

/* ---- abbreviations ------------------------------------------------------------ */

static const char *const titles[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Gen", "Lt", "Col",
    "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Sen", "Sens",
    "Rep", "Reps", "Rev", "Hon", "Pres", "Amb", "Insp", "Det", "Supt", "Fr", "Sec", "Atty",
    "Lieut", "Comdr", "Cmdt", "Pfc", "Spc", "Pte", "Rt", "vs", "v", "e.g", "i.e", "cf", "viz",
    "Gens", "Govs", "Msgr", NULL};
static const char *const numbers[] = {"No", "Nos", "Art", "Arts", "Fig", "Figs", "Vol", "Vols",
                                      "p", "pp", "para", "ch", "Ch", "Nr", "nr", "no", "ca",
                                      "approx", "Tel", "tel", "Ex", "ex", NULL};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                                     "Sept", "Oct", "Nov", "Dec", NULL};
static const char *const suffixes[] = {"Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "Bros", "Cos",
                                       "St", "Ste", "Mt", "Ft",
                                       "Esq", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn",
                                       "Intl", "Mfg", "Plc", "Pty", NULL};
/* US states and Canadian provinces in datelines ("SANTA MARIA, Calif."). */
static const char *const places[] = {"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
                                     "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass",
                                     "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
                                     "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis",
                                     "Wyo", "Ont", "Que", "Alta", "Sask", NULL};
static const char *const etcs[] = {"etc", "al", "ff", NULL};

/* w[0..n) equals an entry, or is all capitals and equals one ignoring case. */
static int ab_in(const char *w, size_t n, const char *const *list, int caps)
{
    for (int i = 0; list[i]; i++) {
        if (strlen(list[i]) != n)
            continue;
        if (!memcmp(w, list[i], n))
            return 1;
        if (!caps)
            continue;
        size_t k = 0;
        for (; k < n; k++) {
            char a = list[i][k], b = w[k];
            char up = a >= 'a' && a <= 'z' ? (char)(a - 32) : a;
            if (b != up)
                break;
        }
        if (k == n)
            return 1;
    }
    return 0;
}

/* U.S, p.m, U.S.A, Ph.D: at least two parts of one or two ASCII letters. */
static int ab_dotted(const char *w, size_t n)
{
    int parts = 0;
    size_t run = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || w[i] == '.') {
            if (run < 1 || run > 2)
                return 0;
            parts++;
            run = 0;
        } else if ((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z')) {
            run++;
        } else {
            return 0;
        }
    }
    return parts >= 2;
}

static text__abbr ab_kind(const char *w, size_t n)
{
    if (!n || n > 8)
        return TEXT_ABBR_NONE;
    if (ab_in(w, n, titles, 1))
        return TEXT_ABBR_TITLE;
    if (ab_in(w, n, numbers, 0))
        return TEXT_ABBR_NUMBER;
    if (ab_in(w, n, months, 1))
        return TEXT_ABBR_MONTH;
    if (ab_in(w, n, suffixes, 1) || ab_in(w, n, places, 0))
        return TEXT_ABBR_SUFFIX;
    if (ab_in(w, n, etcs, 0))
        return TEXT_ABBR_ETC;
    if (ab_dotted(w, n))
        return TEXT_ABBR_ACRONYM;
    int len;
    int32_t cp = text__cp(w, n, 0, &len);
    if ((size_t)len == n && text__classify(cp) == TEXT_UPPER)
        return TEXT_ABBR_INITIAL;
    return TEXT_ABBR_NONE;
}

text__abbr text__abbrev(const char *w, size_t n)
{
    text__abbr k = ab_kind(w, n);
    if (k != TEXT_ABBR_NONE || n > 64)
        return k;
    for (size_t i = n; i > 0; i--)
        if (w[i - 1] == '-')
            return i < n ? ab_kind(w + i, n - i) : TEXT_ABBR_NONE;
    return TEXT_ABBR_NONE;
}

int text__is_opener_word(const char *w, size_t n)
{
    static const char *const openers[] = {
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "His",
        "Her", "They", "Their", "There", "We", "Our", "I", "You", "Your", "But", "And", "Or",
        "So", "Yet", "In", "On", "At", "As", "After", "Before", "When", "While", "Since", "If",
        "Although", "Though", "However", "Meanwhile", "Also", "Then", "Now", "Still", "Thus",
        "Some", "Many", "Most", "Several", "Both", "Each", "Every", "All", "No", "Not", "What",
        "Why", "How", "Who", "Where", "Which", "Last", "Next", "Earlier", "Later", "Today",
        "Yesterday", "Tomorrow", "For", "From", "With", "Without", "During", "Despite",
        "According", "Under", "Officials", "Instead", "Nevertheless", "Moreover", "Other",
        "Another", "One", "Such", "Even", "Only", "Yes", "To", "By", "Asked", "Speaking", NULL};
    return ab_in(w, n, openers, 0);
}
