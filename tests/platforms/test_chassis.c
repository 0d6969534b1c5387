/* test_chassis.c - the generated controller (runtime + Ragel output) on the
 * shared chassis layer (platforms/chassis) with the generated reference
 * plant, on mx480 mostly: each option combination, each validation
 * failure, each fault and operator action of the spec at the phases where
 * the spec lets it happen, each ending in the outcome the spec promises,
 * with every monitor and runtime contract silent, no instant without a
 * master RE, and the postcondition of the outcome (S12, S13, "nothing
 * changed") checked on the plant.  Then every model of the family table to
 * SUCCESS, the table against the spec's profiles, the T family's share of
 * line rate during the switchover, and the timing tables.  The VM-based
 * family (qfx5100; families/vm.fsm) has its own cases: RE1 down from
 * power-on (single_cpu), P15, each vm command's failure, abort and crash,
 * with S28/S29 as its postconditions; so has the ISSR family (jcp;
 * families/issr.fsm): the checklist in its order, the spacing, each ISSR
 * step's failure, abort and crash, with S32, S36 and S37 as its
 * postconditions, and its durations; so has the M120 (m120;
 * families/m120.fsm): the FEB stage after the FPCs, each FEB's failure,
 * crash, abort and rollback, with the FEBs in S12 and S13 and in the
 * forwarding loss; so have the routing matrices (txm, txp; families/tx.fsm):
 * a system of the global master and one controller per line-card chassis,
 * each LCC's faults, its FPC slots, REs and share of line rate (S10_*).
 * Then the fault campaign: every fault and operator
 * action at every state, every failed or timed-out outcome at its first and
 * second issue, on every model, and every pair of them.  Cases are command lines of `issu
 * upgrade` (or of the subcommand they start with: reboot-in-service),
 * parsed by the CLI's own parser. */
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "ch_cmd.h"
#include "ch_env.h"
#include "ch_spec.h"
#include "cli_args.h"
#include "families.h"
#include "suites.h"

typedef struct ch_case {
    const char *args;                  /* `issu upgrade` flags */
    const char *expect;                /* the spec's result_t member */
} ch_case;

static const ch_case options_cases[] = {
    { "--platform mx480", "SUCCESS" },
    { "--platform mx480 --reboot", "SUCCESS" },
    { "--platform mx480 --no-old-master-upgrade", "SUCCESS" },
    { "--platform mx480 --reboot --no-old-master-upgrade", "REJECTED" },   /* D14 */
    { "--platform mx480 --unsupported-pic 2/1 --yes", "SUCCESS" },
    { "--platform mx480 --unsupported-fpc 0 --unsupported-fpc 5 --yes --reboot", "SUCCESS" },
    { "--platform mx240", "SUCCESS" },
    { "--platform mx240 --reboot --seed 7", "SUCCESS" },
    { "--platform mx960", "SUCCESS" },
    { "--platform mx960 --no-old-master-upgrade --unsupported-fpc 11 --yes --seed 3", "SUCCESS" },
    { "--platform t640 --running 9.2R1.5 --target 9.4R1.3", "SUCCESS" },      /* above the T640's floor */
    { "--platform t1600 --unsupported-fpc 7 --yes --reboot", "SUCCESS" },
};

static const ch_case validation_cases[] = {
    { "--platform mx480 --config no-gres", "REJECTED" },
    { "--platform mx480 --config no-nsr", "REJECTED" },
    { "--platform mx480 --config no-disk-space", "REJECTED" },
    { "--platform mx480 --config sdk-packages", "REJECTED" },
    { "--platform mx480 --config unsupported-config", "REJECTED" },
    { "--platform mx480 --config config-conflict", "REJECTED" },
    { "--platform mx480 --config bad-signature", "REJECTED" },
    { "--platform mx480 --config backup-not-ready", "REJECTED" },
    { "--platform mx480 --config nsr-not-synced", "REJECTED" },
    { "--platform mx480 --backup-running 23.2R1.5", "REJECTED" },          /* P5 */
    { "--platform mx480 --target 23.2R1.5", "REJECTED" },                  /* P6 downgrade */
    { "--platform mx480 --target 23.4R1.9", "REJECTED" },                  /* P6 same */
    { "--platform mx480 --running 21.4R1.12 --target 22.4R1.10", "REJECTED" }, /* P7 */
    { "--platform mx480 --unsupported-fpc 3", "REJECTED" },                /* D1: no answer */
    { "--platform mx480 --unsupported-fpc 3 --fault answer_no", "REJECTED" },
    { "--platform mx240 --config no-gres,no-nsr,bad-signature", "REJECTED" },
    { "--platform mx480 --running 9.2R1.5 --target 9.4R1.3", "REJECTED" },    /* P6: ISSU on MX from 9.3 */
    { "--platform t1600 --running 8.4R1.2 --target 9.2R1.1", "REJECTED" },   /* P6: T1600 from 9.1 */
};

static const ch_case fault_cases[] = {
    /* backup RE crash, in every phase where the spec lets it happen */
    { "--platform mx480 --fault backup_crash@VALIDATING", "REJECTED" },    /* D17 */
    { "--platform mx480 --unsupported-fpc 1 --fault backup_crash@CONFIRM_UNSUPPORTED", "REJECTED" },
    { "--platform mx480 --unsupported-fpc 1 --yes --fault backup_crash@OFFLINING_UNSUPPORTED", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@BACKUP_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@BACKUP_RESYNC", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@CHASSIS_HANDOFF", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@DAEMONS_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@FRU_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@FRU_WARM_BOOT", "ABORTED_CLEAN" },   /* D8, D6 */
    { "--platform mx480 --fault gres_lost@FRU_WARM_BOOT --fault backup_crash@FRU_RESYNC", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@SWITCHOVER_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_crash@SWITCHOVER", "ABORTED_CLEAN" },      /* D8 */
    { "--platform mx480 --fault re_switchover.fail --fault backup_crash@SWITCHOVER_HOLDOFF", "ABORTED_CLEAN" },
    /* operator abort from another session */
    { "--platform mx480 --fault abort@VALIDATING", "ABORTED_CLEAN" },
    { "--platform mx480 --unsupported-fpc 2 --fault abort@CONFIRM_UNSUPPORTED", "ABORTED_CLEAN" },
    { "--platform mx480 --unsupported-fpc 2 --yes --fault abort@OFFLINING_UNSUPPORTED", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@BACKUP_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@BACKUP_RESYNC", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@CHASSIS_HANDOFF", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@DAEMONS_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@FRU_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@FRU_WARM_BOOT", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@t=28min", "ABORTED_CLEAN" },
    { "--platform mx480 --fault gres_lost@FRU_WARM_BOOT --fault abort@FRU_RESYNC", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@SWITCHOVER_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault re_switchover.fail --fault abort@SWITCHOVER_HOLDOFF", "ABORTED_CLEAN" },
    { "--platform mx480 --fault abort@SWITCHOVER", "SUCCESS" },                   /* D12 */
    { "--platform mx480 --fault abort@OLD_MASTER_UPGRADE", "SUCCESS" },
    { "--platform mx480 --unsupported-fpc 4 --yes --fault abort@FINISHING", "SUCCESS" },
    /* GRES readiness lost, FPC crash */
    { "--platform mx480 --fault gres_lost@DAEMONS_PREPARE", "SUCCESS" },          /* D10 */
    { "--platform mx480 --fault gres_lost@FRU_WARM_BOOT", "SUCCESS" },
    { "--platform mx480 --fault gres_lost@SWITCHOVER_PREPARE", "ABORTED_CLEAN" },
    { "--platform mx480 --fault fpc_crash", "COMPLETED_DEGRADED" },
    { "--platform mx480 --fault fpc_crash@SWITCHOVER_PREPARE", "COMPLETED_DEGRADED" },
    { "--platform mx480 --fault fpc_crash@FRU_WARM_BOOT --fault abort@FRU_WARM_BOOT", "ABORTED_DEGRADED" },
    /* command outcomes */
    { "--platform mx480 --fault validate_image.timeout", "REJECTED" },
    { "--platform mx480 --unsupported-fpc 1 --yes --fault offline_unsupported.timeout", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_install.fail --seed 2", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_install.timeout", "ABORTED_CLEAN" },
    { "--platform mx480 --fault backup_resync.timeout", "ABORTED_CLEAN" },
    { "--platform mx480 --fault chassisd_handoff.timeout", "ABORTED_CLEAN" },
    { "--platform mx480 --fault daemons_prepare.timeout", "ABORTED_CLEAN" },
    { "--platform mx480 --fault fru_prepare.timeout", "ABORTED_CLEAN" },
    { "--platform mx480 --fault fru_warm_boot.fail@2", "COMPLETED_DEGRADED" },    /* D9 */
    { "--platform mx480 --fault fru_warm_boot.timeout@6", "COMPLETED_DEGRADED" },
    { "--platform mx480 --fault gres_lost@FRU_WARM_BOOT --fault backup_resync.timeout@FRU_RESYNC", "ABORTED_CLEAN" },
    { "--platform mx480 --fault switchover_check.timeout", "ABORTED_CLEAN" },
    { "--platform mx480 --fault re_switchover.fail", "SUCCESS" },                 /* D11 retry */
    { "--platform mx480 --fault re_switchover.timeout", "SUCCESS" },
    { "--platform mx480 --fault re_switchover.fail@1 --fault re_switchover.timeout@2", "ABORTED_CLEAN" },
    { "--platform mx480 --fault old_master_upgrade.fail", "COMPLETED_DEGRADED" }, /* D13 */
    { "--platform mx480 --fault old_master_upgrade.timeout --reboot", "COMPLETED_DEGRADED" },
    { "--platform mx480 --fault issu_finish.timeout", "COMPLETED_DEGRADED" },
    { "--platform mx480 --fault abort@FRU_PREPARE --fault chassis_abort.timeout", "ABORTED_DEGRADED" },
    { "--platform mx480 --fault abort@FRU_WARM_BOOT --fault fru_rollback.timeout", "ABORTED_DEGRADED" },
    { "--platform mx480 --fault backup_crash@BACKUP_RESYNC --fault rollback_backup.fail", "ABORTED_DEGRADED" },
    { "--platform mx480 --fault backup_crash@BACKUP_RESYNC --fault rollback_backup.timeout", "ABORTED_DEGRADED" },
    /* requests the controller must refuse (S7, S8, S16, S17) */
    { "--platform mx480 --fault start@FRU_WARM_BOOT", "SUCCESS" },
    { "--platform mx480 --fault pic_offline@FRU_WARM_BOOT", "SUCCESS" },
    { "--platform mx480 --fault user_gres@FRU_WARM_BOOT", "SUCCESS" },
    { "--platform mx480 --fault abort_own_session@BACKUP_PREPARE", "SUCCESS" },
    { "--platform mx240 --fault user_gres@SWITCHOVER_PREPARE --fault pic_offline@t=3min", "SUCCESS" },
};

/* VM-based ISSU (families/vm.fsm, D26-D31). */
static const ch_case vm_cases[] = {
    { "--platform qfx5100", "SUCCESS" },
    { "--platform ex4600 --seed 7", "SUCCESS" },
    { "--platform acx5000 --running 15.1R1.1 --target 15.2R1.1", "SUCCESS" },   /* at the floor */
    /* what the spec does not read for vm (no backup RE before the spawn, D26) */
    { "--platform qfx5100 --config backup-not-ready,nsr-not-synced --backup-running 23.2R1.5", "SUCCESS" },
    /* P15, P6 at the family's floors, D27 */
    { "--platform qfx5100 --config no-nsb", "REJECTED" },
    { "--platform qfx5100 --config gr-enabled", "REJECTED" },
    { "--platform qfx5100 --config drop-all-tcp", "REJECTED" },
    { "--platform qfx5100 --config lacp-fast", "REJECTED" },
    { "--platform ex4600 --config no-gres", "REJECTED" },
    { "--platform qfx5100 --running 13.1R3.1 --target 13.3R1.1", "REJECTED" },
    { "--platform acx5000 --running 14.2R1.1 --target 15.1R1.1", "REJECTED" },
    { "--platform qfx5100 --reboot", "REJECTED" },
    { "--platform qfx5100 --no-old-master-upgrade", "REJECTED" },
    /* D28: until the devices move, the spawned VM is destroyed */
    { "--platform qfx5100 --fault spawn_backup.fail", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault spawn_backup.timeout", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault backup_resync.timeout", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault abort@VALIDATING", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault abort@SPAWN_BACKUP", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault abort@VM_BACKUP_SYNC", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault backup_crash@SPAWN_BACKUP", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault backup_crash@VM_BACKUP_SYNC", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault spawn_backup.fail --fault destroy_backup.timeout", "ABORTED_DEGRADED" },
    { "--platform qfx5100 --fault abort@VM_BACKUP_SYNC --fault destroy_backup.timeout", "ABORTED_DEGRADED" },
    /* D29: the handoff */
    { "--platform qfx5100 --fault device_handoff.fail", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault device_handoff.timeout", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault backup_crash@DEVICE_HANDOFF", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault abort@DEVICE_HANDOFF", "SUCCESS" },
    /* D30: the switchover, its retry and the handback */
    { "--platform qfx5100 --fault re_switchover.fail", "SUCCESS" },
    { "--platform qfx5100 --fault re_switchover.fail@1 --fault re_switchover.timeout@2", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault re_switchover.fail --fault backup_crash@VM_HOLDOFF", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault backup_crash@VM_SWITCHOVER", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault gres_lost@VM_SWITCHOVER", "ABORTED_CLEAN" },
    { "--platform qfx5100 --fault re_switchover.fail@1 --fault re_switchover.fail@2 --fault device_handback.timeout",
      "ABORTED_DEGRADED" },
    { "--platform qfx5100 --fault abort@VM_SWITCHOVER", "SUCCESS" },
    /* D31 */
    { "--platform qfx5100 --fault shutdown_old_master.timeout", "COMPLETED_DEGRADED" },
    { "--platform qfx5100 --fault abort@SHUTDOWN_OLD", "SUCCESS" },
    /* requests the controller must refuse */
    { "--platform qfx5100 --fault abort_own_session@SPAWN_BACKUP --fault user_gres@VM_BACKUP_SYNC "
      "--fault start@VM_BACKUP_SYNC", "SUCCESS" },
};

/* ISSR (families/issr.fsm, D32-D36; the shared single-CPU steps of
 * families/vm.fsm).  Every case runs `issu reboot-in-service`. */
#define ISSR "reboot-in-service --platform jcp"
static const ch_case issr_cases[] = {
    { ISSR, "SUCCESS" },
    { ISSR " --seed 7", "SUCCESS" },
    { ISSR " --config no-nsr,gr-enabled", "SUCCESS" },       /* D32: GR or NSR */
    { ISSR " --config gr-enabled", "SUCCESS" },              /* not P15's check */
    { ISSR " --last-issr 300", "SUCCESS" },                  /* D33: five minutes */
    { ISSR " --config no-nsb,lacp-fast,no-disk-space,sdk-packages", "SUCCESS" },   /* not ISSR's checks */
    /* D32, D33: the checklist, up to the first item that fails */
    { ISSR " --config pfe-offline", "REJECTED" },
    { ISSR " --config member-id-nonzero", "REJECTED" },
    { ISSR " --config vc-mixed", "REJECTED" },
    { ISSR " --config vc-multi-node", "REJECTED" },
    { ISSR " --config bfd-interval-low", "REJECTED" },
    { ISSR " --config no-gres", "REJECTED" },
    { ISSR " --config no-nsr", "REJECTED" },
    { ISSR " --config drop-all-tcp", "REJECTED" },
    { ISSR " --last-issr 299", "REJECTED" },
    { ISSR " --last-issr 0", "REJECTED" },
    { ISSR " --config config-conflict", "REJECTED" },        /* the image validation */
    { ISSR " --config bad-signature", "REJECTED" },
    { ISSR " --fault validate_image.timeout", "REJECTED" },
    /* D34: until ISSR done, the abort chain; D28 before chassisd has the run */
    { ISSR " --fault issr_prepare.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault spawn_backup.fail", "ABORTED_CLEAN" },
    { ISSR " --fault start_dataplane.fail", "ABORTED_CLEAN" },
    { ISSR " --fault start_dataplane.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault backup_resync.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault copy_homes.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault chassisd_handoff.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault daemons_prepare.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault fru_prepare.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault switchover_check.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault issr_done.timeout", "ABORTED_CLEAN" },
    { ISSR " --fault abort@VALIDATING", "ABORTED_CLEAN" },
    { ISSR " --fault abort@ISSR_PREPARE", "ABORTED_CLEAN" },
    { ISSR " --fault abort@SPAWN_BACKUP", "ABORTED_CLEAN" },
    { ISSR " --fault abort@ISSR_DATAPLANE", "ABORTED_CLEAN" },
    { ISSR " --fault abort@VM_BACKUP_SYNC", "ABORTED_CLEAN" },
    { ISSR " --fault abort@COPY_HOMES", "ABORTED_CLEAN" },
    { ISSR " --fault abort@ISSR_HANDOFF", "ABORTED_CLEAN" },
    { ISSR " --fault abort@ISSR_DAEMONS", "ABORTED_CLEAN" },
    { ISSR " --fault abort@ISSR_FRU_PREPARE", "ABORTED_CLEAN" },
    { ISSR " --fault abort@ISSR_WARM_BOOT", "ABORTED_CLEAN" },      /* D8: after the warm boot */
    { ISSR " --fault abort@ISSR_SWITCH_CHECK", "ABORTED_CLEAN" },
    { ISSR " --fault abort@ISSR_DONE", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@SPAWN_BACKUP", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@ISSR_DATAPLANE", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@VM_BACKUP_SYNC", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@COPY_HOMES", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@ISSR_HANDOFF", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@ISSR_DAEMONS", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@ISSR_FRU_PREPARE", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@ISSR_WARM_BOOT", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@ISSR_SWITCH_CHECK", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@ISSR_DONE", "ABORTED_CLEAN" },
    { ISSR " --fault gres_lost@ISSR_DAEMONS", "ABORTED_CLEAN" },    /* D34: not waited out */
    { ISSR " --fault abort@ISSR_FRU_PREPARE --fault chassis_abort.timeout", "ABORTED_DEGRADED" },
    { ISSR " --fault spawn_backup.fail --fault destroy_backup.timeout", "ABORTED_DEGRADED" },
    /* D35: the FPC warm boot fails: degraded, the switchover still comes */
    { ISSR " --fault fpc_warm_restart.fail", "COMPLETED_DEGRADED" },
    { ISSR " --fault fpc_warm_restart.timeout", "COMPLETED_DEGRADED" },
    /* D36: from the stop of the primary dataplane on */
    { ISSR " --fault stop_dataplane.timeout", "COMPLETED_DEGRADED" },
    { ISSR " --fault abort@STOP_DATAPLANE", "SUCCESS" },
    { ISSR " --fault backup_crash@STOP_DATAPLANE", "ABORTED_CLEAN" },
    { ISSR " --fault gres_lost@STOP_DATAPLANE", "ABORTED_CLEAN" },
    { ISSR " --fault device_handoff.fail", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@DEVICE_HANDOFF", "ABORTED_CLEAN" },
    { ISSR " --fault abort@DEVICE_HANDOFF", "SUCCESS" },
    { ISSR " --fault re_switchover.fail", "SUCCESS" },                   /* D30 */
    { ISSR " --fault re_switchover.fail@1 --fault re_switchover.timeout@2", "ABORTED_CLEAN" },
    { ISSR " --fault backup_crash@VM_SWITCHOVER", "ABORTED_CLEAN" },
    { ISSR " --fault shutdown_old_master.timeout", "COMPLETED_DEGRADED" }, /* D31 */
    { ISSR " --fault abort@SHUTDOWN_OLD", "SUCCESS" },
    /* requests the controller must refuse */
    { ISSR " --fault reboot_in_service@VM_BACKUP_SYNC --fault start@COPY_HOMES "
      "--fault user_gres@ISSR_DAEMONS --fault pic_offline@ISSR_FRU_PREPARE", "SUCCESS" },
};

/* The M120 (families/m120.fsm, D37-D40): the FEB stage (phase 7b) after
 * the last FPC, one FEB at a time, its failures as D9's, its abort as D6's
 * with the FEBs rolled back first. */
#define M120 "--platform m120"
static const ch_case m120_cases[] = {
    { M120, "SUCCESS" },
    { M120 " --reboot --seed 5", "SUCCESS" },
    { M120 " --no-old-master-upgrade --unsupported-pic 3/0 --yes", "SUCCESS" },
    /* every FPC offlined with consent: the FEBs straight after the prepare */
    { M120 " --unsupported-fpc 0 --unsupported-fpc 1 --unsupported-fpc 2 --unsupported-fpc 3 --unsupported-fpc 4 "
      "--unsupported-fpc 5 --yes", "SUCCESS" },
    { M120 " --running 9.2R1.5 --target 9.4R1.3", "SUCCESS" },        /* M120 from 9.2 (4.2 [D]) */
    { M120 " --running 9.1R3.2 --target 9.3R1.1", "REJECTED" },
    /* D40: a FEB that fails or times out is left failed, the others go on */
    { M120 " --fault feb_warm_boot.fail@1", "COMPLETED_DEGRADED" },
    { M120 " --fault feb_warm_boot.timeout@6", "COMPLETED_DEGRADED" },
    { M120 " --fault fru_warm_boot.fail@6 --fault feb_warm_boot.fail@2", "COMPLETED_DEGRADED" },
    { M120 " --fault feb_crash", "COMPLETED_DEGRADED" },
    { M120 " --fault feb_crash@SWITCHOVER_PREPARE", "COMPLETED_DEGRADED" },
    /* D10 in the FEB stage: wait for GRES readiness, abort if it never comes */
    { M120 " --fault gres_lost@FEB_WARM_BOOT", "SUCCESS" },
    { M120 " --fault gres_lost@FEB_WARM_BOOT --fault backup_resync.timeout@FRU_RESYNC", "ABORTED_CLEAN" },
    /* D8, D40: an abort or a crash waits for the FEB, then FEBs, FPCs and backup go back */
    { M120 " --fault abort@FEB_WARM_BOOT", "ABORTED_CLEAN" },
    { M120 " --fault backup_crash@FEB_WARM_BOOT", "ABORTED_CLEAN" },
    { M120 " --fault abort@FRU_WARM_BOOT", "ABORTED_CLEAN" },
    { M120 " --fault switchover_check.timeout", "ABORTED_CLEAN" },
    { M120 " --fault feb_crash@FEB_WARM_BOOT --fault abort@FEB_WARM_BOOT", "ABORTED_DEGRADED" },
    { M120 " --fault abort@FEB_WARM_BOOT --fault feb_rollback.timeout", "ABORTED_DEGRADED" },
    { M120 " --fault abort@FEB_WARM_BOOT --fault chassis_abort.timeout", "ABORTED_DEGRADED" },
    /* requests the controller must refuse */
    { M120 " --fault pic_offline@FEB_WARM_BOOT --fault user_gres@t=1min", "SUCCESS" },
};

/* The routing matrices (families/tx.fsm, D41-D48): the global master and
 * one controller per line-card chassis, named by family and size as an
 * operator does (the spec's profiles have one LCC until larger ones have a
 * proof, D47; the largest of each family: matrices_of_every_size). */
#define TXP "--platform txp --lccs 1"
#define TXM "--platform txmatrix --lccs 1"
static const ch_case tx_cases[] = {
    { TXP " --yes", "SUCCESS" },
    { TXM " --reboot", "SUCCESS" },
    { TXP " --no-old-master-upgrade --seed 4", "SUCCESS" },
    { TXP " --config no-nsr", "REJECTED" },                          /* D42: one fact for the matrix */
    { "--platform txp1 --running 9.2R1.5 --target 9.4R1.3", "REJECTED" },   /* TX Matrix ISSU from 9.3 */
    { "--platform txm1 --running 9.3R1.5 --target 9.4R1.3", "SUCCESS" },
    /* D45: an LCC's backup crash, its prepare never answered, its FPCs failing */
    { TXP " --fault lcc_backup_crash", "ABORTED_CLEAN" },             /* while the LCC backups upgrade */
    { TXP " --fault lcc_backup_crash@LCC_FRUS", "ABORTED_CLEAN" },
    { TXP " --fault lcc_fru_prepare.timeout", "ABORTED_CLEAN" },
    { TXP " --fault lcc_fru_warm_boot.fail@3", "COMPLETED_DEGRADED" },
    { TXM " --fault lcc_fru_warm_boot.timeout@8", "COMPLETED_DEGRADED" },
    { TXM " --fault lcc_backup_install.fail", "ABORTED_CLEAN" },
    { TXM " --fault lcc_backup_resync.timeout", "ABORTED_CLEAN" },
    /* D46: the matrix-wide abort */
    { TXM " --fault abort@LCC_BACKUPS", "ABORTED_CLEAN" },
    { TXM " --fault abort@LCC_FRUS", "ABORTED_CLEAN" },
    { TXP " --fault backup_crash@LCC_FRUS", "ABORTED_CLEAN" },
    { TXP " --fault abort@LCC_FRUS --fault lcc_chassis_abort.timeout", "ABORTED_DEGRADED" },
    { TXP " --fault abort@LCC_FRUS --fault lcc_rollback_backup.fail", "ABORTED_DEGRADED" },
    /* D43, D44: the coordinated switchover and the LCCs' old masters */
    { TXM " --fault lcc_switchover.timeout", "COMPLETED_DEGRADED" },
    { TXM " --fault lcc_old_master_upgrade.fail --reboot", "COMPLETED_DEGRADED" },
    { TXP " --fault abort@LCC_SWITCHOVER", "SUCCESS" },               /* D12 */
    /* requests the controllers must refuse (D20 on an LCC) */
    { TXP " --fault lcc_user_gres@LCC_FRUS --fault user_gres@LCC_FRUS", "SUCCESS" },
};

static ch_run R;                       /* large: static */
static cli_args A;

/* Parse one command line into A (a case may start with its subcommand,
 * default: upgrade): cli_args_parse's result, a message in err. */
static int parse(const char *args, char *err, size_t errlen)
{
    static const struct { const char *word; cli_cmd cmd; } subs[] = {
        { "upgrade", CLI_UPGRADE }, { "reboot-in-service", CLI_REBOOT },
    };
    static char buf[512];
    char *argv[40];
    int argc = 0, skip = 0;
    cli_cmd cmd = CLI_UPGRADE;
    snprintf(buf, sizeof buf, "%s", args);
    for (char *w = strtok(buf, " "); w != NULL && argc < 40; w = strtok(NULL, " "))
        argv[argc++] = w;
    for (size_t i = 0; i < sizeof subs / sizeof subs[0] && argc > 0; i++)
        if (strcmp(argv[0], subs[i].word) == 0) {
            cmd = subs[i].cmd;
            skip = 1;
        }
    return cli_args_parse(cmd, argc - skip, argv + skip, &A, err, errlen);
}

/* Parse one case into A and set the run up; 0, or -1 (reported). */
static int start_case(const char *args, const char *stop_at)
{
    char err[CH_MSG_MAX];
    if (!PT_CHECK(parse(args, err, sizeof err) == 0, "%s: parse: %s", args, err))
        return -1;
    A.run.stop_at = stop_at;
    if (!PT_CHECK(ch_run_init(&R, &A.run, err, sizeof err) == 0, "%s: init: %s", args, err))
        return -1;
    return 0;
}

/* Run one case to its end; 0, or -1 (reported) when it cannot start. */
static int run_case(const char *args)
{
    if (start_case(args, NULL) != 0)
        return -1;
    ch_run_go(&R);
    return 0;
}

/* Plant cells of this spec, read through the chassis. */
static int32_t role(const ch_chassis *ch, int32_t re) { return ch_get(ch, ISSU_PV_re_role, re); }
static int32_t ver(const ch_chassis *ch, int32_t re) { return ch_get(ch, ISSU_PV_re_ver, re); }
static int32_t inst(const ch_chassis *ch, int32_t re) { return ch_get(ch, ISSU_PV_re_inst, re); }
static uint32_t count(const ch_chassis *ch, int32_t s) { return ch_count(ch, ISSU_PV_fpc, s); }
static uint32_t slots(const ch_chassis *ch) { return (uint32_t)issu_plant_size(&ch->plant, ISSU_PV_fpc); }
/* The M120's FEBs (none on every other model). */
static uint32_t febs_in(const ch_chassis *ch, int32_t s) { return ch_count(ch, ISSU_PV_feb, s); }
static uint32_t febs(const ch_chassis *ch) { return (uint32_t)issu_plant_size(&ch->plant, ISSU_PV_feb); }
static int32_t switchovers(const ch_chassis *ch) { return ch_get(ch, ISSU_PV_switchovers, 0); }
static int32_t devices(const ch_chassis *ch) { return ch_get(ch, ISSU_PV_devices, 0); }
/* VM-based ISSU: RE1 exists only once the upgrade spawns it. */
static int spawned(const ch_chassis *ch) { return ch->plant.params[ISSU_PARAM_spawned_backup] != 0; }
/* ISSR: a restart on the running release, with a dataplane of each RE. */
static int same_version(const ch_chassis *ch) { return ch->plant.params[ISSU_PARAM_same_version] != 0; }
static int32_t dp(const ch_chassis *ch, int var) { return ch_get(ch, var, 0); }

/* Nothing changed: S14 and D1's "no changes". */
static void check_untouched(const char *args, const ch_chassis *ch)
{
    PT_CHECK(role(ch, 0) == ISSU_role_MASTER && inst(ch, 0) == ISSU_version_OLD && inst(ch, 1) == ISSU_version_OLD
             && ver(ch, 0) == ISSU_version_OLD && ver(ch, 1) == ISSU_version_OLD, "%s: an RE changed", args);
    PT_CHECK(count(ch, ISSU_fru_ONLINE_OLD) + count(ch, ISSU_fru_UNSUPPORTED) == slots(ch), "%s: an FPC changed", args);
    PT_CHECK(febs_in(ch, ISSU_fru_ONLINE_OLD) == febs(ch), "%s: a FEB changed", args);
    PT_CHECK(!spawned(ch) || (role(ch, 1) == ISSU_role_DOWN && devices(ch) == 0), "%s: a VM was spawned", args);
    for (uint32_t u = 0; u < ch->traffic.n; u++)                 /* FPCs, then FEBs */
        PT_CHECK(sim_traffic_lost(&ch->traffic, u, ch->sched.now) == 0, "%s: unit %u lost traffic", args, u);
}

/* S13 on the plant: both REs where the options put them, every FPC (and
 * FEB) on NEW after a dark window (or the time it was offline). */
static void check_success(const char *args, const ch_chassis *ch)
{
    int omu = !ch_config_has(&ch->cfg, ISSU_OPT_no_old_master_upgrade), reboot = ch_config_has(&ch->cfg, ISSU_OPT_reboot);
    /* at most a dark window, and the share of line rate lost during the longest switchover */
    sim_ms most = CH_DARK_HI + ch_timing_for(NULL, 0, "re_switchover")->hi
        * (SIM_TRAFFIC_FULL - ch->family->gres_share) / SIM_TRAFFIC_FULL;
    PT_CHECK(role(ch, 1) == ISSU_role_MASTER && ver(ch, 1) == ISSU_version_NEW
             && count(ch, ISSU_fru_ONLINE_NEW) == slots(ch) && febs_in(ch, ISSU_fru_ONLINE_NEW) == febs(ch),
             "%s: S13", args);
    PT_CHECK(inst(ch, 0) == (omu ? ISSU_version_NEW : ISSU_version_OLD)
             && ver(ch, 0) == (reboot ? ISSU_version_NEW : ISSU_version_OLD), "%s: S13 old master", args);
    for (uint32_t u = 0; u < ch->traffic.n; u++)                /* a dark window, or offline */
        PT_CHECK(sim_traffic_lost(&ch->traffic, u, ch->sched.now) >= 500
                 && ((u < slots(ch) && ch->cfg.unsupported_pics[u] != 0)
                     || sim_traffic_lost(&ch->traffic, u, ch->sched.now) <= most),
                 "%s: unit %u (FPCs, then FEBs) forwarding loss", args, u);
}

/* S28 and S29: a clean abort and a success of VM-based ISSU. */
static void check_post_spawned(const char *args, const char *result, const ch_chassis *ch)
{
    if (strcmp(result, "ABORTED_CLEAN") == 0)
        PT_CHECK(role(ch, 0) == ISSU_role_MASTER && ver(ch, 0) == ISSU_version_OLD && inst(ch, 0) == ISSU_version_OLD
                 && devices(ch) == 0 && role(ch, 1) == ISSU_role_DOWN && inst(ch, 1) == ISSU_version_OLD,
                 "%s: S28", args);
    else
        PT_CHECK(role(ch, 1) == ISSU_role_MASTER && ver(ch, 1) == ISSU_version_NEW && inst(ch, 1) == ISSU_version_NEW
                 && devices(ch) == 1 && role(ch, 0) == ISSU_role_DOWN && switchovers(ch) == 1, "%s: S29", args);
}

/* S32, S36, S37: whatever the outcome no software changed; a clean abort
 * leaves the old primary with its dataplane and the devices; a success
 * leaves the spawned RE primary with its own, the old one shut down, the
 * FPC back after a dark window. */
static void check_post_issr(const char *args, const char *result, const ch_chassis *ch)
{
    int clean = strcmp(result, "ABORTED_CLEAN") == 0 || strcmp(result, "REJECTED") == 0;
    PT_CHECK(ver(ch, 0) == ISSU_version_OLD && ver(ch, 1) == ISSU_version_OLD && inst(ch, 0) == ISSU_version_OLD
             && inst(ch, 1) == ISSU_version_OLD && count(ch, ISSU_fru_ONLINE_NEW) == 0, "%s: S32", args);
    if (clean)
        PT_CHECK(role(ch, 0) == ISSU_role_MASTER && devices(ch) == 0 && dp(ch, ISSU_PV_dp_primary)
                 && !dp(ch, ISSU_PV_dp_secondary) && role(ch, 1) == ISSU_role_DOWN && switchovers(ch) == 0
                 && count(ch, ISSU_fru_ONLINE_OLD) == slots(ch) && !ch_get(ch, ISSU_PV_daemons_ready, 0),
                 "%s: S36", args);
    if (strcmp(result, "SUCCESS") == 0) {
        PT_CHECK(role(ch, 1) == ISSU_role_MASTER && devices(ch) == 1 && dp(ch, ISSU_PV_dp_secondary)
                 && !dp(ch, ISSU_PV_dp_primary) && role(ch, 0) == ISSU_role_DOWN && switchovers(ch) == 1
                 && count(ch, ISSU_fru_ONLINE_OLD) == slots(ch), "%s: S37", args);
        for (uint32_t s = 0; s < slots(ch); s++)
            PT_CHECK(sim_traffic_lost(&ch->traffic, s, ch->sched.now) >= CH_DARK_LO
                     && sim_traffic_lost(&ch->traffic, s, ch->sched.now) <= CH_DARK_HI,
                     "%s: FPC %u forwarding loss", args, s);
    }
    if (strcmp(result, "COMPLETED_DEGRADED") == 0)
        PT_CHECK(role(ch, 1) == ISSU_role_MASTER && devices(ch) == 1 && switchovers(ch) == 1, "%s: degraded", args);
    if (strcmp(result, "ABORTED_DEGRADED") == 0)
        PT_CHECK(role(ch, 0) == ISSU_role_MASTER && switchovers(ch) == 0, "%s: aborted degraded", args);
}

/* Every FRU of member chassis i in fru member v. */
static int member_frus_all(const ch_chassis *ch, int32_t i, int32_t v)
{
    for (int32_t s = 0; s < ch->members.nfru; s++)
        if (ch_member_fru(ch, i, s) != v)
            return 0;
    return 1;
}

/* The REs of member chassis i: its master RE (0 or 1) runs master_ver,
 * its other RE is a backup of backup_ver; 1 if so. */
static int member_res_are(const ch_chassis *ch, int32_t i, int master, int32_t master_ver, int32_t backup_ver)
{
    int32_t r0, v0, r1, v1;
    ch_member_re(ch, i, master, &r0, &v0);
    ch_member_re(ch, i, !master, &r1, &v1);
    return ch_member_master(ch, i) == master && r0 == ISSU_role_MASTER && v0 == master_ver
        && r1 == ISSU_role_BACKUP && v1 == backup_ver;
}

/* S10_ABORT, S10_DONE and S10_SOLO on every LCC of a routing matrix (none
 * elsewhere): where each one's REs and FPC slots are after the outcome. */
static void check_members(const char *args, const char *result, const ch_chassis *ch)
{
    int reboot = ch_config_has(&ch->cfg, ISSU_OPT_reboot);
    for (int32_t i = 0; i < ch->members.n; i++) {
        int32_t role, ver;
        ch_member_re(ch, i, ch_member_master(ch, i), &role, &ver);
        if (strcmp(result, "REJECTED") == 0 || strcmp(result, "ABORTED_CLEAN") == 0)
            PT_CHECK(member_res_are(ch, i, 0, ISSU_version_OLD, ISSU_version_OLD)
                     && member_frus_all(ch, i, ISSU_fru_ONLINE_OLD), "%s: lcc%d: S10_ABORT", args, (int)i);
        else if (strcmp(result, "SUCCESS") == 0)
            PT_CHECK(member_res_are(ch, i, 1, ISSU_version_NEW, reboot ? ISSU_version_NEW : ISSU_version_OLD)
                     && member_frus_all(ch, i, ISSU_fru_ONLINE_NEW), "%s: lcc%d: S10_DONE", args, (int)i);
        else if (strcmp(result, "COMPLETED_DEGRADED") == 0)
            PT_CHECK(ch_member_master(ch, i) == 1 && ver == ISSU_version_NEW, "%s: lcc%d: switched", args, (int)i);
        else
            PT_CHECK(ch_member_master(ch, i) == 0 && ver == ISSU_version_OLD, "%s: lcc%d: S10_SOLO", args, (int)i);
    }
}

/* The postcondition of each outcome, on the plant. */
static void check_post(const char *args, const char *result, const ch_chassis *ch)
{
    check_members(args, result, ch);
    if (same_version(ch)) {
        check_post_issr(args, result, ch);
    } else if (spawned(ch) && (strcmp(result, "ABORTED_CLEAN") == 0 || strcmp(result, "SUCCESS") == 0)) {
        check_post_spawned(args, result, ch);
    } else if (strcmp(result, "REJECTED") == 0) {
        check_untouched(args, ch);
    } else if (strcmp(result, "ABORTED_CLEAN") == 0) {         /* S12 */
        PT_CHECK(role(ch, 0) == ISSU_role_MASTER && role(ch, 1) == ISSU_role_BACKUP && ver(ch, 1) == ISSU_version_OLD
                 && inst(ch, 1) == ISSU_version_OLD && inst(ch, 0) == ISSU_version_OLD, "%s: S12 REs", args);
        PT_CHECK(count(ch, ISSU_fru_ONLINE_OLD) + count(ch, ISSU_fru_UNSUPPORTED) == slots(ch)
                 && febs_in(ch, ISSU_fru_ONLINE_OLD) == febs(ch), "%s: S12 FPCs and FEBs", args);
    } else if (strcmp(result, "SUCCESS") == 0) {
        check_success(args, ch);
    } else if (strcmp(result, "COMPLETED_DEGRADED") == 0) {
        PT_CHECK(role(ch, 1) == ISSU_role_MASTER && ver(ch, 1) == ISSU_version_NEW && switchovers(ch) == 1,
                 "%s: degraded", args);
    } else {
        PT_CHECK(role(ch, 0) == ISSU_role_MASTER && switchovers(ch) == 0, "%s: aborted degraded", args);
    }
}

/* The run ended as expected, with monitors, contracts and the control plane clean. */
/* The run R ended back in IDLE with monitors, contracts and the control
 * plane clean (reported); 1 if so. */
static int clean_end(const char *args)
{
    const ch_chassis *ch = &R.ch;
    int ok = PT_CHECK(R.end == CH_END_DONE, "%s: the run did not end in IDLE (end %d)", args, (int)R.end);
    ok &= PT_CHECK(R.monitor_violations + R.contract_violations == 0, "%s: %s", args, R.first_violation);
    ok &= PT_CHECK(sim_traffic_cp_outage(&ch->traffic, ch->sched.now) == 0 && ch->traffic.master
                   && ch->traffic.cp_outages == 0, "%s: control-plane outage", args);
    ok &= PT_CHECK(ch->sched_overflow == 0, "%s: scheduler overflow", args);
    return ok;
}

static void check_run(const char *args, const char *expect)
{
    const ch_chassis *ch = &R.ch;
    (void)clean_end(args);
    PT_CHECK(strcmp(ch_run_result(&R), expect) == 0, "%s: outcome %s, expected %s", args, ch_run_result(&R), expect);
    for (uint32_t f = 0; f < ch->faults.n; f++)
        PT_CHECK(ch->faults.f[f].fired || (int)f == R.yes_fault, "%s: '%s' never happened", args, ch->faults.f[f].text);
    check_post(args, expect, ch);
}

static void check_cases(const ch_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (run_case(c[i].args) == 0)
            check_run(c[i].args, c[i].expect);
}

static void options_end_in_success(void)
{
    check_cases(options_cases, sizeof options_cases / sizeof options_cases[0]);
}

static void validation_failures_reject(void)
{
    check_cases(validation_cases, sizeof validation_cases / sizeof validation_cases[0]);
}

static void faults_end_as_the_spec_says(void)
{
    check_cases(fault_cases, sizeof fault_cases / sizeof fault_cases[0]);
}

static void vm_family_as_the_spec_says(void)
{
    check_cases(vm_cases, sizeof vm_cases / sizeof vm_cases[0]);
}

static void issr_family_as_the_spec_says(void)
{
    check_cases(issr_cases, sizeof issr_cases / sizeof issr_cases[0]);
}

static void m120_family_as_the_spec_says(void)
{
    check_cases(m120_cases, sizeof m120_cases / sizeof m120_cases[0]);
}

static void tx_family_as_the_spec_says(void)
{
    check_cases(tx_cases, sizeof tx_cases / sizeof tx_cases[0]);
}

/* The largest routing matrix of each family, named by family and size
 * (--platform txp --lccs N, as the operator gives it), upgrades to SUCCESS
 * with every LCC's console lines behind its name; a size the family does
 * not have is refused. */
static void matrices_of_every_size(void)
{
    static const char *const fams[] = { "txp", "txmatrix" };
    for (size_t f = 0; f < sizeof fams / sizeof fams[0]; f++) {
        int32_t most = 0;
        char args[96], err[CH_MSG_MAX];
        for (size_t i = 0; i < ch_model_count; i++)
            if (strcmp(ch_models[i].family->name, fams[f]) == 0) {
                int32_t n = ch_spec_profile_param(ch_spec_profile(ch_models[i].profile), "lccs");
                most = n > most ? n : most;
            }
        PT_CHECK(most >= 1, "family %s: no routing matrix in the table", fams[f]);
        snprintf(args, sizeof args, "--platform %s --lccs %d --yes", fams[f], (int)most);
        if (run_case(args) != 0)
            continue;
        check_run(args, "SUCCESS");
        PT_CHECK(R.sys.n == 1 + (int)most && R.ch.members.n == most && R.ch.traffic.n == 8u * (uint32_t)most,
                 "%s: %d instances, %d LCCs, %u FPCs", args, R.sys.n, (int)R.ch.members.n, R.ch.traffic.n);
        snprintf(args, sizeof args, "--platform %s --lccs %d", fams[f], (int)most + 1);
        PT_CHECK(parse(args, err, sizeof err) == -1 && strstr(err, "line-card chassis") != NULL, "%s: %s", args, err);
    }
}

/* D47, ch_member.h: the spec counts an LCC's FPCs per state; the chassis
 * keeps them in slots, warm-booted lowest-numbered first, so the third
 * warm boot that fails leaves slot 2 down and the others on NEW, each
 * with its dark window and its share of the LCC's switchover lost. */
static void lcc_fpc_slots(void)
{
    if (run_case(TXP " --yes --fault lcc_fru_warm_boot.fail@3") != 0)
        return;
    check_run("lcc_fru_warm_boot.fail@3", "COMPLETED_DEGRADED");
    const ch_chassis *ch = &R.ch;
    for (int32_t s = 0; s < ch->members.nfru; s++) {
        uint32_t u = ch->members.unit + (uint32_t)s;
        PT_CHECK(ch_member_fru(ch, 0, s) == (s == 2 ? ISSU_fru_FAILED : ISSU_fru_ONLINE_NEW), "slot %d: %s", (int)s,
                 ch_spec_member_name(ch->id.fru, ch_member_fru(ch, 0, s)));
        PT_CHECK(s == 2 ? sim_traffic_degraded(&ch->traffic, u) : ch->traffic.u[u].outages == 2,
                 "slot %d: %u outages", (int)s, ch->traffic.u[u].outages);
    }
    CU_ASSERT_EQUAL(ch_get(ch, ISSU_PV_lcc_failed, 0), 1);
    CU_ASSERT_EQUAL(ch_get(ch, ISSU_PV_lcc_new, 0), 7);
}

/* Phase 7b comes after the last FPC and before the switchover check: one
 * FEB dark at a time, no FPC left to boot (S42), and the FPC and FEB pools
 * are the chassis' traffic units in the family's order. */
static void m120_feb_stage_after_the_fpcs(void)
{
    if (start_case(M120, "FEB_WARM_BOOT") != 0)
        return;
    PT_CHECK(ch_run_go(&R) == CH_END_STOPPED, "m120: never reached FEB_WARM_BOOT");
    CU_ASSERT_EQUAL(febs_in(&R.ch, ISSU_fru_WARM_BOOTING), 1);
    CU_ASSERT_EQUAL(count(&R.ch, ISSU_fru_WARM_BOOTING), 0);
    CU_ASSERT_EQUAL(count(&R.ch, ISSU_fru_ONLINE_NEW), slots(&R.ch));
    CU_ASSERT_EQUAL(ch_get(&R.ch, ISSU_PV_feb, 0), ISSU_fru_WARM_BOOTING);   /* lowest slot first */
    CU_ASSERT_EQUAL(febs(&R.ch), 6u);                                       /* D37 */
    PT_CHECK(R.ch.npools == 2 && R.ch.pools[0].var == ISSU_PV_fpc && R.ch.pools[1].var == ISSU_PV_feb
             && R.ch.pools[1].unit == 6u && strcmp(R.ch.pools[1].label, "FEB") == 0 && R.ch.traffic.n == 12u,
             "m120: pools %u", R.ch.npools);
}

/* A chassis of model m powered on with the default configuration and no
 * controller (the plant sees it in its initial state); NULL (reported). */
static ch_chassis *power_on(const ch_model *m)
{
    static ch_chassis ch;
    ch_config c;
    ch_ctrl ctrl;
    memset(&ctrl, 0, sizeof ctrl);     /* no controller runs */
    char err[CH_MSG_MAX];
    ch_config_default(&c, m);
    return PT_CHECK(ch_init(&ch, &c, &ctrl, err, sizeof err) == 0, "%s: init: %s", m->name, err) ? &ch : NULL;
}

/* D26: on a single CPU, RE1 is down at power-on by the spec's own fault,
 * so the request is allowed; a two-RE chassis is untouched by it. */
static void single_cpu_at_power_on(void)
{
    static const char *const models[] = { "qfx5100", "mx480" };
    for (int i = 0; i < 2; i++) {
        const ch_chassis *ch = power_on(ch_model_find(models[i]));
        int vm = i == 0;
        if (ch == NULL)
            continue;
        PT_CHECK(spawned(ch) == vm && ch->plant.env_used[ISSU_ENV_single_cpu] == vm, "%s: single_cpu", models[i]);
        PT_CHECK(role(ch, 1) == (vm ? ISSU_role_DOWN : ISSU_role_BACKUP)
                 && ch_get(ch, ISSU_PV_gres_ready, 0) == !vm && ch_get(ch, ISSU_PV_nsr_synced, 0) == !vm,
                 "%s: RE1 at power-on", models[i]);
        PT_CHECK(issu_plant_env_allowed(&ch->plant, ISSU_ENV_start, NULL) == 1, "%s: start not allowed", models[i]);
        /* the FPC and FEB pools, the FEBs empty but on the M120 */
        PT_CHECK(ch->traffic.n == (vm ? 0u : 6u) && ch->npools == 2, "%s: %u forwarding units", models[i],
                 ch->traffic.n);
    }
}

/* The vm family's figures, and the shared resync-only rule for step 4. */
static void vm_durations(void)
{
    ch_chassis *ch = power_on(ch_model_find("qfx5100"));
    if (ch == NULL)
        return;
    sim_ms d = ch_cmd_duration(ch, ISSU_CMD_spawn_backup);         /* a VM boot: minutes */
    CU_ASSERT(d >= 60000u && d < 600000u);                        /* within the spec's 10 min */
    d = ch_cmd_duration(ch, ISSU_CMD_device_handoff);              /* seconds, within 60 s */
    CU_ASSERT(d >= 1000u && d < 60000u);
    d = ch_cmd_duration(ch, ISSU_CMD_shutdown_old_master);         /* tens of seconds, within 5 min */
    CU_ASSERT(d >= 10000u && d < 300000u);
    ch->plant.cell[ISSU_PLANT_SLOT_re_role + 1] = ISSU_role_BACKUP;   /* the spawned VM is up */
    d = ch_cmd_duration(ch, ISSU_CMD_backup_resync);
    CU_ASSERT(d >= 60000u && d <= 240000u);
    if (run_case("--platform qfx5100 --seed 3") == 0)              /* no FPC stage: minutes, not 40 */
        PT_CHECK(R.ch.sched.now > 5u * 60000u && R.ch.sched.now < 20u * 60000u, "QFX5100 took %llu ms",
                 (unsigned long long)R.ch.sched.now);
}

/* D32, D33: the device items are one fact, the first of them that fails
 * in the checklist's order; the spacing is five minutes. */
static void issr_facts(void)
{
    static const struct {
        const char *config;            /* --config words */
        int64_t last;                  /* --last-issr, -1: none */
        int32_t device;                /* issr_device */
        int32_t spaced;                /* issr_spaced */
    } cases[] = {
        { "", -1, ISSU_issr_device_t_DEVICE_VALID, 1 },
        { "bfd-interval-low,vc-mixed", 299, ISSU_issr_device_t_VC_MIXED_OR_FABRIC, 0 },
        { "vc-multi-node,member-id-nonzero,pfe-offline", 300, ISSU_issr_device_t_PFE_NOT_ONLINE, 1 },
        { "bfd-interval-low", 0, ISSU_issr_device_t_BFD_INTERVAL_LOW, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ch_config c;
        ch_config_default(&c, ch_model_find("jcp"));
        c.last_issr_s = cases[i].last;
        c.pfe_offline = strstr(cases[i].config, "pfe-offline") != NULL;
        c.member_id_nonzero = strstr(cases[i].config, "member-id-nonzero") != NULL;
        c.vc_mixed = strstr(cases[i].config, "vc-mixed") != NULL;
        c.vc_multi_node = strstr(cases[i].config, "vc-multi-node") != NULL;
        c.bfd_interval_low = strstr(cases[i].config, "bfd-interval-low") != NULL;
        int32_t device = -1, spaced = -1;
        PT_CHECK(ch_config_fact(&c, ISSU_PV_issr_device, &device) == 0 && device == cases[i].device
                 && ch_config_fact(&c, ISSU_PV_issr_spaced, &spaced) == 0 && spaced == cases[i].spaced,
                 "'%s' %lld: issr_device %d, issr_spaced %d", cases[i].config, (long long)cases[i].last,
                 (int)device, (int)spaced);
    }
}

/* The ISSR family's figures (DOMAIN 3.5 [D]): its own resync, which the
 * shared resync-only rule does not replace, the FPC's warm boot of about
 * 61 s, the image line at the validation, and about 7.5 minutes in all. */
static void issr_durations(void)
{
    char line[CH_DETAIL_MAX];
    ch_chassis *ch = power_on(ch_model_find("jcp"));
    if (ch == NULL)
        return;
    ch->plant.cell[ISSU_PLANT_SLOT_re_role + 1] = ISSU_role_BACKUP;   /* the spawned RE is up */
    sim_ms d = ch_cmd_duration(ch, ISSU_CMD_backup_resync);
    PT_CHECK(d >= 110000u && d <= 140000u, "resync %llu ms", (unsigned long long)d);
    d = ch_cmd_duration(ch, ISSU_CMD_fpc_warm_restart);
    PT_CHECK(d >= 45000u && d <= 75000u, "FPC warm boot %llu ms", (unsigned long long)d);
    PT_CHECK(ch_family_note(ch->family, "validate_image", "18.1R1", line, sizeof line) == 0
             && strcmp(line, "Current image is jinstall-jcp-i386-flex-18.1R1.img") == 0, "note: '%s'", line);
    PT_CHECK(ch_family_note(ch->family, "spawn_backup", "18.1R1", line, sizeof line) == -1, "a note for spawn_backup");
    PT_CHECK(ch_family_note(ch_model_find("mx480")->family, "validate_image", "18.1R1", line, sizeof line) == -1,
             "a note on mx480");
    for (int seed = 1; seed <= 5; seed++) {
        char args[96];
        snprintf(args, sizeof args, ISSR " --seed %d", seed);
        if (run_case(args) == 0)
            PT_CHECK(R.ch.sched.now >= 6u * 60000u && R.ch.sched.now <= 9u * 60000u, "%s took %llu ms", args,
                     (unsigned long long)R.ch.sched.now);
    }
}

/* The single-fault campaign (issue 15): on every model, every fault and
 * operator action of the spec at every state of the controller
 * (EVENT@STATE), and every failed or timed-out outcome of every command at
 * its first and second issue (CMD.OUTCOME@N), one at a time.  A point
 * where the event never happens (the state is not reached, or the spec's
 * condition never holds there) is not applicable; every run where it
 * happens must end back in IDLE with an outcome, with the monitors and
 * contracts silent and a master RE at every instant.  Prints the counts. */
static int campaign_run(const char *args, unsigned long *applicable)
{
    if (start_case(args, NULL) != 0)
        return 1;
    ch_run_go(&R);
    int fired = 1;
    for (uint32_t f = 0; f < R.ch.faults.n; f++)
        if (!R.ch.faults.f[f].fired && (int)f != R.yes_fault)
            fired = 0;
    if (!fired)
        return -1;
    ++*applicable;
    int ok = clean_end(args);
    ok &= PT_CHECK(strcmp(ch_run_result(&R), "NONE") != 0, "%s: no outcome", args);
    return !ok;
}

#define CAMPAIGN_POINTS 1024           /* bound: single points of one model */
#define CAMPAIGN_SPEC 64               /* bound: one fault spec */

/* The applicable single points of one model ("EVENT@STATE", "CMD.OUTCOME@N"). */
static char campaign_points[CAMPAIGN_POINTS][CAMPAIGN_SPEC];

/* Every point of model m, one at a time; the applicable ones kept in
 * campaign_points.  Their number. */
static size_t campaign_singles(const ch_model *m, unsigned long *points, unsigned long *applicable,
                               unsigned long *violations)
{
    const char *sub = cli_request_of(m)->subcommand;
    char args[192], spec[CAMPAIGN_SPEC];
    size_t kept = 0;
    snprintf(args, sizeof args, "%s --platform %s --yes", sub, m->name);
    if (start_case(args, NULL) != 0)
        return 0;
    const char *states[ISSU_DIM(ISSU_NSTATES_MAX)];
    size_t nstates = R.nstates;
    memcpy(states, R.states, nstates * sizeof states[0]);
    size_t nenv = (size_t)ISSU_NENVS * nstates, total = nenv + 2u * (size_t)ISSU_NEVENTS;
    for (size_t k = 0; k < total; k++) {               /* bound: the points */
        if (k < nenv) {                                /* a fault or operator action at a state */
            snprintf(spec, sizeof spec, "%s@%s", ch_spec_env_name((int)(k / nstates)), states[k % nstates]);
        } else {                                       /* an outcome other than ok, 1st or 2nd issue */
            const char *name = ch_spec_event_name((int)((k - nenv) / 2)), *dot = strchr(name, '.');
            if (dot == NULL || strcmp(dot, ".ok") == 0)
                continue;
            snprintf(spec, sizeof spec, "%s@%d", name, (int)((k - nenv) % 2) + 1);
        }
        snprintf(args, sizeof args, "%s --platform %s --yes --fault %s", sub, m->name, spec);
        ++*points;
        int v = campaign_run(args, applicable);
        if (v < 0)
            continue;
        *violations += (unsigned long)v;
        if (PT_CHECK(kept < CAMPAIGN_POINTS, "%s: more than %d points happen", m->name, CAMPAIGN_POINTS))
            memcpy(campaign_points[kept++], spec, sizeof spec);
    }
    return kept;
}

/* The fault campaign (issue 15): on every model, every fault and operator
 * action of the spec at every state of the controller (EVENT@STATE), and
 * every failed or timed-out outcome of every command at its first and
 * second issue (CMD.OUTCOME@N), one at a time; then every pair of the
 * single points that happened (about 100,000 runs, some 20 seconds), or a
 * fixed sample of them (one pair in 61) with ISSU_CAMPAIGN=sample in the
 * environment.  A run
 * in which a fault of it never happens (its state is not reached, or the
 * spec's condition never holds there) is not applicable; every other run
 * must end back in IDLE with an outcome, with the monitors and contracts
 * silent and a master RE at every instant.  Prints the counts. */
static void fault_campaign(void)
{
    const char *env = getenv("ISSU_CAMPAIGN");
    int all = env == NULL || strcmp(env, "sample") != 0;
    unsigned long points = 0, applicable = 0, violations = 0;
    unsigned long pairs = 0, pairs_run = 0, pairs_applicable = 0, pair_violations = 0;
    for (size_t i = 0; i < ch_model_count; i++) {
        const ch_model *m = &ch_models[i];
        const char *sub = cli_request_of(m)->subcommand;
        size_t n = campaign_singles(m, &points, &applicable, &violations);
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++) {
                pairs++;
                if (!all && (a * 131u + b) % 61u != 0)
                    continue;
                char args[256];
                snprintf(args, sizeof args, "%s --platform %s --yes --fault %s --fault %s", sub, m->name,
                         campaign_points[a], campaign_points[b]);
                pairs_run++;
                int v = campaign_run(args, &pairs_applicable);
                pair_violations += v > 0 ? (unsigned long)v : 0u;
            }
    }
    printf("\n    single faults: %lu points on %zu models, %lu applicable runs, %lu violations"
           "\n    double faults: %lu pairs of applicable points, %lu run (%s), %lu applicable, %lu violations ",
           points, ch_model_count, applicable, violations, pairs, pairs_run, all ? "every pair" : "one in 61",
           pairs_applicable, pair_violations);
    CU_ASSERT(applicable > 0 && pairs_applicable > 0);
}

/* The crash campaign (issue 15): every scenario of the tables above runs
 * once to its end, then again once per journal write N of that run with
 * the orchestrator dying right after write N, once with the record whole
 * and once torn (only its first half written; not write 1, the run's start
 * record, which issu_init writes before the crash can be armed).  Each time
 * a fresh instance resumes from the journal alone against the same
 * simulated router (the router keeps its commands, clock and posts) and
 * must end as the run without a crash did: the same result, the same final
 * plant, monitors and contracts silent, a master RE at every instant.
 * Then once more per write with the router going on alone for
 * CRASH_DOWN_MS before the restart (operations end, deadlines pass, what
 * it posts waits): the end may differ, but it must be one the spec allows,
 * with an outcome and the same checks.  Prints the counts. */
#define CRASH_DOWN_MS (4u * 60u * 1000u)

typedef struct crash_counts {
    unsigned long scenarios, points, resumed, violations, down, matrices;
    unsigned long reissued, recancelled, reposted, fell_back;
} crash_counts;

/* One crash after write n (torn, or with the router alone for `down` ms). */
static void crash_point(const char *args, uint32_t n, int torn, sim_ms down, const issu_plant *want,
                        const char *result, crash_counts *k)
{
    char label[640], err[CH_MSG_MAX];
    issu_resume_info info;
    snprintf(label, sizeof label, "%s (crash after journal write %u%s%s)", args, (unsigned)n, torn ? ", torn" : "",
             down ? ", router alone 4 min" : "");
    k->points++;
    k->down += down != 0;
    if (start_case(args, NULL) != 0)
        return;
    R.opts.crash_after = n;
    R.opts.torn = torn;
    int ok = PT_CHECK(ch_run_go(&R) == CH_END_CRASHED, "%s: no crash", label);
    if (ok && down)
        ch_run_alone(&R, down);
    ok = ok && PT_CHECK(ch_run_resume(&R, NULL, &info, err, sizeof err) == 0, "%s: %s", label, err);
    if (ok) {
        k->resumed++;
        k->reissued += info.reissued;
        k->recancelled += info.recancelled;
        k->reposted += R.nposts - info.acked;
        k->fell_back += (unsigned long)info.skipped;
        ch_run_continue(&R);
        ok = clean_end(label);
        ok &= PT_CHECK(strcmp(ch_run_result(&R), "NONE") != 0, "%s: no outcome", label);
        ok &= down || PT_CHECK(strcmp(ch_run_result(&R), result) == 0, "%s: %s, without the crash %s", label,
                               ch_run_result(&R), result);
        ok &= down || PT_CHECK(memcmp(R.ch.plant.cell, want->cell, sizeof want->cell) == 0,
                               "%s: the final plant differs from the run without the crash", label);
    }
    k->violations += !ok;
}

static void crash_scenario(const char *args, crash_counts *k)
{
    static issu_plant want;
    char result[64];
    if (start_case(args, NULL) != 0)
        return;
    if (R.sys.n > 1) {                 /* a routing matrix: a resume restarts one orchestrator (ch_run.h) */
        k->matrices++;
        return;
    }
    if (ch_run_go(&R) != CH_END_DONE)
        return;                        /* a stop or a dead end: nothing to compare */
    uint32_t writes = R.jwrites;
    want = R.ch.plant;
    snprintf(result, sizeof result, "%s", ch_run_result(&R));
    k->scenarios++;
    for (uint32_t n = 1; n <= writes; n++) {           /* bound: the run's journal writes */
        for (int torn = 0; torn < 1 + (n > 1); torn++)  /* write 1, the start record, is never torn */
            crash_point(args, n, torn, 0, &want, result, k);
        crash_point(args, n, 0, CRASH_DOWN_MS, &want, result, k);
    }
}

static void crash_campaign(void)
{
    static const struct { const ch_case *c; size_t n; } tables[] = {
        { options_cases, sizeof options_cases / sizeof options_cases[0] },
        { validation_cases, sizeof validation_cases / sizeof validation_cases[0] },
        { fault_cases, sizeof fault_cases / sizeof fault_cases[0] },
        { vm_cases, sizeof vm_cases / sizeof vm_cases[0] },
        { issr_cases, sizeof issr_cases / sizeof issr_cases[0] },
        { m120_cases, sizeof m120_cases / sizeof m120_cases[0] },
        { tx_cases, sizeof tx_cases / sizeof tx_cases[0] },
    };
    crash_counts k;
    memset(&k, 0, sizeof k);
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
        for (size_t i = 0; i < tables[t].n; i++)
            crash_scenario(tables[t].c[i].args, &k);
    printf("\n    crash points: %lu scenarios, %lu points (every journal write: whole, torn, and whole with the "
           "router alone 4 min: %lu), %lu resumed, %lu violations\n    on resume: %lu torn records skipped, "
           "%lu posts asked again, %lu commands issued again, %lu cancelled again\n    not crashed: %lu scenarios of "
           "routing matrices (one orchestrator per chassis; a resume restarts one, a system-wide resume is not "
           "simulated) ", k.scenarios, k.points, k.down, k.resumed, k.violations, k.fell_back, k.reposted, k.reissued,
           k.recancelled, k.matrices);
    CU_ASSERT(k.resumed > 0 && k.resumed == k.points && k.violations == 0);
    CU_ASSERT(k.matrices == sizeof tx_cases / sizeof tx_cases[0]);
}

static void refused_requests_counted(void)
{
    if (run_case("--platform mx480 --fault user_gres@FRU_WARM_BOOT --fault start@FRU_WARM_BOOT") == 0)
        PT_CHECK(R.rejected == 2 && switchovers(&R.ch) == 1, "refused %u, switchovers %d",
                 R.rejected, (int)switchovers(&R.ch));
}

static void same_seed_same_run(void)
{
    sim_ms d[3];
    const char *args[3] = { "--platform mx480 --seed 5", "--platform mx480 --seed 5", "--platform mx480 --seed 6" };
    for (int i = 0; i < 3; i++) {
        if (run_case(args[i]) != 0)
            return;
        d[i] = R.ch.sched.now;
    }
    CU_ASSERT_EQUAL(d[0], d[1]);
    CU_ASSERT_NOT_EQUAL(d[0], d[2]);
    /* DOMAIN 3.2 / 7: an MX480 upgrade takes about 40 minutes */
    PT_CHECK(d[0] > 25u * 60000u && d[0] < 60u * 60000u, "MX480 took %llu ms", (unsigned long long)d[0]);
}

static void spec_names_checked(void)
{
    char err[CH_MSG_MAX] = "";
    ch_run_opts o;
    memset(&o, 0, sizeof o);
    ch_config_default(&o.cfg, ch_model_find("mx480"));
    o.faults[0] = "fru_warm_boot.explode";
    o.nfaults = 1;
    CU_ASSERT_EQUAL(ch_run_init(&R, &o, err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "no outcome 'explode'"));
    o.nfaults = 0;
    o.stop_at = "NOWHERE";
    CU_ASSERT_EQUAL(ch_run_init(&R, &o, err, sizeof err), -1);
    o.stop_at = "FRU_WARM_BOOT";
    CU_ASSERT_EQUAL(ch_run_init(&R, &o, err, sizeof err), 0);
    CU_ASSERT_EQUAL(ch_run_go(&R), CH_END_STOPPED);
    CU_ASSERT_EQUAL(count(&R.ch, ISSU_fru_WARM_BOOTING), 1);   /* S6 */
    CU_ASSERT_EQUAL(ch_get(&R.ch, ISSU_PV_fpc, 0), ISSU_fru_WARM_BOOTING);   /* lowest slot first */
}

/* ---- every family ------------------------------------------------------------ */

static void every_model_succeeds(void)
{
    for (size_t i = 0; i < ch_model_count; i++) {
        char args[96];
        snprintf(args, sizeof args, "%s --platform %s --yes", cli_request_of(&ch_models[i])->subcommand,
                 ch_models[i].name);
        if (run_case(args) == 0)
            check_run(args, "SUCCESS");
    }
}

/* The table's models are the spec's profiles, one to one, each of its family. */
static void table_is_the_profiles(void)
{
    size_t seen[ISSU_DIM(ISSU_NPROFILES)] = { 0 };
    for (size_t i = 0; i < ch_model_count; i++) {
        const ch_model *m = &ch_models[i];
        int prof = ch_spec_profile(m->profile);
        PT_CHECK(prof >= 0, "model %s: the spec has no profile '%s'", m->name, m->profile);
        PT_CHECK(ch_model_find(m->name) == m, "model %s: listed twice", m->name);
        if (prof < 0)
            continue;
        seen[prof]++;
        PT_CHECK(strcmp(ch_spec_family_name(ch_spec_profile_family(prof)), m->family->name) == 0,
                 "model %s: profile %s is of family %s, the descriptor says %s", m->name, m->profile,
                 ch_spec_family_name(ch_spec_profile_family(prof)), m->family->name);
    }
    for (int p = 0; p < ISSU_NPROFILES; p++)
        PT_CHECK(seen[p] == 1, "profile %s: %zu models", ch_spec_profile_name(p), seen[p]);
    for (size_t i = 0; i < ch_model_count; i++) {   /* PICs only where there are FPCs */
        int32_t s = ch_spec_profile_param(ch_spec_profile(ch_models[i].profile), "slots");
        PT_CHECK((s == 0) == (ch_models[i].pics == 0), "model %s: %u PICs per FPC, %d slots",
                 ch_models[i].name, ch_models[i].pics, (int)s);
    }
}

/* Rate of every FPC while the switchover is pending. */
static void check_switchover_rate(const char *platform, uint32_t expect)
{
    char args[96];
    snprintf(args, sizeof args, "--platform %s", platform);
    if (start_case(args, "SWITCHOVER") != 0)
        return;
    CU_ASSERT_EQUAL(R.ch.family->gres_share, expect);
    PT_CHECK(ch_run_go(&R) == CH_END_STOPPED && R.ch.pend[0][ISSU_CMD_re_switchover].active, "%s: no switchover", platform);
    for (uint32_t u = 0; u < R.ch.traffic.n; u++)
        PT_CHECK(R.ch.traffic.u[u].rate == expect, "%s: unit %u at %u%% during the switchover", platform, u,
                 R.ch.traffic.u[u].rate);
}

/* A routing matrix's PFEs are on its LCCs: each keeps the family's share
 * while its own LCC switches (D43; the global master's switchover moves no
 * PFE), then has it back. */
static void check_matrix_switchover_rate(const char *platform)
{
    char args[96];
    snprintf(args, sizeof args, "--platform %s", platform);
    if (start_case(args, "LCC_SWITCHOVER") != 0)
        return;
    PT_CHECK(ch_run_go(&R) == CH_END_STOPPED, "%s: never reached LCC_SWITCHOVER", platform);
    const ch_members *ms = &R.ch.members;
    for (int32_t i = 0; i < ms->n; i++)
        PT_CHECK(R.ch.pend[ch_instance(&R.ch, ms->machine, i)][ms->switchover].active, "%s: lcc%d not switching",
                 platform, (int)i);
    PT_CHECK(R.ch.traffic.n > 0 && R.ch.pend[0][ISSU_CMD_re_switchover].active == 0, "%s: units", platform);
    for (uint32_t u = 0; u < R.ch.traffic.n; u++)
        PT_CHECK(R.ch.traffic.u[u].rate == 75, "%s: FPC unit %u at %u%% during its LCC's switchover", platform, u,
                 R.ch.traffic.u[u].rate);
}

/* DOMAIN 4.4: a T-series PFE keeps ~75 % of line rate during GRES; MX all of it. */
static void gres_share_of_the_family(void)
{
    check_switchover_rate("t640", 75);
    check_switchover_rate("mx480", 100);
    check_matrix_switchover_rate("txm1");
    check_matrix_switchover_rate("txp1");
    if (run_case("--platform t640 --yes") != 0)
        return;
    check_run("t640", "SUCCESS");
    for (uint32_t u = 0; u < R.ch.traffic.n; u++)    /* its dark window, then the switchover */
        PT_CHECK(R.ch.traffic.u[u].outages == 2, "t640 FPC %u: %u outages", u, R.ch.traffic.u[u].outages);
}

/* ---- timings ---------------------------------------------------------------------- */

static const ch_timing test_over[] = { { "fru_warm_boot", 1000, 1000 } };
static const ch_family test_family = { "mx", "test", "pkg-%s", test_over, 1, 100, NULL, 0, NULL, 0, NULL };
static const ch_model test_model = { "test480", "TEST480", "mx480", &test_family, 9, 3, 4 };

static void timing_tables(void)
{
    const ch_timing *t = ch_timing_for(NULL, 0, "no_such_command");
    CU_ASSERT_PTR_EQUAL(t, &ch_timing_default);       /* unknown to every table */
    CU_ASSERT(t->lo > 0 && t->lo <= t->hi);
    CU_ASSERT_PTR_EQUAL(ch_timing_for(test_over, 1, "no_such_command"), &ch_timing_default);
    CU_ASSERT_EQUAL(ch_timing_for(test_over, 1, "fru_warm_boot")->hi, 1000);   /* the family's */
    CU_ASSERT_EQUAL(ch_timing_for(test_over, 1, "re_switchover")->hi, 3000);   /* the shared one */
    CU_ASSERT_EQUAL(ch_timing_for(NULL, 0, "prompt_timer")->hi, 0);            /* a pure timer */
}

/* The family's table and the shared duration rules, through the chassis. */
static void durations_on_a_chassis(void)
{
    ch_chassis *ch = power_on(&test_model);
    if (ch == NULL)
        return;
    CU_ASSERT_EQUAL(ch_cmd_duration(ch, ISSU_CMD_fru_warm_boot), 1000);
    CU_ASSERT_EQUAL(ch_cmd_duration(ch, ISSU_CMD_prompt_timer), 0);
    sim_ms d = ch_cmd_duration(ch, ISSU_CMD_backup_resync);        /* a resync only */
    CU_ASSERT(d >= 60000u && d <= 240000u);
    ch->plant.cell[ISSU_PLANT_SLOT_re_role + 1] = ISSU_role_REBOOTING;
    d = ch_cmd_duration(ch, ISSU_CMD_backup_resync);               /* boot and resync */
    CU_ASSERT(d >= 300000u && d <= 540000u);
    ch->plant.cell[ISSU_PLANT_SLOT_fpc + 2] = ISSU_fru_OFFLINE;
    d = ch_cmd_duration(ch, ISSU_CMD_issu_finish);                 /* and a cold boot */
    CU_ASSERT(d >= 150000u && d <= 330000u);
}

/* The console line of each fault and operator action: the table's, or one
 * from the spec's description for a name the table does not know. */
static void env_console_lines(void)
{
    char line[CH_ENV_TEXT_MAX];
    ch_env_text(ISSU_ENV_answer_yes, line, sizeof line);
    CU_ASSERT_STRING_EQUAL(line, "yes");
    ch_env_text(ISSU_ENV_one_fpc_unsupported, line, sizeof line);   /* not in the table */
    PT_CHECK(strncmp(line, "*** fault: ", 11) == 0 && strstr(line, ch_spec_env_doc(ISSU_ENV_one_fpc_unsupported)),
             "fallback: '%s'", line);
    for (int e = 0; e < ISSU_NENVS; e++) {
        ch_env_text(e, line, sizeof line);
        PT_CHECK(line[0] != '\0', "%s: no console line", ch_spec_env_name(e));
    }
}

int register_chassis(void)
{
    CU_pSuite s = CU_add_suite("chassis with the generated controller and plant", NULL, NULL);
    if (s == NULL)
        return -1;
    CU_add_test(s, "options and models: success (S13), D14 rejected", options_end_in_success);
    CU_add_test(s, "validation failures: REJECTED, nothing changed", validation_failures_reject);
    CU_add_test(s, "faults and operator actions: the spec's outcomes", faults_end_as_the_spec_says);
    CU_add_test(s, "VM-based ISSU: P15, faults, aborts (S28, S29)", vm_family_as_the_spec_says);
    CU_add_test(s, "VM-based ISSU: RE1 down at power-on (single_cpu)", single_cpu_at_power_on);
    CU_add_test(s, "VM-based ISSU: durations", vm_durations);
    CU_add_test(s, "ISSR: checklist, spacing, faults, aborts (S32, S36, S37)", issr_family_as_the_spec_says);
    CU_add_test(s, "M120: the FEB stage, its faults, aborts and rollback (S12, S13)", m120_family_as_the_spec_says);
    CU_add_test(s, "M120: the FEBs after the last FPC, one at a time (S6, S42)", m120_feb_stage_after_the_fpcs);
    CU_add_test(s, "routing matrices: LCC faults, aborts, switchover (S10, D41-D48)", tx_family_as_the_spec_says);
    CU_add_test(s, "routing matrices: the largest of each family by --lccs, to SUCCESS", matrices_of_every_size);
    CU_add_test(s, "routing matrices: an LCC's FPC slots, lowest-numbered first", lcc_fpc_slots);
    CU_add_test(s, "fault campaign: single faults everywhere, double faults sampled: a legal end", fault_campaign);
    CU_add_test(s, "crash campaign: a crash at every journal write, resumed: the same end", crash_campaign);
    CU_add_test(s, "ISSR: the checklist's facts in its order, the spacing", issr_facts);
    CU_add_test(s, "ISSR: durations and the image line", issr_durations);
    CU_add_test(s, "refused requests change nothing", refused_requests_counted);
    CU_add_test(s, "determinism and plausible duration", same_seed_same_run);
    CU_add_test(s, "spec names checked, stop at a state", spec_names_checked);
    CU_add_test(s, "every model of the table: upgrade --yes to SUCCESS", every_model_succeeds);
    CU_add_test(s, "the table's models are the spec's profiles", table_is_the_profiles);
    CU_add_test(s, "share of line rate kept during the switchover", gres_share_of_the_family);
    CU_add_test(s, "timing tables: family, shared, default", timing_tables);
    CU_add_test(s, "durations: the family's table and the shared rules", durations_on_a_chassis);
    CU_add_test(s, "console lines of faults and operator actions", env_console_lines);
    return 0;
}
