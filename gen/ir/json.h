/* json.h - the generator's side of the runtime's JSON trace (runtime/
 * issu_trace.c): strings escaped as the runtime escapes them, and a machine
 * line from "trans" on, so that what the spec predicts (issu-gen --trace,
 * --relation) and what the C writes compare as text. */
#ifndef ISSU_JSON_H
#define ISSU_JSON_H

#include <stdio.h>

#include "ir.h"

/* A JSON string literal: '"' and '\' escaped, control bytes as \u00XX,
 * every other byte as it is (the runtime's escaping). */
void js_str(FILE *out, const char *s);

/* How the caller knows an action's run-time values. */
typedef struct js_values {
    void *ctx;
    const char *(*assigned)(void *ctx, const ir_action *a);  /* an assign's value, by name */
    long (*sent_to)(void *ctx, const ir_action *a);          /* a send's instance (-1: all) */
} js_values;

/* The tail of a machine line, from "trans" on, without the opening '{' of
 * the line: "trans":K,"from":..,"event":..,"to":..,"actions":[..]} for
 * transition t of machine m, or (t NULL) "trans":null .. "unhandled":policy}
 * for event ev unhandled in state st. */
void js_machine_tail(FILE *out, const ir_spec *s, int m, const ir_trans *t, int st, int ev,
                     const char *policy, const js_values *v);

#endif
