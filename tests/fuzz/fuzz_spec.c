/* fuzz_spec.c - libFuzzer target: the spec front end (lexer, parser with
 * its includes, checker, analyses), as issu-gen runs it, on any bytes.
 * Whatever the input, it must end with the spec accepted or with located
 * diagnostics: no crash, no sanitizer report, no hang.  The input is an
 * exact-size copy, so that a read one byte past it is an ASan error.
 * Includes resolve next to a path that does not exist, so an input can
 * never read a file of the repository. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "arena.h"
#include "check.h"
#include "diag.h"
#include "fuzz_copy.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    static const char path[] = "/nonexistent/fuzz/spec.fsm";
    if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL)
        abort();
    diag_init(path, sink);
    char empty[1] = "";
    char *copy = fz_copy(data, size, empty);
    if (copy == NULL)
        return 0;
    ast_spec ast;
    ir_spec *ir = NULL;
    if (ld_load(path, copy, size, &ast, NULL) == 0 && diag_count() == 0
        && ck_check(&ast, path, &ir) == 0 && diag_count() == 0)
        (void)an_analyze(ir);
    fz_free(copy, empty);
    ar_free_all();
    return 0;
}
