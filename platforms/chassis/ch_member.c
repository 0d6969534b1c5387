/* ch_member.c - the member chassis of a system of chassis (ch_member.h):
 * their names resolved, their REs read from the spec's arrays, and a slot
 * per counted FRU kept in step with the counts. */
#include "ch_member.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "ch_chassis.h"
#include "ch_spec.h"
#include "sim_err.h"

#define CH_FRU_STATES 16               /* bound: members of the fru enum */

/* A name of the descriptor the spec must have: 0, or -1 with a message. */
static int need(const ch_chassis *ch, int id, const char *what, const char *name, char *err, size_t errlen)
{
    if (id >= 0)
        return 0;
    return sim_err(err, errlen, "family %s: the spec has no %s '%s' (its member chassis)", ch->family->name,
                   what, name);
}

/* One plant array of one element per member: 0, or -1 with a message. */
static int array(const ch_chassis *ch, int *var, const char *name, char *err, size_t errlen)
{
    *var = ch_spec_var(name);
    if (need(ch, *var, "plant array", name, err, errlen) != 0)
        return -1;
    if (issu_plant_size(&ch->plant, *var) != ch->members.n)
        return sim_err(err, errlen, "family %s: '%s' has %d elements, not one per %s (%d)", ch->family->name,
                       name, (int)issu_plant_size(&ch->plant, *var), ch->members.d->machine, (int)ch->members.n);
    return 0;
}

/* The arrays that count the FRUs, each with its fru member. */
static int counts(ch_chassis *ch, char *err, size_t errlen)
{
    ch_members *ms = &ch->members;
    const ch_member *d = ms->d;
    if (d->ncounts > CH_COUNTS_MAX)
        return sim_err(err, errlen, "family %s: more than %u FRU counts", ch->family->name, CH_COUNTS_MAX);
    for (size_t k = 0; k < d->ncounts; k++) {          /* bound: CH_COUNTS_MAX */
        ms->count_of[k] = ch_spec_member(ch->id.fru, d->counts[k].member);
        if (array(ch, &ms->count_var[k], d->counts[k].var, err, errlen) != 0
            || need(ch, ms->count_of[k], "fru member", d->counts[k].member, err, errlen) != 0)
            return -1;
    }
    ms->ncounts = d->ncounts;
    return 0;
}

/* FRUs of member i in fru member m, by the spec's counts. */
static int32_t wanted(const ch_chassis *ch, int32_t i, int32_t m)
{
    const ch_members *ms = &ch->members;
    int32_t n = 0;
    for (size_t k = 0; k < ms->ncounts; k++)           /* bound: CH_COUNTS_MAX */
        n += ms->count_of[k] == m ? ch_get(ch, ms->count_var[k], i) : 0;
    return n;
}

/* Members of the fru enum (at most CH_FRU_STATES). */
static int32_t fru_states(const ch_chassis *ch)
{
    int32_t n = 0;
    while (n < CH_FRU_STATES && strcmp(ch_spec_member_name(ch->id.fru, n), "?") != 0)   /* bound: CH_FRU_STATES */
        n++;
    return n;
}

/* Member i's slots in the counts' states, lowest-numbered first in the
 * enum's order; any the counts leave out in the enum's first member. */
static void place(ch_chassis *ch, int32_t i)
{
    ch_members *ms = &ch->members;
    int32_t *slot = &ms->fru[i * ms->nfru], s = 0;
    for (int32_t m = 0; m < fru_states(ch); m++)       /* bound: CH_FRU_STATES */
        for (int32_t k = wanted(ch, i, m); k > 0 && s < ms->nfru; k--)   /* bound: nfru */
            slot[s++] = m;
    while (s < ms->nfru)                               /* bound: nfru */
        slot[s++] = 0;
}

int ch_members_init(ch_chassis *ch, uint32_t *units, char *err, size_t errlen)
{
    assert(ch != NULL && units != NULL);
    ch_members *ms = &ch->members;
    const ch_member *d = ch->family->member;
    memset(ms, 0, sizeof *ms);
    ms->machine = ms->switchover = -1;
    if (d == NULL)
        return 0;
    ms->d = d;
    ms->machine = ch_spec_machine(d->machine);
    ms->switchover = ch_spec_cmd(d->switchover);
    int param = ch_spec_param(d->fru_param);
    if (need(ch, ms->machine, "machine", d->machine, err, errlen) != 0
        || need(ch, ms->switchover, "command", d->switchover, err, errlen) != 0
        || need(ch, param, "param", d->fru_param, err, errlen) != 0
        || need(ch, ch_spec_var(d->master_ver), "plant array", d->master_ver, err, errlen) != 0)
        return -1;
    ms->n = issu_plant_size(&ch->plant, ch_spec_var(d->master_ver));
    ms->nfru = ch->plant.params[param];
    if (array(ch, &ms->mver, d->master_ver, err, errlen) != 0 || array(ch, &ms->bver, d->backup_ver, err, errlen) != 0
        || array(ch, &ms->brole, d->backup_role, err, errlen) != 0
        || array(ch, &ms->switched, d->switched, err, errlen) != 0 || counts(ch, err, errlen) != 0)
        return -1;
    ms->master = ch_spec_var_member(ms->brole, "MASTER");
    ms->backup = ch_spec_var_member(ms->brole, "BACKUP");
    if (ms->nfru < 0 || *units + (uint32_t)(ms->n * ms->nfru) > SIM_TRAFFIC_UNITS)
        return sim_err(err, errlen, "the spec has more FRUs than the simulator can hold (%u)", SIM_TRAFFIC_UNITS);
    ms->unit = *units;
    *units += (uint32_t)(ms->n * ms->nfru);
    for (int32_t i = 0; i < ms->n; i++)                /* bound: the members */
        place(ch, i);
    return 0;
}

/* Move the lowest-numbered slot of member i in state `from` to `to`. */
static void move(ch_chassis *ch, int32_t i, int32_t from, int32_t to)
{
    ch_members *ms = &ch->members;
    for (int32_t s = 0; s < ms->nfru; s++) {           /* bound: nfru */
        if (ms->fru[i * ms->nfru + s] != from)
            continue;
        ms->fru[i * ms->nfru + s] = to;
        if (to == ch->id.warm_booting)
            ch->entered = (int32_t)(ms->unit + (uint32_t)(i * ms->nfru + s));
        return;
    }
}

/* Member i's slots after a step: from each state with more slots than its
 * count, in the enum's order, to the states with fewer. */
static void follow_one(ch_chassis *ch, int32_t i)
{
    int32_t have[CH_FRU_STATES] = { 0 }, want[CH_FRU_STATES];
    int32_t n = fru_states(ch);
    for (int32_t s = 0; s < ch->members.nfru; s++)     /* bound: nfru */
        have[ch->members.fru[i * ch->members.nfru + s]]++;
    for (int32_t m = 0; m < n; m++)                    /* bound: CH_FRU_STATES */
        want[m] = wanted(ch, i, m);
    for (int32_t from = 0; from < n; from++)           /* bound: CH_FRU_STATES */
        for (int32_t to = 0; to < n && have[from] > want[from]; to++)   /* bound: CH_FRU_STATES */
            while (have[from] > want[from] && have[to] < want[to]) {    /* bound: nfru */
                move(ch, i, from, to);
                have[from]--;
                have[to]++;
            }
}

void ch_members_follow(ch_chassis *ch)
{
    assert(ch != NULL);
    for (int32_t i = 0; i < ch->members.n; i++)        /* bound: the members */
        follow_one(ch, i);
}

int32_t ch_member_of(const ch_chassis *ch, int inst)
{
    assert(ch != NULL);
    const ch_members *ms = &ch->members;
    if (ms->d == NULL || inst < 0 || inst >= ch->ctrl.n || ch->ctrl.machine[inst] != ms->machine
        || ch->ctrl.self[inst] >= ms->n)
        return -1;
    return ch->ctrl.self[inst];
}

int ch_member_console(const ch_chassis *ch, int inst, char *buf, size_t len)
{
    assert(ch != NULL && buf != NULL && len > 0);
    int32_t i = ch_member_of(ch, inst);
    buf[0] = '\0';
    if (i >= 0)
        snprintf(buf, len, "%s%d-re%d", ch->members.d->name, (int)i, ch_member_master(ch, i));
    else if (inst > 0 && inst < ch->ctrl.n && ch->ctrl.machine[inst] != 0)
        snprintf(buf, len, "%s%d", ch_spec_machine_name(ch->ctrl.machine[inst]), (int)ch->ctrl.self[inst]);
    return buf[0] != '\0' ? 0 : -1;
}

int32_t ch_member_fru(const ch_chassis *ch, int32_t i, int32_t s)
{
    assert(ch != NULL && i >= 0 && i < ch->members.n && s >= 0 && s < ch->members.nfru);
    return ch->members.fru[i * ch->members.nfru + s];
}

int ch_member_master(const ch_chassis *ch, int32_t i)
{
    assert(ch != NULL && i >= 0 && i < ch->members.n);
    return ch_get(ch, ch->members.switched, i) != 0;
}

void ch_member_re(const ch_chassis *ch, int32_t i, int re, int32_t *role, int32_t *ver)
{
    assert(ch != NULL && role != NULL && ver != NULL && (re == 0 || re == 1));
    const ch_members *ms = &ch->members;
    int master = re == ch_member_master(ch, i);
    *role = master ? ms->master : ch_get(ch, ms->brole, i);
    *ver = ch_get(ch, master ? ms->mver : ms->bver, i);
}
