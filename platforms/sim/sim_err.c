/* sim_err.c - one-line error messages (sim_err.h). */
#include "sim_err.h"

#include <stdarg.h>
#include <stdio.h>

int sim_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (err != NULL && errlen > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}
