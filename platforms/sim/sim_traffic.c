/* sim_traffic.c - forwarding-loss and control-plane-outage integrals
 * (sim_traffic.h). */
#include "sim_traffic.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

void sim_traffic_init(sim_traffic *t, uint32_t n, sim_ms now)
{
    assert(t != NULL && n <= SIM_TRAFFIC_UNITS);
    memset(t, 0, sizeof *t);
    t->n = n;
    for (uint32_t i = 0; i < n; i++) {
        t->u[i].rate = SIM_TRAFFIC_FULL;
        t->u[i].since = now;
    }
    t->master = 1;
    t->master_since = now;
}

void sim_traffic_rate(sim_traffic *t, uint32_t unit, uint32_t rate, sim_ms now)
{
    assert(t != NULL && unit < t->n && rate <= SIM_TRAFFIC_FULL);
    sim_traffic_unit *u = &t->u[unit];
    if (u->rate == rate)
        return;
    assert(now >= u->since);
    u->lost += (now - u->since) * (SIM_TRAFFIC_FULL - u->rate);
    if (u->rate == SIM_TRAFFIC_FULL)
        u->degraded_since = now;       /* an outage opens */
    else if (rate == SIM_TRAFFIC_FULL) {
        sim_ms d = now - u->degraded_since;   /* and closes */
        u->outages++;
        if (d > u->longest)
            u->longest = d;
    }
    u->rate = rate;
    u->since = now;
}

void sim_traffic_set_master(sim_traffic *t, int present, sim_ms now)
{
    assert(t != NULL && now >= t->master_since);
    present = present != 0;
    if (t->master == present)
        return;
    if (!t->master) {
        t->cp_outage += now - t->master_since;
        t->cp_outages++;
    }
    t->master = present;
    t->master_since = now;
}

sim_ms sim_traffic_lost(const sim_traffic *t, uint32_t unit, sim_ms now)
{
    assert(t != NULL && unit < t->n);
    const sim_traffic_unit *u = &t->u[unit];
    uint64_t open = now > u->since ? (now - u->since) * (SIM_TRAFFIC_FULL - u->rate) : 0;
    return (u->lost + open) / SIM_TRAFFIC_FULL;
}

int sim_traffic_degraded(const sim_traffic *t, uint32_t unit)
{
    assert(t != NULL && unit < t->n);
    return t->u[unit].rate < SIM_TRAFFIC_FULL;
}

sim_ms sim_traffic_cp_outage(const sim_traffic *t, sim_ms now)
{
    assert(t != NULL);
    return t->cp_outage + (!t->master && now > t->master_since ? now - t->master_since : 0);
}
