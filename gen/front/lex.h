/* lex.h - the lexer of the specification language.
 *
 * lx_lex() turns a whole buffer into a token array (in the arena).  The
 * buffer may contain anything: NUL bytes, invalid UTF-8 and binary data are
 * reported as located errors, never read past.  Keywords are their own token
 * kinds, listed once in LX_KEYWORDS.
 */
#ifndef ISSU_LEX_H
#define ISSU_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define LX_MAX_IDENT 63          /* longest identifier, in bytes */
#define LX_MAX_STRING 4095       /* longest string literal, in bytes */
#define LX_MAX_INT 2147483647LL  /* largest integer or duration (ms) */

/* X(token, spelling) */
#define LX_KEYWORDS(X) \
    X(K_ALL, "all") X(K_ANY, "any") X(K_ARRAY, "array") X(K_BOOL, "bool") \
    X(K_CANCEL, "cancel") X(K_COMMAND, "command") X(K_CONSOLE, "console") \
    X(K_CONST, "const") X(K_COUNT, "count") X(K_EACH, "each") X(K_ELSE, "else") X(K_ENUM, "enum") \
    X(K_EVENT, "event") X(K_FAULT, "fault") X(K_FALSE, "false") \
    X(K_FAMILY, "family") X(K_FINAL, "final") X(K_FOR, "for") X(K_FROM, "from") \
    X(K_IF, "if") X(K_IGNORE, "ignore") X(K_IN, "in") X(K_INITIAL, "initial") \
    X(K_INVARIANT, "invariant") X(K_ISSUE, "issue") X(K_LIMIT, "limit") \
    X(K_LTL, "ltl") X(K_MACHINE, "machine") X(K_MOVE, "move") X(K_OF, "of") \
    X(K_ON, "on") X(K_ONE, "one") X(K_OPERATOR, "operator") X(K_OPTION, "option") \
    X(K_OTHERWISE, "otherwise") X(K_PARAM, "param") \
    X(K_PENDING, "pending") X(K_PLANT, "plant") X(K_POOL, "pool") \
    X(K_PRIORITY, "priority") X(K_PROFILE, "profile") X(K_REJECT, "reject") \
    X(K_SELF, "self") X(K_SEND, "send") X(K_SILENT, "silent") X(K_SIZE, "size") \
    X(K_STATE, "state") X(K_SYMMETRIC, "symmetric") X(K_TIMEOUT, "timeout") X(K_TO, "to") X(K_TRUE, "true") \
    X(K_TYPE, "type") X(K_UNTIL, "U") X(K_VAR, "var") X(K_WHEN, "when")

/* X(token, spelling) for punctuation */
#define LX_PUNCT(X) \
    X(T_LBRACE, "{") X(T_RBRACE, "}") X(T_LPAREN, "(") X(T_RPAREN, ")") \
    X(T_LBRACK, "[") X(T_RBRACK, "]") X(T_SEMI, ";") X(T_COMMA, ",") \
    X(T_COLON, ":") X(T_DOT, ".") X(T_DOTDOT, "..") X(T_ASSIGN, "=") \
    X(T_EQ, "==") X(T_NE, "!=") X(T_LT, "<") X(T_LE, "<=") X(T_GT, ">") \
    X(T_GE, ">=") X(T_PLUS, "+") X(T_MINUS, "-") X(T_NOT, "!") X(T_AND, "&&") \
    X(T_OR, "||") X(T_ARROW, "->") X(T_IFF, "<->") X(T_ALWAYS, "[]") \
    X(T_EVENTUALLY, "<>")

#define LX_ENUM_ITEM(tok, text) tok,
typedef enum lx_kind {
    T_EOF,
    T_ID,
    T_INT,
    T_DUR,
    T_STR,
    LX_PUNCT(LX_ENUM_ITEM)
    LX_KEYWORDS(LX_ENUM_ITEM)
    T_COUNT_
} lx_kind;
#undef LX_ENUM_ITEM

typedef struct lx_token {
    lx_kind kind;                /* token kind */
    loc at;                      /* where it starts */
    const char *text;            /* identifier name or decoded string (arena) */
    int64_t num;                 /* integer value, or duration in ms */
} lx_token;

typedef struct lx_tokens {
    lx_token *v;                 /* tokens, ending with T_EOF */
    size_t n;                    /* count, including T_EOF */
} lx_tokens;

/* Lex buf[0..len), the text of 'file' (which every location carries;
 * NULL: the file given to diag_init); errors go to diag.  Returns 0 on
 * success, -1 on error. */
int lx_lex(const char *file, const char *buf, size_t len, lx_tokens *out);
const char *lx_kind_name(lx_kind k);   /* "'{'", "identifier", ... */

#endif
