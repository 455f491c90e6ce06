/* date_internal.h: calendar helpers shared by date.c and find.c. */
#ifndef DYAD_DATE_INTERNAL_H
#define DYAD_DATE_INTERNAL_H

#include "date/date.h"

int dyad_date__days_in(int y, int m);             /* 0 for a bad month */
long dyad_date__to_days(int y, int m, int d);     /* days since 1970-01-01 */
void dyad_date__from_days(long z, int *y, int *m, int *d);
int dyad_date__weekday(long days);                /* 0 Monday .. 6 Sunday */
dyad_date dyad_date__day(long days);              /* a DAY value (NONE outside years 1..9999) */
void dyad_date__bounds(const dyad_date *d, long *first, long *last);

#endif
