/* check.c - declarations: names, types, families, commands, environment,
 * machines and properties, from AST to IR (see check.h).  Expressions are
 * resolved in check_expr.c. */
#include "check.h"

#include <string.h>

#include "arena.h"
#include "check_int.h"
#include "symmetry.h"

#define CK_MAX_TABLE (1 << 24)  /* states x events and similar products */

/* ---- types ------------------------------------------------------------ */

static int ck_scalar_type(ck *c, const ast_type *t, ck_where where, ir_type *out)
{
    memset(out, 0, sizeof *out);
    ck_cx cx = ck_cx_make(where, -1, 0);
    switch (t->kind) {
    case AT_BOOL:
        out->kind = IR_T_BOOL;
        return 0;
    case AT_RANGE:
        out->kind = IR_T_INT;
        out->lo = ck_expr(c, t->lo, &cx, NULL);
        out->hi = ck_expr(c, t->hi, &cx, NULL);
        if (!out->lo || !out->hi)
            return -1;
        if (out->lo->type.kind != IR_T_INT || out->hi->type.kind != IR_T_INT) {
            diag_error(t->at, "range bounds must be integers");
            return -1;
        }
        return 0;
    case AT_NAMED: {
        ck_sym *s = ck_lookup(&c->global, t->name);
        if (!s || s->kind != SY_TYPE) {
            diag_error(t->at, s ? "'%s' is a %s, not a type" : "type '%s' is not declared",
                       t->name, s ? ck_kind_name(s->kind) : "");
            return -1;
        }
        out->kind = IR_T_ENUM;
        out->id = s->index;
        return 0;
    }
    default:
        diag_error(t->at, "expected a scalar type (bool, a range or an enum)");
        return -1;
    }
}

static int ck_var_type(ck *c, const ast_type *t, ir_var *v, int collections)
{
    v->shape = IR_SCALAR;
    if (t->kind != AT_ARRAY && t->kind != AT_POOL)
        return ck_scalar_type(c, t, v->kind == IR_V_PARAM ? CX_CONST : CX_SIZE, &v->elem);
    if (!collections) {
        diag_error(t->at, "%s cannot be %s", v->kind == IR_V_PARAM ? "a param" : "a controller variable",
                   t->kind == AT_POOL ? "a pool" : "an array");
        return -1;
    }
    ck_cx cx = ck_cx_make(CX_SIZE, -1, 0);
    v->size = ck_expr(c, t->size, &cx, NULL);
    if (!v->size)
        return -1;
    if (v->size->type.kind != IR_T_INT) {
        diag_error(t->size->at, "a size must be an integer");
        return -1;
    }
    if (t->kind == AT_ARRAY) {
        v->shape = IR_ARRAY;
        return ck_scalar_type(c, t->elem, CX_SIZE, &v->elem);
    }
    v->shape = IR_POOL;
    ast_type named;
    memset(&named, 0, sizeof named);
    named.kind = AT_NAMED;
    named.at = t->at;
    named.name = t->name;
    return ck_scalar_type(c, &named, CX_SIZE, &v->elem);
}

/* ---- pass 0: extensions ---------------------------------------------- */

/* 'extend machine M { ... }' adds to M what it holds as if it had been
 * written at the end of M's body, extensions in order of appearance.  The
 * checker then sees one machine: every check of a machine (a name declared
 * twice, one initial state) holds across its extensions.  The merge copies
 * the list nodes it links: the AST is not changed. */

/* fn(a, b): copies of the nodes of list a, then of list b, of node type T. */
#define CK_CAT_FN(fn, T)                                                    \
    static T *fn(const T *a, const T *b)                                    \
    {                                                                       \
        T *head = NULL, **tail = &head;                                     \
        for (int part = 0; part < 2; part++)                                \
            for (const T *x = part ? b : a; x; x = x->next) {               \
                *tail = ar_alloc(sizeof **tail);                            \
                **tail = *x;                                                \
                (*tail)->next = NULL;                                       \
                tail = &(*tail)->next;                                      \
            }                                                               \
        return head;                                                        \
    }
CK_CAT_FN(ck_cat_states, ast_state)
CK_CAT_FN(ck_cat_vars, ast_mvar)
CK_CAT_FN(ck_cat_events, ast_mevent)
#undef CK_CAT_FN

/* A copy of declaration d, alone. */
static ast_decl *ck_decl_copy(const ast_decl *d)
{
    ast_decl *n = ar_alloc(sizeof *n);
    *n = *d;
    n->next = NULL;
    return n;
}

/* The first machine named 'name' in list, or NULL. */
static ast_decl *ck_machine_decl(ast_decl *list, const char *name)
{
    for (; list; list = list->next)
        if (list->kind == AD_MACHINE && strcmp(list->name, name) == 0)
            return list;
    return NULL;
}

/* The spec with every extension merged into its machine: a copy of the
 * declaration list without the extensions.  The extensions of no machine
 * are left in *orphans (linked by 'next'), for ck_check to report once the
 * names are known. */
static ast_spec ck_merge(const ast_spec *ast, ast_decl **orphans)
{
    ast_spec out = { NULL };
    ast_decl **tail = &out.decls, **otail = orphans;
    *orphans = NULL;
    for (const ast_decl *d = ast->decls; d; d = d->next) {
        if (d->kind == AD_EXTEND)
            continue;
        *tail = ck_decl_copy(d);
        tail = &(*tail)->next;
    }
    for (const ast_decl *d = ast->decls; d; d = d->next) {
        if (d->kind != AD_EXTEND)
            continue;
        ast_decl *m = ck_machine_decl(out.decls, d->name);
        if (!m) {
            *otail = ck_decl_copy(d);
            otail = &(*otail)->next;
            continue;
        }
        m->machine.states = ck_cat_states(m->machine.states, d->machine.states);
        m->machine.vars = ck_cat_vars(m->machine.vars, d->machine.vars);
        m->machine.events = ck_cat_events(m->machine.events, d->machine.events);
    }
    return out;
}

/* Report the extensions of no machine (once every top-level name is known). */
static void ck_orphans(ck *c, const ast_decl *orphans)
{
    for (const ast_decl *d = orphans; d; d = d->next) {
        const ck_sym *g = ck_lookup(&c->global, d->name);
        const char *kind = g ? ck_kind_name(g->kind) : "";
        if (g)
            diag_error(d->at, "cannot extend '%s': it is %s %s, not a machine", d->name,
                       strchr("aeiou", kind[0]) ? "an" : "a", kind);
        else
            diag_error(d->at, "cannot extend machine '%s': no machine of that name is declared",
                       d->name);
    }
}

/* ---- pass 1: declare every name --------------------------------------- */

static int ck_new_var(ck *c, const char *name, const char *doc, loc at, ir_vkind kind, int machine)
{
    ir_spec *s = c->s;
    ir_var *v = &s->vars[s->nvars];
    v->name = name;
    v->doc = doc;
    v->at = at;
    v->kind = kind;
    v->machine = machine;
    return s->nvars++;
}

static void ck_declare_enum(ck *c, const ast_decl *d)
{
    ir_spec *s = c->s;
    int k = s->nenums++;
    ir_enum *e = &s->enums[k];
    e->name = d->name;
    e->at = d->at;
    int n = 0;
    for (const ast_ident *m = d->members; m; m = m->next)
        n++;
    e->members = ar_array((size_t)n, sizeof *e->members);
    e->member_at = ar_array((size_t)n, sizeof *e->member_at);
    for (const ast_ident *m = d->members; m; m = m->next) {
        if (!ck_insert(&c->members[k], m->name, SY_MEMBER, e->n, m->at, "member"))
            continue;
        e->member_at[e->n] = m->at;
        e->members[e->n++] = m->name;
    }
    ck_insert(&c->global, d->name, SY_TYPE, k, d->at, "type");
}

static void ck_declare_machine(ck *c, const ast_decl *d)
{
    ir_spec *s = c->s;
    int k = s->nmachines++;
    ir_machine *m = &s->machines[k];
    m->name = d->name;
    m->doc = d->doc;
    m->at = d->at;
    m->initial = -1;
    int n = 0;
    for (const ast_state *st = d->machine.states; st; st = st->next)
        n++;
    m->states = ar_array((size_t)n, sizeof *m->states);
    for (const ast_state *st = d->machine.states; st; st = st->next) {
        if (!ck_insert(&c->mstates[k], st->name, SY_STATE, m->nstates, st->at, "state"))
            continue;
        ir_state *is = &m->states[m->nstates];
        is->name = st->name;
        is->doc = st->doc;
        is->at = st->at;
        is->initial = st->initial;
        is->final = st->final;
        if (st->initial) {
            const ir_state *first = m->initial >= 0 ? &m->states[m->initial] : NULL;
            if (first && diag_same_file(first->at, st->at))
                diag_error(st->at, "machine '%s' has two initial states ('%s' and '%s')",
                           d->name, first->name, st->name);
            else if (first)
                diag_error(st->at, "machine '%s' has two initial states ('%s', at %s, and '%s')",
                           d->name, first->name, diag_ref(first->at, st->at), st->name);
            else
                m->initial = m->nstates;
        }
        m->nstates++;
    }
    if (m->initial < 0 && m->nstates > 0)
        diag_error(d->at, "machine '%s' has no initial state", d->name);
    if (m->nstates == 0)
        diag_error(d->at, "machine '%s' has no states", d->name);
    int nv = 0;
    for (const ast_mvar *v = d->machine.vars; v; v = v->next)
        nv++;
    m->vars = ar_array((size_t)nv + 1, sizeof *m->vars);
    for (const ast_mvar *v = d->machine.vars; v; v = v->next) {
        if (ck_lookup(&c->global, v->name)) {
            diag_error(v->at, "variable '%s' hides the top-level %s of that name", v->name,
                       ck_kind_name(ck_lookup(&c->global, v->name)->kind));
            continue;
        }
        int var = c->s->nvars;
        if (ck_insert(&c->mvars[k], v->name, SY_CTRL, var, v->at, "variable")) {
            ck_new_var(c, v->name, v->doc, v->at, IR_V_CTRL, k);
            m->vars[m->nvars++] = var;
        }
    }
    ck_insert(&c->global, d->name, SY_MACHINE, k, d->at, "machine");
}

static void ck_declare_command(ck *c, const ast_decl *d)
{
    ir_spec *s = c->s;
    int k = s->ncmds++;
    ir_cmd *cmd = &s->cmds[k];
    cmd->name = d->name;
    cmd->doc = d->doc;
    cmd->at = d->at;
    cmd->timeout_ms = d->timeout_ms;
    cmd->timeout_outcome = -1;
    int n = 0;
    for (const ast_outcome *o = d->outcomes; o; o = o->next)
        n++;
    cmd->outcomes = ar_array((size_t)n, sizeof *cmd->outcomes);
    for (const ast_outcome *o = d->outcomes; o; o = o->next) {
        if (!ck_insert(&c->outcomes[k], o->name, SY_OUTCOME, cmd->noutcomes, o->at, "outcome"))
            continue;
        ir_outcome *io = &cmd->outcomes[cmd->noutcomes];
        io->name = o->name;
        io->doc = o->doc;
        io->at = o->at;
        if (strcmp(o->name, "timeout") == 0)
            cmd->timeout_outcome = cmd->noutcomes;
        cmd->noutcomes++;
    }
    if (n == 0)
        diag_error(d->at, "command '%s' declares no outcome", d->name);
    if (d->timeout_ms >= 0 && cmd->timeout_outcome < 0)
        diag_error(d->timeout_at, "command '%s' has a timeout but no 'timeout' outcome", d->name);
    if (d->timeout_ms == 0)
        diag_error(d->timeout_at, "a timeout must be longer than 0 ms");
    if (d->timeout_ms < 0 && cmd->timeout_outcome >= 0)
        diag_error(cmd->outcomes[cmd->timeout_outcome].at,
                   "outcome 'timeout' of command '%s' needs a 'timeout' duration on the command",
                   d->name);
    ck_insert(&c->global, d->name, SY_COMMAND, k, d->at, "command");
}

static void ck_declare(ck *c, const ast_decl *d, int k)
{
    ir_spec *s = c->s;
    switch (d->kind) {
    case AD_CONST:
        ck_insert(&c->global, d->name, SY_CONST, k, d->at, "constant");
        break;
    case AD_TYPE:
        ck_declare_enum(c, d);
        break;
    case AD_PARAM:
        ck_insert(&c->global, d->name, SY_PARAM, s->nvars, d->at, "param");
        ck_new_var(c, d->name, d->doc, d->at, IR_V_PARAM, -1);
        break;
    case AD_OPTION:
        ck_insert(&c->global, d->name, SY_OPTION, s->nvars, d->at, "option");
        ck_new_var(c, d->name, d->doc, d->at, IR_V_OPTION, -1);
        s->vars[s->nvars - 1].elem.kind = IR_T_BOOL;
        break;
    case AD_PLANT:
        ck_insert(&c->global, d->name, SY_PLANT, s->nvars, d->at, "plant variable");
        ck_new_var(c, d->name, d->doc, d->at, IR_V_PLANT, -1);
        break;
    case AD_FAMILY:
        ck_insert(&c->global, d->name, SY_FAMILY, s->nfamilies, d->at, "family");
        s->families[s->nfamilies].name = d->name;
        s->families[s->nfamilies].doc = d->doc;
        s->families[s->nfamilies++].at = d->at;
        break;
    case AD_COMMAND:
        ck_declare_command(c, d);
        break;
    case AD_FAULT:
    case AD_OPERATOR:
        ck_insert(&c->global, d->name, d->kind == AD_FAULT ? SY_FAULT : SY_OPERATOR,
                  s->nenvs, d->at, d->kind == AD_FAULT ? "fault" : "operator action");
        s->envs[s->nenvs].name = d->name;
        s->envs[s->nenvs].doc = d->doc;
        s->envs[s->nenvs].at = d->at;
        s->envs[s->nenvs].event = -1;
        s->envs[s->nenvs++].is_fault = d->kind == AD_FAULT;
        break;
    case AD_MACHINE:
        ck_declare_machine(c, d);
        break;
    case AD_INVARIANT:
    case AD_LTL:
        ck_insert(&c->props, d->name, SY_PROP, s->nprops, d->at, "property");
        s->props[s->nprops].id = d->name;
        s->props[s->nprops].text = d->doc;
        s->props[s->nprops++].at = d->at;
        break;
    case AD_EXTEND:              /* merged into its machine by ck_merge */
        break;
    }
}

/* ---- walking the variables ------------------------------------------- */

static int ck_same_at(loc a, loc b)
{
    return a.line == b.line && a.col == b.col && diag_same_file(a, b);
}

/* Call fn for every variable in declaration order: top-level params,
 * options and plant variables (mv NULL), then each machine's variables (d is
 * the machine).  A name declared twice is visited once, at its first
 * declaration: the duplicate was reported and has no IR variable. */
typedef void ck_var_fn(ck *c, ir_var *v, const ast_decl *d, const ast_mvar *mv);

static void ck_each_var(ck *c, ck_var_fn *fn)
{
    int vi = 0, k = -1;
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind == AD_PARAM || d->kind == AD_OPTION || d->kind == AD_PLANT) {
            fn(c, &c->s->vars[vi++], d, NULL);
        } else if (d->kind == AD_MACHINE) {
            k++;
            for (const ast_mvar *mv = d->machine.vars; mv; mv = mv->next) {
                ck_sym *s = ck_lookup(&c->mvars[k], mv->name);
                if (s && ck_same_at(s->at, mv->at))
                    fn(c, &c->s->vars[vi++], d, mv);  /* vi == s->index: same order */
            }
        }
    }
}

/* ---- pass 2: variable types and machine array sizes ------------------- */

static void ck_type_of(ck *c, ir_var *v, const ast_decl *d, const ast_mvar *mv)
{
    if (mv)
        ck_var_type(c, mv->type, v, 0);
    else if (d->kind != AD_OPTION)
        ck_var_type(c, d->type, v, d->kind == AD_PLANT);
}

static void ck_types(ck *c)
{
    int k = -1;
    ck_each_var(c, ck_type_of);         /* params first: sizes read them */
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind != AD_MACHINE || (k++, !d->machine.count))
            continue;
        ck_cx cx = ck_cx_make(CX_SIZE, -1, 0);
        ir_expr *n = ck_expr(c, d->machine.count, &cx, NULL);
        if (n && n->type.kind != IR_T_INT)
            diag_error(d->machine.count->at, "a machine array size must be an integer");
        else
            c->s->machines[k].count = n;
        c->s->machines[k].symmetric = d->machine.symmetric;
    }
}

/* ---- pass 3: families and profiles ------------------------------------ */

static int ck_param_value(ck *c, const ast_expr *e, const ir_var *p, int32_t *out)
{
    ck_cx cx = ck_cx_make(CX_CONST, -1, 0);
    ir_expr *v = ck_expr(c, e, &cx, &p->elem);
    if (!v)
        return -1;
    if (v->kind != IR_E_CONST || !ck_same_type(&v->type, &p->elem)) {
        diag_error(e->at, "param '%s' needs a constant of %s", p->name, ck_type_name(c, &p->elem));
        return -1;
    }
    if (p->elem.kind == IR_T_INT) {
        int32_t lo = ir_const(c->s, p->elem.lo, 0), hi = ir_const(c->s, p->elem.hi, 0);
        if (v->value < lo || v->value > hi) {
            diag_error(e->at, "value %d is outside the domain %d..%d of param '%s'", v->value,
                       lo, hi, p->name);
            return -1;
        }
    }
    *out = v->value;
    return 0;
}

static void ck_assigns(ck *c, const ast_assign *a, int32_t *vals, uint8_t *set)
{
    for (; a; a = a->next) {
        ck_sym *s = ck_lookup(&c->global, a->name);
        if (!s || s->kind != SY_PARAM) {
            diag_error(a->at, s ? "'%s' is a %s, not a param" : "param '%s' is not declared",
                       a->name, s ? ck_kind_name(s->kind) : "");
            continue;
        }
        ck_param_value(c, a->value, &c->s->vars[s->index], &vals[s->index]);
        set[s->index] = 1;          /* reported if bad; not "missing" as well */
    }
}

static void ck_profile(ck *c, int family, const char *name, const char *doc, loc at,
                       const ast_assign *fam, const ast_assign *own, const int32_t *defaults,
                       const uint8_t *has_default)
{
    ir_spec *s = c->s;
    ir_profile *p = &s->profiles[s->nprofiles];
    if (!ck_insert(&c->profiles, name, SY_PROFILE, s->nprofiles, at, "profile"))
        return;
    p->name = name;
    p->doc = doc;
    p->at = at;
    p->family = family;
    p->param = ar_array((size_t)s->nvars, sizeof *p->param);
    uint8_t *set = ar_array((size_t)s->nvars, 1);
    memcpy(p->param, defaults, (size_t)s->nvars * sizeof *p->param);
    memcpy(set, has_default, (size_t)s->nvars);
    ck_assigns(c, fam, p->param, set);
    ck_assigns(c, own, p->param, set);
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].kind == IR_V_PARAM && !set[i])
            diag_error(at, "profile '%s' gives no value to param '%s'", name, s->vars[i].name);
    s->nprofiles++;
}

/* A param's default, as its IR constant (0 if the value is bad: reported). */
static void ck_default_of(ck *c, ir_var *v, const ast_decl *d, const ast_mvar *mv)
{
    int32_t value = 0;
    if (mv || d->kind != AD_PARAM || !d->value)
        return;
    ck_param_value(c, d->value, v, &value);
    v->deflt = ck_new_const(d->value->at, v->elem, value);
}

static void ck_families(ck *c)
{
    ir_spec *s = c->s;
    int32_t *defaults = ar_array((size_t)s->nvars + 1, sizeof *defaults);
    uint8_t *has = ar_array((size_t)s->nvars + 1, 1);
    int fi = 0;
    /* by ck_each_var: a param may be declared after a machine's variables */
    ck_each_var(c, ck_default_of);
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].deflt) {
            defaults[i] = s->vars[i].deflt->value;
            has[i] = 1;     /* a bad default was reported: not "missing" as well */
        }
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind != AD_FAMILY)
            continue;
        if (!d->profiles)
            diag_error(d->at, "family '%s' has no profile", d->name);
        for (const ast_profile *p = d->profiles; p; p = p->next)
            ck_profile(c, fi, p->name, p->doc, p->at, d->assigns, p->assigns, defaults, has);
        fi++;
    }
    if (s->nfamilies == 0) {
        /* A spec without families (a small test spec) gets one implicit
         * profile made of the params' defaults. */
        loc at = { 1, 1, s->file };
        s->families[0].name = "default";
        s->families[0].at = at;
        s->nfamilies = 1;
        ck_profile(c, 0, "default", "params at their defaults", at, NULL, NULL, defaults, has);
    }
}

/* ---- pass 4: initial values ------------------------------------------- */

static ir_expr *ck_init_value(ck *c, const ast_expr *e, const ir_var *v)
{
    ck_cx cx = ck_cx_make(CX_INIT, -1, 0);
    ir_expr *r = ck_expr(c, e, &cx, &v->elem);
    if (!r)
        return NULL;
    if (!ck_same_type(&r->type, &v->elem)) {
        diag_error(e->at, "'%s' holds %s, not %s", v->name, ck_type_name(c, &v->elem),
                   ck_type_name(c, &r->type));
        return NULL;
    }
    return r;
}

static void ck_init_list(ck *c, ir_var *v, ast_expr *const *items, int n)
{
    v->values = ar_array((size_t)n, sizeof *v->values);
    v->nvalues = n;
    for (int i = 0; i < n; i++)
        v->values[i] = ck_init_value(c, items[i], v);
}

static void ck_plant_init(ck *c, const ast_decl *d, ir_var *v)
{
    const ast_init *in = &d->init;
    switch (in->kind) {
    case AI_NONE:
        diag_error(d->at, "plant variable '%s' needs an initial value", d->name);
        break;
    case AI_EXPR:
        v->init = IR_I_VALUE;
        ck_init_list(c, v, &in->e, 1);
        break;
    case AI_ANY:
        v->init = IR_I_ANY;
        break;
    case AI_SET:
        v->init = IR_I_SET;
        ck_init_list(c, v, in->items, in->nitems);
        break;
    case AI_LIST:
        if (v->shape != IR_ARRAY) {
            diag_error(in->at, "a list initialises an array, and '%s' is %s", d->name,
                       v->shape == IR_POOL ? "a pool" : "a scalar");
            break;
        }
        v->init = IR_I_LIST;
        ck_init_list(c, v, in->items, in->nitems);
        for (int p = 0; p < c->s->nprofiles; p++) {
            int32_t size = ir_size(c->s, v, p);
            if (size != in->nitems) {
                diag_error(in->at, "'%s' has %d elements in profile '%s' but the list has %d",
                           d->name, size, c->s->profiles[p].name, in->nitems);
                break;
            }
        }
        break;
    }
}

static void ck_init_of(ck *c, ir_var *v, const ast_decl *d, const ast_mvar *mv)
{
    if (mv) {
        v->init = IR_I_VALUE;
        ck_init_list(c, v, &mv->init, 1);
    } else if (d->kind == AD_PLANT) {
        ck_plant_init(c, d, v);
    }
}

static void ck_inits(ck *c)
{
    ck_each_var(c, ck_init_of);
}

/* ---- pass 5: the event table ------------------------------------------ */

static int ck_add_event(ck *c, const char *name, const char *doc, loc at, ir_evkind kind)
{
    ir_spec *s = c->s;
    ir_event *e = &s->events[s->nevents];
    e->name = name;
    e->doc = doc;
    e->at = at;
    e->kind = kind;
    e->cmd = e->outcome = e->env = e->machine = -1;
    return s->nevents++;
}

static int ck_machine_named(ck *c, const char *name, loc at)
{
    ck_sym *s = ck_lookup(&c->global, name);
    if (!s || s->kind != SY_MACHINE) {
        diag_error(at, s ? "'%s' is a %s, not a machine" : "machine '%s' is not declared", name,
                   s ? ck_kind_name(s->kind) : "");
        return -1;
    }
    return s->index;
}

static void ck_events(ck *c)
{
    ir_spec *s = c->s;
    for (int k = 0; k < s->ncmds; k++)
        for (int o = 0; o < s->cmds[k].noutcomes; o++) {
            ir_outcome *io = &s->cmds[k].outcomes[o];
            int ev = ck_add_event(c, ar_printf("%s.%s", s->cmds[k].name, io->name), io->doc,
                                  io->at, IR_EV_OUTCOME);
            s->events[ev].cmd = k;
            s->events[ev].outcome = o;
            io->event = ev;
        }
    int ei = 0;
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind != AD_FAULT && d->kind != AD_OPERATOR)
            continue;
        ir_env *env = &s->envs[ei++];
        env->machine = 0;
        if (d->to)
            env->machine = ck_machine_named(c, d->to, d->to_at);
        else if (s->nmachines == 0 && !d->silent)
            diag_error(d->at, "'%s' raises an event but the spec has no machine to receive it",
                       d->name);
        env->to_any = d->to_any;
        if (env->machine >= 0 && env->to_any && !s->machines[env->machine].count)
            diag_error(d->to_at, "'to %s[any]' needs a machine array", d->to);
        if (env->machine >= 0 && !env->to_any && s->machines[env->machine].count)
            diag_error(d->to ? d->to_at : d->at, "machine '%s' is an array; write 'to %s[any]'",
                       s->machines[env->machine].name, s->machines[env->machine].name);
        env->silent = d->silent;
        if (d->limit < 1)
            diag_error(d->at, "the limit of '%s' must be at least 1", d->name);
        env->limit = (int)d->limit;
        if (!d->silent && s->nmachines > 0 && env->machine >= 0) {
            env->event = ck_add_event(c, d->name, d->doc, d->at,
                                      env->is_fault ? IR_EV_FAULT : IR_EV_OPERATOR);
            s->events[env->event].env = (int)(env - s->envs);
            s->events[env->event].machine = env->machine;
        }
    }
    int k = -1;
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind != AD_MACHINE)
            continue;
        k++;
        for (const ast_mevent *me = d->machine.events; me; me = me->next) {
            ck_sym *g = ck_lookup(&c->global, me->name);
            if (g && (g->kind == SY_FAULT || g->kind == SY_OPERATOR)) {
                diag_error(me->at, "event '%s' has the name of a %s", me->name,
                           ck_kind_name(g->kind));
                continue;
            }
            if (!ck_insert(&c->mevents[k], me->name, SY_EVENT, s->nevents, me->at, "event"))
                continue;
            int ev = ck_add_event(c, me->name, me->doc, me->at, IR_EV_MACHINE);
            s->events[ev].machine = k;
        }
    }
}

/* ---- pass 6: effects of commands and the environment ------------------ */

static int ck_count_effects(const ast_effect *f)
{
    int n = 0;
    for (; f; f = f->next)
        n++;
    return n;
}

static int ck_effect_list(ck *c, const ast_effect *list, const ck_cx *cx, ir_effect **out);

static int ck_member_of(ck *c, const ast_expr *e, const ir_var *v, int32_t *out)
{
    ir_expr *r = ck_member(c, e, &v->elem);
    if (!r)
        return -1;
    *out = r->value;
    return 0;
}

static void ck_move(ck *c, const ast_effect *f, ir_effect *fx)
{
    ck_sym *s = ck_lookup(&c->global, f->name);
    if (!s || s->kind != SY_PLANT || c->s->vars[s->index].shape != IR_POOL) {
        diag_error(f->name_at, s ? "'move' needs a pool, and '%s' is not one"
                                 : "pool '%s' is not declared", f->name);
        return;
    }
    const ir_var *v = &c->s->vars[s->index];
    fx->kind = f->move_all ? IR_F_MOVE_ALL : IR_F_MOVE_ONE;
    fx->var = s->index;
    fx->from = ar_array((size_t)f->nfrom, sizeof *fx->from);
    fx->nfrom = f->nfrom;
    for (int i = 0; i < f->nfrom; i++)
        ck_member_of(c, f->from[i], v, &fx->from[i]);
    if (ck_member_of(c, f->to, v, &fx->to))
        return;
    for (int i = 0; i < f->nfrom; i++)
        if (fx->from[i] == fx->to)
            diag_error(f->at, "'move' from '%s' to itself", v->elem.kind == IR_T_ENUM
                       ? c->s->enums[v->elem.id].members[fx->to] : "?");
}

static void ck_assign_effect(ck *c, const ast_effect *f, const ck_cx *cx, ir_effect *fx)
{
    ck_sym *s = ck_lookup(&c->global, f->name);
    if (!s || s->kind != SY_PLANT) {
        if (!s)
            diag_error(f->name_at, "'%s' is not declared", f->name);
        else
            diag_error(f->name_at, "effects assign plant variables, and '%s' is a %s", f->name,
                       ck_kind_name(s->kind));
        return;
    }
    const ir_var *v = &c->s->vars[s->index];
    fx->var = s->index;
    if (v->shape == IR_POOL) {
        diag_error(f->name_at, "pool '%s' changes only by 'move'", f->name);
        return;
    }
    if (f->index) {
        if (v->shape != IR_ARRAY) {
            diag_error(f->name_at, "'%s' is not an array", f->name);
            return;
        }
        fx->index = ck_expr(c, f->index, cx, NULL);
        if (fx->index && fx->index->type.kind != IR_T_INT)
            diag_error(f->index->at, "an index must be an integer");
    }
    if (f->value.kind == AI_EXPR) {
        fx->kind = IR_F_ASSIGN;
        fx->value = ck_expr(c, f->value.e, cx, &v->elem);
        if (fx->value && !ck_same_type(&fx->value->type, &v->elem))
            diag_error(f->value.e->at, "'%s' holds %s, not %s", f->name,
                       ck_type_name(c, &v->elem), ck_type_name(c, &fx->value->type));
        return;
    }
    fx->kind = IR_F_CHOOSE;
    fx->nvalues = f->value.kind == AI_SET ? f->value.nitems : 0;
    fx->values = ar_array((size_t)fx->nvalues + 1, sizeof *fx->values);
    for (int i = 0; i < fx->nvalues; i++) {
        fx->values[i] = ck_expr(c, f->value.items[i], cx, &v->elem);
        if (fx->values[i] && !ck_same_type(&fx->values[i]->type, &v->elem))
            diag_error(f->value.items[i]->at, "'%s' holds %s, not %s", f->name,
                       ck_type_name(c, &v->elem), ck_type_name(c, &fx->values[i]->type));
    }
}

static int ck_effect_list(ck *c, const ast_effect *list, const ck_cx *cx, ir_effect **out)
{
    int n = ck_count_effects(list);
    ir_effect *fx = ar_array((size_t)n + 1, sizeof *fx);
    int i = 0;
    for (const ast_effect *f = list; f; f = f->next, i++) {
        fx[i].at = f->at;
        fx[i].var = -1;
        switch (f->kind) {
        case AF_ASSIGN:
            ck_assign_effect(c, f, cx, &fx[i]);
            break;
        case AF_MOVE:
            ck_move(c, f, &fx[i]);
            break;
        case AF_IF:
            fx[i].kind = IR_F_IF;
            fx[i].cond = ck_bool_expr(c, f->cond, cx);
            fx[i].nthen = ck_effect_list(c, f->then_, cx, &fx[i].then_);
            fx[i].nelse = ck_effect_list(c, f->else_, cx, &fx[i].else_);
            break;
        }
    }
    *out = fx;
    return n;
}

static void ck_commands(ck *c)
{
    int k = 0;
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind != AD_COMMAND)
            continue;
        ir_cmd *cmd = &c->s->cmds[k++];
        ck_cx cx = ck_cx_make(CX_PLANT, -1, 1);
        cmd->nissue = ck_effect_list(c, d->issue_effects, &cx, &cmd->issue);
        int o = 0;
        for (const ast_outcome *ao = d->outcomes; ao; ao = ao->next) {
            ck_sym *s = ck_lookup(&c->outcomes[k - 1], ao->name);
            if (!s || !ck_same_at(s->at, ao->at))
                continue;
            ir_outcome *io = &cmd->outcomes[o++];
            if (ao->when) {
                if (strcmp(ao->name, "timeout") == 0)
                    diag_error(ao->when->at, "the 'timeout' outcome cannot have a condition: "
                               "a timer fires whatever the plant does");
                io->when = ck_bool_expr(c, ao->when, &cx);
            }
            io->neffects = ck_effect_list(c, ao->effects, &cx, &io->effects);
        }
    }
}

static void ck_envs(ck *c)
{
    int k = 0;
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind != AD_FAULT && d->kind != AD_OPERATOR)
            continue;
        ir_env *env = &c->s->envs[k++];
        ck_cx when = ck_cx_make(CX_ENVWHEN, -1, 0);
        if (d->when)
            env->when = ck_bool_expr(c, d->when, &when);
        ck_cx cx = ck_cx_make(CX_PLANT, env->to_any ? env->machine : -1, env->to_any);
        env->neffects = ck_effect_list(c, d->effects, &cx, &env->effects);
    }
}

/* ---- pass 7: machines ------------------------------------------------- */

/* Resolve an event reference inside machine k; -1 after an error. */
static int ck_evref(ck *c, int k, const ast_evref *r)
{
    ir_spec *s = c->s;
    ck_sym *g = ck_lookup(&c->global, r->name);
    if (r->outcome) {
        if (!g || g->kind != SY_COMMAND) {
            diag_error(r->at, g ? "'%s' is a %s, not a command" : "command '%s' is not declared",
                       r->name, g ? ck_kind_name(g->kind) : "");
            return -1;
        }
        ck_sym *o = ck_lookup(&c->outcomes[g->index], r->outcome);
        if (!o) {
            diag_error(r->at, "command '%s' has no outcome '%s'", r->name, r->outcome);
            return -1;
        }
        return s->cmds[g->index].outcomes[o->index].event;
    }
    ck_sym *me = ck_lookup(&c->mevents[k], r->name);
    if (me)
        return me->index;
    if (g && (g->kind == SY_FAULT || g->kind == SY_OPERATOR)) {
        const ir_env *env = &s->envs[g->index];
        if (env->silent) {
            diag_error(r->at, "%s '%s' is silent: it raises no event", ck_kind_name(g->kind),
                       r->name);
            return -1;
        }
        if (env->machine != k) {
            diag_error(r->at, "'%s' is delivered to machine '%s', not to '%s'", r->name,
                       env->machine >= 0 ? s->machines[env->machine].name : "?",
                       s->machines[k].name);
            return -1;
        }
        return env->event;
    }
    if (g && g->kind == SY_COMMAND)
        diag_error(r->at, "'%s' is a command; name one of its outcomes, as '%s.%s'", r->name,
                   r->name, s->cmds[g->index].noutcomes ? s->cmds[g->index].outcomes[0].name : "ok");
    else
        diag_error(r->at, "event '%s' is not declared", r->name);
    return -1;
}

static void ck_policies(ck *c, int k, const ast_policy *p, unsigned char *row, const char *where)
{
    for (; p; p = p->next) {
        int ev = ck_evref(c, k, &p->ev);
        if (ev < 0)
            continue;
        unsigned char want = p->reject ? IR_P_REJECT : IR_P_IGNORE;
        if (row[ev]) {
            diag_error(p->ev.at, "event '%s' is already %s %s", c->s->events[ev].name,
                       row[ev] == IR_P_REJECT ? "rejected" : "ignored", where);
            continue;
        }
        row[ev] = want;
    }
}

static void ck_action(ck *c, int k, const ast_action *a, ir_action *ia)
{
    ir_spec *s = c->s;
    ck_cx cx = ck_cx_make(CX_GUARD, k, s->machines[k].count != NULL);
    ia->at = a->at;
    ia->cmd = ia->var = ia->event = ia->machine = -1;
    ck_sym *g;
    switch (a->kind) {
    case AA_CONSOLE:
        ia->kind = IR_A_CONSOLE;
        ia->text = a->text;
        break;
    case AA_ISSUE:
    case AA_CANCEL:
        ia->kind = a->kind == AA_ISSUE ? IR_A_ISSUE : IR_A_CANCEL;
        g = ck_lookup(&c->global, a->name);
        if (!g || g->kind != SY_COMMAND)
            diag_error(a->name_at, g ? "'%s' is a %s, not a command" : "command '%s' is not declared",
                       a->name, g ? ck_kind_name(g->kind) : "");
        else
            ia->cmd = g->index;
        break;
    case AA_ASSIGN: {
        ia->kind = IR_A_ASSIGN;
        ck_sym *v = ck_lookup(&c->mvars[k], a->name);
        if (!v) {
            g = ck_lookup(&c->global, a->name);
            if (g && g->kind == SY_PLANT)
                diag_error(a->name_at, "the controller cannot write plant variable '%s'; only "
                           "commands and the environment change the plant", a->name);
            else if (g)
                diag_error(a->name_at, "%s '%s' cannot be assigned", ck_kind_name(g->kind), a->name);
            else
                diag_error(a->name_at, "variable '%s' is not declared in machine '%s'", a->name,
                           s->machines[k].name);
            break;
        }
        ia->var = v->index;
        const ir_var *iv = &s->vars[v->index];
        ia->value = ck_expr(c, a->value, &cx, &iv->elem);
        if (ia->value && !ck_same_type(&ia->value->type, &iv->elem))
            diag_error(a->value->at, "'%s' holds %s, not %s", a->name, ck_type_name(c, &iv->elem),
                       ck_type_name(c, &ia->value->type));
        break;
    }
    case AA_SEND: {
        ia->kind = IR_A_SEND;
        int m = ck_machine_named(c, a->to, a->to_at);
        if (m < 0)
            break;
        ia->machine = m;
        ck_sym *e = ck_lookup(&c->mevents[m], a->name);
        if (!e) {
            diag_error(a->name_at, "machine '%s' declares no event '%s'", a->to, a->name);
            break;
        }
        ia->event = e->index;
        if (a->to_index) {
            if (!s->machines[m].count)
                diag_error(a->to_at, "machine '%s' is not an array", a->to);
            ia->index = ck_expr(c, a->to_index, &cx, NULL);
            if (ia->index && ia->index->type.kind != IR_T_INT)
                diag_error(a->to_index->at, "a machine index must be an integer");
        }
        break;
    }
    }
}

/* The transition of t on its event ev (one of t's list).  What is written
 * once for a whole list (guard, target, actions) is checked once per event:
 * it reads the same either way, and diag prints a repeated error once. */
static void ck_transition(ck *c, int k, int from, const ast_trans *t, const ast_evref *ev,
                          ir_trans *it)
{
    ir_spec *s = c->s;
    ck_cx cx = ck_cx_make(CX_GUARD, k, s->machines[k].count != NULL);
    it->at = t->nevs > 1 ? ev->at : t->at;
    it->doc = t->doc;
    it->from = from;
    it->to = -1;
    it->otherwise = t->otherwise;
    it->dead = t->dead;
    if (t->dead && !t->dead[0])
        diag_error(t->dead_at, "'dead' needs a reason: why the transition can never fire");
    if (t->priority > 1000000)
        diag_error(t->at, "priority %lld is larger than 1000000", (long long)t->priority);
    it->priority = (int)(t->priority > 1000000 ? 1000000 : t->priority);
    if (t->otherwise && t->has_priority)
        diag_error(t->at, "an 'otherwise' transition cannot have a priority: it has the lowest");
    it->event = ck_evref(c, k, ev);
    if (t->guard)
        it->guard = ck_bool_expr(c, t->guard, &cx);
    ck_sym *st = ck_lookup(&c->mstates[k], t->target);
    if (!st)
        diag_error(t->target_at, "state '%s' is not declared in machine '%s'", t->target,
                   s->machines[k].name);
    else
        it->to = st->index;
    int n = 0;
    for (const ast_action *a = t->actions; a; a = a->next)
        n++;
    it->actions = ar_array((size_t)n + 1, sizeof *it->actions);
    for (const ast_action *a = t->actions; a; a = a->next)
        ck_action(c, k, a, &it->actions[it->nactions++]);
}

/* 'on E1, E2, ... -> T': one transition per event, in list order, each as
 * if it had been written out on its own. */
static void ck_trans_list(ck *c, int k, int from, const ast_trans *t)
{
    ir_machine *m = &c->s->machines[k];
    int first = m->ntrans;
    for (int i = 0; i < t->nevs; i++) {
        ir_trans *it = &m->trans[m->ntrans];
        ck_transition(c, k, from, t, &t->evs[i], it);
        int twice = 0;
        for (int j = first; j < m->ntrans && it->event >= 0 && !twice; j++)
            twice = m->trans[j].event == it->event;
        if (twice) {
            diag_error(t->evs[i].at, "event '%s' is listed twice in this transition",
                       c->s->events[it->event].name);
            continue;
        }
        it->id = m->ntrans++;
    }
}

static void ck_machine(ck *c, int k, const ast_decl *d)
{
    ir_spec *s = c->s;
    ir_machine *m = &s->machines[k];
    if ((int64_t)m->nstates * s->nevents > CK_MAX_TABLE) {
        diag_error(d->at, "machine '%s' is too large: %d states times %d events", d->name,
                   m->nstates, s->nevents);
        return;
    }
    unsigned char *deflt = ar_array((size_t)s->nevents + 1, 1);
    ck_policies(c, k, d->machine.policies, deflt, "for the whole machine");
    m->policy = ar_array((size_t)m->nstates * (size_t)s->nevents + 1, 1);
    int nt = 0;
    for (const ast_state *st = d->machine.states; st; st = st->next)
        for (const ast_trans *t = st->trans; t; t = t->next)
            nt += t->nevs;
    m->trans = ar_array((size_t)nt + 1, sizeof *m->trans);
    for (const ast_state *st = d->machine.states; st; st = st->next) {
        ck_sym *ss = ck_lookup(&c->mstates[k], st->name);
        if (!ss || !ck_same_at(ss->at, st->at))
            continue;
        unsigned char *row = &m->policy[(size_t)ss->index * (size_t)s->nevents];
        ck_policies(c, k, st->policies, row, "in this state");
        for (int e = 0; e < s->nevents; e++)
            if (!row[e])
                row[e] = deflt[e];
        for (const ast_trans *t = st->trans; t; t = t->next)
            ck_trans_list(c, k, ss->index, t);
    }
}

static void ck_machines(ck *c)
{
    int k = 0;
    for (const ast_decl *d = c->ast->decls; d; d = d->next)
        if (d->kind == AD_MACHINE)
            ck_machine(c, k++, d);
}

/* ---- pass 8: properties ----------------------------------------------- */

static void ck_props(ck *c)
{
    ir_spec *s = c->s;
    int k = 0;
    for (const ast_decl *d = c->ast->decls; d; d = d->next) {
        if (d->kind != AD_INVARIANT && d->kind != AD_LTL)
            continue;
        ir_prop *p = &s->props[k++];
        p->kind = d->kind == AD_LTL ? IR_PROP_LTL : d->on_issue ? IR_PROP_ON_ISSUE
                                                                : IR_PROP_INVARIANT;
        p->cmd = -1;
        if (d->on_issue) {
            ck_sym *g = ck_lookup(&c->global, d->on_issue);
            if (!g || g->kind != SY_COMMAND)
                diag_error(d->on_issue_at, "command '%s' is not declared", d->on_issue);
            else
                p->cmd = g->index;
        }
        if (d->families) {
            p->families = ar_array((size_t)s->nfamilies, 1);
            for (const ast_ident *f = d->families; f; f = f->next) {
                ck_sym *g = ck_lookup(&c->global, f->name);
                if (!g || g->kind != SY_FAMILY)
                    diag_error(f->at, "family '%s' is not declared", f->name);
                else
                    p->families[g->index] = 1;
            }
        }
        p->machine = -1;
        if (d->each) {
            ck_sym *g = ck_lookup(&c->global, d->each);
            if (!g || g->kind != SY_MACHINE)
                diag_error(d->each_at, g ? "'%s' is not a machine" : "machine '%s' is not declared", d->each);
            else if (!s->machines[g->index].count)
                diag_error(d->each_at, "machine '%s' is not an array: 'each' needs one", d->each);
            else
                p->machine = g->index;
        }
        ck_cx cx = ck_cx_make(CX_PROP, p->machine, p->machine >= 0);
        p->expr = ck_bool_expr(c, d->value, &cx);
    }
}

/* ---- slots ------------------------------------------------------------ */

static void ck_slots(ir_spec *s)
{
    int next = 0;
    for (int i = 0; i < s->nvars; i++) {
        ir_var *v = &s->vars[i];
        int w = 1;
        if (v->shape == IR_POOL) {
            w = s->enums[v->elem.id].n;
        } else if (v->shape == IR_ARRAY) {
            for (int p = 0; p < s->nprofiles; p++) {
                int32_t n = ir_size(s, v, p);
                if (n > w)
                    w = n;
            }
        }
        v->slot = next;
        v->width = w;
        next += w;
    }
    for (int k = 0; k < s->nmachines; k++) {
        ir_machine *m = &s->machines[k];
        m->self_slot = next++;
        m->state_slot = next++;
        m->pending_slot = next;
        next += s->ncmds;
    }
    s->nslots = next;
}

/* An array sized like a machine array (`array[lccs]` beside `machine
 * lcc[lccs]`) holds one element per instance: it is empty exactly where the
 * machine array has no instance, so nothing can index it there. */
static int ck_per_instance(const ir_spec *s, const ir_var *v)
{
    for (int k = 0; k < s->nmachines; k++) {
        const ir_machine *m = &s->machines[k];
        if (!m->count)
            continue;
        int same = 1;
        for (int p = 0; p < s->nprofiles && same; p++)
            same = ir_instances(s, m, p) == ir_size(s, v, p);
        if (same)
            return 1;
    }
    return 0;
}

/* Sizes and bounds must make sense in every profile before anything is
 * enumerated: an array below 1 element or an empty range would make the
 * valuation spaces meaningless.  A pool may be empty in a profile: a
 * chassis without that kind of FRU (its counts are 0; gen/ir/prune.h
 * leaves what only it drives out of that profile's model). */
static void ck_domains(ck *c)
{
    ir_spec *s = c->s;
    for (int i = 0; i < s->nvars; i++) {
        const ir_var *v = &s->vars[i];
        int may_be_empty = v->shape == IR_POOL || ck_per_instance(s, v);
        for (int p = 0; p < s->nprofiles; p++) {
            int32_t lo, hi;
            if (v->shape != IR_SCALAR && ir_size(s, v, p) < (may_be_empty ? 0 : 1)) {
                diag_error(v->at, "'%s' has %d elements in profile '%s'; %s", v->name,
                           ir_size(s, v, p), s->profiles[p].name, v->shape == IR_POOL
                           ? "a pool may be empty, not smaller" : "an array has at least 1 element");
                break;
            }
            if (v->shape != IR_SCALAR && ir_size(s, v, p) > 4096) {
                diag_error(v->at, "'%s' has %d elements in profile '%s'; the limit is 4096",
                           v->name, ir_size(s, v, p), s->profiles[p].name);
                break;
            }
            ir_bounds(s, &v->elem, p, &lo, &hi);
            if (lo > hi) {
                diag_error(v->at, "the range %d..%d of '%s' is empty in profile '%s'", lo, hi,
                           v->name, s->profiles[p].name);
                break;
            }
        }
    }
    for (int k = 0; k < s->nmachines; k++)
        for (int p = 0; p < s->nprofiles && s->machines[k].count; p++)
            if (ir_instances(s, &s->machines[k], p) < 0 || ir_instances(s, &s->machines[k], p) > 64) {
                diag_error(s->machines[k].at, "machine array '%s' has %d instances in profile "
                           "'%s'; the range is 0..64", s->machines[k].name,
                           ir_instances(s, &s->machines[k], p), s->profiles[p].name);
                break;
            }
}

/* ---- driver ----------------------------------------------------------- */

static void ck_alloc(ck *c, const ast_spec *ast)
{
    int n = 0, vars = 0, events = 0;  /* events: outcomes and machine events */
    for (const ast_decl *d = ast->decls; d; d = d->next) {
        n++;
        if (d->kind == AD_PARAM || d->kind == AD_OPTION || d->kind == AD_PLANT)
            vars++;
        if (d->kind == AD_MACHINE)
            for (const ast_mvar *v = d->machine.vars; v; v = v->next)
                vars++;
        if (d->kind == AD_COMMAND)
            for (const ast_outcome *o = d->outcomes; o; o = o->next)
                events++;
        if (d->kind == AD_MACHINE)
            for (const ast_mevent *e = d->machine.events; e; e = e->next)
                events++;
    }
    size_t N = (size_t)n + 1;
    ir_spec *s = c->s;
    c->ndecls = n;
    c->consts = ar_array(N, sizeof *c->consts);
    c->decl_of = ar_array(N, sizeof *c->decl_of);
    c->members = ar_array(N, sizeof *c->members);
    c->mvars = ar_array(N, sizeof *c->mvars);
    c->mstates = ar_array(N, sizeof *c->mstates);
    c->mevents = ar_array(N, sizeof *c->mevents);
    c->outcomes = ar_array(N, sizeof *c->outcomes);
    s->enums = ar_array(N, sizeof *s->enums);
    s->vars = ar_array((size_t)vars + 1, sizeof *s->vars);
    s->cmds = ar_array(N, sizeof *s->cmds);
    s->events = ar_array(N + (size_t)events, sizeof *s->events);
    s->envs = ar_array(N, sizeof *s->envs);
    s->machines = ar_array(N, sizeof *s->machines);
    s->props = ar_array(N, sizeof *s->props);
    s->families = ar_array(N, sizeof *s->families);
    size_t profiles = 1;
    for (const ast_decl *d = ast->decls; d; d = d->next)
        for (const ast_profile *p = d->profiles; p; p = p->next)
            profiles++;
    s->profiles = ar_array(profiles, sizeof *s->profiles);
}

int ck_check(const ast_spec *written, const char *file, ir_spec **out)
{
    ck c;
    memset(&c, 0, sizeof c);
    ast_decl *orphans;
    ast_spec merged = ck_merge(written, &orphans);
    const ast_spec *ast = &merged;
    c.ast = ast;
    c.s = ar_alloc(sizeof *c.s);
    c.s->file = file;
    *out = c.s;
    ck_alloc(&c, ast);
    int k = 0;
    for (const ast_decl *d = ast->decls; d; d = d->next, k++) {
        c.decl_of[k] = d;
        ck_declare(&c, d, k);
    }
    ck_orphans(&c, orphans);
    k = 0;
    for (const ast_decl *d = ast->decls; d; d = d->next, k++) {
        int32_t v;
        const ck_sym *sym = ck_lookup(&c.global, d->name);
        if (d->kind == AD_CONST && sym->kind == SY_CONST && sym->index == k)
            ck_const_eval(&c, k, d->at, &v);  /* unused constants are checked too */
    }
    if (c.s->nmachines == 0) {
        /* an empty file lands here too: a spec describes at least one
         * controller, or there is nothing to check, prove or generate */
        loc at = { 1, 1, file };
        diag_error(ast->decls ? ast->decls->at : at, "the spec declares no machine");
    }
    ck_types(&c);
    if (diag_count())
        return -1;
    ck_families(&c);
    if (diag_count())
        return -1;
    ck_domains(&c);
    if (diag_count())
        return -1;
    ck_inits(&c);
    ck_events(&c);
    if (diag_count())
        return -1;
    ck_commands(&c);
    ck_envs(&c);
    ck_machines(&c);
    ck_props(&c);
    if (diag_count())
        return -1;
    if (sy_check(c.s) != 0)
        return -1;
    ck_slots(c.s);
    return 0;
}
