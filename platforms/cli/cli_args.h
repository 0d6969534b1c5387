/* cli_args.h - the command line of `issu upgrade | validate | status`: the
 * platform, the package, the options of the operator's command, the fault
 * plan, and the settings of the simulated router that the phase-1 checks
 * read.  Parsing changes nothing and starts nothing; every error is one
 * line for the user and exit status 2. */
#ifndef CLI_ARGS_H
#define CLI_ARGS_H

#include <stddef.h>

#include "cli_pkg.h"
#include "ch_run.h"

typedef enum cli_cmd { CLI_UPGRADE, CLI_VALIDATE, CLI_STATUS } cli_cmd;

typedef struct cli_args {
    cli_cmd cmd;                       /* which subcommand */
    ch_run_opts run;                   /* what the run needs (config, faults, sinks) */
    const char *platform;              /* --platform */
    const char *package;               /* --package FILE, or NULL */
    cli_pkg pkg;                       /* its contents */
    const char *trace_path;            /* --trace FILE, or NULL */
    int verbose;                       /* --verbose: hardware detail and runtime log */
    int quiet;                         /* --quiet: summary only */
    int target_given;                  /* --target given */
} cli_args;

#define CLI_HELP 1                     /* cli_args_parse: --help was given */

/* Parse argv[0..argc-1] (the words after the subcommand).  Returns 0,
 * CLI_HELP, or -1 with a message in err. */
int cli_args_parse(cli_cmd cmd, int argc, char **argv, cli_args *a, char *err, size_t errlen);

#endif
