/* ch_run.c - the HAL of a simulated chassis and the run loop (ch_run.h).
 * The only file of platforms/chassis that includes the runtime's headers. */
#include "ch_run.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "ch_cmd.h"
#include "ch_env.h"
#include "ch_spec.h"
#include "sim_err.h"

/* ---- the HAL table -------------------------------------------------------
 * Each function is the contract of its issu_hal member (issu_hal.h) on the
 * chassis: commands go to ch_cmd for the instance that issues them,
 * observations to the generated plant (an instance's own elements are
 * indexed by `self` in the generated C, so every instance reads the one
 * plant). */

static int hal_issue(void *ctx, int instance, int cmd)
{
    ch_run *r = ctx;
    if (cmd < 0 || cmd >= ISSU_NCMDS)
        return ISSU_HAL_ERROR;
    return ch_cmd_issue(&r->ch, instance, cmd) == 0 ? ISSU_HAL_OK : ISSU_HAL_ERROR;
}

static void hal_cancel(void *ctx, int instance, int cmd)
{
    ch_run *r = ctx;
    if (cmd >= 0 && cmd < ISSU_NCMDS)
        ch_cmd_cancel(&r->ch, instance, cmd);
}

static void hal_expired(void *ctx, int instance, int cmd)
{
    ch_run *r = ctx;
    if (cmd >= 0 && cmd < ISSU_NCMDS)
        ch_cmd_expired(&r->ch, instance, cmd);
}

static int hal_observe(void *ctx, int instance, int var, int32_t index, int32_t *value)
{
    const ch_run *r = ctx;
    (void)instance;
    return issu_plant_observe(&r->ch.plant, var, index, value);
}

static issu_time_ms hal_now(void *ctx)
{
    const ch_run *r = ctx;
    return r->ch.sched.now;
}

/* line as instance inst prints it: behind its console name, if it has one
 * (ch_member_console), into buf. */
static const char *named(const ch_run *r, int inst, const char *line, char *buf, size_t len)
{
    char name[CH_NAME_MAX];
    if (ch_member_console(&r->ch, inst, name, sizeof name) != 0)
        return line;
    snprintf(buf, len, "%s: %s", name, line);
    return buf;
}

static void hal_console(void *ctx, int instance, issu_time_ms time, const char *line)
{
    ch_run *r = ctx;
    char buf[CH_MSG_MAX];
    if (r->opts.console != NULL)
        r->opts.console(r->opts.ctx, time, named(r, instance, line, buf, sizeof buf));
}

static void hal_log(void *ctx, int instance, int level, const char *line)
{
    ch_run *r = ctx;
    char buf[CH_MSG_MAX];
    if (r->opts.log != NULL)
        r->opts.log(r->opts.ctx, r->ch.sched.now, level, named(r, instance, line, buf, sizeof buf));
}

/* [offset, offset + len) lies in an instance's journal area. */
static int in_journal(const ch_run *r, int instance, uint32_t offset, uint32_t len)
{
    return instance >= 0 && instance < r->ch.ctrl.n && offset <= sizeof r->journal[0]
        && len <= sizeof r->journal[0] - offset;
}

static int hal_journal_read(void *ctx, int instance, uint32_t offset, void *buf, uint32_t len)
{
    ch_run *r = ctx;
    if (!in_journal(r, instance, offset, len))
        return ISSU_HAL_ERROR;
    memcpy(buf, r->journal[instance] + offset, len);
    return ISSU_HAL_OK;
}

/* The orchestrator dies here after its opts.crash_after-th write (the
 * torn variant keeps only the first half of that record): the run returns
 * to loop()'s setjmp, and nothing of the runtime's memory is used again. */
static int hal_journal_write(void *ctx, int instance, uint32_t offset, const void *buf, uint32_t len)
{
    ch_run *r = ctx;
    if (!in_journal(r, instance, offset, len))
        return ISSU_HAL_ERROR;
    r->jwrites++;
    int dies = r->armed && r->jwrites == r->opts.crash_after;
    memcpy(r->journal[instance] + offset, buf, dies && r->opts.torn ? len / 2u : len);
    if (dies)
        longjmp(r->crash, 1);
    return ISSU_HAL_OK;
}

static int hal_query(void *ctx, int instance, int cmd, uint32_t *issued, int *running)
{
    const ch_run *r = ctx;
    if (cmd < 0 || cmd >= ISSU_NCMDS || instance < 0 || instance >= r->ch.ctrl.n)
        return ISSU_HAL_ERROR;
    *issued = r->ch.issued[instance][cmd];
    *running = r->ch.pend[instance][cmd].active;
    return ISSU_HAL_OK;
}

/* Post again what the dead orchestrator had not taken (a resume restarts
 * instance 0 alone: ch_run_resume). */
static void hal_resync(void *ctx, int instance, uint32_t acked)
{
    ch_run *r = ctx;
    assert(instance == 0);
    r->posts_lost = r->nposts - acked > CH_POSTS_KEPT;
    for (uint32_t n = acked + 1u; n <= r->nposts && !r->posts_lost; n++)   /* bound: CH_POSTS_KEPT */
        (void)issu_post(issu_sys_at(&r->sys, instance), r->posts[(n - 1u) % CH_POSTS_KEPT]);
}

static const issu_hal ch_hal_table = {
    hal_issue, hal_cancel, hal_expired, hal_observe, hal_now,
    hal_console, hal_log, hal_journal_read, hal_journal_write, hal_query, hal_resync,
};

/* ---- what the plant reads of the controller ---------------------------------
 * The plant's conditions read `issu.state` (and could read the variables
 * and states of any instance): the system's. */

/* Instance `instance` of `machine`, or NULL. */
static const issu *inst_of(ch_run *r, int machine, int32_t instance)
{
    return issu_sys_get(&r->sys, machine, (int)instance);
}

static int32_t ctrl_state(void *ctx, int machine, int32_t instance)
{
    const issu *m = inst_of(ctx, machine, instance);
    issu_status st;
    if (m == NULL)
        return 0;
    issu_get_status(m, &st);
    return st.state;
}

static int32_t ctrl_mvar(void *ctx, int machine, int32_t instance, int var)
{
    const issu *m = inst_of(ctx, machine, instance);
    return m != NULL ? issu_var(m, var) : 0;
}

static int32_t ctrl_ninstances(void *ctx, int machine)
{
    const ch_run *r = ctx;
    return issu_instances(ch_spec_profile(r->opts.cfg.model->profile), machine);
}

/* ---- chassis and runtime hooks ------------------------------------------------ */

/* Every event the router posts to instance inst.  Instance 0's are
 * numbered and kept, as the HAL's resync() needs for a resume. */
static void post(ch_run *r, int inst, int ev)
{
    if (inst == 0)
        r->posts[r->nposts++ % CH_POSTS_KEPT] = (int16_t)ev;
    if (!r->alone)                     /* no orchestrator to take it: resync will */
        (void)issu_post(issu_sys_at(&r->sys, inst), ev);
}

static void on_outcome(void *ctx, int inst, int ev)
{
    post(ctx, inst, ev);
}

/* A line of the environment (operator input, faults) at instance inst. */
static void environment(ch_run *r, int inst, const char *line)
{
    char buf[CH_MSG_MAX];
    if (r->opts.environment != NULL)
        r->opts.environment(r->opts.ctx, r->ch.sched.now, named(r, inst, line, buf, sizeof buf));
}

static void on_env(void *ctx, int env, int inst)
{
    ch_run *r = ctx;
    char line[CH_ENV_TEXT_MAX];
    if (!r->typing) {
        ch_env_text(env, line, sizeof line);
        environment(r, inst, line);
    }
    if (ch_spec_env_event(env) >= 0 && inst >= 0)
        post(r, inst, ch_spec_env_event(env));
}

/* The instance number of m. */
static int number_of(ch_run *r, const issu *m)
{
    for (int i = 0; i < r->sys.n; i++)          /* bound: CH_INSTANCES */
        if (issu_sys_at(&r->sys, i) == m)
            return i;
    return 0;
}

/* Every event taken leaves a trace line: so the run knows which instance
 * took the last one. */
static void on_trace(void *ctx, const issu *m, const char *json_line)
{
    ch_run *r = ctx;
    r->stepped = number_of(r, m);
    if (r->opts.trace != NULL)
        fprintf(r->opts.trace, "%s\n", json_line);
}

static void on_error(void *ctx, const issu *m, const issu_error *e)
{
    ch_run *r = ctx;
    char line[CH_MSG_MAX], name[CH_NAME_MAX];
    int named_inst = ch_member_console(&r->ch, number_of(r, m), name, sizeof name) == 0;
    if (e->kind == ISSU_ERR_MONITOR)
        r->monitor_violations++;
    else
        r->contract_violations++;
    snprintf(line, sizeof line, "%s %s violated in state %s%s%s: %s",
             e->kind == ISSU_ERR_MONITOR ? "monitor" : "contract", e->name, named_inst ? name : "",
             named_inst ? " " : "", issu_state_name(e->machine, e->state), e->text);
    if (r->first_violation[0] == '\0')
        memcpy(r->first_violation, line, strlen(line) + 1);
    if (r->opts.log != NULL)
        r->opts.log(r->opts.ctx, r->ch.sched.now, ISSU_LOG_ERROR, line);
}

static void on_detail(void *ctx, sim_ms t, const char *line)
{
    ch_run *r = ctx;
    if (r->opts.detail != NULL)
        r->opts.detail(r->opts.ctx, t, line);
}

/* A line the hardware prints (the family's notes): on the console too. */
static void on_note(void *ctx, int inst, sim_ms t, const char *line)
{
    ch_run *r = ctx;
    char buf[CH_MSG_MAX];
    if (r->opts.console != NULL)
        r->opts.console(r->opts.ctx, t, named(r, inst, line, buf, sizeof buf));
}

/* ---- setting up ------------------------------------------------------------------ */

/* Is `name` a state of the controller? */
static int state_known(const ch_run *r, const char *name)
{
    for (size_t i = 0; i < r->nstates; i++)   /* bound: ISSU_NSTATES_MAX */
        if (strcmp(r->states[i], name) == 0)
            return 1;
    return 0;
}

/* The names the run reads: the first machine's states, its `result`, the
 * request (opts.request) and the prompt's answer. */
static int resolve(ch_run *r, char *err, size_t errlen)
{
    const int machine = 0;             /* the spec's first machine: the one the operator talks to */
    for (int st = 0; st < ISSU_NSTATES_MAX && strcmp(issu_state_name(machine, st), "?") != 0; st++)
        r->states[r->nstates++] = issu_state_name(machine, st);
    r->result = -1;
    for (int cv = 0; cv < ISSU_NCTRL_MAX && r->result < 0; cv++)   /* bound: ISSU_NCTRL_MAX */
        if (strcmp(issu_var_name(machine, cv), "result") == 0)
            r->result = cv;
    r->result_enum = ch_spec_enum("result_t");
    const char *request = r->opts.request != NULL ? r->opts.request : "start";
    r->request = ch_spec_env(request);
    r->answer = ch_spec_env("answer_yes");
    if (r->result < 0 || r->result_enum < 0)
        return sim_err(err, errlen, "the spec's controller has no variable 'result' of type result_t");
    if (r->request < 0 || ch_spec_env_is_fault(r->request))
        return sim_err(err, errlen, "the spec has no operator action '%s'", request);
    return 0;
}

/* The profile of the model, of the model's family. */
static int profile_of(const ch_model *m, char *err, size_t errlen)
{
    int prof = ch_spec_profile(m->profile);
    if (prof < 0)
        return sim_err(err, errlen, "the spec has no profile '%s'", m->profile);
    if (strcmp(ch_spec_family_name(ch_spec_profile_family(prof)), m->family->name) != 0)
        return sim_err(err, errlen, "the spec's profile '%s' is not of family '%s'", m->profile, m->family->name);
    return prof;
}

int ch_run_instances(const ch_model *m)
{
    assert(m != NULL);
    int prof = ch_spec_profile(m->profile), n = 0;
    for (int mc = 0; mc < ISSU_NMACHINES; mc++)        /* bound: the spec's machines */
        n += issu_instances(prof, mc);
    return n;
}

/* The controller's instances for the chassis, numbered as issu_sys numbers
 * them (machines in spec order, the elements of an array by index). */
static void instances(ch_ctrl *ctrl, int prof)
{
    for (int mc = 0; mc < ISSU_NMACHINES; mc++)        /* bound: the spec's machines */
        for (int i = 0; i < issu_instances(prof, mc) && ctrl->n < (int)CH_INSTANCES; i++) {
            ctrl->machine[ctrl->n] = mc;
            ctrl->self[ctrl->n++] = i;
        }
}

/* The controller's configuration on this router. */
static void controller_cfg(ch_run *r, issu_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->hal = &ch_hal_table;
    cfg->hal_ctx = r;
    cfg->profile = ch_spec_profile(r->opts.cfg.model->profile);
    for (int o = 0; o < ISSU_NOPTIONS; o++)    /* bound: ISSU_NOPTIONS */
        cfg->options |= ch_config_has(&r->opts.cfg, o) ? 1u << o : 0u;
    cfg->trace = on_trace;
    cfg->trace_ctx = r;
    cfg->error = on_error;
    cfg->error_ctx = r;
}

/* Every instance, sends between them through the system's queues; the
 * system numbers them as the chassis does (instances()). */
static int start_controller(ch_run *r, char *err, size_t errlen)
{
    issu_cfg cfg;
    controller_cfg(r, &cfg);
    issu_rc rc = issu_sys_init(&r->sys, &cfg);
    if (rc != ISSU_RC_OK)
        return sim_err(err, errlen, "the runtime refused to start: %s", issu_rc_text(rc));
    for (int i = 0; i < r->sys.n; i++) {               /* bound: CH_INSTANCES */
        issu_status st;
        issu_get_status(issu_sys_at(&r->sys, i), &st);
        assert(st.machine == r->ch.ctrl.machine[i] && st.index == r->ch.ctrl.self[i]);
    }
    return 0;
}

/* The fault plan: every --fault, and answer_yes for --yes. */
static int plan(ch_run *r, const ch_run_opts *o, char *err, size_t errlen)
{
    sim_catalog cat;
    ch_env_catalog(&cat, r->states, r->nstates);
    if (o->nfaults + (o->yes ? 1u : 0u) > SIM_FAULT_MAX)
        return sim_err(err, errlen, "more than %u faults", SIM_FAULT_MAX);
    for (uint32_t i = 0; i < o->nfaults; i++)
        if (sim_fault_add(&r->ch.faults, o->faults[i], &cat, err, errlen) != 0)
            return -1;
    r->yes_fault = o->yes ? (int)r->ch.faults.n : -1;
    if (o->yes && sim_fault_add(&r->ch.faults, "answer_yes", &cat, err, errlen) != 0)
        return -1;
    if (o->stop_at != NULL && !state_known(r, o->stop_at))
        return sim_err(err, errlen, "'%s' is not a state of the controller", o->stop_at);
    return 0;
}

/* The controller's state name into the chassis (fault points, `when`s). */
static void refresh(ch_run *r)
{
    r->ch.state = ch_run_state(r);
}

int ch_run_init(ch_run *r, const ch_run_opts *o, char *err, size_t errlen)
{
    assert(r != NULL && o != NULL && o->cfg.model != NULL && err != NULL);
    memset(r, 0, sizeof *r);
    r->opts = *o;
    int prof = profile_of(o->cfg.model, err, errlen);
    ch_ctrl ctrl = { .state = ctrl_state, .mvar = ctrl_mvar, .ninstances = ctrl_ninstances, .ctx = r, .n = 0 };
    if (prof < 0)
        return -1;
    instances(&ctrl, prof);
    if (o->crash_after != 0 && ctrl.n > 1)
        return sim_err(err, errlen, "a crash and resume restart one orchestrator; the %s runs %d instances "
                       "(a system-wide resume is not simulated)", o->cfg.model->chassis, ctrl.n);
    if (ch_init(&r->ch, &o->cfg, &ctrl, err, errlen) != 0)
        return -1;
    r->ch.post = on_outcome;
    r->ch.env = on_env;
    r->ch.detail = on_detail;
    r->ch.console = on_note;
    r->ch.cb_ctx = r;
    if (resolve(r, err, errlen) != 0 || plan(r, o, err, errlen) != 0
        || start_controller(r, err, errlen) != 0)
        return -1;
    refresh(r);
    r->ch.initial = r->ch.state;
    return 0;
}

/* The first machine's instance: the orchestrator the operator talks to. */
static issu *master(ch_run *r)
{
    return issu_sys_at(&r->sys, 0);
}

const char *ch_run_result(const ch_run *r)
{
    return ch_spec_member_name(r->result_enum, issu_var(&r->sys.inst[0], r->result));
}

const char *ch_run_state(const ch_run *r)
{
    return ch_run_inst_state(r, 0);
}

const char *ch_run_inst_state(const ch_run *r, int inst)
{
    issu_status st;
    if (inst < 0 || inst >= r->sys.n)
        return "?";
    issu_get_status(&r->sys.inst[inst], &st);
    return st.state_name;
}

/* ---- the loop ---------------------------------------------------------------------- */

/* When the prompt opens (the answer becomes possible), the router names
 * the PICs it will offline (4.6). */
static void list_unsupported(ch_run *r)
{
    const ch_chassis *ch = &r->ch;
    int open = r->answer >= 0 && issu_plant_env_allowed(&ch->plant, r->answer, &ch->hooks) == 1;
    int opened = open && !r->prompt;
    r->prompt = open;
    if (r->opts.environment == NULL || !opened)
        return;
    for (uint32_t s = 0; s < CH_SLOTS_MAX; s++) {
        for (uint32_t k = 0; k < ch->cfg.pics[s]; k++) {
            char line[CH_MSG_MAX];
            if (((ch->cfg.unsupported_pics[s] >> k) & 1u) == 0)
                continue;
            snprintf(line, sizeof line, "  PIC %u/%u will be offlined (In-Service-Upgrade not supported)", s, k);
            r->opts.environment(r->opts.ctx, ch->sched.now, line);
        }
    }
}

/* Take every queued event, one at a time in the system's fair order,
 * arming faults after each. */
static void drain(ch_run *r)
{
    issu_rc rc;
    while (r->steps < CH_RUN_STEPS && (rc = issu_sys_step(&r->sys)) != ISSU_RC_EMPTY) {
        r->steps++;
        r->ignored += rc == ISSU_RC_IGNORED ? 1u : 0u;
        r->rejected += rc == ISSU_RC_REJECTED ? 1u : 0u;
        if (rc == ISSU_RC_REJECTED)
            environment(r, r->stepped, r->stepped == 0 ? "  (refused by the ISSU controller)"
                                                       : "(refused by the ISSU controller)");
        refresh(r);
        list_unsupported(r);
        ch_env_step(&r->ch);
    }
}

/* No instance has an event queued. */
static int quiet(ch_run *r)
{
    for (int i = 0; i < r->sys.n; i++) {               /* bound: CH_INSTANCES */
        issu_status st;
        issu_get_status(issu_sys_at(&r->sys, i), &st);
        if (st.queued > 0)
            return 0;
    }
    return 1;
}

/* Should the loop stop now?  1 and r->end set if so.  A run of several
 * instances is over once every one has settled (issu_sys_settled): an LCC
 * still at work when the global master is back would be a spec's bug,
 * which the loop then shows as a dead end instead of hiding it. */
static int finished(ch_run *r)
{
    issu_status st;
    issu_get_status(master(r), &st);
    const char *s = st.state_name;
    int idle = strcmp(s, r->ch.initial) == 0;
    if (!quiet(r))
        return 0;
    if ((r->opts.validate_only && !idle && strcmp(s, "VALIDATING") != 0)
        || (r->opts.stop_at != NULL && strcmp(s, r->opts.stop_at) == 0)) {
        r->end = CH_END_STOPPED;
        return 1;
    }
    if (idle && ch_spec_member(r->result_enum, "NONE") != issu_var(master(r), r->result)
        && (r->sys.n == 1 || issu_sys_settled(&r->sys))) {
        r->end = CH_END_DONE;
        return 1;
    }
    return 0;
}

/* Advance to the next thing that happens; while the orchestrator is dead
 * (r->alone), its timers died with it and the router goes on only up to
 * `until`.  0, or -1 when nothing will. */
static int advance(ch_run *r, sim_ms until)
{
    ch_chassis *ch = &r->ch;
    sim_ms due = sim_sched_next_due(&ch->sched);
    issu_time_ms dl = SIM_MS_NEVER;
    if (r->alone)
        dl = until;
    else if (!issu_sys_next_deadline(&r->sys, &dl))
        dl = SIM_MS_NEVER;
    sim_ms wake = sim_fault_next_time(&ch->faults, ch->sched.now);
    sim_ms next = due < dl ? due : dl;
    next = wake < next ? wake : next;
    if (next == SIM_MS_NEVER || next > CH_RUN_LIMIT)
        return -1;
    sim_entry e;
    if (due == next && sim_sched_pop(&ch->sched, next, &e)) {
        if (e.kind == CH_SCHED_ENV)
            ch_env_fire(ch, &e);
        else
            ch_cmd_fire(ch, &e);
    } else {
        sim_sched_advance(&ch->sched, next);
        if (!r->alone)
            (void)issu_sys_tick(&r->sys);
    }
    ch_env_step(ch);
    return 0;
}

/* The loop, until the run ends or the orchestrator dies (opts.crash_after). */
static ch_end loop(ch_run *r)
{
    if (setjmp(r->crash) != 0) {
        r->armed = 0;
        r->end = CH_END_CRASHED;
        return r->end;
    }
    r->armed = r->opts.crash_after != 0;
    if (r->armed && r->jwrites >= r->opts.crash_after)
        longjmp(r->crash, 1);          /* it dies after a write of its set-up */
    for (;;) {
        drain(r);
        if (finished(r))
            return r->end;
        if (r->steps >= CH_RUN_STEPS) {
            r->end = CH_END_LIMIT;
            return r->end;
        }
        if (advance(r, SIM_MS_NEVER) != 0) {
            r->end = sim_sched_next_due(&r->ch.sched) == SIM_MS_NEVER ? CH_END_STUCK : CH_END_LIMIT;
            return r->end;
        }
    }
}

ch_end ch_run_go(ch_run *r)
{
    assert(r != NULL && (r->opts.crash_after == 0 || r->sys.n == 1));
    r->typing = 1;
    ch_env_apply(&r->ch, r->request);
    r->typing = 0;
    return loop(r);
}

/* A resume restarts the one instance of a single chassis: its memory is
 * lost, the system around it (its one entry and the scheduler's cursor)
 * holds nothing else. */
int ch_run_resume(ch_run *r, const uint8_t *journal, issu_resume_info *info, char *err, size_t errlen)
{
    issu_cfg cfg;
    assert(r != NULL && info != NULL);
    if (r->end != CH_END_CRASHED || r->sys.n != 1)
        return sim_err(err, errlen, "the orchestrator did not crash: nothing to resume");
    if (journal != NULL)
        memcpy(r->journal[0], journal, sizeof r->journal[0]);
    memset(master(r), 0xa5, sizeof *master(r));   /* the orchestrator's memory is gone */
    controller_cfg(r, &cfg);
    issu_rc rc = issu_resume(master(r), &cfg, info);
    if (rc != ISSU_RC_OK)
        return sim_err(err, errlen, "the journal cannot be resumed: %s", issu_rc_text(rc));
    if (r->posts_lost)
        return sim_err(err, errlen, "more than %u posts were not taken: the router cannot post them again",
                       CH_POSTS_KEPT);
    r->opts.crash_after = 0;           /* it died once */
    refresh(r);                        /* what the dead one's step left undone */
    list_unsupported(r);
    ch_env_step(&r->ch);
    return 0;
}

void ch_run_alone(ch_run *r, sim_ms d)
{
    assert(r != NULL && r->end == CH_END_CRASHED);
    sim_ms until = r->ch.sched.now + d;
    r->alone = 1;
    while (r->ch.sched.now < until && advance(r, until) == 0)   /* bound: the router's events before until */
        ;
    r->alone = 0;
}

ch_end ch_run_continue(ch_run *r)
{
    assert(r != NULL);
    return loop(r);
}
