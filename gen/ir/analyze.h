/* analyze.h - value- and graph-dependent checks on a resolved IR, and the
 * lowering of priorities to mutually exclusive guards.
 *
 * an_analyze() runs after ck_check() succeeded.  It decides, by enumerating
 * the bounded domains per profile: overlapping and incomplete guards,
 * transitions that can never be taken, values and indices out of range.  By
 * graph analysis: unreachable states, non-final dead ends, which commands
 * may be pending in each state, and which events can arrive where.  It fills
 * ir_machine.policy/arrives/pending and ir_trans.xguard.  Returns -1 if it
 * reported any error.
 */
#ifndef ISSU_ANALYZE_H
#define ISSU_ANALYZE_H

#include "ir.h"

int an_analyze(ir_spec *s);

#endif
