/* vm.c - the VM-based family (QFX5100, EX4600, ACX5000; DOMAIN 3.4, 4.5):
 * Junos runs as a VM on a Linux host with one CPU; ISSU spawns the backup RE
 * as a second VM on the new software, moves the devices to it, switches
 * mastership and shuts the old VM down.  The PFE hardware is never reset
 * (3.4 [O]), so the spec's profiles have no FPC (slots = 0) and the family
 * labels no FRU pool. */
#include "ch_family.h"

/* Declared where the table uses it (families.c). */
extern const ch_family ch_family_vm;

#define SEC_ 1000u                     /* ms per second */

/* DOMAIN 3.4 gives the steps, no durations: every figure here is [I].  Not
 * listed: backup_resync (step 4), which the shared duration rule already
 * makes a resync without a boot (1-4 min) because the spawned VM is up;
 * validate_image and re_switchover, the shared figures. */
static const ch_timing vm_timings[] = {
    { "spawn_backup", 180 * SEC_, 360 * SEC_ },       /* step 3: a VM boots on the new image [I] */
    { "device_handoff", 2 * SEC_, 10 * SEC_ },        /* step 5: drivers detach and re-attach [I] */
    { "device_handback", 2 * SEC_, 10 * SEC_ },       /* the same move, back to the master [I] */
    { "shutdown_old_master", 15 * SEC_, 45 * SEC_ },  /* step 7: the old VM is shut down [I] */
    { "destroy_backup", 20 * SEC_, 60 * SEC_ },       /* abort: the spawned VM stopped and removed [I] */
};

const ch_family ch_family_vm = {
    "vm",                              /* the spec's family */
    "QFX5100, EX4600 and ACX5000 (VM-based ISSU)",
    "jinstall-host-%s-signed.tgz",
    vm_timings, sizeof vm_timings / sizeof vm_timings[0],
    100,                               /* the PFE is never reset (3.4 [O]) */
    NULL, 0,                           /* no FRU pool */
    NULL, 0,                           /* no console line of its own */
    NULL,                              /* one chassis: no member chassis */
};
