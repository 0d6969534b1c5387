/* main.c - the platform-tests program: the simulation core, the MX backend
 * with the generated controller, and the issu CLI.  CUnit basic interface,
 * verbose; exit status 0 if every test passed, 1 otherwise. */
#include <stdio.h>

#include <CUnit/Basic.h>

#include "suites.h"

int pt_check(int ok, unsigned line, const char *file, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, msg, file, "", CU_FALSE);
    return ok;
}

int main(void)
{
    static int (*const reg[])(void) = { register_sim, register_mx, register_cli };
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "platform-tests: %s\n", CU_get_error_msg());
        return 1;
    }
    for (size_t i = 0; i < sizeof reg / sizeof reg[0]; i++) {
        if (reg[i]() != 0 || CU_get_error() != CUE_SUCCESS) {
            fprintf(stderr, "platform-tests: cannot register suite %zu: %s\n", i, CU_get_error_msg());
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
