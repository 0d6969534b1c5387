/* sim_fault.h - fault injection points of the simulators.
 *
 * A fault spec names something the spec declares, and when it happens:
 *
 *   SPEC   = EVENT [ "@" POINT ]
 *   EVENT  = NAME                  a fault or operator action of the spec
 *                                  (backup_crash, gres_lost, fpc_crash, abort,
 *                                  abort_own_session, pic_offline, user_gres,
 *                                  start, answer_yes, answer_no)
 *          | COMMAND "." OUTCOME   an outcome of a HAL command
 *                                  (fru_warm_boot.fail, switchover_check.timeout)
 *   POINT  = STATE                 a state of the controller (BACKUP_PREPARE)
 *          | N                     an integer >= 1: for an outcome, the Nth
 *                                  issue of that command; for a fault or
 *                                  operator action, once N HAL commands
 *                                  have been issued
 *          | "t=" DURATION         virtual time since the start: 1500ms, 90s,
 *                                  25min, 1h
 *
 * Without a point, an outcome applies to the command's first issue, and a
 * fault or operator action happens as soon as the spec's condition for it
 * holds.  An outcome at a STATE applies to the command that is pending when
 * its completion arrives in that state; at t= to the first issue at or after
 * that time.  A point says when the event becomes due: it happens at the
 * first moment from then on where the plant allows it (the spec's `when` of a
 * fault, the `when` of an outcome), which the backend decides; an event whose
 * condition never holds never happens, and the run reports it.
 *
 * Names are checked against a catalogue the backend builds from the
 * generated identifiers, so a spec that renames a fault breaks the fault
 * spec loudly instead of silently injecting nothing.
 */
#ifndef SIM_FAULT_H
#define SIM_FAULT_H

#include <stddef.h>
#include <stdint.h>

#include "sim_sched.h"

#define SIM_NAME_MAX 48u               /* bound: length of a name, with NUL */
#define SIM_FAULT_MAX 16u              /* bound: faults per run */
#define SIM_FAULT_TEXT_MAX 160u        /* bound: length of one fault spec */

typedef enum sim_point {
    SIM_POINT_NONE,                    /* no "@": first issue / first chance */
    SIM_POINT_STATE,                   /* "@STATE" */
    SIM_POINT_NTH,                     /* "@N" */
    SIM_POINT_TIME                     /* "@t=DURATION" */
} sim_point;

typedef struct sim_fault {
    char name[SIM_NAME_MAX];           /* fault, operator action, or command */
    char outcome[SIM_NAME_MAX];        /* the command's outcome; "" otherwise */
    sim_point point;                   /* kind of point */
    char state[SIM_NAME_MAX];          /* SIM_POINT_STATE: the state */
    uint32_t nth;                      /* SIM_POINT_NTH: N */
    sim_ms at;                         /* SIM_POINT_TIME: virtual ms */
    int armed;                         /* environment: the point was reached */
    int fired;                         /* it happened */
    sim_ms fired_at;                   /* when it happened */
    char text[SIM_FAULT_TEXT_MAX];     /* the spec as given, for reports */
} sim_fault;

/* The names a backend accepts; every array may be empty (n = 0). */
typedef struct sim_catalog {
    const char *const *env;            /* faults and operator actions */
    size_t n_env;
    const char *const *outcomes;       /* "command.outcome" */
    size_t n_outcomes;
    const char *const *states;         /* the controller's states */
    size_t n_states;
} sim_catalog;

typedef struct sim_fault_plan {
    sim_fault f[SIM_FAULT_MAX];        /* in the order given */
    uint32_t n;                        /* used entries */
} sim_fault_plan;

void sim_fault_plan_init(sim_fault_plan *p);

/* Parse one fault spec against the catalogue into *out.  Returns 0, or -1
 * with a one-line message (lower case, no full stop) in err. */
int sim_fault_parse(const char *text, const sim_catalog *cat, sim_fault *out,
                    char *err, size_t errlen);

/* Parse and append.  Returns 0, or -1 with a message (also for a full plan). */
int sim_fault_add(sim_fault_plan *p, const char *text, const sim_catalog *cat,
                  char *err, size_t errlen);

/* Parse "90s", "25min", "1500ms", "1h" into ms.  Returns 0 or -1. */
int sim_fault_duration(const char *s, sim_ms *out);

/* The index of the first unfired outcome fault on this completion of
 * command 'cmd': its nth issue (from 1), issued at 'issued_at', completing
 * while the controller is in 'state'.  -1 if none. */
int sim_fault_match_outcome(const sim_fault_plan *p, const char *cmd,
                            uint32_t nth, sim_ms issued_at, const char *state);

/* Arm every environment fault whose point is reached: the controller is in
 * 'state' (NULL: unknown), 'issued' HAL commands were issued, time is now. */
void sim_fault_observe(sim_fault_plan *p, const char *state, uint32_t issued,
                       sim_ms now);

/* The index of the first armed, unfired environment fault at or after
 * 'from', or -1. */
int sim_fault_next_armed(const sim_fault_plan *p, uint32_t from);

/* The earliest time point of an unarmed environment fault after 'now', or
 * SIM_MS_NEVER: the driver wakes up then to arm it on time. */
sim_ms sim_fault_next_time(const sim_fault_plan *p, sim_ms now);

/* Record that fault i happened at 'now'. */
void sim_fault_fire(sim_fault_plan *p, uint32_t i, sim_ms now);

/* Number of faults that never happened. */
uint32_t sim_fault_unfired(const sim_fault_plan *p);

#endif
