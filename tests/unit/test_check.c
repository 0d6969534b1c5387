/* test_check.c - the checker and analyses on small inline specs: what the
 * emitters will rely on in the IR (lowered guards, the pending, arrives and
 * policy tables, profiles, the order of transitions, enum literals). */
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "eval.h"
#include "ir.h"
#include "suites.h"
#include "testutil.h"

/* ---- helpers ---------------------------------------------------------- */

static ir_spec *front(const char *src, unsigned line)
{
    ir_spec *s = tu_front("t.fsm", src, strlen(src));
    tu_check(s != NULL, line, __FILE__, "the spec is valid, got: %s", tu_front_diags());
    return s;
}

static int find_state(const ir_machine *m, const char *name)
{
    for (int i = 0; i < m->nstates; i++)
        if (strcmp(m->states[i].name, name) == 0)
            return i;
    CU_FAIL("a state named in the test exists");
    return 0;
}

static int find_event(const ir_spec *s, const char *name)
{
    for (int i = 0; i < s->nevents; i++)
        if (strcmp(s->events[i].name, name) == 0)
            return i;
    CU_FAIL("an event named in the test exists");
    return 0;
}

static int find_cmd(const ir_spec *s, const char *name)
{
    for (int i = 0; i < s->ncmds; i++)
        if (strcmp(s->cmds[i].name, name) == 0)
            return i;
    CU_FAIL("a command named in the test exists");
    return 0;
}

static int find_var(const ir_spec *s, const char *name)
{
    for (int i = 0; i < s->nvars; i++)
        if (strcmp(s->vars[i].name, name) == 0)
            return i;
    CU_FAIL("a variable named in the test exists");
    return 0;
}

/* The transitions [*lo, *hi) of machine 0 from state st on event ev. */
static void group_of(const ir_machine *m, int st, int ev, int *lo, int *hi)
{
    *lo = *hi = 0;
    int t = 0;
    while (t < m->ntrans && !(m->trans[t].from == st && m->trans[t].event == ev))
        t++;
    *lo = t;
    while (t < m->ntrans && m->trans[t].from == st && m->trans[t].event == ev)
        t++;
    *hi = t;
}

/* For every valuation of what the group's guards read, in every profile:
 * exactly one lowered guard holds, and it is the transition the language
 * says wins (the holding guard of highest priority, else 'otherwise').
 * Returns the number of valuations tried. */
static long check_lowering(const ir_spec *s, int k, int st, int ev, unsigned line)
{
    const ir_machine *m = &s->machines[k];
    int lo, hi;
    group_of(m, st, ev, &lo, &hi);
    tu_check(hi - lo >= 2, line, __FILE__, "the group has at least two transitions (%d)", hi - lo);
    long tried = 0;
    int32_t *slots = calloc((size_t)s->nslots + 1, sizeof *slots);
    for (int p = 0; p < s->nprofiles && slots; p++) {
        ev_space sp;
        ev_space_init(&sp);
        for (int t = lo; t < hi; t++) {
            ev_collect(&sp, s, p, k, m->trans[t].guard);
            ev_collect(&sp, s, p, k, m->trans[t].xguard);
        }
        ev_env env = { s, p, k, slots, 0, { 0, 0, NULL } };
        int bad = 0;
        ev_first(&sp, slots);
        do {
            int want = -1, other = -1;
            for (int t = lo; t < hi; t++) {
                const ir_trans *tr = &m->trans[t];
                if (tr->otherwise)
                    other = t;
                else if ((!tr->guard || ev_eval(&env, tr->guard)) &&
                         (want < 0 || tr->priority > m->trans[want].priority))
                    want = t;
            }
            if (want < 0)
                want = other;
            int holding = 0, winner = -1;
            for (int t = lo; t < hi; t++)
                if (!m->trans[t].xguard || ev_eval(&env, m->trans[t].xguard)) {
                    holding++;
                    winner = t;
                }
            if (!bad && !(holding == (want >= 0) && winner == want)) {
                char d[400];
                ev_describe(&sp, s, k, slots, d, sizeof d);
                tu_check(0, line, __FILE__, "when %s, the lowered guards select transition at "
                         "line %d only; %d hold, the last at line %d", d,
                         want >= 0 ? m->trans[want].at.line : 0, holding,
                         winner >= 0 ? m->trans[winner].at.line : 0);
                bad = 1;
            }
            tried++;
        } while (ev_next(&sp, slots));
    }
    free(slots);
    return tried;
}

/* ---- priority and 'otherwise' lowering -------------------------------- */

static const char prio_spec[] =
    "plant a : bool = {true, false};\n"
    "plant b : bool = {true, false};\n"
    "plant n : 0..3 = any;\n"
    "operator go;\n"
    "machine m {\n"
    "  initial final state A {\n"
    "    on go when a priority 2 -> B;\n"                 /* line 7 */
    "    on go when b || n > 1 priority 1 -> C;\n"        /* line 8 */
    "    on go when n == 3 priority 5 -> A;\n"            /* line 9 */
    "    on go otherwise -> A;\n"                         /* line 10 */
    "  }\n"
    "  final state B { on go -> A; }\n"
    "  final state C { on go -> A; }\n"
    "}\n";

static void test_priority_lowering(void)
{
    ir_spec *s = front(prio_spec, __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    int lo, hi;
    group_of(m, find_state(m, "A"), find_event(s, "go"), &lo, &hi);
    CU_ASSERT_EQUAL(hi - lo, 4);
    long n = check_lowering(s, 0, find_state(m, "A"), find_event(s, "go"), __LINE__);
    TU_CHECK(n == 2 * 2 * 4, "every valuation of a, b and n was tried (%ld)", n);
    /* the highest priority keeps its guard as written */
    for (int t = lo; t < hi; t++)
        if (m->trans[t].priority == 5)
            TU_CHECK(m->trans[t].xguard == m->trans[t].guard,
                     "the transition of highest priority is not weakened");
    tu_front_end();
}

static const char other_spec[] =
    "plant n : 0..5 = any;\n"
    "plant up : bool = {true, false};\n"
    "operator go;\n"
    "machine m {\n"
    "  initial final state A {\n"
    "    on go when n < 2 && up -> A;\n"
    "    on go when n > 3 -> A;\n"
    "    on go otherwise -> A;\n"
    "  }\n"
    "}\n";

static void test_otherwise_lowering(void)
{
    ir_spec *s = front(other_spec, __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    int st = find_state(m, "A"), ev = find_event(s, "go");
    long n = check_lowering(s, 0, st, ev, __LINE__);
    TU_CHECK(n == 6 * 2, "every valuation of n and up was tried (%ld)", n);
    int lo, hi;
    group_of(m, st, ev, &lo, &hi);
    TU_CHECK(hi - lo == 3 && m->trans[hi - 1].otherwise, "'otherwise' comes last in its group");
    TU_CHECK(m->trans[hi - 1].xguard != NULL, "'otherwise' is lowered to a real guard");
    for (int t = lo; t < hi - 1; t++)
        TU_CHECK(m->trans[t].xguard == m->trans[t].guard,
                 "exclusive guards of equal priority are not weakened");
    tu_front_end();
}

/* ---- pending, arrives and policy tables ------------------------------- */

static const char pend_spec[] =
    "command c { outcome ok { } outcome fail { } }\n"
    "command d timeout 1s { outcome ok { } outcome timeout { } }\n"
    "operator go;\n"
    "operator stop;\n"
    "machine m {\n"
    "  initial final state IDLE { ignore stop; on go -> WAIT { issue c; } }\n"
    "  state WAIT {\n"
    "    ignore go;\n"
    "    on c.ok -> RUN { issue d; }\n"
    "    on c.fail -> IDLE;\n"
    "    on stop -> RUN { issue d; }\n"          /* c stays pending on this path */
    "  }\n"
    "  state RUN {\n"
    "    ignore go, stop;\n"
    "    ignore c.ok, c.fail;\n"
    "    on d.ok -> IDLE { cancel c; }\n"
    "    on d.timeout -> IDLE { cancel c; }\n"
    "  }\n"
    "}\n";

static int pending(const ir_spec *s, const ir_machine *m, const char *st, const char *cmd)
{
    return m->pending[(size_t)find_state(m, st) * (size_t)s->ncmds + (size_t)find_cmd(s, cmd)];
}

static int arrives(const ir_spec *s, const ir_machine *m, const char *st, const char *ev)
{
    return m->arrives[(size_t)find_state(m, st) * (size_t)s->nevents + (size_t)find_event(s, ev)];
}

static int policy(const ir_spec *s, const ir_machine *m, const char *st, const char *ev)
{
    return m->policy[(size_t)find_state(m, st) * (size_t)s->nevents + (size_t)find_event(s, ev)];
}

static void test_pending_table(void)
{
    ir_spec *s = front(pend_spec, __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    TU_CHECK(!pending(s, m, "IDLE", "c") && !pending(s, m, "IDLE", "d"),
             "nothing is pending in IDLE: every way in ends or cancels both commands");
    TU_CHECK(pending(s, m, "WAIT", "c") && !pending(s, m, "WAIT", "d"),
             "only c is pending in WAIT");
    TU_CHECK(pending(s, m, "RUN", "d"), "d is pending in RUN");
    TU_CHECK(pending(s, m, "RUN", "c"), "c may be pending in RUN (reached by 'stop' from WAIT)");
    tu_front_end();
}

static void test_arrives_table(void)
{
    ir_spec *s = front(pend_spec, __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    static const char *const states[] = { "IDLE", "WAIT", "RUN" };
    for (int i = 0; i < 3; i++)
        TU_CHECK(arrives(s, m, states[i], "go") && arrives(s, m, states[i], "stop"),
                 "operator actions arrive in every state (%s)", states[i]);
    TU_CHECK(!arrives(s, m, "IDLE", "c.ok") && !arrives(s, m, "IDLE", "d.timeout"),
             "no outcome arrives in IDLE, where nothing is pending");
    TU_CHECK(arrives(s, m, "WAIT", "c.ok") && arrives(s, m, "WAIT", "c.fail"),
             "c's outcomes arrive in WAIT");
    TU_CHECK(!arrives(s, m, "WAIT", "d.ok"), "d's outcomes do not arrive in WAIT");
    TU_CHECK(arrives(s, m, "RUN", "c.fail") && arrives(s, m, "RUN", "d.ok"),
             "both commands' outcomes arrive in RUN");
    tu_front_end();
}

static void test_policy_table(void)
{
    ir_spec *s = front(pend_spec, __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    TU_CHECK(policy(s, m, "IDLE", "go") == IR_P_HANDLED, "IDLE handles go");
    TU_CHECK(policy(s, m, "IDLE", "stop") == IR_P_IGNORE, "IDLE ignores stop");
    TU_CHECK(policy(s, m, "WAIT", "go") == IR_P_IGNORE, "WAIT ignores go");
    TU_CHECK(policy(s, m, "WAIT", "stop") == IR_P_HANDLED, "WAIT handles stop");
    TU_CHECK(policy(s, m, "RUN", "c.ok") == IR_P_IGNORE, "RUN ignores c.ok");
    TU_CHECK(policy(s, m, "RUN", "d.timeout") == IR_P_HANDLED, "RUN handles d.timeout");
    TU_CHECK(policy(s, m, "IDLE", "c.ok") == IR_P_NONE,
             "no decision where the event cannot arrive and is not handled");
    tu_front_end();
}

static const char mpol_spec[] =
    "plant gres : bool = {true, false};\n"
    "operator start;\n"
    "operator abort;\n"
    "operator poke;\n"
    "machine m {\n"
    "  reject start;\n"
    "  ignore abort;\n"
    "  initial final state IDLE {\n"
    "    ignore poke;\n"
    "    on start when gres -> RUN;\n"      /* the residual (!gres) is rejected */
    "  }\n"
    "  state RUN {\n"
    "    reject abort;\n"                   /* overrides the machine's 'ignore' */
    "    on poke -> IDLE;\n"
    "  }\n"
    "}\n";

static void test_machine_wide_policies(void)
{
    ir_spec *s = front(mpol_spec, __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    TU_CHECK(policy(s, m, "IDLE", "start") == IR_P_REJECT,
             "the machine-wide reject covers what IDLE's guard leaves (residual valuations)");
    TU_CHECK(policy(s, m, "IDLE", "abort") == IR_P_IGNORE, "IDLE inherits the machine's ignore");
    TU_CHECK(policy(s, m, "IDLE", "poke") == IR_P_IGNORE, "IDLE ignores poke itself");
    TU_CHECK(policy(s, m, "RUN", "start") == IR_P_REJECT, "RUN inherits the machine's reject");
    TU_CHECK(policy(s, m, "RUN", "abort") == IR_P_REJECT, "a state's reject overrides the "
             "machine's ignore");
    TU_CHECK(policy(s, m, "RUN", "poke") == IR_P_HANDLED, "RUN handles poke");
    tu_front_end();
}

/* ---- profiles ----------------------------------------------------------- */

static const char prof_spec[] =
    "param slots : 1..12;\n"
    "param febs : 0..4 = 0;\n"
    "type fru = enum { ON, OFF };\n"
    "plant fpc : pool[slots] of fru = ON;\n"
    "plant up : array[slots] of bool = false;\n"
    "operator go;\n"
    "machine m { initial final state A { on go when count(fpc, ON) + febs >= 0 && !up[0] -> A;"
    " on go otherwise -> A; } }\n"
    "family mx { profile mx240 { slots = 3; } profile mx960 { slots = 12; } }\n"
    "family m120 { febs = 4; profile m120e { slots = 6; febs = 2; } profile m120f { slots = 6; } }\n";

static void test_profile_param_values(void)
{
    ir_spec *s = front(prof_spec, __LINE__);
    if (!s)
        return;
    static const struct {
        const char *name;
        int family, slots, febs;
    } want[] = {
        { "mx240", 0, 3, 0 }, { "mx960", 0, 12, 0 }, { "m120e", 1, 6, 2 }, { "m120f", 1, 6, 4 },
    };
    int slots = find_var(s, "slots"), febs = find_var(s, "febs");
    int fpc = find_var(s, "fpc"), up = find_var(s, "up");
    if (!TU_CHECK(s->nprofiles == 4, "four profiles, got %d", s->nprofiles)) {
        tu_front_end();
        return;
    }
    TU_CHECK(s->nfamilies == 2 && strcmp(s->families[1].name, "m120") == 0, "two families");
    for (int p = 0; p < 4; p++) {
        const ir_profile *pr = &s->profiles[p];
        TU_CHECK(strcmp(pr->name, want[p].name) == 0, "profile %d is %s, got %s", p,
                 want[p].name, pr->name);
        TU_CHECK(pr->family == want[p].family, "%s is in family %d", want[p].name,
                 want[p].family);
        TU_CHECK(pr->param[slots] == want[p].slots && pr->param[febs] == want[p].febs,
                 "%s has slots=%d febs=%d (param default, family default, own value), got %d %d",
                 want[p].name, want[p].slots, want[p].febs, pr->param[slots], pr->param[febs]);
        TU_CHECK(ir_size(s, &s->vars[fpc], p) == want[p].slots &&
                 ir_size(s, &s->vars[up], p) == want[p].slots,
                 "a pool and an array sized by a param follow the profile (%s)", want[p].name);
    }
    TU_CHECK(s->vars[up].width == 12, "an array takes as many slots as its largest profile");
    tu_front_end();
}

static void test_default_profile(void)
{
    ir_spec *s = front("param slots : 1..12 = 5;\nplant n : 0..slots = 0;\noperator go;\n"
                       "machine m { initial final state A { on go when n < slots -> A; "
                       "on go otherwise -> A; } }\n", __LINE__);
    if (!s)
        return;
    TU_CHECK(s->nprofiles == 1 && strcmp(s->profiles[0].name, "default") == 0,
             "a spec without families has one profile, 'default'");
    TU_CHECK(s->profiles[0].param[find_var(s, "slots")] == 5,
             "the default profile takes the params' defaults");
    tu_front_end();
}

/* ---- order of transitions ------------------------------------------------- */

static const char sort_spec[] =
    "plant a : bool = {true, false};\n"
    "plant b : bool = {true, false};\n"
    "operator go;\n"
    "operator stop;\n"
    "machine m {\n"
    "  state B { on stop -> A; on go -> A; }\n"       /* line 6: B is state 0 */
    "  initial final state A {\n"
    "    on stop -> B;\n"                              /* line 8 */
    "    on go otherwise -> A;\n"                      /* line 9 */
    "    on go when a priority 1 -> B;\n"              /* line 10 */
    "    on go when b priority 7 -> A;\n"              /* line 11 */
    "  }\n"
    "}\n";

static void test_transitions_sorted(void)
{
    ir_spec *s = front(sort_spec, __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    for (int t = 0; t < m->ntrans; t++)
        TU_CHECK(m->trans[t].id == t, "transition %d carries its index as id (%d)", t,
                 m->trans[t].id);
    for (int t = 1; t < m->ntrans; t++) {
        const ir_trans *x = &m->trans[t - 1], *y = &m->trans[t];
        int ordered = x->from < y->from || (x->from == y->from && x->event < y->event) ||
                      (x->from == y->from && x->event == y->event && !x->otherwise &&
                       (y->otherwise || x->priority >= y->priority));
        TU_CHECK(ordered, "transitions %d and %d are in (from, event, priority) order, "
                 "'otherwise' last", t - 1, t);
    }
    /* the expected order, by source line: B/go, B/stop, A/go (p7, p1,
     * otherwise), A/stop; go is declared before stop, B before A */
    static const int lines[] = { 6, 6, 11, 10, 9, 8 };
    if (TU_CHECK(m->ntrans == 6, "six transitions, got %d", m->ntrans))
        for (int t = 0; t < 6; t++)
            TU_CHECK(m->trans[t].at.line == lines[t], "transition %d is the one at line %d, "
                     "got line %d", t, lines[t], m->trans[t].at.line);
    TU_CHECK(m->ntrans == 6 && m->trans[2].to == find_state(m, "A") &&
             m->trans[3].to == find_state(m, "B"), "sorting keeps each transition's target");
    tu_front_end();
}

/* ---- enum literals by context --------------------------------------------- */

static void test_enum_literals_by_context(void)
{
    ir_spec *s = front("type version = enum { OLD, NEW };\n"
                       "type outcome_t = enum { NONE, OLD, DONE };\n"
                       "plant v : version = NEW;\n"
                       "operator go;\n"
                       "machine m {\n"
                       "  var o : outcome_t = NONE;\n"
                       "  initial final state A {\n"
                       "    on go when v == OLD -> A { o = OLD; }\n"
                       "    on go otherwise -> A { o = DONE; }\n"
                       "  }\n"
                       "}\n", __LINE__);
    if (!s)
        return;
    const ir_machine *m = &s->machines[0];
    const ir_trans *t = &m->trans[0];
    TU_CHECK(t->guard && t->guard->kind == IR_E_EQ && t->guard->b->kind == IR_E_CONST &&
             t->guard->b->value == 0 && t->guard->b->type.kind == IR_T_ENUM &&
             t->guard->b->type.id == 0, "in 'v == OLD', OLD is version's first member");
    TU_CHECK(t->nactions == 1 && t->actions[0].value->kind == IR_E_CONST &&
             t->actions[0].value->value == 1 && t->actions[0].value->type.id == 1,
             "in 'o = OLD', OLD is outcome_t's second member");
    tu_front_end();
}

int register_check(void)
{
    CU_pSuite s = CU_add_suite("check: IR of checked specs", NULL, NULL);
    if (!s)
        return -1;
    if (!CU_add_test(s, "priorities lower to exclusive guards (all valuations)",
                     test_priority_lowering) ||
        !CU_add_test(s, "'otherwise' lowers to 'no other guard holds'", test_otherwise_lowering) ||
        !CU_add_test(s, "pending-command table", test_pending_table) ||
        !CU_add_test(s, "arrives table", test_arrives_table) ||
        !CU_add_test(s, "policy table: handled, ignore, reject, none", test_policy_table) ||
        !CU_add_test(s, "machine-wide policies and residual valuations",
                     test_machine_wide_policies) ||
        !CU_add_test(s, "profile param values: default, family, own", test_profile_param_values) ||
        !CU_add_test(s, "no family: one 'default' profile", test_default_profile) ||
        !CU_add_test(s, "transitions sorted by (from, event, priority)", test_transitions_sorted) ||
        !CU_add_test(s, "enum literals resolved by context", test_enum_literals_by_context))
        return -1;
    return 0;
}
