/* test_modular.c - a spec split over several files ('include'), with
 * transitions on lists of events and machines extended in other files
 * ('extend machine'), is the spec written out in one file.
 *
 * tests/specs/modular/issu.fsm includes one file per family, each of which
 * extends the machine; tests/specs/modular/flat.fsm is the same spec in one
 * file, one event per transition.  Their outputs must be the same byte for
 * byte except where they name a source location (the files and lines
 * differ, by construction): so the IR, from which every output is emitted,
 * is the same.  Also: --sources, the include depth bound and the size cap
 * of an included file (the other include errors are golden cases).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "file.h"
#include "load.h"
#include "suites.h"
#include "testutil.h"

#define MOD_SPLIT "tests/specs/modular/issu.fsm"
#define MOD_FLAT "tests/specs/modular/flat.fsm"
#define MOD_MAX_PROFILES 16

/* ---- running issu-gen ----------------------------------------------------- */

/* stdout of a successful issu-gen run (args without the spec, then spec), in
 * the source directory; NULL after a failed check. */
static char *mod_run(const char *const *args, const char *spec, const char *what)
{
    const char *argv[8];
    int n = 0;
    while (args[n] && n < 6) {
        argv[n] = args[n];
        n++;
    }
    argv[n++] = spec;
    argv[n] = NULL;
    tu_run r;
    if (!TU_CHECK(tu_run_gen(argv, tu_srcdir(), &r) == 0, "issu-gen %s %s was run", what, spec))
        return NULL;
    char how[64];
    int ok = TU_CHECK(r.exited && r.status == 0 && r.errlen == 0,
                      "issu-gen %s %s: exit 0 and no diagnostic, got %s: %.400s", what, spec,
                      tu_run_how(&r, how, sizeof how), r.err);
    char *out = ok ? r.out : NULL;
    if (ok)
        r.out = NULL;
    tu_run_free(&r);
    return out;
}

static int mod_tok(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '/' || c == '-';
}

/* text with every source location ("dir/name.fsm", "name.fsm:12",
 * "name.fsm:12:5") replaced by "@LOC"; malloc'd. */
static char *mod_mask(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1), *o = out;
    if (!out)
        exit(2);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && mod_tok(text[j]))
            j++;
        if (j == i) {
            *o++ = text[i++];
            continue;
        }
        if (j - i >= 4 && memcmp(text + j - 4, ".fsm", 4) == 0) {
            memcpy(o, "@LOC", 4);
            o += 4;
            while (j + 1 < n && text[j] == ':' && text[j + 1] >= '0' && text[j + 1] <= '9')
                for (j++; j < n && text[j] >= '0' && text[j] <= '9'; j++)
                    ;
        } else {
            memcpy(o, text + i, j - i);
            o += j - i;
        }
        i = j;
    }
    *o = '\0';
    return out;
}

/* One output of the split and the flat spec: the same but for locations;
 * the split one names 'file' (a file it includes) in some location. */
static void mod_same(const char *const *args, const char *what, const char *file)
{
    char *split = mod_run(args, MOD_SPLIT, what), *flat = mod_run(args, MOD_FLAT, what);
    if (split && flat) {
        char *ms = mod_mask(split), *mf = mod_mask(flat);
        TU_CHECK(strcmp(ms, mf) == 0, "%s: the split spec gives what the flat one gives, "
                 "locations aside: %s", what, tu_first_diff(mf, ms));
        if (file)
            TU_CHECK(strstr(split, file) != NULL, "%s of the split spec names '%s' beside what "
                     "came from there", what, file);
        free(ms);
        free(mf);
    }
    free(split);
    free(flat);
}

/* ---- the tests ------------------------------------------------------------- */

static void test_same_promela(void)
{
    static const char *const prof[] = { "--profiles", NULL };
    char *list = mod_run(prof, MOD_SPLIT, "--profiles");
    char *flat = mod_run(prof, MOD_FLAT, "--profiles");
    if (!list || !flat || !TU_CHECK(strcmp(list, flat) == 0, "both specs have the same "
                                    "profiles: '%s' and '%s'", list, flat)) {
        free(list);
        free(flat);
        return;
    }
    int n = 0;
    for (char *p = strtok(list, "\n"); p && n < MOD_MAX_PROFILES; p = strtok(NULL, "\n"), n++) {
        const char *args[] = { "--profile", p, "--promela", "-", NULL };
        char what[96];
        snprintf(what, sizeof what, "--promela of profile %s", p);
        mod_same(args, what, "tests/specs/modular/families/mx.fsm:");
    }
    TU_CHECK(n == 3, "the modular spec has 3 profiles, found %d", n);
    free(list);
    free(flat);
}

static void test_same_c(void)
{
    static const char *const glue[] = { "--c-glue", "-", NULL };
    static const char *const ids[] = { "--c-ids", "-", NULL };
    static const char *const mon[] = { "--c-monitors", "-", NULL };
    static const char *const ragel[] = { "--ragel", "-", NULL };
    mod_same(glue, "--c-glue", "tests/specs/modular/families/m120.fsm:");
    mod_same(ids, "--c-ids", "tests/specs/modular/families/mx.fsm:");
    mod_same(mon, "--c-monitors", NULL);
    mod_same(ragel, "--ragel", "tests/specs/modular/families/m120.fsm:");
}

static void test_sources(void)
{
    static const char *const args[] = { "--sources", NULL };
    char *out = mod_run(args, MOD_SPLIT, "--sources");
    if (out)
        TU_CHECK(strcmp(out, MOD_SPLIT "\ntests/specs/modular/families/mx.fsm\n"
                        "tests/specs/modular/families/m120.fsm\n") == 0,
                 "--sources lists the spec and its includes in inclusion order, got '%s'", out);
    free(out);
    out = mod_run(args, MOD_FLAT, "--sources");
    if (out)
        TU_CHECK(strcmp(out, MOD_FLAT "\n") == 0, "--sources of a spec in one file is that "
                 "file, got '%s'", out);
    free(out);
}

/* A chain dir/main.fsm -> d1.fsm -> ... -> dN.fsm; the path of main. */
static char *mod_chain(const char *dir, int n)
{
    char name[32], text[64];
    for (int i = 1; i <= n; i++) {
        snprintf(name, sizeof name, "d%d.fsm", i);
        if (i < n)
            snprintf(text, sizeof text, "const K%d = %d;\ninclude \"d%d.fsm\";\n", i, i, i + 1);
        else
            snprintf(text, sizeof text, "const K%d = %d;\n", i, i);
        char *p = tu_join(dir, name);
        if (!p || tu_write_file(p, text, strlen(text)) != 0)
            exit(2);
        free(p);
    }
    static const char top[] = "include \"d1.fsm\";\n"
                              "operator go;\nmachine m { initial final state A { on go -> A; } }\n";
    char *main_path = tu_join(dir, "main.fsm");
    if (!main_path || tu_write_file(main_path, top, sizeof top - 1) != 0)
        exit(2);
    return main_path;
}

static void test_depth(void)
{
    char *dir = tu_mkdtemp();
    if (!TU_CHECK(dir != NULL, "a temporary directory"))
        return;
    char *spec = mod_chain(dir, LD_MAX_DEPTH);
    const char *ok[] = { "--check", spec, NULL };
    tu_run r;
    char how[64];
    if (tu_run_gen(ok, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 0 && r.errlen == 0, "includes nested %d deep are "
                 "valid, got %s: %.300s", LD_MAX_DEPTH, tu_run_how(&r, how, sizeof how), r.err);
        tu_run_free(&r);
    }
    free(spec);
    spec = mod_chain(dir, LD_MAX_DEPTH + 1);
    const char *deep[] = { "--check", spec, NULL };
    char want[1024];
    snprintf(want, sizeof want, "%s/d%d.fsm:2:1: error: cannot include '%s/d%d.fsm': includes "
             "nest more than %d deep\n", dir, LD_MAX_DEPTH, dir, LD_MAX_DEPTH + 1, LD_MAX_DEPTH);
    if (tu_run_gen(deep, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 1 && strcmp(r.err, want) == 0,
                 "one level more is an error at the directive: %s", tu_first_diff(want, r.err));
        tu_run_free(&r);
    }
    free(spec);
    tu_rmtree(dir);
    free(dir);
}

static void test_size_cap(void)
{
    char *dir = tu_mkdtemp();
    if (!TU_CHECK(dir != NULL, "a temporary directory"))
        return;
    char *big = tu_join(dir, "big.fsm"), *spec = tu_join(dir, "main.fsm");
    static const char top[] = "include \"big.fsm\";\n"
                              "operator go;\nmachine m { initial final state A { on go -> A; } }\n";
    int fd = big ? open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
    int made = fd >= 0 && ftruncate(fd, (off_t)FI_MAX_INPUT) == 0;
    if (fd >= 0)
        close(fd);
    if (TU_CHECK(made && spec && tu_write_file(spec, top, sizeof top - 1) == 0,
                 "a %zu MiB file and a spec that includes it", FI_MAX_INPUT >> 20)) {
        const char *args[] = { "--check", spec, NULL };
        char want[1024];
        snprintf(want, sizeof want, "%s:1:1: error: cannot include '%s': it is larger than %zu "
                 "MiB\n", spec, big, FI_MAX_INPUT >> 20);
        tu_run r;
        if (tu_run_gen(args, NULL, &r) == 0) {
            TU_CHECK(r.exited && r.status == 1 && strcmp(r.err, want) == 0,
                     "an included file gets the main file's size cap: %s",
                     tu_first_diff(want, r.err));
            tu_run_free(&r);
        }
    }
    free(big);
    free(spec);
    tu_rmtree(dir);
    free(dir);
}

int register_modular(void)
{
    CU_pSuite s = CU_add_suite("modular: include, event lists, extend machine", NULL, NULL);
    if (!s)
        return -1;
    if (!CU_add_test(s, "split and flat spec: the same Promela, every profile", test_same_promela) ||
        !CU_add_test(s, "split and flat spec: the same C glue, ids, monitors, Ragel", test_same_c) ||
        !CU_add_test(s, "--sources: the spec and its includes, in order", test_sources) ||
        !CU_add_test(s, "includes nest at most LD_MAX_DEPTH deep", test_depth) ||
        !CU_add_test(s, "an included file has the size cap of the main one", test_size_cap))
        return -1;
    return 0;
}
