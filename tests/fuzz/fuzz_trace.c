/* fuzz_trace.c - libFuzzer target: the trace checker (issu-gen
 * --check-trace) on any bytes, against a small spec of several machines
 * (tests/specs/systems/array.fsm, read once).  Every input must be
 * accepted as a run of the model or refused with a located message. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "arena.h"
#include "check.h"
#include "check_trace.h"
#include "diag.h"
#include "file.h"
#include "load.h"

#ifndef FUZZ_TRACE_SPEC
#define FUZZ_TRACE_SPEC "tests/specs/systems/array.fsm"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static fi_text spec_text;                          /* read once */
static FILE *sink;

/* The spec, checked again for each input: what the checker allocates for
 * a trace is in the generator's arena with the IR, and the arena is
 * released after each input (so the target runs in constant memory).
 * Exits if the spec does not check (a broken build, not a find). */
static ir_spec *load_spec(void)
{
    ast_spec ast;
    ir_spec *spec = NULL;
    if (sink == NULL && ((sink = fopen("/dev/null", "w")) == NULL || fi_read(FUZZ_TRACE_SPEC, &spec_text) != 0)) {
        fprintf(stderr, "fuzz_trace: cannot read %s\n", FUZZ_TRACE_SPEC);
        exit(2);
    }
    diag_init(FUZZ_TRACE_SPEC, NULL);
    if (ld_load(FUZZ_TRACE_SPEC, spec_text.buf, spec_text.len, &ast, NULL) || diag_count()
        || ck_check(&ast, FUZZ_TRACE_SPEC, &spec) || diag_count() || an_analyze(spec) || diag_count()) {
        fprintf(stderr, "fuzz_trace: %s does not check\n", FUZZ_TRACE_SPEC);
        exit(2);
    }
    return spec;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ir_spec *spec = load_spec();
    char *text = malloc(size + 1);                 /* the reader's contract: NUL-ended (file.c) */
    if (text != NULL) {
        memcpy(text, data, size);
        text[size] = '\0';
        (void)ct_check(sink, spec, 0, "fuzz.jsonl", text, size);
        free(text);
    }
    ar_free_all();
    return 0;
}
