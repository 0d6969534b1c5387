/* relcheck.c - the C side of the transition-relation conformance check.
 *
 *   relcheck RELATION
 *
 * RELATION is what `issu-gen --relation` wrote for one profile (format in
 * gen/emit/emit_relation.c): one section per machine of the spec, or per
 * instance of a machine array whose guards or actions read `self`.
 * Linked with a generated controller and the runtime, this program runs
 * each section against a lone instance of its machine (issu_cfg.machine
 * and .index; a section for every instance, "*", against each instance in
 * turn): it starts from the C's own initial configuration and,
 * configuration by configuration, puts the instance in it (state,
 * variables, pending commands), feeds it each event under each valuation
 * the relation lists (the HAL answers observations from the valuation and
 * nothing else: a guard that reads anything more gets no value, which the
 * runtime reports as contract 110), and records what the C does: the trace
 * line from "trans" on (or "stale" when issu_post drops the event), the
 * contracts it reports, the events it sends (through cfg.send: they must be
 * the trace line's sends, in order), and the configuration it ends in.
 * Every row must match: same outcome, same contracts, same sends, same
 * next configuration; every configuration the C reaches must be one of the
 * section's, and each of the section's must be reached by the C, with
 * every event.
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
#define RC_SENDS 1024              /* bytes of the sends of one step */

typedef struct rc_cfg {
    int state;
    uint64_t pending;
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
    char sends[RC_SENDS];          /* what the C sent through cfg.send, as trace actions */
    int sends_cut;                 /* sends did not fit */
} rc_world;

/* The section being read (its P line and what follows). */
typedef struct rc_section {
    int profile, machine;
    int lo, hi;                    /* the instances it runs against */
    char name[64];                 /* "issu", "worker[1]", "worker[*]" */
    long want_cfgs, want_rows, want_outs;   /* what its P line says */
    rc_cfg *cfgs;
    int ncfgs, capc;
    rc_out *outs;
    int nouts, capo;
    long nrows;
    uint8_t *reached;              /* [config]: the C reached it */
    int *nevents;                  /* [config]: its events seen */
    int last_cid, last_ev;         /* the previous row's, for the order */
    long ndiff;
} rc_section;

static const char *rel_path;
static long lineno;
static long ndiff;                 /* over every section */

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

/* A decimal number, the whole of s, within 0..max; else a malformed line. */
static long rc_num(const char *s, long max, const char *what)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0 || v > max)
        rc_die(what);
    return v;
}

/* Split a line at tabs in place; the number of fields. */
static int rc_split(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            if (n == max)
                return max + 1;    /* too many */
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

/* A send of the lone instance: recorded as the trace writes it. */
static int rc_send(void *ctx, const issu *m, int event, int to, int32_t index)
{
    rc_world *w = ctx;
    size_t n = strlen(w->sends);
    (void)m;
    int k = snprintf(w->sends + n, sizeof w->sends - n, "{\"send\":\"%s\",\"to\":\"%s\",\"instance\":%ld}",
                     issu_event_name(event), issu_machine_name(to), (long)index);
    if (k < 0 || (size_t)k >= sizeof w->sends - n) {
        w->sends[n] = '\0';
        w->sends_cut = 1;
    }
    return 0;
}

/* The send actions of a trace tail, in order, into buf. */
static void rc_tail_sends(const char *tail, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (const char *p = strstr(tail, "{\"send\":"); p; p = strstr(p + 1, "{\"send\":")) {
        const char *e = strchr(p, '}');
        size_t len = e ? (size_t)(e - p + 1) : strlen(p);
        if (n + len + 1 > cap)
            break;
        memcpy(buf + n, p, len);
        n += len;
        buf[n] = '\0';
    }
}

/* --- reading the relation -------------------------------------------------------- */

static void rc_read_cfg(const rc_section *sec, char **f, rc_cfg *c)
{
    memset(c, 0, sizeof *c);
    if ((c->state = rp_state(sec->machine, f[2], strlen(f[2]))) < 0)
        rc_die("bad configuration line: not a state of the section's machine");
    if (strcmp(f[3], "-") != 0)
        for (char *p = f[3]; *p;) {
            size_t n = strcspn(p, ",");
            int cmd = rp_cmd(p, n);
            if (cmd < 0)
                rc_die("unknown command in a configuration");
            c->pending |= 1ull << cmd;
            p += n + (p[n] == ',');
        }
    if (strcmp(f[4], "-") != 0)
        for (char *p = f[4]; *p;) {
            size_t n = strcspn(p, ","), eq = strcspn(p, "=");
            int cv = eq < n ? rp_ctrl(sec->machine, p, eq) : -1;
            char *end;
            if (cv < 0)
                rc_die("unknown variable of the section's machine in a configuration");
            c->vars[cv] = (int32_t)strtol(p + eq + 1, &end, 10);
            if (end != p + n || eq + 1 == n)
                rc_die("bad value in a configuration");
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
        char *end;
        if (eq >= n || eq + 1 == n || w->n == RC_INPUTS)
            rc_die("bad inputs");
        rc_input *in = &w->in[w->n++];
        in->opt = rp_option(p, eq);
        in->value = (int32_t)strtol(p + eq + 1, &end, 10);
        if (end != p + n)
            rc_die("bad input value");
        if (in->opt < 0 && rp_cell(p, eq, &in->pv, &in->index) != 0)
            rc_die("unknown input");
        p += n + (p[n] == ',');
    }
}

static int rc_find_cfg(const rc_section *sec, const rc_cfg *c)
{
    for (int k = 0; k < sec->ncfgs; k++)
        if (sec->cfgs[k].state == c->state && sec->cfgs[k].pending == c->pending &&
            memcmp(sec->cfgs[k].vars, c->vars, sizeof c->vars) == 0)
            return k;
    return -1;
}

static void rc_get_cfg(const issu *m, rc_cfg *c)
{
    memset(c, 0, sizeof *c);
    c->state = m->fsm.state;
    for (int k = 0; k < ISSU_NCMDS; k++)
        if (m->cmd[k] != ISSU__CMD_IDLE)
            c->pending |= 1ull << k;
    memcpy(c->vars, m->vars, sizeof c->vars);
}

/* A lone instance `index` of the section's machine with row inputs w. */
static void rc_start(const rc_section *sec, issu *m, rc_world *w, int index, uint32_t options)
{
    issu_cfg cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.hal = &rc_hal;
    cfg.hal_ctx = w;
    cfg.profile = sec->profile;
    cfg.options = options;
    cfg.trace = rc_trace;
    cfg.trace_ctx = w;
    cfg.error = rc_error;
    cfg.error_ctx = w;
    cfg.send = rc_send;
    cfg.send_ctx = w;
    cfg.machine = sec->machine;
    cfg.index = index;
    if (issu_init(m, &cfg) != ISSU_RC_OK)
        rc_die("the controller does not start (machine, instance or profile unknown to the C?)");
}

/* --- sections ---------------------------------------------------------------------- */

static void rc_diff(rc_section *sec, const char *where, int index, int cid, const char *ev, const char *inputs,
                    const char *what)
{
    sec->ndiff++;
    if (++ndiff > RC_SHOW)
        return;
    fprintf(stderr, "relcheck: %s: %s", where, issu_machine_name(sec->machine));
    if (sec->lo != sec->hi || issu_instances(sec->profile, sec->machine) > 1)
        fprintf(stderr, "[%d]", index);
    fprintf(stderr, ": configuration %d (%s), event %s, inputs %s:\n  %s\n", cid,
            issu_state_name(sec->machine, sec->cfgs[cid].state), ev, inputs, what);
}

static void rc_section_begin(rc_section *sec, char **f)
{
    memset(sec, 0, sizeof *sec);
    sec->last_cid = sec->last_ev = -1;
    if ((sec->profile = rp_profile(f[1], strlen(f[1]))) < 0)
        rc_die("unknown profile");
    if ((sec->machine = issu_machine_id(f[2])) < 0)
        rc_die("unknown machine");
    int n = issu_instances(sec->profile, sec->machine);
    if (strcmp(f[3], "*") == 0) {
        sec->lo = 0;
        sec->hi = n - 1;
        snprintf(sec->name, sizeof sec->name, "%s%s", f[2], n > 1 ? "[*]" : "");
    } else {
        sec->lo = sec->hi = (int)rc_num(f[3], 1000000, "bad instance");
        snprintf(sec->name, sizeof sec->name, "%s[%d]", f[2], sec->lo);
        if (n == 1)
            snprintf(sec->name, sizeof sec->name, "%s", f[2]);
    }
    if (sec->hi < sec->lo || sec->hi >= n)
        rc_die("the profile has no such instance of the machine in the C");
    sec->want_cfgs = rc_num(f[4], 1L << 30, "bad count of configurations");
    sec->want_rows = rc_num(f[5], 1L << 40, "bad count of rows");
    sec->want_outs = rc_num(f[6], 1L << 30, "bad count of outcomes");
}

/* The first row of the section: every configuration and outcome is known. */
static void rc_section_rows(rc_section *sec)
{
    static issu m0;
    static rc_world w0;
    if (!sec->ncfgs)
        rc_die("a section without configurations");
    sec->reached = rc_need(calloc((size_t)sec->ncfgs, 1));
    sec->nevents = rc_need(calloc((size_t)sec->ncfgs, sizeof *sec->nevents));
    for (int i = sec->lo; i <= sec->hi; i++) {
        rc_cfg init;
        rc_start(sec, &m0, &w0, i, 0);
        rc_get_cfg(&m0, &init);
        if (rc_find_cfg(sec, &init) != 0) {
            sec->ndiff++;
            if (++ndiff <= RC_SHOW)
                fprintf(stderr, "relcheck: %s: instance %d: the C's initial configuration is not the "
                                "relation's first\n", sec->name, i);
        }
    }
    sec->reached[0] = 1;
}

/* Rows come grouped by configuration, then by event in increasing order:
 * counting each new (configuration, event) gives the events of each. */
static void rc_count_event(rc_section *sec, int cid, int ev)
{
    if (cid < sec->last_cid || (cid == sec->last_cid && ev < sec->last_ev))
        rc_die("rows out of order");
    if (cid != sec->last_cid || ev != sec->last_ev)
        sec->nevents[cid]++;
    sec->last_cid = cid;
    sec->last_ev = ev;
}

/* One row against one instance. */
static void rc_row_at(rc_section *sec, int index, int cid, int ev, int nid, const rc_out *o, char **f,
                      rc_world *w)
{
    static issu m;
    static char msg[3 * ISSU_TRACE_MAX + 2 * RC_SENDS];
    static char want_sends[RC_SENDS];
    uint32_t options = 0;
    for (int i = 0; i < w->n; i++)
        if (w->in[i].opt >= 0 && w->in[i].value)
            options |= 1u << w->in[i].opt;
    rc_start(sec, &m, w, index, options);
    if (m.desc->fsm_enter(&m.fsm, sec->cfgs[cid].state) != 0)
        rc_die("the controller cannot enter this configuration's state");
    memcpy(m.vars, sec->cfgs[cid].vars, sizeof m.vars);
    for (int k = 0; k < ISSU_NCMDS; k++)
        m.cmd[k] = (sec->cfgs[cid].pending >> k) & 1u ? ISSU__CMD_PENDING : ISSU__CMD_IDLE;
    w->got = 0;
    w->contracts[0] = '\0';
    w->sends[0] = '\0';
    w->sends_cut = 0;
    const char *got = "none";
    if (issu_post(&m, ev) == ISSU_RC_STALE) {
        got = "stale";
    } else {
        issu_step(&m);
        const char *t = w->got ? strstr(w->line, "\"trans\":") : NULL;
        if (t)
            got = t;
    }
    const char *gc = w->contracts[0] ? w->contracts : "-";
    rc_cfg after;
    rc_get_cfg(&m, &after);
    int cnext = rc_find_cfg(sec, &after);
    rc_tail_sends(o->tail, want_sends, sizeof want_sends);
    if (strcmp(got, o->tail) != 0 || strcmp(gc, o->contracts) != 0) {
        snprintf(msg, sizeof msg, "the spec: %s%s [contracts %s]\n  the C:    %s%s [contracts %s]",
                 strcmp(o->tail, "stale") && strcmp(o->tail, "none") ? "{" : "", o->tail, o->contracts,
                 strcmp(got, "stale") && strcmp(got, "none") ? "{" : "", got, gc);
        rc_diff(sec, o->where, index, cid, f[2], f[3], msg);
    } else if (w->sends_cut || strcmp(w->sends, want_sends) != 0) {
        snprintf(msg, sizeof msg, "the spec sends [%s]\n  the C sends [%s%s] (through cfg.send)", want_sends,
                 w->sends, w->sends_cut ? "..." : "");
        rc_diff(sec, o->where, index, cid, f[2], f[3], msg);
    } else if (cnext < 0) {
        rc_diff(sec, o->where, index, cid, f[2], f[3], "the C ends in a configuration that is not in the relation");
    } else if (cnext != nid) {
        snprintf(msg, sizeof msg, "the spec ends in configuration %d, the C in %d", nid, cnext);
        rc_diff(sec, o->where, index, cid, f[2], f[3], msg);
    }
    if (cnext >= 0)
        sec->reached[cnext] = 1;
}

static void rc_row(rc_section *sec, char **f)
{
    static rc_world w;
    int cid = (int)rc_num(f[1], sec->ncfgs - 1L, "bad row: no such configuration");
    int oid = (int)rc_num(f[4], sec->nouts - 1L, "bad row: no such outcome");
    int nid = (int)rc_num(f[5], sec->ncfgs - 1L, "bad row: no such next configuration");
    int ev = rp_event(f[2], strlen(f[2]));
    if (ev < 0)
        rc_die("bad row: unknown event");
    rc_read_inputs(f[3], &w);
    rc_count_event(sec, cid, ev);
    sec->nrows++;
    const rc_out *o = &sec->outs[oid];
    if (!sec->reached[cid]) {
        rc_diff(sec, o->where, sec->lo, cid, f[2], f[3],
                "the relation has this configuration, but the C never reaches it");
        sec->reached[cid] = 1;     /* said once */
    }
    for (int i = sec->lo; i <= sec->hi; i++)
        rc_row_at(sec, i, cid, ev, nid, o, f, &w);
}

/* The end of a section: its counts, every event in every configuration; its line. */
static void rc_section_end(rc_section *sec, long *rows, long *cfgs, long *runs)
{
    if (!sec->reached)
        rc_section_rows(sec);      /* a section without rows: still starts the C */
    if (sec->ncfgs != sec->want_cfgs || sec->nouts != sec->want_outs || sec->nrows != sec->want_rows) {
        char what[320];
        snprintf(what, sizeof what, "section %s: its P line says %ld configurations, %ld rows, %ld outcomes; "
                 "it has %d, %ld, %d (a truncated file?)", sec->name, sec->want_cfgs, sec->want_rows,
                 sec->want_outs, sec->ncfgs, sec->nrows, sec->nouts);
        rc_die(what);
    }
    for (int k = 0; k < sec->ncfgs; k++)
        if (sec->nevents[k] != ISSU_NEVENTS) {
            sec->ndiff++;
            if (++ndiff <= RC_SHOW)
                fprintf(stderr, "relcheck: %s: configuration %d (%s): the relation has %d of the %d events\n",
                        sec->name, k, issu_state_name(sec->machine, sec->cfgs[k].state), sec->nevents[k],
                        ISSU_NEVENTS);
        }
    int n = sec->hi - sec->lo + 1;
    printf("relcheck: %s: %ld entries over %d configurations%s: %s\n", sec->name, sec->nrows, sec->ncfgs,
           n > 1 ? ", each run on every instance" : "", sec->ndiff ? "DIFFERENCES" : "agree");
    *rows += sec->nrows;
    *cfgs += sec->ncfgs;
    *runs += sec->nrows * n;
    for (int k = 0; k < sec->nouts; k++) {
        free(sec->outs[k].contracts);
        free(sec->outs[k].where);
        free(sec->outs[k].tail);
    }
    free(sec->outs);
    free(sec->cfgs);
    free(sec->reached);
    free(sec->nevents);
    memset(sec, 0, sizeof *sec);
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
    static rc_section sec;
    char *fl[8];
    int in = 0, nsections = 0;     /* in: a section is open */
    long rows = 0, cfgs = 0, runs = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        else if (n == sizeof line - 1)
            rc_die("line too long");
        if (strlen(line) != n)
            rc_die("a NUL byte in the line");
        if (line[0] == '#' || line[0] == '\0')
            continue;
        int nf = rc_split(line, fl, 7);
        if (line[0] == 'P' && nf == 7 && !line[1]) {
            if (in)
                rc_section_end(&sec, &rows, &cfgs, &runs);
            rc_section_begin(&sec, fl);
            in = 1;
            nsections++;
        } else if (!in) {
            rc_die("a line before the first section (P line)");
        } else if (line[0] == 'C' && nf == 5 && !line[1]) {
            if (sec.nrows || rc_num(fl[1], 1L << 30, "bad configuration id") != sec.ncfgs)
                rc_die("configurations out of order");
            sec.cfgs = rc_grow(sec.cfgs, &sec.capc, sec.ncfgs, sizeof *sec.cfgs);
            rc_read_cfg(&sec, fl, &sec.cfgs[sec.ncfgs++]);
        } else if (line[0] == 'O' && nf == 5 && !line[1]) {
            if (sec.nrows || rc_num(fl[1], 1L << 30, "bad outcome id") != sec.nouts)
                rc_die("outcomes out of order");
            sec.outs = rc_grow(sec.outs, &sec.capo, sec.nouts, sizeof *sec.outs);
            sec.outs[sec.nouts].contracts = rc_dup(fl[2]);
            sec.outs[sec.nouts].where = rc_dup(fl[3]);
            sec.outs[sec.nouts].tail = rc_dup(fl[4]);
            sec.nouts++;
        } else if (line[0] == 'R' && nf == 6 && !line[1]) {
            if (!sec.nrows)
                rc_section_rows(&sec);
            rc_row(&sec, fl);
        } else {
            rc_die("malformed line");
        }
    }
    if (ferror(f))
        rc_die("read error");
    fclose(f);
    if (!in)
        rc_die("no section (P line): not a relation");
    rc_section_end(&sec, &rows, &cfgs, &runs);
    if (ndiff > RC_SHOW)
        fprintf(stderr, "relcheck: ... and %ld more differences\n", ndiff - RC_SHOW);
    printf("relcheck: %s: %ld relation entries (%ld runs of the C) over %ld configurations of %d machine "
           "section%s and %d events: %s\n", rel_path, rows, runs, cfgs, nsections, nsections == 1 ? "" : "s",
           ISSU_NEVENTS, ndiff ? "DIFFERENCES" : "the C and the spec agree");
    return ndiff ? 1 : 0;
}
