/* ir.c - small queries on the IR shared by the analyses and the emitters. */
#include "ir.h"
#include "prune.h"

#include <stdio.h>

const char *ir_file(const ir_spec *s, loc at)
{
    return at.file ? at.file : s->file;
}

int32_t ir_const(const ir_spec *s, const ir_expr *e, int profile)
{
    int64_t a, b;
    switch (e->kind) {
    case IR_E_CONST:
        return e->value;
    case IR_E_PARAM:
        return s->profiles[profile].param[e->var];
    case IR_E_NEG:
    case IR_E_ADD:
    case IR_E_SUB:
        /* params can make a sum leave int32: computed wide and saturated, so
         * the result is a value outside any range the checker accepts */
        a = e->kind == IR_E_NEG ? 0 : ir_const(s, e->a, profile);
        b = ir_const(s, e->kind == IR_E_NEG ? e->a : e->b, profile);
        a = e->kind == IR_E_ADD ? a + b : a - b;
        return (int32_t)(a > INT32_MAX ? INT32_MAX : a < INT32_MIN ? INT32_MIN : a);
    default:
        return 0;
    }
}

void ir_bounds(const ir_spec *s, const ir_type *t, int profile, int32_t *lo, int32_t *hi)
{
    switch (t->kind) {
    case IR_T_BOOL:
        *lo = 0;
        *hi = 1;
        break;
    case IR_T_INT:
        *lo = ir_const(s, t->lo, profile);
        *hi = ir_const(s, t->hi, profile);
        break;
    case IR_T_ENUM:
        *lo = 0;
        *hi = s->enums[t->id].n - 1;
        break;
    case IR_T_STATE:
        *lo = 0;
        *hi = s->machines[t->id].nstates - 1;
        break;
    }
}

int32_t ir_size(const ir_spec *s, const ir_var *v, int profile)
{
    if (v->shape == IR_SCALAR)
        return 1;
    return ir_const(s, v->size, profile);
}

int32_t ir_instances(const ir_spec *s, const ir_machine *m, int profile)
{
    return m->count ? ir_const(s, m->count, profile) : 1;
}

int ir_queue_bound(const ir_spec *s, int m, int profile)
{
    const ir_machine *mm = &s->machines[m];
    long maxpend = 0, n = 0;
    for (int st = 0; st < mm->nstates; st++) {
        long k = 0;
        for (int cmd = 0; cmd < s->ncmds; cmd++)
            k += mm->pending[(size_t)st * (size_t)s->ncmds + (size_t)cmd] != 0;
        maxpend = k > maxpend ? k : maxpend;
    }
    for (int e = 0; e < s->nenvs; e++)   /* not those the profile never has (prune.h) */
        if (!s->envs[e].silent && s->envs[e].machine == m && !ir_const_false(s, profile, s->envs[e].when))
            n += s->envs[e].limit;
    for (int k = 0; k < s->nmachines; k++)      /* each sending instance, each send site */
        for (int t = 0; t < s->machines[k].ntrans; t++)
            for (int a = 0; a < s->machines[k].trans[t].nactions; a++) {
                const ir_action *ac = &s->machines[k].trans[t].actions[a];
                if (ac->kind == IR_A_SEND && ac->machine == m)
                    n += ir_instances(s, &s->machines[k], profile);
            }
    n += maxpend;
    return n < 1 ? 1 : n > 255 ? 255 : (int)n;
}

const char *ir_value_name(const ir_spec *s, const ir_type *t, int32_t v)
{
    static char buf[16];
    switch (t->kind) {
    case IR_T_BOOL:
        return v ? "true" : "false";
    case IR_T_ENUM:
        if (v >= 0 && v < s->enums[t->id].n)
            return s->enums[t->id].members[v];
        break;
    case IR_T_STATE:
        if (v >= 0 && v < s->machines[t->id].nstates)
            return s->machines[t->id].states[v].name;
        break;
    case IR_T_INT:
        break;
    }
    snprintf(buf, sizeof buf, "%ld", (long)v);
    return buf;
}

#include "arena.h"

const char *ir_binop(ir_ekind k)
{
    switch (k) {
    case IR_E_AND: return "&&";
    case IR_E_OR: return "||";
    case IR_E_IMPLIES: return "->";
    case IR_E_IFF: return "<->";
    case IR_E_EQ: return "==";
    case IR_E_NE: return "!=";
    case IR_E_LT: return "<";
    case IR_E_LE: return "<=";
    case IR_E_GT: return ">";
    case IR_E_GE: return ">=";
    case IR_E_ADD: return "+";
    case IR_E_SUB: return "-";
    case IR_E_UNTIL: return "U";
    default: return "?";
    }
}

static const char *ir_values_str(const ir_spec *s, const ir_type *t, const int32_t *v, int n)
{
    const char *r = "";
    for (int i = 0; i < n; i++)
        r = ar_printf("%s%s%s", r, i ? ", " : "", ir_value_name(s, t, v[i]));
    return n == 1 ? r : ar_printf("{%s}", r);
}

static const char *ir_inst(const ir_spec *s, const ir_expr *e)
{
    const char *m = s->machines[e->machine].name;
    return e->a ? ar_printf("%s[%s]", m, ir_expr_str(s, e->a)) : m;
}

const char *ir_expr_str(const ir_spec *s, const ir_expr *e)
{
    if (!e)
        return "true";
    switch (e->kind) {
    case IR_E_CONST:
        return ar_strdup(ir_value_name(s, &e->type, e->value));
    case IR_E_PARAM:
    case IR_E_VAR:
        return s->vars[e->var].name;
    case IR_E_INDEX:
        return ar_printf("%s[%s]", s->vars[e->var].name, ir_expr_str(s, e->a));
    case IR_E_COUNT:
        if (e->var >= 0)
            return ar_printf("count(%s, %s)", s->vars[e->var].name,
                             ir_values_str(s, &s->vars[e->var].elem, e->vals, e->nvals));
        return ar_printf("count(%s.state, %s)", s->machines[e->machine].name,
                         ir_values_str(s, &(ir_type){ IR_T_STATE, e->machine, NULL, NULL },
                                       e->vals, e->nvals));
    case IR_E_SIZE:
        return ar_printf("size(%s)", e->var >= 0 ? s->vars[e->var].name
                                                 : s->machines[e->machine].name);
    case IR_E_STATE:
        return e->a || s->machines[e->machine].count == NULL
                   ? ar_printf("%s.state", ir_inst(s, e)) : "state";
    case IR_E_MVAR:
        return ar_printf("%s.%s", ir_inst(s, e), s->vars[e->var].name);
    case IR_E_PENDING:
        return ar_printf("pending(%s)", s->cmds[e->cmd].name);
    case IR_E_SELF:
        return "self";
    case IR_E_NOT:
        return ar_printf("!(%s)", ir_expr_str(s, e->a));
    case IR_E_NEG:
        return ar_printf("-(%s)", ir_expr_str(s, e->a));
    case IR_E_ALWAYS:
        return ar_printf("[](%s)", ir_expr_str(s, e->a));
    case IR_E_EVENTUALLY:
        return ar_printf("<>(%s)", ir_expr_str(s, e->a));
    default:
        return ar_printf("(%s %s %s)", ir_expr_str(s, e->a), ir_binop(e->kind),
                         ir_expr_str(s, e->b));
    }
}
