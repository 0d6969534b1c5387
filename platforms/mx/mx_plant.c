/* mx_plant.c - the MX chassis' state: models, releases, configuration,
 * power-on, observations of the spec's plant variables, and the helpers that
 * keep the FPC pool and the traffic model in step (mx_plant.h). */
#include "mx_plant.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MX_NAME(n) #n,
const char *const mx_cmd_names[MX_CMD_N] = { MX_COMMANDS(MX_NAME) };
const char *const mx_outcome_names[MX_OUT_N] = { MX_OUTCOMES(MX_NAME) };
const char *const mx_pv_names[MX_PV_N] = { MX_PLANT_VARS(MX_NAME) };
const char *const mx_env_names[MX_ENV_N] = { MX_ENV(MX_NAME) };
const char *const mx_fru_names[MX_FRU_N] = {
    "ONLINE_OLD", "UNSUPPORTED", "OFFLINE", "PREPARING", "READY",
    "WARM_BOOTING", "ONLINE_NEW", "FAILED",
};

const mx_model mx_models[] = {
    { "mx240", "MX240", "mx240", 3 },
    { "mx480", "MX480", "mx480", 6 },
    { "mx960", "MX960", "mx960", 12 },
};
const uint32_t mx_model_count = (uint32_t)(sizeof mx_models / sizeof mx_models[0]);

const mx_model *mx_model_find(const char *name)
{
    assert(name != NULL);
    for (uint32_t i = 0; i < mx_model_count; i++)
        if (strcmp(mx_models[i].name, name) == 0)
            return &mx_models[i];
    return NULL;
}

/* Read a decimal number of at most 4 digits at *s; -1 if none. */
static int32_t number(const char **s)
{
    int32_t v = 0;
    int digits = 0;
    while (**s >= '0' && **s <= '9') {
        if (++digits > 4)
            return -1;
        v = v * 10 + (int32_t)(**s - '0');
        (*s)++;
    }
    return digits == 0 ? -1 : v;
}

int mx_version_parse(const char *s, mx_version *v)
{
    assert(s != NULL && v != NULL);
    memset(v, 0, sizeof *v);
    if (strlen(s) >= sizeof v->text)
        return -1;
    const char *p = s;
    int32_t major = number(&p);
    if (major < 1 || *p++ != '.')
        return -1;
    int32_t minor = number(&p);
    if (minor < 1 || minor > 4 || *p++ != 'R')
        return -1;
    int32_t r = number(&p);
    if (r < 1)
        return -1;
    int32_t build = 0;
    if (*p == '.' && (p++, (build = number(&p)) < 0))
        return -1;
    if (*p != '\0')
        return -1;
    v->major = (uint32_t)major;
    v->minor = (uint32_t)minor;
    v->rlevel = (uint32_t)r;
    v->build = (uint32_t)build;
    memcpy(v->text, s, strlen(s) + 1);
    return 0;
}

int mx_version_cmp(const mx_version *a, const mx_version *b)
{
    assert(a != NULL && b != NULL);
    const uint32_t ka[4] = { a->major, a->minor, a->rlevel, a->build };
    const uint32_t kb[4] = { b->major, b->minor, b->rlevel, b->build };
    for (int i = 0; i < 4; i++)
        if (ka[i] != kb[i])
            return ka[i] < kb[i] ? -1 : 1;
    return 0;
}

int32_t mx_version_distance(const mx_version *a, const mx_version *b)
{
    assert(a != NULL && b != NULL);
    int32_t qa = (int32_t)(a->major * 4u + a->minor);
    int32_t qb = (int32_t)(b->major * 4u + b->minor);
    return qb - qa;
}

void mx_config_default(mx_config *c)
{
    assert(c != NULL);
    memset(c, 0, sizeof *c);
    c->model = mx_model_find("mx480");
    (void)mx_version_parse("23.4R1.9", &c->running);
    c->backup_running = c->running;
    (void)mx_version_parse("24.2R1.17", &c->target);
    c->gres = c->nsr = c->disk_space = 1;
    c->config_supported = c->config_compatible = c->image_signed = 1;
    c->backup_ready = c->nsr_synced = 1;
    for (uint32_t i = 0; i < MX_SLOTS_MAX; i++)
        c->pics[i] = i % 2 == 0 ? 4u : 2u;   /* MPC with 4 MICs/PICs, or 2 */
    c->seed = 1;
}

void mx_plant_init(mx_plant *p, const mx_config *cfg)
{
    assert(p != NULL && cfg != NULL && cfg->model != NULL);
    assert(cfg->model->slots >= 1 && cfg->model->slots <= MX_SLOTS_MAX);
    memset(p, 0, sizeof *p);
    p->cfg = *cfg;
    p->slots = cfg->model->slots;
    sim_sched_init(&p->sched);
    sim_rng_seed(&p->rng, cfg->seed);
    sim_traffic_init(&p->traffic, p->slots, 0);
    sim_fault_plan_init(&p->faults);
    p->re_role[0] = MX_MASTER;
    p->re_role[1] = cfg->backup_ready ? MX_BACKUP : MX_DOWN;
    p->gres_ready = cfg->backup_ready && cfg->gres;
    /* a down backup is neither GRES-ready nor synchronized (S22) */
    p->nsr_synced = cfg->backup_ready && cfg->nsr_synced && cfg->nsr;
    for (uint32_t i = 0; i < p->slots; i++)
        p->fpc[i] = cfg->unsupported_pics[i] != 0 ? MX_UNSUPPORTED : MX_ONLINE_OLD;
    p->crash_budget = p->refusal_budget = 1;
    for (uint32_t c = 0; c < MX_CMD_N; c++)
        p->pend[c].slot = -1;
    p->state = "IDLE";
}

/* The fact plant variables (section 2.1 preconditions), from the config. */
static int fact(const mx_plant *p, mx_pv var, int32_t *value)
{
    const mx_config *c = &p->cfg;
    switch (var) {
    case MX_PV_gres_configured: *value = c->gres != 0; return 0;
    case MX_PV_nsr_configured: *value = c->nsr != 0; return 0;
    case MX_PV_versions_match: *value = mx_version_cmp(&c->running, &c->backup_running) == 0; return 0;
    case MX_PV_target_newer: *value = mx_version_cmp(&c->target, &c->running) > 0; return 0;
    case MX_PV_within_3_releases: *value = mx_version_distance(&c->running, &c->target) <= 3; return 0;
    case MX_PV_no_sdk_packages: *value = c->sdk_packages == 0; return 0;
    case MX_PV_disk_space: *value = c->disk_space != 0; return 0;
    case MX_PV_config_supported: *value = c->config_supported != 0; return 0;
    case MX_PV_config_compatible: *value = c->config_compatible != 0; return 0;
    case MX_PV_image_signed: *value = c->image_signed != 0; return 0;
    default: return -1;
    }
}

/* Array and pool plant variables. */
static int indexed(const mx_plant *p, mx_pv var, int32_t index, int32_t *value)
{
    if (var == MX_PV_fpc) {
        if (index < 0 || index >= (int32_t)MX_FRU_N)
            return -1;
        *value = (int32_t)mx_count(p, (mx_fru)index);
        return 0;
    }
    if (index < 0 || index >= (int32_t)MX_RES)
        return -1;
    switch (var) {
    case MX_PV_re_role: *value = (int32_t)p->re_role[index]; return 0;
    case MX_PV_re_ver: *value = (int32_t)p->re_ver[index]; return 0;
    case MX_PV_re_inst: *value = (int32_t)p->re_inst[index]; return 0;
    default: return -1;
    }
}

int mx_plant_observe(const mx_plant *p, mx_pv var, int32_t index, int32_t *value)
{
    assert(p != NULL && value != NULL);
    if (var == MX_PV_fpc || var == MX_PV_re_role || var == MX_PV_re_ver || var == MX_PV_re_inst)
        return indexed(p, var, index, value);
    if (index != 0)
        return -1;
    switch (var) {
    case MX_PV_gres_ready: *value = p->gres_ready != 0; return 0;
    case MX_PV_nsr_synced: *value = p->nsr_synced != 0; return 0;
    case MX_PV_daemons_ready: *value = p->daemons_ready != 0; return 0;
    case MX_PV_switchovers: *value = p->switchovers; return 0;
    case MX_PV_validation_started: *value = p->validation_started != 0; return 0;
    case MX_PV_abort_requested: *value = p->abort_requested != 0; return 0;
    case MX_PV_start_typed: *value = p->start_typed != 0; return 0;
    case MX_PV_crash_budget: *value = p->crash_budget != 0; return 0;
    case MX_PV_refusal_budget: *value = p->refusal_budget != 0; return 0;
    case MX_PV_trouble: *value = p->trouble != 0; return 0;
    case MX_PV_fatal: *value = p->fatal != 0; return 0;
    case MX_PV_switchover_checked: *value = p->switchover_checked != 0; return 0;
    case MX_PV_switchover_failed: *value = p->switchover_failed != 0; return 0;
    case MX_PV_restore_failed: *value = p->restore_failed != 0; return 0;
    default: return fact(p, var, value);
    }
}

uint32_t mx_count(const mx_plant *p, mx_fru s)
{
    assert(p != NULL);
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->slots; i++)
        n += p->fpc[i] == s ? 1u : 0u;
    return n;
}

int32_t mx_lowest(const mx_plant *p, mx_fru s)
{
    assert(p != NULL);
    for (uint32_t i = 0; i < p->slots; i++)
        if (p->fpc[i] == s)
            return (int32_t)i;
    return -1;
}

/* Does an FPC in this state (and dark-window flag) forward traffic? */
static int forwards(mx_fru s, int dark)
{
    switch (s) {
    case MX_OFFLINE: case MX_FAILED: return 0;
    case MX_WARM_BOOTING: return !dark;
    default: return 1;
    }
}

void mx_set_fpc(mx_plant *p, uint32_t slot, mx_fru s)
{
    assert(p != NULL && slot < p->slots && s < MX_FRU_N);
    p->fpc[slot] = s;
    if (s != MX_WARM_BOOTING)
        p->dark[slot] = 0;
    sim_traffic_set(&p->traffic, slot, forwards(s, p->dark[slot]), p->sched.now);
}

void mx_move_all(mx_plant *p, mx_fru from, mx_fru to)
{
    assert(p != NULL);
    for (uint32_t i = 0; i < p->slots; i++)
        if (p->fpc[i] == from)
            mx_set_fpc(p, i, to);
}

void mx_sync_master(mx_plant *p)
{
    assert(p != NULL);
    int master = p->re_role[0] == MX_MASTER || p->re_role[1] == MX_MASTER;
    sim_traffic_set_master(&p->traffic, master, p->sched.now);
}

void mx_detailf(mx_plant *p, const char *fmt, ...)
{
    assert(p != NULL && fmt != NULL);
    if (p->detail == NULL)
        return;
    char line[MX_DETAIL_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    p->detail(p->cb_ctx, p->sched.now, line);
}
