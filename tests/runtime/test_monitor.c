/* test_monitor.c - the generated monitors: a deliberately bad observation
 * from the fake HAL makes the right property report, with its ID and
 * sentence; `on issue` invariants are checked just before the issue; an
 * unobservable variable skips the monitor instead of inventing a value; the
 * log line of a violation reads "monitor ID: sentence". */
#include <string.h>

#include <CUnit/CUnit.h>

#include "fake_hal.h"
#include "issu_impl.h"
#include "suites.h"

static fh_ctx c;
static issu m;

static void test_two_masters(void)
{
    fh_start(&c, &m, 0);
    c.plant[ISSU_PV_re_role][1] = ISSU_role_MASTER;         /* breaks S1 */
    issu_post(&m, ISSU_EV_abort);
    issu_step(&m);
    CU_ASSERT_EQUAL(fh_errors(&c, ISSU_ERR_MONITOR, ISSU_PROP_S1), 1);
    CU_ASSERT_STRING_EQUAL(c.errors[0].name, "S1");
    CU_ASSERT_PTR_NOT_NULL(strstr(c.errors[0].text, "at most one Routing Engine is master"));
    CU_ASSERT_EQUAL(c.errors[0].event, ISSU_EV_abort);
    CU_ASSERT_EQUAL(fh_errors(&c, ISSU_ERR_MONITOR, ISSU_PROP_S2), 0);
}

/* The log line of a violation names the property, then its sentence; a
 * line longer than the runtime's buffer says it was cut. */
static void test_log_line(void)
{
    fh_start(&c, &m, 0);
    c.plant[ISSU_PV_re_role][1] = ISSU_role_MASTER;         /* breaks S1 */
    int before = c.nlogs;
    issu_post(&m, ISSU_EV_abort);
    issu_step(&m);
    CU_ASSERT(c.nlogs > before);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.last_log, "monitor S1: at most one Routing Engine is master"));
    char long_text[400];
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    issu__log(&m, ISSU_LOG_ERROR, "monitor ", "S99", ": ", long_text);
    CU_ASSERT_EQUAL(strlen(c.last_log), 255);
    CU_ASSERT_STRING_EQUAL(c.last_log + 252, "...");
    CU_ASSERT_EQUAL(strncmp(c.last_log, "monitor S99: xxx", 16), 0);
}

static void test_healthy_is_quiet(void)
{
    fh_start(&c, &m, 0);
    issu_post(&m, ISSU_EV_start);
    issu_post(&m, ISSU_EV_validate_image__ok);
    CU_ASSERT_EQUAL(issu_run(&m, 10), 1);          /* the ok was stale when posted */
    CU_ASSERT_EQUAL(c.nerrors, 0);
}

static void test_on_issue(void)
{
    fh_start(&c, &m, 0);
    c.plant[ISSU_PV_validation_started][0] = 1;    /* S16: a second validation */
    issu_post(&m, ISSU_EV_start);
    issu_step(&m);
    CU_ASSERT_EQUAL(fh_errors(&c, ISSU_ERR_MONITOR, ISSU_PROP_S16), 1);
    CU_ASSERT_EQUAL(c.nerrors, 1);
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_validate_image], 1);   /* reported, not blocked */
}

static void test_unobservable_skips(void)
{
    fh_start(&c, &m, 0);
    c.plant[ISSU_PV_re_role][1] = ISSU_role_MASTER;
    c.unavailable[ISSU_PV_re_role] = 1;
    issu_post(&m, ISSU_EV_abort);
    issu_step(&m);
    CU_ASSERT_EQUAL(fh_errors(&c, ISSU_ERR_MONITOR, ISSU_PROP_S1), 0);
}

int register_monitor(void)
{
    CU_pSuite s = CU_add_suite("monitor", NULL, NULL);
    if (!s || !CU_add_test(s, "two masters violate S1", test_two_masters)
        || !CU_add_test(s, "a violation's log line: ID, sentence, cut visibly", test_log_line)
        || !CU_add_test(s, "a healthy run reports nothing", test_healthy_is_quiet)
        || !CU_add_test(s, "on-issue invariant S16", test_on_issue)
        || !CU_add_test(s, "unobservable values skip the monitor", test_unobservable_skips))
        return -1;
    return 0;
}
