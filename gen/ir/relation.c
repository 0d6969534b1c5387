/* relation.c - the controller's transition relation (see relation.h). */
#include "relation.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "json.h"
#include "prune.h"

struct rl {
    const ir_spec *s;
    int profile;
    int mi;                     /* the machine */
    int self;                   /* its instance */
    const ir_machine *m;        /* s->machines[mi] */
    int width;                  /* int32s per configuration */
    int32_t *slots;             /* the evaluation valuation */
    int32_t *cfgs;              /* configurations, width each */
    int n, cap;
    int *hash;                  /* open addressing: index + 1, 0 empty */
    int hcap;
    rl_space **inputs;          /* [state * nevents + event], built when first asked */
    /* the step being written */
    const char **assigned;      /* per action: the value name written */
    long *sent;                 /* per action: the instance sent to */
    char (*num)[16];            /* per action: room for a number's name */
    const ir_trans *cur;        /* whose actions those are */
    FILE *text;                 /* the trace tail of the step, in tbuf */
    char *tbuf;
    size_t tlen;
};

rl *rl_new(const ir_spec *s, int profile, int machine, int self)
{
    rl *r = ar_alloc(sizeof *r);
    r->s = s;
    r->profile = profile;
    r->mi = machine;
    r->self = self;
    r->m = &s->machines[machine];
    r->width = RL_VARS + r->m->nvars;
    r->slots = ar_array((size_t)s->nslots + 1, sizeof *r->slots);
    r->inputs = ar_array((size_t)r->m->nstates * (size_t)s->nevents, sizeof *r->inputs);
    int most = 1;
    for (int k = 0; k < r->m->ntrans; k++)
        most = r->m->trans[k].nactions > most ? r->m->trans[k].nactions : most;
    r->assigned = ar_array((size_t)most, sizeof *r->assigned);
    r->sent = ar_array((size_t)most, sizeof *r->sent);
    r->num = ar_array((size_t)most, sizeof *r->num);
    return r;
}

int rl_width(const rl *r) { return r->width; }
int rl_machine(const rl *r) { return r->mi; }
int rl_self(const rl *r) { return r->self; }
const ir_spec *rl_spec(const rl *r) { return r->s; }
int rl_nconfigs(const rl *r) { return r->n; }
int32_t *rl_slots(rl *r) { return r->slots; }

const int32_t *rl_config(const rl *r, int id)
{
    return &r->cfgs[(size_t)id * (size_t)r->width];
}

int rl_pending(const int32_t *cfg, int cmd)
{
    return (int)(((uint32_t)cfg[1 + cmd / 32] >> (cmd % 32)) & 1u);
}

void rl_set_pending(int32_t *cfg, int cmd, int on)
{
    uint32_t w = (uint32_t)cfg[1 + cmd / 32], bit = 1u << (cmd % 32);
    cfg[1 + cmd / 32] = (int32_t)(on ? w | bit : w & ~bit);
}

static uint32_t rl_hash(const rl *r, const int32_t *cfg)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < r->width; i++) {
        h ^= (uint32_t)cfg[i];
        h *= 16777619u;
    }
    return h;
}

static int rl_find(const rl *r, const int32_t *cfg, uint32_t *at)
{
    uint32_t mask = (uint32_t)r->hcap - 1u, i = rl_hash(r, cfg) & mask;
    for (; r->hash[i]; i = (i + 1u) & mask)
        if (memcmp(rl_config(r, r->hash[i] - 1), cfg, (size_t)r->width * sizeof *cfg) == 0)
            break;
    *at = i;
    return r->hash[i] - 1;
}

static void rl_grow(rl *r)
{
    int cap = r->cap ? r->cap * 2 : 256;
    int32_t *c = ar_array((size_t)cap * (size_t)r->width, sizeof *c);
    if (r->n)
        memcpy(c, r->cfgs, (size_t)r->n * (size_t)r->width * sizeof *c);
    r->cfgs = c;
    r->cap = cap;
    r->hcap = cap * 2;
    r->hash = ar_array((size_t)r->hcap, sizeof *r->hash);
    for (int k = 0; k < r->n; k++) {
        uint32_t at;
        rl_find(r, rl_config(r, k), &at);
        r->hash[at] = k + 1;
    }
}

int rl_add(rl *r, const int32_t *cfg)
{
    uint32_t at;
    if (r->n == r->cap)
        rl_grow(r);
    int k = rl_find(r, cfg, &at);
    if (k >= 0)
        return k;
    memcpy(&r->cfgs[(size_t)r->n * (size_t)r->width], cfg, (size_t)r->width * sizeof *cfg);
    r->hash[at] = ++r->n;
    return r->n - 1;
}

void rl_initial(const rl *r, int32_t *cfg)
{
    cfg[0] = r->m->initial;
    cfg[1] = cfg[2] = 0;
    for (int i = 0; i < r->m->nvars; i++) {
        const ir_var *v = &r->s->vars[r->m->vars[i]];
        cfg[RL_VARS + i] = v->nvalues ? ir_const(r->s, v->values[0], r->profile) : 0;
    }
}

/* ---- what a state and event read --------------------------------------- */

static int rl_expr_reads_self(const ir_expr *e)
{
    return e && (e->kind == IR_E_SELF || rl_expr_reads_self(e->a) || rl_expr_reads_self(e->b));
}

int rl_reads_self(const ir_spec *s, int m)
{
    const ir_machine *mm = &s->machines[m];
    for (int k = 0; k < mm->ntrans; k++) {
        const ir_trans *t = &mm->trans[k];
        if (rl_expr_reads_self(t->xguard))
            return 1;
        for (int a = 0; a < t->nactions; a++)
            if (rl_expr_reads_self(t->actions[a].value) || rl_expr_reads_self(t->actions[a].index))
                return 1;
    }
    return 0;
}

/* ev_collect (into a space of this instance: an array element indexed by
 * an expression of `self` is that one element, ev_space.self), but the right
 * operand of a logical operator whose left one the profile decides
 * whatever the state (prune.h: `spawned_backup && !nsb_configured` where
 * spawned_backup is 0) is not read, as in the C. */
static void rl_collect(rl *r, ev_space *sp, const ir_expr *e)
{
    const ir_spec *s = r->s;
    int64_t known;
    if (!e)
        return;
    if (e->kind == IR_E_AND || e->kind == IR_E_OR || e->kind == IR_E_IMPLIES) {
        /* as the C evaluates it, left to right with short circuit: what a
         * left operand the profile decides cuts off is never read */
        rl_collect(r, sp, e->a);
        if (ir_known(s, r->profile, e->a, &known)
            && (e->kind == IR_E_OR ? known != 0 : known == 0))
            return;
        rl_collect(r, sp, e->b);
        return;
    }
    switch (e->kind) {
    case IR_E_VAR:
    case IR_E_MVAR:
    case IR_E_INDEX:
    case IR_E_COUNT:
    case IR_E_PENDING:
    case IR_E_SELF:
    case IR_E_STATE:
        ev_collect(sp, s, r->profile, r->mi, e);   /* and what it reads below */
        return;
    default:
        rl_collect(r, sp, e->a);
        rl_collect(r, sp, e->b);
    }
}

/* Only the plant and the options: the rest is the configuration. */
static int rl_is_input(const ir_spec *s, const ev_atom *a)
{
    return a->var >= 0 && (s->vars[a->var].kind == IR_V_PLANT || s->vars[a->var].kind == IR_V_OPTION);
}

/* Mark in sig[member] the counts of pool var that e makes (bit per count). */
static void rl_count_sets(const ir_expr *e, int var, uint64_t *sig, int *ncounts)
{
    if (!e)
        return;
    if (e->kind == IR_E_COUNT && e->var == var && e->machine < 0) {
        int bit = (*ncounts)++ % 64;
        for (int k = 0; k < e->nvals; k++)
            sig[e->vals[k]] |= (uint64_t)1 << bit;
    }
    if (e->kind != IR_E_STATE && e->kind != IR_E_MVAR) {
        rl_count_sets(e->a, var, sig, ncounts);
        rl_count_sets(e->b, var, sig, ncounts);
    }
}

static void rl_pool_groups(const rl *r, int st, int ev, const ev_atom *a, rl_space *in)
{
    if (in->npools == (int)(sizeof in->pools / sizeof in->pools[0]) || a->members > 64) {
        in->overflow = 1;
        return;
    }
    uint64_t sig[64] = { 0 };
    int ncounts = 0;
    for (int k = 0; k < r->m->ntrans; k++) {
        const ir_trans *t = &r->m->trans[k];
        if (t->from != st || t->event != ev)
            continue;
        rl_count_sets(t->xguard, a->var, sig, &ncounts);
        for (int x = 0; x < t->nactions; x++) {
            rl_count_sets(t->actions[x].value, a->var, sig, &ncounts);
            rl_count_sets(t->actions[x].index, a->var, sig, &ncounts);
        }
    }
    if (ncounts > 64)                   /* the bits no longer separate the sets */
        in->overflow = 1;
    rl_pool *p = &in->pools[in->npools++];
    p->var = a->var;
    p->slot = a->slot;
    p->members = a->members;
    p->size = a->size;
    p->ngroups = 0;
    for (int k = 0; k < a->members; k++) {
        int g = 0;
        while (g < p->ngroups && sig[p->rep[g]] != sig[k])
            g++;
        if (g == p->ngroups) {
            if (p->ngroups == (int)(sizeof p->rep / sizeof p->rep[0])) {
                in->overflow = 1;
                return;
            }
            p->rep[p->ngroups++] = k;
        }
    }
}

const rl_space *rl_inputs(rl *r, int st, int ev)
{
    const ir_spec *s = r->s;
    rl_space **slot = &r->inputs[(size_t)st * (size_t)s->nevents + (size_t)ev];
    if (*slot)
        return *slot;
    ev_space all;
    rl_space *in = ar_alloc(sizeof *in);
    ev_space_init(&all);
    ev_space_init(&in->scalars);
    all.self = r->m->count ? r->self : -1;
    for (int k = 0; k < r->m->ntrans; k++) {
        const ir_trans *t = &r->m->trans[k];
        if (t->from != st || t->event != ev)
            continue;
        rl_collect(r, &all, t->xguard);
        for (int a = 0; a < t->nactions; a++) {
            rl_collect(r, &all, t->actions[a].value);
            rl_collect(r, &all, t->actions[a].index);
        }
    }
    for (int i = 0; i < all.n; i++) {
        const ev_atom *a = &all.atoms[i];
        if (!rl_is_input(s, a))
            continue;
        if (a->kind == EV_A_POOL)
            rl_pool_groups(r, st, ev, a, in);
        else
            in->scalars.atoms[in->scalars.n++] = *a;
    }
    in->overflow |= all.overflow;
    *slot = in;
    return in;
}

/* A pool's valuation: group g's share on member rep[g], every other member 0. */
static void rl_pool_first(const rl_pool *p, int32_t *slots)
{
    for (int k = 0; k < p->members; k++)
        slots[p->slot + k] = 0;
    slots[p->slot + p->rep[p->ngroups - 1]] = p->size;
}

/* The next share: the first ngroups-1 shares are digits whose sum may not
 * exceed size; the last group takes the rest. */
static int rl_pool_next(const rl_pool *p, int32_t *slots)
{
    int32_t *last = &slots[p->slot + p->rep[p->ngroups - 1]];
    for (int g = 0; g + 1 < p->ngroups; g++) {
        int32_t *c = &slots[p->slot + p->rep[g]];
        (*c)++;
        (*last)--;
        if (*last >= 0)
            return 1;
        *last += *c;
        *c = 0;
    }
    return 0;
}

void rl_first(const rl_space *sp, int32_t *slots)
{
    ev_first(&sp->scalars, slots);
    for (int i = 0; i < sp->npools; i++)
        rl_pool_first(&sp->pools[i], slots);
}

int rl_next(const rl_space *sp, int32_t *slots)
{
    if (ev_next(&sp->scalars, slots))
        return 1;
    for (int i = 0; i < sp->npools; i++)
        if (rl_pool_next(&sp->pools[i], slots))
            return 1;
    return 0;
}

uint64_t rl_space_size(const rl_space *sp)
{
    uint64_t n = ev_space_size(&sp->scalars);
    for (int i = 0; i < sp->npools; i++) {
        const rl_pool *p = &sp->pools[i];
        uint64_t k = 1;                   /* C(size + groups - 1, groups - 1) */
        for (int g = 1; g < p->ngroups; g++)
            k = k * (uint64_t)(p->size + g) / (uint64_t)g;
        n = k && n > UINT64_MAX / k ? UINT64_MAX : n * k;
    }
    return n;
}

/* ---- one step ------------------------------------------------------------ */

static const char *rl_assigned(void *ctx, const ir_action *a)
{
    rl *r = ctx;
    return r->assigned[a - r->cur->actions];
}

static long rl_sent(void *ctx, const ir_action *a)
{
    rl *r = ctx;
    return r->sent[a - r->cur->actions];
}

static void rl_contract(rl_outcome *o, int id)
{
    if (o->ncontracts < (int)(sizeof o->contracts / sizeof o->contracts[0]))
        o->contracts[o->ncontracts++] = id;
}

static void rl_load(rl *r, const int32_t *cfg)
{
    const ir_machine *m = r->m;
    r->slots[m->state_slot] = cfg[0];
    r->slots[m->self_slot] = r->self;
    for (int c = 0; c < r->s->ncmds; c++)
        r->slots[m->pending_slot + c] = rl_pending(cfg, c);
    for (int i = 0; i < m->nvars; i++)
        r->slots[r->s->vars[m->vars[i]].slot] = cfg[RL_VARS + i];
}

static ev_env rl_env(rl *r)
{
    ev_env env;
    memset(&env, 0, sizeof env);
    env.spec = r->s;
    env.profile = r->profile;
    env.machine = r->mi;
    env.slots = r->slots;
    return env;
}

/* Run t's actions on the configuration in next and the slots. */
static void rl_actions(rl *r, const ir_trans *t, rl_outcome *o, int32_t *next)
{
    const ir_spec *s = r->s;
    ev_env env = rl_env(r);
    for (int k = 0; k < t->nactions; k++) {
        const ir_action *a = &t->actions[k];
        switch (a->kind) {
        case IR_A_ISSUE:
            if (rl_pending(next, a->cmd))
                rl_contract(o, 108);
            else
                rl_set_pending(next, a->cmd, 1);
            break;
        case IR_A_CANCEL:
            rl_set_pending(next, a->cmd, 0);
            break;
        case IR_A_ASSIGN: {
            const ir_var *v = &s->vars[a->var];
            int32_t lo, hi, val = (int32_t)ev_eval(&env, a->value);
            ir_bounds(s, &v->elem, r->profile, &lo, &hi);
            const char *name = ir_value_name(s, &v->elem, val);   /* a number: a static buffer */
            if ((name[0] >= '0' && name[0] <= '9') || name[0] == '-')
                name = strcpy(r->num[k], name);
            r->assigned[k] = name;
            if (val < lo || val > hi) {
                rl_contract(o, 111);
                break;
            }
            r->slots[v->slot] = val;
            for (int i = 0; i < r->m->nvars; i++)
                if (r->m->vars[i] == a->var)
                    next[RL_VARS + i] = val;
            break;
        }
        case IR_A_SEND:
            r->sent[k] = !a->index ? (s->machines[a->machine].count ? -1 : 0)
                                   : (long)ev_eval(&env, a->index);
            break;
        case IR_A_CONSOLE:
            break;
        }
    }
}

static void rl_step_to(rl *r, const int32_t *cfg, int ev, rl_outcome *o, FILE *out, int32_t *next)
{
    const ir_spec *s = r->s;
    const ir_machine *m = r->m;
    const ir_event *e = &s->events[ev];
    int st = cfg[0];
    memset(o, 0, sizeof *o);
    memcpy(next, cfg, (size_t)r->width * sizeof *cfg);
    o->where = m->states[st].at;
    if (e->kind == IR_EV_OUTCOME) {
        if (!rl_pending(cfg, e->cmd)) {      /* dropped when posted */
            o->stale = 1;
            fputs("stale", out);
            return;
        }
        rl_set_pending(next, e->cmd, 0);      /* taken from the queue: no longer pending */
    }
    rl_load(r, next);
    ev_env env = rl_env(r);
    const ir_trans *t = NULL;
    int held = 0;
    for (int k = 0; k < m->ntrans; k++) {
        const ir_trans *c = &m->trans[k];
        if (c->from == st && c->event == ev && (!c->xguard || ev_eval(&env, c->xguard))) {
            held++;
            t = c;
        }
    }
    js_values v = { r, rl_assigned, rl_sent };
    if (held > 1) {                           /* never picks one of two */
        rl_contract(o, 105);
        o->policy = "nondeterministic";
        js_machine_tail(out, s, r->mi, NULL, st, ev, o->policy, &v);
        return;
    }
    if (!t) {
        size_t at = (size_t)st * (size_t)s->nevents + (size_t)ev;
        int p = m->policy[at];
        o->policy = p == IR_P_IGNORE ? "ignored" : p == IR_P_REJECT ? "rejected" : "undecided";
        if (p != IR_P_IGNORE && p != IR_P_REJECT)
            rl_contract(o, m->arrives[at] ? 104 : 103);
        js_machine_tail(out, s, r->mi, NULL, st, ev, o->policy, &v);
        return;
    }
    o->t = t;
    o->where = t->at;
    next[0] = t->to;
    rl_actions(r, t, o, next);
    r->cur = t;
    js_machine_tail(out, s, r->mi, t, st, ev, NULL, &v);
}

const char *rl_step(rl *r, const int32_t *cfg, int ev, rl_outcome *o, int32_t *next)
{
    if (!r->text && !(r->text = open_memstream(&r->tbuf, &r->tlen))) {
        diag_plain("out of memory for the relation");
        return NULL;
    }
    rewind(r->text);
    rl_step_to(r, cfg, ev, o, r->text, next);
    fputc('\0', r->text);
    if (fflush(r->text) != 0) {
        diag_plain("out of memory for the relation");
        return NULL;
    }
    return r->tbuf;
}

long rl_sent_to(const rl *r, int k)
{
    return r->sent[k];
}

void rl_free(rl *r)
{
    if (r->text)
        fclose(r->text);
    free(r->tbuf);
    r->text = NULL;
    r->tbuf = NULL;
}

/* ---- descriptions -------------------------------------------------------- */

void rl_print_config(FILE *out, const rl *r, const int32_t *cfg, const char *sep)
{
    const ir_spec *s = r->s;
    fprintf(out, "%s%s", r->m->states[cfg[0]].name, sep);
    int n = 0;
    for (int c = 0; c < s->ncmds; c++)
        if (rl_pending(cfg, c))
            fprintf(out, "%s%s", n++ ? "," : "", s->cmds[c].name);
    fprintf(out, "%s%s", n ? "" : "-", sep);
    for (int i = 0; i < r->m->nvars; i++)
        fprintf(out, "%s%s=%ld", i ? "," : "", s->vars[r->m->vars[i]].name, (long)cfg[RL_VARS + i]);
    if (!r->m->nvars)
        fputc('-', out);
}

void rl_print_inputs(FILE *out, const rl *r, const rl_space *sp)
{
    const ir_spec *s = r->s;
    int n = 0;
    for (int i = 0; i < sp->scalars.n; i++) {
        const ev_atom *a = &sp->scalars.atoms[i];
        const ir_var *v = &s->vars[a->var];
        fprintf(out, "%s%s", n++ ? "," : "", v->name);
        if (v->shape == IR_ARRAY)
            fprintf(out, "[%d]", a->slot - v->slot);
        fprintf(out, "=%ld", (long)r->slots[a->slot]);
    }
    for (int i = 0; i < sp->npools; i++) {
        const rl_pool *p = &sp->pools[i];
        const ir_var *v = &s->vars[p->var];
        for (int k = 0; k < p->members; k++)
            fprintf(out, "%s%s[%s]=%ld", n++ ? "," : "", v->name, s->enums[v->elem.id].members[k],
                    (long)r->slots[p->slot + k]);
    }
    if (!n)
        fputc('-', out);
}
