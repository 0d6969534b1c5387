/* emit_c.h - helpers shared by the C emitters (emit_c_ids.c, emit_c_glue.c,
 * emit_c_monitors.c, emit_ragel.c, emit_c_plant.c): C names of the spec's
 * identifiers, C string literals, and C expressions from IR expressions.
 * Every machine of the spec becomes C: its identifiers carry its name
 * (ISSU_ST_<m>_<S>, ISSU_CV_<m>_<v>), and an expression is translated in
 * the context of one machine (its guards and actions) or of none (a
 * monitor, which reads every machine of the system through the runtime).
 * Where the leaves of an expression come from (the runtime's instance, or
 * the reference plant's cells) is the choice of an ec_reader. */
#ifndef ISSU_EMIT_C_H
#define ISSU_EMIT_C_H

#include <stdio.h>

#include "ir.h"

/* The context of an expression that belongs to no machine (a monitor). */
#define EC_GLOBAL (-1)

/* The banner of every generated C file, as a block comment. */
void ec_banner(FILE *out, const ir_spec *s, const char *what);

/* A C string literal, with quotes and escapes. */
void ec_str(FILE *out, const char *text);

/* The C-safe name of an event: "validate_image.ok" -> "validate_image__ok". */
const char *ec_event(const ir_spec *s, int event);

/* Index of a variable among the variables of its kind (plant, param,
 * option, or controller variable of its own machine): the ISSU_PV_/
 * ISSU_PARAM_/ISSU_OPT_/ISSU_CV_<m>_ number. */
int ec_var_index(const ir_spec *s, int var);

/* Counts of those kinds; for IR_V_CTRL, of machine `machine`'s. */
int ec_count_vars(const ir_spec *s, ir_vkind kind, int machine);

/* A C expression for e, in the context of machine `machine` (its guards and
 * actions read the instance `m`) or EC_GLOBAL (a monitor: another machine's
 * state and variables through the runtime's peer functions).  `params`
 * names the int32_t params array ("m->params", "(p)"). */
void ec_expr(FILE *out, const ir_spec *s, const ir_expr *e, const char *params, int machine);

/* The same for a monitor of an 'each M' property, at instance `self` of M. */
void ec_expr_each(FILE *out, const ir_spec *s, const ir_expr *e, const char *params, int each,
                  const char *self);

/* How a C expression reads its leaves: plant, option and controller
 * variables (scalars, elements, M.var), count(), states, pending() and
 * self.  Operators, constants, params and size() are ec_read's own and the
 * same for every reader; a leaf writer translates a leaf's sub-expressions
 * (an index) with ec_read and the same reader.  ec_expr is ec_read with
 * the runtime's reader. */
typedef struct ec_reader ec_reader;
struct ec_reader {
    void (*leaf)(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r);
    const char *params;         /* the int32_t params array */
    int machine;                /* the expression's machine, or EC_GLOBAL */
    int each;                   /* a property of each instance of this machine array, or -1 ... */
    const char *self;           /* ... the instance (`self`, `M.state`), as C; NULL: none */
};

/* A C expression for e (NULL: "1"), its leaves written by r->leaf. */
void ec_read(FILE *out, const ir_spec *s, const ir_expr *e, const ec_reader *r);

/* A value of type t as C: ISSU_<enum>_<member>, ISSU_ST_<m>_<S>, or the number. */
void ec_value(FILE *out, const ir_spec *s, const ir_type *t, int32_t v);

/* "(const int32_t[]){ A, B }, 2": n values of type t and their number. */
void ec_values(FILE *out, const ir_spec *s, const ir_type *t, const int32_t *vals, int n);

/* The largest size of an array or pool variable over the profiles, at least 1. */
int32_t ec_max_size(const ir_spec *s, const ir_var *v);

/* Mask of commands a transition issues (and cancels), bit ISSU_CMD_x. */
unsigned long long ec_issue_mask(const ir_trans *t, ir_akind kind);

#endif
