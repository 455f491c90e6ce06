/* locate_weights.h: the fitted weights of the event-place choice
 * (locate.c), written by tools/fit_location.py into locate_weights.c. */
#ifndef DYAD_GEO_LOCATE_WEIGHTS_H
#define DYAD_GEO_LOCATE_WEIGHTS_H

#include "geo/locate.h"

/* One weight per feature of dyad_geo_features. */
extern const double dyad_geo_weights[DYAD_GEO_NFEAT];
/* The smallest score (a logit) of a mention chosen as the event's place. */
extern const double dyad_geo_threshold;

#endif
