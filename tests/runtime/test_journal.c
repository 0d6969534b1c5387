/* test_journal.c - the journal: a record per transition written before its
 * actions, resume in the journalled state with the variables and pending
 * commands, a torn newest record detected and skipped, no journal at all. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "fake_hal.h"
#include "issu_impl.h"
#include "suites.h"

static fh_ctx c;
static issu m, m2;

/* Two transitions: IDLE -> VALIDATING -> BACKUP_PREPARE. */
static void two_steps(void)
{
    fh_start(&c, &m, 0);
    issu_post(&m, ISSU_EV_start);
    issu_step(&m);
    c.now = 5000;
    issu_post(&m, ISSU_EV_validate_image__ok);
    issu_step(&m);
}

static void restart(issu_resume_info *info, issu_rc want)
{
    issu_cfg cfg;
    fh_cfg(&c, &cfg, 0);
    memset(c.issued, 0, sizeof c.issued);
    c.nconsole = 0;
    CU_ASSERT_EQUAL(issu_resume(&m2, &cfg, info), want);
}

static void test_resume_last(void)
{
    issu_resume_info info;
    two_steps();
    CU_ASSERT_EQUAL(c.journal_writes, 2);
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.seq, 2);
    CU_ASSERT_EQUAL(info.state, ISSU_ST_issu_BACKUP_PREPARE);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_BACKUP_PREPARE);
    CU_ASSERT_EQUAL(info.pending, 1u << ISSU_CMD_backup_install);
    CU_ASSERT_EQUAL(info.skipped, 0);
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_backup_install], 0);   /* replay issues nothing */
    CU_ASSERT_EQUAL(c.nconsole, 0);
    issu_time_ms at;
    CU_ASSERT_EQUAL(issu_next_deadline(&m2, &at), 1);
    CU_ASSERT_EQUAL(at, 5000 + 1800000);
    /* the resumed machine goes on: the outcome is accepted */
    CU_ASSERT_EQUAL(issu_post(&m2, ISSU_EV_backup_install__ok), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_step(&m2), ISSU_RC_OK);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_BACKUP_RESYNC);
}

static void test_torn_record(void)
{
    issu_resume_info info;
    two_steps();
    uint32_t newest = (2 % ISSU_JOURNAL_SLOTS) * ISSU_JREC_BYTES;
    c.journal[newest + ISSU_JREC_BYTES / 2] ^= 0x5a;        /* torn write */
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.skipped, 1);
    CU_ASSERT_EQUAL(info.seq, 1);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_VALIDATING);
    CU_ASSERT_EQUAL(info.pending, 1u << ISSU_CMD_validate_image);
    CU_ASSERT_EQUAL(issu_var(&m2, ISSU_CV_issu_result), ISSU_result_t_NONE);
}

static void test_half_written(void)
{
    issu_resume_info info;
    two_steps();
    uint32_t newest = (2 % ISSU_JOURNAL_SLOTS) * ISSU_JREC_BYTES;
    memset(c.journal + newest + ISSU_JREC_BYTES / 2, 0xff, ISSU_JREC_BYTES / 2);
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.skipped, 1);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_VALIDATING);
}

static void test_no_journal(void)
{
    issu_resume_info info;
    fh_start(&c, &m, 0);
    restart(&info, ISSU_RC_NO_JOURNAL);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_INITIAL_issu);
    CU_ASSERT_EQUAL(info.skipped, 0);
    memset(c.journal, 0x33, ISSU_JREC_BYTES);      /* garbage only */
    restart(&info, ISSU_RC_NO_JOURNAL);
    CU_ASSERT_EQUAL(info.skipped, 1);
}

static void test_ring_wraps(void)
{
    issu_resume_info info;
    fh_start(&c, &m, 0);
    for (int i = 0; i < ISSU_JOURNAL_SLOTS + 3; i++) {      /* start/abort cycles */
        issu_post(&m, ISSU_EV_start);
        issu_step(&m);
        issu_post(&m, ISSU_EV_abort);
        issu_step(&m);
    }
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.seq, 2u * (ISSU_JOURNAL_SLOTS + 3));
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(issu_var(&m2, ISSU_CV_issu_result), ISSU_result_t_ABORTED_CLEAN);
    CU_ASSERT_EQUAL(issu_var(&m2, ISSU_CV_issu_op_abort), 1);
    CU_ASSERT_EQUAL(info.pending, 0u);
}

int register_journal(void)
{
    CU_pSuite s = CU_add_suite("journal", NULL, NULL);
    if (!s || !CU_add_test(s, "resume from the last record", test_resume_last)
        || !CU_add_test(s, "a corrupt newest record falls back", test_torn_record)
        || !CU_add_test(s, "a half-written record falls back", test_half_written)
        || !CU_add_test(s, "no valid record: fresh start", test_no_journal)
        || !CU_add_test(s, "the ring keeps the newest", test_ring_wraps))
        return -1;
    return 0;
}
