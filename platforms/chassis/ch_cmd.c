/* ch_cmd.c - the HAL commands on a simulated chassis (ch_cmd.h).  Nothing
 * here names a command's effect or condition: those are the generated
 * plant's; what is here is when an operation ends and which of the outcomes
 * the plant allows it reports. */
#include "ch_cmd.h"

#include <assert.h>
#include <stdio.h>
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
    { "lcc_old_master_upgrade", rebooting, 0, 4 * MIN_, 8 * MIN_ },   /* an LCC's the same (D44) */
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

/* The `when` of outcome ev of instance inst's command holds now. */
static int allowed(const ch_chassis *ch, int inst, int ev)
{
    return issu_plant_outcome_allowed(&ch->plant, ev, ch->ctrl.machine[inst], ch->ctrl.self[inst], &ch->hooks) == 1;
}

/* The first outcome of inst's cmd, in declaration order,
 * with (has_when 1) or without a `when`, that is not the timeout and holds. */
static int first_outcome(const ch_chassis *ch, int inst, int cmd, int has_when)
{
    for (int ev = 0; ev < ISSU_NEVENTS; ev++)   /* bound: ISSU_NEVENTS */
        if (issu_plant_outcome_cmd(ev) == cmd && issu_plant_outcome_has_when(ev) == has_when
            && !issu_plant_outcome_is_timeout(ev) && allowed(ch, inst, ev))
            return ev;
    return -1;
}

int ch_cmd_natural(const ch_chassis *ch, int inst, int cmd)
{
    assert(ch != NULL && inst >= 0 && inst < ch->ctrl.n && cmd >= 0 && cmd < ISSU_NCMDS);
    int ok = ch_spec_outcome(cmd, "ok");
    if (ok >= 0 && allowed(ch, inst, ok))
        return ok;
    int ev = first_outcome(ch, inst, cmd, 1);
    return ev >= 0 ? ev : first_outcome(ch, inst, cmd, 0);
}

/* An injected outcome for this completion, if one is due and allowed; an
 * entry the plant forbids now stays armed. */
static int injected(ch_chassis *ch, int inst, int cmd)
{
    const ch_pending *pd = &ch->pend[inst][cmd];
    int i = sim_fault_match_outcome(&ch->faults, ch_spec_cmd_name(cmd), pd->nth, pd->issued_at, ch->state);
    if (i < 0)
        return -1;
    int ev = ch_spec_outcome(cmd, ch->faults.f[i].outcome);
    if (ev < 0 || !allowed(ch, inst, ev))
        return -1;
    sim_fault_fire(&ch->faults, (uint32_t)i, ch->sched.now);
    ch_detailf(ch, "fault injected: %s", ch->faults.f[i].text);
    return ev;
}

/* ---- the operation -------------------------------------------------------------- */

/* The scheduler's argument of instance inst's command cmd, and back. */
static uint32_t entry_arg(int inst, int cmd) { return (uint32_t)(inst * ISSU_NCMDS + cmd); }
static int entry_inst(uint32_t arg) { return (int)(arg / (uint32_t)ISSU_NCMDS); }
static int entry_cmd(uint32_t arg) { return (int)(arg % (uint32_t)ISSU_NCMDS); }

/* Stop the simulated operation: drop its scheduled entries. */
static void stop(ch_chassis *ch, int inst, int cmd)
{
    ch_pending *pd = &ch->pend[inst][cmd];
    (void)sim_sched_cancel(&ch->sched, pd->done_id);
    (void)sim_sched_cancel(&ch->sched, pd->dark_id);
    pd->done_id = pd->dark_id = 0;
    pd->active = 0;
}

/* The name of forwarding unit u in detail lines: "fpc3" (a pool's
 * element), "lcc2 fpc3" (a member chassis' FRU). */
static void unit_name(const ch_chassis *ch, uint32_t u, char *buf, size_t len)
{
    const ch_members *ms = &ch->members;
    for (uint32_t k = 0; k < ch->npools; k++) {   /* bound: CH_POOLS_MAX */
        const ch_pool *pl = &ch->pools[k];
        if (u >= pl->unit && u < pl->unit + (uint32_t)pl->size) {
            snprintf(buf, len, "%s%d", ch_spec_var_name(pl->var), (int)(u - pl->unit));
            return;
        }
    }
    uint32_t k = u - ms->unit, n = (uint32_t)ms->nfru;
    snprintf(buf, len, "%s%u fpc%u", ms->d->name, k / n, k % n);
}

/* Schedule the end of a started operation, and the dark window of the
 * unit it warm-boots 0.5-10 s before that end. */
static void schedule(ch_chassis *ch, int inst, int cmd, sim_ms d)
{
    ch_pending *pd = &ch->pend[inst][cmd];
    pd->done_id = sim_sched_add(&ch->sched, d, CH_SCHED_DONE, entry_arg(inst, cmd));
    if (pd->unit >= 0) {
        char name[48];
        sim_ms dark = sim_rng_range(&ch->rng, CH_DARK_LO, CH_DARK_HI);
        dark = dark < d ? dark : d;
        pd->dark_id = sim_sched_add(&ch->sched, d - dark, CH_SCHED_DARK, entry_arg(inst, cmd));
        unit_name(ch, (uint32_t)pd->unit, name, sizeof name);
        ch_detailf(ch, "%s: warm boot, dark window %llu.%03llu s", name,
                   (unsigned long long)(dark / 1000u), (unsigned long long)(dark % 1000u));
    }
    if (pd->done_id == 0 || (pd->unit >= 0 && pd->dark_id == 0))
        ch->sched_overflow++;          /* reported; the runtime's timer ends it */
}

/* What the hardware prints on the console when cmd starts (the family's
 * notes, filled with the running image). */
static void note(ch_chassis *ch, int inst, int cmd)
{
    char line[CH_DETAIL_MAX];
    if (ch->console != NULL
        && ch_family_note(ch->family, ch_spec_cmd_name(cmd), ch->cfg.running.text, line, sizeof line) == 0)
        ch->console(ch->cb_ctx, inst, ch->sched.now, line);
}

/* Issues of cmd so far, every instance's: the fault plan's Nth issue. */
static uint32_t issues_of(const ch_chassis *ch, int cmd)
{
    uint32_t n = 0;
    for (int i = 0; i < ch->ctrl.n; i++)       /* bound: CH_INSTANCES */
        n += ch->issued[i][cmd];
    return n;
}

int ch_cmd_issue(ch_chassis *ch, int inst, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    if (inst < 0 || inst >= ch->ctrl.n)
        return -1;
    ch_pending *pd = &ch->pend[inst][cmd];
    if (pd->active)
        return -1;                     /* the spec never issues a pending command */
    ch->issued_total++;
    pd->nth = issues_of(ch, cmd) + 1u;
    ch->issued[inst][cmd]++;
    pd->issued_at = ch->sched.now;
    ch->entered = -1;
    int rc = issu_plant_issue(&ch->plant, cmd, ch->ctrl.machine[inst], ch->ctrl.self[inst], &ch->hooks);
    if (rc != 0)
        return -1;
    ch_members_follow(ch);             /* a member's FRU the effect moved gets its slot */
    pd->unit = ch->entered;
    pd->active = 1;
    note(ch, inst, cmd);
    sim_ms d = ch_cmd_duration(ch, cmd);
    if (d > 0)
        schedule(ch, inst, cmd, d);    /* else a timer: the runtime's timeout ends it */
    ch_sync(ch);
    return 0;
}

void ch_cmd_cancel(ch_chassis *ch, int inst, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    if (inst < 0 || inst >= ch->ctrl.n)
        return;
    stop(ch, inst, cmd);
    ch_sync(ch);
}

void ch_cmd_expired(ch_chassis *ch, int inst, int cmd)
{
    assert(ch != NULL && cmd >= 0 && cmd < ISSU_NCMDS);
    if (inst < 0 || inst >= ch->ctrl.n || !ch->pend[inst][cmd].active)
        return;
    int ev = ch_spec_cmd_timeout_event(cmd);
    if (ev >= 0)
        (void)issu_plant_outcome(&ch->plant, ev, ch->ctrl.machine[inst], ch->ctrl.self[inst], &ch->hooks);
    ch_detailf(ch, "%s: timed out", ch_spec_cmd_name(cmd));
    stop(ch, inst, cmd);
    ch_sync(ch);
}

/* The operation ends: pick the outcome, apply it, report it. */
static void complete(ch_chassis *ch, int inst, int cmd)
{
    ch->pend[inst][cmd].done_id = 0;
    if (!ch->pend[inst][cmd].active)
        return;
    int ev = injected(ch, inst, cmd);
    if (ev < 0)
        ev = ch_cmd_natural(ch, inst, cmd);
    if (ev < 0 || issu_plant_outcome_is_timeout(ev)
        || issu_plant_outcome(&ch->plant, ev, ch->ctrl.machine[inst], ch->ctrl.self[inst], &ch->hooks) != 0) {
        ch_detailf(ch, "%s: no answer, the controller's timer will expire it", ch_spec_cmd_name(cmd));
        return;                        /* stays pending: expired() ends it */
    }
    stop(ch, inst, cmd);
    ch_sync(ch);
    ch_detailf(ch, "%s: %s", ch_spec_cmd_name(cmd), ch_spec_outcome_name(ev));
    if (ch->post != NULL)
        ch->post(ch->cb_ctx, inst, ev);
}

void ch_cmd_fire(ch_chassis *ch, const sim_entry *e)
{
    assert(ch != NULL && e != NULL && entry_inst(e->arg) < ch->ctrl.n);
    int inst = entry_inst(e->arg), cmd = entry_cmd(e->arg);
    ch_pending *pd = &ch->pend[inst][cmd];
    if (e->kind == CH_SCHED_DONE) {
        complete(ch, inst, cmd);
        return;
    }
    pd->dark_id = 0;
    if (pd->active && pd->unit >= 0 && ch_unit_fru(ch, (uint32_t)pd->unit) == ch->id.warm_booting) {
        ch->dark[pd->unit] = 1;        /* the PFE stops forwarding */
        ch_sync(ch);
    }
}
