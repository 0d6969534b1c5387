/* sim_rng.h - the deterministic pseudo-random generator of the simulators
 * (SplitMix64): the same seed gives the same run on every host.  It decides
 * durations and the plant's free choices, never the controller's. */
#ifndef SIM_RNG_H
#define SIM_RNG_H

#include <stdint.h>

typedef struct sim_rng {
    uint64_t state;                    /* SplitMix64 state */
} sim_rng;

void sim_rng_seed(sim_rng *r, uint64_t seed);
uint64_t sim_rng_next(sim_rng *r);
/* Uniform in [lo, hi] (lo <= hi); the modulo bias is below 2^-40 for the
 * ranges the simulators use. */
uint64_t sim_rng_range(sim_rng *r, uint64_t lo, uint64_t hi);

#endif
