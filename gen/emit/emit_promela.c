/* emit_promela.c - the closed-system Promela model of one family profile.
 *
 * The fixed text and the semantics are in gen/emit/tmpl/promela.in; this file
 * fills its insertion points from the IR.  Names in the model:
 *
 *   E_<enum>_<member>, S_<machine>_<state>, EV_<event> (the '.' of an
 *   outcome event written "__"), P_<param>   #define'd constants
 *   o_<option>, p_<plant>                    options and plant variables
 *   c_<machine>_<var>[instance]              controller variables
 *   st_<machine>[i], q_<machine>[i]          state and event queue
 *   pc_<machine>_<cmd>[i]                    0 idle, 1 in flight, 2 outcome queued
 *   n_<env>                                  occurrences of a fault or operator action
 *
 * Markers for the proof tools (mk/proofs.sh): every transition, outcome and
 * environment branch carries a comment "@T m k", "@O ...", "@E ..." on the
 * line of its d_step (pan's unreached-code report gives that line), and
 * every assertion a comment "@A KIND [ID]" on its own line.  Replayed
 * trails (spin -t) print "@T machine instance trans", "@U machine instance
 * state event", "@O machine instance cmd outcome", "@E env instance" and
 * "@V var cell value" for the values a step wrote; issu-gen --scenario turns
 * them into scenarios with the IR's names.
 */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "prune.h"
#include "symmetry.h"
#include "template.h"

typedef struct pm {
    FILE *out;                  /* the model */
    const ir_spec *s;           /* the spec */
    int p;                      /* the profile */
    int machine;                /* machine whose code is written, or -1 */
    const char *self;           /* its instance expression ("self", "0") */
    int ltl;                    /* writing an LTL formula */
    ir_live live;               /* what the profile has (prune.h): nothing else is written */
    const unsigned char *abs;   /* --abstract: per variable, EM_ABS_* (emit.h), or NULL */
    int in_test;                /* writing a test of three values: dropped cells may be read */
    const ir_expr *kept;        /* writing a cell written only when index `kept` < 1 */
    const ir_expr **pexpr;      /* [property]: as the model checks it (pm_forall), NULL: left out */
    unsigned char *first;       /* [property]: an 'each M' one checked at instance 0 only */
    int at_first;               /* writing one: its own elements (`x[self]`) are kept */
    int mid;                    /* writing a test inside a step's effects: no lemma holds there */
    int nsub;                   /* writing a test with dropped elements given values: */
    int sub_var[8];             /* ... these variables' elements read ... */
    int32_t sub_val[8];         /* ... as these values (pm_lemma_test) */
} pm;

/* ---- names and values --------------------------------------------------- */

static void pm_event(pm *c, int e)
{
    fputs("EV_", c->out);
    for (const char *n = c->s->events[e].name; *n; n++)
        fputs(*n == '.' ? "__" : (char[2]){ *n, 0 }, c->out);
}

static void pm_value(pm *c, const ir_type *t, int32_t v)
{
    if (t->kind == IR_T_ENUM)
        fprintf(c->out, "E_%s_%s", c->s->enums[t->id].name, c->s->enums[t->id].members[v]);
    else if (t->kind == IR_T_STATE)
        fprintf(c->out, "S_%s_%s", c->s->machines[t->id].name, c->s->machines[t->id].states[v].name);
    else
        fprintf(c->out, "%ld", (long)v);
}

static int32_t pm_size(const pm *c, const ir_var *v)
{
    return ir_size(c->s, v, c->p);
}

static int pm_instances(const pm *c, int m)
{
    return (int)ir_instances(c->s, &c->s->machines[m], c->p);
}

/* The scalar cell of variable v: the element index expression is written by
 * the caller after "[" for arrays and controller variables. */
static void pm_var_name(pm *c, const ir_var *v)
{
    if (v->kind == IR_V_OPTION)
        fprintf(c->out, "o_%s", v->name);
    else if (v->kind == IR_V_CTRL)
        fprintf(c->out, "c_%s_%s", c->s->machines[v->machine].name, v->name);
    else
        fprintf(c->out, "p_%s", v->name);
}

/* ---- expressions -------------------------------------------------------- */

/* How --abstract drops the cells of variable var: EM_ABS_* or 0 (emit.h). */
static int pm_abs(const pm *c, int var)
{
    return c->abs && var >= 0 ? c->abs[var] : 0;
}

/* Variable v as --abstract names it: NAME, or MACHINE.VAR for a machine's. */
static const char *pm_abs_name(const pm *c, int v)
{
    const ir_var *x = &c->s->vars[v];
    return x->kind == IR_V_CTRL ? ar_printf("%s.%s", c->s->machines[x->machine].name, x->name) : x->name;
}

static void pm_expr(pm *c, const ir_expr *e);
static int pm_reads_dropped(const pm *c, const ir_expr *e);
static void pm_dropped_read(pm *c, const ir_expr *e);

static void pm_index(pm *c, const ir_expr *idx)
{
    if (idx)
        pm_expr(c, idx);
    else
        fputs(c->self, c->out);
}

/* One controller variable cell of machine instance 'inst' (NULL: self). */
static void pm_ctrl(pm *c, const ir_var *v, const ir_expr *inst, const ir_expr *elem)
{
    pm_var_name(c, v);
    fputc('[', c->out);
    pm_index(c, inst);
    if (v->shape != IR_SCALAR) {
        fprintf(c->out, " * %ld + ", (long)pm_size(c, v));
        pm_expr(c, elem);
    }
    fputc(']', c->out);
}

static void pm_count(pm *c, const ir_expr *e)
{
    fputc('(', c->out);
    if (e->machine >= 0) {
        for (int i = 0; i < pm_instances(c, e->machine); i++)
            for (int k = 0; k < e->nvals; k++)
                fprintf(c->out, "%s(st_%s[%d] == S_%s_%s)", i || k ? " + " : "",
                        c->s->machines[e->machine].name, i, c->s->machines[e->machine].name,
                        c->s->machines[e->machine].states[e->vals[k]].name);
    } else if (!c->live.var[e->var]) {
        fputc('0', c->out);         /* the profile has no element of it */
    } else {
        const ir_var *v = &c->s->vars[e->var];
        int pool = v->shape == IR_POOL;
        for (int i = 0; i < (pool ? 1 : pm_size(c, v)); i++) {
            fputs(i ? " + (" : "(", c->out);
            for (int k = 0; k < e->nvals; k++) {
                fputs(k ? (pool ? " + " : " || ") : "", c->out);
                pm_var_name(c, v);
                if (pool) {
                    fputc('[', c->out);
                    pm_value(c, &v->elem, e->vals[k]);
                    fputc(']', c->out);
                } else {
                    fprintf(c->out, "[%d] == ", i);
                    pm_value(c, &v->elem, e->vals[k]);
                }
            }
            fputc(')', c->out);
        }
    }
    fputc(')', c->out);
}

static void pm_binary(pm *c, const char *op, const ir_expr *e)
{
    fputc('(', c->out);
    pm_expr(c, e->a);
    fprintf(c->out, " %s ", op);
    pm_expr(c, e->b);
    fputc(')', c->out);
}

static void pm_logic(pm *c, const ir_expr *e)
{
    /* An operand the profile decides and that does not decide the whole
     * (`true && x`, `false || x`) is left out: `!same_version && x` is `x`
     * in a profile without same_version, as if the spec had said only x. */
    int64_t ka, kb;
    if (e->kind == IR_E_AND || e->kind == IR_E_OR) {
        int64_t unit = e->kind == IR_E_AND;
        if (ir_known(c->s, c->p, e->a, &ka) && (ka != 0) == unit) {
            pm_expr(c, e->b);
            return;
        }
        if (ir_known(c->s, c->p, e->b, &kb) && (kb != 0) == unit) {
            pm_expr(c, e->a);
            return;
        }
    }
    if (e->kind == IR_E_IMPLIES && !c->ltl) {
        fputs("(!(", c->out);
        pm_expr(c, e->a);
        fputs(") || ", c->out);
        pm_expr(c, e->b);
        fputc(')', c->out);
    } else if (e->kind == IR_E_IFF && !c->ltl) {
        fputs("(!(", c->out);
        pm_expr(c, e->a);
        fputs(") == !(", c->out);
        pm_expr(c, e->b);
        fputs("))", c->out);
    } else {
        pm_binary(c, ir_binop(e->kind), e);
    }
}

static void pm_expr(pm *c, const ir_expr *e)
{
    const ir_var *v = e->var >= 0 ? &c->s->vars[e->var] : NULL;
    int64_t known;
    if (e->kind != IR_E_CONST && e->kind != IR_E_PARAM && ir_known(c->s, c->p, e, &known)) {
        /* decided by the profile whatever the state: its value, so that
         * nothing the profile leaves out is read (prune.h) */
        pm_value(c, &e->type, (int32_t)known);
        return;
    }
    if (pm_abs(c, e->var) && (e->kind == IR_E_VAR || e->kind == IR_E_MVAR || e->kind == IR_E_INDEX
                              || e->kind == IR_E_COUNT)
        && pm_reads_dropped(c, e))
        pm_dropped_read(c, e);
    switch (e->kind) {
    case IR_E_CONST:
        pm_value(c, &e->type, e->value);
        break;
    case IR_E_PARAM:
        fprintf(c->out, "P_%s", v->name);
        break;
    case IR_E_VAR:
        if (v->kind == IR_V_CTRL)
            pm_ctrl(c, v, NULL, NULL);
        else
            pm_var_name(c, v);
        break;
    case IR_E_INDEX:
        for (int k = 0; k < c->nsub; k++)
            if (c->sub_var[k] == e->var) {   /* a value of the dropped element */
                pm_value(c, &e->type, c->sub_val[k]);
                return;
            }
        if (v->kind == IR_V_CTRL) {
            pm_ctrl(c, v, NULL, e->a);
        } else {
            pm_var_name(c, v);
            fputc('[', c->out);
            pm_expr(c, e->a);
            fputc(']', c->out);
        }
        break;
    case IR_E_COUNT:
        pm_count(c, e);
        break;
    case IR_E_SIZE:
        fprintf(c->out, "%ld", (long)(e->machine >= 0 ? pm_instances(c, e->machine) : pm_size(c, v)));
        break;
    case IR_E_STATE:
        fprintf(c->out, "st_%s[", c->s->machines[e->machine].name);
        if (e->a)
            pm_expr(c, e->a);
        else
            fputs(c->machine == e->machine ? c->self : "0", c->out);
        fputc(']', c->out);
        break;
    case IR_E_MVAR:
        if (e->a || c->machine == e->machine)
            pm_ctrl(c, v, e->a, NULL);
        else {
            pm_var_name(c, v);
            fputs("[0]", c->out);
        }
        break;
    case IR_E_PENDING:
        fprintf(c->out, "(pc_%s_%s[%s] != 0)", c->s->machines[c->machine].name,
                c->s->cmds[e->cmd].name, c->self);
        break;
    case IR_E_SELF:
        fputs(c->self, c->out);
        break;
    case IR_E_NOT:
    case IR_E_NEG:
        fputs(e->kind == IR_E_NOT ? "!" : "-", c->out);
        fputc('(', c->out);
        pm_expr(c, e->a);
        fputc(')', c->out);
        break;
    case IR_E_AND: case IR_E_OR: case IR_E_IMPLIES: case IR_E_IFF: case IR_E_UNTIL:
        pm_logic(c, e);
        break;
    case IR_E_EQ: case IR_E_NE: case IR_E_LT: case IR_E_LE: case IR_E_GT: case IR_E_GE:
    case IR_E_ADD: case IR_E_SUB:
        pm_binary(c, ir_binop(e->kind), e);
        break;
    case IR_E_ALWAYS:
    case IR_E_EVENTUALLY:
        fputs(e->kind == IR_E_ALWAYS ? "[] (" : "<> (", c->out);
        pm_expr(c, e->a);
        fputc(')', c->out);
        break;
    }
}

/* ---- the localization abstraction (--abstract, emit.h) -------------------- */

/* The dropped cells e reads: returns 1 if some read drops its cell whatever
 * the state, else puts the index of each read of an array element that is
 * dropped only from index 1 on (EM_ABS_REST) in idx[*n]. */
static int pm_drops(const pm *c, const ir_expr *e, const ir_expr **idx, int max, int *n)
{
    int64_t k;
    if (!e || (e->kind != IR_E_CONST && e->kind != IR_E_PARAM && ir_known(c->s, c->p, e, &k)))
        return 0;
    int a = pm_abs(c, e->var);
    if (a && (e->kind == IR_E_VAR || e->kind == IR_E_MVAR))
        return 1;
    if (a && e->kind == IR_E_COUNT && e->machine < 0 && (a == EM_ABS_ALL || pm_size(c, &c->s->vars[e->var]) > 1))
        return 1;
    if (a && e->kind == IR_E_INDEX) {
        if (a == EM_ABS_ALL)
            return 1;
        if (ir_known(c->s, c->p, e->a, &k)) {
            if (k >= 1)
                return 1;
        } else if (*n == max) {
            return 1;                   /* too many to test: dropped whatever the index */
        } else {
            idx[(*n)++] = e->a;
        }
    }
    return pm_drops(c, e->a, idx, max, n) || pm_drops(c, e->b, idx, max, n);
}

static int pm_reads_dropped(const pm *c, const ir_expr *e)
{
    const ir_expr *idx[8];
    int n = 0;
    return pm_drops(c, e, idx, 8, &n) || n > 0;
}

/* A boolean test in three values: with may, "some value of the dropped
 * cells makes e true"; else "every value does".  Connectives pass the
 * question down (negation swaps it); any other test that reads a dropped
 * cell is unknown when the cell is dropped. */
static int pm_lemma_test(pm *c, const ir_expr *e, int may);
static int pm_lemma_and(pm *c, const ir_expr *e, int may);
static int pm_prop_applies(const pm *c, const ir_prop *pr);

static void pm_test(pm *c, const ir_expr *e, int may)
{
    if (!pm_reads_dropped(c, e)) {
        pm_expr(c, e);
        return;
    }
    const ir_expr *idx[8];
    int n = 0;
    if (e->kind != IR_E_NOT && pm_lemma_test(c, e, may))
        return;                     /* one instance's elements, read together */
    switch (e->kind) {
    case IR_E_NOT:
        fputs("!(", c->out);
        pm_test(c, e->a, !may);
        fputc(')', c->out);
        return;
    case IR_E_AND:
        if (pm_lemma_and(c, e, may))
            return;
        /* fall through */
    case IR_E_OR:
        fputc('(', c->out);
        pm_test(c, e->a, may);
        fputs(e->kind == IR_E_AND ? " && " : " || ", c->out);
        pm_test(c, e->b, may);
        fputc(')', c->out);
        return;
    case IR_E_IMPLIES:
        fputs("(!(", c->out);
        pm_test(c, e->a, !may);
        fputs(") || ", c->out);
        pm_test(c, e->b, may);
        fputc(')', c->out);
        return;
    default:
        break;
    }
    if (pm_drops(c, e, idx, 8, &n)) {
        fputs(may ? "1" : "0", c->out);
        return;
    }
    fputs(may ? "((" : "(!(", c->out);
    for (int i = 0; i < n; i++) {
        fputs(i ? " || " : "", c->out);
        fputc('(', c->out);
        pm_expr(c, idx[i]);
        fputs(") >= 1", c->out);
    }
    fputs(may ? ") || " : ") && ", c->out);
    c->in_test++;
    pm_expr(c, e);
    c->in_test--;
    fputc(')', c->out);
}

/* A value read from a dropped cell outside a test: refused, unless it is
 * the cell being written (`x[self] = x[self] + 1`, written only when kept). */
static void pm_dropped_read(pm *c, const ir_expr *e)
{
    if (c->in_test || (c->at_first && e->kind == IR_E_INDEX && e->a->kind == IR_E_SELF))
        return;
    if (pm_abs(c, e->var) == EM_ABS_REST && e->kind == IR_E_INDEX && c->kept
        && e->a->kind == IR_E_SELF && c->kept->kind == IR_E_SELF)
        return;                     /* the writer's own element, written only when kept */
    diag_error(e->at, "'--abstract %s': its value is used here, not only tested; no value of a "
               "dropped cell is sound", pm_abs_name(c, e->var));
}

/* ---- properties at the kept instance (--abstract NAME[1..]) -------------- */

/* The symmetric machine that owns variable v (one element per instance,
 * gen/ir/symmetry.h), or -1. */
static int pm_owner(const pm *c, int v)
{
    for (int m = 0; m < c->s->nmachines; m++)
        if (c->s->machines[m].symmetric && sy_owned(c->s, m, &c->s->vars[v]))
            return m;
    return -1;
}

/* A count over an array that a symmetric machine owns, every element of it
 * dropped but the first. */
static int pm_rest_count(const pm *c, const ir_expr *e)
{
    return e->kind == IR_E_COUNT && e->machine < 0 && pm_abs(c, e->var) == EM_ABS_REST
        && pm_owner(c, e->var) >= 0;
}

static ir_expr *pm_node(ir_ekind k, ir_expr *a, ir_expr *b, loc at)
{
    ir_expr *e = ar_alloc(sizeof *e);
    memset(e, 0, sizeof *e);
    e->kind = k;
    e->type.kind = IR_T_BOOL;
    e->var = e->machine = e->cmd = -1;
    e->a = a;
    e->b = b;
    e->at = at;
    return e;
}

/* "a[j] in {vals}" for count(a, vals), negated with neg. */
static ir_expr *pm_elem_in(const pm *c, const ir_expr *cnt, int32_t j, int neg)
{
    const ir_var *v = &c->s->vars[cnt->var];
    ir_expr *zero = pm_node(IR_E_CONST, NULL, NULL, cnt->at), *x = NULL;
    zero->type.kind = IR_T_INT;
    zero->value = j;
    for (int k = 0; k < cnt->nvals; k++) {
        ir_expr *el = pm_node(IR_E_INDEX, zero, NULL, cnt->at), *val = pm_node(IR_E_CONST, NULL, NULL, cnt->at);
        el->var = cnt->var;
        el->type = v->elem;
        val->type = v->elem;
        val->value = cnt->vals[k];
        ir_expr *eq = pm_node(IR_E_EQ, el, val, cnt->at);
        x = x ? pm_node(IR_E_OR, x, eq, cnt->at) : eq;
    }
    return neg ? pm_node(IR_E_NOT, x, NULL, cnt->at) : x;
}

/* `count(a, V) OP k` (either side) as a claim on the elements: 'A' every
 * element in V, 'N' none, 'S' some, 'X' not every; 0 none of these. */
static int pm_count_claim(const pm *c, const ir_expr *e, const ir_expr **cnt)
{
    static const ir_ekind mirror[] = { [IR_E_EQ] = IR_E_EQ, [IR_E_NE] = IR_E_NE, [IR_E_LT] = IR_E_GT,
                                       [IR_E_LE] = IR_E_GE, [IR_E_GT] = IR_E_LT, [IR_E_GE] = IR_E_LE };
    int64_t k;
    ir_ekind op = e->kind;
    if (op != IR_E_EQ && op != IR_E_NE && op != IR_E_LT && op != IR_E_LE && op != IR_E_GT && op != IR_E_GE)
        return 0;                   /* not a comparison (a dropped bool read alone, say) */
    if (pm_rest_count(c, e->a) && ir_known(c->s, c->p, e->b, &k)) {
        *cnt = e->a;
    } else if (pm_rest_count(c, e->b) && ir_known(c->s, c->p, e->a, &k)) {
        *cnt = e->b;
        op = mirror[op];
    } else {
        return 0;
    }
    int64_t n = pm_size(c, &c->s->vars[(*cnt)->var]);
    switch (op) {
    case IR_E_EQ: return k == n ? 'A' : k == 0 ? 'N' : 0;
    case IR_E_NE: return k == 0 ? 'S' : k == n ? 'X' : 0;
    case IR_E_GE: return k == n ? 'A' : k == 1 ? 'S' : 0;
    case IR_E_GT: return k == n - 1 ? 'A' : k == 0 ? 'S' : 0;
    case IR_E_LE: return k == 0 ? 'N' : k == n - 1 ? 'X' : 0;
    case IR_E_LT: return k == 1 ? 'N' : k == n ? 'X' : 0;
    default: return 0;
    }
}

/* An invariant over the instances of a symmetric array, read at its first
 * instance: P holds in every state of the full model iff Q(0) does, where
 * P is "for every instance i, Q(i)" and Q(i) reads of the array only its
 * element i.  Since the full model is symmetric (the spec was checked so),
 * a state where Q(i) fails is a permutation of one where Q(0) fails, and
 * the first instance is kept whole.  P is in that form when each count over
 * a dropped array says "every element" where it is asserted (`== n`,
 * `== 0`) or "some element" where it is denied (`> 0` as an antecedent),
 * and no disjunction (`||`, `->`, once negations are pushed to the atoms)
 * has such counts on both sides: "for every i" passes through conjunctions
 * and through disjunctions with a side that does not depend on i.  Returns
 * Q(0), or NULL if P is not in the form; *has: Q reads the array. */
static const ir_expr *pm_forall(const pm *c, const ir_expr *e, int pos, int *has)
{
    *has = 0;
    if (!pm_reads_dropped(c, e))
        return e;
    const ir_expr *cnt = NULL, *x, *y;
    int hx, hy, claim;
    switch (e->kind) {
    case IR_E_NOT:
        x = pm_forall(c, e->a, !pos, has);
        return x ? pm_node(IR_E_NOT, (ir_expr *)x, NULL, e->at) : NULL;
    case IR_E_AND:
    case IR_E_OR:
    case IR_E_IMPLIES:
        x = pm_forall(c, e->a, e->kind == IR_E_IMPLIES ? !pos : pos, &hx);
        y = pm_forall(c, e->b, pos, &hy);
        if (!x || !y || (hx && hy && (e->kind == IR_E_AND ? !pos : pos)))
            return NULL;            /* a disjunction over i on both sides */
        *has = hx || hy;
        return pm_node(e->kind, (ir_expr *)x, (ir_expr *)y, e->at);
    case IR_E_EQ: case IR_E_NE: case IR_E_LT: case IR_E_LE: case IR_E_GT: case IR_E_GE:
        claim = pm_count_claim(c, e, &cnt);
        *has = 1;
        if (pos && (claim == 'A' || claim == 'N'))
            return pm_elem_in(c, cnt, 0, claim == 'N');
        if (!pos && (claim == 'S' || claim == 'X'))
            return pm_elem_in(c, cnt, 0, claim == 'X');
        return NULL;
    default:
        return NULL;
    }
}

/* 1 if every dropped cell e reads is its own instance's element of an
 * array symmetric machine m owns, dropped from index 1 on (`x[self]`). */
static int pm_own_only(const pm *c, int m, const ir_expr *e)
{
    if (!e)
        return 1;
    int a = pm_abs(c, e->var);
    if (a && (e->kind == IR_E_VAR || e->kind == IR_E_MVAR || e->kind == IR_E_COUNT))
        return !pm_reads_dropped(c, e);
    if (a && e->kind == IR_E_INDEX && !(a == EM_ABS_REST && e->a->kind == IR_E_SELF
                                         && sy_owned(c->s, m, &c->s->vars[e->var])))
        return !pm_reads_dropped(c, e);
    return pm_own_only(c, m, e->a) && pm_own_only(c, m, e->b);
}

/* The formula each property is checked by: its own, or read at the kept
 * instance (pm_forall), or NULL (left out: it reads a dropped cell).  An
 * 'each M' invariant of a symmetric M that reads only its own instance's
 * dropped elements is checked at instance 0, which is kept: it stands for
 * every instance, as in pm_forall (c->first). */
static const ir_expr **pm_checked(pm *c)
{
    const ir_expr **f = ar_array((size_t)c->s->nprops + 1, sizeof *f);
    c->first = ar_array((size_t)c->s->nprops + 1, 1);
    for (int k = 0; k < c->s->nprops; k++) {
        const ir_prop *pr = &c->s->props[k];
        int has, m = pr->machine;
        if (m >= 0) {
            c->machine = m;
            c->self = "0";
            c->first[k] = (unsigned char)(pm_reads_dropped(c, pr->expr) != 0);
            f[k] = !c->first[k] ? pr->expr
                 : pr->kind != IR_PROP_LTL && c->s->machines[m].symmetric && pm_own_only(c, m, pr->expr)
                 ? pr->expr : NULL;
            c->machine = -1;
            c->self = "0";
            continue;
        }
        f[k] = !pm_reads_dropped(c, pr->expr) ? pr->expr
             : pr->kind == IR_PROP_LTL ? NULL   /* "for every i" does not pass through <> */
             : pm_forall(c, pr->expr, 1, &has);
        if (f[k] && pm_reads_dropped(c, f[k]))
            f[k] = NULL;
    }
    return f;
}

/* A property's formula e as the model checks it: once, or for each instance
 * of its 'each M' joined by `join` (" && ": the property; " || ": a
 * witness that some instance reaches an antecedent), or at instance 0. */
static void pm_prop_formula(pm *c, const ir_prop *pr, const ir_expr *e, const char *join)
{
    if (pr->machine < 0) {
        pm_expr(c, e);
        return;
    }
    int was = c->machine, first = c->first[pr - c->s->props];
    int n = first ? 1 : pm_instances(c, pr->machine);
    const char *self = c->self;
    c->machine = pr->machine;
    c->at_first = first;
    fputc('(', c->out);
    for (int i = 0; i < n; i++) {
        c->self = ar_printf("%d", i);
        fputs(i ? join : "", c->out);
        fputc('(', c->out);
        pm_expr(c, e);
        fputc(')', c->out);
    }
    fputc(')', c->out);
    c->machine = was;
    c->self = self;
    c->at_first = 0;
}

/* ---- the lemmas of a dropped instance (--abstract NAME[1..]) ------------- */

/* A test of dropped elements is unknown, but not every value is possible:
 * the instance's elements satisfy every 'each M' invariant of its symmetric
 * machine M that the model checks at instance 0 (pm_checked).  Used as
 * lemmas at the other instances, those invariants cut the values a test
 * may see, as in the CMP method of parameterized verification (Chou,
 * Mannava, Park, FMCAD 2004): along any run of the full model, up to its
 * first state that breaks a checked property, every instance satisfies
 * every lemma, so the abstract model, whose tests allow every value the
 * lemmas allow, still has that run; and the first broken lemma, at instance
 * i, is broken at instance 0 in the permuted run (the full model is
 * symmetric), where the model checks it.  A test is given the lemmas whose
 * dropped reads are among its own (values enumerated, up to PM_LEMMA_MAX
 * combinations); a count over a dropped array is read element by element
 * (pm_count_claim) first.  Only tests of a state between steps (guards,
 * `when`) get lemmas: inside a step, after some of its effects, the state
 * is one no invariant speaks of (an effect's `if` gets none). */

#define PM_LEMMA_MAX 4096

/* Put variable v in the set vars[*n] (at most 8): 1 if it was there, 0 if
 * added, -1 if full. */
static int pm_var_add(int *vars, int *n, int v)
{
    for (int k = 0; k < *n; k++)
        if (vars[k] == v)
            return 1;
    if (*n == 8)
        return -1;
    vars[(*n)++] = v;
    return 0;
}

/* The dropped variables e reads, all as elements of index `*idx` (the
 * same expression, printed): 1 and vars[*n], or 0. */
static int pm_elem_reads(pm *c, const ir_expr *e, int *vars, int *n, const char **idx)
{
    if (!e)
        return 1;
    int a = pm_abs(c, e->var);
    if (a && (e->kind == IR_E_VAR || e->kind == IR_E_COUNT))
        return !pm_reads_dropped(c, e);
    if (a && e->kind == IR_E_INDEX) {
        if (a != EM_ABS_REST)
            return 0;
        FILE *was = c->out;
        char *buf = NULL;
        size_t len = 0;
        if (!(c->out = open_memstream(&buf, &len))) {
            c->out = was;
            return 0;
        }
        pm_expr(c, e->a);
        fclose(c->out);
        c->out = was;
        const char *i = ar_printf("%s", buf);
        free(buf);
        if (*idx && strcmp(*idx, i) != 0)
            return 0;
        *idx = i;
        if (pm_var_add(vars, n, e->var) < 0)
            return 0;
        return pm_elem_reads(c, e->a, vars, n, idx);
    }
    return pm_elem_reads(c, e->a, vars, n, idx) && pm_elem_reads(c, e->b, vars, n, idx);
}

/* Add the dropped variables lemma e reads (its own elements) to vars[*n];
 * *shared: one of them was there already.  0 if there would be more than 8. */
static int pm_lemma_vars(pm *c, const ir_expr *e, int *vars, int *n, int *shared)
{
    if (!e)
        return 1;
    if (pm_abs(c, e->var) && e->kind == IR_E_INDEX) {
        int r = pm_var_add(vars, n, e->var);
        if (r < 0)
            return 0;
        *shared |= r;
    }
    return pm_lemma_vars(c, e->a, vars, n, shared) && pm_lemma_vars(c, e->b, vars, n, shared);
}

/* The number of value combinations of vars[n]. */
static long pm_combos(const pm *c, const int *vars, int n)
{
    long combos = 1;
    for (int k = 0; k < n; k++) {
        int32_t lo, hi;
        ir_bounds(c->s, &c->s->vars[vars[k]].elem, c->p, &lo, &hi);
        combos *= (long)hi - lo + 1;
    }
    return combos;
}

/* Per element: `count(a, V) OP k` claims of every (some) element; as
 * the conjunction (disjunction) of the element tests, or NULL. */
static const ir_expr *pm_count_elements(const pm *c, const ir_expr *e)
{
    const ir_expr *cnt = NULL;
    int claim = pm_count_claim(c, e, &cnt);
    if (!claim)
        return NULL;
    ir_expr *x = NULL;
    for (int32_t j = 0; j < pm_size(c, &c->s->vars[cnt->var]); j++) {
        ir_expr *t = pm_elem_in(c, cnt, j, claim == 'N' || claim == 'X');
        x = !x ? t : pm_node(claim == 'A' || claim == 'N' ? IR_E_AND : IR_E_OR, x, t, e->at);
    }
    return x;
}

/* The conjuncts of e, flattened, in x[*n] (at most max). */
static void pm_conjuncts(const ir_expr *e, const ir_expr **x, int *n, int max)
{
    if (e->kind == IR_E_AND) {
        pm_conjuncts(e->a, x, n, max);
        pm_conjuncts(e->b, x, n, max);
    } else if (*n < max) {
        x[(*n)++] = e;
    } else {
        x[max - 1] = pm_node(IR_E_AND, (ir_expr *)x[max - 1], (ir_expr *)e, e->at);
    }
}

/* A conjunction with two or more counts that claim every element of arrays
 * one symmetric machine owns (`count(a, V) == n && count(b, W) == n`): read
 * per instance, the elements of one instance together, so that a lemma
 * relating them applies (`each M: ... -> a[self] != V || b[self] != W`).
 * 0 if e is not one. */
static int pm_lemma_and(pm *c, const ir_expr *e, int may)
{
    const ir_expr *x[32], *cnt[32];
    int n = 0, ng = 0, m = -1, claim[32], grouped[32] = { 0 };
    pm_conjuncts(e, x, &n, 32);
    for (int k = 0; k < n; k++) {
        const ir_expr *ct = NULL;
        int cl = x[k]->kind >= IR_E_EQ && x[k]->kind <= IR_E_GE ? pm_count_claim(c, x[k], &ct) : 0;
        int owner = cl == 'A' || cl == 'N' ? pm_owner(c, ct->var) : -1;
        if (owner < 0 || (m >= 0 && owner != m))
            continue;
        m = owner;
        cnt[ng] = ct;
        claim[ng++] = cl;
        grouped[k] = 1;
    }
    if (ng < 2)
        return 0;
    fputc('(', c->out);
    int first = 1;
    for (int k = 0; k < n; k++)
        if (!grouped[k]) {
            fputs(first ? "" : " && ", c->out);
            pm_test(c, x[k], may);
            first = 0;
        }
    for (int32_t j = 0; j < pm_size(c, &c->s->vars[cnt[0]->var]); j++) {
        ir_expr *t = NULL;
        for (int g = 0; g < ng; g++) {
            ir_expr *u = pm_elem_in(c, cnt[g], j, claim[g] == 'N');
            t = t ? pm_node(IR_E_AND, t, u, e->at) : u;
        }
        fputs(first ? "" : " && ", c->out);
        first = 0;
        if (!pm_reads_dropped(c, t))
            pm_expr(c, t);
        else if (!pm_lemma_test(c, t, may))
            pm_test(c, t, may);
    }
    fputc(')', c->out);
    return 1;
}

/* Write the test e (may or must) with the lemmas of its instance; 0 if it
 * has none (the caller writes it without). */
static int pm_lemma_test(pm *c, const ir_expr *e, int may)
{
    if (c->mid)
        return 0;                   /* a state inside a step may break a lemma */
    const ir_expr *el = pm_count_elements(c, e);
    if (el) {
        pm_test(c, el, may);
        return 1;
    }
    int vars[8], n = 0;
    const char *idx = NULL;
    if (!pm_elem_reads(c, e, vars, &n, &idx) || !n)
        return 0;
    int m = pm_owner(c, vars[0]);
    for (int k = 1; k < n && m >= 0; k++)
        if (pm_owner(c, vars[k]) != m)
            m = -1;
    if (m < 0)
        return 0;
    /* the lemmas that share a dropped variable with e; the others they
     * read are enumerated too, as long as the combinations stay few */
    const ir_prop *lem[64];
    int nl = 0;
    for (int k = 0; k < c->s->nprops && nl < 64; k++) {
        const ir_prop *pr = &c->s->props[k];
        int more[8], nm = n, shared = 0;
        memcpy(more, vars, sizeof more);
        if (pr->machine == m && pr->kind == IR_PROP_INVARIANT && pm_prop_applies(c, pr) && c->first[k]
            && pm_lemma_vars(c, pr->expr, more, &nm, &shared) && shared
            && pm_combos(c, more, nm) <= PM_LEMMA_MAX) {
            lem[nl++] = pr;
            memcpy(vars, more, sizeof more);
            n = nm;
        }
    }
    if (!nl)
        return 0;
    long combos = pm_combos(c, vars, n);
    int32_t lo[8], hi[8];
    for (int k = 0; k < n; k++)
        ir_bounds(c->s, &c->s->vars[vars[k]].elem, c->p, &lo[k], &hi[k]);
    /* kept (index 0): the test itself; dropped: over the values the lemmas allow */
    fprintf(c->out, "((!((%s) >= 1) && ", idx);
    c->in_test++;
    pm_expr(c, e);
    fprintf(c->out, ") || ((%s) >= 1 && (%s", idx, may ? "0" : "1");
    int was = c->machine;
    const char *self = c->self;
    for (long v = 0; v < combos; v++) {
        long r = v;
        c->nsub = n;
        for (int k = 0; k < n; k++) {
            long w = (long)hi[k] - lo[k] + 1;
            c->sub_var[k] = vars[k];
            c->sub_val[k] = (int32_t)(lo[k] + r % w);
            r /= w;
        }
        fputs(may ? " || (1" : " && (!(1", c->out);
        c->machine = m;
        c->self = idx;
        for (int k = 0; k < nl; k++) {
            fputs(" && (", c->out);
            pm_expr(c, lem[k]->expr);
            fputc(')', c->out);
        }
        c->machine = was;
        c->self = self;
        fputs(may ? " && " : ") || ", c->out);
        pm_expr(c, e);
        fputc(')', c->out);
    }
    c->nsub = 0;
    c->in_test--;
    fputs(")))", c->out);
    return 1;
}

/* ---- effects ------------------------------------------------------------ */

/* Nondeterministic effects (`= any`, `= {A, B}`) are expanded: the caller
 * writes one deterministic branch per variant, and site i of the walk
 * takes choice (variant / stride) % width. */
typedef struct pm_choice {
    long variant;               /* the branch being written */
    long stride;                /* product of the widths of the earlier sites */
} pm_choice;

static long pm_width(const pm *c, const ir_effect *f)
{
    if (pm_abs(c, f->var) == EM_ABS_ALL)
        return 1;                       /* never written (--abstract) */
    if (f->nvalues)
        return f->nvalues;
    int32_t lo, hi;
    ir_bounds(c->s, &c->s->vars[f->var].elem, c->p, &lo, &hi);
    return (long)hi - lo + 1;
}

/* Variants of an effect list (1 if it has no choice). */
static long pm_variants(const pm *c, const ir_effect *fx, int n)
{
    long k = 1;
    for (int i = 0; i < n; i++) {
        if (fx[i].kind == IR_F_CHOOSE)
            k *= pm_width(c, &fx[i]);
        else if (fx[i].kind == IR_F_IF)
            k *= pm_variants(c, fx[i].then_, fx[i].nthen) * pm_variants(c, fx[i].else_, fx[i].nelse);
    }
    return k;
}

static void pm_effects(pm *c, const ir_effect *fx, int n, pm_choice *ch, const char *ind);

static void pm_target(pm *c, const ir_effect *f)
{
    pm_var_name(c, &c->s->vars[f->var]);
    if (f->index) {
        fputc('[', c->out);
        pm_expr(c, f->index);
        fputc(']', c->out);
    }
}

static void pm_member(pm *c, const ir_var *v, int32_t member)
{
    fprintf(c->out, "p_%s[", v->name);
    pm_value(c, &v->elem, member);
    fputc(']', c->out);
}

/* move one: the first source member that has an element, as the C runtime
 * picks the lowest-numbered element; none at all is a spec error. */
static void pm_move_one(pm *c, const ir_effect *f, const ir_var *v, const char *ind)
{
    fprintf(c->out, "%sassert(", ind);
    for (int i = 0; i < f->nfrom; i++) {
        fputs(i ? " + " : "", c->out);
        pm_member(c, v, f->from[i]);
    }
    fprintf(c->out, " > 0);  /* @A MOVE %s */\n%sif\n", v->name, ind);
    for (int i = 0; i < f->nfrom; i++) {
        fprintf(c->out, "%s:: ", ind);
        pm_member(c, v, f->from[i]);
        fputs(" > 0 ->", c->out);
        if (f->from[i] != f->to) {
            fputc(' ', c->out);
            pm_member(c, v, f->from[i]);
            fputs("--; ", c->out);
            pm_member(c, v, f->to);
            fputs("++", c->out);
        } else {
            fputs(" skip", c->out);
        }
        fputc('\n', c->out);
    }
    fprintf(c->out, "%s:: else -> skip\n%sfi;\n", ind, ind);
}

static void pm_move(pm *c, const ir_effect *f, const char *ind)
{
    const ir_var *v = &c->s->vars[f->var];
    if (f->kind == IR_F_MOVE_ONE) {
        pm_move_one(c, f, v, ind);
        return;
    }
    for (int i = 0; i < f->nfrom; i++) {
        if (f->from[i] == f->to)
            continue;
        fputs(ind, c->out);
        pm_member(c, v, f->to);
        fputs(" = ", c->out);
        pm_member(c, v, f->to);
        fputs(" + ", c->out);
        pm_member(c, v, f->from[i]);
        fputs("; ", c->out);
        pm_member(c, v, f->from[i]);
        fputs(" = 0;\n", c->out);
    }
}

/* The cells an assignment or a choice writes: its element, or every
 * element of an array assigned as a whole (`a = NEW;`, as the evaluator
 * and the generated plant do; Promela's `p_a = v` would write p_a[0] only). */
static int32_t pm_cells(const pm *c, const ir_effect *f)
{
    const ir_var *v = &c->s->vars[f->var];
    return !f->index && v->shape == IR_ARRAY ? pm_size(c, v) : 1;
}

static void pm_cell(pm *c, const ir_effect *f, int32_t i)
{
    pm_target(c, f);
    if (!f->index && c->s->vars[f->var].shape == IR_ARRAY)
        fprintf(c->out, "[%ld]", (long)i);
}

/* The cells of f to write: all, or with --abstract NAME[1..] the first only
 * (an element: written only when its index is 0, in pm_effect). */
static int32_t pm_kept_cells(const pm *c, const ir_effect *f)
{
    return pm_abs(c, f->var) == EM_ABS_REST && !f->index ? 1 : pm_cells(c, f);
}

static void pm_effect(pm *c, const ir_effect *f, pm_choice *ch, const char *ind)
{
    if (f->kind != IR_F_IF && !c->live.var[f->var])
        return;                     /* on a variable the profile has no element of */
    if (f->kind != IR_F_IF && pm_abs(c, f->var) == EM_ABS_ALL)
        return;                     /* a dropped cell is never written (--abstract) */
    if (f->kind != IR_F_IF && pm_abs(c, f->var) == EM_ABS_REST && f->index && !c->kept) {
        /* an element dropped from index 1 on: written when it is the first,
         * as in the full model (its own `x[self]` may be read: pm_dropped_read) */
        fprintf(c->out, "%sif\n%s:: (", ind, ind);
        pm_expr(c, f->index);
        fputs(") < 1 ->\n", c->out);
        c->kept = f->index;
        pm_effect(c, f, ch, ar_printf("%s    ", ind));
        c->kept = NULL;
        fprintf(c->out, "%s    skip\n%s:: else -> skip\n%sfi;\n", ind, ind, ind);
        return;
    }
    switch (f->kind) {
    case IR_F_ASSIGN:
        for (int32_t i = 0; i < pm_kept_cells(c, f); i++) {
            fputs(ind, c->out);
            pm_cell(c, f, i);
            fputs(" = ", c->out);
            pm_expr(c, f->value);
            fputs(";\n", c->out);
        }
        break;
    case IR_F_CHOOSE: {
        long w = pm_width(c, f), k = (ch->variant / ch->stride) % w;
        ch->stride *= w;
        for (int32_t i = 0; i < pm_kept_cells(c, f); i++) {   /* one value for every cell */
            fputs(ind, c->out);
            pm_cell(c, f, i);
            fputs(" = ", c->out);
            if (f->nvalues) {
                pm_expr(c, f->values[k]);
            } else {
                int32_t lo, hi;
                ir_bounds(c->s, &c->s->vars[f->var].elem, c->p, &lo, &hi);
                pm_value(c, &c->s->vars[f->var].elem, (int32_t)(lo + k));
            }
            fputs(";  /* a choice of the plant */\n", c->out);
        }
        break;
    }
    case IR_F_MOVE_ONE:
    case IR_F_MOVE_ALL:
        pm_move(c, f, ind);
        break;
    case IR_F_IF: {
        const char *in2 = ar_printf("%s    ", ind);
        fprintf(c->out, "%sif\n%s:: ", ind, ind);
        c->mid++;                       /* the lemmas hold between steps, not inside one */
        pm_test(c, f->cond, 1);
        c->mid--;
        fputs(" ->\n", c->out);
        pm_effects(c, f->then_, f->nthen, ch, in2);
        if (pm_reads_dropped(c, f->cond)) {     /* both branches may be taken */
            fprintf(c->out, "%s    skip\n%s:: !(", ind, ind);
            c->mid++;
            pm_test(c, f->cond, 0);
            c->mid--;
            fputs(") ->\n", c->out);
        } else {
            fprintf(c->out, "%s    skip\n%s:: else ->\n", ind, ind);
        }
        pm_effects(c, f->else_, f->nelse, ch, in2);
        fprintf(c->out, "%s    skip\n%sfi;\n", ind, ind);
        break;
    }
    }
}

static void pm_effects(pm *c, const ir_effect *fx, int n, pm_choice *ch, const char *ind)
{
    for (int i = 0; i < n; i++)
        pm_effect(c, &fx[i], ch, ind);
}

/* ---- values for the replay ---------------------------------------------- */

/* Mark the variables an effect list may write. */
static void pm_mark(const ir_effect *fx, int n, unsigned char *w)
{
    for (int i = 0; i < n; i++) {
        w[fx[i].var >= 0 ? fx[i].var : 0] |= fx[i].kind != IR_F_IF;
        if (fx[i].kind == IR_F_IF) {
            pm_mark(fx[i].then_, fx[i].nthen, w);
            pm_mark(fx[i].else_, fx[i].nelse, w);
        }
    }
}

/* After a step, print "@V var cell value" for every cell of the marked
 * variables, so that a replay (spin -t) shows the plant as it changes.
 * Cells: array element, pool member, or machine instance (controller). */
static void pm_dump(pm *c, const unsigned char *w)
{
    for (int i = 0; i < c->s->nvars; i++) {
        const ir_var *v = &c->s->vars[i];
        if (!w[i] || v->kind == IR_V_PARAM || !c->live.var[i] || pm_abs(c, i) == EM_ABS_ALL)
            continue;
        long cells = v->shape == IR_POOL ? c->s->enums[v->elem.id].n
                   : v->shape == IR_ARRAY ? (long)pm_size(c, v) : 1;
        if (v->kind == IR_V_CTRL) {
            fprintf(c->out, "            printf(\"@V %d %%d %%d\\n\", %s, ", i, c->self);
            pm_ctrl(c, v, NULL, NULL);
            fputs(");\n", c->out);
            continue;
        }
        for (long k = 0; k < cells; k++) {
            fprintf(c->out, "            printf(\"@V %d %ld %%d\\n\", ", i, k);
            pm_var_name(c, v);
            if (v->shape != IR_SCALAR)
                fprintf(c->out, "[%ld]", k);
            fputs(");\n", c->out);
        }
    }
}

/* ---- what each machine does with each command --------------------------- */

/* 1 if a transition of machine m that the profile has takes an action of
 * kind k on command cmd. */
static int pm_uses(const pm *c, int m, ir_akind k, int cmd)
{
    const ir_machine *mm = &c->s->machines[m];
    for (int t = 0; t < mm->ntrans; t++)
        for (int a = 0; a < mm->trans[t].nactions; a++)
            if (mm->trans[t].actions[a].kind == k && mm->trans[t].actions[a].cmd == cmd
                && c->live.trans[m][mm->trans[t].id])
                return 1;
    return 0;
}

/* A property of the profile (prune.h) that the model can check: it reads no
 * dropped cell, or reads them at the kept instance (pm_forall). */
static int pm_prop_applies(const pm *c, const ir_prop *pr)
{
    return ir_prop_applies(c->s, c->p, &c->live, pr) && c->pexpr[pr - c->s->props];
}

/* The formula of a property as the model checks it. */
static const ir_expr *pm_pexpr(const pm *c, const ir_prop *pr)
{
    return c->pexpr[pr - c->s->props];
}

/* ---- insertion points ---------------------------------------------------- */

static void pm_banner(FILE *out, const void *ctx)
{
    const pm *c = ctx;
    const ir_profile *pr = &c->s->profiles[c->p];
    fprintf(out, "/* generated from %s by issu-gen for profile %s (family %s); do not edit */",
            c->s->file, pr->name, c->s->families[pr->family].name);
    fputc('\n', out);
    if (!c->abs)
        return;
    /* "@ABSTRACT cells...": the localization abstraction, for the proof tools */
    fputs("/* @ABSTRACT", out);
    for (int v = 0; v < c->s->nvars; v++)
        if (c->abs[v])
            fprintf(out, " %s%s", pm_abs_name(c, v), c->abs[v] == EM_ABS_REST ? "[1..]" : "");
    fputs(" */\n", out);
}

static void pm_defines(FILE *out, const void *ctx)
{
    const pm *c = ctx;
    const ir_spec *s = c->s;
    for (int v = 0; v < s->nvars; v++)
        if (s->vars[v].kind == IR_V_PARAM)
            fprintf(out, "#define P_%s %ld\n", s->vars[v].name, (long)s->profiles[c->p].param[v]);
    for (int e = 0; e < s->nenums; e++)
        for (int k = 0; k < s->enums[e].n; k++)
            fprintf(out, "#define E_%s_%s %d\n", s->enums[e].name, s->enums[e].members[k], k);
    for (int m = 0; m < s->nmachines; m++) {
        const ir_machine *mm = &s->machines[m];
        for (int st = 0; st < mm->nstates; st++)
            fprintf(out, "#define S_%s_%s %d\n", mm->name, mm->states[st].name, st);
        fprintf(out, "#define NI_%s %d      /* instances */\n", mm->name, pm_instances(c, m));
        fprintf(out, "#define QN_%s %d      /* queue bound */\n", mm->name, ir_queue_bound(s, m, c->p));
    }
    fputs("/* events: 0 is no event */\n", out);
    for (int e = 0; e < s->nevents; e++) {
        fputs("#define ", out);
        pm_event((pm *)c, e);
        fprintf(out, " %d\n", e + 1);
    }
}

/* ---- symmetry reduction (gen/ir/symmetry.h) ------------------------------ */

/* Is machine m reduced by symmetry in this profile (declared symmetric,
 * two instances or more)? */
static int pm_sym_first(const pm *c, int m);

static int pm_sym(const pm *c, int m)
{
    return c->s->machines[m].symmetric && pm_instances(c, m) > 1 + pm_sym_first(c, m);
}

/* How many machines are. */
static int pm_symmetric(const pm *c)
{
    int n = 0;
    for (int m = 0; m < c->s->nmachines; m++)
        n += pm_sym(c, m);
    return n;
}

/* Every cell of one instance of m, as a format with one %s: its index. */
static int pm_sym_fields(const pm *c, int m, const char **f, int max)
{
    const ir_spec *s = c->s;
    const char *n = s->machines[m].name;
    int k = 0;
    f[k++] = ar_printf("st_%s[%%s]", n);
    f[k++] = ar_printf("q_%s[%%s].n", n);
    for (int e = 0; e < ir_queue_bound(s, m, c->p) && k < max; e++)
        f[k++] = ar_printf("q_%s[%%s].e[%d]", n, e);
    for (int cmd = 0; cmd < s->ncmds && k < max; cmd++)
        if (pm_uses(c, m, IR_A_ISSUE, cmd))
            f[k++] = ar_printf("pc_%s_%s[%%s]", n, s->cmds[cmd].name);
    for (int v = 0; v < s->nvars && k < max; v++) {
        const ir_var *x = &s->vars[v];
        if (!c->live.var[v] || !((x->kind == IR_V_CTRL && x->machine == m) || sy_owned(s, m, x))
            || pm_abs(c, v) == EM_ABS_ALL)
            continue;
        if (x->kind == IR_V_CTRL && x->shape != IR_SCALAR)
            for (int32_t e = 0; e < pm_size(c, x) && k < max; e++)
                f[k++] = ar_printf("c_%s_%s[%%s * %ld + %ld]", n, x->name, (long)pm_size(c, x), (long)e);
        else if (x->kind == IR_V_CTRL)
            f[k++] = ar_printf("c_%s_%s[%%s]", n, x->name);
        else
            f[k++] = ar_printf("p_%s[%%s]", x->name);
    }
    return k;
}

#define PM_SYM_FIELDS 512               /* bound: cells of one instance */

/* The first instance of m the reduction sorts: 1 when --abstract keeps the
 * first element of an array m owns (that instance is not like the others). */
static int pm_sym_first(const pm *c, int m)
{
    for (int v = 0; v < c->s->nvars; v++)
        if (pm_abs(c, v) == EM_ABS_REST && sy_owned(c->s, m, &c->s->vars[v]))
            return 1;
    return 0;
}

/* canon_M(): insertion sort of m's instances by their cells, in
 * lexicographic order, so that the states of one orbit are stored as one;
 * each swap is printed ("@S m a b") for the replay of a trail. */
static void pm_sym_inline(pm *c, int m)
{
    const char *f[PM_SYM_FIELDS], *n = c->s->machines[m].name;
    int k = pm_sym_fields(c, m, f, PM_SYM_FIELDS);
    const char *less = "0";                    /* a < b: the first cell that differs decides */
    for (int i = k - 1; i >= 0; i--) {
        const char *x = ar_printf(f[i], "h_sj"), *y = ar_printf(f[i], "(h_sj - 1)");
        less = ar_printf("(%s < %s || (%s == %s && %s))", x, y, x, y, less);
    }
    int first = pm_sym_first(c, m);
    fprintf(c->out, "inline canon_%s() {\n    h_si = %d;\n    do\n    :: h_si < NI_%s ->\n"
                    "        h_sj = h_si;\n        do\n        :: h_sj == %d -> break\n"
                    "        :: h_sj > %d && %s ->\n            printf(\"@S %d %%d %%d\\n\", h_sj, h_sj - 1);\n",
            n, first + 1, n, first, first, less, m);
    for (int i = 0; i < k; i++) {
        const char *x = ar_printf(f[i], "h_sj"), *y = ar_printf(f[i], "(h_sj - 1)");
        fprintf(c->out, "            h_st = %s; %s = %s; %s = h_st;\n", x, x, y, y);
    }
    fprintf(c->out, "            h_sj--\n        :: else -> break\n        od;\n        h_si++\n"
                    "    :: else -> break\n    od;\n    h_si = 0; h_sj = 0; h_st = 0\n}\n");
}

static const char *pm_ctype(const pm *c, const ir_type *t)
{
    int32_t lo, hi;
    if (t->kind == IR_T_BOOL)
        return "bit";
    ir_bounds(c->s, t, c->p, &lo, &hi);
    return lo >= 0 && hi <= 255 ? "byte" : lo >= -32768 && hi <= 32767 ? "short" : "int";
}

static void pm_globals(FILE *out, const void *ctx)
{
    const pm *c = ctx;
    const ir_spec *s = c->s;
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind == IR_V_PARAM || !c->live.var[i])
            continue;
        const char *ty = v->shape == IR_POOL ? (pm_size(c, v) > 255 ? "short" : "byte")
                                             : pm_ctype(c, &v->elem);
        fprintf(out, "%s ", ty);
        pm_var_name((pm *)c, v);
        if (v->kind == IR_V_CTRL)
            fprintf(out, "[%ld]", (long)pm_instances(c, v->machine) * (long)pm_size(c, v));
        else if (v->shape == IR_POOL)
            fprintf(out, "[%d]", s->enums[v->elem.id].n);
        else if (v->shape == IR_ARRAY)
            fprintf(out, "[%ld]", (long)pm_size(c, v));
        fprintf(out, ";%s%s\n", v->shape == IR_POOL ? "  /* elements per member */" : "",
                v->kind == IR_V_OPTION ? "  /* chosen at start */" : "");
    }
    for (int m = 0; m < s->nmachines; m++) {
        const char *n = s->machines[m].name;
        if (!pm_instances(c, m))
            continue;               /* a machine array the profile has no instance of */
        fprintf(out, "typedef Q_%s { byte e[QN_%s]; byte n };\n", n, n);
        fprintf(out, "Q_%s q_%s[NI_%s];\nbyte st_%s[NI_%s];\n", n, n, n, n, n);
        for (int cmd = 0; cmd < s->ncmds; cmd++)
            if (pm_uses(c, m, IR_A_ISSUE, cmd))
                fprintf(out, "byte pc_%s_%s[NI_%s];\n", n, s->cmds[cmd].name, n);
    }
    for (int e = 0; e < s->nenvs; e++)
        if (c->live.env[e])
            fprintf(out, "byte n_%s;  /* limit %d */\n", s->envs[e].name, s->envs[e].limit);
    if (pm_symmetric(c) > 0)
        fputs("hidden byte h_si, h_sj;  /* scratch of the symmetry reduction */\nhidden int h_st;\n", out);
    fputs("hidden byte h_i, h_j;  /* scratch inside d_steps */\n"
          "#ifdef SIM\nbit w_over;  /* the run ended: the machines stop (random simulation) */\n"
          "#define SIM_OVER w_over = 1;\n#else\n#define SIM_OVER\n#endif\n", out);
}

/* "EV_a__x || ... " over the outcome events of a command, on event e. */
static void pm_outcome_test(pm *c, int cmd, const char *e)
{
    const ir_cmd *cm = &c->s->cmds[cmd];
    for (int o = 0; o < cm->noutcomes; o++) {
        fprintf(c->out, "%s%s == ", o ? " || " : "", e);
        pm_event(c, cm->outcomes[o].event);
    }
}

static void pm_queue_inlines(pm *c, int m)
{
    FILE *out = c->out;
    const char *n = c->s->machines[m].name;
    fprintf(out, "inline enq_%s(i, ev) {\n"
                 "    assert(q_%s[i].n < QN_%s);  /* @A QUEUE %s */\n"
                 "    q_%s[i].e[q_%s[i].n] = ev; q_%s[i].n++\n}\n", n, n, n, n, n, n, n);
    fprintf(out, "inline deq_%s(i) {\n"
                 "    h_i = 1;\n"
                 "    do\n"
                 "    :: h_i < q_%s[i].n -> q_%s[i].e[h_i - 1] = q_%s[i].e[h_i]; h_i++\n"
                 "    :: else -> break\n"
                 "    od;\n"
                 "    q_%s[i].n--; q_%s[i].e[q_%s[i].n] = 0; h_i = 0\n}\n", n, n, n, n, n, n, n);
    /* taking an outcome event, handled or not, ends its command */
    fprintf(out, "inline consume_%s(i, ev) {\n    if\n", n);
    for (int cmd = 0; cmd < c->s->ncmds; cmd++) {
        if (!pm_uses(c, m, IR_A_ISSUE, cmd))
            continue;
        fputs("    :: ", out);
        pm_outcome_test(c, cmd, "ev");
        fprintf(out, " -> pc_%s_%s[i] = 0\n", n, c->s->cmds[cmd].name);
    }
    fputs("    :: else -> skip\n    fi\n}\n", out);
    for (int cmd = 0; cmd < c->s->ncmds; cmd++) {
        if (!pm_uses(c, m, IR_A_CANCEL, cmd))
            continue;
        const char *cn = c->s->cmds[cmd].name;
        fprintf(out, "inline drop_%s_%s(i) {  /* cancel: its queued outcome is dropped */\n"
                     "    h_i = 0; h_j = 0;\n"
                     "    do\n"
                     "    :: h_i < q_%s[i].n ->\n"
                     "        if\n"
                     "        :: ", n, cn, n);
        pm_outcome_test(c, cmd, ar_printf("q_%s[i].e[h_i]", n));
        fprintf(out, " -> skip\n"
                     "        :: else -> q_%s[i].e[h_j] = q_%s[i].e[h_i]; h_j++\n"
                     "        fi;\n"
                     "        h_i++\n"
                     "    :: else -> break\n"
                     "    od;\n"
                     "    do\n"
                     "    :: h_j < q_%s[i].n -> q_%s[i].n--; q_%s[i].e[q_%s[i].n] = 0\n"
                     "    :: else -> break\n"
                     "    od;\n"
                     "    h_i = 0; h_j = 0\n}\n", n, n, n, n, n, n);
    }
}

/* Machine m's instance i in one of three conditions (PM_SETTLED: its
 * queue empty, a final state, no command in flight; PM_BUSY: an event
 * queued or a command in flight; PM_FINAL: a final state). */
enum { PM_BUSY, PM_SETTLED, PM_FINAL };

static void pm_machine_final(pm *c, int m, int i)
{
    const ir_machine *mm = &c->s->machines[m];
    fputs("(0", c->out);
    for (int st = 0; st < mm->nstates; st++)
        if (mm->states[st].final)
            fprintf(c->out, " || st_%s[%d] == S_%s_%s", mm->name, i, mm->name, mm->states[st].name);
    fputc(')', c->out);
}

static void pm_machine_cond(pm *c, int m, int i, int mode)
{
    const ir_spec *s = c->s;
    const ir_machine *mm = &s->machines[m];
    int settled = mode == PM_SETTLED;
    if (mode == PM_FINAL) {
        pm_machine_final(c, m, i);
        return;
    }
    fprintf(c->out, "(q_%s[%d].n %s 0", mm->name, i, settled ? "==" : ">");
    if (settled) {
        fputs(" && ", c->out);
        pm_machine_final(c, m, i);
    }
    for (int cmd = 0; cmd < s->ncmds; cmd++)
        if (pm_uses(c, m, IR_A_ISSUE, cmd))
            fprintf(c->out, " %s pc_%s_%s[%d] %s 0", settled ? "&&" : "||", mm->name, s->cmds[cmd].name,
                    i, settled ? "==" : "!=");
    fputc(')', c->out);
}

/* "#define NAME (unit OP unit OP ...)": one condition over every instance. */
static void pm_over_instances(pm *c, const char *what, const char *name, const char *op, int mode)
{
    const ir_spec *s = c->s;
    fprintf(c->out, "/* %s */\n#define %s (%s", what, name, strcmp(op, "&&") == 0 ? "1" : "0");
    for (int m = 0; m < s->nmachines; m++)
        for (int i = 0; i < pm_instances(c, m); i++) {
            fprintf(c->out, " \\\n    %s ", op);
            pm_machine_cond(c, m, i, mode);
        }
    fputs(")\n", c->out);
}

static void pm_quiescent(pm *c)
{
    pm_over_instances(c, "nothing can move: every machine final, its queue empty, no command in flight",
                      "QUIESCENT", "&&", PM_SETTLED);
    pm_over_instances(c, "every machine in a final state", "ALL_FINAL", "&&", PM_FINAL);
    pm_over_instances(c, "some machine has an event queued or a command in flight", "SOME_BUSY", "||",
                      PM_BUSY);
}

static void pm_inlines(FILE *out, const void *ctx)
{
    pm *c = (pm *)ctx;
    for (int m = 0; m < c->s->nmachines; m++)
        pm_queue_inlines(c, m);
    for (int m = 0; m < c->s->nmachines; m++)
        if (pm_sym(c, m))
            pm_sym_inline(c, m);
    pm_quiescent(c);
    fputs("inline check_inv() {\n#ifndef NOINV\n", out);
    for (int k = 0; k < c->s->nprops; k++) {
        const ir_prop *pr = &c->s->props[k];
        if (pr->kind != IR_PROP_INVARIANT || !pm_prop_applies(c, pr))
            continue;
        fputs("    assert(", out);
        pm_prop_formula(c, pr, pm_pexpr(c, pr), " && ");
        fprintf(out, ");  /* @A INV %s */\n", pr->id);
    }
    /* No wait relies on the world alone, for the system (LANGUAGE.md
     * "Several machines"): while some machine is outside a final state,
     * some machine has an event queued or a command in flight.  A machine
     * may wait for another machine's event while that one works.  Else a
     * run could end only by a fault or an operator action, and L1/L2 and the deadlock check would pass for a
     * controller that waits for an outcome it never asked for: four mutants
     * survived that way. */
    fputs("    assert(ALL_FINAL || SOME_BUSY);  /* @A WAIT system */\n", out);
    fputs("#endif\n", out);
    fputs("    skip\n}\n", out);
    for (int m = 0; m < c->s->nmachines; m++)   /* the steps that change it call canon_M (pm_step_end) */
        if (pm_sym(c, m))
            fprintf(out, "/* @SYM %s */\n", c->s->machines[m].name);
}

/* 1 if effects fx may write an element of an array machine m owns. */
static int pm_fx_owned(const pm *c, const ir_effect *fx, int n, int m)
{
    for (int i = 0; i < n; i++)
        if (fx[i].kind == IR_F_IF ? pm_fx_owned(c, fx[i].then_, fx[i].nthen, m)
                                        || pm_fx_owned(c, fx[i].else_, fx[i].nelse, m)
                                  : sy_owned(c->s, m, &c->s->vars[fx[i].var]))
            return 1;
    return 0;
}

/* The end of a step of machine `own` (-1: the world's) with effects fx:
 * the checks, then, after them, the symmetry reduction of each symmetric
 * machine the step may have changed (its own, one it sends to or whose
 * plant elements it writes), so that the stored state is canonical.  A
 * step that changes no instance of M leaves a canonical state canonical:
 * it does not sort M, and the model is that much smaller to compile. */
static void pm_step_end(pm *c, int own, int to, const ir_effect *fx, int n, const ir_trans *t)
{
    fputs("            check_inv()\n", c->out);
    for (int m = 0; m < c->s->nmachines; m++) {
        if (!pm_sym(c, m))
            continue;
        int touch = m == own || m == to || pm_fx_owned(c, fx, n, m);
        for (int a = 0; t && a < t->nactions && !touch; a++) {
            const ir_action *ac = &t->actions[a];
            touch = (ac->kind == IR_A_SEND && ac->machine == m)
                 || (ac->kind == IR_A_ISSUE && pm_fx_owned(c, c->s->cmds[ac->cmd].issue, c->s->cmds[ac->cmd].nissue, m));
        }
        if (touch)
            fprintf(c->out, "#ifdef SYMM\n            ; canon_%s()\n#endif\n", c->s->machines[m].name);
    }
    fputs("        STEP_END\n", c->out);
}

/* ---- machines ------------------------------------------------------------ */

static long pm_trans_variants(pm *c, const ir_trans *t)
{
    long k = 1;
    for (int a = 0; a < t->nactions; a++)
        if (t->actions[a].kind == IR_A_ISSUE) {
            const ir_cmd *cm = &c->s->cmds[t->actions[a].cmd];
            k *= pm_variants(c, cm->issue, cm->nissue);
        }
    return k;
}

static void pm_send(pm *c, const ir_action *a)
{
    const char *n = c->s->machines[a->machine].name;
    int ni = pm_instances(c, a->machine);
    if (a->index || !c->s->machines[a->machine].count) {
        fprintf(c->out, "            enq_%s(", n);
        if (a->index)
            pm_expr(c, a->index);
        else
            fputc('0', c->out);
        fputs(", ", c->out);
        pm_event(c, a->event);
        fputs(");\n", c->out);
        return;
    }
    for (int i = 0; i < ni; i++) {   /* to every instance */
        fprintf(c->out, "            enq_%s(%d, ", n, i);
        pm_event(c, a->event);
        fputs(");\n", c->out);
    }
}

static void pm_issue(pm *c, int m, int cmd, pm_choice *ch)
{
    const char *n = c->s->machines[m].name, *cn = c->s->cmds[cmd].name;
    fprintf(c->out, "            assert(pc_%s_%s[self] == 0);  /* @A REISSUE %s */\n", n, cn, cn);
    fputs("#ifndef NOINV\n", c->out);
    for (int k = 0; k < c->s->nprops; k++) {
        const ir_prop *pr = &c->s->props[k];
        if (pr->kind != IR_PROP_ON_ISSUE || pr->cmd != cmd || !pm_prop_applies(c, pr))
            continue;
        fputs("            assert(", c->out);
        pm_prop_formula(c, pr, pm_pexpr(c, pr), " && ");
        fprintf(c->out, ");  /* @A INV %s */\n", pr->id);
    }
    fputs("#endif\n", c->out);
    pm_effects(c, c->s->cmds[cmd].issue, c->s->cmds[cmd].nissue, ch, "            ");
    fprintf(c->out, "            pc_%s_%s[self] = 1;\n", n, cn);
}

static void pm_actions(pm *c, int m, const ir_trans *t, long variant)
{
    pm_choice ch = { variant, 1 };
    const char *n = c->s->machines[m].name;
    for (int k = 0; k < t->nactions; k++) {
        const ir_action *a = &t->actions[k];
        switch (a->kind) {
        case IR_A_CONSOLE:
            break;              /* the replay prints it from the IR */
        case IR_A_ISSUE:
            pm_issue(c, m, a->cmd, &ch);
            break;
        case IR_A_CANCEL:
            fputs("            ", c->out);
            if (pm_uses(c, m, IR_A_ISSUE, a->cmd))   /* else never issued in this profile */
                fprintf(c->out, "pc_%s_%s[self] = 0; ", n, c->s->cmds[a->cmd].name);
            fprintf(c->out, "drop_%s_%s(self);\n", n, c->s->cmds[a->cmd].name);
            break;
        case IR_A_ASSIGN:
            if (pm_abs(c, a->var))
                break;              /* --abstract M.VAR: never written */
            fputs("            ", c->out);
            pm_ctrl(c, &c->s->vars[a->var], NULL, NULL);
            fputs(" = ", c->out);
            pm_expr(c, a->value);
            fputs(";\n", c->out);
            break;
        case IR_A_SEND:
            pm_send(c, a);
            break;
        }
    }
}

static void pm_dump_trans(pm *c, const ir_trans *t)
{
    unsigned char *w = ar_array((size_t)c->s->nvars + 1, 1);
    for (int k = 0; k < t->nactions; k++) {
        const ir_action *a = &t->actions[k];
        if (a->kind == IR_A_ASSIGN)
            w[a->var] = 1;
        else if (a->kind == IR_A_ISSUE)
            pm_mark(c->s->cmds[a->cmd].issue, c->s->cmds[a->cmd].nissue, w);
    }
    pm_dump(c, w);
}

/* "(q.e[0] == EV && (guard))" for transition t; with --abstract, whether
 * it may be taken (may) or must be (else). */
static void pm_trans_test(pm *c, int m, const ir_trans *t, int may)
{
    fprintf(c->out, "(q_%s[self].e[0] == ", c->s->machines[m].name);
    pm_event(c, t->event);
    /* A group with `otherwise` always takes some transition: its event
     * must be taken, whatever the dropped cells. */
    if (t->xguard && !(!may && t->otherwise && pm_reads_dropped(c, t->xguard))) {
        fputs(" && ", c->out);
        pm_test(c, t->xguard, may);
    }
    fputc(')', c->out);
}

static void pm_transition(pm *c, int m, const ir_trans *t)
{
    const ir_machine *mm = &c->s->machines[m];
    const ir_event *ev = &c->s->events[t->event];
    long nv = pm_trans_variants(c, t);
    if (!c->live.trans[m][t->id])
        return;                     /* the profile does not have it (prune.h) */
    for (long v = 0; v < nv; v++) {
        fprintf(c->out, "    :: STEP_BEGIN (q_%s[self].n > 0 && st_%s[self] == S_%s_%s && ", mm->name,
                mm->name, mm->name, mm->states[t->from].name);
        pm_trans_test(c, m, t, 1);
        fprintf(c->out, ") -> STEP_BODY  /* @T %s %d %ld %s:%d%s */\n", mm->name, t->id, v,
                ir_file(c->s, t->at), t->at.line, t->dead ? " dead" : "");
        fprintf(c->out, "            printf(\"@T %d %%d %d\\n\", self);\n", m, t->id);
        fprintf(c->out, "            deq_%s(self);\n", mm->name);
        if (ev->kind == IR_EV_OUTCOME && pm_uses(c, m, IR_A_ISSUE, ev->cmd))
            fprintf(c->out, "            pc_%s_%s[self] = 0;\n", mm->name, c->s->cmds[ev->cmd].name);
        pm_actions(c, m, t, v);
        pm_dump_trans(c, t);
        fprintf(c->out, "            st_%s[self] = S_%s_%s;\n", mm->name, mm->name, mm->states[t->to].name);
        pm_step_end(c, m, -1, NULL, 0, t);
    }
}

/* In state st, an event no transition takes is dropped (ignored or
 * rejected); one the spec gives no policy for is an error. */
static void pm_unhandled(pm *c, int m, int st)
{
    const ir_machine *mm = &c->s->machines[m];
    const char *n = mm->name;
    if (!c->live.state[m][st])
        return;                     /* a state the profile never enters */
    fprintf(c->out, "    :: STEP_BEGIN (q_%s[self].n > 0 && st_%s[self] == S_%s_%s && !(0", n, n, n,
            mm->states[st].name);
    for (int k = 0; k < mm->ntrans; k++)
        if (mm->trans[k].from == st && c->live.trans[m][mm->trans[k].id]) {
            fputs(" || ", c->out);
            pm_trans_test(c, m, &mm->trans[k], 0);
        }
    fprintf(c->out, ")) -> STEP_BODY  /* @U %s %s */\n", n, mm->states[st].name);
    fprintf(c->out, "            printf(\"@U %d %%d %d %%d\\n\", self, q_%s[self].e[0]);\n", m, st, n);
    fprintf(c->out, "            assert(!(0");
    for (int e = 0; e < c->s->nevents; e++)
        if (mm->policy[(size_t)st * (size_t)c->s->nevents + (size_t)e] == IR_P_NONE) {
            fprintf(c->out, " || q_%s[self].e[0] == ", n);
            pm_event(c, e);
        }
    fprintf(c->out, "));  /* @A UNDECLARED %s %s */\n", n, mm->states[st].name);
    fprintf(c->out, "            consume_%s(self, q_%s[self].e[0]);\n", n, n);
    fprintf(c->out, "            deq_%s(self);\n", n);
    pm_step_end(c, m, -1, NULL, 0, NULL);
}

static void pm_machines(FILE *out, const void *ctx)
{
    pm *c = (pm *)ctx;
    for (int m = 0; m < c->s->nmachines; m++) {
        const ir_machine *mm = &c->s->machines[m];
        if (!pm_instances(c, m))
            continue;
        c->machine = m;
        c->self = "self";
        fprintf(out, "proctype m_%s(byte self) {\nend_%s:\n    do\n", mm->name, mm->name);
        fputs("#ifdef SIM\n    :: w_over -> break  /* the run is over: the next one starts */\n#endif\n", out);
        for (int k = 0; k < mm->ntrans; k++)
            pm_transition(c, m, &mm->trans[k]);
        for (int st = 0; st < mm->nstates; st++)
            pm_unhandled(c, m, st);
        fputs("    od\n}\n\n", out);
    }
    c->machine = -1;
    c->self = "0";
}

/* ---- the world ------------------------------------------------------------ */

static void pm_outcome(pm *c, int m, int i, int cmd, int o)
{
    const ir_cmd *cm = &c->s->cmds[cmd];
    const ir_outcome *oc = &cm->outcomes[o];
    const char *n = c->s->machines[m].name;
    c->machine = m;
    c->self = ar_printf("%d", i);
    long nv = pm_variants(c, oc->effects, oc->neffects);
    /* A random simulation (SIM) takes a command's first outcome (its usual
     * one) 8 times, each other outcome twice, as often as a fault or an
     * operator action: its runs then get deep into the procedure instead of
     * ending at the first abort.  A search sees each branch once. */
    int weight = o == 0 ? 8 : 2;
    for (long v = 0; v < nv * weight; v++) {
        if (v == nv)
            fputs("#ifdef SIM\n", c->out);
        pm_choice ch = { v % nv, 1 };
        fprintf(c->out, "    :: STEP_BEGIN (pc_%s_%s[%d] == 1", n, cm->name, i);
        if (oc->when) {
            fputs(" && ", c->out);
            pm_test(c, oc->when, 1);
        }
        fprintf(c->out, ") -> STEP_BODY  /* @O %s %d %s.%s %ld %s:%d */\n", n, i, cm->name,
                oc->name, v % nv, ir_file(c->s, oc->at), oc->at.line);
        fprintf(c->out, "            printf(\"@O %d %d %d %d\\n\");\n", m, i, cmd, o);
        pm_effects(c, oc->effects, oc->neffects, &ch, "            ");
        unsigned char *w = ar_array((size_t)c->s->nvars + 1, 1);
        pm_mark(oc->effects, oc->neffects, w);
        pm_dump(c, w);
        fprintf(c->out, "            pc_%s_%s[%d] = 2;\n            enq_%s(%d, ", n, cm->name, i, n, i);
        pm_event(c, oc->event);
        fputs(");\n", c->out);
        pm_step_end(c, m, -1, oc->effects, oc->neffects, NULL);
        if (v + 1 == nv * weight && weight > 1)
            fputs("#endif\n", c->out);
    }
}

static void pm_env(pm *c, int e)
{
    const ir_env *en = &c->s->envs[e];
    int ni = en->to_any ? pm_instances(c, en->machine) : 1;
    for (int i = 0; i < ni; i++) {
        c->machine = en->to_any ? en->machine : -1;
        c->self = ar_printf("%d", i);
        long nv = pm_variants(c, en->effects, en->neffects);
        for (long v = 0; v < nv; v++) {
            pm_choice ch = { v, 1 };
            fprintf(c->out, "    :: STEP_BEGIN (n_%s < %d", en->name, en->limit);
            if (en->when) {
                fputs(" && ", c->out);
                pm_test(c, en->when, 1);
            }
            fprintf(c->out, ") -> STEP_BODY  /* @E %s %d %ld %s:%d */\n", en->name, i, v,
                    ir_file(c->s, en->at), en->at.line);
            fprintf(c->out, "            printf(\"@E %d %d\\n\");\n            n_%s++;\n", e, i,
                    en->name);
            pm_effects(c, en->effects, en->neffects, &ch, "            ");
            unsigned char *w = ar_array((size_t)c->s->nvars + 1, 1);
            pm_mark(en->effects, en->neffects, w);
            pm_dump(c, w);
            if (!en->silent) {
                fprintf(c->out, "            enq_%s(%d, ", c->s->machines[en->machine].name, i);
                pm_event(c, en->event);
                fputs(");\n", c->out);
            }
            pm_step_end(c, -1, en->silent ? -1 : en->machine, en->effects, en->neffects, NULL);
        }
    }
}

static void pm_world(FILE *out, const void *ctx)
{
    pm *c = (pm *)ctx;
    const ir_spec *s = c->s;
    fputs("proctype world() {\nend_world:\n    do\n", out);
    for (int m = 0; m < s->nmachines; m++)
        for (int i = 0; i < pm_instances(c, m); i++)
            for (int cmd = 0; cmd < s->ncmds; cmd++)
                if (pm_uses(c, m, IR_A_ISSUE, cmd))
                    for (int o = 0; o < s->cmds[cmd].noutcomes; o++)
                        pm_outcome(c, m, i, cmd, o);
    for (int e = 0; e < s->nenvs; e++)
        if (c->live.env[e])
            pm_env(c, e);
    fputs("    :: timeout ->\n"
          "        assert(QUIESCENT);  /* @A DEADLOCK */\n"
          "        SIM_OVER\n"
          "        break\n"
          "    od\n}\n", out);
    c->machine = -1;
    c->self = "0";
}

/* ---- initial states ---------------------------------------------------------- */

/* Each of the members chosen for a pool gets any share of its elements. */
static void pm_init_pool(pm *c, const ir_var *v, const int32_t *members, int n)
{
    fprintf(c->out, "        r = %ld;\n", (long)pm_size(c, v));
    for (int k = 0; k < n; k++) {
        if (k + 1 == n) {
            fputs("        ", c->out);
            pm_member(c, v, members[k]);
            fputs(" = r;\n", c->out);
            break;
        }
        fputs("        do\n        :: ", c->out);
        pm_member(c, v, members[k]);
        fputs(" < r -> ", c->out);
        pm_member(c, v, members[k]);
        fputs("++\n        :: break\n        od;\n        r = r - ", c->out);
        pm_member(c, v, members[k]);
        fputs(";\n", c->out);
    }
    fputs("        r = 0;\n", c->out);
}

/* Cell 'cell' (a variable name with its index) gets one of the values. */
static void pm_init_cell(pm *c, const ir_var *v, const char *cell)
{
    int32_t lo, hi;
    ir_bounds(c->s, &v->elem, c->p, &lo, &hi);
    if (v->init == IR_I_VALUE) {
        fprintf(c->out, "        %s = ", cell);
        pm_expr(c, v->values[0]);
        fputs(";\n", c->out);
        return;
    }
    fputs("        if\n", c->out);
    if (v->init == IR_I_SET) {
        for (int k = 0; k < v->nvalues; k++) {
            /* a random simulation picks the first value (the spec's usual
             * case) 8 times as often as each other one, so that runs get
             * past the start checks; a search sees each value once */
            for (int w = 0; w < (k ? 1 : 8); w++) {
                fprintf(c->out, "%s        :: %s = ", w == 1 ? "#ifdef SIM\n" : "", cell);
                pm_expr(c, v->values[k]);
                fprintf(c->out, "\n%s", w == 7 ? "#endif\n" : "");
            }
        }
    } else {
        for (long x = lo; x <= hi; x++) {
            fprintf(c->out, "        :: %s = ", cell);
            pm_value(c, &v->elem, (int32_t)x);
            fputc('\n', c->out);
        }
    }
    fputs("        fi;\n", c->out);
}

static void pm_init_var(pm *c, const ir_var *v)
{
    int32_t n = pm_size(c, v);
    char name[160];
    snprintf(name, sizeof name, v->kind == IR_V_CTRL ? "c_%s_%s" : "p_%s",
             v->kind == IR_V_CTRL ? c->s->machines[v->machine].name : v->name, v->name);
    if (v->shape == IR_POOL) {
        int32_t *members = ar_array((size_t)c->s->enums[v->elem.id].n, sizeof *members);
        int k = 0;
        for (int i = 0; i < (v->init == IR_I_ANY ? c->s->enums[v->elem.id].n : v->nvalues); i++)
            members[k++] = v->init == IR_I_ANY ? i : ir_const(c->s, v->values[i], c->p);
        if (v->init == IR_I_LIST) {
            for (int i = 0; i < v->nvalues; i++)
                fprintf(c->out, "        %s[%ld]++;\n", name, (long)members[i]);
            return;
        }
        pm_init_pool(c, v, members, v->init == IR_I_VALUE ? 1 : k);
        return;
    }
    int insts = v->kind == IR_V_CTRL ? pm_instances(c, v->machine) : 1;
    for (int i = 0; i < insts * (v->shape == IR_SCALAR ? 1 : n); i++) {
        const char *cell = v->shape == IR_SCALAR && v->kind != IR_V_CTRL ? name
                                                                        : ar_printf("%s[%d]", name, i);
        if (v->init == IR_I_LIST) {
            fprintf(c->out, "        %s = ", cell);
            pm_expr(c, v->values[i % n]);
            fputs(";\n", c->out);
        } else {
            pm_init_cell(c, v, cell);
        }
    }
}

/* A random simulation (spin -DSIM -DSIM_RUNS=N -nSEED) makes N runs in
 * one SPIN process, each after a line "@R k": SPIN parses the model once.
 * Between runs everything the initial choices do not set goes back to 0,
 * and each environment action is armed for the next run or not. */
static void pm_sim_reset(pm *c)
{
    FILE *out = c->out;
    const ir_spec *s = c->s;
    fputs("#ifdef SIM\n#ifndef SIM_RUNS\n#define SIM_RUNS 1\n#endif\ninline sim_reset() {\n", out);
    for (int m = 0; m < s->nmachines; m++) {
        const char *n = s->machines[m].name;
        for (int i = 0; i < pm_instances(c, m); i++) {
            fprintf(out, "    q_%s[%d].n = 0;\n    h_i = 0;\n    do\n    :: h_i < QN_%s -> q_%s[%d].e[h_i] = 0; h_i++\n"
                         "    :: else -> break\n    od;\n", n, i, n, n, i);
            for (int cmd = 0; cmd < s->ncmds; cmd++)
                if (pm_uses(c, m, IR_A_ISSUE, cmd))
                    fprintf(out, "    pc_%s_%s[%d] = 0;\n", n, s->cmds[cmd].name, i);
        }
    }
    for (int i = 0; i < s->nvars; i++) {     /* the initial choices fill only some members */
        const ir_var *v = &s->vars[i];
        if (v->kind == IR_V_PLANT && v->shape == IR_POOL && c->live.var[i])
            for (int k = 0; k < s->enums[v->elem.id].n; k++)
                fprintf(out, "    p_%s[%d] = 0;\n", v->name, k);
    }
    /* each fault and operator action is armed for the run or not, at even
     * odds: a random run meets a few of them, at random moments, instead of
     * almost always an abort or a crash in its first steps */
    for (int e = 0; e < s->nenvs; e++)
        if (c->live.env[e])
            fprintf(out, "    if\n    :: n_%s = 0\n    :: n_%s = %d\n    fi;\n", s->envs[e].name,
                    s->envs[e].name, s->envs[e].limit);
    fputs("    h_i = 0; w_over = 0\n}\n#endif\n\n", out);
}

static void pm_init(FILE *out, const void *ctx)
{
    pm *c = (pm *)ctx;
    const ir_spec *s = c->s;
    pm_sim_reset(c);
    fputs("init {\n    byte r;\n"
          "#ifdef SIM\n    int sim_run;\n    do\n    :: sim_run < SIM_RUNS ->\n"
          "        printf(\"@R %d\\n\", sim_run);\n        sim_reset();\n#endif\n"
          "    atomic {\n", out);
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        if (v->kind == IR_V_OPTION)
            fprintf(out, "        if\n        :: o_%s = 0\n        :: o_%s = 1\n        fi;\n", v->name,
                    v->name);
        else if ((v->kind == IR_V_PLANT || v->kind == IR_V_CTRL) && c->live.var[i])
            pm_init_var(c, v);
    }
    for (int m = 0; m < s->nmachines; m++) {
        const ir_machine *mm = &s->machines[m];
        for (int i = 0; i < pm_instances(c, m); i++)
            fprintf(out, "        st_%s[%d] = S_%s_%s;\n", mm->name, i, mm->name,
                    mm->states[mm->initial].name);
    }
    unsigned char *w = ar_array((size_t)s->nvars + 1, 1);
    memset(w, 1, (size_t)s->nvars);
    for (int m = 0; m < s->nmachines; m++)
        for (int i = 0; i < pm_instances(c, m); i++) {
            c->machine = m;
            c->self = ar_printf("%d", i);
            for (int v = 0; v < s->nvars; v++)
                w[v] = s->vars[v].kind != IR_V_CTRL || s->vars[v].machine == m;
            pm_dump(c, w);
        }
    for (int v = 0; v < s->nvars; v++)
        w[v] = s->vars[v].kind != IR_V_CTRL;
    if (!s->nmachines)
        pm_dump(c, w);
    c->machine = -1;
    c->self = "0";
    for (int m = 0; m < s->nmachines; m++)
        for (int i = 0; i < pm_instances(c, m); i++)
            fprintf(out, "        run m_%s(%d);\n", s->machines[m].name, i);
    fputs("        run world();\n        check_inv()\n", out);
    for (int m = 0; m < s->nmachines; m++)
        if (pm_sym(c, m))
            fprintf(out, "#ifdef SYMM\n        ; canon_%s()\n#endif\n", s->machines[m].name);
    fputs("    }\n"
          "#ifdef SIM\n        (_nr_pr == 1);  /* the machines and the world ended */\n        sim_run++\n"
          "    :: else -> break\n    od\n#endif\n}\n", out);
}

/* ---- claims ------------------------------------------------------------------ */

static int pm_temporal(const ir_expr *e)
{
    if (!e)
        return 0;
    if (e->kind == IR_E_ALWAYS || e->kind == IR_E_EVENTUALLY || e->kind == IR_E_UNTIL)
        return 1;
    return pm_temporal(e->a) || pm_temporal(e->b);
}

/* The antecedents of the implications at the top of e (under [] and &&):
 * what a vacuity witness must reach.  Returns how many were written. */
static int pm_antecedents(pm *c, const ir_prop *pr, const ir_expr *e, int n)
{
    if (e->kind == IR_E_ALWAYS)
        return pm_antecedents(c, pr, e->a, n);
    if (e->kind == IR_E_AND)
        return pm_antecedents(c, pr, e->b, pm_antecedents(c, pr, e->a, n));
    if (e->kind != IR_E_IMPLIES || pm_temporal(e->a))
        return n;
    fprintf(c->out, "ltl W_%s_%d { [] !(", pr->id, n + 1);
    pm_prop_formula(c, pr, e->a, " || ");
    fputs(") }\n", c->out);
    return n + 1;
}

/* An on-issue invariant is vacuous unless the command is ever issued. */
static void pm_issue_witness(pm *c, const ir_prop *pr)
{
    fprintf(c->out, "ltl W_%s_1 { [] !(0", pr->id);
    for (int m = 0; m < c->s->nmachines; m++)
        if (pm_uses(c, m, IR_A_ISSUE, pr->cmd))
            for (int i = 0; i < pm_instances(c, m); i++)
                fprintf(c->out, " || pc_%s_%s[%d] != 0", c->s->machines[m].name,
                        c->s->cmds[pr->cmd].name, i);
    fputs(") }\n", c->out);
}

/* "@P ID KIND sentence": the properties of this profile, for the proof tools. */
static void pm_prop_list(pm *c)
{
    static const char *const kinds[] = { [IR_PROP_INVARIANT] = "invariant",
                                         [IR_PROP_ON_ISSUE] = "on-issue", [IR_PROP_LTL] = "ltl" };
    for (int k = 0; k < c->s->nprops; k++) {
        const ir_prop *pr = &c->s->props[k];
        if (ir_prop_applies(c->s, c->p, &c->live, pr) && !pm_prop_applies(c, pr))
            fprintf(c->out, "/* @ABS %s %s: it reads a dropped cell, it is not checked here */\n",
                    pr->id, kinds[pr->kind]);
        else if (pm_prop_applies(c, pr) && (pm_pexpr(c, pr) != pr->expr || c->first[k]))
            fprintf(c->out, "/* @FIRST %s %s: checked at the first instance of its arrays, which "
                    "stands for every instance (symmetry) */\n", pr->id, kinds[pr->kind]);
        if (!pm_prop_applies(c, pr))
            continue;
        fprintf(c->out, "/* @P %s %s %s:%d ", pr->id, kinds[pr->kind], ir_file(c->s, pr->at),
                pr->at.line);
        for (const char *t = pr->text; *t; t++)
            if (!(t[0] == '*' && t[1] == '/'))   /* cannot end the comment */
                fputc(*t == '\n' ? ' ' : *t, c->out);
        fputs(" */\n", c->out);
    }
}

/* Every LTL property of the profile in one claim: one acceptance-cycle
 * search proves them all; the proof tools run them one by one only to name
 * the one that fails. */
static void pm_all_ltl(pm *c)
{
    int n = 0;
    c->ltl = 1;
    for (int k = 0; k < c->s->nprops; k++) {
        const ir_prop *pr = &c->s->props[k];
        if (pr->kind != IR_PROP_LTL || !pm_prop_applies(c, pr))
            continue;
        fputs(n++ ? " && (" : "ltl ALL_LTL { (", c->out);
        pm_prop_formula(c, pr, pm_pexpr(c, pr), " && ");
        fputc(')', c->out);
    }
    if (n)
        fputs(" }\n", c->out);
    c->ltl = 0;
}

static void pm_claims(FILE *out, const void *ctx)
{
    pm *c = (pm *)ctx;
    pm_prop_list(c);
    pm_all_ltl(c);
    for (int k = 0; k < c->s->nprops; k++) {
        const ir_prop *pr = &c->s->props[k];
        if (!pm_prop_applies(c, pr))
            continue;
        if (pr->kind == IR_PROP_LTL) {
            c->ltl = 1;
            fprintf(out, "ltl %s { ", pr->id);
            pm_prop_formula(c, pr, pm_pexpr(c, pr), " && ");
            fputs(" }\n", out);
            c->ltl = 0;
        }
        if (pr->kind == IR_PROP_ON_ISSUE)
            pm_issue_witness(c, pr);
        else
            pm_antecedents(c, pr, pm_pexpr(c, pr), 0);
    }
}

void em_promela(FILE *out, const ir_spec *s, const em_opts *o)
{
    pm c = { out, s, o->profile, -1, "0", 0, { 0 }, o->abstract, 0, NULL, NULL, NULL, 0, 0, 0, { 0 }, { 0 } };
    ir_prune(s, o->profile, &c.live);
    c.pexpr = pm_checked(&c);
    static const tp_hook hooks[] = {
        { "banner", pm_banner },   { "defines", pm_defines }, { "globals", pm_globals },
        { "inlines", pm_inlines }, { "machines", pm_machines }, { "world", pm_world },
        { "init", pm_init },       { "claims", pm_claims },
    };
    tp_expand(out, tp_promela, hooks, (int)(sizeof hooks / sizeof hooks[0]), &c);
}
