/* file.c - whole-file reads (see file.h). */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"

/* Read f to its end into out->buf; sets out->status. */
static void fi_slurp(FILE *f, fi_text *out)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {                          /* bound: FI_MAX_INPUT */
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        if (cap >= FI_MAX_INPUT) {
            out->status = FI_TOO_BIG;
            free(buf);
            return;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    if (!buf) {
        out->status = FI_NOMEM;
        return;
    }
    if (ferror(f)) {
        out->status = FI_ERRNO;
        out->err = errno;
        free(buf);
        return;
    }
    buf[n] = '\0';                        /* n < cap: the loop ends only so */
    out->buf = buf;
    out->len = n;
}

int fi_read(const char *path, fi_text *out)
{
    memset(out, 0, sizeof *out);
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        out->status = FI_ERRNO;
        out->err = errno;
        return -1;
    }
    struct stat st;
    if (!is_stdin && fstat(fileno(f), &st) == 0) {
        out->has_id = 1;
        out->dev = st.st_dev;
        out->ino = st.st_ino;
        if (S_ISDIR(st.st_mode))
            out->status = FI_DIR;
    }
    if (out->status == FI_OK)
        fi_slurp(f, out);
    if (!is_stdin)
        fclose(f);
    return out->status == FI_OK ? 0 : -1;
}

const char *fi_why(const fi_text *t)
{
    switch (t->status) {
    case FI_OK:
        return "no error";
    case FI_ERRNO:
        return strerror(t->err);
    case FI_DIR:
        return "it is a directory";
    case FI_TOO_BIG:
        return ar_printf("it is larger than %zu MiB", FI_MAX_INPUT >> 20);
    case FI_NOMEM:
        return "out of memory";
    }
    return "?";
}
