/* parse.h - recursive-descent parser: tokens to AST.
 *
 * The parser stops at the first syntax error (reported through diag), or
 * at the first error in a file it includes; the AST is then not returned.  Nesting of expressions and blocks is limited to
 * PS_MAX_DEPTH so that hostile input cannot exhaust the stack.
 */
#ifndef ISSU_PARSE_H
#define ISSU_PARSE_H

#include "ast.h"
#include "lex.h"

#define PS_MAX_DEPTH 200

/* Called at a top-level 'include "path";' (at: the 'include'): sets *decls
 * to the declarations of the included file, in order, and returns 0, or
 * returns -1 after reporting an error. */
typedef int (*ps_include_fn)(void *arg, const char *path, loc at, ast_decl **decls);

/* Returns 0 and fills *out, or -1 after reporting an error.  An 'include'
 * is read by include(arg, ...); with include NULL it is an error. */
int ps_parse(const lx_tokens *toks, ps_include_fn include, void *arg, ast_spec *out);

#endif
