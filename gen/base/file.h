/* file.h - reading a whole input file (a spec, an included file, a replay).
 *
 * fi_read() reports nothing: it says what went wrong, and the caller
 * reports it where it belongs (a plain error for a file named on the
 * command line, a located one for an 'include').  It also gives the file's
 * identity (device and inode), by which the loader knows a file that is
 * named twice under two spellings.
 */
#ifndef ISSU_FILE_H
#define ISSU_FILE_H

#include <stddef.h>
#include <sys/types.h>

#define FI_MAX_INPUT ((size_t)64 << 20)    /* 64 MiB: far above any real spec */

typedef enum fi_status {
    FI_OK,
    FI_ERRNO,                   /* open or read failed: err says why */
    FI_DIR,                     /* it is a directory */
    FI_TOO_BIG,                 /* FI_MAX_INPUT bytes or more */
    FI_NOMEM                    /* out of memory */
} fi_status;

typedef struct fi_text {
    char *buf;                  /* malloc'd contents, NUL-terminated after len (a
                                   scan for a delimiter stops there), or NULL */
    size_t len;                 /* their length */
    fi_status status;           /* how the read went */
    int err;                    /* errno, for FI_ERRNO */
    int has_id;                 /* dev and ino are known (a file, not stdin) */
    dev_t dev;                  /* identity of the file read */
    ino_t ino;                  /* with dev */
} fi_text;

/* Read the whole of path ("-": stdin) into out; 0, or -1 with out->status
 * saying why (out->buf is then NULL). */
int fi_read(const char *path, fi_text *out);
/* Why a read failed, for a message: "No such file or directory", "it is a
 * directory", "it is larger than 64 MiB", "out of memory". */
const char *fi_why(const fi_text *t);

#endif
