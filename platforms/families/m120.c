/* m120.c - the M120 (DOMAIN 4.2): the PFE is on the FEB, not on the FPC;
 * after the FPCs the FEBs are warm-booted one at a time (phase 7b), each
 * with its own dark window.  The FEB pool is the spec's `feb`; the chassis
 * layer makes each FEB a traffic unit as it does each FPC, so the summary
 * shows the loss of every FEB. */
#include "ch_family.h"

/* Declared where the table uses it (families.c). */
extern const ch_family ch_family_m120;

#define SEC_ 1000u                     /* ms per second */

/* No source times a FEB: a FEB boots as an FPC does, 30-120 s [I] (7). */
static const ch_timing m120_timings[] = {
    { "feb_warm_boot", 30 * SEC_, 120 * SEC_ },
    { "feb_rollback", 30 * SEC_, 120 * SEC_ },
};

static const ch_pool_label m120_pools[] = {
    { "fpc", "FPC" },
    { "feb", "FEB" },
};

const ch_family ch_family_m120 = {
    "m120",                            /* the spec's family */
    "M120",
    "jinstall-%s-domestic-signed.tgz",  /* as the other M and T routers [I] */
    m120_timings, sizeof m120_timings / sizeof m120_timings[0],
    75,                                /* as the M320 and T series (4.4, 7 [D]); no M120 figure [I] */
    m120_pools, sizeof m120_pools / sizeof m120_pools[0],
    NULL, 0,                           /* no console line of its own */
    NULL,                              /* one chassis: no member chassis */
};
