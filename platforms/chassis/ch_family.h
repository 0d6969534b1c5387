/* ch_family.h - what a simulated chassis family and each of its models are,
 * as data: a family is one const ch_family (platforms/families/<name>.c),
 * a model one row of the table ch_models[] (platforms/families/families.c).
 * What the spec already says (slots, FEBs, the family of a profile) comes
 * from its profiles and is never repeated here; what the spec leaves to the
 * hardware (durations, the share of line rate kept during the switchover,
 * the release floor, names on the console) is here.  The chassis layer and
 * the CLI read these and never name a family. */
#ifndef CH_FAMILY_H
#define CH_FAMILY_H

#include <stddef.h>
#include <stdint.h>

#include "ch_timing.h"

/* How a pool of FRUs (a plant variable `pool[N] of fru`) is called. */
typedef struct ch_pool_label {
    const char *pool;                  /* the spec's pool variable: "fpc" */
    const char *label;                 /* on the console and in reports: "FPC" */
} ch_pool_label;

/* A line the hardware itself writes on the operator's console when the
 * controller issues a command (mgd's "Current image is ..." while it
 * validates, DOMAIN 3.5): not the controller's, so not in the spec. */
typedef struct ch_console_note {
    const char *cmd;                   /* the spec's command: "validate_image" */
    const char *fmt;                   /* the line; "%s" = the running image's file name */
} ch_console_note;

/* One plant array of a member chassis (ch_member) that counts its FRUs in
 * one member of the spec's fru enum, one element per chassis (a bool
 * counts 0 or 1). */
typedef struct ch_fru_count {
    const char *var;                   /* the spec's array: "lcc_ready" */
    const char *member;                /* the fru member it counts: "READY" */
} ch_fru_count;

/* A chassis of its own per instance of a machine array: a routing
 * matrix's line-card chassis (DOMAIN 4.4), each with two REs, its FRUs and
 * its own console.  The spec keeps one element per instance in plant
 * arrays indexed by `self` and counts the FRUs per state (D47); this names
 * those arrays, so that the chassis can show each RE and give each FRU a
 * slot of its own (moved lowest-numbered first, as the spec's `move one`). */
typedef struct ch_member {
    const char *machine;               /* the spec's machine array: "lcc" */
    const char *name;                  /* console and reports: "lcc" (lcc2-re0) */
    const char *chassis;               /* what each one is: "T640" */
    const char *master_ver;            /* version its master RE runs: "lcc_mver" */
    const char *backup_ver;            /* version its backup RE runs: "lcc_bver" */
    const char *backup_role;           /* role of its backup RE: "lcc_brole" */
    const char *switched;              /* true once its other RE (re1) is master: "lcc_switched" */
    const char *switchover;            /* its switchover command: its PFEs keep gres_share meanwhile */
    const char *fru_label;             /* its FRUs on the console and in reports: "FPC" */
    const char *fru_param;             /* the spec's param of FRUs per chassis: "lcc_fpcs" */
    const ch_fru_count *counts;        /* the arrays that count its FRUs, one per fru member used */
    size_t ncounts;                    /* entries of counts */
} ch_member;

typedef struct ch_family {
    const char *name;                  /* the spec's family: "mx" */
    const char *title;                 /* "MX Series" */
    const char *package;               /* package file name, "%s" = the release */
    const ch_timing *timings;          /* overrides of the shared table, or NULL */
    size_t ntimings;                   /* entries of timings */
    uint32_t gres_share;               /* % of line rate a PFE keeps during the switchover */
    const ch_pool_label *pools;        /* labels of the FRU pools */
    size_t npools;                     /* entries of pools */
    const ch_console_note *notes;      /* lines the hardware prints, or NULL */
    size_t nnotes;                     /* entries of notes */
    const ch_member *member;           /* the chassis of each instance of a machine array, or NULL */
} ch_family;

typedef struct ch_model {
    const char *name;                  /* the --platform name: "mx480" */
    const char *chassis;               /* "MX480" */
    const char *profile;               /* the spec's profile */
    const ch_family *family;           /* its family (the profile's, by name) */
    uint32_t floor_major;              /* release floor: ISSU from 9.3 ... */
    uint32_t floor_minor;              /* ... on (P6) */
    uint32_t pics;                     /* PICs per FPC by default (0: a model without FPCs) */
} ch_model;

/* The label of FRU pool `pool` in family f ("FPC"), or NULL if f has none. */
const char *ch_family_pool_label(const ch_family *f, const char *pool);

/* The package file name of release `rel` in family f into buf
 * ("junos-install-mx-x86-64-24.2R1.17.tgz"); truncated to len. */
void ch_family_package(const ch_family *f, const char *rel, char *buf, size_t len);

/* The console line family f's hardware prints when command `cmd` is issued
 * on a chassis running release `rel`, into buf (truncated to len): 0, or
 * -1 (buf untouched) if f has none for that command. */
int ch_family_note(const ch_family *f, const char *cmd, const char *rel, char *buf, size_t len);

#endif
