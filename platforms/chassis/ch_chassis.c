/* ch_chassis.c - the chassis' state: power-on from the configuration, the
 * plant's hooks, the FRU pools and the traffic model kept in step with the
 * plant (ch_chassis.h). */
#include "ch_chassis.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ch_spec.h"
#include "sim_err.h"

/* ---- the plant's hooks -------------------------------------------------- */

/* 1 if v is one of vals[0..n-1]. */
static int offered(int32_t v, const int32_t *vals, int32_t n)
{
    for (int32_t i = 0; i < n; i++)    /* bound: n, the values offered */
        if (vals[i] == v)
            return 1;
    return 0;
}

/* A free choice of the spec: at power-on the configuration's fact (or the
 * first value listed), later the PRNG (the hardware's luck). */
static int32_t h_choose(void *ctx, int var, int32_t index, const int32_t *vals, int32_t n)
{
    ch_chassis *ch = ctx;
    int32_t want;
    (void)index;
    assert(vals != NULL && n >= 1);
    if (ch->powered)
        return vals[sim_rng_range(&ch->rng, 0, (uint64_t)n - 1u)];
    if (ch_config_fact(&ch->cfg, var, &want) == 0 && offered(want, vals, n))
        return want;
    return vals[0];
}

/* The pool of plant variable var, or -1. */
static int pool_of(const ch_chassis *ch, int var)
{
    for (uint32_t k = 0; k < ch->npools; k++)   /* bound: CH_POOLS_MAX */
        if (ch->pools[k].var == var)
            return (int)k;
    return -1;
}

/* A cell changed: an element of a pool that a step moved into
 * WARM_BOOTING is the one whose dark window the command being issued
 * schedules (ch_cmd.c reads ch->entered after the issue effect). */
static void h_changed(void *ctx, int var, int32_t index, int32_t before, int32_t after)
{
    ch_chassis *ch = ctx;
    int k = pool_of(ch, var);
    (void)before;
    if (k >= 0 && after == ch->id.warm_booting)
        ch->entered = (int32_t)(ch->pools[k].unit + (uint32_t)index);
}

/* The controller's state, variables and instances, as the run tells them
 * (ch_ctrl); before a controller runs: state 0, variables 0, one instance. */
static int32_t h_state(void *ctx, int machine, int32_t instance)
{
    const ch_chassis *ch = ctx;
    return ch->ctrl.state != NULL ? ch->ctrl.state(ch->ctrl.ctx, machine, instance) : 0;
}

static int32_t h_mvar(void *ctx, int machine, int32_t instance, int var)
{
    const ch_chassis *ch = ctx;
    return ch->ctrl.mvar != NULL ? ch->ctrl.mvar(ch->ctrl.ctx, machine, instance, var) : 0;
}

static int32_t h_ninstances(void *ctx, int machine)
{
    const ch_chassis *ch = ctx;
    return ch->ctrl.ninstances != NULL ? ch->ctrl.ninstances(ch->ctrl.ctx, machine) : 1;
}

/* ---- power-on --------------------------------------------------------------- */

/* The spec's names the chassis reads. */
static void resolve(ch_ids *id)
{
    id->re_role = ch_spec_var("re_role");
    id->master = ch_spec_var_member(id->re_role, "MASTER");
    id->down = ch_spec_var_member(id->re_role, "DOWN");
    id->rebooting = ch_spec_var_member(id->re_role, "REBOOTING");
    id->fru = ch_spec_enum("fru");
    id->unsupported = ch_spec_member(id->fru, "UNSUPPORTED");
    id->offline = ch_spec_member(id->fru, "OFFLINE");
    id->warm_booting = ch_spec_member(id->fru, "WARM_BOOTING");
    id->failed = ch_spec_member(id->fru, "FAILED");
    id->switchover = ch_spec_cmd("re_switchover");
    id->reboot = ch_spec_option("reboot");
    id->single_cpu = ch_spec_env("single_cpu");
}

/* Whether plant variable v is a pool of enum fru not yet in ch->pools. */
static int new_fru_pool(const ch_chassis *ch, int v)
{
    if (v < 0 || ch->id.fru < 0 || ch_spec_var_shape(v) != ISSU_SHAPE_POOL || ch_spec_var_enum(v) != ch->id.fru)
        return 0;
    return pool_of(ch, v) < 0;
}

/* Append pool v, its elements traffic units from *units on.  0, or -1 if
 * there are too many pools. */
static int add_pool(ch_chassis *ch, int v, uint32_t *units)
{
    if (ch->npools == CH_POOLS_MAX)
        return -1;
    ch_pool *pl = &ch->pools[ch->npools++];
    const char *label = ch_family_pool_label(ch->family, ch_spec_var_name(v));
    pl->var = v;
    pl->size = issu_plant_size(&ch->plant, v);
    pl->unit = *units;
    pl->label = label != NULL ? label : ch_spec_var_name(v);
    *units += (uint32_t)pl->size;
    return 0;
}

/* Every pool of enum fru, each element a traffic unit from *units on:
 * those the family labels first, in its order (the order of the summary),
 * then any other in the spec's.  0 or -1 (too many). */
static int find_pools(ch_chassis *ch, uint32_t *units)
{
    for (size_t i = 0; i < ch->family->npools; i++) {   /* bound: the family's labels */
        int v = ch_spec_var(ch->family->pools[i].pool);
        if (new_fru_pool(ch, v) && add_pool(ch, v, units) != 0)
            return -1;
    }
    for (int v = 0; v < ISSU_NPLANT; v++)     /* bound: ISSU_NPLANT */
        if (new_fru_pool(ch, v) && add_pool(ch, v, units) != 0)
            return -1;
    return *units > SIM_TRAFFIC_UNITS ? -1 : 0;
}

/* Write cell `index` of `var` (power-on only: no hook hears it). */
static void put(ch_chassis *ch, int var, int32_t index, int32_t v)
{
    if (var >= 0 && v >= 0 && index >= 0 && index < issu_plant_size(&ch->plant, var))
        ch->plant.cell[ch_spec_var_slot(var) + index] = v;
}

/* What the spec fixes by silent configuration faults before the request:
 * a single CPU whose backup RE ISSU spawns (D26: the fault itself, its
 * `when` and effect the plant's, so RE1 is down as in the model), the FPCs
 * without ISSU support (D23) and a backup RE that is down.  No controller
 * runs yet: the plant's conditions see it in its initial state (the
 * plant's default for a hook left NULL). */
static int configure(ch_chassis *ch)
{
    int fpc = ch_spec_var("fpc");
    issu_plant_hooks boot = ch->hooks;
    boot.state = NULL;
    boot.mvar = NULL;
    boot.ninstances = NULL;
    if (ch->id.single_cpu >= 0 && issu_plant_env_allowed(&ch->plant, ch->id.single_cpu, &boot) == 1
        && issu_plant_env_apply(&ch->plant, ch->id.single_cpu, 0, &boot) != 0)
        return -1;
    if (!ch->cfg.backup_ready)
        put(ch, ch->id.re_role, 1, ch->id.down);
    if (pool_of(ch, fpc) < 0)
        return 0;
    for (int32_t s = 0; s < issu_plant_size(&ch->plant, fpc) && s < (int32_t)CH_SLOTS_MAX; s++)
        if (ch->cfg.unsupported_pics[s] != 0)
            put(ch, fpc, s, ch->id.unsupported);
    return 0;
}

int ch_init(ch_chassis *ch, const ch_config *cfg, const ch_ctrl *ctrl, char *err, size_t errlen)
{
    assert(ch != NULL && cfg != NULL && cfg->model != NULL && ctrl != NULL && ctrl->n <= (int)CH_INSTANCES);
    uint32_t units = 0;
    memset(ch, 0, sizeof *ch);
    ch->cfg = *cfg;
    ch->family = cfg->model->family;
    ch->ctrl = *ctrl;
    ch->entered = -1;
    ch->hooks = (issu_plant_hooks){ .choose = h_choose, .state = h_state, .mvar = h_mvar,
                                    .ninstances = h_ninstances, .changed = h_changed, .ctx = ch };
    resolve(&ch->id);
    if (issu_plant_init(&ch->plant, ch_spec_profile(cfg->model->profile), cfg->options, &ch->hooks) != 0)
        return sim_err(err, errlen, "the spec has no profile '%s'", cfg->model->profile);
    if (find_pools(ch, &units) != 0)
        return sim_err(err, errlen, "the spec has more FRUs than the simulator can hold (%u)", SIM_TRAFFIC_UNITS);
    if (configure(ch) != 0)
        return sim_err(err, errlen, "the spec's fault 'single_cpu' cannot apply at power-on");
    if (ch_members_init(ch, &units, err, errlen) != 0)
        return -1;
    sim_traffic_init(&ch->traffic, units, 0);
    sim_sched_init(&ch->sched);
    sim_rng_seed(&ch->rng, cfg->seed);
    sim_fault_plan_init(&ch->faults);
    for (size_t i = 0; i < CH_INSTANCES; i++)  /* bound: CH_INSTANCES */
        for (int c = 0; c < ISSU_NCMDS; c++)   /* bound: ISSU_NCMDS */
            ch->pend[i][c].unit = -1;
    ch->state = ch->initial = "?";
    ch->powered = 1;
    ch_sync(ch);
    return 0;
}

/* ---- reading the plant --------------------------------------------------------- */

int32_t ch_get(const ch_chassis *ch, int var, int32_t index)
{
    assert(ch != NULL && index >= 0 && index < issu_plant_size(&ch->plant, var));
    return ch->plant.cell[ch_spec_var_slot(var) + index];
}

uint32_t ch_count(const ch_chassis *ch, int var, int32_t v)
{
    assert(ch != NULL);
    uint32_t n = 0;
    for (int32_t i = 0; i < issu_plant_size(&ch->plant, var); i++)   /* bound: the variable's size */
        n += ch_get(ch, var, i) == v ? 1u : 0u;
    return n;
}

uint32_t ch_count_frus(const ch_chassis *ch, int32_t v)
{
    assert(ch != NULL);
    uint32_t n = 0;
    for (uint32_t k = 0; k < ch->npools; k++)  /* bound: CH_POOLS_MAX */
        n += ch_count(ch, ch->pools[k].var, v);
    return n;
}

int32_t ch_unit_fru(const ch_chassis *ch, uint32_t u)
{
    assert(ch != NULL && u < ch->traffic.n);
    const ch_members *ms = &ch->members;
    for (uint32_t k = 0; k < ch->npools; k++)  /* bound: CH_POOLS_MAX */
        if (u >= ch->pools[k].unit && u < ch->pools[k].unit + (uint32_t)ch->pools[k].size)
            return ch_get(ch, ch->pools[k].var, (int32_t)(u - ch->pools[k].unit));
    return ms->fru[u - ms->unit];
}

int ch_instance(const ch_chassis *ch, int machine, int32_t self)
{
    assert(ch != NULL);
    for (int i = 0; i < ch->ctrl.n; i++)       /* bound: CH_INSTANCES */
        if (ch->ctrl.machine[i] == machine && ch->ctrl.self[i] == self)
            return i;
    return -1;
}

int32_t ch_instances(const ch_chassis *ch, int machine)
{
    assert(ch != NULL);
    int32_t n = 0;
    for (int i = 0; i < ch->ctrl.n; i++)       /* bound: CH_INSTANCES */
        n += ch->ctrl.machine[i] == machine ? 1 : 0;
    return n;
}

int ch_running(const ch_chassis *ch)
{
    assert(ch != NULL && ch->state != NULL && ch->initial != NULL);
    return strcmp(ch->state, ch->initial) != 0;
}

/* ---- the traffic model ------------------------------------------------------------ */

/* Percent of line rate unit u forwards now, in fru member `state`, with
 * `share` the rate its chassis' switchover leaves; clears its dark window
 * once it has left WARM_BOOTING. */
static uint32_t rate_of(ch_chassis *ch, uint32_t u, int32_t state, uint32_t share)
{
    if (state != ch->id.warm_booting)
        ch->dark[u] = 0;
    if (state == ch->id.offline || state == ch->id.failed || ch->dark[u])
        return 0;
    return share;
}

/* The share of line rate the PFEs keep while instance inst's command cmd
 * (a switchover) is pending: the family's GRES share, else full. */
static uint32_t share_of(const ch_chassis *ch, int inst, int cmd)
{
    int switching = inst >= 0 && cmd >= 0 && ch->pend[inst][cmd].active;
    return switching ? ch->family->gres_share : SIM_TRAFFIC_FULL;
}

/* Some RE is master (a spec without re_role: always). */
static int has_master(const ch_chassis *ch)
{
    return ch->id.re_role < 0 || ch_count(ch, ch->id.re_role, ch->id.master) > 0;
}

/* The member chassis' FRUs: each member's own switchover keeps its share. */
static void sync_members(ch_chassis *ch)
{
    const ch_members *ms = &ch->members;
    ch_members_follow(ch);
    for (int32_t i = 0; i < ms->n; i++) {             /* bound: the members */
        uint32_t share = share_of(ch, ch_instance(ch, ms->machine, i), ms->switchover);
        for (int32_t s = 0; s < ms->nfru; s++) {      /* bound: nfru */
            uint32_t u = ms->unit + (uint32_t)(i * ms->nfru + s);
            sim_traffic_rate(&ch->traffic, u, rate_of(ch, u, ch_member_fru(ch, i, s), share), ch->sched.now);
        }
    }
}

void ch_sync(ch_chassis *ch)
{
    assert(ch != NULL);
    uint32_t share = share_of(ch, ch->ctrl.n > 0 ? 0 : -1, ch->id.switchover);   /* the first instance's */
    for (uint32_t k = 0; k < ch->npools; k++) {   /* bound: CH_POOLS_MAX */
        const ch_pool *pl = &ch->pools[k];
        for (int32_t e = 0; e < pl->size; e++) {  /* bound: the pool's size */
            uint32_t u = pl->unit + (uint32_t)e;
            sim_traffic_rate(&ch->traffic, u, rate_of(ch, u, ch_get(ch, pl->var, e), share), ch->sched.now);
        }
    }
    sync_members(ch);
    sim_traffic_set_master(&ch->traffic, has_master(ch), ch->sched.now);
}

void ch_detailf(ch_chassis *ch, const char *fmt, ...)
{
    assert(ch != NULL && fmt != NULL);
    if (ch->detail == NULL)
        return;
    char line[CH_DETAIL_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ch->detail(ch->cb_ctx, ch->sched.now, line);
}
