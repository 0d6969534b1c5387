/* test_system.c - the runtime's system of machines (issu_sys, issu.h
 * "Several machines"), on the generated C of tests/system/system.fsm: a
 * coordinator and an array of workers.  Instances and their numbering,
 * send to one instance and to a whole array, outcomes back to the issuing
 * instance, the fair scheduler's order, a monitor over another machine's
 * state, queue overflow and unrouted sends as contracts, a port's own
 * transport, and journal records that name their instance. */
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "cu_main.h"
#include "issu.h"

#define SY_LINES 64
#define SY_INST 8

/* The fake world: what was issued by whom, the plant, the journal. */
typedef struct sy_world {
    issu_time_ms now;
    int issued[SY_INST][ISSU_DIM(ISSU_NCMDS)];   /* per instance number */
    int32_t job_done[4];
    char trace[SY_LINES][ISSU_TRACE_MAX];
    int ntrace;
    int monitors[ISSU_DIM(ISSU_NPROPS)];         /* monitor reports per property */
    int contracts[200];                          /* contract reports per id */
    int last_error_machine;
    uint8_t journal[SY_INST][ISSU_JOURNAL_BYTES];
    int sent_machine, sent_index, sent_event, nsent;   /* the port's transport */
} sy_world;

static sy_world w;
static issu_sys sys;

static int sy_issue(void *ctx, int instance, int cmd)
{
    sy_world *x = ctx;
    x->issued[instance][cmd]++;
    return ISSU_HAL_OK;
}

static void sy_cancel(void *ctx, int instance, int cmd) { (void)ctx, (void)instance, (void)cmd; }

static int sy_observe(void *ctx, int instance, int var, int32_t index, int32_t *value)
{
    sy_world *x = ctx;
    (void)instance;
    if (var != ISSU_PV_job_done || index < 0 || index >= 4)
        return ISSU_HAL_UNAVAILABLE;
    *value = x->job_done[index];
    return ISSU_HAL_OK;
}

static issu_time_ms sy_now(void *ctx) { return ((sy_world *)ctx)->now; }

static int sy_jread(void *ctx, int instance, uint32_t off, void *buf, uint32_t len)
{
    sy_world *x = ctx;
    memcpy(buf, x->journal[instance] + off, len);
    return ISSU_HAL_OK;
}

static int sy_jwrite(void *ctx, int instance, uint32_t off, const void *buf, uint32_t len)
{
    sy_world *x = ctx;
    memcpy(x->journal[instance] + off, buf, len);
    return ISSU_HAL_OK;
}

/* Resume: the issues per instance; this world keeps no post to post again. */
static int sy_query(void *ctx, int instance, int cmd, uint32_t *issued, int *running)
{
    sy_world *x = ctx;
    *issued = (uint32_t)x->issued[instance][cmd];
    *running = 0;
    return ISSU_HAL_OK;
}

static void sy_resync(void *ctx, int instance, uint32_t acked) { (void)ctx, (void)instance, (void)acked; }

static const issu_hal sy_hal = { sy_issue, sy_cancel, NULL, sy_observe, sy_now, NULL, NULL, sy_jread, sy_jwrite,
                                 sy_query, sy_resync };

static void sy_trace(void *ctx, const issu *m, const char *line)
{
    sy_world *x = ctx;
    (void)m;
    if (x->ntrace < SY_LINES)
        snprintf(x->trace[x->ntrace++], ISSU_TRACE_MAX, "%s", line);
}

static void sy_error(void *ctx, const issu *m, const issu_error *e)
{
    sy_world *x = ctx;
    (void)m;
    if (e->kind == ISSU_ERR_MONITOR)
        x->monitors[e->id]++;
    else if (e->id >= 0 && e->id < 200)
        x->contracts[e->id]++;
    x->last_error_machine = e->machine;
}

static issu_cfg sy_cfg(int profile)
{
    issu_cfg cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.hal = &sy_hal;
    cfg.hal_ctx = &w;
    cfg.profile = profile;
    cfg.trace = sy_trace;
    cfg.trace_ctx = &w;
    cfg.error = sy_error;
    cfg.error_ctx = &w;
    return cfg;
}

static void sy_start(int profile)
{
    memset(&w, 0, sizeof w);
    issu_cfg cfg = sy_cfg(profile);
    CU_ASSERT_EQUAL_FATAL(issu_sys_init(&sys, &cfg), ISSU_RC_OK);
}

static issu *coord(void) { return issu_sys_get(&sys, ISSU_M_coord, 0); }
static issu *worker(int i) { return issu_sys_get(&sys, ISSU_M_worker, i); }

static int state(issu *m)
{
    issu_status st;
    issu_get_status(m, &st);
    return st.state;
}

static int traced(const char *what)
{
    for (int i = 0; i < w.ntrace; i++)
        if (strstr(w.trace[i], what))
            return i;
    return -1;
}

static void test_instances(void)
{
    sy_start(ISSU_PROF_three);
    CU_ASSERT_EQUAL(issu_instances(ISSU_PROF_two, ISSU_M_worker), 2);
    CU_ASSERT_EQUAL(issu_instances(ISSU_PROF_three, ISSU_M_worker), 3);
    CU_ASSERT_EQUAL(issu_instances(ISSU_PROF_three, ISSU_M_coord), 1);
    CU_ASSERT_EQUAL(issu_instances(ISSU_PROF_three, ISSU_NMACHINES), 0);
    CU_ASSERT_PTR_EQUAL(issu_sys_at(&sys, 0), coord());
    CU_ASSERT_PTR_EQUAL(issu_sys_at(&sys, 3), worker(2));
    CU_ASSERT_PTR_NULL(worker(3));
    CU_ASSERT_PTR_NULL(issu_sys_at(&sys, 4));
    issu_status st;
    issu_get_status(worker(2), &st);
    CU_ASSERT_EQUAL(st.machine, ISSU_M_worker);
    CU_ASSERT_EQUAL(st.index, 2);
    CU_ASSERT_STRING_EQUAL(st.state_name, "IDLE");
    CU_ASSERT_STRING_EQUAL(issu_machine_name(ISSU_M_worker), "worker");
    CU_ASSERT_EQUAL(issu_machine_id("coord"), ISSU_M_coord);
    CU_ASSERT_EQUAL(issu_machine_id("nobody"), -1);
    CU_ASSERT_STRING_EQUAL(issu_state_name(ISSU_M_worker, ISSU_ST_worker_WORKING), "WORKING");
    CU_ASSERT_STRING_EQUAL(issu_var_name(ISSU_M_coord, ISSU_CV_coord_bad), "bad");
    CU_ASSERT(issu_sys_settled(&sys));
}

/* start: coord sends go to every worker; each issues its own job. */
static void test_send_to_array(void)
{
    sy_start(ISSU_PROF_two);
    CU_ASSERT_EQUAL(issu_post(coord(), ISSU_EV_start), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_sys_run(&sys, 10), 3);
    CU_ASSERT_EQUAL(state(coord()), ISSU_ST_coord_BUSY);
    CU_ASSERT_EQUAL(state(worker(0)), ISSU_ST_worker_WORKING);
    CU_ASSERT_EQUAL(state(worker(1)), ISSU_ST_worker_WORKING);
    CU_ASSERT_EQUAL(w.issued[1][ISSU_CMD_job], 1);
    CU_ASSERT_EQUAL(w.issued[2][ISSU_CMD_job], 1);
    CU_ASSERT_EQUAL(w.issued[0][ISSU_CMD_job], 0);
    CU_ASSERT(traced("{\"send\":\"go\",\"to\":\"worker\",\"instance\":-1}") >= 0);
    CU_ASSERT(traced("\"machine\":\"worker\",\"instance\":1,") >= 0);
    CU_ASSERT(!issu_sys_settled(&sys));
}

/* An outcome goes to the instance that issued; the run ends settled. */
static void test_outcomes_back_to_issuer(void)
{
    test_send_to_array();
    w.job_done[1] = 1;
    CU_ASSERT_EQUAL(issu_post(worker(1), ISSU_EV_job__ok), ISSU_RC_OK);
    CU_ASSERT_EQUAL(issu_post(worker(0), ISSU_EV_job__ok), ISSU_RC_OK);
    issu_sys_run(&sys, 10);
    CU_ASSERT_EQUAL(state(coord()), ISSU_ST_coord_IDLE);
    CU_ASSERT_EQUAL(issu_var(coord(), ISSU_CV_coord_done), 0);
    CU_ASSERT(traced("\"machine\":\"worker\",\"instance\":1,\"trans\"") >= 0);
    CU_ASSERT(traced("coord: all finished") >= 0);
    CU_ASSERT(issu_sys_settled(&sys));
    /* a worker that issued nothing gets no outcome: stale, dropped */
    CU_ASSERT_EQUAL(issu_post(worker(1), ISSU_EV_job__ok), ISSU_RC_STALE);
    int total = 0;
    for (int p = 0; p < ISSU_NPROPS; p++)
        total += w.monitors[p];
    CU_ASSERT_EQUAL(total, 0);
}

/* Round robin: after instance i steps, the next with an event is after i. */
static void test_fair_order(void)
{
    sy_start(ISSU_PROF_three);
    issu_post(worker(2), ISSU_EV_rogue);
    issu_post(worker(0), ISSU_EV_rogue);
    issu_post(worker(0), ISSU_EV_go);
    issu_post(worker(1), ISSU_EV_go);
    issu_post(worker(2), ISSU_EV_go);
    for (int i = 0; i < 5; i++)
        CU_ASSERT_NOT_EQUAL(issu_sys_step(&sys), ISSU_RC_EMPTY);
    CU_ASSERT_EQUAL(issu_sys_step(&sys), ISSU_RC_EMPTY);
    static const char *const who[] = { "\"instance\":0,", "\"instance\":1,", "\"instance\":2,",
                                       "\"instance\":0,", "\"instance\":2," };
    static const char *const what[] = { "\"event\":\"rogue\",\"to\":\"WORKING\"",
                                        "\"event\":\"go\",\"to\":\"WORKING\"",
                                        "\"event\":\"rogue\",\"to\":\"WORKING\"",
                                        "\"unhandled\":\"ignored\"", "\"unhandled\":\"ignored\"" };
    CU_ASSERT_EQUAL_FATAL(w.ntrace, 5);
    for (int i = 0; i < 5; i++)
        CU_ASSERT(strstr(w.trace[i], who[i]) && strstr(w.trace[i], what[i]));
}

/* S1 reads the coordinator's state: a worker's step can violate it. */
static void test_monitor_over_another_machine(void)
{
    sy_start(ISSU_PROF_two);
    issu_post(worker(1), ISSU_EV_rogue);
    CU_ASSERT_EQUAL(issu_sys_step(&sys), ISSU_RC_OK);
    CU_ASSERT_EQUAL(w.monitors[ISSU_PROP_S1], 1);
    CU_ASSERT_EQUAL(w.last_error_machine, ISSU_M_worker);
    CU_ASSERT_EQUAL(w.monitors[ISSU_PROP_S2], 0);
}

/* A full queue is contract 101, the event dropped, the state unchanged. */
static void test_queue_overflow(void)
{
    sy_start(ISSU_PROF_two);
    int posted = 0;
    issu_rc rc = ISSU_RC_OK;
    while (rc == ISSU_RC_OK && posted <= ISSU_QUEUE_LEN) {
        rc = issu_post(coord(), ISSU_EV_flood);
        posted += rc == ISSU_RC_OK;
    }
    CU_ASSERT_EQUAL(rc, ISSU_RC_QUEUE_FULL);
    CU_ASSERT(posted >= 1 && posted <= ISSU_QUEUE_LEN);
    CU_ASSERT_EQUAL(w.contracts[ISSU_C_QUEUE_OVERFLOW], 1);
    CU_ASSERT_EQUAL(state(coord()), ISSU_ST_coord_IDLE);
    CU_ASSERT_EQUAL(issu_sys_run(&sys, 100), posted);
}

/* A lone instance has nobody to send to: contract 115. */
static void test_send_unrouted(void)
{
    static issu lone;
    memset(&w, 0, sizeof w);
    issu_cfg cfg = sy_cfg(ISSU_PROF_two);
    cfg.machine = ISSU_M_coord;
    CU_ASSERT_EQUAL_FATAL(issu_init(&lone, &cfg), ISSU_RC_OK);
    issu_post(&lone, ISSU_EV_start);
    CU_ASSERT_EQUAL(issu_step(&lone), ISSU_RC_OK);
    CU_ASSERT_EQUAL(w.contracts[ISSU_C_SEND_UNROUTED], 1);
    cfg.machine = ISSU_M_worker;
    cfg.index = 2;                     /* profile two has workers 0 and 1 */
    CU_ASSERT_EQUAL(issu_init(&lone, &cfg), ISSU_RC_BAD_ARG);
    cfg.machine = ISSU_NMACHINES;
    cfg.index = 0;
    CU_ASSERT_EQUAL(issu_init(&lone, &cfg), ISSU_RC_BAD_ARG);
}

/* A profile with no instance of an array: a send to the whole array
 * reaches nobody, as in the model, and is no contract violation. */
static void test_send_to_empty_array(void)
{
    sy_start(ISSU_PROF_none);
    CU_ASSERT_EQUAL(issu_instances(ISSU_PROF_none, ISSU_M_worker), 0);
    CU_ASSERT_PTR_NULL(worker(0));
    issu_post(coord(), ISSU_EV_start);
    CU_ASSERT_EQUAL(issu_sys_run(&sys, 10), 1);
    CU_ASSERT_EQUAL(state(coord()), ISSU_ST_coord_BUSY);
    CU_ASSERT_EQUAL(w.contracts[ISSU_C_SEND_UNROUTED], 0);
    CU_ASSERT(traced("{\"send\":\"go\",\"to\":\"worker\",\"instance\":-1}") >= 0);
}

static int sy_port(void *ctx, const issu *from, int event, int machine, int32_t index)
{
    sy_world *x = ctx;
    (void)from;
    x->sent_event = event;
    x->sent_machine = machine;
    x->sent_index = (int)index;
    x->nsent++;
    return x->nsent > 1 ? -1 : 0;      /* the second send: the link is down */
}

/* A port's transport replaces the local queues: the send goes through it,
 * and one it cannot deliver is reported. */
static void test_port_transport(void)
{
    memset(&w, 0, sizeof w);
    issu_cfg cfg = sy_cfg(ISSU_PROF_two);
    cfg.send = sy_port;
    cfg.send_ctx = &w;
    CU_ASSERT_EQUAL_FATAL(issu_sys_init(&sys, &cfg), ISSU_RC_OK);
    issu_post(coord(), ISSU_EV_start);
    CU_ASSERT_EQUAL(issu_sys_run(&sys, 10), 1);
    CU_ASSERT_EQUAL(w.nsent, 1);
    CU_ASSERT_EQUAL(w.sent_event, ISSU_EV_go);
    CU_ASSERT_EQUAL(w.sent_machine, ISSU_M_worker);
    CU_ASSERT_EQUAL(w.sent_index, -1);
    CU_ASSERT_EQUAL(state(worker(0)), ISSU_ST_worker_IDLE);
    CU_ASSERT_EQUAL(w.contracts[ISSU_C_SEND_UNROUTED], 0);
    /* a transport that cannot deliver: an event lost is contract 115 */
    issu_post(coord(), ISSU_EV_flood);   /* IDLE -> IDLE: sends nothing */
    issu_sys_run(&sys, 10);
    CU_ASSERT_EQUAL(w.contracts[ISSU_C_SEND_UNROUTED], 0);
    issu_post(worker(0), ISSU_EV_rogue);
    issu_sys_run(&sys, 10);
    issu_post(worker(0), ISSU_EV_job__ok);
    issu_sys_run(&sys, 10);
    CU_ASSERT_EQUAL(w.nsent, 2);
    CU_ASSERT_EQUAL(w.contracts[ISSU_C_SEND_UNROUTED], 1);
}

/* Each instance journals into its own area, and its records say whose they
 * are: another instance's record is never resumed from. */
static void test_journal_names_instance(void)
{
    test_send_to_array();
    static issu again;
    issu_resume_info info;
    issu_cfg cfg = sy_cfg(ISSU_PROF_two);
    cfg.machine = ISSU_M_worker;
    cfg.index = 1;
    cfg.instance = 2;
    CU_ASSERT_EQUAL(issu_resume(&again, &cfg, &info), ISSU_RC_OK);
    CU_ASSERT_EQUAL(info.state, ISSU_ST_worker_WORKING);
    CU_ASSERT_EQUAL(info.pending, 1u << ISSU_CMD_job);
    cfg.index = 0;                     /* worker 0 reading worker 1's area */
    CU_ASSERT_EQUAL(issu_resume(&again, &cfg, &info), ISSU_RC_NO_JOURNAL);
    CU_ASSERT(info.skipped > 0);
}

static int register_system(void)
{
    CU_pSuite s = CU_add_suite("system", NULL, NULL);
    if (!s || !CU_add_test(s, "instances and their numbers", test_instances)
        || !CU_add_test(s, "send to a machine array", test_send_to_array)
        || !CU_add_test(s, "outcomes go back to the issuing instance", test_outcomes_back_to_issuer)
        || !CU_add_test(s, "the fair round-robin order", test_fair_order)
        || !CU_add_test(s, "a monitor over another machine's state fires", test_monitor_over_another_machine)
        || !CU_add_test(s, "a queue overflow is contract 101", test_queue_overflow)
        || !CU_add_test(s, "a send nobody can route is contract 115", test_send_unrouted)
        || !CU_add_test(s, "a send to an array with no instance reaches nobody", test_send_to_empty_array)
        || !CU_add_test(s, "a port's transport carries send", test_port_transport)
        || !CU_add_test(s, "journal records name their instance", test_journal_names_instance))
        return -1;
    return 0;
}

int main(void)
{
    static int (*const reg[])(void) = { register_system };
    return cu_main("system-tests", reg, sizeof reg / sizeof reg[0]);
}
