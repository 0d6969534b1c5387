/* eval.h - evaluate IR expressions and effects over a valuation, and
 * enumerate the valuations of what a set of expressions reads.
 *
 * This is how the checker decides questions that depend on values
 * (overlapping guards, incomplete guards, range errors): by trying every
 * valuation of the bounded variables involved, per profile.  The number of
 * valuations of one question is capped at EV_MAX_VALUATIONS; past that the
 * caller reports an error instead of guessing.
 */
#ifndef ISSU_EVAL_H
#define ISSU_EVAL_H

#include <stdint.h>

#include "ir.h"

#define EV_MAX_ATOMS 64
#define EV_MAX_VALUATIONS ((uint64_t)1 << 22)

typedef struct ev_env {
    const ir_spec *spec;        /* the spec */
    int profile;                /* profile whose params apply */
    int machine;                /* machine whose state/pending/self apply, or -1 */
    int32_t *slots;             /* valuation, spec->nslots entries */
    int err;                    /* set when an index left its array */
    loc err_at;                 /* where */
} ev_env;

typedef enum ev_akind { EV_A_SLOT, EV_A_POOL } ev_akind;

/* A pool is enumerated by classes of members, not member by member: the
 * expressions and effects read a pool only through sets of members (the
 * sets of count(), the sources and the target of a move), so two members
 * that belong to exactly the same sets can never be told apart, and only
 * the number of elements in each class matters.  A valuation puts a
 * class's count in its first member's counter and 0 in the others; every
 * set read is a union of classes, so every count is right.  With 8 members
 * and 6 elements that is, for a guard reading two sets, 28 valuations
 * instead of 1,716. */
#define EV_MAX_MEMBERS 64       /* members of a pool's enum that classes can track */

typedef struct ev_atom {
    ev_akind kind;              /* one slot, or the counters of one pool */
    int slot;                   /* (first) slot */
    int32_t lo, hi;             /* EV_A_SLOT domain */
    int members;                /* EV_A_POOL: counters */
    int32_t size;               /* EV_A_POOL: elements */
    int var;                    /* variable read, -1 for pseudo slots */
    uint64_t sig[EV_MAX_MEMBERS]; /* EV_A_POOL: per member, the sets read that hold it (bit per set) */
    int nsets;                  /* sets read so far (past 64: every member its own class) */
    int nclass;                 /* classes (set by ev_classes) */
    int8_t rep[EV_MAX_MEMBERS]; /* the first member of each class */
} ev_atom;

typedef struct ev_space {
    ev_atom atoms[EV_MAX_ATOMS];
    int n;
    int overflow;               /* too many atoms */
    int32_t self;               /* -1 (ev_space_init), or the instance of a machine array the
                                 * expressions are read for: `self` is that value, and an
                                 * element indexed by an expression of self and the params
                                 * (`x[self]`) is that one element, not the whole array */
} ev_space;

int64_t ev_eval(ev_env *env, const ir_expr *e);

/* e's value is fixed by the params (and, if self is 1, by `self`): an
 * index that names one element for a given instance. */
int ev_self_const(const ir_expr *e, int self);

/* Run effects on env->slots; choices are resolved by ev_choice (see below).
 * Returns 0, or -1 when a value left its variable's range (env->err_at says
 * where, *bad_var which variable). */
typedef struct ev_chooser {
    int depth;                  /* choices made so far in this run */
    int32_t pick[64];           /* index of the value chosen at each choice */
    int32_t npick[64];          /* number of alternatives at each choice */
    int overflow;               /* more than 64 choices in one run: not all were tried */
} ev_chooser;

/* Advance to the next combination of choices; 0 when all were tried. */
int ev_chooser_next(ev_chooser *ch);

int ev_effects(ev_env *env, const ir_effect *fx, int n, ev_chooser *ch, int *bad_var, int64_t *bad_val);

/* Collect the atoms that an expression or effect list reads. */
void ev_space_init(ev_space *sp);
void ev_collect(ev_space *sp, const ir_spec *s, int profile, int machine, const ir_expr *e);
void ev_collect_effects(ev_space *sp, const ir_spec *s, int profile, int machine,
                        const ir_effect *fx, int n);
/* Number of combinations of nondeterministic choices the effects make
 * (saturating); an enumeration costs valuations times this. */
uint64_t ev_choices(const ir_spec *s, int profile, const ir_effect *fx, int n);
/* Number of valuations (saturating at UINT64_MAX). */
uint64_t ev_space_size(const ev_space *sp);
/* Set the first valuation / step to the next; ev_next returns 0 after the last. */
void ev_first(const ev_space *sp, int32_t *slots);
int ev_next(const ev_space *sp, int32_t *slots);
/* e's value where the slots with known[slot] set have their values in
 * env->slots: 1 and *v if it is the same whatever the others hold, 0 if
 * not, -1 if an index in it is unknown or out of range (ev_eval may fail
 * for some of the valuations).  e NULL is true. */
int ev_known(ev_env *env, const ir_expr *e, const uint8_t *known, int64_t *v);

/* Enumerate sp's valuations by cubes, fixing the atoms in their order (the
 * first varies slowest, as collected: a group's highest-priority guard
 * first): before fixing the next one, decided(ctx, known) says whether the
 * atoms fixed so far (known[slot]) decide every answer the caller wants; if
 * so, only the cube's first valuation is visited, in slots.  visit returns
 * nonzero to stop; ev_cubes returns that value, or 0.  A question whose
 * answer hangs on a few atoms costs a few cubes, not every valuation. */
typedef int (*ev_cube_fn)(void *ctx, const uint8_t *known);
typedef int (*ev_visit_fn)(void *ctx);
int ev_cubes(const ev_space *sp, const ir_spec *s, int32_t *slots, ev_cube_fn decided,
             ev_visit_fn visit, void *ctx);

/* Describe the atoms' values in buf: "gres_ready=false, count(fpc,READY)=2". */
void ev_describe(const ev_space *sp, const ir_spec *s, int machine, const int32_t *slots,
                 char *buf, int cap);

#endif
