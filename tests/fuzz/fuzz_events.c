/* fuzz_events.c - libFuzzer target: the runtime's event entry with the
 * generated controller of model/issu.fsm, on the runtime tests' scripted
 * HAL (tests/runtime/fake_hal.c).  The input is a program: each byte pair
 * (op, arg) posts an event id (any, also out of range), sets a plant cell
 * to any value (also out of its variable's range), advances the clock, or
 * ticks the timers; after each, the controller steps.  Bad events and bad
 * observations must be refused or reported as contracts, never crash,
 * overflow or leave the chart in a state it does not have. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fake_hal.h"
#include "issu_impl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fh_ctx c;
    static issu m;
    fh_start(&c, &m, 0);
    for (size_t i = 0; i + 1 < size; i += 2) {     /* bound: the input */
        uint8_t op = data[i], arg = data[i + 1];
        switch (op & 3u) {
        case 0:                                    /* an event, in range or not */
            (void)issu_post(&m, (int)arg - 8);
            break;
        case 1: {                                  /* a plant cell, to any value */
            int var = (int)(op >> 2) % ISSU_NPLANT;
            c.plant[var][arg % FH_MAX_ELEMS] = (int32_t)(int8_t)arg;
            break;
        }
        case 2:                                    /* time passes */
            c.now += (issu_time_ms)arg * 1000u;
            issu_tick(&m);
            break;
        default:                                   /* an event of the spec: outcome, fault, operator */
            (void)issu_post(&m, (int)(arg % ISSU_NEVENTS));
            break;
        }
        (void)issu_step(&m);
        if (m.fsm.state < 0 || m.qlen < 0 || m.qlen > m.qcap)
            abort();
    }
    return 0;
}
