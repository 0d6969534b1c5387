/* relation.h - the controller's transition relation as the spec means it.
 *
 * For one instance of one machine of a spec (`self` fixed) and one
 * profile: every configuration the instance can reach from its initial one
 * (state, its variables, commands pending), every event, and every
 * valuation of what the guards and actions of that state and event read of
 * the plant and the options, map to what the controller does: the
 * transition and its actions in order (as the runtime's JSON trace writes
 * them), or the unhandled-event policy, or "stale" (an outcome of a
 * command that is not pending, which the runtime drops when it is posted),
 * with the runtime contracts the spec expects it to report, and the
 * configuration it ends in.  The plant is left free: any valuation, not
 * only the ones the world can make, so the relation is a superset of what
 * a run can meet, and the C must agree on all of it.
 *
 * Semantics, as DESIGN.md and runtime/issu.c: an event's command stops
 * being pending when the event is taken from the queue; actions run in
 * order and an assignment is seen by the actions after it; an issue of a
 * pending command is contract 108; an unhandled event without a policy is
 * contract 104 (or 103 where the spec says it cannot arrive); two guards
 * that hold together are contract 105 and no transition.
 *
 * issu-gen --relation writes it (emit_relation.c); issu-gen --check-trace
 * checks a runtime trace against it step by step.
 */
#ifndef ISSU_RELATION_H
#define ISSU_RELATION_H

#include <stdint.h>
#include <stdio.h>

#include "eval.h"
#include "ir.h"

typedef struct rl rl;

/* One event in one configuration under one valuation. */
typedef struct rl_outcome {
    int stale;                  /* an outcome of a command that is not pending */
    const ir_trans *t;          /* the transition taken, or NULL */
    const char *policy;         /* no transition: "ignored", "rejected", "undecided" or "nondeterministic" */
    int contracts[4];           /* runtime contract ids expected, in order */
    int ncontracts;
    loc where;                  /* the transition, or the state */
} rl_outcome;

/* The relation of instance `self` of machine `machine` (0 for a machine
 * that is not an array). */
rl *rl_new(const ir_spec *s, int profile, int machine, int self);
/* 1 if a guard or an action of machine m reads `self`: its instances then
 * have relations of their own; else one relation holds for every instance. */
int rl_reads_self(const ir_spec *s, int m);

/* Configurations: cfg[0] state, cfg[1] and cfg[2] the pending commands
 * (bit per command: 0-31, 32-63), cfg[RL_VARS + i] the machine's i-th
 * variable.  rl_width() int32s each. */
#define RL_VARS 3
/* Command cmd is pending in cfg; set or clear it. */
int rl_pending(const int32_t *cfg, int cmd);
void rl_set_pending(int32_t *cfg, int cmd, int on);
int rl_width(const rl *r);
const ir_spec *rl_spec(const rl *r);
int rl_machine(const rl *r);
int rl_self(const rl *r);
int rl_nconfigs(const rl *r);
const int32_t *rl_config(const rl *r, int id);
/* Its index, adding it if new. */
int rl_add(rl *r, const int32_t *cfg);
/* The initial configuration (index 0 once added). */
void rl_initial(const rl *r, int32_t *cfg);

/* What the guards and actions of event ev in state st read of the plant and
 * the options (an array element indexed by `self`, or by an expression of
 * `self` and params, is only that element).  A pool is read only through counts of member sets, so its
 * members fall into groups that every count either takes whole or leaves
 * out: its valuations are the ways to share its elements among the groups
 * (each group's share on its first member), not among all members. */
typedef struct rl_pool {
    int var;                    /* the pool */
    int slot;                   /* its first slot */
    int members;                /* its enum's members */
    int32_t size;               /* its elements */
    int ngroups;
    int rep[32];                /* each group's first member */
} rl_pool;

typedef struct rl_space {
    ev_space scalars;           /* plant scalars, array elements, options */
    rl_pool pools[8];
    int npools;
    int overflow;               /* too many atoms, pools or groups */
} rl_space;

const rl_space *rl_inputs(rl *r, int st, int ev);
/* Enumerate its valuations into rl_slots(r): rl_first, then rl_next until 0. */
void rl_first(const rl_space *sp, int32_t *slots);
int rl_next(const rl_space *sp, int32_t *slots);
uint64_t rl_space_size(const rl_space *sp);
/* The valuation buffer. */
int32_t *rl_slots(rl *r);

/* Event ev in configuration cfg under the valuation in rl_slots(): the
 * outcome into o, the next configuration into next, and as the result the
 * JSON tail of the trace line (from "trans" on, as js_machine_tail writes
 * it; "stale" for a stale outcome), valid until the next call; NULL if
 * there is no memory for it (reported). */
const char *rl_step(rl *r, const int32_t *cfg, int ev, rl_outcome *o, int32_t *next);
/* After rl_step took a transition: the instance its k-th action (a send)
 * sends to, -1 for every instance of a machine array. */
long rl_sent_to(const rl *r, int k);
/* Release what rl_step keeps (the rest of an rl is in the arena). */
void rl_free(rl *r);

/* Descriptions for the C harness and for humans: fields separated by sep
 * ("\t": STATE, pending commands, variables; ", " for a message). */
void rl_print_config(FILE *out, const rl *r, const int32_t *cfg, const char *sep);
void rl_print_inputs(FILE *out, const rl *r, const rl_space *sp);   /* name=value,... or - */

#endif
