/* suites.h - the registration function of each test file; main.c calls
 * them in this order.  Each returns 0, or -1 after a CUnit registry error. */
#ifndef ISSU_SUITES_H
#define ISSU_SUITES_H

int register_lex(void);          /* test_lex.c: the lexer on buffers */
int register_check(void);        /* test_check.c: checker and analyses on inline specs */
int register_golden(void);       /* test_golden.c: issu-gen on tests/golden/ */
int register_robust(void);       /* test_robust.c: hostile input never crashes issu-gen */
int register_scenario(void);     /* test_scenario.c: --scenario and --trace on SPIN replays */
int register_modular(void);      /* test_modular.c: include, event lists, extend machine */
int register_prune(void);        /* test_prune.c: a profile's model holds what its family has */

#endif
