/* ch_env.h - the spec's faults and operator actions on a simulated chassis,
 * every one the same way, from the fault plan (sim_fault.h):
 *
 *   - a fault happens only where the spec allows it (its `when` and limit,
 *     the generated plant's issu_plant_env_allowed), at the first moment
 *     from its point on;
 *   - an operator action with an explicit point (@STATE, @N, @t=) is typed
 *     then while an upgrade runs, even where the spec's `when` would not
 *     allow it: the spec bounds some actions to one phase only to keep the
 *     model small (D16, D22), and the controller refuses them in every state
 *     (its machine-wide `reject`); without a point it is typed at the first
 *     moment the spec's `when` allows it (so `--yes`, answer_yes, answers
 *     the prompt).
 *
 * Either way its effect is the plant's (issu_plant_env_apply); a silent one
 * posts no event.  One whose event goes to a machine that has no instance
 * in this profile (an LCC's fault on a single chassis) never happens; one
 * sent `to M[any]` strikes one instance of M, which the PRNG picks. */
#ifndef CH_ENV_H
#define CH_ENV_H

#include <stddef.h>

#include "ch_chassis.h"

#define CH_ENV_DELAY 1000u             /* ms from a fault's point to the fault */
#define CH_ANSWER_DELAY 3000u          /* ms an operator takes to answer a prompt */
#define CH_ENV_TEXT_MAX 160u           /* bound: one console line of an event */

/* Apply fault or operator action `env` (ISSU_ENV_x) at the instance it
 * goes to and report it through ch->env. */
void ch_env_apply(ch_chassis *ch, int env);

/* May entry i of the fault plan (a fault or operator action) happen now? */
int ch_env_due(const ch_chassis *ch, uint32_t i);

/* After each controller step: arm the entries whose point is reached and
 * schedule the ones that may happen. */
void ch_env_step(ch_chassis *ch);

/* A CH_SCHED_ENV entry fired. */
void ch_env_fire(ch_chassis *ch, const sim_entry *e);

/* How `env` shows on the operator's console: the line of the built-in
 * table (keyed by the spec's name), or one built from the spec's
 * description for a name the table does not know.  Into buf. */
void ch_env_text(int env, char *buf, size_t len);

/* The name catalogue for sim_fault_parse: every fault, operator action and
 * command outcome of the spec, and the given controller states. */
void ch_env_catalog(sim_catalog *cat, const char *const *states, size_t n_states);

#endif
