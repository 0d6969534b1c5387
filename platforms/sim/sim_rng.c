/* sim_rng.c - SplitMix64 (Steele, Lea, Flood 2014), see sim_rng.h. */
#include "sim_rng.h"

#include <assert.h>
#include <stddef.h>

void sim_rng_seed(sim_rng *r, uint64_t seed)
{
    assert(r != NULL);
    r->state = seed;
}

uint64_t sim_rng_next(sim_rng *r)
{
    assert(r != NULL);
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint64_t sim_rng_range(sim_rng *r, uint64_t lo, uint64_t hi)
{
    assert(r != NULL && lo <= hi);
    uint64_t span = hi - lo;
    if (span == UINT64_MAX)
        return sim_rng_next(r);
    return lo + sim_rng_next(r) % (span + 1);
}
