/* emit_relation.c - issu-gen --relation: the transition relation of one
 * profile (relation.h), for every machine of the spec, for the C
 * conformance harness (tests/conformance/relcheck.c) to compare with what
 * the generated C does.
 *
 * The file is tab-separated text, one record per line, in sections, one
 * per machine (in spec order) or, for a machine array whose guards or
 * actions read `self`, one per instance:
 *   P  profile  machine  instance|*  configurations  rows  outcomes
 *   C  id  STATE  pending-commands|-  var=value,...|-
 *   O  id  contracts|-  spec-location  trace-tail|stale
 *   R  config  event  input=value,...|-  outcome  next-config
 * The instance is the element of the machine array the section is for
 * (`self`; 0 for a machine that is not an array), or * when the machine's
 * guards and actions do not read `self`: the section holds for every
 * instance.  Configuration and outcome ids are the section's own.  C lines
 * come in the order the configurations are found from the initial one (0);
 * R lines, grouped by configuration then event, give every event of the
 * spec under every valuation of what its guards and actions read in that
 * configuration's state.  The trace tail is the runtime's JSON trace line
 * from "trans" on; the inputs name plant scalars "x", array elements
 * "x[1]", pool counts "x[MEMBER]" and options "o", with numeric values
 * (booleans 0/1, enums by position).  A machine array with no instance in
 * the profile has no section.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "emit.h"
#include "relation.h"

typedef struct er_outcomes {
    const char **text;          /* "contracts\twhere\ttail" */
    int n, cap;
    int *hash;                  /* index + 1 */
} er_outcomes;

static uint32_t er_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static int er_intern(er_outcomes *o, const char *text)
{
    if (o->n * 2 >= o->cap) {
        int cap = o->cap ? o->cap * 2 : 1024;
        const char **t = ar_array((size_t)cap, sizeof *t);
        if (o->n)
            memcpy(t, o->text, (size_t)o->n * sizeof *t);
        o->text = t;
        o->cap = cap;
        o->hash = ar_array((size_t)cap * 2, sizeof *o->hash);
        for (int k = 0; k < o->n; k++) {
            uint32_t i = er_hash(o->text[k]) & (uint32_t)(cap * 2 - 1);
            while (o->hash[i])
                i = (i + 1u) & (uint32_t)(cap * 2 - 1);
            o->hash[i] = k + 1;
        }
    }
    uint32_t mask = (uint32_t)(o->cap * 2 - 1), i = er_hash(text) & mask;
    for (; o->hash[i]; i = (i + 1u) & mask)
        if (strcmp(o->text[o->hash[i] - 1], text) == 0)
            return o->hash[i] - 1;
    o->text[o->n] = ar_strdup(text);
    o->hash[i] = ++o->n;
    return o->n - 1;
}

/* "contracts\twhere\ttail" of one step. */
static void er_outcome_text(FILE *f, const ir_spec *s, const rl_outcome *oc, const char *tail)
{
    for (int i = 0; i < oc->ncontracts; i++)
        fprintf(f, "%s%d", i ? "," : "", oc->contracts[i]);
    fprintf(f, "%s\t%s:%d:%d\t%s", oc->ncontracts ? "" : "-", ir_file(s, oc->where), oc->where.line,
            oc->where.col, tail);
}

/* The section of instance self of machine mi into out; 0, or -1 after a report. */
static int er_section(FILE *out, const ir_spec *s, int profile, int mi, int self, int any)
{
    rl *r = rl_new(s, profile, mi, self);
    int w = rl_width(r);
    int32_t *cfg = ar_array((size_t)w, sizeof *cfg), *next = ar_array((size_t)w, sizeof *next);
    rl_initial(r, cfg);
    rl_add(r, cfg);

    char *rows = NULL, *text = NULL;
    size_t nrows_b = 0, ntext = 0;
    FILE *rf = open_memstream(&rows, &nrows_b);
    FILE *xf = open_memstream(&text, &ntext);
    er_outcomes outs = { 0 };
    long nrows = 0;
    int bad = !rf || !xf;
    if (bad)
        diag_plain("out of memory for the relation");
    for (int c = 0; !bad && c < rl_nconfigs(r); c++) {  /* grows as configurations are found */
        for (int ev = 0; !bad && ev < s->nevents; ev++) {
            const rl_space *in = rl_inputs(r, rl_config(r, c)[0], ev);
            int32_t *slots = rl_slots(r);
            if (in->overflow) {
                diag_plain("machine %s, state %s, event %s: too many pools, members or atoms to "
                           "enumerate for the relation", s->machines[mi].name,
                           s->machines[mi].states[rl_config(r, c)[0]].name, s->events[ev].name);
                bad = 1;
                break;
            }
            rl_first(in, slots);
            do {
                memcpy(cfg, rl_config(r, c), (size_t)w * sizeof *cfg);
                rl_outcome oc;
                const char *tail = rl_step(r, cfg, ev, &oc, next);
                if (!tail) {
                    bad = 1;
                    break;
                }
                rewind(xf);
                er_outcome_text(xf, s, &oc, tail);
                fputc('\0', xf);
                fflush(xf);
                int oid = er_intern(&outs, text);
                int nid = rl_add(r, next);
                fprintf(rf, "R\t%d\t%s\t", c, s->events[ev].name);
                rl_print_inputs(rf, r, in);
                fprintf(rf, "\t%d\t%d\n", oid, nid);
                nrows++;
            } while (rl_next(in, slots));
        }
    }
    if (rf)
        fclose(rf);
    if (xf)
        fclose(xf);
    rl_free(r);
    if (!bad) {
        fprintf(out, "P\t%s\t%s\t", s->profiles[profile].name, s->machines[mi].name);
        if (any)
            fputc('*', out);
        else
            fprintf(out, "%d", self);
        fprintf(out, "\t%d\t%ld\t%d\n", rl_nconfigs(r), nrows, outs.n);
        for (int c = 0; c < rl_nconfigs(r); c++) {
            fprintf(out, "C\t%d\t", c);
            rl_print_config(out, r, rl_config(r, c), "\t");
            fputc('\n', out);
        }
        for (int k = 0; k < outs.n; k++)
            fprintf(out, "O\t%d\t%s\n", k, outs.text[k]);
        fwrite(rows, 1, nrows_b, out);
    }
    free(rows);
    free(text);
    return bad ? -1 : 0;
}

void em_relation(FILE *out, const ir_spec *s, const em_opts *o)
{
    fprintf(out, "# issu-gen --relation: the transition relation of every machine in profile '%s'\n"
                 "# of %s (gen/relation.h says what it means; gen/emit_relation.c the format).\n",
            s->profiles[o->profile].name, s->file);
    for (int m = 0; m < s->nmachines; m++) {
        int n = (int)ir_instances(s, &s->machines[m], o->profile);
        int each = s->machines[m].count && rl_reads_self(s, m);
        for (int i = 0; i < (each ? n : n > 0 ? 1 : 0); i++)    /* a section per instance, or one */
            if (er_section(out, s, o->profile, m, i, s->machines[m].count && !each) != 0)
                return;                 /* reported: main.c writes no file */
    }
}
