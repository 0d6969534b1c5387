/* bench.c - `make bench`: events per second of the generated controller on
 * the host, release build, with a stub HAL (plant in memory, journal in
 * memory, no trace).  Each cycle is start -> VALIDATING -> abort -> IDLE:
 * two transitions with their guards, journal records, console lines, an
 * issue and a cancel, and the monitors after each step.  Printed, never
 * asserted: timings depend on the machine. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "issu.h"

static int32_t plant[ISSU_NPLANT][16];
static uint8_t journal[ISSU_JOURNAL_BYTES];
static issu_time_ms clock_ms;

static int b_issue(void *c, int i, int cmd) { (void)c; (void)i; (void)cmd; return ISSU_HAL_OK; }
static void b_cancel(void *c, int i, int cmd) { (void)c; (void)i; (void)cmd; }
static issu_time_ms b_now(void *c) { (void)c; return clock_ms; }
static void b_console(void *c, int i, issu_time_ms t, const char *l) { (void)c; (void)i; (void)t; (void)l; }

static int b_observe(void *c, int i, int var, int32_t index, int32_t *v)
{
    (void)c;
    (void)i;
    *v = plant[var][index & 15];
    return ISSU_HAL_OK;
}

static int b_jwrite(void *c, int i, uint32_t off, const void *buf, uint32_t len)
{
    (void)c;
    (void)i;
    memcpy(journal + off, buf, len);
    return ISSU_HAL_OK;
}

static const issu_hal bench_hal = { b_issue, b_cancel, NULL, b_observe, b_now, b_console, NULL, NULL, b_jwrite, NULL, NULL };

int main(void)
{
    static issu m;
    issu_cfg cfg = { &bench_hal, NULL, 0, ISSU_PROF_mx480, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL };
    static const int ok[] = {
        ISSU_PV_gres_ready, ISSU_PV_nsr_synced, ISSU_PV_gres_configured, ISSU_PV_nsr_configured,
        ISSU_PV_versions_match, ISSU_PV_target_newer, ISSU_PV_within_3_releases,
        ISSU_PV_no_sdk_packages, ISSU_PV_disk_space, ISSU_PV_config_supported,
        ISSU_PV_config_compatible, ISSU_PV_image_signed,
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        plant[ok[i]][0] = 1;
    plant[ISSU_PV_re_role][1] = ISSU_role_BACKUP;
    plant[ISSU_PV_fpc][ISSU_fru_ONLINE_OLD] = 6;
    if (issu_init(&m, &cfg) != ISSU_RC_OK)
        return 1;
    const long cycles = 200000;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long n = 0; n < cycles; n++) {
        issu_post(&m, ISSU_EV_start);
        issu_post(&m, ISSU_EV_abort);
        issu_run(&m, 2);
        clock_ms++;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    issu_status st;
    issu_get_status(&m, &st);
    printf("bench: %ld events in %.3f s: %.0f events/s (%u transitions, state %s)\n", 2 * cycles, s,
           (double)(2 * cycles) / s, st.transitions, st.state_name);
    printf("bench: sizeof(issu) = %zu bytes per instance (queue %d, journal record %u bytes)\n",
           sizeof m, ISSU_QUEUE_LEN, (unsigned)ISSU_JREC_BYTES);
    return st.transitions == 2u * (unsigned long)cycles ? 0 : 1;
}
