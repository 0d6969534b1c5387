/* emit.h - the emitters.  Each reads only the IR and writes one output
 * format to an open stream; they fail only on I/O (the caller checks the
 * stream) or, reported through diag_plain(), when out of memory or past an
 * enumeration bound; then the caller writes no file.  One emitter per
 * file (emit_NAME.c); main.c lists the file outputs in its table
 * gen_outputs[]. */
#ifndef ISSU_EMIT_H
#define ISSU_EMIT_H

#include <stdio.h>

#include "ir.h"

typedef struct em_opts {
    int profile;                /* --profile: index in ir_spec.profiles, or -1 */
    const char *replay;         /* --replay: path of a trail replay (spin -t output), or NULL */
    const char *replay_text;    /* its contents, read by main.c before any output */
    size_t replay_len;
    const char *model;          /* --model: the .pml the trail is of, or NULL */
    const char *model_text;     /* its contents (the "@A" markers), or NULL */
    size_t model_len;
    const char *title;          /* --title: what the run found ("S3 violated"), or NULL */
    const unsigned char *abstract;  /* --abstract: per variable, EM_ABS_*; NULL: none */
} em_opts;

/* The localization abstraction of a Promela model (--abstract): the cells of
 * a plant variable, or of a machine's variable in every instance, the model
 * drops.  A dropped cell keeps its initial value
 * and is never written; a test that reads it may be true and may be false
 * (every guard is evaluated in three values: the model may take a step
 * whenever some value of the dropped cells allows it), so that every run of
 * the full model is a run of the abstract one and an invariant or claim it
 * proves holds in the full model.  A property that reads a dropped cell is
 * left out of the model; a value computed from one is refused (no sound
 * value exists). */
#define EM_ABS_ALL 1            /* every cell */
#define EM_ABS_REST 2           /* every cell of an array but the first */

typedef void (*em_fn)(FILE *out, const ir_spec *s, const em_opts *o);

void em_summary(FILE *out, const ir_spec *s, const em_opts *o);  /* human-readable summary */
void em_dot(FILE *out, const ir_spec *s, const em_opts *o);      /* Graphviz state charts */
void em_promela(FILE *out, const ir_spec *s, const em_opts *o);  /* Promela model of o->profile */
void em_ragel(FILE *out, const ir_spec *s, const em_opts *o);    /* Ragel state chart of the controller */
void em_c_ids(FILE *out, const ir_spec *s, const em_opts *o);   /* C identifiers header (X-macros) */
void em_c_glue(FILE *out, const ir_spec *s, const em_opts *o);  /* C guards, actions, tables */
void em_c_monitors(FILE *out, const ir_spec *s, const em_opts *o); /* C safety monitors */
void em_c_plant_h(FILE *out, const ir_spec *s, const em_opts *o); /* reference plant: its header */
void em_c_plant(FILE *out, const ir_spec *s, const em_opts *o);   /* reference plant (simulators, tests) */
void em_scenario(FILE *out, const ir_spec *s, const em_opts *o); /* o->replay as a readable scenario */
void em_trace(FILE *out, const ir_spec *s, const em_opts *o);    /* o->replay as JSON lines */
void em_relation(FILE *out, const ir_spec *s, const em_opts *o); /* transition relation of o->profile */

#endif
