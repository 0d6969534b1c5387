/* prune.c - the parts of the spec a profile has (prune.h). */
#include "prune.h"

#include "arena.h"

/* ---- folding: the value of e if the state cannot change it -------------- */

/* 1 and *v if e has one value in the profile whatever the state. */
static int pr_known(const ir_spec *s, int p, const ir_expr *e, int64_t *v)
{
    int64_t a = 0, b = 0;
    int ka, kb;
    switch (e->kind) {
    case IR_E_CONST:
        *v = e->value;
        return 1;
    case IR_E_PARAM:
        *v = ir_const(s, e, p);
        return 1;
    case IR_E_SIZE:
        *v = e->var >= 0 ? ir_size(s, &s->vars[e->var], p) : ir_instances(s, &s->machines[e->machine], p);
        return 1;
    case IR_E_COUNT:
        *v = 0;                     /* known only when nothing can be counted */
        return e->var >= 0 ? ir_size(s, &s->vars[e->var], p) == 0
                           : ir_instances(s, &s->machines[e->machine], p) == 0;
    case IR_E_NOT:
        if (!pr_known(s, p, e->a, &a))
            return 0;
        *v = !a;
        return 1;
    case IR_E_NEG:
        if (!pr_known(s, p, e->a, &a))
            return 0;
        *v = -a;
        return 1;
    default:
        break;
    }
    if (!e->a || !e->b)
        return 0;                   /* a state, a variable, pending(), self, LTL */
    ka = pr_known(s, p, e->a, &a);
    kb = pr_known(s, p, e->b, &b);
    switch (e->kind) {              /* the logic short-circuits on one known side */
    case IR_E_AND:
        if ((ka && !a) || (kb && !b)) { *v = 0; return 1; }
        break;
    case IR_E_OR:
        if ((ka && a) || (kb && b)) { *v = 1; return 1; }
        break;
    case IR_E_IMPLIES:
        if ((ka && !a) || (kb && b)) { *v = 1; return 1; }
        break;
    default:
        break;
    }
    if (!ka || !kb)
        return 0;
    switch (e->kind) {
    case IR_E_AND: *v = a && b; return 1;
    case IR_E_OR: *v = a || b; return 1;
    case IR_E_IMPLIES: *v = !a || b; return 1;
    case IR_E_IFF: *v = !a == !b; return 1;
    case IR_E_EQ: *v = a == b; return 1;
    case IR_E_NE: *v = a != b; return 1;
    case IR_E_LT: *v = a < b; return 1;
    case IR_E_LE: *v = a <= b; return 1;
    case IR_E_GT: *v = a > b; return 1;
    case IR_E_GE: *v = a >= b; return 1;
    case IR_E_ADD: *v = a + b; return 1;
    case IR_E_SUB: *v = a - b; return 1;
    default: return 0;
    }
}

int ir_const_false(const ir_spec *s, int profile, const ir_expr *e)
{
    int64_t v;
    return e != NULL && pr_known(s, profile, e, &v) && v == 0;
}

/* ---- reachability ---------------------------------------------------------- */

/* Can event ev arrive, given what is live so far? */
static int pr_event_can(const ir_spec *s, int p, const ir_live *l, int ev)
{
    const ir_event *e = &s->events[ev];
    switch (e->kind) {
    case IR_EV_OUTCOME:
        return l->cmd[e->cmd] && !ir_const_false(s, p, s->cmds[e->cmd].outcomes[e->outcome].when);
    case IR_EV_FAULT:
    case IR_EV_OPERATOR:
        return l->env[e->env];
    case IR_EV_MACHINE:
        return l->event[ev];        /* set when a live transition sends it */
    }
    return 0;
}

/* Take transition t of machine m into the live set; 1 if that added anything. */
static int pr_take(int m, const ir_trans *t, ir_live *l)
{
    int grew = !l->trans[m][t->id] || !l->state[m][t->to];
    l->trans[m][t->id] = l->state[m][t->to] = 1;
    for (int k = 0; k < t->nactions; k++) {
        const ir_action *a = &t->actions[k];
        if (a->kind == IR_A_ISSUE && !l->cmd[a->cmd])
            l->cmd[a->cmd] = 1, grew = 1;
        if (a->kind == IR_A_SEND && !l->event[a->event])
            l->event[a->event] = 1, grew = 1;
    }
    return grew;
}

/* One pass over every transition; 1 if the live set grew. */
static int pr_pass(const ir_spec *s, int p, ir_live *l)
{
    int grew = 0;
    for (int m = 0; m < s->nmachines; m++) {
        const ir_machine *mm = &s->machines[m];
        for (int k = 0; k < mm->ntrans; k++) {
            const ir_trans *t = &mm->trans[k];
            if (l->trans[m][t->id] || !l->state[m][t->from] || !pr_event_can(s, p, l, t->event)
                || (!t->otherwise && ir_const_false(s, p, t->guard)))
                continue;
            grew |= pr_take(m, t, l);
        }
    }
    return grew;
}

static void pr_alloc(const ir_spec *s, ir_live *l)
{
    l->trans = ar_array((size_t)s->nmachines + 1, sizeof *l->trans);
    l->state = ar_array((size_t)s->nmachines + 1, sizeof *l->state);
    for (int m = 0; m < s->nmachines; m++) {
        l->trans[m] = ar_array((size_t)s->machines[m].ntrans + 1, 1);
        l->state[m] = ar_array((size_t)s->machines[m].nstates + 1, 1);
    }
    l->cmd = ar_array((size_t)s->ncmds + 1, 1);
    l->event = ar_array((size_t)s->nevents + 1, 1);
    l->env = ar_array((size_t)s->nenvs + 1, 1);
    l->var = ar_array((size_t)s->nvars + 1, 1);
}

void ir_prune(const ir_spec *s, int profile, ir_live *out)
{
    pr_alloc(s, out);
    for (int v = 0; v < s->nvars; v++)
        out->var[v] = s->vars[v].kind != IR_V_PLANT || ir_size(s, &s->vars[v], profile) > 0;
    for (int e = 0; e < s->nenvs; e++)
        out->env[e] = !ir_const_false(s, profile, s->envs[e].when)
            && (s->envs[e].silent || ir_instances(s, &s->machines[s->envs[e].machine], profile) > 0);
    for (int m = 0; m < s->nmachines; m++)
        out->state[m][s->machines[m].initial] = ir_instances(s, &s->machines[m], profile) > 0;
    while (pr_pass(s, profile, out))
        ;
    for (int e = 0; e < s->nevents; e++)
        out->event[e] = pr_event_can(s, profile, out, e) != 0;
}
