/* cli_journal.c - the journal file (cli_journal.h). */
#include "cli_journal.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sim_err.h"

#define JF_FORMAT "issu-journal-1"
#define JF_HEAD_MAX (CLI_JFILE_TEXT_MAX + 8u * CLI_JFILE_ARGS_MAX + 256u) /* bound: header bytes */

int cli_jfile_own_flag(const char *w, int *skip)
{
    static const char *const flags[] = { "--journal", "--crash-after", "--torn-write" };
    for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++) {   /* bound: the table */
        size_t n = strlen(flags[k]);
        if (strncmp(w, flags[k], n) == 0 && (w[n] == '\0' || w[n] == '=')) {
            *skip = w[n] == '\0' && k < 2 ? 2 : 1;
            return 1;
        }
    }
    return 0;
}

/* The header into f; 0 or -1 with a message. */
static int write_head(FILE *f, const char *subcommand, int argc, char **argv, uint32_t crash_after, int torn,
                      char *err, size_t errlen)
{
    fprintf(f, "%s\nsubcommand %s\n", JF_FORMAT, subcommand);
    int words = 0;
    for (int i = 0; i < argc; i++) {                   /* bound: argc */
        int skip = 1;
        if (cli_jfile_own_flag(argv[i], &skip)) {
            i += skip - 1;
            continue;
        }
        if (strchr(argv[i], '\n') != NULL || ++words > (int)CLI_JFILE_ARGS_MAX)
            return sim_err(err, errlen, "the command line cannot be recorded (a word with a newline, or "
                           "more than %u words)", CLI_JFILE_ARGS_MAX);
        fprintf(f, "arg %s\n", argv[i]);
    }
    fprintf(f, "crash-after %lu\ntorn-write %d\njournal %lu\n", (unsigned long)crash_after, torn ? 1 : 0,
            (unsigned long)ISSU_JOURNAL_BYTES);
    return 0;
}

int cli_jfile_save(const char *path, const char *subcommand, int argc, char **argv, uint32_t crash_after,
                   int torn, const uint8_t *journal, char *err, size_t errlen)
{
    char tmp[1024];
    assert(path != NULL && subcommand != NULL && journal != NULL);
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return sim_err(err, errlen, "journal file name too long");
    FILE *f = fopen(tmp, "wb");
    if (f == NULL)
        return sim_err(err, errlen, "cannot write journal file '%s': %s", path, strerror(errno));
    int rc = write_head(f, subcommand, argc, argv, crash_after, torn, err, errlen);
    if (rc == 0 && fwrite(journal, 1, ISSU_JOURNAL_BYTES, f) != ISSU_JOURNAL_BYTES)
        rc = -1;
    if ((ferror(f) | fclose(f)) != 0 || rc != 0 || rename(tmp, path) != 0) {
        if (rc == 0)
            sim_err(err, errlen, "cannot write journal file '%s'", path);
        remove(tmp);
        return -1;
    }
    return 0;
}

/* The next header line of text[*at..len) into line (no newline); 0, or -1. */
static int next_line(const char *text, size_t len, size_t *at, char *line, size_t max)
{
    size_t n = 0;
    for (; *at < len && text[*at] != '\n'; ++*at) {    /* bound: len */
        if (n + 1 >= max || text[*at] == '\0')
            return -1;
        line[n++] = text[*at];
    }
    if (*at >= len)
        return -1;
    ++*at;
    line[n] = '\0';
    return 0;
}

/* "KEY VALUE": the value if the line's key is key, else NULL. */
static const char *value_of(const char *line, const char *key)
{
    size_t n = strlen(key);
    return strncmp(line, key, n) == 0 && line[n] == ' ' ? line + n + 1 : NULL;
}

static int parse_u32(const char *s, uint32_t *out)
{
    unsigned long v = 0;
    if (s == NULL || *s == '\0')
        return -1;
    for (; *s != '\0'; s++) {                          /* bound: the line */
        if (*s < '0' || *s > '9' || v > 0xffffffffUL / 10u)
            return -1;
        v = v * 10u + (unsigned long)(*s - '0');
    }
    if (v > 0xffffffffUL)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

/* The header's word lines into out; the line after them in line. */
static int read_args(const char *text, size_t len, size_t *at, cli_jfile *out, char *line, size_t max)
{
    size_t used = 0;
    for (;;) {                                         /* bound: CLI_JFILE_ARGS_MAX words */
        if (next_line(text, len, at, line, max) != 0)
            return -1;
        const char *w = value_of(line, "arg");
        if (w == NULL)
            return 0;
        size_t n = strlen(w) + 1;
        if (out->argc == (int)CLI_JFILE_ARGS_MAX || used + n > sizeof out->text)
            return -1;
        memcpy(out->text + used, w, n);
        out->argv[out->argc++] = out->text + used;
        used += n;
    }
}

int cli_jfile_parse(const char *text, size_t len, cli_jfile *out)
{
    char line[CLI_JFILE_TEXT_MAX];
    size_t at = 0;
    uint32_t torn = 0, bytes = 0;
    memset(out, 0, sizeof *out);
    if (next_line(text, len, &at, line, sizeof line) != 0 || strcmp(line, JF_FORMAT) != 0)
        return -1;
    const char *sub;
    if (next_line(text, len, &at, line, sizeof line) != 0 || (sub = value_of(line, "subcommand")) == NULL
        || strlen(sub) >= sizeof out->subcommand)
        return -1;
    memcpy(out->subcommand, sub, strlen(sub) + 1);
    if (read_args(text, len, &at, out, line, sizeof line) != 0
        || parse_u32(value_of(line, "crash-after"), &out->crash_after) != 0
        || next_line(text, len, &at, line, sizeof line) != 0
        || parse_u32(value_of(line, "torn-write"), &torn) != 0 || torn > 1
        || next_line(text, len, &at, line, sizeof line) != 0
        || parse_u32(value_of(line, "journal"), &bytes) != 0 || bytes != ISSU_JOURNAL_BYTES
        || len - at != ISSU_JOURNAL_BYTES)
        return -1;
    out->torn = (int)torn;
    memcpy(out->journal, text + at, ISSU_JOURNAL_BYTES);
    return 0;
}

int cli_jfile_load(const char *path, cli_jfile *out, char *err, size_t errlen)
{
    static char text[JF_HEAD_MAX + ISSU_JOURNAL_BYTES + 1];
    assert(path != NULL && out != NULL);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return sim_err(err, errlen, "cannot read journal file '%s': %s", path, strerror(errno));
    size_t n = fread(text, 1, sizeof text, f);
    int bad = ferror(f);
    fclose(f);
    if (bad)
        return sim_err(err, errlen, "cannot read journal file '%s'", path);
    if (n == sizeof text || cli_jfile_parse(text, n, out) != 0)
        return sim_err(err, errlen, "'%s' is not an issu journal file of this build (%s, with a journal "
                       "area of %u bytes)", path, JF_FORMAT, (unsigned)ISSU_JOURNAL_BYTES);
    return 0;
}
