/* cameo.c: lookups in the generated CAMEO code table (cameo_table.c).
 *
 * The table is sorted by code in strcmp order, so each lookup is a binary
 * search; nothing is allocated. */
#include "dict/cameo.h"

#include <string.h>

/* Longest code in the table; longer inputs are matched on their first digits. */
#define CAMEO_MAX_DIGITS 4

/* Exact match of key in the table, or NULL. */
static const dyad_cameo_info *cameo__find(const char *key)
{
    size_t lo = 0, hi = dyad_cameo__table_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, dyad_cameo__table[mid].code);
        if (c == 0)
            return &dyad_cameo__table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Number of leading ASCII digits of s if s is made only of digits, else 0. */
static size_t cameo__digits(const char *s)
{
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    return s[n] == '\0' ? n : 0;
}

const dyad_cameo_info *dyad_cameo_lookup(const char *code)
{
    if (!code)
        return NULL;
    size_t n = cameo__digits(code);
    if (n < 2)
        return NULL;
    if (n > CAMEO_MAX_DIGITS)
        n = CAMEO_MAX_DIGITS;
    char key[CAMEO_MAX_DIGITS + 1];
    memcpy(key, code, n);
    /* Try the code itself, then ever shorter prefixes down to the root. */
    for (; n >= 2; n--) {
        key[n] = '\0';
        const dyad_cameo_info *e = cameo__find(key);
        if (e)
            return e;
    }
    return NULL;
}

int dyad_cameo_valid(const char *code)
{
    size_t n = code ? cameo__digits(code) : 0;
    return n >= 2 && n <= CAMEO_MAX_DIGITS && cameo__find(code) != NULL;
}

size_t dyad_cameo_count(void)
{
    return dyad_cameo__table_len;
}

const dyad_cameo_info *dyad_cameo_at(size_t i)
{
    return i < dyad_cameo__table_len ? &dyad_cameo__table[i] : NULL;
}
