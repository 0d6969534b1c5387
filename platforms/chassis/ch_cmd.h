/* ch_cmd.h - the HAL commands of the spec carried out by a simulated
 * chassis, every one the same way, for the controller instance that issues
 * it (`inst`, the runtime's numbering: its machine and `self` are the
 * plant's, its outcome goes back to it): issue applies the command's `issue {}`
 * effect (the generated plant's), writes the family's console note for the
 * command if it has one (ch_family.h) and schedules its end after a
 * duration from the family's timing table; at its end comes an injected
 * outcome (fault plan) if one is due and its `when` holds, else the
 * natural outcome: `ok` if its `when` holds, else the first declared
 * outcome with a `when` that holds, else the first declared outcome
 * without `when` that is not the timeout, else none (the command stays pending until the runtime's timer
 * expires it and expired() applies the timeout outcome's effect). */
#ifndef CH_CMD_H
#define CH_CMD_H

#include "ch_chassis.h"

#define CH_DARK_LO 500u                /* dark window per PFE: 0.5-10 s (7 [O]) ... */
#define CH_DARK_HI 10000u              /* ... at the end of its warm boot */

/* Instance inst starts command `cmd` (ISSU_CMD_x): apply its issue effect,
 * write its console note (ch->console), schedule its end.  0, or -1
 * (nothing changed but the issue count) when inst does not run, the
 * command is already pending at inst or its issue effect cannot apply. */
int ch_cmd_issue(ch_chassis *ch, int inst, int cmd);

/* Withdraw it: no outcome will be reported. */
void ch_cmd_cancel(ch_chassis *ch, int inst, int cmd);

/* The runtime's timer ran out: apply the timeout outcome's effect, stop it. */
void ch_cmd_expired(ch_chassis *ch, int inst, int cmd);

/* A CH_SCHED_DONE or CH_SCHED_DARK entry fired. */
void ch_cmd_fire(ch_chassis *ch, const sim_entry *e);

/* The outcome event the hardware produces by itself for inst's `cmd` now,
 * or -1. */
int ch_cmd_natural(const ch_chassis *ch, int inst, int cmd);

/* How long this issue of `cmd` takes: the family's timing plus the shared
 * duration rules (a replacing rule only where the family has no figure of
 * its own), drawn from the PRNG; 0 for a pure timer. */
sim_ms ch_cmd_duration(ch_chassis *ch, int cmd);

#endif
