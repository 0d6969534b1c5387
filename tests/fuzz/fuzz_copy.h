/* fuzz_copy.h - the input of a libFuzzer target as the readers take it:
 * an exact-size heap copy (a read one byte past it is an ASan error), and
 * a one-byte buffer for the empty input. */
#ifndef FUZZ_COPY_H
#define FUZZ_COPY_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The copy (free it), or `empty` for no bytes; NULL if out of memory. */
static char *fz_copy(const uint8_t *data, size_t size, char *empty)
{
    char *copy = size ? malloc(size) : empty;
    if (size && copy != NULL)
        memcpy(copy, data, size);
    return copy;
}

/* Free what fz_copy returned. */
static void fz_free(char *copy, const char *empty)
{
    if (copy != empty)
        free(copy);
}

#endif
