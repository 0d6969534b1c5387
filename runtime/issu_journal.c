/* issu_journal.c - the journal: every transition is recorded, with a
 * checksum, before any of its actions reaches the HAL (write-ahead), so
 * that an orchestrator restarted mid-upgrade resumes from what it wrote and
 * from what the HAL answers, never from a guess.
 *
 * The journal is a ring of ISSU_JOURNAL_SLOTS fixed-size records in the
 * HAL's journal storage of the instance; record n goes to slot
 * n % ISSU_JOURNAL_SLOTS, so a torn write can only destroy the newest
 * record, and resume falls back to the one before it.  Each run (issu_init)
 * has an epoch, one more than any in the journal, and starts with a start
 * record (seq 1, trans 0xffff); records of older epochs are stale and
 * never resumed.  Layout, little-endian (ISSU_JREC_BYTES):
 *    0 magic "ISJ4"     4 seq      8 epoch     12 acked (last HAL post consumed)
 *   16 time (u64): when the record was written
 *   24 trans  26 from  28 to  30 event (u16 each; the machine's own ids)
 *   32 machine  34 instance index (u16 each): whose record it is
 *   36 commands pending after the transition (u64, bit per command)
 *   44 the machine's variables before the transition (i32 each)
 *   then per command: its absolute deadline (u64, 0: no timer) and how
 *      often it will have been issued in this run (u32), both as they are
 *      once the transition's actions have run
 *   last 4: CRC-32 of everything before it
 *
 * Resume (issu_resume) takes the newest epoch's highest valid record, puts
 * the chart in `to`, restores the variables and runs the transition's
 * assignments again (not its console lines, commands or sends: an
 * assignment that reads the plant reads it as it is at resume).  Then it
 * reconciles the record with the HAL, command by command:
 *   pending, and the HAL has seen as many issues as recorded: still pending,
 *       with the recorded absolute deadline (its outcome, if it came, is
 *       posted again by resync; if its timer had run out, the deadline has
 *       passed and the next tick raises the timeout again);
 *   pending, the HAL is one issue short and the transition issues it: the
 *       crash came between the record and the issue: issued now (after a
 *       cancel, if the HAL still runs the issue before: `cancel X; issue X`);
 *   not pending but the HAL still runs it: the transition's cancel never
 *       reached it: cancelled now;
 *   any other count: contract 116, no resume (the journal is not this
 *       HAL's run).
 * resync(acked) comes before the issues of the reconciliation, so that the
 * HAL's numbering of its posts and the runtime's stay the same.
 */
#include <string.h>

#include "issu_impl.h"

#define ISSU__JMAGIC 0x344a5349u       /* "ISJ4" */
#define ISSU__JVARS 44u                /* offset of the variables */
#define ISSU__JCMDS (ISSU__JVARS + 4u * (uint32_t)ISSU_DIM(ISSU_NCTRL_MAX)) /* of the commands */
#define ISSU__JSTART 0xffff            /* trans of a run's start record */

static uint32_t issu__crc32(const uint8_t *p, uint32_t n)
{
    uint32_t crc = 0xffffffffu;
    for (uint32_t i = 0; i < n; i++) {                 /* bound: one record */
        crc ^= p[i];
        for (int b = 0; b < 8; b++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static void issu__put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t issu__get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void issu__put64(uint8_t *p, uint64_t v)
{
    issu__put32(p, (uint32_t)v);
    issu__put32(p + 4, (uint32_t)(v >> 32));
}

static uint64_t issu__get64(const uint8_t *p)
{
    return (uint64_t)issu__get32(p) | (uint64_t)issu__get32(p + 4) << 32;
}

static void issu__put16(uint8_t *p, int v)
{
    p[0] = (uint8_t)((unsigned)v & 0xffu);
    p[1] = (uint8_t)(((unsigned)v >> 8) & 0xffu);
}

static int issu__get16(const uint8_t *p)
{
    return (int)((unsigned)p[0] | (unsigned)p[1] << 8);
}

/* Record the machine as transition `trans` (ISSU__JSTART: the start of a
 * run) leaves it once its actions have run; the actions have not run yet. */
static void issu__journal_put(issu *m, int trans)
{
    uint8_t rec[ISSU_JREC_BYTES];
    int start = trans == ISSU__JSTART;
    uint64_t issues = start ? 0 : m->desc->trans[trans].issues;
    uint64_t cancels = start ? 0 : m->desc->trans[trans].cancels;
    issu_time_ms now = m->cfg.hal->now(m->cfg.hal_ctx);
    uint64_t pending = 0;
    memset(rec, 0, sizeof rec);
    uint32_t seq = ++m->jseq;
    for (int c = 0; c < ISSU_NCMDS; c++) {             /* bound: commands */
        uint8_t *p = rec + ISSU__JCMDS + 12u * (uint32_t)c;
        int issued = issues >> c & 1u;
        if (issued || (m->cmd[c] != ISSU__CMD_IDLE && !(cancels >> c & 1u))) {
            pending |= 1ull << c;
            issu__put64(p, issued ? issu__deadline_of(c, now) : m->deadline[c]);
        }
        issu__put32(p + 8, m->nissued[c] + (uint32_t)issued);
    }
    issu__put32(rec, ISSU__JMAGIC);
    issu__put32(rec + 4, seq);
    issu__put32(rec + 8, m->epoch);
    issu__put32(rec + 12, m->acked);
    issu__put64(rec + 16, now);
    issu__put16(rec + 24, trans);
    issu__put16(rec + 26, start ? m->fsm.state : m->desc->trans[trans].from);
    issu__put16(rec + 28, m->fsm.state);
    issu__put16(rec + 30, start ? 0xffff : m->desc->trans[trans].event);
    issu__put16(rec + 32, m->machine);
    issu__put16(rec + 34, m->index);
    issu__put64(rec + 36, pending);
    for (int v = 0; v < ISSU_NCTRL_MAX; v++)
        issu__put32(rec + ISSU__JVARS + 4u * (uint32_t)v, (uint32_t)m->vars[v]);
    issu__put32(rec + ISSU_JREC_BYTES - 4, issu__crc32(rec, ISSU_JREC_BYTES - 4));
    uint32_t off = (seq % ISSU_JOURNAL_SLOTS) * ISSU_JREC_BYTES;
    if (m->cfg.hal->journal_write(m->cfg.hal_ctx, m->cfg.instance, off, rec, ISSU_JREC_BYTES)
        != ISSU_HAL_OK)
        issu__contract(m, ISSU_C_JOURNAL_WRITE);
}

void issu__journal_write(issu *m, int trans)
{
    if (m->cfg.hal->journal_write)
        issu__journal_put(m, trans);
}

/* 1 valid, 0 blank (never written), -1 torn, corrupt, or another instance's. */
static int issu__journal_check(const issu *m, const uint8_t *rec)
{
    int blank = 1;
    for (uint32_t i = 0; i < ISSU_JREC_BYTES && blank; i++)
        blank = rec[i] == 0 || rec[i] == 0xff;
    if (blank)
        return 0;
    if (issu__get32(rec) != ISSU__JMAGIC
        || issu__get32(rec + ISSU_JREC_BYTES - 4) != issu__crc32(rec, ISSU_JREC_BYTES - 4))
        return -1;
    int trans = issu__get16(rec + 24), to = issu__get16(rec + 28);
    if (issu__get16(rec + 32) != m->machine || issu__get16(rec + 34) != m->index
        || to >= m->desc->nstates)
        return -1;
    if (trans == ISSU__JSTART)
        return to == m->desc->initial ? 1 : -1;
    return trans < m->desc->ntrans && m->desc->trans[trans].to == to ? 1 : -1;
}

/* Read slot s into rec: its check, or -1 if it cannot be read. */
static int issu__journal_slot(issu *m, uint32_t s, uint8_t *rec)
{
    if (m->cfg.hal->journal_read(m->cfg.hal_ctx, m->cfg.instance, s * ISSU_JREC_BYTES, rec,
                                 ISSU_JREC_BYTES) != ISSU_HAL_OK)
        return -1;
    return issu__journal_check(m, rec);
}

/* The newest run's last valid record into best: 1, or 0 if none.  Counts
 * the torn or corrupt records and the valid ones of older runs. */
static int issu__journal_last(issu *m, uint8_t *best, int *skipped, int *stale)
{
    uint8_t rec[ISSU_JREC_BYTES];
    uint32_t epochs[ISSU_JOURNAL_SLOTS], epoch = 0, seq = 0;
    int nvalid = 0;
    *skipped = *stale = 0;
    for (uint32_t s = 0; s < ISSU_JOURNAL_SLOTS; s++) {    /* bound: the ring */
        int ok = issu__journal_slot(m, s, rec);
        *skipped += ok < 0;
        if (ok <= 0)
            continue;
        uint32_t e = issu__get32(rec + 8), q = issu__get32(rec + 4);
        if (!nvalid || e > epoch || (e == epoch && q > seq)) {
            epoch = e;
            seq = q;
            memcpy(best, rec, ISSU_JREC_BYTES);
        }
        epochs[nvalid++] = e;
    }
    for (int i = 0; i < nvalid; i++)                   /* bound: the ring */
        *stale += epochs[i] != epoch;
    return nvalid > 0;
}

void issu__journal_start(issu *m)
{
    uint8_t best[ISSU_JREC_BYTES];
    int skipped, stale;
    if (!m->cfg.hal->journal_write)
        return;
    m->epoch = 1;
    if (m->cfg.hal->journal_read && issu__journal_last(m, best, &skipped, &stale))
        m->epoch = issu__get32(best + 8) + 1u;
    issu__journal_put(m, ISSU__JSTART);
}

/* Put the machine where the record leaves it, pending commands marked as
 * recorded.  Returns the pending set. */
static uint64_t issu__restore(issu *m, const uint8_t *rec, int trans)
{
    for (int v = 0; v < ISSU_NCTRL_MAX; v++)
        m->vars[v] = (int32_t)issu__get32(rec + ISSU__JVARS + 4u * (uint32_t)v);
    if (trans != ISSU__JSTART) {
        m->replay = 1;
        m->desc->actions(m, trans);
        m->replay = 0;
    }
    m->jseq = issu__get32(rec + 4);
    m->epoch = issu__get32(rec + 8);
    m->acked = issu__get32(rec + 12);
    m->received = m->acked;
    return issu__get64(rec + 36);
}

/* Compare each command's recorded issues with the HAL's; mark what still
 * runs pending, and list in *reissue and *recancel what the HAL missed.
 * -1 if a count cannot follow from the record. */
static int issu__reconcile(issu *m, const uint8_t *rec, int trans, uint64_t pending,
                           uint64_t *reissue, uint64_t *recancel)
{
    uint64_t issues = trans == ISSU__JSTART ? 0 : m->desc->trans[trans].issues;
    *reissue = *recancel = 0;
    for (int c = 0; c < ISSU_NCMDS; c++) {             /* bound: commands */
        const uint8_t *p = rec + ISSU__JCMDS + 12u * (uint32_t)c;
        uint32_t want = issu__get32(p + 8), issued = 0;
        int running = 0;
        if (m->cfg.hal->query(m->cfg.hal_ctx, m->cfg.instance, c, &issued, &running) != ISSU_HAL_OK)
            return -1;
        int short_one = issued + 1u == want && (issues >> c & 1u);
        if (issued != want && !(short_one && (pending >> c & 1u)))
            return -1;
        m->nissued[c] = issued;
        if (!(pending >> c & 1u)) {
            *recancel |= running ? 1ull << c : 0u;
            continue;
        }
        if (short_one) {               /* its earlier issue may still run (cancel; issue) */
            *reissue |= 1ull << c;
            *recancel |= running ? 1ull << c : 0u;
            continue;
        }
        m->cmd[c] = ISSU__CMD_PENDING;
        m->deadline[c] = issu__get64(p);
    }
    return 0;
}

static uint32_t issu__popcount(uint64_t v)
{
    uint32_t n = 0;
    for (; v != 0; v &= v - 1u)                        /* bound: 64 bits */
        n++;
    return n;
}

issu_rc issu_resume_abi(issu *m, const issu_cfg *cfg, issu_resume_info *info, const issu_abi *abi)
{
    if (!issu__abi_ok(abi))
        return ISSU_RC_ABI;
    uint8_t rec[ISSU_JREC_BYTES];
    issu_resume_info dummy;
    uint64_t reissue, recancel;
    if (!info)
        info = &dummy;
    memset(info, 0, sizeof *info);
    info->trans = -1;
    if (cfg && cfg->hal && (!cfg->hal->journal_read || !cfg->hal->query || !cfg->hal->resync))
        return ISSU_RC_BAD_ARG;
    issu_rc rc = issu__setup(m, cfg);
    if (rc != ISSU_RC_OK)
        return rc;
    info->state = m->fsm.state;
    if (!issu__journal_last(m, rec, &info->skipped, &info->stale))
        return ISSU_RC_NO_JOURNAL;
    int trans = issu__get16(rec + 24);
    if (m->desc->fsm_enter(&m->fsm, issu__get16(rec + 28)) != 0)
        return ISSU_RC_NO_JOURNAL;     /* never: the record's state was checked */
    uint64_t pending = issu__restore(m, rec, trans);
    if (issu__reconcile(m, rec, trans, pending, &reissue, &recancel) != 0) {
        issu__contract(m, ISSU_C_JOURNAL_MISMATCH);
        return ISSU_RC_CONTRACT;
    }
    m->cfg.hal->resync(m->cfg.hal_ctx, m->cfg.instance, m->acked);
    for (int c = 0; c < ISSU_NCMDS; c++) {             /* bound: commands */
        if (recancel >> c & 1u)
            m->cfg.hal->cancel(m->cfg.hal_ctx, m->cfg.instance, c);
        if (reissue >> c & 1u)
            issu__issue_now(m, c);
    }
    info->epoch = m->epoch;
    info->seq = m->jseq;
    info->trans = trans == ISSU__JSTART ? -1 : trans;
    info->state = m->fsm.state;
    info->acked = m->acked;
    info->pending = pending;
    info->reissued = issu__popcount(reissue);
    info->recancelled = issu__popcount(recancel);
    return ISSU_RC_OK;
}
