/* fake_hal.c - the scripted HAL of the runtime tests (fake_hal.h). */
#include "fake_hal.h"

#include <stdio.h>
#include <string.h>

static void fh_copy(char *dst, const char *src)
{
    snprintf(dst, FH_LINE, "%s", src);
}

#define FH_X(name, kind, str, cmd, machine) cmd,
static const int fh_ev_cmd[] = { ISSU_EVENTS(FH_X) };
#undef FH_X

static void fh_call(fh_ctx *c, char what)
{
    if (c->ncalls < FH_MAX_CALLS) {
        c->calls[c->ncalls++] = what;
        c->calls[c->ncalls] = '\0';
    }
}

static int fh_issue(void *ctx, int instance, int cmd)
{
    fh_ctx *c = ctx;
    (void)instance;
    if (c->refuse_issue)
        return ISSU_HAL_ERROR;
    fh_call(c, 'I');
    c->issued[cmd]++;
    c->running[cmd] = 1;
    return ISSU_HAL_OK;
}

static void fh_cancel(void *ctx, int instance, int cmd)
{
    fh_ctx *c = ctx;
    (void)instance;
    fh_call(c, 'C');
    c->cancelled[cmd]++;
    c->running[cmd] = 0;
}

static void fh_expired(void *ctx, int instance, int cmd)
{
    fh_ctx *c = ctx;
    (void)instance;
    fh_call(c, 'E');
    c->expired[cmd]++;
    c->running[cmd] = 0;
}

static int fh_observe(void *ctx, int instance, int var, int32_t index, int32_t *value)
{
    fh_ctx *c = ctx;
    (void)instance;
    if (var < 0 || var >= ISSU_NPLANT || index < 0 || index >= FH_MAX_ELEMS || c->unavailable[var])
        return ISSU_HAL_UNAVAILABLE;
    *value = c->plant[var][index];
    return ISSU_HAL_OK;
}

static issu_time_ms fh_now(void *ctx)
{
    return ((fh_ctx *)ctx)->now;
}

static void fh_console(void *ctx, int instance, issu_time_ms time, const char *line)
{
    fh_ctx *c = ctx;
    (void)instance;
    (void)time;
    if (c->nconsole < FH_MAX_RECORDS)
        fh_copy(c->console[c->nconsole], line);
    c->nconsole++;
}

static void fh_log(void *ctx, int instance, int level, const char *line)
{
    fh_ctx *c = ctx;
    (void)instance;
    (void)level;
    fh_copy(c->last_log, line);
    c->nlogs++;
}

static int fh_jread(void *ctx, int instance, uint32_t off, void *buf, uint32_t len)
{
    fh_ctx *c = ctx;
    (void)instance;
    if (off + len > sizeof c->journal)
        return ISSU_HAL_ERROR;
    memcpy(buf, c->journal + off, len);
    return ISSU_HAL_OK;
}

static int fh_jwrite(void *ctx, int instance, uint32_t off, const void *buf, uint32_t len)
{
    fh_ctx *c = ctx;
    (void)instance;
    if (off + len > sizeof c->journal)
        return ISSU_HAL_ERROR;
    memcpy(c->journal + off, buf, len);
    c->journal_writes++;
    fh_call(c, 'J');
    return ISSU_HAL_OK;
}

static int fh_query(void *ctx, int instance, int cmd, uint32_t *issued, int *running)
{
    fh_ctx *c = ctx;
    (void)instance;
    *issued = (uint32_t)c->issued[cmd];
    *running = c->running[cmd];
    return ISSU_HAL_OK;
}

static void fh_resync(void *ctx, int instance, uint32_t acked)
{
    fh_ctx *c = ctx;
    (void)instance;
    c->resyncs++;
    c->resync_from = acked;
    for (uint32_t i = acked; i < c->nposts && i < FH_MAX_POSTS; i++)   /* bound: FH_MAX_POSTS */
        (void)issu_post(c->m, c->posts[i]);
}

const issu_hal fh_hal = {
    fh_issue, fh_cancel, fh_expired, fh_observe, fh_now, fh_console, fh_log, fh_jread, fh_jwrite,
    fh_query, fh_resync,
};

issu_rc fh_post(fh_ctx *c, int ev)
{
    if (c->nposts < FH_MAX_POSTS)
        c->posts[c->nposts] = ev;
    c->nposts++;
    if (ev >= 0 && ev < ISSU_NEVENTS && fh_ev_cmd[ev] >= 0)
        c->running[fh_ev_cmd[ev]] = 0;
    return issu_post(c->m, ev);
}

static void fh_trace(void *ctx, const issu *m, const char *line)
{
    fh_ctx *c = ctx;
    (void)m;
    if (c->ntraces < FH_MAX_RECORDS)
        fh_copy(c->traces[c->ntraces], line);
    c->ntraces++;
}

static void fh_error(void *ctx, const issu *m, const issu_error *e)
{
    fh_ctx *c = ctx;
    (void)m;
    if (c->nerrors < FH_MAX_RECORDS)
        c->errors[c->nerrors] = *e;
    c->nerrors++;
}

void fh_plant_healthy(fh_ctx *c)
{
    memset(c->plant, 0, sizeof c->plant);
    c->plant[ISSU_PV_re_role][0] = ISSU_role_MASTER;
    c->plant[ISSU_PV_re_role][1] = ISSU_role_BACKUP;
    c->plant[ISSU_PV_fpc][ISSU_fru_ONLINE_OLD] = 6;       /* mx480: 6 slots */
    static const int ok[] = {
        ISSU_PV_gres_ready, ISSU_PV_nsr_synced, ISSU_PV_gres_configured, ISSU_PV_nsr_configured,
        ISSU_PV_versions_match, ISSU_PV_target_newer, ISSU_PV_within_3_releases,
        ISSU_PV_no_sdk_packages, ISSU_PV_disk_space, ISSU_PV_config_supported,
        ISSU_PV_config_compatible, ISSU_PV_image_signed,
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        c->plant[ok[i]][0] = 1;
}

void fh_cfg(fh_ctx *c, issu_cfg *cfg, int instance)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->hal = &fh_hal;
    cfg->hal_ctx = c;
    cfg->instance = instance;
    cfg->profile = ISSU_PROF_mx480;
    cfg->trace = fh_trace;
    cfg->trace_ctx = c;
    cfg->error = fh_error;
    cfg->error_ctx = c;
}

void fh_start(fh_ctx *c, issu *m, int instance)
{
    issu_cfg cfg;
    memset(c, 0, sizeof *c);
    c->m = m;
    fh_plant_healthy(c);
    fh_cfg(c, &cfg, instance);
    issu_init(m, &cfg);
}

int fh_errors(const fh_ctx *c, issu_error_kind kind, int id)
{
    int n = 0;
    for (int i = 0; i < c->nerrors && i < FH_MAX_RECORDS; i++)
        n += c->errors[i].kind == kind && c->errors[i].id == id;
    return n;
}
