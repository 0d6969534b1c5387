/* emit_c.c - helpers shared by the C emitters: names, literals, and the
 * translation of IR expressions to C (emit_c.h): the operators here, the
 * leaves by a reader; the runtime's reader is here too.
 *
 * The runtime's generated expressions read plant variables only through
 * the HAL (issu__obs, issu__count), params and options from the instance,
 * and the controller's variables and state from the instance, so that
 * several instances can run side by side. */
#include "emit_c.h"

#include "arena.h"

void ec_banner(FILE *out, const ir_spec *s, const char *what)
{
    fprintf(out, "/* generated from %s by issu-gen; do not edit\n * %s */\n", s->file, what);
}

void ec_str(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20 || *p >= 0x7f || (*p == '?' && p[1] == '?'))
            fprintf(out, "\\%03o", *p);     /* octal: no hex run-on, no trigraphs */
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

const char *ec_event(const ir_spec *s, int event)
{
    const ir_event *ev = &s->events[event];
    if (ev->kind == IR_EV_OUTCOME)
        return ar_printf("%s__%s", s->cmds[ev->cmd].name, s->cmds[ev->cmd].outcomes[ev->outcome].name);
    return ev->name;
}

int ec_var_index(const ir_spec *s, int var)
{
    const ir_var *v = &s->vars[var];
    int n = 0;
    for (int i = 0; i < var; i++)
        n += s->vars[i].kind == v->kind && s->vars[i].machine == v->machine;
    return n;
}

int ec_count_vars(const ir_spec *s, ir_vkind kind, int machine)
{
    int n = 0;
    for (int i = 0; i < s->nvars; i++)
        n += s->vars[i].kind == kind && (kind != IR_V_CTRL || s->vars[i].machine == machine);
    return n;
}

unsigned long long ec_issue_mask(const ir_trans *t, ir_akind kind)
{
    unsigned long long mask = 0;
    for (int i = 0; i < t->nactions; i++)
        if (t->actions[i].kind == kind)
            mask |= 1ull << t->actions[i].cmd;
    return mask;
}

void ec_value(FILE *out, const ir_spec *s, const ir_type *t, int32_t v)
{
    if (t->kind == IR_T_ENUM && v >= 0 && v < s->enums[t->id].n)
        fprintf(out, "ISSU_%s_%s", s->enums[t->id].name, s->enums[t->id].members[v]);
    else if (t->kind == IR_T_STATE && v >= 0 && v < s->machines[t->id].nstates)
        fprintf(out, "ISSU_ST_%s_%s", s->machines[t->id].name, s->machines[t->id].states[v].name);
    else
        fprintf(out, "%ld", (long)v);
}

int32_t ec_max_size(const ir_spec *s, const ir_var *v)
{
    int32_t max = 1;
    for (int p = 0; p < s->nprofiles; p++)
        if (ir_size(s, v, p) > max)
            max = ir_size(s, v, p);
    return max;
}

/* ---- the runtime's reader (ec_expr) ------------------------------------- */

/* 1 if the instance running an expression of `machine` is instance 0 of
 * machine mi: its own machine, or a monitor of a spec whose one machine is
 * not an array (every step is that instance's); then mi's state and
 * variables are read from m directly, not through the peer functions. */
static int ec_own(const ir_spec *s, int mi, int machine)
{
    return mi == machine || (machine == EC_GLOBAL && s->nmachines == 1 && !s->machines[mi].count);
}

/* The instance index of a reference to machine mi (NULL: the only one, or
 * the instance of an 'each mi' property). */
static void ec_index(FILE *out, const ir_spec *s, int mi, const ir_expr *index, const ec_reader *r)
{
    if (index)
        ec_read(out, s, index, r);
    else
        fputs(r->self && r->each == mi ? r->self : "0", out);
}

/* A variable read: options and the own machine's variables from the
 * instance, another machine's through the runtime, plant variables
 * through the HAL. */
static void ec_var(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    const ir_var *v = &s->vars[e->var];
    switch (v->kind) {
    case IR_V_PARAM:            /* ec_read's */
        break;
    case IR_V_OPTION:
        fprintf(out, "m->options[ISSU_OPT_%s]", v->name);
        break;
    case IR_V_CTRL:
        if (ec_own(s, v->machine, r->machine) && !(e->kind == IR_E_MVAR && e->a))
            fprintf(out, "m->vars[ISSU_CV_%s_%s]", s->machines[v->machine].name, v->name);
        else {
            fprintf(out, "issu__peer_var(m, ISSU_M_%s, ", s->machines[v->machine].name);
            ec_index(out, s, v->machine, e->kind == IR_E_MVAR ? e->a : NULL, r);
            fprintf(out, ", ISSU_CV_%s_%s)", s->machines[v->machine].name, v->name);
        }
        break;
    case IR_V_PLANT:
        fprintf(out, "issu__obs(m, ISSU_PV_%s, ", v->name);
        ec_index(out, s, -1, e->kind == IR_E_INDEX ? e->a : NULL, r);
        fputs(")", out);
        break;
    }
}

void ec_values(FILE *out, const ir_spec *s, const ir_type *t, const int32_t *vals, int n)
{
    fputs("(const int32_t[]){ ", out);
    for (int i = 0; i < n; i++) {
        fputs(i ? ", " : "", out);
        ec_value(out, s, t, vals[i]);
    }
    fprintf(out, " }, %d", n);
}

static void ec_count(FILE *out, const ir_spec *s, const ir_expr *e)
{
    if (e->var < 0) {               /* instances of a machine (array) in some states */
        ir_type t = { IR_T_STATE, e->machine, NULL, NULL };
        fprintf(out, "issu__peer_count(m, ISSU_M_%s, ", s->machines[e->machine].name);
        ec_values(out, s, &t, e->vals, e->nvals);
        fputs(")", out);
        return;
    }
    const ir_var *v = &s->vars[e->var];
    fprintf(out, "issu__count(m, ISSU_PV_%s, ", v->name);
    ec_values(out, s, &v->elem, e->vals, e->nvals);
    fputs(")", out);
}

static void ec_state(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    if (ec_own(s, e->machine, r->machine) && !e->a) {
        fputs("m->fsm.state", out);
        return;
    }
    fprintf(out, "issu__peer_state(m, ISSU_M_%s, ", s->machines[e->machine].name);
    ec_index(out, s, e->machine, e->a, r);
    fputs(")", out);
}

/* The runtime's leaves: the instance m, its HAL and its peers. */
static void ec_rt_leaf(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    switch (e->kind) {
    case IR_E_COUNT: ec_count(out, s, e); break;
    case IR_E_STATE: ec_state(out, s, e, r); break;
    case IR_E_PENDING: fprintf(out, "issu__pending(m, ISSU_CMD_%s)", s->cmds[e->cmd].name); break;
    case IR_E_SELF: fputs(r->self ? r->self : "(int32_t)m->index", out); break;
    default: ec_var(out, s, e, r); break;
    }
}

void ec_expr(FILE *out, const ir_spec *s, const ir_expr *e, const char *params, int machine)
{
    ec_reader r = { ec_rt_leaf, params, machine, -1, NULL };
    ec_read(out, s, e, &r);
}

void ec_expr_each(FILE *out, const ir_spec *s, const ir_expr *e, const char *params, int each,
                  const char *self)
{
    ec_reader r = { ec_rt_leaf, params, EC_GLOBAL, each, self };
    ec_read(out, s, e, &r);
}

/* ---- operators, constants, params: every reader's ----------------------- */

static void ec_binary(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    fputs("(", out);
    if (e->kind == IR_E_IMPLIES || e->kind == IR_E_IFF)
        fputs("!", out);
    ec_read(out, s, e->a, r);
    if (e->kind == IR_E_IMPLIES)
        fputs(" || ", out);
    else if (e->kind == IR_E_IFF)
        fputs(" == !", out);
    else
        fprintf(out, " %s ", ir_binop(e->kind));   /* never LTL: monitors are invariants */
    ec_read(out, s, e->b, r);
    fputs(")", out);
}

/* A variable (or a variable's element, or a machine's variable): params
 * here, the rest by the reader. */
static void ec_ref(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    if (s->vars[e->var].kind == IR_V_PARAM)
        fprintf(out, "%s[ISSU_PARAM_%s]", r->params, s->vars[e->var].name);
    else
        r->leaf(out, s, e, r);
}

void ec_read(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r)
{
    if (!e) {
        fputs("1", out);
        return;
    }
    switch (e->kind) {
    case IR_E_CONST: ec_value(out, s, &e->type, e->value); break;
    case IR_E_PARAM:
    case IR_E_VAR:
    case IR_E_INDEX:
    case IR_E_MVAR: ec_ref(out, s, e, r); break;
    case IR_E_SIZE:
        if (e->var >= 0)
            fprintf(out, "ISSU_PV_SIZE_%s(%s)", s->vars[e->var].name, r->params);
        else                        /* a machine array: its instances */
            ec_read(out, s, s->machines[e->machine].count, r);
        break;
    case IR_E_COUNT:
    case IR_E_STATE:
    case IR_E_PENDING:
    case IR_E_SELF: r->leaf(out, s, e, r); break;
    case IR_E_NOT:
    case IR_E_NEG:
    case IR_E_ALWAYS:
    case IR_E_EVENTUALLY:
        fputs(e->kind == IR_E_NEG ? "(-" : "(!", out);
        ec_read(out, s, e->a, r);
        fputs(")", out);
        break;
    default: ec_binary(out, s, e, r); break;
    }
}
