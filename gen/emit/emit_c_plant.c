/* emit_c_plant.c - the reference plant (issu_plant.h, issu_plant.c): the
 * spec's world as C for simulators and tests, not firmware.  Plant
 * variables in cells (a pool: one cell per element holding its member),
 * their initial values, and per HAL command, outcome, fault and operator
 * action its condition and its effect list, each a C function over a
 * context (issu__pl_cx, tmpl/plant-c.in) that the fixed part of the file
 * runs on a copy of the plant and commits.
 *
 * Expressions are ec_read's (emit_c.c) with a reader of the plant's own:
 * cells instead of the HAL, the step's instance for `self`, the owner's
 * hooks for machine states and variables.  The effect statements follow
 * gen/ir/eval.c; `move one` takes the lowest-numbered element of the
 * sources, the element the C picks in every other place (LANGUAGE.md). */
#include "emit.h"
#include "emit_c.h"

#include "arena.h"
#include "template.h"

/* The most values one `any` may offer hooks->choose: each is a local array
 * of the generated code, so a domain larger than this is refused. */
#define EP_MAX_CHOICE 4096

static void ep_banner_h(FILE *out, const void *ctx)
{
    ec_banner(out, ctx, "issu_plant.h: the reference plant, the spec's world for simulators and tests");
}

static void ep_banner_c(FILE *out, const void *ctx)
{
    ec_banner(out, ctx, "issu_plant.c: the reference plant, the spec's world for simulators and tests");
}

/* ---- the reader: expressions over the plant's cells -------------------- */

/* A leaf the checker never lets a plant context read: an internal error. */
static void ep_unreadable(FILE *out, const ir_spec *s, const ir_expr *e)
{
    diag_plain("internal error: the reference plant cannot read '%s'", ir_expr_str(s, e));
    fputs("0", out);
}

/* The instance of machine mi an expression means: its index; without
 * one, the only one of a single machine, or of an array the step's own
 * instance if mi is the step's machine. */
static void ep_instance(FILE *out, const ir_spec *s, int mi, const ir_expr *index, const ec_reader *r)
{
    if (index)
        ec_read(out, s, index, r);
    else if (s->machines[mi].count)
        fprintf(out, "(c->machine == ISSU_M_%s ? c->self : 0)", s->machines[mi].name);
    else
        fputs("0", out);
}

/* A variable read: an option, a plant scalar's cell, an array element
 * (range-checked), a machine's variable through the owner. */
static void ep_var(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    const ir_var *v = &s->vars[e->var];
    if (v->kind == IR_V_OPTION) {
        fprintf(out, "c->p->options[ISSU_OPT_%s]", v->name);
    } else if (v->kind == IR_V_PLANT && e->kind == IR_E_INDEX) {
        fprintf(out, "issu__pl_elem(c, ISSU_PV_%s, ", v->name);
        ec_read(out, s, e->a, r);
        fputs(")", out);
    } else if (v->kind == IR_V_PLANT && v->shape == IR_SCALAR) {
        fprintf(out, "c->p->cell[ISSU_PLANT_SLOT_%s]", v->name);
    } else if (v->kind == IR_V_CTRL && v->shape == IR_SCALAR) {
        const char *mn = s->machines[v->machine].name;
        fprintf(out, "issu__pl_mvar(c, ISSU_M_%s, ", mn);
        ep_instance(out, s, v->machine, e->kind == IR_E_MVAR ? e->a : NULL, r);
        fprintf(out, ", ISSU_CV_%s_%s)", mn, v->name);
    } else {
        ep_unreadable(out, s, e);
    }
}

/* count(): a scan of a pool's or array's cells, or of a machine array's states. */
static void ep_count(FILE *out, const ir_spec *s, const ir_expr *e)
{
    if (e->var < 0) {                   /* instances of a machine array in some states */
        ir_type t = { IR_T_STATE, e->machine, NULL, NULL };
        fprintf(out, "issu__pl_mcount(c, ISSU_M_%s, ", s->machines[e->machine].name);
        ec_values(out, s, &t, e->vals, e->nvals);
        fputs(")", out);
    } else if (s->vars[e->var].kind == IR_V_PLANT) {
        fprintf(out, "issu__pl_count(c->p, ISSU_PV_%s, ", s->vars[e->var].name);
        ec_values(out, s, &s->vars[e->var].elem, e->vals, e->nvals);
        fputs(")", out);
    } else {
        ep_unreadable(out, s, e);
    }
}

/* The plant's leaves (ec_reader): the context `c` of a step or condition. */
static void ep_leaf(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    switch (e->kind) {
    case IR_E_SELF:
        fputs("c->self", out);
        break;
    case IR_E_STATE:
        fprintf(out, "issu__pl_state(c, ISSU_M_%s, ", s->machines[e->machine].name);
        ep_instance(out, s, e->machine, e->a, r);
        fputs(")", out);
        break;
    case IR_E_COUNT:
        ep_count(out, s, e);
        break;
    case IR_E_PENDING:
        ep_unreadable(out, s, e);
        break;
    default:
        ep_var(out, s, e, r);
        break;
    }
}

static const ec_reader ep_reader = { ep_leaf, "c->p->params", EC_GLOBAL, -1, NULL };
/* For the constant expressions (over params) of the profile functions. */
static const ec_reader ep_reader_p = { ep_leaf, "p->params", EC_GLOBAL, -1, NULL };

/* ---- bounds ------------------------------------------------------------ */

static long ep_max(long a, long b) { return a > b ? a : b; }

/* The most cells one assignment or move of variable v changes. */
static long ep_cells(const ir_spec *s, const ir_var *v, const ir_effect *f)
{
    if (f->kind == IR_F_MOVE_ONE || f->index || v->shape == IR_SCALAR)
        return 1;
    return (long)ec_max_size(s, v);
}

/* The most cell changes an effect list makes. */
static long ep_log_bound(const ir_spec *s, const ir_effect *fx, int n)
{
    long k = 0;
    for (int i = 0; i < n; i++) {
        const ir_effect *f = &fx[i];
        if (f->kind == IR_F_IF)
            k += ep_max(ep_log_bound(s, f->then_, f->nthen), ep_log_bound(s, f->else_, f->nelse));
        else
            k += ep_cells(s, &s->vars[f->var], f);
    }
    return k;
}

/* The most cell changes one step makes (at least 1): the log of a step. */
static long ep_log_max(const ir_spec *s)
{
    long k = 1;
    for (int c = 0; c < s->ncmds; c++) {
        k = ep_max(k, ep_log_bound(s, s->cmds[c].issue, s->cmds[c].nissue));
        for (int o = 0; o < s->cmds[c].noutcomes; o++)
            k = ep_max(k, ep_log_bound(s, s->cmds[c].outcomes[o].effects, s->cmds[c].outcomes[o].neffects));
    }
    for (int e = 0; e < s->nenvs; e++)
        k = ep_max(k, ep_log_bound(s, s->envs[e].effects, s->envs[e].neffects));
    return k;
}

/* The values `any` offers for plant variable v: its largest range over
 * the profiles; one past EP_MAX_CHOICE is reported at `at`. */
static long ep_any(const ir_spec *s, const ir_var *v, loc at)
{
    int64_t max = 1;
    for (int p = 0; p < s->nprofiles; p++) {
        int32_t lo, hi;
        ir_bounds(s, &v->elem, p, &lo, &hi);
        if ((int64_t)hi - lo + 1 > max)
            max = (int64_t)hi - lo + 1;
    }
    if (max <= EP_MAX_CHOICE)
        return (long)max;
    diag_error(at, "'%s = any' offers %lld values, and the reference plant offers at most %d",
               v->name, (long long)max, EP_MAX_CHOICE);
    return EP_MAX_CHOICE;
}

/* The most values one `any` of an effect list offers (0: none). */
static long ep_any_bound(const ir_spec *s, const ir_effect *fx, int n)
{
    long k = 0;
    for (int i = 0; i < n; i++) {
        const ir_effect *f = &fx[i];
        if (f->kind == IR_F_IF)
            k = ep_max(k, ep_max(ep_any_bound(s, f->then_, f->nthen), ep_any_bound(s, f->else_, f->nelse)));
        else if (f->kind == IR_F_CHOOSE && !f->nvalues)
            k = ep_max(k, ep_any(s, &s->vars[f->var], f->at));
    }
    return k;
}

/* The most values one `any` offers, at power on or in any effect (at least 1). */
static long ep_choice_max(const ir_spec *s)
{
    long k = 1;
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].kind == IR_V_PLANT && s->vars[i].init == IR_I_ANY)
            k = ep_max(k, ep_any(s, &s->vars[i], s->vars[i].at));
    for (int c = 0; c < s->ncmds; c++) {
        k = ep_max(k, ep_any_bound(s, s->cmds[c].issue, s->cmds[c].nissue));
        for (int o = 0; o < s->cmds[c].noutcomes; o++)
            k = ep_max(k, ep_any_bound(s, s->cmds[c].outcomes[o].effects, s->cmds[c].outcomes[o].neffects));
    }
    for (int e = 0; e < s->nenvs; e++)
        k = ep_max(k, ep_any_bound(s, s->envs[e].effects, s->envs[e].neffects));
    return k;
}

/* ISSU__PL_LOG and ISSU__PL_CHOICE, the sizes of a step's local arrays. */
static void ep_bounds(FILE *out, const void *ctx)
{
    const ir_spec *s = ctx;
    fprintf(out, "/* Derived from the effects: the most cell changes one step makes, and the\n"
            " * most values one `any` offers hooks->choose. */\n"
            "#define ISSU__PL_LOG %ld\n#define ISSU__PL_CHOICE %ld\n", ep_log_max(s), ep_choice_max(s));
}

/* ---- issu_plant.h: the environment list and the cells ------------------ */

/* ISSU_NENVS, the X-macro list ISSU_ENVS and the ids ISSU_ENV_x. */
static void ep_envs(FILE *out, const void *ctx)
{
    const ir_spec *s = ctx;
    fprintf(out, "/* Faults and operator actions, in declaration order.\n"
            " * X(name, is_fault, silent, event (ISSU_EV_x) or -1, doc) */\n"
            "#define ISSU_NENVS %d\n#define ISSU_ENVS(X) \\\n", s->nenvs);
    for (int e = 0; e < s->nenvs; e++) {
        const ir_env *en = &s->envs[e];
        fprintf(out, "    X(%s, %d, %d, ", en->name, en->is_fault, en->silent);
        if (en->event >= 0)
            fprintf(out, "ISSU_EV_%s, ", ec_event(s, en->event));
        else
            fputs("-1, ", out);
        ec_str(out, en->doc ? en->doc : "");
        fprintf(out, ") /* %s:%d */ \\\n", ir_file(s, en->at), en->at.line);
    }
    fputs("\n#define ISSU_X_(name, is_fault, silent, event, doc) ISSU_ENV_##name,\n"
          "enum { ISSU_ENVS(ISSU_X_) ISSU_ENV_END_ };\n#undef ISSU_X_\n", out);
}

/* ISSU_PLANT_SLOT_<var> and ISSU_PLANT_NSLOTS. */
static void ep_slots(FILE *out, const void *ctx)
{
    const ir_spec *s = ctx;
    long next = 0;
    fputs("/* Cells of issu_plant.cell: plant variable <var> has cells from\n"
          " * ISSU_PLANT_SLOT_<var> on, one per element (a scalar: one) at its largest\n"
          " * size over the profiles. */\n", out);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_PLANT)
            continue;
        fprintf(out, "#define ISSU_PLANT_SLOT_%s %ld\n", v->name, next);
        next += v->shape == IR_SCALAR ? 1 : (long)ec_max_size(s, v);
    }
    fprintf(out, "#define ISSU_PLANT_NSLOTS %ld\n", next);
}

/* ---- issu_plant.c: the profile's figures ------------------------------- */

/* issu__pl_params: each profile's params, in ISSU_PARAM_x order. */
static void ep_params(FILE *out, const ir_spec *s)
{
    fputs("static const int32_t issu__pl_params[ISSU_DIM(ISSU_NPROFILES)][ISSU_DIM(ISSU_NPARAMS)] = {\n", out);
    for (int p = 0; p < s->nprofiles; p++) {
        int n = 0;
        fputs("    {", out);
        for (int v = 0; v < s->nvars; v++)
            if (s->vars[v].kind == IR_V_PARAM)
                fprintf(out, "%s %ld", n++ ? "," : "", (long)s->profiles[p].param[v]);
        fprintf(out, "%s },  /* %s */\n", n ? "" : " 0", s->profiles[p].name);
    }
    fputs("};\n", out);
}

/* The cells' slots and the shapes, by ISSU_PV_x. */
static void ep_layout(FILE *out, const ir_spec *s)
{
    static const char *const shapes[] = { "ISSU_SHAPE_SCALAR", "ISSU_SHAPE_ARRAY", "ISSU_SHAPE_POOL" };
    int n = 0;
    fputs("\nstatic const issu__pl_var issu__pl_vars[ISSU_DIM(ISSU_NPLANT)] = {\n", out);
    for (int i = 0; i < s->nvars; i++) {
        if (s->vars[i].kind != IR_V_PLANT)
            continue;
        fprintf(out, "    { ISSU_PLANT_SLOT_%s, %s },\n", s->vars[i].name, shapes[s->vars[i].shape]);
        n++;
    }
    fputs(n ? "};\n" : "    { 0, 0 },\n};\n", out);
}

/* issu_plant_size: ISSU_PV_SIZE_x of the plant's params. */
static void ep_sizes(FILE *out, const ir_spec *s)
{
    fputs("\nint32_t issu_plant_size(const issu_plant *p, int var)\n{\n    (void)p;\n    switch (var) {\n", out);
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].kind == IR_V_PLANT)
            fprintf(out, "    case ISSU_PV_%s: return ISSU_PV_SIZE_%s(p->params);\n", s->vars[i].name, s->vars[i].name);
    fputs("    default: return 0;\n    }\n}\n", out);
}

/* issu__pl_range: each plant variable's range in the profile. */
static void ep_ranges(FILE *out, const ir_spec *s)
{
    fputs("\n/* The range of plant variable `var` (a pool's: its members); a bad var: empty. */\n"
          "static void issu__pl_range(const issu_plant *p, int var, int32_t *lo, int32_t *hi)\n{\n"
          "    (void)p;\n    *lo = 0;\n    *hi = -1;\n    switch (var) {\n", out);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind != IR_V_PLANT)
            continue;
        fprintf(out, "    case ISSU_PV_%s:\n        *hi = ", v->name);
        if (v->elem.kind == IR_T_INT) {
            ec_read(out, s, v->elem.hi, &ep_reader_p);
            fputs(";\n        *lo = ", out);
            ec_read(out, s, v->elem.lo, &ep_reader_p);
            fputs(";\n", out);
        } else {
            fprintf(out, "%d;\n", v->elem.kind == IR_T_BOOL ? 1 : v->elem.kind == IR_T_ENUM
                    ? s->enums[v->elem.id].n - 1 : s->machines[v->elem.id].nstates - 1);
        }
        fputs("        break;\n", out);
    }
    fputs("    }\n}\n", out);
}

/* issu__pl_instances and issu__pl_initial: the machines. */
static void ep_machines(FILE *out, const ir_spec *s)
{
    fputs("\n/* Instances of `machine` in the profile. */\n"
          "static int32_t issu__pl_instances(const issu_plant *p, int machine)\n{\n"
          "    (void)p;\n    switch (machine) {\n", out);
    for (int m = 0; m < s->nmachines; m++) {
        if (!s->machines[m].count)
            continue;
        fprintf(out, "    case ISSU_M_%s: return (int32_t)(", s->machines[m].name);
        ec_read(out, s, s->machines[m].count, &ep_reader_p);
        fputs(");\n", out);
    }
    fputs("    default: return machine >= 0 && machine < ISSU_NMACHINES ? 1 : 0;\n    }\n}\n"
          "\n/* Each machine's initial state: its state when the owner has no state hook. */\n"
          "static const int32_t issu__pl_initial[ISSU_DIM(ISSU_NMACHINES)] = {", out);
    for (int m = 0; m < s->nmachines; m++)
        fprintf(out, "%s ISSU_INITIAL_%s", m ? "," : "", s->machines[m].name);
    fputs(" };\n", out);
}

/* The profile's figures the fixed code reads: params, cells, sizes,
 * ranges, machines. */
static void ep_profile(FILE *out, const void *ctx)
{
    const ir_spec *s = ctx;
    ep_params(out, s);
    ep_layout(out, s);
    ep_sizes(out, s);
    ep_ranges(out, s);
    ep_machines(out, s);
}

/* ---- issu_plant.c: effects and conditions ------------------------------ */

static void ep_effects(FILE *out, const ir_spec *s, const ir_effect *fx, int n, int depth);

/* "(const int32_t[]){ E0, E1 }, 2" for a set of values, "NULL, 0" for `any`. */
static void ep_choices(FILE *out, const ir_spec *s, ir_expr *const *values, int n)
{
    if (!n) {
        fputs("NULL, 0", out);
        return;
    }
    fputs("(const int32_t[]){ ", out);
    for (int i = 0; i < n; i++) {
        fputs(i ? ", " : "", out);
        ec_read(out, s, values[i], &ep_reader);
    }
    fprintf(out, " }, %d", n);
}

/* The index of an element statement: its expression, 0 for a scalar. */
static void ep_index(FILE *out, const ir_spec *s, const ir_effect *f)
{
    if (f->index)
        ec_read(out, s, f->index, &ep_reader);
    else
        fputs("0", out);
}

/* `v = E;`, `v[i] = E;`, `v = {..};`, `v = any;` (an array without index:
 * every element, one choice). */
static void ep_assign(FILE *out, const ir_spec *s, const ir_effect *f)
{
    const ir_var *v = &s->vars[f->var];
    int whole = !f->index && v->shape != IR_SCALAR;
    if (f->kind == IR_F_ASSIGN) {
        fprintf(out, whole ? "issu__pl_set_all(c, ISSU_PV_%s, " : "issu__pl_set(c, ISSU_PV_%s, ", v->name);
        if (!whole) {
            ep_index(out, s, f);
            fputs(", ", out);
        }
        ec_read(out, s, f->value, &ep_reader);
    } else {
        fprintf(out, whole ? "issu__pl_choose_all(c, ISSU_PV_%s, " : "issu__pl_choose(c, ISSU_PV_%s, ", v->name);
        if (!whole) {
            ep_index(out, s, f);
            fputs(", ", out);
        }
        ep_choices(out, s, f->values, f->nvalues);
    }
    fputs(");\n", out);
}

/* `move one|all P from {..} to M;`. */
static void ep_move(FILE *out, const ir_spec *s, const ir_effect *f)
{
    const ir_var *v = &s->vars[f->var];
    fprintf(out, "issu__pl_move_%s(c, ISSU_PV_%s, ", f->kind == IR_F_MOVE_ONE ? "one" : "all", v->name);
    ec_values(out, s, &v->elem, f->from, f->nfrom);
    fputs(", ", out);
    ec_value(out, s, &v->elem, f->to);
    fputs(");\n", out);
}

/* "if (C) {\n ... } else if (D) {\n ... } else {\n ...", without the last "}". */
static void ep_if(FILE *out, const ir_spec *s, const ir_effect *f, int depth)
{
    fputs("if (", out);
    ec_read(out, s, f->cond, &ep_reader);
    fputs(") {\n", out);
    ep_effects(out, s, f->then_, f->nthen, depth + 1);
    if (f->nelse == 1 && f->else_[0].kind == IR_F_IF) {
        fprintf(out, "%*s} else ", 4 * depth, "");
        ep_if(out, s, &f->else_[0], depth);
    } else if (f->nelse) {
        fprintf(out, "%*s} else {\n", 4 * depth, "");
        ep_effects(out, s, f->else_, f->nelse, depth + 1);
    }
}

/* One statement at indentation depth, with its line end. */
static void ep_effect(FILE *out, const ir_spec *s, const ir_effect *f, int depth)
{
    fprintf(out, "%*s", 4 * depth, "");
    switch (f->kind) {
    case IR_F_ASSIGN:
    case IR_F_CHOOSE:
        ep_assign(out, s, f);
        break;
    case IR_F_MOVE_ONE:
    case IR_F_MOVE_ALL:
        ep_move(out, s, f);
        break;
    case IR_F_IF:
        ep_if(out, s, f, depth);
        fprintf(out, "%*s}\n", 4 * depth, "");
        break;
    }
}

/* The statements of a list, in order (each sees the writes before it). */
static void ep_effects(FILE *out, const ir_spec *s, const ir_effect *fx, int n, int depth)
{
    for (int i = 0; i < n; i++)
        ep_effect(out, s, &fx[i], depth);
}

/* static void NAME(issu__pl_cx *c) running the list; nothing if it is empty. */
static void ep_fx_fn(FILE *out, const ir_spec *s, const char *name, const char *what, loc at,
                     const ir_effect *fx, int n)
{
    if (!n)
        return;
    fprintf(out, "\n/* %s (%s:%d) */\nstatic void %s(issu__pl_cx *c)\n{\n", what, ir_file(s, at), at.line, name);
    ep_effects(out, s, fx, n, 1);
    fputs("}\n", out);
}

/* static int NAME(issu__pl_cx *c) for a condition; nothing if there is none. */
static void ep_cond_fn(FILE *out, const ir_spec *s, const char *name, const char *what, const ir_expr *e)
{
    if (!e)
        return;
    fprintf(out, "\n/* %s (%s:%d) */\nstatic int %s(issu__pl_cx *c)\n{\n    (void)c;\n    return (", what,
            ir_file(s, e->at), e->at.line, name);
    ec_read(out, s, e, &ep_reader);
    fputs(") ? 1 : 0;\n}\n", out);
}

/* One plant variable at power on: its value, its list, or a choice per element. */
static void ep_init_var(FILE *out, const ir_spec *s, const ir_var *v)
{
    fprintf(out, "    /* %s (%s:%d) */\n", v->name, ir_file(s, v->at), v->at.line);
    if (v->init == IR_I_VALUE && v->shape == IR_SCALAR) {
        fprintf(out, "    issu__pl_set(c, ISSU_PV_%s, 0, ", v->name);
        ec_read(out, s, v->values[0], &ep_reader);
        fputs(");\n", out);
    } else if (v->init == IR_I_VALUE) {
        fprintf(out, "    issu__pl_set_all(c, ISSU_PV_%s, ", v->name);
        ec_read(out, s, v->values[0], &ep_reader);
        fputs(");\n", out);
    } else if (v->init == IR_I_LIST) {
        for (int i = 0; i < v->nvalues; i++) {
            fprintf(out, "    if (issu_plant_size(c->p, ISSU_PV_%s) > %d)\n        issu__pl_set(c, ISSU_PV_%s, %d, ",
                    v->name, i, v->name, i);
            ec_read(out, s, v->values[i], &ep_reader);
            fputs(");\n", out);
        }
    } else {
        if (v->shape == IR_SCALAR)
            fprintf(out, "    issu__pl_choose(c, ISSU_PV_%s, 0, ", v->name);
        else
            fprintf(out, "    for (int32_t i = 0; i < issu_plant_size(c->p, ISSU_PV_%s); i++)\n"
                    "        issu__pl_choose(c, ISSU_PV_%s, i, ", v->name, v->name);
        ep_choices(out, s, v->init == IR_I_SET ? v->values : NULL, v->init == IR_I_SET ? v->nvalues : 0);
        fputs(");\n", out);
    }
}

/* issu__pl_init_vars: power on, for issu_plant_init. */
static void ep_init(FILE *out, const ir_spec *s)
{
    fputs("\n/* Every plant variable at its initial value, in declaration order. */\n"
          "static void issu__pl_init_vars(issu__pl_cx *c)\n{\n    (void)c;\n", out);
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].kind == IR_V_PLANT)
            ep_init_var(out, s, &s->vars[i]);
    fputs("}\n", out);
}

/* The condition and effect functions of every command, outcome, fault and
 * operator action that has one. */
static void ep_functions(FILE *out, const ir_spec *s)
{
    for (int c = 0; c < s->ncmds; c++) {
        const ir_cmd *cm = &s->cmds[c];
        ep_fx_fn(out, s, ar_printf("issu__pl_issue_%s", cm->name), ar_printf("command '%s': issue", cm->name),
                 cm->at, cm->issue, cm->nissue);
        for (int o = 0; o < cm->noutcomes; o++) {
            const ir_outcome *oc = &cm->outcomes[o];
            const char *ev = ec_event(s, oc->event);
            const char *what = ar_printf("outcome %s.%s", cm->name, oc->name);
            ep_cond_fn(out, s, ar_printf("issu__pl_when_%s", ev), ar_printf("%s: when", what), oc->when);
            ep_fx_fn(out, s, ar_printf("issu__pl_fx_%s", ev), ar_printf("%s: effect", what), oc->at,
                     oc->effects, oc->neffects);
        }
    }
    for (int e = 0; e < s->nenvs; e++) {
        const ir_env *en = &s->envs[e];
        const char *what = ar_printf("%s '%s'", en->is_fault ? "fault" : "operator action", en->name);
        ep_cond_fn(out, s, ar_printf("issu__pl_envwhen_%s", en->name), ar_printf("%s: when", what), en->when);
        ep_fx_fn(out, s, ar_printf("issu__pl_env_%s", en->name), ar_printf("%s: effect", what), en->at,
                 en->effects, en->neffects);
    }
}

/* "NAME" if cond, else "NULL" (a function that was not written). */
static const char *ep_fn(int cond, const char *name)
{
    return cond ? name : "NULL";
}

/* The tables the interface dispatches on: per command, event and environment action. */
static void ep_tables(FILE *out, const ir_spec *s)
{
    fputs("\nstatic const issu__pl_fx issu__pl_issue[ISSU_DIM(ISSU_NCMDS)] = {", out);
    for (int c = 0; c < s->ncmds; c++)
        fprintf(out, "%s %s", c ? "," : "", ep_fn(s->cmds[c].nissue, ar_printf("issu__pl_issue_%s", s->cmds[c].name)));
    fprintf(out, "%s };\n\nstatic const issu__pl_outcome issu__pl_outcomes[ISSU_DIM(ISSU_NEVENTS)] = {\n",
            s->ncmds ? "" : " NULL");
    for (int e = 0; e < s->nevents; e++) {
        const ir_event *ev = &s->events[e];
        if (ev->kind != IR_EV_OUTCOME) {
            fprintf(out, "    { -1, 0, NULL, NULL },  /* %s */\n", ev->name);
            continue;
        }
        const ir_cmd *cm = &s->cmds[ev->cmd];
        const ir_outcome *oc = &cm->outcomes[ev->outcome];
        fprintf(out, "    { ISSU_CMD_%s, %d, %s, %s },\n", cm->name, cm->timeout_outcome == ev->outcome,
                ep_fn(oc->when != NULL, ar_printf("issu__pl_when_%s", ec_event(s, e))),
                ep_fn(oc->neffects, ar_printf("issu__pl_fx_%s", ec_event(s, e))));
    }
    if (!s->nevents)
        fputs("    { -1, 0, NULL, NULL },\n", out);
    fputs("};\n\nstatic const issu__pl_env issu__pl_envs[ISSU_DIM(ISSU_NENVS)] = {\n", out);
    for (int e = 0; e < s->nenvs; e++) {
        const ir_env *en = &s->envs[e];
        fprintf(out, "    { %d, %s, %s, %s },\n", en->limit,
                en->to_any ? ar_printf("ISSU_M_%s", s->machines[en->machine].name) : "-1",
                ep_fn(en->when != NULL, ar_printf("issu__pl_envwhen_%s", en->name)),
                ep_fn(en->neffects, ar_printf("issu__pl_env_%s", en->name)));
    }
    if (!s->nenvs)
        fputs("    { 0, -1, NULL, NULL },\n", out);
    fputs("};\n\nconst char *const issu_plant_env_names[ISSU_DIM(ISSU_NENVS)] = {", out);
    for (int e = 0; e < s->nenvs; e++)
        fprintf(out, "%s \"%s\"", e ? "," : "", s->envs[e].name);
    fputs(s->nenvs ? " };\n" : " NULL };\n", out);
}

/* The spec's part of issu_plant.c: power on, conditions, effects, tables. */
static void ep_code(FILE *out, const void *ctx)
{
    const ir_spec *s = ctx;
    ep_init(out, s);
    ep_functions(out, s);
    ep_tables(out, s);
}

void em_c_plant_h(FILE *out, const ir_spec *s, const em_opts *o)
{
    static const tp_hook hooks[] = { { "banner", ep_banner_h }, { "envs", ep_envs }, { "slots", ep_slots } };
    (void)o;                    /* every profile: the profile is chosen at run time */
    tp_expand(out, tp_plant_h, hooks, (int)(sizeof hooks / sizeof hooks[0]), s);
}

void em_c_plant(FILE *out, const ir_spec *s, const em_opts *o)
{
    static const tp_hook hooks[] = {
        { "banner", ep_banner_c }, { "bounds", ep_bounds }, { "profile", ep_profile }, { "effects", ep_code },
    };
    (void)o;
    tp_expand(out, tp_plant_c, hooks, (int)(sizeof hooks / sizeof hooks[0]), s);
}
