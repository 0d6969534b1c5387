/* issu.c - the `issu` command: an operator's view of the unified ISSU (and
 * of ISSR, the in-service reboot) on a simulated chassis.  Subcommands
 * upgrade, validate, status, reboot-in-service, platforms and help;
 * parsing in cli_args.c, reports in cli_report.c, the run itself in
 * platforms/chassis/ch_run.c, the models in platforms/families/.  The
 * controller's transitions all come from the generated C: this file only
 * types commands and prints what comes back.  Subcommand package (signed
 * packages: create, verify, keygen) is cli_package.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ch_spec.h"
#include "cli_args.h"
#include "cli_help.h"
#include "cli_journal.h"
#include "cli_package.h"
#include "cli_report.h"
#include "rp.h"

#define EXIT_NOT_SUCCESS 1             /* the upgrade did not succeed */
#define EXIT_USAGE 2                   /* bad command line or package */
#define EXIT_BROKEN 3                  /* monitor, contract, a run that could not finish, or its trace lost */
#define EXIT_CRASHED 4                 /* --crash-after: the orchestrator died (issu resume goes on) */

static void print_console(void *ctx, sim_ms t, const char *line)
{
    char c[32];
    (void)ctx;
    cli_report_clock(c, sizeof c, t);
    printf("[%s] %s\n", c, line);
}

static void print_log(void *ctx, sim_ms t, int level, const char *line)
{
    const cli_args *a = ctx;
    char c[32];
    if (level != ISSU_LOG_ERROR && !a->verbose)
        return;
    cli_report_clock(c, sizeof c, t);
    fprintf(level == ISSU_LOG_ERROR ? stderr : stdout, "[%s]   (runtime) %s\n", c, line);
}

static void print_detail(void *ctx, sim_ms t, const char *line)
{
    char c[32];
    (void)ctx;
    cli_report_clock(c, sizeof c, t);
    printf("[%s]   (chassis) %s\n", c, line);
}

/* The operator's command line, as typed on RE0 (the switch, for ISSR). */
static void print_request(const cli_args *a)
{
    const ch_config *c = &a->run.cfg;
    char pkg[CLI_PKG_LINE_MAX + 16];
    if (a->cmd == CLI_REBOOT) {
        printf("user@switch> request system reboot in-service\n");
        return;
    }
    if (a->package != NULL)
        snprintf(pkg, sizeof pkg, "%s", a->pkg.name);
    else
        ch_family_package(c->model->family, c->target.text, pkg, sizeof pkg);
    printf("user@re0> request system software %sin-service-upgrade /var/tmp/%s%s%s\n",
           a->cmd == CLI_VALIDATE ? "validate " : "", pkg,
           ch_config_has(c, ch_spec_option("reboot")) ? " reboot" : "",
           ch_config_has(c, ch_spec_option("no_old_master_upgrade")) ? " no-old-master-upgrade" : "");
}

/* Set the sinks and initialise the run.  0 or an exit status.  The trace
 * file is opened only once the run is about to be made (open_trace): a
 * request refused before (a bad setting, an ISSR not confirmed) leaves a
 * file already there as it was. */
static void sinks(cli_args *a)
{
    int loud = !a->quiet && a->cmd != CLI_STATUS;
    a->run.console = loud ? print_console : NULL;
    a->run.environment = loud ? print_console : NULL;
    a->run.log = print_log;
    a->run.detail = a->verbose ? print_detail : NULL;
    a->run.ctx = a;
    a->run.trace = NULL;
}

static int prepare(ch_run *r, cli_args *a)
{
    char err[CH_MSG_MAX];
    sinks(a);
    if (ch_run_init(r, &a->run, err, sizeof err) != 0) {
        fprintf(stderr, "issu: %s\n", err);
        return EXIT_USAGE;
    }
    return 0;
}

/* Open --trace for the run r is about to make (it writes its first line
 * at its first step).  0 or an exit status. */
static int open_trace(ch_run *r, const cli_args *a, FILE **trace)
{
    *trace = NULL;
    if (a->trace_path != NULL && (*trace = fopen(a->trace_path, "w")) == NULL) {
        fprintf(stderr, "issu: cannot write trace file '%s'\n", a->trace_path);
        return EXIT_USAGE;
    }
    r->opts.trace = *trace;
    return 0;
}

/* Exit status of a finished run. */
static int verdict(const ch_run *r, int validate)
{
    if (r->monitor_violations + r->contract_violations != 0)
        return EXIT_BROKEN;
    if (validate)
        return r->end == CH_END_STOPPED ? 0 : r->end == CH_END_DONE ? EXIT_NOT_SUCCESS : EXIT_BROKEN;
    if (r->end != CH_END_DONE && r->end != CH_END_STOPPED)
        return EXIT_BROKEN;
    return strcmp(ch_run_result(r), "SUCCESS") == 0 || r->end == CH_END_STOPPED ? 0 : EXIT_NOT_SUCCESS;
}

static void report(const ch_run *r, const cli_args *a)
{
    if (a->cmd == CLI_STATUS)
        cli_report_status(stdout, r);
    else if (a->cmd == CLI_VALIDATE)
        cli_report_validate(stdout, r);
    else
        cli_report_summary(stdout, r, a);
}

/* `Reboot the system ? [yes,no]` (DOMAIN 2.3): yes with --yes, else the
 * first line of standard input, which must be "yes"; anything else and the
 * end of input are no.  1 for yes. */
static int confirmed(const cli_args *a)
{
    char line[64];
    if (!a->quiet)
        printf("Reboot the system ? [yes,no] %s", a->yes ? "yes\n" : "");
    if (a->yes)
        return 1;
    fflush(stdout);
    int yes = fgets(line, sizeof line, stdin) != NULL
        && (strcmp(line, "yes\n") == 0 || strcmp(line, "yes\r\n") == 0 || strcmp(line, "yes") == 0);
    if (!a->quiet)
        putchar('\n');                /* a piped answer is not echoed: end the prompt's line */
    return yes;
}

/* --journal: the journal file of the run as it ended (or died).  0 or an
 * exit status. */
static int save_journal(const ch_run *r, const cli_args *a)
{
    char err[CH_MSG_MAX];
    const char *sub = a->cmd == CLI_VALIDATE ? "validate" : a->request->subcommand;
    if (a->journal_path == NULL)
        return 0;
    if (cli_jfile_save(a->journal_path, sub, a->argc, a->argv, r->end == CH_END_CRASHED ? a->run.crash_after : 0,
                       a->run.torn, r->journal[0], err, sizeof err) != 0) {
        fprintf(stderr, "issu: %s\n", err);
        return EXIT_BROKEN;
    }
    return 0;
}

/* The orchestrator died (--crash-after): say so and where it left off. */
static int crashed(const ch_run *r, const cli_args *a)
{
    char c[32];
    cli_report_clock(c, sizeof c, r->ch.sched.now);
    if (!a->quiet)
        printf("[%s] (simulated crash) the orchestrator stopped after its journal write %u%s\n", c,
               (unsigned)a->run.crash_after, a->run.torn ? ", torn" : "");
    printf("issu: the orchestrator died mid-run; continue with: issu resume --journal %s\n", a->journal_path);
    return EXIT_CRASHED;
}

static int run(cli_args *a)
{
    static ch_run r;                   /* large (journal, controller): not on the stack */
    FILE *trace;
    a->run.validate_only = a->cmd == CLI_VALIDATE;
    int rc = prepare(&r, a);
    if (rc != 0)
        return rc;
    if (a->cmd != CLI_STATUS && !a->quiet)
        print_request(a);
    if (a->cmd == CLI_REBOOT && !confirmed(a)) {
        printf("not confirmed: nothing was done\n");
        return EXIT_NOT_SUCCESS;
    }
    if ((rc = open_trace(&r, a, &trace)) != 0)
        return rc;
    ch_end end = ch_run_go(&r);
    /* a trace that could not be written whole is no record of the run */
    int lost = trace != NULL && (ferror(trace) | fclose(trace)) != 0;
    if (lost)
        fprintf(stderr, "issu: error writing trace file '%s': the trace is incomplete\n", a->trace_path);
    if ((rc = save_journal(&r, a)) != 0)
        return rc;
    if (end == CH_END_CRASHED)
        return crashed(&r, a);
    report(&r, a);
    if (end == CH_END_STUCK || end == CH_END_LIMIT)
        fprintf(stderr, "issu: the run could not finish (%s)\n", end == CH_END_STUCK ? "stuck" : "limit");
    return lost ? EXIT_BROKEN : verdict(&r, a->cmd == CLI_VALIDATE);
}

static int subcommand(int argc, char **argv, cli_cmd cmd, const char *name)
{
    static cli_args a;
    char err[CH_MSG_MAX];
    int rc = cli_args_parse(cmd, argc, argv, &a, err, sizeof err);
    if (rc == CLI_HELP)
        return cli_help_page(stdout, name) == 0 ? 0 : EXIT_USAGE;
    if (rc != 0) {
        fprintf(stderr, "issu %s: %s\n", name, err);
        return EXIT_USAGE;
    }
    return run(&a);
}

/* `issu resume --journal FILE [--after S] [--quiet] [--verbose]`: the
 * recorded request's router stood up again to the crash with its output
 * discarded (cli_journal.h), on alone for S seconds, then a fresh
 * orchestrator resumes from the file's journal and the run goes on to its
 * end. */
typedef struct resume_opts {
    const char *path;                  /* --journal */
    unsigned long after_s;             /* --after: the router alone, seconds */
    int quiet, verbose;
} resume_opts;

/* --after S: 0..86400 seconds.  0 or -1. */
static int after_value(const char *v, unsigned long *out)
{
    char *end;
    if (*v < '0' || *v > '9')
        return -1;
    *out = strtoul(v, &end, 10);
    return *end == '\0' && *out <= 86400ul ? 0 : -1;
}

static int resume_flags(int argc, char **argv, resume_opts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {                   /* bound: argc */
        if (strcmp(argv[i], "--journal") == 0 && i + 1 < argc)
            o->path = argv[++i];
        else if (strncmp(argv[i], "--journal=", 10) == 0)
            o->path = argv[i] + 10;
        else if (strcmp(argv[i], "--after") == 0 && i + 1 < argc) {
            if (after_value(argv[++i], &o->after_s) != 0) {
                fprintf(stderr, "issu resume: --after: expected seconds 0..86400, not '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        }
        else if (strcmp(argv[i], "--quiet") == 0)
            o->quiet = 1;
        else if (strcmp(argv[i], "--verbose") == 0)
            o->verbose = 1;
        else {
            fprintf(stderr, "issu resume: unexpected argument '%s' (see issu help resume)\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (o->path == NULL) {
        fprintf(stderr, "issu resume: --journal FILE is required\n");
        return EXIT_USAGE;
    }
    return 0;
}

/* The subcommand a journal file names. */
static int recorded_cmd(const char *sub, cli_cmd *cmd)
{
    static const struct { const char *name; cli_cmd cmd; } subs[] = {
        { "upgrade", CLI_UPGRADE }, { "validate", CLI_VALIDATE }, { "reboot-in-service", CLI_REBOOT },
    };
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(subs[i].name, sub) == 0) {
            *cmd = subs[i].cmd;
            return 0;
        }
    return -1;
}

/* The router of the journal file, run to the crash silently.  0 or an exit status. */
static int stand_up(ch_run *r, cli_args *a, const cli_jfile *jf, const char *path)
{
    int quiet = a->quiet, rc;
    a->quiet = 1;
    a->run.crash_after = jf->crash_after;
    a->run.torn = jf->torn;
    rc = prepare(r, a);
    a->quiet = quiet;
    if (rc != 0)
        return rc;
    r->opts.log = NULL;
    if (ch_run_go(r) != CH_END_CRASHED || memcmp(r->journal[0], jf->journal, sizeof r->journal[0]) != 0) {
        fprintf(stderr, "issu resume: '%s' is not the journal this router's run leaves at write %u "
                "(another build, or a changed file)\n", path, (unsigned)jf->crash_after);
        return EXIT_USAGE;
    }
    return 0;
}

static int resume(int argc, char **argv)
{
    static cli_jfile jf;
    static cli_args a;
    static ch_run r;
    char err[CH_MSG_MAX], c[32];
    resume_opts o;
    int rc;
    issu_resume_info info;
    cli_cmd cmd;
    if (argc == 1 && strcmp(argv[0], "--help") == 0)
        return cli_help_page(stdout, "resume") == 0 ? 0 : EXIT_USAGE;
    if ((rc = resume_flags(argc, argv, &o)) != 0)
        return rc;
    const char *path = o.path;
    int quiet = o.quiet;
    if (cli_jfile_load(path, &jf, err, sizeof err) != 0) {
        fprintf(stderr, "issu resume: %s\n", err);
        return EXIT_USAGE;
    }
    int known = recorded_cmd(jf.subcommand, &cmd) == 0;
    if (!known || cli_args_parse(cmd, jf.argc, jf.argv, &a, err, sizeof err) != 0) {
        fprintf(stderr, "issu resume: '%s' records a request this build refuses (%s)\n", path,
                known ? err : jf.subcommand);
        return EXIT_USAGE;
    }
    if (jf.crash_after == 0) {
        fprintf(stderr, "issu resume: the run recorded in '%s' ended without a crash: nothing to resume\n", path);
        return EXIT_USAGE;
    }
    a.quiet = quiet;
    a.verbose = o.verbose;
    if ((rc = stand_up(&r, &a, &jf, path)) != 0)
        return rc;
    sinks(&a);                         /* loud again: the router's and the resumed orchestrator's output */
    r.opts = a.run;
    if (o.after_s > 0) {
        cli_report_clock(c, sizeof c, r.ch.sched.now);
        if (!quiet)
            printf("[%s] (orchestrator down) the router goes on alone for %lu s\n", c, o.after_s);
        ch_run_alone(&r, (sim_ms)o.after_s * 1000u);
    }
    if (ch_run_resume(&r, jf.journal, &info, err, sizeof err) != 0) {
        fprintf(stderr, "issu resume: %s\n", err);
        return EXIT_BROKEN;
    }
    cli_report_clock(c, sizeof c, r.ch.sched.now);
    if (!quiet)
        printf("[%s] (orchestrator restarted) resumed in %s from journal record %u of run %u: posts asked "
               "again %u, commands issued again %u, cancelled again %u, torn records skipped %d\n", c,
               ch_run_state(&r), (unsigned)info.seq, (unsigned)info.epoch, (unsigned)(r.nposts - info.acked),
               (unsigned)info.reissued, (unsigned)info.recancelled, info.skipped);
    ch_end end = ch_run_continue(&r);
    report(&r, &a);
    if (end == CH_END_STUCK || end == CH_END_LIMIT)
        fprintf(stderr, "issu: the run could not finish (%s)\n", end == CH_END_STUCK ? "stuck" : "limit");
    return verdict(&r, a.cmd == CLI_VALIDATE);
}

static int help(int argc, char **argv)
{
    if (argc == 0) {
        cli_help_overview(stdout);
        return 0;
    }
    if (argc > 1 || cli_help_page(stdout, argv[0]) != 0) {
        fprintf(stderr, "issu help: no manual for '%s' (upgrade, validate, status, reboot-in-service, resume, "
                "replay, platforms, faults, package)\n", argv[0]);
        return EXIT_USAGE;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_help_overview(stderr);
        return EXIT_USAGE;
    }
    const char *c = argv[1];
    if (strcmp(c, "help") == 0 || strcmp(c, "--help") == 0 || strcmp(c, "-h") == 0)
        return help(argc - 2, argv + 2);
    if (strcmp(c, "upgrade") == 0)
        return subcommand(argc - 2, argv + 2, CLI_UPGRADE, c);
    if (strcmp(c, "validate") == 0)
        return subcommand(argc - 2, argv + 2, CLI_VALIDATE, c);
    if (strcmp(c, "status") == 0)
        return subcommand(argc - 2, argv + 2, CLI_STATUS, c);
    if (strcmp(c, "reboot-in-service") == 0)
        return subcommand(argc - 2, argv + 2, CLI_REBOOT, c);
    if (strcmp(c, "resume") == 0)
        return resume(argc - 2, argv + 2);
    if (strcmp(c, "package") == 0)
        return cli_package_main(argc - 2, argv + 2);
    if (strcmp(c, "replay") == 0)
        return argc > 2 && strcmp(argv[2], "--help") == 0 ? help(1, argv + 1) : rp_main("issu replay", "platform", argc - 2, argv + 2);
    if (strcmp(c, "platforms") == 0) {
        if (argc > 2)
            return strcmp(argv[2], "--help") == 0 ? help(1, argv + 1)
                : (fprintf(stderr, "issu platforms: unexpected argument '%s'\n", argv[2]), EXIT_USAGE);
        cli_report_platforms(stdout);
        return 0;
    }
    fprintf(stderr, "issu: unknown command '%s' (see issu --help)\n", c);
    return EXIT_USAGE;
}
