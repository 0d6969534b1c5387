/* rp.h - replaying a trace through the generated controller.
 *
 * A trace is the runtime's JSON lines (issu_trace.c) or the model's (issu-gen
 * --trace from a SPIN run): "machine" lines are the steps of the machine
 * instances ("machine" and "instance", its element of a machine array),
 * "world" lines the environment's (an event raised, plant cells changed).
 * The replay HAL answers every observation from the plant cells the trace
 * has set so far, and issues nothing by itself: the outcomes come from the
 * trace's world lines.  rp_run() runs a trace through a fresh system of
 * every instance of the profile (issu_sys), step by step: a world line
 * posts its event to the instance that receives it (its "machine" and
 * "instance": for an outcome the instance that issued the command, for a
 * fault or an operator action the instance of its receiving machine), a
 * machine line steps exactly the instance it names (issu_step, not the
 * system's scheduler: the trace chose the interleaving) and is compared
 * with the line the C writes.  Events that instances send each other are
 * queued by the runtime itself (issu_sys's local delivery).
 *
 * Also here: the names of the generated identifiers (issu_ids.h) back to
 * ids, for everything that reads traces or relations.
 */
#ifndef RP_H
#define RP_H

#include <stddef.h>
#include <stdint.h>

#include "issu.h"

#define RP_CELLS 64                /* cells of one plant variable (array elements, pool members) */

/* Names to ids: -1 if unknown.  (s, n): the name, not NUL-terminated. */
int rp_state(int machine, const char *s, size_t n);
int rp_event(const char *s, size_t n);
int rp_cmd(const char *s, size_t n);
int rp_machine(const char *s, size_t n);
/* A variable of machine (ISSU_CV_<machine>_x). */
int rp_ctrl(int machine, const char *s, size_t n);
int rp_option(const char *s, size_t n);
int rp_profile(const char *s, size_t n);
/* A plant cell "x", "x[3]" or "x[MEMBER]": its variable and index (pool: member). */
int rp_cell(const char *s, size_t n, int *pv, int32_t *index);
/* A value of plant variable pv: "true", "false", "12", "MASTER"; 0 ok, -1 bad. */
int rp_plant_value(int pv, const char *s, size_t n, int32_t *v);

/* The plant as the trace says. */
typedef struct rp_plant {
    int32_t val[ISSU_DIM(ISSU_NPLANT)][RP_CELLS];
    uint8_t known[ISSU_DIM(ISSU_NPLANT)][RP_CELLS];
} rp_plant;

/* The replay backend's context. */
typedef struct rp_ctx {
    rp_plant plant;
    issu_time_ms now;
    void (*console)(void *ctx, issu_time_ms t, const char *line);   /* or NULL */
    void *console_ctx;
    void (*on_issue)(void *owner, int cmd);   /* or NULL: the issue effects come later */
    void *owner;
} rp_ctx;

extern const issu_hal rp_hal;

/* The result of a replay. */
typedef struct rp_result {
    long lines;                    /* trace lines read */
    long steps;                    /* machine lines compared */
    long world;                    /* world lines applied */
    long bad_line;                 /* the first line that failed (1-based), 0 none */
    char why[512];                 /* what failed there */
    long monitors;                 /* violations the C's monitors reported */
    char monitor[256];             /* the first: "S3 (line 7): sentence" */
} rp_result;

/* How to replay. */
typedef struct rp_opts {
    int profile;                   /* if the trace has no initial line */
    uint32_t options;              /* options set besides the trace's */
    void (*console)(void *ctx, issu_time_ms t, const char *line);   /* or NULL */
    void *console_ctx;
    void (*trace)(void *ctx, const char *json_line);   /* the C's trace lines, or NULL */
    void *trace_ctx;
} rp_opts;

/* Run the trace text (len bytes) through a fresh system of the profile
 * with the trace's options; console lines go to o->console (NULL: none),
 * and so do the C's monitor violations ("monitor S3 violated: ...", also
 * counted in r->monitors: a counterexample replayed shows them); every
 * line of the C's own trace goes to o->trace.  The plant cells a step's
 * commands change (the model's "effect" line after the step) are set when
 * the C issues its first command of that step, as a backend applies an
 * issue effect.  0: every machine line matched; -1: see r->bad_line and
 * r->why. */
int rp_run(const char *text, size_t len, const rp_opts *o, rp_result *r);

/* The replay command: argv (argc of them, after the command's name) is
 * [--platform NAME] [--quiet] [--c-traces] TRACE...; each TRACE runs
 * through a fresh system (rp_run), its console lines printed unless
 * --quiet; --c-traces writes the C's own trace of TRACE next to it
 * (x.jsonl -> x.c.jsonl).  who names the command in messages ("issu
 * replay"), noun what --platform names ("platform", "profile").  The exit
 * status: 0 every trace agrees, 1 a step differs, 2 bad usage or an
 * unreadable or malformed trace, 3 the C's monitors report a violation. */
int rp_main(const char *who, const char *noun, int argc, char **argv);

#endif
