/* diag.c - diagnostics sink (see diag.h). */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static const char *diag_name = "<input>";
static FILE *diag_out;
static int diag_errors;
static uint64_t diag_seen[DIAG_MAX_ERRORS];    /* hashes of the printed diagnostics */
static int diag_nseen;

void diag_init(const char *file, FILE *out)
{
    diag_name = file ? file : "<input>";
    diag_out = out;
    diag_errors = 0;
    diag_nseen = 0;
}

static FILE *diag_stream(void)
{
    return diag_out ? diag_out : stderr;
}

const char *diag_file(loc at)
{
    return at.file ? at.file : diag_name;
}

int diag_same_file(loc a, loc b)
{
    return strcmp(diag_file(a), diag_file(b)) == 0;
}

const char *diag_ref(loc to, loc here)
{
    if (diag_same_file(to, here))
        return ar_printf("line %d", to.line);
    return ar_printf("%s:%d", diag_file(to), to.line);
}

static uint64_t diag_hash(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h * 1099511628211ull;
}

/* 1 if the diagnostic "file:line:col: text" was printed already; else
 * remembers it (only printed ones are remembered: at most DIAG_MAX_ERRORS). */
static int diag_repeated(const char *file, const char *where, const char *text)
{
    uint64_t h = diag_hash(diag_hash(diag_hash(14695981039346656037ull, file), where), text);
    for (int i = 0; i < diag_nseen; i++)
        if (diag_seen[i] == h)
            return 1;
    if (diag_nseen < DIAG_MAX_ERRORS)
        diag_seen[diag_nseen++] = h;
    return 0;
}

void diag_error(loc at, const char *fmt, ...)
{
    char where[64], small[512];
    if (diag_errors >= DIAG_MAX_ERRORS) {      /* counted, not printed */
        diag_errors++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    char *text = n >= 0 && (size_t)n >= sizeof small ? malloc((size_t)n + 1) : NULL;
    if (text) {
        va_start(ap, fmt);
        vsnprintf(text, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    const char *msg = text ? text : small;   /* out of memory: the message cut short */
    snprintf(where, sizeof where, ":%d:%d", at.line, at.col);
    if (!diag_repeated(diag_file(at), where, msg)) {
        FILE *f = diag_stream();
        diag_errors++;
        fprintf(f, "%s%s: error: %s\n", diag_file(at), where, msg);
        if (diag_errors == DIAG_MAX_ERRORS)
            fprintf(f, "%s%s: error: too many errors, stopping here\n", diag_file(at), where);
    }
    free(text);
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
