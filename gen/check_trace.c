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
    char *tail = NULL;
    size_t ntail = 0;
    FILE *tf = open_memstream(&tail, &ntail);
    if (!tf) {
        fprintf(err, "%s: error: out of memory\n", path);
        return -1;
    }
    long lineno = 0, steps = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        size_t len_l = (size_t)(le - p);
        while (len_l && (p[len_l - 1] == '\r' || p[len_l - 1] == ' '))
            len_l--;
        if (len_l && (p[0] != '{' || p[len_l - 1] != '}' || !ct_field(p, le, "seq", &len_l))) {
            fprintf(err, "%s:%ld: error: not a line of a trace (a JSON object with \"seq\")\n", path, lineno);
            fclose(tf);
            free(tail);
            return -1;
        }
        size_t n, mn = 0;
        const char *mach = ct_field(p, le, "machine", &mn);
        const char *want = strstr(p, "\"trans\":");
        if (!mach || !want || want >= le) {
            p = le + 1;
            continue;                  /* not a controller step */
        }
        size_t wn = (size_t)(le - want);
        while (wn && (want[wn - 1] == '\r' || want[wn - 1] == ' '))
            wn--;
        const char *ev_s = ct_field(p, le, "event", &n);
        int ev = ev_s ? ct_event(s, ev_s, n) : -1;
        size_t in_n;
        const char *in_s = ct_field(p, le, "instance", &in_n);
        long inst = in_s ? strtol(in_s, NULL, 10) : 0;
        if (ev < 0 || inst < 0 || inst >= CT_INSTANCES || strlen(s->machines[0].name) != mn ||
            memcmp(mach, s->machines[0].name, mn) != 0) {
            fprintf(err, "%s:%ld: error: not a step of machine '%s' of this spec (unknown event, "
                         "machine or instance)\n", path, lineno, s->machines[0].name);
            fclose(tf);
            free(tail);
            return -1;
        }
        int32_t *c = cfg[inst];
        const rl_space *in = rl_inputs(r, c[0], ev);
        int32_t *slots = rl_slots(r);
        int ok = 0, shown = 0;
        const char *alt[CT_SHOWN];
        rl_first(in, slots);
        do {
            rl_outcome oc;
            rewind(tf);
            rl_step(r, c, ev, &oc, tf, next);
            fputc('\0', tf);
            fflush(tf);
            if (strlen(tail) == wn && memcmp(tail, want, wn) == 0 && oc.ncontracts == 0) {
                memcpy(found, next, (size_t)w * sizeof *next);
                ok = 1;
                break;
            }
            int seen = 0;
            for (int k = 0; k < shown; k++)
                seen |= strcmp(alt[k], tail) == 0;
            if (!seen && shown < CT_SHOWN)
                alt[shown++] = ar_strdup(tail);
        } while (rl_next(in, slots));
        if (!ok) {
            fprintf(err, "%s:%ld: error: step %ld is not a step of the model: in ", path, lineno, steps + 1);
            rl_print_config(err, r, c);
            fprintf(err, " on '%s', the C did\n  {%.*s\nbut the model, under any plant, does one of\n",
                    s->events[ev].name, (int)wn, want);
            for (int k = 0; k < shown; k++)
                fprintf(err, "  {%s\n", alt[k]);
            fclose(tf);
            free(tail);
            return -1;
        }
        memcpy(c, found, (size_t)w * sizeof *found);
        steps++;
        p = le + 1;
    }
    fclose(tf);
    free(tail);
    return steps;
}
