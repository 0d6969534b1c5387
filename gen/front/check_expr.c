/* check_expr.c - symbol tables, constants and expression resolution for the
 * checker; check.c calls it for every expression, and it never calls back. */
#include "check_int.h"

#include <string.h>

#include "arena.h"
#include "lex.h"

ck_cx ck_cx_make(ck_where where, int machine, int self_ok)
{
    ck_cx cx;
    cx.where = where;
    cx.machine = machine;
    cx.self_ok = self_ok;
    return cx;
}

/* ---- constants: lazily evaluated, once each ------------------------------- */

/* Value of the constant declared by declaration k, evaluated once; 'at' is
 * where it is needed (for the cycle diagnostic). */
int ck_const_eval(ck *c, int k, loc at, int32_t *out)
{
    const char *name = c->decl_of[k]->name;
    ck_const *cc = &c->consts[k];
    if (cc->state == 1) {
        diag_error(at, "constant '%s' is defined in terms of itself", name);
        cc->state = 3;
        return -1;
    }
    if (cc->state == 0) {
        cc->state = 1;
        ck_cx cx = ck_cx_make(CX_CONST, -1, 0);
        ir_expr *v = ck_expr(c, c->decl_of[k]->value, &cx, NULL);
        if (cc->state == 3 || !v)
            return cc->state = 3, -1;
        if (v->kind != IR_E_CONST || v->type.kind != IR_T_INT) {
            diag_error(c->decl_of[k]->value->at, "constant '%s' must be an integer constant",
                       name);
            cc->state = 3;
            return -1;
        }
        cc->value = v->value;
        cc->state = 2;
    }
    if (cc->state == 3)
        return -1;
    *out = cc->value;
    return 0;
}

static int ck_const_value(ck *c, const ast_expr *e, int32_t *out)
{
    return ck_const_eval(c, ck_lookup(&c->global, e->name)->index, e->at, out);
}

/* ---- symbol tables ---------------------------------------------------- */

static unsigned ck_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

ck_sym *ck_lookup(const ck_table *t, const char *name)
{
    if (!t->cap || !name)
        return NULL;
    for (unsigned i = ck_hash(name) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        if (!t->v[i].name)
            return NULL;
        if (strcmp(t->v[i].name, name) == 0)
            return &t->v[i];
    }
}

static void ck_grow(ck_table *t)
{
    unsigned cap = t->cap ? t->cap * 2 : 16;
    ck_sym *v = ar_array(cap, sizeof *v);
    for (unsigned k = 0; k < t->cap; k++) {
        if (!t->v[k].name)
            continue;
        unsigned i = ck_hash(t->v[k].name) & (cap - 1);
        while (v[i].name)
            i = (i + 1) & (cap - 1);
        v[i] = t->v[k];
    }
    t->v = v;
    t->cap = cap;
}

static const char *const ck_kind_names[] = {
    [SY_CONST] = "constant", [SY_TYPE] = "type", [SY_PARAM] = "param",
    [SY_OPTION] = "option", [SY_PLANT] = "plant variable", [SY_COMMAND] = "command",
    [SY_FAULT] = "fault", [SY_OPERATOR] = "operator action", [SY_MACHINE] = "machine",
    [SY_FAMILY] = "family", [SY_PROFILE] = "profile", [SY_CTRL] = "variable",
    [SY_STATE] = "state", [SY_EVENT] = "event", [SY_MEMBER] = "enum member",
    [SY_OUTCOME] = "outcome", [SY_PROP] = "property",
};

const char *ck_kind_name(ck_skind k)
{
    return ck_kind_names[k];
}

ck_sym *ck_insert(ck_table *t, const char *name, ck_skind kind, int index, loc at,
                  const char *what)
{
    ck_sym *old = ck_lookup(t, name);
    if (old) {
        diag_error(at, "%s '%s' is declared twice (first as %s at %s)", what, name,
                   ck_kind_name(old->kind), diag_ref(old->at, at));
        return NULL;
    }
    if (2 * (t->n + 1) > t->cap)
        ck_grow(t);
    unsigned i = ck_hash(name) & (t->cap - 1);
    while (t->v[i].name)
        i = (i + 1) & (t->cap - 1);
    ck_sym *s = &t->v[i];
    s->name = name;
    s->kind = kind;
    s->index = index;
    s->at = at;
    t->n++;
    return s;
}

/* ---- types ------------------------------------------------------------ */

int ck_same_type(const ir_type *a, const ir_type *b)
{
    if (a->kind != b->kind)
        return 0;
    if (a->kind == IR_T_ENUM || a->kind == IR_T_STATE)
        return a->id == b->id;
    return 1;
}

const char *ck_type_name(const ck *c, const ir_type *t)
{
    switch (t->kind) {
    case IR_T_BOOL:
        return "bool";
    case IR_T_INT:
        return "integer";
    case IR_T_ENUM:
        return ar_printf("enum '%s'", c->s->enums[t->id].name);
    case IR_T_STATE:
        return ar_printf("state of machine '%s'", c->s->machines[t->id].name);
    }
    return "?";
}

static ir_type ck_t(ir_tkind k)
{
    ir_type t;
    memset(&t, 0, sizeof t);
    t.kind = k;
    return t;
}

ir_expr *ck_new_const(loc at, ir_type t, int32_t v)
{
    ir_expr *e = ar_alloc(sizeof *e);
    e->kind = IR_E_CONST;
    e->type = t;
    e->at = at;
    e->value = v;
    e->var = e->machine = e->cmd = -1;
    return e;
}

static ir_expr *ck_node(ir_ekind k, loc at, ir_type t)
{
    ir_expr *e = ck_new_const(at, t, 0);
    e->kind = k;
    return e;
}

/* ---- names ------------------------------------------------------------ */

static const char *const ck_where_names[] = {
    [CX_CONST] = "a constant", [CX_SIZE] = "a size or bound",
    [CX_INIT] = "an initial value", [CX_PLANT] = "a plant effect",
    [CX_ENVWHEN] = "an environment condition", [CX_GUARD] = "a guard or action",
    [CX_PROP] = "a property",
};

static int ck_allowed(const ast_expr *e, const ck_cx *cx, ck_skind k, const char *name)
{
    int ok;
    switch (k) {
    case SY_PARAM:
        ok = cx->where != CX_CONST;
        break;
    case SY_OPTION:
    case SY_PLANT:
        ok = cx->where >= CX_PLANT;
        break;
    case SY_CTRL:               /* its machine's: in a guard or action, or an 'each M' property */
        ok = cx->where == CX_GUARD || (cx->where == CX_PROP && cx->machine >= 0);
        break;
    default:
        ok = 1;
    }
    if (!ok)
        diag_error(e->at, "%s '%s' cannot be read in %s", ck_kind_name(k), name,
                   ck_where_names[cx->where]);
    return ok;
}

static ck_sym *ck_find(ck *c, const char *name, const ck_cx *cx)
{
    if (cx->machine >= 0) {
        ck_sym *s = ck_lookup(&c->mvars[cx->machine], name);
        if (s)
            return s;
    }
    return ck_lookup(&c->global, name);
}

ir_expr *ck_member(ck *c, const ast_expr *e, const ir_type *t)
{
    if (e->kind != AE_NAME) {
        diag_error(e->at, "expected a member of %s", ck_type_name(c, t));
        return NULL;
    }
    const ck_table *tab = t->kind == IR_T_ENUM ? &c->members[t->id] : &c->mstates[t->id];
    ck_sym *s = ck_lookup(tab, e->name);
    if (!s) {
        if (t->kind == IR_T_ENUM)
            diag_error(e->at, "'%s' is not a member of enum '%s'", e->name,
                       c->s->enums[t->id].name);
        else
            diag_error(e->at, "'%s' is not a state of machine '%s'", e->name,
                       c->s->machines[t->id].name);
        return NULL;
    }
    return ck_new_const(e->at, *t, s->index);
}

static ir_expr *ck_var_ref(ck *c, const ast_expr *e, int var)
{
    const ir_var *v = &c->s->vars[var];
    if (v->shape != IR_SCALAR) {
        diag_error(e->at, "'%s' is %s; index it or use count()", e->name,
                   v->shape == IR_POOL ? "a pool" : "an array");
        return NULL;
    }
    ir_expr *r = ck_node(v->kind == IR_V_PARAM ? IR_E_PARAM : IR_E_VAR, e->at, v->elem);
    r->var = var;
    return r;
}

static ir_expr *ck_name(ck *c, const ast_expr *e, const ck_cx *cx, const ir_type *expect)
{
    ck_sym *s = ck_find(c, e->name, cx);
    if (!s) {
        if (expect && (expect->kind == IR_T_ENUM || expect->kind == IR_T_STATE))
            return ck_member(c, e, expect);
        diag_error(e->at, "'%s' is not declared", e->name);
        return NULL;
    }
    if (!ck_allowed(e, cx, s->kind, e->name))
        return NULL;
    switch (s->kind) {
    case SY_CONST: {
        int32_t v;
        if (ck_const_value(c, e, &v))
            return NULL;
        ir_type t = ck_t(IR_T_INT);
        return ck_new_const(e->at, t, v);
    }
    case SY_PARAM:
    case SY_OPTION:
    case SY_PLANT:
    case SY_CTRL:
        return ck_var_ref(c, e, s->index);
    default:
        if (expect && (expect->kind == IR_T_ENUM || expect->kind == IR_T_STATE)) {
            const ck_table *tab = expect->kind == IR_T_ENUM ? &c->members[expect->id]
                                                            : &c->mstates[expect->id];
            if (ck_lookup(tab, e->name))
                return ck_member(c, e, expect);
        }
        diag_error(e->at, "'%s' is a %s, not a value", e->name, ck_kind_name(s->kind));
        return NULL;
    }
}

/* A bare name that only an expected enum type can resolve. */
static int ck_is_literal(ck *c, const ast_expr *e, const ck_cx *cx)
{
    return e->kind == AE_NAME && !ck_find(c, e->name, cx);
}

/* The array/pool variable named by e->name, readable here; -1 on error. */
static int ck_collection(ck *c, const ast_expr *e, const ck_cx *cx, const char *what)
{
    ck_sym *s = ck_find(c, e->name, cx);
    if (!s) {
        diag_error(e->name_at, "'%s' is not declared", e->name);
        return -1;
    }
    if (s->kind != SY_PLANT && s->kind != SY_CTRL) {
        diag_error(e->name_at, "%s needs an array or pool, and '%s' is a %s", what, e->name,
                   ck_kind_name(s->kind));
        return -1;
    }
    if (!ck_allowed(e, cx, s->kind, e->name))
        return -1;
    if (c->s->vars[s->index].shape == IR_SCALAR) {
        diag_error(e->name_at, "%s needs an array or pool, and '%s' is a scalar", what, e->name);
        return -1;
    }
    return s->index;
}

static ir_expr *ck_int_expr(ck *c, const ast_expr *e, const ck_cx *cx, const char *what)
{
    ir_expr *r = ck_expr(c, e, cx, NULL);
    if (r && r->type.kind != IR_T_INT) {
        diag_error(e->at, "%s must be an integer, not %s", what, ck_type_name(c, &r->type));
        return NULL;
    }
    return r;
}

static ir_expr *ck_index(ck *c, const ast_expr *e, const ck_cx *cx)
{
    ck_sym *s = ck_find(c, e->name, cx);
    if (s && s->kind == SY_MACHINE) {
        diag_error(e->at, "machine '%s' is not a value; use '%s[...].state' or a variable of it",
                   e->name, e->name);
        return NULL;
    }
    int var = ck_collection(c, e, cx, "indexing");
    if (var < 0)
        return NULL;
    if (c->s->vars[var].shape == IR_POOL) {
        diag_error(e->at, "pool '%s' cannot be indexed; its elements are interchangeable "
                   "(use count())", e->name);
        return NULL;
    }
    ir_expr *i = ck_int_expr(c, e->a, cx, "an index");
    if (!i)
        return NULL;
    ir_expr *r = ck_node(IR_E_INDEX, e->at, c->s->vars[var].elem);
    r->var = var;
    r->a = i;
    return r;
}

static ir_expr *ck_field(ck *c, const ast_expr *e, const ck_cx *cx)
{
    ck_sym *s = ck_lookup(&c->global, e->name);
    if (!s || s->kind != SY_MACHINE) {
        diag_error(e->name_at, s ? "'%s' is not a machine" : "machine '%s' is not declared",
                   e->name);
        return NULL;
    }
    if (cx->where != CX_PROP && cx->where != CX_ENVWHEN) {
        diag_error(e->at, "another machine's state or variables can only be read in "
                   "properties and environment conditions");
        return NULL;
    }
    const ir_machine *m = &c->s->machines[s->index];
    ir_expr *idx = NULL;
    if (e->a) {
        if (!m->count) {
            diag_error(e->at, "machine '%s' is not an array", e->name);
            return NULL;
        }
        if (!(idx = ck_int_expr(c, e->a, cx, "a machine index")))
            return NULL;
    } else if (m->count && !(cx->where == CX_PROP && cx->machine == s->index)) {
        diag_error(e->at, "machine '%s' is an array; write '%s[i].%s'%s", e->name, e->name,
                   e->field, cx->where == CX_PROP ? " (or state the property of each instance: 'each M:')" : "");
        return NULL;
    }
    ir_expr *r;
    if (strcmp(e->field, "state") == 0) {
        ir_type t = ck_t(IR_T_STATE);
        t.id = s->index;
        r = ck_node(IR_E_STATE, e->at, t);
    } else {
        ck_sym *v = ck_lookup(&c->mvars[s->index], e->field);
        if (!v) {
            diag_error(e->at, "machine '%s' has no variable '%s'", e->name, e->field);
            return NULL;
        }
        if (c->s->vars[v->index].shape != IR_SCALAR) {
            diag_error(e->at, "'%s.%s' is not a scalar", e->name, e->field);
            return NULL;
        }
        r = ck_node(IR_E_MVAR, e->at, c->s->vars[v->index].elem);
        r->var = v->index;
    }
    r->machine = s->index;
    r->a = idx;
    return r;
}

static int ck_values(ck *c, ast_expr *const *items, int n, const ck_cx *cx,
                     const ir_type *t, int32_t **out)
{
    int32_t *v = ar_array((size_t)n, sizeof *v);
    int ok = 1;
    for (int i = 0; i < n; i++) {
        ir_expr *r = ck_is_literal(c, items[i], cx) && t->kind >= IR_T_ENUM
                         ? ck_member(c, items[i], t)
                         : ck_expr(c, items[i], cx, t);
        if (!r) {
            ok = 0;
            continue;
        }
        if (r->kind != IR_E_CONST || !ck_same_type(&r->type, t)) {
            diag_error(items[i]->at, "expected a constant of %s", ck_type_name(c, t));
            ok = 0;
            continue;
        }
        v[i] = r->value;
    }
    *out = v;
    return ok ? 0 : -1;
}

static ir_expr *ck_count(ck *c, const ast_expr *e, const ck_cx *cx)
{
    ir_type it = ck_t(IR_T_INT);
    ir_expr *r = ck_node(IR_E_COUNT, e->at, it);
    ir_type elem;
    if (e->field) {
        ck_sym *s = ck_lookup(&c->global, e->name);
        if (!s || s->kind != SY_MACHINE || !c->s->machines[s->index].count) {
            diag_error(e->name_at, "'%s.state' in count() needs a machine array", e->name);
            return NULL;
        }
        if (cx->where != CX_PROP && cx->where != CX_ENVWHEN) {
            diag_error(e->at, "machine states can only be counted in properties and "
                       "environment conditions");
            return NULL;
        }
        r->machine = s->index;
        elem = ck_t(IR_T_STATE);
        elem.id = s->index;
    } else {
        if ((r->var = ck_collection(c, e, cx, "count()")) < 0)
            return NULL;
        elem = c->s->vars[r->var].elem;
    }
    if (ck_values(c, e->items, e->nitems, cx, &elem, &r->vals))
        return NULL;
    r->nvals = e->nitems;
    return r;
}

static ir_expr *ck_size(ck *c, const ast_expr *e, const ck_cx *cx)
{
    ir_type it = ck_t(IR_T_INT);
    ir_expr *r = ck_node(IR_E_SIZE, e->at, it);
    ck_sym *s = ck_lookup(&c->global, e->name);
    if (s && s->kind == SY_MACHINE && c->s->machines[s->index].count) {
        r->machine = s->index;
        return r;
    }
    if ((r->var = ck_collection(c, e, cx, "size()")) < 0)
        return NULL;
    return r;
}

static ir_expr *ck_pending(ck *c, const ast_expr *e, const ck_cx *cx)
{
    if (cx->where != CX_GUARD) {
        diag_error(e->at, "pending() can only be used in a machine's guards and actions");
        return NULL;
    }
    ck_sym *s = ck_lookup(&c->global, e->name);
    if (!s || s->kind != SY_COMMAND) {
        diag_error(e->name_at, "command '%s' is not declared", e->name);
        return NULL;
    }
    ir_type bt = ck_t(IR_T_BOOL);
    ir_expr *r = ck_node(IR_E_PENDING, e->at, bt);
    r->cmd = s->index;
    r->machine = cx->machine;
    return r;
}

ir_expr *ck_bool_expr(ck *c, const ast_expr *e, const ck_cx *cx)
{
    ir_expr *r = ck_expr(c, e, cx, NULL);
    if (r && r->type.kind != IR_T_BOOL) {
        diag_error(e->at, "expected a condition (bool), found %s", ck_type_name(c, &r->type));
        return NULL;
    }
    return r;
}

static ir_expr *ck_unary(ck *c, const ast_expr *e, const ck_cx *cx)
{
    ir_expr *a;
    if (e->op == T_MINUS) {
        if (!(a = ck_int_expr(c, e->a, cx, "the operand of '-'")))
            return NULL;
        if (a->kind == IR_E_CONST) {
            if (a->value == INT32_MIN) {
                diag_error(e->at, "constant expression overflows");
                return NULL;
            }
            return ck_new_const(e->at, a->type, -a->value);
        }
        ir_expr *r = ck_node(IR_E_NEG, e->at, a->type);
        r->a = a;
        return r;
    }
    if (!(a = ck_bool_expr(c, e->a, cx)))
        return NULL;
    ir_ekind k = e->op == T_NOT ? IR_E_NOT : e->op == T_ALWAYS ? IR_E_ALWAYS : IR_E_EVENTUALLY;
    ir_expr *r = ck_node(k, e->at, a->type);
    r->a = a;
    return r;
}

static const struct {
    int op;
    ir_ekind kind;
    int operands;               /* 0 bool, 1 int, 2 same type */
    int result_bool;
} ck_binops[] = {
    { T_AND, IR_E_AND, 0, 1 },   { T_OR, IR_E_OR, 0, 1 },       { T_ARROW, IR_E_IMPLIES, 0, 1 },
    { T_IFF, IR_E_IFF, 0, 1 },   { K_UNTIL, IR_E_UNTIL, 0, 1 }, { T_EQ, IR_E_EQ, 2, 1 },
    { T_NE, IR_E_NE, 2, 1 },     { T_LT, IR_E_LT, 1, 1 },       { T_LE, IR_E_LE, 1, 1 },
    { T_GT, IR_E_GT, 1, 1 },     { T_GE, IR_E_GE, 1, 1 },       { T_PLUS, IR_E_ADD, 1, 0 },
    { T_MINUS, IR_E_SUB, 1, 0 },
};

static ir_expr *ck_binary(ck *c, const ast_expr *e, const ck_cx *cx)
{
    size_t i = 0;
    while (ck_binops[i].op != e->op)
        i++;
    ir_expr *a, *b;
    if (ck_binops[i].operands == 0) {
        a = ck_bool_expr(c, e->a, cx);
        b = ck_bool_expr(c, e->b, cx);
    } else if (ck_binops[i].operands == 1) {
        a = ck_int_expr(c, e->a, cx, ar_printf("the operand of %s", lx_kind_name((lx_kind)e->op)));
        b = ck_int_expr(c, e->b, cx, ar_printf("the operand of %s", lx_kind_name((lx_kind)e->op)));
    } else if (ck_is_literal(c, e->a, cx) && !ck_is_literal(c, e->b, cx)) {
        b = ck_expr(c, e->b, cx, NULL);
        a = b ? ck_expr(c, e->a, cx, &b->type) : NULL;
    } else {
        a = ck_expr(c, e->a, cx, NULL);
        b = a ? ck_expr(c, e->b, cx, &a->type) : NULL;
    }
    if (!a || !b)
        return NULL;
    if (ck_binops[i].operands == 2 && !ck_same_type(&a->type, &b->type)) {
        diag_error(e->at, "cannot compare %s with %s", ck_type_name(c, &a->type),
                   ck_type_name(c, &b->type));
        return NULL;
    }
    ir_type t = ck_t(ck_binops[i].result_bool ? IR_T_BOOL : IR_T_INT);
    if (a->kind == IR_E_CONST && b->kind == IR_E_CONST && !ck_binops[i].result_bool) {
        int64_t v = e->op == T_PLUS ? (int64_t)a->value + b->value : (int64_t)a->value - b->value;
        if (v > INT32_MAX || v < INT32_MIN) {
            diag_error(e->at, "constant expression overflows");
            return NULL;
        }
        return ck_new_const(e->at, t, (int32_t)v);
    }
    ir_expr *r = ck_node(ck_binops[i].kind, e->at, t);
    r->a = a;
    r->b = b;
    return r;
}

/* A balanced '||' over eqs[lo, hi): long sets stay shallow trees. */
static ir_expr *ck_or_tree(ir_expr **eqs, int lo, int hi, loc at)
{
    if (hi - lo == 1)
        return eqs[lo];
    int mid = lo + (hi - lo) / 2;
    ir_type bt = ck_t(IR_T_BOOL);
    ir_expr *o = ck_node(IR_E_OR, at, bt);
    o->a = ck_or_tree(eqs, lo, mid, at);
    o->b = ck_or_tree(eqs, mid, hi, at);
    return o;
}

/* 'x in {A, B}' becomes 'x == A || x == B'. */
static ir_expr *ck_in(ck *c, const ast_expr *e, const ck_cx *cx)
{
    ir_expr *a = ck_expr(c, e->a, cx, NULL);
    if (!a)
        return NULL;
    ir_type bt = ck_t(IR_T_BOOL);
    ir_expr **eqs = ar_array((size_t)e->nitems, sizeof *eqs);
    for (int i = 0; i < e->nitems; i++) {
        ir_expr *v = ck_expr(c, e->items[i], cx, &a->type);
        if (!v)
            return NULL;
        if (!ck_same_type(&a->type, &v->type)) {
            diag_error(e->items[i]->at, "cannot compare %s with %s", ck_type_name(c, &a->type),
                       ck_type_name(c, &v->type));
            return NULL;
        }
        eqs[i] = ck_node(IR_E_EQ, e->items[i]->at, bt);
        eqs[i]->a = a;
        eqs[i]->b = v;
    }
    return ck_or_tree(eqs, 0, e->nitems, e->at);
}

ir_expr *ck_expr(ck *c, const ast_expr *e, const ck_cx *cx, const ir_type *expect)
{
    ir_type t;
    switch (e->kind) {
    case AE_INT:
        t = ck_t(IR_T_INT);
        return ck_new_const(e->at, t, (int32_t)e->ival);
    case AE_BOOL:
        t = ck_t(IR_T_BOOL);
        return ck_new_const(e->at, t, (int32_t)e->ival);
    case AE_NAME:
        return ck_name(c, e, cx, expect);
    case AE_INDEX:
        return ck_index(c, e, cx);
    case AE_FIELD:
        return ck_field(c, e, cx);
    case AE_STATE:
        if (cx->machine < 0 || cx->where != CX_GUARD) {
            diag_error(e->at, "'state' is only meaningful inside a machine; write 'M.state'");
            return NULL;
        }
        t = ck_t(IR_T_STATE);
        t.id = cx->machine;
        ir_expr *r = ck_node(IR_E_STATE, e->at, t);
        r->machine = cx->machine;
        return r;
    case AE_SELF:
        if (!cx->self_ok) {
            diag_error(e->at, "'self' is only meaningful inside a machine array");
            return NULL;
        }
        t = ck_t(IR_T_INT);
        ir_expr *sf = ck_node(IR_E_SELF, e->at, t);
        sf->machine = cx->machine;
        return sf;
    case AE_COUNT:
        return ck_count(c, e, cx);
    case AE_SIZE:
        return ck_size(c, e, cx);
    case AE_PENDING:
        return ck_pending(c, e, cx);
    case AE_UNARY:
        return ck_unary(c, e, cx);
    case AE_BINARY:
        return ck_binary(c, e, cx);
    case AE_IN:
        return ck_in(c, e, cx);
    }
    return NULL;
}
