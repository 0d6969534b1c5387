/* cli_replay.c - see cli_replay.h. */
#include "cli_replay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp.h"

#define CLI_REPLAY_MAX ((long)64 << 20)  /* 64 MiB of trace: far above any run */

static void cli_replay_console(void *ctx, issu_time_ms t, const char *line)
{
    (void)ctx;
    (void)t;
    printf("%s\n", line);
}

/* The whole file, NUL-terminated, or NULL after a message. */
static char *cli_replay_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "issu replay: cannot open '%s'\n", path);
        return NULL;
    }
    char *buf = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n <= CLI_REPLAY_MAX && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)n + 1)) != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "issu replay: cannot read '%s'%s\n", path, n > CLI_REPLAY_MAX ? " (larger than 64 MiB)" : "");
        return NULL;
    }
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* One trace: 0 agreed, 1 a step differs, 2 unreadable or malformed. */
static int cli_replay_one(const char *path, int profile, int quiet)
{
    size_t len;
    char *text = cli_replay_read(path, &len);
    if (!text)
        return 2;
    if (profile < 0 && !strstr(text, "\"initial\":")) {
        fprintf(stderr, "issu replay: '%s' does not say its platform: give --platform\n", path);
        free(text);
        return 2;
    }
    rp_result r;
    int rc = rp_replay(text, len, profile < 0 ? 0 : profile, 0, quiet ? NULL : cli_replay_console, NULL, &r);
    free(text);
    if (rc != 0) {
        fprintf(stderr, "%s:%ld: error: %s\n", path, r.bad_line, r.why);
        return r.steps || r.world ? 1 : 2;
    }
    if (r.monitors) {
        fprintf(stderr, "%s: the C takes every step of the trace, and its monitors report %ld violation%s; "
                        "the first: %s\n", path, r.monitors, r.monitors == 1 ? "" : "s", r.monitor);
        return 3;
    }
    if (!quiet)
        printf("replay: %ld controller steps and %ld world steps of '%s' agree with the generated C\n",
               r.steps, r.world, path);
    return 0;
}

int cli_replay(int argc, char **argv)
{
    int profile = -1, quiet = 0, ntraces = 0, worst = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--platform") == 0 && i + 1 < argc) {
            profile = rp_profile(argv[i + 1], strlen(argv[i + 1]));
            if (profile < 0) {
                fprintf(stderr, "issu replay: unknown platform '%s' (see issu platforms)\n", argv[i + 1]);
                return 2;
            }
            argv[i++] = NULL;
            argv[i] = NULL;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
            argv[i] = NULL;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "issu replay: unknown option '%s' (usage: issu replay [--platform NAME] [--quiet] TRACE...)\n", argv[i]);
            return 2;
        } else {
            ntraces++;
        }
    }
    if (!ntraces) {
        fprintf(stderr, "issu replay: which trace? (usage: issu replay [--platform NAME] [--quiet] TRACE...)\n");
        return 2;
    }
    for (int i = 0; i < argc; i++) {
        if (!argv[i])
            continue;
        int rc = cli_replay_one(argv[i], profile, quiet);
        worst = rc > worst ? rc : worst;
    }
    if (quiet && !worst)
        printf("replay: %d trace%s agree%s with the generated C\n", ntraces, ntraces == 1 ? "" : "s", ntraces == 1 ? "s" : "");
    return worst;
}
