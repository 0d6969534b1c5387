/* diag.h - located diagnostics: "file:line:col: error: message".
 *
 * Every phase reports through diag_error(); the driver checks diag_count()
 * at each phase boundary and stops there if it is not zero.  After
 * DIAG_MAX_ERRORS errors further ones are counted but not printed, so a
 * binary file cannot flood the terminal.  A location carries its file: a
 * spec may be split over several files (include), and each diagnostic names
 * the file it is about.  A diagnostic that repeats one already printed (same
 * place, same text: the transitions of one event list share their source)
 * is printed and counted once.
 */
#ifndef ISSU_DIAG_H
#define ISSU_DIAG_H

#include <stdio.h>

#define DIAG_MAX_ERRORS 20

typedef struct loc {
    int line;                           /* 1-based line */
    int col;                            /* 1-based byte column */
    const char *file;                   /* its file; NULL: the one given to diag_init */
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
/* The file of a location as diagnostics name it. */
const char *diag_file(loc at);
/* 1 if a and b are in the same file. */
int diag_same_file(loc a, loc b);
/* How a message at 'here' refers to location 'to': "line 12" in the same
 * file, "path/other.fsm:12" in another (arena string). */
const char *diag_ref(loc to, loc here);

#endif
