/* cu_main.h - what the three CUnit programs (tests/unit, tests/runtime,
 * tests/platforms) share: an assertion with a formatted message, and the
 * main program that registers the suites and runs them. */
#ifndef ISSU_CU_MAIN_H
#define ISSU_CU_MAIN_H

#include <stddef.h>

/* A CUnit assertion whose failure message is formatted (CUnit copies it). */
int cu_check(int ok, unsigned line, const char *file, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Register the n suites (each returns 0, or -1 after a registry error) and
 * run them verbosely.  Returns the exit status: 0 only if every test passed;
 * prog names the program in messages. */
int cu_main(const char *prog, int (*const reg[])(void), size_t n);

#endif
