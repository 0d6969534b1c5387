/* ch_cmd.c - the HAL commands on a simulated chassis (ch_cmd.h).  Nothing
 * here names a command's effect or condition: those are the generated
 * plant's; what is here is when an operation ends and which of the outcomes
 * the plant allows it reports. */
#include "ch_cmd.h"

#include <assert.h>
#include <string.h>

#include "ch_spec.h"

#define MIN_ 60000ull                  /* ms per minute */

/* ---- durations ---------------------------------------------------------- */

/* The backup RE is not rebooting: a resync only, no boot. */
static int backup_up(const ch_chassis *ch)
{
    return ch->id.re_role >= 0 && ch_get(ch, ch->id.re_role, 1) != ch->id.rebooting;
}

/* The operator chose `reboot`: the old master reboots too. */
static int rebooting(const ch_chassis *ch)
{
    return ch_config_has(&ch->cfg, ch->id.reboot);
}

/* FRUs were offlined: they cold-boot at the finish. */
static int frus_offline(const ch_chassis *ch)
{
    return ch_count_frus(ch, ch->id.offline) > 0;
}

/* The duration rules every family shares (DOMAIN 7): a range that replaces
 * the shared table's duration or is added to any duration when the chassis
 * is so.  A family that gives its own figure for a command gave it for its
 * own situation, which a replacing rule must not undo (the ISSR family's
 * resync follows a spawn every time). */
static const struct {
    const char *cmd;                   /* the spec's command */
    int (*when)(const ch_chassis *ch); /* the chassis is so */
    int replace;                       /* 1: replaces the duration, 0: adds to it */
    sim_ms lo, hi;                     /* the range, ms */
} rules[] = {
    { "backup_resync", backup_up, 1, 1 * MIN_, 4 * MIN_ },        /* resync only, no boot */
    { "old_master_upgrade", rebooting, 0, 4 * MIN_, 8 * MIN_ },   /* and its reboot */
    { "issu_finish", frus_offline, 0, 2 * MIN_, 4 * MIN_ },       /* cold boot of the offlined FRUs */
};

sim_ms ch_cmd_duration(ch_chassis *ch, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    const char *name = ch_spec_cmd_name(cmd);
    const ch_timing *t = ch_timing_for(ch->family->timings, ch->family->ntimings, name);
    int own = t != ch_timing_for(NULL, 0, name);   /* the family's figure */
    if (t->hi == 0)
        return 0;
    sim_ms d = sim_rng_range(&ch->rng, t->lo, t->hi);
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {   /* bound: the rules */
        if (strcmp(rules[i].cmd, name) != 0 || (own && rules[i].replace) || !rules[i].when(ch))
            continue;
        sim_ms r = sim_rng_range(&ch->rng, rules[i].lo, rules[i].hi);
        d = rules[i].replace ? r : d + r;
    }
    return d;
}

/* ---- outcomes ------------------------------------------------------------------ */

/* The `when` of outcome ev holds now. */
static int allowed(const ch_chassis *ch, int ev)
{
    return issu_plant_outcome_allowed(&ch->plant, ev, ch->ctrl.machine, ch->ctrl.self, &ch->hooks) == 1;
}

/* The first outcome of cmd, in declaration order,
 * with (has_when 1) or without a `when`, that is not the timeout and holds. */
static int first_outcome(const ch_chassis *ch, int cmd, int has_when)
{
    for (int ev = 0; ev < ISSU_NEVENTS; ev++)   /* bound: ISSU_NEVENTS */
        if (issu_plant_outcome_cmd(ev) == cmd && issu_plant_outcome_has_when(ev) == has_when
            && !issu_plant_outcome_is_timeout(ev) && allowed(ch, ev))
            return ev;
    return -1;
}

int ch_cmd_natural(const ch_chassis *ch, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    int ok = ch_spec_outcome(cmd, "ok");
    if (ok >= 0 && allowed(ch, ok))
        return ok;
    int ev = first_outcome(ch, cmd, 1);
    return ev >= 0 ? ev : first_outcome(ch, cmd, 0);
}

/* An injected outcome for this completion, if one is due and allowed; an
 * entry the plant forbids now stays armed. */
static int injected(ch_chassis *ch, int cmd)
{
    const ch_pending *pd = &ch->pend[cmd];
    int i = sim_fault_match_outcome(&ch->faults, ch_spec_cmd_name(cmd), pd->nth, pd->issued_at, ch->state);
    if (i < 0)
        return -1;
    int ev = ch_spec_outcome(cmd, ch->faults.f[i].outcome);
    if (ev < 0 || !allowed(ch, ev))
        return -1;
    sim_fault_fire(&ch->faults, (uint32_t)i, ch->sched.now);
    ch_detailf(ch, "fault injected: %s", ch->faults.f[i].text);
    return ev;
}

/* ---- the operation -------------------------------------------------------------- */

/* Stop the simulated operation: drop its scheduled entries. */
static void stop(ch_chassis *ch, int cmd)
{
    ch_pending *pd = &ch->pend[cmd];
    (void)sim_sched_cancel(&ch->sched, pd->done_id);
    (void)sim_sched_cancel(&ch->sched, pd->dark_id);
    pd->done_id = pd->dark_id = 0;
    pd->active = 0;
}

/* Schedule the end of a started operation, and the dark window of the
 * element it warm-boots 0.5-10 s before that end. */
static void schedule(ch_chassis *ch, int cmd, sim_ms d)
{
    ch_pending *pd = &ch->pend[cmd];
    pd->done_id = sim_sched_add(&ch->sched, d, CH_SCHED_DONE, (uint32_t)cmd);
    if (pd->pool >= 0) {
        sim_ms dark = sim_rng_range(&ch->rng, CH_DARK_LO, CH_DARK_HI);
        dark = dark < d ? dark : d;
        pd->dark_id = sim_sched_add(&ch->sched, d - dark, CH_SCHED_DARK, (uint32_t)cmd);
        ch_detailf(ch, "%s%d: warm boot, dark window %llu.%03llu s", ch_spec_var_name(ch->pools[pd->pool].var),
                   (int)pd->elem, (unsigned long long)(dark / 1000u), (unsigned long long)(dark % 1000u));
    }
    if (pd->done_id == 0 || (pd->pool >= 0 && pd->dark_id == 0))
        ch->sched_overflow++;          /* reported; the runtime's timer ends it */
}

/* What the hardware prints on the console when cmd starts (the family's
 * notes, filled with the running image). */
static void note(ch_chassis *ch, int cmd)
{
    char line[CH_DETAIL_MAX];
    if (ch->console != NULL
        && ch_family_note(ch->family, ch_spec_cmd_name(cmd), ch->cfg.running.text, line, sizeof line) == 0)
        ch->console(ch->cb_ctx, ch->sched.now, line);
}

int ch_cmd_issue(ch_chassis *ch, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    ch_pending *pd = &ch->pend[cmd];
    if (pd->active)
        return -1;                     /* the spec never issues a pending command */
    ch->issued_total++;
    pd->nth = ++ch->issued[cmd];
    pd->issued_at = ch->sched.now;
    pd->pool = pd->elem = -1;
    ch->issuing = cmd;
    int rc = issu_plant_issue(&ch->plant, cmd, ch->ctrl.machine, ch->ctrl.self, &ch->hooks);
    ch->issuing = -1;
    if (rc != 0)
        return -1;
    pd->active = 1;
    note(ch, cmd);
    sim_ms d = ch_cmd_duration(ch, cmd);
    if (d > 0)
        schedule(ch, cmd, d);          /* else a timer: the runtime's timeout ends it */
    ch_sync(ch);
    return 0;
}

void ch_cmd_cancel(ch_chassis *ch, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    stop(ch, cmd);
    ch_sync(ch);
}

void ch_cmd_expired(ch_chassis *ch, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    if (!ch->pend[cmd].active)
        return;
    int ev = ch_spec_cmd_timeout_event(cmd);
    if (ev >= 0)
        (void)issu_plant_outcome(&ch->plant, ev, ch->ctrl.machine, ch->ctrl.self, &ch->hooks);
    ch_detailf(ch, "%s: timed out", ch_spec_cmd_name(cmd));
    stop(ch, cmd);
    ch_sync(ch);
}

/* The operation ends: pick the outcome, apply it, report it. */
static void complete(ch_chassis *ch, int cmd)
{
    ch->pend[cmd].done_id = 0;
    if (!ch->pend[cmd].active)
        return;
    int ev = injected(ch, cmd);
    if (ev < 0)
        ev = ch_cmd_natural(ch, cmd);
    if (ev < 0 || issu_plant_outcome_is_timeout(ev)
        || issu_plant_outcome(&ch->plant, ev, ch->ctrl.machine, ch->ctrl.self, &ch->hooks) != 0) {
        ch_detailf(ch, "%s: no answer, the controller's timer will expire it", ch_spec_cmd_name(cmd));
        return;                        /* stays pending: expired() ends it */
    }
    stop(ch, cmd);
    ch_sync(ch);
    ch_detailf(ch, "%s: %s", ch_spec_cmd_name(cmd), ch_spec_outcome_name(ev));
    if (ch->post != NULL)
        ch->post(ch->cb_ctx, ev);
}

void ch_cmd_fire(ch_chassis *ch, const sim_entry *e)
{
    assert(ch != NULL && e != NULL && e->arg < (uint32_t)ISSU_NCMDS);
    int cmd = (int)e->arg;
    ch_pending *pd = &ch->pend[cmd];
    if (e->kind == CH_SCHED_DONE) {
        complete(ch, cmd);
        return;
    }
    pd->dark_id = 0;
    if (pd->active && pd->pool >= 0 && ch_get(ch, ch->pools[pd->pool].var, pd->elem) == ch->id.warm_booting) {
        ch->dark[ch->pools[pd->pool].unit + (uint32_t)pd->elem] = 1;   /* the PFE stops forwarding */
        ch_sync(ch);
    }
}
