/* ch_release.h - Junos releases as the chassis and the package reader see
 * them: "24.2R1.17" is major 24, minor 2 (quarterly releases 1..4), R level
 * 1, build 17.  Parsing, ordering, the distance in quarterly releases (P7)
 * and the comparison with a model's release floor (P6). */
#ifndef CH_RELEASE_H
#define CH_RELEASE_H

#include <stdint.h>

#define CH_RELEASE_TEXT 24u            /* bound: a release as written, with NUL */

typedef struct ch_release {
    uint32_t major;                    /* 24 */
    uint32_t minor;                    /* 2 (1..4: quarterly releases) */
    uint32_t rlevel;                   /* 1 for R1 */
    uint32_t build;                    /* 17, 0 when absent */
    char text[CH_RELEASE_TEXT];        /* as written */
} ch_release;

/* Parse "24.2R1.17" (build optional) into *v.  0, or -1 (and *v zeroed). */
int ch_release_parse(const char *s, ch_release *v);

/* <0, 0, >0 as a is older than, the same as, newer than b. */
int ch_release_cmp(const ch_release *a, const ch_release *b);

/* Quarterly releases from a to b (24.2 - 23.4 = 2); negative if b is older. */
int32_t ch_release_distance(const ch_release *a, const ch_release *b);

/* Is v at or above the release floor major.minor (9.3: ISSU on MX)? */
int ch_release_at_least(const ch_release *v, uint32_t major, uint32_t minor);

#endif
