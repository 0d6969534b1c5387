/* sim_traffic.h - the traffic model of the simulators.
 *
 * Each forwarding unit (an FPC or FEB with its PFEs) forwards a share of
 * its line rate, 0..100 %: 100 when it works normally, 0 in its dark window
 * or while it is offline or down, and in between when the hardware keeps
 * only part of it (a T-series PFE keeps about 75 % during a GRES switchover,
 * DOMAIN 4.4).  The model integrates, over virtual time, the missing share
 * of each unit (its forwarding loss, in milliseconds of full line rate) and
 * how long no Routing Engine was master (the control-plane outage, which an
 * ISSU must keep at zero).  A backend reports changes of rate only; the
 * integrals are taken here so that every backend measures the same way.
 */
#ifndef SIM_TRAFFIC_H
#define SIM_TRAFFIC_H

#include <stdint.h>

#include "sim_sched.h"

#define SIM_TRAFFIC_UNITS 32u          /* bound: forwarding units per chassis */
#define SIM_TRAFFIC_FULL 100u          /* the full line rate, percent */

typedef struct sim_traffic_unit {
    uint32_t rate;                     /* percent of line rate forwarded right now */
    sim_ms since;                      /* when 'rate' last changed */
    uint64_t lost;                     /* closed intervals: ms x missing percent */
    uint32_t outages;                  /* closed intervals below the full rate */
    sim_ms longest;                    /* the longest closed one */
    sim_ms degraded_since;             /* start of the open interval below full rate */
} sim_traffic_unit;

typedef struct sim_traffic {
    uint32_t n;                        /* units in use */
    sim_traffic_unit u[SIM_TRAFFIC_UNITS]; /* per unit */
    int master;                        /* some RE is master right now */
    sim_ms master_since;               /* when 'master' last changed */
    sim_ms cp_outage;                  /* closed intervals without a master */
    uint32_t cp_outages;               /* number of such intervals */
} sim_traffic;

/* n units (at most SIM_TRAFFIC_UNITS), all at full rate, a master present. */
void sim_traffic_init(sim_traffic *t, uint32_t n, sim_ms now);

/* Unit 'unit' forwards 'rate' percent of its line rate (0..100) from 'now'
 * (no-op if unchanged).  An outage is an interval below the full rate. */
void sim_traffic_rate(sim_traffic *t, uint32_t unit, uint32_t rate, sim_ms now);

/* Some RE is master (present != 0) or none is, from 'now'. */
void sim_traffic_set_master(sim_traffic *t, int present, sim_ms now);

/* Forwarding loss of a unit up to 'now', the open interval included: the
 * missing share integrated over time, in ms of full line rate. */
sim_ms sim_traffic_lost(const sim_traffic *t, uint32_t unit, sim_ms now);

/* Is the unit below its full rate right now? */
int sim_traffic_degraded(const sim_traffic *t, uint32_t unit);

/* Control-plane outage up to 'now', the open interval included. */
sim_ms sim_traffic_cp_outage(const sim_traffic *t, sim_ms now);

#endif
