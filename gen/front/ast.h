/* ast.h - the syntax tree the parser builds and the checker reads.
 *
 * The AST is what the user wrote, with locations and nothing resolved.  The
 * checker (check.c) resolves names and types and builds the IR (ir.h) from
 * it; no emitter ever reads the AST.  A spec split over several files is
 * one AST (load.h): every location names its file.
 */
#ifndef ISSU_AST_H
#define ISSU_AST_H

#include <stdint.h>

#include "diag.h"

typedef enum ast_ekind {
    AE_INT,                     /* ival */
    AE_BOOL,                    /* ival 0/1 */
    AE_NAME,                    /* name */
    AE_INDEX,                   /* name[a] */
    AE_FIELD,                   /* name.field, or name[a].field */
    AE_STATE,                   /* bare 'state' */
    AE_SELF,                    /* 'self' */
    AE_COUNT,                   /* count(name[.state], items) */
    AE_SIZE,                    /* size(name) */
    AE_PENDING,                 /* pending(name) */
    AE_UNARY,                   /* op a */
    AE_BINARY,                  /* a op b */
    AE_IN                       /* a in {items} */
} ast_ekind;

typedef struct ast_expr {
    ast_ekind kind;             /* node kind */
    loc at;                     /* where it starts (binary: the operator) */
    int op;                     /* lx_kind of the operator */
    int64_t ival;               /* literal value */
    const char *name;           /* AE_NAME/INDEX/FIELD/COUNT/SIZE/PENDING: the name */
    const char *field;          /* AE_FIELD: field name ("state" for .state) */
    loc name_at;                /* location of name */
    struct ast_expr *a, *b;     /* operands; AE_INDEX/AE_FIELD: a is the index or NULL */
    struct ast_expr **items;    /* AE_IN and AE_COUNT: the set */
    int nitems;                 /* number of items */
} ast_expr;

typedef enum ast_tkind { AT_BOOL, AT_RANGE, AT_NAMED, AT_ARRAY, AT_POOL } ast_tkind;

typedef struct ast_type {
    ast_tkind kind;             /* type constructor */
    loc at;                     /* where it starts */
    ast_expr *lo, *hi;          /* AT_RANGE bounds */
    const char *name;           /* AT_NAMED, AT_POOL element enum */
    ast_expr *size;             /* AT_ARRAY, AT_POOL */
    struct ast_type *elem;      /* AT_ARRAY element type */
} ast_type;

typedef enum ast_ikind { AI_NONE, AI_EXPR, AI_ANY, AI_SET, AI_LIST } ast_ikind;

typedef struct ast_init {
    ast_ikind kind;             /* form of the initialiser */
    loc at;                     /* where it starts */
    ast_expr *e;                /* AI_EXPR */
    ast_expr **items;           /* AI_SET, AI_LIST */
    int nitems;
} ast_init;

typedef enum ast_fkind { AF_ASSIGN, AF_MOVE, AF_IF } ast_fkind;

typedef struct ast_effect {
    ast_fkind kind;             /* statement kind */
    loc at;                     /* where it starts */
    const char *name;           /* AF_ASSIGN target / AF_MOVE pool */
    loc name_at;
    ast_expr *index;            /* AF_ASSIGN: target index or NULL */
    ast_init value;             /* AF_ASSIGN: EXPR, ANY or SET */
    int move_all;               /* AF_MOVE: 'all' rather than 'one' */
    ast_expr **from;            /* AF_MOVE source states (names) */
    int nfrom;
    ast_expr *to;               /* AF_MOVE target state (a name) */
    ast_expr *cond;             /* AF_IF */
    struct ast_effect *then_, *else_; /* AF_IF branches (lists) */
    struct ast_effect *next;    /* next statement in the block */
} ast_effect;

typedef enum ast_akind { AA_CONSOLE, AA_ISSUE, AA_CANCEL, AA_ASSIGN, AA_SEND } ast_akind;

typedef struct ast_action {
    ast_akind kind;             /* action kind */
    loc at;                     /* where it starts */
    const char *text;           /* AA_CONSOLE */
    const char *name;           /* command, variable or event */
    loc name_at;
    ast_expr *value;            /* AA_ASSIGN */
    const char *to;             /* AA_SEND: machine */
    loc to_at;
    ast_expr *to_index;         /* AA_SEND: instance or NULL */
    struct ast_action *next;
} ast_action;

typedef struct ast_evref {
    const char *name;           /* event, fault, operator or command */
    const char *outcome;        /* command outcome, or NULL */
    loc at;
} ast_evref;

typedef struct ast_policy {
    int reject;                 /* 1 reject, 0 ignore */
    ast_evref ev;               /* the event */
    struct ast_policy *next;
} ast_policy;

typedef struct ast_trans {
    loc at;                     /* the 'on' keyword */
    ast_evref *evs;             /* triggering events: one transition each, in this order */
    int nevs;                   /* at least 1 */
    ast_expr *guard;            /* NULL: always */
    int otherwise;              /* 'otherwise' guard */
    int64_t priority;           /* default 0 */
    int has_priority;
    const char *target;         /* target state */
    loc target_at;
    const char *dead;           /* 'dead "reason"': expected never to fire, or NULL */
    loc dead_at;
    const char *doc;            /* optional description */
    ast_action *actions;        /* list */
    struct ast_trans *next;
} ast_trans;

typedef struct ast_state {
    const char *name;
    loc at;
    const char *doc;
    int initial, final;
    ast_policy *policies;       /* state-level ignore/reject */
    ast_trans *trans;           /* transitions, in source order */
    struct ast_state *next;
} ast_state;

typedef struct ast_mvar {
    const char *name;
    loc at;
    ast_type *type;
    ast_expr *init;
    const char *doc;
    struct ast_mvar *next;
} ast_mvar;

typedef struct ast_mevent {
    const char *name;
    loc at;
    const char *doc;
    struct ast_mevent *next;
} ast_mevent;

typedef struct ast_machine {
    ast_expr *count;            /* machine array size, or NULL */
    int symmetric;              /* 'symmetric': its instances are interchangeable (symmetry.h) */
    ast_mvar *vars;
    ast_mevent *events;
    ast_policy *policies;       /* machine-level defaults */
    ast_state *states;
} ast_machine;

typedef struct ast_outcome {
    const char *name;
    loc at;
    ast_expr *when;
    const char *doc;
    ast_effect *effects;
    struct ast_outcome *next;
} ast_outcome;

typedef struct ast_assign {     /* name = expr; in families and profiles */
    const char *name;
    loc at;
    ast_expr *value;
    struct ast_assign *next;
} ast_assign;

typedef struct ast_profile {
    const char *name;
    loc at;
    const char *doc;
    ast_assign *assigns;
    struct ast_profile *next;
} ast_profile;

typedef struct ast_ident {
    const char *name;
    loc at;
    struct ast_ident *next;
} ast_ident;

typedef enum ast_dkind {
    AD_CONST, AD_TYPE, AD_PARAM, AD_OPTION, AD_FAMILY, AD_PLANT, AD_COMMAND,
    AD_FAULT, AD_OPERATOR, AD_MACHINE, AD_INVARIANT, AD_LTL,
    AD_EXTEND                   /* 'extend machine NAME': more of a machine's body */
} ast_dkind;

typedef struct ast_decl {
    ast_dkind kind;             /* declaration kind */
    const char *name;           /* declared name (property: its ID) */
    loc at;                     /* the name's location */
    const char *doc;            /* description / property sentence */
    ast_expr *value;            /* const value, param default, property formula */
    ast_type *type;             /* param, plant */
    ast_init init;              /* plant initial value */
    ast_ident *members;         /* enum members */
    ast_assign *assigns;        /* family defaults */
    ast_profile *profiles;      /* family profiles */
    int64_t timeout_ms;         /* command: -1 if none */
    loc timeout_at;
    ast_effect *issue_effects;  /* command issue effect */
    ast_outcome *outcomes;      /* command outcomes */
    ast_expr *when;             /* fault/operator condition */
    int64_t limit;              /* fault/operator limit, default 1 */
    int silent;                 /* fault/operator: no event */
    const char *to;             /* fault/operator receiver */
    loc to_at;
    int to_any;                 /* 'to M[any]' */
    ast_effect *effects;        /* fault/operator effect */
    ast_machine machine;        /* machine body (AD_EXTEND: what it adds) */
    ast_ident *families;        /* property 'for' list */
    const char *on_issue;       /* invariant 'on issue CMD' */
    loc on_issue_at;
    const char *each;           /* property 'each M': holds of every instance of machine M */
    loc each_at;
    struct ast_decl *next;
} ast_decl;

typedef struct ast_spec {
    ast_decl *decls;            /* in source order; an included file's in place of its 'include' */
} ast_spec;

#endif
