/* pico.h: PETRARCH-2's internal verb-code ontology ("PICO"), which lets nested
 * verbs combine ("said it attacked" = SAY + ATTACK = claim responsibility, 015).
 * Each CAMEO code maps to a 16-bit value whose hex digits are: a top-level verbal
 * category (say, appeal, intend, demand, ...), a reduce/yield digit, a material
 * category, and a topic; "reject" codes are negative. Internal to src/code. */
#ifndef DYAD_CODE_PICO_H
#define DYAD_CODE_PICO_H

/* CAMEO -> PICO. An unknown code falls back to its root ("1234" -> "120");
 * "---" or "" is 0. *passive gets the value of the second code of "a:b" (0 if none). */
int dyad_pico_from_cameo(const char *code, int *passive);
/* PICO -> CAMEO, exact values only (NULL when the combination has no CAMEO code). */
const char *dyad_pico_to_cameo(int v);
/* PETRARCH-2's combination of an upper verb's code with a nested lower one. */
int dyad_pico_combine(int upper, int lower);

#endif
