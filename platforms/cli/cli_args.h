/* cli_args.h - the command line of `issu upgrade | validate | status |
 * reboot-in-service`: the platform, the package, the options of the
 * operator's command, the fault plan, and the settings of the simulated
 * router that the checks read.  Parsing changes nothing and starts nothing;
 * every error is one line for the user and exit status 2. */
#ifndef CLI_ARGS_H
#define CLI_ARGS_H

#include <stddef.h>

#include "cli_pkg.h"
#include "ch_run.h"

typedef enum cli_cmd { CLI_UPGRADE, CLI_VALIDATE, CLI_STATUS, CLI_REBOOT } cli_cmd;

/* The request an operator types on a model: unified ISSU, or ISSR on a
 * profile whose spec param same_version is set (a restart on the running
 * release, `request system reboot in-service`).  A model takes only its
 * own: the spec allows each operator action only on its profiles. */
typedef struct cli_request {
    const char *subcommand;            /* the issu subcommand: "upgrade" */
    const char *action;                /* the spec's operator action: "start" */
    const char *title;                 /* "ISSU": the procedure, in messages and the summary */
    const char *what;                  /* "unified ISSU (...)": what the model does */
    int same_version;                  /* the profiles' same_version param */
} cli_request;

typedef struct cli_args {
    cli_cmd cmd;                       /* which subcommand */
    ch_run_opts run;                   /* what the run needs (config, faults, sinks) */
    const cli_request *request;        /* the model's request (run.request is its action) */
    const char *platform;              /* --platform: a model, or a family of routing matrices with --lccs */
    const char *lccs;                  /* --lccs N: the matrix's line-card chassis, or NULL */
    const char *package;               /* --package PKG, or NULL */
    const char *trust;                 /* --trust PUB.pem: the key PKG.sig must verify with */
    cli_pkg pkg;                       /* its verified manifest */
    const char *trace_path;            /* --trace FILE, or NULL */
    const char *journal_path;          /* --journal FILE, or NULL (--crash-after, --torn-write: in run) */
    int argc;                          /* the words parsed (recorded in the journal file) */
    char **argv;
    int yes;                           /* --yes: the answer to the request's prompt */
    int verbose;                       /* --verbose: hardware detail and runtime log */
    int quiet;                         /* --quiet: summary only */
    int target_given;                  /* --target given */
    const char *only[2];               /* the first flag given of unified ISSU only [0], of ISSR only [1] */
} cli_args;

#define CLI_HELP 1                     /* cli_args_parse: --help was given */

/* Parse argv[0..argc-1] (the words after the subcommand).  Returns 0,
 * CLI_HELP, or -1 with a message in err. */
int cli_args_parse(cli_cmd cmd, int argc, char **argv, cli_args *a, char *err, size_t errlen);

/* The request model m takes, by its profile's same_version param. */
const cli_request *cli_request_of(const ch_model *m);

#endif
