/* trail.h - a SPIN trail replayed by `spin -t` on a model of
 * emit_promela.c, read back into the spec's terms: the steps (machine
 * transitions, unhandled events, command outcomes, environment actions),
 * the plant and controller values each step set, and what was violated.
 * The readable scenario and the JSON-lines trace (emit_scenario.c) are
 * written from it; reading never fails on a malformed replay (see trail.c).
 */
#ifndef ISSU_TRAIL_H
#define ISSU_TRAIL_H

#include <stdint.h>

#include <stddef.h>

#include "ir.h"

#define TR_MAX_NOTES 20         /* notes kept; further ones are only counted */

typedef enum tr_kind {
    TR_TRANS,                   /* @T: a machine, b instance, c transition */
    TR_UNHANDLED,               /* @U: a machine, b instance, c state, d event */
    TR_OUTCOME,                 /* @O: a machine, b instance, c command, d outcome */
    TR_ENV,                     /* @E: a environment, b instance */
    TR_CYCLE,                   /* the acceptance cycle starts here */
    TR_NOTE                     /* a marker outside the spec: text says which */
} tr_kind;

typedef struct tr_step {
    tr_kind kind;               /* what happened */
    int a, b, c, d;             /* the marker's numbers, as above */
    int set0, nset;             /* its @V lines: sets[set0 .. set0 + nset) */
    const char *text;           /* TR_NOTE */
} tr_step;

typedef struct tr_set {
    int var, cell;              /* variable; element, pool member or machine instance */
    int32_t value;              /* the value printed */
} tr_set;

typedef struct tr_chg {
    const tr_set *x;            /* the new value */
    int32_t old;                /* the value before the step */
    int had;                    /* old is known */
} tr_chg;

/* What a replay is read from. */
typedef struct tr_src {
    int profile;                /* the profile of the model, or -1 */
    const char *replay;         /* the replay's path (for messages), or NULL */
    const char *replay_text;    /* what `spin -t` printed */
    size_t replay_len;
    const char *model_text;     /* the model (its "@A" markers), or NULL */
    size_t model_len;
    const char *title;          /* what the run found ("S3 violated"), or NULL */
} tr_src;

typedef struct tr_run {
    const ir_spec *s;           /* the spec */
    const tr_src *o;            /* what it was read from */
    int p;                      /* the profile */
    tr_step *steps;             /* in replay order */
    int nsteps, capsteps;
    tr_set *sets;               /* every @V line kept, in replay order */
    int nsets, capsets;
    int ninit;                  /* sets[0 .. ninit): the values at the end of init */
    int cur;                    /* step the next @V belongs to; -2 init, -1 none */
    int malformed;              /* marker lines skipped */
    int nnotes;                 /* notes, kept or not */
    int cycle;                  /* a cycle start was seen */
    int ended;                  /* "trail ends" was seen */
    long err_line;              /* model line of the failed assertion, or 0 */
    const char *err_text;       /* SPIN's text of the failed assertion, or NULL */
    int32_t **val;              /* [var][cell]: the current value */
    unsigned char **known;      /* [var][cell]: printed at least once */
    int **mst;                  /* [machine][instance]: the current state */
    int **perm;                 /* [machine][position]: the instance whose data is there ("@S": a
                                   symmetric array's instances sorted by the model) */
} tr_run;

typedef struct tr_viol {
    const char *kind;           /* "invariant", "assertion", "acceptance cycle", "claim", "none" */
    const char *name;           /* "S3", "DEADLOCK", ...; NULL for none */
    const char *detail;         /* the marker's argument, or NULL */
    int prop;                   /* property index, or -1 */
} tr_viol;

/* Instances of machine m in the run's profile. */
int tr_instances(const tr_run *r, int m);
/* Cells of a variable as the model prints them (0 for params). */
int tr_cells(const tr_run *r, int var);
/* "issu", or "fpc_mgr[2]" for an instance of a machine array. */
const char *tr_mname(const tr_run *r, int m, int i);
/* "gres", "re_role[1]", "fpc[READY]", "n" or "ctl[1].n". */
const char *tr_cell_name(const tr_run *r, int var, int cell);
/* The value of one cell as a name ("DOWN", "true", "3"), in the arena. */
const char *tr_value(const tr_run *r, int var, int32_t value);
/* Set up the valuation and read the replay; 0, or -1 without a profile. */
int tr_read(tr_run *r, const ir_spec *s, const tr_src *o);
/* Apply sets[set0 .. set0 + n); the cells that changed, in order. */
tr_chg *tr_apply(tr_run *r, int set0, int n, int *nchg);
/* What the replay violated: an invariant, an assertion of the model (its
 * "@A KIND" marker), an acceptance cycle, a claim reached, or none. */
void tr_violation(const tr_run *r, tr_viol *v);

#endif
