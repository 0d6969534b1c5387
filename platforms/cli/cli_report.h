/* cli_report.h - what the issu CLI prints: console lines with their virtual
 * time, the end-of-run summary, the `show chassis in-service-upgrade`-style
 * status table, and the list of platforms. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include <stdio.h>

#include "cli_args.h"

/* "00:39:12.345": virtual time as the console shows it. */
void cli_report_clock(char *buf, size_t len, sim_ms t);
/* "39m 12.345s", "3.214s", "0ms": a duration. */
void cli_report_duration(char *buf, size_t len, sim_ms d);

/* The summary after a run: outcome, duration, control-plane outage, the
 * faults and whether each happened, monitors, REs and FPCs with versions
 * and forwarding loss. */
void cli_report_summary(FILE *out, const mx_run *r, const cli_args *a);

/* The status table: Item, Status, Reason per FPC (and PIC), then the REs. */
void cli_report_status(FILE *out, const mx_run *r);

/* The families and models the simulator knows. */
void cli_report_platforms(FILE *out);

#endif
