/* sim_err.h - the one-line error messages of the simulators and the CLI:
 * lower case, no full stop, the subject in quotes, written into the
 * caller's buffer; the caller prints it and exits 2. */
#ifndef SIM_ERR_H
#define SIM_ERR_H

#include <stddef.h>

/* Format the message into err[0..errlen-1] (nothing if err is NULL or
 * errlen 0).  Returns -1, so that `return sim_err(...)` fails a parser. */
int sim_err(char *err, size_t errlen, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
