/* ch_family.c - reading a family descriptor (ch_family.h). */
#include "ch_family.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

const char *ch_family_pool_label(const ch_family *f, const char *pool)
{
    assert(f != NULL && pool != NULL);
    for (size_t i = 0; i < f->npools; i++)   /* bound: npools, a const table */
        if (strcmp(f->pools[i].pool, pool) == 0)
            return f->pools[i].label;
    return NULL;
}

void ch_family_package(const ch_family *f, const char *rel, char *buf, size_t len)
{
    assert(f != NULL && rel != NULL && buf != NULL && len > 0);
    const char *at = strstr(f->package, "%s");
    if (at == NULL) {
        snprintf(buf, len, "%s", f->package);
        return;
    }
    snprintf(buf, len, "%.*s%s%s", (int)(at - f->package), f->package, rel, at + 2);
}
