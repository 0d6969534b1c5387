/* test_run.c - run to completion on the real generated controller: a start
 * with every precondition met, a start refused by a precondition (priority
 * lowering), the exact JSON trace, and unhandled events (ignored, rejected:
 * state unchanged, reported by return code, log line and trace). */
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "fake_hal.h"
#include "issu_impl.h"
#include "suites.h"

static fh_ctx c;
static issu m;

static int find_trans(int from, int event, int to)
{
    for (int k = 0; k < ISSU_NTRANS_issu; k++)
        if (issu__machines[ISSU_M_issu].trans[k].from == from && issu__machines[ISSU_M_issu].trans[k].event == event && issu__machines[ISSU_M_issu].trans[k].to == to)
            return k;
    return -1;
}

static void test_start_validates(void)
{
    fh_start(&c, &m, 0);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_start), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_OK);
    issu_status st;
    issu_get_status(&m, &st);
    CU_ASSERT_STRING_EQUAL(st.state_name, "VALIDATING");
    CU_ASSERT_EQUAL(st.pending, 1u << ISSU_CMD_validate_image);
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_validate_image], 1);
    CU_ASSERT_EQUAL(c.nconsole, 3);
    CU_ASSERT_STRING_EQUAL(c.console[1], "ISSU: Validating Image");
    CU_ASSERT_EQUAL(c.nerrors, 0);
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_EMPTY);
}

static void test_trace_schema(void)
{
    char want[FH_LINE];
    fh_start(&c, &m, 0);
    c.now = 1500;
    issu_post(&m, ISSU_EV_start);
    issu_step(&m);
    snprintf(want, sizeof want,
             "{\"seq\":1,\"time\":1500,\"machine\":\"issu\",\"instance\":0,\"trans\":%d,"
             "\"from\":\"IDLE\",\"event\":\"start\",\"to\":\"VALIDATING\",\"actions\":["
             "{\"assign\":\"result\",\"value\":\"NONE\"},{\"assign\":\"op_abort\",\"value\":\"false\"},"
             "{\"assign\":\"abort_req\",\"value\":\"false\"},{\"assign\":\"consented\",\"value\":\"false\"},"
             "{\"assign\":\"retries\",\"value\":\"0\"},{\"assign\":\"degraded\",\"value\":\"false\"},"
             "{\"assign\":\"abort_incomplete\",\"value\":\"false\"},{\"assign\":\"lcc_dirty\",\"value\":\"false\"},"
             "{\"console\":\"Chassis ISSU Check Done\"},{\"console\":\"ISSU: Validating Image\"},"
             "{\"console\":\"Checking compatibility with configuration\"},{\"issue\":\"validate_image\"}]}",
             find_trans(ISSU_ST_issu_IDLE, ISSU_EV_start, ISSU_ST_issu_VALIDATING));
    CU_ASSERT_EQUAL(c.ntraces, 1);
    CU_ASSERT_STRING_EQUAL(c.traces[0], want);
}

static void test_start_refused(void)
{
    fh_start(&c, &m, 0);
    c.plant[ISSU_PV_gres_configured][0] = 0;
    c.plant[ISSU_PV_nsr_configured][0] = 0;       /* lower priority: must not win */
    issu_post(&m, ISSU_EV_start);
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_OK);
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(issu_var(&m, ISSU_CV_issu_result), ISSU_result_t_REJECTED);
    CU_ASSERT_EQUAL(c.nconsole, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.console[0], "graceful-switchover"));
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_validate_image], 0);
}

static void test_unhandled(void)
{
    fh_start(&c, &m, 0);
    issu_post(&m, ISSU_EV_abort);                  /* IDLE: reject abort */
    issu_post(&m, ISSU_EV_backup_crash);           /* IDLE: ignore backup_crash */
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_REJECTED);
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.last_log, "abort"));
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_IGNORED);
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(c.ntraces, 2);
    CU_ASSERT_STRING_EQUAL(c.traces[0],
                           "{\"seq\":1,\"time\":0,\"machine\":\"issu\",\"instance\":0,\"trans\":null,"
                           "\"from\":\"IDLE\",\"event\":\"abort\",\"to\":\"IDLE\",\"actions\":[],"
                           "\"unhandled\":\"rejected\"}");
    CU_ASSERT_PTR_NOT_NULL(strstr(c.traces[1], "\"unhandled\":\"ignored\""));
    CU_ASSERT_EQUAL(m.ntrans, 0);
    CU_ASSERT_EQUAL(c.journal_writes, 1);          /* the run's start record only: nothing changed */
    CU_ASSERT_EQUAL(c.nerrors, 0);
}

static void test_run_bound(void)
{
    fh_start(&c, &m, 0);
    for (int i = 0; i < 5; i++)
        issu_post(&m, ISSU_EV_abort);
    CU_ASSERT_EQUAL(issu_run(&m, 3), 3);
    CU_ASSERT_EQUAL(m.qlen, 2);
    CU_ASSERT_EQUAL(issu_run(&m, 100), 2);
}

int register_run(void)
{
    CU_pSuite s = CU_add_suite("run", NULL, NULL);
    if (!s || !CU_add_test(s, "start with every precondition validates", test_start_validates)
        || !CU_add_test(s, "trace line has the shared schema", test_trace_schema)
        || !CU_add_test(s, "the highest-priority refusal wins", test_start_refused)
        || !CU_add_test(s, "unhandled events leave the state and are reported", test_unhandled)
        || !CU_add_test(s, "issu_run stops at its bound", test_run_bound))
        return -1;
    return 0;
}
