/* sim_sched.c - virtual clock and fixed-capacity scheduler (sim_sched.h).
 * A linear scan over SIM_SCHED_CAP slots: the table is small, and a scan
 * keeps the order rule (due time, then insertion) obvious. */
#include "sim_sched.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

void sim_sched_init(sim_sched *s)
{
    assert(s != NULL);
    memset(s, 0, sizeof *s);
    s->next_id = 1;
}

uint32_t sim_sched_add(sim_sched *s, sim_ms delay, uint32_t kind, uint32_t arg)
{
    assert(s != NULL && s->count <= SIM_SCHED_CAP);
    if (s->count == SIM_SCHED_CAP)
        return 0;
    for (uint32_t i = 0; i < SIM_SCHED_CAP; i++) {
        sim_entry *e = &s->e[i];
        if (e->id != 0)
            continue;
        e->due = delay > SIM_MS_NEVER - 1 - s->now ? SIM_MS_NEVER - 1 : s->now + delay;
        e->id = s->next_id++;
        if (s->next_id == 0)           /* wrapped: 0 means "free" */
            s->next_id = 1;
        e->kind = kind;
        e->arg = arg;
        s->count++;
        return e->id;
    }
    assert(0 && "count and table disagree");
    return 0;
}

int sim_sched_cancel(sim_sched *s, uint32_t id)
{
    assert(s != NULL);
    if (id == 0)
        return 0;
    for (uint32_t i = 0; i < SIM_SCHED_CAP; i++) {
        if (s->e[i].id == id) {
            s->e[i].id = 0;
            s->count--;
            return 1;
        }
    }
    return 0;
}

/* Index of the earliest entry (due, then id order), or SIM_SCHED_CAP. */
static uint32_t earliest(const sim_sched *s)
{
    uint32_t best = SIM_SCHED_CAP;
    for (uint32_t i = 0; i < SIM_SCHED_CAP; i++) {
        const sim_entry *e = &s->e[i];
        if (e->id == 0)
            continue;
        if (best == SIM_SCHED_CAP || e->due < s->e[best].due
            || (e->due == s->e[best].due && e->id < s->e[best].id))
            best = i;
    }
    return best;
}

sim_ms sim_sched_next_due(const sim_sched *s)
{
    assert(s != NULL);
    uint32_t i = earliest(s);
    return i == SIM_SCHED_CAP ? SIM_MS_NEVER : s->e[i].due;
}

int sim_sched_pop(sim_sched *s, sim_ms limit, sim_entry *out)
{
    assert(s != NULL && out != NULL);
    uint32_t i = earliest(s);
    if (i == SIM_SCHED_CAP || s->e[i].due > limit)
        return 0;
    *out = s->e[i];
    s->e[i].id = 0;
    s->count--;
    sim_sched_advance(s, out->due);
    return 1;
}

void sim_sched_advance(sim_sched *s, sim_ms t)
{
    assert(s != NULL);
    if (t > s->now)
        s->now = t;
}
