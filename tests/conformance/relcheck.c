/* relcheck.c - the C side of the transition-relation conformance check.
 *
 *   relcheck RELATION
 *
 * RELATION is what `issu-gen --relation` wrote for one profile (format in
 * gen/emit_relation.c).  Linked with a generated controller and the
 * runtime, this program starts from the C's own initial configuration and,
 * configuration by configuration, puts the controller in it (state,
 * variables, pending commands), feeds it each event under each valuation
 * the relation lists (the HAL answers observations from the valuation and
 * nothing else: a guard that reads anything more gets no value, which the
 * runtime reports as contract 110), and records what the C does: the trace
 * line from "trans" on (or "stale" when issu_post drops the event), the
 * contracts it reports, and the configuration it ends in.  Every row must
 * match: same outcome, same contracts, same next configuration; every
 * configuration the C reaches must be one of the relation's, and each of
 * the relation's must be reached by the C, with every event.
 *
 * Exit status: 0 identical, 1 differences (each printed with its spec
 * location), 2 bad usage or a malformed relation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "issu_impl.h"
#include "rp.h"

#define RC_SHOW 12                 /* differences printed in full */
#define RC_INPUTS 96               /* inputs of one row */

typedef struct rc_cfg {
    int state;
    uint32_t pending;
    int32_t vars[ISSU_DIM(ISSU_NCTRL_MAX)];
} rc_cfg;

typedef struct rc_out {
    char *contracts;               /* "-" or "103,104" */
    char *where;                   /* spec location */
    char *tail;                    /* trace tail, "stale" or "none" */
} rc_out;

typedef struct rc_input {
    int opt;                       /* option index, or -1 */
    int pv;                        /* plant variable */
    int32_t index, value;
} rc_input;

typedef struct rc_world {
    rp_ctx rp;                     /* first: the replay backend's context */
    rc_input in[RC_INPUTS];
    int n;
    char line[ISSU_TRACE_MAX];     /* the C's trace line */
    int got;
    char contracts[64];
} rc_world;

static rc_cfg *cfgs;
static int ncfgs;
static rc_out *outs;
static int machine = -1;            /* the relation's machine (its P line) */
static int nouts;
static const char *rel_path;
static long lineno;

static void *rc_need(void *p)
{
    if (!p) {
        fputs("relcheck: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

/* A copy of s (C99 has no strdup). */
static char *rc_dup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(rc_need(malloc(n)), s, n);
}

/* The array a (elem bytes each, *cap allocated) with room for element n. */
static void *rc_grow(void *a, int *cap, int n, size_t elem)
{
    if (n < *cap)
        return a;
    *cap = *cap ? *cap * 2 : 256;
    return rc_need(realloc(a, (size_t)*cap * elem));
}

static void rc_die(const char *what)
{
    fprintf(stderr, "relcheck: %s:%ld: %s\n", rel_path, lineno, what);
    exit(2);
}

/* Split a line at tabs in place; the number of fields. */
static int rc_split(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* --- the HAL: observations from the row's inputs only --------------------------- */

static int rc_observe(void *ctx, int instance, int var, int32_t index, int32_t *value)
{
    const rc_world *w = ctx;
    (void)instance;
    for (int i = 0; i < w->n; i++)
        if (w->in[i].opt < 0 && w->in[i].pv == var && w->in[i].index == index) {
            *value = w->in[i].value;
            return ISSU_HAL_OK;
        }
    return ISSU_HAL_UNAVAILABLE;
}

/* The replay backend (platforms/replay), observing the row's inputs instead. */
static issu_hal rc_hal;

static void rc_trace(void *ctx, const issu *m, const char *line)
{
    rc_world *w = ctx;
    (void)m;
    snprintf(w->line, sizeof w->line, "%s", line);
    w->got = 1;
}

static void rc_error(void *ctx, const issu *m, const issu_error *e)
{
    rc_world *w = ctx;
    (void)m;
    if (e->kind != ISSU_ERR_CONTRACT)
        return;                    /* monitors: the plant here is arbitrary */
    size_t n = strlen(w->contracts);
    snprintf(w->contracts + n, sizeof w->contracts - n, "%s%d", n ? "," : "", e->id);
}

static int rc_send(void *ctx, const issu *m, int event, int to, int32_t index)
{
    (void)ctx, (void)m, (void)event, (void)to, (void)index;
    return 0;
}

/* --- reading the relation -------------------------------------------------------- */

static void rc_read_cfg(char **f, int nf, rc_cfg *c)
{
    memset(c, 0, sizeof *c);
    if (nf != 5 || (c->state = rp_state(machine, f[2], strlen(f[2]))) < 0)
        rc_die("bad configuration line (unknown state?)");
    if (strcmp(f[3], "-") != 0)
        for (char *p = f[3]; *p;) {
            size_t n = strcspn(p, ",");
            int cmd = rp_cmd(p, n);
            if (cmd < 0)
                rc_die("unknown command in a configuration");
            c->pending |= 1u << cmd;
            p += n + (p[n] == ',');
        }
    if (strcmp(f[4], "-") != 0)
        for (char *p = f[4]; *p;) {
            size_t n = strcspn(p, ","), eq = strcspn(p, "=");
            int cv = eq < n ? rp_ctrl(p, eq) : -1;
            if (cv < 0)
                rc_die("unknown controller variable in a configuration");
            c->vars[cv] = (int32_t)strtol(p + eq + 1, NULL, 10);
            p += n + (p[n] == ',');
        }
}

static void rc_read_inputs(char *s, rc_world *w)
{
    w->n = 0;
    if (strcmp(s, "-") == 0)
        return;
    for (char *p = s; *p;) {
        size_t n = strcspn(p, ","), eq = strcspn(p, "=");
        if (eq >= n || w->n == RC_INPUTS)
            rc_die("bad inputs");
        rc_input *in = &w->in[w->n++];
        in->opt = rp_option(p, eq);
        in->value = (int32_t)strtol(p + eq + 1, NULL, 10);
        if (in->opt < 0 && rp_cell(p, eq, &in->pv, &in->index) != 0)
            rc_die("unknown input");
        p += n + (p[n] == ',');
    }
}

static int rc_find_cfg(const rc_cfg *c)
{
    for (int k = 0; k < ncfgs; k++)
        if (cfgs[k].state == c->state && cfgs[k].pending == c->pending &&
            memcmp(cfgs[k].vars, c->vars, sizeof c->vars) == 0)
            return k;
    return -1;
}

static void rc_get_cfg(const issu *m, rc_cfg *c)
{
    memset(c, 0, sizeof *c);
    c->state = m->fsm.state;
    for (int k = 0; k < ISSU_NCMDS; k++)
        if (m->cmd[k] != ISSU__CMD_IDLE)
            c->pending |= 1u << k;
    memcpy(c->vars, m->vars, sizeof c->vars);
}

/* --- one row ------------------------------------------------------------------------ */

static int profile;
static long ndiff, nrows;

static void rc_diff(const char *where, int cid, const char *ev, const char *inputs, const char *what)
{
    if (++ndiff > RC_SHOW)
        return;
    fprintf(stderr, "relcheck: %s: configuration %d (%s), event %s, inputs %s:\n  %s\n", where, cid,
            issu_state_name(machine, cfgs[cid].state), ev, inputs, what);
}

/* Rows come grouped by configuration, then by event in increasing order:
 * counting each new (configuration, event) gives the events of each. */
static void rc_count_event(int cid, int ev, int *nevents)
{
    static int last_cid = -1, last_ev = -1;
    if (cid < last_cid || (cid == last_cid && ev < last_ev))
        rc_die("rows out of order");
    if (cid != last_cid || ev != last_ev)
        nevents[cid]++;
    last_cid = cid;
    last_ev = ev;
}

static void rc_row(char **f, uint8_t *reached, int *nevents)
{
    static issu m;
    static rc_world w;
    static char msg[3 * ISSU_TRACE_MAX];
    const char *inputs = f[3];
    int cid = atoi(f[1]), oid = atoi(f[4]), nid = atoi(f[5]);
    int ev = rp_event(f[2], strlen(f[2]));
    if (cid < 0 || cid >= ncfgs || oid < 0 || oid >= nouts || nid < 0 || nid >= ncfgs || ev < 0)
        rc_die("bad row");
    rc_read_inputs(f[3], &w);
    rc_count_event(cid, ev, nevents);
    nrows++;
    const rc_out *o = &outs[oid];
    if (!reached[cid]) {
        rc_diff(o->where, cid, f[2], inputs, "the relation has this configuration, but the C never reaches it");
        reached[cid] = 1;          /* said once */
    }
    uint32_t options = 0;
    for (int i = 0; i < w.n; i++)
        if (w.in[i].opt >= 0 && w.in[i].value)
            options |= 1u << w.in[i].opt;
    issu_cfg cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.hal = &rc_hal;
    cfg.hal_ctx = &w;
    cfg.profile = profile;
    cfg.options = options;
    cfg.trace = rc_trace;
    cfg.trace_ctx = &w;
    cfg.error = rc_error;
    cfg.error_ctx = &w;
    cfg.send = rc_send;
    cfg.machine = machine;
    if (issu_init(&m, &cfg) != ISSU_RC_OK || m.desc->fsm_enter(&m.fsm, cfgs[cid].state) != 0)
        rc_die("the controller does not start in this configuration");
    memcpy(m.vars, cfgs[cid].vars, sizeof m.vars);
    for (int k = 0; k < ISSU_NCMDS; k++)
        m.cmd[k] = (cfgs[cid].pending >> k) & 1u ? ISSU__CMD_PENDING : ISSU__CMD_IDLE;
    w.got = 0;
    w.contracts[0] = '\0';
    const char *got = "none";
    if (issu_post(&m, ev) == ISSU_RC_STALE) {
        got = "stale";
    } else {
        issu_step(&m);
        const char *t = w.got ? strstr(w.line, "\"trans\":") : NULL;
        if (t)
            got = t;
    }
    const char *gc = w.contracts[0] ? w.contracts : "-";
    rc_cfg after;
    rc_get_cfg(&m, &after);
    int cnext = rc_find_cfg(&after);
    if (strcmp(got, o->tail) != 0 || strcmp(gc, o->contracts) != 0) {
        snprintf(msg, sizeof msg, "the spec: %s%s [contracts %s]\n  the C:    %s%s [contracts %s]",
                 strcmp(o->tail, "stale") && strcmp(o->tail, "none") ? "{" : "", o->tail, o->contracts,
                 strcmp(got, "stale") && strcmp(got, "none") ? "{" : "", got, gc);
        rc_diff(o->where, cid, f[2], inputs, msg);
    } else if (cnext < 0) {
        rc_diff(o->where, cid, f[2], inputs, "the C ends in a configuration that is not in the relation");
    } else if (cnext != nid) {
        snprintf(msg, sizeof msg, "the spec ends in configuration %d, the C in %d", nid, cnext);
        rc_diff(o->where, cid, f[2], inputs, msg);
    }
    if (cnext >= 0)
        reached[cnext] = 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: relcheck RELATION (from issu-gen --relation)\n", stderr);
        return 2;
    }
    rel_path = argv[1];
    rc_hal = rp_hal;
    rc_hal.observe = rc_observe;
    FILE *f = fopen(rel_path, "r");
    if (!f) {
        fprintf(stderr, "relcheck: cannot open '%s'\n", rel_path);
        return 2;
    }
    static char line[1 << 16];
    char *fl[8];
    uint8_t *reached = NULL;
    int *nevents = NULL;
    int capc = 0, capo = 0, rows = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        else if (n == sizeof line - 1)
            rc_die("line too long");
        if (line[0] == '#' || line[0] == '\0')
            continue;
        int nf = rc_split(line, fl, 8);
        if (line[0] == 'P' && nf == 6) {
            if ((profile = rp_profile(fl[1], strlen(fl[1]))) < 0)
                rc_die("unknown profile");
            if ((machine = issu_machine_id(fl[2])) < 0)
                rc_die("unknown machine");
        } else if (line[0] == 'C' && nf == 5) {
            if (atoi(fl[1]) != ncfgs)
                rc_die("configurations out of order");
            cfgs = rc_grow(cfgs, &capc, ncfgs, sizeof *cfgs);
            rc_read_cfg(fl, nf, &cfgs[ncfgs++]);
        } else if (line[0] == 'O' && nf == 5) {
            if (atoi(fl[1]) != nouts)
                rc_die("outcomes out of order");
            outs = rc_grow(outs, &capo, nouts, sizeof *outs);
            outs[nouts].contracts = rc_dup(fl[2]);
            outs[nouts].where = rc_dup(fl[3]);
            outs[nouts].tail = rc_dup(fl[4]);
            nouts++;
        } else if (line[0] == 'R' && nf == 6) {
            if (!rows++) {
                static issu m0;
                rc_cfg init;
                reached = calloc((size_t)ncfgs + 1, 1);
                nevents = calloc((size_t)ncfgs + 1, sizeof *nevents);
                static rc_world w0;
                issu_cfg cfg;
                memset(&cfg, 0, sizeof cfg);
                cfg.hal = &rc_hal;
                cfg.hal_ctx = &w0;
                cfg.profile = profile;
                cfg.machine = machine;
                if (!reached || !nevents || !ncfgs || issu_init(&m0, &cfg) != ISSU_RC_OK)
                    rc_die("no configurations, or the controller does not start");
                rc_get_cfg(&m0, &init);
                if (rc_find_cfg(&init) != 0) {
                    fprintf(stderr, "relcheck: the C's initial configuration is not the relation's first\n");
                    ndiff++;
                }
                reached[0] = 1;
            }
            rc_row(fl, reached, nevents);
        } else {
            rc_die("malformed line");
        }
    }
    fclose(f);
    for (int k = 0; k < ncfgs; k++)
        if (!nevents || nevents[k] != ISSU_NEVENTS) {
            if (++ndiff <= RC_SHOW)
                fprintf(stderr, "relcheck: configuration %d (%s): the relation has %d of the %d events\n", k,
                        issu_state_name(machine, cfgs[k].state), nevents ? nevents[k] : 0, ISSU_NEVENTS);
        }
    if (ndiff > RC_SHOW)
        fprintf(stderr, "relcheck: ... and %ld more differences\n", ndiff - RC_SHOW);
    printf("relcheck: %s: %ld relation entries over %d configurations and %d events: %s\n", rel_path, nrows,
           ncfgs, ISSU_NEVENTS, ndiff ? "DIFFERENCES" : "the C and the spec agree");
    return ndiff ? 1 : 0;
}
