/* emit_c_glue.c - the generated C around the Ragel chart (issu_glue.c):
 * the guards of each (state, event) group, the actions of each transition,
 * the controller's initial values and ranges, the per-transition table
 * (journal and trace) and the unhandled-event policies.
 *
 * The guards are the IR's lowered, mutually exclusive ones (xguard), so at
 * most one holds; every guard of the group is evaluated anyway and the
 * number that held is returned, so that an overlap the analyses missed
 * becomes a reported contract violation instead of a silent choice. */
#include "emit.h"
#include "emit_c.h"

static void eg_tables(FILE *out, const ir_spec *s)
{
    const ir_machine *m = ec_machine(s);
    fputs("typedef char issu__cmds_fit_a_mask[ISSU_NCMDS <= 32 ? 1 : -1];\n\n"
          "const issu__trans_info issu__trans[ISSU_DIM(ISSU_NTRANS)] = {\n", out);
    for (int i = 0; i < m->ntrans; i++) {
        const ir_trans *t = &m->trans[i];
        fprintf(out, "    { ISSU_ST_%s, ISSU_EV_%s, ISSU_ST_%s, 0x%lxu, 0x%lxu, \"%s:%d\" },\n",
                m->states[t->from].name, ec_event(s, t->event), m->states[t->to].name,
                ec_issue_mask(t, IR_A_ISSUE), ec_issue_mask(t, IR_A_CANCEL), s->file, t->at.line);
    }
    if (!m->ntrans)
        fputs("    { 0, 0, 0, 0u, 0u, \"\" },\n", out);
    fputs("};\n\n/* [state][event]: ISSU__P_NONE, _HANDLED, _IGNORE, _REJECT; bit 4: can arrive */\n"
          "const uint8_t issu__policy[ISSU_NSTATES][ISSU_DIM(ISSU_NEVENTS)] = {\n", out);
    for (int st = 0; st < m->nstates; st++) {
        fprintf(out, "    { /* %s */", m->states[st].name);
        for (int e = 0; e < s->nevents; e++) {
            int i = st * s->nevents + e;
            fprintf(out, "%s%s%d", e ? "," : "", e % 16 ? " " : "\n      ", m->policy[i] | (m->arrives[i] ? 16 : 0));
        }
        fputs(" },\n", out);
    }
    fputs("};\n", out);
}

static void eg_enum_names(FILE *out, const ir_spec *s)
{
    for (int i = 0; i < s->nenums; i++) {
        fprintf(out, "static const char *const issu__names_%s[] = {", s->enums[i].name);
        for (int k = 0; k < s->enums[i].n; k++)
            fprintf(out, "%s\"%s\"", k ? ", " : " ", s->enums[i].members[k]);
        fputs(" };\n", out);
    }
    fputs("const char *const *const issu__enum_names[ISSU_DIM(ISSU_NENUMS)] = {", out);
    for (int i = 0; i < s->nenums; i++)
        fprintf(out, "%sissu__names_%s", i ? ", " : " ", s->enums[i].name);
    fputs(s->nenums ? " };\n" : " 0 };\n", out);
}

/* Initial values and ranges of the controller variables. */
static void eg_vars(FILE *out, const ir_spec *s)
{
    fputs("\nvoid issu__init_vars(issu *m)\n{\n", out);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_CTRL || ec_var_index(s, i) < 0)
            continue;
        fprintf(out, "    m->vars[ISSU_CV_%s] = (int32_t)(", v->name);
        ec_expr(out, s, v->nvalues ? v->values[0] : NULL, "m->params");
        fprintf(out, ");    /* %s:%d */\n", s->file, v->at.line);
    }
    fputs("    (void)m;\n}\n\nint issu__cv_in_range(const issu *m, int cv, int32_t v)\n{\n"
          "    (void)v;\n    switch (cv) {\n", out);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_CTRL || ec_var_index(s, i) < 0)
            continue;
        fprintf(out, "    case ISSU_CV_%s:\n", v->name);
        if (v->elem.kind == IR_T_INT) {
            fputs("        return v >= ", out);
            ec_expr(out, s, v->elem.lo, "m->params");
            fputs(" && v <= ", out);
            ec_expr(out, s, v->elem.hi, "m->params");
            fputs(";\n", out);
        } else {
            fprintf(out, "        return v >= 0 && v <= %d;\n",
                    v->elem.kind == IR_T_BOOL ? 1
                    : v->elem.kind == IR_T_ENUM ? s->enums[v->elem.id].n - 1
                                                : s->machines[v->elem.id].nstates - 1);
        }
    }
    fputs("    default:\n        return 0;\n    }\n    (void)m;\n}\n", out);
}

static void eg_select_state(FILE *out, const ir_spec *s, int st)
{
    const ir_machine *m = ec_machine(s);
    fprintf(out, "\n/* state %s, %s:%d */\nstatic int issu__sel_%s(issu *m, int ev, int *held)\n{\n"
            "    int k = -1;\n    (void)m;\n    switch (ev) {\n",
            m->states[st].name, s->file, m->states[st].at.line, m->states[st].name);
    int last_event = -1;
    for (int i = 0; i < m->ntrans; i++) {
        const ir_trans *t = &m->trans[i];
        if (t->from != st)
            continue;
        if (t->event != last_event) {
            if (last_event >= 0)
                fputs("        break;\n", out);
            fprintf(out, "    case ISSU_EV_%s:\n", ec_event(s, t->event));
            last_event = t->event;
        }
        fprintf(out, "        if (");
        ec_expr(out, s, t->xguard, "m->params");
        fprintf(out, ") {    /* %s:%d */\n            k = %d;\n            ++*held;\n        }\n",
                s->file, t->at.line, i);
    }
    if (last_event >= 0)
        fputs("        break;\n", out);
    fputs("    default:\n        break;\n    }\n    return k;\n}\n", out);
}

static void eg_select(FILE *out, const ir_spec *s)
{
    const ir_machine *m = ec_machine(s);
    for (int st = 0; st < m->nstates; st++)
        eg_select_state(out, s, st);
    fputs("\nint issu__select(issu *m, int ev, int *held)\n{\n    *held = 0;\n    switch (m->fsm.state) {\n", out);
    for (int st = 0; st < m->nstates; st++)
        fprintf(out, "    case ISSU_ST_%s:\n        return issu__sel_%s(m, ev, held);\n",
                m->states[st].name, m->states[st].name);
    fputs("    default:\n        return -1;\n    }\n}\n", out);
}

static void eg_action(FILE *out, const ir_spec *s, const ir_action *a)
{
    fputs("    ", out);
    switch (a->kind) {
    case IR_A_CONSOLE:
        fputs("issu__console(m, ", out);
        ec_str(out, a->text);
        fputs(");", out);
        break;
    case IR_A_ISSUE:
    case IR_A_CANCEL:
        fprintf(out, "issu__%s(m, ISSU_CMD_%s);", a->kind == IR_A_ISSUE ? "issue" : "cancel",
                s->cmds[a->cmd].name);
        break;
    case IR_A_ASSIGN:
        fprintf(out, "issu__assign(m, ISSU_CV_%s, (int32_t)(", s->vars[a->var].name);
        ec_expr(out, s, a->value, "m->params");
        fputs("));", out);
        break;
    case IR_A_SEND:
        fprintf(out, "issu__send(m, ISSU_EV_%s, \"%s\", ", ec_event(s, a->event), s->machines[a->machine].name);
        if (a->index)
            ec_expr(out, s, a->index, "m->params");
        else                        /* the only instance, or every one of an array */
            fputs(s->machines[a->machine].count ? "-1" : "0", out);
        fputs(");", out);
        break;
    }
    fprintf(out, "    /* %s:%d */\n", s->file, a->at.line);
}

static void eg_actions(FILE *out, const ir_spec *s)
{
    const ir_machine *m = ec_machine(s);
    for (int i = 0; i < m->ntrans; i++) {
        const ir_trans *t = &m->trans[i];
        fprintf(out, "\n/* %s:%d: %s -> %s on %s */\nstatic void issu__act_%d(issu *m)\n{\n", s->file,
                t->at.line, m->states[t->from].name, m->states[t->to].name, s->events[t->event].name, i);
        for (int k = 0; k < t->nactions; k++)
            eg_action(out, s, &t->actions[k]);
        fputs("    (void)m;\n}\n", out);
    }
    fputs("\nvoid issu__actions(issu *m, int k)\n{\n    switch (k) {\n", out);
    for (int i = 0; i < m->ntrans; i++)
        fprintf(out, "    case %d:\n        issu__act_%d(m);\n        break;\n", i, i);
    fputs("    default:\n        break;\n    }\n}\n", out);
}

void em_c_glue(FILE *out, const ir_spec *s, const em_opts *o)
{
    (void)o;                    /* params are values of the instance */
    ec_banner(out, s, "issu_glue.c: guards, actions, tables of the controller");
    fputs("#include \"issu_impl.h\"\n\n", out);
    eg_tables(out, s);
    eg_enum_names(out, s);
    eg_vars(out, s);
    eg_select(out, s);
    eg_actions(out, s);
}
