/* test_mx.c - the generated controller (runtime + Ragel output) on the
 * simulated MX: each option combination, each validation failure, each
 * fault and operator action of the spec at the phases where the spec lets
 * it happen, each ending in the outcome the spec promises, with every
 * monitor and runtime contract silent, no instant without a master RE, and
 * the postcondition of the outcome (S12, S13, "nothing changed") checked on
 * the plant.  Cases are command lines of `issu upgrade`, parsed by the CLI's
 * own parser. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "cli_args.h"
#include "suites.h"

typedef struct mx_case {
    const char *args;                  /* `issu upgrade` flags */
    const char *expect;                /* the spec's result_t member */
} mx_case;

static const mx_case options_cases[] = {
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
};

static const mx_case validation_cases[] = {
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
};

static const mx_case fault_cases[] = {
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

static mx_run R;                       /* large: static */
static cli_args A;

/* Run one case to its end; 0, or -1 (reported) when it cannot start. */
static int run_case(const char *args)
{
    static char buf[512];
    char *argv[40];
    int argc = 0;
    char err[MX_MSG_MAX];
    snprintf(buf, sizeof buf, "%s", args);
    for (char *w = strtok(buf, " "); w != NULL && argc < 40; w = strtok(NULL, " "))
        argv[argc++] = w;
    if (!PT_CHECK(cli_args_parse(CLI_UPGRADE, argc, argv, &A, err, sizeof err) == 0,
                  "%s: parse: %s", args, err))
        return -1;
    if (!PT_CHECK(mx_run_init(&R, &A.run, err, sizeof err) == 0, "%s: init: %s", args, err))
        return -1;
    mx_run_go(&R);
    return 0;
}

static uint32_t count(const mx_plant *p, mx_fru s)
{
    return mx_count(p, s);
}

/* Nothing changed: S14 and D1's "no changes". */
static void check_untouched(const char *args, const mx_plant *p)
{
    PT_CHECK(p->re_role[0] == MX_MASTER && p->re_inst[0] == MX_OLD && p->re_inst[1] == MX_OLD
             && p->re_ver[0] == MX_OLD && p->re_ver[1] == MX_OLD, "%s: an RE changed", args);
    PT_CHECK(count(p, MX_ONLINE_OLD) + count(p, MX_UNSUPPORTED) == p->slots, "%s: an FPC changed", args);
    for (uint32_t s = 0; s < p->slots; s++)
        PT_CHECK(sim_traffic_lost(&p->traffic, s, p->sched.now) == 0, "%s: FPC %u lost traffic", args, s);
}

/* The postcondition of each outcome, on the plant. */
static void check_post(const char *args, const char *result, const mx_plant *p)
{
    if (strcmp(result, "REJECTED") == 0) {
        check_untouched(args, p);
    } else if (strcmp(result, "ABORTED_CLEAN") == 0) {         /* S12 */
        PT_CHECK(p->re_role[0] == MX_MASTER && p->re_role[1] == MX_BACKUP && p->re_ver[1] == MX_OLD
                 && p->re_inst[1] == MX_OLD && p->re_inst[0] == MX_OLD, "%s: S12 REs", args);
        PT_CHECK(count(p, MX_ONLINE_OLD) + count(p, MX_UNSUPPORTED) == p->slots, "%s: S12 FPCs", args);
    } else if (strcmp(result, "SUCCESS") == 0) {               /* S13 */
        PT_CHECK(p->re_role[1] == MX_MASTER && p->re_ver[1] == MX_NEW
                 && count(p, MX_ONLINE_NEW) == p->slots, "%s: S13", args);
        PT_CHECK(p->re_inst[0] == (p->cfg.opt_no_old_master_upgrade ? MX_OLD : MX_NEW)
                 && p->re_ver[0] == (p->cfg.opt_reboot ? MX_NEW : MX_OLD), "%s: S13 old master", args);
        for (uint32_t s = 0; s < p->slots; s++)                 /* a dark window, or offline */
            PT_CHECK(sim_traffic_lost(&p->traffic, s, p->sched.now) >= 500
                     && (p->cfg.unsupported_pics[s] != 0 || sim_traffic_lost(&p->traffic, s, p->sched.now) <= 10000),
                     "%s: FPC %u forwarding loss", args, s);
    } else if (strcmp(result, "COMPLETED_DEGRADED") == 0) {
        PT_CHECK(p->re_role[1] == MX_MASTER && p->re_ver[1] == MX_NEW && p->switchovers == 1, "%s: degraded", args);
    } else {
        PT_CHECK(p->re_role[0] == MX_MASTER && p->switchovers == 0, "%s: aborted degraded", args);
    }
}

static void check_cases(const mx_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (run_case(c[i].args) != 0)
            continue;
        const mx_plant *p = &R.plant;
        PT_CHECK(R.end == MX_END_DONE, "%s: the run did not end in IDLE (end %d)", c[i].args, (int)R.end);
        PT_CHECK(strcmp(mx_run_result(&R), c[i].expect) == 0, "%s: outcome %s, expected %s",
                 c[i].args, mx_run_result(&R), c[i].expect);
        PT_CHECK(R.monitor_violations + R.contract_violations == 0, "%s: %s", c[i].args, R.first_violation);
        PT_CHECK(sim_traffic_cp_outage(&p->traffic, p->sched.now) == 0 && p->traffic.master,
                 "%s: control-plane outage", c[i].args);
        PT_CHECK(p->sched_overflow == 0, "%s: scheduler overflow", c[i].args);
        for (uint32_t f = 0; f < p->faults.n; f++)
            PT_CHECK(p->faults.f[f].fired || (int)f == R.yes_fault, "%s: '%s' never happened",
                     c[i].args, p->faults.f[f].text);
        check_post(c[i].args, c[i].expect, p);
    }
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

static void refused_requests_counted(void)
{
    if (run_case("--platform mx480 --fault user_gres@FRU_WARM_BOOT --fault start@FRU_WARM_BOOT") == 0)
        PT_CHECK(R.rejected == 2 && R.plant.switchovers == 1, "refused %u, switchovers %d",
                 R.rejected, (int)R.plant.switchovers);
}

static void same_seed_same_run(void)
{
    sim_ms d[3];
    const char *args[3] = { "--platform mx480 --seed 5", "--platform mx480 --seed 5", "--platform mx480 --seed 6" };
    for (int i = 0; i < 3; i++) {
        if (run_case(args[i]) != 0)
            return;
        d[i] = R.plant.sched.now;
    }
    CU_ASSERT_EQUAL(d[0], d[1]);
    CU_ASSERT_NOT_EQUAL(d[0], d[2]);
    /* DOMAIN 3.2 / 7: an MX480 upgrade takes about 40 minutes */
    PT_CHECK(d[0] > 25u * 60000u && d[0] < 60u * 60000u, "MX480 took %llu ms", (unsigned long long)d[0]);
}

static void spec_names_checked(void)
{
    char err[MX_MSG_MAX] = "";
    mx_run_opts o;
    memset(&o, 0, sizeof o);
    mx_config_default(&o.cfg);
    o.faults[0] = "fru_warm_boot.explode";
    o.nfaults = 1;
    CU_ASSERT_EQUAL(mx_run_init(&R, &o, err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "no outcome 'explode'"));
    o.nfaults = 0;
    o.stop_at = "NOWHERE";
    CU_ASSERT_EQUAL(mx_run_init(&R, &o, err, sizeof err), -1);
    o.stop_at = "FRU_WARM_BOOT";
    CU_ASSERT_EQUAL(mx_run_init(&R, &o, err, sizeof err), 0);
    CU_ASSERT_EQUAL(mx_run_go(&R), MX_END_STOPPED);
    CU_ASSERT_EQUAL(count(&R.plant, MX_WARM_BOOTING), 1);       /* S6 */
    CU_ASSERT_EQUAL(R.plant.fpc[0], MX_WARM_BOOTING);           /* lowest slot first */
}

int register_mx(void)
{
    CU_pSuite s = CU_add_suite("mx with the generated controller", NULL, NULL);
    if (s == NULL)
        return -1;
    CU_add_test(s, "options and models: success (S13), D14 rejected", options_end_in_success);
    CU_add_test(s, "validation failures: REJECTED, nothing changed", validation_failures_reject);
    CU_add_test(s, "faults and operator actions: the spec's outcomes", faults_end_as_the_spec_says);
    CU_add_test(s, "refused requests change nothing", refused_requests_counted);
    CU_add_test(s, "determinism and plausible duration", same_seed_same_run);
    CU_add_test(s, "spec names checked, stop at a state", spec_names_checked);
    return 0;
}
