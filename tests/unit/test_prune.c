/* test_prune.c - what of a spec a profile has (gen/ir/prune.h), through
 * issu-gen's Promela output on tests/specs/systems/families.fsm: in the
 * profile whose pool `extra` is empty, the extra stage (its state, its
 * command, its fault, the transitions into it and its on-issue invariant)
 * is not in the model; in the other profile it is.  The proofs of the same
 * spec (make check-systems) then show that each profile's coverage counts
 * only its own transitions.  `--param` gives a profile smaller params
 * before the analyses: the same pruning then follows from them, and a
 * value the spec cannot take is a command-line error that writes nothing. */
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "suites.h"
#include "testutil.h"

#define PR_SPEC "tests/specs/systems/families.fsm"

/* The Promela model of `profile`, malloc'd, or NULL after a failed check. */
static char *pr_model(const char *profile)
{
    char *spec = tu_join(tu_srcdir(), PR_SPEC);
    const char *args[] = { "--profile", profile, "--promela", "-", spec, NULL };
    tu_run r;
    char *out = NULL, how[32];
    if (tu_gen() && tu_run_gen(args, NULL, &r) == 0) {
        if (TU_CHECK(r.exited && r.status == 0, "issu-gen --promela --profile %s: %s\n%s", profile,
                     tu_run_how(&r, how, sizeof how), r.err)) {
            out = r.out;
            r.out = NULL;
        }
        tu_run_free(&r);
    }
    free(spec);
    return out;
}

/* Does the model hold `text`? */
static int pr_has(const char *model, const char *text)
{
    return strstr(model, text) != NULL;
}

/* The Promela model of `profile` of the spec text `spec`, malloc'd, or
 * NULL after a failed check. */
static char *pr_model_of(const char *spec, const char *profile)
{
    char *dir = tu_mkdtemp(), *path = dir ? tu_join(dir, "spec.fsm") : NULL, *out = NULL;
    tu_run r;
    if (!path || tu_write_file(path, spec, strlen(spec)) != 0 || !tu_gen()) {
        TU_CHECK(0, "a temporary spec could not be written");
    } else {
        const char *args[] = { "--profile", profile, "--promela", "-", path, NULL };
        if (tu_run_gen(args, NULL, &r) == 0) {
            if (TU_CHECK(r.exited && r.status == 0, "issu-gen --promela --profile %s: %s", profile, r.err)) {
                out = r.out;
                r.out = NULL;
            }
            tu_run_free(&r);
        }
    }
    if (dir)
        tu_rmtree(dir);
    free(path);
    free(dir);
    return out;
}

static void test_empty_pool_left_out(void)
{
    char *m = pr_model("plain");
    if (!m)
        return;
    TU_CHECK(!pr_has(m, "pc_ctl_update_extra"), "profile plain: no command update_extra in the model");
    TU_CHECK(!pr_has(m, "S_ctl_EXTRA &&"), "profile plain: no transition from state EXTRA");
    TU_CHECK(!pr_has(m, "n_extra_glitch"), "profile plain: no fault extra_glitch");
    TU_CHECK(!pr_has(m, "p_extra"), "profile plain: no pool extra (it has no element)");
    TU_CHECK(!pr_has(m, "@P S1 ") && !pr_has(m, "@P S2 "),
             "profile plain: neither S1 (for the other family) nor S2 (on issue of a command it lacks)");
    TU_CHECK(pr_has(m, "@P S3 ") && pr_has(m, "pc_ctl_update_main"),
             "profile plain: the main stage and S3 stay");
    free(m);
}

/* issu-gen --profile twin --param P... --promela OUT on the spec: its exit
 * status; *model the output (malloc'd) when it exited 0 and model != NULL. */
static int pr_param(const char *p1, const char *p2, char **model)
{
    char *spec = tu_join(tu_srcdir(), PR_SPEC), *dir = tu_mkdtemp();
    char *out = dir ? tu_join(dir, "out.pml") : NULL;
    const char *args[10] = { "--profile", "twin", "--param", p1 };
    int n = 4;
    if (p2) {
        args[n++] = "--param";
        args[n++] = p2;
    }
    args[n++] = "--promela";
    args[n++] = out;
    args[n++] = spec;
    args[n] = NULL;
    tu_run r;
    int status = -1;
    if (out && tu_gen() && tu_run_gen(args, NULL, &r) == 0) {
        status = r.exited ? r.status : -1;
        tu_run_free(&r);
        size_t len;
        char *text = tu_read_file(out, &len);
        TU_CHECK(status == 0 || text == NULL, "--param %s: exit %d, yet an output was written", p1, status);
        if (model && status == 0)
            *model = text;
        else
            free(text);
    }
    if (dir)
        tu_rmtree(dir);
    free(out);
    free(dir);
    free(spec);
    return status;
}

static void test_param_override(void)
{
    char *m = NULL;
    if (pr_param("extras=1", NULL, &m) == 0 && m) {
        TU_CHECK(pr_has(m, "#define P_extras 1") && pr_has(m, "pc_ctl_update_extra"),
                 "--param extras=1: one extra unit, the extra stage kept");
        free(m);
        m = NULL;
    } else {
        TU_CHECK(0, "--param extras=1 on profile twin failed");
    }
    TU_CHECK(pr_param("extras=3", NULL, NULL) == 2, "--param extras=3: out of the param's range (0..2)");
    TU_CHECK(pr_param("extras", NULL, NULL) == 2, "--param extras: not NAME=VALUE");
    TU_CHECK(pr_param("nosuch=1", NULL, NULL) == 2, "--param nosuch=1: no such param");
    TU_CHECK(pr_param("extras=1x", NULL, NULL) == 2, "--param extras=1x: not a number");
    TU_CHECK(pr_param("extras=1", "extras=2", &m) == 0 && m && pr_has(m, "#define P_extras 2"),
             "--param given twice: the last one counts");
    free(m);
}

static void test_full_pool_kept(void)
{
    char *m = pr_model("twin");
    if (!m)
        return;
    TU_CHECK(pr_has(m, "pc_ctl_update_extra") && pr_has(m, "S_ctl_EXTRA &&") && pr_has(m, "n_extra_glitch")
             && pr_has(m, "p_extra"), "profile twin: the extra stage is in the model");
    TU_CHECK(pr_has(m, "@P S1 ") && pr_has(m, "@P S2 "), "profile twin: S1 and S2 apply");
    free(m);
}

/* Not pruning, but the same output: an effect that assigns a whole array
 * (`a = NEW;`) writes every element in the model, as the evaluator and the
 * generated plant do (it once wrote `p_a = ...`, which is p_a[0] alone). */
static void test_whole_array_effect(void)
{
    static const char spec[] =
        "type v = enum { OLD, NEW };\n"
        "plant a : array[2] of v = OLD;\n"
        "command c \"c\" timeout 1s { outcome ok { a = NEW; } outcome timeout { a = {OLD, NEW}; } }\n"
        "operator go;\n"
        "machine m { initial final state I { on go -> W { issue c; } }\n"
        "            state W { reject go; on c.ok -> I; on c.timeout -> I; } }\n"
        "invariant S1 \"both move together\": a[0] == a[1];\n";   /* read, so in the model */
    char *dir = tu_mkdtemp(), *path = dir ? tu_join(dir, "whole.fsm") : NULL;
    tu_run r;
    if (!path || tu_write_file(path, spec, sizeof spec - 1) != 0 || !tu_gen()) {
        TU_CHECK(0, "a temporary spec could not be written");
    } else {
        const char *args[] = { "--profile", "default", "--promela", "-", path, NULL };
        if (tu_run_gen(args, NULL, &r) == 0) {
            TU_CHECK(r.exited && r.status == 0, "issu-gen --promela of a whole-array effect: %s", r.err);
            TU_CHECK(r.out && strstr(r.out, "p_a[0] = E_v_NEW;") && strstr(r.out, "p_a[1] = E_v_NEW;")
                     && !strstr(r.out, "p_a = "), "`a = NEW;` writes p_a[0] and p_a[1] in the model");
            TU_CHECK(r.out && strstr(r.out, "p_a[1] = E_v_OLD;  /* a choice"),
                     "`a = {OLD, NEW};` chooses one value for every element");
            tu_run_free(&r);
        }
    }
    if (dir)
        tu_rmtree(dir);
    free(path);
    free(dir);
}

/* A plant variable that nothing the profile has reads is not in its
 * model: a fact only another family checks (`= {true, false}`: it would
 * double the state space) and one that is only written. */
static void test_unread_plant_left_out(void)
{
    static const char spec[] =
        "type v = enum { OLD, NEW };\n"
        "param fancy : bool = false \"the family checks a fact first\";\n"
        "family basic \"b\" { profile plain \"p\" { } }\n"
        "family extra \"e\" { fancy = true; profile rich \"r\" { } }\n"
        "plant x : v = OLD;\n"
        "plant fact : bool = {true, false} \"read only where fancy\";\n"
        "plant seen : bool = false \"written, never read\";\n"
        "command c \"c\" timeout 1s { outcome ok { x = NEW; seen = true; } outcome timeout { } }\n"
        "operator go limit 1;\n"
        "machine m { initial final state I { on go when fancy && !fact priority 1 -> I { }\n"
        "                                    on go otherwise -> W { issue c; } }\n"
        "            state W { reject go; on c.ok -> I; on c.timeout -> I; } }\n"
        "invariant S1 \"x moves only forward\": x == OLD || x == NEW;\n";
    static const char *const profiles[] = { "plain", "rich" };
    for (int i = 0; i < 2; i++) {
        char *m = pr_model_of(spec, profiles[i]);
        if (!m)
            continue;
        TU_CHECK(strstr(m, "p_x") && !strstr(m, "p_seen"),
                 "profile %s: x is in the model, the unread `seen` is not", profiles[i]);
        TU_CHECK((strstr(m, "p_fact") != NULL) == (i == 1),
                 "profile %s: the fact is in the model only where a guard reads it", profiles[i]);
        free(m);
    }
}

/* What a profile decides is left out of the model's expressions and of
 * its queue: `!fancy && x == OLD` is `x == OLD` where fancy is false, and
 * an operator action whose condition is false there does not count in the
 * queue bound (the model and the C size the queue alike, ir_queue_bound). */
static void test_known_operands_left_out(void)
{
    static const char spec[] =
        "type v = enum { OLD, NEW };\n"
        "param fancy : bool = false \"the family asks first\";\n"
        "family basic \"b\" { profile plain \"p\" { } }\n"
        "family extra \"e\" { fancy = true; profile rich \"r\" { } }\n"
        "plant x : v = OLD;\n"
        "command c \"c\" timeout 1s { outcome ok { x = NEW; } outcome timeout { } }\n"
        "operator go limit 1;\n"
        "operator ask \"asked only where fancy\" when fancy limit 3;\n"
        "machine m { initial final state I { reject ask; on go when !fancy && x == OLD -> W { issue c; }\n"
        "                                    on go otherwise -> I { } }\n"
        "            state W { reject go, ask; on c.ok -> I; on c.timeout -> I; } }\n"
        "invariant S1 \"x is a version\": x == OLD || x == NEW;\n";
    char *plain = pr_model_of(spec, "plain"), *rich = pr_model_of(spec, "rich");
    if (plain) {
        TU_CHECK(strstr(plain, "(p_x == E_v_OLD))) -> STEP_BODY") && !strstr(plain, "(1 && "),
                 "profile plain: the guard is `x == OLD`, without the decided `!fancy`");
        TU_CHECK(strstr(plain, "#define QN_m 2 ") != NULL,
                 "profile plain: the queue holds go and one outcome, not the three asks it never has");
    }
    if (rich)
        TU_CHECK(strstr(rich, "#define QN_m 5 ") != NULL, "profile rich: the queue holds go, three asks and an outcome");
    free(plain);
    free(rich);
}

int register_prune(void)
{
    CU_pSuite s = CU_add_suite("prune: a profile's model holds what its family has", NULL, NULL);
    if (!s || !CU_add_test(s, "an empty pool: its stage is left out", test_empty_pool_left_out) ||
        !CU_add_test(s, "a full pool: its stage is in", test_full_pool_kept) ||
        !CU_add_test(s, "--param: a smaller instance of a profile, or an error", test_param_override) ||
        !CU_add_test(s, "a whole-array effect writes every element", test_whole_array_effect) ||
        !CU_add_test(s, "an unread plant variable is left out", test_unread_plant_left_out) ||
        !CU_add_test(s, "what a profile decides is left out of expressions and queue", test_known_operands_left_out))
        return -1;
    return 0;
}
