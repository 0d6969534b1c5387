/* emit_summary.c - a human-readable summary of a checked spec: its size,
 * families, machines and requirements. */
#include "emit.h"

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
        for (int i = 0; i < m->nstates * s->nevents; i++) {
            ignored += m->policy[i] == IR_P_IGNORE && m->arrives[i];
            rejected += m->policy[i] == IR_P_REJECT && m->arrives[i];
        }
        fprintf(out, "machine %s%s: %d states (initial %s, %d final), %d transitions, "
                "%d variables; %d (state, event) pairs ignored, %d rejected\n",
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

void em_summary(FILE *out, const ir_spec *s)
{
    int outcomes = em_count_events(s, IR_EV_OUTCOME), trans = 0, states = 0;
    int inv = 0, ltl = 0;
    for (int k = 0; k < s->nmachines; k++) {
        trans += s->machines[k].ntrans;
        states += s->machines[k].nstates;
    }
    for (int p = 0; p < s->nprops; p++)
        *(s->props[p].kind == IR_PROP_LTL ? &ltl : &inv) += 1;
    fprintf(out, "spec %s: valid\n", s->file);
    fprintf(out, "size: %d machines, %d states, %d transitions, %d events "
            "(%d command outcomes, %d faults, %d operator actions, %d machine events)\n",
            s->nmachines, states, trans, s->nevents, outcomes,
            em_count_events(s, IR_EV_FAULT), em_count_events(s, IR_EV_OPERATOR),
            em_count_events(s, IR_EV_MACHINE));
    fprintf(out, "world: %d HAL commands, %d plant variables, %d params, %d options, "
            "%d environment actions, %d enums\n",
            s->ncmds, em_count_vars(s, IR_V_PLANT), em_count_vars(s, IR_V_PARAM),
            em_count_vars(s, IR_V_OPTION), s->nenvs, s->nenums);
    fprintf(out, "properties: %d (%d safety invariants, %d LTL)\n", s->nprops, inv, ltl);
    em_profiles(out, s);
    em_machines(out, s);
    em_props(out, s);
}
