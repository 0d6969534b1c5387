/* mx_hal.h - the MX simulator bound to the generated controller: one run of
 * `request system software in-service-upgrade` in virtual time.
 *
 * mx_hal.c is the only file of the backend that knows the runtime and the
 * generated identifiers (issu.h, issu_hal.h, issu_ids.h).  It fills the HAL
 * table from the plant (mx_plant.h), maps the spec's names to the generated
 * ids by name (and refuses to start if the spec and the simulator disagree
 * on a command, an outcome, a plant variable, an enum member or a fault),
 * and drives the loop: run the controller to completion, advance the virtual
 * clock to the next completion, fault or runtime timer, repeat, until the
 * controller is back in IDLE with an outcome.  It never decides a
 * transition: it posts events and reads the controller's state.
 */
#ifndef MX_HAL_H
#define MX_HAL_H

#include <stdio.h>

#include "issu.h"
#include "mx_plant.h"

#define MX_RUN_LIMIT (48ull * 3600ull * 1000ull)  /* bound: virtual time of one run */
#define MX_RUN_STEPS 100000u           /* bound: events processed in one run */
#define MX_MSG_MAX 256u                /* bound: one stored message */

/* Console line of the controller, with its virtual time. */
typedef void mx_console_fn(void *ctx, sim_ms t, const char *line);
/* A runtime log line (unhandled events, contracts), or a monitor report. */
typedef void mx_log_fn(void *ctx, sim_ms t, int level, const char *line);

typedef struct mx_run_opts {
    mx_config cfg;                     /* the router and the options */
    const char *faults[SIM_FAULT_MAX]; /* fault specs (sim_fault.h) */
    uint32_t nfaults;                  /* used entries */
    int yes;                           /* answer yes at the unsupported-hardware prompt */
    mx_console_fn *console;            /* console sink, may be NULL */
    mx_log_fn *log;                    /* log sink, may be NULL */
    mx_detail_fn *detail;              /* hardware detail sink, may be NULL */
    mx_console_fn *environment;        /* operator input and faults as they happen, may be NULL */
    void *ctx;                         /* context of the four sinks */
    FILE *trace;                       /* JSON trace lines, or NULL */
    const char *stop_at;               /* stop when the controller enters this state, or NULL */
    int validate_only;                 /* stop once phase 1 is over (issu validate) */
} mx_run_opts;

typedef enum mx_end {
    MX_END_DONE,                       /* back in IDLE with an outcome */
    MX_END_STUCK,                      /* nothing scheduled, no timer: a dead end */
    MX_END_LIMIT,                      /* MX_RUN_LIMIT or MX_RUN_STEPS reached */
    MX_END_STOPPED                     /* stop_at or validate_only: stopped on request */
} mx_end;

typedef struct mx_run {
    mx_plant plant;                    /* the simulated chassis */
    issu m;                            /* the generated controller's instance */
    mx_run_opts opts;                  /* as given */
    uint8_t journal[ISSU_JOURNAL_BYTES]; /* the journal area of the instance */
    int cmd_mx[ISSU_DIM(ISSU_NCMDS)];  /* runtime command -> mx_cmd */
    int ev_of[MX_CMD_N][MX_OUT_N];     /* mx outcome -> runtime event, -1 none */
    int env_ev[MX_ENV_N];              /* mx fault/operator -> runtime event, -1 silent */
    int pv_mx[ISSU_DIM(ISSU_NPLANT)];  /* runtime plant variable -> mx_pv */
    const char *states[ISSU_DIM(ISSU_NSTATES_issu)]; /* state names for fault points */
    uint32_t monitor_violations;       /* ISSU_ERR_MONITOR reports */
    uint32_t contract_violations;      /* ISSU_ERR_CONTRACT reports */
    uint32_t rejected;                 /* events the controller rejected */
    uint32_t ignored;                  /* events the controller ignored */
    uint32_t steps;                    /* events processed */
    int yes_fault;                     /* the plan entry --yes added, or -1 */
    char first_violation[MX_MSG_MAX];  /* the first violation, "" if none */
    mx_end end;                        /* how the loop ended */
} mx_run;

/* Set up the chassis, parse the faults against the spec's names and start
 * the controller.  Returns 0, or -1 with a message in err (a bad fault
 * spec, or a spec the simulator does not cover). */
int mx_run_init(mx_run *r, const mx_run_opts *o, char *err, size_t errlen);

/* Type the upgrade request and run until the controller is back in IDLE
 * with an outcome (or the loop cannot go on).  Returns r->end. */
mx_end mx_run_go(mx_run *r);

/* The controller's outcome: the spec's result_t member name ("SUCCESS"). */
const char *mx_run_result(const mx_run *r);
/* The controller's current state name. */
const char *mx_run_state(const mx_run *r);

#endif
