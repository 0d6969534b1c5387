/* cu_main.c - the shared CUnit harness (cu_main.h). */
#include "cu_main.h"

#include <stdarg.h>
#include <stdio.h>

#include <CUnit/Basic.h>

int cu_check(int ok, unsigned line, const char *file, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, msg, file, "", CU_FALSE);
    return ok;
}

int cu_main(const char *prog, int (*const reg[])(void), size_t n)
{
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "%s: %s\n", prog, CU_get_error_msg());
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (reg[i]() != 0 || CU_get_error() != CUE_SUCCESS) {
            fprintf(stderr, "%s: cannot register suite %zu: %s\n", prog, i, CU_get_error_msg());
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
