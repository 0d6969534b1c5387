/* test_robust.c - issu-gen never crashes, hangs or floods on bad input.
 *
 * Out of process ($ISSU_GEN --check on files generated in a temporary
 * directory): empty and blank files, random binary data, NUL bytes, invalid
 * UTF-8 everywhere, megabyte lines, deep nesting, huge tokens and long
 * chains, unreadable files and bad command lines.  Each must end with exit
 * status 1 (2 for usage), by no signal, with at most 21 diagnostics of the
 * form "path:L:C: error: ...".
 *
 * In process (the library's phases, as gen/main.c runs them): every prefix
 * of tests/specs/small.fsm, of the valid golden cases and of model/issu.fsm
 * is either valid or reported with diagnostics located inside the prefix.
 * The prefixes run in a forked child so that a crash is reported with the
 * prefix that caused it instead of ending the test program.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "diag.h"
#include "suites.h"
#include "testutil.h"

#define ROBUST_MAX_LINES (DIAG_MAX_ERRORS + 1)   /* 20 diagnostics and "too many errors" */
#define ROBUST_DEEP 100000                        /* nesting depth of the deep inputs */
#define ROBUST_MODEL_STRIDE 13                    /* model/issu.fsm: every 13th prefix and the last */

static char *r_dir;                               /* temporary directory of this suite */

static int robust_init(void)
{
    r_dir = tu_mkdtemp();
    return r_dir ? 0 : -1;
}

static int robust_clean(void)
{
    if (r_dir)
        tu_rmtree(r_dir);
    free(r_dir);
    r_dir = NULL;
    return 0;
}

/* ---- one run ------------------------------------------------------------ */

/* stderr has 1..ROBUST_MAX_LINES lines, each "path:L:C: error: ...". */
static int located_lines(const tu_run *r, const char *path, char *why, size_t cap)
{
    int n = 0;
    const char *p = r->err;
    if (r->errlen == 0 || strlen(r->err) != r->errlen) {
        snprintf(why, cap, r->errlen ? "stderr holds a NUL byte" : "stderr is empty");
        return 0;
    }
    while (*p) {
        size_t len = strcspn(p, "\n");
        if (!tu_diag_line(p, len, path, NULL, NULL)) {
            snprintf(why, cap, "line %d is not '%s:L:C: error: ...': '%.*s'", n + 1, path,
                     (int)(len > 200 ? 200 : len), p);
            return 0;
        }
        n++;
        p += len;
        if (*p)
            p++;
    }
    if (n > ROBUST_MAX_LINES) {
        snprintf(why, cap, "%d lines, more than %d", n, ROBUST_MAX_LINES);
        return 0;
    }
    return 1;
}

/* Run issu-gen --check on data written to a file 'name'; it must reject it. */
static void reject(const char *name, const char *data, size_t len, unsigned line)
{
    char *path = tu_join(r_dir, name);
    if (!tu_check(path && tu_write_file(path, data, len) == 0, line, __FILE__,
                  "%s: written to %s", name, r_dir)) {
        free(path);
        return;
    }
    const char *args[] = { "--check", path, NULL };
    tu_run r;
    if (tu_check(tu_run_gen(args, NULL, &r) == 0, line, __FILE__, "%s: issu-gen was run", name)) {
        char how[64], why[400];
        tu_check(r.exited && r.status == 1, line, __FILE__, "%s: exits 1, got %s; stderr: %.600s",
                 name, tu_run_how(&r, how, sizeof how), r.err);
        tu_check(r.outlen == 0, line, __FILE__, "%s: nothing on stdout, got '%.100s'", name, r.out);
        tu_check(located_lines(&r, path, why, sizeof why), line, __FILE__, "%s: diagnostics: %s",
                 name, why);
        tu_run_free(&r);
    }
    unlink(path);
    free(path);
}

/* A growable byte buffer for building inputs. */
typedef struct rbuf {
    char *p;
    size_t n, cap;
} rbuf;

static void rb_add(rbuf *b, const void *s, size_t n)
{
    if (n == 0)
        return;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + n)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np)
            exit(2);
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void rb_str(rbuf *b, const char *s)
{
    rb_add(b, s, strlen(s));
}

static void rb_rep(rbuf *b, const char *s, int times)
{
    for (int i = 0; i < times; i++)
        rb_str(b, s);
}

static void rb_reject(rbuf *b, const char *name, unsigned line)
{
    reject(name, b->p ? b->p : "", b->n, line);
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

#define REJECT_STR(name, s) reject(name, s, sizeof(s) - 1, __LINE__)

/* ---- trivial, random and binary input ------------------------------------- */

static void test_trivial_files(void)
{
    REJECT_STR("empty.fsm", "");
    REJECT_STR("blank.fsm", " \t\r\n\n   \n");
    REJECT_STR("comment.fsm", "// nothing but a comment\n");
    REJECT_STR("block.fsm", "/* nothing but\n a comment */");
    REJECT_STR("types-only.fsm", "type role = enum { MASTER, BACKUP };\n");
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void test_random_binary(void)
{
    static const uint64_t seeds[] = { 1, 2, 3, 42, 20240229 };
    enum { SIZE = 64 * 1024 };
    char *data = malloc(SIZE);
    if (!data)
        return;
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
        uint64_t s = seeds[k] * 0x9E3779B97F4A7C15ull + 1;
        for (size_t i = 0; i < SIZE; i++)
            data[i] = (char)(xorshift(&s) >> 56);
        char name[64];
        snprintf(name, sizeof name, "random-%llu.fsm", (unsigned long long)seeds[k]);
        reject(name, data, SIZE, __LINE__);
        /* the same bytes restricted to printable ASCII reach the parser */
        for (size_t i = 0; i < SIZE; i++)
            data[i] = (char)(0x20 + (unsigned char)data[i] % 95);
        snprintf(name, sizeof name, "ascii-%llu.fsm", (unsigned long long)seeds[k]);
        reject(name, data, SIZE, __LINE__);
    }
    free(data);
}

static const char r_valid[] =
    "operator go \"start\";\n"
    "machine m { initial final state A { on go -> A; } }\n";

/* The machine line of r_valid. */
static const char *r_machine(void)
{
    return strchr(r_valid, '\n') + 1;
}

static void test_nul_bytes(void)
{
    rbuf b = { NULL, 0, 0 };
    rb_add(&b, r_valid, 12);                         /* "operator go " */
    rb_add(&b, "\0\0\0", 3);
    rb_str(&b, r_valid + 12);
    rb_reject(&b, "nul-in-code.fsm", __LINE__);
    rb_add(&b, r_valid, 14);                         /* inside the string */
    rb_add(&b, "\0", 1);
    rb_str(&b, r_valid + 14);
    rb_reject(&b, "nul-in-string.fsm", __LINE__);
    rb_str(&b, "// a comment \0 with a NUL\n");
    rb_add(&b, "/* and \0 here */\n", 17);
    rb_str(&b, r_valid);
    rb_reject(&b, "nul-in-comments.fsm", __LINE__);
    rb_add(&b, "\0", 1);
    rb_reject(&b, "nul-only.fsm", __LINE__);
}

static void test_invalid_utf8(void)
{
    static const struct {
        const char *name, *bytes;
    } bad[] = {
        { "ff", "\xff" },               { "fe", "\xfe" },
        { "overlong2", "\xc0\xaf" },    { "overlong3", "\xe0\x80\xaf" },
        { "overlong4", "\xf0\x80\x80\xaf" }, { "surrogate", "\xed\xa0\x80" },
        { "above-max", "\xf4\x90\x80\x80" }, { "lone-continuation", "\x80" },
        { "truncated", "\xe2\x9c" },    { "truncated4", "\xf0\x9f\x98" },
    };
    static const struct {
        const char *where, *before, *after;
    } places[] = {
        { "code", "operator go", ";\n" },
        { "string", "operator go \"x", "y\";\n" },
        { "line-comment", "// x", "y\n" },
        { "block-comment", "/* x", "y */\n" },
        { "eof", "operator go;\n// ", "" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        for (size_t k = 0; k < sizeof places / sizeof places[0]; k++) {
            rbuf b = { NULL, 0, 0 };
            rb_str(&b, places[k].before);
            rb_str(&b, bad[i].bytes);
            rb_str(&b, places[k].after);
            if (places[k].after[0])
                rb_str(&b, r_machine());
            char name[96];
            snprintf(name, sizeof name, "utf8-%s-in-%s.fsm", bad[i].name, places[k].where);
            rb_reject(&b, name, __LINE__);
        }
}

/* ---- size and depth -------------------------------------------------------- */

static void test_megabyte_lines(void)
{
    rbuf b = { NULL, 0, 0 };
    while (b.n < 1000000)
        rb_str(&b, "fpc_ready ");
    rb_reject(&b, "mb-identifiers.fsm", __LINE__);
    rb_str(&b, "operator go \"");
    while (b.n < 1000000)
        rb_str(&b, "0123456789");
    rb_str(&b, "\";\n");
    rb_str(&b, r_machine());
    rb_reject(&b, "mb-string.fsm", __LINE__);
    rb_str(&b, "operator go;\n");
    while (b.n < 1000000)
        rb_str(&b, "//");
    rb_str(&b, "\nmachine m { initial final state A { on go -> A; } } @");
    rb_reject(&b, "mb-comment-then-error.fsm", __LINE__);
}

static void test_deep_nesting(void)
{
    static const struct {
        const char *name, *before, *unit, *after;
    } deep[] = {
        { "parens.fsm", "", "(", "" },
        { "brackets.fsm", "", "[", "" },
        { "braces.fsm", "", "{", "" },
        { "bangs.fsm", "", "!", "" },
        { "expr-parens.fsm", "const X = ", "(", "1" },
        { "expr-index.fsm", "plant a : array[2] of 0..1 = 0;\nconst X = ", "a[", "0" },
        { "expr-bangs.fsm", "plant a : bool = true;\ninvariant S \"x\": ", "!", "a;" },
        { "expr-minus.fsm", "const X = ", "-", "1;" },
        { "ltl-always.fsm", "plant a : bool = true;\nltl L \"x\": ", "[]", "a;" },
        { "ltl-eventually.fsm", "plant a : bool = true;\nltl L \"x\": ", "<> ", "a;" },
        { "effect-ifs.fsm", "plant a : bool = true;\noperator go {", " if a {", "" },
        { "array-types.fsm", "plant a : ", "array[1] of ", "bool = false;" },
        { "machine-braces.fsm", "machine m ", "{", "" },
        { "set-braces.fsm", "plant a : 0..1 = ", "{", "" },
    };
    for (size_t i = 0; i < sizeof deep / sizeof deep[0]; i++) {
        rbuf b = { NULL, 0, 0 };
        rb_str(&b, deep[i].before);
        rb_rep(&b, deep[i].unit, ROBUST_DEEP);
        rb_str(&b, deep[i].after);
        rb_reject(&b, deep[i].name, __LINE__);
    }
    /* just past the documented limit, with everything closed properly */
    rbuf b = { NULL, 0, 0 };
    rb_str(&b, "const X = ");
    rb_rep(&b, "(", 201);
    rb_str(&b, "1");
    rb_rep(&b, ")", 201);
    rb_str(&b, ";\n");
    rb_str(&b, r_valid);
    rb_reject(&b, "parens-201.fsm", __LINE__);
}

static void test_huge_tokens_and_chains(void)
{
    rbuf b = { NULL, 0, 0 };
    rb_str(&b, "const X = ");
    rb_rep(&b, "9", 5000);
    rb_str(&b, ";\n");
    rb_reject(&b, "digits-5000.fsm", __LINE__);
    rb_str(&b, "command c timeout ");
    rb_rep(&b, "9", 5000);
    rb_str(&b, "ms { outcome timeout { } }\n");
    rb_reject(&b, "duration-5000.fsm", __LINE__);
    rb_str(&b, "const ");
    rb_rep(&b, "a", 100000);
    rb_str(&b, " = 1;\n");
    rb_reject(&b, "ident-100000.fsm", __LINE__);
    static const struct {
        const char *name, *before, *term, *op, *after;
    } chains[] = {
        { "chain-plus.fsm", "plant a : 0..1 = 0;\ninvariant S \"x\": ", "a", " + ", " > 0;" },
        { "chain-minus.fsm", "const X = ", "1", " - ", ";" },
        { "chain-and.fsm", "plant a : bool = true;\ninvariant S \"x\": ", "a", " && ", ";" },
        { "chain-or.fsm", "plant a : bool = true;\ninvariant S \"x\": ", "a", " || ", ";" },
        { "chain-implies.fsm", "plant a : bool = true;\ninvariant S \"x\": ", "a", " -> ", ";" },
        { "chain-guard.fsm",
          "plant a : 0..1 = 0;\noperator go;\nmachine m { initial final state A { on go when ",
          "a", " + ", " > 0 -> A; on go otherwise -> A; } }" },
        { "chain-in.fsm", "plant a : 0..1 = 0;\ninvariant S \"x\": a in {", "1", ", ", "};" },
        { "chain-decls.fsm", "", "operator o", "; ", ";" },
    };
    for (size_t i = 0; i < sizeof chains / sizeof chains[0]; i++) {
        rb_str(&b, chains[i].before);
        for (int k = 0; k < 10000; k++) {
            if (k)
                rb_str(&b, chains[i].op);
            rb_str(&b, chains[i].term);
            if (strcmp(chains[i].name, "chain-decls.fsm") == 0) {
                char num[16];
                snprintf(num, sizeof num, "%d", k);
                rb_str(&b, num);
            }
        }
        rb_str(&b, chains[i].after);
        rb_reject(&b, chains[i].name, __LINE__);
    }
}

/* ---- unreadable input and usage ---------------------------------------------- */

/* Run issu-gen with args and check that it exits with 'status' and prints
 * nothing on stdout; returns 0 with r filled (the caller frees it), or -1. */
static int expect_exit(const char *const *args, const char *what, int status, tu_run *r,
                       unsigned line)
{
    if (!tu_check(tu_run_gen(args, NULL, r) == 0, line, __FILE__, "issu-gen was run (%s)", what))
        return -1;
    char how[64];
    tu_check(r->exited && r->status == status, line, __FILE__, "%s: exits %d, got %s", what,
             status, tu_run_how(r, how, sizeof how));
    tu_check(r->outlen == 0, line, __FILE__, "%s: nothing on stdout", what);
    return 0;
}

static void expect_plain(const char *path, const char *what, unsigned line)
{
    const char *args[] = { "--check", path, NULL };
    tu_run r;
    if (expect_exit(args, what, 1, &r, line))
        return;
    char want[512];
    snprintf(want, sizeof want, "issu-gen: error: cannot read '%s': ", path);
    tu_check(strncmp(r.err, want, strlen(want)) == 0 && tu_count_lines(r.err) == 1, line,
             __FILE__, "%s: one line '%s...', got '%s'", what, want, r.err);
    tu_run_free(&r);
}

static void test_unreadable_input(void)
{
    char *missing = tu_join(r_dir, "no-such-file.fsm");
    if (missing)
        expect_plain(missing, "a missing file", __LINE__);
    free(missing);
    expect_plain(r_dir, "a directory", __LINE__);
}

static void expect_usage(const char *const *args, const char *what, const char *first,
                         unsigned line)
{
    tu_run r;
    if (expect_exit(args, what, 2, &r, line))
        return;
    tu_check(strncmp(r.err, first, strlen(first)) == 0 && r.err[strlen(first)] == '\n', line,
             __FILE__, "%s: stderr starts with '%s', got '%.200s'", what, first, r.err);
    tu_check(strstr(r.err, "usage: issu-gen") != NULL, line, __FILE__,
             "%s: the usage follows the error", what);
    tu_run_free(&r);
}

static void test_bad_usage(void)
{
    char *spec = tu_join(r_dir, "usage.fsm");
    if (!spec || tu_write_file(spec, r_valid, sizeof r_valid - 1) != 0) {
        CU_FAIL("usage.fsm written");
        free(spec);
        return;
    }
    const char *unknown[] = { "--frobnicate", spec, NULL };
    expect_usage(unknown, "unknown option", "issu-gen: error: unknown option '--frobnicate'",
                 __LINE__);
    const char *single_dash[] = { "-x", spec, NULL };
    expect_usage(single_dash, "unknown short option", "issu-gen: error: unknown option '-x'",
                 __LINE__);
    const char *none[] = { "--check", NULL };
    expect_usage(none, "no spec file", "issu-gen: error: no spec file given", __LINE__);
    const char *two[] = { spec, spec, NULL };
    char first[600];
    snprintf(first, sizeof first, "issu-gen: error: more than one spec file ('%s' and '%s')",
             spec, spec);
    expect_usage(two, "two spec files", first, __LINE__);
    const char *dot[] = { spec, "--dot", NULL };
    expect_usage(dot, "--dot without a file", "issu-gen: error: '--dot' needs an output file",
                 __LINE__);
    /* and the good ones: --help and --version answer on stdout */
    const char *help[] = { "--help", NULL };
    tu_run r;
    if (tu_run_gen(help, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 0 && strncmp(r.out, "usage: issu-gen", 15) == 0 &&
                 r.errlen == 0, "--help prints the usage on stdout and exits 0");
        tu_run_free(&r);
    }
    const char *version[] = { "--version", NULL };
    if (tu_run_gen(version, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 0 && strncmp(r.out, "issu-gen ", 9) == 0 &&
                 r.errlen == 0, "--version prints 'issu-gen VERSION' and exits 0");
        tu_run_free(&r);
    }
    const char *valid[] = { "--check", spec, NULL };
    if (tu_run_gen(valid, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 0 && r.outlen == 0 && r.errlen == 0,
                 "the same spec with a good command line is valid (so the errors above come "
                 "from the command line): %s", r.err);
        tu_run_free(&r);
    }
    unlink(spec);
    free(spec);
}

/* ---- every prefix, in process -------------------------------------------------- */

/* The offset of each line's first byte; lines[0] = 0. */
static size_t *line_starts(const char *buf, size_t len, size_t *n)
{
    size_t cap = 16, k = 0;
    size_t *v = malloc(cap * sizeof *v);
    if (!v)
        exit(2);
    v[k++] = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\n')
            continue;
        if (k == cap) {
            cap *= 2;
            size_t *nv = realloc(v, cap * sizeof *v);
            if (!nv)
                exit(2);
            v = nv;
        }
        v[k++] = i + 1;
    }
    *n = k;
    return v;
}

/* Check every diagnostic of prefix [0, len): well formed, located inside
 * the prefix.  Returns NULL or what is wrong (static buffer). */
static const char *prefix_diags_ok(const char *diags, const size_t *starts, size_t nstarts,
                                   size_t len)
{
    static char why[300];
    const char *p = diags;
    if (!*p)
        return "invalid, yet no diagnostic printed";
    while (*p) {
        size_t n = strcspn(p, "\n");
        int l = 0, c = 0;
        if (!tu_diag_line(p, n, "cut.fsm", &l, &c)) {
            snprintf(why, sizeof why, "malformed diagnostic '%.*s'", (int)(n > 150 ? 150 : n), p);
            return why;
        }
        if ((size_t)l > nstarts || starts[l - 1] > len || starts[l - 1] + (size_t)c - 1 > len) {
            snprintf(why, sizeof why, "diagnostic outside the prefix: '%.*s'",
                     (int)(n > 150 ? 150 : n), p);
            return why;
        }
        p += n;
        if (*p)
            p++;
    }
    return NULL;
}

/* Prefixes whose token streams are equal (the cut falls in trailing blanks
 * or inside a line comment) are the same input for the parser and the
 * checker, which never locate anything at the end of file: those phases
 * run once per stream.  A stream is known by its token count and its last
 * token, which together fix every earlier token (they end before it). */
#define CUT_CACHE (1u << 14)

typedef struct cut_cache {
    uint64_t sig[CUT_CACHE];     /* 0: empty */
    unsigned char res[CUT_CACHE]; /* 1 valid, 2 invalid */
    uint64_t cur;                /* signature of the prefix being checked */
    int hit;                     /* its result, if it was known */
} cut_cache;

static uint64_t cut_mix(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++, v >>= 8)
        h = (h ^ (v & 0xFF)) * 1099511628211ull;
    return h;
}

static unsigned cut_slot(const cut_cache *c, uint64_t sig)
{
    unsigned i = (unsigned)(sig % CUT_CACHE);
    while (c->sig[i] && c->sig[i] != sig)
        i = (i + 1) % CUT_CACHE;
    return i;
}

static int cut_parsed(const lx_tokens *toks, void *arg)
{
    cut_cache *c = arg;
    uint64_t h = cut_mix(14695981039346656037ull, toks->n);
    if (toks->n > 1) {
        const lx_token *t = &toks->v[toks->n - 2];
        h = cut_mix(h, (uint64_t)t->kind);
        h = cut_mix(h, ((uint64_t)(unsigned)t->at.line << 32) | (unsigned)t->at.col);
        h = cut_mix(h, (uint64_t)t->num);
        for (const char *p = t->text ? t->text : ""; *p; p++)
            h = cut_mix(h, (unsigned char)*p);
    }
    c->cur = h ? h : 1;
    unsigned i = cut_slot(c, c->cur);
    c->hit = c->sig[i] ? c->res[i] : 0;
    return c->hit != 0;
}

static void cut_remember(cut_cache *c, int res)
{
    unsigned i = cut_slot(c, c->cur);
    if (c->sig[i] || c->cur == 0)
        return;
    c->sig[i] = c->cur;
    c->res[i] = (unsigned char)res;
}

/* Check the prefix buf[0..off) in the child; report on fd. */
static void cut_one(int fd, const char *buf, size_t off, const size_t *starts, size_t nstarts,
                    cut_cache *cache)
{
    dprintf(fd, "B %zu\n", off);
    int stopped = 0;
    cache->cur = 0;
    ir_spec *ir = tu_front_hook("cut.fsm", buf, off, cut_parsed, cache, &stopped);
    const char *d = tu_front_diags();
    const char *why = NULL;
    if (stopped) {
        if (cache->hit == 1)
            dprintf(fd, "V %zu\n", off);
    } else if (ir) {
        tu_front_end();
        if (*d)
            why = "valid, yet diagnostics printed";
        else if (!tu_front("cut.fsm", buf, off))
            why = "valid once, invalid when checked again";
        else
            dprintf(fd, "V %zu\n", off);
        cut_remember(cache, why ? 2 : 1);
    } else if (diag_count() <= 0) {
        why = "invalid, yet diag_count() is 0";
    } else {
        why = prefix_diags_ok(d, starts, nstarts, off);
        cut_remember(cache, 2);
    }
    tu_front_end();
    if (why)
        dprintf(fd, "F %zu %s\n", off, why);
}

/* The child: check prefixes, reporting one line each on fd: "B off" before
 * a prefix, "V off" if valid, "F off why" on a failure, "E count" at the
 * end.  Every 'stride'-th prefix in order (1: every prefix), and always the
 * last one (all but the final byte).  The selection depends on nothing but
 * the file, so every run checks the same prefixes. */
static void cut_child(int fd, const char *buf, size_t len, size_t stride)
{
    size_t nstarts;
    size_t *starts = line_starts(buf, len, &nstarts);
    cut_cache *cache = calloc(1, sizeof *cache);
    if (!cache)
        exit(2);
    size_t count = 0;
    for (size_t off = 0; off < len; off += stride, count++)
        cut_one(fd, buf, off, starts, nstarts, cache);
    if ((len - 1) % stride != 0) {
        cut_one(fd, buf, len - 1, starts, nstarts, cache);
        count++;
    }
    dprintf(fd, "E %zu\n", count);
    free(cache);
    free(starts);
}

typedef struct cut_result {
    int done;                    /* the child reached the end */
    size_t count, valid, failed; /* prefixes checked, valid, failing */
    size_t last;                 /* last prefix begun */
    int status;                  /* wait status of the child */
    double secs;                 /* wall time */
} cut_result;

static void cut_parse(const char *out, const char *what, cut_result *res)
{
    for (const char *p = out; *p;) {
        size_t n = strcspn(p, "\n");
        size_t off = 0;
        if (p[0] == 'B' && sscanf(p, "B %zu", &off) == 1) {
            res->last = off;
        } else if (p[0] == 'V') {
            res->valid++;
        } else if (p[0] == 'F' && sscanf(p, "F %zu", &off) == 1) {
            if (++res->failed <= 10)
                TU_CHECK(0, "%s cut at byte %zu: %.*s", what, off, (int)n, p);
        } else if (p[0] == 'E' && sscanf(p, "E %zu", &res->count) == 1) {
            res->done = 1;
        }
        p += n;
        if (*p)
            p++;
    }
}

/* Check the prefixes of buf[0..len) every 'stride' bytes (and the last). */
static void cut_run(const char *what, const char *buf, size_t len, size_t stride, cut_result *res)
{
    memset(res, 0, sizeof *res);
    int fds[2];
    if (pipe(fds) != 0) {
        CU_FAIL("pipe");
        return;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        CU_FAIL("fork");
        return;
    }
    if (pid == 0) {
        close(fds[0]);
        cut_child(fds[1], buf, len, stride);
        close(fds[1]);
        exit(0);
    }
    close(fds[1]);
    char *out = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 65536;
            char *no = realloc(out, cap);
            if (!no)
                break;
            out = no;
        }
        ssize_t got = read(fds[0], out + n, cap - n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(fds[0]);
    while (waitpid(pid, &res->status, 0) < 0 && errno == EINTR)
        ;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    res->secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (out) {
        out[n] = '\0';
        cut_parse(out, what, res);
    }
    free(out);
    int clean = WIFEXITED(res->status) && WEXITSTATUS(res->status) == 0;
    TU_CHECK(clean && res->done, "%s: every prefix was checked without a crash; the child %s %d "
             "at the prefix of %zu bytes", what, WIFSIGNALED(res->status) ? "died by signal"
             : "exited with", WIFSIGNALED(res->status) ? WTERMSIG(res->status)
             : WEXITSTATUS(res->status), res->last);
}

/* Every stride-th prefix of a file (stride 1: every prefix).  If
 * must_be_valid, the whole file must be valid (the golden suite already
 * reports the valid cases that are not). */
static void cut_file(const char *rel, size_t stride, int must_be_valid, unsigned line)
{
    char *path = tu_join(tu_srcdir(), rel);
    size_t len = 0;
    char *buf = path ? tu_read_file(path, &len) : NULL;
    free(path);
    if (!tu_check(buf != NULL && len > 0, line, __FILE__, "%s can be read", rel)) {
        free(buf);
        return;
    }
    if (must_be_valid) {
        ir_spec *whole = tu_front("cut.fsm", buf, len);
        tu_check(whole != NULL, line, __FILE__, "%s itself is valid: %s", rel, tu_front_diags());
        tu_front_end();
    }
    cut_result res;
    cut_run(rel, buf, len, stride, &res);
    size_t expect = (len + stride - 1) / stride + ((len - 1) % stride != 0);
    tu_check(res.count == expect, line, __FILE__, "%s: %zu prefixes checked, expected %zu", rel,
             res.count, expect);
    if (stride == 1)
        printf("\n    %s: every prefix (%zu), %zu valid, %.1f s ", rel, res.count, res.valid,
               res.secs);
    else
        printf("\n    %s: every %zuth prefix and the last (%zu of %zu), %zu valid, %.1f s ", rel,
               stride, res.count, len, res.valid, res.secs);
    free(buf);
}

static void test_cut_small(void)
{
    cut_file("tests/specs/small.fsm", 1, 1, __LINE__);
}

static void test_cut_valid_goldens(void)
{
    char *dir = tu_join(tu_srcdir(), "tests/golden/valid");
    char **names;
    int n = dir ? tu_list_dir(dir, ".fsm", &names) : 0;
    TU_CHECK(n > 0, "tests/golden/valid holds cases");
    for (int i = 0; i < n; i++) {
        char rel[512];
        snprintf(rel, sizeof rel, "tests/golden/valid/%s", names[i]);
        cut_file(rel, 1, 0, __LINE__);
    }
    if (n > 0)
        tu_free_list(names, n);
    free(dir);
}

/* model/issu.fsm: only if it is valid (prefixes of an invalid spec prove
 * little, and 'make check' reports it anyway).  Every prefix would take
 * minutes under ASan (each one is lexed and parsed in full, and the valid
 * ones are enumerated), so a fixed stride covers it: the same prefixes on
 * every run, whatever the machine's speed. */
static void test_cut_model(void)
{
    char *path = tu_join(tu_srcdir(), "model/issu.fsm");
    size_t len = 0;
    char *buf = path ? tu_read_file(path, &len) : NULL;
    free(path);
    if (!buf) {
        printf("\n    model/issu.fsm does not exist yet: nothing to cut ");
        return;
    }
    int valid = tu_front("cut.fsm", buf, len) != NULL;
    tu_front_end();
    free(buf);
    if (!valid) {
        printf("\n    model/issu.fsm is not valid: not cut ");
        return;
    }
    cut_file("model/issu.fsm", ROBUST_MODEL_STRIDE, 0, __LINE__);
}

int register_robust(void)
{
    CU_pSuite s = CU_add_suite("robust: hostile input", robust_init, robust_clean);
    if (!s)
        return -1;
    if (!CU_add_test(s, "empty, blank and comment-only files", test_trivial_files) ||
        !CU_add_test(s, "64 KiB of random bytes (5 seeds), raw and as ASCII",
                     test_random_binary) ||
        !CU_add_test(s, "NUL bytes in code, strings and comments", test_nul_bytes) ||
        !CU_add_test(s, "invalid UTF-8 in code, strings and comments", test_invalid_utf8) ||
        !CU_add_test(s, "1 MB lines: identifiers, a string, a comment", test_megabyte_lines) ||
        !CU_add_test(s, "100000 nested ( [ { ! and deep expressions", test_deep_nesting) ||
        !CU_add_test(s, "5000 digits, 100000-char name, 10000-term chains",
                     test_huge_tokens_and_chains) ||
        !CU_add_test(s, "missing file and directory: one plain error", test_unreadable_input) ||
        !CU_add_test(s, "bad command lines exit 2 with the usage", test_bad_usage) ||
        !CU_add_test(s, "every prefix of tests/specs/small.fsm", test_cut_small) ||
        !CU_add_test(s, "every prefix of the valid golden cases", test_cut_valid_goldens) ||
        !CU_add_test(s, "prefixes of model/issu.fsm", test_cut_model))
        return -1;
    return 0;
}
