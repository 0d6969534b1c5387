/* diag.h - located diagnostics: "file:line:col: error: message".
 *
 * Every phase reports through diag_error(); the driver checks diag_count()
 * at each phase boundary and stops there if it is not zero.  After
 * DIAG_MAX_ERRORS errors further ones are counted but not printed, so a
 * binary file cannot flood the terminal.
 */
#ifndef ISSU_DIAG_H
#define ISSU_DIAG_H

#include <stdio.h>

#define DIAG_MAX_ERRORS 20

typedef struct loc {
    int line;                           /* 1-based line */
    int col;                            /* 1-based byte column */
} loc;

void diag_init(const char *file, FILE *out);  /* out NULL: stderr */
void diag_error(loc at, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void diag_plain(const char *fmt, ...)        /* "issu-gen: error: ..." with no location */
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    ;
int diag_count(void);

#endif
