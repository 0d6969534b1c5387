/* emit_c.c - helpers shared by the C emitters: names, literals, and the
 * translation of IR expressions to C over the runtime's instance (emit_c.h).
 *
 * Generated expressions read plant variables only through the HAL
 * (issu__obs, issu__count), params and options from the instance, and the
 * controller's variables and state from the instance, so that several
 * instances can run side by side. */
#include "emit_c.h"

#include "arena.h"

const ir_machine *ec_machine(const ir_spec *s)
{
    return &s->machines[0];
}

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

static int ec_counts(const ir_spec *s, const ir_var *v)
{
    return v->kind != IR_V_CTRL || v->machine == (int)(ec_machine(s) - s->machines);
}

int ec_var_index(const ir_spec *s, int var)
{
    const ir_var *v = &s->vars[var];
    if (!ec_counts(s, v))
        return -1;
    int n = 0;
    for (int i = 0; i < var; i++)
        n += s->vars[i].kind == v->kind && ec_counts(s, &s->vars[i]);
    return n;
}

int ec_count_vars(const ir_spec *s, ir_vkind kind)
{
    int n = 0;
    for (int i = 0; i < s->nvars; i++)
        n += s->vars[i].kind == kind && ec_counts(s, &s->vars[i]);
    return n;
}

unsigned long ec_issue_mask(const ir_trans *t, ir_akind kind)
{
    unsigned long mask = 0;
    for (int i = 0; i < t->nactions; i++)
        if (t->actions[i].kind == kind)
            mask |= 1ul << t->actions[i].cmd;
    return mask;
}

static void ec_value(FILE *out, const ir_spec *s, const ir_type *t, int32_t v)
{
    if (t->kind == IR_T_ENUM && v >= 0 && v < s->enums[t->id].n)
        fprintf(out, "ISSU_%s_%s", s->enums[t->id].name, s->enums[t->id].members[v]);
    else if (t->kind == IR_T_STATE && t->id == 0 && v >= 0 && v < s->machines[0].nstates)
        fprintf(out, "ISSU_ST_%s", s->machines[0].states[v].name);
    else
        fprintf(out, "%ld", (long)v);
}

/* A variable read: params, options, controller variables from the
 * instance, plant variables through the HAL. */
static void ec_var(FILE *out, const ir_spec *s, const ir_expr *e, const char *params)
{
    const ir_var *v = &s->vars[e->var];
    int ix = ec_var_index(s, e->var);
    switch (v->kind) {
    case IR_V_PARAM:
        fprintf(out, "%s[ISSU_PARAM_%s]", params, v->name);
        break;
    case IR_V_OPTION:
        fprintf(out, "m->options[ISSU_OPT_%s]", v->name);
        break;
    case IR_V_CTRL:
        if (ix < 0)
            fputs("0 /* another machine's variable: not in this controller */", out);
        else
            fprintf(out, "m->vars[ISSU_CV_%s]", v->name);
        break;
    case IR_V_PLANT:
        fprintf(out, "issu__obs(m, ISSU_PV_%s, ", v->name);
        if (e->kind == IR_E_INDEX)
            ec_expr(out, s, e->a, params);
        else
            fputs("0", out);
        fputs(")", out);
        break;
    }
}

static void ec_count(FILE *out, const ir_spec *s, const ir_expr *e, const char *params)
{
    if (e->var < 0 && e->machine != 0) {
        fputs("0 /* another machine's states: not in this controller */", out);
        return;
    }
    if (e->var < 0) {               /* the controller's one instance in some states */
        fputs("(", out);
        for (int i = 0; i < e->nvals; i++)
            fprintf(out, "%sm->fsm.state == ISSU_ST_%s", i ? " || " : "",
                    s->machines[e->machine].states[e->vals[i]].name);
        fputs(" ? 1 : 0)", out);
        return;
    }
    const ir_var *v = &s->vars[e->var];
    (void)params;
    fprintf(out, "issu__count(m, ISSU_PV_%s, (const int32_t[]){ ", v->name);
    for (int i = 0; i < e->nvals; i++) {
        fputs(i ? ", " : "", out);
        ec_value(out, s, &v->elem, e->vals[i]);
    }
    fprintf(out, " }, %d)", e->nvals);
}

static void ec_binary(FILE *out, const ir_spec *s, const ir_expr *e, const char *params)
{
    fputs("(", out);
    if (e->kind == IR_E_IMPLIES || e->kind == IR_E_IFF)
        fputs("!", out);
    ec_expr(out, s, e->a, params);
    if (e->kind == IR_E_IMPLIES)
        fputs(" || ", out);
    else if (e->kind == IR_E_IFF)
        fputs(" == !", out);
    else
        fprintf(out, " %s ", ir_binop(e->kind));   /* never LTL: monitors are invariants */
    ec_expr(out, s, e->b, params);
    fputs(")", out);
}

void ec_expr(FILE *out, const ir_spec *s, const ir_expr *e, const char *params)
{
    if (!e) {
        fputs("1", out);
        return;
    }
    switch (e->kind) {
    case IR_E_CONST: ec_value(out, s, &e->type, e->value); break;
    case IR_E_PARAM:
    case IR_E_VAR:
    case IR_E_INDEX: ec_var(out, s, e, params); break;
    case IR_E_COUNT: ec_count(out, s, e, params); break;
    case IR_E_SIZE:
        if (e->var >= 0)
            fprintf(out, "ISSU_PV_SIZE_%s(%s)", s->vars[e->var].name, params);
        else
            fputs("1", out);
        break;
    case IR_E_STATE:
        fputs(e->machine == 0 ? "m->fsm.state" : "0 /* another machine */", out);
        break;
    case IR_E_MVAR: ec_var(out, s, e, params); break;
    case IR_E_PENDING: fprintf(out, "issu__pending(m, ISSU_CMD_%s)", s->cmds[e->cmd].name); break;
    case IR_E_SELF: fputs("(int32_t)m->cfg.instance", out); break;
    case IR_E_NOT:
    case IR_E_NEG:
    case IR_E_ALWAYS:
    case IR_E_EVENTUALLY:
        fputs(e->kind == IR_E_NEG ? "(-" : "(!", out);
        ec_expr(out, s, e->a, params);
        fputs(")", out);
        break;
    default: ec_binary(out, s, e, params); break;
    }
}
