/* issu.h - the public API of the ISSU runtime, for applications.
 *
 * The runtime runs the machines generated from the spec (one Ragel state
 * chart per machine plus the generated guards, actions and monitors)
 * against a HAL (issu_hal.h).  It never allocates: the caller owns each
 * instance (an issu struct, static or on its stack) and hands it in.
 *
 * One instance runs one machine of the spec (cfg.machine; one element,
 * cfg.index, of a machine array).  A system (issu_sys) holds every instance
 * of a profile, delivers `send` between them through local queues (or a
 * port's transport, cfg.send) and schedules them; see "Several machines"
 * below.  A spec with one machine can use a lone instance as well.
 *
 * Typical use, one machine:
 *     static issu m;
 *     issu_cfg cfg = { &my_hal, &my_ctx, 0, ISSU_PROF_mx480, NULL, 0, ... };
 *     issu_init(&m, &cfg);               (or issu_resume() after a restart)
 *     issu_post(&m, ISSU_EV_start);       (operator, faults, HAL outcomes)
 *     for (;;) { issu_tick(&m); issu_run(&m, ISSU_QUEUE_LEN); ... }
 *
 * Several machines:
 *     static issu_sys sys;
 *     issu_sys_init(&sys, &cfg);          (every instance of cfg.profile)
 *     issu_post(issu_sys_get(&sys, ISSU_M_matrix, 0), ISSU_EV_start);
 *     for (;;) { issu_sys_tick(&sys); issu_sys_run(&sys, 100); ... }
 *
 * Semantics (DESIGN.md "Semantics that both outputs must share"): events
 * are queued in order and processed one at a time, each to completion; an
 * event the current state does not handle leaves the state unchanged and is
 * reported (return code, log line, trace line); timeouts are events raised
 * by the runtime's timers against the HAL clock.
 *
 * The struct issu is visible only so that callers can allocate it; its
 * fields are private (issu_impl.h).
 */
#ifndef ISSU_H
#define ISSU_H

#include <stddef.h>
#include <stdint.h>

#include "issu_hal.h"
#include "issu_ids.h"

/* Capacities; a firmware build may override them with -D, for the library
 * and the application alike: each side passes the layout it was built
 * with (issu_abi below), and the library refuses a mismatch.  The event
 * queue is not among them: its length is the spec's derived bound
 * (ISSU_QUEUE_LEN in issu_ids.h, ir_queue_bound), which the proofs show no
 * run passes; each instance uses its profile's bound of it. */
#ifndef ISSU_JOURNAL_SLOTS
#define ISSU_JOURNAL_SLOTS 8       /* journal records kept (a ring) */
#endif
#ifndef ISSU_TRACE_MAX
#define ISSU_TRACE_MAX 1536        /* bytes of one JSON trace line */
#endif
#ifndef ISSU_TRACE_ACTIONS_MAX
#define ISSU_TRACE_ACTIONS_MAX 16  /* actions of one transition in the trace */
#endif

/* One journal record: header, the machine's variables, per command its
 * deadline and issue count, the checksum (layout: issu_journal.c). */
#define ISSU_JREC_BYTES (48u + 4u * (uint32_t)ISSU_DIM(ISSU_NCTRL_MAX) + 12u * (uint32_t)ISSU_DIM(ISSU_NCMDS))
/* Journal storage the HAL must provide per instance. */
#define ISSU_JOURNAL_BYTES (ISSU_JOURNAL_SLOTS * ISSU_JREC_BYTES)

/* Return codes: X(name, text). */
#define ISSU_RCS(X) \
    X(OK, "ok") \
    X(IGNORED, "event ignored in this state") \
    X(REJECTED, "event rejected in this state") \
    X(UNDECIDED, "event neither handled, ignored nor rejected in this state") \
    X(EMPTY, "no event queued") \
    X(QUEUE_FULL, "event queue full, event dropped") \
    X(STALE, "outcome of a command that is not pending, dropped") \
    X(BAD_ARG, "invalid argument") \
    X(CONTRACT, "a contract was violated") \
    X(NO_JOURNAL, "no valid journal record") \
    X(ABI, "built with other capacities or another spec than the library: nothing done (issu_abi)")

typedef enum issu_rc {
#define ISSU_X_(name, text) ISSU_RC_##name,
    ISSU_RCS(ISSU_X_)
#undef ISSU_X_
    ISSU_NRCS
} issu_rc;

/* Runtime contracts: X(name, stable id, text).  IDs never change meaning. */
#define ISSU_CONTRACTS(X) \
    X(QUEUE_OVERFLOW, 101, "event queue full: event dropped, state unchanged") \
    X(BAD_EVENT, 102, "event id out of range") \
    X(NOT_ARRIVING, 103, "event that the spec says cannot arrive in this state") \
    X(NO_POLICY, 104, "unhandled event without an ignore or reject decision") \
    X(NONDETERMINISM, 105, "more than one guard of a state and event holds") \
    X(RAGEL_ERROR, 106, "the state chart rejected the selected transition") \
    X(TARGET_MISMATCH, 107, "the state chart's target differs from the spec's") \
    X(ISSUE_PENDING, 108, "command issued while already pending") \
    X(ISSUE_REFUSED, 109, "the HAL refused to issue a command") \
    X(OBSERVE_FAILED, 110, "a guard or action read an unobservable plant value") \
    X(VALUE_RANGE, 111, "a value left its variable's range (an assignment, or an observation of the HAL)") \
    X(JOURNAL_WRITE, 112, "journal write failed") \
    X(TRACE_OVERFLOW, 113, "trace line truncated") \
    X(BAD_CONFIG, 114, "invalid configuration") \
    X(SEND_UNROUTED, 115, "a send was not delivered: no such instance, no system and no send hook, or the transport refused it") \
    X(JOURNAL_MISMATCH, 116, "resume: the journal and the HAL disagree on how often a command was issued")

typedef enum issu_contract {
#define ISSU_X_(name, id, text) ISSU_C_##name = id,
    ISSU_CONTRACTS(ISSU_X_)
#undef ISSU_X_
    ISSU_C_END
} issu_contract;

/* What the error hook receives. */
typedef enum issu_error_kind {
    ISSU_ERR_CONTRACT,             /* a runtime contract: id = issu_contract */
    ISSU_ERR_MONITOR               /* a safety invariant of the spec: id = ISSU_PROP_x */
} issu_error_kind;

typedef struct issu_error {
    issu_error_kind kind;          /* contract or monitor */
    int id;                        /* contract id, or property index ISSU_PROP_x */
    const char *name;              /* "QUEUE_OVERFLOW", or the property ID "S1" */
    const char *text;              /* what it means: the contract text or the property sentence */
    int instance;                  /* the instance that found it (its HAL number) */
    int machine;                   /* its machine (ISSU_M_x) */
    int state;                     /* its state (ISSU_ST_<machine>_x) at the time */
    int event;                     /* the event being handled, or -1 */
} issu_error;

typedef struct issu issu;
typedef struct issu_sys issu_sys;
struct issu__machine;              /* a machine's generated descriptor (issu_impl.h) */

typedef void issu_trace_fn(void *ctx, const issu *m, const char *json_line);
typedef void issu_error_fn(void *ctx, const issu *m, const issu_error *e);
/* A `send EVENT to MACHINE[INDEX]` action (machine ISSU_M_x); index -1:
 * every instance of a machine array.  The one entry a port maps onto its
 * own transport when the machines of a system run on different CPUs; the
 * receiving side calls issu_post() on the target instance.  Returns 0 once
 * the event is queued at the receiver; anything else is an event lost, and
 * the sender reports contract 115. */
typedef int issu_send_fn(void *ctx, const issu *from, int event, int machine, int32_t index);

typedef struct issu_cfg {
    const issu_hal *hal;           /* the backend's table (required) */
    void *hal_ctx;                 /* its context, passed to every HAL call */
    int instance;                  /* this instance's number for the HAL (issu_sys: assigned) */
    int profile;                   /* ISSU_PROF_x: the chassis profile and its params */
    const int32_t *params;         /* NULL: the profile's; else ISSU_NPARAMS values, ISSU_PARAM_x order */
    uint32_t options;              /* bit (1u << ISSU_OPT_x) set: the option is on */
    issu_trace_fn *trace;          /* JSON line per transition / unhandled event, or NULL */
    void *trace_ctx;
    issu_error_fn *error;          /* contracts and monitor violations (NULL: log only) */
    void *error_ctx;
    issu_send_fn *send;            /* events to other machines; NULL: the system's local queues */
    void *send_ctx;
    int machine;                   /* ISSU_M_x: the machine it runs (issu_sys: assigned) */
    int index;                     /* its element of a machine array, `self` (issu_sys: assigned) */
} issu_cfg;

/* The Ragel machine's variables (access prefix `f->`). */
typedef struct issu_fsm {
    int cs;                        /* Ragel's current state */
    int state;                     /* ISSU_ST_<machine>_x, set by the chart's to-state actions */
    int fired;                     /* transition id the chart accepted, -1 none */
} issu_fsm;

/* A snapshot for status displays and tests. */
typedef struct issu_status {
    int machine;                   /* ISSU_M_x */
    int index;                     /* element of its machine array */
    int state;                     /* ISSU_ST_<machine>_x */
    const char *state_name;        /* "IDLE" */
    uint64_t pending;              /* bit ISSU_CMD_x: command pending (outcome not yet processed) */
    int queued;                    /* events in the queue */
    uint32_t transitions;          /* transitions taken since init */
    uint32_t violations;           /* monitor violations and contract violations reported */
} issu_status;

/* What issu_resume() found in the journal and did. */
typedef struct issu_resume_info {
    uint32_t epoch;                /* the run resumed (the newest run in the journal) */
    uint32_t seq;                  /* sequence number of the record used */
    int trans;                     /* its transition (index in ISSU_TRANS_<machine>), -1: the run's start record */
    int state;                     /* the state resumed in */
    uint32_t acked;                /* HAL posts the record had consumed: later ones were asked again */
    uint64_t pending;              /* commands pending after the record (bit ISSU_CMD_x) */
    uint32_t reissued;             /* of those, issued again: the record was written, the HAL never got them */
    uint32_t recancelled;          /* commands cancelled again: the HAL still ran them */
    int skipped;                   /* records found torn, corrupt or of another instance */
    int stale;                     /* valid records of earlier runs (older epochs), ignored */
} issu_resume_info;

#define ISSU_CMD_SLOTS ISSU_DIM(ISSU_NCMDS)

struct issu {                      /* private: see issu_impl.h */
    issu_cfg cfg;                  /* as given to init */
    const struct issu__machine *desc; /* its machine's generated descriptor */
    issu_sys *sys;                 /* the system it belongs to, or NULL */
    int machine;                   /* ISSU_M_x */
    int index;                     /* `self` */
    issu_fsm fsm;                  /* the Ragel machine */
    int32_t params[ISSU_DIM(ISSU_NPARAMS)];   /* param values */
    int32_t options[ISSU_DIM(ISSU_NOPTIONS)]; /* option values, 0/1 */
    int32_t vars[ISSU_DIM(ISSU_NCTRL_MAX)];   /* the machine's variables */
    int16_t queue[ISSU_QUEUE_LEN]; /* ring of event ids */
    int qhead, qlen, qcap;         /* ring head, length and capacity (the profile's bound) */
    uint8_t cmd[ISSU_CMD_SLOTS];   /* per command: idle / pending / outcome queued */
    issu_time_ms deadline[ISSU_CMD_SLOTS]; /* timer per pending command */
    uint32_t qpost[ISSU_QUEUE_LEN];/* per queued event: its HAL post number, 0 if raised inside */
    uint32_t nissued[ISSU_CMD_SLOTS]; /* per command: issues the HAL accepted in this run */
    uint32_t received;             /* issu_post() calls in this run (the HAL's posts, numbered) */
    uint32_t acked;                /* number of the last HAL post taken from the queue */
    uint32_t seq;                  /* trace sequence number */
    uint32_t epoch;                /* this run's identity in the journal */
    uint32_t jseq;                 /* journal sequence number */
    uint32_t ntrans;               /* transitions taken */
    uint32_t nviolations;          /* reported violations */
    int event;                     /* event in progress, -1 */
    int obs_fail;                  /* an observation failed during an evaluation */
    int replay;                    /* resuming: actions only assign (issu_resume) */
    int nactions;                  /* actions written to the trace line so far */
    size_t tlen;                   /* bytes in tbuf */
    char tbuf[ISSU_TRACE_MAX];     /* the trace line being built */
};

/* The layout an application was built with: the sizes of the structures
 * it allocates and the capacities in them.  issu_init(), issu_resume() and
 * issu_sys_init() pass the caller's (ISSU_ABI_HERE, by the macros below)
 * and the library compares it with its own: built with another -D
 * capacity or against another spec's generated headers, the call returns
 * ISSU_RC_ABI and writes nothing, where it would otherwise write past the
 * application's memory. */
typedef struct issu_abi {
    uint32_t size, sys_size;        /* sizeof(issu), sizeof(issu_sys) */
    uint32_t journal_slots, jrec_bytes, trace_max, trace_actions_max, queue_len;
} issu_abi;
#define ISSU_ABI_HERE (&(const issu_abi){ (uint32_t)sizeof(issu), (uint32_t)sizeof(issu_sys), \
    ISSU_JOURNAL_SLOTS, ISSU_JREC_BYTES, ISSU_TRACE_MAX, ISSU_TRACE_ACTIONS_MAX, ISSU_QUEUE_LEN })

/* Set up an instance in the initial state with the initial variable values:
 * a fresh start, a new run.  With journal storage, the run gets the next
 * epoch (one more than any record there) and its start record is written,
 * so that no later resume picks up an earlier run.  ISSU_RC_BAD_ARG if cfg
 * is unusable. */
issu_rc issu_init_abi(issu *m, const issu_cfg *cfg, const issu_abi *abi);
#define issu_init(m, cfg) issu_init_abi((m), (cfg), ISSU_ABI_HERE)

/* Set up an instance from its journal after a restart (issu_journal.c):
 * the newest run's last good record (torn, corrupt and stale records are
 * skipped), its state and variables, then the HAL is asked what became of
 * every command (query), asked again for every post the record had not
 * consumed (resync), and the commands the record's transition issued or
 * cancelled but the HAL never saw are issued or cancelled now; timers keep
 * their absolute deadlines.  Needs the HAL's query and resync
 * (ISSU_RC_BAD_ARG).  ISSU_RC_NO_JOURNAL (and a fresh initial state) if no
 * record is valid; ISSU_RC_CONTRACT (116) if the HAL's issue counts cannot
 * follow from the record. */
issu_rc issu_resume_abi(issu *m, const issu_cfg *cfg, issu_resume_info *info, const issu_abi *abi);
#define issu_resume(m, cfg, info) issu_resume_abi((m), (cfg), (info), ISSU_ABI_HERE)

/* Queue an event (ISSU_EV_x): operator actions, faults, events from other
 * machines, and the HAL's command outcomes.  Never runs the machine.
 * ISSU_RC_QUEUE_FULL (contract 101 reported), ISSU_RC_STALE (an outcome of a
 * command that is not pending: dropped), ISSU_RC_BAD_ARG. */
issu_rc issu_post(issu *m, int event);

/* Take one queued event and process it to completion.  Returns what became
 * of it (ISSU_RC_OK: a transition; IGNORED/REJECTED/UNDECIDED: unhandled,
 * state unchanged) or ISSU_RC_EMPTY. */
issu_rc issu_step(issu *m);

/* Process up to `max` queued events (each to completion); the number processed. */
int issu_run(issu *m, int max);

/* Raise the timeout outcome of every command whose deadline the HAL clock
 * has reached (queued, not processed); the number raised. */
int issu_tick(issu *m);

/* The earliest timer deadline: 1 and *at, or 0 if no timer runs.  A
 * simulator advances its virtual clock to it. */
int issu_next_deadline(const issu *m, issu_time_ms *at);

/* Current state, pending commands, queue length, counters. */
void issu_get_status(const issu *m, issu_status *st);

/* Value of the instance's variable ISSU_CV_<machine>_x (0 for an invalid id). */
int32_t issu_var(const issu *m, int cv);

/* Names for logs: a machine ISSU_M_x, its state ISSU_ST_<machine>_x and
 * variable ISSU_CV_<machine>_x, ISSU_EV_x ("validate_image.ok"),
 * ISSU_CMD_x, issu_rc ("?" if out of range). */
const char *issu_machine_name(int machine);
const char *issu_state_name(int machine, int state);
const char *issu_var_name(int machine, int cv);
/* The machine, or -1, of that name. */
int issu_machine_id(const char *name);
const char *issu_event_name(int event);
const char *issu_cmd_name(int cmd);
const char *issu_rc_text(issu_rc rc);
/* Member v of enum ISSU_ENUM_ID_x ("MASTER"), or NULL if out of range. */
const char *issu_enum_member(int enum_id, int32_t v);

/* --- Several machines ----------------------------------------------------------
 *
 * Semantics (model/LANGUAGE.md "Several machines", the same in the model):
 * one FIFO queue per instance; run to completion per instance; `send`
 * queues the event in the target instance (every instance of an array for
 * index -1), and a command's outcome goes back to the instance that issued
 * it.  The model checker explores every interleaving of the instances;
 * issu_sys_step() is one fixed, fair order: round robin over the instances
 * in their numbering (machines in spec order, array elements in index
 * order), starting after the instance that stepped last, the first one with
 * an event queued takes one event.  Every instance with an event queued is
 * stepped within ISSU_NINSTANCES_MAX steps.  A queue overflow is contract
 * 101 of the receiving instance, never a silent loss; the proofs show it
 * cannot happen in a correct spec.
 *
 * Instance numbers (the HAL's `instance`): 0..n-1 in that order; the
 * instances of machine M are issu_sys_get(sys, M, 0 .. issu_instances()-1).
 */
struct issu_sys {                  /* private but for issu_sys_get/at */
    issu inst[ISSU_NINSTANCES_MAX];   /* every instance of the profile */
    int n;                         /* instances in use */
    int first[ISSU_DIM(ISSU_NMACHINES)]; /* number of each machine's instance 0 */
    int count[ISSU_DIM(ISSU_NMACHINES)]; /* instances of each machine */
    int next;                      /* the scheduler's cursor */
};

/* Instances of machine ISSU_M_x in profile ISSU_PROF_x (0 if out of range). */
int issu_instances(int profile, int machine);

/* Set up every instance of cfg->profile (cfg->machine, index and instance
 * are assigned; the rest is shared).  ISSU_RC_BAD_ARG if unusable. */
issu_rc issu_sys_init_abi(issu_sys *sys, const issu_cfg *cfg, const issu_abi *abi);
#define issu_sys_init(sys, cfg) issu_sys_init_abi((sys), (cfg), ISSU_ABI_HERE)
/* Instance `index` of `machine`, or NULL. */
issu *issu_sys_get(issu_sys *sys, int machine, int index);
/* The instance with HAL number `instance`, or NULL. */
issu *issu_sys_at(issu_sys *sys, int instance);
/* One event of the next instance with one queued (the fair order above);
 * ISSU_RC_EMPTY if no instance has one. */
issu_rc issu_sys_step(issu_sys *sys);
/* Up to `max` steps; the number taken. */
int issu_sys_run(issu_sys *sys, int max);
/* issu_tick() of every instance; the timeouts raised. */
int issu_sys_tick(issu_sys *sys);
/* The earliest timer deadline of any instance, as issu_next_deadline(). */
int issu_sys_next_deadline(const issu_sys *sys, issu_time_ms *at);
/* 1 if every instance is in a final state with no event queued and no
 * command pending (the run is over), else 0. */
int issu_sys_settled(const issu_sys *sys);

#endif
