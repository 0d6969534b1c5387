/* ir.h - the checked, resolved intermediate representation.
 *
 * The checker (check.c) builds it from the AST; the analyses (analyze.c)
 * decide the enumeration-based checks on it and lower priorities to
 * mutually exclusive guards; every emitter reads only this.  All names are
 * resolved to indices into the tables of ir_spec; all tables live in the
 * arena.
 *
 * Valuations: an evaluation environment (eval.h) holds one int32 per "slot".
 * ir_var.slot is the first slot of a variable and ir_var.width the number of
 * slots it takes: 1 for a scalar, the largest size over all profiles for an
 * array, and one count per enum member for a pool.
 */
#ifndef ISSU_IR_H
#define ISSU_IR_H

#include <stdint.h>

#include "diag.h"

typedef enum ir_tkind {
    IR_T_BOOL,                  /* 0..1 */
    IR_T_INT,                   /* lo..hi (per profile) */
    IR_T_ENUM,                  /* members of ir_spec.enums[id] */
    IR_T_STATE                  /* states of ir_spec.machines[id] */
} ir_tkind;

typedef struct ir_expr ir_expr;

typedef struct ir_type {
    ir_tkind kind;              /* value kind */
    int id;                     /* IR_T_ENUM: enum; IR_T_STATE: machine */
    ir_expr *lo, *hi;           /* IR_T_INT bounds, constant over params */
} ir_type;

typedef enum ir_ekind {
    IR_E_CONST,                 /* value */
    IR_E_PARAM,                 /* var (a param): its value in the profile */
    IR_E_VAR,                   /* scalar var (plant, controller, option) */
    IR_E_INDEX,                 /* array var [a] */
    IR_E_COUNT,                 /* elements of var (array/pool) in vals[]; machine >= 0: instances of machine in states vals[] */
    IR_E_SIZE,                  /* size of var (array/pool) or of machine array */
    IR_E_STATE,                 /* state of machine (instance a; NULL: self / the only one) */
    IR_E_MVAR,                  /* controller var of machine instance a (NULL: only one) */
    IR_E_PENDING,               /* command cmd pending in the current machine */
    IR_E_SELF,                  /* instance index of the current machine */
    IR_E_NOT, IR_E_NEG,
    IR_E_AND, IR_E_OR, IR_E_IMPLIES, IR_E_IFF,
    IR_E_EQ, IR_E_NE, IR_E_LT, IR_E_LE, IR_E_GT, IR_E_GE,
    IR_E_ADD, IR_E_SUB,
    IR_E_ALWAYS, IR_E_EVENTUALLY, IR_E_UNTIL   /* LTL only */
} ir_ekind;

struct ir_expr {
    ir_ekind kind;              /* operator */
    ir_type type;               /* result type */
    loc at;                     /* source location */
    int32_t value;              /* IR_E_CONST */
    int var;                    /* variable index, or -1 */
    int machine;                /* machine index, or -1 */
    int cmd;                    /* IR_E_PENDING: command */
    ir_expr *a, *b;             /* operands; IR_E_INDEX/STATE/MVAR: index */
    int32_t *vals;              /* IR_E_COUNT: the values counted */
    int nvals;
};

typedef enum ir_vkind {
    IR_V_PARAM,                 /* family parameter: a constant per profile */
    IR_V_OPTION,                /* user option: bool, read-only, chosen at start */
    IR_V_PLANT,                 /* plant variable: written by commands and the environment */
    IR_V_CTRL                   /* controller variable of one machine */
} ir_vkind;

typedef enum ir_shape { IR_SCALAR, IR_ARRAY, IR_POOL } ir_shape;

typedef enum ir_ikind {
    IR_I_VALUE,                 /* every element = values[0] */
    IR_I_LIST,                  /* element i = values[i] */
    IR_I_SET,                   /* any of values[] (per element) */
    IR_I_ANY                    /* any value of the domain */
} ir_ikind;

typedef struct ir_var {
    const char *name;           /* source name */
    const char *doc;            /* description or NULL */
    loc at;                     /* declaration */
    ir_vkind kind;              /* role */
    int machine;                /* IR_V_CTRL: owning machine, else -1 */
    ir_shape shape;             /* scalar, array or pool */
    ir_type elem;               /* element type (pool: IR_T_ENUM) */
    ir_expr *size;              /* array/pool size, constant over params */
    ir_ikind init;              /* initial value form (not for params) */
    ir_expr **values;           /* initial values */
    int nvalues;
    ir_expr *deflt;             /* IR_V_PARAM: default value or NULL */
    int slot;                   /* first valuation slot */
    int width;                  /* valuation slots */
} ir_var;

typedef struct ir_enum {
    const char *name;           /* type name */
    loc at;
    const char **members;       /* member names, in order (value = index) */
    loc *member_at;
    int n;
} ir_enum;

typedef enum ir_fkind {
    IR_F_ASSIGN,                /* var[index] = value */
    IR_F_CHOOSE,                /* var[index] = any of values[] (nvalues 0: the whole domain) */
    IR_F_MOVE_ONE,              /* one element of pool var from from[] to to */
    IR_F_MOVE_ALL,              /* every element of pool var in from[] to to */
    IR_F_IF                     /* if cond then_ else else_ */
} ir_fkind;

typedef struct ir_effect {
    ir_fkind kind;              /* statement */
    loc at;
    int var;                    /* target variable */
    ir_expr *index;             /* array index or NULL */
    ir_expr *value;             /* IR_F_ASSIGN */
    ir_expr **values;           /* IR_F_CHOOSE */
    int nvalues;
    int32_t *from;              /* IR_F_MOVE_*: source members */
    int nfrom;
    int32_t to;                 /* IR_F_MOVE_*: target member */
    ir_expr *cond;              /* IR_F_IF */
    struct ir_effect *then_;    /* IR_F_IF branches, arrays */
    int nthen;
    struct ir_effect *else_;
    int nelse;
} ir_effect;

typedef struct ir_outcome {
    const char *name;           /* "ok", "fail", "timeout", ... */
    const char *doc;
    loc at;
    ir_expr *when;              /* condition or NULL */
    ir_effect *effects;
    int neffects;
    int event;                  /* the event it raises */
} ir_outcome;

typedef struct ir_cmd {
    const char *name;
    const char *doc;
    loc at;
    int64_t timeout_ms;         /* -1: no timeout */
    int timeout_outcome;        /* index of the 'timeout' outcome or -1 */
    ir_effect *issue;           /* effect at issue */
    int nissue;
    ir_outcome *outcomes;
    int noutcomes;
} ir_cmd;

typedef enum ir_evkind {
    IR_EV_OUTCOME,              /* outcome of a command */
    IR_EV_FAULT,                /* environment fault */
    IR_EV_OPERATOR,             /* operator action */
    IR_EV_MACHINE               /* sent by another machine */
} ir_evkind;

typedef struct ir_event {
    const char *name;           /* "cmd.outcome", fault, operator or machine event name */
    const char *doc;
    loc at;
    ir_evkind kind;
    int cmd, outcome;           /* IR_EV_OUTCOME */
    int env;                    /* IR_EV_FAULT/OPERATOR: index in ir_spec.envs */
    int machine;                /* receiving machine (IR_EV_MACHINE, env); outcomes: -1 (the issuer) */
} ir_event;

typedef struct ir_env {
    const char *name;
    const char *doc;
    loc at;
    int is_fault;               /* fault (1) or operator action (0) */
    ir_expr *when;              /* enabling condition or NULL */
    int limit;                  /* occurrences per run */
    int silent;                 /* no event delivered */
    int machine;                /* receiver */
    int to_any;                 /* any instance of a machine array */
    ir_effect *effects;
    int neffects;
    int event;                  /* its event, or -1 if silent */
} ir_env;

typedef enum ir_akind {
    IR_A_CONSOLE,               /* text */
    IR_A_ISSUE,                 /* cmd */
    IR_A_CANCEL,                /* cmd */
    IR_A_ASSIGN,                /* var = value */
    IR_A_SEND                   /* event to machine (instance index, NULL: all / the only one) */
} ir_akind;

typedef struct ir_action {
    ir_akind kind;
    loc at;
    const char *text;           /* IR_A_CONSOLE */
    int cmd;                    /* IR_A_ISSUE, IR_A_CANCEL */
    int var;                    /* IR_A_ASSIGN */
    ir_expr *value;             /* IR_A_ASSIGN */
    int event;                  /* IR_A_SEND */
    int machine;                /* IR_A_SEND */
    ir_expr *index;             /* IR_A_SEND */
} ir_action;

typedef struct ir_trans {
    int id;                     /* index in the machine's table */
    loc at;                     /* the 'on' keyword (of a list of events: the event) */
    const char *doc;
    int from, to;               /* states */
    int event;
    ir_expr *guard;             /* as written (NULL: true); meaningless if otherwise */
    int otherwise;              /* guard is "none of the others" */
    int priority;
    ir_expr *xguard;            /* lowered, mutually exclusive guard (NULL: true) */
    const char *dead;           /* expected never to fire (a defensive transition): why; or NULL */
    ir_action *actions;
    int nactions;
} ir_trans;

typedef enum ir_policy {
    IR_P_NONE,                  /* no decision (impossible in a checked spec where the event can arrive) */
    IR_P_HANDLED,               /* some transition handles it */
    IR_P_IGNORE,                /* dropped, expected */
    IR_P_REJECT                 /* dropped, refused */
} ir_policy;

typedef struct ir_state {
    const char *name;
    const char *doc;
    loc at;
    int initial, final;
} ir_state;

typedef struct ir_machine {
    const char *name;
    const char *doc;
    loc at;
    ir_expr *count;             /* machine array size, NULL for one machine */
    int symmetric;              /* declared 'symmetric' (gen/ir/symmetry.h checks it) */
    ir_state *states;
    int nstates;
    int initial;
    int *vars;                  /* its controller variables (indices) */
    int nvars;
    ir_trans *trans;            /* grouped by (from, event), higher priority first */
    int ntrans;
    unsigned char *policy;      /* [state * nevents + event]: ir_policy for residual valuations */
    unsigned char *arrives;     /* [state * nevents + event]: 1 if the event can arrive there */
    uint8_t *pending;           /* [state * ncmds + cmd]: 1 if cmd may be pending in the state */
    int self_slot;              /* valuation slot of 'self' */
    int state_slot;             /* valuation slot of its state */
    int pending_slot;           /* first of ncmds valuation slots for pending() */
} ir_machine;

typedef enum ir_pkind { IR_PROP_INVARIANT, IR_PROP_ON_ISSUE, IR_PROP_LTL } ir_pkind;

typedef struct ir_prop {
    const char *id;             /* requirement ID ("S1") */
    const char *text;           /* the sentence */
    loc at;
    ir_pkind kind;
    int cmd;                    /* IR_PROP_ON_ISSUE */
    ir_expr *expr;              /* formula */
    uint8_t *families;          /* [family]: applies; NULL: all */
    int machine;                /* 'each M': holds of every instance of machine array M
                                   (`self`, `M.state`, `M.var` are the instance's); -1: once */
} ir_prop;

typedef struct ir_family {
    const char *name;
    const char *doc;
    loc at;
} ir_family;

typedef struct ir_profile {
    const char *name;
    const char *doc;
    loc at;
    int family;
    int32_t *param;             /* [var]: value of each param (others unused) */
} ir_profile;

typedef struct ir_spec {
    const char *file;           /* source path: the main file (each loc names its own) */
    ir_enum *enums;     int nenums;
    ir_var *vars;       int nvars;
    ir_cmd *cmds;       int ncmds;
    ir_event *events;   int nevents;
    ir_env *envs;       int nenvs;
    ir_machine *machines; int nmachines;
    ir_prop *props;     int nprops;
    ir_family *families; int nfamilies;
    ir_profile *profiles; int nprofiles;
    int nslots;                 /* valuation slots in all */
} ir_spec;

/* The file of a location, as the outputs name it beside what came from
 * there: its own, or the main file's for a location without one. */
const char *ir_file(const ir_spec *s, loc at);
/* Value of a constant expression (params allowed) in a profile. */
int32_t ir_const(const ir_spec *s, const ir_expr *e, int profile);
/* Bounds of a type in a profile. */
void ir_bounds(const ir_spec *s, const ir_type *t, int profile, int32_t *lo, int32_t *hi);
/* Size of an array or pool variable in a profile (1 for scalars). */
int32_t ir_size(const ir_spec *s, const ir_var *v, int profile);
/* Instances of a machine in a profile (1 for a single machine). */
int32_t ir_instances(const ir_spec *s, const ir_machine *m, int profile);
/* The event queue bound of each instance of machine m in a profile, the
 * same for the model and the C: the commands that may be pending at once in
 * one state, plus every event the environment may deliver to it in the profile, plus one
 * per send site per sending instance.  Not a proof that no queue
 * overflows: the model asserts it at every enqueue (@A QUEUE) and the C
 * reports contract 101, so a spec whose queue can grow past it fails its
 * proofs.  1..255. */
int ir_queue_bound(const ir_spec *s, int m, int profile);
/* Name of a value of type t ("MASTER", "true", "12"), in a static buffer for ints. */
const char *ir_value_name(const ir_spec *s, const ir_type *t, int32_t v);

/* The spelling of a binary operator in the spec ("&&", "<=", "->", "U"),
 * which is also C's and Promela's for the boolean, comparison and additive
 * ones, and SPIN's LTL syntax for "->", "<->" and "U". */
const char *ir_binop(ir_ekind k);

/* The expression in the spec's own syntax, in the arena ("gres_ready && count(fpc, READY) > 0"). */
const char *ir_expr_str(const ir_spec *s, const ir_expr *e);

#endif
