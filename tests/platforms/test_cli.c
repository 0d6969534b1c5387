/* test_cli.c - the issu CLI as a user runs it ($ISSU_CLI, the sanitizer
 * build): bad flags, unknown platforms, a package without its trusted key,
 * a request the model does not take give a message and exit status 2 and
 * run nothing (signed packages: test_package.c); the help pages;
 * validate, status and trace output; the console of VM-based ISSU, of
 * ISSR (reboot-in-service, its prompt answered from standard input; a trace
 * file already there is left as it was by a request that runs nothing) and
 * of a routing matrix (each LCC's lines behind its chassis and RE). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "cli_run.h"
#include "suites.h"

static char dir[64];

static int setup(void)
{
    return pt_tmpdir(dir, sizeof dir, "cli");
}

static int cleanup(void)
{
    return pt_rmdir(dir);
}

/* $ISSU_CLI with the words of args, input on its standard input. */
static int cli_input(const char *args, const char *input)
{
    return pt_cli(dir, args, input);
}

static int cli(const char *args)
{
    return pt_cli(dir, args, NULL);
}

static void write_file(const char *name, const char *text, char *path, size_t len)
{
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}

static void bad_input_exit_2(void)
{
    static const struct { const char *args, *msg; } bad[] = {
        { "", "usage: issu" },
        { "frobnicate", "unknown command 'frobnicate'" },
        { "upgrade", "--platform is required" },
        { "upgrade --platform mx999", "unknown platform 'mx999'" },
        { "upgrade --platform mx480 --frob", "unknown option '--frob'" },
        { "upgrade --platform mx480 --seed abc", "--seed" },
        { "upgrade --platform mx480 --seed", "needs a value" },
        { "upgrade --platform mx480 --reboot=yes", "takes no value" },
        { "upgrade --platform mx480 --fault meteor_strike", "no fault, operator action or command 'meteor_strike'" },
        { "upgrade --platform mx480 --fault fru_warm_boot.fail@NOWHERE", "not a state" },
        { "upgrade --platform mx480 --config no-coffee", "unknown setting 'no-coffee'" },
        { "upgrade --platform mx240 --unsupported-fpc 7", "slots 0..2" },
        { "upgrade --platform mx480 --unsupported-pic 9", "expected FPC/PIC" },
        { "upgrade --platform qfx5100 --unsupported-fpc 0", "the QFX5100 has no FPC slots" },
        { "upgrade --platform mx480 --target 24.x", "bad release" },
        { "upgrade --platform mx480 --package /nonexistent/pkg.tgz", "--package needs --trust PUB.pem" },
        { "upgrade --platform mx480 --package /tmp --trust /nonexistent/pub.pem", "cannot read trusted key" },
        { "upgrade --platform mx480 --trust /nonexistent/pub.pem", "--trust is the key of a --package" },
        { "upgrade --platform mx480 --trace /nonexistent/dir/t.json", "cannot write trace" },
        { "upgrade --platform mx480 stray", "unexpected argument 'stray'" },
        { "validate --platform mx480 --at IDLE", "unknown option '--at'" },
        { "help nothing", "no manual for 'nothing'" },
        { "platforms extra", "unexpected argument" },
        { "replay", "which trace?" },
        { "replay --frob t.json", "unknown option '--frob'" },
        { "replay --platform mx999 t.json", "unknown platform 'mx999'" },
        { "replay /nonexistent/t.json", "cannot open" },
        /* each model takes its own request: ISSR (same_version) or unified ISSU */
        { "upgrade --platform jcp --yes", "use issu reboot-in-service --platform jcp" },
        { "validate --platform jcp", "use issu reboot-in-service --platform jcp" },
        { "reboot-in-service --platform mx480 --yes", "use issu upgrade --platform mx480" },
        { "reboot-in-service --platform qfx5100 --yes", "use issu upgrade --platform qfx5100" },
        { "reboot-in-service", "--platform is required" },
        { "reboot-in-service --platform jcp --yes --package p.tgz", "--package does not apply to ISSR" },
        { "reboot-in-service --platform jcp --yes --trust p.pem", "--trust does not apply to ISSR" },
        { "reboot-in-service --platform jcp --yes --target 24.2R1.17", "--target does not apply to ISSR" },
        { "reboot-in-service --platform jcp --yes --reboot", "--reboot does not apply to ISSR" },
        { "reboot-in-service --platform jcp --yes --no-old-master-upgrade", "--no-old-master-upgrade does not apply" },
        { "reboot-in-service --platform jcp --yes --unsupported-fpc 0", "--unsupported-fpc does not apply" },
        { "status --platform jcp --reboot", "--reboot does not apply to ISSR" },
        { "upgrade --platform mx480 --last-issr 60", "--last-issr does not apply to ISSU" },
        { "reboot-in-service --platform jcp --last-issr soon", "--last-issr: expected the seconds" },
        { "reboot-in-service --platform jcp --config vc-frobbed", "see issu help reboot-in-service" },
        { "reboot-in-service --platform jcp --at IDLE", "unknown option '--at'" },
        /* a routing matrix: its family and size (--lccs); one orchestrator per chassis: no journal */
        { "upgrade --platform txp --yes", "is a family of routing matrices: give --lccs N" },
        { "upgrade --platform txp --lccs 9", "--lccs: the txp family has 1" },
        { "upgrade --platform txmatrix --lccs one", "line-card chassis, not 'one'" },
        { "upgrade --platform txm --lccs 1", "unknown platform 'txm'" },
        { "upgrade --platform mx480 --lccs 1", "--lccs: the MX480 is not a routing matrix" },
        { "upgrade --platform txm1 --lccs 2", "the TX Matrix (1 LCC) has 1 line-card chassis" },
        { "upgrade --platform txp1 --yes --journal j --crash-after 3", "--journal: the TX Matrix Plus (1 LCC) runs 2" },
        { "upgrade --platform txp1 --unsupported-fpc 0", "has no FPC slots" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = cli(bad[i].args);
        PT_CHECK(rc == 2, "issu %s: exit %d, expected 2", bad[i].args, rc);
        PT_CHECK(strstr(pt_err, bad[i].msg) != NULL, "issu %s: stderr '%s' lacks '%s'",
                 bad[i].args, pt_err, bad[i].msg);
        PT_CHECK(strstr(pt_out, "ISSU:") == NULL, "issu %s: something ran", bad[i].args);
    }
}

static void help_pages(void)
{
    PT_CHECK(cli("--help") == 0 && strstr(pt_out, "usage: issu"), "--help");
    PT_CHECK(cli("help upgrade") == 0 && strstr(pt_out, "SYNOPSIS") && strstr(pt_out, "--no-old-master-upgrade"),
             "help upgrade");
    PT_CHECK(cli("upgrade --help") == 0 && strstr(pt_out, "issu upgrade - "), "upgrade --help");
    PT_CHECK(cli("help faults") == 0 && strstr(pt_out, "t=DURATION"), "help faults");
    PT_CHECK(cli("status --help") == 0 && strstr(pt_out, "--at STATE"), "status --help");
    PT_CHECK(cli("platforms") == 0 && strstr(pt_out, "mx480") && strstr(pt_out, "mx960")
             && strstr(pt_out, "family t - ") && strstr(pt_out, "t1600") && strstr(pt_out, "9.1")
             && !strstr(pt_out, "not simulated") && strstr(pt_out, "family vm - ")
             && strstr(pt_out, "qfx5100") && strstr(pt_out, "ex4600") && strstr(pt_out, "acx5000")
             && strstr(pt_out, "13.2") && strstr(pt_out, "15.1"), "platforms: %s", pt_out);
    PT_CHECK(cli("help upgrade") == 0 && strstr(pt_out, "lacp-fast") && strstr(pt_out, "no-nsb"),
             "help upgrade: P15 settings");
    PT_CHECK(cli("--help") == 0 && strstr(pt_out, "reboot-in-service"), "overview: %s", pt_out);
    PT_CHECK(cli("help reboot-in-service") == 0 && strstr(pt_out, "issu reboot-in-service - ")
             && strstr(pt_out, "--last-issr S") && strstr(pt_out, "vc-multi-node")
             && strstr(pt_out, "Reboot the system ? [yes,no]") && strstr(pt_out, "--fault SPEC")
             && !strstr(pt_out, "--unsupported-fpc N"), "help reboot-in-service: %s", pt_out);
    PT_CHECK(cli("reboot-in-service --help") == 0 && strstr(pt_out, "issu reboot-in-service - "),
             "reboot-in-service --help");
    /* the spec's names: every fault and operator action, ISSR's too */
    PT_CHECK(cli("help faults") == 0 && strstr(pt_out, "backup_crash") && strstr(pt_out, "gres_lost")
             && strstr(pt_out, "reboot_in_service") && strstr(pt_out, "answer_no")
             && strstr(pt_out, "fpc_warm_restart") && strstr(pt_out, "issr_done"), "help faults: %s", pt_out);
    PT_CHECK(cli("platforms") == 0 && strstr(pt_out, "family issr - ") && strstr(pt_out, "jcp")
             && strstr(pt_out, "18.1") && strstr(pt_out, "issu reboot-in-service")
             && strstr(pt_out, "issu upgrade"), "platforms: %s", pt_out);
}

static void subcommands(void)
{
    char cmd[256];
    PT_CHECK(cli("validate --platform mx480 --unsupported-fpc 2") == 0 && strstr(pt_out, "passed")
             && strstr(pt_out, "FPC 2 would be offlined") && !strstr(pt_out, "Preparing Backup RE"),
             "validate: %s", pt_out);
    PT_CHECK(cli("validate --platform mx480 --config no-nsr") == 1 && strstr(pt_out, "nonstop-routing"),
             "validate no-nsr: %s", pt_out);
    PT_CHECK(cli("status --platform mx480 --at FRU_WARM_BOOT") == 0 && strstr(pt_out, "Warm booting")
             && strstr(pt_out, "ISSU state FRU_WARM_BOOT"), "status --at: %s", pt_out);
    PT_CHECK(cli("upgrade --platform mx480") == 0 && strstr(pt_out, "[00:00:00.000] ISSU: Validating Image")
             && strstr(pt_out, "ISSU: IDLE") && strstr(pt_out, "control-plane outage:  0 ms"),
             "upgrade: %s", pt_out);
    PT_CHECK(cli("upgrade --platform mx480 --unsupported-fpc 1") == 1 && strstr(pt_out, "REJECTED")
             && strstr(pt_out, "[yes,no] (no)"), "prompt without --yes: %s", pt_out);
    snprintf(cmd, sizeof cmd, "upgrade --platform mx240 --quiet --trace %s/t.json", dir);
    PT_CHECK(cli(cmd) == 0, "trace run");
    char path[128];
    snprintf(path, sizeof path, "%s/t.json", dir);
    pt_slurp(path, pt_out);
    PT_CHECK(pt_out[0] == '{' && strstr(pt_out, "\"to\":\"VALIDATING\"") != NULL, "trace: %.200s", pt_out);
    PT_CHECK(cli("upgrade --platform t640 --yes") == 0 && strstr(pt_out, "== ISSU summary: T640")
             && strstr(pt_out, "jinstall-24.2R1.17-domestic-signed.tgz")
             && strstr(pt_out, "kept 75% of line rate per PFE during the switchover")
             && strstr(pt_out, "monitors:              silent"), "t640: %s", pt_out);
    PT_CHECK(cli("upgrade --platform mx480 --quiet") == 0 && !strstr(pt_out, "of line rate"), "mx480: %s", pt_out);
    PT_CHECK(cli("upgrade --platform mx480 --fault fru_warm_boot.fail@2 --quiet") == 1
             && strstr(pt_out, "COMPLETED_DEGRADED") && strstr(pt_out, "still down"), "degraded: %s", pt_out);
}

/* The lines of `lines`, in this order, in pt_out. */
static int in_order(const char *const *lines, size_t n, const char **missing)
{
    const char *at = pt_out;
    for (size_t i = 0; i < n; i++) {
        const char *hit = strstr(at, lines[i]);
        if (hit == NULL) {
            *missing = lines[i];
            return 0;
        }
        at = hit + strlen(lines[i]);
    }
    return 1;
}

/* VM-based ISSU (families/vm.fsm): the console of each step, a summary
 * without FPCs, P15 settings rejected with nothing changed, status and
 * validate. */
static void vm_family(void)
{
    static const char *const steps[] = {
        "ISSU: Validating Image", "Spawning the backup RE", "Spawn backup RE, index 1 successful",
        "GRES operational", "device_handoff successful ret: 0", "ISSU: RE switchover Done",
        "Shutdown NOW!", "System going down IMMEDIATELY", "ISSU: IDLE", "outcome:               SUCCESS",
    };
    static const char *const p15[] = { "no-nsb", "gr-enabled", "drop-all-tcp", "lacp-fast" };
    const char *missing = "";
    char cmd[128];
    PT_CHECK(cli("upgrade --platform qfx5100 --yes") == 0 && in_order(steps, sizeof steps / sizeof steps[0], &missing)
             && strstr(pt_out, "jinstall-host-24.2R1.17-signed.tgz")
             && strstr(pt_out, "re0  down       running 23.4R1.9")
             && strstr(pt_out, "re1  master     running 24.2R1.17    installed 24.2R1.17")
             && strstr(pt_out, "no FRU is reset on this chassis") && !strstr(pt_out, "slot  state")
             && strstr(pt_out, "monitors:              silent"), "qfx5100: '%s' in %s", missing, pt_out);
    for (size_t i = 0; i < sizeof p15 / sizeof p15[0]; i++) {
        snprintf(cmd, sizeof cmd, "upgrade --platform qfx5100 --config %s", p15[i]);
        PT_CHECK(cli(cmd) == 1 && strstr(pt_out, "] error: ") && strstr(pt_out, "outcome:               REJECTED")
                 && !strstr(pt_out, "Spawning") && strstr(pt_out, "RE switchovers:        0")
                 && strstr(pt_out, "re0  master     running 23.4R1.9     installed 23.4R1.9")
                 && strstr(pt_out, "re1  down       running 23.4R1.9     installed 23.4R1.9"),
                 "--config %s: %s", p15[i], pt_out);
    }
    PT_CHECK(cli("upgrade --platform mx480 --config no-nsb,gr-enabled,drop-all-tcp,lacp-fast --quiet") == 0,
             "P15 settings on mx480 (the spec does not check them there): %s", pt_out);
    PT_CHECK(cli("upgrade --platform ex4600 --fault spawn_backup.fail --quiet") == 1
             && strstr(pt_out, "ABORTED_CLEAN") && strstr(pt_out, "monitors:              silent"),
             "spawn failure: %s", pt_out);
    PT_CHECK(cli("status --platform acx5000 --at DEVICE_HANDOFF") == 0 && strstr(pt_out, "ISSU state DEVICE_HANDOFF")
             && !strstr(pt_out, "Item ") && strstr(pt_out, "re1  backup     running 24.2R1.17"),
             "status: %s", pt_out);
    PT_CHECK(cli("validate --platform qfx5100") == 0 && strstr(pt_out, "passed"), "validate: %s", pt_out);
    PT_CHECK(cli("validate --platform qfx5100 --config lacp-fast") == 1 && strstr(pt_out, "LACP"),
             "validate lacp-fast: %s", pt_out);
}

/* A routing matrix (families/tx.fsm) named by family and size: the global
 * master's lines as on one chassis, each LCC's behind its chassis and the
 * RE that is its master (re1 once it switched); the summary with both REs
 * of every chassis, each LCC's FPC slots and the share of line rate kept
 * during GRES; an LCC's fault and a refused request named on the console;
 * status, validate, platforms and the help. */
static void matrix_console(void)
{
    static const char *const steps[] = {
        "user@re0> request system software in-service-upgrade /var/tmp/jinstall-24.2R1.17-domestic-signed.tgz",
        "] ISSU: Upgrading LCC Backup REs", "] lcc0-re0: ISSU: Upgrading Backup RE", "] lcc0-re0: GRES operational",
        "] ISSU: Starting Upgrade for LCCs", "] lcc0-re0: ISSU: FPC Warm Booting", "] ISSU: RE switchover Done",
        "] lcc0-re0: Resolving mastership...", "] lcc0-re1: Complete. The other routing engine becomes the master.",
        "] ISSU: IDLE", "== ISSU summary: TX Matrix Plus (1 LCC) (simulated)", "outcome:               SUCCESS",
        "kept 75% of line rate per PFE during the switchover", "monitors:              silent",
        "  re1  master     running 24.2R1.17    installed 24.2R1.17", "  lcc0-re0  backup     running 23.4R1.9",
        "  lcc0-re1  master     running 24.2R1.17", "lcc0 (T1600) FPCs:", "  7     ONLINE_NEW    24.2R1.17 ",
    };
    const char *missing = "";
    PT_CHECK(cli("upgrade --platform txp --lccs 1 --yes") == 0 && in_order(steps, sizeof steps / sizeof steps[0], &missing),
             "txp: '%s' in %s", missing, pt_out);
    PT_CHECK(cli("upgrade --platform txmatrix --lccs 1 --yes --fault lcc_backup_crash@LCC_FRUS") == 1
             && strstr(pt_out, "] lcc0-re0: *** fault: the backup Routing Engine (re1) crashed")
             && strstr(pt_out, "] ISSU: LCC failed, aborting") && strstr(pt_out, "outcome:               ABORTED_CLEAN")
             && strstr(pt_out, "lcc0 (T640) FPCs:") && strstr(pt_out, "monitors:              silent"),
             "LCC crash: %s", pt_out);
    PT_CHECK(cli("upgrade --platform txm1 --yes --fault lcc_user_gres@LCC_FRUS") == 0
             && strstr(pt_out, "] lcc0-re0: user (another session)> request chassis routing-engine master switch")
             && strstr(pt_out, "] lcc0-re0: (refused by the ISSU controller)")
             && strstr(pt_out, "requests refused:      1"), "LCC GRES refused: %s", pt_out);
    PT_CHECK(cli("upgrade --platform txm1 --yes --quiet --fault lcc_fru_warm_boot.fail@2") == 1
             && strstr(pt_out, "COMPLETED_DEGRADED") && strstr(pt_out, "  1     FAILED        (down)")
             && strstr(pt_out, "still down"), "LCC FPC failed: %s", pt_out);
    PT_CHECK(cli("status --platform txp1 --at LCC_FRUS") == 0 && strstr(pt_out, "ISSU state LCC_FRUS")
             && strstr(pt_out, "lcc0 FPC 7 Online") && strstr(pt_out, "lcc0-re1  backup     running 24.2R1.17"),
             "status: %s", pt_out);
    PT_CHECK(cli("validate --platform txp --lccs 1") == 0 && strstr(pt_out, "passed"), "validate: %s", pt_out);
    PT_CHECK(cli("platforms") == 0 && strstr(pt_out, "family txp - ") && strstr(pt_out, "family txmatrix - ")
             && strstr(pt_out, " LCCs ") && strstr(pt_out, "txm1"), "platforms: %s", pt_out);
    PT_CHECK(cli("help upgrade") == 0 && strstr(pt_out, "--lccs N") && strstr(pt_out, "--journal is"),
             "help upgrade: %s", pt_out);
}

/* The virtual time of the console line that contains `text` (the first
 * one at or after `from`), in ms; -1 if none.  A line reads
 * "[HH:MM:SS.mmm] text". */
static long line_ms(const char *from, const char *text)
{
    const char *hit = strstr(from, text);
    if (hit == NULL)
        return -1;
    while (hit > pt_out && hit[-1] != '\n')
        hit--;
    unsigned h, m, s, ms;
    if (sscanf(hit, "[%u:%u:%u.%u]", &h, &m, &s, &ms) != 4)
        return -1;
    return (long)(((h * 60u + m) * 60u + s) * 1000u + ms);
}

/* ISSR (families/issr.fsm): the operator's line and prompt, the console of
 * the documented sample in its order (DOMAIN 3.5) with the image line the
 * chassis prints, its virtual duration, a summary on the running release. */
static void issr_console(void)
{
    static const char *const steps[] = {
        "user@switch> request system reboot in-service", "Reboot the system ? [yes,no] yes",
        "] ISSU: Validating Image", "] PRE ISSR CHECK:", "] PFE Status : Online", "] Ready for ISSR : Valid",
        "] warning: Do NOT use /user during ISSR",
        "] Current image is jinstall-jcp-i386-flex-23.4R1.9.img", "] ISSU: Preparing Backup RE",
        "] Spawning the backup RE", "] Starting secondary dataplane", "] Copying home directories",
        "] Chassis ISSU Started", "] ISSU: FPC Warm Booting", "] ISSU: FPC Warm Booted",
        "] Send ISSR done to chassisd on backup RE", "] ISSU: IDLE", "] device_handoff successful",
        "] System going down IMMEDIATELY", "] ISSU: IDLE",
        "== ISSR summary: ISSR switch (jcp) (simulated), 23.4R1.9, the running release",
        "outcome:               SUCCESS", "control-plane outage:  0 ms", "RE switchovers:        1",
        "monitors:              silent", "re0  down       running 23.4R1.9     installed 23.4R1.9",
        "re1  master     running 23.4R1.9     installed 23.4R1.9", "0     ONLINE_OLD    23.4R1.9",
        "(1 outage)",
    };
    const char *missing = "";
    for (int seed = 1; seed <= 3; seed++) {
        char cmd[96];
        snprintf(cmd, sizeof cmd, "reboot-in-service --platform jcp --yes --seed %d", seed);
        int rc = cli(cmd);
        long boot = line_ms(pt_out, "ISSU: FPC Warm Booting"), booted = line_ms(pt_out, "ISSU: FPC Warm Booted");
        long end = line_ms(pt_out, "System going down IMMEDIATELY");
        PT_CHECK(rc == 0 && in_order(steps, sizeof steps / sizeof steps[0], &missing)
                 && !strstr(pt_out, "in-service-upgrade /var/tmp"), "%s: '%s' in %s", cmd, missing, pt_out);
        PT_CHECK(boot >= 0 && booted - boot >= 45000 && booted - boot <= 75000, "%s: warm boot %ld ms", cmd,
                 booted - boot);
        PT_CHECK(end >= 6L * 60000 && end <= 9L * 60000, "%s: %ld ms", cmd, end);
    }
    PT_CHECK(cli("status --platform jcp --at ISSR_WARM_BOOT") == 0 && strstr(pt_out, "ISSU state ISSR_WARM_BOOT")
             && strstr(pt_out, "FPC 0      Online    (booting)     Warm booting")
             && strstr(pt_out, "re1  backup     running 23.4R1.9"), "status: %s", pt_out);
}

/* D32, D33: the checklist stops at the first item that fails, in its order,
 * and rejects with nothing changed. */
static void issr_checklist(void)
{
    static const struct { const char *args, *item; } cases[] = {
        { "--config pfe-offline", "PFE Status : Not online" },
        { "--config member-id-nonzero", "Member Id zero : Invalid" },
        { "--config vc-mixed", "VC not in mixed or fabric mode : Invalid" },
        { "--config vc-multi-node", "Member is single node vc : Invalid" },
        { "--config bfd-interval-low", "BFD minimum-interval check done : Invalid" },
        { "--config no-gres", "GRES enabled : Invalid" },
        { "--config no-nsr", "NSR enabled : Invalid" },
        { "--config drop-all-tcp", "drop-all-tcp not configured : Invalid" },
        { "--last-issr 60", "Ready for ISSR : Invalid" },
        { "--config bfd-interval-low,vc-mixed,drop-all-tcp", "VC not in mixed or fabric mode : Invalid" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char cmd[160];
        snprintf(cmd, sizeof cmd, "reboot-in-service --platform jcp --yes %s", cases[i].args);
        PT_CHECK(cli(cmd) == 1 && strstr(pt_out, cases[i].item) && strstr(pt_out, "] error: ")
                 && strstr(pt_out, "outcome:               REJECTED") && !strstr(pt_out, "Current image")
                 && !strstr(pt_out, "Spawning") && strstr(pt_out, "virtual duration:      0 ms")
                 && strstr(pt_out, "re0  master     running 23.4R1.9")
                 && strstr(pt_out, "re1  down       running 23.4R1.9")
                 && strstr(pt_out, "0     ONLINE_OLD    23.4R1.9      0 ms"), "%s: %s", cmd, pt_out);
    }
    PT_CHECK(cli("reboot-in-service --platform jcp --yes --last-issr 300 --quiet") == 0
             && strstr(pt_out, "SUCCESS"), "five minutes after: %s", pt_out);
    PT_CHECK(cli("reboot-in-service --platform jcp --yes --config no-nsr,gr-enabled --quiet") == 0,
             "NSR or GR: %s", pt_out);
}

/* `Reboot the system ? [yes,no]`: only "yes" on standard input runs the
 * ISSR; no, anything else and no input do nothing (exit 1, no trace). */
static void issr_prompt(void)
{
    static const char *const no[] = { "no\n", "", "y\n", "yes please\n", "YES\n" };
    char cmd[192], path[128];
    snprintf(path, sizeof path, "%s/issr.jsonl", dir);
    snprintf(cmd, sizeof cmd, "reboot-in-service --platform jcp --trace %s", path);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        (void)remove(path);
        PT_CHECK(cli_input(cmd, no[i]) == 1 && strstr(pt_out, "Reboot the system ? [yes,no]")
                 && strstr(pt_out, "nothing was done") && !strstr(pt_out, "ISSU:")
                 && !strstr(pt_out, "summary") && access(path, F_OK) != 0, "answer '%s': %s", no[i], pt_out);
    }
    PT_CHECK(cli_input(cmd, "yes\n") == 0 && strstr(pt_out, "outcome:               SUCCESS")
             && access(path, F_OK) == 0, "answer yes: %s", pt_out);
    /* a trace already there survives a request that runs nothing: the
     * answer no, and a fault the spec does not have (refused at setup) */
    FILE *f = fopen(path, "w");
    if (PT_CHECK(f != NULL, "cannot write %s", path)) {
        fputs("kept\n", f);
        fclose(f);
    }
    char tmp[160], text[16] = "";
    snprintf(tmp, sizeof tmp, "%s.part", path);
    PT_CHECK(cli_input(cmd, "no\n") == 1, "answer no: %s", pt_out);
    snprintf(cmd, sizeof cmd, "upgrade --platform mx240 --fault explode --trace %s", path);
    PT_CHECK(cli(cmd) == 2, "%s: %s", cmd, pt_out);
    f = fopen(path, "r");
    PT_CHECK(f != NULL && fgets(text, sizeof text, f) != NULL && strcmp(text, "kept\n") == 0
             && access(tmp, F_OK) != 0, "the trace file already there was changed: '%s'", text);
    if (f != NULL)
        fclose(f);
}

/* Faults of an ISSR end as the spec decides, with the monitors silent. */
static void issr_faults(void)
{
    static const struct { const char *fault, *outcome, *also; } cases[] = {
        { "backup_crash@COPY_HOMES", "ABORTED_CLEAN", "re1  down" },
        { "backup_crash@ISSR_WARM_BOOT", "ABORTED_CLEAN", "re0  master" },
        { "abort@ISSR_FRU_PREPARE", "ABORTED_CLEAN", "0     ONLINE_OLD" },
        { "abort@STOP_DATAPLANE", "SUCCESS", "requests refused:      1" },
        { "fpc_warm_restart.fail", "COMPLETED_DEGRADED", "still down" },
        { "start_dataplane.fail", "ABORTED_CLEAN", "re1  down" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char cmd[160];
        snprintf(cmd, sizeof cmd, "reboot-in-service --platform jcp --yes --quiet --fault %s", cases[i].fault);
        int rc = cli(cmd);
        PT_CHECK(rc == (strcmp(cases[i].outcome, "SUCCESS") == 0 ? 0 : 1) && strstr(pt_out, cases[i].outcome)
                 && strstr(pt_out, cases[i].also) && strstr(pt_out, "monitors:              silent")
                 && strstr(pt_out, "happened at") && !strstr(pt_out, "never happened"), "%s: %s", cmd, pt_out);
    }
}

/* The id of the transition the C takes for D14's rejection on mx240, read
 * from its own trace: the generated table numbers the transitions, and the
 * checks of other families that the spec puts before it move it. -1 if
 * the trace has none. */
static int d14_trans(void)
{
    char cmd[256], path[128];
    int id;
    snprintf(path, sizeof path, "%s/d14.jsonl", dir);
    snprintf(cmd, sizeof cmd, "upgrade --platform mx240 --reboot --no-old-master-upgrade --quiet --trace %s", path);
    if (cli(cmd) != 1)
        return -1;
    pt_slurp(path, pt_out);
    const char *at = strstr(pt_out, "\"trans\":");
    return at != NULL && sscanf(at, "\"trans\":%d", &id) == 1 ? id : -1;
}

/* issu replay: a model trace whose steps the C takes, one it does not, and
 * malformed ones (exit 2, the line named).  The trace is one run of the
 * model of mx240: both options set, so the request is rejected (D14), by
 * the controller's transition d14_trans(). */
static void replay(void)
{
    static const char initial[] =
        "{\"seq\":0,\"initial\":{\"profile\":\"mx240\",\"options\":{\"reboot\":\"true\","
        "\"no_old_master_upgrade\":\"true\"},\"plant\":{\"re_role[0]\":\"MASTER\",\"re_role[1]\":\"BACKUP\","
        "\"gres_ready\":\"true\",\"nsr_synced\":\"true\",\"gres_configured\":\"true\",\"nsr_configured\":\"true\","
        "\"versions_match\":\"true\",\"target_newer\":\"true\",\"within_3_releases\":\"true\","
        "\"no_sdk_packages\":\"true\",\"disk_space\":\"true\",\"config_supported\":\"true\"}}}\n"
        "{\"seq\":1,\"time\":null,\"world\":\"operator\",\"event\":\"start\",\"instance\":0,"
        "\"changes\":{\"start_typed\":\"true\"}}\n";
    static const char step[] =
        "{\"seq\":2,\"time\":null,\"machine\":\"issu\",\"instance\":0,\"trans\":%d,\"from\":\"IDLE\","
        "\"event\":\"start\",\"to\":\"%s\",\"actions\":[{\"console\":\"error: options 'reboot' and "
        "'no-old-master-upgrade' cannot be used together\"},{\"assign\":\"result\",\"value\":\"REJECTED\"}]}\n";
    char text[2048], path[128], cmd[256];
    int trans = d14_trans();
    if (!PT_CHECK(trans >= 0, "no D14 transition in the C's trace: %s", pt_out))
        return;
    snprintf(text, sizeof text, "%s", initial);
    snprintf(text + strlen(text), sizeof text - strlen(text), step, trans, "IDLE");
    write_file("good.jsonl", text, path, sizeof path);
    snprintf(cmd, sizeof cmd, "replay %s", path);
    PT_CHECK(cli(cmd) == 0 && strstr(pt_out, "error: options 'reboot' and 'no-old-master-upgrade'")
             && strstr(pt_out, "1 controller steps and 1 world steps"), "replay: %s %s", pt_out, pt_err);
    snprintf(text, sizeof text, "%s", initial);
    snprintf(text + strlen(text), sizeof text - strlen(text), step, trans, "VALIDATING");
    write_file("differs.jsonl", text, path, sizeof path);
    snprintf(cmd, sizeof cmd, "replay %s", path);
    PT_CHECK(cli(cmd) == 1 && strstr(pt_err, "differs.jsonl:3: error: the trace says")
             && strstr(pt_err, "but the C does"), "a step the C does not take: %s", pt_err);
    /* a plant that breaks S1 (two masters): every step agrees, the monitor fires */
    char *two;
    snprintf(text, sizeof text, "%s", initial);
    snprintf(text + strlen(text), sizeof text - strlen(text), step, trans, "IDLE");
    two = strstr(text, "\"re_role[1]\":\"BACKUP\"");
    if (two != NULL)
        memcpy(two + strlen("\"re_role[1]\":\""), "MASTER", 6);
    write_file("s1.jsonl", text, path, sizeof path);
    snprintf(cmd, sizeof cmd, "replay %s", path);
    PT_CHECK(two != NULL && cli(cmd) == 3 && strstr(pt_out, "monitor S1 violated (line 3)")
             && strstr(pt_err, "its monitors report"), "a monitor: %s %s", pt_out, pt_err);
    write_file("garbage.jsonl", "not json\n", path, sizeof path);
    snprintf(cmd, sizeof cmd, "replay --platform mx240 %s", path);
    PT_CHECK(cli(cmd) == 2 && strstr(pt_err, "garbage.jsonl:1: error: not a line of a trace"),
             "garbage: %s", pt_err);
    write_file("cell.jsonl", "{\"seq\":0,\"initial\":{\"profile\":\"mx240\",\"plant\":{\"warp\":\"9\"}}}\n",
               path, sizeof path);
    snprintf(cmd, sizeof cmd, "replay %s", path);
    PT_CHECK(cli(cmd) == 2 && strstr(pt_err, "unknown plant cell 'warp'"), "bad cell: %s", pt_err);
    /* a trace file that cannot be written is not a record of the run (issue 15) */
    PT_CHECK(cli("upgrade --platform mx240 --yes --quiet --trace /dev/full") == 3
             && strstr(pt_err, "error writing trace file '/dev/full'"), "/dev/full: %s", pt_err);
    /* an empty trace agrees with nothing (issue 15) */
    write_file("empty.jsonl", "", path, sizeof path);
    snprintf(cmd, sizeof cmd, "replay --platform mx240 %s", path);
    PT_CHECK(cli(cmd) == 2 && strstr(pt_err, "empty.jsonl: error: the trace is empty"), "empty: %s", pt_err);
}

/* The bytes of a file (at most PT_OUT_MAX) into buf; how many. */
static size_t file_bytes(const char *path, char *buf)
{
    FILE *f = fopen(path, "rb");
    size_t n = f != NULL ? fread(buf, 1, PT_OUT_MAX, f) : 0;
    if (f != NULL)
        fclose(f);
    return n;
}

/* issu upgrade --journal --crash-after, then issu resume: the run ends as
 * it would have; a bad request or file is refused and changes nothing. */
static void crash_and_resume(void)
{
    char cmd[512], jf[96], before[PT_OUT_MAX];
    snprintf(jf, sizeof jf, "%s/journal", dir);
    static const char *const points[] = { "1", "9", "9 --torn-write" };
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        remove(jf);
        snprintf(cmd, sizeof cmd, "upgrade --platform mx480 --yes --journal %s --crash-after %s", jf, points[i]);
        PT_CHECK(cli(cmd) == 4 && strstr(pt_out, "issu resume --journal"), "%s: %s", cmd, pt_out);
        snprintf(cmd, sizeof cmd, "resume --journal %s", jf);
        PT_CHECK(cli(cmd) == 0 && strstr(pt_out, "(orchestrator restarted) resumed in")
                 && strstr(pt_out, "outcome:               SUCCESS") && strstr(pt_out, "monitors:              silent"),
                 "crash after %s, %s: %s%s", points[i], cmd, pt_out, pt_err);
        if (strstr(points[i], "torn") != NULL)
            PT_CHECK(strstr(pt_out, "torn records skipped 1") != NULL, "torn: %s", pt_out);
    }
    /* the router alone for 10 minutes before the restart: the run still ends as it should */
    snprintf(cmd, sizeof cmd, "upgrade --platform mx480 --yes --journal %s --crash-after 9", jf);
    PT_CHECK(cli(cmd) == 4, "%s: %s", cmd, pt_err);
    snprintf(cmd, sizeof cmd, "resume --journal %s --after 600", jf);
    PT_CHECK(cli(cmd) == 0 && strstr(pt_out, "(orchestrator down) the router goes on alone for 600 s")
             && strstr(pt_out, "outcome:               SUCCESS"), "%s: %s%s", cmd, pt_out, pt_err);
    /* an abort in flight when it dies: still ABORTED_CLEAN */
    snprintf(cmd, sizeof cmd, "upgrade --platform mx480 --fault abort@FRU_PREPARE --journal %s --crash-after 8", jf);
    PT_CHECK(cli(cmd) == 4, "%s: %s", cmd, pt_err);
    snprintf(cmd, sizeof cmd, "resume --journal %s --quiet", jf);
    PT_CHECK(cli(cmd) == 1 && strstr(pt_out, "ABORTED_CLEAN"), "%s: %s", cmd, pt_out);
    /* past the run's last write: no crash, the file says so */
    snprintf(cmd, sizeof cmd, "upgrade --platform mx480 --yes --quiet --journal %s --crash-after 100000", jf);
    PT_CHECK(cli(cmd) == 0, "%s: %s", cmd, pt_err);
    snprintf(cmd, sizeof cmd, "resume --journal %s", jf);
    PT_CHECK(cli(cmd) == 2 && strstr(pt_err, "ended without a crash"), "%s: %s", cmd, pt_err);
    /* bad requests: nothing run, no file */
    remove(jf);
    static const struct { const char *args, *msg; } bad[] = {
        { "upgrade --platform mx480 --crash-after 3", "--crash-after needs --journal" },
        { "upgrade --platform mx480 --journal J --crash-after 0", "--crash-after: expected" },
        { "upgrade --platform mx480 --journal J --crash-after 1 --torn-write", "--torn-write needs" },
        { "status --platform mx480 --journal J", "unknown option '--journal'" },
        { "resume", "--journal FILE is required" },
        { "resume --journal J --yes", "unexpected argument '--yes'" },
        { "resume --journal J --after 1e3", "--after: expected seconds" },
        { "resume --journal J", "cannot read journal file" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char args[256], *j;
        snprintf(args, sizeof args, "%s", bad[i].args);
        if ((j = strstr(args, " J")) != NULL)
            snprintf(j, sizeof args - (size_t)(j - args), " %s%s", jf, strstr(bad[i].args, " J") + 2);
        PT_CHECK(cli(args) == 2 && strstr(pt_err, bad[i].msg) && access(jf, F_OK) != 0, "%s: %s", args, pt_err);
    }
    /* a file that is not a journal, or not this router's: refused, left as it was */
    static const char *const files[] = { "not a journal\n", "issu-journal-1\nsubcommand upgrade\narg --platform\n" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[128];
        write_file("journal", files[i], path, sizeof path);
        snprintf(cmd, sizeof cmd, "resume --journal %s", path);
        PT_CHECK(cli(cmd) == 2 && strstr(pt_err, "is not an issu journal file"), "%s: %s", cmd, pt_err);
    }
    snprintf(cmd, sizeof cmd, "upgrade --platform mx480 --yes --journal %s --crash-after 5", jf);
    PT_CHECK(cli(cmd) == 4, "%s", cmd);
    FILE *f = fopen(jf, "r+b");
    if (PT_CHECK(f != NULL && fseek(f, -10, SEEK_END) == 0 && fputc('x', f) != EOF, "cannot change %s", jf))
        fclose(f);
    size_t n = file_bytes(jf, before);
    snprintf(cmd, sizeof cmd, "resume --journal %s", jf);
    PT_CHECK(cli(cmd) == 2 && strstr(pt_err, "is not the journal this router's run leaves"), "%s: %s", cmd, pt_err);
    PT_CHECK(n > 0 && file_bytes(jf, pt_out) == n && memcmp(before, pt_out, n) == 0, "resume changed %s", jf);
}

int register_cli(void)
{
    CU_pSuite s = CU_add_suite("issu cli", setup, cleanup);
    if (s == NULL)
        return -1;
    CU_add_test(s, "bad input: message, exit 2, nothing run", bad_input_exit_2);
    CU_add_test(s, "help pages", help_pages);
    CU_add_test(s, "validate, status, trace, outcomes", subcommands);
    CU_add_test(s, "VM-based ISSU: console, summary, P15", vm_family);
    CU_add_test(s, "routing matrix: console of every chassis, summary, --lccs", matrix_console);
    CU_add_test(s, "ISSR: console in order, duration, summary, status", issr_console);
    CU_add_test(s, "ISSR: the checklist rejects, nothing changed", issr_checklist);
    CU_add_test(s, "ISSR: the prompt answered from standard input", issr_prompt);
    CU_add_test(s, "ISSR: faults", issr_faults);
    CU_add_test(s, "replay of a trace", replay);
    CU_add_test(s, "crash, then resume from the journal", crash_and_resume);
    return 0;
}
