/* eval.c - expression evaluation and valuation enumeration (see eval.h). */
#include "eval.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"

static const ir_machine *ev_machine(const ev_env *env)
{
    return env->machine >= 0 ? &env->spec->machines[env->machine] : NULL;
}

static void ev_fail(ev_env *env, loc at)
{
    if (!env->err) {
        env->err = 1;
        env->err_at = at;
    }
}

static int64_t ev_index(ev_env *env, const ir_expr *e, const ir_var *v)
{
    int64_t i = ev_eval(env, e->a);
    if (i < 0 || i >= ir_size(env->spec, v, env->profile)) {
        ev_fail(env, e->a->at);
        return 0;
    }
    return i;
}

static int64_t ev_count(ev_env *env, const ir_expr *e)
{
    const ir_var *v = &env->spec->vars[e->var];
    int64_t n = 0;
    if (v->shape == IR_POOL) {
        for (int i = 0; i < e->nvals; i++)
            n += env->slots[v->slot + e->vals[i]];
        return n;
    }
    int32_t size = ir_size(env->spec, v, env->profile);
    for (int32_t k = 0; k < size; k++)
        for (int i = 0; i < e->nvals; i++)
            if (env->slots[v->slot + k] == e->vals[i]) {
                n++;
                break;
            }
    return n;
}

static int64_t ev_apply(ir_ekind k, int64_t a, int64_t b)
{
    switch (k) {
    case IR_E_IFF: return !a == !b;
    case IR_E_EQ: return a == b;
    case IR_E_NE: return a != b;
    case IR_E_LT: return a < b;
    case IR_E_LE: return a <= b;
    case IR_E_GT: return a > b;
    case IR_E_GE: return a >= b;
    case IR_E_ADD: return a + b;
    case IR_E_SUB: return a - b;
    default: return 0;
    }
}

static int64_t ev_binary(ev_env *env, const ir_expr *e)
{
    int64_t a = ev_eval(env, e->a);
    switch (e->kind) {
    case IR_E_AND:
        return a && ev_eval(env, e->b);
    case IR_E_OR:
        return a || ev_eval(env, e->b);
    case IR_E_IMPLIES:
        return !a || ev_eval(env, e->b);
    default:
        break;
    }
    return ev_apply(e->kind, a, ev_eval(env, e->b));
}

int64_t ev_eval(ev_env *env, const ir_expr *e)
{
    const ir_spec *s = env->spec;
    const ir_machine *m = ev_machine(env);
    switch (e->kind) {
    case IR_E_CONST:
        return e->value;
    case IR_E_PARAM:
        return s->profiles[env->profile].param[e->var];
    case IR_E_VAR:
    case IR_E_MVAR:
        return env->slots[s->vars[e->var].slot];
    case IR_E_INDEX:
        return env->slots[s->vars[e->var].slot + ev_index(env, e, &s->vars[e->var])];
    case IR_E_COUNT:
        return e->var >= 0 ? ev_count(env, e) : 0;
    case IR_E_SIZE:
        if (e->var >= 0)
            return ir_size(s, &s->vars[e->var], env->profile);
        return ir_instances(s, &s->machines[e->machine], env->profile);
    case IR_E_STATE:
        return env->slots[s->machines[e->machine].state_slot];
    case IR_E_PENDING:
        return m ? env->slots[m->pending_slot + e->cmd] : 0;
    case IR_E_SELF:
        return m ? env->slots[m->self_slot] : 0;
    case IR_E_NOT:
        return !ev_eval(env, e->a);
    case IR_E_NEG:
        return -ev_eval(env, e->a);
    case IR_E_ALWAYS:
    case IR_E_EVENTUALLY:
    case IR_E_UNTIL:
        return 0;               /* temporal: never evaluated over one valuation */
    default:
        return ev_binary(env, e);
    }
}

/* ---- three-valued evaluation over a partial valuation ----------------- */

/* known[slot] says whether the slot has its value yet.  Returns 1 and sets
 * *v if e's value is fixed by the known slots, else 0.  *taint is set where
 * an index is unknown or out of range: ev_eval may fail there for some
 * valuation, so the caller must go on to full valuations.  It visits every
 * node ev_eval visits for some completion of the valuation (an operand is
 * skipped only where ev_eval skips it for all of them). */
static int ev_eval3(ev_env *env, const ir_expr *e, const uint8_t *known, int *taint, int64_t *v);

static int ev_slot3(const ev_env *env, int slot, const uint8_t *known, int64_t *v)
{
    if (!known[slot])
        return 0;
    *v = env->slots[slot];
    return 1;
}

static int ev_count3(ev_env *env, const ir_expr *e, const uint8_t *known, int64_t *v)
{
    const ir_var *var = &env->spec->vars[e->var];
    int32_t n = var->shape == IR_POOL ? 0 : ir_size(env->spec, var, env->profile);
    int32_t members = var->shape == IR_POOL ? e->nvals : n;
    for (int32_t k = 0; k < members; k++)
        if (!known[var->slot + (var->shape == IR_POOL ? e->vals[k] : k)])
            return 0;
    *v = ev_count(env, e);
    return 1;
}

static int ev_eval3(ev_env *env, const ir_expr *e, const uint8_t *known, int *taint, int64_t *v)
{
    const ir_spec *s = env->spec;
    const ir_machine *m = ev_machine(env);
    int64_t a = 0, b = 0;
    int ka, kb;
    switch (e->kind) {
    case IR_E_VAR:
    case IR_E_MVAR:
        return ev_slot3(env, s->vars[e->var].slot, known, v);
    case IR_E_INDEX:
        if (!ev_eval3(env, e->a, known, taint, &a) || a < 0 ||
            a >= ir_size(s, &s->vars[e->var], env->profile)) {
            *taint = 1;
            return 0;
        }
        return ev_slot3(env, s->vars[e->var].slot + (int)a, known, v);
    case IR_E_COUNT:
        if (e->var >= 0)
            return ev_count3(env, e, known, v);
        *v = 0;
        return 1;
    case IR_E_STATE:
        return ev_slot3(env, s->machines[e->machine].state_slot, known, v);
    case IR_E_PENDING:
        if (!m) {
            *v = 0;
            return 1;
        }
        return ev_slot3(env, m->pending_slot + e->cmd, known, v);
    case IR_E_SELF:
        if (!m) {
            *v = 0;
            return 1;
        }
        return ev_slot3(env, m->self_slot, known, v);
    case IR_E_NOT:
    case IR_E_NEG:
        if (!ev_eval3(env, e->a, known, taint, &a))
            return 0;
        *v = e->kind == IR_E_NOT ? !a : -a;
        return 1;
    case IR_E_AND:
    case IR_E_OR:
    case IR_E_IMPLIES: {
        /* the value of a that decides without b: false for &&, true for || and -> */
        ka = ev_eval3(env, e->a, known, taint, &a);
        if (e->kind == IR_E_IMPLIES)
            a = !a;
        int64_t decisive = e->kind != IR_E_AND;
        if (ka && !a == !decisive) {
            *v = decisive;
            return 1;
        }
        kb = ev_eval3(env, e->b, known, taint, &b);
        if (kb && !b == !decisive) {
            *v = decisive;
            return 1;
        }
        if (ka && kb) {
            *v = !decisive;
            return 1;
        }
        return 0;
    }
    case IR_E_CONST:
    case IR_E_PARAM:
    case IR_E_SIZE:
    case IR_E_ALWAYS:
    case IR_E_EVENTUALLY:
    case IR_E_UNTIL:
        *v = ev_eval(env, e);   /* fixed by the profile */
        return 1;
    default:
        ka = ev_eval3(env, e->a, known, taint, &a);
        kb = ev_eval3(env, e->b, known, taint, &b);
        if (!ka || !kb)
            return 0;
        *v = ev_apply(e->kind, a, b);
        return 1;
    }
}

int ev_known(ev_env *env, const ir_expr *e, const uint8_t *known, int64_t *v)
{
    int taint = 0;
    if (!e) {
        *v = 1;
        return 1;
    }
    int k = ev_eval3(env, e, known, &taint, v);
    return taint ? -1 : k;
}

/* ---- effects ---------------------------------------------------------- */

static int ev_store(ev_env *env, const ir_effect *f, int64_t val, int *bad_var, int64_t *bad_val)
{
    const ir_var *v = &env->spec->vars[f->var];
    int64_t i = 0;
    if (f->index) {
        i = ev_eval(env, f->index);
        if (i < 0 || i >= ir_size(env->spec, v, env->profile)) {
            ev_fail(env, f->index->at);
            return 0;
        }
    }
    int32_t lo, hi;
    ir_bounds(env->spec, &v->elem, env->profile, &lo, &hi);
    if (val < lo || val > hi) {
        env->err_at = f->at;
        *bad_var = f->var;
        *bad_val = val;
        return -1;
    }
    if (v->shape == IR_SCALAR || f->index)
        env->slots[v->slot + (int)i] = (int32_t)val;
    else
        for (int32_t k = 0; k < ir_size(env->spec, v, env->profile); k++)
            env->slots[v->slot + k] = (int32_t)val;
    return 0;
}

static int32_t ev_choose(ev_chooser *ch, int32_t n)
{
    if (n <= 1)                 /* no alternative: nothing to enumerate */
        return 0;
    if (ch->depth >= 64) {      /* unreachable while the budget holds (at most 22 real choices) */
        ch->overflow = 1;
        return 0;
    }
    int d = ch->depth++;
    ch->npick[d] = n;
    if (ch->pick[d] >= n)
        ch->pick[d] = 0;
    return ch->pick[d];
}

static void ev_move(ev_env *env, const ir_effect *f)
{
    const ir_var *v = &env->spec->vars[f->var];
    for (int i = 0; i < f->nfrom; i++) {
        int32_t *src = &env->slots[v->slot + f->from[i]];
        if (*src <= 0 || f->from[i] == f->to)
            continue;
        int32_t k = f->kind == IR_F_MOVE_ONE ? 1 : *src;
        *src -= k;
        env->slots[v->slot + f->to] += k;
        if (f->kind == IR_F_MOVE_ONE)
            return;
    }
}

int ev_effects(ev_env *env, const ir_effect *fx, int n, ev_chooser *ch, int *bad_var, int64_t *bad_val)
{
    for (int i = 0; i < n; i++) {
        const ir_effect *f = &fx[i];
        int rc = 0;
        switch (f->kind) {
        case IR_F_ASSIGN:
            rc = ev_store(env, f, ev_eval(env, f->value), bad_var, bad_val);
            break;
        case IR_F_CHOOSE: {
            const ir_var *v = &env->spec->vars[f->var];
            int32_t lo, hi;
            ir_bounds(env->spec, &v->elem, env->profile, &lo, &hi);
            int64_t span = (int64_t)hi - lo + 1;  /* the budget keeps this small */
            int32_t k = ev_choose(ch, f->nvalues ? f->nvalues : (int32_t)(span > INT32_MAX ? INT32_MAX : span));
            int64_t val = f->nvalues ? ev_eval(env, f->values[k]) : lo + k;
            rc = ev_store(env, f, val, bad_var, bad_val);
            break;
        }
        case IR_F_MOVE_ONE:
        case IR_F_MOVE_ALL:
            ev_move(env, f);
            break;
        case IR_F_IF:
            if (ev_eval(env, f->cond))
                rc = ev_effects(env, f->then_, f->nthen, ch, bad_var, bad_val);
            else
                rc = ev_effects(env, f->else_, f->nelse, ch, bad_var, bad_val);
            break;
        }
        if (rc)
            return rc;
    }
    return 0;
}

int ev_chooser_next(ev_chooser *ch)
{
    for (int d = ch->depth - 1; d >= 0; d--) {
        if (ch->pick[d] + 1 < ch->npick[d]) {
            ch->pick[d]++;
            for (int k = d + 1; k < 64; k++)
                ch->pick[k] = 0;
            ch->depth = 0;
            return 1;
        }
    }
    return 0;
}

/* ---- valuation spaces ------------------------------------------------- */

void ev_space_init(ev_space *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->self = -1;
}

/* The atom of `slot`, added as a copy of a if new; NULL when full. */
static ev_atom *ev_add(ev_space *sp, ev_atom a)
{
    for (int i = 0; i < sp->n; i++)
        if (sp->atoms[i].slot == a.slot)
            return &sp->atoms[i];
    if (sp->n == EV_MAX_ATOMS) {
        sp->overflow = 1;
        return NULL;
    }
    sp->atoms[sp->n] = a;
    return &sp->atoms[sp->n++];
}

/* Group the members of pool atom a into classes of equal signature (a
 * pool of more than EV_MAX_MEMBERS members: one class per member). */
static void ev_classes(ev_atom *a)
{
    a->nclass = 0;
    if (a->members > EV_MAX_MEMBERS) {
        a->nclass = a->members;
        return;
    }
    for (int k = 0; k < a->members; k++) {
        int j = 0;
        while (j < a->nclass && a->sig[a->rep[j]] != a->sig[k])
            j++;
        if (j == a->nclass)
            a->rep[a->nclass++] = (int8_t)k;
    }
}

/* Pool atom a is read through the set of members vals[0..n-1]: one more
 * bit in each member's signature.  Past 64 sets, or a member beyond
 * EV_MAX_MEMBERS, every member gets a class of its own (a bit per member). */
static void ev_pool_set(ev_atom *a, const int32_t *vals, int n)
{
    if (a->members <= EV_MAX_MEMBERS && a->nsets >= 64) {
        for (int k = 0; k < a->members; k++)
            a->sig[k] = (uint64_t)k;
    } else if (a->members <= EV_MAX_MEMBERS) {
        for (int i = 0; i < n; i++)
            if (vals[i] >= 0 && vals[i] < a->members)
                a->sig[vals[i]] |= (uint64_t)1 << a->nsets;
        a->nsets++;
    }
    ev_classes(a);                  /* kept in step with the sets read */
}

static void ev_add_slot(ev_space *sp, int slot, int32_t lo, int32_t hi, int var)
{
    ev_atom a;
    memset(&a, 0, sizeof a);
    a.kind = EV_A_SLOT;
    a.slot = slot;
    a.lo = lo;
    a.hi = hi;
    a.var = var;
    ev_add(sp, a);
}

/* An expression whose value `self` and the params fix (self: 1 allows it). */
int ev_self_const(const ir_expr *e, int self)
{
    switch (e->kind) {
    case IR_E_CONST:
    case IR_E_PARAM:
        return 1;
    case IR_E_SELF:
        return self;
    case IR_E_NEG:
        return ev_self_const(e->a, self);
    case IR_E_ADD:
    case IR_E_SUB:
        return ev_self_const(e->a, self) && ev_self_const(e->b, self);
    default:
        return 0;
    }
}

/* The value of an expression ev_self_const() accepts, for instance self. */
static int64_t ev_self_value(const ir_spec *s, int profile, const ir_expr *e, int32_t self)
{
    switch (e->kind) {
    case IR_E_SELF:
        return self;
    case IR_E_NEG:
        return -ev_self_value(s, profile, e->a, self);
    case IR_E_ADD:
        return ev_self_value(s, profile, e->a, self) + ev_self_value(s, profile, e->b, self);
    case IR_E_SUB:
        return ev_self_value(s, profile, e->a, self) - ev_self_value(s, profile, e->b, self);
    default:
        return ir_const(s, e, profile);
    }
}

/* Variable var is read (at index, for an array; through the set of members
 * vals[0..nvals-1], for a pool: vals NULL means member by member). */
static void ev_add_var(ev_space *sp, const ir_spec *s, int profile, int var, const ir_expr *index,
                       const int32_t *vals, int nvals)
{
    const ir_var *v = &s->vars[var];
    int32_t lo, hi;
    if (v->kind == IR_V_PARAM)
        return;
    ir_bounds(s, &v->elem, profile, &lo, &hi);
    if (v->shape == IR_POOL) {
        ev_atom a;
        memset(&a, 0, sizeof a);
        a.kind = EV_A_POOL;
        a.slot = v->slot;
        a.members = s->enums[v->elem.id].n;
        a.size = ir_size(s, v, profile);
        a.var = var;
        ev_atom *at = ev_add(sp, a);
        for (int32_t k = 0; at && !vals && k < at->members; k++)
            ev_pool_set(at, &k, 1);
        if (at && vals)
            ev_pool_set(at, vals, nvals);
        return;
    }
    int32_t size = ir_size(s, v, profile);
    if (index && ev_self_const(index, sp->self >= 0)) {
        int64_t i = ev_self_value(s, profile, index, sp->self);
        if (i >= 0 && i < size)
            ev_add_slot(sp, v->slot + (int)i, lo, hi, var);
        return;
    }
    for (int32_t i = 0; i < size; i++)
        ev_add_slot(sp, v->slot + i, lo, hi, var);
}

void ev_collect(ev_space *sp, const ir_spec *s, int profile, int machine, const ir_expr *e)
{
    if (!e)
        return;
    const ir_machine *m = machine >= 0 ? &s->machines[machine] : NULL;
    switch (e->kind) {
    case IR_E_VAR:
    case IR_E_MVAR:
        ev_add_var(sp, s, profile, e->var, NULL, NULL, 0);
        break;
    case IR_E_INDEX:
        ev_add_var(sp, s, profile, e->var, e->a, NULL, 0);
        break;
    case IR_E_COUNT:
        if (e->var >= 0)
            ev_add_var(sp, s, profile, e->var, NULL, e->vals, e->nvals);
        break;
    case IR_E_PENDING:
        if (m)
            ev_add_slot(sp, m->pending_slot + e->cmd, 0, 1, -1);
        break;
    case IR_E_SELF:                 /* one instance's, or any */
        if (m && sp->self >= 0)
            ev_add_slot(sp, m->self_slot, sp->self, sp->self, -1);
        else if (m)
            ev_add_slot(sp, m->self_slot, 0, ir_instances(s, m, profile) - 1, -1);
        break;
    case IR_E_STATE:
        ev_add_slot(sp, s->machines[e->machine].state_slot, 0,
                    s->machines[e->machine].nstates - 1, -1);
        break;
    default:
        break;
    }
    if (e->kind != IR_E_STATE && e->kind != IR_E_MVAR) {
        ev_collect(sp, s, profile, machine, e->a);
        ev_collect(sp, s, profile, machine, e->b);
    }
}

void ev_collect_effects(ev_space *sp, const ir_spec *s, int profile, int machine,
                        const ir_effect *fx, int n)
{
    for (int i = 0; i < n; i++) {
        const ir_effect *f = &fx[i];
        ev_collect(sp, s, profile, machine, f->index);
        ev_collect(sp, s, profile, machine, f->value);
        ev_collect(sp, s, profile, machine, f->cond);
        for (int k = 0; k < f->nvalues; k++)
            ev_collect(sp, s, profile, machine, f->values[k]);
        for (int k = 0; (f->kind == IR_F_MOVE_ONE || f->kind == IR_F_MOVE_ALL) && k <= f->nfrom; k++)
            ev_add_var(sp, s, profile, f->var, NULL, k < f->nfrom ? &f->from[k] : &f->to, 1);
        if (f->kind == IR_F_IF) {
            ev_collect_effects(sp, s, profile, machine, f->then_, f->nthen);
            ev_collect_effects(sp, s, profile, machine, f->else_, f->nelse);
        }
    }
}

uint64_t ev_choices(const ir_spec *s, int profile, const ir_effect *fx, int n)
{
    uint64_t total = 1;
    for (int i = 0; i < n; i++) {
        const ir_effect *f = &fx[i];
        uint64_t k = 1;
        if (f->kind == IR_F_CHOOSE && f->nvalues) {
            k = (uint64_t)f->nvalues;
        } else if (f->kind == IR_F_CHOOSE) {
            int32_t lo, hi;
            ir_bounds(s, &s->vars[f->var].elem, profile, &lo, &hi);
            k = (uint64_t)((int64_t)hi - lo + 1);
        } else if (f->kind == IR_F_IF) {
            uint64_t a = ev_choices(s, profile, f->then_, f->nthen);
            uint64_t b = ev_choices(s, profile, f->else_, f->nelse);
            k = a > b ? a : b;
        }
        if (k && total > UINT64_MAX / k)
            return UINT64_MAX;
        total *= k ? k : 1;
    }
    return total;
}

/* Compositions of size into members parts: C(size + members - 1, members - 1). */
static uint64_t ev_pool_count(int32_t size, int members)
{
    uint64_t r = 1;
    for (int k = 1; k < members; k++) {
        uint64_t num = (uint64_t)size + (uint64_t)k;
        if (r > UINT64_MAX / num)
            return UINT64_MAX;
        r = r * num / (uint64_t)k;
    }
    return r;
}

/* The counter that holds the count of class j. */
static int ev_rep(const ev_atom *a, int j)
{
    return a->members > EV_MAX_MEMBERS ? j : a->rep[j];
}

uint64_t ev_space_size(const ev_space *sp)
{
    if (sp->overflow)
        return UINT64_MAX;
    uint64_t n = 1;
    for (int i = 0; i < sp->n; i++) {
        const ev_atom *a = &sp->atoms[i];
        uint64_t k = a->kind == EV_A_POOL ? ev_pool_count(a->size, a->nclass)
                                          : (uint64_t)((int64_t)a->hi - a->lo + 1);
        if (k == 0)
            return 0;
        if (n > UINT64_MAX / k)
            return UINT64_MAX;
        n *= k;
    }
    return n;
}

void ev_first(const ev_space *sp, int32_t *slots)
{
    for (int i = 0; i < sp->n; i++) {
        const ev_atom *a = &sp->atoms[i];
        if (a->kind == EV_A_SLOT) {
            slots[a->slot] = a->lo;
            continue;
        }
        for (int k = 0; k < a->members; k++)
            slots[a->slot + k] = 0;
        slots[a->slot + ev_rep(a, a->nclass - 1)] = a->size;
    }
}

/* Next composition of a pool over its classes: the counts of the first
 * nclass-1 classes (in their first members' counters) are digits whose sum
 * may not exceed size; the last class takes the rest. */
static int ev_pool_next(const ev_atom *a, int32_t *c)
{
    int32_t *last = &c[ev_rep(a, a->nclass - 1)];
    for (int j = 0; j + 1 < a->nclass; j++) {
        int32_t *d = &c[ev_rep(a, j)];
        (*d)++;
        (*last)--;
        if (*last >= 0)
            return 1;
        *last += *d;
        *d = 0;
    }
    return 0;
}

int ev_next(const ev_space *sp, int32_t *slots)
{
    for (int i = 0; i < sp->n; i++) {
        const ev_atom *a = &sp->atoms[i];
        if (a->kind == EV_A_POOL) {
            if (ev_pool_next(a, &slots[a->slot]))
                return 1;
            continue;               /* wrapped to the first composition */
        }
        if (slots[a->slot] < a->hi) {
            slots[a->slot]++;
            return 1;
        }
        slots[a->slot] = a->lo;
    }
    return 0;
}

/* The non-empty classes of a pool valuation: "count(fpc, READY)=2" for a
 * class of one member, "count(fpc, {ONLINE_OLD, OFFLINE})=3" for more.
 * Returns the characters written. */
static int ev_describe_pool(const ev_atom *a, const ir_spec *s, const int32_t *slots, char *buf,
                            int cap, int sep)
{
    const ir_var *v = &s->vars[a->var];
    const ir_enum *en = &s->enums[v->elem.id];
    int w = 0;
    for (int j = 0; j < a->nclass && w < cap; j++) {
        int r = ev_rep(a, j), n = 0, used = 0;
        char names[512];
        if (!slots[a->slot + r])
            continue;
        names[0] = '\0';
        for (int k = 0; k < a->members && used < (int)sizeof names; k++)
            if (a->members > EV_MAX_MEMBERS ? k == r : a->sig[k] == a->sig[r]) {
                int m = snprintf(names + used, sizeof names - (size_t)used, "%s%s", n++ ? ", " : "",
                                 en->members[k]);
                used += m > 0 ? m : 0;
            }
        int m = snprintf(buf + w, (size_t)(cap - w), "%scount(%s, %s%s%s)=%d", (sep || w) ? ", " : "",
                         v->name, n > 1 ? "{" : "", names, n > 1 ? "}" : "", slots[a->slot + r]);
        w += m > 0 ? m : 0;
    }
    return w < cap ? w : cap - 1;
}

void ev_describe(const ev_space *sp, const ir_spec *s, int machine, const int32_t *slots,
                 char *buf, int cap)
{
    int used = 0;
    buf[0] = '\0';
    for (int i = 0; i < sp->n && used < cap; i++) {
        const ev_atom *a = &sp->atoms[i];
        const char *sep = used ? ", " : "";
        int w = 0;
        if (a->var < 0) {
            const ir_machine *m = &s->machines[machine];
            if (a->slot == m->self_slot)
                w = snprintf(buf + used, (size_t)(cap - used), "%sself=%d", sep, slots[a->slot]);
            else if (a->slot >= m->pending_slot && a->slot < m->pending_slot + s->ncmds)
                w = snprintf(buf + used, (size_t)(cap - used), "%spending(%s)=%s", sep,
                             s->cmds[a->slot - m->pending_slot].name,
                             slots[a->slot] ? "true" : "false");
        } else if (a->kind == EV_A_POOL) {
            w = ev_describe_pool(a, s, slots, buf + used, cap - used, used > 0);
        } else {
            const ir_var *v = &s->vars[a->var];
            const char *val = ir_value_name(s, &v->elem, slots[a->slot]);
            if (v->shape == IR_SCALAR)
                w = snprintf(buf + used, (size_t)(cap - used), "%s%s=%s", sep, v->name, val);
            else
                w = snprintf(buf + used, (size_t)(cap - used), "%s%s[%d]=%s", sep, v->name,
                             a->slot - v->slot, val);
        }
        if (w < 0)
            break;
        used += w;
    }
    if (used >= cap && cap > 4)
        memcpy(buf + cap - 4, "...", 4);
}

/* ---- enumeration by cubes --------------------------------------------- */

static int ev_cube_rec(const ev_space *sp, int i, int32_t *slots, uint8_t *known,
                       ev_cube_fn decided, ev_visit_fn visit, void *ctx)
{
    if (i == sp->n || decided(ctx, known))
        return visit(ctx);
    const ev_atom *a = &sp->atoms[i];
    int r = 0;
    if (a->kind == EV_A_SLOT) {
        known[a->slot] = 1;
        for (int64_t v = a->lo; v <= a->hi && !r; v++) {
            slots[a->slot] = (int32_t)v;
            r = ev_cube_rec(sp, i + 1, slots, known, decided, visit, ctx);
        }
        slots[a->slot] = a->lo;
        known[a->slot] = 0;
        return r;
    }
    for (int k = 0; k < a->members; k++)
        known[a->slot + k] = 1;
    do
        r = ev_cube_rec(sp, i + 1, slots, known, decided, visit, ctx);
    while (!r && ev_pool_next(a, &slots[a->slot]));
    if (r) {                    /* stopped inside: back to the first composition */
        for (int k = 0; k < a->members; k++)
            slots[a->slot + k] = 0;
        slots[a->slot + ev_rep(a, a->nclass - 1)] = a->size;
    }
    for (int k = 0; k < a->members; k++)
        known[a->slot + k] = 0;
    return r;
}

int ev_cubes(const ev_space *sp, const ir_spec *s, int32_t *slots, ev_cube_fn decided,
             ev_visit_fn visit, void *ctx)
{
    uint8_t *known = ar_array((size_t)s->nslots + 1, 1);
    memset(known, 1, (size_t)s->nslots);
    for (int i = 0; i < sp->n; i++) {
        const ev_atom *a = &sp->atoms[i];
        int n = a->kind == EV_A_POOL ? a->members : 1;
        for (int k = 0; k < n; k++)
            known[a->slot + k] = 0;
    }
    ev_first(sp, slots);
    return ev_cube_rec(sp, 0, slots, known, decided, visit, ctx);
}
