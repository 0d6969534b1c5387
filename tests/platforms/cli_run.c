/* cli_run.c - running the issu CLI from the platform tests (cli_run.h). */
#include "cli_run.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "suites.h"

#define PT_WORDS 48                    /* bound: words of one command line */

char pt_out[PT_OUT_MAX], pt_err[PT_OUT_MAX];

int pt_tmpdir(char *dir, size_t len, const char *name)
{
    if (snprintf(dir, len, "/tmp/issu-%s-XXXXXX", name) >= (int)len)
        return -1;
    return mkdtemp(dir) == NULL ? -1 : 0;
}

int pt_rmdir(const char *dir)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

void pt_slurp(const char *path, char *buf)
{
    FILE *f = fopen(path, "r");
    size_t n = f != NULL ? fread(buf, 1, PT_OUT_MAX - 1, f) : 0;
    buf[n] = '\0';
    if (f != NULL)
        fclose(f);
}

/* In the child: stdin, stdout and stderr from the files, then the CLI. */
static void child(const char *bin, char **argv, const char *in, const char *o, const char *e)
{
    int fo = open(o, O_WRONLY | O_CREAT | O_TRUNC, 0600), fe = open(e, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fi = open(in, O_RDONLY);
    if (fo < 0 || fe < 0 || fi < 0 || dup2(fo, 1) < 0 || dup2(fe, 2) < 0 || dup2(fi, 0) < 0)
        _exit(127);
    execv(bin, argv);
    _exit(127);
}

int pt_cli(const char *dir, const char *args, const char *input)
{
    const char *bin = getenv("ISSU_CLI");
    static char buf[4096];
    char *argv[PT_WORDS + 2] = { (char *)"issu" };
    char o[128], e[128], in[128];
    int argc = 1, status = 0;
    if (!PT_CHECK(bin != NULL, "ISSU_CLI is not set (run through make check)"))
        return -1;
    snprintf(buf, sizeof buf, "%s", args);
    for (char *w = strtok(buf, " "); w != NULL && argc <= PT_WORDS; w = strtok(NULL, " "))
        argv[argc++] = w;
    argv[argc] = NULL;
    snprintf(o, sizeof o, "%s/out", dir);
    snprintf(e, sizeof e, "%s/err", dir);
    snprintf(in, sizeof in, "%s/in", dir);
    FILE *f = fopen(in, "w");
    if (f == NULL || fputs(input != NULL ? input : "", f) < 0 || fclose(f) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0)
        child(bin, argv, input != NULL ? in : "/dev/null", o, e);
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    pt_slurp(o, pt_out);
    pt_slurp(e, pt_err);
    return WEXITSTATUS(status);
}
