/* analyze.c - the checks that need values or the transition graph (see
 * analyze.h). */
#include "analyze.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "eval.h"

#define AN_DESC 400                 /* bytes of a valuation description */

typedef struct an {
    ir_spec *s;
    int32_t *slots;                 /* valuation */
} an;

static ev_env an_env(an *a, int profile, int machine)
{
    ev_env env;
    memset(&env, 0, sizeof env);
    env.spec = a->s;
    env.profile = profile;
    env.machine = machine;
    env.slots = a->slots;
    return env;
}

static int an_budget(an *a, const ev_space *sp, uint64_t choices, loc at, const char *what,
                     int profile)
{
    uint64_t n = ev_space_size(sp);
    if (choices && n <= EV_MAX_VALUATIONS / choices)
        return 0;
    diag_error(at, "%s: too many valuations to check by enumeration in profile '%s' "
               "(more than %llu); split it", what, a->s->profiles[profile].name,
               (unsigned long long)EV_MAX_VALUATIONS);
    return -1;
}

/* ---- graph: reachability, dead ends ----------------------------------- */

/* first[st]..first[st+1]-1 are the transitions from st (they are sorted). */
static int *an_first(const ir_machine *m)
{
    int *first = ar_array((size_t)m->nstates + 1, sizeof *first);
    for (int t = 0; t < m->ntrans; t++)
        first[m->trans[t].from + 1]++;
    for (int st = 0; st < m->nstates; st++)
        first[st + 1] += first[st];
    return first;
}

static void an_graph(const ir_machine *m)
{
    int *first = an_first(m);
    uint8_t *seen = ar_array((size_t)m->nstates, 1);
    int *stack = ar_array((size_t)m->nstates, sizeof *stack);
    int sp = 0;
    seen[m->initial] = 1;
    stack[sp++] = m->initial;
    while (sp > 0) {
        int st = stack[--sp];
        for (int t = first[st]; t < first[st + 1]; t++) {
            int to = m->trans[t].to;
            if (!seen[to]) {
                seen[to] = 1;
                stack[sp++] = to;
            }
        }
    }
    for (int st = 0; st < m->nstates; st++) {
        if (!seen[st])
            diag_error(m->states[st].at, "state '%s' cannot be reached from the initial state '%s'",
                       m->states[st].name, m->states[m->initial].name);
        int out = 0;
        for (int t = first[st]; t < first[st + 1] && !out; t++)
            out = m->trans[t].to != st;
        if (!out && !m->states[st].final)
            diag_error(m->states[st].at, "state '%s' has no way out and is not declared 'final'",
                       m->states[st].name);
    }
}

/* [state * nevents + event]: 1 if some transition of the state takes the event. */
static uint8_t *an_handled(const ir_spec *s, const ir_machine *m)
{
    uint8_t *h = ar_array((size_t)m->nstates * (size_t)s->nevents + 1, 1);
    for (int t = 0; t < m->ntrans; t++)
        h[(size_t)m->trans[t].from * (size_t)s->nevents + (size_t)m->trans[t].event] = 1;
    return h;
}

/* ---- transition order ------------------------------------------------- */

static int an_cmp_trans(const void *x, const void *y)
{
    const ir_trans *a = x, *b = y;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->event != b->event)
        return a->event < b->event ? -1 : 1;
    if (a->otherwise != b->otherwise)
        return a->otherwise ? 1 : -1;
    if (a->priority != b->priority)
        return a->priority > b->priority ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Sort transitions by (from, event, priority) and renumber them. */
static void an_sort(ir_machine *m)
{
    qsort(m->trans, (size_t)m->ntrans, sizeof *m->trans, an_cmp_trans);
    for (int t = 0; t < m->ntrans; t++)
        m->trans[t].id = t;
}

/* ---- pending commands ------------------------------------------------- */

static int an_can_fire(const ir_spec *s, const ir_machine *m, const ir_trans *t)
{
    const ir_event *e = &s->events[t->event];
    return e->kind != IR_EV_OUTCOME || m->pending[(size_t)t->from * (size_t)s->ncmds + (size_t)e->cmd];
}

/* Commands pending after t, starting from the pending set in 'cur'; reports
 * an issue of a command that may still be pending if 'report'. */
static void an_step(const ir_spec *s, const ir_trans *t, uint8_t *cur, int report)
{
    const ir_event *e = &s->events[t->event];
    if (e->kind == IR_EV_OUTCOME)
        cur[e->cmd] = 0;
    for (int i = 0; i < t->nactions; i++) {
        const ir_action *a = &t->actions[i];
        if (a->kind == IR_A_CANCEL) {
            cur[a->cmd] = 0;
        } else if (a->kind == IR_A_ISSUE) {
            if (cur[a->cmd] && report)
                diag_error(a->at, "command '%s' may already be pending here; wait for its "
                           "outcome or cancel it first", s->cmds[a->cmd].name);
            cur[a->cmd] = 1;
        }
    }
}

static void an_pending(an *a, ir_machine *m)
{
    const ir_spec *s = a->s;
    size_t nc = (size_t)s->ncmds;
    m->pending = ar_array((size_t)m->nstates * nc + 1, 1);
    uint8_t *cur = ar_array(nc + 1, 1);
    uint8_t *reached = ar_array((size_t)m->nstates, 1);
    reached[m->initial] = 1;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int t = 0; t < m->ntrans; t++) {
            const ir_trans *tr = &m->trans[t];
            if (!reached[tr->from] || !an_can_fire(s, m, tr))
                continue;
            memcpy(cur, &m->pending[(size_t)tr->from * nc], nc);
            an_step(s, tr, cur, 0);
            uint8_t *dst = &m->pending[(size_t)tr->to * nc];
            if (!reached[tr->to])   /* a state entered with nothing pending is reached too */
                reached[tr->to] = 1, changed = 1;
            for (size_t c = 0; c < nc; c++)
                if (cur[c] && !dst[c]) {
                    dst[c] = 1;
                    reached[tr->to] = 1;
                    changed = 1;
                }
        }
    }
    for (int t = 0; t < m->ntrans; t++) {
        const ir_trans *tr = &m->trans[t];
        const ir_event *e = &s->events[tr->event];
        if (!an_can_fire(s, m, tr)) {
            diag_error(tr->at, "this transition can never fire: command '%s' is never pending "
                       "in state '%s'", s->cmds[e->cmd].name, m->states[tr->from].name);
            continue;
        }
        memcpy(cur, &m->pending[(size_t)tr->from * nc], nc);
        an_step(s, tr, cur, 1);
    }
}

/* ---- which events arrive where, and whether each is decided ----------- */

static void an_arrivals(an *a, int k)
{
    const ir_spec *s = a->s;
    ir_machine *m = &s->machines[k];
    size_t ne = (size_t)s->nevents;
    uint8_t *handled = an_handled(s, m);
    m->arrives = ar_array((size_t)m->nstates * ne + 1, 1);
    for (int st = 0; st < m->nstates; st++) {
        for (int e = 0; e < s->nevents; e++) {
            const ir_event *ev = &s->events[e];
            int arrives = ev->kind == IR_EV_OUTCOME
                              ? m->pending[(size_t)st * (size_t)s->ncmds + (size_t)ev->cmd]
                              : ev->machine == k;
            m->arrives[(size_t)st * ne + (size_t)e] = (unsigned char)arrives;
            if (!arrives || m->policy[(size_t)st * ne + (size_t)e] != IR_P_NONE)
                continue;
            if (handled[(size_t)st * ne + (size_t)e])
                continue;
            if (ev->kind == IR_EV_OUTCOME)
                diag_error(m->states[st].at, "outcome '%s' of command '%s' can arrive in state "
                           "'%s', where the command may be pending, but is neither handled nor "
                           "ignored", s->cmds[ev->cmd].outcomes[ev->outcome].name,
                           s->cmds[ev->cmd].name, m->states[st].name);
            else
                diag_error(m->states[st].at, "event '%s' can arrive in state '%s' but is neither "
                           "handled, ignored nor rejected there", ev->name, m->states[st].name);
        }
    }
}

/* ---- guards: overlap, completeness, dead transitions, lowering -------- */

typedef struct an_group {
    ir_machine *m;
    int k;                          /* machine index */
    int lo, hi;                     /* transitions [lo, hi) share from and event */
    uint8_t *won;                   /* [t]: some valuation selects it */
    uint8_t *overlap_seen;          /* [t]: overlap reported */
    int residual_seen;              /* incompleteness reported */
} an_group;

static const char *an_where(const ir_spec *s, const an_group *g)
{
    const ir_trans *t = &g->m->trans[g->lo];
    return ar_printf("event '%s' in state '%s'", s->events[t->event].name,
                     g->m->states[t->from].name);
}

/* Evaluate one valuation of a group; returns the selected transition or -1. */
static int an_select(an *a, an_group *g, ev_env *env, const ev_space *sp, int profile)
{
    const ir_spec *s = a->s;
    int win = -1, other = -1;
    for (int t = g->lo; t < g->hi; t++) {
        const ir_trans *tr = &g->m->trans[t];
        if (tr->otherwise) {
            other = t;
            continue;
        }
        env->err = 0;
        int holds = !tr->guard || ev_eval(env, tr->guard);
        if (env->err) {
            char d[AN_DESC];
            ev_describe(sp, s, g->k, env->slots, d, sizeof d);
            diag_error(env->err_at, "index out of range in this guard (profile '%s': %s)",
                       s->profiles[profile].name, d[0] ? d : "always");
            return -2;
        }
        if (!holds)
            continue;
        if (win < 0) {
            win = t;
            continue;
        }
        if (g->m->trans[win].priority == tr->priority && !g->overlap_seen[t]) {
            char d[AN_DESC];
            ev_describe(sp, s, g->k, env->slots, d, sizeof d);
            diag_error(tr->at, "this transition and the one at %s can both be taken on %s "
                       "(profile '%s': %s); make the guards exclusive or give one a priority",
                       diag_ref(g->m->trans[win].at, tr->at), an_where(s, g),
                       s->profiles[profile].name, d[0] ? d : "always");
            g->overlap_seen[t] = 1;
        }
    }
    return win >= 0 ? win : other;
}

/* A pending() atom can only be true where the data-flow analysis says the
 * command may be pending: restrict its domain to that. */
static void an_restrict_pending(an *a, ev_space *sp, const ir_machine *m, int state)
{
    int nc = a->s->ncmds;
    for (int i = 0; i < sp->n; i++) {
        ev_atom *at = &sp->atoms[i];
        if (at->var < 0 && at->slot >= m->pending_slot && at->slot < m->pending_slot + nc)
            at->hi = m->pending[(size_t)state * (size_t)nc + (size_t)(at->slot - m->pending_slot)];
    }
}

/* 1 if an earlier profile has the same value for every param: everything
 * a profile changes in these analyses (sizes, ranges, constants) comes from
 * its params, so that profile's enumeration decides this one too (the four
 * T-series profiles are one, the three VM-based ones another). */
static int an_same_as_earlier(const ir_spec *s, int p)
{
    for (int q = 0; q < p; q++) {
        int same = 1;
        for (int v = 0; v < s->nvars && same; v++)
            if (s->vars[v].kind == IR_V_PARAM && s->profiles[q].param[v] != s->profiles[p].param[v])
                same = 0;
        if (same)
            return 1;
    }
    return 0;
}

/* The passes of an enumeration for machine k in profile p: one per
 * instance of a machine array (`self` is then that instance, and an
 * element it indexes by self is one element: ev_space.self), else one. */
static int an_passes(const ir_spec *s, int k, int p)
{
    return k >= 0 && s->machines[k].count ? ir_instances(s, &s->machines[k], p) : 1;
}

/* The `self` of pass i (an_passes): the instance, or -1 outside an array. */
static int32_t an_self(const ir_spec *s, int k, int i)
{
    return k >= 0 && s->machines[k].count ? i : -1;
}

static int an_group_instance(an *a, an_group *g, int profile, int32_t self);

/* Returns 0, or -1 if the group could not be decided (reported). */
static int an_group_profile(an *a, an_group *g, int profile)
{
    for (int i = 0; i < an_passes(a->s, g->k, profile); i++)
        if (an_group_instance(a, g, profile, an_self(a->s, g->k, i)) != 0)
            return -1;
    return 0;
}

/* One enumeration of a group (ev_cubes).  A cube is decided when what
 * an_select does is: every guard before the winner (they are sorted by
 * priority, `otherwise` last) known false, the winner known true, those of
 * its priority known (an overlap), and no guard with an index that may
 * leave its array (an_select evaluates them all). */
typedef struct an_cube {
    an *a;
    an_group *g;
    const ev_space *sp;
    ev_env env;                     /* its profile and machine */
    int policy, arrives;
} an_cube;

static int an_cube_decided(void *ctx, const uint8_t *known)
{
    an_cube *c = ctx;
    const an_group *g = c->g;
    int win = -1;
    for (int t = g->lo; t < g->hi; t++) {
        const ir_trans *tr = &g->m->trans[t];
        if (tr->otherwise)
            continue;
        int64_t v;
        int k = ev_known(&c->env, tr->guard, known, &v);
        if (k < 0)
            return 0;
        if (win >= 0 && tr->priority < g->m->trans[win].priority)
            continue;
        if (!k)
            return 0;
        if (v && win < 0)
            win = t;
    }
    return 1;
}

static int an_cube_visit(void *ctx)
{
    an_cube *c = ctx;
    an_group *g = c->g;
    const ir_spec *s = c->a->s;
    int w = an_select(c->a, g, &c->env, c->sp, c->env.profile);
    if (w == -2)
        return 1;
    if (w >= 0) {
        g->won[w] = 1;
    } else if (c->policy == IR_P_NONE && c->arrives && !g->residual_seen) {
        const ir_trans *t0 = &g->m->trans[g->lo];
        char d[AN_DESC];
        ev_describe(c->sp, s, g->k, c->a->slots, d, sizeof d);
        diag_error(g->m->states[t0->from].at, "%s is not handled when %s (profile '%s'); add "
                   "a transition or 'otherwise', or ignore or reject it", an_where(s, g), d,
                   s->profiles[c->env.profile].name);
        g->residual_seen = 1;
    }
    return 0;
}

static int an_group_instance(an *a, an_group *g, int profile, int32_t self)
{
    const ir_spec *s = a->s;
    ev_space sp;
    ev_space_init(&sp);
    sp.self = self;
    for (int t = g->lo; t < g->hi; t++)
        ev_collect(&sp, s, profile, g->k, g->m->trans[t].guard);
    if (an_budget(a, &sp, 1, g->m->trans[g->lo].at,
                  ar_printf("the guards of %s", an_where(s, g)), profile))
        return -1;
    an_restrict_pending(a, &sp, g->m, g->m->trans[g->lo].from);
    an_cube c = { a, g, &sp, an_env(a, profile, g->k), 0, 0 };
    const ir_trans *t0 = &g->m->trans[g->lo];
    c.policy = g->m->policy[(size_t)t0->from * (size_t)s->nevents + (size_t)t0->event];
    c.arrives = g->m->arrives[(size_t)t0->from * (size_t)s->nevents + (size_t)t0->event];
    return ev_cubes(&sp, s, a->slots, an_cube_decided, an_cube_visit, &c) ? -1 : 0;
}

static ir_expr *an_node(ir_ekind k, ir_expr *x, ir_expr *y)
{
    ir_expr *e = ar_alloc(sizeof *e);
    e->kind = k;
    e->type.kind = IR_T_BOOL;
    e->var = e->machine = e->cmd = -1;
    e->a = x;
    e->b = y;
    if (x)
        e->at = x->at;
    return e;
}

static ir_expr *an_false(loc at)
{
    ir_expr *e = an_node(IR_E_CONST, NULL, NULL);
    e->at = at;
    e->value = 0;
    return e;
}

/* xguard(t) = guard(t) && !(guards of higher priority); otherwise: no guard
 * of the group holds.  Equal priorities were proven exclusive. */
static void an_lower(an_group *g)
{
    for (int t = g->lo; t < g->hi; t++) {
        ir_trans *tr = &g->m->trans[t];
        ir_expr *x = tr->otherwise ? NULL : tr->guard;
        for (int u = g->lo; u < g->hi; u++) {
            const ir_trans *hu = &g->m->trans[u];
            if (u == t || hu->otherwise)
                continue;
            if (!tr->otherwise && hu->priority <= tr->priority)
                continue;
            ir_expr *not_u = hu->guard ? an_node(IR_E_NOT, hu->guard, NULL)
                                       : an_false(hu->at);
            x = x ? an_node(IR_E_AND, x, not_u) : not_u;
        }
        tr->xguard = x;
    }
}

static void an_guards(an *a, int k)
{
    const ir_spec *s = a->s;
    ir_machine *m = &s->machines[k];
    an_group g;
    memset(&g, 0, sizeof g);
    g.m = m;
    g.k = k;
    g.won = ar_array((size_t)m->ntrans + 1, 1);
    g.overlap_seen = ar_array((size_t)m->ntrans + 1, 1);
    for (int lo = 0; lo < m->ntrans;) {
        int hi = lo + 1;
        while (hi < m->ntrans && m->trans[hi].from == m->trans[lo].from &&
               m->trans[hi].event == m->trans[lo].event)
            hi++;
        g.lo = lo;
        g.hi = hi;
        g.residual_seen = 0;
        int others = 0;
        for (int t = lo; t < hi; t++)
            others += m->trans[t].otherwise;
        int decided = an_can_fire(s, m, &m->trans[lo]);
        if (others > 1) {
            diag_error(m->trans[hi - 1].at, "two 'otherwise' transitions on %s", an_where(s, &g));
            decided = 0;
        } else if (others == 1 && hi - lo == 1) {
            diag_error(m->trans[lo].at, "'otherwise' needs another transition on %s to be the "
                       "alternative of", an_where(s, &g));
            decided = 0;
        }
        for (int p = 0; p < s->nprofiles && decided; p++)
            if (ir_instances(s, m, p) > 0 && !an_same_as_earlier(s, p) && an_group_profile(a, &g, p))
                decided = 0;
        for (int t = lo; t < hi && decided; t++)
            if (!g.won[t])
                diag_error(m->trans[t].at, "this transition can never be taken: %s",
                           m->trans[t].otherwise ? "the other guards always cover every case"
                           : hi - lo > 1 ? "its guard never holds, or a transition of higher "
                                           "priority always wins"
                                         : "its guard never holds in any profile");
        an_lower(&g);
        lo = hi;
    }
}

/* ---- ranges: controller assignments ----------------------------------- */

static void an_action_instance(an *a, int k, const ir_trans *t, int profile, uint8_t *reported, int32_t self);

static void an_action_ranges(an *a, int k, const ir_trans *t, int profile, uint8_t *reported)
{
    for (int i = 0; i < an_passes(a->s, k, profile); i++)
        an_action_instance(a, k, t, profile, reported, an_self(a->s, k, i));
}

/* One enumeration of a transition's actions (ev_cubes).  A cube is decided
 * when its guard is known false there, or known true with the value of
 * every assignment and index known: an earlier assignment whose value is
 * known fixes what a later one reads of it, and one whose value is not
 * keeps the cube open. */
typedef struct an_acts {
    an *a;
    const ir_trans *t;
    uint8_t *reported;
    const ev_space *sp;
    ev_env env;                     /* its profile and machine */
    int32_t *save;
} an_acts;

static int an_checked_action(const ir_action *ac)
{
    return ac->kind == IR_A_ASSIGN || (ac->kind == IR_A_SEND && ac->index);
}

static int an_acts_decided(void *ctx, const uint8_t *known)
{
    an_acts *c = ctx;
    int64_t v;
    int g = ev_known(&c->env, c->t->xguard, known, &v);
    if (g < 0 || !g)
        return 0;
    if (!v)
        return 1;
    for (int i = 0; i < c->t->nactions; i++) {
        const ir_action *ac = &c->t->actions[i];
        if (!c->reported[i] && an_checked_action(ac) &&
            ev_known(&c->env, ac->kind == IR_A_ASSIGN ? ac->value : ac->index, known, &v) != 1)
            return 0;
    }
    return 1;
}

static int an_acts_visit(void *ctx)
{
    an_acts *c = ctx;
    const ir_spec *s = c->a->s;
    const ir_trans *t = c->t;
    int32_t *slots = c->a->slots;
    if (t->xguard && !ev_eval(&c->env, t->xguard))
        return 0;
    memcpy(c->save, slots, (size_t)s->nslots * sizeof *c->save);
    for (int i = 0; i < t->nactions; i++) {
        const ir_action *ac = &t->actions[i];
        if (c->reported[i] || !an_checked_action(ac))
            continue;
        int64_t v = ev_eval(&c->env, ac->kind == IR_A_ASSIGN ? ac->value : ac->index);
        int32_t lo = 0, hi = 0;
        if (ac->kind == IR_A_ASSIGN)
            ir_bounds(s, &s->vars[ac->var].elem, c->env.profile, &lo, &hi);
        else
            hi = ir_instances(s, &s->machines[ac->machine], c->env.profile) - 1;
        if (!c->env.err && v >= lo && v <= hi) {
            if (ac->kind == IR_A_ASSIGN)
                slots[s->vars[ac->var].slot] = (int32_t)v;
            continue;
        }
        char d[AN_DESC];
        const char *pn = s->profiles[c->env.profile].name;
        ev_describe(c->sp, s, c->env.machine, c->save, d, sizeof d);
        if (c->env.err)
            diag_error(c->env.err_at, "index out of range (profile '%s': %s)", pn, d[0] ? d : "always");
        else if (ac->kind == IR_A_ASSIGN)
            diag_error(ac->at, "'%s' can be given %lld, outside its range %d..%d (profile "
                       "'%s': %s)", s->vars[ac->var].name, (long long)v, lo, hi, pn, d[0] ? d : "always");
        else
            diag_error(ac->at, "machine index %lld is outside 0..%d (profile '%s': %s)",
                       (long long)v, hi, pn, d[0] ? d : "always");
        c->reported[i] = 1;
        c->env.err = 0;
    }
    memcpy(slots, c->save, (size_t)s->nslots * sizeof *c->save);
    return 0;
}

static void an_action_instance(an *a, int k, const ir_trans *t, int profile, uint8_t *reported, int32_t self)
{
    const ir_spec *s = a->s;
    ev_space sp;
    ev_space_init(&sp);
    sp.self = self;
    int any = 0;
    ev_collect(&sp, s, profile, k, t->xguard);
    for (int i = 0; i < t->nactions; i++) {
        const ir_action *ac = &t->actions[i];
        if (an_checked_action(ac)) {
            ev_collect(&sp, s, profile, k, ac->kind == IR_A_ASSIGN ? ac->value : ac->index);
            any = 1;
        }
    }
    if (!any || an_budget(a, &sp, 1, t->at, "this transition", profile))
        return;
    an_restrict_pending(a, &sp, &s->machines[k], t->from);
    an_acts c = { a, t, reported, &sp, an_env(a, profile, k),
                  ar_array((size_t)s->nslots + 1, sizeof(int32_t)) };
    ev_cubes(&sp, s, a->slots, an_acts_decided, an_acts_visit, &c);
}

/* ---- ranges: plant effects -------------------------------------------- */

/* One pass of an_effects(): profile p, instance self (-1: not an array).
 * Returns -1 once something was reported. */
static int an_effects_pass(an *a, const ir_expr *cond, const ir_effect *fx, int n, int machine,
                           loc at, const char *what, int p, int32_t self, int32_t *save)
{
    const ir_spec *s = a->s;
    ev_space sp;
    ev_space_init(&sp);
    sp.self = self;
    ev_collect(&sp, s, p, machine, cond);
    ev_collect_effects(&sp, s, p, machine, fx, n);
    if (an_budget(a, &sp, ev_choices(s, p, fx, n), at, what, p))
        return -1;
    ev_env env = an_env(a, p, machine);
    ev_first(&sp, a->slots);
    do {
        if (cond && !ev_eval(&env, cond))
            continue;
        memcpy(save, a->slots, (size_t)s->nslots * sizeof *save);
        ev_chooser ch;
        memset(&ch, 0, sizeof ch);
        do {
            memcpy(a->slots, save, (size_t)s->nslots * sizeof *save);
            int bad = -1;
            int64_t val = 0;
            env.err = 0;
            ch.depth = 0;
            if (ev_effects(&env, fx, n, &ch, &bad, &val) == 0 && !env.err && !ch.overflow)
                continue;
            if (ch.overflow) {
                diag_error(at, "%s makes more than 64 nondeterministic choices in one step; "
                           "split it", what);
                return -1;
            }
            char d[AN_DESC];
            ev_describe(&sp, s, machine, save, d, sizeof d);
            if (env.err && bad < 0)
                diag_error(env.err_at, "index out of range (profile '%s': %s)",
                           s->profiles[p].name, d[0] ? d : "always");
            else {
                int32_t lo, hi;
                ir_bounds(s, &s->vars[bad].elem, p, &lo, &hi);
                diag_error(env.err_at, "'%s' can be given %lld, outside its range %d..%d "
                           "(profile '%s': %s)", s->vars[bad].name, (long long)val, lo, hi,
                           s->profiles[p].name, d[0] ? d : "always");
            }
            return -1;
        } while (ev_chooser_next(&ch));
        memcpy(a->slots, save, (size_t)s->nslots * sizeof *save);
    } while (ev_next(&sp, a->slots));
    return 0;
}

/* Check that effects (after an optional condition) keep every variable in
 * its range, for every valuation of what they read and every choice. */
static void an_effects(an *a, const ir_expr *cond, const ir_effect *fx, int n, int machine,
                       loc at, const char *what)
{
    const ir_spec *s = a->s;
    if (n == 0)
        return;
    int32_t *save = ar_array((size_t)s->nslots + 1, sizeof *save);
    for (int p = 0; p < s->nprofiles; p++) {
        if ((machine >= 0 && ir_instances(s, &s->machines[machine], p) == 0) || an_same_as_earlier(s, p))
            continue;
        for (int i = 0; i < an_passes(s, machine, p); i++)
            if (an_effects_pass(a, cond, fx, n, machine, at, what, p, an_self(s, machine, i), save) != 0)
                return;
    }
}

static int an_issuer(const ir_spec *s, int cmd)
{
    for (int k = 0; k < s->nmachines; k++)
        for (int t = 0; t < s->machines[k].ntrans; t++)
            for (int i = 0; i < s->machines[k].trans[t].nactions; i++)
                if (s->machines[k].trans[t].actions[i].kind == IR_A_ISSUE &&
                    s->machines[k].trans[t].actions[i].cmd == cmd)
                    return k;
    return -1;
}

static void an_plant_effects(an *a)
{
    const ir_spec *s = a->s;
    for (int c = 0; c < s->ncmds; c++) {
        const ir_cmd *cmd = &s->cmds[c];
        int k = an_issuer(s, c);
        an_effects(a, NULL, cmd->issue, cmd->nissue, k, cmd->at,
                   ar_printf("the issue effect of '%s'", cmd->name));
        for (int o = 0; o < cmd->noutcomes; o++)
            an_effects(a, cmd->outcomes[o].when, cmd->outcomes[o].effects,
                       cmd->outcomes[o].neffects, k, cmd->outcomes[o].at,
                       ar_printf("outcome '%s' of '%s'", cmd->outcomes[o].name, cmd->name));
    }
    for (int e = 0; e < s->nenvs; e++) {
        const ir_env *env = &s->envs[e];
        an_effects(a, env->when, env->effects, env->neffects, env->to_any ? env->machine : -1,
                   env->at, ar_printf("the effect of '%s'", env->name));
    }
}

/* ---- ranges: initial values ------------------------------------------- */

static void an_inits(an *a)
{
    const ir_spec *s = a->s;
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        for (int p = 0; p < s->nprofiles; p++) {
            int32_t lo, hi, bad = 0;
            ir_bounds(s, &v->elem, p, &lo, &hi);
            for (int k = 0; k < v->nvalues && !bad; k++) {
                int32_t x = ir_const(s, v->values[k], p);
                if (x < lo || x > hi) {
                    diag_error(v->values[k]->at, "initial value %d of '%s' is outside its range "
                               "%d..%d in profile '%s'", x, v->name, lo, hi, s->profiles[p].name);
                    bad = 1;
                }
            }
            if (bad)
                break;
        }
    }
}

/* Constant indices in properties and environment conditions, which are not
 * enumerated, are checked against every profile here. */
static void an_const_indices(an *a, const ir_expr *e)
{
    const ir_spec *s = a->s;
    if (!e)
        return;
    if ((e->kind == IR_E_INDEX || ((e->kind == IR_E_STATE || e->kind == IR_E_MVAR) && e->a)) &&
        e->a->kind == IR_E_CONST) {
        for (int p = 0; p < s->nprofiles; p++) {
            int32_t n = e->kind == IR_E_INDEX ? ir_size(s, &s->vars[e->var], p)
                                              : ir_instances(s, &s->machines[e->machine], p);
            if (e->a->value < 0 || (e->a->value >= n && n > 0)) {
                diag_error(e->a->at, "index %d is outside 0..%d in profile '%s'", e->a->value,
                           n - 1, s->profiles[p].name);
                break;
            }
        }
    }
    an_const_indices(a, e->a);
    an_const_indices(a, e->b);
}

/* What the back ends can represent, checked before either sees the spec:
 * the C keeps pending commands in 64-bit masks, options and a monitor's families in
 * 32-bit masks and events in 16-bit queue cells; the model keeps events,
 * states and queue lengths in bytes.  A spec past a limit is refused with
 * a located error, never translated into something weaker. */
static void an_limit(int n, int max, const loc *first_past, const char *what)
{
    if (n > max)
        diag_error(*first_past, "too many %s: %d; the C and Promela back ends take at most %d", what, n, max);
}

static void an_limits(const ir_spec *s)
{
    int nopt = 0, past = -1;
    if (s->ncmds > 64)
        an_limit(s->ncmds, 64, &s->cmds[64].at, "HAL commands");
    if (s->nfamilies > 32)
        an_limit(s->nfamilies, 32, &s->families[32].at, "families");
    if (s->nevents > 254)
        an_limit(s->nevents, 254, &s->events[254].at, "events");
    for (int v = 0; v < s->nvars; v++)
        if (s->vars[v].kind == IR_V_OPTION && ++nopt == 33)
            past = v;
    if (past >= 0)
        an_limit(nopt, 32, &s->vars[past].at, "options");
    for (int k = 0; k < s->nmachines; k++)
        if (s->machines[k].nstates > 255)
            diag_error(s->machines[k].states[255].at,
                       "machine '%s' has %d states; the C and Promela back ends take at most 255",
                       s->machines[k].name, s->machines[k].nstates);
}

int an_analyze(ir_spec *s)
{
    an a;
    a.s = s;
    a.slots = ar_array((size_t)s->nslots + 1, sizeof *a.slots);
    an_limits(s);
    if (diag_count())
        return -1;
    an_inits(&a);
    for (int p = 0; p < s->nprops; p++)
        an_const_indices(&a, s->props[p].expr);
    for (int e = 0; e < s->nenvs; e++)
        an_const_indices(&a, s->envs[e].when);
    for (int k = 0; k < s->nmachines; k++) {
        ir_machine *m = &s->machines[k];
        an_sort(m);
        an_graph(m);
        an_pending(&a, m);
        an_arrivals(&a, k);
    }
    if (diag_count())
        return -1;
    for (int k = 0; k < s->nmachines; k++)
        an_guards(&a, k);
    if (diag_count())
        return -1;
    for (int k = 0; k < s->nmachines; k++) {
        ir_machine *m = &s->machines[k];
        for (int t = 0; t < m->ntrans; t++) {
            uint8_t *reported = ar_array((size_t)m->trans[t].nactions + 1, 1);
            for (int p = 0; p < s->nprofiles; p++)
                if (ir_instances(s, m, p) > 0 && !an_same_as_earlier(s, p))
                    an_action_ranges(&a, k, &m->trans[t], p, reported);
        }
        uint8_t *handled = an_handled(s, m);
        for (size_t cell = 0; cell < (size_t)m->nstates * (size_t)s->nevents; cell++)
            if (handled[cell] && m->policy[cell] == IR_P_NONE)
                m->policy[cell] = IR_P_HANDLED;
    }
    an_plant_effects(&a);
    return diag_count() ? -1 : 0;
}
