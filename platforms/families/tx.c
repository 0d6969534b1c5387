/* tx.c - the routing matrices (DOMAIN 4.4; model/families/tx.fsm, D41-D48):
 * TX Matrix, a switch-card chassis (SCC) with one to four T640 line-card
 * chassis (LCCs), and TX Matrix Plus, a switch-fabric chassis (SFC) with
 * one to four T1600 LCCs.  The SCC or SFC carries no FPC (slots = 0): every
 * PFE is on an LCC's FPC.  Each LCC is one instance of the spec's machine
 * array `lcc` (its chassisd) and a chassis of its own here (ch_member):
 * two REs, eight FPCs that the spec counts per state (D47), its console.
 * During GRES each PFE keeps about 75 % of its line rate (4.4 [D]), here
 * while its own LCC's switchover runs: the global master's switchover moves
 * no PFE, the SCC and SFC having none. */
#include "ch_family.h"

/* Declared where the table uses it (families.c). */
extern const ch_family ch_family_txmatrix;
extern const ch_family ch_family_txp;

#define SEC_ 1000u                     /* ms per second */
#define MIN_ (60u * SEC_)              /* ms per minute */

/* No source times an LCC's steps apart: each is its chassis' own step of
 * the single-chassis procedure, so each takes that step's shared figure
 * (DOMAIN 7) [I].  The backup's resync always follows its install's reboot:
 * a boot and a resync.  The old master's reboot (option reboot) is the
 * shared duration rule's (ch_cmd.c), as on the global master. */
static const ch_timing tx_timings[] = {
    { "lcc_backup_install", 8 * MIN_, 12 * MIN_ },      /* as backup_install [I] */
    { "lcc_backup_resync", 5 * MIN_, 9 * MIN_ },        /* as backup_resync after a reboot [I] */
    { "lcc_fru_prepare", 60 * SEC_, 180 * SEC_ },       /* as fru_prepare [I] */
    { "lcc_fru_warm_boot", 30 * SEC_, 120 * SEC_ },     /* per FPC, as fru_warm_boot (7 [I]) */
    { "lcc_switchover", 1500, 3000 },                   /* as re_switchover: within 4 s (5.3 [D]) */
    { "lcc_old_master_upgrade", 8 * MIN_, 12 * MIN_ },  /* as old_master_upgrade [I] */
    { "lcc_chassis_abort", 30 * SEC_, 90 * SEC_ },      /* as chassis_abort [I] */
    { "lcc_fru_rollback", 30 * SEC_, 120 * SEC_ },      /* as fru_rollback [I] */
    { "lcc_rollback_backup", 15 * MIN_, 25 * MIN_ },    /* as rollback_backup [I] */
};

/* The SCC and SFC have no FPC (the spec's pool `fpc` is empty there). */
static const ch_pool_label tx_pools[] = {
    { "fpc", "FPC" },
};

/* An LCC's FPCs, counted per state by the spec (D47). */
static const ch_fru_count lcc_counts[] = {
    { "lcc_old", "ONLINE_OLD" },
    { "lcc_ready", "READY" },
    { "lcc_dark", "WARM_BOOTING" },
    { "lcc_new", "ONLINE_NEW" },
    { "lcc_failed", "FAILED" },
};

#define TX_LCC(chassis) { \
    "lcc", "lcc", chassis, "lcc_mver", "lcc_bver", "lcc_brole", "lcc_switched", "lcc_switchover", \
    "FPC", "lcc_fpcs", lcc_counts, sizeof lcc_counts / sizeof lcc_counts[0] }

static const ch_member txm_lcc = TX_LCC("T640");
static const ch_member txp_lcc = TX_LCC("T1600");

const ch_family ch_family_txmatrix = {
    "txmatrix",                        /* the spec's family */
    "TX Matrix (SCC and T640 line-card chassis)",
    "jinstall-%s-domestic-signed.tgz", /* as the T series it is built of [I] */
    tx_timings, sizeof tx_timings / sizeof tx_timings[0],
    75,                                /* ~75 % of line rate per PFE during GRES (4.4 [D]) */
    tx_pools, sizeof tx_pools / sizeof tx_pools[0],
    NULL, 0,                           /* no console line of its own */
    &txm_lcc,
};

const ch_family ch_family_txp = {
    "txp",                             /* the spec's family */
    "TX Matrix Plus (SFC and T1600 line-card chassis)",
    "jinstall-%s-domestic-signed.tgz", /* as the T series it is built of [I] */
    tx_timings, sizeof tx_timings / sizeof tx_timings[0],
    75,                                /* the same share as the TX Matrix (4.4 [D]) */
    tx_pools, sizeof tx_pools / sizeof tx_pools[0],
    NULL, 0,                           /* no console line of its own */
    &txp_lcc,
};
