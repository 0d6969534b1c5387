/* fake_hal.h - a small scripted HAL for the runtime tests: a plant held in
 * arrays that a test sets directly (also to deliberately bad values), a
 * virtual clock the test advances, journal storage in memory that a test
 * can tear, and records of everything the runtime asked or reported. */
#ifndef FAKE_HAL_H
#define FAKE_HAL_H

#include "issu.h"

#define FH_MAX_ELEMS 16            /* array elements / pool members per plant variable */
#define FH_MAX_RECORDS 64          /* errors, traces and console lines remembered */
#define FH_LINE 1600               /* bytes of one remembered line */
#define FH_MAX_POSTS 64            /* posts remembered for resync */
#define FH_MAX_CALLS 128           /* HAL calls remembered in order */

typedef struct fh_ctx {
    issu *m;                                   /* the instance outcomes are posted to */
    issu_time_ms now;                          /* virtual clock */
    int32_t plant[ISSU_NPLANT][FH_MAX_ELEMS];  /* values; pools: count per member */
    int unavailable[ISSU_NPLANT];              /* observe() fails for these */
    int refuse_issue;                          /* issue() returns ISSU_HAL_ERROR */
    int issued[ISSU_NCMDS];                    /* issue() calls per command */
    int cancelled[ISSU_NCMDS];                 /* cancel() calls per command */
    int expired[ISSU_NCMDS];                   /* expired() calls per command */
    int running[ISSU_NCMDS];                   /* issued, no outcome posted (fh_post), not cancelled or expired */
    int posts[FH_MAX_POSTS];                   /* events posted with fh_post, in order */
    uint32_t nposts;                           /* fh_post calls */
    uint32_t resync_from;                      /* the acked of the last resync() */
    int resyncs;                               /* resync() calls */
    char calls[FH_MAX_CALLS + 1];              /* HAL calls in order: J journal write, I issue, C cancel, E expired */
    int ncalls;                                /* entries in calls */
    uint8_t journal[ISSU_JOURNAL_BYTES];       /* journal storage */
    int journal_writes;                        /* journal_write() calls */
    int nerrors;                               /* error hook calls */
    issu_error errors[FH_MAX_RECORDS];         /* the first ones */
    int ntraces;                               /* trace lines */
    char traces[FH_MAX_RECORDS][FH_LINE];      /* the first ones */
    int nconsole;                              /* console lines */
    char console[FH_MAX_RECORDS][FH_LINE];     /* the first ones */
    int nlogs;                                 /* log lines */
    char last_log[FH_LINE];                    /* the last one */
} fh_ctx;

extern const issu_hal fh_hal;

/* A healthy mx480 chassis before an upgrade: every precondition holds. */
void fh_plant_healthy(fh_ctx *c);
/* cfg for instance `instance` on c, with the trace and error hooks recording into c. */
void fh_cfg(fh_ctx *c, issu_cfg *cfg, int instance);
/* Set up c (zeroed, healthy plant) and init m on it. */
void fh_start(fh_ctx *c, issu *m, int instance);
/* Post ev to c->m as the backend does: numbered, kept for resync; an
 * outcome ends its command's run. */
issu_rc fh_post(fh_ctx *c, int ev);
/* Number of errors recorded with this kind and id. */
int fh_errors(const fh_ctx *c, issu_error_kind kind, int id);

#endif
