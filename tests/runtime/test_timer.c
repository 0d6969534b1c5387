/* test_timer.c - the runtime's timers: a command's timeout outcome is
 * raised when the HAL clock reaches issue time + its timeout (not before),
 * the backend is told (expired), and a cancelled command's timer is silent. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "fake_hal.h"
#include "issu_impl.h"
#include "suites.h"

static fh_ctx c;
static issu m;

static void started(void)
{
    fh_start(&c, &m, 0);
    c.now = 1000;
    issu_post(&m, ISSU_EV_start);
    issu_step(&m);
}

static void test_timeout_at_deadline(void)
{
    issu_time_ms at = 0;
    started();
    CU_ASSERT_EQUAL(issu_next_deadline(&m, &at), 1);
    CU_ASSERT_EQUAL(at, 1000 + 300000);            /* validate_image: timeout 300s */
    c.now = at - 1;
    CU_ASSERT_EQUAL(issu_tick(&m), 0);
    CU_ASSERT_EQUAL(m.qlen, 0);
    c.now = at;
    CU_ASSERT_EQUAL(issu_tick(&m), 1);
    CU_ASSERT_EQUAL(c.expired[ISSU_CMD_validate_image], 1);
    CU_ASSERT_EQUAL(issu_tick(&m), 0);             /* raised once */
    CU_ASSERT_EQUAL(issu_step(&m), ISSU_RC_OK);
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(issu_var(&m, ISSU_CV_issu_result), ISSU_result_t_REJECTED);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.traces[1], "\"event\":\"validate_image.timeout\""));
    CU_ASSERT_EQUAL(issu_next_deadline(&m, &at), 0);
}

static void test_cancelled_timer_silent(void)
{
    issu_time_ms at;
    started();
    issu_post(&m, ISSU_EV_abort);
    issu_step(&m);                                 /* cancel validate_image */
    CU_ASSERT_EQUAL(c.cancelled[ISSU_CMD_validate_image], 1);
    CU_ASSERT_EQUAL(issu_next_deadline(&m, &at), 0);
    c.now = 10u * 3600u * 1000u;
    CU_ASSERT_EQUAL(issu_tick(&m), 0);
    CU_ASSERT_EQUAL(c.expired[ISSU_CMD_validate_image], 0);
    CU_ASSERT_EQUAL(m.qlen, 0);
    CU_ASSERT_EQUAL(issu_post(&m, ISSU_EV_validate_image__ok), ISSU_RC_STALE);
}

static void test_outcome_disarms_timer(void)
{
    issu_time_ms at;
    started();
    issu_post(&m, ISSU_EV_validate_image__ok);     /* reported in time */
    c.now = 1000 + 300000;
    CU_ASSERT_EQUAL(issu_tick(&m), 0);
    issu_step(&m);                                 /* BACKUP_PREPARE, backup_install pending */
    CU_ASSERT_EQUAL(m.fsm.state, ISSU_ST_issu_BACKUP_PREPARE);
    CU_ASSERT_EQUAL(issu_next_deadline(&m, &at), 1);
    CU_ASSERT_EQUAL(at, 1000 + 300000 + 1800000);
}

int register_timer(void)
{
    CU_pSuite s = CU_add_suite("timer", NULL, NULL);
    if (!s || !CU_add_test(s, "timeout raised at the deadline", test_timeout_at_deadline)
        || !CU_add_test(s, "a cancelled command's timer is silent", test_cancelled_timer_silent)
        || !CU_add_test(s, "an outcome in time disarms the timer", test_outcome_disarms_timer))
        return -1;
    return 0;
}
