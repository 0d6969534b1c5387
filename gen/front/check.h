/* check.h - name resolution and type checking: AST to IR.
 *
 * ck_check() reports every naming and typing error it finds and returns -1
 * if there was any; the IR is then incomplete and must not be used.  It
 * first merges each 'extend machine' into its machine, and lowers each
 * transition on a list of events to one transition per event, so the IR is
 * what writing them out in one machine body would give.  The
 * value-dependent checks (guards, ranges, reachability) come after it, in
 * analyze.h, on a complete IR.
 */
#ifndef ISSU_CHECK_H
#define ISSU_CHECK_H

#include "ast.h"
#include "ir.h"

int ck_check(const ast_spec *ast, const char *file, ir_spec **out);

#endif
