/* emit_c.h - helpers shared by the C emitters (emit_c_ids.c, emit_c_glue.c,
 * emit_c_monitors.c, emit_ragel.c): C names of the spec's identifiers, C
 * string literals, and C expressions from IR expressions.  The controller
 * in C is the spec's first machine (ec_machine()). */
#ifndef ISSU_EMIT_C_H
#define ISSU_EMIT_C_H

#include <stdio.h>

#include "ir.h"

/* The machine that becomes C: the spec's first. */
const ir_machine *ec_machine(const ir_spec *s);

/* The banner of every generated C file, as a block comment. */
void ec_banner(FILE *out, const ir_spec *s, const char *what);

/* A C string literal, with quotes and escapes. */
void ec_str(FILE *out, const char *text);

/* The C-safe name of an event: "validate_image.ok" -> "validate_image__ok". */
const char *ec_event(const ir_spec *s, int event);

/* Index of a variable among the variables of its kind (plant, param,
 * option, or controller variable of the C machine): the ISSU_PV_/ISSU_PARAM_/
 * ISSU_OPT_/ISSU_CV_ number; -1 if it has none. */
int ec_var_index(const ir_spec *s, int var);

/* Counts of those kinds. */
int ec_count_vars(const ir_spec *s, ir_vkind kind);

/* A C expression for e.  `params` names the int32_t params array ("m->params",
 * "(p)"); the rest reads the instance `m` through issu_impl.h. */
void ec_expr(FILE *out, const ir_spec *s, const ir_expr *e, const char *params);

/* Mask of commands a transition issues (and cancels), bit ISSU_CMD_x. */
unsigned long ec_issue_mask(const ir_trans *t, ir_akind kind);

#endif
