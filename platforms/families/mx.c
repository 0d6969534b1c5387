/* mx.c - the MX family (MX240, MX480, MX960; DOMAIN 4.1): FPCs with their
 * PFEs warm-booted one at a time; GRES keeps every PFE at full rate. */
#include "ch_family.h"

/* Declared where the table uses it (families.c). */
extern const ch_family ch_family_mx;

static const ch_pool_label mx_pools[] = {
    { "fpc", "FPC" },
};

const ch_family ch_family_mx = {
    "mx",                              /* the spec's family */
    "MX Series",
    "junos-install-mx-x86-64-%s.tgz",
    NULL, 0,                           /* the shared timings are MX480 figures (DOMAIN 7) */
    100,                               /* no forwarding hit at the switchover (4.1 [O]) */
    mx_pools, sizeof mx_pools / sizeof mx_pools[0],
    NULL, 0,                           /* no console line of its own */
    NULL,                              /* one chassis: no member chassis */
};
