/* suites.h - the suites of the platform-tests program; main.c registers
 * them in this order.  Each returns 0, or -1 after a CUnit registry error. */
#ifndef PT_SUITES_H
#define PT_SUITES_H

#include <stdarg.h>

int register_sim(void);          /* test_sim.c: clock, scheduler, PRNG, faults, traffic */
int register_mx(void);           /* test_mx.c: the generated controller on the simulated MX */
int register_cli(void);          /* test_cli.c: the issu CLI and its package reader */

/* A CUnit assertion with a formatted message (CUnit copies it). */
int pt_check(int ok, unsigned line, const char *file, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;
#define PT_CHECK(cond, ...) pt_check((cond) ? 1 : 0, __LINE__, __FILE__, __VA_ARGS__)

#endif
