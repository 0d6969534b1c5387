/* issu.c - the runtime's core: instance set-up, the event queue, run to
 * completion of one event (guard selection, the machine's Ragel chart,
 * journal, actions, monitors), timers against the HAL clock, status and
 * names.  Everything specific to a machine comes from its descriptor
 * (m->desc); the system of several machines is issu_sys.c.
 *
 * Contracts (issu.h ISSU_CONTRACTS) go to one place, issu__contract(); the
 * error hook of the instance receives them and the monitor violations.
 */
#include <string.h>

#include "issu_impl.h"

/* --- tables from the generated identifiers (issu_ids.h) -------------------- */

#define ISSU_X_(name, kind, str, cmd, machine) cmd,
static const int8_t issu__ev_cmd[ISSU_DIM(ISSU_NEVENTS)] = { ISSU_EVENTS(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, kind, str, cmd, machine) str,
static const char *const issu__ev_names[ISSU_DIM(ISSU_NEVENTS)] = { ISSU_EVENTS(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, timeout, tev, doc) #name,
static const char *const issu__cmd_names[ISSU_CMD_SLOTS] = { ISSU_CMDS(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, timeout, tev, doc) timeout,
static const int64_t issu__cmd_timeout[ISSU_CMD_SLOTS] = { ISSU_CMDS(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, timeout, tev, doc) tev,
static const int16_t issu__cmd_tev[ISSU_CMD_SLOTS] = { ISSU_CMDS(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, fam, doc, ...) { __VA_ARGS__ },
static const int32_t issu__prof_params[ISSU_DIM(ISSU_NPROFILES)][ISSU_DIM(ISSU_NPARAMS)] = {
    ISSU_PROFILES(ISSU_X_)
};
#undef ISSU_X_
#define ISSU_X_(name, fam, doc, ...) fam,
static const int8_t issu__prof_family[ISSU_DIM(ISSU_NPROFILES)] = { ISSU_PROFILES(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, text) text,
static const char *const issu__rc_texts[ISSU_NRCS] = { ISSU_RCS(ISSU_X_) };
#undef ISSU_X_
#define ISSU_X_(name, n) n,
static const int32_t issu__enum_size[ISSU_DIM(ISSU_NENUMS)] = { ISSU_ENUMS(ISSU_X_) };
#undef ISSU_X_

/* --- errors and logs ----------------------------------------------------------- */

static void issu__report(issu *m, const issu_error *e)
{
    m->nviolations++;
    issu__log(m, ISSU_LOG_ERROR, e->kind == ISSU_ERR_MONITOR ? "monitor " : "contract ", e->name,
              ": ", e->text);
    if (m->cfg.error)
        m->cfg.error(m->cfg.error_ctx, m, e);
}

void issu__contract(issu *m, int id)
{
    static const struct { int id; const char *name, *text; } all[] = {
#define ISSU_X_(name, cid, text) { cid, #name, text },
        ISSU_CONTRACTS(ISSU_X_)
#undef ISSU_X_
    };
    issu_error e = { ISSU_ERR_CONTRACT, id, "UNKNOWN", "unknown contract", 0, 0, 0, -1 };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i].id == id) {
            e.name = all[i].name;
            e.text = all[i].text;
        }
    e.instance = m->cfg.instance;
    e.machine = m->machine;
    e.state = m->fsm.state;
    e.event = m->event;
    issu__report(m, &e);
}

/* One log line, the parts joined; a line longer than the buffer ends in
 * "..." so that a reader knows it was cut. */
void issu__log(issu *m, int level, const char *a, const char *b, const char *c, const char *d)
{
    char line[256];
    size_t n = 0;
    int cut = 0;
    const char *parts[4] = { a, b, c, d };
    if (!m->cfg.hal->log)
        return;
    for (int i = 0; i < 4; i++) {                      /* bound: 4 parts */
        size_t len = parts[i] ? strlen(parts[i]) : 0;
        if (len > sizeof line - 1 - n) {
            len = sizeof line - 1 - n;
            cut = 1;
        }
        memcpy(line + n, parts[i] ? parts[i] : "", len);
        n += len;
    }
    if (cut)
        memcpy(line + n - 3, "...", 3);
    line[n] = '\0';
    m->cfg.hal->log(m->cfg.hal_ctx, m->cfg.instance, level, line);
}

void issu__monitors_run(issu *m, int cmd)
{
    static const struct { const char *id, *text; } props[ISSU_NPROPS + 1] = {
#define ISSU_X_(name, kind, pcmd, text) { #name, text },
        ISSU_PROPS(ISSU_X_)
#undef ISSU_X_
        { "?", "?" }                   /* sentinel: the list may be empty */
    };
    uint32_t fam = 1u << issu__prof_family[m->cfg.profile];
    for (int i = 0; i < issu__nmonitors; i++) {        /* bound: the spec's invariants */
        const issu__monitor *mon = &issu__monitors[i];
        if (mon->cmd != cmd || !(mon->families & fam) || mon->prop < 0 || mon->prop >= ISSU_NPROPS)
            continue;
        m->obs_fail = 0;
        int ok = mon->holds(m);
        if (m->obs_fail) {                             /* not observable here: skipped */
            m->obs_fail = 0;
            continue;
        }
        if (!ok) {
            issu_error e = { ISSU_ERR_MONITOR, mon->prop, props[mon->prop].id, props[mon->prop].text,
                             m->cfg.instance, m->machine, m->fsm.state, m->event };
            issu__report(m, &e);
        }
    }
}

/* --- set-up -------------------------------------------------------------------- */

/* Everything of issu_init() but the journal: the initial state. */
issu_rc issu__setup(issu *m, const issu_cfg *cfg)
{
    if (!m || !cfg || !cfg->hal || !cfg->hal->issue || !cfg->hal->cancel || !cfg->hal->observe
        || !cfg->hal->now || cfg->profile < 0 || cfg->profile >= ISSU_NPROFILES
        || cfg->machine < 0 || cfg->machine >= ISSU_NMACHINES || cfg->index < 0
        || cfg->index >= issu__ninstances[cfg->profile][cfg->machine])
        return ISSU_RC_BAD_ARG;
    memset(m, 0, sizeof *m);
    m->cfg = *cfg;
    m->desc = &issu__machines[cfg->machine];
    m->machine = cfg->machine;
    m->index = cfg->index;
    m->qcap = issu__queue_bound[cfg->profile][cfg->machine];
    if (m->qcap > ISSU_QUEUE_LEN)      /* never: ISSU_QUEUE_LEN is the largest bound */
        m->qcap = ISSU_QUEUE_LEN;
    m->event = -1;
    for (int i = 0; i < ISSU_NPARAMS; i++)             /* bound: the spec's params */
        m->params[i] = cfg->params ? cfg->params[i] : issu__prof_params[cfg->profile][i];
    for (int i = 0; i < ISSU_NOPTIONS; i++)
        m->options[i] = (cfg->options >> i) & 1u ? 1 : 0;
    m->desc->fsm_init(&m->fsm);
    m->desc->init_vars(m);
    return ISSU_RC_OK;
}

int issu__abi_ok(const issu_abi *abi)
{
    return abi && memcmp(abi, ISSU_ABI_HERE, sizeof *abi) == 0;
}

issu_rc issu_init_abi(issu *m, const issu_cfg *cfg, const issu_abi *abi)
{
    if (!issu__abi_ok(abi))
        return ISSU_RC_ABI;
    issu_rc rc = issu__setup(m, cfg);
    if (rc == ISSU_RC_OK)
        issu__journal_start(m);
    return rc;
}

/* --- the queue ----------------------------------------------------------------- */

/* Queue event ev; post: its HAL post number, 0 for one raised inside. */
issu_rc issu__enqueue(issu *m, int event, uint32_t post)
{
    if (!ISSU__REQUIRE(m, event >= 0 && event < ISSU_NEVENTS, ISSU_C_BAD_EVENT))
        return ISSU_RC_BAD_ARG;
    int cmd = issu__ev_cmd[event];
    if (cmd >= 0 && m->cmd[cmd] != ISSU__CMD_PENDING) {
        issu__log(m, ISSU_LOG_WARN, "stale outcome '", issu__ev_names[event], "' dropped", NULL);
        return ISSU_RC_STALE;
    }
    if (!ISSU__REQUIRE(m, m->qlen < m->qcap, ISSU_C_QUEUE_OVERFLOW))
        return ISSU_RC_QUEUE_FULL;
    int slot = (m->qhead + m->qlen) % m->qcap;
    m->queue[slot] = (int16_t)event;
    m->qpost[slot] = post;
    m->qlen++;
    if (cmd >= 0)
        m->cmd[cmd] = ISSU__CMD_QUEUED;
    return ISSU_RC_OK;
}

issu_rc issu_post(issu *m, int event)
{
    if (!m)
        return ISSU_RC_BAD_ARG;
    return issu__enqueue(m, event, ++m->received);   /* numbered whatever becomes of it */
}

int issu__queue_drop(issu *m, int cmd)
{
    int kept = 0, dropped = 0;
    for (int i = 0; i < m->qlen; i++) {                /* bound: m->qcap */
        int16_t ev = m->queue[(m->qhead + i) % m->qcap];
        uint32_t post = m->qpost[(m->qhead + i) % m->qcap];
        if (issu__ev_cmd[ev] == cmd) {
            dropped++;
            continue;
        }
        m->queue[(m->qhead + kept) % m->qcap] = ev;
        m->qpost[(m->qhead + kept) % m->qcap] = post;
        kept++;
    }
    m->qlen = kept;
    return dropped;
}

/* --- run to completion --------------------------------------------------------- */

static issu_rc issu__unhandled(issu *m, int ev, int from)
{
    int cell = m->desc->policy[from * ISSU_NEVENTS + ev];
    int p = cell & ISSU__P_MASK;
    const char *what = p == ISSU__P_IGNORE ? "ignored" : p == ISSU__P_REJECT ? "rejected" : "undecided";
    if (p != ISSU__P_IGNORE && p != ISSU__P_REJECT)    /* impossible in a checked spec... */
        issu__contract(m, cell & ISSU__P_ARRIVES ? ISSU_C_NO_POLICY : ISSU_C_NOT_ARRIVING);
    issu__trace_begin(m, -1, from, ev);
    issu__trace_end(m, from, what);
    issu__log(m, p == ISSU__P_IGNORE ? ISSU_LOG_INFO : ISSU_LOG_WARN, issu__ev_names[ev],
              " unhandled in ", m->desc->state_names[from], NULL);
    return p == ISSU__P_IGNORE ? ISSU_RC_IGNORED : p == ISSU__P_REJECT ? ISSU_RC_REJECTED
                                                                       : ISSU_RC_UNDECIDED;
}

/* Transition k: the chart moves, the journal records, then the actions run. */
static issu_rc issu__fire(issu *m, int k, int ev, int from)
{
    issu_fsm saved = m->fsm;
    if (m->desc->fsm_exec(&m->fsm, k) != 0) {
        m->fsm = saved;
        issu__contract(m, ISSU_C_RAGEL_ERROR);
        return ISSU_RC_CONTRACT;
    }
    if (m->fsm.state != m->desc->trans[k].to)
        issu__contract(m, ISSU_C_TARGET_MISMATCH);
    issu__journal_write(m, k);
    issu__trace_begin(m, k, from, ev);
    m->desc->actions(m, k);
    issu__trace_end(m, m->fsm.state, NULL);
    m->ntrans++;
    return ISSU_RC_OK;
}

static issu_rc issu__dispatch(issu *m, int ev)
{
    int held = 0, from = m->fsm.state;
    m->obs_fail = 0;
    int k = m->desc->select(m, ev, &held);
    if (m->obs_fail) {
        m->obs_fail = 0;
        issu__contract(m, ISSU_C_OBSERVE_FAILED);
    }
    if (held > 1) {                    /* never pick one of two: state unchanged */
        issu__contract(m, ISSU_C_NONDETERMINISM);
        issu__trace_begin(m, -1, from, ev);   /* every event taken leaves a trace line */
        issu__trace_end(m, from, "nondeterministic");
        return ISSU_RC_CONTRACT;
    }
    return k < 0 ? issu__unhandled(m, ev, from) : issu__fire(m, k, ev, from);
}

issu_rc issu_step(issu *m)
{
    if (!m || m->qlen == 0)
        return ISSU_RC_EMPTY;
    int ev = m->queue[m->qhead];
    if (m->qpost[m->qhead] != 0)       /* the HAL's posts up to this one are consumed */
        m->acked = m->qpost[m->qhead];
    m->qhead = (m->qhead + 1) % m->qcap;
    m->qlen--;
    if (issu__ev_cmd[ev] >= 0)         /* its outcome arrived: no longer pending */
        m->cmd[issu__ev_cmd[ev]] = ISSU__CMD_IDLE;
    m->event = ev;
    issu_rc rc = issu__dispatch(m, ev);
    issu__monitors_run(m, -1);
    m->event = -1;
    return rc;
}

int issu_run(issu *m, int max)
{
    int n = 0;
    while (n < max && issu_step(m) != ISSU_RC_EMPTY)   /* bound: max */
        n++;
    return n;
}

/* --- timers -------------------------------------------------------------------- */

issu_time_ms issu__deadline_of(int cmd, issu_time_ms from)
{
    int64_t t = issu__cmd_timeout[cmd];
    return t < 0 ? 0 : from + (issu_time_ms)t;
}

void issu__timer_arm(issu *m, int cmd, issu_time_ms from)
{
    m->deadline[cmd] = issu__deadline_of(cmd, from);
}

int issu_tick(issu *m)
{
    if (!m)
        return 0;
    issu_time_ms now = m->cfg.hal->now(m->cfg.hal_ctx);
    int n = 0;
    for (int c = 0; c < ISSU_NCMDS; c++) {             /* bound: one timer per command */
        if (m->cmd[c] != ISSU__CMD_PENDING || issu__cmd_tev[c] < 0 || now < m->deadline[c])
            continue;
        if (issu__enqueue(m, issu__cmd_tev[c], 0) != ISSU_RC_OK)
            continue;                  /* queue full (reported): retried next tick */
        if (m->cfg.hal->expired)
            m->cfg.hal->expired(m->cfg.hal_ctx, m->cfg.instance, c);
        n++;
    }
    return n;
}

int issu_next_deadline(const issu *m, issu_time_ms *at)
{
    int found = 0;
    for (int c = 0; m && c < ISSU_NCMDS; c++) {        /* bound: one timer per command */
        if (m->cmd[c] != ISSU__CMD_PENDING || issu__cmd_tev[c] < 0)
            continue;
        if (!found || m->deadline[c] < *at)
            *at = m->deadline[c];
        found = 1;
    }
    return found;
}

/* --- status and names ---------------------------------------------------------- */

void issu_get_status(const issu *m, issu_status *st)
{
    memset(st, 0, sizeof *st);
    st->machine = m->machine;
    st->index = m->index;
    st->state = m->fsm.state;
    st->state_name = m->desc->state_names[m->fsm.state];
    for (int c = 0; c < ISSU_NCMDS; c++)
        if (m->cmd[c] != ISSU__CMD_IDLE)
            st->pending |= 1ull << c;
    st->queued = m->qlen;
    st->transitions = m->ntrans;
    st->violations = m->nviolations;
}

int32_t issu_var(const issu *m, int cv)
{
    return cv >= 0 && cv < m->desc->nvars ? m->vars[cv] : 0;
}

const char *issu_machine_name(int machine)
{
    return machine >= 0 && machine < ISSU_NMACHINES ? issu__machines[machine].name : "?";
}

int issu_machine_id(const char *name)
{
    for (int i = 0; name && i < ISSU_NMACHINES; i++)   /* bound: the spec's machines */
        if (strcmp(issu__machines[i].name, name) == 0)
            return i;
    return -1;
}

const char *issu_state_name(int machine, int state)
{
    if (machine < 0 || machine >= ISSU_NMACHINES || state < 0 || state >= issu__machines[machine].nstates)
        return "?";
    return issu__machines[machine].state_names[state];
}

const char *issu_var_name(int machine, int cv)
{
    if (machine < 0 || machine >= ISSU_NMACHINES || cv < 0 || cv >= issu__machines[machine].nvars)
        return "?";
    return issu__machines[machine].vars[cv].name;
}

const char *issu_event_name(int event)
{
    return event >= 0 && event < ISSU_NEVENTS ? issu__ev_names[event] : "?";
}

const char *issu_cmd_name(int cmd)
{
    return cmd >= 0 && cmd < ISSU_NCMDS ? issu__cmd_names[cmd] : "?";
}

const char *issu_rc_text(issu_rc rc)
{
    return (unsigned)rc < (unsigned)ISSU_NRCS ? issu__rc_texts[rc] : "?";
}

const char *issu_enum_member(int enum_id, int32_t v)
{
    if (enum_id < 0 || enum_id >= ISSU_NENUMS || v < 0 || v >= issu__enum_size[enum_id])
        return NULL;
    return issu__enum_names[enum_id][v];
}

int32_t issu__pending(const issu *m, int cmd)
{
    return m->cmd[cmd] != ISSU__CMD_IDLE;
}

