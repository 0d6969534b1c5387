/* mx_env.c - the spec's faults and operator actions on the simulated MX:
 * their conditions (the `when` of each declaration), their effects, and
 * their scheduling from the fault plan (mx_plant.h, sim_fault.h).
 *
 * The spec bounds some actions to one representative phase or budget only
 * to keep the model small (D16, D21, D22: refusal_budget, the phase-7 start
 * and pic_offline).  The simulator lets them happen wherever the user puts
 * them while an upgrade runs, because the controller refuses them in every
 * state (the machine-wide `reject`, verified by the checker); the budgets are
 * still written as the spec's effects say, and the single-failure budget
 * (crash_budget, D21) is enforced, because the proofs rely on it. */
#include "mx_plant.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define MX_ENV_DELAY 1000u             /* ms from a fault's point to the fault */
#define MX_ANSWER_DELAY 3000u          /* ms an operator takes to type yes/no */

static int running(const mx_plant *p)
{
    return p->state != NULL && strcmp(p->state, "IDLE") != 0;
}

int mx_env_allowed(const mx_plant *p, mx_env ev)
{
    assert(p != NULL && ev < MX_ENV_N);
    int prompt = p->state != NULL && strcmp(p->state, "CONFIRM_UNSUPPORTED") == 0;
    switch (ev) {
    case MX_ENV_abort:
        return 1;                      /* refused when no upgrade runs (D15) */
    case MX_ENV_answer_yes:
    case MX_ENV_answer_no:
        return prompt;
    case MX_ENV_backup_crash:
        return p->crash_budget && running(p)
            && (p->re_role[1] == MX_BACKUP || p->re_role[1] == MX_REBOOTING);
    case MX_ENV_gres_lost:
        return p->gres_ready && running(p);
    case MX_ENV_fpc_crash:
        return p->crash_budget && mx_count(p, MX_ONLINE_NEW) > 0 && running(p);
    default:                           /* start, abort_own_session, pic_offline, user_gres */
        return running(p);
    }
}

void mx_env_apply(mx_plant *p, mx_env ev)
{
    assert(p != NULL && ev < MX_ENV_N);
    int32_t slot;
    switch (ev) {
    case MX_ENV_start:
        if (p->start_typed)
            p->refusal_budget = 0;
        p->start_typed = 1;
        break;
    case MX_ENV_abort:
        p->abort_requested = 1;
        break;
    case MX_ENV_abort_own_session:
    case MX_ENV_pic_offline:
    case MX_ENV_user_gres:
        p->refusal_budget = 0;
        break;
    case MX_ENV_backup_crash:
        p->crash_budget = 0;
        p->re_role[1] = MX_DOWN; p->gres_ready = 0; p->nsr_synced = 0;
        p->fatal = 1;
        break;
    case MX_ENV_gres_lost:
        p->gres_ready = 0;             /* silent: the binding posts no event */
        if (p->switchover_checked)     /* D10: not waited out after the check */
            p->fatal = 1;
        break;
    case MX_ENV_fpc_crash:
        p->crash_budget = 0;
        p->trouble = 1;
        slot = mx_lowest(p, MX_ONLINE_NEW);
        if (slot >= 0)
            mx_set_fpc(p, (uint32_t)slot, MX_FAILED);
        break;
    default:
        break;
    }
    if (p->env != NULL)
        p->env(p->cb_ctx, ev);
}

static int env_of(const char *name)
{
    for (int i = 0; i < (int)MX_ENV_N; i++)
        if (strcmp(mx_env_names[i], name) == 0)
            return i;
    return -1;
}

void mx_env_step(mx_plant *p)
{
    assert(p != NULL);
    sim_fault_observe(&p->faults, p->state, p->issued_total, p->sched.now);
    for (int i = sim_fault_next_armed(&p->faults, 0); i >= 0;
         i = sim_fault_next_armed(&p->faults, (uint32_t)i + 1u)) {
        int ev = env_of(p->faults.f[i].name);
        if (ev < 0 || p->env_sched[i] != 0 || !mx_env_allowed(p, (mx_env)ev))
            continue;
        sim_ms delay = ev == MX_ENV_answer_yes || ev == MX_ENV_answer_no
            ? MX_ANSWER_DELAY : MX_ENV_DELAY;
        p->env_sched[i] = sim_sched_add(&p->sched, delay, MX_SCHED_ENV, (uint32_t)i);
        if (p->env_sched[i] == 0)
            p->sched_overflow++;
    }
}

void mx_env_fire(mx_plant *p, const sim_entry *e)
{
    assert(p != NULL && e != NULL && e->arg < p->faults.n);
    uint32_t i = e->arg;
    p->env_sched[i] = 0;
    int ev = env_of(p->faults.f[i].name);
    if (p->faults.f[i].fired || ev < 0 || !mx_env_allowed(p, (mx_env)ev))
        return;                        /* not now: mx_env_step tries again */
    sim_fault_fire(&p->faults, i, p->sched.now);
    mx_detailf(p, "%s: %s", ev <= MX_ENV_user_gres ? "operator" : "fault", p->faults.f[i].text);
    mx_env_apply(p, (mx_env)ev);
}

/* "command.outcome" for every declared outcome, built once. */
static char outcome_text[MX_CMD_N * MX_OUT_N][2 * SIM_NAME_MAX];
static const char *outcome_ptr[MX_CMD_N * MX_OUT_N];

void mx_env_catalog(sim_catalog *cat, const char *const *states, size_t n_states)
{
    assert(cat != NULL);
    size_t n = 0;
    for (uint32_t c = 0; c < MX_CMD_N; c++) {
        for (uint32_t o = 0; o < MX_OUT_N; o++) {
            if (!mx_cmd_declares((mx_cmd)c, (mx_outcome)o))
                continue;
            snprintf(outcome_text[n], sizeof outcome_text[n], "%s.%s",
                     mx_cmd_names[c], mx_outcome_names[o]);
            outcome_ptr[n] = outcome_text[n];
            n++;
        }
    }
    cat->env = mx_env_names;
    cat->n_env = MX_ENV_N;
    cat->outcomes = outcome_ptr;
    cat->n_outcomes = n;
    cat->states = states;
    cat->n_states = n_states;
}
