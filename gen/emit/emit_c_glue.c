/* emit_c_glue.c - the generated C around the Ragel charts (issu_glue.c):
 * per machine, the guards of each (state, event) group, the actions of
 * each transition, the variables' initial values and ranges, the
 * per-transition table (journal and trace) and the unhandled-event
 * policies, gathered in one descriptor (issu__machine, issu_impl.h); and
 * for the system, the table of descriptors, the instances and the queue
 * bound of each machine per profile.
 *
 * The guards are the IR's lowered, mutually exclusive ones (xguard), so at
 * most one holds; every guard of the group is evaluated anyway and the
 * number that held is returned, so that an overlap the analyses missed
 * becomes a reported contract violation instead of a silent choice. */
#include "emit.h"
#include "emit_c.h"

typedef struct eg {
    FILE *out;
    const ir_spec *s;
    int mi;                     /* the machine being written */
    const ir_machine *m;
    const char *n;              /* its name */
} eg;

static void eg_tables(const eg *c)
{
    FILE *out = c->out;
    const ir_machine *m = c->m;
    fprintf(out, "\nstatic const issu__trans_info issu__trans_%s[ISSU_DIM(ISSU_NTRANS_%s)] = {\n", c->n, c->n);
    for (int i = 0; i < m->ntrans; i++) {
        const ir_trans *t = &m->trans[i];
        fprintf(out, "    { ISSU_ST_%s_%s, ISSU_EV_%s, ISSU_ST_%s_%s, 0x%llxull, 0x%llxull, \"%s:%d\" },\n", c->n,
                m->states[t->from].name, ec_event(c->s, t->event), c->n, m->states[t->to].name,
                ec_issue_mask(t, IR_A_ISSUE), ec_issue_mask(t, IR_A_CANCEL), ir_file(c->s, t->at), t->at.line);
    }
    if (!m->ntrans)
        fputs("    { 0, 0, 0, 0ull, 0ull, \"\" },\n", out);
    fprintf(out, "};\n\n/* [state][event]: ISSU__P_NONE, _HANDLED, _IGNORE, _REJECT; bit 4: can arrive */\n"
            "static const uint8_t issu__policy_%s[ISSU_NSTATES_%s][ISSU_DIM(ISSU_NEVENTS)] = {\n", c->n, c->n);
    for (int st = 0; st < m->nstates; st++) {
        fprintf(out, "    { /* %s */", m->states[st].name);
        for (int e = 0; e < c->s->nevents; e++) {
            int i = st * c->s->nevents + e;
            fprintf(out, "%s%s%d", e ? "," : "", e % 16 ? " " : "\n      ", m->policy[i] | (m->arrives[i] ? 16 : 0));
        }
        fputs(c->s->nevents ? " },\n" : " 0 },\n", out);
    }
    fputs("};\n", out);
}

/* Names and kinds of the machine's states and variables, for logs, the
 * trace and the journal. */
static void eg_names(const eg *c)
{
    FILE *out = c->out;
    const ir_spec *s = c->s;
    fprintf(out, "\nstatic const char *const issu__st_names_%s[] = {", c->n);
    for (int st = 0; st < c->m->nstates; st++)
        fprintf(out, "%s\"%s\"", st ? ", " : " ", c->m->states[st].name);
    fprintf(out, " };\nstatic const uint8_t issu__st_final_%s[] = {", c->n);
    for (int st = 0; st < c->m->nstates; st++)
        fprintf(out, "%s%d", st ? ", " : " ", c->m->states[st].final);
    static const char *const kinds[] = { "ISSU_TK_BOOL", "ISSU_TK_INT", "ISSU_TK_ENUM", "ISSU_TK_STATE" };
    fprintf(out, " };\n/* name, kind, enum (ISSU_TK_ENUM) or machine (ISSU_TK_STATE) */\n"
            "static const issu__var_info issu__vars_%s[ISSU_DIM(ISSU_NCTRL_%s)] = {\n", c->n, c->n);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_CTRL || v->machine != c->mi)
            continue;
        fprintf(out, "    { \"%s\", %s, %d },\n", v->name, kinds[v->elem.kind],
                v->elem.kind == IR_T_ENUM || v->elem.kind == IR_T_STATE ? v->elem.id : -1);
    }
    if (!ec_count_vars(s, IR_V_CTRL, c->mi))
        fputs("    { \"\", 0, -1 },\n", out);
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

/* Initial values and ranges of the machine's variables. */
static void eg_vars(const eg *c)
{
    FILE *out = c->out;
    const ir_spec *s = c->s;
    fprintf(out, "\nstatic void issu__init_vars_%s(issu *m)\n{\n", c->n);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_CTRL || v->machine != c->mi)
            continue;
        fprintf(out, "    m->vars[ISSU_CV_%s_%s] = (int32_t)(", c->n, v->name);
        ec_expr(out, s, v->nvalues ? v->values[0] : NULL, "m->params", c->mi);
        fprintf(out, ");    /* %s:%d */\n", ir_file(s, v->at), v->at.line);
    }
    fprintf(out, "    (void)m;\n}\n\nstatic int issu__cv_in_range_%s(const issu *m, int cv, int32_t v)\n{\n"
            "    (void)v;\n    switch (cv) {\n", c->n);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_CTRL || v->machine != c->mi)
            continue;
        fprintf(out, "    case ISSU_CV_%s_%s:\n", c->n, v->name);
        if (v->elem.kind == IR_T_INT) {
            fputs("        return v >= ", out);
            ec_expr(out, s, v->elem.lo, "m->params", c->mi);
            fputs(" && v <= ", out);
            ec_expr(out, s, v->elem.hi, "m->params", c->mi);
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

static void eg_select_state(const eg *c, int st)
{
    FILE *out = c->out;
    const ir_machine *m = c->m;
    fprintf(out, "\n/* %s state %s, %s:%d */\nstatic int issu__sel_%s_%s(issu *m, int ev, int *held)\n{\n"
            "    int k = -1;\n    (void)m;\n    (void)held;\n    switch (ev) {\n",
            c->n, m->states[st].name, ir_file(c->s, m->states[st].at), m->states[st].at.line, c->n,
            m->states[st].name);
    int last_event = -1;
    for (int i = 0; i < m->ntrans; i++) {
        const ir_trans *t = &m->trans[i];
        if (t->from != st)
            continue;
        if (t->event != last_event) {
            if (last_event >= 0)
                fputs("        break;\n", out);
            fprintf(out, "    case ISSU_EV_%s:\n", ec_event(c->s, t->event));
            last_event = t->event;
        }
        fprintf(out, "        if (");
        ec_expr(out, c->s, t->xguard, "m->params", c->mi);
        fprintf(out, ") {    /* %s:%d */\n            k = %d;\n            ++*held;\n        }\n",
                ir_file(c->s, t->at), t->at.line, i);
    }
    if (last_event >= 0)
        fputs("        break;\n", out);
    fputs("    default:\n        break;\n    }\n    return k;\n}\n", out);
}

static void eg_select(const eg *c)
{
    const ir_machine *m = c->m;
    for (int st = 0; st < m->nstates; st++)
        eg_select_state(c, st);
    fprintf(c->out, "\nstatic int issu__select_%s(issu *m, int ev, int *held)\n{\n    *held = 0;\n"
            "    switch (m->fsm.state) {\n", c->n);
    for (int st = 0; st < m->nstates; st++)
        fprintf(c->out, "    case ISSU_ST_%s_%s:\n        return issu__sel_%s_%s(m, ev, held);\n", c->n,
                m->states[st].name, c->n, m->states[st].name);
    fputs("    default:\n        return -1;\n    }\n}\n", c->out);
}

static void eg_action(const eg *c, const ir_action *a)
{
    FILE *out = c->out;
    const ir_spec *s = c->s;
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
        fprintf(out, "issu__assign(m, ISSU_CV_%s_%s, (int32_t)(", c->n, s->vars[a->var].name);
        ec_expr(out, s, a->value, "m->params", c->mi);
        fputs("));", out);
        break;
    case IR_A_SEND:
        fprintf(out, "issu__send(m, ISSU_EV_%s, ISSU_M_%s, ", ec_event(s, a->event), s->machines[a->machine].name);
        if (a->index)
            ec_expr(out, s, a->index, "m->params", c->mi);
        else                        /* the only instance, or every one of an array */
            fputs(s->machines[a->machine].count ? "-1" : "0", out);
        fputs(");", out);
        break;
    }
    fprintf(out, "    /* %s:%d */\n", ir_file(s, a->at), a->at.line);
}

static void eg_actions(const eg *c)
{
    FILE *out = c->out;
    const ir_machine *m = c->m;
    for (int i = 0; i < m->ntrans; i++) {
        const ir_trans *t = &m->trans[i];
        fprintf(out, "\n/* %s:%d: %s %s -> %s on %s */\nstatic void issu__act_%s_%d(issu *m)\n{\n", ir_file(c->s, t->at),
                t->at.line, c->n, m->states[t->from].name, m->states[t->to].name, c->s->events[t->event].name,
                c->n, i);
        for (int k = 0; k < t->nactions; k++)
            eg_action(c, &t->actions[k]);
        fputs("    (void)m;\n}\n", out);
    }
    fprintf(out, "\nstatic void issu__actions_%s(issu *m, int k)\n{\n    switch (k) {\n", c->n);
    for (int i = 0; i < m->ntrans; i++)
        fprintf(out, "    case %d:\n        issu__act_%s_%d(m);\n        break;\n", i, c->n, i);
    fputs("    default:\n        (void)m;\n        break;\n    }\n}\n", out);
}

/* One machine's descriptor, an initializer of issu__machines[]. */
static void eg_descriptor(const eg *c)
{
    const char *n = c->n;
    fprintf(c->out, "    { \"%s\", ISSU_NSTATES_%s, ISSU_INITIAL_%s, issu__st_names_%s, issu__st_final_%s,\n"
            "      ISSU_NCTRL_%s, issu__vars_%s, ISSU_NTRANS_%s, issu__trans_%s, &issu__policy_%s[0][0],\n"
            "      issu__fsm_init_%s, issu__fsm_exec_%s, issu__fsm_enter_%s,\n"
            "      issu__init_vars_%s, issu__cv_in_range_%s, issu__select_%s, issu__actions_%s },\n",
            n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n);
}

/* Per profile and machine: its instances and its queue bound. */
static void eg_system(FILE *out, const ir_spec *s)
{
    fputs("\nconst int16_t issu__ninstances[ISSU_DIM(ISSU_NPROFILES)][ISSU_DIM(ISSU_NMACHINES)] = {\n", out);
    for (int p = 0; p < s->nprofiles || p == 0; p++) {
        fputs("    {", out);
        for (int m = 0; m < s->nmachines; m++)
            fprintf(out, "%s%ld", m ? ", " : " ",
                    p < s->nprofiles ? (long)ir_instances(s, &s->machines[m], p) : 0L);
        fputs(s->nmachines ? " },\n" : " 0 },\n", out);
    }
    fputs("};\n\nconst uint8_t issu__queue_bound[ISSU_DIM(ISSU_NPROFILES)][ISSU_DIM(ISSU_NMACHINES)] = {\n", out);
    for (int p = 0; p < s->nprofiles || p == 0; p++) {
        fputs("    {", out);
        for (int m = 0; m < s->nmachines; m++)
            fprintf(out, "%s%d", m ? ", " : " ", p < s->nprofiles ? ir_queue_bound(s, m, p) : 1);
        fputs(s->nmachines ? " },\n" : " 1 },\n", out);
    }
    fputs("};\n", out);
}

void em_c_glue(FILE *out, const ir_spec *s, const em_opts *o)
{
    (void)o;                    /* params are values of the instance */
    ec_banner(out, s, "issu_glue.c: guards, actions, tables and descriptors of the machines");
    fputs("#include \"issu_impl.h\"\n\ntypedef char issu__cmds_fit_a_mask[ISSU_NCMDS <= 64 ? 1 : -1];\n\n", out);
    eg_enum_names(out, s);
    for (int m = 0; m < s->nmachines; m++) {
        eg c = { out, s, m, &s->machines[m], s->machines[m].name };
        fprintf(out, "\n/* ==== machine '%s' (%s:%d) ==== */\n", c.n, ir_file(s, c.m->at), c.m->at.line);
        fprintf(out, "void issu__fsm_init_%s(issu_fsm *f);\nint issu__fsm_exec_%s(issu_fsm *f, int trans);\n"
                "int issu__fsm_enter_%s(issu_fsm *f, int state);\n", c.n, c.n, c.n);
        eg_tables(&c);
        eg_names(&c);
        eg_vars(&c);
        eg_select(&c);
        eg_actions(&c);
    }
    fputs("\nconst issu__machine issu__machines[ISSU_DIM(ISSU_NMACHINES)] = {\n", out);
    for (int m = 0; m < s->nmachines; m++) {
        eg c = { out, s, m, &s->machines[m], s->machines[m].name };
        eg_descriptor(&c);
    }
    if (!s->nmachines)
        fputs("    { 0 },\n", out);
    fputs("};\n", out);
    eg_system(out, s);
}
