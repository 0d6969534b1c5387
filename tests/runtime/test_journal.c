/* test_journal.c - the journal: a record per transition written before its
 * actions reach the HAL, resume in the journalled state with the variables,
 * the pending commands reconciled with the HAL and their absolute
 * deadlines, the unconsumed posts asked again, torn and stale records
 * detected, no journal at all. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "fake_hal.h"
#include "issu_impl.h"
#include "suites.h"

static fh_ctx c;
static issu m, m2;

/* Two transitions: IDLE -> VALIDATING -> BACKUP_PREPARE (records 2 and 3,
 * after the run's start record 1). */
static void two_steps(void)
{
    fh_start(&c, &m, 0);
    fh_post(&c, ISSU_EV_start);
    issu_step(&m);
    c.now = 5000;
    fh_post(&c, ISSU_EV_validate_image__ok);
    issu_step(&m);
}

/* The orchestrator restarts: a new instance resumes on the same HAL, whose
 * posts now go to it. */
static void restart(issu_resume_info *info, issu_rc want)
{
    issu_cfg cfg;
    fh_cfg(&c, &cfg, 0);
    c.m = &m2;
    c.nconsole = 0;
    c.ncalls = 0;
    c.calls[0] = '\0';
    CU_ASSERT_EQUAL(issu_resume(&m2, &cfg, info), want);
}

/* The HAL as if the crash had come before it saw cmd's last issue. */
static void unissue(int cmd)
{
    c.issued[cmd]--;
    c.running[cmd] = 0;
}

static uint32_t slot_of(uint32_t seq)
{
    return (seq % ISSU_JOURNAL_SLOTS) * ISSU_JREC_BYTES;
}

static void test_resume_last(void)
{
    issu_resume_info info;
    two_steps();
    CU_ASSERT_EQUAL(c.journal_writes, 3);
    c.now = 9 * 60000;                 /* the orchestrator was down for minutes */
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.epoch, 1);
    CU_ASSERT_EQUAL(info.seq, 3);
    CU_ASSERT_EQUAL(info.state, ISSU_ST_issu_BACKUP_PREPARE);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_BACKUP_PREPARE);
    CU_ASSERT_EQUAL(info.pending, 1u << ISSU_CMD_backup_install);
    CU_ASSERT_EQUAL(info.reissued, 0);
    CU_ASSERT_EQUAL(info.acked, 2);
    CU_ASSERT_EQUAL(info.skipped, 0);
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_backup_install], 1);   /* the HAL had it: not issued again */
    CU_ASSERT_EQUAL(c.nconsole, 0);
    CU_ASSERT_EQUAL(c.resyncs, 1);
    CU_ASSERT_EQUAL(m2.qlen, 0);       /* every post was consumed */
    /* the deadline is the one armed at the issue, not one from the resume:
     * 5000 + 30 min (it used to be re-armed from the record's time) */
    issu_time_ms at;
    CU_ASSERT_EQUAL(issu_next_deadline(&m2, &at), 1);
    CU_ASSERT_EQUAL(at, 5000 + 1800000);
    /* the resumed machine goes on: the outcome is accepted */
    CU_ASSERT_EQUAL(fh_post(&c, ISSU_EV_backup_install__ok), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_step(&m2), ISSU_RC_OK);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_BACKUP_RESYNC);
    CU_ASSERT_EQUAL(c.nerrors, 0);
}

/* Record, then act: every transition's record reaches the journal before
 * its command reaches the HAL. */
static void test_write_ahead(void)
{
    two_steps();
    CU_ASSERT_STRING_EQUAL(c.calls, "JJIJI");   /* start record; start: record, issue; ok: record, issue */
}

/* Crash between the record and the issue: the command recorded as issued
 * is asked of the HAL, found missing and issued now (it used to be assumed
 * pending: a phantom that only its timeout would end). */
static void test_phantom_pending(void)
{
    issu_resume_info info;
    two_steps();
    unissue(ISSU_CMD_backup_install);
    c.now = 7000;
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.reissued, 1);
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_backup_install], 1);
    CU_ASSERT_STRING_EQUAL(c.calls, "I");
    issu_time_ms at;
    CU_ASSERT_EQUAL(issu_next_deadline(&m2, &at), 1);
    CU_ASSERT_EQUAL(at, 7000 + 1800000);   /* the operation starts now */
    CU_ASSERT_EQUAL(c.nerrors, 0);
}

/* A transition that cancels a command and issues it again, and the crash
 * between its record and both: the earlier issue, which the HAL still
 * runs, is cancelled before the new one. */
static void test_cancel_then_reissue(void)
{
    issu_resume_info info;
    two_steps();
    c.issued[ISSU_CMD_backup_install]--;    /* the HAL runs an earlier issue, not this one */
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.reissued, 1);
    CU_ASSERT_EQUAL(info.recancelled, 1);
    CU_ASSERT_STRING_EQUAL(c.calls, "CI");
    CU_ASSERT_EQUAL(c.nerrors, 0);
}

/* Crash between an abort's record and its cancel: cancelled now. */
static void test_cancel_missed(void)
{
    issu_resume_info info;
    fh_start(&c, &m, 0);
    fh_post(&c, ISSU_EV_start);
    issu_step(&m);
    fh_post(&c, ISSU_EV_abort);
    issu_step(&m);
    c.running[ISSU_CMD_validate_image] = 1;       /* the cancel never reached the HAL */
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(info.recancelled, 1);
    CU_ASSERT_EQUAL(c.cancelled[ISSU_CMD_validate_image], 2);
    CU_ASSERT_EQUAL(issu_var(&m2, ISSU_CV_issu_result), ISSU_result_t_ABORTED_CLEAN);
}

/* A torn newest record: the crash came while it was written, so neither its
 * actions nor its event's consumption happened; resume falls back to the
 * record before and the HAL posts the event again. */
static void torn(void (*tear)(uint8_t *rec))
{
    issu_resume_info info;
    two_steps();
    tear(c.journal + slot_of(3));
    unissue(ISSU_CMD_backup_install);
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.skipped, 1);
    CU_ASSERT_EQUAL(info.seq, 2);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_VALIDATING);
    CU_ASSERT_EQUAL(info.pending, 1u << ISSU_CMD_validate_image);
    CU_ASSERT_EQUAL(info.acked, 1);
    CU_ASSERT_EQUAL(issu_var(&m2, ISSU_CV_issu_result), ISSU_result_t_NONE);
    CU_ASSERT_EQUAL(m2.qlen, 1);       /* validate_image.ok, asked again */
    CU_ASSERT_EQUAL(issu_step(&m2), ISSU_RC_OK);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_BACKUP_PREPARE);
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_backup_install], 1);
    CU_ASSERT_EQUAL(c.nerrors, 0);
}

static void flip(uint8_t *rec)
{
    rec[ISSU_JREC_BYTES / 2] ^= 0x5a;
}

static void half(uint8_t *rec)
{
    memset(rec + ISSU_JREC_BYTES / 2, 0xff, ISSU_JREC_BYTES / 2);
}

static void test_torn_record(void)
{
    torn(flip);
}

static void test_half_written(void)
{
    torn(half);
}

/* The HAL has seen more issues than the record can explain: the journal is
 * not this HAL's run, and nothing is resumed from it. */
static void test_mismatch(void)
{
    issu_resume_info info;
    two_steps();
    flip(c.journal + slot_of(3));      /* torn, but the issue happened */
    restart(&info, ISSU_RC_CONTRACT);
    CU_ASSERT_EQUAL(fh_errors(&c, ISSU_ERR_CONTRACT, ISSU_C_JOURNAL_MISMATCH), 1);
    CU_ASSERT_EQUAL(c.issued[ISSU_CMD_backup_install], 1);   /* nothing issued */
}

/* A timer ran out and its timeout was queued, then the crash: the deadline
 * has passed, the next tick raises the timeout again. */
static void test_expired_timer(void)
{
    issu_resume_info info;
    two_steps();
    c.now = 5000 + 1800000;
    CU_ASSERT_EQUAL(issu_tick(&m), 1);
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(m2.qlen, 0);
    CU_ASSERT_EQUAL(issu_tick(&m2), 1);
    CU_ASSERT_EQUAL(c.expired[ISSU_CMD_backup_install], 2);   /* again: the HAL ignores it */
    CU_ASSERT_EQUAL(issu_step(&m2), ISSU_RC_OK);
    CU_ASSERT_NOT_EQUAL(m2.fsm.state, ISSU_ST_issu_BACKUP_PREPARE);
}

/* A new run on the same journal: its epoch is the next one and its start
 * record is written at once, so a resume finds the new run (in IDLE), never
 * the earlier one, whose records are stale. */
static void test_stale_epoch(void)
{
    issu_resume_info info;
    issu_cfg cfg;
    two_steps();
    fh_cfg(&c, &cfg, 0);
    CU_ASSERT_EQUAL(issu_init(&m, &cfg), ISSU_RC_OK);
    memset(c.issued, 0, sizeof c.issued);        /* the backend set up for the new run */
    memset(c.running, 0, sizeof c.running);
    c.nposts = 0;
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.epoch, 2);
    CU_ASSERT_EQUAL(info.seq, 1);
    CU_ASSERT_EQUAL(info.trans, -1);
    CU_ASSERT_EQUAL(info.stale, 2);    /* records 2 and 3 of the first run */
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_INITIAL_issu);
    CU_ASSERT_EQUAL(info.pending, 0u);
}

static void test_no_journal(void)
{
    issu_resume_info info;
    memset(&c, 0, sizeof c);
    restart(&info, ISSU_RC_NO_JOURNAL);
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_INITIAL_issu);
    CU_ASSERT_EQUAL(info.skipped, 0);
    memset(c.journal, 0x33, ISSU_JREC_BYTES);      /* garbage only */
    restart(&info, ISSU_RC_NO_JOURNAL);
    CU_ASSERT_EQUAL(info.skipped, 1);
}

/* Without query and resync a resume would have to guess: refused. */
static void test_needs_query(void)
{
    static issu_hal bare;
    issu_cfg cfg;
    two_steps();
    fh_cfg(&c, &cfg, 0);
    bare = fh_hal;
    bare.query = NULL;
    cfg.hal = &bare;
    CU_ASSERT_EQUAL(issu_resume(&m2, &cfg, NULL), ISSU_RC_BAD_ARG);
}

static void test_ring_wraps(void)
{
    issu_resume_info info;
    fh_start(&c, &m, 0);
    for (int i = 0; i < ISSU_JOURNAL_SLOTS + 3; i++) {      /* start/abort cycles */
        fh_post(&c, ISSU_EV_start);
        issu_step(&m);
        fh_post(&c, ISSU_EV_abort);
        issu_step(&m);
    }
    restart(&info, ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.seq, 1u + 2u * (ISSU_JOURNAL_SLOTS + 3));
    CU_ASSERT_EQUAL(m2.fsm.state, ISSU_ST_issu_IDLE);
    CU_ASSERT_EQUAL(issu_var(&m2, ISSU_CV_issu_result), ISSU_result_t_ABORTED_CLEAN);
    CU_ASSERT_EQUAL(issu_var(&m2, ISSU_CV_issu_op_abort), 1);
    CU_ASSERT_EQUAL(info.pending, 0u);
}

int register_journal(void)
{
    CU_pSuite s = CU_add_suite("journal", NULL, NULL);
    if (!s || !CU_add_test(s, "resume from the last record, deadlines absolute", test_resume_last)
        || !CU_add_test(s, "record, then act", test_write_ahead)
        || !CU_add_test(s, "a command recorded but never issued is issued on resume", test_phantom_pending)
        || !CU_add_test(s, "a cancel recorded but never done is done on resume", test_cancel_missed)
        || !CU_add_test(s, "an earlier issue still running is cancelled before the reissue", test_cancel_then_reissue)
        || !CU_add_test(s, "a corrupt newest record falls back", test_torn_record)
        || !CU_add_test(s, "a half-written record falls back", test_half_written)
        || !CU_add_test(s, "a journal the HAL contradicts is refused", test_mismatch)
        || !CU_add_test(s, "a timeout lost in the crash is raised again", test_expired_timer)
        || !CU_add_test(s, "a new run's records make the old ones stale", test_stale_epoch)
        || !CU_add_test(s, "no valid record: fresh start", test_no_journal)
        || !CU_add_test(s, "resume needs the HAL's query and resync", test_needs_query)
        || !CU_add_test(s, "the ring keeps the newest", test_ring_wraps))
        return -1;
    return 0;
}
