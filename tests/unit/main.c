/* main.c - the unit-test program: registers every suite and runs them with
 * CUnit's basic interface in verbose mode, so that the run summary ends the
 * output.  Exit status: 0 if every test passed, 1 otherwise (a failed
 * assertion, a suite whose setup failed, or a registry error). */
#include "cu_main.h"
#include "suites.h"

int main(void)
{
    static int (*const reg[])(void) = {
        register_lex, register_check, register_golden, register_robust, register_scenario,
        register_modular, register_prune,
    };
    return cu_main("unit-tests", reg, sizeof reg / sizeof reg[0]);
}
