/* parse.c - parser for the specification language (grammar: LANGUAGE.md). */
#include "parse.h"

#include <setjmp.h>
#include <string.h>

#include "arena.h"

typedef struct ps_state {
    ps_include_fn include;       /* reads an included file, or NULL */
    void *include_arg;           /* its argument */
    const lx_token *t;           /* tokens */
    size_t n;                    /* token count */
    size_t i;                    /* current token */
    int depth;                   /* current nesting */
    int ltl;                     /* temporal operators allowed */
    jmp_buf fail;                /* taken on the first syntax error */
} ps_state;

static const lx_token *ps_peek(const ps_state *p)
{
    return &p->t[p->i];
}

static lx_kind ps_kind(const ps_state *p)
{
    return p->t[p->i].kind;
}

static lx_kind ps_kind_at(const ps_state *p, size_t ahead)
{
    size_t j = p->i + ahead;
    return j < p->n ? p->t[j].kind : T_EOF;
}

static const lx_token *ps_next(ps_state *p)
{
    const lx_token *t = &p->t[p->i];
    if (p->i + 1 < p->n)
        p->i++;
    return t;
}

#ifdef __GNUC__
__attribute__((noreturn))
#endif
static void ps_fail(ps_state *p, const char *expected)
{
    const lx_token *t = ps_peek(p);
    if (t->kind == T_ID)
        diag_error(t->at, "expected %s, found identifier '%s'", expected, t->text);
    else
        diag_error(t->at, "expected %s, found %s", expected, lx_kind_name(t->kind));
    longjmp(p->fail, 1);
}

static int ps_accept(ps_state *p, lx_kind k)
{
    if (ps_kind(p) != k)
        return 0;
    ps_next(p);
    return 1;
}

static const lx_token *ps_expect(ps_state *p, lx_kind k)
{
    if (ps_kind(p) != k)
        ps_fail(p, lx_kind_name(k));
    return ps_next(p);
}

static const lx_token *ps_ident(ps_state *p, const char *what)
{
    if (ps_kind(p) != T_ID)
        ps_fail(p, what);
    return ps_next(p);
}

static const char *ps_opt_doc(ps_state *p)
{
    if (ps_kind(p) == T_STR)
        return ps_next(p)->text;
    return NULL;
}

static void ps_enter(ps_state *p, loc at)
{
    if (++p->depth > PS_MAX_DEPTH) {
        diag_error(at, "expression or block is nested more than %d levels deep (each operator "
                   "of a chain counts as a level)", PS_MAX_DEPTH);
        longjmp(p->fail, 1);
    }
}

static void ps_leave(ps_state *p)
{
    p->depth--;
}

/* ---- expressions ------------------------------------------------------ */

static ast_expr *ps_expr(ps_state *p);

static ast_expr *ps_new_expr(ast_ekind kind, loc at)
{
    ast_expr *e = ar_alloc(sizeof *e);
    e->kind = kind;
    e->at = at;
    return e;
}

/* A comma-separated list of expressions (the caller consumes the closer). */
static ast_expr **ps_expr_list(ps_state *p, int *count)
{
    ast_expr **v = NULL;
    int n = 0, cap = 0;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            ast_expr **nv = ar_array((size_t)cap, sizeof *nv);
            if (n)
                memcpy(nv, v, (size_t)n * sizeof *nv);
            v = nv;
        }
        v[n++] = ps_expr(p);
    } while (ps_accept(p, T_COMMA));
    *count = n;
    return v;
}

static ast_expr **ps_set(ps_state *p, int *count)
{
    if (ps_kind(p) == T_LBRACE) {
        ps_next(p);
        ast_expr **v = ps_expr_list(p, count);
        ps_expect(p, T_RBRACE);
        return v;
    }
    ast_expr **v = ar_alloc(sizeof *v);
    v[0] = ps_expr(p);
    *count = 1;
    return v;
}

static ast_expr *ps_builtin(ps_state *p, ast_ekind kind)
{
    const lx_token *kw = ps_next(p);
    ast_expr *e = ps_new_expr(kind, kw->at);
    ps_expect(p, T_LPAREN);
    const lx_token *id = ps_ident(p, "a name");
    e->name = id->text;
    e->name_at = id->at;
    if (kind == AE_COUNT) {
        if (ps_accept(p, T_DOT)) {
            ps_expect(p, K_STATE);
            e->field = "state";
        }
        ps_expect(p, T_COMMA);
        e->items = ps_set(p, &e->nitems);
    }
    ps_expect(p, T_RPAREN);
    return e;
}

static ast_expr *ps_name_expr(ps_state *p)
{
    const lx_token *id = ps_next(p);
    ast_expr *e = ps_new_expr(AE_NAME, id->at);
    e->name = id->text;
    e->name_at = id->at;
    if (ps_accept(p, T_LBRACK)) {
        e->kind = AE_INDEX;
        e->a = ps_expr(p);
        ps_expect(p, T_RBRACK);
    }
    if (ps_accept(p, T_DOT)) {
        e->kind = AE_FIELD;
        if (ps_accept(p, K_STATE))
            e->field = "state";
        else
            e->field = ps_ident(p, "a field name or 'state'")->text;
    }
    return e;
}

static ast_expr *ps_primary(ps_state *p)
{
    const lx_token *t = ps_peek(p);
    ast_expr *e;
    switch (t->kind) {
    case T_INT:
        e = ps_new_expr(AE_INT, t->at);
        e->ival = ps_next(p)->num;
        return e;
    case K_TRUE:
    case K_FALSE:
        e = ps_new_expr(AE_BOOL, t->at);
        e->ival = ps_next(p)->kind == K_TRUE;
        return e;
    case T_ID:
        return ps_name_expr(p);
    case K_STATE:
        ps_next(p);
        return ps_new_expr(AE_STATE, t->at);
    case K_SELF:
        ps_next(p);
        return ps_new_expr(AE_SELF, t->at);
    case K_COUNT:
        return ps_builtin(p, AE_COUNT);
    case K_SIZE:
        return ps_builtin(p, AE_SIZE);
    case K_PENDING:
        return ps_builtin(p, AE_PENDING);
    case T_LPAREN:
        ps_next(p);
        e = ps_expr(p);
        ps_expect(p, T_RPAREN);
        return e;
    default:
        ps_fail(p, "an expression");
    }
}

/* Only the '-' prefix nests here; a parenthesis counts once, in ps_expr. */
static ast_expr *ps_unary(ps_state *p)
{
    const lx_token *t = ps_peek(p);
    if (t->kind != T_MINUS)
        return ps_primary(p);
    ps_enter(p, t->at);
    ps_next(p);
    ast_expr *e = ps_new_expr(AE_UNARY, t->at);
    e->op = T_MINUS;
    e->a = ps_unary(p);
    ps_leave(p);
    return e;
}

static ast_expr *ps_binary(loc at, int op, ast_expr *a, ast_expr *b)
{
    ast_expr *e = ps_new_expr(AE_BINARY, at);
    e->op = op;
    e->a = a;
    e->b = b;
    return e;
}

/* A chain "a + b + c" builds a left-deep tree, so each operator of a chain
 * counts as one level of nesting: the trees the checker and evaluator walk
 * recursively are never deeper than PS_MAX_DEPTH. */
static ast_expr *ps_sum(ps_state *p)
{
    int saved = p->depth;
    ast_expr *e = ps_unary(p);
    while (ps_kind(p) == T_PLUS || ps_kind(p) == T_MINUS) {
        const lx_token *op = ps_next(p);
        ps_enter(p, op->at);
        e = ps_binary(op->at, (int)op->kind, e, ps_unary(p));
    }
    p->depth = saved;
    return e;
}

static ast_expr *ps_cmp(ps_state *p)
{
    ast_expr *e = ps_sum(p);
    lx_kind k = ps_kind(p);
    if (k == T_EQ || k == T_NE || k == T_LT || k == T_LE || k == T_GT || k == T_GE) {
        const lx_token *op = ps_next(p);
        e = ps_binary(op->at, (int)op->kind, e, ps_sum(p));
    } else if (k == K_IN) {
        const lx_token *op = ps_next(p);
        ast_expr *in = ps_new_expr(AE_IN, op->at);
        in->a = e;
        ps_expect(p, T_LBRACE);
        in->items = ps_expr_list(p, &in->nitems);
        ps_expect(p, T_RBRACE);
        e = in;
    }
    return e;
}

/* Unary '!' and the temporal prefixes bind looser than comparisons here so
 * that "! x == A" reads as "!(x == A)", as an auditor would expect. */
static ast_expr *ps_not(ps_state *p)
{
    const lx_token *t = ps_peek(p);
    lx_kind k = t->kind;
    if (k == T_NOT || k == T_ALWAYS || k == T_EVENTUALLY) {
        if (k != T_NOT && !p->ltl) {
            diag_error(t->at, "temporal operator %s outside an 'ltl' property", lx_kind_name(k));
            longjmp(p->fail, 1);
        }
        ps_enter(p, t->at);
        ps_next(p);
        ast_expr *e = ps_new_expr(AE_UNARY, t->at);
        e->op = (int)k;
        e->a = ps_not(p);
        ps_leave(p);
        return e;
    }
    return ps_cmp(p);
}

static ast_expr *ps_and(ps_state *p)
{
    int saved = p->depth;
    ast_expr *e = ps_not(p);
    while (ps_kind(p) == T_AND) {
        const lx_token *op = ps_next(p);
        ps_enter(p, op->at);
        e = ps_binary(op->at, T_AND, e, ps_not(p));
    }
    p->depth = saved;
    return e;
}

static ast_expr *ps_or(ps_state *p)
{
    int saved = p->depth;
    ast_expr *e = ps_and(p);
    while (ps_kind(p) == T_OR) {
        const lx_token *op = ps_next(p);
        ps_enter(p, op->at);
        e = ps_binary(op->at, T_OR, e, ps_and(p));
    }
    p->depth = saved;
    return e;
}

static ast_expr *ps_until(ps_state *p)
{
    ast_expr *e = ps_or(p);
    if (ps_kind(p) == K_UNTIL) {
        const lx_token *op = ps_next(p);
        if (!p->ltl) {
            diag_error(op->at, "temporal operator 'U' outside an 'ltl' property");
            longjmp(p->fail, 1);
        }
        e = ps_binary(op->at, K_UNTIL, e, ps_or(p));
    }
    return e;
}

static ast_expr *ps_expr(ps_state *p)
{
    ps_enter(p, ps_peek(p)->at);
    ast_expr *e = ps_until(p);
    if (ps_kind(p) == T_ARROW || ps_kind(p) == T_IFF) {
        const lx_token *op = ps_next(p);
        e = ps_binary(op->at, (int)op->kind, e, ps_expr(p));
    }
    ps_leave(p);
    return e;
}

/* ---- types and initialisers ------------------------------------------- */

static ast_type *ps_type(ps_state *p)
{
    ast_type *t = ar_alloc(sizeof *t);
    t->at = ps_peek(p)->at;
    ps_enter(p, t->at);
    if (ps_accept(p, K_BOOL)) {
        t->kind = AT_BOOL;
    } else if (ps_accept(p, K_ARRAY) || ps_kind(p) == K_POOL) {
        int pool = ps_kind(p) == K_POOL;
        if (pool)
            ps_next(p);
        t->kind = pool ? AT_POOL : AT_ARRAY;
        ps_expect(p, T_LBRACK);
        t->size = ps_expr(p);
        ps_expect(p, T_RBRACK);
        ps_expect(p, K_OF);
        if (pool)
            t->name = ps_ident(p, "an enum type name")->text;
        else
            t->elem = ps_type(p);
    } else if (ps_kind(p) == T_ID && ps_kind_at(p, 1) != T_DOTDOT) {
        t->kind = AT_NAMED;
        t->name = ps_next(p)->text;
    } else {
        t->kind = AT_RANGE;
        t->lo = ps_sum(p);
        ps_expect(p, T_DOTDOT);
        t->hi = ps_sum(p);
    }
    ps_leave(p);
    return t;
}

static ast_init ps_init(ps_state *p)
{
    ast_init in;
    memset(&in, 0, sizeof in);
    in.at = ps_peek(p)->at;
    if (ps_accept(p, K_ANY)) {
        in.kind = AI_ANY;
    } else if (ps_accept(p, T_LBRACE)) {
        in.kind = AI_SET;
        in.items = ps_expr_list(p, &in.nitems);
        ps_expect(p, T_RBRACE);
    } else if (ps_accept(p, T_LBRACK)) {
        in.kind = AI_LIST;
        in.items = ps_expr_list(p, &in.nitems);
        ps_expect(p, T_RBRACK);
    } else {
        in.kind = AI_EXPR;
        in.e = ps_expr(p);
    }
    return in;
}

/* ---- effects (plant statements) --------------------------------------- */

static ast_effect *ps_effect_block(ps_state *p);

static ast_effect *ps_effect(ps_state *p)
{
    ast_effect *f = ar_alloc(sizeof *f);
    f->at = ps_peek(p)->at;
    if (ps_accept(p, K_MOVE)) {
        f->kind = AF_MOVE;
        if (ps_accept(p, K_ALL))
            f->move_all = 1;
        else
            ps_expect(p, K_ONE);
        const lx_token *id = ps_ident(p, "a pool name");
        f->name = id->text;
        f->name_at = id->at;
        ps_expect(p, K_FROM);
        f->from = ps_set(p, &f->nfrom);
        ps_expect(p, K_TO);
        f->to = ps_expr(p);
        ps_expect(p, T_SEMI);
    } else if (ps_accept(p, K_IF)) {
        f->kind = AF_IF;
        ps_enter(p, f->at);
        f->cond = ps_expr(p);
        f->then_ = ps_effect_block(p);
        if (ps_accept(p, K_ELSE)) {
            if (ps_kind(p) == K_IF)
                f->else_ = ps_effect(p);
            else
                f->else_ = ps_effect_block(p);
        }
        ps_leave(p);
    } else {
        f->kind = AF_ASSIGN;
        const lx_token *id = ps_ident(p, "an effect (assignment, 'move' or 'if')");
        f->name = id->text;
        f->name_at = id->at;
        if (ps_accept(p, T_LBRACK)) {
            f->index = ps_expr(p);
            ps_expect(p, T_RBRACK);
        }
        ps_expect(p, T_ASSIGN);
        f->value = ps_init(p);
        if (f->value.kind == AI_LIST) {
            diag_error(f->value.at, "a list value is only allowed as an initial value");
            longjmp(p->fail, 1);
        }
        ps_expect(p, T_SEMI);
    }
    return f;
}

static ast_effect *ps_effect_block(ps_state *p)
{
    ast_effect *head = NULL, **tail = &head;
    ps_expect(p, T_LBRACE);
    while (!ps_accept(p, T_RBRACE)) {
        if (ps_kind(p) == T_EOF)
            ps_fail(p, "'}'");
        *tail = ps_effect(p);
        tail = &(*tail)->next;
    }
    return head;
}

/* ---- machines --------------------------------------------------------- */

static ast_evref ps_evref(ps_state *p)
{
    ast_evref r;
    const lx_token *id = ps_ident(p, "an event name");
    r.name = id->text;
    r.at = id->at;
    r.outcome = NULL;
    if (ps_accept(p, T_DOT)) {
        if (ps_kind(p) == K_TIMEOUT)
            r.outcome = ps_next(p)->text;
        else
            r.outcome = ps_ident(p, "an outcome name")->text;
    }
    return r;
}

static void ps_policies(ps_state *p, ast_policy **list)
{
    int reject = ps_next(p)->kind == K_REJECT;
    do {
        ast_policy *pol = ar_alloc(sizeof *pol);
        pol->reject = reject;
        pol->ev = ps_evref(p);
        pol->next = *list;
        *list = pol;
    } while (ps_accept(p, T_COMMA));
    ps_expect(p, T_SEMI);
}

static ast_action *ps_action(ps_state *p)
{
    ast_action *a = ar_alloc(sizeof *a);
    const lx_token *t = ps_peek(p);
    a->at = t->at;
    if (ps_accept(p, K_CONSOLE)) {
        a->kind = AA_CONSOLE;
        a->text = ps_expect(p, T_STR)->text;
    } else if (ps_accept(p, K_ISSUE) || ps_kind(p) == K_CANCEL) {
        if (t->kind == K_CANCEL)
            ps_next(p);
        a->kind = t->kind == K_ISSUE ? AA_ISSUE : AA_CANCEL;
        const lx_token *id = ps_ident(p, "a command name");
        a->name = id->text;
        a->name_at = id->at;
    } else if (ps_accept(p, K_SEND)) {
        a->kind = AA_SEND;
        const lx_token *id = ps_ident(p, "an event name");
        a->name = id->text;
        a->name_at = id->at;
        ps_expect(p, K_TO);
        const lx_token *m = ps_ident(p, "a machine name");
        a->to = m->text;
        a->to_at = m->at;
        if (ps_accept(p, T_LBRACK)) {
            a->to_index = ps_expr(p);
            ps_expect(p, T_RBRACK);
        }
    } else if (ps_kind(p) == T_ID) {
        a->kind = AA_ASSIGN;
        const lx_token *id = ps_next(p);
        a->name = id->text;
        a->name_at = id->at;
        ps_expect(p, T_ASSIGN);
        a->value = ps_expr(p);
    } else {
        ps_fail(p, "an action ('console', 'issue', 'cancel', 'send' or an assignment)");
    }
    ps_expect(p, T_SEMI);
    return a;
}

/* "E1, E2, E3": the events of one transition, in order. */
static ast_evref *ps_evref_list(ps_state *p, int *count)
{
    ast_evref *v = NULL;
    int n = 0, cap = 0;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            ast_evref *nv = ar_array((size_t)cap, sizeof *nv);
            if (n)
                memcpy(nv, v, (size_t)n * sizeof *nv);
            v = nv;
        }
        v[n++] = ps_evref(p);
    } while (ps_accept(p, T_COMMA));
    *count = n;
    return v;
}

static ast_trans *ps_trans(ps_state *p)
{
    ast_trans *tr = ar_alloc(sizeof *tr);
    tr->at = ps_next(p)->at;
    tr->evs = ps_evref_list(p, &tr->nevs);
    if (ps_accept(p, K_WHEN)) {
        /* '->' ends the guard (it introduces the target), so an implication
         * inside a guard must be parenthesised */
        ps_enter(p, ps_peek(p)->at);
        tr->guard = ps_until(p);
        ps_leave(p);
    } else if (ps_accept(p, K_OTHERWISE))
        tr->otherwise = 1;
    if (ps_kind(p) == K_PRIORITY) {
        ps_next(p);
        tr->priority = ps_expect(p, T_INT)->num;
        tr->has_priority = 1;
    }
    ps_expect(p, T_ARROW);
    const lx_token *target = ps_ident(p, "a target state");
    tr->target = target->text;
    tr->target_at = target->at;
    if (ps_kind(p) == T_ID && strcmp(ps_peek(p)->text, "dead") == 0) {
        /* contextual: an identifier cannot follow the target otherwise */
        tr->dead_at = ps_next(p)->at;
        tr->dead = ps_expect(p, T_STR)->text;
    }
    tr->doc = ps_opt_doc(p);
    if (ps_accept(p, T_SEMI))
        return tr;
    ps_expect(p, T_LBRACE);
    ast_action **tail = &tr->actions;
    while (!ps_accept(p, T_RBRACE)) {
        if (ps_kind(p) == T_EOF)
            ps_fail(p, "'}'");
        *tail = ps_action(p);
        tail = &(*tail)->next;
    }
    return tr;
}

static ast_state *ps_state_decl(ps_state *p)
{
    ast_state *st = ar_alloc(sizeof *st);
    for (;;) {
        if (ps_accept(p, K_INITIAL))
            st->initial = 1;
        else if (ps_accept(p, K_FINAL))
            st->final = 1;
        else
            break;
    }
    ps_expect(p, K_STATE);
    const lx_token *id = ps_ident(p, "a state name");
    st->name = id->text;
    st->at = id->at;
    st->doc = ps_opt_doc(p);
    ps_expect(p, T_LBRACE);
    ast_trans **tail = &st->trans;
    while (!ps_accept(p, T_RBRACE)) {
        lx_kind k = ps_kind(p);
        if (k == K_IGNORE || k == K_REJECT) {
            ps_policies(p, &st->policies);
        } else if (k == K_ON) {
            *tail = ps_trans(p);
            tail = &(*tail)->next;
        } else {
            ps_fail(p, "'on', 'ignore', 'reject' or '}'");
        }
    }
    return st;
}

/* The body of 'machine NAME' or (ext: the machine's name) of 'extend
 * machine NAME', which has no machine-wide policies: a default for every
 * state belongs with the machine, where a reader looks for it. */
static void ps_machine_body(ps_state *p, ast_machine *m, const char *ext)
{
    ast_mvar **vt = &m->vars;
    ast_mevent **et = &m->events;
    ast_state **st = &m->states;
    ps_expect(p, T_LBRACE);
    while (!ps_accept(p, T_RBRACE)) {
        lx_kind k = ps_kind(p);
        if (k == K_VAR) {
            ps_next(p);
            ast_mvar *v = ar_alloc(sizeof *v);
            const lx_token *id = ps_ident(p, "a variable name");
            v->name = id->text;
            v->at = id->at;
            ps_expect(p, T_COLON);
            v->type = ps_type(p);
            ps_expect(p, T_ASSIGN);
            v->init = ps_expr(p);
            v->doc = ps_opt_doc(p);
            ps_expect(p, T_SEMI);
            *vt = v;
            vt = &v->next;
        } else if (k == K_EVENT) {
            ps_next(p);
            ast_mevent *e = ar_alloc(sizeof *e);
            const lx_token *id = ps_ident(p, "an event name");
            e->name = id->text;
            e->at = id->at;
            e->doc = ps_opt_doc(p);
            ps_expect(p, T_SEMI);
            *et = e;
            et = &e->next;
        } else if ((k == K_IGNORE || k == K_REJECT) && ext) {
            diag_error(ps_peek(p)->at, "a machine-wide %s is allowed only in the declaration "
                       "of machine '%s', not in an extension; move it there or into the states",
                       lx_kind_name(k), ext);
            longjmp(p->fail, 1);
        } else if (k == K_IGNORE || k == K_REJECT) {
            ps_policies(p, &m->policies);
        } else if (k == K_STATE || k == K_INITIAL || k == K_FINAL) {
            *st = ps_state_decl(p);
            st = &(*st)->next;
        } else {
            ps_fail(p, "'var', 'event', 'ignore', 'reject', 'state' or '}'");
        }
    }
}

/* ---- top-level declarations ------------------------------------------- */

static ast_assign *ps_assign(ps_state *p)
{
    ast_assign *a = ar_alloc(sizeof *a);
    const lx_token *id = ps_ident(p, "a param name");
    a->name = id->text;
    a->at = id->at;
    ps_expect(p, T_ASSIGN);
    a->value = ps_expr(p);
    ps_expect(p, T_SEMI);
    return a;
}

static void ps_family(ps_state *p, ast_decl *d)
{
    ast_assign **at = &d->assigns;
    ast_profile **pt = &d->profiles;
    d->doc = ps_opt_doc(p);
    ps_expect(p, T_LBRACE);
    while (!ps_accept(p, T_RBRACE)) {
        if (ps_accept(p, K_PROFILE)) {
            ast_profile *pr = ar_alloc(sizeof *pr);
            const lx_token *id = ps_ident(p, "a profile name");
            pr->name = id->text;
            pr->at = id->at;
            pr->doc = ps_opt_doc(p);
            ps_expect(p, T_LBRACE);
            ast_assign **pa = &pr->assigns;
            while (!ps_accept(p, T_RBRACE)) {
                *pa = ps_assign(p);
                pa = &(*pa)->next;
            }
            *pt = pr;
            pt = &pr->next;
        } else if (ps_kind(p) == T_ID) {
            *at = ps_assign(p);
            at = &(*at)->next;
        } else {
            ps_fail(p, "'profile', a param assignment or '}'");
        }
    }
}

static void ps_command(ps_state *p, ast_decl *d)
{
    d->doc = ps_opt_doc(p);
    d->timeout_ms = -1;
    if (ps_kind(p) == K_TIMEOUT) {
        d->timeout_at = ps_next(p)->at;
        d->timeout_ms = ps_expect(p, T_DUR)->num;
    }
    ps_expect(p, T_LBRACE);
    ast_outcome **ot = &d->outcomes;
    int has_issue = 0;              /* an empty block leaves issue_effects NULL */
    while (!ps_accept(p, T_RBRACE)) {
        if (ps_kind(p) == K_ISSUE) {
            loc at = ps_next(p)->at;
            if (has_issue) {
                diag_error(at, "command '%s' has two 'issue' effects", d->name);
                longjmp(p->fail, 1);
            }
            has_issue = 1;
            d->issue_effects = ps_effect_block(p);
        } else if (ps_kind(p) == T_ID && strcmp(ps_peek(p)->text, "outcome") == 0) {
            /* 'outcome' is a keyword only here, so that it stays free as a
             * variable name (the controller's "outcome" of a run) */
            ps_next(p);
            ast_outcome *o = ar_alloc(sizeof *o);
            const lx_token *id = ps_peek(p);
            if (id->kind == K_TIMEOUT)
                ps_next(p);
            else
                ps_ident(p, "an outcome name");
            o->name = id->text;
            o->at = id->at;
            if (ps_accept(p, K_WHEN))
                o->when = ps_expr(p);
            o->doc = ps_opt_doc(p);
            o->effects = ps_effect_block(p);
            *ot = o;
            ot = &o->next;
        } else {
            ps_fail(p, "'issue', 'outcome' or '}'");
        }
    }
}

static void ps_env(ps_state *p, ast_decl *d)
{
    d->doc = ps_opt_doc(p);
    d->limit = 1;
    for (;;) {
        if (ps_accept(p, K_WHEN)) {
            d->when = ps_expr(p);
        } else if (ps_accept(p, K_LIMIT)) {
            d->limit = ps_expect(p, T_INT)->num;
        } else if (ps_accept(p, K_SILENT)) {
            d->silent = 1;
        } else if (ps_accept(p, K_TO)) {
            const lx_token *m = ps_ident(p, "a machine name");
            d->to = m->text;
            d->to_at = m->at;
            if (ps_accept(p, T_LBRACK)) {
                ps_expect(p, K_ANY);
                ps_expect(p, T_RBRACK);
                d->to_any = 1;
            }
        } else {
            break;
        }
    }
    if (!ps_accept(p, T_SEMI))
        d->effects = ps_effect_block(p);
}

static void ps_property(ps_state *p, ast_decl *d)
{
    d->doc = ps_expect(p, T_STR)->text;
    if (ps_accept(p, K_FOR)) {
        ast_ident **ft = &d->families;
        do {
            ast_ident *f = ar_alloc(sizeof *f);
            const lx_token *id = ps_ident(p, "a family name");
            f->name = id->text;
            f->at = id->at;
            *ft = f;
            ft = &f->next;
        } while (ps_accept(p, T_COMMA));
    }
    ps_expect(p, T_COLON);
    if (ps_accept(p, K_EACH)) {
        const lx_token *m = ps_ident(p, "a machine array name");
        d->each = m->text;
        d->each_at = m->at;
        ps_expect(p, T_COLON);
    }
    if (d->kind == AD_INVARIANT && ps_kind(p) == K_ON) {
        ps_next(p);
        ps_expect(p, K_ISSUE);
        const lx_token *c = ps_ident(p, "a command name");
        d->on_issue = c->text;
        d->on_issue_at = c->at;
        ps_expect(p, T_COLON);
    }
    p->ltl = d->kind == AD_LTL;
    d->value = ps_expr(p);
    p->ltl = 0;
    ps_expect(p, T_SEMI);
}

static void ps_enum(ps_state *p, ast_decl *d)
{
    ps_expect(p, T_ASSIGN);
    ps_expect(p, K_ENUM);
    ps_expect(p, T_LBRACE);
    ast_ident **mt = &d->members;
    do {
        ast_ident *m = ar_alloc(sizeof *m);
        const lx_token *id = ps_ident(p, "an enum member");
        m->name = id->text;
        m->at = id->at;
        *mt = m;
        mt = &m->next;
    } while (ps_accept(p, T_COMMA));
    ps_expect(p, T_RBRACE);
    ps_expect(p, T_SEMI);
}

static const struct {
    lx_kind kw;
    ast_dkind kind;
    const char *what;
} ps_decl_kinds[] = {
    { K_CONST, AD_CONST, "a constant name" },   { K_TYPE, AD_TYPE, "a type name" },
    { K_PARAM, AD_PARAM, "a param name" },      { K_OPTION, AD_OPTION, "an option name" },
    { K_FAMILY, AD_FAMILY, "a family name" },   { K_PLANT, AD_PLANT, "a variable name" },
    { K_COMMAND, AD_COMMAND, "a command name" }, { K_FAULT, AD_FAULT, "a fault name" },
    { K_OPERATOR, AD_OPERATOR, "an operator action name" },
    { K_MACHINE, AD_MACHINE, "a machine name" },
    { K_INVARIANT, AD_INVARIANT, "a property ID" }, { K_LTL, AD_LTL, "a property ID" },
};

static void ps_decl_body(ps_state *p, ast_decl *d)
{
    switch (d->kind) {
    case AD_CONST:
        ps_expect(p, T_ASSIGN);
        d->value = ps_expr(p);
        ps_expect(p, T_SEMI);
        break;
    case AD_TYPE:
        ps_enum(p, d);
        break;
    case AD_PARAM:
    case AD_PLANT:
        ps_expect(p, T_COLON);
        d->type = ps_type(p);
        if (ps_accept(p, T_ASSIGN)) {
            if (d->kind == AD_PARAM)
                d->value = ps_expr(p);
            else
                d->init = ps_init(p);
        }
        d->doc = ps_opt_doc(p);
        ps_expect(p, T_SEMI);
        break;
    case AD_OPTION:
        d->doc = ps_opt_doc(p);
        ps_expect(p, T_SEMI);
        break;
    case AD_FAMILY:
        ps_family(p, d);
        break;
    case AD_COMMAND:
        ps_command(p, d);
        break;
    case AD_FAULT:
    case AD_OPERATOR:
        ps_env(p, d);
        break;
    case AD_MACHINE:
        if (ps_accept(p, T_LBRACK)) {
            d->machine.count = ps_expr(p);
            ps_expect(p, T_RBRACK);
            d->machine.symmetric = ps_accept(p, K_SYMMETRIC);
        }
        d->doc = ps_opt_doc(p);
        ps_machine_body(p, &d->machine, NULL);
        break;
    case AD_INVARIANT:
    case AD_LTL:
        ps_property(p, d);
        break;
    case AD_EXTEND:
        ps_machine_body(p, &d->machine, d->name);
        break;
    }
}

static ast_decl *ps_decl(ps_state *p)
{
    lx_kind k = ps_kind(p);
    for (size_t i = 0; i < sizeof ps_decl_kinds / sizeof ps_decl_kinds[0]; i++) {
        if (ps_decl_kinds[i].kw != k)
            continue;
        ps_next(p);
        ast_decl *d = ar_alloc(sizeof *d);
        d->kind = ps_decl_kinds[i].kind;
        const lx_token *id = ps_ident(p, ps_decl_kinds[i].what);
        d->name = id->text;
        d->at = id->at;
        ps_decl_body(p, d);
        return d;
    }
    ps_fail(p, "a declaration");
}

/* 1 if the current token is the identifier 'word': at the top level, where
 * no declaration starts with a name, 'include' and 'extend' are keywords
 * (and names everywhere else). */
static int ps_contextual(const ps_state *p, const char *word)
{
    return ps_kind(p) == T_ID && strcmp(ps_peek(p)->text, word) == 0;
}

/* 'extend machine NAME { ... }' */
static ast_decl *ps_extend(ps_state *p)
{
    ps_next(p);
    ps_expect(p, K_MACHINE);
    ast_decl *d = ar_alloc(sizeof *d);
    d->kind = AD_EXTEND;
    const lx_token *id = ps_ident(p, "a machine name");
    d->name = id->text;
    d->at = id->at;
    ps_decl_body(p, d);
    return d;
}

/* 'include "path";': the included file's declarations are appended at
 * *tail, which then points past the last of them. */
static ast_decl **ps_include(ps_state *p, ast_decl **tail)
{
    loc at = ps_next(p)->at;
    const lx_token *path = ps_expect(p, T_STR);
    ps_expect(p, T_SEMI);
    ast_decl *decls = NULL;
    if (!p->include) {
        diag_error(at, "'include' needs a spec read from a file");
        longjmp(p->fail, 1);
    }
    if (p->include(p->include_arg, path->text, at, &decls))
        longjmp(p->fail, 1);
    for (*tail = decls; *tail; tail = &(*tail)->next)
        ;
    return tail;
}

/* Kept out of ps_parse so that no local of the setjmp caller changes after
 * setjmp (they would be indeterminate after the longjmp). */
static void ps_decls(ps_state *p, ast_spec *out)
{
    ast_decl **tail = &out->decls;
    while (ps_kind(p) != T_EOF) {
        if (ps_contextual(p, "include")) {
            tail = ps_include(p, tail);
            continue;
        }
        *tail = ps_contextual(p, "extend") ? ps_extend(p) : ps_decl(p);
        tail = &(*tail)->next;
    }
}

int ps_parse(const lx_tokens *toks, ps_include_fn include, void *arg, ast_spec *out)
{
    ps_state p;
    memset(&p, 0, sizeof p);
    p.include = include;
    p.include_arg = arg;
    p.t = toks->v;
    p.n = toks->n;
    out->decls = NULL;
    if (setjmp(p.fail))
        return -1;
    ps_decls(&p, out);
    return 0;
}
