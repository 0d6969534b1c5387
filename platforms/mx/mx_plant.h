/* mx_plant.h - the simulated MX chassis (MX240, MX480, MX960): two Routing
 * Engines, FPCs with PICs, the router's configuration, and every HAL command
 * of model/issu.fsm carried out the way the hardware would, in virtual time.
 *
 * This is the hardware side only: it never decides the controller's
 * transitions.  It keeps the spec's plant variables (MX_PLANT_VARS, same
 * names, same enum member order as the spec's types), applies each
 * command's `issue {}` effect when the command is issued, and when the
 * simulated operation ends picks the outcome the plant state allows (or an
 * injected one), applies its effect and hands the outcome to the binding
 * (mx_hal.c), which posts it to the generated controller.  A command whose
 * outcome the plant does not allow stays pending until the runtime's timer
 * expires it.  Faults and operator actions of the spec are applied here too,
 * with the spec's conditions.
 */
#ifndef MX_PLANT_H
#define MX_PLANT_H

#include <stdint.h>

#include "sim_fault.h"
#include "sim_rng.h"
#include "sim_sched.h"
#include "sim_traffic.h"

#define MX_RES 2u                      /* Routing Engines */
#define MX_SLOTS_MAX 12u               /* bound: FPC slots (MX960) */
#define MX_PICS 4u                     /* bound: PICs per FPC */
#define MX_DETAIL_MAX 160u             /* bound: one detail line */

/* The spec's enums, member for member (model/issu.fsm `type`). */
typedef enum mx_role { MX_MASTER, MX_BACKUP, MX_REBOOTING, MX_DOWN } mx_role;
typedef enum mx_ver { MX_OLD, MX_NEW } mx_ver;
typedef enum mx_fru {
    MX_ONLINE_OLD, MX_UNSUPPORTED, MX_OFFLINE, MX_PREPARING, MX_READY,
    MX_WARM_BOOTING, MX_ONLINE_NEW, MX_FAILED, MX_FRU_N
} mx_fru;

/* The spec's HAL commands, in declaration order. */
#define MX_COMMANDS(X) \
    X(validate_image) X(prompt_timer) X(offline_unsupported) X(backup_install) \
    X(backup_resync) X(chassisd_handoff) X(daemons_prepare) X(fru_prepare) \
    X(fru_warm_boot) X(switchover_check) X(re_switchover) X(switchover_holdoff) \
    X(old_master_upgrade) X(issu_finish) X(chassis_abort) X(fru_rollback) \
    X(rollback_backup)

/* The outcomes the spec declares, over all commands. */
#define MX_OUTCOMES(X) X(ok) X(fail) X(timeout) X(config_conflict) X(bad_signature)

/* The spec's plant variables, in declaration order. */
#define MX_PLANT_VARS(X) \
    X(re_role) X(re_ver) X(re_inst) X(gres_ready) X(nsr_synced) X(daemons_ready) \
    X(gres_configured) X(nsr_configured) X(versions_match) X(target_newer) \
    X(within_3_releases) X(no_sdk_packages) X(disk_space) X(config_supported) \
    X(config_compatible) X(image_signed) X(fpc) X(switchovers) \
    X(validation_started) X(abort_requested) X(trouble) X(fatal) \
    X(switchover_checked) X(switchover_failed) X(restore_failed) \
    X(start_typed) X(crash_budget) X(refusal_budget)

/* The spec's faults and operator actions. */
#define MX_ENV(X) \
    X(start) X(abort) X(abort_own_session) X(answer_yes) X(answer_no) \
    X(pic_offline) X(user_gres) X(backup_crash) X(gres_lost) X(fpc_crash)

#define MX_ENUM_CMD(n) MX_CMD_##n,
#define MX_ENUM_OUT(n) MX_OUT_##n,
#define MX_ENUM_PV(n) MX_PV_##n,
#define MX_ENUM_ENV(n) MX_ENV_##n,
typedef enum mx_cmd { MX_COMMANDS(MX_ENUM_CMD) MX_CMD_N } mx_cmd;
typedef enum mx_outcome { MX_OUTCOMES(MX_ENUM_OUT) MX_OUT_N, MX_OUT_NONE } mx_outcome;
typedef enum mx_pv { MX_PLANT_VARS(MX_ENUM_PV) MX_PV_N } mx_pv;
typedef enum mx_env { MX_ENV(MX_ENUM_ENV) MX_ENV_N } mx_env;

/* A Junos release "24.2R1.17": major.minor, R level, build. */
typedef struct mx_version {
    uint32_t major;                    /* 24 */
    uint32_t minor;                    /* 2 (1..4: quarterly releases) */
    uint32_t rlevel;                   /* 1 for R1 */
    uint32_t build;                    /* 17, 0 when absent */
    char text[24];                     /* as written */
} mx_version;

/* One chassis model of the family. */
typedef struct mx_model {
    const char *name;                  /* "mx480": the --platform name */
    const char *chassis;               /* "MX480" */
    const char *profile;               /* the spec's profile */
    uint32_t slots;                    /* FPC slots = the spec's `slots` */
} mx_model;

/* The simulated router's configuration and the operator's options. */
typedef struct mx_config {
    const mx_model *model;             /* which chassis */
    mx_version running;                /* RE0 (master) runs this */
    mx_version backup_running;         /* RE1 runs this (P5 when it differs) */
    mx_version target;                 /* the package's version */
    int gres;                          /* P2 graceful-switchover configured */
    int nsr;                           /* P3 nonstop-routing configured */
    int disk_space;                    /* P10 free space in /var */
    int sdk_packages;                  /* P9 SDK extension packages installed */
    int config_supported;              /* P11 */
    int config_compatible;             /* P8 */
    int image_signed;                  /* 2.2 the package signature verifies */
    int backup_ready;                  /* P13/P14 backup GRES-ready at start */
    int nsr_synced;                    /* P12 replication running at start */
    uint32_t unsupported_pics[MX_SLOTS_MAX]; /* bit p: PIC p of the FPC lacks ISSU */
    uint32_t pics[MX_SLOTS_MAX];       /* PICs installed per FPC (1..MX_PICS) */
    int opt_reboot;                    /* option reboot */
    int opt_no_old_master_upgrade;     /* option no-old-master-upgrade */
    uint64_t seed;                     /* PRNG seed */
} mx_config;

/* A pending simulated operation, one per command (the spec never issues a
 * command that is already pending). */
typedef struct mx_pending {
    int active;                        /* issued, no outcome yet */
    uint32_t done_id;                  /* scheduler handle of its completion, 0: none */
    uint32_t dark_id;                  /* warm boots: handle of the dark-window start */
    int32_t slot;                      /* warm boots: the FPC, -1 otherwise */
    uint32_t nth;                      /* this is the nth issue of the command */
    sim_ms issued_at;                  /* when */
} mx_pending;

/* Kinds of scheduler entries. */
enum { MX_SCHED_DONE = 1, MX_SCHED_DARK, MX_SCHED_ENV, MX_SCHED_WAKE };

/* Callback: the plant reports an outcome (effect already applied). */
typedef void mx_post_fn(void *ctx, mx_cmd cmd, mx_outcome out);
/* Callback: the plant reports a fault or operator action (effect applied). */
typedef void mx_env_fn(void *ctx, mx_env ev);
/* Callback: one line of hardware detail ("fpc3: dark window 2.1 s"). */
typedef void mx_detail_fn(void *ctx, sim_ms t, const char *line);

typedef struct mx_plant {
    mx_config cfg;                     /* configuration, fixed for the run */
    uint32_t slots;                    /* = cfg.model->slots */
    sim_sched sched;                   /* clock and completions */
    sim_rng rng;                       /* durations and free choices */
    sim_traffic traffic;               /* forwarding and control-plane model */
    sim_fault_plan faults;             /* injected faults, operator actions */
    uint32_t env_sched[SIM_FAULT_MAX]; /* scheduler handle per fault, 0: none */
    mx_role re_role[MX_RES];           /* spec: re_role */
    mx_ver re_ver[MX_RES];             /* spec: re_ver */
    mx_ver re_inst[MX_RES];            /* spec: re_inst */
    int gres_ready;                    /* spec: gres_ready */
    int nsr_synced;                    /* spec: nsr_synced */
    int daemons_ready;                 /* spec: daemons_ready */
    mx_fru fpc[MX_SLOTS_MAX];          /* spec: fpc, one entry per slot */
    int dark[MX_SLOTS_MAX];            /* the FPC is in its dark window */
    int32_t switchovers;               /* spec: switchovers */
    int validation_started;            /* spec: validation_started */
    int abort_requested;               /* spec: abort_requested */
    int start_typed;                   /* spec: start_typed */
    int crash_budget;                  /* spec: crash_budget */
    int refusal_budget;                /* spec: refusal_budget */
    int trouble;                       /* spec: trouble (S18: why degraded) */
    int fatal;                         /* spec: fatal (S18: why abandoned) */
    int switchover_checked;            /* spec: switchover_checked (D10) */
    int switchover_failed;             /* spec: switchover_failed (D11) */
    int restore_failed;                /* spec: restore_failed (S20) */
    mx_pending pend[MX_CMD_N];         /* per command */
    uint32_t issued_total;             /* HAL commands issued */
    uint32_t issued[MX_CMD_N];         /* per command */
    uint32_t sched_overflow;           /* completions the full table refused */
    const char *state;                 /* the controller's state (for faults) */
    mx_post_fn *post;                  /* outcome sink */
    mx_env_fn *env;                    /* environment event sink */
    mx_detail_fn *detail;              /* detail sink, may be NULL */
    void *cb_ctx;                      /* their context */
} mx_plant;

extern const char *const mx_cmd_names[MX_CMD_N];
extern const char *const mx_outcome_names[MX_OUT_N];
extern const char *const mx_pv_names[MX_PV_N];
extern const char *const mx_env_names[MX_ENV_N];
extern const char *const mx_fru_names[MX_FRU_N];

/* The models of the family; NULL-terminated by count. */
extern const mx_model mx_models[];
extern const uint32_t mx_model_count;
const mx_model *mx_model_find(const char *name);

/* Parse "24.2R1.17" (build optional) into *v.  Returns 0 or -1. */
int mx_version_parse(const char *s, mx_version *v);
/* <0, 0, >0 as a is older, the same, newer than b. */
int mx_version_cmp(const mx_version *a, const mx_version *b);
/* Quarterly releases from a to b (24.2 - 23.4 = 2). */
int32_t mx_version_distance(const mx_version *a, const mx_version *b);

/* Defaults: MX480, 23.4R1.9 -> 24.2R1.17, everything configured, no
 * unsupported PICs, seed 1. */
void mx_config_default(mx_config *c);

/* Power the chassis on in the configured state, clock at 0. */
void mx_plant_init(mx_plant *p, const mx_config *cfg);

/* Read a plant variable as the HAL does (see issu_hal.h observe()).
 * Returns 0, or -1 for a bad variable or index. */
int mx_plant_observe(const mx_plant *p, mx_pv var, int32_t index, int32_t *value);

/* --- commands (mx_cmd.c) --- */
/* Start a command: apply its issue effect, schedule its end.  0 or -1. */
int mx_cmd_issue(mx_plant *p, mx_cmd cmd);
/* Withdraw it: no outcome will be reported. */
void mx_cmd_cancel(mx_plant *p, mx_cmd cmd);
/* The runtime's timer ran out: apply the timeout effect, stop it. */
void mx_cmd_expired(mx_plant *p, mx_cmd cmd);
/* A MX_SCHED_DONE or MX_SCHED_DARK entry fired. */
void mx_cmd_fire(mx_plant *p, const sim_entry *e);
/* Does the spec declare outcome o for cmd? */
int mx_cmd_declares(mx_cmd cmd, mx_outcome o);

/* --- environment (mx_env.c) --- */
/* The spec's condition for fault/operator action ev holds now. */
int mx_env_allowed(const mx_plant *p, mx_env ev);
/* Apply ev's effect and report it through p->env (unless silent). */
void mx_env_apply(mx_plant *p, mx_env ev);
/* After each controller step: arm due faults, schedule the allowed ones. */
void mx_env_step(mx_plant *p);
/* A MX_SCHED_ENV entry fired. */
void mx_env_fire(mx_plant *p, const sim_entry *e);
/* The name catalogue for sim_fault_parse (outcomes of every command). */
void mx_env_catalog(sim_catalog *cat, const char *const *states, size_t n_states);

/* --- shared helpers (mx_plant.c) --- */
uint32_t mx_count(const mx_plant *p, mx_fru s);
/* Lowest-numbered FPC in state s, or -1. */
int32_t mx_lowest(const mx_plant *p, mx_fru s);
/* Set one FPC's state and keep the traffic model in step. */
void mx_set_fpc(mx_plant *p, uint32_t slot, mx_fru s);
/* Move every FPC in 'from' to 'to'. */
void mx_move_all(mx_plant *p, mx_fru from, mx_fru to);
/* Re-derive "some RE is master" for the traffic model. */
void mx_sync_master(mx_plant *p);
/* Emit a detail line through p->detail. */
void mx_detailf(mx_plant *p, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
