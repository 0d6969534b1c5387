/* suites.h - the registration function of each runtime test file; main.c
 * calls them in this order.  Each returns 0, or -1 after a CUnit error. */
#ifndef RT_SUITES_H
#define RT_SUITES_H

int register_fsm(void);          /* test_fsm.c: the Ragel chart equals the IR's transitions */
int register_run(void);          /* test_run.c: run to completion, trace, unhandled events */
int register_queue(void);        /* test_queue.c: queue bounds, cancel drops a queued outcome */
int register_timer(void);        /* test_timer.c: timeouts at the deadline, cancelled timers */
int register_journal(void);      /* test_journal.c: journal, torn records, resume */
int register_monitor(void);      /* test_monitor.c: invariants over bad observations */
int register_instances(void);    /* test_instances.c: instances side by side, contracts */

#endif
