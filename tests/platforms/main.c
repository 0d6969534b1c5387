/* main.c - the platform-tests program: the simulation core, the chassis
 * layer with the generated controller and plant, the issu CLI and its
 * signed packages.  CUnit basic interface, verbose; exit status 0 if every
 * test passed, 1 otherwise. */
#include "cu_main.h"
#include "suites.h"

int main(void)
{
    static int (*const reg[])(void) = { register_sim, register_chassis, register_cli, register_package };
    return cu_main("platform-tests", reg, sizeof reg / sizeof reg[0]);
}
