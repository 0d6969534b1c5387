/* cli_help.h - the usage line and the man-style help of each issu
 * subcommand. */
#ifndef CLI_HELP_H
#define CLI_HELP_H

#include <stdio.h>

/* The overview (`issu --help`). */
void cli_help_overview(FILE *out);

/* The manual page of a subcommand ("upgrade", "validate", "status",
 * "reboot-in-service", "platforms", "faults", "replay", "package"); 0,
 * or -1 if there is no such page. */
int cli_help_page(FILE *out, const char *topic);

#endif
