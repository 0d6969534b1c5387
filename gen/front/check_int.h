/* check_int.h - state shared by check.c and check_expr.c (not for other
 * modules).  The dependency goes one way: check.c (declarations) calls
 * check_expr.c (expressions, the symbol tables, constants), never back. */
#ifndef ISSU_CHECK_INT_H
#define ISSU_CHECK_INT_H

#include "ast.h"
#include "ir.h"

typedef enum ck_skind {
    SY_CONST, SY_TYPE, SY_PARAM, SY_OPTION, SY_PLANT, SY_COMMAND, SY_FAULT,
    SY_OPERATOR, SY_MACHINE, SY_FAMILY, SY_PROFILE, SY_CTRL, SY_STATE,
    SY_EVENT, SY_MEMBER, SY_OUTCOME, SY_PROP
} ck_skind;

typedef struct ck_sym {
    const char *name;            /* key (NULL: empty bucket) */
    ck_skind kind;               /* what it names */
    int index;                   /* index in its IR table */
    loc at;                      /* declaration */
    const ast_decl *decl;        /* top-level declaration, if any */
} ck_sym;

typedef struct ck_table {
    ck_sym *v;                   /* open addressing, power-of-two capacity */
    unsigned cap;
    unsigned n;
} ck_table;

/* What an expression may read, by where it stands. */
typedef enum ck_where {
    CX_CONST,                    /* const values, param values: literals and consts */
    CX_SIZE,                     /* sizes and bounds: also params */
    CX_INIT,                     /* initial values: also params and enum members */
    CX_PLANT,                    /* command/env effects and outcome conditions */
    CX_ENVWHEN,                  /* environment conditions: plant and machine states */
    CX_GUARD,                    /* guards and controller assignments */
    CX_PROP                      /* properties */
} ck_where;

typedef struct ck_cx {
    ck_where where;              /* context */
    int machine;                 /* current machine or -1 */
    int self_ok;                 /* 'self' has a meaning here */
} ck_cx;

typedef struct ck_const {        /* lazily evaluated 'const' */
    int state;                   /* 0 new, 1 being evaluated, 2 done, 3 failed */
    int32_t value;
} ck_const;

typedef struct ck {
    ir_spec *s;                  /* IR being built */
    const ast_spec *ast;
    ck_table global;             /* top-level names */
    ck_table *members;           /* [enum] members */
    ck_table *mvars;             /* [machine] controller variables */
    ck_table *mstates;           /* [machine] states */
    ck_table *mevents;           /* [machine] machine events */
    ck_table *outcomes;          /* [command] outcomes */
    ck_table props;              /* property IDs */
    ck_table profiles;           /* profile names: a namespace of their own (a family
                                  * of one model may share its name: family m120, profile m120) */
    ck_const *consts;            /* [decl index] for AD_CONST */
    const ast_decl **decl_of;    /* [decl index] */
    int ndecls;
} ck;

ck_sym *ck_lookup(const ck_table *t, const char *name);
/* Insert; reports "'x' is declared twice" and returns NULL on a duplicate. */
ck_sym *ck_insert(ck_table *t, const char *name, ck_skind kind, int index, loc at,
                  const char *what);
const char *ck_kind_name(ck_skind k);

ir_expr *ck_expr(ck *c, const ast_expr *e, const ck_cx *cx, const ir_type *expect);
ir_expr *ck_bool_expr(ck *c, const ast_expr *e, const ck_cx *cx);
ir_expr *ck_new_const(loc at, ir_type t, int32_t v);
int ck_same_type(const ir_type *a, const ir_type *b);
const char *ck_type_name(const ck *c, const ir_type *t);
/* Resolve an enum member of type t written as a bare name; NULL on error. */
ir_expr *ck_member(ck *c, const ast_expr *e, const ir_type *t);
/* A context of expression checking. */
ck_cx ck_cx_make(ck_where where, int machine, int self_ok);
/* Value of the constant declared by declaration k, evaluated once (and so
 * every constant of the spec can be checked, used or not); 'at' is where
 * it is needed (for the cycle diagnostic). */
int ck_const_eval(ck *c, int k, loc at, int32_t *out);

#endif
