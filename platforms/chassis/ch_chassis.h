/* ch_chassis.h - a simulated chassis of any family: the spec's plant
 * (issu_plant, generated from model/issu.fsm) plus what the spec leaves to
 * the hardware: the virtual clock and scheduler, the PRNG, the durations,
 * the fault plan, the traffic model, the operation pending per controller
 * instance and command, and the dark window of each forwarding unit (an
 * element of a FRU pool, or a FRU of a member chassis: ch_member.h).
 *
 * A spec of several machines (a routing matrix: the global master and one
 * controller per line-card chassis) runs as a system of instances, numbered
 * as the runtime numbers them (machines in spec order, elements of an array
 * by index); each command is issued by one instance and its outcome goes
 * back to it, and a fault `to M[any]` strikes one instance of M.
 *
 * This is the hardware side only: it never decides the controller's
 * transitions.  Every effect and condition of the spec (command issue
 * effects, outcome `when`s and effects, faults' `when`s, limits and
 * effects, the records for properties) is the generated plant's; the
 * chassis decides only what the spec leaves open: when an operation ends,
 * which allowed outcome comes, when a fault strikes, and the values of the
 * configuration facts (ch_config.h).  Commands are in ch_cmd.h, faults and
 * operator actions in ch_env.h, the binding to the runtime in ch_run.h. */
#ifndef CH_CHASSIS_H
#define CH_CHASSIS_H

#include <stddef.h>
#include <stdint.h>

#include "ch_config.h"
#include "ch_family.h"
#include "ch_member.h"
#include "issu_plant.h"
#include "sim_fault.h"
#include "sim_rng.h"
#include "sim_sched.h"
#include "sim_traffic.h"

#define CH_POOLS_MAX 4u                /* bound: FRU pools of a spec */
#define CH_DETAIL_MAX 160u             /* bound: one detail line */
#define CH_ERR_MAX 256u                /* bound: one error message */

/* Kinds of scheduler entries. */
enum { CH_SCHED_DONE = 1, CH_SCHED_DARK, CH_SCHED_ENV };

/* A pool of FRUs of the spec (`pool[N] of fru`): each element is one
 * forwarding unit of the traffic model. */
typedef struct ch_pool {
    int var;                           /* ISSU_PV_x */
    int32_t size;                      /* elements in this profile */
    uint32_t unit;                     /* traffic unit of element 0 */
    const char *label;                 /* "FPC": the family's, else the variable's name */
} ch_pool;

/* The simulated operation of one command of one instance (the spec never
 * issues a command that is already pending at that instance). */
typedef struct ch_pending {
    int active;                        /* issued, no outcome yet */
    uint32_t done_id;                  /* scheduler handle of its completion, 0: none */
    uint32_t dark_id;                  /* scheduler handle of its dark window, 0: none */
    int32_t unit;                      /* the forwarding unit it warm-boots, -1 */
    uint32_t nth;                      /* this is the nth issue of the command (every instance's) */
    sim_ms issued_at;                  /* when */
} ch_pending;

/* The spec's names the chassis itself reads, resolved once (-1: absent). */
typedef struct ch_ids {
    int re_role;                       /* plant variable re_role */
    int32_t master, down, rebooting;   /* its members */
    int fru;                           /* enum fru: the type of the FRU pools */
    int32_t unsupported, offline, warm_booting, failed; /* its members */
    int switchover;                    /* command re_switchover: the GRES share applies while pending */
    int reboot;                        /* option reboot */
    int single_cpu;                    /* fault single_cpu: no RE1 until ISSU spawns it (at power-on) */
} ch_ids;

#define CH_INSTANCES ISSU_DIM(ISSU_NINSTANCES_MAX)   /* bound: controller instances */

/* What the plant reads of the controller (`issu.state` in conditions), and
 * its instances in the runtime's numbering, which the chassis uses for the
 * HAL's `instance`. */
typedef struct ch_ctrl {
    int32_t (*state)(void *ctx, int machine, int32_t instance);
    int32_t (*mvar)(void *ctx, int machine, int32_t instance, int var);
    int32_t (*ninstances)(void *ctx, int machine);
    void *ctx;                         /* their context */
    int n;                             /* instances (0: no controller runs) */
    int machine[CH_INSTANCES];         /* per instance: its machine (ISSU_M_x) */
    int32_t self[CH_INSTANCES];        /* per instance: its element of the machine's array */
} ch_ctrl;

/* Callback: an outcome event (ISSU_EV_x) of instance inst is due, its
 * effect applied. */
typedef void ch_post_fn(void *ctx, int inst, int ev);
/* Callback: a fault or operator action (ISSU_ENV_x) happened at instance
 * inst (its event goes there; -1: its machine runs no instance), effect
 * applied. */
typedef void ch_env_fn(void *ctx, int env, int inst);
/* Callback: one line of hardware detail ("fpc3: dark window 2.1 s"). */
typedef void ch_detail_fn(void *ctx, sim_ms t, const char *line);
/* Callback: a line the hardware of instance inst's chassis prints on the
 * console (the family's notes, ch_family.h). */
typedef void ch_note_fn(void *ctx, int inst, sim_ms t, const char *line);

typedef struct ch_chassis {
    ch_config cfg;                     /* configuration, fixed for the run */
    const ch_family *family;           /* = cfg.model->family */
    issu_plant plant;                  /* the spec's plant variables */
    issu_plant_hooks hooks;            /* the plant's hooks, context: this chassis */
    ch_ctrl ctrl;                      /* the controller, for the hooks */
    ch_ids id;                         /* names resolved */
    int powered;                       /* set up: free choices come from the PRNG */
    ch_pool pools[CH_POOLS_MAX];       /* the FRU pools */
    uint32_t npools;                   /* used entries */
    ch_members members;                /* the member chassis and their FRUs (after the pools' units) */
    sim_sched sched;                   /* clock and completions */
    sim_rng rng;                       /* durations and free choices */
    sim_traffic traffic;               /* forwarding and control-plane model */
    sim_fault_plan faults;             /* injected faults, operator actions */
    uint32_t env_sched[SIM_FAULT_MAX]; /* scheduler handle per fault, 0: none */
    uint8_t dark[SIM_TRAFFIC_UNITS];   /* per unit: in its dark window */
    ch_pending pend[CH_INSTANCES][ISSU_DIM(ISSU_NCMDS)]; /* per instance and command, ISSU_CMD_x */
    int32_t entered;                   /* the unit the last step moved into WARM_BOOTING, -1 */
    uint32_t issued_total;             /* HAL commands issued */
    uint32_t issued[CH_INSTANCES][ISSU_DIM(ISSU_NCMDS)]; /* per instance and command */
    uint32_t sched_overflow;           /* entries the full scheduler refused */
    const char *state;                 /* the controller's state name (fault points) */
    const char *initial;               /* its initial state name */
    ch_post_fn *post;                  /* outcome sink */
    ch_env_fn *env;                    /* environment event sink */
    ch_detail_fn *detail;              /* detail sink, may be NULL */
    ch_note_fn *console;               /* the family's console notes (ch_family.h), may be NULL */
    void *cb_ctx;                      /* their context */
} ch_chassis;

/* Power the chassis on: the plant of cfg->model's profile with the
 * configuration's facts and options, then what the spec fixes by silent
 * configuration faults: `single_cpu` applied through the plant where the
 * spec allows it at power-on (a backup RE that ISSU spawns), the FPCs whose
 * PICs lack ISSU support and a backup RE that is down written in; the
 * member chassis of the family with their FRUs; clock at 0.  ctrl is
 * copied.  0, or -1 with a message in err (a profile the spec does not
 * have, a name of the family's descriptor the spec lacks). */
int ch_init(ch_chassis *ch, const ch_config *cfg, const ch_ctrl *ctrl, char *err, size_t errlen);

/* Cell `index` of plant variable `var` (a pool's: that element's member). */
int32_t ch_get(const ch_chassis *ch, int var, int32_t index);

/* Elements of array or pool `var` whose value is `v`. */
uint32_t ch_count(const ch_chassis *ch, int var, int32_t v);

/* Elements of every FRU pool in member `v` of the fru enum. */
uint32_t ch_count_frus(const ch_chassis *ch, int32_t v);

/* The fru member of forwarding unit u (a pool's element, or a member
 * chassis' FRU). */
int32_t ch_unit_fru(const ch_chassis *ch, uint32_t u);

/* The instance number of element `self` of machine `machine`, or -1 (no
 * such instance runs). */
int ch_instance(const ch_chassis *ch, int machine, int32_t self);

/* Instances of machine `machine` that run. */
int32_t ch_instances(const ch_chassis *ch, int machine);

/* Re-derive the traffic model from the plant after a step: the member
 * chassis' slots follow their counts (ch_member.h), each unit's rate (0 if
 * offline, failed or in its dark window; the family's GRES share while the
 * switchover of its chassis is pending: re_switchover of the first
 * instance for the pools, the member's own for its FRUs; else full) and
 * whether an RE is master. */
void ch_sync(ch_chassis *ch);

/* An upgrade runs: the controller is not in its initial state. */
int ch_running(const ch_chassis *ch);

/* Emit a detail line through ch->detail. */
void ch_detailf(ch_chassis *ch, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
