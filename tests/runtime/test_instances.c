/* test_instances.c - several instances side by side share nothing; the
 * contract violations of the HAL and of the configuration go to the one
 * error hook with their stable IDs; a caller built with another layout is
 * refused before anything is written. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "fake_hal.h"
#include "issu_impl.h"
#include "suites.h"

static fh_ctx c0, c1;
static issu m0, m1;

static void test_side_by_side(void)
{
    fh_start(&c0, &m0, 0);
    fh_start(&c1, &m1, 1);
    issu_post(&m0, ISSU_EV_start);
    issu_post(&m1, ISSU_EV_abort);
    issu_run(&m0, 10);
    issu_run(&m1, 10);
    CU_ASSERT_EQUAL(m0.fsm.state, ISSU_ST_issu_VALIDATING);
    CU_ASSERT_EQUAL(m1.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(c0.issued[ISSU_CMD_validate_image], 1);
    CU_ASSERT_EQUAL(c1.issued[ISSU_CMD_validate_image], 0);
    /* the trace names the machine instance (its element of a machine
     * array, `self`), not the HAL's instance number: two lone instances of
     * a one-machine spec are both "issu" instance 0 */
    CU_ASSERT_PTR_NOT_NULL(strstr(c1.traces[0], "\"machine\":\"issu\",\"instance\":0,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(c0.traces[0], "\"machine\":\"issu\",\"instance\":0,"));
    issu_post(&m1, ISSU_EV_start);
    issu_run(&m1, 10);
    issu_post(&m0, ISSU_EV_abort);
    issu_run(&m0, 10);
    CU_ASSERT_EQUAL(m0.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(m1.fsm.state, ISSU_ST_issu_VALIDATING);
}

static void test_issue_refused(void)
{
    fh_start(&c0, &m0, 0);
    c0.refuse_issue = 1;
    issu_post(&m0, ISSU_EV_start);
    issu_step(&m0);
    CU_ASSERT_EQUAL(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_ISSUE_REFUSED), 1);
    CU_ASSERT_EQUAL(fh_errors(&c0, ISSU_ERR_CONTRACT, 109), 1);
    issu_status st;
    issu_get_status(&m0, &st);
    CU_ASSERT_EQUAL(st.pending, 0u);               /* no timer, no outcome expected */
}

/* A pool the profile lacks (the M120's FEBs on the default chassis) has no
 * counters: a guard that counts it reads 0 and asks the HAL nothing, as the
 * model has nothing of it (found when a replay of a mx240 counterexample,
 * whose trace never names the FEBs, stopped at ABORT_FRUS's guard). */
static void test_empty_pool_unobserved(void)
{
    fh_start(&c0, &m0, 0);
    c0.unavailable[ISSU_PV_feb] = 1;
    issu_post(&m0, ISSU_EV_start);
    issu_step(&m0);
    issu_post(&m0, ISSU_EV_validate_image__ok);
    issu_step(&m0);
    issu_post(&m0, ISSU_EV_abort);
    issu_step(&m0);
    CU_ASSERT_EQUAL(m0.fsm.state, ISSU_ST_issu_ABORT_FRUS);
    issu_post(&m0, ISSU_EV_chassis_abort__ok);   /* its guards count FEBs on NEW */
    issu_step(&m0);
    CU_ASSERT_EQUAL(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_OBSERVE_FAILED), 0);
    CU_ASSERT_EQUAL(m0.fsm.state, ISSU_ST_issu_IDLE);
}

static void test_guard_unobservable(void)
{
    fh_start(&c0, &m0, 0);
    c0.unavailable[ISSU_PV_gres_configured] = 1;
    issu_post(&m0, ISSU_EV_start);
    issu_step(&m0);
    CU_ASSERT_EQUAL(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_OBSERVE_FAILED), 1);
}

/* A value the HAL observes outside its variable's range (a boolean 7, a
 * pool count larger than the pool) is contract VALUE_RANGE and reads as
 * unobservable: no guard takes it, no count overflows (issue 15). */
static void test_observation_out_of_range(void)
{
    fh_start(&c0, &m0, 0);
    c0.plant[ISSU_PV_gres_configured][0] = 7;
    issu_post(&m0, ISSU_EV_start);
    issu_step(&m0);
    CU_ASSERT(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_VALUE_RANGE) >= 1);   /* each guard that reads it */
    CU_ASSERT_EQUAL(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_OBSERVE_FAILED), 1);
    /* a pool count above the pool's size (mx240: 3 FPCs), read by phase 1's
     * guard count(fpc, UNSUPPORTED) > 0 */
    fh_start(&c0, &m0, 0);
    issu_post(&m0, ISSU_EV_start);
    issu_step(&m0);
    CU_ASSERT_EQUAL(m0.fsm.state, ISSU_ST_issu_VALIDATING);
    CU_ASSERT_EQUAL(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_VALUE_RANGE), 0);
    c0.plant[ISSU_PV_fpc][ISSU_fru_UNSUPPORTED] = ISSU_PV_SIZE_fpc(m0.params) + 1;
    issu_post(&m0, ISSU_EV_validate_image__ok);
    issu_step(&m0);
    CU_ASSERT(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_VALUE_RANGE) >= 1);
    c0.plant[ISSU_PV_fpc][ISSU_fru_UNSUPPORTED] = ISSU_PV_SIZE_fpc(m0.params);   /* at the bound: in range */
    int before = fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_VALUE_RANGE);
    issu__obs(&m0, ISSU_PV_fpc, ISSU_fru_UNSUPPORTED);
    CU_ASSERT_EQUAL(fh_errors(&c0, ISSU_ERR_CONTRACT, ISSU_C_VALUE_RANGE), before);
}

static void test_bad_config(void)
{
    issu_cfg cfg;
    fh_cfg(&c0, &cfg, 0);
    cfg.profile = ISSU_NPROFILES;
    CU_ASSERT_EQUAL(issu_init(&m0, &cfg), ISSU_RC_BAD_ARG);
    fh_cfg(&c0, &cfg, 0);
    cfg.hal = NULL;
    CU_ASSERT_EQUAL(issu_init(&m0, &cfg), ISSU_RC_BAD_ARG);
    CU_ASSERT_EQUAL(issu_init(NULL, &cfg), ISSU_RC_BAD_ARG);
}

/* An application built with another capacity (-DISSU_TRACE_MAX=256, say)
 * or against another spec's headers passes another layout: the library
 * refuses it and writes nothing, where it would write past the smaller
 * instance the application allocated. */
static void test_abi_mismatch(void)
{
    issu_cfg cfg;
    fh_cfg(&c0, &cfg, 0);
    issu_abi abi = *ISSU_ABI_HERE;
    abi.trace_max = 256;
    abi.size -= ISSU_TRACE_MAX - 256;
    memset(&m0, 0xa5, sizeof m0);
    CU_ASSERT_EQUAL(issu_init_abi(&m0, &cfg, &abi), ISSU_RC_ABI);
    CU_ASSERT_EQUAL(issu_resume_abi(&m0, &cfg, NULL, &abi), ISSU_RC_ABI);
    int untouched = 1;
    for (size_t i = 0; i < sizeof m0; i++)
        untouched &= ((const unsigned char *)&m0)[i] == 0xa5;
    CU_ASSERT(untouched);
    abi = *ISSU_ABI_HERE;
    abi.sys_size++;
    static issu_sys sys;
    CU_ASSERT_EQUAL(issu_sys_init_abi(&sys, &cfg, &abi), ISSU_RC_ABI);
    CU_ASSERT_EQUAL(issu_init_abi(&m0, &cfg, NULL), ISSU_RC_ABI);
    CU_ASSERT_EQUAL(issu_init(&m0, &cfg), ISSU_RC_OK);   /* the macro passes this build's */
}

static void test_params_from_profile(void)
{
    issu_cfg cfg;
    fh_cfg(&c0, &cfg, 0);
    cfg.profile = ISSU_PROF_mx960;
    cfg.options = 1u << ISSU_OPT_reboot;
    CU_ASSERT_EQUAL(issu_init(&m0, &cfg), ISSU_RC_OK);
    CU_ASSERT_EQUAL(m0.params[ISSU_PARAM_slots], 12);
    CU_ASSERT_EQUAL(m0.options[ISSU_OPT_reboot], 1);
    CU_ASSERT_EQUAL(m0.options[ISSU_OPT_no_old_master_upgrade], 0);
}

int register_instances(void)
{
    CU_pSuite s = CU_add_suite("instances", NULL, NULL);
    if (!s || !CU_add_test(s, "instances run side by side", test_side_by_side)
        || !CU_add_test(s, "a refused issue is contract 109", test_issue_refused)
        || !CU_add_test(s, "an unobservable guard is contract 110", test_guard_unobservable)
        || !CU_add_test(s, "a pool the profile lacks is never observed", test_empty_pool_unobserved)
        || !CU_add_test(s, "an observation out of its range is contract 111", test_observation_out_of_range)
        || !CU_add_test(s, "bad configurations are refused", test_bad_config)
        || !CU_add_test(s, "another build's layout is refused, nothing written", test_abi_mismatch)
        || !CU_add_test(s, "params and options from the configuration", test_params_from_profile))
        return -1;
    return 0;
}
