/* mutate.c - the mutant catalogue of a spec (mutate.h).
 *
 * One walk over the IR visits every mutation site in a fixed order; it
 * either lists the sites or applies the one with the wanted number, so the
 * list and the application can never disagree on numbering.
 */
#include "mutate.h"

#include <string.h>

#include "arena.h"

typedef struct mu_walk {
    ir_spec *s;                 /* the spec */
    FILE *list;                 /* listing: where to; NULL when applying */
    int want;                   /* applying: the mutant's number */
    int next;                   /* number of the next site */
    int applied;                /* the wanted site was found and applied */
} mu_walk;

/* Count a site; 1 if it is the one to apply now. */
static int mu_site(mu_walk *w, const char *op, loc at, const char *what)
{
    int n = w->next++;
    if (w->list)
        fprintf(w->list, "%d\t%s\t%s:%d:%d\t%s\n", n, op, ir_file(w->s, at), at.line, at.col,
                what);
    if (w->list || n != w->want)
        return 0;
    w->applied = 1;
    return 1;
}

static const char *mu_trans_name(const ir_spec *s, const ir_machine *m, const ir_trans *t)
{
    return ar_printf("%s: %s --%s--> %s", m->name, m->states[t->from].name,
                     s->events[t->event].name, m->states[t->to].name);
}

static void mu_drop_trans(ir_machine *m, int k)
{
    memmove(&m->trans[k], &m->trans[k + 1], (size_t)(m->ntrans - k - 1) * sizeof *m->trans);
    m->ntrans--;
    for (int i = 0; i < m->ntrans; i++)
        m->trans[i].id = i;
}

static void mu_negate(ir_trans *t)
{
    ir_expr *n = ar_alloc(sizeof *n);
    n->kind = IR_E_NOT;
    n->type = t->guard->type;
    n->at = t->guard->at;
    n->var = n->machine = n->cmd = -1;
    n->a = t->guard;
    t->guard = n;
}

/* The operators on one transition; 1 if the transition was removed. */
static int mu_trans(mu_walk *w, ir_machine *m, int k)
{
    ir_trans *t = &m->trans[k];
    const char *name = mu_trans_name(w->s, m, t);
    if (t->guard && !t->otherwise) {
        if (mu_site(w, "drop-guard", t->at, ar_printf("%s: guard dropped", name)))
            t->guard = NULL;
        if (mu_site(w, "negate-guard", t->at, ar_printf("%s: guard negated", name)))
            mu_negate(t);
    }
    int to = (t->to + 1) % m->nstates;
    if (mu_site(w, "retarget", t->at, ar_printf("%s: goes to %s", name, m->states[to].name)))
        t->to = to;
    for (int i = 0; i < t->nactions; i++) {
        const ir_action *a = &t->actions[i];
        if (a->kind == IR_A_CONSOLE)
            continue;
        if (mu_site(w, "drop-action", a->at, ar_printf("%s: action %d dropped", name, i + 1))) {
            memmove(&t->actions[i], &t->actions[i + 1], (size_t)(t->nactions - i - 1) * sizeof *a);
            t->nactions--;
            return 0;
        }
    }
    if (mu_site(w, "drop-transition", t->at, ar_printf("%s: dropped", name))) {
        mu_drop_trans(m, k);
        return 1;
    }
    return 0;
}

static void mu_effects(mu_walk *w, ir_effect *fx, int *n, const char *owner)
{
    for (int i = 0; i < *n; i++)
        if (mu_site(w, "drop-effect", fx[i].at, ar_printf("%s: effect %d dropped", owner, i + 1))) {
            memmove(&fx[i], &fx[i + 1], (size_t)(*n - i - 1) * sizeof *fx);
            (*n)--;
            return;
        }
}

static void mu_swap(mu_walk *w, ir_machine *m)
{
    for (int a = 0; a + 1 < m->nstates; a++) {
        int b = a + 1;
        if (m->states[a].initial || m->states[b].initial)
            continue;
        if (!mu_site(w, "swap-phases", m->states[b].at,
                     ar_printf("%s: %s and %s swapped as targets", m->name, m->states[a].name,
                               m->states[b].name)))
            continue;
        for (int k = 0; k < m->ntrans; k++) {
            ir_trans *t = &m->trans[k];
            t->to = t->to == a ? b : t->to == b ? a : t->to;
        }
    }
}

static void mu_walk_all(mu_walk *w)
{
    ir_spec *s = w->s;
    for (int k = 0; k < s->nmachines; k++) {
        ir_machine *m = &s->machines[k];
        for (int i = 0; i < m->ntrans; i++)
            i -= mu_trans(w, m, i);
    }
    for (int c = 0; c < s->ncmds; c++) {
        ir_cmd *cmd = &s->cmds[c];
        mu_effects(w, cmd->issue, &cmd->nissue, ar_printf("issue %s", cmd->name));
        for (int o = 0; o < cmd->noutcomes; o++)
            mu_effects(w, cmd->outcomes[o].effects, &cmd->outcomes[o].neffects,
                       ar_printf("outcome %s.%s", cmd->name, cmd->outcomes[o].name));
    }
    for (int e = 0; e < s->nenvs; e++)
        mu_effects(w, s->envs[e].effects, &s->envs[e].neffects,
                   ar_printf("%s %s", s->envs[e].is_fault ? "fault" : "operator", s->envs[e].name));
    for (int k = 0; k < s->nmachines; k++)
        mu_swap(w, &s->machines[k]);
}

void mu_list(FILE *out, const ir_spec *s)
{
    /* listing changes nothing: the walk only writes when it applies */
    mu_walk w = { (ir_spec *)s, out, -1, 0, 0 };
    mu_walk_all(&w);
}

int mu_apply(ir_spec *s, int n)
{
    mu_walk w = { s, NULL, n, 0, 0 };
    mu_walk_all(&w);
    if (!w.applied) {
        diag_plain("'%s' has %d mutants (0..%d), not %d", s->file, w.next, w.next - 1, n);
        return -1;
    }
    return 0;
}
