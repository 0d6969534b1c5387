/* ch_run.h - a simulated chassis bound to the generated controller: one run
 * of an operator's request (`request system software in-service-upgrade`,
 * the spec's `start`, or another operator action the caller names) in
 * virtual time.
 *
 * ch_run.c is the only file of the chassis layer that includes the
 * runtime's headers (issu.h, issu_hal.h).  It fills the HAL table from the
 * chassis (identifiers are the generated ones, nothing is mapped), and
 * drives the loop: run the controller to completion, advance the virtual
 * clock to the next completion, fault or runtime timer, repeat, until the
 * controller is back in its initial state with a result.  It never decides
 * a transition: it posts events and reads the controller's state.
 *
 * The controller is the system of every instance of the profile's machines
 * (issu_sys, the runtime's "Several machines"): one instance on a single
 * chassis, the global master and one instance per line-card chassis on a
 * routing matrix.  The operator talks to the spec's first machine (the
 * global master): its state, its `result` and the fault points are its;
 * the run is over when it is back in its initial state with a result and
 * every other instance has settled.  Each HAL call names its instance, so
 * each command runs and ends at the instance that issued it.  The console
 * shows the first machine's lines as they are, every other instance's
 * behind its name (ch_member_console: "lcc2-re0: ISSU: FPC Warm Booting").
 * A crash and resume (crash_after, ch_run_resume) restarts one
 * orchestrator: a profile of several instances refuses it (a system-wide
 * resume is not simulated).
 */
#ifndef CH_RUN_H
#define CH_RUN_H

#include <setjmp.h>
#include <stdio.h>

#include "ch_chassis.h"
#include "issu.h"

#define CH_RUN_LIMIT (48ull * 3600ull * 1000ull)  /* bound: virtual time of one run */
#define CH_RUN_STEPS 100000u           /* bound: events processed in one run */
#define CH_MSG_MAX 256u                /* bound: one stored message */
#define CH_POSTS_KEPT 256u             /* bound: the newest posts kept for a resync */

/* Console line of the controller, with its virtual time. */
typedef void ch_console_fn(void *ctx, sim_ms t, const char *line);
/* A runtime log line (unhandled events, contracts), or a monitor report. */
typedef void ch_log_fn(void *ctx, sim_ms t, int level, const char *line);

typedef struct ch_run_opts {
    ch_config cfg;                     /* the router and the options */
    const char *faults[SIM_FAULT_MAX]; /* fault specs (sim_fault.h) */
    uint32_t nfaults;                  /* used entries */
    const char *request;               /* the spec's operator action that starts the run; NULL: "start" */
    int yes;                           /* answer yes at the unsupported-hardware prompt */
    ch_console_fn *console;            /* console sink, may be NULL */
    ch_log_fn *log;                    /* log sink, may be NULL */
    ch_detail_fn *detail;              /* hardware detail sink, may be NULL */
    ch_console_fn *environment;        /* operator input and faults as they happen, may be NULL */
    void *ctx;                         /* context of the four sinks */
    FILE *trace;                       /* JSON trace lines, or NULL */
    const char *stop_at;               /* stop when the controller enters this state, or NULL */
    int validate_only;                 /* stop once phase 1 is over (issu validate) */
    uint32_t crash_after;              /* 0, or the orchestrator dies after its Nth journal write (one instance only) */
    int torn;                          /* that write is torn: only its first half reaches the journal */
} ch_run_opts;

typedef enum ch_end {
    CH_END_DONE,                       /* back in the initial state with a result */
    CH_END_STUCK,                      /* nothing scheduled, no timer: a dead end */
    CH_END_LIMIT,                      /* CH_RUN_LIMIT or CH_RUN_STEPS reached */
    CH_END_STOPPED,                    /* stop_at or validate_only: stopped on request */
    CH_END_CRASHED                     /* opts.crash_after: the orchestrator died (ch_run_resume) */
} ch_end;

typedef struct ch_run {
    ch_chassis ch;                     /* the simulated chassis */
    issu_sys sys;                      /* the generated controller: every instance, the first machine's first */
    ch_run_opts opts;                  /* as given */
    uint8_t journal[CH_INSTANCES][ISSU_JOURNAL_BYTES]; /* the journal area of each instance ([0]: what a resume reads) */
    const char *states[ISSU_DIM(ISSU_NSTATES_MAX)]; /* the first machine's state names, for fault points */
    size_t nstates;                    /* used entries */
    int result;                        /* the controller variable `result` (ISSU_CV_x) */
    int result_enum;                   /* its enum (result_t) */
    int request;                       /* the operator action that starts the run (opts.request) */
    int answer;                        /* the answer to the prompt (`answer_yes`), -1 */
    int typing;                        /* the run types its own request: not echoed */
    int prompt;                        /* the prompt is open: the answer is allowed */
    uint32_t monitor_violations;       /* ISSU_ERR_MONITOR reports */
    uint32_t contract_violations;      /* ISSU_ERR_CONTRACT reports */
    uint32_t rejected;                 /* events the controller rejected */
    uint32_t ignored;                  /* events the controller ignored */
    uint32_t steps;                    /* events processed */
    uint32_t jwrites;                  /* journal writes */
    int stepped;                       /* the instance that took the last event */
    uint32_t nposts;                   /* events posted to instance 0 (numbered from 1) */
    int16_t posts[CH_POSTS_KEPT];      /* the newest ones: post n in posts[(n - 1) % CH_POSTS_KEPT] */
    int posts_lost;                    /* a resync asked for posts older than those kept */
    int alone;                         /* the orchestrator is dead, the router goes on (ch_run_alone) */
    int armed;                         /* opts.crash_after applies (the run is going) */
    jmp_buf crash;                     /* where the orchestrator's death returns to */
    int yes_fault;                     /* the plan entry --yes added, or -1 */
    char first_violation[CH_MSG_MAX];  /* the first violation, "" if none */
    ch_end end;                        /* how the loop ended */
} ch_run;

/* Set up the chassis, parse the faults against the spec's names and start
 * the controller.  Returns 0, or -1 with a message in err (a bad fault
 * spec, a profile or family or request the spec does not have, a crash
 * asked of a profile of several instances). */
int ch_run_init(ch_run *r, const ch_run_opts *o, char *err, size_t errlen);

/* The instances of the controller on model m: 1 for a single chassis, the
 * global master and one per line-card chassis on a routing matrix. */
int ch_run_instances(const ch_model *m);

/* Type the request and run until the controller is back in its
 * initial state with a result (or the loop cannot go on).  Returns r->end.
 * opts.crash_after, if set since ch_run_init, needs a single instance. */
ch_end ch_run_go(ch_run *r);

/* After CH_END_CRASHED: the orchestrator restarts.  Its memory is lost; a
 * new instance resumes from `journal` (ISSU_JOURNAL_BYTES: the router's
 * journal storage as it is now, or NULL for r->journal[0]) against the same
 * simulated router.  0 (info filled), or -1 with a message. */
int ch_run_resume(ch_run *r, const uint8_t *journal, issu_resume_info *info, char *err, size_t errlen);

/* After CH_END_CRASHED, before ch_run_resume(): the router goes on alone
 * for d ms of virtual time (operations end, faults happen, what it posts
 * waits for the resync; the dead orchestrator's timers do not run). */
void ch_run_alone(ch_run *r, sim_ms d);

/* Go on after ch_run_resume() to the end of the run (or another crash). */
ch_end ch_run_continue(ch_run *r);

/* The controller's result: the spec's result_t member name ("SUCCESS"). */
const char *ch_run_result(const ch_run *r);
/* The controller's current state name (the first machine's). */
const char *ch_run_state(const ch_run *r);
/* The current state name of instance inst ("?" if it does not run). */
const char *ch_run_inst_state(const ch_run *r, int inst);

#endif
