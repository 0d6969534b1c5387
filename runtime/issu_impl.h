/* issu_impl.h - the runtime's internal interface, between the runtime
 * (runtime/ *.c) and the generated machines (issu_fsm.c from Ragel,
 * issu_glue.c, issu_monitors.c).  Applications and backends never include
 * it: they use issu.h and issu_hal.h (QP's qp_pkg.h pattern).
 */
#ifndef ISSU_IMPL_H
#define ISSU_IMPL_H

#include <stdint.h>

#include "issu.h"

/* Per-command state in issu.cmd[]. */
#define ISSU__CMD_IDLE 0           /* not pending */
#define ISSU__CMD_PENDING 1        /* issued, outcome not yet posted */
#define ISSU__CMD_QUEUED 2         /* its outcome is in the queue */

/* Unhandled-event policies in issu__policy (ir_policy), bit 4: can arrive. */
#define ISSU__P_NONE 0
#define ISSU__P_HANDLED 1
#define ISSU__P_IGNORE 2
#define ISSU__P_REJECT 3
#define ISSU__P_MASK 15
#define ISSU__P_ARRIVES 16

/* Defensive checks (SQLite's ALWAYS): report contract `id` when cond fails. */
#define ISSU__REQUIRE(m, cond, id) ((cond) ? 1 : (issu__contract((m), (id)), 0))

/* One row per spec transition of a machine (generated, issu_glue.c). */
typedef struct issu__trans_info {
    int16_t from;                  /* ISSU_ST_<machine>_x */
    int16_t event;                 /* ISSU_EV_x */
    int16_t to;                    /* ISSU_ST_<machine>_x */
    uint64_t issues;               /* bit ISSU_CMD_x: commands it issues */
    uint64_t cancels;              /* bit ISSU_CMD_x: commands it cancels */
    const char *where;             /* "model/issu.fsm:123" */
} issu__trans_info;

/* One variable of a machine. */
typedef struct issu__var_info {
    const char *name;              /* "result" */
    int8_t kind;                   /* ISSU_TK_x */
    int8_t id;                     /* ISSU_TK_ENUM: enum; ISSU_TK_STATE: machine; else -1 */
} issu__var_info;

/* A machine's descriptor (generated, issu_glue.c): what the runtime needs
 * to run any instance of it, in the way QP's active objects share one
 * event-processor interface. */
typedef struct issu__machine {
    const char *name;              /* "issu", "lcc" */
    int nstates;                   /* its states */
    int initial;                   /* its initial state */
    const char *const *state_names;  /* [state] */
    const uint8_t *state_final;    /* [state]: 1 final */
    int nvars;                     /* its variables */
    const issu__var_info *vars;    /* [cv] */
    int ntrans;                    /* its transitions */
    const issu__trans_info *trans; /* [trans] */
    const uint8_t *policy;         /* [state * ISSU_NEVENTS + event]: ISSU__P_x | ISSU__P_ARRIVES */
    void (*fsm_init)(issu_fsm *f); /* its Ragel chart (issu_fsm.c) */
    int (*fsm_exec)(issu_fsm *f, int trans);  /* feed a transition id: 0 taken, -1 error state */
    int (*fsm_enter)(issu_fsm *f, int state); /* enter a spec state (resume): -1 out of range */
    void (*init_vars)(issu *m);    /* initial values of its variables */
    int (*cv_in_range)(const issu *m, int cv, int32_t v);
    /* The transition whose guard holds for event ev in the current state,
     * or -1; *held: how many guards held (more than 1 is a contract violation). */
    int (*select)(issu *m, int ev, int *held);
    void (*actions)(issu *m, int k);  /* transition k's actions, in order */
} issu__machine;

/* One safety monitor (generated, issu_monitors.c). */
typedef struct issu__monitor {
    int prop;                      /* ISSU_PROP_x */
    int cmd;                       /* on issue of ISSU_CMD_x; -1: after every step */
    uint32_t families;             /* bit ISSU_FAM_x: applies to the family */
    int (*holds)(issu *m);         /* 1 holds, 0 violated (see issu.obs_fail) */
} issu__monitor;

/* --- generated: glue (issu_glue.c) --- */
extern const issu__machine issu__machines[ISSU_DIM(ISSU_NMACHINES)];
extern const int16_t issu__ninstances[ISSU_DIM(ISSU_NPROFILES)][ISSU_DIM(ISSU_NMACHINES)];
extern const uint8_t issu__queue_bound[ISSU_DIM(ISSU_NPROFILES)][ISSU_DIM(ISSU_NMACHINES)];
extern const char *const *const issu__enum_names[ISSU_DIM(ISSU_NENUMS)];

/* --- generated: monitors (issu_monitors.c) --- */
extern const int issu__nmonitors;
extern const issu__monitor issu__monitors[];

/* --- runtime, called by the generated code --- */
int32_t issu__obs(issu *m, int pv, int32_t index);
int32_t issu__count(issu *m, int pv, const int32_t *vals, int nvals);
int32_t issu__pending(const issu *m, int cmd);
void issu__console(issu *m, const char *line);
void issu__issue(issu *m, int cmd);
void issu__cancel(issu *m, int cmd);
void issu__assign(issu *m, int cv, int32_t value);
void issu__send(issu *m, int event, int machine, int32_t index);
/* What a monitor reads of any machine of the system: the state of instance
 * `index` of `machine`, its variable `cv`, how many of its instances are in
 * one of vals[].  An instance that is not there (no system and not m
 * itself, or an index out of range) sets m->obs_fail: the monitor is
 * skipped, as for an unobservable plant value. */
int issu__peer_instances(const issu *m, int machine);   /* instances of a machine array */
int32_t issu__peer_state(issu *m, int machine, int32_t index);
int32_t issu__peer_var(issu *m, int machine, int32_t index, int cv);
int32_t issu__peer_count(issu *m, int machine, const int32_t *vals, int nvals);

/* --- runtime internals shared between its files --- */
void issu__contract(issu *m, int id);
/* 1 if abi is the layout the library was built with (issu_abi). */
int issu__abi_ok(const issu_abi *abi);
void issu__log(issu *m, int level, const char *a, const char *b, const char *c, const char *d);
void issu__monitors_run(issu *m, int cmd);
void issu__timer_arm(issu *m, int cmd, issu_time_ms from);
/* The deadline of cmd issued at `from` (0: it has no timer). */
issu_time_ms issu__deadline_of(int cmd, issu_time_ms from);
/* issu_init() without the journal. */
issu_rc issu__setup(issu *m, const issu_cfg *cfg);
/* Queue an event: post is its HAL post number, 0 for one the runtime raised. */
issu_rc issu__enqueue(issu *m, int event, uint32_t post);
/* Issue cmd to the HAL now (on-issue monitors, timer, count). */
void issu__issue_now(issu *m, int cmd);
int issu__queue_drop(issu *m, int event);

/* trace (issu_trace.c): a JSON line per transition, built in m->tbuf */
void issu__trace_begin(issu *m, int trans, int from, int event);
void issu__trace_action(issu *m, const char *key, const char *value);
void issu__trace_assign(issu *m, int cv, int32_t value);
void issu__trace_send(issu *m, int event, int machine, int32_t index);
void issu__trace_end(issu *m, int to, const char *unhandled);
/* Decimal text of v into buf (at least 12 bytes); returns buf. */
char *issu__itoa(char *buf, int64_t v);
/* Name of the value of instance m's variable cv ("NONE", "true", "3") */
const char *issu__value_name(const issu *m, int cv, int32_t v, char *buf);

/* journal (issu_journal.c) */
void issu__journal_start(issu *m);
void issu__journal_write(issu *m, int trans);

#endif
