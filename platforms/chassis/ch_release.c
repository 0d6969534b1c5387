/* ch_release.c - Junos release numbers (ch_release.h). */
#include "ch_release.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

/* Read a decimal number of at most 4 digits at *s; -1 if none. */
static int32_t number(const char **s)
{
    int32_t v = 0;
    int digits = 0;
    while (**s >= '0' && **s <= '9') {
        if (++digits > 4)
            return -1;
        v = v * 10 + (int32_t)(**s - '0');
        (*s)++;
    }
    return digits == 0 ? -1 : v;
}

int ch_release_parse(const char *s, ch_release *v)
{
    assert(s != NULL && v != NULL);
    memset(v, 0, sizeof *v);
    if (strlen(s) >= sizeof v->text)
        return -1;
    const char *p = s;
    int32_t major = number(&p);
    if (major < 1 || *p++ != '.')
        return -1;
    int32_t minor = number(&p);
    if (minor < 1 || minor > 4 || *p++ != 'R')
        return -1;
    int32_t r = number(&p);
    if (r < 1)
        return -1;
    int32_t build = 0;
    if (*p == '.' && (p++, (build = number(&p)) < 0))
        return -1;
    if (*p != '\0')
        return -1;
    v->major = (uint32_t)major;
    v->minor = (uint32_t)minor;
    v->rlevel = (uint32_t)r;
    v->build = (uint32_t)build;
    memcpy(v->text, s, strlen(s) + 1);
    return 0;
}

int ch_release_cmp(const ch_release *a, const ch_release *b)
{
    assert(a != NULL && b != NULL);
    const uint32_t ka[4] = { a->major, a->minor, a->rlevel, a->build };
    const uint32_t kb[4] = { b->major, b->minor, b->rlevel, b->build };
    for (int i = 0; i < 4; i++)
        if (ka[i] != kb[i])
            return ka[i] < kb[i] ? -1 : 1;
    return 0;
}

int32_t ch_release_distance(const ch_release *a, const ch_release *b)
{
    assert(a != NULL && b != NULL);
    int32_t qa = (int32_t)(a->major * 4u + a->minor);
    int32_t qb = (int32_t)(b->major * 4u + b->minor);
    return qb - qa;
}

int ch_release_at_least(const ch_release *v, uint32_t major, uint32_t minor)
{
    assert(v != NULL);
    return v->major != major ? v->major > major : v->minor >= minor;
}
