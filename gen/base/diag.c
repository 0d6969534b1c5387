/* diag.c - diagnostics sink (see diag.h). */
#include "diag.h"

#include <stdarg.h>

static const char *diag_name = "<input>";
static FILE *diag_out;
static int diag_errors;

void diag_init(const char *file, FILE *out)
{
    diag_name = file ? file : "<input>";
    diag_out = out;
    diag_errors = 0;
}

static FILE *diag_stream(void)
{
    return diag_out ? diag_out : stderr;
}

void diag_error(loc at, const char *fmt, ...)
{
    diag_errors++;
    if (diag_errors > DIAG_MAX_ERRORS)
        return;
    FILE *f = diag_stream();
    fprintf(f, "%s:%d:%d: error: ", diag_name, at.line, at.col);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    if (diag_errors == DIAG_MAX_ERRORS)
        fprintf(f, "%s:%d:%d: error: too many errors, stopping here\n",
                diag_name, at.line, at.col);
}

void diag_plain(const char *fmt, ...)
{
    diag_errors++;
    FILE *f = diag_stream();
    fputs("issu-gen: error: ", f);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
}

int diag_count(void)
{
    return diag_errors;
}
