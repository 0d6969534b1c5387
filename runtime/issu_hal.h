/* issu_hal.h - the hardware abstraction layer that a platform backend
 * implements for the ISSU runtime: HAL commands, observations of the plant,
 * the clock, console and log output, and journal storage.
 *
 * A backend fills one const issu_hal table and hands it, with its own
 * context pointer, to issu_init() (issu.h); every function receives that
 * context first and the runtime instance number second, so one backend can
 * serve several instances side by side (line-card chassis).  Identifiers
 * (commands, events, plant variables, enum values) are the generated ones
 * of issu_ids.h, produced from the spec by `issu-gen --c-ids`.
 *
 * The contract, in short:
 *   - issue() never blocks.  The backend applies the command's `issue {}`
 *     effect at once, and later reports exactly one outcome by applying the
 *     outcome's effect and then calling issu_post(instance, ISSU_EV_cmd__outcome).
 *   - Timeouts belong to the runtime: it arms a timer of ir_cmd.timeout_ms
 *     per issued command and, when now() passes it, calls expired() (the
 *     backend applies the `timeout` outcome's effect and stops the
 *     operation) and queues the timeout event itself.  A backend never posts
 *     a timeout outcome; one it posts anyway is accepted if the command is
 *     still pending.
 *   - cancel() withdraws a pending command: the backend stops it and posts
 *     no outcome for it.  An outcome posted after a cancel is dropped by the
 *     runtime (issu_post returns ISSU_RC_STALE).
 *   - observe() reads one plant value: a scalar (index 0), an array element
 *     (index = element), or, for a pool, the number of members in one enum
 *     state (index = the member, e.g. ISSU_fru_READY).  Booleans are 0/1,
 *     enums their member index.  It returns ISSU_HAL_OK or
 *     ISSU_HAL_UNAVAILABLE (the value is not observable on this hardware:
 *     a guard reading it is a contract violation, a monitor reading it is
 *     skipped).  A value outside the variable's range (issu_ids.h:
 *     ISSU_PV_LO_/ISSU_PV_HI_) is contract VALUE_RANGE and is then read as
 *     unobservable: it never reaches a guard, a count or a monitor.
 *   - now() is monotonic virtual (or real) time in milliseconds.
 *   - The journal area of an instance holds at least ISSU_JOURNAL_BYTES
 *     (issu.h) bytes; offsets are relative to that area.  A write may be
 *     torn by a reset: the runtime detects it by checksum.  The journal and
 *     what query() and resync() answer must survive a restart of the
 *     runtime (they live with the router, not with the orchestrator).
 *   - Write-ahead: a transition's record is written before any of its
 *     actions reaches the HAL.  After a restart, issu_resume() reconciles
 *     the record with the backend: query() tells how often each command was
 *     issued since issu_init() and whether its last issue still runs;
 *     resync(acked) posts again, in their order, the backend's posts after
 *     its acked-th one since issu_init() (the runtime numbers every
 *     issu_post() call of the instance; the record names the last one it
 *     took).  So a backend numbers its posts and keeps the unconsumed ones.
 *     cancel() and expired() may come again for a command that has ended:
 *     a backend ignores them then.
 *   - Every function may be called from inside issu_run(); none may call
 *     back into the runtime except issu_post(), which only queues.
 */
#ifndef ISSU_HAL_H
#define ISSU_HAL_H

#include <stdint.h>

#include "issu_ids.h"

/* Virtual time in milliseconds. */
typedef uint64_t issu_time_ms;

/* Return codes of the HAL functions that can fail. */
#define ISSU_HAL_OK 0              /* done */
#define ISSU_HAL_UNAVAILABLE 1     /* not observable / not supported here */
#define ISSU_HAL_ERROR 2           /* the operation failed (I/O, refused) */

/* Levels of log(). */
#define ISSU_LOG_ERROR 0
#define ISSU_LOG_WARN 1
#define ISSU_LOG_INFO 2
#define ISSU_LOG_DEBUG 3

typedef struct issu_hal {
    /* Start command `cmd` (ISSU_CMD_x) asynchronously; ISSU_HAL_OK or ISSU_HAL_ERROR
     * (refused: the runtime reports a contract violation and raises no outcome). */
    int (*issue)(void *ctx, int instance, int cmd);
    /* Withdraw the pending command `cmd`: stop it, post no outcome. */
    void (*cancel)(void *ctx, int instance, int cmd);
    /* The runtime's timer for `cmd` ran out: apply the `timeout` outcome's effect
     * and stop the operation; the runtime queues the timeout event itself. */
    void (*expired)(void *ctx, int instance, int cmd);
    /* Read plant variable `var` (ISSU_PV_x) at `index` into *value. */
    int (*observe)(void *ctx, int instance, int var, int32_t index, int32_t *value);
    /* The clock: milliseconds, monotonic. */
    issu_time_ms (*now)(void *ctx);
    /* One console line of the procedure ("ISSU: Validating Image"), with its time. */
    void (*console)(void *ctx, int instance, issu_time_ms time, const char *line);
    /* One diagnostic line (unhandled events, contract violations), no newline. */
    void (*log)(void *ctx, int instance, int level, const char *line);
    /* Journal storage of this instance: ISSU_HAL_OK or ISSU_HAL_ERROR. */
    int (*journal_read)(void *ctx, int instance, uint32_t offset, void *buf, uint32_t len);
    int (*journal_write)(void *ctx, int instance, uint32_t offset, const void *buf, uint32_t len);
    /* Resume only, may be NULL without it.  How often `cmd` was issued to this
     * instance since issu_init() (*issued), and 1 in *running if its last issue
     * has neither posted an outcome nor been cancelled nor expired.  ISSU_HAL_OK. */
    int (*query)(void *ctx, int instance, int cmd, uint32_t *issued, int *running);
    /* Resume only: post again, in order, every issu_post() made to this
     * instance after the acked-th since issu_init(). */
    void (*resync)(void *ctx, int instance, uint32_t acked);
} issu_hal;

#endif
