/* symmetry.h - the preconditions of symmetry reduction, checked on the IR.
 *
 * A machine array declared `machine M[N] symmetric` claims that its
 * instances are interchangeable: any permutation of them maps every run of
 * the system to a run, and every property to itself.  The model checker
 * then stores one state per orbit (the Promela model sorts the instances'
 * data into a canonical order after every step, under -DSYMM: emit_promela.c),
 * which is sound and complete for the safety properties (invariants,
 * on-issue invariants, deadlock) because the sorted state is reachable iff
 * the state is, and every property has the same value on both.
 *
 * The claim holds when nothing in the spec tells one instance from
 * another, which sy_check() verifies syntactically:
 *   - `self` of M is used only as the index of an array of M's size (the
 *     instance's own element: its chassis, its unit) or of M itself
 *     (`M[self]`), never as a value;
 *   - an array of M's size is indexed only by `self` of M, in M's
 *     transitions, in the effects of commands only M issues and in the
 *     effects and conditions of faults sent to `M[any]`; everywhere else
 *     (other machines, properties, other faults) it is read only whole
 *     (count, size);
 *   - no one names an instance of M: no `M[i].state` or `M[i].var`, no
 *     `send E to M[i]` (a send to M goes to every instance; an instance may
 *     send to itself);
 *   - its elements start alike (no per-element list of different values).
 * Controller variables of M and its queues are per instance by
 * construction, and the world treats every instance alike (each command's
 * outcomes, each fault to M[any]).  Liveness under weak fairness is not
 * covered by this argument (fairness names processes): LTL properties are
 * searched without the reduction.
 */
#ifndef ISSU_SYMMETRY_H
#define ISSU_SYMMETRY_H

#include "ir.h"

/* Report (diag_error) every use that tells two instances of a symmetric
 * machine apart; -1 if there was any. */
int sy_check(const ir_spec *s);

/* 1 if plant variable v is an array of symmetric machine m's size: each
 * instance owns one element. */
int sy_owned(const ir_spec *s, int m, const ir_var *v);

#endif
