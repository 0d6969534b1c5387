/* testutil.c - helpers shared by the unit-test suites (see testutil.h). */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "analyze.h"
#include "arena.h"
#include "check.h"
#include "diag.h"
#include "lex.h"
#include "load.h"

/* ---- assertions ------------------------------------------------------- */

/* ---- environment ------------------------------------------------------ */

const char *tu_gen(void)
{
    static int warned;
    const char *g = getenv("ISSU_GEN");
    if (g && *g)
        return g;
    if (!warned)
        fputs("\nunit-tests: ISSU_GEN is not set; run 'make check' or set it to the "
              "issu-gen binary\n", stderr);
    warned = 1;
    return NULL;
}

const char *tu_srcdir(void)
{
    const char *d = getenv("ISSU_SRCDIR");
    return d && *d ? d : ".";
}

int tu_update_golden(const char *name)
{
    const char *u = getenv("ISSU_GOLDEN_UPDATE");
    if (!u || !*u || strcmp(u, "0") == 0)
        return 0;
    return strcmp(u, "1") == 0 || strstr(name, u) != NULL;
}

/* ---- running issu-gen ------------------------------------------------- */

typedef struct tu_buf {
    char *p;
    size_t n, cap;
} tu_buf;

static void tu_buf_add(tu_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            fputs("unit-tests: out of memory\n", stderr);
            exit(2);
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* Append ":exitcode=N" to a sanitizer options variable, so that a
 * sanitizer report ends the run with a status no spec can cause. */
static void tu_san_exitcode(const char *var)
{
    const char *old = getenv(var);
    char buf[1024];
    snprintf(buf, sizeof buf, "%s%sexitcode=%d", old ? old : "", old && *old ? ":" : "",
             TU_SANITIZER_EXIT);
    setenv(var, buf, 1);
}

static void tu_child(const char *gen, const char *const *args, const char *cwd, int out, int err)
{
    tu_san_exitcode("ASAN_OPTIONS");
    tu_san_exitcode("UBSAN_OPTIONS");
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
        _exit(126);
    if (cwd && chdir(cwd) != 0) {
        dprintf(2, "unit-tests: cannot chdir to %s\n", cwd);
        _exit(126);
    }
    size_t n = 0;
    while (args[n])
        n++;
    char **argv = calloc(n + 2, sizeof *argv);
    if (!argv)
        _exit(126);
    argv[0] = (char *)gen;
    for (size_t i = 0; i < n; i++)
        argv[i + 1] = (char *)args[i];
    alarm(TU_TIMEOUT_S);            /* survives exec: a hang ends in SIGALRM */
    execv(gen, argv);
    dprintf(2, "unit-tests: cannot run %s: %s\n", gen, strerror(errno));
    _exit(127);
}

static double tu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read both pipes to EOF; kill the child if it outlives the deadline. */
static void tu_collect(pid_t pid, int out, int err, tu_run *r)
{
    tu_buf bo = { NULL, 0, 0 }, be = { NULL, 0, 0 };
    struct pollfd fds[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
    double deadline = tu_now() + TU_TIMEOUT_S + 10;
    int open_fds = 2;
    while (open_fds > 0) {
        int left = (int)((deadline - tu_now()) * 1000);
        if (left <= 0) {
            kill(pid, SIGKILL);
            r->timed_out = 1;
            break;
        }
        int n = poll(fds, 2, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char chunk[65536];
            ssize_t got = read(fds[i].fd, chunk, sizeof chunk);
            if (got > 0) {
                tu_buf_add(i ? &be : &bo, chunk, (size_t)got);
            } else if (got == 0 || errno != EINTR) {
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    tu_buf_add(&bo, "", 0);
    tu_buf_add(&be, "", 0);
    r->out = bo.p;
    r->outlen = bo.n;
    r->err = be.p;
    r->errlen = be.n;
}

int tu_run_gen(const char *const *args, const char *cwd, tu_run *r)
{
    memset(r, 0, sizeof *r);
    r->status = -1;
    const char *gen = tu_gen();
    if (!gen)
        return -1;
    int po[2], pe[2];
    if (pipe(po) != 0)
        return -1;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
        return -1;
    }
    if (pid == 0) {
        close(po[0]);
        close(pe[0]);
        tu_child(gen, args, cwd, po[1], pe[1]);
    }
    close(po[1]);
    close(pe[1]);
    tu_collect(pid, po[0], pe[0], r);
    close(po[0]);
    close(pe[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(st)) {
        r->exited = 1;
        r->status = WEXITSTATUS(st);
    } else if (WIFSIGNALED(st)) {
        r->signal = WTERMSIG(st);
        if (r->signal == SIGALRM)
            r->timed_out = 1;
    }
    return 0;
}

void tu_run_free(tu_run *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

const char *tu_run_how(const tu_run *r, char *buf, size_t cap)
{
    if (r->timed_out)
        snprintf(buf, cap, "timed out after %d s", TU_TIMEOUT_S);
    else if (r->signal)
        snprintf(buf, cap, "killed by signal %d", r->signal);
    else if (r->exited && r->status == TU_SANITIZER_EXIT)
        snprintf(buf, cap, "exit %d (a sanitizer report)", r->status);
    else if (r->exited)
        snprintf(buf, cap, "exit %d", r->status);
    else
        snprintf(buf, cap, "not run");
    return buf;
}

/* ---- files and directories -------------------------------------------- */

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    tu_buf b = { NULL, 0, 0 };
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        tu_buf_add(&b, chunk, got);
    tu_buf_add(&b, "", 0);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b.p);
        return NULL;
    }
    if (len)
        *len = b.n;
    return b.p;
}

int tu_write_file(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t put = fwrite(buf, 1, len, f);
    int bad = put != len || ferror(f);
    if (fclose(f) != 0)
        bad = 1;
    return bad ? -1 : 0;
}

char *tu_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

char *tu_mkdtemp(void)
{
    char tmpl[] = "/tmp/issu-unit-XXXXXX";
    if (!mkdtemp(tmpl))
        return NULL;
    char *p = malloc(sizeof tmpl);
    if (p)
        memcpy(p, tmpl, sizeof tmpl);
    return p;
}

void tu_rmtree(const char *dir)
{
    char **names;
    int n = tu_list_dir(dir, "", &names);
    for (int i = 0; i < n; i++) {
        char *p = tu_join(dir, names[i]);
        struct stat st;
        if (p && lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            rmdir(p);
        else if (p)
            unlink(p);
        free(p);
    }
    tu_free_list(names, n);
    rmdir(dir);
}

static int tu_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int tu_list_dir(const char *dir, const char *suffix, char ***out)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **v = NULL;
    int n = 0, cap = 0;
    size_t sl = strlen(suffix);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (l < sl || strcmp(e->d_name + l - sl, suffix) != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nv = realloc(v, (size_t)cap * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        v[n] = malloc(l + 1);
        if (!v[n])
            break;
        memcpy(v[n++], e->d_name, l + 1);
    }
    closedir(d);
    if (n > 1)
        qsort(v, (size_t)n, sizeof *v, tu_cmp_names);
    *out = v;
    return n;
}

void tu_free_list(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* ---- text ------------------------------------------------------------- */

int tu_count_lines(const char *s)
{
    int n = 0;
    const char *p = s;
    for (; *p; p++)
        n += *p == '\n';
    if (p > s && p[-1] != '\n')
        n++;
    return n;
}

static int tu_digits(const char **p, const char *end, int *v)
{
    long x = 0;
    const char *s = *p;
    while (*p < end && **p >= '0' && **p <= '9' && x < 100000000)
        x = x * 10 + (*(*p)++ - '0');
    if (*p == s || x < 1)
        return 0;
    if (v)
        *v = (int)x;
    return 1;
}

int tu_diag_line(const char *line, size_t len, const char *path, int *l, int *c)
{
    const char *end = line + len, *p = line;
    size_t pl = strlen(path);
    if (len < pl || memcmp(line, path, pl) != 0)
        return 0;
    p += pl;
    if (p >= end || *p++ != ':' || !tu_digits(&p, end, l))
        return 0;
    if (p >= end || *p++ != ':' || !tu_digits(&p, end, c))
        return 0;
    static const char tag[] = ": error: ";
    if ((size_t)(end - p) <= sizeof tag - 1 || memcmp(p, tag, sizeof tag - 1) != 0)
        return 0;
    return 1;
}

const char *tu_first_diff(const char *a, const char *b)
{
    static char msg[700];
    int line = 1;
    const char *la = a, *lb = b;
    while (*a && *a == *b) {
        if (*a == '\n') {
            line++;
            la = a + 1;
            lb = b + 1;
        }
        a++;
        b++;
    }
    if (!*a && !*b)
        return "no difference";
    int na = (int)strcspn(la, "\n"), nb = (int)strcspn(lb, "\n");
    snprintf(msg, sizeof msg, "line %d: expected \"%.*s\", got \"%.*s\"%s", line,
             na > 300 ? 300 : na, la, nb > 300 ? 300 : nb, lb,
             *lb ? "" : " (missing)");
    return msg;
}

/* ---- the generator in-process ----------------------------------------- */

static FILE *tu_scratch;
static char *tu_diags;

ir_spec *tu_front(const char *path, const char *buf, size_t len)
{
    return tu_front_hook(path, buf, len, NULL, NULL, NULL);
}

ir_spec *tu_front_hook(const char *path, const char *buf, size_t len, tu_parsed_fn parsed,
                       void *arg, int *stopped)
{
    if (stopped)
        *stopped = 0;
    if (!tu_scratch)
        tu_scratch = tmpfile();
    if (!tu_scratch) {
        fputs("unit-tests: cannot create a temporary file\n", stderr);
        exit(2);
    }
    rewind(tu_scratch);
    if (ftruncate(fileno(tu_scratch), 0) != 0)
        exit(2);
    diag_init(path, tu_scratch);
    /* An exact-size copy, so that reading one byte past the input is an
     * AddressSanitizer error rather than a silent read of a NUL. */
    static const char empty[1];
    char *copy = len ? malloc(len) : NULL;
    if (len && !copy)
        exit(2);
    if (len)
        memcpy(copy, buf, len);
    ir_spec *ir = NULL;
    ast_spec ast;
    int ok = ld_load(path, copy ? copy : empty, len, &ast, NULL) == 0 && diag_count() == 0;
    lx_tokens toks;             /* the main file's, for the hook: lexed cleanly once already */
    if (ok && parsed && lx_lex(path, copy ? copy : empty, len, &toks) == 0 && parsed(&toks, arg)) {
        if (stopped)
            *stopped = 1;
        ok = 0;
    }
    ok = ok && ck_check(&ast, path, &ir) == 0 && diag_count() == 0 &&
         an_analyze(ir) == 0 && diag_count() == 0;
    if (!ok)
        ir = NULL;
    free(copy);
    fflush(tu_scratch);
    return ir;
}

const char *tu_front_diags(void)
{
    free(tu_diags);
    tu_diags = NULL;
    if (!tu_scratch)
        return "";
    fflush(tu_scratch);
    long n = ftell(tu_scratch);
    if (n < 0)
        return "";
    tu_diags = malloc((size_t)n + 1);
    if (!tu_diags)
        exit(2);
    rewind(tu_scratch);
    size_t got = fread(tu_diags, 1, (size_t)n, tu_scratch);
    tu_diags[got] = '\0';
    fseek(tu_scratch, 0, SEEK_END);
    return tu_diags;
}

void tu_front_end(void)
{
    ar_free_all();
}
