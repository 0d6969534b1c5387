/* cli_journal.h - the journal file of `issu upgrade --journal FILE` and
 * `issu resume --journal FILE`.
 *
 * On a router, the orchestrator's journal lives in storage that survives
 * the orchestrator; here it is a file.  It holds what the resume needs to
 * stand the same simulated router up again and the journal area itself:
 *
 *     issu-journal-1                 the format, first line
 *     subcommand upgrade             the request: upgrade, validate or reboot-in-service
 *     arg --platform                 its flags, one word per line, in order
 *     arg mx480                      (without --journal, --crash-after, --torn-write)
 *     crash-after 12                 the journal write after which the orchestrator died (0: it did not)
 *     torn-write 1                   that write was torn (0 or 1)
 *     journal 3424                   then exactly that many bytes: the journal area
 *
 * The simulated router is not saved: it is deterministic, so `issu resume`
 * runs the recorded request again (the orchestrator's output discarded) up
 * to the recorded crash, checks that the journal it leads to is the file's
 * byte for byte, and then a fresh orchestrator resumes from the file's
 * journal alone.  Anything else in the file is refused with a message. */
#ifndef CLI_JOURNAL_H
#define CLI_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "issu.h"

#define CLI_JFILE_ARGS_MAX 64u         /* bound: words of the recorded command line */
#define CLI_JFILE_TEXT_MAX 4096u       /* bound: bytes of those words */

typedef struct cli_jfile {
    char subcommand[32];               /* "upgrade" */
    int argc;                          /* words in argv */
    char *argv[CLI_JFILE_ARGS_MAX];    /* into text */
    char text[CLI_JFILE_TEXT_MAX];     /* the words, NUL-terminated */
    uint32_t crash_after;              /* 0: the run did not crash */
    int torn;                          /* the last write was torn */
    uint8_t journal[ISSU_JOURNAL_BYTES]; /* the journal area */
} cli_jfile;

/* 1 if argv word w is one of the journal's own flags (not recorded); *skip
 * is set to the words it takes (1, or 2 with a separate value). */
int cli_jfile_own_flag(const char *w, int *skip);

/* Write the file at `path` whole or not at all (a temporary file, then
 * renamed): the command line (its journal flags left out), the crash point
 * and the journal.  0, or -1 with a message. */
int cli_jfile_save(const char *path, const char *subcommand, int argc, char **argv, uint32_t crash_after,
                   int torn, const uint8_t *journal, char *err, size_t errlen);

/* Read a journal file's bytes held in memory (text[0..len-1]).  0, or -1. */
int cli_jfile_parse(const char *text, size_t len, cli_jfile *out);

/* Read and check a file.  0, or -1 with "FILE: why" in err. */
int cli_jfile_load(const char *path, cli_jfile *out, char *err, size_t errlen);

#endif
