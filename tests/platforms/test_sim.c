/* test_sim.c - the shared simulation core: virtual clock and scheduler
 * (order, ties, capacity, cancel), the PRNG's determinism, fault specs
 * (every form parses, bad ones are refused with a reason, points fire when
 * reached) and the traffic model's integrals. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "sim_fault.h"
#include "sim_rng.h"
#include "sim_sched.h"
#include "sim_traffic.h"
#include "suites.h"

static void sched_order_and_clock(void)
{
    sim_sched s;
    sim_entry e;
    sim_sched_init(&s);
    CU_ASSERT(sim_sched_add(&s, 500, 1, 10) != 0);
    CU_ASSERT(sim_sched_add(&s, 100, 1, 20) != 0);
    CU_ASSERT(sim_sched_add(&s, 500, 1, 30) != 0);   /* tie with 10: after it */
    CU_ASSERT_EQUAL(sim_sched_next_due(&s), 100);
    CU_ASSERT_FALSE(sim_sched_pop(&s, 99, &e));       /* not due yet */
    CU_ASSERT_EQUAL(s.now, 0);
    CU_ASSERT_TRUE(sim_sched_pop(&s, SIM_MS_NEVER, &e));
    CU_ASSERT_EQUAL(e.arg, 20);
    CU_ASSERT_EQUAL(s.now, 100);
    CU_ASSERT_TRUE(sim_sched_pop(&s, SIM_MS_NEVER, &e));
    CU_ASSERT_EQUAL(e.arg, 10);
    CU_ASSERT_TRUE(sim_sched_pop(&s, SIM_MS_NEVER, &e));
    CU_ASSERT_EQUAL(e.arg, 30);
    CU_ASSERT_EQUAL(s.now, 500);
    CU_ASSERT_EQUAL(sim_sched_next_due(&s), SIM_MS_NEVER);
    sim_sched_advance(&s, 400);                       /* never backwards */
    CU_ASSERT_EQUAL(s.now, 500);
}

static void sched_capacity_and_cancel(void)
{
    sim_sched s;
    sim_entry e;
    uint32_t ids[SIM_SCHED_CAP];
    sim_sched_init(&s);
    for (uint32_t i = 0; i < SIM_SCHED_CAP; i++) {
        ids[i] = sim_sched_add(&s, 1000u + i, 0, i);
        CU_ASSERT(ids[i] != 0);
    }
    CU_ASSERT_EQUAL(sim_sched_add(&s, 1, 0, 99), 0);  /* full: refused, not dropped silently */
    CU_ASSERT_EQUAL(s.count, SIM_SCHED_CAP);
    CU_ASSERT_TRUE(sim_sched_cancel(&s, ids[0]));
    CU_ASSERT_FALSE(sim_sched_cancel(&s, ids[0]));    /* already gone */
    CU_ASSERT_FALSE(sim_sched_cancel(&s, 0));
    CU_ASSERT(sim_sched_add(&s, 1, 0, 99) != 0);      /* room again */
    CU_ASSERT_TRUE(sim_sched_pop(&s, SIM_MS_NEVER, &e));
    CU_ASSERT_EQUAL(e.arg, 99);
    CU_ASSERT_TRUE(sim_sched_pop(&s, SIM_MS_NEVER, &e));
    CU_ASSERT_EQUAL(e.arg, 1);                        /* ids[0] (arg 0) was cancelled */
}

static void rng_deterministic(void)
{
    sim_rng a, b, c;
    sim_rng_seed(&a, 42);
    sim_rng_seed(&b, 42);
    sim_rng_seed(&c, 43);
    int differ = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t x = sim_rng_range(&a, 30000, 120000);
        CU_ASSERT_EQUAL(x, sim_rng_range(&b, 30000, 120000));
        CU_ASSERT(x >= 30000 && x <= 120000);
        differ |= x != sim_rng_range(&c, 30000, 120000);
    }
    CU_ASSERT_TRUE(differ);
    CU_ASSERT_EQUAL(sim_rng_range(&a, 7, 7), 7);
}

/* A small catalogue in the spec's words. */
static const char *const env[] = { "backup_crash", "abort", "answer_yes" };
static const char *const outs[] = { "fru_warm_boot.ok", "fru_warm_boot.fail", "fru_warm_boot.timeout",
                                    "switchover_check.timeout" };
static const char *const states[] = { "IDLE", "BACKUP_PREPARE", "FRU_WARM_BOOT" };
static const sim_catalog cat = { env, 3, outs, 4, states, 3 };

static void fault_parse_forms(void)
{
    sim_fault f;
    char err[200];
    CU_ASSERT_EQUAL(sim_fault_parse("backup_crash@BACKUP_PREPARE", &cat, &f, err, sizeof err), 0);
    CU_ASSERT_STRING_EQUAL(f.name, "backup_crash");
    CU_ASSERT_STRING_EQUAL(f.outcome, "");
    CU_ASSERT_EQUAL(f.point, SIM_POINT_STATE);
    CU_ASSERT_STRING_EQUAL(f.state, "BACKUP_PREPARE");
    CU_ASSERT_EQUAL(sim_fault_parse("fru_warm_boot.fail@2", &cat, &f, err, sizeof err), 0);
    CU_ASSERT_STRING_EQUAL(f.outcome, "fail");
    CU_ASSERT_EQUAL(f.point, SIM_POINT_NTH);
    CU_ASSERT_EQUAL(f.nth, 2);
    CU_ASSERT_EQUAL(sim_fault_parse("switchover_check.timeout", &cat, &f, err, sizeof err), 0);
    CU_ASSERT_EQUAL(f.point, SIM_POINT_NONE);
    CU_ASSERT_EQUAL(sim_fault_parse("abort@t=25min", &cat, &f, err, sizeof err), 0);
    CU_ASSERT_EQUAL(f.point, SIM_POINT_TIME);
    CU_ASSERT_EQUAL(f.at, 25u * 60u * 1000u);
    sim_ms ms;
    CU_ASSERT_EQUAL(sim_fault_duration("1500ms", &ms), 0);
    CU_ASSERT_EQUAL(ms, 1500);
    CU_ASSERT_EQUAL(sim_fault_duration("2h", &ms), 0);
    CU_ASSERT_EQUAL(ms, 7200000u);
}

static void fault_parse_rejects(void)
{
    static const struct { const char *spec, *why; } bad[] = {
        { "", "empty" },
        { "meteor_strike", "no fault, operator action or command 'meteor_strike'" },
        { "fru_warm_boot", "is a command, name one of its outcomes" },
        { "fru_warm_boot.explode", "has no outcome 'explode'" },
        { "teleport.fail", "no command 'teleport'" },
        { "abort@NOWHERE", "'NOWHERE' is not a state" },
        { "abort@0", "at least 1" },
        { "abort@2x", "bad count" },
        { "abort@t=5days", "bad time" },
        { "abort@t=", "bad time" },
        { "abort@", "empty point" },
        { "ab ort", "unexpected character" },
        { ".fail", "expected NAME or COMMAND.OUTCOME" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sim_fault f;
        char err[200] = "";
        int rc = sim_fault_parse(bad[i].spec, &cat, &f, err, sizeof err);
        PT_CHECK(rc == -1, "'%s' must be rejected", bad[i].spec);
        PT_CHECK(strstr(err, bad[i].why) != NULL, "'%s': message '%s' lacks '%s'", bad[i].spec, err, bad[i].why);
    }
    sim_fault_plan p;
    char err[200];
    sim_fault_plan_init(&p);
    for (uint32_t i = 0; i < SIM_FAULT_MAX; i++)
        CU_ASSERT_EQUAL(sim_fault_add(&p, "abort", &cat, err, sizeof err), 0);
    CU_ASSERT_EQUAL(sim_fault_add(&p, "abort", &cat, err, sizeof err), -1);   /* plan full */
}

static void fault_points_fire(void)
{
    sim_fault_plan p;
    char err[200];
    sim_fault_plan_init(&p);
    CU_ASSERT_EQUAL(sim_fault_add(&p, "fru_warm_boot.fail@2", &cat, err, sizeof err), 0);
    CU_ASSERT_EQUAL(sim_fault_add(&p, "backup_crash@FRU_WARM_BOOT", &cat, err, sizeof err), 0);
    CU_ASSERT_EQUAL(sim_fault_add(&p, "abort@t=90s", &cat, err, sizeof err), 0);
    CU_ASSERT_EQUAL(sim_fault_add(&p, "answer_yes@3", &cat, err, sizeof err), 0);
    /* outcomes: only the 2nd warm boot */
    CU_ASSERT_EQUAL(sim_fault_match_outcome(&p, "fru_warm_boot", 1, 0, "FRU_WARM_BOOT"), -1);
    CU_ASSERT_EQUAL(sim_fault_match_outcome(&p, "fru_warm_boot", 2, 0, "FRU_WARM_BOOT"), 0);
    sim_fault_fire(&p, 0, 1234);
    CU_ASSERT_EQUAL(sim_fault_match_outcome(&p, "fru_warm_boot", 2, 0, "FRU_WARM_BOOT"), -1);
    /* environment: armed only when the point is reached */
    sim_fault_observe(&p, "BACKUP_PREPARE", 2, 1000);
    CU_ASSERT_EQUAL(sim_fault_next_armed(&p, 0), -1);
    CU_ASSERT_EQUAL(sim_fault_next_time(&p, 1000), 90000);
    sim_fault_observe(&p, "FRU_WARM_BOOT", 2, 2000);
    CU_ASSERT_EQUAL(sim_fault_next_armed(&p, 0), 1);
    CU_ASSERT_EQUAL(sim_fault_next_armed(&p, 2), -1);
    sim_fault_observe(&p, "FRU_WARM_BOOT", 3, 90000);
    CU_ASSERT_EQUAL(sim_fault_next_armed(&p, 2), 2);
    CU_ASSERT_EQUAL(sim_fault_next_armed(&p, 3), 3);
    CU_ASSERT_EQUAL(sim_fault_unfired(&p), 3);
}

static void traffic_integrals(void)
{
    sim_traffic t;
    sim_traffic_init(&t, 3, 0);
    sim_traffic_rate(&t, 1, 0, 1000);
    sim_traffic_rate(&t, 1, 0, 1500);                 /* no change */
    sim_traffic_rate(&t, 1, SIM_TRAFFIC_FULL, 3500);
    sim_traffic_rate(&t, 2, 0, 4000);
    CU_ASSERT_EQUAL(sim_traffic_lost(&t, 0, 10000), 0);
    CU_ASSERT_EQUAL(sim_traffic_lost(&t, 1, 10000), 2500);
    CU_ASSERT_EQUAL(t.u[1].outages, 1);
    CU_ASSERT_FALSE(sim_traffic_degraded(&t, 1));
    CU_ASSERT_EQUAL(sim_traffic_lost(&t, 2, 10000), 6000);   /* still down: open interval */
    CU_ASSERT_TRUE(sim_traffic_degraded(&t, 2));
    CU_ASSERT_EQUAL(sim_traffic_cp_outage(&t, 10000), 0);
    sim_traffic_set_master(&t, 0, 5000);
    sim_traffic_set_master(&t, 1, 5002);
    CU_ASSERT_EQUAL(sim_traffic_cp_outage(&t, 10000), 2);
    CU_ASSERT_EQUAL(t.cp_outages, 1);
}

/* A share of line rate: the loss integrates the missing part only. */
static void traffic_partial_rate(void)
{
    sim_traffic t;
    sim_traffic_init(&t, 1, 0);
    sim_traffic_rate(&t, 0, 75, 1000);                /* a T-series PFE during GRES */
    CU_ASSERT_EQUAL(sim_traffic_lost(&t, 0, 3000), 500);     /* 25 % of 2 s, open */
    sim_traffic_rate(&t, 0, 0, 3000);                 /* then dark: still the same outage */
    sim_traffic_rate(&t, 0, SIM_TRAFFIC_FULL, 4000);
    CU_ASSERT_EQUAL(sim_traffic_lost(&t, 0, 9000), 1500);
    CU_ASSERT_EQUAL(t.u[0].outages, 1);
    CU_ASSERT_EQUAL(t.u[0].longest, 3000);
}

int register_sim(void)
{
    CU_pSuite s = CU_add_suite("sim core", NULL, NULL);
    if (s == NULL)
        return -1;
    CU_add_test(s, "scheduler: due order, FIFO ties, clock", sched_order_and_clock);
    CU_add_test(s, "scheduler: capacity and cancel", sched_capacity_and_cancel);
    CU_add_test(s, "prng: same seed, same run", rng_deterministic);
    CU_add_test(s, "fault specs: every form parses", fault_parse_forms);
    CU_add_test(s, "fault specs: bad ones are refused with a reason", fault_parse_rejects);
    CU_add_test(s, "fault points: arm and fire when reached", fault_points_fire);
    CU_add_test(s, "traffic: loss and control-plane outage", traffic_integrals);
    CU_add_test(s, "traffic: a share of line rate", traffic_partial_rate);
    return 0;
}
