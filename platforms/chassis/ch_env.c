/* ch_env.c - faults and operator actions on a simulated chassis
 * (ch_env.h): their scheduling from the fault plan and their console
 * lines.  Their conditions and effects are the generated plant's. */
#include "ch_env.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "ch_spec.h"

/* How the faults and operator actions of model/issu.fsm show on the console
 * (user@re0 is the session that started the upgrade), and how long after
 * it is due each one comes. */
static const struct {
    const char *env;                   /* the spec's name */
    const char *text;                  /* the console line */
    sim_ms delay;                      /* ms from due to happening */
} known[] = {
    { "start", "user@re0> request system software in-service-upgrade (typed again)", CH_ENV_DELAY },
    { "reboot_in_service", "user@switch> request system reboot in-service (typed again)", CH_ENV_DELAY },
    { "abort", "user@re0 (another session)> request system software abort in-service-upgrade", CH_ENV_DELAY },
    { "abort_own_session", "user@re0> request system software abort in-service-upgrade", CH_ENV_DELAY },
    { "answer_yes", "yes", CH_ANSWER_DELAY },
    { "answer_no", "no", CH_ANSWER_DELAY },
    { "pic_offline", "user@re0 (another session)> request chassis pic offline", CH_ENV_DELAY },
    { "user_gres", "user@re0 (another session)> request chassis routing-engine master switch", CH_ENV_DELAY },
    { "backup_crash", "*** fault: the backup Routing Engine (re1) crashed", CH_ENV_DELAY },
    { "gres_lost", "*** fault: kernel replication dropped on re1 (not GRES-ready)", CH_ENV_DELAY },
    { "fpc_crash", "*** fault: an FPC on the new release crashed", CH_ENV_DELAY },
    /* a routing matrix's LCC: the run prints its console prefix first (lcc2-re0: ) */
    { "lcc_backup_crash", "*** fault: the backup Routing Engine (re1) crashed", CH_ENV_DELAY },
    { "lcc_user_gres", "user (another session)> request chassis routing-engine master switch", CH_ENV_DELAY },
};

/* The row of `known` for env, or -1. */
static int known_row(int env)
{
    const char *name = ch_spec_env_name(env);
    for (int i = 0; i < (int)(sizeof known / sizeof known[0]); i++)   /* bound: the table */
        if (strcmp(known[i].env, name) == 0)
            return i;
    return -1;
}

void ch_env_text(int env, char *buf, size_t len)
{
    assert(buf != NULL && len > 0);
    int row = known_row(env);
    if (row >= 0)
        snprintf(buf, len, "%s", known[row].text);
    else if (ch_spec_env_is_fault(env))
        snprintf(buf, len, "*** fault: %s", ch_spec_env_doc(env));
    else
        snprintf(buf, len, "user@re0 (another session)> %s", ch_spec_env_doc(env));
}

/* The instance env's event goes to: the only one of its machine, or one of
 * an array's picked by the PRNG (`to M[any]`); 0 for a silent one, -1 if
 * its machine runs no instance (ch_env_due never lets that one happen). */
static int target(ch_chassis *ch, int env)
{
    int machine = ch_spec_env_machine(env);
    int32_t n = machine >= 0 ? ch_instances(ch, machine) : 0;
    if (machine < 0)
        return 0;
    if (n == 0)
        return -1;
    int32_t self = n == 1 ? 0 : (int32_t)sim_rng_range(&ch->rng, 0, (uint64_t)n - 1u);
    return ch_instance(ch, machine, self);
}

void ch_env_apply(ch_chassis *ch, int env)
{
    assert(ch != NULL && env >= 0 && env < ISSU_NENVS);
    int inst = target(ch, env);
    int32_t self = inst >= 0 && inst < ch->ctrl.n ? ch->ctrl.self[inst] : 0;
    (void)issu_plant_env_apply(&ch->plant, env, self, &ch->hooks);
    ch_sync(ch);
    if (ch->env != NULL)
        ch->env(ch->cb_ctx, env, inst);
}

/* env's event goes to a machine this profile runs no instance of. */
static int nobody(const ch_chassis *ch, int env)
{
    int machine = ch_spec_env_machine(env);
    return machine >= 0 && ch_instances(ch, machine) == 0;
}

int ch_env_due(const ch_chassis *ch, uint32_t i)
{
    assert(ch != NULL && i < ch->faults.n);
    const sim_fault *f = &ch->faults.f[i];
    int env = ch_spec_env(f->name);
    if (f->fired || f->outcome[0] != '\0' || env < 0 || nobody(ch, env))
        return 0;
    if (!ch_spec_env_is_fault(env) && f->point != SIM_POINT_NONE)
        return ch_running(ch);         /* typed at its point; refused where the spec does not allow it */
    return issu_plant_env_allowed(&ch->plant, env, &ch->hooks) == 1;
}

void ch_env_step(ch_chassis *ch)
{
    assert(ch != NULL);
    sim_fault_observe(&ch->faults, ch->state, ch->issued_total, ch->sched.now);
    for (int i = sim_fault_next_armed(&ch->faults, 0); i >= 0;
         i = sim_fault_next_armed(&ch->faults, (uint32_t)i + 1u)) {   /* bound: SIM_FAULT_MAX */
        if (ch->env_sched[i] != 0 || !ch_env_due(ch, (uint32_t)i))
            continue;
        int row = known_row(ch_spec_env(ch->faults.f[i].name));
        sim_ms delay = row >= 0 ? known[row].delay : CH_ENV_DELAY;
        ch->env_sched[i] = sim_sched_add(&ch->sched, delay, CH_SCHED_ENV, (uint32_t)i);
        if (ch->env_sched[i] == 0)
            ch->sched_overflow++;
    }
}

void ch_env_fire(ch_chassis *ch, const sim_entry *e)
{
    assert(ch != NULL && e != NULL && e->arg < ch->faults.n);
    uint32_t i = e->arg;
    ch->env_sched[i] = 0;
    if (!ch_env_due(ch, i))
        return;                        /* not now: ch_env_step tries again */
    int env = ch_spec_env(ch->faults.f[i].name);
    sim_fault_fire(&ch->faults, i, ch->sched.now);
    ch_detailf(ch, "%s: %s", ch_spec_env_is_fault(env) ? "fault" : "operator", ch->faults.f[i].text);
    ch_env_apply(ch, env);
}

/* Every fault, operator action and "command.outcome" of the spec. */
static const char *env_list[ISSU_DIM(ISSU_NENVS)];
static const char *outcome_list[ISSU_DIM(ISSU_NEVENTS)];

void ch_env_catalog(sim_catalog *cat, const char *const *states, size_t n_states)
{
    assert(cat != NULL);
    size_t n = 0;
    for (int ev = 0; ev < ISSU_NEVENTS; ev++)   /* bound: ISSU_NEVENTS */
        if (issu_plant_outcome_cmd(ev) >= 0)
            outcome_list[n++] = ch_spec_event_name(ev);
    for (int v = 0; v < ISSU_NENVS; v++)        /* bound: ISSU_NENVS */
        env_list[v] = ch_spec_env_name(v);
    cat->env = env_list;
    cat->n_env = (size_t)ISSU_NENVS;
    cat->outcomes = outcome_list;
    cat->n_outcomes = n;
    cat->states = states;
    cat->n_states = n_states;
}
