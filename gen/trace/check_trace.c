/* check_trace.c - see check_trace.h. */
#include "check_trace.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "relation.h"

#define CT_SHOWN 4                 /* alternatives printed for a rejected step */

/* The text after "key": in [line, end): up to the next ',' or '}' (numbers,
 * null), or a string's contents. */
static const char *ct_field(const char *line, const char *end, const char *key, size_t *n)
{
    size_t kn = strlen(key);
    for (const char *p = line; p + kn + 3 <= end; p++) {
        if (p[0] != '"' || memcmp(p + 1, key, kn) != 0 || p[kn + 1] != '"' || p[kn + 2] != ':')
            continue;
        p += kn + 3;
        if (p < end && *p == '"') {
            const char *q = ++p;
            while (q < end && *q != '"')
                q += *q == '\\' ? 2 : 1;
            *n = (size_t)((q < end ? q : end) - p);
            return p;
        }
        const char *q = p;
        while (q < end && *q != ',' && *q != '}')
            q++;
        *n = (size_t)(q - p);
        return p;
    }
    return NULL;
}

static int ct_event(const ir_spec *s, const char *name, size_t n)
{
    for (int e = 0; e < s->nevents; e++)
        if (strlen(s->events[e].name) == n && memcmp(s->events[e].name, name, n) == 0)
            return e;
    return -1;
}

static int ct_machine(const ir_spec *s, const char *name, size_t n)
{
    for (int m = 0; m < s->nmachines; m++)
        if (strlen(s->machines[m].name) == n && memcmp(s->machines[m].name, name, n) == 0)
            return m;
    return -1;
}

/* A decimal integer, the whole of (p, n), within 0..999999; -1 if not. */
static long ct_index(const char *p, size_t n)
{
    long v = 0;
    if (n == 0 || n > 6)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

/* One instance of a machine, as the trace has led it so far. */
typedef struct ct_inst {
    rl *r;                      /* its relation (made when first needed) */
    int32_t *cfg;               /* its configuration */
    int *q;                     /* the events sent to it and not yet taken: a ring of qcap */
    int qhead, qlen, qcap;
} ct_inst;

typedef struct ct_sys {
    const ir_spec *s;
    int profile;
    const char *path;
    FILE *err;
    int *first, *count;         /* [machine]: its first instance, its instances */
    ct_inst *inst;
    int32_t *next, *found;      /* work configurations, the widest machine's */
} ct_sys;

static ct_inst *ct_get(ct_sys *y, int m, long i)
{
    if (i < 0 || i >= y->count[m])
        return NULL;
    ct_inst *x = &y->inst[y->first[m] + i];
    if (!x->r) {
        x->r = rl_new(y->s, y->profile, m, (int)i);
        x->cfg = ar_array((size_t)rl_width(x->r), sizeof *x->cfg);
        rl_initial(x->r, x->cfg);
        x->qcap = ir_queue_bound(y->s, m, y->profile);
        x->q = ar_array((size_t)x->qcap + 1, sizeof *x->q);
    }
    return x;
}

static void ct_setup(ct_sys *y, FILE *err, const ir_spec *s, int profile, const char *path)
{
    int width = RL_VARS, n = 0;
    memset(y, 0, sizeof *y);
    y->s = s;
    y->profile = profile;
    y->path = path;
    y->err = err;
    y->first = ar_array((size_t)s->nmachines + 1, sizeof *y->first);
    y->count = ar_array((size_t)s->nmachines + 1, sizeof *y->count);
    for (int m = 0; m < s->nmachines; m++) {
        y->first[m] = n;
        y->count[m] = (int)ir_instances(s, &s->machines[m], profile);
        n += y->count[m];
        width = RL_VARS + s->machines[m].nvars > width ? RL_VARS + s->machines[m].nvars : width;
    }
    y->inst = ar_array((size_t)n + 1, sizeof *y->inst);
    y->next = ar_array((size_t)width, sizeof *y->next);
    y->found = ar_array((size_t)width, sizeof *y->found);
}

static void ct_free(ct_sys *y)
{
    for (int m = 0; m < y->s->nmachines; m++)
        for (int i = 0; i < y->count[m]; i++)
            if (y->inst[y->first[m] + i].r)
                rl_free(y->inst[y->first[m] + i].r);
}

/* "issu" or "worker[1]" */
static const char *ct_iname(const ir_spec *s, int m, long i)
{
    return s->machines[m].count ? ar_printf("%s[%ld]", s->machines[m].name, i) : s->machines[m].name;
}

/* One machine line of the trace. */
typedef struct ct_line {
    const char *want;           /* the line from "trans" on */
    size_t wn;
    int m;                      /* its machine */
    long inst;                  /* its instance */
    int ev;                     /* its event */
} ct_line;

/* Parse one line: 1 a machine step, 0 another kind of line, -1 after an error. */
static int ct_parse(ct_sys *y, long lineno, const char *p, const char *le, ct_line *l)
{
    const ir_spec *s = y->s;
    size_t n = (size_t)(le - p), fn = 0, mn = 0;
    while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
        n--;
    if (n && (p[0] != '{' || p[n - 1] != '}' || !ct_field(p, p + n, "seq", &fn))) {
        fprintf(y->err, "%s:%ld: error: not a line of a trace (a JSON object with \"seq\")\n", y->path,
                lineno);
        return -1;
    }
    const char *end = p + n;
    l->want = NULL;
    for (const char *t = p; t + 8 <= end && !l->want; t++)
        if (memcmp(t, "\"trans\":", 8) == 0)
            l->want = t;
    const char *mach = l->want ? ct_field(p, l->want, "machine", &mn) : NULL;
    if (!mach || ct_field(p, l->want, "world", &fn))
        return 0;                   /* a world, initial, cycle or violation line */
    l->wn = (size_t)(end - l->want);
    l->m = ct_machine(s, mach, mn);
    if (l->m < 0) {
        fprintf(y->err, "%s:%ld: error: not a step of a machine of this spec: no machine '%.*s'\n",
                y->path, lineno, (int)mn, mach);
        return -1;
    }
    const char *in_s = ct_field(p, l->want, "instance", &fn);
    l->inst = in_s ? ct_index(in_s, fn) : 0;
    const char *ev_s = ct_field(l->want, end, "event", &fn);
    l->ev = ev_s ? ct_event(s, ev_s, fn) : -1;
    if (l->ev < 0 || l->inst < 0 || l->inst >= y->count[l->m]) {
        fprintf(y->err, "%s:%ld: error: not a step of machine '%s' of this spec in profile '%s' "
                        "(unknown event, or no such instance)\n", y->path, lineno, s->machines[l->m].name,
                s->profiles[y->profile].name);
        return -1;
    }
    return 1;
}

/* Is the step on line l one the model takes from x's configuration under
 * some valuation?  1 and the next configuration in y->found, 0 after the
 * report, -1 no memory. */
static int ct_step(ct_sys *y, long lineno, long step, ct_inst *x, const ct_line *l)
{
    const ir_spec *s = y->s;
    rl *r = x->r;
    const rl_space *in = rl_inputs(r, x->cfg[0], l->ev);
    int32_t *slots = rl_slots(r);
    const char *alt[CT_SHOWN];
    int shown = 0;
    rl_first(in, slots);
    do {
        rl_outcome oc;
        const char *tail = rl_step(r, x->cfg, l->ev, &oc, y->next);
        if (!tail)
            return -1;
        if (strlen(tail) == l->wn && memcmp(tail, l->want, l->wn) == 0 && oc.ncontracts == 0) {
            memcpy(y->found, y->next, (size_t)rl_width(r) * sizeof *y->next);
            return 1;
        }
        int seen = 0;
        for (int k = 0; k < shown; k++)
            seen |= strcmp(alt[k], tail) == 0;
        if (!seen && shown < CT_SHOWN)
            alt[shown++] = ar_strdup(tail);
    } while (rl_next(in, slots));
    fprintf(y->err, "%s:%ld: error: step %ld is not a step of the model: %s in ", y->path, lineno, step,
            ct_iname(s, l->m, l->inst));
    rl_print_config(y->err, r, x->cfg, ", ");
    fprintf(y->err, " on '%s', the C did\n  {%.*s\nbut the model, under any plant, does one of\n",
            s->events[l->ev].name, (int)l->wn, l->want);
    for (int k = 0; k < shown; k++)
        fprintf(y->err, "  {%s\n", alt[k]);
    return 0;
}

/* An event of a machine taken by x: the first one sent to it; 0 or -1 after the report. */
static int ct_take(ct_sys *y, long lineno, long step, ct_inst *x, const ct_line *l)
{
    const ir_spec *s = y->s;
    if (s->events[l->ev].kind != IR_EV_MACHINE)
        return 0;                   /* the world's: not in the trace */
    if (x->qlen && x->q[x->qhead] == l->ev) {
        x->qhead = (x->qhead + 1) % x->qcap;
        x->qlen--;
        return 0;
    }
    fprintf(y->err, "%s:%ld: error: step %ld is not a step of the model: %s takes '%s', ", y->path, lineno,
            step, ct_iname(s, l->m, l->inst), s->events[l->ev].name);
    if (x->qlen)
        fprintf(y->err, "but the first event sent to it and not yet taken is '%s' (an instance takes the "
                        "events sent to it in order)\n", s->events[x->q[x->qhead]].name);
    else
        fputs("but no machine sent it one that it has not taken yet\n", y->err);
    return -1;
}

/* The sends of the step just matched on x (transition t): each event queued
 * in its receiving instance(s); 0 or -1 after the report. */
static int ct_sends(ct_sys *y, long lineno, long step, const ct_inst *x, const ir_trans *t)
{
    const ir_spec *s = y->s;
    for (int k = 0; t && k < t->nactions; k++) {
        const ir_action *a = &t->actions[k];
        if (a->kind != IR_A_SEND)
            continue;
        long to = rl_sent_to(x->r, k);
        long lo = to < 0 ? 0 : to, hi = to < 0 ? y->count[a->machine] - 1 : to;
        if (to >= y->count[a->machine]) {
            fprintf(y->err, "%s:%ld: error: step %ld sends '%s' to %s, which profile '%s' does not have\n",
                    y->path, lineno, step, s->events[a->event].name, ct_iname(s, a->machine, to),
                    s->profiles[y->profile].name);
            return -1;
        }
        for (long i = lo; i <= hi; i++) {
            ct_inst *d = ct_get(y, a->machine, i);
            if (d->qlen == d->qcap) {
                fprintf(y->err, "%s:%ld: error: step %ld sends '%s' to %s, whose queue already holds %d "
                                "events sent to it (its bound): the queue overflows\n", y->path, lineno,
                        step, s->events[a->event].name, ct_iname(s, a->machine, i), d->qcap);
                return -1;
            }
            d->q[(d->qhead + d->qlen) % d->qcap] = a->event;
            d->qlen++;
        }
    }
    return 0;
}

long ct_check(FILE *err, const ir_spec *s, int profile, const char *path, const char *text, size_t len)
{
    ct_sys y;
    ct_setup(&y, err, s, profile, path);
    long lineno = 0, steps = 0;
    int bad = 0;
    for (const char *p = text, *end = text + len; !bad && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *le = nl ? nl : end;
        ct_line l;
        int kind = ct_parse(&y, ++lineno, p, le, &l);
        if (kind == 1) {
            ct_inst *x = ct_get(&y, l.m, l.inst);
            steps++;
            if (ct_take(&y, lineno, steps, x, &l) != 0 || ct_step(&y, lineno, steps, x, &l) != 1)
                kind = -1;
            else {
                /* the transition the model took: the one that wrote this tail */
                const ir_trans *t = NULL;
                const ir_machine *mm = &s->machines[l.m];
                long id = strncmp(l.want, "\"trans\":null", 12) == 0 ? -1 : strtol(l.want + 8, NULL, 10);
                if (id >= 0 && id < mm->ntrans)
                    t = &mm->trans[id];
                memcpy(x->cfg, y.found, (size_t)rl_width(x->r) * sizeof *y.found);
                if (ct_sends(&y, lineno, steps, x, t) != 0)
                    kind = -1;
            }
        }
        bad = kind < 0;
        p = le + 1;
    }
    ct_free(&y);
    return bad ? -1 : steps;
}
