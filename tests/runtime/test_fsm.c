/* test_fsm.c - each machine's Ragel-generated chart implements exactly
 * the IR's transition relation: from every state, each transition id of
 * that state lands in the IR's target, and every other id drives the chart
 * into its error state (so no symbol can run a transition of another
 * state).  Over every machine's descriptor, whatever the spec. */
#include <CUnit/CUnit.h>

#include "issu_impl.h"
#include "suites.h"

static void test_chart_equals_table(void)
{
    for (int mc = 0; mc < ISSU_NMACHINES; mc++) {
        const issu__machine *d = &issu__machines[mc];
        for (int st = 0; st < d->nstates; st++) {
            for (int k = 0; k < d->ntrans; k++) {
                issu_fsm f;
                d->fsm_init(&f);
                CU_ASSERT_EQUAL_FATAL(d->fsm_enter(&f, st), 0);
                int rc = d->fsm_exec(&f, k);
                if (d->trans[k].from == st) {
                    CU_ASSERT_EQUAL(rc, 0);
                    CU_ASSERT_EQUAL(f.fired, k);
                    CU_ASSERT_EQUAL(f.state, d->trans[k].to);
                } else {
                    CU_ASSERT_EQUAL(rc, -1);
                }
            }
        }
    }
}

static void test_initial_and_entries(void)
{
    for (int mc = 0; mc < ISSU_NMACHINES; mc++) {
        const issu__machine *d = &issu__machines[mc];
        issu_fsm f;
        d->fsm_init(&f);
        CU_ASSERT_EQUAL(f.state, d->initial);
        CU_ASSERT_EQUAL(d->fsm_enter(&f, d->nstates), -1);
        CU_ASSERT_EQUAL(d->fsm_enter(&f, -1), -1);
    }
}

int register_fsm(void)
{
    CU_pSuite s = CU_add_suite("fsm", NULL, NULL);
    if (!s || !CU_add_test(s, "chart equals the IR table", test_chart_equals_table)
        || !CU_add_test(s, "initial state and entry points", test_initial_and_entries))
        return -1;
    return 0;
}
