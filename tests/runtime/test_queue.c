/* test_queue.c - the event queue: overflow is a reported contract violation
 * that leaves the state unchanged; FIFO order; a cancel drops the queued
 * outcome of the cancelled command; stale outcomes are refused. */
#include <CUnit/CUnit.h>

#include "fake_hal.h"
#include "issu_impl.h"
#include "suites.h"

static fh_ctx c;
static issu m;

static void test_overflow(void)
{
    fh_start(&c, &m, 0);
    /* the profile's bound, at most the largest of any profile's */
    CU_ASSERT(m.qcap > 0 && m.qcap <= ISSU_QUEUE_LEN);
    for (int i = 0; i < m.qcap; i++)
        CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_abort), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_start), ISSU_RC_QUEUE_FULL);
    CU_ASSERT_EQUAL(fh_errors(&c, ISSU_ERR_CONTRACT, ISSU_C_QUEUE_OVERFLOW), 1);
    CU_ASSERT_EQUAL(c.errors[0].id, 101);
    CU_ASSERT_STRING_EQUAL(c.errors[0].name, "QUEUE_OVERFLOW");
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(issu_run(&m, 100), m.qcap);
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_IDLE);   /* the dropped start never ran */
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_validate_image], 0);
}

static void test_cancel_drops_queued_outcome(void)
{
    fh_start(&c, &m, 0);
    issu_post(&m, ISSU_EV_start);
    issu_step(&m);                                 /* VALIDATING, validate_image pending */
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_abort), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_validate_image__ok), ISSU_RC_OK);
    CU_ASSERT_EQUAL(m.qlen, 2);
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_OK);    /* abort: cancel validate_image */
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(issu_var(&m, ISSU_CV_issu_result), ISSU_result_t_ABORTED_CLEAN);
    CU_ASSERT_EQUAL(m.qlen, 0);                    /* the queued ok was dropped */
    CU_ASSERT_EQUAL(c.cancelled[ISSU_CMD_validate_image], 0);   /* it had already reported */
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_EMPTY);
}

static void test_stale_outcome(void)
{
    fh_start(&c, &m, 0);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_validate_image__ok), ISSU_RC_STALE);
    issu_post(&m, ISSU_EV_start);
    issu_step(&m);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_validate_image__ok), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_validate_image__bad_signature), ISSU_RC_STALE);
    CU_ASSERT_EQUAL(m.qlen, 1);
    CU_ASSERT_EQUAL(c.nerrors, 0);
}

static void test_bad_event(void)
{
    fh_start(&c, &m, 0);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_NEVENTS), ISSU_RC_BAD_ARG);
    CU_ASSERT_EQUAL(issu_post(&m, -1), ISSU_RC_BAD_ARG);
    CU_ASSERT_EQUAL(fh_errors(&c, ISSU_ERR_CONTRACT, ISSU_C_BAD_EVENT), 2);
    CU_ASSERT_EQUAL(m.qlen, 0);
}

int register_queue(void)
{
    CU_pSuite s = CU_add_suite("queue", NULL, NULL);
    if (!s || !CU_add_test(s, "overflow is reported, state unchanged", test_overflow)
        || !CU_add_test(s, "cancel drops a queued outcome", test_cancel_drops_queued_outcome)
        || !CU_add_test(s, "outcomes of commands not pending are stale", test_stale_outcome)
        || !CU_add_test(s, "out-of-range events are contract violations", test_bad_event))
        return -1;
    return 0;
}
