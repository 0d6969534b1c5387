/* issu_sys.c - a system of machines (issu.h "Several machines"): every
 * instance of a profile in the caller's issu_sys, instance numbers in spec
 * order, local delivery of `send` (issu_act.c), and the fair scheduler:
 * round robin over the instances, one event of the first one after the
 * last stepped that has one queued.
 */
#include <string.h>

#include "issu_impl.h"

int issu_instances(int profile, int machine)
{
    if (profile < 0 || profile >= ISSU_NPROFILES || machine < 0 || machine >= ISSU_NMACHINES)
        return 0;
    return issu__ninstances[profile][machine];
}

issu_rc issu_sys_init_abi(issu_sys *sys, const issu_cfg *cfg, const issu_abi *abi)
{
    if (!issu__abi_ok(abi))
        return ISSU_RC_ABI;
    if (!sys || !cfg || cfg->profile < 0 || cfg->profile >= ISSU_NPROFILES)
        return ISSU_RC_BAD_ARG;
    memset(sys, 0, sizeof *sys);
    for (int mc = 0; mc < ISSU_NMACHINES; mc++) {      /* bound: the spec's machines */
        sys->first[mc] = sys->n;
        sys->count[mc] = issu__ninstances[cfg->profile][mc];
        for (int i = 0; i < sys->count[mc]; i++) {     /* bound: the array's instances */
            if (sys->n >= ISSU_NINSTANCES_MAX)
                return ISSU_RC_BAD_ARG;    /* never: the largest profile's count */
            issu_cfg c = *cfg;
            c.machine = mc;
            c.index = i;
            c.instance = sys->n;
            issu_rc rc = issu_init(&sys->inst[sys->n], &c);
            if (rc != ISSU_RC_OK)
                return rc;
            sys->inst[sys->n].sys = sys;
            sys->n++;
        }
    }
    return ISSU_RC_OK;
}

issu *issu_sys_get(issu_sys *sys, int machine, int index)
{
    if (!sys || machine < 0 || machine >= ISSU_NMACHINES || index < 0 || index >= sys->count[machine])
        return NULL;
    return &sys->inst[sys->first[machine] + index];
}

issu *issu_sys_at(issu_sys *sys, int instance)
{
    return sys && instance >= 0 && instance < sys->n ? &sys->inst[instance] : NULL;
}

issu_rc issu_sys_step(issu_sys *sys)
{
    if (!sys)
        return ISSU_RC_EMPTY;
    for (int k = 0; k < sys->n; k++) {                 /* bound: the instances */
        int i = (sys->next + k) % sys->n;
        if (sys->inst[i].qlen == 0)
            continue;
        sys->next = (i + 1) % sys->n;
        return issu_step(&sys->inst[i]);
    }
    return ISSU_RC_EMPTY;
}

int issu_sys_run(issu_sys *sys, int max)
{
    int n = 0;
    while (n < max && issu_sys_step(sys) != ISSU_RC_EMPTY)   /* bound: max */
        n++;
    return n;
}

int issu_sys_tick(issu_sys *sys)
{
    int n = 0;
    for (int i = 0; sys && i < sys->n; i++)            /* bound: the instances */
        n += issu_tick(&sys->inst[i]);
    return n;
}

int issu_sys_next_deadline(const issu_sys *sys, issu_time_ms *at)
{
    int found = 0;
    for (int i = 0; sys && i < sys->n; i++) {          /* bound: the instances */
        issu_time_ms t;
        if (issu_next_deadline(&sys->inst[i], &t) && (!found || t < *at)) {
            *at = t;
            found = 1;
        }
    }
    return found;
}

int issu_sys_settled(const issu_sys *sys)
{
    for (int i = 0; sys && i < sys->n; i++) {          /* bound: the instances */
        const issu *m = &sys->inst[i];
        if (m->qlen || !m->desc->state_final[m->fsm.state])
            return 0;
        for (int c = 0; c < ISSU_NCMDS; c++)           /* bound: commands */
            if (m->cmd[c] != ISSU__CMD_IDLE)
                return 0;
    }
    return 1;
}
