/* emit_c_ids.c - the identifiers header (issu_ids.h): X-macro lists of the
 * spec's states, events, commands, variables, enums, families, profiles,
 * properties and transitions, and the numbering derived from them, shared
 * by the runtime, the platforms, the tests and the model tools so that no
 * numbering can drift (STYLE rule 9).
 *
 * Each list is a macro ISSU_NAME(X) that applies X to one entry per line;
 * the enums of ids (ISSU_ST_x, ISSU_EV_x, ...) are defined from the lists
 * right below them.  Counts are plain #defines so that #if can use them. */
#include "emit.h"
#include "emit_c.h"

#include "arena.h"

static void ec_ids_enum(FILE *out, const char *list, const char *prefix, const char *args,
                        const char *count)
{
    fprintf(out, "#define ISSU_X_(%s) %s##name,\nenum { %s(ISSU_X_) %s_END_ };\n#undef ISSU_X_\n",
            args, prefix, list, count);
}

/* The largest of f(machine) over the machines, at least 1. */
static int ec_max(const ir_spec *s, int (*f)(const ir_spec *, int))
{
    int max = 1;
    for (int m = 0; m < s->nmachines; m++)
        max = f(s, m) > max ? f(s, m) : max;
    return max;
}

static int ec_nstates(const ir_spec *s, int m) { return s->machines[m].nstates; }
static int ec_ntrans(const ir_spec *s, int m) { return s->machines[m].ntrans; }
static int ec_nctrl(const ir_spec *s, int m) { return ec_count_vars(s, IR_V_CTRL, m); }

static int ec_queue(const ir_spec *s, int m)
{
    int max = 1;
    for (int p = 0; p < s->nprofiles; p++)
        max = ir_queue_bound(s, m, p) > max ? ir_queue_bound(s, m, p) : max;
    return max;
}

static int ec_instances_max(const ir_spec *s)
{
    int max = 1;
    for (int p = 0; p < s->nprofiles; p++) {
        int n = 0;
        for (int m = 0; m < s->nmachines; m++)
            n += (int)ir_instances(s, &s->machines[m], p);
        max = n > max ? n : max;
    }
    return max;
}

static void ec_ids_machines(FILE *out, const ir_spec *s)
{
    fprintf(out, "\n/* Machines. X(name, doc); instances per profile: issu_instances(). */\n"
            "#define ISSU_NMACHINES %d\n#define ISSU_MACHINES(X) \\\n", s->nmachines);
    for (int m = 0; m < s->nmachines; m++) {
        fprintf(out, "    X(%s, ", s->machines[m].name);
        ec_str(out, s->machines[m].doc ? s->machines[m].doc : "");
        fprintf(out, ") /* %s:%d */ \\\n", ir_file(s, s->machines[m].at), s->machines[m].at.line);
    }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_MACHINES", "ISSU_M_", "name, doc", "ISSU_M");
    fprintf(out, "/* Sizes of an instance: the largest over the machines and profiles. */\n"
            "#define ISSU_NSTATES_MAX %d\n#define ISSU_NCTRL_MAX %d\n#define ISSU_NTRANS_MAX %d\n"
            "/* Event queue of an instance: the derived bound (ir_queue_bound), which the\n"
            " * proofs check is never passed. */\n#define ISSU_QUEUE_LEN %d\n"
            "/* Instances of a system (issu_sys): the largest profile's. */\n#define ISSU_NINSTANCES_MAX %d\n",
            ec_max(s, ec_nstates), ec_max(s, ec_nctrl), ec_max(s, ec_ntrans), ec_max(s, ec_queue),
            ec_instances_max(s));
}

/* Machine m's states: ISSU_STATES_<m>(X), ISSU_ST_<m>_<S>. */
static void ec_ids_states(FILE *out, const ir_spec *s, int mi)
{
    const ir_machine *m = &s->machines[mi];
    fprintf(out, "\n/* Machine '%s' (%s:%d): its states. X(name, final, doc) */\n"
            "#define ISSU_NSTATES_%s %d\n#define ISSU_INITIAL_%s ISSU_ST_%s_%s\n#define ISSU_STATES_%s(X) \\\n",
            m->name, ir_file(s, m->at), m->at.line, m->name, m->nstates, m->name, m->name,
            m->states[m->initial].name, m->name);
    for (int i = 0; i < m->nstates; i++) {
        fprintf(out, "    X(%s, %d, ", m->states[i].name, m->states[i].final);
        ec_str(out, m->states[i].doc ? m->states[i].doc : "");
        fprintf(out, ") /* %s:%d */ \\\n", ir_file(s, m->states[i].at), m->states[i].at.line);
    }
    fputs("\n", out);
    ec_ids_enum(out, ar_printf("ISSU_STATES_%s", m->name), ar_printf("ISSU_ST_%s_", m->name),
                "name, final, doc", ar_printf("ISSU_ST_%s", m->name));
}

static const char *ec_evkind(ir_evkind k)
{
    switch (k) {
    case IR_EV_OUTCOME: return "ISSU_EVK_OUTCOME";
    case IR_EV_FAULT: return "ISSU_EVK_FAULT";
    case IR_EV_OPERATOR: return "ISSU_EVK_OPERATOR";
    default: return "ISSU_EVK_MACHINE";
    }
}

static void ec_ids_events(FILE *out, const ir_spec *s)
{
    fprintf(out, "\n/* Events. X(name, kind, \"spec name\", command or -1, receiving machine or -1:\n"
            " * an outcome goes to the instance that issued its command) */\n"
            "#define ISSU_EVK_OUTCOME 0\n#define ISSU_EVK_FAULT 1\n#define ISSU_EVK_OPERATOR 2\n"
            "#define ISSU_EVK_MACHINE 3\n#define ISSU_NEVENTS %d\n#define ISSU_EVENTS(X) \\\n",
            s->nevents);
    for (int i = 0; i < s->nevents; i++) {
        const ir_event *ev = &s->events[i];
        fprintf(out, "    X(%s, %s, ", ec_event(s, i), ec_evkind(ev->kind));
        ec_str(out, ev->name);
        if (ev->kind == IR_EV_OUTCOME)
            fprintf(out, ", ISSU_CMD_%s, -1) \\\n", s->cmds[ev->cmd].name);
        else if (ev->machine >= 0)
            fprintf(out, ", -1, ISSU_M_%s) \\\n", s->machines[ev->machine].name);
        else
            fputs(", -1, -1) \\\n", out);
    }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_EVENTS", "ISSU_EV_", "name, kind, str, cmd, machine", "ISSU_EV");
}

static void ec_ids_cmds(FILE *out, const ir_spec *s)
{
    fprintf(out, "\n/* HAL commands. X(name, timeout ms or -1, timeout event or -1, doc) */\n"
            "#define ISSU_NCMDS %d\n#define ISSU_CMDS(X) \\\n", s->ncmds);
    for (int i = 0; i < s->ncmds; i++) {
        const ir_cmd *c = &s->cmds[i];
        fprintf(out, "    X(%s, %lld, ", c->name, (long long)c->timeout_ms);
        if (c->timeout_outcome >= 0)
            fprintf(out, "ISSU_EV_%s__%s, ", c->name, c->outcomes[c->timeout_outcome].name);
        else
            fputs("-1, ", out);
        ec_str(out, c->doc ? c->doc : "");
        fprintf(out, ") /* %s:%d */ \\\n", ir_file(s, c->at), c->at.line);
    }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_CMDS", "ISSU_CMD_", "name, timeout, tev, doc", "ISSU_CMD");
}

static void ec_ids_enums(FILE *out, const ir_spec *s)
{
    fputs("\n/* Enums of the spec: ISSU_ENUM_name(X) lists X(member); values ISSU_name_member. */\n", out);
    fprintf(out, "#define ISSU_NENUMS %d\n#define ISSU_ENUMS(X) \\\n", s->nenums);
    for (int i = 0; i < s->nenums; i++)
        fprintf(out, "    X(%s, %d) \\\n", s->enums[i].name, s->enums[i].n);
    fputs("\n", out);
    for (int i = 0; i < s->nenums; i++) {
        const ir_enum *e = &s->enums[i];
        fprintf(out, "#define ISSU_ENUM_%s(X)", e->name);
        for (int k = 0; k < e->n; k++)
            fprintf(out, " X(%s)", e->members[k]);
        fprintf(out, "\nenum {");
        for (int k = 0; k < e->n; k++)
            fprintf(out, "%s ISSU_%s_%s", k ? "," : "", e->name, e->members[k]);
        fprintf(out, " };\n");
    }
    fprintf(out, "enum {");
    for (int i = 0; i < s->nenums; i++)
        fprintf(out, "%s ISSU_ENUM_ID_%s", i ? "," : "", s->enums[i].name);
    fprintf(out, "%s ISSU_ENUM_ID_END_ };\n", s->nenums ? "," : "");
}

/* Element kind and enum of a type, for the variable lists. */
static void ec_type(FILE *out, const ir_spec *s, const ir_type *t)
{
    static const char *const kinds[] = { "ISSU_TK_BOOL", "ISSU_TK_INT", "ISSU_TK_ENUM", "ISSU_TK_STATE" };
    fprintf(out, "%s, %s%s", kinds[t->kind], t->kind == IR_T_ENUM ? "ISSU_ENUM_ID_" : "",
            t->kind == IR_T_ENUM ? s->enums[t->id].name : "-1");
}

static void ec_ids_plant(FILE *out, const ir_spec *s)
{
    static const char *const shapes[] = { "ISSU_SHAPE_SCALAR", "ISSU_SHAPE_ARRAY", "ISSU_SHAPE_POOL" };
    fprintf(out, "\n/* Plant variables (what the HAL observes). X(name, shape, kind, enum or -1,\n"
            " * largest size over the profiles, doc); ISSU_PV_SIZE_name(p): size for params p;\n"
            " * ISSU_PV_LO_name(p)..ISSU_PV_HI_name(p): the values one observation may have (an\n"
            " * element's range; for a pool, a count: 0..size). */\n"
            "#define ISSU_SHAPE_SCALAR 0\n#define ISSU_SHAPE_ARRAY 1\n#define ISSU_SHAPE_POOL 2\n"
            "#define ISSU_TK_BOOL 0\n#define ISSU_TK_INT 1\n#define ISSU_TK_ENUM 2\n#define ISSU_TK_STATE 3\n"
            "#define ISSU_NPLANT %d\n#define ISSU_PLANT(X) \\\n", ec_count_vars(s, IR_V_PLANT, -1));
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_PLANT)
            continue;
        fprintf(out, "    X(%s, %s, ", v->name, shapes[v->shape]);
        ec_type(out, s, &v->elem);
        fprintf(out, ", %ld, ", (long)ec_max_size(s, v));
        ec_str(out, v->doc ? v->doc : "");
        fprintf(out, ") /* %s:%d */ \\\n", ir_file(s, v->at), v->at.line);
    }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_PLANT", "ISSU_PV_", "name, shape, kind, en, size, doc", "ISSU_PV");
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_PLANT)
            continue;
        fprintf(out, "#define ISSU_PV_SIZE_%s(p) ((int32_t)", v->name);
        if (v->shape == IR_SCALAR)
            fputs("1", out);
        else
            ec_expr(out, s, v->size, "(p)", EC_GLOBAL);
        fputs(")\n", out);
        fprintf(out, "#define ISSU_PV_LO_%s(p) ((int32_t)", v->name);
        if (v->shape != IR_POOL && v->elem.kind == IR_T_INT)
            ec_expr(out, s, v->elem.lo, "(p)", EC_GLOBAL);
        else
            fputs("0", out);
        fprintf(out, ")\n#define ISSU_PV_HI_%s(p) ((int32_t)", v->name);
        if (v->shape == IR_POOL)
            fprintf(out, "ISSU_PV_SIZE_%s(p)", v->name);
        else if (v->elem.kind == IR_T_INT)
            ec_expr(out, s, v->elem.hi, "(p)", EC_GLOBAL);
        else
            fprintf(out, "%d", v->elem.kind == IR_T_BOOL ? 1
                               : v->elem.kind == IR_T_ENUM ? s->enums[v->elem.id].n - 1
                                                           : s->machines[v->elem.id].nstates - 1);
        fputs(")\n", out);
    }
}

/* Params, options, controller variables. */
static void ec_ids_vars(FILE *out, const ir_spec *s)
{
    fprintf(out, "\n/* Params. X(name, doc) */\n#define ISSU_NPARAMS %d\n#define ISSU_PARAMS(X) \\\n",
            ec_count_vars(s, IR_V_PARAM, -1));
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].kind == IR_V_PARAM) {
            fprintf(out, "    X(%s, ", s->vars[i].name);
            ec_str(out, s->vars[i].doc ? s->vars[i].doc : "");
            fputs(") \\\n", out);
        }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_PARAMS", "ISSU_PARAM_", "name, doc", "ISSU_PARAM");
    fprintf(out, "\n/* Options. X(name, doc) */\n#define ISSU_NOPTIONS %d\n#define ISSU_OPTIONS(X) \\\n",
            ec_count_vars(s, IR_V_OPTION, -1));
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].kind == IR_V_OPTION) {
            fprintf(out, "    X(%s, ", s->vars[i].name);
            ec_str(out, s->vars[i].doc ? s->vars[i].doc : "");
            fputs(") \\\n", out);
        }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_OPTIONS", "ISSU_OPT_", "name, doc", "ISSU_OPT");
}

/* Machine m's controller variables: ISSU_CTRL_<m>(X), ISSU_CV_<m>_<v>. */
static void ec_ids_ctrl(FILE *out, const ir_spec *s, int m)
{
    const char *mn = s->machines[m].name;
    fprintf(out, "\n/* Machine '%s': its variables. X(name, kind, enum or -1, doc) */\n"
            "#define ISSU_NCTRL_%s %d\n#define ISSU_CTRL_%s(X) \\\n", mn, mn, ec_count_vars(s, IR_V_CTRL, m), mn);
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].kind == IR_V_CTRL && s->vars[i].machine == m) {
            fprintf(out, "    X(%s, ", s->vars[i].name);
            ec_type(out, s, &s->vars[i].elem);
            fputs(", ", out);
            ec_str(out, s->vars[i].doc ? s->vars[i].doc : "");
            fprintf(out, ") /* %s:%d */ \\\n", ir_file(s, s->vars[i].at), s->vars[i].at.line);
        }
    fputs("\n", out);
    ec_ids_enum(out, ar_printf("ISSU_CTRL_%s", mn), ar_printf("ISSU_CV_%s_", mn), "name, kind, en, doc",
                ar_printf("ISSU_CV_%s", mn));
}

static void ec_ids_profiles(FILE *out, const ir_spec *s)
{
    fprintf(out, "\n/* Families. X(name, doc) */\n#define ISSU_NFAMILIES %d\n#define ISSU_FAMILIES(X) \\\n",
            s->nfamilies);
    for (int f = 0; f < s->nfamilies; f++) {
        fprintf(out, "    X(%s, ", s->families[f].name);
        ec_str(out, s->families[f].doc ? s->families[f].doc : "");
        fputs(") \\\n", out);
    }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_FAMILIES", "ISSU_FAM_", "name, doc", "ISSU_FAM");
    fprintf(out, "\n/* Profiles. X(name, family, doc, param values in ISSU_PARAM_ order) */\n"
            "#define ISSU_NPROFILES %d\n#define ISSU_PROFILES(X) \\\n", s->nprofiles);
    for (int p = 0; p < s->nprofiles; p++) {
        fprintf(out, "    X(%s, ISSU_FAM_%s, ", s->profiles[p].name, s->families[s->profiles[p].family].name);
        ec_str(out, s->profiles[p].doc ? s->profiles[p].doc : "");
        for (int v = 0; v < s->nvars; v++)
            if (s->vars[v].kind == IR_V_PARAM)
                fprintf(out, ", %ld", (long)s->profiles[p].param[v]);
        fputs(") \\\n", out);
    }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_PROFILES", "ISSU_PROF_", "name, fam, doc, ...", "ISSU_PROF");
    fputs("/* Instances of the system of each profile, for a port that sizes its own\n"
          " * storage per profile (issu_sys holds ISSU_NINSTANCES_MAX). */\n", out);
    for (int p = 0; p < s->nprofiles; p++) {
        long n = 0;
        for (int m = 0; m < s->nmachines; m++)
            n += (long)ir_instances(s, &s->machines[m], p);
        fprintf(out, "#define ISSU_PROF_NINSTANCES_%s %ld\n", s->profiles[p].name, n);
    }
}

static void ec_ids_props(FILE *out, const ir_spec *s)
{
    static const char *const kinds[] = { "ISSU_PROPK_INVARIANT", "ISSU_PROPK_ON_ISSUE", "ISSU_PROPK_LTL" };
    fprintf(out, "\n/* Properties. X(id, kind, command (on issue) or -1, sentence) */\n"
            "#define ISSU_PROPK_INVARIANT 0\n#define ISSU_PROPK_ON_ISSUE 1\n#define ISSU_PROPK_LTL 2\n"
            "#define ISSU_NPROPS %d\n#define ISSU_PROPS(X) \\\n", s->nprops);
    for (int i = 0; i < s->nprops; i++) {
        const ir_prop *p = &s->props[i];
        fprintf(out, "    X(%s, %s, ", p->id, kinds[p->kind]);
        if (p->kind == IR_PROP_ON_ISSUE)
            fprintf(out, "ISSU_CMD_%s, ", s->cmds[p->cmd].name);
        else
            fputs("-1, ", out);
        ec_str(out, p->text);
        fprintf(out, ") /* %s:%d */ \\\n", ir_file(s, p->at), p->at.line);
    }
    fputs("\n", out);
    ec_ids_enum(out, "ISSU_PROPS", "ISSU_PROP_", "name, kind, cmd, text", "ISSU_PROP");
}

static void ec_ids_trans(FILE *out, const ir_spec *s, int mi)
{
    const ir_machine *m = &s->machines[mi];
    fprintf(out, "\n/* Machine '%s': its transitions, by id. X(id, from, event, to, \"file:line\") */\n"
            "#define ISSU_NTRANS_%s %d\n#define ISSU_TRANS_%s(X) \\\n", m->name, m->name, m->ntrans, m->name);
    for (int i = 0; i < m->ntrans; i++) {
        const ir_trans *t = &m->trans[i];
        fprintf(out, "    X(%d, ISSU_ST_%s_%s, ISSU_EV_%s, ISSU_ST_%s_%s, \"%s:%d\") \\\n", t->id, m->name,
                m->states[t->from].name, ec_event(s, t->event), m->name, m->states[t->to].name, ir_file(s, t->at),
                t->at.line);
    }
    fputs("\n", out);
}

void em_c_ids(FILE *out, const ir_spec *s, const em_opts *o)
{
    (void)o;                    /* every profile: the profiles are a list here */
    ec_banner(out, s, "issu_ids.h: the identifiers of the spec, as X-macro lists");
    fputs("#ifndef ISSU_IDS_H\n#define ISSU_IDS_H\n\n#include <stdint.h>\n\n"
          "/* Array dimension that stays valid when a list is empty. */\n"
          "#define ISSU_DIM(n) ((n) > 0 ? (n) : 1)\n", out);
    ec_ids_enums(out, s);
    ec_ids_machines(out, s);
    for (int m = 0; m < s->nmachines; m++) {
        ec_ids_states(out, s, m);
        ec_ids_ctrl(out, s, m);
    }
    ec_ids_cmds(out, s);
    ec_ids_events(out, s);
    ec_ids_plant(out, s);
    ec_ids_vars(out, s);
    ec_ids_profiles(out, s);
    ec_ids_props(out, s);
    for (int m = 0; m < s->nmachines; m++)
        ec_ids_trans(out, s, m);
    fputs("\n#endif\n", out);
}
