/* t.c - the T family (M320, T320, T640, T1600; DOMAIN 4.3): the PFE on the
 * FPC, the generic sequence; during the GRES switchover each PFE keeps
 * about 75 % of its line rate (4.4, 7 [D]). */
#include "ch_family.h"

/* Declared where the table uses it (families.c). */
extern const ch_family ch_family_t;

static const ch_pool_label t_pools[] = {
    { "fpc", "FPC" },
};

const ch_family ch_family_t = {
    "t",                               /* the spec's family */
    "T Series and M320",
    "jinstall-%s-domestic-signed.tgz",
    NULL, 0,                           /* no T-specific figures in DOMAIN 7: the shared ones */
    75,                                /* ~75 % of line rate per PFE during GRES (4.4 [D]) */
    t_pools, sizeof t_pools / sizeof t_pools[0],
    NULL, 0,                           /* no console line of its own */
    NULL,                              /* one chassis: no member chassis */
};
