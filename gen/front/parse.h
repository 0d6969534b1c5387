/* parse.h - recursive-descent parser: tokens to AST.
 *
 * The parser stops at the first syntax error (reported through diag); the
 * AST is then not returned.  Nesting of expressions and blocks is limited to
 * PS_MAX_DEPTH so that hostile input cannot exhaust the stack.
 */
#ifndef ISSU_PARSE_H
#define ISSU_PARSE_H

#include "ast.h"
#include "lex.h"

#define PS_MAX_DEPTH 200

/* Returns 0 and fills *out, or -1 after reporting an error. */
int ps_parse(const lx_tokens *toks, ast_spec *out);

#endif
