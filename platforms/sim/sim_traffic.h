/* sim_traffic.h - the traffic model of the simulators.
 *
 * Each forwarding unit (an FPC with its PFEs on MX) either forwards or not;
 * the model integrates, over virtual time, how long each unit did not
 * forward (its forwarding loss) and how long no Routing Engine was master
 * (the control-plane outage, which an ISSU must keep at zero).  A backend
 * reports transitions only; the integrals are taken here so that every
 * backend measures the same way.
 */
#ifndef SIM_TRAFFIC_H
#define SIM_TRAFFIC_H

#include <stdint.h>

#include "sim_sched.h"

#define SIM_TRAFFIC_UNITS 16u          /* bound: forwarding units per chassis */

typedef struct sim_traffic_unit {
    int forwarding;                    /* forwarding right now */
    sim_ms since;                      /* when 'forwarding' last changed */
    sim_ms lost;                       /* closed intervals without forwarding */
    uint32_t outages;                  /* number of such intervals */
    sim_ms longest;                    /* the longest closed one */
} sim_traffic_unit;

typedef struct sim_traffic {
    uint32_t n;                        /* units in use */
    sim_traffic_unit u[SIM_TRAFFIC_UNITS]; /* per unit */
    int master;                        /* some RE is master right now */
    sim_ms master_since;               /* when 'master' last changed */
    sim_ms cp_outage;                  /* closed intervals without a master */
    uint32_t cp_outages;               /* number of such intervals */
} sim_traffic;

/* n units (at most SIM_TRAFFIC_UNITS), all forwarding, a master present. */
void sim_traffic_init(sim_traffic *t, uint32_t n, sim_ms now);

/* Unit 'unit' starts or stops forwarding at 'now' (no-op if unchanged). */
void sim_traffic_set(sim_traffic *t, uint32_t unit, int forwarding, sim_ms now);

/* Some RE is master (present != 0) or none is, from 'now'. */
void sim_traffic_set_master(sim_traffic *t, int present, sim_ms now);

/* Forwarding loss of a unit up to 'now', the open interval included. */
sim_ms sim_traffic_lost(const sim_traffic *t, uint32_t unit, sim_ms now);

/* Control-plane outage up to 'now', the open interval included. */
sim_ms sim_traffic_cp_outage(const sim_traffic *t, sim_ms now);

#endif
