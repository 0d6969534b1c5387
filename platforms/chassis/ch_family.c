/* ch_family.c - reading a family descriptor (ch_family.h). */
#include "ch_family.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define CH_IMAGE_MAX 128u              /* bound: an image's file name */

const char *ch_family_pool_label(const ch_family *f, const char *pool)
{
    assert(f != NULL && pool != NULL);
    for (size_t i = 0; i < f->npools; i++)   /* bound: npools, a const table */
        if (strcmp(f->pools[i].pool, pool) == 0)
            return f->pools[i].label;
    return NULL;
}

/* fmt with its first "%s" replaced by s (a descriptor's text is data, never
 * a printf format), into buf. */
static void fill(const char *fmt, const char *s, char *buf, size_t len)
{
    const char *at = strstr(fmt, "%s");
    if (at == NULL)
        snprintf(buf, len, "%s", fmt);
    else
        snprintf(buf, len, "%.*s%s%s", (int)(at - fmt), fmt, s, at + 2);
}

void ch_family_package(const ch_family *f, const char *rel, char *buf, size_t len)
{
    assert(f != NULL && rel != NULL && buf != NULL && len > 0);
    fill(f->package, rel, buf, len);
}

int ch_family_note(const ch_family *f, const char *cmd, const char *rel, char *buf, size_t len)
{
    assert(f != NULL && cmd != NULL && rel != NULL && buf != NULL && len > 0);
    for (size_t i = 0; i < f->nnotes; i++) {   /* bound: nnotes, a const table */
        if (strcmp(f->notes[i].cmd, cmd) != 0)
            continue;
        char image[CH_IMAGE_MAX];
        ch_family_package(f, rel, image, sizeof image);
        fill(f->notes[i].fmt, image, buf, len);
        return 0;
    }
    return -1;
}
