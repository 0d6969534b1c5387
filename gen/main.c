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
#include <unistd.h>

#include "analyze.h"
#include "arena.h"
#include "check.h"
#include "check_trace.h"
#include "diag.h"
#include "emit.h"
#include "file.h"
#include "load.h"
#include "mutate.h"

#define GEN_VERSION "0.1.0"

/* The file outputs.  Each is written only after the whole front end
 * passed, to a temporary name that is renamed into place.  Add an output
 * here and in emit.h; nothing else in this file changes. */
typedef struct gen_output {
    const char *opt;                       /* command-line option */
    em_fn fn;                              /* its emitter */
    int per_profile;                       /* needs --profile (one family profile) */
    const char *help;                      /* one line for --help */
} gen_output;

static const gen_output gen_outputs[] = {
    { "--dot", em_dot, 0, "the state charts as Graphviz" },
    { "--promela", em_promela, 1, "the closed-system Promela model of one profile" },
    { "--ragel", em_ragel, 0, "the controller as a Ragel state chart" },
    { "--c-ids", em_c_ids, 0, "the C identifiers header (X-macro lists)" },
    { "--c-glue", em_c_glue, 0, "the C guards, actions and tables around the chart" },
    { "--c-monitors", em_c_monitors, 0, "the safety invariants as C monitors" },
    { "--c-plant-h", em_c_plant_h, 0, "the reference plant's header (issu_plant.h)" },
    { "--c-plant", em_c_plant, 0, "the reference plant: the spec's world in C, for simulators and tests" },
    { "--scenario", em_scenario, 1, "the --replay of a trail as a readable scenario" },
    { "--trace", em_trace, 1, "the --replay of a trail as JSON lines (the runtime's trace)" },
    { "--relation", em_relation, 1, "the controller's transition relation (the C conformance check)" },
};
#define GEN_NOUTPUTS ((int)(sizeof gen_outputs / sizeof gen_outputs[0]))
#define GEN_MAX_REQUESTS 16

typedef struct gen_args {
    int summary;                           /* --summary */
    int list_mutants;                      /* --mutants */
    int list_profiles;                     /* --profiles */
    int list_sources;                      /* --sources */
    long mutant;                           /* --mutant N, or -1 */
    const char *profile;                   /* --profile NAME or NULL */
    const char **param;                    /* --param NAME=VALUE, each time given */
    int nparam;
    const char **abstract;                 /* --abstract NAME or NAME[1..], each time given */
    int nabstract;
    const char *replay;                    /* --replay FILE or NULL */
    const char *model;                     /* --model FILE or NULL */
    const char *title;                     /* --title TEXT or NULL */
    const char *replays;                   /* --replays LIST or NULL */
    const char **check_trace;              /* --check-trace FILE, each time given */
    int ncheck;
    int nreq;                              /* requested file outputs */
    struct { int out; const char *path; } req[GEN_MAX_REQUESTS];
    const char *spec;                      /* input file */
} gen_args;

static void gen_usage(FILE *f)
{
    fputs("usage: issu-gen [--check] [--summary] [--profile NAME] [--mutant N] [OUTPUT FILE]... SPEC.fsm\n"
          "       issu-gen --mutants SPEC.fsm\n"
          "       issu-gen --sources SPEC.fsm\n"
          "\n"
          "  --check          parse and check SPEC; print only diagnostics (the default)\n"
          "  --summary        also print its size, families, machines, requirements\n"
          "  --profile NAME   the family profile for per-profile outputs\n"
          "  --abstract NAME  the Promela model drops plant variable NAME (NAME[1..]:\n"
          "                   every element but the first; MACHINE.VAR: that\n"
          "                   machine's variable): tests that read it may be true\n"
          "                   and false, properties that read it are left out (a\n"
          "                   localization abstraction); may be given many times\n"
          "  --param NAME=V   give param NAME the value V in that profile, before the\n"
          "                   analyses and the outputs: a smaller instance of it (V\n"
          "                   in the param's range, at most the largest value a profile\n"
          "                   of the spec gives it); may be given many times\n"
          "  --mutants        list the mutants of SPEC (one per line: number, operator, where)\n"
          "  --profiles       list the family profiles of SPEC, one name per line\n"
          "  --sources        list SPEC and every file it includes, one path per line, in\n"
          "                   inclusion order (the files are read, not checked)\n"
          "  --mutant N       apply mutant N to SPEC before the analyses and the outputs\n"
          "  --replay FILE    a SPIN trail replayed by 'spin -t' (for --scenario, --trace)\n"
          "  --model FILE     the Promela model of that trail (names the failed assertion)\n"
          "  --title TEXT     the scenario's title (\"S3 violated\")\n"
          "  --replays LIST   each line of LIST is 'REPLAY TRACE [SCENARIO TITLE]': write\n"
          "                   the --trace (and --scenario) of each replay (one run of\n"
          "                   the front end for many SPIN runs)\n"
          "  --check-trace FILE  check that a trace the C wrote is a run of the model\n"
          "                   of --profile: each step one the model allows (exit 1 if\n"
          "                   not); may be given many times\n"
          "  --help           this text\n"
          "  --version        the generator's version\n"
          "\n"
          "OUTPUT (FILE '-' is stdout):\n",
          f);
    for (int i = 0; i < GEN_NOUTPUTS; i++)
        fprintf(f, "  %-14s   %s%s\n", gen_outputs[i].opt, gen_outputs[i].help,
                gen_outputs[i].per_profile ? " (--profile)" : "");
    fputs("\n"
          "Exit status: 0 valid spec, 1 invalid spec or unreadable file, 2 bad command line.\n"
          "Diagnostics read 'file:line:col: error: message'.  The language: model/LANGUAGE.md.\n",
          f);
}

static int gen_output_index(const char *opt)
{
    for (int i = 0; i < GEN_NOUTPUTS; i++)
        if (strcmp(opt, gen_outputs[i].opt) == 0)
            return i;
    return -1;
}

/* The value of an option that takes one; NULL after reporting. */
static const char *gen_value(int argc, char **argv, int *i, const char *what)
{
    if (++*i >= argc) {
        fprintf(stderr, "issu-gen: error: '%s' needs %s\n", argv[*i - 1], what);
        return NULL;
    }
    return argv[*i];
}

/* The value of an option that may be given many times, appended to *list
 * (made large enough for every argument the first time); 0, or -1 after
 * reporting. */
static int gen_push(int argc, char **argv, int *i, const char *what, const char ***list, int *n)
{
    const char *v = gen_value(argc, argv, i, what);
    if (!v)
        return -1;
    if (!*list)
        *list = ar_array((size_t)argc, sizeof **list);
    (*list)[(*n)++] = v;
    return 0;
}

/* The outputs made from a replayed trail. */
static int gen_needs_replay(em_fn fn)
{
    return fn == em_scenario || fn == em_trace;
}

static int gen_parse_args(int argc, char **argv, gen_args *a)
{
    memset(a, 0, sizeof *a);
    a->mutant = -1;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *v;
        int out = gen_output_index(arg);
        if (strcmp(arg, "--check") == 0) {
            continue;
        } else if (strcmp(arg, "--summary") == 0) {
            a->summary = 1;
        } else if (strcmp(arg, "--mutants") == 0) {
            a->list_mutants = 1;
        } else if (strcmp(arg, "--profiles") == 0) {
            a->list_profiles = 1;
        } else if (strcmp(arg, "--sources") == 0) {
            a->list_sources = 1;
        } else if (strcmp(arg, "--profile") == 0) {
            if (!(v = gen_value(argc, argv, &i, "a profile name")))
                return -1;
            a->profile = v;
        } else if (strcmp(arg, "--param") == 0) {
            if (gen_push(argc, argv, &i, "NAME=VALUE", &a->param, &a->nparam))
                return -1;
        } else if (strcmp(arg, "--abstract") == 0) {
            if (gen_push(argc, argv, &i, "NAME, NAME[1..] or MACHINE.VAR", &a->abstract, &a->nabstract))
                return -1;
        } else if (strcmp(arg, "--replay") == 0 || strcmp(arg, "--model") == 0 ||
                   strcmp(arg, "--title") == 0) {
            if (!(v = gen_value(argc, argv, &i, arg[2] == 't' ? "a text" : "a file")))
                return -1;
            *(arg[2] == 'r' ? &a->replay : arg[2] == 'm' ? &a->model : &a->title) = v;
        } else if (strcmp(arg, "--replays") == 0) {
            if (!(a->replays = gen_value(argc, argv, &i, "a file")))
                return -1;
        } else if (strcmp(arg, "--check-trace") == 0) {
            if (gen_push(argc, argv, &i, "a file", &a->check_trace, &a->ncheck))
                return -1;
        } else if (strcmp(arg, "--mutant") == 0) {
            if (!(v = gen_value(argc, argv, &i, "a mutant number")))
                return -1;
            char *end;
            errno = 0;
            a->mutant = strtol(v, &end, 10);
            if (errno || *end || end == v || a->mutant < 0 || a->mutant > 1000000) {
                fprintf(stderr, "issu-gen: error: '--mutant %s': not a mutant number\n", v);
                return -1;
            }
        } else if (out >= 0) {
            if (!(v = gen_value(argc, argv, &i, "an output file")))
                return -1;
            if (a->nreq == GEN_MAX_REQUESTS) {
                fprintf(stderr, "issu-gen: error: more than %d outputs\n", GEN_MAX_REQUESTS);
                return -1;
            }
            a->req[a->nreq].out = out;
            a->req[a->nreq].path = v;
            a->nreq++;
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
    for (int r = 0; r < a->nreq; r++)
        if (gen_outputs[a->req[r].out].per_profile && !a->profile) {
            fprintf(stderr, "issu-gen: error: '%s' needs '--profile NAME'\n",
                    gen_outputs[a->req[r].out].opt);
            return -1;
        }
    if ((a->replays || a->ncheck || a->nparam || a->nabstract) && !a->profile) {
        fprintf(stderr, "issu-gen: error: '%s' needs '--profile NAME'\n",
                a->replays ? "--replays" : a->ncheck ? "--check-trace" : a->nparam ? "--param" : "--abstract");
        return -1;
    }
    for (int r = 0; r < a->nreq; r++)
        if (gen_needs_replay(gen_outputs[a->req[r].out].fn) && !a->replay) {
            fprintf(stderr, "issu-gen: error: '%s' needs '--replay FILE'\n",
                    gen_outputs[a->req[r].out].opt);
            return -1;
        }
    return 0;
}

/* Read the whole file; NULL after reporting an error. */
static char *gen_read(const char *path, size_t *len)
{
    fi_text t;
    if (fi_read(path, &t) == 0) {
        *len = t.len;
        return t.buf;
    }
    if (t.status == FI_TOO_BIG)
        diag_plain("'%s' is larger than %zu MiB", path, FI_MAX_INPUT >> 20);
    else if (t.status == FI_NOMEM)
        diag_plain("out of memory reading '%s'", path);
    else
        diag_plain("cannot read '%s': %s", path, fi_why(&t));
    return NULL;
}

/* Lex and parse the spec and the files it includes, and check; NULL if the
 * spec has any error.  The IR is as the checker built it: transitions in
 * source order, not yet sorted. */
static ir_spec *gen_checked(const char *path, const char *buf, size_t len)
{
    ast_spec ast;
    if (ld_load(path, buf, len, &ast, NULL) || diag_count())
        return NULL;
    ir_spec *ir;
    if (ck_check(&ast, path, &ir) || diag_count())
        return NULL;
    return ir;
}

/* The profile named on the command line; -1 after reporting. */
static int gen_profile(const ir_spec *s, const char *name)
{
    for (int p = 0; p < s->nprofiles; p++)
        if (strcmp(s->profiles[p].name, name) == 0)
            return p;
    fprintf(stderr, "issu-gen: error: '%s' has no profile '%s'; it has:", s->file, name);
    for (int p = 0; p < s->nprofiles; p++)
        fprintf(stderr, " %s", s->profiles[p].name);
    fputc('\n', stderr);
    return -1;
}

/* Apply --param NAME=VALUE to the profile of --profile: within the param's
 * range and at most the largest value of any profile (the valuation slots
 * of arrays and machine arrays are sized for that).  0, or -1 after
 * reporting. */
static int gen_params(ir_spec *s, const gen_args *a)
{
    if (a->nparam == 0)
        return 0;
    int p = gen_profile(s, a->profile);
    if (p < 0)
        return -1;
    int32_t *given = ar_array((size_t)s->nvars + 1, sizeof *given);   /* the profile's own values */
    memcpy(given, s->profiles[p].param, (size_t)s->nvars * sizeof *given);
    for (int i = 0; i < a->nparam; i++) {
        const char *eq = strchr(a->param[i], '=');
        size_t n = eq ? (size_t)(eq - a->param[i]) : 0;
        int v = -1;
        for (int k = 0; eq && k < s->nvars && v < 0; k++)
            if (s->vars[k].kind == IR_V_PARAM && strlen(s->vars[k].name) == n
                && strncmp(s->vars[k].name, a->param[i], n) == 0)
                v = k;
        if (v < 0) {
            fprintf(stderr, "issu-gen: error: '--param %s': %s\n", a->param[i],
                    eq ? "the spec has no such param" : "not NAME=VALUE");
            return -1;
        }
        const ir_var *pv = &s->vars[v];
        int32_t lo = 0, hi = 1, most = 0;
        if (pv->elem.kind == IR_T_INT) {
            lo = ir_const(s, pv->elem.lo, p);
            hi = ir_const(s, pv->elem.hi, p);
        }
        for (int q = 0; q < s->nprofiles; q++) {
            int32_t x = q == p ? given[v] : s->profiles[q].param[v];
            most = x > most ? x : most;
        }
        char *end;
        errno = 0;
        long val = strtol(eq + 1, &end, 10);
        if (pv->elem.kind == IR_T_BOOL && (strcmp(eq + 1, "true") == 0 || strcmp(eq + 1, "false") == 0)) {
            val = eq[1] == 't';
            end = (char *)eq + strlen(eq);
        }
        if (errno || *end || end == eq + 1 || val < lo || val > hi || val > most) {
            fprintf(stderr, "issu-gen: error: '--param %s': the value must be %ld..%ld (the range of '%s', "
                    "at most the largest value a profile gives it)\n",
                    a->param[i], (long)lo, (long)(hi < most ? hi : most), pv->name);
            return -1;
        }
        s->profiles[p].param[v] = (int32_t)val;
    }
    return 0;
}

/* --abstract NAME (every cell of plant variable NAME), NAME[1..] (every
 * element of plant array NAME but the first) or MACHINE.VAR (controller
 * variable VAR of MACHINE, in every instance): the cells the Promela model
 * drops (em_opts.abstract); NULL after reporting. */
static unsigned char *gen_abstract(const ir_spec *s, const gen_args *a)
{
    unsigned char *abs = ar_array((size_t)s->nvars + 1, 1);
    for (int i = 0; i < a->nabstract; i++) {
        const char *arg = a->abstract[i], *br = strchr(arg, '[');
        size_t n = br ? (size_t)(br - arg) : strlen(arg);
        int rest = br != NULL;
        if (br && strcmp(br, "[1..]") != 0) {
            fprintf(stderr, "issu-gen: error: '--abstract %s': not NAME or NAME[1..]\n", arg);
            return NULL;
        }
        /* MACHINE.VAR names a controller variable of that machine */
        const char *dot = memchr(arg, '.', n);
        size_t mn = dot ? (size_t)(dot - arg) : 0, vn = dot ? n - mn - 1 : n;
        const char *vname = dot ? dot + 1 : arg;
        int v = -1;
        for (int k = 0; k < s->nvars && v < 0; k++) {
            const ir_var *x = &s->vars[k];
            const char *owner = x->kind == IR_V_CTRL ? s->machines[x->machine].name : NULL;
            if (strlen(x->name) == vn && strncmp(x->name, vname, vn) == 0 && (dot ? owner != NULL
                    && strlen(owner) == mn && strncmp(owner, arg, mn) == 0 : owner == NULL))
                v = k;
        }
        const char *ctrl = NULL;        /* a machine that has a variable of that name */
        for (int k = 0; k < s->nvars && v < 0 && !dot && !ctrl; k++)
            if (s->vars[k].kind == IR_V_CTRL && strlen(s->vars[k].name) == vn &&
                strncmp(s->vars[k].name, vname, vn) == 0)
                ctrl = s->machines[s->vars[k].machine].name;
        const char *why = v < 0 && ctrl ? ar_printf("a machine's variable is named MACHINE.VAR (%s.%.*s)",
                                                    ctrl, (int)vn, vname)
                        : v < 0 ? "the spec has no such variable"
                        : s->vars[v].kind == IR_V_OPTION || s->vars[v].kind == IR_V_PARAM
                            ? "only a plant variable or a machine's variable (MACHINE.VAR) can be abstracted"
                        : rest && (s->vars[v].shape != IR_ARRAY || s->vars[v].kind != IR_V_PLANT)
                            ? "'[1..]' needs a plant array"
                        : NULL;
        if (why) {
            fprintf(stderr, "issu-gen: error: '--abstract %s': %s\n", arg, why);
            return NULL;
        }
        abs[v] = rest ? EM_ABS_REST : EM_ABS_ALL;
    }
    return abs;
}

/* Lex, parse, check, apply the params and the mutant (if any) and analyse;
 * NULL if the spec has any error (*bad_args set if a --param is wrong). */
static ir_spec *gen_front(const char *path, const char *buf, size_t len, const gen_args *a, int *bad_args)
{
    ir_spec *ir = gen_checked(path, buf, len);
    if (!ir)
        return NULL;
    if (gen_params(ir, a)) {
        *bad_args = 1;
        return NULL;
    }
    if (a->mutant >= 0 && mu_apply(ir, (int)a->mutant))
        return NULL;
    if (an_analyze(ir) || diag_count())
        return NULL;
    return ir;
}

/* 1 if files a and b exist and hold the same bytes. */
static int gen_same(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int same = fa && fb;
    while (same) {                         /* bound: the files' length */
        int ca = getc(fa), cb = getc(fb);
        same = ca == cb;
        if (ca == EOF || cb == EOF)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}

/* Write with the emitter to a temporary file next to 'out', then rename;
 * an output whose content did not change is left as it was (and its time
 * with it), so that a build rebuilds only what depends on a real change. */
static int gen_write(const char *out, const ir_spec *s, em_fn emit, const em_opts *o)
{
    int errors = diag_count();             /* an emitter may report one (out of memory) */
    if (strcmp(out, "-") == 0) {
        emit(stdout, s, o);
        return fflush(stdout) == 0 && diag_count() == errors ? 0 : -1;
    }
    char *tmp = ar_printf("%s.tmp.%ld", out, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) {
        diag_plain("cannot write '%s': %s", tmp, strerror(errno));
        return -1;
    }
    emit(f, s, o);
    int bad = ferror(f);
    if (fclose(f) != 0)
        bad = 1;
    if (diag_count() != errors) {          /* reported: no half-written output */
        remove(tmp);
        return -1;
    }
    if (!bad && gen_same(tmp, out)) {
        remove(tmp);
        return 0;
    }
    if (bad || rename(tmp, out) != 0) {
        diag_plain("cannot write '%s': %s", out, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}


/* Read --replay and --model before any output is written; -1 after reporting. */
static int gen_read_replay(const gen_args *a, em_opts *o, char **replay, char **model)
{
    o->replay = a->replay;
    o->model = a->model;
    o->title = a->title;
    if (a->replay && !(*replay = gen_read(a->replay, &o->replay_len)))
        return -1;
    if (a->model && !(*model = gen_read(a->model, &o->model_len)))
        return -1;
    o->replay_text = *replay;
    o->model_text = *model;
    return 0;
}

/* One line of a --replays list, split at blanks into at most 3 words and
 * the rest (the title, which may hold blanks).  Returns the word count. */
static int gen_replays_words(char *line, char *w[4])
{
    int n = 0;
    for (char *p = line; *p && n < 4; n++) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        w[n] = p;
        if (n == 3)
            return 4;                      /* the title: the rest of the line */
        p += strcspn(p, " \t");
        if (*p)
            *p++ = '\0';
    }
    return n;
}

/* --replays LIST: for each line "REPLAY TRACE [SCENARIO TITLE]", the trace
 * of REPLAY and, if named, its scenario under TITLE; 0, or 1 after
 * reporting. */
static int gen_replays(const char *list, const ir_spec *s, em_opts o)
{
    size_t len;
    char *text = gen_read(list, &len), *p = text;
    if (!text)
        return 1;
    int rc = 0;
    long no = 0;
    while (!rc && p < text + len) {
        char *nl = memchr(p, '\n', (size_t)(text + len - p));
        char *line = ar_strndup(p, nl ? (size_t)(nl - p) : (size_t)(text + len - p)), *w[4];
        p = nl ? nl + 1 : text + len;
        no++;
        int n = gen_replays_words(line, w);
        if (n == 0)
            continue;
        if (n != 2 && n != 4) {
            diag_plain("%s:%ld: expected 'REPLAY TRACE [SCENARIO TITLE]'", list, no);
            rc = 1;
            break;
        }
        char *replay = gen_read(w[0], &o.replay_len);
        o.replay = w[0];
        o.replay_text = replay;
        o.title = n == 4 ? w[3] : o.title;
        rc = !replay || gen_write(w[1], s, em_trace, &o)
            || (n == 4 && gen_write(w[2], s, em_scenario, &o)) ? 1 : 0;
        free(replay);
    }
    free(text);
    return rc;
}

/* --sources: the spec's files, one per line; 0, or 1 after reporting. */
static int gen_sources(const char *path, const char *buf, size_t len)
{
    ast_spec ast;
    ld_sources src;
    if (ld_load(path, buf, len, &ast, &src) || diag_count())
        return 1;
    for (int i = 0; i < src.n; i++)
        puts(src.paths[i]);
    return 0;
}

/* --check-trace FILE: 0 a run of the model, 1 not (reported). */
static int gen_check_trace(const char *path, const ir_spec *s, int profile)
{
    size_t len;
    char *text = gen_read(path, &len);
    if (!text)
        return 1;
    if (strspn(text, " \t\r\n") == len) {   /* an empty file agrees with nothing */
        fprintf(stderr, "%s: error: the trace is empty\n", path);
        free(text);
        return 1;
    }
    long n = ct_check(stderr, s, profile, path, text, len);
    free(text);
    if (n < 0)
        return 1;
    printf("%s: %ld controller steps, each one the model of profile '%s' allows\n", path, n,
           s->profiles[profile].name);
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
    int rc = 1, bad_args = 0;
    ir_spec *ir = NULL;
    char *replay = NULL, *model = NULL;
    if (buf && a.list_sources) {
        rc = gen_sources(a.spec, buf, len);
    } else if (buf && a.list_mutants) {
        /* Only a valid spec has mutants.  They are listed from the IR as the
         * checker built it, which is what --mutant changes (the analyses sort
         * the transitions: a list made after them would name other sites). */
        gen_args plain = a;
        plain.nparam = 0;
        plain.mutant = -1;
        ir = gen_front(a.spec, buf, len, &plain, &bad_args) ? gen_checked(a.spec, buf, len) : NULL;
        if (ir) {
            mu_list(stdout, ir);
            rc = 0;
        }
    } else if (buf) {
        ir = gen_front(a.spec, buf, len, &a, &bad_args);
        if (bad_args)
            rc = 2;
    }
    if (ir && a.list_profiles) {
        for (int p = 0; p < ir->nprofiles; p++)
            puts(ir->profiles[p].name);
        rc = 0;
    } else if (ir && !a.list_mutants) {
        em_opts o = { .profile = -1 };
        rc = 0;
        if (a.profile && (o.profile = gen_profile(ir, a.profile)) < 0)
            rc = 2;
        if (!rc && a.nabstract && !(o.abstract = gen_abstract(ir, &a)))
            rc = 2;
        if (!rc && gen_read_replay(&a, &o, &replay, &model))
            rc = 1;
        if (!rc && a.summary)
            em_summary(stdout, ir, &o);
        for (int r = 0; !rc && r < a.nreq; r++)
            rc = gen_write(a.req[r].path, ir, gen_outputs[a.req[r].out].fn, &o) ? 1 : 0;
        if (!rc && a.replays)
            rc = gen_replays(a.replays, ir, o);
        for (int t = 0; !rc && t < a.ncheck; t++)
            rc = gen_check_trace(a.check_trace[t], ir, o.profile);
    }
    if (fflush(stdout) != 0)
        rc = 1;
    free(buf);
    free(replay);
    free(model);
    ar_free_all();
    return rc;
}
