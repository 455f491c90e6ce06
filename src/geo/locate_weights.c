/* locate_weights.c: written by tools/fit_location.py; do not edit. Fitted on
 * 4628 checked sentences of the event-location corpus (not the relabelled
 * ones); L2 penalty 0.1; accuracy of the choice on them 0.7962. */
#include "geo/locate_weights.h"

const double dyad_geo_weights[DYAD_GEO_NFEAT] = {
    3.112974, -0.728476, 0.569534, -1.580951,
    0.852628, -0.139353, -1.836074, 0.738124,
    -0.660638, 0.517169, -0.016921, -1.116170,
    0.615953, -2.030298, -3.935518, 0.341044,
    -0.696668, -1.286575, -1.026473, -1.430322,
    -1.096711, -0.703959, 0.970710, -0.362334,
    -0.293836, 0.000000, -0.553940, -0.541284,
    0.548178, 0.347890, -0.696790, 0.020090,
    0.367262, 0.819038, 0.209788, 1.499126,
    0.691131, 0.392225, 0.629290, -0.129677,
    0.552574, 0.686032, -3.267060, 1.190675,
};
const double dyad_geo_threshold = -0.901000;
