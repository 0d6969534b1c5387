/* emit.h - the emitters.  Each reads only the IR and writes one output
 * format to an open stream; they fail only on I/O (the caller checks the
 * stream).  One emitter per file: emit_summary.c, emit_dot.c. */
#ifndef ISSU_EMIT_H
#define ISSU_EMIT_H

#include <stdio.h>

#include "ir.h"

void em_summary(FILE *out, const ir_spec *s);  /* human-readable summary */
void em_dot(FILE *out, const ir_spec *s);      /* Graphviz state charts */

#endif
