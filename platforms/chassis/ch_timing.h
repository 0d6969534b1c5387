/* ch_timing.h - how long each HAL command takes on a simulated chassis
 * (DOMAIN section 7), by the spec's command name.  One shared table holds
 * the defaults; a family's descriptor overrides entries of it; a command no
 * table names gets ch_timing_default.  A pure timer (lo == hi == 0) is
 * never ended by the hardware: only the runtime's timer ends it. */
#ifndef CH_TIMING_H
#define CH_TIMING_H

#include <stddef.h>

#include "sim_sched.h"

typedef struct ch_timing {
    const char *cmd;                   /* the spec's command name */
    sim_ms lo, hi;                     /* duration range, ms; both 0: a pure timer */
} ch_timing;

/* The entry for a command that no table names. */
extern const ch_timing ch_timing_default;

/* The timing of command `cmd`: the first entry of over[0..n-1] with that
 * name, else the shared table's, else &ch_timing_default.  Never NULL. */
const ch_timing *ch_timing_for(const ch_timing *over, size_t n, const char *cmd);

#endif
