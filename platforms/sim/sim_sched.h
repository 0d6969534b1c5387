/* sim_sched.h - the virtual clock and the scheduler of timed completions
 * shared by every simulated platform.
 *
 * Virtual time is a count of milliseconds since the simulation started; it
 * only moves forward, and only when the driver pops the next due entry (or
 * advances to a runtime timer's deadline).  Entries live in a fixed table of
 * SIM_SCHED_CAP slots owned by the caller's struct: no allocation, and a
 * full table is an error the caller sees, never a silent drop.  Entries due
 * at the same instant come out in the order they were added (FIFO), so a run
 * is a pure function of its inputs and seed.
 */
#ifndef SIM_SCHED_H
#define SIM_SCHED_H

#include <stdint.h>

typedef uint64_t sim_ms;               /* virtual time, milliseconds */

#define SIM_SCHED_CAP 64u              /* bound: entries pending at once */
#define SIM_MS_NEVER UINT64_MAX        /* "no deadline" */

typedef struct sim_entry {
    sim_ms due;                        /* virtual time at which it fires */
    uint32_t id;                       /* handle for cancel; 0 = free slot */
    uint32_t kind;                     /* caller's discriminator */
    uint32_t arg;                      /* caller's argument */
} sim_entry;

typedef struct sim_sched {
    sim_ms now;                        /* the virtual clock */
    uint32_t next_id;                  /* next handle; also the FIFO order */
    uint32_t count;                    /* used slots */
    sim_entry e[SIM_SCHED_CAP];        /* the table; id 0 marks a free slot */
} sim_sched;

/* Empty table, clock at 0. */
void sim_sched_init(sim_sched *s);

/* Schedule (kind, arg) 'delay' ms from now.  Returns the entry's handle
 * (never 0), or 0 if the table is full (nothing is added). */
uint32_t sim_sched_add(sim_sched *s, sim_ms delay, uint32_t kind, uint32_t arg);

/* Remove the entry with this handle.  Returns 1 if it was pending, 0 if it
 * had already fired, been cancelled, or never existed. */
int sim_sched_cancel(sim_sched *s, uint32_t id);

/* Due time of the earliest entry, or SIM_MS_NEVER when the table is empty. */
sim_ms sim_sched_next_due(const sim_sched *s);

/* Pop the earliest entry if it is due at or before 'limit' (ties: the one
 * added first), move the clock to its due time, copy it to *out and return
 * 1; otherwise return 0 and change nothing. */
int sim_sched_pop(sim_sched *s, sim_ms limit, sim_entry *out);

/* Move the clock forward to t (never backwards). */
void sim_sched_advance(sim_sched *s, sim_ms t);

#endif
