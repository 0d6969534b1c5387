/* cli_report.h - what the issu CLI prints: console lines with their virtual
 * time, the end-of-run summary, the `show chassis in-service-upgrade`-style
 * status table, the validation verdict, and the list of platforms.  Every
 * report reads the chassis through the spec's names: a section per FRU pool
 * (with the family's label), the REs by the spec's re_* arrays. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include <stdio.h>

#include "cli_args.h"

/* "00:39:12.345": virtual time as the console shows it. */
void cli_report_clock(char *buf, size_t len, sim_ms t);
/* "39m 12.345s", "3.214 s", "0 ms": a duration. */
void cli_report_duration(char *buf, size_t len, sim_ms d);

/* The summary after a run: outcome, duration, control-plane outage, the
 * faults and whether each happened, monitors, REs and FRUs with releases
 * and forwarding loss. */
void cli_report_summary(FILE *out, const ch_run *r, const cli_args *a);

/* The status table: Item, Status, Release, Reason per FRU (and PIC), then
 * the REs. */
void cli_report_status(FILE *out, const ch_run *r);

/* After `issu validate`: the verdict and the FRUs that would be offlined. */
void cli_report_validate(FILE *out, const ch_run *r);

/* Every model of the table, grouped by family. */
void cli_report_platforms(FILE *out);

#endif
