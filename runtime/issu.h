/* issu.h - the public API of the ISSU runtime, for applications.
 *
 * The runtime runs the controller generated from the spec (the Ragel state
 * chart plus the generated guards, actions and monitors) against a HAL
 * (issu_hal.h).  It never allocates: the caller owns each instance (an
 * issu struct, static or on its stack) and hands it in.  Several instances
 * run side by side; they share nothing.
 *
 * Typical use:
 *     static issu m;
 *     issu_cfg cfg = { &my_hal, &my_ctx, 0, ISSU_PROF_mx480, NULL, 0, ... };
 *     issu_init(&m, &cfg);               (or issu_resume() after a restart)
 *     issu_post(&m, ISSU_EV_start);       (operator, faults, HAL outcomes)
 *     for (;;) { issu_tick(&m); issu_run(&m, ISSU_QUEUE_LEN); ... }
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

/* Capacities; a firmware build may override them with -D. */
#ifndef ISSU_QUEUE_LEN
#define ISSU_QUEUE_LEN 16          /* queued events per instance */
#endif
#ifndef ISSU_JOURNAL_SLOTS
#define ISSU_JOURNAL_SLOTS 8       /* journal records kept (a ring) */
#endif
#ifndef ISSU_TRACE_MAX
#define ISSU_TRACE_MAX 1536        /* bytes of one JSON trace line */
#endif
#ifndef ISSU_TRACE_ACTIONS_MAX
#define ISSU_TRACE_ACTIONS_MAX 16  /* actions of one transition in the trace */
#endif

/* One journal record: header, the controller variables, the checksum. */
#define ISSU_JREC_BYTES (32u + 4u * (uint32_t)ISSU_DIM(ISSU_NCTRL))
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
    X(NO_JOURNAL, "no valid journal record")

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
    X(VALUE_RANGE, 111, "a value left its variable's range") \
    X(JOURNAL_WRITE, 112, "journal write failed") \
    X(TRACE_OVERFLOW, 113, "trace line truncated") \
    X(BAD_CONFIG, 114, "invalid configuration") \
    X(SEND_UNROUTED, 115, "send to another machine without a send hook")

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
    int instance;                  /* the instance that found it */
    int state;                     /* its state (ISSU_ST_x) at the time */
    int event;                     /* the event being handled, or -1 */
} issu_error;

typedef struct issu issu;

typedef void issu_trace_fn(void *ctx, const issu *m, const char *json_line);
typedef void issu_error_fn(void *ctx, const issu *m, const issu_error *e);
/* A `send EVENT to MACHINE[INDEX]` action; index -1: every instance of a machine array. */
typedef void issu_send_fn(void *ctx, const issu *m, int event, const char *machine, int32_t index);

typedef struct issu_cfg {
    const issu_hal *hal;           /* the backend's table (required) */
    void *hal_ctx;                 /* its context, passed to every HAL call */
    int instance;                  /* this instance's number (trace, HAL, `self`) */
    int profile;                   /* ISSU_PROF_x: the chassis profile and its params */
    const int32_t *params;         /* NULL: the profile's; else ISSU_NPARAMS values, ISSU_PARAM_x order */
    uint32_t options;              /* bit (1u << ISSU_OPT_x) set: the option is on */
    issu_trace_fn *trace;          /* JSON line per transition / unhandled event, or NULL */
    void *trace_ctx;
    issu_error_fn *error;          /* contracts and monitor violations (NULL: log only) */
    void *error_ctx;
    issu_send_fn *send;            /* events to other machines, or NULL */
    void *send_ctx;
} issu_cfg;

/* The Ragel machine's variables (access prefix `f->`). */
typedef struct issu_fsm {
    int cs;                        /* Ragel's current state */
    int state;                     /* ISSU_ST_x, set by the chart's to-state actions */
    int fired;                     /* transition id the chart accepted, -1 none */
} issu_fsm;

/* A snapshot for status displays and tests. */
typedef struct issu_status {
    int state;                     /* ISSU_ST_x */
    const char *state_name;        /* "IDLE" */
    uint32_t pending;              /* bit ISSU_CMD_x: command pending (outcome not yet processed) */
    int queued;                    /* events in the queue */
    uint32_t transitions;          /* transitions taken since init */
    uint32_t violations;           /* monitor violations and contract violations reported */
} issu_status;

/* What issu_resume() found in the journal. */
typedef struct issu_resume_info {
    uint32_t seq;                  /* sequence number of the record used */
    int trans;                     /* its transition (ISSU_TR_x index) */
    int state;                     /* the state resumed in */
    uint32_t pending;              /* commands re-armed as pending */
    int skipped;                   /* records found torn or corrupt */
} issu_resume_info;

#define ISSU_CMD_SLOTS ISSU_DIM(ISSU_NCMDS)

struct issu {                      /* private: see issu_impl.h */
    issu_cfg cfg;                  /* as given to init */
    issu_fsm fsm;                  /* the Ragel machine */
    int32_t params[ISSU_DIM(ISSU_NPARAMS)];   /* param values */
    int32_t options[ISSU_DIM(ISSU_NOPTIONS)]; /* option values, 0/1 */
    int32_t vars[ISSU_DIM(ISSU_NCTRL)];       /* controller variables */
    int16_t queue[ISSU_QUEUE_LEN]; /* ring of event ids */
    int qhead, qlen;               /* ring head and length */
    uint8_t cmd[ISSU_CMD_SLOTS];   /* per command: idle / pending / outcome queued */
    issu_time_ms deadline[ISSU_CMD_SLOTS]; /* timer per pending command */
    uint32_t seq;                  /* trace sequence number */
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

/* Set up an instance in the initial state with the initial variable values;
 * the journal is not read (a fresh start).  ISSU_RC_BAD_ARG if cfg is unusable. */
issu_rc issu_init(issu *m, const issu_cfg *cfg);

/* Set up an instance from its journal after a restart: the state and the
 * variables of the last good record (a torn or corrupt record is skipped),
 * its pending commands re-armed with their timers from the record's time.
 * ISSU_RC_NO_JOURNAL (and a fresh initial state) if no record is valid. */
issu_rc issu_resume(issu *m, const issu_cfg *cfg, issu_resume_info *info);

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

/* Value of controller variable ISSU_CV_x (0 for an invalid id). */
int32_t issu_var(const issu *m, int cv);

/* Names for logs: ISSU_ST_x, ISSU_EV_x ("validate_image.ok"), ISSU_CMD_x, issu_rc. */
const char *issu_state_name(int state);
const char *issu_event_name(int event);
const char *issu_cmd_name(int cmd);
const char *issu_rc_text(issu_rc rc);
/* Member v of enum ISSU_ENUM_ID_x ("MASTER"), or NULL if out of range. */
const char *issu_enum_member(int enum_id, int32_t v);

#endif
