/* prune.c - the parts of the spec a profile has (prune.h). */
#include "prune.h"

#include "arena.h"

/* ---- folding: the value of e if the state cannot change it -------------- */

/* 1 and *v if e has one value in the profile whatever the state. */
int ir_known(const ir_spec *s, int p, const ir_expr *e, int64_t *v)
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
        if (!ir_known(s, p, e->a, &a))
            return 0;
        *v = !a;
        return 1;
    case IR_E_NEG:
        if (!ir_known(s, p, e->a, &a))
            return 0;
        *v = -a;
        return 1;
    default:
        break;
    }
    if (!e->a || !e->b)
        return 0;                   /* a state, a variable, pending(), self, LTL */
    ka = ir_known(s, p, e->a, &a);
    kb = ir_known(s, p, e->b, &b);
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
    return e != NULL && ir_known(s, profile, e, &v) && v == 0;
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
                || ir_const_false(s, p, t->xguard))
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

/* ---- the plant variables something of the profile reads ------------------ */

/* Mark the plant variables e reads once folded: a part the profile decides
 * whatever the state (`spawned && !x` where spawned is 0) reads nothing. */
static void pr_reads(const ir_spec *s, int p, const ir_expr *e, uint8_t *read)
{
    int64_t v;
    if (!e || ir_known(s, p, e, &v))
        return;
    if (e->var >= 0 && s->vars[e->var].kind == IR_V_PLANT)
        read[e->var] = 1;
    pr_reads(s, p, e->a, read);
    pr_reads(s, p, e->b, read);
}

static void pr_effect_reads(const ir_spec *s, int p, const ir_effect *fx, int n, uint8_t *read)
{
    for (int i = 0; i < n; i++) {
        const ir_effect *f = &fx[i];
        if (f->kind == IR_F_IF) {
            /* both branches, even where the profile decides the condition:
             * the model writes both (a choice in either keeps its place) */
            pr_reads(s, p, f->cond, read);
            pr_effect_reads(s, p, f->then_, f->nthen, read);
            pr_effect_reads(s, p, f->else_, f->nelse, read);
            continue;
        }
        pr_reads(s, p, f->index, read);
        pr_reads(s, p, f->value, read);
        for (int k = 0; k < f->nvalues; k++)
            pr_reads(s, p, f->values[k], read);
    }
}

int ir_prop_applies(const ir_spec *s, int p, const ir_live *l, const ir_prop *q)
{
    if (q->families && !q->families[s->profiles[p].family])
        return 0;
    if (q->machine >= 0 && ir_instances(s, &s->machines[q->machine], p) == 0)
        return 0;                   /* 'each M' of an array the profile has no instance of */
    return q->kind != IR_PROP_ON_ISSUE || l->cmd[q->cmd];
}

/* A plant variable is in the model only if something the profile has reads
 * it: a live guard, condition or right-hand side, or a property of the
 * profile.  What only writes it (or only a left-out part reads) cannot
 * change a run, so the model need not carry it; a fact variable of another
 * family (`= {true, false}`) would otherwise double the state space. */
static void pr_plant_reads(const ir_spec *s, int p, ir_live *l)
{
    uint8_t *read = ar_array((size_t)s->nvars + 1, 1);
    for (int m = 0; m < s->nmachines; m++)
        for (int k = 0; k < s->machines[m].ntrans; k++) {
            const ir_trans *t = &s->machines[m].trans[k];
            if (!l->trans[m][t->id])
                continue;
            pr_reads(s, p, t->xguard, read);
            for (int a = 0; a < t->nactions; a++) {
                pr_reads(s, p, t->actions[a].value, read);
                pr_reads(s, p, t->actions[a].index, read);
            }
        }
    for (int c = 0; c < s->ncmds; c++) {
        if (!l->cmd[c])
            continue;
        pr_effect_reads(s, p, s->cmds[c].issue, s->cmds[c].nissue, read);
        for (int o = 0; o < s->cmds[c].noutcomes; o++) {
            pr_reads(s, p, s->cmds[c].outcomes[o].when, read);
            pr_effect_reads(s, p, s->cmds[c].outcomes[o].effects, s->cmds[c].outcomes[o].neffects, read);
        }
    }
    for (int e = 0; e < s->nenvs; e++)
        if (l->env[e]) {
            pr_reads(s, p, s->envs[e].when, read);
            pr_effect_reads(s, p, s->envs[e].effects, s->envs[e].neffects, read);
        }
    for (int q = 0; q < s->nprops; q++)
        if (ir_prop_applies(s, p, l, &s->props[q]))
            pr_reads(s, p, s->props[q].expr, read);
    for (int v = 0; v < s->nvars; v++)
        if (s->vars[v].kind == IR_V_PLANT && !read[v])
            l->var[v] = 0;
}

void ir_prune(const ir_spec *s, int profile, ir_live *out)
{
    pr_alloc(s, out);
    for (int v = 0; v < s->nvars; v++)
        out->var[v] = s->vars[v].kind == IR_V_PLANT ? ir_size(s, &s->vars[v], profile) > 0
                    : s->vars[v].kind == IR_V_CTRL ? ir_instances(s, &s->machines[s->vars[v].machine], profile) > 0
                    : 1;
    for (int e = 0; e < s->nenvs; e++)
        out->env[e] = !ir_const_false(s, profile, s->envs[e].when)
            && (s->envs[e].silent || ir_instances(s, &s->machines[s->envs[e].machine], profile) > 0);
    for (int m = 0; m < s->nmachines; m++)
        out->state[m][s->machines[m].initial] = ir_instances(s, &s->machines[m], profile) > 0;
    while (pr_pass(s, profile, out))
        ;
    for (int e = 0; e < s->nevents; e++)
        out->event[e] = pr_event_can(s, profile, out, e) != 0;
    pr_plant_reads(s, profile, out);
}
