/* main.c - the unit-test program: registers every suite and runs them with
 * CUnit's basic interface in verbose mode, so that the run summary ends the
 * output.  Exit status: 0 if every test passed, 1 otherwise (a failed
 * assertion, a suite whose setup failed, or a registry error). */
#include <stdio.h>

#include <CUnit/Basic.h>

#include "suites.h"

int main(void)
{
    static int (*const reg[])(void) = {
        register_lex, register_check, register_golden, register_robust, register_scenario,
    };
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
        return 1;
    }
    for (size_t i = 0; i < sizeof reg / sizeof reg[0]; i++) {
        if (reg[i]() != 0 || CU_get_error() != CUE_SUCCESS) {
            fprintf(stderr, "unit-tests: cannot register suite %zu: %s\n", i,
                    CU_get_error_msg());
            CU_cleanup_registry();
            return 1;
        }
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_ErrorCode rc = CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    unsigned tests_failed = CU_get_number_of_tests_failed();
    unsigned suites_failed = CU_get_number_of_suites_failed();
    CU_cleanup_registry();
    return rc != CUE_SUCCESS || failed || tests_failed || suites_failed ? 1 : 0;
}
