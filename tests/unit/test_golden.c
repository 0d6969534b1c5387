/* test_golden.c - issu-gen on the golden cases of tests/golden/ (re2c style:
 * each case file holds its own command line, the expected output sits
 * beside it).
 *
 *   errors/NNN-name.fsm       first line "// args: ARGS"; must exit 1, print
 *                             nothing on stdout, exactly NNN-name.expected on
 *                             stderr, and write no file
 *   valid/NNN-name.fsm        first line "// args: ARGS"; must exit 0 and
 *                             print nothing at all
 *   summary/NAME.expected     stdout of 'issu-gen --summary tests/specs/NAME.fsm'
 *   errors/include/, valid/include/
 *                             the files the cases include, not cases: each is
 *                             named NNN-name.fsm after the case that includes
 *                             it, and an error case's diagnostics may name it
 *
 * issu-gen runs in $ISSU_SRCDIR with the case's relative path, so the
 * expected diagnostics read "tests/golden/errors/NNN-name.fsm:L:C: error: ...".
 * With ISSU_GOLDEN_UPDATE=1 the runner writes the .expected files from what
 * issu-gen prints instead of comparing; ISSU_GOLDEN_UPDATE=NAME does so only
 * for the cases whose file name contains NAME.  Review the diff before
 * committing: an update records bugs as readily as fixes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "suites.h"
#include "testutil.h"

#define GOLDEN_MIN_ERRORS 30          /* the brief: one case per error kind, at least 30 */
#define GOLDEN_MIN_VALID 8
#define GOLDEN_MAX_ARGS 15
#define GOLDEN_MAX_DIAGS 3            /* a case is about one error, not a cascade */
#define ERR_DIR "tests/golden/errors"
#define VALID_DIR "tests/golden/valid"
#define SUMMARY_DIR "tests/golden/summary"
#define HELPER_SUBDIR "include"       /* in ERR_DIR and VALID_DIR: files the cases include */

typedef struct gcase {
    char *name;                       /* "013-unknown-escape.fsm" */
    char *rel;                        /* path given to issu-gen, relative to the source dir */
    char *expected_path;              /* absolute path of the .expected file */
    char *src;                        /* the case file */
    size_t srclen;
    const char *args[GOLDEN_MAX_ARGS + 2]; /* from the args line, then rel, then NULL */
    char *argbuf;                     /* storage for args */
    int args_ok;                      /* the first line is a valid args line */
    char *expected;                   /* the .expected file, or NULL */
    tu_run run;                       /* what issu-gen did */
    int started;                      /* issu-gen could be started */
    char wrote[512];                  /* files that appeared in the case's directory */
} gcase;

typedef struct gset {
    const char *dir;                  /* relative directory */
    gcase *v;
    int n;
} gset;

static gset g_errors = { ERR_DIR, NULL, 0 };
static gset g_valid = { VALID_DIR, NULL, 0 };
static char **g_orphans;              /* .expected files in ERR_DIR without a case */
static int g_norphans;
static char **g_stray;                /* helper files (dir/include/x) of no case's number */
static int g_nstray;

static char *src_path(const char *rel)
{
    return tu_join(tu_srcdir(), rel);
}

/* "// args: --check --foo" -> args; 0 if the line is not an args line. */
static int parse_args(gcase *c)
{
    static const char tag[] = "// args:";
    size_t eol = strcspn(c->src, "\r\n");
    if (eol < sizeof tag - 1 || memcmp(c->src, tag, sizeof tag - 1) != 0)
        return 0;
    c->argbuf = malloc(eol + 1);
    if (!c->argbuf)
        return 0;
    memcpy(c->argbuf, c->src + sizeof tag - 1, eol - (sizeof tag - 1));
    c->argbuf[eol - (sizeof tag - 1)] = '\0';
    int n = 0;
    for (char *tok = strtok(c->argbuf, " \t"); tok; tok = strtok(NULL, " \t")) {
        if (n == GOLDEN_MAX_ARGS)
            return 0;
        c->args[n++] = tok;
    }
    c->args[n++] = c->rel;
    c->args[n] = NULL;
    return n > 1;
}

/* Names that are in 'after' and not in 'before', into buf. */
static void new_names(char **before, int nb, char **after, int na, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int i = 0; i < na; i++) {
        int seen = 0;
        for (int j = 0; j < nb && !seen; j++)
            seen = strcmp(after[i], before[j]) == 0;
        if (!seen && strlen(buf) + strlen(after[i]) + 2 < cap) {
            strcat(buf, buf[0] ? " " : "");
            strcat(buf, after[i]);
        }
    }
}

static void run_case(gcase *c, const char *absdir)
{
    char **before, **after;
    int nb = tu_list_dir(absdir, "", &before);
    c->started = c->args_ok && tu_run_gen(c->args, tu_srcdir(), &c->run) == 0;
    int na = tu_list_dir(absdir, "", &after);
    new_names(before, nb, after, na, c->wrote, sizeof c->wrote);
    /* a file the generator should not have written is reported, then removed
     * so that it does not become a case itself */
    for (int i = 0; i < na; i++) {
        int old = 0;
        for (int j = 0; j < nb && !old; j++)
            old = strcmp(after[i], before[j]) == 0;
        if (!old) {
            char *p = tu_join(absdir, after[i]);
            if (p)
                unlink(p);
            free(p);
        }
    }
    tu_free_list(before, nb);
    tu_free_list(after, na);
}

static void load_set(gset *s, int with_expected)
{
    char *absdir = src_path(s->dir);
    char **names;
    int n = tu_list_dir(absdir, ".fsm", &names);
    s->v = calloc((size_t)n + 1, sizeof *s->v);
    s->n = s->v ? n : 0;
    for (int i = 0; i < s->n; i++) {
        gcase *c = &s->v[i];
        c->name = names[i];
        c->rel = tu_join(s->dir, c->name);
        char *abs = src_path(c->rel);
        c->src = abs ? tu_read_file(abs, &c->srclen) : NULL;
        free(abs);
        c->args_ok = c->src && parse_args(c);
        if (with_expected) {
            size_t l = strlen(c->name);
            char *base = malloc(l + 16);
            if (base) {
                memcpy(base, c->name, l - 4);
                strcpy(base + l - 4, ".expected");
                c->expected_path = tu_join(absdir, base);
                free(base);
            }
            c->expected = c->expected_path ? tu_read_file(c->expected_path, NULL) : NULL;
        }
        run_case(c, absdir);
    }
    free(names);
    free(absdir);
}

static void find_orphans(void)
{
    char *absdir = src_path(ERR_DIR);
    char **names;
    int n = tu_list_dir(absdir, ".expected", &names);
    g_orphans = calloc((size_t)n + 1, sizeof *g_orphans);
    for (int i = 0; i < n && g_orphans; i++) {
        int found = 0;
        size_t l = strlen(names[i]) - strlen(".expected");
        for (int k = 0; k < g_errors.n && !found; k++)
            found = strlen(g_errors.v[k].name) == l + 4 &&
                    strncmp(g_errors.v[k].name, names[i], l) == 0;
        if (!found)
            g_orphans[g_norphans++] = names[i];
        else
            free(names[i]);
    }
    free(names);
    free(absdir);
}

/* 1 if some case of set s has the number that starts name ("NNN-"). */
static int has_case_number(const gset *s, const char *name)
{
    for (int k = 0; k < s->n; k++)
        if (strncmp(s->v[k].name, name, 4) == 0)
            return 1;
    return 0;
}

/* The helper files (s->dir/include/) that no case of s can include: a
 * helper is named after the case that includes it. */
static void find_stray_helpers(const gset *s)
{
    char *rel = tu_join(s->dir, HELPER_SUBDIR);
    char *absdir = rel ? src_path(rel) : NULL;
    char **names;
    int n = absdir ? tu_list_dir(absdir, "", &names) : 0;
    char **v = realloc(g_stray, (size_t)(g_nstray + n + 1) * sizeof *v);
    for (int i = 0; i < n; i++) {
        if (v && !has_case_number(s, names[i]))
            v[g_nstray++] = tu_join(rel, names[i]);
        free(names[i]);
    }
    if (v)
        g_stray = v;
    if (n)
        free(names);
    free(absdir);
    free(rel);
}

static int golden_init(void)
{
    load_set(&g_errors, 1);
    load_set(&g_valid, 0);
    find_orphans();
    find_stray_helpers(&g_errors);
    find_stray_helpers(&g_valid);
    return 0;
}

static void free_set(gset *s)
{
    for (int i = 0; i < s->n; i++) {
        gcase *c = &s->v[i];
        free(c->name);
        free(c->rel);
        free(c->expected_path);
        free(c->src);
        free(c->argbuf);
        free(c->expected);
        tu_run_free(&c->run);
    }
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

static int golden_clean(void)
{
    free_set(&g_errors);
    free_set(&g_valid);
    tu_free_list(g_orphans, g_norphans);
    g_orphans = NULL;
    g_norphans = 0;
    tu_free_list(g_stray, g_nstray);
    g_stray = NULL;
    g_nstray = 0;
    return 0;
}

/* ---- error cases -------------------------------------------------------- */

/* Line l of diagnostic line p[0..n) is inside the file it names: the case
 * file, or a helper file of ERR_DIR/include/ that the case includes. */
static int diag_in_file(const gcase *c, const char *p, size_t n, int *l, const char **file)
{
    int col = 0;
    *file = c->rel;
    if (tu_diag_line(p, n, c->rel, l, &col))
        return tu_count_lines(c->src);
    static const char helpers[] = ERR_DIR "/" HELPER_SUBDIR "/";
    size_t pl = strcspn(p, ":\n");
    if (pl >= n || strncmp(p, helpers, sizeof helpers - 1) != 0)
        return -1;
    char *rel = malloc(pl + 1), *abs = NULL, *src = NULL;
    if (rel) {
        memcpy(rel, p, pl);
        rel[pl] = '\0';
        abs = src_path(rel);
    }
    src = abs ? tu_read_file(abs, NULL) : NULL;
    int lines = src && tu_diag_line(p, n, rel, l, &col) ? tu_count_lines(src) : -1;
    *file = "a helper file";
    free(src);
    free(abs);
    free(rel);
    return lines;
}

/* Each line of an expected file is a diagnostic of its own case, located
 * inside the case file or inside a file it includes. */
static int expected_well_formed(const gcase *c, char *why, size_t cap)
{
    const char *p = c->expected;
    if (!*p) {
        snprintf(why, cap, "it is empty");
        return 0;
    }
    if (tu_count_lines(p) > GOLDEN_MAX_DIAGS) {
        snprintf(why, cap, "%d diagnostics: a case is about one error (at most %d lines)",
                 tu_count_lines(p), GOLDEN_MAX_DIAGS);
        return 0;
    }
    while (*p) {
        size_t n = strcspn(p, "\n");
        int l = 0;
        const char *file;
        int lines = diag_in_file(c, p, n, &l, &file);
        if (lines < 0) {
            snprintf(why, cap, "line '%.*s' is not '%s:L:C: error: ...' (or the same in a file "
                     "of %s/%s/)", (int)(n > 200 ? 200 : n), p, c->rel, ERR_DIR, HELPER_SUBDIR);
            return 0;
        }
        if (l > lines + 1) {
            snprintf(why, cap, "line %d is past the end of %s (%d lines)", l, file, lines);
            return 0;
        }
        p += n;
        if (*p == '\n')
            p++;
        else {
            snprintf(why, cap, "the last line has no newline");
            return 0;
        }
    }
    return 1;
}

static void test_error_cases_well_formed(void)
{
    TU_CHECK(g_errors.n >= GOLDEN_MIN_ERRORS, "%s holds at least %d cases, found %d", ERR_DIR,
             GOLDEN_MIN_ERRORS, g_errors.n);
    for (int i = 0; i < g_errors.n; i++) {
        const gcase *c = &g_errors.v[i];
        TU_CHECK(c->args_ok, "%s: the first line is '// args: ARGS'", c->rel);
        int num = 0, used = 0;
        TU_CHECK(sscanf(c->name, "%3d-%n", &num, &used) == 1 && used == 4 && num > 0,
                 "%s: the name reads NNN-short-name.fsm", c->rel);
        for (int k = 0; k < i; k++)
            TU_CHECK(strncmp(g_errors.v[k].name, c->name, 4) != 0,
                     "%s: its number is not also %s's", c->rel, g_errors.v[k].name);
        if (tu_update_golden(c->name))
            continue;
        if (!TU_CHECK(c->expected != NULL, "%s: has an .expected file beside it", c->rel))
            continue;
        char why[400];
        TU_CHECK(expected_well_formed(c, why, sizeof why), "%s.expected: %s", c->rel, why);
    }
    for (int i = 0; i < g_norphans; i++)
        TU_CHECK(0, "%s/%s has no case file beside it", ERR_DIR, g_orphans[i]);
    for (int i = 0; i < g_nstray; i++)
        TU_CHECK(0, "%s is named after no case (a file a case includes is named NNN-name "
                 "after it)", g_stray[i]);
}

static void test_error_cases_exit_1(void)
{
    for (int i = 0; i < g_errors.n; i++) {
        const gcase *c = &g_errors.v[i];
        char how[64];
        if (!TU_CHECK(c->started, "%s: issu-gen was run (ISSU_GEN set, args line valid)", c->rel))
            continue;
        TU_CHECK(c->run.exited && c->run.status == 1, "%s: exits with status 1, got %s%s%.300s",
                 c->rel, tu_run_how(&c->run, how, sizeof how), c->run.errlen ? "; stderr: " : "",
                 c->run.err);
    }
}

static void test_error_cases_stdout_empty(void)
{
    for (int i = 0; i < g_errors.n; i++) {
        const gcase *c = &g_errors.v[i];
        if (c->started)
            TU_CHECK(c->run.outlen == 0, "%s: prints nothing on stdout, got '%.200s'", c->rel,
                     c->run.out);
    }
}

static void test_error_cases_stderr(void)
{
    int updated = 0;
    for (int i = 0; i < g_errors.n; i++) {
        const gcase *c = &g_errors.v[i];
        if (!c->started)
            continue;
        if (tu_update_golden(c->name)) {
            int ok = c->expected_path && c->run.exited && !c->run.signal &&
                     tu_write_file(c->expected_path, c->run.err, c->run.errlen) == 0;
            TU_CHECK(ok, "%s: expected file written", c->rel);
            updated += ok;
            continue;
        }
        if (!c->expected)
            continue;
        TU_CHECK(strcmp(c->expected, c->run.err) == 0, "%s: stderr is the .expected file: %s",
                 c->rel, tu_first_diff(c->expected, c->run.err));
    }
    if (updated)
        printf("\n    ISSU_GOLDEN_UPDATE: wrote %d files in %s ", updated, ERR_DIR);
}

static void test_error_cases_write_nothing(void)
{
    for (int i = 0; i < g_errors.n; i++) {
        const gcase *c = &g_errors.v[i];
        if (c->started)
            TU_CHECK(c->wrote[0] == '\0', "%s: writes no file, but wrote: %s", c->rel, c->wrote);
    }
}

/* ---- valid cases ---------------------------------------------------------- */

static void test_valid_cases(void)
{
    TU_CHECK(g_valid.n >= GOLDEN_MIN_VALID, "%s holds at least %d cases, found %d", VALID_DIR,
             GOLDEN_MIN_VALID, g_valid.n);
    for (int i = 0; i < g_valid.n; i++) {
        const gcase *c = &g_valid.v[i];
        char how[64];
        TU_CHECK(c->args_ok, "%s: the first line is '// args: ARGS'", c->rel);
        if (!TU_CHECK(c->started, "%s: issu-gen was run", c->rel))
            continue;
        TU_CHECK(c->run.exited && c->run.status == 0 && c->run.errlen == 0,
                 "%s: is valid (exit 0, no diagnostic), got %s: %.400s", c->rel,
                 tu_run_how(&c->run, how, sizeof how), c->run.err);
        TU_CHECK(c->run.outlen == 0, "%s: prints nothing on stdout, got '%.200s'", c->rel,
                 c->run.out);
        TU_CHECK(c->wrote[0] == '\0', "%s: writes no file, but wrote: %s", c->rel, c->wrote);
    }
}

/* ---- summary ---------------------------------------------------------------- */

static void check_summary(const char *spec_name)
{
    char rel[256], exp_rel[256];
    snprintf(rel, sizeof rel, "tests/specs/%s.fsm", spec_name);
    snprintf(exp_rel, sizeof exp_rel, SUMMARY_DIR "/%s.expected", spec_name);
    const char *args[] = { "--summary", rel, NULL };
    tu_run r;
    if (!TU_CHECK(tu_run_gen(args, tu_srcdir(), &r) == 0, "issu-gen --summary %s was run", rel))
        return;
    char how[64];
    TU_CHECK(r.exited && r.status == 0 && r.errlen == 0,
             "--summary %s: exit 0 and no diagnostic, got %s: %.300s", rel,
             tu_run_how(&r, how, sizeof how), r.err);
    char *exp_path = src_path(exp_rel);
    if (tu_update_golden(exp_rel)) {
        TU_CHECK(exp_path && r.exited && r.status == 0 &&
                 tu_write_file(exp_path, r.out, r.outlen) == 0, "%s written", exp_rel);
    } else {
        char *want = exp_path ? tu_read_file(exp_path, NULL) : NULL;
        if (TU_CHECK(want != NULL, "%s exists", exp_rel))
            TU_CHECK(strcmp(want, r.out) == 0, "--summary %s prints %s: %s", rel, exp_rel,
                     tu_first_diff(want, r.out));
        free(want);
    }
    free(exp_path);
    tu_run_free(&r);
}

static void test_summary_small(void)
{
    check_summary("small");
}

static void test_summary_modular(void)
{
    check_summary("modular/issu");
}

int register_golden(void)
{
    CU_pSuite s = CU_add_suite("golden: issu-gen on tests/golden", golden_init, golden_clean);
    if (!s)
        return -1;
    if (!CU_add_test(s, "error cases: at least 30, named, with args line and .expected",
                     test_error_cases_well_formed) ||
        !CU_add_test(s, "error cases exit 1, never by a signal", test_error_cases_exit_1) ||
        !CU_add_test(s, "error cases print nothing on stdout", test_error_cases_stdout_empty) ||
        !CU_add_test(s, "error cases print exactly the expected diagnostics",
                     test_error_cases_stderr) ||
        !CU_add_test(s, "error cases write no file", test_error_cases_write_nothing) ||
        !CU_add_test(s, "valid cases exit 0 silently", test_valid_cases) ||
        !CU_add_test(s, "--summary of tests/specs/small.fsm", test_summary_small) ||
        !CU_add_test(s, "--summary of tests/specs/modular/issu.fsm (and the files it includes)",
                     test_summary_modular))
        return -1;
    return 0;
}
