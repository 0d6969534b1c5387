/* test_scenario.c - issu-gen --scenario and --trace on replayed SPIN trails.
 *
 * A real trail: the Promela model of tests/specs/small.fsm (profile mx240)
 * violates S3 (a backup crash clears gres before swo is issued); SPIN finds
 * it, replays it, and the scenario must name the property, the transition
 * that starts the upgrade and its console line, and every trace line must
 * be a JSON object of the runtime's schema.  Skipped when spin or gcc is not
 * on PATH.  Then a hand-written replay full of garbage and of markers the
 * spec cannot have written, which must give notes, never a crash; and the
 * command-line errors: no --replay (exit 2), an unreadable one (exit 1,
 * nothing written), and the same for an unreadable --model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "suites.h"
#include "testutil.h"

static char *s_dir;                               /* temporary directory of this suite */

static int scenario_init(void)
{
    s_dir = tu_mkdtemp();
    return s_dir ? 0 : -1;
}

static int scenario_clean(void)
{
    if (s_dir)
        tu_rmtree(s_dir);
    free(s_dir);
    s_dir = NULL;
    return 0;
}

static char *small_spec(void)
{
    return tu_join(tu_srcdir(), "tests/specs/small.fsm");
}

/* 1 if an executable 'name' is in a directory of $PATH. */
static int on_path(const char *name)
{
    const char *path = getenv("PATH");
    while (path && *path) {
        size_t n = strcspn(path, ":");
        char buf[4096];
        snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path, name);
        if (n && access(buf, X_OK) == 0)
            return 1;
        path += n + (path[n] == ':');
    }
    return 0;
}

/* ---- a minimal JSON reader: one value, nothing after it --------------- */

static const char *j_value(const char *p, int depth);

static const char *j_ws(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

static const char *j_string(const char *p)
{
    if (*p++ != '"')
        return NULL;
    for (; *p && *p != '"'; p++) {
        if ((unsigned char)*p < 0x20)
            return NULL;
        if (*p == '\\' && !*++p)
            return NULL;
    }
    return *p == '"' ? p + 1 : NULL;
}

/* Object (close '}') or array (close ']') after its opening bracket. */
static const char *j_members(const char *p, char close, int depth)
{
    p = j_ws(p);
    if (*p == close)
        return p + 1;
    for (;;) {
        if (close == '}') {
            if (!(p = j_string(j_ws(p))))
                return NULL;
            p = j_ws(p);
            if (*p++ != ':')
                return NULL;
        }
        if (!(p = j_value(p, depth + 1)))
            return NULL;
        p = j_ws(p);
        if (*p == close)
            return p + 1;
        if (*p++ != ',')
            return NULL;
    }
}

static const char *j_value(const char *p, int depth)
{
    p = j_ws(p);
    if (depth > 20)
        return NULL;
    if (*p == '{' || *p == '[')
        return j_members(p + 1, *p == '{' ? '}' : ']', depth);
    if (*p == '"')
        return j_string(p);
    for (const char *const *w = (const char *const[]){ "true", "false", "null", NULL }; *w; w++)
        if (strncmp(p, *w, strlen(*w)) == 0)
            return p + strlen(*w);
    const char *s = p + (*p == '-');
    if (*s < '0' || *s > '9')
        return NULL;
    while (*s >= '0' && *s <= '9')
        s++;
    return s;
}

/* Every line is one JSON object with "seq":K (K = line number from 0) and
 * one of the line kinds with its fields: the initial state (line 0), world
 * and machine steps, the cycle start; the last is the violation.  Returns
 * the number of lines, or -1 after a failed assertion. */
static int check_trace(const char *text, unsigned line)
{
    static const char *const machine[] = { "\"time\":", "\"machine\":", "\"instance\":",
                                           "\"trans\":", "\"from\":", "\"event\":", "\"to\":",
                                           "\"actions\":[", NULL };
    static const char *const world[] = { "\"time\":", "\"world\":", "\"event\":", "\"machine\":",
                                         "\"instance\":", "\"changes\":{", NULL };
    static const char *const initial[] = { "\"initial\":{", "\"profile\":", "\"options\":{",
                                           "\"plant\":{", NULL };
    int n = 0;
    for (const char *p = text; *p; n++) {
        size_t len = strcspn(p, "\n");
        char *l = malloc(len + 1), seq[32];
        if (!l)
            return -1;
        memcpy(l, p, len);
        l[len] = '\0';
        const char *end = j_value(l, 0);
        snprintf(seq, sizeof seq, "{\"seq\":%d,", n);
        int ok = l[0] == '{' && end && *j_ws(end) == '\0' && strncmp(l, seq, strlen(seq)) == 0;
        const char *const *need = strstr(l, "\"world\":") ? world
                                : strstr(l, "\"machine\":") ? machine
                                : n == 0 && strstr(l, "\"initial\":") ? initial : NULL;
        for (int k = 0; ok && need && need[k]; k++)
            ok = strstr(l, need[k]) != NULL;
        ok = ok && (need || strstr(l, "\"cycle\":\"start\"") || strstr(l, "\"violation\":"));
        tu_check(ok, line, __FILE__, "trace line %d is not a JSON object of the schema: %.300s",
                 n + 1, l);
        free(l);
        if (!ok)
            return -1;
        p += len + (p[len] == '\n');
    }
    return n;
}

/* ---- running issu-gen on a replay -------------------------------------- */

/* issu-gen --scenario and --trace; the two files, malloc'd (NULL if missing). */
static int run_replay(const char *replay, const char *model, const char *title, char **scn,
                      char **trace, unsigned line)
{
    char *spec = small_spec(), *sp = tu_join(s_dir, "s.txt"), *tp = tu_join(s_dir, "t.jsonl");
    const char *args[16] = { "--profile", "mx240", "--replay", replay, "--title", title,
                             "--scenario", sp, "--trace", tp };
    int n = 10;
    if (model) {
        args[n++] = "--model";
        args[n++] = model;
    }
    args[n++] = spec;
    args[n] = NULL;
    tu_run r;
    int ok = 0;
    *scn = *trace = NULL;
    if (tu_check(tu_run_gen(args, NULL, &r) == 0, line, __FILE__, "issu-gen was run")) {
        char how[64];
        ok = tu_check(r.exited && r.status == 0, line, __FILE__, "issu-gen --scenario: %s; %.500s",
                      tu_run_how(&r, how, sizeof how), r.err);
        tu_run_free(&r);
    }
    if (ok) {
        *scn = tu_read_file(sp, NULL);
        *trace = tu_read_file(tp, NULL);
    }
    unlink(sp);
    unlink(tp);
    free(spec);
    free(sp);
    free(tp);
    return ok && *scn && *trace ? 0 : -1;
}

/* "on start when gres -> PREP" of small.fsm: "small.fsm:L)" for the scenario. */
static char *start_location(void)
{
    char *spec = small_spec(), *text = spec ? tu_read_file(spec, NULL) : NULL, *at;
    char *where = NULL;
    if (text && (at = strstr(text, "on start when gres -> PREP")) != NULL) {
        int l = 1;
        for (const char *p = text; p < at; p++)
            l += *p == '\n';
        where = malloc(strlen(spec) + 32);
        if (where)
            sprintf(where, "%s:%d)", spec, l);
    }
    free(text);
    free(spec);
    return where;
}

/* ---- the tests ------------------------------------------------------------ */

/* spin -a, gcc, pan and spin -t in s_dir on model.pml: 0 if a replay was made. */
static int spin_replay(void)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && spin -a model.pml >spin.log 2>&1 && "
             "gcc -O0 -w -DNOCLAIM -DSAFETY -o pan pan.c >cc.log 2>&1 && "
             "{ ./pan -m10000 >pan.out 2>&1; true; } && test -f model.pml.trail && "
             "spin -t -k model.pml.trail model.pml >replay.txt 2>&1",
             s_dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void check_s3(const char *scn, const char *trace)
{
    char *where = start_location();
    TU_CHECK(strstr(scn, "Violated: S3 \"switch only when gres\"") != NULL,
             "the scenario names S3 and its sentence:\n%.2000s", scn);
    TU_CHECK(where && strstr(scn, "ctl: IDLE --start--> PREP  (") && strstr(scn, where),
             "the scenario has 'ctl: IDLE --start--> PREP  (%s':\n%.2000s", where ? where : "?", scn);
    TU_CHECK(strstr(scn, "console \"ISSU: Starting\"") != NULL, "the console line:\n%.2000s", scn);
    TU_CHECK(strstr(scn, "=> re_role[1] = DOWN; gres = false") != NULL,
             "the crash changes re_role[1] and gres:\n%.2000s", scn);
    TU_CHECK(strstr(trace, "\"from\":\"IDLE\",\"event\":\"start\",\"to\":\"PREP\",\"actions\":"
                           "[{\"console\":\"ISSU: Starting\"},{\"issue\":\"prep\"}]}") != NULL,
             "the start transition in the runtime's schema:\n%.2000s", trace);
    int n = check_trace(trace, __LINE__);
    TU_CHECK(n > 2 && strstr(trace, "\"violation\":\"S3\",\"kind\":\"invariant\"}\n") != NULL,
             "the trace ends with the violation of S3:\n%.2000s", trace);
    free(where);
}

static void test_spin_counterexample(void)
{
    if (!on_path("spin") || !on_path("gcc")) {
        fputs("\nunit-tests: spin or gcc is not on PATH; the SPIN scenario test is skipped\n", stderr);
        CU_PASS("spin or gcc not on PATH: skipped");
        return;
    }
    char *spec = small_spec(), *model = tu_join(s_dir, "model.pml");
    char *replay = tu_join(s_dir, "replay.txt"), *scn, *trace;
    const char *args[] = { "--profile", "mx240", "--promela", model, spec, NULL };
    tu_run r;
    int ran = tu_run_gen(args, NULL, &r) == 0;
    if (TU_CHECK(ran && r.exited && r.status == 0, "issu-gen --promela: %.500s",
                 r.err ? r.err : "not run") &&
        TU_CHECK(spin_replay() == 0, "spin found no S3 counterexample in %s", s_dir) &&
        run_replay(replay, model, "counterexample", &scn, &trace, __LINE__) == 0) {
        check_s3(scn, trace);
        free(scn);
        free(trace);
    }
    tu_run_free(&r);
    free(spec);
    free(model);
    free(replay);
}

/* Markers the spec cannot have written, malformed ones, binary junk. */
static const char garbage[] =
    "@V 1 0 0\n@V 2 0 0\n@V 2 1 1\n@V 3 0 1\n@V 4 0 3\n@V 5 0 0\n@V 6 0 0\n"
    "@\n@T\n@T 0\n@T 0 0\n@T x y z\n@T 0 0 0 0 0\n@T -1 0 0\n@T 0 0 99999999999999999999\n"
    "@T 99 0 0\n@V 99 0 1\n@V 4 77 1\n@V 0 0 1\n@O 0 0 99 0\n@E 99 0\n@U 0 0 0 0\n@U 0 0 99 1\n"
    "@Q 1 2 3\n@T 0 0 1\t\t\n\r\n\x01\x02\xff\xfe@T\n"
    "                  @E 0 0\n              @T 0 0 0\n"
    "<<<<<START OF CYCLE>>>>>\n"
    "              @U 0 0 1 1\n"
    "spin: trail ends after 3 steps\n"
    "spin: x.pml:, Error: assertion violated\n"
    "@E 0";

static void test_garbage_replay(void)
{
    char *replay = tu_join(s_dir, "garbage.txt"), *scn, *trace;
    if (!TU_CHECK(replay && tu_write_file(replay, garbage, sizeof garbage - 1) == 0, "written"))
        return;
    if (run_replay(replay, NULL, "L1 violated", &scn, &trace, __LINE__) == 0) {
        TU_CHECK(strstr(scn, "note: replay line 16: '@T 99 0 0': no such machine; ignored") != NULL,
                 "a note for a machine the spec has not:\n%.3000s", scn);
        TU_CHECK(strstr(scn, "from here the run repeats forever") && strstr(scn, "ctl: IDLE --start--> PREP"),
                 "the cycle marker and the one valid transition:\n%.3000s", scn);
        TU_CHECK(strstr(scn, "Violated: acceptance cycle of L1") != NULL, "the LTL verdict:\n%.3000s", scn);
        check_trace(trace, __LINE__);
        TU_CHECK(strstr(trace, "\"cycle\":\"start\"") && strstr(trace, "\"kind\":\"acceptance cycle\""),
                 "the cycle and the verdict in the trace:\n%.3000s", trace);
        free(scn);
        free(trace);
    }
    free(replay);
}

static void test_replay_usage(void)
{
    char *spec = small_spec(), *out = tu_join(s_dir, "none.txt");
    const char *no_replay[] = { "--profile", "mx240", "--scenario", out, spec, NULL };
    const char *missing[] = { "--profile", "mx240", "--replay", "/nonexistent/replay.txt",
                              "--trace", out, spec, NULL };
    const char *no_model[] = { "--profile", "mx240", "--replay", spec, "--model",
                               "/nonexistent/model.pml", "--trace", out, spec, NULL };
    tu_run r;
    char how[64];
    if (tu_run_gen(no_replay, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 2 && strstr(r.err, "'--scenario' needs '--replay FILE'"),
                 "--scenario without --replay: exit 2, got %s: %.300s", tu_run_how(&r, how, sizeof how),
                 r.err);
        tu_run_free(&r);
    }
    if (tu_run_gen(missing, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 1 && strstr(r.err, "/nonexistent/replay.txt"),
                 "an unreadable --replay: exit 1, got %s: %.300s", tu_run_how(&r, how, sizeof how),
                 r.err);
        tu_run_free(&r);
    }
    if (tu_run_gen(no_model, NULL, &r) == 0) {
        TU_CHECK(r.exited && r.status == 1 && strstr(r.err, "/nonexistent/model.pml"),
                 "an unreadable --model: exit 1, got %s: %.300s", tu_run_how(&r, how, sizeof how),
                 r.err);
        tu_run_free(&r);
    }
    TU_CHECK(access(out, F_OK) != 0, "nothing is written after a command-line or read error");
    free(spec);
    free(out);
}

/* issu-gen ARGS on a trace file PATH holding text: exit status and, on
 * stderr (failure) or stdout (success), msg. */
static void check_trace_case(const char *const *args, const char *path, const char *text, size_t i, int status,
                             const char *msg)
{
    tu_run r;
    char how[64];
    if (!TU_CHECK(tu_write_file(path, text, strlen(text)) == 0, "written") || tu_run_gen(args, NULL, &r) != 0)
        return;
    TU_CHECK(r.exited && r.status == status && strstr(status ? r.err : r.out, msg) != NULL,
             "case %zu: exit %d expected, '%s' expected; got %s: %.300s %.300s", i, status, msg,
             tu_run_how(&r, how, sizeof how), r.out, r.err);
    tu_run_free(&r);
}

/* --check-trace: a trace the C could write of small.fsm is accepted step by
 * step; one with a step the model does not allow, or a line that is not a
 * trace line, is rejected with the line named. */
static void test_check_trace(void)
{
    static const char step[] =
        "{\"seq\":1,\"time\":0,\"machine\":\"ctl\",\"instance\":0,\"trans\":0,\"from\":\"IDLE\","
        "\"event\":\"start\",\"to\":\"%s\",\"actions\":[{\"console\":\"ISSU: Starting\"},{\"issue\":\"prep\"}]}\n";
    char *spec = small_spec(), *path = tu_join(s_dir, "c.jsonl"), text[512];
    const char *args[] = { "--profile", "mx240", "--check-trace", path, spec, NULL };
    static const struct { const char *to, *junk; int status; const char *msg; } cases[] = {
        { "PREP", "", 0, "1 controller steps, each one the model of profile 'mx240' allows" },
        { "BOOT", "", 1, "c.jsonl:1: error: step 1 is not a step of the model" },
        { "PREP", "{\"seq\":2,\"machine\":\"ctl\",\"trans\":9,\"event\":\"warp\"}\n", 1,
          "c.jsonl:2: error: not a step of machine 'ctl'" },
        { "PREP", "garbage\n", 1, "c.jsonl:2: error: not a line of a trace" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, step, cases[i].to);
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s", cases[i].junk);
        check_trace_case(args, path, text, i, cases[i].status, cases[i].msg);
    }
    /* A last line without its newline (issue 15): the step is read within
     * the file, whose text the reader ends with a NUL (gen/base/file.h). */
    snprintf(text, sizeof text, step, "PREP");
    text[strlen(text) - 1] = '\0';
    check_trace_case(args, path, text, sizeof cases / sizeof cases[0], 0, "1 controller steps, each one");
    check_trace_case(args, path, "", sizeof cases / sizeof cases[0] + 1, 1, "c.jsonl: error: the trace is empty");
    free(spec);
    free(path);
}

/* --check-trace over two machines (tests/golden/valid/001-two-machines-send.fsm):
 * an instance takes the events sent to it in the order they were sent, an
 * event nobody sent cannot be taken, and a line must name an instance the
 * profile has. */
static void test_check_trace_machines(void)
{
    static const char *const step[] = {
        "{\"seq\":1,\"time\":0,\"machine\":\"master\",\"instance\":0,\"trans\":0,\"from\":\"IDLE\","
        "\"event\":\"start\",\"to\":\"BUSY\",\"actions\":[{\"send\":\"go\",\"to\":\"worker\",\"instance\":0},"
        "{\"console\":\"master: started\"}]}\n",
        "{\"seq\":2,\"time\":0,\"machine\":\"worker\",\"instance\":%d,\"trans\":0,\"from\":\"IDLE\","
        "\"event\":\"go\",\"to\":\"WORKING\",\"actions\":[{\"issue\":\"work\"}]}\n",
        "{\"seq\":3,\"time\":0,\"machine\":\"worker\",\"instance\":0,\"trans\":1,\"from\":\"WORKING\","
        "\"event\":\"work.ok\",\"to\":\"IDLE\",\"actions\":[{\"send\":\"done\",\"to\":\"master\",\"instance\":0}]}\n",
        "{\"seq\":4,\"time\":0,\"machine\":\"master\",\"instance\":0,\"trans\":1,\"from\":\"BUSY\","
        "\"event\":\"done\",\"to\":\"IDLE\",\"actions\":[]}\n",
        "{\"seq\":4,\"time\":0,\"machine\":\"master\",\"instance\":0,\"trans\":2,\"from\":\"BUSY\","
        "\"event\":\"failed\",\"to\":\"IDLE\",\"actions\":[{\"console\":\"master: worker failed\"}]}\n",
    };
    static const struct { int order[4], worker, status; const char *msg; } cases[] = {
        { { 0, 1, 2, 3 }, 0, 0, "4 controller steps, each one the model of profile 'default' allows" },
        { { 1, 0, 2, 3 }, 0, 1, "m.jsonl:1: error: step 1 is not a step of the model: worker takes 'go', "
                                "but no machine sent it one" },
        { { 0, 1, 2, 4 }, 0, 1, "m.jsonl:4: error: step 4 is not a step of the model: master takes 'failed', "
                                "but the first event sent to it and not yet taken is 'done'" },
        { { 0, 1, 2, 3 }, 1, 1, "m.jsonl:2: error: not a step of machine 'worker'" },
    };
    char *spec = tu_join(tu_srcdir(), "tests/golden/valid/001-two-machines-send.fsm");
    char *path = tu_join(s_dir, "m.jsonl"), text[2048];
    const char *args[] = { "--profile", "default", "--check-trace", path, spec, NULL };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        text[0] = '\0';
        for (int k = 0; k < 4; k++) {
            size_t n = strlen(text);
            snprintf(text + n, sizeof text - n, step[cases[i].order[k]], cases[i].worker);
        }
        check_trace_case(args, path, text, i, cases[i].status, cases[i].msg);
    }
    free(spec);
    free(path);
}

/* --relation: configurations first, then outcomes, then every event of every
 * configuration; the initial configuration is 0. */
static void test_relation(void)
{
    char *spec = small_spec(), *path = tu_join(s_dir, "rel.tsv");
    const char *args[] = { "--profile", "mx240", "--relation", path, spec, NULL };
    tu_run r;
    if (tu_run_gen(args, NULL, &r) != 0)
        return;
    TU_CHECK(r.exited && r.status == 0, "issu-gen --relation: %.300s", r.err);
    tu_run_free(&r);
    char *rel = tu_read_file(path, NULL);
    if (TU_CHECK(rel != NULL, "the relation was written")) {
        TU_CHECK(strstr(rel, "\nP\tmx240\tctl\t") && strstr(rel, "\nC\t0\tIDLE\t-\t") &&
                 strstr(rel, "\"trans\":0,\"from\":\"IDLE\",\"event\":\"start\",\"to\":\"PREP\"") &&
                 strstr(rel, "\nR\t0\tstart\tgres=1\t"),
                 "the header, the initial configuration, the start transition, a row:\n%.1500s", rel);
        const char *c = strstr(rel, "\nC\t"), *o = strstr(rel, "\nO\t"), *w = strstr(rel, "\nR\t");
        TU_CHECK(c && o && w && c < o && o < w, "configurations, outcomes, rows in that order");
    }
    free(rel);
    free(spec);
    free(path);
}

/* Lines of generated glue that run an action (assign, issue, cancel, send)
 * and carry tag (the spec location comment). */
static int action_lines(const char *glue, const char *tag)
{
    static const char *const calls[] = { "issu__assign(", "issu__issue(", "issu__cancel(", "issu__send(" };
    int n = 0;
    for (const char *p = glue; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), p);
        int call = 0;
        for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++)
            call |= strstr(line, calls[k]) != NULL;
        n += call && strstr(line, tag) != NULL;
        p = e ? e + 1 : NULL;
    }
    return n;
}

/* The mutant catalogue names the site that --mutant N changes, also when the
 * analyses sort the transitions into another order than the source's: in a
 * copy of small.fsm whose PREP handles abort (declared last) first, every
 * drop-action mutant removes from the generated glue exactly the one action
 * at the line its description gives. */
static void test_mutant_sites(void)
{
    char *spec = small_spec(), *text = tu_read_file(spec, NULL), *copy = tu_join(s_dir, "order.fsm");
    char *base = tu_join(s_dir, "base.c"), *mut = tu_join(s_dir, "mut.c");
    const char *abort_line = "    on abort -> IDLE { cancel prep; outcome = ABORTED; }\n";
    const char *first = "    on prep.ok -> BOOT { issue boot; }\n";
    char *a = text ? strstr(text, abort_line) : NULL, *f = text ? strstr(text, first) : NULL;
    if (!TU_CHECK(a && f && f < a, "small.fsm has the PREP lines this test moves"))
        goto out;
    {
        /* the abort line moves before prep.ok: same spec, another source order */
        size_t n = strlen(text), al = strlen(abort_line);
        char *o = malloc(n + 1);
        if (!o)
            goto out;
        size_t k = (size_t)(f - text);
        memcpy(o, text, k);
        memcpy(o + k, abort_line, al);
        memcpy(o + k + al, f, (size_t)(a - f));
        memcpy(o + k + al + (size_t)(a - f), a + al, n - (size_t)(a - text) - al + 1);
        TU_CHECK(tu_write_file(copy, o, n) == 0, "written");
        free(o);
    }
    const char *list[] = { "--mutants", copy, NULL }, *gbase[] = { "--c-glue", base, copy, NULL };
    tu_run r, g;
    if (tu_run_gen(list, NULL, &r) != 0 || tu_run_gen(gbase, NULL, &g) != 0)
        goto out;
    tu_run_free(&g);
    char *glue0 = tu_read_file(base, NULL);
    int checked = 0;
    for (char *line = r.out; glue0 && line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        int num, l, col;
        if (sscanf(line, "%d\tdrop-action\t%*[^:]:%d:%d", &num, &l, &col) != 3)
            continue;
        char nbuf[16], tag[64];
        snprintf(nbuf, sizeof nbuf, "%d", num);
        snprintf(tag, sizeof tag, "order.fsm:%d */", l);
        const char *gm[] = { "--mutant", nbuf, "--c-glue", mut, copy, NULL };
        unlink(mut);
        if (tu_run_gen(gm, NULL, &g) != 0)
            continue;
        int valid = g.exited && g.status == 0;
        tu_run_free(&g);
        if (!valid)
            continue;                  /* killed by the checker: no glue to compare */
        char *glue1 = tu_read_file(mut, NULL);
        int at0 = action_lines(glue0, tag), at1 = action_lines(glue1, tag);
        int all0 = action_lines(glue0, "order.fsm:"), all1 = action_lines(glue1, "order.fsm:");
        TU_CHECK(glue1 && at0 - at1 == 1 && all0 - all1 == 1,
                 "mutant %d (drop-action at line %d): the actions of that line went %d -> %d, "
                 "all actions %d -> %d", num, l, at0, at1, all0, all1);
        checked++;
        free(glue1);
    }
    TU_CHECK(checked >= 5, "%d drop-action mutants checked", checked);
    free(glue0);
    tu_run_free(&r);
out:
    free(text);
    free(spec);
    free(copy);
    free(base);
    free(mut);
}

int register_scenario(void)
{
    CU_pSuite s = CU_add_suite("scenario: replayed SPIN trails", scenario_init, scenario_clean);
    if (!s)
        return -1;
    if (!CU_add_test(s, "small.fsm S3 counterexample: spin, scenario, JSON trace",
                     test_spin_counterexample) ||
        !CU_add_test(s, "a garbage replay gives notes, never a crash", test_garbage_replay) ||
        !CU_add_test(s, "no --replay is exit 2, an unreadable one exit 1", test_replay_usage) ||
        !CU_add_test(s, "--check-trace accepts a run of the model, names the first bad step",
                     test_check_trace) ||
        !CU_add_test(s, "--check-trace over two machines: sent events in order, nothing unsent",
                     test_check_trace_machines) ||
        !CU_add_test(s, "--relation: configurations, outcomes, every event", test_relation) ||
        !CU_add_test(s, "the mutant catalogue names the sites --mutant changes", test_mutant_sites))
        return -1;
    return 0;
}
