/* check_trace.h - issu-gen --check-trace: is a trace that the C wrote a run
 * of the model?  Each machine line names a machine and its instance
 * ("machine", "instance": the element of a machine array, `self`), and
 * must be a step that the transition relation of that instance
 * (relation.h) allows from the configuration the lines of that instance
 * before it led to, under some valuation of the plant: the same transition,
 * the same actions with the same values, the same target.
 *
 * Events between machines follow the model's semantics: a step's `send`
 * queues its event in the receiving instance (every instance of a machine
 * array for instance -1), in order, and a step that takes an event of a
 * machine (`event NAME;`) must take the first one sent to it and not yet
 * taken.  The trace does not show the world's events (outcomes, faults,
 * operator actions), which share the queue, so only the order of the sent
 * events among themselves is checked, and a queue that holds more sent
 * events than its bound (ir_queue_bound) is an overflow.  Sent events still
 * queued when the trace ends are not an error (a trace may stop anywhere).
 *
 * The first line that is not a step of the model is reported with what the
 * model could do there. */
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
