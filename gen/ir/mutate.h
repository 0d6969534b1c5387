/* mutate.h - the mutation operators of `make proofs-mutants`.
 *
 * A mutant is the checked IR with one deliberate fault, applied before the
 * analyses (so a mutant the analyses reject is killed statically, by the
 * generator) and before every emitter.  The catalogue is deterministic:
 * mutant N is the same fault for the same spec.  Operators:
 *
 *   drop-guard        a guarded transition loses its guard
 *   negate-guard      a guarded transition's guard is negated
 *   retarget          a transition goes to the next state in declaration order
 *   drop-action       one action of a transition is removed (console lines
 *                     excepted: the model has no console, see LANGUAGE.md)
 *   drop-effect       one top-level effect of a command outcome, an issue
 *                     block, a fault or an operator action is removed
 *   drop-transition   a transition is removed
 *   swap-phases       two consecutive states (declaration order, the initial
 *                     one excepted) swap places as targets of every transition
 */
#ifndef ISSU_MUTATE_H
#define ISSU_MUTATE_H

#include <stdio.h>

#include "ir.h"

/* Mutants of s: "N<TAB>operator<TAB>file:line:col<TAB>what", one per line. */
void mu_list(FILE *out, const ir_spec *s);
/* Apply mutant n to s; -1 after reporting if s has no mutant n. */
int mu_apply(ir_spec *s, int n);

#endif
