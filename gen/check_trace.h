/* check_trace.h - issu-gen --check-trace: is a trace that the C wrote a run
 * of the model?  Each machine line must be a step that the transition
 * relation (relation.h) allows from the configuration the lines before it
 * led to, under some valuation of the plant: the same transition, the same
 * actions with the same values, the same target.  The first line that is
 * not is reported with what the model could do there. */
#ifndef ISSU_CHECK_TRACE_H
#define ISSU_CHECK_TRACE_H

#include <stddef.h>
#include <stdio.h>

#include "ir.h"

/* Check the trace text (path names it in messages) against profile.
 * Returns the number of machine lines accepted, or -1 after printing
 * "path:line: error: ..." to err. */
long ct_check(FILE *err, const ir_spec *s, int profile, const char *path, const char *text, size_t len);

#endif
