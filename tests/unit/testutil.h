/* testutil.h - helpers shared by the unit-test suites: running issu-gen in a
 * child process and capturing what it prints, temporary directories, files,
 * running the generator's phases in-process, and CUnit assertions that carry
 * a formatted message (the case that failed, what was expected).
 */
#ifndef ISSU_TESTUTIL_H
#define ISSU_TESTUTIL_H

#include <stddef.h>

#include "cu_main.h"
#include "ir.h"
#include "lex.h"

#define TU_TIMEOUT_S 20          /* a run of issu-gen longer than this is a hang */
#define TU_SANITIZER_EXIT 99     /* exit status of issu-gen after an ASan/UBSan report */

#ifdef __GNUC__
#define TU_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TU_PRINTF(f, a)
#endif

/* ---- assertions ------------------------------------------------------- */

/* A CUnit assertion whose failure message is formatted (cu_main.h). */
#define tu_check cu_check
#define TU_CHECK(cond, ...) cu_check((cond) ? 1 : 0, __LINE__, __FILE__, __VA_ARGS__)

/* ---- environment ------------------------------------------------------ */

const char *tu_gen(void);        /* $ISSU_GEN, or NULL (reported once) */
const char *tu_srcdir(void);     /* $ISSU_SRCDIR, or "." */
/* Write the expected file of golden case 'name' instead of comparing:
 * $ISSU_GOLDEN_UPDATE is "1" (every case) or a part of the case's name. */
int tu_update_golden(const char *name);

/* ---- running issu-gen ------------------------------------------------- */

typedef struct tu_run {
    int exited;                  /* the child exited (not killed) */
    int status;                  /* its exit status if exited, else -1 */
    int signal;                  /* the signal that killed it, or 0 */
    int timed_out;               /* killed after TU_TIMEOUT_S */
    char *out;                   /* stdout, NUL-terminated */
    size_t outlen;
    char *err;                   /* stderr, NUL-terminated */
    size_t errlen;
} tu_run;

/* Run $ISSU_GEN with args (NULL-terminated, without argv[0]) in directory cwd
 * (NULL: the current one), stdin from /dev/null.  Returns 0, or -1 if the
 * child could not be started (r is then zeroed). */
int tu_run_gen(const char *const *args, const char *cwd, tu_run *r);
void tu_run_free(tu_run *r);
/* "exit 1", "signal 11", "timeout": for failure messages. */
const char *tu_run_how(const tu_run *r, char *buf, size_t cap);

/* ---- files and directories -------------------------------------------- */

char *tu_read_file(const char *path, size_t *len);    /* malloc'd, NUL-terminated; NULL on error */
int tu_write_file(const char *path, const void *buf, size_t len);
char *tu_join(const char *dir, const char *name);     /* malloc'd "dir/name" */
char *tu_mkdtemp(void);                               /* malloc'd new directory under /tmp */
void tu_rmtree(const char *dir);                      /* remove dir and the files in it */
/* Sorted names in dir ending with suffix ("" for all, no dot entries);
 * returns the count and a malloc'd array of malloc'd names in *out. */
int tu_list_dir(const char *dir, const char *suffix, char ***out);
void tu_free_list(char **names, int n);

/* ---- text ------------------------------------------------------------- */

int tu_count_lines(const char *s);                    /* '\n'-terminated lines, a last partial one counts */
/* 1 if line (without its '\n') reads "<path>:L:C: error: MSG" with L, C >= 1
 * and a non-empty MSG; L and C are stored if not NULL. */
int tu_diag_line(const char *line, size_t len, const char *path, int *l, int *c);
/* The first line where a and b differ, for messages (static buffer). */
const char *tu_first_diff(const char *a, const char *b);

/* ---- the generator in-process ----------------------------------------- */

/* Lex, parse, check and analyse buf[0..len) as gen/main.c does, reporting
 * as 'path'; diagnostics go to diag_out (NULL: a scratch file read back by
 * tu_front_diags).  Returns the IR, or NULL if there was any error.  Call
 * tu_front_end() when done with the IR: it frees the arena. */
ir_spec *tu_front(const char *path, const char *buf, size_t len);
/* The same, but after a successful parse 'parsed' (if not NULL) sees the
 * tokens; if it returns non-zero, checking is skipped, *stopped is set and
 * the result is NULL. */
typedef int (*tu_parsed_fn)(const lx_tokens *toks, void *arg);
ir_spec *tu_front_hook(const char *path, const char *buf, size_t len, tu_parsed_fn parsed,
                       void *arg, int *stopped);
const char *tu_front_diags(void);                     /* what the last tu_front printed */
void tu_front_end(void);

#endif
