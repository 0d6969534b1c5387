/* ch_config.h - the simulated router's configuration and the operator's
 * options, and what the spec's fact variables are for it.
 *
 * The chassis asks ch_config_fact() for the initial value of every plant
 * variable the spec leaves open (`= {true, false}`, `= any`), by the
 * variable's name: gres_configured, nsr_configured, versions_match,
 * target_newer, within_3_releases, no_sdk_packages, disk_space,
 * config_supported, config_compatible, image_signed, gres_ready,
 * nsr_synced, P15's nsb_configured, gr_disabled, no_drop_all_tcp,
 * lacp_slow, and the pre-ISSR checklist's issr_device (the first device
 * item that fails, an enum) and issr_spaced.  A spec without one of them
 * does not have that check; a variable this module does not know takes its
 * first listed value. */
#ifndef CH_CONFIG_H
#define CH_CONFIG_H

#include <stdint.h>

#include "ch_family.h"
#include "ch_release.h"
#include "issu_ids.h"

#define CH_SLOTS_MAX 16u               /* bound: elements of one FRU pool */
#define CH_PICS_MAX 4u                 /* bound: PICs per FPC */
#define CH_ISSR_SPACING_S 300          /* seconds between two ISSRs (DOMAIN 3.5 [D], D33) */

typedef struct ch_config {
    const ch_model *model;             /* which chassis */
    ch_release running;                /* RE0 (master) runs this */
    ch_release backup_running;         /* RE1 runs this (P5 when it differs) */
    ch_release target;                 /* the package's release */
    int gres;                          /* P2 graceful-switchover configured */
    int nsr;                           /* P3 nonstop-routing configured */
    int disk_space;                    /* P10 free space in /var */
    int sdk_packages;                  /* P9 SDK extension packages installed */
    int config_supported;              /* P11 */
    int config_compatible;             /* P8 */
    int image_signed;                  /* 2.2 the package signature verifies */
    int backup_ready;                  /* P13/P14 the backup RE is up and GRES-ready at start */
    int nsr_synced;                    /* P12 replication running at start */
    int nsb;                           /* P15 nonstop bridging configured */
    int gr;                            /* P15 graceful restart configured (must be off) */
    int drop_all_tcp;                  /* P15 `no-tcp-reset drop-all-tcp` configured (must be off) */
    int lacp_fast;                     /* P15 LACP periodic fast (must be slow) */
    int pfe_offline;                   /* ISSR checklist (2.3): PFE Status not Online */
    int member_id_nonzero;             /* ... the member id is not 0 */
    int vc_mixed;                      /* ... the VC is in mixed or fabric mode */
    int vc_multi_node;                 /* ... the VC has more than one member */
    int bfd_interval_low;              /* ... a BFD minimum-interval is too low */
    int64_t last_issr_s;               /* seconds since the last ISSR ended; -1: none */
    uint32_t unsupported_pics[CH_SLOTS_MAX]; /* per FPC: bit p, PIC p lacks ISSU support */
    uint32_t pics[CH_SLOTS_MAX];       /* PICs installed per FPC (0..CH_PICS_MAX) */
    int32_t options[ISSU_DIM(ISSU_NOPTIONS)]; /* the spec's options, ISSU_OPT_x: 0/1 */
    uint64_t seed;                     /* PRNG seed */
} ch_config;

/* Defaults on `model`: 23.4R1.9 -> 24.2R1.17, everything configured and
 * ready (P15 too: NSB on, GR off, no drop-all-tcp, LACP slow; every item
 * of the ISSR checklist valid, no earlier ISSR), no unsupported PIC, the
 * model's PICs per FPC, no option, seed 1. */
void ch_config_default(ch_config *c, const ch_model *model);

/* Turn the spec's option `name` on.  0, or -1 if the spec has none. */
int ch_config_option(ch_config *c, const char *name);

/* Is the spec's option ISSU_OPT_x `opt` on?  0 for -1. */
int ch_config_has(const ch_config *c, int opt);

/* The value of fact variable `var` (ISSU_PV_x) for this configuration:
 * 0 or 1 (an enum's: the member's index, -1 if the spec's enum lacks the
 * member) into *value and 0, or -1 for a variable that is not a fact. */
int ch_config_fact(const ch_config *c, int var, int32_t *value);

#endif
