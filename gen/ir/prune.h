/* prune.h - what of the spec one profile has.
 *
 * A family differs from another through its params (LANGUAGE.md "Families
 * and profiles", "Several files"): a pool sized by a param that is 0 in a
 * profile has no element there, and a guard or condition that reads such a
 * count or compares a param may be false whatever the state.  ir_prune()
 * finds, per profile, the parts that can never take part in a run:
 *
 *   - a transition whose guard is false in the profile whatever the state
 *     (its lowered guard: after the higher priorities, and for `otherwise`
 *     the negation of the others, so one that is always true shadows it),
 *     or whose event can never arrive, or whose source state is unreachable;
 *   - a state no live transition enters (the initial state is live);
 *   - a command no live transition issues, and its outcome events;
 *   - a fault or operator action whose condition is false whatever the state;
 *   - a machine event no live transition sends;
 *   - a plant variable (array or pool) with no element in the profile, or
 *     that nothing else the profile has reads (a live guard, condition or
 *     right-hand side, or a property of the profile), once the parts the
 *     profile decides whatever the state are folded.
 *
 * The emitters of per-profile outputs (the Promela model) leave them out,
 * so a profile's model holds only what its chassis has, and its coverage
 * counts only its own transitions.  Pruning changes no behaviour: what it
 * removes can never happen in the profile.  "False whatever the state" is
 * decided by folding constants (params, sizes, counts over an empty
 * variable); a guard that is unsatisfiable only for a subtler reason stays
 * (and the coverage check reports it, as before).
 */
#ifndef ISSU_PRUNE_H
#define ISSU_PRUNE_H

#include <stdint.h>

#include "ir.h"

typedef struct ir_live {
    uint8_t **trans;            /* [machine][transition] */
    uint8_t **state;            /* [machine][state] */
    uint8_t *cmd;               /* [command]: issued by some live transition */
    uint8_t *event;             /* [event]: can arrive */
    uint8_t *env;               /* [env]: can happen */
    uint8_t *var;               /* [variable]: in the model (params, options and controller variables: always) */
} ir_live;

/* The live parts of `profile`, in the arena. */
void ir_prune(const ir_spec *s, int profile, ir_live *out);

/* 1 and *v if e has one value in the profile whatever the state (params,
 * sizes, counts over an empty variable, and the logic over them). */
int ir_known(const ir_spec *s, int profile, const ir_expr *e, int64_t *v);

/* 1 if property q applies to the profile whose live parts are l: q names
 * its family (or no family), and an on-issue invariant's command is issued
 * there (otherwise it has nothing to constrain and is left out with the
 * command). */
int ir_prop_applies(const ir_spec *s, int profile, const ir_live *l, const ir_prop *q);

/* 1 if e is false in the profile whatever the state (NULL is true). */
int ir_const_false(const ir_spec *s, int profile, const ir_expr *e);

#endif
