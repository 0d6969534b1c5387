/* issu_act.c - what the generated guards, actions and monitors call:
 * observations of the plant through the HAL, of the other machines of the
 * system (monitors), and the actions (console, issue, cancel, assign,
 * send), each also written to the trace line.  While resuming from the
 * journal (m->replay) only assignments run. */
#include <string.h>

#include "issu_impl.h"

#define ISSU_X_(name, shape, kind, en, size, doc) shape,
static const uint8_t issu__pv_shape[ISSU_DIM(ISSU_NPLANT)] = { ISSU_PLANT(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, shape, kind, en, size, doc) size,
static const int32_t issu__pv_max[ISSU_DIM(ISSU_NPLANT)] = { ISSU_PLANT(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, timeout, tev, doc) #name,
static const char *const issu__cmd_str[ISSU_CMD_SLOTS] = { ISSU_CMDS(ISSU_X_) };
#undef ISSU_X_

/* Elements of an array or a pool in this instance's profile, within the largest size. */
static int32_t issu__pv_size(const issu *m, int pv)
{
    int32_t n = 1;
    (void)m;                           /* unused when no size depends on a param */
    switch (pv) {
#define ISSU_X_(name, shape, kind, en, size, doc) \
    case ISSU_PV_##name: \
        n = ISSU_PV_SIZE_##name(m->params); \
        break;
        ISSU_PLANT(ISSU_X_)
#undef ISSU_X_
    default:
        break;
    }
    return n < 0 ? 0 : n > issu__pv_max[pv] ? issu__pv_max[pv] : n;
}

/* Is v a value one observation of plant variable pv may have (an element
 * of its type; for a pool, a count of at most its size)? */
static int issu__pv_in_range(const issu *m, int pv, int32_t v)
{
    (void)m;                           /* unused when no bound depends on a param */
    (void)v;                           /* unused when the spec has no plant */
    switch (pv) {
#define ISSU_X_(name, shape, kind, en, size, doc) \
    case ISSU_PV_##name: \
        return v >= ISSU_PV_LO_##name(m->params) && v <= ISSU_PV_HI_##name(m->params);
        ISSU_PLANT(ISSU_X_)
#undef ISSU_X_
    default:
        return 0;
    }
}

/* A value the HAL observes outside its variable's range never reaches a
 * guard, a count or a monitor: it is contract VALUE_RANGE and reads as
 * unobservable (a guard: OBSERVE_FAILED too; a monitor: skipped). */
int32_t issu__obs(issu *m, int pv, int32_t index)
{
    int32_t v = 0;
    if (m->cfg.hal->observe(m->cfg.hal_ctx, m->cfg.instance, pv, index, &v) != ISSU_HAL_OK) {
        m->obs_fail = 1;
        return 0;
    }
    if (!ISSU__REQUIRE(m, issu__pv_in_range(m, pv, v), ISSU_C_VALUE_RANGE)) {
        m->obs_fail = 1;
        return 0;
    }
    return v;
}

int32_t issu__count(issu *m, int pv, const int32_t *vals, int nvals)
{
    int32_t n = 0;
    if (issu__pv_shape[pv] == ISSU_SHAPE_POOL) {
        if (issu__pv_size(m, pv) == 0)                 /* a pool the profile lacks: no counters, */
            return 0;                                  /* nothing to observe (as in the model) */
        for (int i = 0; i < nvals; i++)                /* bound: members counted */
            n += issu__obs(m, pv, vals[i]);
        return n;
    }
    int32_t size = issu__pv_size(m, pv);
    for (int32_t e = 0; e < size; e++) {               /* bound: the array's largest size */
        int32_t v = issu__obs(m, pv, e);
        for (int i = 0; i < nvals; i++)
            if (v == vals[i]) {
                n++;
                break;
            }
    }
    return n;
}

void issu__console(issu *m, const char *line)
{
    if (m->replay)
        return;
    issu__trace_action(m, "console", line);
    if (m->cfg.hal->console)
        m->cfg.hal->console(m->cfg.hal_ctx, m->cfg.instance, m->cfg.hal->now(m->cfg.hal_ctx), line);
}

void issu__issue(issu *m, int cmd)
{
    if (m->replay)
        return;
    issu__trace_action(m, "issue", issu__cmd_str[cmd]);
    if (!ISSU__REQUIRE(m, m->cmd[cmd] == ISSU__CMD_IDLE, ISSU_C_ISSUE_PENDING))
        return;
    issu__issue_now(m, cmd);
}

void issu__issue_now(issu *m, int cmd)
{
    issu__monitors_run(m, cmd);        /* `on issue` invariants: before the issue effect */
    issu_time_ms now = m->cfg.hal->now(m->cfg.hal_ctx);
    m->cmd[cmd] = ISSU__CMD_PENDING;   /* first: the HAL may post the outcome at once */
    issu__timer_arm(m, cmd, now);
    if (m->cfg.hal->issue(m->cfg.hal_ctx, m->cfg.instance, cmd) != ISSU_HAL_OK) {
        m->cmd[cmd] = ISSU__CMD_IDLE;
        issu__queue_drop(m, cmd);
        issu__contract(m, ISSU_C_ISSUE_REFUSED);
        return;
    }
    m->nissued[cmd]++;
}

void issu__cancel(issu *m, int cmd)
{
    if (m->replay)
        return;
    issu__trace_action(m, "cancel", issu__cmd_str[cmd]);
    if (m->cmd[cmd] == ISSU__CMD_PENDING)
        m->cfg.hal->cancel(m->cfg.hal_ctx, m->cfg.instance, cmd);
    else if (m->cmd[cmd] == ISSU__CMD_QUEUED)
        issu__queue_drop(m, cmd);      /* an outcome already queued is dropped */
    m->cmd[cmd] = ISSU__CMD_IDLE;
}

void issu__assign(issu *m, int cv, int32_t value)
{
    if (m->obs_fail) {
        m->obs_fail = 0;
        issu__contract(m, ISSU_C_OBSERVE_FAILED);
    }
    if (!m->replay)
        issu__trace_assign(m, cv, value);
    if (!ISSU__REQUIRE(m, m->desc->cv_in_range(m, cv, value), ISSU_C_VALUE_RANGE))
        return;                        /* the variable keeps its value */
    m->vars[cv] = value;
}

/* Local delivery in the system: queue the event in the target instance(s). */
static int issu__deliver(issu *m, int event, int machine, int32_t index)
{
    issu_sys *sys = m->sys;
    int first = index < 0 ? 0 : (int)index;
    int last = index < 0 ? (machine >= 0 && machine < ISSU_NMACHINES ? sys->count[machine] : 0) - 1 : first;
    int rc = 0;
    if (index < 0 && machine >= 0 && machine < ISSU_NMACHINES && last < first)
        return 0;                      /* every instance of an array this profile has none of */
    if (last < first || !issu_sys_get(sys, machine, first)) {
        issu__contract(m, ISSU_C_SEND_UNROUTED);
        return -1;
    }
    for (int i = first; i <= last; i++)                /* bound: the array's instances */
        if (issu__enqueue(issu_sys_get(sys, machine, i), event, 0) != ISSU_RC_OK)
            rc = -1;                   /* reported by the receiver (contract 101) */
    return rc;
}

void issu__send(issu *m, int event, int machine, int32_t index)
{
    if (m->replay)
        return;
    issu__trace_send(m, event, machine, index);
    if (m->cfg.send) {
        if (m->cfg.send(m->cfg.send_ctx, m, event, machine, index) != 0)
            issu__contract(m, ISSU_C_SEND_UNROUTED);   /* the transport lost it */
    }
    else if (m->sys)
        (void)issu__deliver(m, event, machine, index);
    else
        issu__contract(m, ISSU_C_SEND_UNROUTED);
}

/* The instance a monitor reads, or NULL (and the monitor is skipped). */
static const issu *issu__peer(issu *m, int machine, int32_t index)
{
    const issu *p = NULL;
    if (m->sys)
        p = issu_sys_get(m->sys, machine, (int)index);
    else if (machine == m->machine && index == m->index)
        p = m;
    if (!p)
        m->obs_fail = 1;
    return p;
}

int32_t issu__peer_state(issu *m, int machine, int32_t index)
{
    const issu *p = issu__peer(m, machine, index);
    return p ? p->fsm.state : 0;
}

int32_t issu__peer_var(issu *m, int machine, int32_t index, int cv)
{
    const issu *p = issu__peer(m, machine, index);
    return p && cv >= 0 && cv < p->desc->nvars ? p->vars[cv] : 0;
}

int issu__peer_instances(const issu *m, int machine)
{
    return m->sys ? m->sys->count[machine] : issu__ninstances[m->cfg.profile][machine];
}

int32_t issu__peer_count(issu *m, int machine, const int32_t *vals, int nvals)
{
    int n = issu__peer_instances(m, machine);
    int32_t k = 0;
    for (int i = 0; i < n; i++) {                      /* bound: the array's instances */
        const issu *p = issu__peer(m, machine, i);
        for (int v = 0; p && v < nvals; v++)
            if (p->fsm.state == vals[v]) {
                k++;
                break;
            }
    }
    return k;
}
