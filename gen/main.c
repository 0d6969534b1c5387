/* main.c - the issu-gen command: read a spec, run the gated phases (lex,
 * parse, check, analyse), then the requested emitter.
 *
 * Every user error is found before any output is written; outputs are
 * written to a temporary file in the destination's directory and renamed
 * into place, so a failed run leaves nothing half-written behind.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze.h"
#include "arena.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "lex.h"
#include "parse.h"

#define GEN_VERSION "0.1.0"
#define GEN_MAX_INPUT ((size_t)64 << 20)   /* 64 MiB: far above any real spec */

typedef enum gen_mode { GM_CHECK, GM_SUMMARY, GM_DOT } gen_mode;

typedef struct gen_args {
    gen_mode mode;                         /* what to produce */
    const char *out;                       /* output file ("-": stdout) */
    const char *spec;                      /* input file */
} gen_args;

static void gen_usage(FILE *f)
{
    fputs("usage: issu-gen [--check | --summary | --dot OUT] SPEC.fsm\n"
          "\n"
          "  --check      parse and check SPEC; print only diagnostics (the default)\n"
          "  --summary    check SPEC and print its size, families, machines, requirements\n"
          "  --dot OUT    check SPEC and write its state charts as Graphviz to OUT ('-': stdout)\n"
          "  --help       this text\n"
          "  --version    the generator's version\n"
          "\n"
          "Exit status: 0 valid spec, 1 invalid spec or unreadable file, 2 bad command line.\n"
          "Diagnostics read 'file:line:col: error: message'.  The language: model/LANGUAGE.md.\n",
          f);
}

static int gen_parse_args(int argc, char **argv, gen_args *a)
{
    memset(a, 0, sizeof *a);
    a->mode = GM_CHECK;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--check") == 0) {
            a->mode = GM_CHECK;
        } else if (strcmp(arg, "--summary") == 0) {
            a->mode = GM_SUMMARY;
        } else if (strcmp(arg, "--dot") == 0) {
            if (++i >= argc) {
                fputs("issu-gen: error: '--dot' needs an output file\n", stderr);
                return -1;
            }
            a->mode = GM_DOT;
            a->out = argv[i];
        } else if (arg[0] == '-' && arg[1] != '\0') {
            fprintf(stderr, "issu-gen: error: unknown option '%s'\n", arg);
            return -1;
        } else if (a->spec) {
            fprintf(stderr, "issu-gen: error: more than one spec file ('%s' and '%s')\n",
                    a->spec, arg);
            return -1;
        } else {
            a->spec = arg;
        }
    }
    if (!a->spec) {
        fputs("issu-gen: error: no spec file given\n", stderr);
        return -1;
    }
    return 0;
}

/* Read the whole file; NULL after reporting an error. */
static char *gen_read(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        diag_plain("cannot read '%s': %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_plain("cannot read '%s': it is a directory", path);
        fclose(f);
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        if (cap >= GEN_MAX_INPUT) {
            diag_plain("'%s' is larger than %zu MiB", path, GEN_MAX_INPUT >> 20);
            free(buf);
            buf = NULL;
            break;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    int bad = buf && ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        diag_plain("cannot read '%s': %s", path, strerror(errno));
        free(buf);
        return NULL;
    }
    if (!buf && !diag_count())
        diag_plain("out of memory reading '%s'", path);
    *len = n;
    return buf;
}

/* Lex, parse, check and analyse; NULL if the spec has any error. */
static ir_spec *gen_front(const char *path, const char *buf, size_t len)
{
    lx_tokens toks;
    if (lx_lex(buf, len, &toks) || diag_count())
        return NULL;
    ast_spec ast;
    if (ps_parse(&toks, &ast) || diag_count())
        return NULL;
    ir_spec *ir;
    if (ck_check(&ast, path, &ir) || diag_count())
        return NULL;
    if (an_analyze(ir) || diag_count())
        return NULL;
    return ir;
}

/* Write with the emitter to a temporary file next to 'out', then rename. */
static int gen_write(const char *out, const ir_spec *s, void (*emit)(FILE *, const ir_spec *))
{
    if (strcmp(out, "-") == 0) {
        emit(stdout, s);
        return fflush(stdout) == 0 ? 0 : -1;
    }
    char *tmp = ar_printf("%s.tmp.%ld", out, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) {
        diag_plain("cannot write '%s': %s", tmp, strerror(errno));
        return -1;
    }
    emit(f, s);
    int bad = ferror(f);
    if (fclose(f) != 0)
        bad = 1;
    if (bad || rename(tmp, out) != 0) {
        diag_plain("cannot write '%s': %s", out, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    gen_args a;
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        gen_usage(stdout);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        puts("issu-gen " GEN_VERSION);
        return 0;
    }
    if (gen_parse_args(argc, argv, &a)) {
        gen_usage(stderr);
        return 2;
    }
    diag_init(a.spec, NULL);
    size_t len = 0;
    char *buf = gen_read(a.spec, &len);
    int rc = 1;
    ir_spec *ir = buf ? gen_front(a.spec, buf, len) : NULL;
    if (ir) {
        rc = 0;
        if (a.mode == GM_SUMMARY)
            em_summary(stdout, ir);
        else if (a.mode == GM_DOT)
            rc = gen_write(a.out, ir, em_dot) ? 1 : 0;
        if (fflush(stdout) != 0)
            rc = 1;
    }
    free(buf);
    ar_free_all();
    return rc;
}
