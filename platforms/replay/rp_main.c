/* rp_main.c - the command that replays traces through the generated C:
 * `issu replay` for model/issu.fsm (platforms/cli) and the generic driver
 * of the conformance check for any other spec (tests/conformance/replay.c)
 * are this one function (rp.h, rp_main). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp.h"

#define RP_FILE_MAX ((long)64 << 20)   /* 64 MiB of trace: far above any run */

static void rp_main_console(void *ctx, issu_time_ms t, const char *line)
{
    (void)ctx;
    (void)t;
    printf("%s\n", line);
}

static void rp_main_trace(void *ctx, const char *line)
{
    fprintf(ctx, "%s\n", line);
}

/* The whole file, NUL-terminated, or NULL after a message. */
static char *rp_main_read(const char *who, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open '%s'\n", who, path);
        return NULL;
    }
    char *buf = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n <= RP_FILE_MAX && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)n + 1)) != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "%s: cannot read '%s'%s\n", who, path, n > RP_FILE_MAX ? " (larger than 64 MiB)" : "");
        return NULL;
    }
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* TRACE's C trace: "x.jsonl" -> "x.c.jsonl", else "x" -> "x.c.jsonl". */
static char *rp_main_out_path(const char *path)
{
    size_t n = strlen(path);
    char *out = malloc(n + 16);
    if (!out)
        return NULL;
    if (n > 6 && strcmp(path + n - 6, ".jsonl") == 0)
        n -= 6;
    memcpy(out, path, n);
    strcpy(out + n, ".c.jsonl");
    return out;
}

/* One trace: 0 agreed, 1 a step differs, 2 unreadable or malformed, 3 monitors. */
static int rp_main_one(const char *who, const char *path, int profile, int quiet, int c_traces, long *steps,
                       long *world)
{
    size_t len;
    char *text = rp_main_read(who, path, &len);
    if (!text)
        return 2;
    if (strspn(text, " \t\r\n") == len) {   /* rp_main_read ends it with a NUL */
        fprintf(stderr, "%s: error: the trace is empty: there is nothing to agree with\n", path);
        free(text);
        return 2;
    }
    if (profile < 0 && !strstr(text, "\"initial\":")) {
        fprintf(stderr, "%s: '%s' does not say its profile: give --platform\n", who, path);
        free(text);
        return 2;
    }
    rp_opts o;
    memset(&o, 0, sizeof o);
    o.profile = profile < 0 ? 0 : profile;
    o.console = quiet ? NULL : rp_main_console;
    char *out_path = NULL;
    FILE *out = NULL;
    if (c_traces && (!(out_path = rp_main_out_path(path)) || !(out = fopen(out_path, "w")))) {
        fprintf(stderr, "%s: cannot write the C's trace of '%s'\n", who, path);
        free(out_path);
        free(text);
        return 2;
    }
    o.trace = out ? rp_main_trace : NULL;
    o.trace_ctx = out;
    rp_result r;
    int rc = rp_run(text, len, &o, &r);
    free(text);
    if (out && fclose(out) != 0) {
        fprintf(stderr, "%s: cannot write '%s'\n", who, out_path);
        rc = -2;
    }
    free(out_path);
    if (rc == -2)
        return 2;
    *steps += r.steps;
    *world += r.world;
    if (rc != 0) {
        fprintf(stderr, "%s:%ld: error: %s\n", path, r.bad_line, r.why);
        return r.steps || r.world ? 1 : 2;
    }
    if (r.monitors) {
        fprintf(stderr, "%s: the C takes every step of the trace, and its monitors report %ld violation%s; "
                        "the first: %s\n", path, r.monitors, r.monitors == 1 ? "" : "s", r.monitor);
        return 3;
    }
    return 0;
}

int rp_main(const char *who, const char *noun, int argc, char **argv)
{
    int profile = -1, quiet = 0, c_traces = 0, ntraces = 0, worst = 0;
    long steps = 0, world = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--platform") == 0 && i + 1 < argc) {
            profile = rp_profile(argv[i + 1], strlen(argv[i + 1]));
            if (profile < 0) {
                fprintf(stderr, "%s: unknown %s '%s'\n", who, noun, argv[i + 1]);
                return 2;
            }
            argv[i++] = NULL;
            argv[i] = NULL;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
            argv[i] = NULL;
        } else if (strcmp(argv[i], "--c-traces") == 0) {
            c_traces = 1;
            argv[i] = NULL;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "%s: unknown option '%s' (usage: %s [--platform NAME] [--quiet] [--c-traces] "
                            "TRACE...)\n", who, argv[i], who);
            return 2;
        } else {
            ntraces++;
        }
    }
    if (!ntraces) {
        fprintf(stderr, "%s: which trace? (usage: %s [--platform NAME] [--quiet] [--c-traces] TRACE...)\n", who,
                who);
        return 2;
    }
    for (int i = 0; i < argc; i++) {
        if (!argv[i])
            continue;
        int rc = rp_main_one(who, argv[i], profile, quiet, c_traces, &steps, &world);
        worst = rc > worst ? rc : worst;
    }
    if (!worst)
        printf("%s: %d trace%s, %ld controller steps and %ld world steps, agree%s with the generated C\n", who,
               ntraces, ntraces == 1 ? "" : "s", steps, world, ntraces == 1 ? "s" : "");
    return worst;
}
