/* cli_run.h - the platform tests run the issu CLI as a user does: the
 * sanitizer build named by $ISSU_CLI (make check sets it), in a process of
 * its own, its output captured.  Used by test_cli.c and test_package.c. */
#ifndef PT_CLI_RUN_H
#define PT_CLI_RUN_H

#include <stddef.h>

#define PT_OUT_MAX 65536               /* bound: captured bytes of stdout, of stderr */

/* What the last pt_cli() printed, NUL-terminated. */
extern char pt_out[PT_OUT_MAX], pt_err[PT_OUT_MAX];

/* A new directory "/tmp/issu-NAME-XXXXXX" into dir (len bytes); 0 or -1. */
int pt_tmpdir(char *dir, size_t len, const char *name);
/* Remove it and what it holds; 0 or -1. */
int pt_rmdir(const char *dir);
/* Run $ISSU_CLI with the words of args (split at spaces), input on its
 * standard input (NULL: /dev/null); its output in pt_out and pt_err (files
 * in dir hold them meanwhile).  Its exit status, or -1. */
int pt_cli(const char *dir, const char *args, const char *input);
/* The text of a file (at most PT_OUT_MAX - 1 bytes) into buf; "" if none. */
void pt_slurp(const char *path, char *buf);

#endif
