/* cli_help.c - help texts of the issu CLI (cli_help.h).  Kept as data so
 * that the pages and the parser can be read side by side; the names of the
 * spec's faults, operator actions and commands come from the spec. */
#include "cli_help.h"

#include <string.h>

#include "ch_spec.h"

static const char overview[] =
"usage: issu COMMAND [OPTIONS]\n"
"\n"
"Unified ISSU of a simulated router with two Routing Engines (or one, whose\n"
"backup ISSU spawns as a VM), and ISSR, the in-service reboot of a switch on\n"
"its running release, run by the controller generated from model/issu.fsm,\n"
"in virtual time.\n"
"\n"
"commands:\n"
"  upgrade     request system software in-service-upgrade: the whole upgrade\n"
"  validate    request system software validate in-service-upgrade: checks only\n"
"  status      show chassis in-service-upgrade: the per-FPC state table\n"
"  reboot-in-service\n"
"              request system reboot in-service: ISSR, on the models that do it\n"
"  package     create and verify signed packages (issu help package)\n"
"  platforms   the chassis families and models the simulator knows\n"
"  resume      continue a run whose orchestrator died (--crash-after) from its journal\n"
"  replay      run a JSON-lines trace through the generated controller\n"
"  help [CMD]  this text, or the manual of CMD (also: issu CMD --help);\n"
"              'issu help faults' describes --fault\n"
"\n"
"examples:\n"
"  issu upgrade --platform mx480 --yes\n"
"  issu upgrade --platform txp --lccs 1 --yes     (a TX Matrix Plus, one LCC)\n"
"  issu reboot-in-service --platform jcp --yes\n"
"\n"
"Exit status: 0 success, 1 the upgrade (or ISSR) did not succeed (rejected,\n"
"aborted, degraded, not confirmed), 2 bad command line or package, or a\n"
"model that does not take that request (nothing was run), 3 the run broke\n"
"a monitor or a runtime contract, could not finish, or its --trace file\n"
"could not be written whole, 4 the orchestrator died as --crash-after asked.\n";

static const char router_opts[] =
"ROUTER (the simulated router's state, read by the phase-1 checks)\n"
"  --platform NAME        the chassis model: mx480, t640, ... (required; issu\n"
"                         platforms lists every model); for a routing matrix\n"
"                         the model (txp1) or its family with --lccs (txp)\n"
"  --lccs N               a routing matrix of N line-card chassis: --platform txp\n"
"                         --lccs N is model txpN, --platform txmatrix --lccs N\n"
"                         txmN (the sizes issu platforms lists); each LCC's\n"
"                         console lines show behind its name and master RE:\n"
"                         'lcc0-re0: ISSU: FPC Warm Booting' (re1 once that\n"
"                         LCC switched), the global master's as they are\n"
"  --package PKG          signed package of the target release (issu help\n"
"                         package); verified before anything runs: its\n"
"                         signature, payload, name, family and release (newer\n"
"                         than --running, at most 3 releases ahead); else a\n"
"                         message and exit 2\n"
"  --trust PUB.pem        the Ed25519 public key PKG.sig must verify with\n"
"                         (required with --package)\n"
"  --target REL           target release without a package (default 24.2R1.17)\n"
"  --running REL          release both REs run (default 23.4R1.9)\n"
"  --backup-running REL   release of RE1 only (differs: version mismatch, P5)\n"
"  --config LIST          comma-separated settings, each a check that fails:\n"
"                           no-gres             graceful-switchover not configured (P2)\n"
"                           no-nsr              nonstop-routing not configured (P3)\n"
"                           no-disk-space       /var full (P10)\n"
"                           sdk-packages        SDK extension packages installed (P9)\n"
"                           unsupported-config  features ISSU does not support (P11)\n"
"                           config-conflict     image conflicts with the configuration (P8)\n"
"                           bad-signature       package signature does not verify\n"
"                           backup-not-ready    backup RE not GRES-ready (P13/P14)\n"
"                           nsr-not-synced      NSR replication not running (P12)\n"
"                         P15, checked by VM-based ISSU only:\n"
"                           no-nsb              nonstop bridging not configured\n"
"                           gr-enabled          graceful restart configured\n"
"                           drop-all-tcp        'no-tcp-reset drop-all-tcp' configured\n"
"                           lacp-fast           LACP periodic fast\n"
"                         (the ISSR checklist's: issu help reboot-in-service)\n"
"  --unsupported-fpc N    FPC N does not support ISSU (offlined after 'yes')\n"
"  --unsupported-pic N/P  PIC P of FPC N does not support ISSU (its FPC is offlined)\n"
"  A downgrade (--target older than --running) or a target more than three\n"
"  releases ahead (24.2 from 23.2) is rejected by the checks (P6, P7).  A\n"
"  setting whose check the family's spec does not make changes nothing (on\n"
"  VM-based ISSU there is no backup RE before the upgrade: backup-not-ready,\n"
"  nsr-not-synced and --backup-running).\n";

static const char run_opts[] =
"RUN\n"
"  --reboot               option reboot: reboot the old master onto the new release\n"
"  --no-old-master-upgrade  option no-old-master-upgrade: leave the old master alone\n"
"  --yes                  answer yes at the unsupported-hardware prompt (without it the\n"
"                         prompt times out after 5 min and the answer is no: REJECTED)\n";

/* What every run takes. */
static const char common_opts[] =
"  --fault SPEC           inject a fault, operator action or command outcome; repeat\n"
"                         for several (see issu help faults)\n"
"  --seed N               seed of the simulator's random durations (default 1)\n"
"  --trace FILE           write the controller's transitions as JSON lines\n"
"  --verbose              also print hardware detail and the runtime's log lines\n"
"  --quiet                print only the summary\n";

/* The journal and a simulated crash of the orchestrator (issu resume). */
static const char journal_opts[] =
"JOURNAL\n"
"  --journal FILE         keep the orchestrator's journal in FILE (with the request,\n"
"                         so that issu resume can stand the same router up again)\n"
"  --crash-after N        the orchestrator dies right after its Nth journal write\n"
"                         (write 1 is the run's start record); exit status 4\n"
"  --torn-write           that write is torn: only its first half reaches FILE\n"
"  A routing matrix (--lccs) runs one orchestrator per chassis: --journal is\n"
"  refused there (exit 2), issu resume restarts one orchestrator only.\n";

static const char resume_page[] =
"NAME\n"
"  issu resume - restart a dead orchestrator from its journal\n"
"\n"
"SYNOPSIS\n"
"  issu resume --journal FILE [--after S] [--quiet | --verbose]\n"
"\n"
"DESCRIPTION\n"
"  FILE was written by issu upgrade (or reboot-in-service) --journal FILE\n"
"  --crash-after N.  The simulated router outlives its orchestrator: resume\n"
"  runs the recorded request again with its output discarded up to the\n"
"  crash and checks that the journal it leads to is FILE's, byte for byte.\n"
"  With --after S the router goes on alone for S seconds first (0..86400):\n"
"  its operations end, its faults happen, what it posts waits, and the dead\n"
"  orchestrator's timers do not run.\n"
"  Then a fresh orchestrator resumes from FILE's journal alone: the newest\n"
"  run's last whole record (a torn one is skipped, an older run's are\n"
"  stale), every command it shows issued asked of the router (issued again\n"
"  if the router never got it, cancelled again if the router still runs a\n"
"  cancelled one), every event the router posted after the record asked\n"
"  again, timers kept at their recorded absolute deadlines.  The run goes\n"
"  on to its end and prints its summary.\n"
"\n"
"  Exit status as for issu upgrade; 2 when FILE is unreadable, malformed,\n"
"  of another build or of a run that did not crash.  A routing matrix runs\n"
"  one orchestrator per chassis and is never journaled (a resume of them all\n"
"  is not simulated).\n";

static const char upgrade_page[] =
"NAME\n"
"  issu upgrade - request system software in-service-upgrade, simulated\n"
"\n"
"SYNOPSIS\n"
"  issu upgrade --platform NAME [--lccs N]\n"
"               [--package PKG --trust PUB.pem | --target REL]\n"
"               [--reboot] [--no-old-master-upgrade] [--yes] [--fault SPEC]...\n"
"               [--seed N] [--trace FILE] [--config LIST]\n"
"               [--unsupported-fpc N]...\n"
"\n"
"DESCRIPTION\n"
"  Types the upgrade request on RE0 (master, old release) of a simulated\n"
"  chassis and runs the generated controller against it until the\n"
"  controller is idle again.  Prints each console line with its virtual\n"
"  time, then a summary: outcome, virtual duration, control-plane outage\n"
"  (must be zero), switchovers, monitors, releases on each RE and FPC, and\n"
"  each FPC's forwarding loss (its warm-boot dark window, or the time it was\n"
"  offline or down).  On a routing matrix: both REs of every LCC (lcc0-re0,\n"
"  lcc0-re1, ...) and each LCC's FPC slots, warm-booted lowest-numbered\n"
"  first, each losing its dark window and the share of line rate its PFE\n"
"  gives up during its LCC's switchover.\n"
"\n";

static const char reboot_page[] =
"NAME\n"
"  issu reboot-in-service - request system reboot in-service (ISSR), simulated\n"
"\n"
"SYNOPSIS\n"
"  issu reboot-in-service --platform NAME [--yes] [--config LIST] [--last-issr S]\n"
"               [--fault SPEC]... [--seed N] [--trace FILE] [--quiet | --verbose]\n"
"\n"
"DESCRIPTION\n"
"  Types `request system reboot in-service` on a simulated switch that\n"
"  restarts its control plane on its running release (ISSR, DOMAIN 3.5: the\n"
"  models whose request is reboot-in-service in issu platforms) and asks\n"
"  'Reboot the system ? [yes,no]'.  After a yes the generated controller\n"
"  runs the pre-ISSR checklist (stopping at the first item that fails:\n"
"  REJECTED, nothing changed), validates the running image, spawns the\n"
"  backup RE with a second dataplane, synchronizes it, copies the home\n"
"  directories, runs chassisd's ISSU phases on the same release (the FPC\n"
"  warm-boots), hands the devices to the spawned RE, which becomes the\n"
"  primary, and shuts the old primary down.  Prints each console line with\n"
"  its virtual time, then the summary of `issu upgrade` (both REs stay on\n"
"  the running release).  The models that do unified ISSU refuse it, and\n"
"  these models refuse `issu upgrade` and `issu validate` (exit 2).\n"
"\n"
"OPTIONS\n"
"  --platform NAME        the model (required; issu platforms)\n"
"  --yes                  answer yes at 'Reboot the system ? [yes,no]'; without it\n"
"                         the answer is the first line of standard input: 'yes'\n"
"                         runs the ISSR, anything else or no input prints that\n"
"                         nothing was done and exits 1\n"
"  --config LIST          comma-separated settings, each a checklist item that\n"
"                         fails (in the checklist's order; the first one counts):\n"
"                           pfe-offline         PFE Status not Online\n"
"                           member-id-nonzero   Member Id not zero\n"
"                           vc-mixed            VC in mixed or fabric mode\n"
"                           vc-multi-node       the VC has more than one member\n"
"                           bfd-interval-low    a BFD minimum-interval below the limit\n"
"                           no-gres             GRES not configured\n"
"                           no-nsr              NSR not configured (the item passes\n"
"                                               with gr-enabled: GR or NSR)\n"
"                           drop-all-tcp        'no-tcp-reset drop-all-tcp' configured\n"
"                         and of the image validation: config-conflict, bad-signature.\n"
"                         A setting of issu help upgrade that ISSR does not check\n"
"                         changes nothing.\n"
"  --last-issr S          an earlier ISSR ended S seconds ago: under 300 'Ready\n"
"                         for ISSR' fails (wait 5 minutes between ISSRs; default:\n"
"                         no earlier ISSR)\n";

static const char reboot_not_taken[] =
"  Not taken (unified ISSU's): --package, --trust, --target, --running,\n"
"  --backup-running, --reboot, --no-old-master-upgrade, --unsupported-fpc,\n"
"  --unsupported-pic.\n";

static const char validate_page[] =
"NAME\n"
"  issu validate - request system software validate in-service-upgrade, simulated\n"
"\n"
"SYNOPSIS\n"
"  issu validate --platform NAME [--package PKG --trust PUB.pem | --target REL]\n"
"                [ROUTER OPTIONS]\n"
"\n"
"DESCRIPTION\n"
"  Runs the controller's phase 1 (the configuration checks and the image\n"
"  validation) and stops before anything would change.  Reports whether the\n"
"  upgrade would start and lists the FPCs that would be offlined.\n"
"  Exit status 0 when the upgrade would start, 1 when it would be rejected.\n"
"\n";

static const char status_page[] =
"NAME\n"
"  issu status - show chassis in-service-upgrade, simulated\n"
"\n"
"SYNOPSIS\n"
"  issu status --platform NAME [--at STATE] [UPGRADE OPTIONS]\n"
"\n"
"DESCRIPTION\n"
"  Runs the upgrade silently and prints the status table (Item, Status,\n"
"  Release, Reason per FPC and ISSU-unsupported PIC, then the REs) after it,\n"
"  or at the moment the controller enters STATE with --at (e.g. --at\n"
"  FRU_WARM_BOOT: the first FPC warm-booting).  On a model that does ISSR\n"
"  it runs the ISSR instead, with the options of issu reboot-in-service.\n"
"\n";

static const char faults_page[] =
"NAME\n"
"  issu faults - the --fault SPEC syntax\n"
"\n"
"SYNTAX\n"
"  SPEC  = EVENT [@POINT]\n"
"  EVENT = a fault or operator action of the spec (the lists below)\n"
"        | COMMAND.OUTCOME, an outcome of a HAL command of the spec (below):\n"
"            fru_warm_boot.fail, switchover_check.timeout, backup_install.fail,\n"
"            fpc_warm_restart.fail, start_dataplane.fail, issr_done.timeout ...\n"
"  POINT = STATE       a controller state: BACKUP_PREPARE, FRU_WARM_BOOT, ...\n"
"        | N           outcome: the Nth issue of COMMAND (fru_warm_boot.fail@2 is\n"
"                      the second warm boot); fault or operator action: once N\n"
"                      HAL commands have been issued\n"
"        | t=DURATION  virtual time since the start: 90s, 25min, 1500ms, 1h\n"
"\n"
"  Without a point an outcome applies to the command's first issue, and a\n"
"  fault or operator action happens at the first chance.  A fault happens\n"
"  1 s after its point (an answer 3 s after), and only when the spec allows\n"
"  it then (backup_crash needs a running backup RE, fpc_crash an FPC on the\n"
"  new release, at most one crash per run); an outcome only when the plant\n"
"  allows it.  What never happened is listed in the summary.\n"
"\n"
"EXAMPLES\n"
"  --fault backup_crash@BACKUP_PREPARE   --fault fru_warm_boot.fail@2\n"
"  --fault switchover_check.timeout      --fault abort@t=20min\n"
"  --fault backup_crash@COPY_HOMES       --fault abort@ISSR_WARM_BOOT\n"
"  --fault lcc_backup_crash@LCC_FRUS     --fault lcc_fru_warm_boot.fail@3\n"
"\n"
"  On a routing matrix a STATE is the global master's, the Nth issue of a\n"
"  command counts every LCC's issues, and a fault of one LCC (to lcc[any]\n"
"  in the spec: lcc_backup_crash) strikes an LCC the seed picks; the\n"
"  console names it.  The faults of LCCs never happen on a single chassis.\n";

#define HELP_WIDTH 78                  /* wrap the name lists here */

/* The names of the spec of one kind (fault: 1, operator action: 0,
 * command: -1), wrapped and indented. */
static void names(FILE *out, int kind)
{
    int n = kind < 0 ? ISSU_NCMDS : ISSU_NENVS;
    int col = 0;
    for (int i = 0; i < n; i++) {      /* bound: the generated list */
        if (kind >= 0 && ch_spec_env_is_fault(i) != kind)
            continue;
        const char *name = kind < 0 ? ch_spec_cmd_name(i) : ch_spec_env_name(i);
        if (col > 0 && col + 1 + (int)strlen(name) > HELP_WIDTH) {
            fputc('\n', out);
            col = 0;
        }
        col += fprintf(out, col == 0 ? "    %s" : " %s", name);
    }
    fputc('\n', out);
}

static void faults_help(FILE *out)
{
    fputs(faults_page, out);
    fputs("\nFAULTS of the spec\n", out);
    names(out, 1);
    fputs("OPERATOR ACTIONS of the spec\n", out);
    names(out, 0);
    fputs("COMMANDS of the spec (their outcomes: issu-gen --summary model/issu.fsm)\n", out);
    names(out, -1);
}

static const char replay_page[] =
"NAME\n"
"  issu replay - run a trace through the generated controller\n"
"\n"
"SYNOPSIS\n"
"  issu replay [--platform NAME] [--quiet] [--c-traces] TRACE...\n"
"\n"
"DESCRIPTION\n"
"  TRACE is JSON lines as 'issu-gen --trace' writes them from a SPIN run or\n"
"  counterexample (make proofs: NAME.trace.jsonl), or as 'issu upgrade\n"
"  --trace' writes them.  Its first line gives the profile, the options\n"
"  and the plant at the start (else --platform is required); each world\n"
"  line sets plant values and raises its event; each machine line is one\n"
"  step of the controller, which must do exactly what the line says.  The\n"
"  console lines are printed as the controller writes them (not with\n"
"  --quiet).  Several traces are replayed one after the other, each\n"
"  through a fresh system of every machine instance of the profile: each\n"
"  machine line steps the instance it names.  --c-traces writes the C's\n"
"  own trace of each TRACE next to it (x.jsonl: x.c.jsonl), for\n"
"  'issu-gen --check-trace'.\n"
"\n"
"  The C's safety monitors run as in any run: their violations are printed\n"
"  (a counterexample from 'make proofs' replays to the same violation).\n"
"\n"
"  Exit status: 0 every step agreed, 1 a step differs (the line, what the\n"
"  trace says and what the C does are printed), 2 bad command line or an\n"
"  unreadable or malformed trace, 3 every step agreed but a monitor fired.\n";

static const char package_page[] =
"NAME\n"
"  issu package - create and verify signed packages\n"
"\n"
"SYNOPSIS\n"
"  issu package create --release REL --key KEY.pem --out PKG [--family F]\n"
"                      [--payload FILE] [--name NAME]\n"
"  issu package verify --trust PUB.pem PKG\n"
"  issu package keygen --key KEY.pem --trust PUB.pem\n"
"\n"
"DESCRIPTION\n"
"  A package is PKG, a manifest (format issu-package-2: its name, family,\n"
"  release, the payload's size and SHA-256) followed by the payload, and\n"
"  PKG.sig, an Ed25519 signature over the manifest (platforms/README.md).\n"
"  create writes both, each through a temporary file renamed into place:\n"
"  on an error nothing is left.  NAME defaults to the file name of PKG and\n"
"  must be it when the package is verified; without --payload the payload\n"
"  is a small generated image text (else at most 16 MiB).  verify checks\n"
"  the signature with the trusted public key, the payload's size and hash\n"
"  and the name, and prints what it verified.  keygen makes an Ed25519 key\n"
"  pair, KEY.pem (private, for its owner only) and PUB.pem, and never\n"
"  overwrites a key (or: openssl genpkey -algorithm ed25519, no passphrase).\n"
"  issu upgrade and validate --package PKG --trust PUB.pem verify the same,\n"
"  then the family and the release: newer than --running (P6), at most 3\n"
"  releases ahead (P7).  Exit status 0, or 2 with one line on stderr.\n"
"\n"
"EXAMPLE\n"
"  issu package keygen --key key.pem --trust pub.pem\n"
"  issu package create --release 24.2R1.17 --family mx --key key.pem\n"
"      --out junos-install-mx-x86-64-24.2R1.17.tgz\n"
"  issu upgrade --platform mx480 --trust pub.pem\n"
"      --package junos-install-mx-x86-64-24.2R1.17.tgz\n";

int cli_help_page(FILE *out, const char *topic)
{
    if (strcmp(topic, "upgrade") == 0)
        fprintf(out, "%sOPTIONS\n%s\n%s%s\n%s", upgrade_page, router_opts, run_opts, common_opts, journal_opts);
    else if (strcmp(topic, "validate") == 0)
        fprintf(out, "%sOPTIONS\n%s", validate_page, router_opts);
    else if (strcmp(topic, "status") == 0)
        fprintf(out, "%sOPTIONS\n  --at STATE             stop when the controller enters STATE\n%s\n%s%s",
                status_page, router_opts, run_opts, common_opts);
    else if (strcmp(topic, "reboot-in-service") == 0)
        fprintf(out, "%s%s\n%s%s", reboot_page, common_opts, journal_opts, reboot_not_taken);
    else if (strcmp(topic, "faults") == 0)
        faults_help(out);
    else if (strcmp(topic, "replay") == 0)
        fputs(replay_page, out);
    else if (strcmp(topic, "package") == 0)
        fputs(package_page, out);
    else if (strcmp(topic, "resume") == 0)
        fputs(resume_page, out);
    else if (strcmp(topic, "platforms") == 0)
        fputs("NAME\n  issu platforms - the families and models the simulator knows\n\n"
              "SYNOPSIS\n  issu platforms\n\n"
              "DESCRIPTION\n  Every model --platform accepts, grouped by family, with its FPC slots,\n"
              "  FEBs and line-card chassis (the spec's profile; a routing matrix is\n"
              "  also --platform FAMILY --lccs N), the release from which it supports ISSU\n"
              "  (or ISSR), the spec profile the controller runs, and the request it\n"
              "  takes: issu upgrade (unified ISSU) or issu reboot-in-service (ISSR).\n", out);
    else
        return -1;
    return 0;
}

void cli_help_overview(FILE *out)
{
    fputs(overview, out);
}
