/* emit_summary.c - a human-readable summary of a checked spec: its size,
 * families, machines and requirements. */
#include "emit.h"

#include <stdlib.h>

/* "1 machine", "2 machines"; the arena is not needed for this. */
static const char *em_n(char *buf, size_t cap, int n, const char *one, const char *many)
{
    snprintf(buf, cap, "%d %s", n, n == 1 ? one : many);
    return buf;
}

static int em_count_events(const ir_spec *s, ir_evkind k)
{
    int n = 0;
    for (int e = 0; e < s->nevents; e++)
        n += s->events[e].kind == k;
    return n;
}

static int em_count_vars(const ir_spec *s, ir_vkind k)
{
    int n = 0;
    for (int v = 0; v < s->nvars; v++)
        n += s->vars[v].kind == k;
    return n;
}

static void em_profiles(FILE *out, const ir_spec *s)
{
    fprintf(out, "families and profiles:\n");
    for (int f = 0; f < s->nfamilies; f++) {
        fprintf(out, "  %-10s", s->families[f].name);
        for (int p = 0; p < s->nprofiles; p++) {
            if (s->profiles[p].family != f)
                continue;
            fprintf(out, " %s(", s->profiles[p].name);
            int first = 1;
            for (int v = 0; v < s->nvars; v++) {
                if (s->vars[v].kind != IR_V_PARAM)
                    continue;
                fprintf(out, "%s%s=%s", first ? "" : " ", s->vars[v].name,
                        ir_value_name(s, &s->vars[v].elem, s->profiles[p].param[v]));
                first = 0;
            }
            fprintf(out, ")");
        }
        fprintf(out, "\n");
    }
}

static void em_machines(FILE *out, const ir_spec *s)
{
    for (int k = 0; k < s->nmachines; k++) {
        const ir_machine *m = &s->machines[k];
        int finals = 0, ignored = 0, rejected = 0;
        for (int st = 0; st < m->nstates; st++)
            finals += m->states[st].final;
        size_t cells = (size_t)m->nstates * (size_t)s->nevents;
        unsigned char *taken = calloc(cells + 1, 1);   /* (state, event) a transition takes */
        if (!taken)
            return;
        for (int t = 0; t < m->ntrans; t++)
            taken[(size_t)m->trans[t].from * (size_t)s->nevents + (size_t)m->trans[t].event] = 1;
        for (size_t cell = 0; cell < cells; cell++) {
            if (!m->arrives[cell] || taken[cell])
                continue;
            ignored += m->policy[cell] == IR_P_IGNORE;
            rejected += m->policy[cell] == IR_P_REJECT;
        }
        free(taken);
        fprintf(out, "machine %s%s: %d states (initial %s, %d final), %d transitions, "
                "%d variables; events that can arrive but no transition takes: "
                "%d (state, event) pairs ignored, %d rejected\n",
                m->name, m->count ? "[]" : "", m->nstates, m->states[m->initial].name, finals,
                m->ntrans, m->nvars, ignored, rejected);
    }
}

static void em_props(FILE *out, const ir_spec *s)
{
    static const char *const kinds[] = { "invariant", "on issue", "ltl" };
    fprintf(out, "requirements:\n");
    for (int p = 0; p < s->nprops; p++) {
        const ir_prop *pr = &s->props[p];
        fprintf(out, "  %-4s %-9s %s", pr->id, kinds[pr->kind], pr->text);
        if (pr->kind == IR_PROP_ON_ISSUE)
            fprintf(out, " [on issue %s]", s->cmds[pr->cmd].name);
        if (pr->families) {
            fprintf(out, " [for");
            for (int f = 0; f < s->nfamilies; f++)
                if (pr->families[f])
                    fprintf(out, " %s", s->families[f].name);
            fprintf(out, "]");
        }
        fprintf(out, "\n");
    }
}

void em_summary(FILE *out, const ir_spec *s, const em_opts *o)
{
    (void)o;                    /* the same for every profile */
    int outcomes = em_count_events(s, IR_EV_OUTCOME), trans = 0, states = 0;
    int inv = 0, ltl = 0;
    for (int k = 0; k < s->nmachines; k++) {
        trans += s->machines[k].ntrans;
        states += s->machines[k].nstates;
    }
    for (int p = 0; p < s->nprops; p++)
        *(s->props[p].kind == IR_PROP_LTL ? &ltl : &inv) += 1;
    char b[8][48];
    fprintf(out, "spec %s: valid\n", s->file);
    fprintf(out, "size: %s, %s, %s, %s (%s, %s, %s, %s)\n",
            em_n(b[0], 48, s->nmachines, "machine", "machines"),
            em_n(b[1], 48, states, "state", "states"),
            em_n(b[2], 48, trans, "transition", "transitions"),
            em_n(b[3], 48, s->nevents, "event", "events"),
            em_n(b[4], 48, outcomes, "command outcome", "command outcomes"),
            em_n(b[5], 48, em_count_events(s, IR_EV_FAULT), "fault", "faults"),
            em_n(b[6], 48, em_count_events(s, IR_EV_OPERATOR), "operator action", "operator actions"),
            em_n(b[7], 48, em_count_events(s, IR_EV_MACHINE), "machine event", "machine events"));
    fprintf(out, "world: %s, %s, %s, %s, %s, %s\n",
            em_n(b[0], 48, s->ncmds, "HAL command", "HAL commands"),
            em_n(b[1], 48, em_count_vars(s, IR_V_PLANT), "plant variable", "plant variables"),
            em_n(b[2], 48, em_count_vars(s, IR_V_PARAM), "param", "params"),
            em_n(b[3], 48, em_count_vars(s, IR_V_OPTION), "option", "options"),
            em_n(b[4], 48, s->nenvs, "environment action", "environment actions"),
            em_n(b[5], 48, s->nenums, "enum", "enums"));
    fprintf(out, "properties: %d (%s, %d LTL)\n", s->nprops,
            em_n(b[0], 48, inv, "safety invariant", "safety invariants"), ltl);
    em_profiles(out, s);
    em_machines(out, s);
    em_props(out, s);
}
