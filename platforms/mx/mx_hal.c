/* mx_hal.c - the HAL of the simulated MX and the run loop (mx_hal.h).
 * The only file of platforms/mx that includes the runtime's headers. */
#include "mx_hal.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* ---- names of the generated ids ---------------------------------------- */

#define MX_STR1(name, ...) #name,
static const char *const pv_names[] = { ISSU_PLANT(MX_STR1) };
static const char *const state_names[] = { ISSU_STATES_issu(MX_STR1) };
static const char *const prof_names[] = { ISSU_PROFILES(MX_STR1) };
#define MX_STRM(m) #m,
static const char *const role_names[] = { ISSU_ENUM_role(MX_STRM) };
static const char *const version_names[] = { ISSU_ENUM_version(MX_STRM) };
static const char *const fru_names[] = { ISSU_ENUM_fru(MX_STRM) };
static const char *const result_names[] = { ISSU_ENUM_result_t(MX_STRM) };

static int find(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], name) == 0)
            return (int)i;
    return -1;
}

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---- the HAL table ------------------------------------------------------- */

static int hal_issue(void *ctx, int instance, int cmd)
{
    mx_run *r = ctx;
    (void)instance;
    if (cmd < 0 || cmd >= ISSU_NCMDS || r->cmd_mx[cmd] < 0)
        return ISSU_HAL_ERROR;
    return mx_cmd_issue(&r->plant, (mx_cmd)r->cmd_mx[cmd]) == 0 ? ISSU_HAL_OK : ISSU_HAL_ERROR;
}

static void hal_cancel(void *ctx, int instance, int cmd)
{
    mx_run *r = ctx;
    (void)instance;
    if (cmd >= 0 && cmd < ISSU_NCMDS && r->cmd_mx[cmd] >= 0)
        mx_cmd_cancel(&r->plant, (mx_cmd)r->cmd_mx[cmd]);
}

static void hal_expired(void *ctx, int instance, int cmd)
{
    mx_run *r = ctx;
    (void)instance;
    if (cmd >= 0 && cmd < ISSU_NCMDS && r->cmd_mx[cmd] >= 0)
        mx_cmd_expired(&r->plant, (mx_cmd)r->cmd_mx[cmd]);
}

static int hal_observe(void *ctx, int instance, int var, int32_t index, int32_t *value)
{
    mx_run *r = ctx;
    (void)instance;
    if (var < 0 || var >= ISSU_NPLANT || r->pv_mx[var] < 0)
        return ISSU_HAL_UNAVAILABLE;
    return mx_plant_observe(&r->plant, (mx_pv)r->pv_mx[var], index, value) == 0
        ? ISSU_HAL_OK : ISSU_HAL_UNAVAILABLE;
}

static issu_time_ms hal_now(void *ctx)
{
    const mx_run *r = ctx;
    return r->plant.sched.now;
}

static void hal_console(void *ctx, int instance, issu_time_ms time, const char *line)
{
    mx_run *r = ctx;
    (void)instance;
    if (r->opts.console != NULL)
        r->opts.console(r->opts.ctx, time, line);
}

static void hal_log(void *ctx, int instance, int level, const char *line)
{
    mx_run *r = ctx;
    (void)instance;
    if (r->opts.log != NULL)
        r->opts.log(r->opts.ctx, r->plant.sched.now, level, line);
}

static int hal_journal(mx_run *r, uint32_t offset, uint32_t len)
{
    return offset <= sizeof r->journal && len <= sizeof r->journal - offset;
}

static int hal_journal_read(void *ctx, int instance, uint32_t offset, void *buf, uint32_t len)
{
    mx_run *r = ctx;
    (void)instance;
    if (!hal_journal(r, offset, len))
        return ISSU_HAL_ERROR;
    memcpy(buf, r->journal + offset, len);
    return ISSU_HAL_OK;
}

static int hal_journal_write(void *ctx, int instance, uint32_t offset, const void *buf, uint32_t len)
{
    mx_run *r = ctx;
    (void)instance;
    if (!hal_journal(r, offset, len))
        return ISSU_HAL_ERROR;
    memcpy(r->journal + offset, buf, len);
    return ISSU_HAL_OK;
}

static const issu_hal mx_hal_table = {
    hal_issue, hal_cancel, hal_expired, hal_observe, hal_now,
    hal_console, hal_log, hal_journal_read, hal_journal_write,
};

/* ---- plant and runtime hooks ------------------------------------------- */

static void on_outcome(void *ctx, mx_cmd cmd, mx_outcome out)
{
    mx_run *r = ctx;
    int ev = r->ev_of[cmd][out];
    if (ev >= 0)
        (void)issu_post(&r->m, ev);
}

/* How each fault and operator action shows on the console. */
static const char *const env_text[MX_ENV_N] = {
    [MX_ENV_start] = "user@re0> request system software in-service-upgrade (typed again)",
    [MX_ENV_abort] = "user@re0 (another session)> request system software abort in-service-upgrade",
    [MX_ENV_abort_own_session] = "user@re0> request system software abort in-service-upgrade",
    [MX_ENV_answer_yes] = "yes",
    [MX_ENV_answer_no] = "no",
    [MX_ENV_pic_offline] = "user@re0 (another session)> request chassis pic offline",
    [MX_ENV_user_gres] = "user@re0 (another session)> request chassis routing-engine master switch",
    [MX_ENV_backup_crash] = "*** fault: the backup Routing Engine (re1) crashed",
    [MX_ENV_gres_lost] = "*** fault: kernel replication dropped on re1 (not GRES-ready)",
    [MX_ENV_fpc_crash] = "*** fault: an FPC on the new release crashed",
};

static void on_env(void *ctx, mx_env ev)
{
    mx_run *r = ctx;
    if (r->opts.environment != NULL && (ev != MX_ENV_start || r->plant.refusal_budget == 0))
        r->opts.environment(r->opts.ctx, r->plant.sched.now, env_text[ev]);
    if (r->env_ev[ev] >= 0)
        (void)issu_post(&r->m, r->env_ev[ev]);
}

static void on_trace(void *ctx, const issu *m, const char *json_line)
{
    mx_run *r = ctx;
    (void)m;
    if (r->opts.trace != NULL)
        fprintf(r->opts.trace, "%s\n", json_line);
}

static void on_error(void *ctx, const issu *m, const issu_error *e)
{
    mx_run *r = ctx;
    char line[MX_MSG_MAX];
    (void)m;
    if (e->kind == ISSU_ERR_MONITOR)
        r->monitor_violations++;
    else
        r->contract_violations++;
    snprintf(line, sizeof line, "%s %s violated in state %s: %s",
             e->kind == ISSU_ERR_MONITOR ? "monitor" : "contract", e->name,
             issu_state_name(ISSU_M_issu, e->state), e->text);
    if (r->first_violation[0] == '\0')
        memcpy(r->first_violation, line, strlen(line) + 1);
    if (r->opts.log != NULL)
        r->opts.log(r->opts.ctx, r->plant.sched.now, ISSU_LOG_ERROR, line);
}

static void on_detail(void *ctx, sim_ms t, const char *line)
{
    mx_run *r = ctx;
    if (r->opts.detail != NULL)
        r->opts.detail(r->opts.ctx, t, line);
}

/* ---- the spec's names against the simulator's ---------------------------- */

#define MX_KIND(name, kind, ...) kind,
static const int ev_kinds[] = { ISSU_EVENTS(MX_KIND) };

static int fail(char *err, size_t errlen, const char *what, const char *name)
{
    snprintf(err, errlen, "the spec and the MX simulator disagree: %s '%s'", what, name);
    return -1;
}

/* Commands and their outcome events, both ways. */
static int map_commands(mx_run *r, char *err, size_t errlen)
{
    for (int i = 0; i < ISSU_NCMDS; i++) {
        r->cmd_mx[i] = find(mx_cmd_names, MX_CMD_N, issu_cmd_name(i));
        if (r->cmd_mx[i] < 0)
            return fail(err, errlen, "command not simulated", issu_cmd_name(i));
    }
    for (int e = 0; e < ISSU_NEVENTS; e++) {
        const char *name = issu_event_name(e);
        const char *dot = strchr(name, '.');
        if (ev_kinds[e] != ISSU_EVK_OUTCOME || dot == NULL)
            continue;
        char cmd[SIM_NAME_MAX];
        size_t len = (size_t)(dot - name);
        if (len >= sizeof cmd)
            return fail(err, errlen, "outcome not simulated", name);
        memcpy(cmd, name, len);
        cmd[len] = '\0';
        int c = find(mx_cmd_names, MX_CMD_N, cmd);
        int o = find(mx_outcome_names, MX_OUT_N, dot + 1);
        if (c < 0 || o < 0 || !mx_cmd_declares((mx_cmd)c, (mx_outcome)o))
            return fail(err, errlen, "outcome not simulated", name);
        r->ev_of[c][o] = e;
    }
    for (int c = 0; c < (int)MX_CMD_N; c++)
        for (int o = 0; o < (int)MX_OUT_N; o++)
            if (mx_cmd_declares((mx_cmd)c, (mx_outcome)o) && r->ev_of[c][o] < 0)
                return fail(err, errlen, "outcome missing from the spec", mx_outcome_names[o]);
    return 0;
}

/* Faults and operator actions; gres_lost is silent (no event). */
static int map_env(mx_run *r, char *err, size_t errlen)
{
    for (int e = 0; e < ISSU_NEVENTS; e++)
        if ((ev_kinds[e] == ISSU_EVK_FAULT || ev_kinds[e] == ISSU_EVK_OPERATOR)
            && find(mx_env_names, MX_ENV_N, issu_event_name(e)) < 0)
            return fail(err, errlen, "fault or operator action not simulated", issu_event_name(e));
    for (int v = 0; v < (int)MX_ENV_N; v++) {
        r->env_ev[v] = -1;
        for (int e = 0; e < ISSU_NEVENTS; e++)
            if (strcmp(issu_event_name(e), mx_env_names[v]) == 0)
                r->env_ev[v] = e;
        if (r->env_ev[v] < 0 && v != MX_ENV_gres_lost)
            return fail(err, errlen, "fault or operator action missing from the spec", mx_env_names[v]);
    }
    return 0;
}

/* Plant variables and the member order of the enums they use. */
static int map_plant(mx_run *r, char *err, size_t errlen)
{
    for (size_t i = 0; i < COUNT(pv_names); i++) {
        r->pv_mx[i] = find(mx_pv_names, MX_PV_N, pv_names[i]);
        if (r->pv_mx[i] < 0)
            return fail(err, errlen, "plant variable not simulated", pv_names[i]);
    }
    static const char *const mx_roles[] = { "MASTER", "BACKUP", "REBOOTING", "DOWN" };
    static const char *const mx_vers[] = { "OLD", "NEW" };
    if (COUNT(role_names) != COUNT(mx_roles) || COUNT(version_names) != COUNT(mx_vers)
        || COUNT(fru_names) != MX_FRU_N)
        return fail(err, errlen, "enum sizes", "role/version/fru");
    for (size_t i = 0; i < COUNT(role_names); i++)
        if (strcmp(role_names[i], mx_roles[i]) != 0)
            return fail(err, errlen, "role member", role_names[i]);
    for (size_t i = 0; i < COUNT(version_names); i++)
        if (strcmp(version_names[i], mx_vers[i]) != 0)
            return fail(err, errlen, "version member", version_names[i]);
    for (size_t i = 0; i < COUNT(fru_names); i++)
        if (strcmp(fru_names[i], mx_fru_names[i]) != 0)
            return fail(err, errlen, "fru member", fru_names[i]);
    return 0;
}

/* ---- the run ------------------------------------------------------------- */

static int start_controller(mx_run *r, char *err, size_t errlen)
{
    const mx_config *c = &r->opts.cfg;
    int prof = find(prof_names, COUNT(prof_names), c->model->profile);
    if (prof < 0) {
        snprintf(err, errlen, "the spec has no profile '%s'", c->model->profile);
        return -1;
    }
    issu_cfg cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.hal = &mx_hal_table;
    cfg.hal_ctx = r;
    cfg.profile = prof;
    cfg.options = (c->opt_reboot ? 1u << ISSU_OPT_reboot : 0u)
        | (c->opt_no_old_master_upgrade ? 1u << ISSU_OPT_no_old_master_upgrade : 0u);
    cfg.trace = on_trace;
    cfg.trace_ctx = r;
    cfg.error = on_error;
    cfg.error_ctx = r;
    issu_rc rc = issu_init(&r->m, &cfg);
    if (rc != ISSU_RC_OK) {
        snprintf(err, errlen, "the runtime refused to start: %s", issu_rc_text(rc));
        return -1;
    }
    return 0;
}

static void refresh(mx_run *r)
{
    issu_status st;
    issu_get_status(&r->m, &st);
    r->plant.state = st.state_name;
}

int mx_run_init(mx_run *r, const mx_run_opts *o, char *err, size_t errlen)
{
    assert(r != NULL && o != NULL && o->cfg.model != NULL && err != NULL);
    memset(r, 0, sizeof *r);
    r->opts = *o;
    mx_plant_init(&r->plant, &o->cfg);
    r->plant.post = on_outcome;
    r->plant.env = on_env;
    r->plant.detail = on_detail;
    r->plant.cb_ctx = r;
    for (size_t c = 0; c < MX_CMD_N; c++)
        for (size_t k = 0; k < MX_OUT_N; k++)
            r->ev_of[c][k] = -1;
    if (map_commands(r, err, errlen) != 0 || map_env(r, err, errlen) != 0
        || map_plant(r, err, errlen) != 0)
        return -1;
    for (size_t i = 0; i < COUNT(state_names); i++)
        r->states[i] = state_names[i];
    sim_catalog cat;
    mx_env_catalog(&cat, r->states, COUNT(state_names));
    if (o->nfaults + (o->yes ? 1u : 0u) > SIM_FAULT_MAX) {
        snprintf(err, errlen, "more than %u faults", SIM_FAULT_MAX);
        return -1;
    }
    for (uint32_t i = 0; i < o->nfaults; i++)
        if (sim_fault_add(&r->plant.faults, o->faults[i], &cat, err, errlen) != 0)
            return -1;
    r->yes_fault = o->yes ? (int)r->plant.faults.n : -1;
    if (o->yes && sim_fault_add(&r->plant.faults, "answer_yes", &cat, err, errlen) != 0)
        return -1;
    if (o->stop_at != NULL && find(r->states, COUNT(state_names), o->stop_at) < 0) {
        snprintf(err, errlen, "'%s' is not a state of the controller", o->stop_at);
        return -1;
    }
    if (start_controller(r, err, errlen) != 0)
        return -1;
    refresh(r);
    return 0;
}

const char *mx_run_result(const mx_run *r)
{
    int32_t v = issu_var(&r->m, ISSU_CV_issu_result);
    return v >= 0 && (size_t)v < COUNT(result_names) ? result_names[v] : "?";
}

const char *mx_run_state(const mx_run *r)
{
    issu_status st;
    issu_get_status(&r->m, &st);
    return st.state_name;
}

/* At the phase-1a prompt the router names what it will offline (4.6). */
static void list_unsupported(mx_run *r, const char *before)
{
    const mx_plant *p = &r->plant;
    if (r->opts.environment == NULL || strcmp(p->state, "CONFIRM_UNSUPPORTED") != 0
        || strcmp(before, "CONFIRM_UNSUPPORTED") == 0)
        return;
    for (uint32_t s = 0; s < p->slots; s++) {
        for (uint32_t k = 0; k < p->cfg.pics[s]; k++) {
            char line[MX_MSG_MAX];
            if (((p->cfg.unsupported_pics[s] >> k) & 1u) == 0)
                continue;
            snprintf(line, sizeof line, "  PIC %u/%u will be offlined (In-Service-Upgrade not supported)", s, k);
            r->opts.environment(r->opts.ctx, p->sched.now, line);
        }
    }
}

/* Take every queued event, one at a time, arming faults after each. */
static void drain(mx_run *r)
{
    issu_rc rc;
    while (r->steps < MX_RUN_STEPS && (rc = issu_step(&r->m)) != ISSU_RC_EMPTY) {
        r->steps++;
        r->ignored += rc == ISSU_RC_IGNORED ? 1u : 0u;
        r->rejected += rc == ISSU_RC_REJECTED ? 1u : 0u;
        if (rc == ISSU_RC_REJECTED && r->opts.environment != NULL)
            r->opts.environment(r->opts.ctx, r->plant.sched.now, "  (refused by the ISSU controller)");
        const char *before = r->plant.state;
        refresh(r);
        list_unsupported(r, before);
        mx_env_step(&r->plant);
    }
}

/* Should the loop stop now?  1 and r->end set if so. */
static int finished(mx_run *r)
{
    issu_status st;
    issu_get_status(&r->m, &st);
    const char *s = st.state_name;
    int idle = strcmp(s, "IDLE") == 0;
    if (st.queued > 0)
        return 0;
    if ((r->opts.validate_only && !idle && strcmp(s, "VALIDATING") != 0)
        || (r->opts.stop_at != NULL && strcmp(s, r->opts.stop_at) == 0)) {
        r->end = MX_END_STOPPED;
        return 1;
    }
    if (idle && issu_var(&r->m, ISSU_CV_issu_result) != ISSU_result_t_NONE) {
        r->end = MX_END_DONE;
        return 1;
    }
    return 0;
}

/* Advance to the next thing that happens.  0, or -1 when nothing will. */
static int advance(mx_run *r)
{
    mx_plant *p = &r->plant;
    sim_ms due = sim_sched_next_due(&p->sched);
    issu_time_ms dl = SIM_MS_NEVER;
    if (!issu_next_deadline(&r->m, &dl))
        dl = SIM_MS_NEVER;
    sim_ms wake = sim_fault_next_time(&p->faults, p->sched.now);
    sim_ms next = due < dl ? due : dl;
    next = wake < next ? wake : next;
    if (next == SIM_MS_NEVER || next > MX_RUN_LIMIT)
        return -1;
    sim_entry e;
    if (due == next && sim_sched_pop(&p->sched, next, &e)) {
        if (e.kind == MX_SCHED_ENV)
            mx_env_fire(p, &e);
        else
            mx_cmd_fire(p, &e);
    } else {
        sim_sched_advance(&p->sched, next);
        (void)issu_tick(&r->m);
    }
    mx_env_step(p);
    return 0;
}

mx_end mx_run_go(mx_run *r)
{
    assert(r != NULL);
    mx_env_apply(&r->plant, MX_ENV_start);
    for (;;) {
        drain(r);
        if (finished(r))
            return r->end;
        if (r->steps >= MX_RUN_STEPS) {
            r->end = MX_END_LIMIT;
            return r->end;
        }
        if (advance(r) != 0) {
            r->end = sim_sched_next_due(&r->plant.sched) == SIM_MS_NEVER ? MX_END_STUCK : MX_END_LIMIT;
            return r->end;
        }
    }
}
