/* replay.c - the generic replay driver of the conformance check, for a
 * spec that no platform simulates:
 *
 *   replay [--platform PROFILE] [--quiet] [--c-traces] TRACE...
 *
 * Linked with the generated C of the spec, the runtime and the replay
 * backend (platforms/replay) only, it runs each TRACE (JSON lines of a
 * model run, issu-gen --trace) through a fresh system of every instance of
 * the profile (rp_run): the C must take the same step at every machine
 * line.  With --c-traces it writes the C's own trace lines of each TRACE to
 * TRACE with ".jsonl" replaced by ".c.jsonl", for issu-gen --check-trace
 * (C to model).  It is `issu replay` (the same rp_main) without the
 * simulator.
 *
 * Exit status: 0 every trace agrees, 1 a step differs, 2 bad usage or an
 * unreadable or malformed trace, 3 the C's monitors report a violation.
 */
#include "rp.h"

int main(int argc, char **argv)
{
    return rp_main("replay", "profile", argc - 1, argv + 1);
}
