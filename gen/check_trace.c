/* check_trace.c - see check_trace.h. */
#include "check_trace.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "relation.h"

#define CT_INSTANCES 64            /* instances tracked (line-card chassis) */
#define CT_SHOWN 4                 /* alternatives printed for a rejected step */

/* The text after "key": up to the next ',' or '}' (numbers, null), or a string's contents. */
static const char *ct_field(const char *line, const char *end, const char *key, size_t *n)
{
    size_t kn = strlen(key);
    for (const char *p = line; p + kn + 3 <= end; p++) {
        if (p[0] != '"' || memcmp(p + 1, key, kn) != 0 || p[kn + 1] != '"' || p[kn + 2] != ':')
            continue;
        p += kn + 3;
        if (*p == '"') {
            const char *q = ++p;
            while (q < end && *q != '"')
                q += *q == '\\' ? 2 : 1;
            *n = (size_t)(q - p);
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

/* The configuration reached and the step on one line of the trace. */
typedef struct ct_line {
    const char *want;           /* the line from "trans" on */
    size_t wn;
    int ev;                     /* its event */
    long inst;                  /* its instance */
} ct_line;

/* Parse one line: 1 a controller step, 0 another kind of line, -1 after an error. */
static int ct_parse(FILE *err, const ir_spec *s, const char *path, long lineno, const char *p,
                    const char *le, ct_line *l)
{
    size_t n = (size_t)(le - p), fn;
    while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
        n--;
    if (n && (p[0] != '{' || p[n - 1] != '}' || !ct_field(p, le, "seq", &fn))) {
        fprintf(err, "%s:%ld: error: not a line of a trace (a JSON object with \"seq\")\n", path, lineno);
        return -1;
    }
    size_t mn = 0;
    const char *mach = ct_field(p, le, "machine", &mn);
    l->want = strstr(p, "\"trans\":");
    if (!mach || !l->want || l->want >= le)
        return 0;
    l->wn = (size_t)(p + n - l->want);
    const char *ev_s = ct_field(p, le, "event", &fn);
    l->ev = ev_s ? ct_event(s, ev_s, fn) : -1;
    const char *in_s = ct_field(p, le, "instance", &fn);
    l->inst = in_s ? strtol(in_s, NULL, 10) : 0;
    if (l->ev < 0 || l->inst < 0 || l->inst >= CT_INSTANCES || strlen(s->machines[0].name) != mn ||
        memcmp(mach, s->machines[0].name, mn) != 0) {
        fprintf(err, "%s:%ld: error: not a step of machine '%s' of this spec (unknown event, "
                     "machine or instance)\n", path, lineno, s->machines[0].name);
        return -1;
    }
    return 1;
}

/* Is the step on line l one the model takes from c under some valuation?
 * 1 and the next configuration in found, 0 after the report, -1 no memory. */
static int ct_step(FILE *err, rl *r, const char *path, long lineno, long step, const int32_t *c,
                   const ct_line *l, int32_t *next, int32_t *found)
{
    const ir_spec *s = rl_spec(r);
    const rl_space *in = rl_inputs(r, c[0], l->ev);
    int32_t *slots = rl_slots(r);
    const char *alt[CT_SHOWN];
    int shown = 0;
    rl_first(in, slots);
    do {
        rl_outcome oc;
        const char *tail = rl_step(r, c, l->ev, &oc, next);
        if (!tail)
            return -1;
        if (strlen(tail) == l->wn && memcmp(tail, l->want, l->wn) == 0 && oc.ncontracts == 0) {
            memcpy(found, next, (size_t)rl_width(r) * sizeof *next);
            return 1;
        }
        int seen = 0;
        for (int k = 0; k < shown; k++)
            seen |= strcmp(alt[k], tail) == 0;
        if (!seen && shown < CT_SHOWN)
            alt[shown++] = ar_strdup(tail);
    } while (rl_next(in, slots));
    fprintf(err, "%s:%ld: error: step %ld is not a step of the model: in ", path, lineno, step);
    rl_print_config(err, r, c, ", ");
    fprintf(err, " on '%s', the C did\n  {%.*s\nbut the model, under any plant, does one of\n",
            s->events[l->ev].name, (int)l->wn, l->want);
    for (int k = 0; k < shown; k++)
        fprintf(err, "  {%s\n", alt[k]);
    return 0;
}

long ct_check(FILE *err, const ir_spec *s, int profile, const char *path, const char *text, size_t len)
{
    rl *r = rl_new(s, profile);
    int w = rl_width(r);
    int32_t *cfg[CT_INSTANCES];
    for (int i = 0; i < CT_INSTANCES; i++) {
        cfg[i] = ar_array((size_t)w, sizeof *cfg[i]);
        rl_initial(r, cfg[i]);
    }
    int32_t *next = ar_array((size_t)w, sizeof *next), *found = ar_array((size_t)w, sizeof *found);
    long lineno = 0, steps = 0;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *le = nl ? nl : end;
        ct_line l;
        int kind = ct_parse(err, s, path, ++lineno, p, le, &l);
        if (kind == 1 && ct_step(err, r, path, lineno, steps + 1, cfg[l.inst], &l, next, found) != 1)
            kind = -1;
        if (kind < 0) {
            rl_free(r);
            return -1;
        }
        if (kind == 1) {
            memcpy(cfg[l.inst], found, (size_t)w * sizeof *found);
            steps++;
        }
        p = le + 1;
    }
    rl_free(r);
    return steps;
}
