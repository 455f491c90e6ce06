/* confidence.h: how likely a coded event is to be right.
 *
 * A logistic model: confidence = 1 / (1 + exp(-(w . x))) over a handful of
 * features x of the event, chosen by hand from its evidence (dyad_event.basis,
 * how its actors were resolved, its modality). The weights w are fitted on the
 * dev half of the gold set by tools/fit_confidence.py, which writes them into
 * confidence_weights.c; they are calibrated there: among dev events of
 * confidence about p, a share of about p matches a gold event (`dyad eval
 * --calibration`).
 *
 * Internal to the library. Nothing here allocates; events are changed in place.
 */
#ifndef DYAD_CODE_CONFIDENCE_H
#define DYAD_CODE_CONFIDENCE_H

#include "dyad.h"

/* Number of features, the constant term (always 1) first. */
#define DYAD_CONF_NFEAT 13

/* The features' names, in order (for the fitting script and reports). */
extern const char *const dyad_confidence_names[DYAD_CONF_NFEAT];
/* The fitted weights (confidence_weights.c, generated). */
extern const double dyad_confidence_weights[DYAD_CONF_NFEAT];

/* Fills x[0..DYAD_CONF_NFEAT) with the features of e. */
void dyad_confidence_features(const dyad_event *e, double *x);

/* The confidence of e in [0, 1] from its features and the weights. */
double dyad_confidence_of(const dyad_event *e);

/* Sets the confidence of ev[0..n) (call again after the actors change, as
 * when dyad_country_fill gives them a country). */
void dyad_confidence_set(dyad_event *ev, int n);

#endif
