/* issr.c - the ISSR family (`request system reboot in-service`; DOMAIN
 * 3.5, 4.5): a single-node switch on a jinstall-jcp image restarts its
 * control plane on the running release.  As on the VM-based switches
 * (vm.c) the backup RE is spawned on the one CPU, here as a container with
 * a second dataplane container; chassisd then runs its ISSU phases on the
 * same release, warm-booting the one FPC, the devices move to the spawned
 * RE and the old primary is shut down.  Nothing is installed: every
 * figure below is the duration of a restart, not of an upgrade. */
#include "ch_family.h"

/* Declared where the table uses it (families.c). */
extern const ch_family ch_family_issr;

#define SEC_ 1000u                     /* ms per second */

/* [D]: from the device's timestamps in the console sample of DOMAIN 3.5
 * (02:37:04 to about 02:44:35, some 7.5 minutes in all); [I]: inferred.
 * The sample stamps only some lines: the spawn, the secondary dataplane,
 * the GRES synchronization, the home directories and chassisd's handoff
 * take 336 s together (02:37:19 -> 02:42:55) [D], split among them [I].
 * backup_resync is given here, so the shared rule for a resync without a
 * boot (ch_cmd.c) does not replace it: the spawned RE is always up by then.
 * The steps after "ISSR done" (02:44:33) are not stamped: short [I]. */
static const ch_timing issr_timings[] = {
    { "validate_image", 8 * SEC_, 12 * SEC_ },        /* 02:37:04 -> 02:37:14 [D] */
    { "issr_prepare", 4 * SEC_, 6 * SEC_ },           /* 02:37:14 -> 02:37:19 [D] */
    { "spawn_backup", 130 * SEC_, 160 * SEC_ },       /* a container on the running image [I] */
    { "start_dataplane", 20 * SEC_, 30 * SEC_ },      /* the second dataplane container [I] */
    { "backup_resync", 110 * SEC_, 140 * SEC_ },      /* GRES in progress -> operational [I] */
    { "copy_homes", 20 * SEC_, 30 * SEC_ },           /* the home directories [I] */
    { "chassisd_handoff", 10 * SEC_, 22 * SEC_ },     /* ... -> "Chassis ISSU Started": 336 s in all [D] */
    { "daemons_prepare", 4 * SEC_, 6 * SEC_ },        /* 02:42:55 -> 02:43:00 [D] */
    { "fru_prepare", 8 * SEC_, 12 * SEC_ },           /* 02:43:05 -> 02:43:15 [D] */
    { "fpc_warm_restart", 58 * SEC_, 64 * SEC_ },     /* FPC 0: 02:43:15 -> 02:44:16, 61 s [D] */
    { "switchover_check", 4 * SEC_, 15 * SEC_ },      /* 02:44:16 (27) -> 02:44:31 [D] */
    { "issr_done", 1 * SEC_, 3 * SEC_ },              /* 02:44:31 -> 02:44:33 [D] */
    { "stop_dataplane", 2 * SEC_, 5 * SEC_ },         /* [I] */
    { "device_handoff", 1 * SEC_, 3 * SEC_ },         /* [I] */
    { "device_handback", 1 * SEC_, 3 * SEC_ },        /* [I] */
    { "shutdown_old_master", 5 * SEC_, 15 * SEC_ },   /* "Shutdown NOW!" [I] */
    { "chassis_abort", 10 * SEC_, 30 * SEC_ },        /* no FPC to roll back: the same release [I] */
    { "destroy_backup", 20 * SEC_, 60 * SEC_ },       /* as vm.c [I] */
};

static const ch_pool_label issr_pools[] = {
    { "fpc", "FPC" },
};

/* mgd names the image it restarts, right after the checklist (3.5 [D]). */
static const ch_console_note issr_notes[] = {
    { "validate_image", "Current image is %s" },
};

const ch_family ch_family_issr = {
    "issr",                            /* the spec's family */
    "ISSR switches (request system reboot in-service)",
    "jinstall-jcp-i386-flex-%s.img",   /* the sample's jinstall-jcp-i386-flex-18.1.img [D] */
    issr_timings, sizeof issr_timings / sizeof issr_timings[0],
    100,                               /* the dataplane keeps forwarding (3.5 [D]) */
    issr_pools, sizeof issr_pools / sizeof issr_pools[0],
    issr_notes, sizeof issr_notes / sizeof issr_notes[0],
    NULL,                              /* one chassis: no member chassis */
};
