/* suites.h - the suites of the platform-tests program; main.c registers
 * them in this order.  Each returns 0, or -1 after a CUnit registry error. */
#ifndef PT_SUITES_H
#define PT_SUITES_H

int register_sim(void);          /* test_sim.c: clock, scheduler, PRNG, faults, traffic */
int register_chassis(void);      /* test_chassis.c: the generated controller on the chassis layer */
int register_cli(void);          /* test_cli.c: the issu CLI */
int register_package(void);      /* test_package.c: signed packages, issu package */

#include "cu_main.h"

#define PT_CHECK(cond, ...) cu_check((cond) ? 1 : 0, __LINE__, __FILE__, __VA_ARGS__)

#endif
