/* rp.c - replaying a trace through the generated controller (see rp.h). */
#include "rp.h"

#include <stdio.h>
#include <string.h>

/* --- names ---------------------------------------------------------------------- */

#define RP_X_(name, ...) #name,
static const char *const rp_opt_names[ISSU_DIM(ISSU_NOPTIONS)] = { ISSU_OPTIONS(RP_X_) };
static const char *const rp_plant_names[ISSU_DIM(ISSU_NPLANT)] = { ISSU_PLANT(RP_X_) };
static const char *const rp_prof_names[ISSU_DIM(ISSU_NPROFILES)] = { ISSU_PROFILES(RP_X_) };
#undef RP_X_
#define RP_X_(name, shape, kind, en, size, doc) shape,
static const int8_t rp_plant_shape[ISSU_DIM(ISSU_NPLANT)] = { ISSU_PLANT(RP_X_) };
#undef RP_X_
#define RP_X_(name, shape, kind, en, size, doc) kind,
static const int8_t rp_plant_kind[ISSU_DIM(ISSU_NPLANT)] = { ISSU_PLANT(RP_X_) };
#undef RP_X_
#define RP_X_(name, shape, kind, en, size, doc) en,
static const int8_t rp_plant_enum[ISSU_DIM(ISSU_NPLANT)] = { ISSU_PLANT(RP_X_) };
#undef RP_X_
#define RP_X_(name, kind, str, cmd, machine) machine,
static const int8_t rp_ev_machine[ISSU_DIM(ISSU_NEVENTS)] = { ISSU_EVENTS(RP_X_) };
#undef RP_X_
#define RP_X_(name, kind, str, cmd, machine) cmd,
static const int8_t rp_ev_cmd[ISSU_DIM(ISSU_NEVENTS)] = { ISSU_EVENTS(RP_X_) };
#undef RP_X_

static int rp_find(const char *const *names, int n, const char *s, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
            return i;
    return -1;
}

int rp_ctrl(int machine, const char *s, size_t n)
{
    for (int cv = 0; strcmp(issu_var_name(machine, cv), "?") != 0; cv++)
        if (strlen(issu_var_name(machine, cv)) == n && memcmp(issu_var_name(machine, cv), s, n) == 0)
            return cv;
    return -1;
}

int rp_machine(const char *s, size_t n)
{
    for (int m = 0; m < ISSU_NMACHINES; m++)
        if (strlen(issu_machine_name(m)) == n && memcmp(issu_machine_name(m), s, n) == 0)
            return m;
    return -1;
}

/* A variable of some machine: "n", or "ctl[1].n" as the model names an
 * instance's variable.  A trace's world lines leave them to machine lines. */
static int rp_is_ctrl(const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);
    if (dot) {
        n -= (size_t)(dot + 1 - s);
        s = dot + 1;
    }
    for (int m = 0; m < ISSU_NMACHINES; m++)
        if (rp_ctrl(m, s, n) >= 0)
            return 1;
    return 0;
}
int rp_option(const char *s, size_t n) { return rp_find(rp_opt_names, ISSU_NOPTIONS, s, n); }
int rp_profile(const char *s, size_t n) { return rp_find(rp_prof_names, ISSU_NPROFILES, s, n); }

/* Through the runtime's name functions: id -> name, searched. */
static int rp_by_name(const char *(*name)(int), int count, const char *s, size_t n)
{
    for (int i = 0; i < count; i++) {
        const char *x = name(i);
        if (strlen(x) == n && memcmp(x, s, n) == 0)
            return i;
    }
    return -1;
}

int rp_state(int machine, const char *s, size_t n)
{
    for (int i = 0; strcmp(issu_state_name(machine, i), "?") != 0; i++)
        if (strlen(issu_state_name(machine, i)) == n && memcmp(issu_state_name(machine, i), s, n) == 0)
            return i;
    return -1;
}
int rp_event(const char *s, size_t n) { return rp_by_name(issu_event_name, ISSU_NEVENTS, s, n); }
int rp_cmd(const char *s, size_t n) { return rp_by_name(issu_cmd_name, ISSU_NCMDS, s, n); }

static int rp_member(int en, const char *s, size_t n)
{
    for (int32_t v = 0; issu_enum_member(en, v); v++)
        if (strlen(issu_enum_member(en, v)) == n && memcmp(issu_enum_member(en, v), s, n) == 0)
            return (int)v;
    return -1;
}

/* A decimal integer, the whole of (s, n). */
static int rp_int(const char *s, size_t n, int32_t *v)
{
    long x = 0;
    size_t i = 0;
    int neg = n > 0 && s[0] == '-';
    if (neg)
        i++;
    if (i == n || n > 11)
        return -1;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        x = x * 10 + (s[i] - '0');
    }
    *v = (int32_t)(neg ? -x : x);
    return 0;
}

int rp_cell(const char *s, size_t n, int *pv, int32_t *index)
{
    const char *br = memchr(s, '[', n);
    size_t base = br ? (size_t)(br - s) : n;
    *pv = rp_find(rp_plant_names, ISSU_NPLANT, s, base);
    *index = 0;
    if (*pv < 0)
        return -1;
    if (!br)
        return rp_plant_shape[*pv] == ISSU_SHAPE_SCALAR ? 0 : -1;
    if (rp_plant_shape[*pv] == ISSU_SHAPE_SCALAR || s[n - 1] != ']')
        return -1;
    const char *in = br + 1;
    size_t len = n - base - 2;
    if (rp_plant_shape[*pv] == ISSU_SHAPE_POOL) {
        int m = rp_member(rp_plant_enum[*pv], in, len);
        *index = m;
        return m < 0 ? -1 : 0;
    }
    return rp_int(in, len, index) == 0 && *index >= 0 && *index < RP_CELLS ? 0 : -1;
}

int rp_plant_value(int pv, const char *s, size_t n, int32_t *v)
{
    if (rp_plant_shape[pv] != ISSU_SHAPE_POOL && rp_plant_kind[pv] == ISSU_TK_BOOL) {
        if (n == 4 && memcmp(s, "true", 4) == 0)
            return *v = 1, 0;
        if (n == 5 && memcmp(s, "false", 5) == 0)
            return *v = 0, 0;
    }
    if (rp_plant_shape[pv] != ISSU_SHAPE_POOL && rp_plant_kind[pv] == ISSU_TK_ENUM) {
        int m = rp_member(rp_plant_enum[pv], s, n);
        if (m >= 0)
            return *v = m, 0;
    }
    return rp_int(s, n, v);
}

/* --- the replay HAL --------------------------------------------------------------- */

static int rp_issue(void *ctx, int instance, int cmd)
{
    const rp_ctx *c = ctx;
    (void)instance;
    if (c->on_issue)
        c->on_issue(c->owner, cmd);    /* the issue effect; the outcome comes from the trace */
    return ISSU_HAL_OK;
}

static void rp_cancel(void *ctx, int instance, int cmd) { (void)ctx, (void)instance, (void)cmd; }
static void rp_expired(void *ctx, int instance, int cmd) { (void)ctx, (void)instance, (void)cmd; }

static int rp_observe(void *ctx, int instance, int var, int32_t index, int32_t *value)
{
    const rp_ctx *c = ctx;
    (void)instance;
    if (var < 0 || var >= ISSU_NPLANT || index < 0 || index >= RP_CELLS || !c->plant.known[var][index])
        return ISSU_HAL_UNAVAILABLE;
    *value = c->plant.val[var][index];
    return ISSU_HAL_OK;
}

static issu_time_ms rp_now(void *ctx)
{
    return ((const rp_ctx *)ctx)->now;
}

static void rp_console(void *ctx, int instance, issu_time_ms t, const char *line)
{
    const rp_ctx *c = ctx;
    (void)instance;
    if (c->console)
        c->console(c->console_ctx, t, line);
}

static void rp_log(void *ctx, int instance, int level, const char *line)
{
    (void)ctx, (void)instance, (void)level, (void)line;
}

static int rp_jread(void *ctx, int instance, uint32_t off, void *buf, uint32_t len)
{
    (void)ctx, (void)instance, (void)off, (void)buf, (void)len;
    return ISSU_HAL_ERROR;             /* no journal: a replay starts fresh */
}

static int rp_jwrite(void *ctx, int instance, uint32_t off, const void *buf, uint32_t len)
{
    (void)ctx, (void)instance, (void)off, (void)buf, (void)len;
    return ISSU_HAL_OK;
}

const issu_hal rp_hal = {
    rp_issue, rp_cancel, rp_expired, rp_observe, rp_now, rp_console, rp_log, rp_jread, rp_jwrite,
    NULL, NULL,                        /* a replay never resumes */
};

/* --- reading trace lines ------------------------------------------------------------ */

/* The value of "key": in line: a string (without its quotes, escapes kept),
 * an object or array (with its brackets), or a bare word; -1 if absent. */
static int rp_field(const char *line, size_t n, const char *key, const char **v, size_t *vn)
{
    char pat[40];
    int pn = snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *p = line, *end = line + n;
    for (; p + pn <= end; p++)
        if (memcmp(p, pat, (size_t)pn) == 0)
            break;
    if (p + pn > end)
        return -1;
    p += pn;
    if (p < end && *p == '"') {
        const char *q = ++p;
        while (q < end && *q != '"')
            q += *q == '\\' ? 2 : 1;
        if (q >= end)
            return -1;
        *v = p;
        *vn = (size_t)(q - p);
        return 0;
    }
    if (p < end && (*p == '{' || *p == '[')) {
        int depth = 0, str = 0;
        const char *q = p;
        for (; q < end; q++) {
            if (str) {
                if (*q == '\\')
                    q++;
                else if (*q == '"')
                    str = 0;
            } else if (*q == '"') {
                str = 1;
            } else if (*q == '{' || *q == '[') {
                depth++;
            } else if ((*q == '}' || *q == ']') && --depth == 0) {
                break;
            }
        }
        if (q >= end)
            return -1;
        *v = p;
        *vn = (size_t)(q - p + 1);
        return 0;
    }
    const char *q = p;
    while (q < end && *q != ',' && *q != '}')
        q++;
    *v = p;
    *vn = (size_t)(q - p);
    return 0;
}

/* Each "name":"value" pair of a flat object of strings; the callback's
 * non-zero return stops with it. */
static int rp_pairs(const char *obj, size_t n, int (*fn)(void *, const char *, size_t, const char *, size_t),
                    void *ctx)
{
    const char *p = obj + 1, *end = obj + n - 1;
    while (p < end) {
        const char *k, *v;
        size_t kn, vn;
        if (*p == ',')
            p++;
        if (p >= end || *p != '"')
            return -1;
        k = ++p;
        while (p < end && *p != '"')
            p += *p == '\\' ? 2 : 1;
        kn = (size_t)(p - k);
        if (p + 2 >= end || p[1] != ':' || p[2] != '"')
            return -1;
        v = p += 3;
        while (p < end && *p != '"')
            p += *p == '\\' ? 2 : 1;
        vn = (size_t)(p - v);
        p++;
        int rc = fn(ctx, k, kn, v, vn);
        if (rc)
            return rc;
    }
    return 0;
}

typedef struct rp_rep {
    rp_ctx ctx;
    issu_sys sys;                      /* every instance of the profile */
    uint32_t options;
    char cline[ISSU_TRACE_MAX];        /* the C's last trace line */
    int got;                           /* a trace line came */
    const issu *from;                  /* the instance that wrote it */
    const rp_opts *o;
    int contract;                      /* the first contract reported, or 0 */
    int profile;                       /* the trace's, else the caller's */
    const char *fx;                    /* the changes of the step's effect line, not yet set */
    size_t fxn;
    int bad_fx;                        /* the effect line could not be applied */
    long line;                         /* the line being replayed */
    rp_result *r;
} rp_rep;

static int rp_set_cell(void *ctx, const char *k, size_t kn, const char *v, size_t vn)
{
    rp_rep *run = ctx;
    int pv;
    int32_t index, val;
    if (rp_cell(k, kn, &pv, &index) != 0) {
        if (rp_is_ctrl(k, kn))
            return 0;                  /* a machine's own: the machine lines say it */
        snprintf(run->r->why, sizeof run->r->why, "unknown plant cell '%.*s'", (int)kn, k);
        return -1;
    }
    if (rp_plant_value(pv, v, vn, &val) != 0) {
        snprintf(run->r->why, sizeof run->r->why, "bad value '%.*s' for '%.*s'", (int)vn, v, (int)kn, k);
        return -1;
    }
    run->ctx.plant.val[pv][index] = val;
    run->ctx.plant.known[pv][index] = 1;
    return 0;
}

static int rp_set_option(void *ctx, const char *k, size_t kn, const char *v, size_t vn)
{
    rp_rep *run = ctx;
    int o = rp_option(k, kn);
    if (o < 0 || !((vn == 4 && !memcmp(v, "true", 4)) || (vn == 5 && !memcmp(v, "false", 5)))) {
        snprintf(run->r->why, sizeof run->r->why, "bad option '%.*s'", (int)kn, k);
        return -1;
    }
    if (vn == 4)
        run->options |= 1u << o;
    return 0;
}

static void rp_trace_hook(void *ctx, const issu *m, const char *line)
{
    rp_rep *run = ctx;
    snprintf(run->cline, sizeof run->cline, "%s", line);
    run->got = 1;
    run->from = m;
    if (run->o->trace)
        run->o->trace(run->o->trace_ctx, line);
}

static void rp_error_hook(void *ctx, const issu *m, const issu_error *e)
{
    rp_rep *run = ctx;
    (void)m;
    if (e->kind == ISSU_ERR_CONTRACT && !run->contract)
        run->contract = e->id;
    if (e->kind != ISSU_ERR_MONITOR)
        return;
    char line[sizeof run->r->monitor];
    snprintf(line, sizeof line, "%s (line %ld): %s", e->name, run->line, e->text);
    if (!run->r->monitors++)
        snprintf(run->r->monitor, sizeof run->r->monitor, "%s", line);
    if (run->ctx.console) {
        char msg[sizeof line + 32];
        snprintf(msg, sizeof msg, "monitor %s violated (line %ld): %s", e->name, run->line, e->text);
        run->ctx.console(run->ctx.console_ctx, run->ctx.now, msg);
    }
}

/* The step's first issue: its commands' issue effects (the effect line). */
static void rp_apply_fx(void *owner, int cmd)
{
    rp_rep *run = owner;
    (void)cmd;
    if (run->fx && rp_pairs(run->fx, run->fxn, rp_set_cell, run) != 0)
        run->bad_fx = 1;               /* reported after the step */
    run->fx = NULL;
}

/* The part of a machine line that the C and the model both write. */
static const char *rp_tail(const char *line, size_t n, size_t *tn)
{
    const char *t = strstr(line, "\"trans\":");
    if (!t || (size_t)(t - line) >= n)
        return NULL;
    *tn = n - (size_t)(t - line);
    while (*tn && (t[*tn - 1] == '\n' || t[*tn - 1] == '\r'))
        (*tn)--;
    return t;
}

static int rp_fail(rp_result *r, long line, const char *why)
{
    r->bad_line = line;
    if (why)
        snprintf(r->why, sizeof r->why, "%s", why);
    return -1;
}

static int rp_start(rp_rep *run, int profile, const issu_hal *hal)
{
    issu_cfg cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.hal = hal;
    cfg.hal_ctx = &run->ctx;
    cfg.profile = profile;
    cfg.options = run->options;
    cfg.trace = rp_trace_hook;
    cfg.trace_ctx = run;
    cfg.error = rp_error_hook;
    cfg.error_ctx = run;
    return issu_sys_init(&run->sys, &cfg) == ISSU_RC_OK ? 0 : -1;   /* sends: local queues */
}

/* A non-negative decimal integer, the whole of (s, n); -1 if not. */
static long rp_index(const char *s, size_t n)
{
    int32_t v;
    return n && s[0] != '-' && rp_int(s, n, &v) == 0 ? (long)v : -1;
}

/* On a world line without "machine" (an older trace): the event's receiving
 * machine; for an outcome, the one machine whose instance `i` has the
 * command pending (an outcome goes back to the instance that issued it);
 * -1 if that does not say. */
static int rp_machine_of(rp_rep *run, int ev, long i)
{
    if (ev < 0)
        return -1;
    if (rp_ev_machine[ev] >= 0)
        return rp_ev_machine[ev];
    int found = -1;
    for (int m = 0; m < ISSU_NMACHINES; m++) {
        issu *x = issu_sys_get(&run->sys, m, (int)i);
        issu_status st;
        if (!x || rp_ev_cmd[ev] < 0)
            continue;
        issu_get_status(x, &st);
        if (st.pending >> rp_ev_cmd[ev] & 1u) {
            if (found >= 0)
                return -1;             /* two could have issued it */
            found = m;
        }
    }
    return found;
}

/* The instance a line names: its "machine" (on a world line without one,
 * rp_machine_of) and its "instance" (0 if absent); NULL after r->why. */
static issu *rp_instance_of(rp_rep *run, const char *line, size_t n, int ev)
{
    const char *v;
    size_t vn;
    int m = -1;
    long i = 0;
    if (rp_field(line, n, "instance", &v, &vn) == 0 && (i = rp_index(v, vn)) < 0) {
        snprintf(run->r->why, sizeof run->r->why, "bad instance '%.*s'", (int)vn, v);
        return NULL;
    }
    if (rp_field(line, n, "machine", &v, &vn) == 0) {
        if ((m = rp_machine(v, vn)) < 0) {
            snprintf(run->r->why, sizeof run->r->why, "unknown machine '%.*s'", (int)vn, v);
            return NULL;
        }
    } else if ((m = ISSU_NMACHINES == 1 ? 0 : rp_machine_of(run, ev, i)) < 0) {
        snprintf(run->r->why, sizeof run->r->why, "a world line without \"machine\", and the spec has "
                 "several: which one gets the event?");
        return NULL;
    }
    issu *x = issu_sys_get(&run->sys, m, (int)i);
    if (!x)
        snprintf(run->r->why, sizeof run->r->why, "machine '%s' has no instance %ld in this profile",
                 issu_machine_name(m), i);
    return x;
}

/* The "changes" of the effect line right after a machine line, if any. */
static int rp_effect_of(const char *next, size_t nn, const char **v, size_t *vn)
{
    const char *w;
    size_t wn;
    return next && rp_field(next, nn, "world", &w, &wn) == 0 && wn == 6 && memcmp(w, "effect", 6) == 0
           && rp_field(next, nn, "changes", v, vn) == 0 ? 0 : -1;
}

static int rp_line(rp_rep *run, const char *line, size_t n, long no, int *started,
                   const char *next, size_t nn)
{
    rp_result *r = run->r;
    const char *v;
    size_t vn;
    while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
        n--;
    if (n < 2 || line[0] != '{' || line[n - 1] != '}' || rp_field(line, n, "seq", &v, &vn) != 0)
        return rp_fail(r, no, "not a line of a trace (a JSON object with \"seq\")");
    if (rp_field(line, n, "initial", &v, &vn) == 0) {
        const char *o;
        size_t on;
        if (*started)
            return rp_fail(r, no, "an initial line after the first step");
        if (rp_field(v, vn, "profile", &o, &on) == 0 && (run->profile = rp_profile(o, on)) < 0)
            return rp_fail(r, no, "unknown profile");
        if (rp_field(v, vn, "options", &o, &on) == 0 && rp_pairs(o, on, rp_set_option, run) != 0)
            return rp_fail(r, no, NULL);
        if (rp_field(v, vn, "plant", &o, &on) == 0 && rp_pairs(o, on, rp_set_cell, run) != 0)
            return rp_fail(r, no, NULL);
        return 0;
    }
    if (!*started) {
        if (rp_start(run, run->profile, &rp_hal) != 0)
            return rp_fail(r, no, "the controller does not start (bad profile?)");
        *started = 1;
    }
    if (rp_field(line, n, "world", &v, &vn) == 0) {
        if (vn == 6 && memcmp(v, "effect", 6) == 0)
            return 0;                  /* set during the step before it */
        r->world++;
        if (rp_field(line, n, "changes", &v, &vn) == 0 && rp_pairs(v, vn, rp_set_cell, run) != 0)
            return rp_fail(r, no, NULL);
        if (rp_field(line, n, "event", &v, &vn) != 0 || (vn == 4 && memcmp(v, "null", 4) == 0))
            return 0;
        int ev = rp_event(v, vn);
        if (ev < 0) {
            snprintf(r->why, sizeof r->why, "unknown event '%.*s'", (int)vn, v);
            return rp_fail(r, no, NULL);
        }
        issu *x = rp_instance_of(run, line, n, ev);
        if (!x)
            return rp_fail(r, no, NULL);
        issu_rc rc = issu_post(x, ev);
        if (rc != ISSU_RC_OK) {
            snprintf(r->why, sizeof r->why, "the C refuses event '%.*s': %s", (int)vn, v, issu_rc_text(rc));
            return rp_fail(r, no, NULL);
        }
        return 0;
    }
    if (rp_field(line, n, "machine", &v, &vn) == 0) {
        size_t tn;
        const char *want = rp_tail(line, n, &tn);
        if (!want)
            return rp_fail(r, no, "a machine line without \"trans\"");
        issu *x = rp_instance_of(run, line, (size_t)(want - line), -1);   /* its own "instance", not a send's */
        if (!x)
            return rp_fail(r, no, NULL);
        run->got = 0;
        run->from = NULL;
        run->contract = 0;
        run->line = no;
        if (rp_effect_of(next, nn, &run->fx, &run->fxn) != 0)
            run->fx = NULL;
        issu_rc rc = issu_step(x);
        if (run->fx) {                 /* the model's step issued something the C's did not */
            snprintf(r->why, sizeof r->why, "the trace's step changes the plant by an issue, the C's step issues nothing");
            return rp_fail(r, no, NULL);
        }
        r->steps++;
        if (!run->got || run->from != x) {
            snprintf(r->why, sizeof r->why, "the C took no step (%s)%s", issu_rc_text(rc),
                     rc == ISSU_RC_EMPTY ? ": no world line raised the event (a trace the C wrote "
                                           "has none: check it with issu-gen --check-trace)" : "");
            return rp_fail(r, no, NULL);
        }
        size_t gn;
        const char *got = rp_tail(run->cline, strlen(run->cline), &gn);
        if (!got || gn != tn || memcmp(got, want, tn) != 0) {
            snprintf(r->why, sizeof r->why, "the trace says {%.*s\nbut the C does {%.*s", (int)tn, want,
                     got ? (int)gn : 0, got ? got : "");
            return rp_fail(r, no, NULL);
        }
        if (run->bad_fx) {
            snprintf(r->why, sizeof r->why, "bad effect line after this step");
            return rp_fail(r, no + 1, NULL);
        }
        if (run->contract) {
            snprintf(r->why, sizeof r->why, "the C reports contract %d", run->contract);
            return rp_fail(r, no, NULL);
        }
        return 0;
    }
    return 0;                          /* violation, cycle and other lines: nothing to do */
}


int rp_run(const char *text, size_t len, const rp_opts *o, rp_result *r)
{
    static rp_rep run;                 /* a system of instances is large: not on the stack */
    memset(&run, 0, sizeof run);
    memset(r, 0, sizeof *r);
    run.r = r;
    run.o = o;
    run.options = o->options;
    run.profile = o->profile;
    run.ctx.console = o->console;
    run.ctx.console_ctx = o->console_ctx;
    run.ctx.on_issue = rp_apply_fx;
    run.ctx.owner = &run;
    int started = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *next = nl && nl + 1 < end ? nl + 1 : NULL, *nnl = next ? memchr(next, '\n', (size_t)(end - next)) : NULL;
        size_t nn = next ? (nnl ? (size_t)(nnl - next) : (size_t)(end - next)) : 0;
        r->lines++;
        if (n && rp_line(&run, p, n, r->lines, &started, next, nn) != 0)
            return -1;
        p += n + 1;
    }
    return 0;
}
