/* families.h - the table of simulated chassis models, one row per model of
 * every family (families.c), that the CLI (`--platform`, `issu
 * platforms`), the tests and the run read.  A family is one descriptor in
 * its own file (mx.c, m120.c, t.c, vm.c, issr.c, tx.c); adding one touches only that
 * file and the table.  Each model names a profile of the spec, whose
 * family must be the descriptor's (checked by tests/platforms). */
#ifndef FAMILIES_H
#define FAMILIES_H

#include <stddef.h>

#include "ch_family.h"

/* Every model, grouped by family, in the order `issu platforms` lists them. */
extern const ch_model ch_models[];
extern const size_t ch_model_count;

/* The model with that --platform name, or NULL. */
const ch_model *ch_model_find(const char *name);

#endif
