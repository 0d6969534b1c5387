/* issu_journal.c - the journal: every transition is recorded, with a
 * checksum, before its actions run, so that an orchestrator restarted
 * mid-upgrade resumes from what it wrote, never from a guess.
 *
 * The journal is a ring of ISSU_JOURNAL_SLOTS fixed-size records in the
 * HAL's journal storage of the instance; record n goes to slot
 * n % ISSU_JOURNAL_SLOTS, so a torn write can only destroy the newest
 * record, and resume falls back to the one before it.  Layout,
 * little-endian (ISSU_JREC_BYTES):
 *    0 magic "ISJ2"     4 seq        8 time (u64)
 *   16 trans  18 from  20 to  22 event (u16 each; the machine's own ids)
 *   24 pending commands before the transition (bit per command)
 *   28 machine  30 instance index (u16 each): whose record it is
 *   32 the machine's variables before the transition (i32 each)
 *   last 4: CRC-32 of everything before it
 * Resume puts the chart in `to`, restores the variables, replays the
 * transition's assignments (not its console lines, commands or sends), and
 * re-arms the commands pending after it with timers from the record's time:
 * the HAL reports their outcomes, or their timeouts take the machine on
 * along the spec's own timeout transitions.
 */
#include <string.h>

#include "issu_impl.h"

#define ISSU__JMAGIC 0x324a5349u       /* "ISJ2" */
#define ISSU__JVARS 32u                /* offset of the variables */

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

static void issu__put16(uint8_t *p, int v)
{
    p[0] = (uint8_t)((unsigned)v & 0xffu);
    p[1] = (uint8_t)(((unsigned)v >> 8) & 0xffu);
}

static int issu__get16(const uint8_t *p)
{
    return (int)((unsigned)p[0] | (unsigned)p[1] << 8);
}

void issu__journal_write(issu *m, int trans)
{
    uint8_t rec[ISSU_JREC_BYTES];
    if (!m->cfg.hal->journal_write)
        return;
    uint32_t pending = 0;
    for (int c = 0; c < ISSU_NCMDS; c++)               /* bound: commands */
        if (m->cmd[c] != ISSU__CMD_IDLE)
            pending |= 1u << c;
    issu_time_ms now = m->cfg.hal->now(m->cfg.hal_ctx);
    uint32_t seq = ++m->jseq;
    issu__put32(rec, ISSU__JMAGIC);
    issu__put32(rec + 4, seq);
    issu__put32(rec + 8, (uint32_t)now);
    issu__put32(rec + 12, (uint32_t)(now >> 32));
    issu__put16(rec + 16, trans);
    issu__put16(rec + 18, m->desc->trans[trans].from);
    issu__put16(rec + 20, m->fsm.state);
    issu__put16(rec + 22, m->desc->trans[trans].event);
    issu__put32(rec + 24, pending);
    issu__put16(rec + 28, m->machine);
    issu__put16(rec + 30, m->index);
    for (int v = 0; v < ISSU_NCTRL_MAX; v++)
        issu__put32(rec + ISSU__JVARS + 4u * (uint32_t)v, (uint32_t)m->vars[v]);
    issu__put32(rec + ISSU_JREC_BYTES - 4, issu__crc32(rec, ISSU_JREC_BYTES - 4));
    uint32_t off = (seq % ISSU_JOURNAL_SLOTS) * ISSU_JREC_BYTES;
    if (m->cfg.hal->journal_write(m->cfg.hal_ctx, m->cfg.instance, off, rec, ISSU_JREC_BYTES)
        != ISSU_HAL_OK)
        issu__contract(m, ISSU_C_JOURNAL_WRITE);
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
    int trans = issu__get16(rec + 16), to = issu__get16(rec + 20);
    if (issu__get16(rec + 28) != m->machine || issu__get16(rec + 30) != m->index
        || trans >= m->desc->ntrans || to >= m->desc->nstates || m->desc->trans[trans].to != to)
        return -1;
    return 1;
}

int issu__journal_last(issu *m, uint8_t *best, int *skipped)
{
    uint8_t rec[ISSU_JREC_BYTES];
    int found = 0;
    uint32_t best_seq = 0;
    *skipped = 0;
    if (!m->cfg.hal->journal_read)
        return 0;
    for (uint32_t s = 0; s < ISSU_JOURNAL_SLOTS; s++) {    /* bound: the ring */
        if (m->cfg.hal->journal_read(m->cfg.hal_ctx, m->cfg.instance, s * ISSU_JREC_BYTES, rec,
                                     ISSU_JREC_BYTES) != ISSU_HAL_OK)
            continue;
        int ok = issu__journal_check(m, rec);
        *skipped += ok < 0;
        if (ok > 0 && (!found || issu__get32(rec + 4) > best_seq)) {
            best_seq = issu__get32(rec + 4);
            memcpy(best, rec, ISSU_JREC_BYTES);
            found = 1;
        }
    }
    return found;
}

/* Re-arm what was pending after the record's transition. */
static uint32_t issu__resume_pending(issu *m, const uint8_t *rec, int trans)
{
    const issu__trans_info *tr = &m->desc->trans[trans];
    uint32_t pending = (issu__get32(rec + 24) & ~tr->cancels) | tr->issues;
    issu_time_ms t = (issu_time_ms)issu__get32(rec + 8) | (issu_time_ms)issu__get32(rec + 12) << 32;
    for (int c = 0; c < ISSU_NCMDS; c++) {             /* bound: commands */
        if (!(pending >> c & 1u))
            continue;
        m->cmd[c] = ISSU__CMD_PENDING;
        issu__timer_arm(m, c, t);
    }
    return pending;
}

issu_rc issu_resume(issu *m, const issu_cfg *cfg, issu_resume_info *info)
{
    uint8_t rec[ISSU_JREC_BYTES];
    issu_resume_info dummy;
    if (!info)
        info = &dummy;
    memset(info, 0, sizeof *info);
    issu_rc rc = issu_init(m, cfg);
    if (rc != ISSU_RC_OK)
        return rc;
    info->state = m->fsm.state;
    info->trans = -1;
    if (!issu__journal_last(m, rec, &info->skipped))
        return ISSU_RC_NO_JOURNAL;
    int trans = issu__get16(rec + 16);
    for (int v = 0; v < ISSU_NCTRL_MAX; v++)
        m->vars[v] = (int32_t)issu__get32(rec + ISSU__JVARS + 4u * (uint32_t)v);
    if (m->desc->fsm_enter(&m->fsm, m->desc->trans[trans].to) != 0)
        return ISSU_RC_NO_JOURNAL;
    m->replay = 1;
    m->desc->actions(m, trans);
    m->replay = 0;
    m->jseq = issu__get32(rec + 4);
    info->seq = m->jseq;
    info->trans = trans;
    info->state = m->fsm.state;
    info->pending = issu__resume_pending(m, rec, trans);
    return ISSU_RC_OK;
}
