/* symmetry.c - the preconditions of symmetry reduction (symmetry.h). */
#include "symmetry.h"

#include "arena.h"
#include "diag.h"

typedef struct sy {
    const ir_spec *s;
    int m;                      /* the symmetric machine being checked */
    int ctx;                    /* the machine whose `self` is in scope, -1 none */
    int bad;                    /* violations reported */
} sy;

/* Two size expressions are the same (structurally, over params and constants). */
static int sy_same(const ir_expr *a, const ir_expr *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind)
        return 0;
    if (a->kind == IR_E_CONST)
        return a->value == b->value;
    if (a->kind == IR_E_PARAM || a->kind == IR_E_VAR)
        return a->var == b->var;
    return sy_same(a->a, b->a) && sy_same(a->b, b->b);
}

int sy_owned(const ir_spec *s, int m, const ir_var *v)
{
    return m >= 0 && s->machines[m].count && v->kind == IR_V_PLANT && v->shape == IR_ARRAY
        && sy_same(v->size, s->machines[m].count);
}

static void sy_bad(sy *c, loc at, const char *what)
{
    diag_error(at, "machine '%s' is declared symmetric, but %s", c->s->machines[c->m].name, what);
    c->bad++;
}

/* `self` of the symmetric machine, in its scope. */
static int sy_self(const sy *c, const ir_expr *e)
{
    return e && e->kind == IR_E_SELF && c->ctx == c->m;
}

static void sy_expr(sy *c, const ir_expr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case IR_E_SELF:
        if (c->ctx == c->m)
            sy_bad(c, e->at, "'self' is used as a value (only its own elements may be indexed by it)");
        return;
    case IR_E_INDEX:
        if (sy_owned(c->s, c->m, &c->s->vars[e->var])) {
            if (!sy_self(c, e->a))
                sy_bad(c, e->at, ar_printf("'%s[...]' names one instance's element (read it whole: count, size)",
                                           c->s->vars[e->var].name));
            return;
        }
        break;
    case IR_E_STATE:
    case IR_E_MVAR:
        if (e->machine == c->m && e->a && !sy_self(c, e->a)) {
            sy_bad(c, e->at, ar_printf("'%s[...]' names one instance (count its states instead)",
                                       c->s->machines[c->m].name));
            return;
        }
        break;
    default:
        break;
    }
    sy_expr(c, e->a);
    sy_expr(c, e->b);
}

static void sy_effects(sy *c, const ir_effect *fx, int n)
{
    for (int i = 0; i < n; i++) {
        const ir_effect *f = &fx[i];
        if (sy_owned(c->s, c->m, &c->s->vars[f->var]) && !sy_self(c, f->index))
            sy_bad(c, f->at, ar_printf("'%s' is written at an element other than its own ('%s[self]')",
                                       c->s->vars[f->var].name, c->s->vars[f->var].name));
        else if (!sy_owned(c->s, c->m, &c->s->vars[f->var]))
            sy_expr(c, f->index);
        sy_expr(c, f->value);
        for (int k = 0; k < f->nvalues; k++)
            sy_expr(c, f->values[k]);
        sy_expr(c, f->cond);
        sy_effects(c, f->then_, f->nthen);
        sy_effects(c, f->else_, f->nelse);
    }
}

/* Machine k's transitions; the commands it issues into issuers[]. */
static void sy_machine(sy *c, int k, unsigned *issuers)
{
    const ir_machine *mm = &c->s->machines[k];
    c->ctx = mm->count ? k : -1;
    for (int t = 0; t < mm->ntrans; t++) {
        const ir_trans *tr = &mm->trans[t];
        sy_expr(c, tr->guard);
        for (int a = 0; a < tr->nactions; a++) {
            const ir_action *ac = &tr->actions[a];
            if (ac->kind == IR_A_ISSUE)
                issuers[ac->cmd] |= k == c->m ? 1u : 2u;
            if (ac->kind == IR_A_SEND && ac->machine == c->m && ac->index && !sy_self(c, ac->index))
                sy_bad(c, ac->at, ar_printf("'send ... to %s[...]' names one instance (send to %s: every instance)",
                                            c->s->machines[c->m].name, c->s->machines[c->m].name));
            else if (ac->kind == IR_A_SEND && ac->machine != c->m)
                sy_expr(c, ac->index);
            sy_expr(c, ac->value);
        }
    }
}

/* The initial values of its own arrays: alike for every instance. */
static void sy_inits(sy *c)
{
    for (int v = 0; v < c->s->nvars; v++) {
        const ir_var *x = &c->s->vars[v];
        if (!sy_owned(c->s, c->m, x) || x->init != IR_I_LIST)
            continue;
        for (int i = 1; i < x->nvalues; i++)
            if (x->values[i]->kind != IR_E_CONST || x->values[0]->kind != IR_E_CONST
                || x->values[i]->value != x->values[0]->value) {
                sy_bad(c, x->at, ar_printf("'%s' starts with different values per instance", x->name));
                break;
            }
    }
}

static void sy_one(sy *c)
{
    const ir_spec *s = c->s;
    unsigned *issuers = ar_array((size_t)s->ncmds + 1, sizeof *issuers);
    for (int k = 0; k < s->nmachines; k++)
        sy_machine(c, k, issuers);
    for (int k = 0; k < s->ncmds; k++) {       /* `self` is the issuer's */
        const ir_cmd *cm = &s->cmds[k];
        c->ctx = issuers[k] == 1u ? c->m : -1;
        sy_effects(c, cm->issue, cm->nissue);
        for (int o = 0; o < cm->noutcomes; o++) {
            sy_expr(c, cm->outcomes[o].when);
            sy_effects(c, cm->outcomes[o].effects, cm->outcomes[o].neffects);
        }
    }
    for (int e = 0; e < s->nenvs; e++) {       /* `self`: the receiving instance of M[any] */
        const ir_env *en = &s->envs[e];
        c->ctx = en->to_any ? en->machine : -1;
        sy_expr(c, en->when);
        sy_effects(c, en->effects, en->neffects);
    }
    for (int p = 0; p < s->nprops; p++) {     /* `self`: the instance of 'each M' */
        c->ctx = s->props[p].machine;
        sy_expr(c, s->props[p].expr);
    }
    c->ctx = -1;
    sy_inits(c);
}

int sy_check(const ir_spec *s)
{
    sy c = { s, -1, -1, 0 };
    for (int m = 0; m < s->nmachines; m++) {
        if (!s->machines[m].symmetric)
            continue;
        c.m = m;
        sy_one(&c);
    }
    return c.bad ? -1 : 0;
}
