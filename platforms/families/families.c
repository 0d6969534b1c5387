/* families.c - the table of models (families.h).  Release floors: DOMAIN
 * 4.1 (MX 9.3) and 4.3 (M320, T320, T640 9.0; T1600 9.1), all [D].  PICs
 * per FPC: an MX MPC with 4 MICs, a T-series FPC with 4 PICs (a T320 FPC
 * with 2: the vendor's T320 hardware guide). */
#include "families.h"

#include <assert.h>
#include <string.h>

/* The family descriptors (one file each). */
extern const ch_family ch_family_mx;
extern const ch_family ch_family_t;

const ch_model ch_models[] = {
    { "mx240", "MX240", "mx240", &ch_family_mx, 9, 3, 4 },
    { "mx480", "MX480", "mx480", &ch_family_mx, 9, 3, 4 },
    { "mx960", "MX960", "mx960", &ch_family_mx, 9, 3, 4 },
    { "m320", "M320", "m320", &ch_family_t, 9, 0, 4 },
    { "t320", "T320", "t320", &ch_family_t, 9, 0, 2 },   /* a T320 FPC holds two PICs */
    { "t640", "T640", "t640", &ch_family_t, 9, 0, 4 },
    { "t1600", "T1600", "t1600", &ch_family_t, 9, 1, 4 },
};
const size_t ch_model_count = sizeof ch_models / sizeof ch_models[0];

const ch_model *ch_model_find(const char *name)
{
    assert(name != NULL);
    for (size_t i = 0; i < ch_model_count; i++)   /* bound: the table */
        if (strcmp(ch_models[i].name, name) == 0)
            return &ch_models[i];
    return NULL;
}
