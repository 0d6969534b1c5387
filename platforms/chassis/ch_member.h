/* ch_member.h - the member chassis of a system of chassis (ch_member in
 * ch_family.h: a routing matrix's line-card chassis), one per instance of
 * the family's machine array, each with two REs and FRUs that the spec
 * counts per state (D47).
 *
 * The chassis gives each counted FRU a slot and a forwarding unit of its
 * own, after the units of the FRU pools.  After every step of the plant the
 * slots follow the counts: the lowest-numbered slots of a state whose count
 * fell move, in slot order, to the states whose count rose, in the order of
 * the fru enum.  That is the spec's `move one` order (an LCC's FPCs are
 * warm-booted and rolled back lowest-numbered first), and in every step of
 * the spec at most one count falls, so each slot's state is determined:
 * which FPC failed, which is warm-booting, which is already on NEW. */
#ifndef CH_MEMBER_H
#define CH_MEMBER_H

#include <stddef.h>
#include <stdint.h>

#include "ch_family.h"
#include "sim_traffic.h"

#define CH_COUNTS_MAX 8u               /* bound: counting arrays of a member chassis */
#define CH_NAME_MAX 32u                /* bound: an instance's console name ("lcc2-re0") */

struct ch_chassis;

/* The family's member chassis in this profile, their names resolved. */
typedef struct ch_members {
    const ch_member *d;                /* the family's descriptor, NULL: none */
    int machine;                       /* its machine array (ISSU_M_x), -1 */
    int32_t n;                         /* members in this profile (0: none) */
    int32_t nfru;                      /* FRUs of each */
    int mver, bver, brole, switched;   /* the plant arrays of its REs (ISSU_PV_x) */
    int32_t master, backup;            /* members MASTER and BACKUP of the role enum */
    int switchover;                    /* its switchover command (ISSU_CMD_x) */
    int count_var[CH_COUNTS_MAX];      /* the plant arrays that count its FRUs ... */
    int32_t count_of[CH_COUNTS_MAX];   /* ... each in this fru member */
    size_t ncounts;                    /* used entries */
    uint32_t unit;                     /* the forwarding unit of member 0's FRU 0 */
    int32_t fru[SIM_TRAFFIC_UNITS];    /* FRU s of member i at [i * nfru + s]: its fru member */
} ch_members;

/* Resolve ch->family's member chassis against the spec; their FRUs get the
 * forwarding units from *units on, all in the first member of the fru
 * enum the counts put them in.  0, or -1 with a message in err (a name the
 * spec does not have, more FRUs than the traffic model holds). */
int ch_members_init(struct ch_chassis *ch, uint32_t *units, char *err, size_t errlen);

/* After a step of the plant: the slots follow the counts; a slot moved
 * into WARM_BOOTING leaves its unit in ch->entered. */
void ch_members_follow(struct ch_chassis *ch);

/* The member chassis instance `inst` of the controller runs on, or -1. */
int32_t ch_member_of(const struct ch_chassis *ch, int inst);

/* How instance inst of the controller is named on the console, before its
 * lines ("lcc2-re0": its member chassis and the RE that is its master; an
 * instance of another machine with no member chassis: "name3"), into buf:
 * 0, or -1 (buf "") for the spec's first machine, whose lines (the global
 * master's, the one chassis') carry no name. */
int ch_member_console(const struct ch_chassis *ch, int inst, char *buf, size_t len);

/* The fru member of FRU `s` of member `i`. */
int32_t ch_member_fru(const struct ch_chassis *ch, int32_t i, int32_t s);

/* Which RE of member i is its master: 0 until its mastership moved, then 1. */
int ch_member_master(const struct ch_chassis *ch, int32_t i);

/* RE `re` (0 or 1) of member i: its role and version (members of the
 * spec's role and version enums): the master RE runs master_ver, the other
 * is the backup RE of backup_role and backup_ver. */
void ch_member_re(const struct ch_chassis *ch, int32_t i, int re, int32_t *role, int32_t *ver);

#endif
