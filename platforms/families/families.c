/* families.c - the table of models (families.h).  Release floors: DOMAIN
 * 4.1 (MX 9.3), 4.2 (M120 9.2), 4.3 (M320, T320, T640 9.0; T1600 9.1) and
 * 3.4 (QFX5100 13.2X51-D15, EX4600 13.2X51-D25, ACX5000 15.1X54-D60), all
 * [D]; the X51 and X54 service releases (-Dnn) are below the simulator's
 * release granularity (ch_release: major.minor), so those floors are 13.2
 * and 15.1.  PICs per FPC: an MX MPC with 4 MICs, a T-series FPC with 4
 * PICs (a T320 FPC with 2: the vendor's T320 hardware guide), an M120 FPC
 * with 4 (its compact FPCs hold 1: the simulator gives every FPC of a model
 * one count) [D, outside DOMAIN]; none on the VM-based switches, which have no FPC (slots = 0).  The ISSR switch: the floor is
 * the release of the image in DOMAIN 3.5's sample (jinstall-jcp-i386-flex-
 * 18.1.img) [D], the only release it documents ISSR on; its one FPC has one
 * PIC [I] (no ISSR item reads PICs: the checklist checks the PFE).  The
 * routing matrices: ISSU on a TX Matrix from 9.3 (4.4 [D]), taken for the
 * TX Matrix Plus as well [I]; one model per size, named as the spec's
 * profiles (--platform txp --lccs 1 is txp1); no PICs: the SCC and SFC have
 * no FPC, and the LCCs' FPCs are counted, not configured.  The spec has the
 * one-LCC profiles until two to four LCCs have a proof (D47). */
#include "families.h"

#include <assert.h>
#include <string.h>

/* The family descriptors (one file each). */
extern const ch_family ch_family_mx;
extern const ch_family ch_family_m120;
extern const ch_family ch_family_t;
extern const ch_family ch_family_vm;
extern const ch_family ch_family_issr;
extern const ch_family ch_family_txmatrix;
extern const ch_family ch_family_txp;

const ch_model ch_models[] = {
    { "mx240", "MX240", "mx240", &ch_family_mx, 9, 3, 4 },
    { "mx480", "MX480", "mx480", &ch_family_mx, 9, 3, 4 },
    { "mx960", "MX960", "mx960", &ch_family_mx, 9, 3, 4 },
    { "m120", "M120", "m120", &ch_family_m120, 9, 2, 4 },
    { "m320", "M320", "m320", &ch_family_t, 9, 0, 4 },
    { "t320", "T320", "t320", &ch_family_t, 9, 0, 2 },   /* a T320 FPC holds two PICs */
    { "t640", "T640", "t640", &ch_family_t, 9, 0, 4 },
    { "t1600", "T1600", "t1600", &ch_family_t, 9, 1, 4 },
    { "qfx5100", "QFX5100", "qfx5100", &ch_family_vm, 13, 2, 0 },   /* 13.2X51-D15 */
    { "ex4600", "EX4600", "ex4600", &ch_family_vm, 13, 2, 0 },      /* 13.2X51-D25 */
    { "acx5000", "ACX5000", "acx5000", &ch_family_vm, 15, 1, 0 },   /* 15.1X54-D60 */
    { "jcp", "ISSR switch (jcp)", "jcp", &ch_family_issr, 18, 1, 1 },
    { "txm1", "TX Matrix (1 LCC)", "txm1", &ch_family_txmatrix, 9, 3, 0 },
    { "txp1", "TX Matrix Plus (1 LCC)", "txp1", &ch_family_txp, 9, 3, 0 },
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
