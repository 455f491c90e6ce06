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
/* The combination when the upper verb is a plain appeal (020), intention (030)
 * or refusal (120) and the lower one an act: the CAMEO code of appealing for,
 * intending or refusing that act ("refused to release" 1243-type, "declined
 * to comment" 011, "offered to mediate" 039, "urged X to agree to a
 * ceasefire" 025), the nearest one with a code when the exact combination has
 * none, down to the upper code itself. Returns 0 when the rule does not apply
 * (the upper code is none of those, or the lower one is no act). */
int dyad_pico_combine_act(int upper, int lower);
/* 1 when the CAMEO -> PICO table is in strictly increasing code order (the
 * lookup's binary search needs it), 0 when not. For the tests. */
int dyad_pico_table_sorted(void);

#endif
