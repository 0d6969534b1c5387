/* main.c - the runtime test program: registers every suite and runs them
 * with CUnit's basic interface; exit status 0 only if every test passed. */
#include "cu_main.h"
#include "suites.h"

int main(void)
{
    static int (*const reg[])(void) = {
        register_fsm, register_run, register_queue, register_timer,
        register_journal, register_monitor, register_instances,
    };
    return cu_main("runtime-tests", reg, sizeof reg / sizeof reg[0]);
}
