/* ch_timing.c - the shared table of command durations (ch_timing.h),
 * DOMAIN section 7; the spec's timeouts are in model/issu.fsm. */
#include "ch_timing.h"

#include <assert.h>
#include <string.h>

#define S_ 1000ull                     /* ms per second */
#define MIN_ (60ull * S_)              /* ms per minute */

/* A command with no better figure: a short chassisd exchange [I]. */
const ch_timing ch_timing_default = { "(default)", 10 * S_, 30 * S_ };

static const ch_timing shared[] = {
    { "validate_image", 40 * S_, 90 * S_ },
    { "prompt_timer", 0, 0 },
    { "offline_unsupported", 10 * S_, 30 * S_ },
    /* 7: backup install + reboot 10-20 min [I], split between the two commands */
    { "backup_install", 8 * MIN_, 12 * MIN_ },
    { "backup_resync", 5 * MIN_, 9 * MIN_ },
    { "chassisd_handoff", 5 * S_, 15 * S_ },
    { "daemons_prepare", 20 * S_, 60 * S_ },
    { "fru_prepare", 60 * S_, 180 * S_ },
    /* 7: per-FPC warm boot 30-120 s [I] */
    { "fru_warm_boot", 30 * S_, 120 * S_ },
    { "switchover_check", 10 * S_, 30 * S_ },
    /* within the 2 s GRES keepalive window (5.3 [D]) */
    { "re_switchover", 1500, 3000 },
    { "switchover_holdoff", 0, 0 },
    { "old_master_upgrade", 8 * MIN_, 12 * MIN_ },
    { "issu_finish", 30 * S_, 90 * S_ },
    { "chassis_abort", 30 * S_, 90 * S_ },
    { "fru_rollback", 30 * S_, 120 * S_ },
    { "rollback_backup", 15 * MIN_, 25 * MIN_ },
};

/* The entry of list[0..n-1] named cmd, or NULL. */
static const ch_timing *lookup(const ch_timing *list, size_t n, const char *cmd)
{
    for (size_t i = 0; i < n; i++)     /* bound: n, a const table */
        if (strcmp(list[i].cmd, cmd) == 0)
            return &list[i];
    return NULL;
}

const ch_timing *ch_timing_for(const ch_timing *over, size_t n, const char *cmd)
{
    assert(cmd != NULL && (over != NULL || n == 0));
    const ch_timing *t = lookup(over, n, cmd);
    if (t == NULL)
        t = lookup(shared, sizeof shared / sizeof shared[0], cmd);
    return t != NULL ? t : &ch_timing_default;
}
