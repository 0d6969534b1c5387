/* mx_cmd.c - the HAL commands of model/issu.fsm carried out by the
 * simulated MX chassis: when each ends (DOMAIN section 7 timings), which
 * outcome the plant allows (each outcome's `when` in the spec), and each
 * outcome's effect on the plant (the spec's effect blocks, statement for
 * statement).  See mx_plant.h for the contract. */
#include "mx_plant.h"

#include <assert.h>
#include <string.h>

#define S_ 1000ull                     /* ms per second */
#define MIN_ (60ull * S_)              /* ms per minute */
#define MX_DARK_LO 500ull              /* dark window per PFE: 0.5-10 s (7 [O]) */
#define MX_DARK_HI (10ull * S_)

#define OUTBIT(o) (1u << MX_OUT_##o)

/* Which record for properties (S18, S20) a failed outcome (any but ok) of
 * the command sets: the spec's ghost writes in its outcome blocks. */
typedef enum mx_ghost {
    G_NONE,                            /* validation, timers, chassis abort, FPC rollback */
    G_FATAL,                           /* fatal: no retry past this failure */
    G_TROUBLE,                         /* trouble: a degraded completion may follow */
    G_SWITCHOVER,                      /* D11: the second failure is fatal */
    G_RESTORE                          /* restore_failed */
} mx_ghost;

/* Per command: the outcomes the spec declares, the nominal duration of the
 * operation (lo == hi == 0: a pure timer, only the runtime ends it), and the
 * record its failure sets. */
static const struct {
    uint32_t outcomes;                 /* bit per mx_outcome */
    sim_ms lo, hi;                     /* duration range, ms */
    mx_ghost ghost;                    /* set by every outcome but ok */
} cmd_info[MX_CMD_N] = {
    [MX_CMD_validate_image] = { OUTBIT(ok) | OUTBIT(config_conflict) | OUTBIT(bad_signature) | OUTBIT(timeout), 40 * S_, 90 * S_, G_NONE },
    [MX_CMD_prompt_timer] = { OUTBIT(timeout), 0, 0, G_NONE },
    [MX_CMD_offline_unsupported] = { OUTBIT(ok) | OUTBIT(timeout), 10 * S_, 30 * S_, G_FATAL },
    /* 7: backup install + reboot 10-20 min [I], split between the two commands */
    [MX_CMD_backup_install] = { OUTBIT(ok) | OUTBIT(fail) | OUTBIT(timeout), 8 * MIN_, 12 * MIN_, G_FATAL },
    [MX_CMD_backup_resync] = { OUTBIT(ok) | OUTBIT(timeout), 5 * MIN_, 9 * MIN_, G_FATAL },
    [MX_CMD_chassisd_handoff] = { OUTBIT(ok) | OUTBIT(timeout), 5 * S_, 15 * S_, G_FATAL },
    [MX_CMD_daemons_prepare] = { OUTBIT(ok) | OUTBIT(timeout), 20 * S_, 60 * S_, G_FATAL },
    [MX_CMD_fru_prepare] = { OUTBIT(ok) | OUTBIT(timeout), 60 * S_, 180 * S_, G_FATAL },
    /* 7: per-FPC warm boot 30-120 s [I] */
    [MX_CMD_fru_warm_boot] = { OUTBIT(ok) | OUTBIT(fail) | OUTBIT(timeout), 30 * S_, 120 * S_, G_TROUBLE },
    [MX_CMD_switchover_check] = { OUTBIT(ok) | OUTBIT(timeout), 10 * S_, 30 * S_, G_FATAL },
    /* within the 2 s GRES keepalive window (5.3 [D]) */
    [MX_CMD_re_switchover] = { OUTBIT(ok) | OUTBIT(fail) | OUTBIT(timeout), 1500, 3000, G_SWITCHOVER },
    [MX_CMD_switchover_holdoff] = { OUTBIT(timeout), 0, 0, G_NONE },
    [MX_CMD_old_master_upgrade] = { OUTBIT(ok) | OUTBIT(fail) | OUTBIT(timeout), 8 * MIN_, 12 * MIN_, G_TROUBLE },
    [MX_CMD_issu_finish] = { OUTBIT(ok) | OUTBIT(timeout), 30 * S_, 90 * S_, G_TROUBLE },
    [MX_CMD_chassis_abort] = { OUTBIT(ok) | OUTBIT(timeout), 30 * S_, 90 * S_, G_NONE },
    [MX_CMD_fru_rollback] = { OUTBIT(ok) | OUTBIT(timeout), 30 * S_, 120 * S_, G_NONE },
    [MX_CMD_rollback_backup] = { OUTBIT(ok) | OUTBIT(fail) | OUTBIT(timeout), 15 * MIN_, 25 * MIN_, G_RESTORE },
};

/* The records for properties an outcome sets (the spec's ghost writes). */
static void ghost_effect(mx_plant *p, mx_cmd cmd, mx_outcome o)
{
    if (o == MX_OUT_ok) {
        if (cmd == MX_CMD_switchover_check)
            p->switchover_checked = 1;
        return;
    }
    switch (cmd_info[cmd].ghost) {
    case G_FATAL: p->fatal = 1; break;
    case G_TROUBLE: p->trouble = 1; break;
    case G_SWITCHOVER:
        if (p->switchover_failed)
            p->fatal = 1;
        p->switchover_failed = 1;
        break;
    case G_RESTORE: p->restore_failed = 1; break;
    case G_NONE: break;
    }
}

/* How long this issue of cmd takes, from the plant's state. */
static sim_ms duration(mx_plant *p, mx_cmd cmd)
{
    sim_ms d = sim_rng_range(&p->rng, cmd_info[cmd].lo, cmd_info[cmd].hi);
    if (cmd == MX_CMD_backup_resync && p->re_role[1] != MX_REBOOTING)
        d = sim_rng_range(&p->rng, 1 * MIN_, 4 * MIN_);   /* resync only, no boot */
    if (cmd == MX_CMD_old_master_upgrade && p->cfg.opt_reboot)
        d += sim_rng_range(&p->rng, 4 * MIN_, 8 * MIN_);  /* and its reboot */
    if (cmd == MX_CMD_issu_finish && mx_count(p, MX_OFFLINE) > 0)
        d += sim_rng_range(&p->rng, 2 * MIN_, 4 * MIN_);  /* cold boot of the offlined FPCs */
    return d;
}

/* The spec's `issue {}` effect.  -1 when it cannot apply (`move one` from
 * an empty state: a model-checked assertion in the spec). */
static int issue_effect(mx_plant *p, mx_cmd cmd)
{
    mx_pending *pd = &p->pend[cmd];
    switch (cmd) {
    case MX_CMD_validate_image:
        p->validation_started = 1;
        return 0;
    case MX_CMD_fru_prepare:
        mx_move_all(p, MX_ONLINE_OLD, MX_PREPARING);
        return 0;
    case MX_CMD_fru_warm_boot:
    case MX_CMD_fru_rollback:
        pd->slot = mx_lowest(p, cmd == MX_CMD_fru_warm_boot ? MX_READY : MX_ONLINE_NEW);
        if (pd->slot < 0)
            return -1;
        mx_set_fpc(p, (uint32_t)pd->slot, MX_WARM_BOOTING);
        return 0;
    default:
        return 0;
    }
}

/* Does the `when` of outcome o of cmd hold in the plant now? */
static int outcome_allowed(const mx_plant *p, mx_cmd cmd, mx_outcome o)
{
    if ((cmd_info[cmd].outcomes & (1u << o)) == 0)
        return 0;
    int backup = p->re_role[1] == MX_BACKUP;
    switch (cmd * MX_OUT_N + o) {
    case MX_CMD_validate_image * MX_OUT_N + MX_OUT_ok:
        return p->cfg.image_signed && p->cfg.config_compatible;
    case MX_CMD_validate_image * MX_OUT_N + MX_OUT_config_conflict:
        return !p->cfg.config_compatible;
    case MX_CMD_validate_image * MX_OUT_N + MX_OUT_bad_signature:
        return !p->cfg.image_signed;
    case MX_CMD_backup_install * MX_OUT_N + MX_OUT_ok:
    case MX_CMD_fru_prepare * MX_OUT_N + MX_OUT_ok:
        return backup;
    case MX_CMD_backup_resync * MX_OUT_N + MX_OUT_ok:
        return backup || p->re_role[1] == MX_REBOOTING;
    case MX_CMD_switchover_check * MX_OUT_N + MX_OUT_ok:
        return backup && p->re_ver[1] == MX_NEW && p->gres_ready && p->nsr_synced;
    case MX_CMD_re_switchover * MX_OUT_N + MX_OUT_ok:
        return backup && p->re_ver[1] == MX_NEW && p->gres_ready;
    case MX_CMD_old_master_upgrade * MX_OUT_N + MX_OUT_ok:
        return p->re_role[0] == MX_BACKUP;
    default:
        return 1;
    }
}

/* The outcome the hardware produces by itself: a failed check comes first;
 * otherwise ok when allowed, else fail when declared, else none (pending
 * until the runtime's timer). */
static mx_outcome natural_outcome(const mx_plant *p, mx_cmd cmd)
{
    static const mx_outcome order[] = {
        MX_OUT_bad_signature, MX_OUT_config_conflict, MX_OUT_ok, MX_OUT_fail,
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (outcome_allowed(p, cmd, order[i]))
            return order[i];
    return MX_OUT_NONE;
}

/* An injected outcome for this completion, if one is due and allowed. */
static mx_outcome injected_outcome(mx_plant *p, mx_cmd cmd)
{
    const mx_pending *pd = &p->pend[cmd];
    int i = sim_fault_match_outcome(&p->faults, mx_cmd_names[cmd], pd->nth, pd->issued_at, p->state);
    if (i < 0)
        return MX_OUT_NONE;
    for (uint32_t o = 0; o < MX_OUT_N; o++) {
        if (strcmp(mx_outcome_names[o], p->faults.f[i].outcome) != 0)
            continue;
        if (!outcome_allowed(p, cmd, (mx_outcome)o))
            return MX_OUT_NONE;        /* stays armed: the plant forbids it now */
        sim_fault_fire(&p->faults, (uint32_t)i, p->sched.now);
        mx_detailf(p, "fault injected: %s", p->faults.f[i].text);
        return (mx_outcome)o;
    }
    return MX_OUT_NONE;
}

/* Stop the simulated operation: drop its scheduled entries. */
static void stop(mx_plant *p, mx_cmd cmd)
{
    mx_pending *pd = &p->pend[cmd];
    (void)sim_sched_cancel(&p->sched, pd->done_id);
    (void)sim_sched_cancel(&p->sched, pd->dark_id);
    pd->done_id = pd->dark_id = 0;
    pd->active = 0;
}

int mx_cmd_issue(mx_plant *p, mx_cmd cmd)
{
    assert(p != NULL && cmd < MX_CMD_N);
    mx_pending *pd = &p->pend[cmd];
    if (pd->active)
        return -1;                     /* the spec never issues a pending command */
    p->issued_total++;
    pd->nth = ++p->issued[cmd];
    pd->issued_at = p->sched.now;
    pd->slot = -1;
    if (issue_effect(p, cmd) != 0)
        return -1;
    pd->active = 1;
    if (cmd_info[cmd].hi == 0)
        return 0;                      /* a timer: the runtime's timeout ends it */
    sim_ms d = duration(p, cmd);
    pd->done_id = sim_sched_add(&p->sched, d, MX_SCHED_DONE, (uint32_t)cmd);
    if (pd->slot >= 0) {
        sim_ms dark = sim_rng_range(&p->rng, MX_DARK_LO, MX_DARK_HI);
        pd->dark_id = sim_sched_add(&p->sched, d - dark, MX_SCHED_DARK, (uint32_t)cmd);
        mx_detailf(p, "fpc%d: warm boot, dark window %llu.%03llu s", (int)pd->slot,
                   (unsigned long long)(dark / 1000u), (unsigned long long)(dark % 1000u));
    }
    if (pd->done_id == 0 || (pd->slot >= 0 && pd->dark_id == 0)) {
        p->sched_overflow++;           /* reported; the runtime's timer ends it */
        return 0;
    }
    return 0;
}

void mx_cmd_cancel(mx_plant *p, mx_cmd cmd)
{
    assert(p != NULL && cmd < MX_CMD_N);
    stop(p, cmd);
}

/* Effects of the outcomes of the RE commands (the spec's outcome blocks). */
static void re_effect(mx_plant *p, mx_cmd cmd, mx_outcome o)
{
    switch (cmd * MX_OUT_N + o) {
    case MX_CMD_backup_install * MX_OUT_N + MX_OUT_ok:
        p->re_inst[1] = MX_NEW; p->re_ver[1] = MX_NEW; p->re_role[1] = MX_REBOOTING;
        p->gres_ready = 0; p->nsr_synced = 0;
        break;
    case MX_CMD_backup_install * MX_OUT_N + MX_OUT_fail:
        /* re_inst[1] = {OLD, NEW}: failed before or after staging */
        p->re_inst[1] = sim_rng_range(&p->rng, 0, 1) ? MX_NEW : MX_OLD;
        break;
    case MX_CMD_backup_resync * MX_OUT_N + MX_OUT_ok:
        p->re_role[1] = MX_BACKUP; p->gres_ready = 1; p->nsr_synced = 1;
        break;
    case MX_CMD_re_switchover * MX_OUT_N + MX_OUT_ok:
        p->re_role[0] = MX_BACKUP; p->re_role[1] = MX_MASTER;   /* one atomic step */
        p->switchovers = p->switchovers == 0 ? 1 : 2;
        break;
    case MX_CMD_old_master_upgrade * MX_OUT_N + MX_OUT_ok:
        p->re_inst[0] = MX_NEW;
        if (p->cfg.opt_reboot)
            p->re_ver[0] = MX_NEW;
        break;
    case MX_CMD_old_master_upgrade * MX_OUT_N + MX_OUT_fail:
        p->re_role[0] = sim_rng_range(&p->rng, 0, 1) ? MX_DOWN : MX_BACKUP;
        break;
    case MX_CMD_rollback_backup * MX_OUT_N + MX_OUT_ok:
        p->re_role[1] = MX_BACKUP; p->re_ver[1] = MX_OLD; p->re_inst[1] = MX_OLD;
        p->gres_ready = 1; p->nsr_synced = 1;
        break;
    case MX_CMD_rollback_backup * MX_OUT_N + MX_OUT_fail:
        p->re_role[1] = MX_DOWN; p->gres_ready = 0; p->nsr_synced = 0;
        break;
    default:
        break;
    }
    mx_sync_master(p);
}

/* Effects of the outcomes of the chassis and FPC commands. */
static void fpc_effect(mx_plant *p, mx_cmd cmd, mx_outcome o)
{
    ghost_effect(p, cmd, o);
    int32_t slot = p->pend[cmd].slot;
    int ok = o == MX_OUT_ok;
    switch (cmd) {
    case MX_CMD_offline_unsupported:
        if (ok)
            mx_move_all(p, MX_UNSUPPORTED, MX_OFFLINE);
        break;
    case MX_CMD_daemons_prepare:
        p->daemons_ready = ok ? 1 : p->daemons_ready;
        break;
    case MX_CMD_fru_prepare:
        if (ok)
            mx_move_all(p, MX_PREPARING, MX_READY);
        break;
    case MX_CMD_fru_warm_boot:
    case MX_CMD_fru_rollback:
        if (slot >= 0 && p->fpc[slot] == MX_WARM_BOOTING)
            mx_set_fpc(p, (uint32_t)slot, !ok ? MX_FAILED
                       : cmd == MX_CMD_fru_warm_boot ? MX_ONLINE_NEW : MX_ONLINE_OLD);
        break;
    case MX_CMD_issu_finish:
        mx_move_all(p, MX_OFFLINE, ok ? MX_ONLINE_NEW : MX_FAILED);
        break;
    case MX_CMD_chassis_abort:
        mx_move_all(p, MX_PREPARING, ok ? MX_ONLINE_OLD : MX_FAILED);
        mx_move_all(p, MX_READY, ok ? MX_ONLINE_OLD : MX_FAILED);
        mx_move_all(p, MX_OFFLINE, ok ? MX_UNSUPPORTED : MX_FAILED);
        p->daemons_ready = 0;
        break;
    default:
        re_effect(p, cmd, o);
        break;
    }
}

void mx_cmd_expired(mx_plant *p, mx_cmd cmd)
{
    assert(p != NULL && cmd < MX_CMD_N);
    if (!p->pend[cmd].active)
        return;
    fpc_effect(p, cmd, MX_OUT_timeout);
    mx_detailf(p, "%s: timed out", mx_cmd_names[cmd]);
    stop(p, cmd);
}

/* The operation ends: pick the outcome, apply it, report it. */
static void complete(mx_plant *p, mx_cmd cmd)
{
    mx_pending *pd = &p->pend[cmd];
    pd->done_id = 0;
    if (!pd->active)
        return;
    mx_outcome o = injected_outcome(p, cmd);
    if (o == MX_OUT_NONE)
        o = natural_outcome(p, cmd);
    if (o == MX_OUT_NONE || o == MX_OUT_timeout) {
        mx_detailf(p, "%s: no answer, the controller's timer will expire it", mx_cmd_names[cmd]);
        return;                        /* stays pending: expired() ends it */
    }
    fpc_effect(p, cmd, o);
    stop(p, cmd);
    mx_detailf(p, "%s: %s", mx_cmd_names[cmd], mx_outcome_names[o]);
    if (p->post != NULL)
        p->post(p->cb_ctx, cmd, o);
}

void mx_cmd_fire(mx_plant *p, const sim_entry *e)
{
    assert(p != NULL && e != NULL && e->arg < MX_CMD_N);
    mx_cmd cmd = (mx_cmd)e->arg;
    mx_pending *pd = &p->pend[cmd];
    if (e->kind == MX_SCHED_DONE) {
        complete(p, cmd);
        return;
    }
    pd->dark_id = 0;
    if (pd->active && pd->slot >= 0 && p->fpc[pd->slot] == MX_WARM_BOOTING) {
        p->dark[pd->slot] = 1;         /* the PFE stops forwarding */
        sim_traffic_set(&p->traffic, (uint32_t)pd->slot, 0, p->sched.now);
    }
}

int mx_cmd_declares(mx_cmd cmd, mx_outcome o)
{
    assert(cmd < MX_CMD_N);
    return o < MX_OUT_N && (cmd_info[cmd].outcomes & (1u << o)) != 0;
}
