/* test_plant.c - the reference plant (`issu-gen --c-plant`, issu_plant.h)
 * on the generated C of tests/plant/plant.fsm: power on with the initial
 * choices asked of the owner, observe() with pools as counts, each form of
 * effect with its exact result, `move one` taking the lowest-numbered
 * element of any source member, `self` in a machine array, outcome and
 * environment conditions (machine states, variables and counts through the
 * hooks, limits), the rollback of a step that cannot apply, and changed()
 * hearing of every cell that changed, in order, after the step commits. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "cu_main.h"
#include "issu_hal.h"
#include "issu_plant.h"

#define PT_MAX 64

/* The owner: scripted answers to the choices, the machines' states and
 * variables, and what the plant asked and reported. */
typedef struct pt_owner {
    int32_t answer[PT_MAX];         /* the answers to the choices, in order */
    int nanswer, next;              /* answers scripted, used */
    struct { int var; int32_t index, n, vals[8]; } asked[PT_MAX];
    int nasked;
    struct { int var; int32_t index, before, after; } changed[PT_MAX];
    int nchanged;
    int32_t ctl_state, ctl_runs;    /* machine ctl */
    int32_t worker_state[3];        /* machine worker, by instance */
    int32_t workers;                /* what ninstances says of worker */
    int state_calls;
} pt_owner;

static pt_owner o;
static issu_plant pl;

static int32_t pt_choose(void *ctx, int var, int32_t index, const int32_t *vals, int32_t n)
{
    pt_owner *w = ctx;
    if (w->nasked < PT_MAX) {
        w->asked[w->nasked].var = var;
        w->asked[w->nasked].index = index;
        w->asked[w->nasked].n = n;
        for (int32_t i = 0; i < n && i < 8; i++)
            w->asked[w->nasked].vals[i] = vals[i];
        w->nasked++;
    }
    return w->next < w->nanswer ? w->answer[w->next++] : vals[0];
}

static int32_t pt_state(void *ctx, int machine, int32_t instance)
{
    pt_owner *w = ctx;
    w->state_calls++;
    return machine == ISSU_M_ctl ? w->ctl_state : w->worker_state[instance];
}

static int32_t pt_mvar(void *ctx, int machine, int32_t instance, int var)
{
    pt_owner *w = ctx;
    (void)instance;
    return machine == ISSU_M_ctl && var == ISSU_CV_ctl_runs ? w->ctl_runs : -1;
}

static int32_t pt_ninstances(void *ctx, int machine)
{
    return machine == ISSU_M_worker ? ((pt_owner *)ctx)->workers : 1;
}

static void pt_changed(void *ctx, int var, int32_t index, int32_t before, int32_t after)
{
    pt_owner *w = ctx;
    if (w->nchanged < PT_MAX) {
        w->changed[w->nchanged].var = var;
        w->changed[w->nchanged].index = index;
        w->changed[w->nchanged].before = before;
        w->changed[w->nchanged].after = after;
        w->nchanged++;
    }
}

static const issu_plant_hooks hooks = { pt_choose, pt_state, pt_mvar, pt_ninstances, pt_changed, &o };

/* A fresh owner whose answers are the n values given. */
static void pt_script(const int32_t *answers, int n)
{
    memset(&o, 0, sizeof o);
    for (int i = 0; i < n && i < PT_MAX; i++)
        o.answer[i] = answers[i];
    o.nanswer = n;
    o.ctl_state = ISSU_ST_ctl_IDLE;
    o.workers = 3;
}

/* Forget what was asked and reported, keep the world. */
static void pt_forget(void)
{
    o.nasked = 0;
    o.nchanged = 0;
    o.next = o.nanswer = 0;
}

static int32_t pt_cell(int var, int32_t index)
{
    int32_t v = -99;
    CU_ASSERT_EQUAL(issu_plant_observe(&pl, var, index, &v), ISSU_HAL_OK);
    return v;
}

/* Element i of the pool (its member). */
static int32_t pt_fpc(int32_t i)
{
    return pl.cell[ISSU_PLANT_SLOT_fpc + i];
}

#define PT_CHANGED(k, v, i, b, a)                                                              \
    cu_check(o.nchanged > (k) && o.changed[k].var == (v) && o.changed[k].index == (i) &&        \
             o.changed[k].before == (b) && o.changed[k].after == (a), __LINE__, __FILE__,      \
             "change %d: expected (%d, %d, %d -> %d), got (%d, %d, %d -> %d) of %d", (k), (v), \
             (i), (b), (a), o.changed[k].var, o.changed[k].index, o.changed[k].before,        \
             o.changed[k].after, o.nchanged)

/* Power on profile `big` (6 elements, 3 workers) with the pool
 * [ONLINE, READY, READY, ONLINE, READY, ONLINE], level 2, flag true. */
static void pt_big(int32_t fast)
{
    static const int32_t answers[] = { ISSU_fru_ONLINE, ISSU_fru_READY, ISSU_fru_READY, ISSU_fru_ONLINE,
                                       ISSU_fru_READY, ISSU_fru_ONLINE, 2, 1 };
    int32_t options[ISSU_DIM(ISSU_NOPTIONS)] = { fast };
    pt_script(answers, (int)(sizeof answers / sizeof answers[0]));
    CU_ASSERT_EQUAL(issu_plant_init(&pl, ISSU_PROF_big, options, &hooks), 0);
    pt_forget();
}

/* ---- power on and observe ------------------------------------------------ */

static void test_init_asks_each_choice(void)
{
    pt_big(7);
    CU_ASSERT_EQUAL(pl.profile, ISSU_PROF_big);
    CU_ASSERT_EQUAL(pl.params[ISSU_PARAM_slots], 6);
    CU_ASSERT_EQUAL(pl.params[ISSU_PARAM_workers], 3);
    CU_ASSERT_EQUAL(pl.options[ISSU_OPT_fast], 1);          /* taken as 0/1 */
    CU_ASSERT_EQUAL(pl.env_used[ISSU_ENV_crash], 0);
    /* again, watching the questions: one per pool element, then level over
     * its whole range in this profile (0..workers), then flag */
    static const int32_t answers[] = { ISSU_fru_READY, ISSU_fru_ONLINE, ISSU_fru_ONLINE, ISSU_fru_READY,
                                       ISSU_fru_ONLINE, ISSU_fru_READY, 3, 0 };
    pt_script(answers, 8);
    CU_ASSERT_EQUAL(issu_plant_init(&pl, ISSU_PROF_big, NULL, &hooks), 0);
    CU_ASSERT_EQUAL(o.nasked, 8);
    for (int i = 0; i < 6; i++) {
        CU_ASSERT_EQUAL(o.asked[i].var, ISSU_PV_fpc);
        CU_ASSERT_EQUAL(o.asked[i].index, i);
        CU_ASSERT_EQUAL(o.asked[i].n, 2);
        CU_ASSERT_EQUAL(o.asked[i].vals[0], ISSU_fru_ONLINE);
        CU_ASSERT_EQUAL(o.asked[i].vals[1], ISSU_fru_READY);
        CU_ASSERT_EQUAL(pt_fpc(i), answers[i]);
    }
    CU_ASSERT_EQUAL(o.asked[6].var, ISSU_PV_level);
    CU_ASSERT_EQUAL(o.asked[6].index, 0);
    CU_ASSERT_EQUAL(o.asked[6].n, 4);
    for (int32_t v = 0; v < 4; v++)
        CU_ASSERT_EQUAL(o.asked[6].vals[v], v);
    CU_ASSERT_EQUAL(o.asked[7].var, ISSU_PV_flag);
    CU_ASSERT_EQUAL(o.asked[7].n, 2);
    CU_ASSERT_EQUAL(o.asked[7].vals[0], 1);                 /* {true, false} in the spec's order */
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_level, 0), 3);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_flag, 0), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_re, 0), ISSU_role_MASTER);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_re, 1), ISSU_role_BACKUP);
    for (int32_t i = 0; i < 3; i++)
        CU_ASSERT_EQUAL(pt_cell(ISSU_PV_done, i), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_hits, 0), 0);
    CU_ASSERT_EQUAL(pl.options[ISSU_OPT_fast], 0);          /* NULL options: all off */
    CU_ASSERT_EQUAL(o.nchanged, 0);                         /* power on reports nothing */
}

static void test_init_profiles_and_errors(void)
{
    /* small: 2 elements, level over 0..1; no hooks: the first value */
    CU_ASSERT_EQUAL(issu_plant_init(&pl, ISSU_PROF_small, NULL, NULL), 0);
    CU_ASSERT_EQUAL(issu_plant_size(&pl, ISSU_PV_fpc), 2);
    CU_ASSERT_EQUAL(issu_plant_size(&pl, ISSU_PV_done), 3);
    CU_ASSERT_EQUAL(issu_plant_size(&pl, ISSU_PV_level), 1);
    CU_ASSERT_EQUAL(issu_plant_size(&pl, ISSU_NPLANT), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_ONLINE), 2);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_level, 0), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_flag, 0), 1);
    static const int32_t level_small[] = { ISSU_fru_READY, ISSU_fru_READY, 2 };
    pt_script(level_small, 3);                              /* 2 is out of 0..workers here */
    issu_plant before = pl;
    CU_ASSERT_EQUAL(issu_plant_init(&pl, ISSU_PROF_small, NULL, &hooks), -1);
    CU_ASSERT_EQUAL(o.asked[2].n, 2);
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
    static const int32_t not_offered[] = { ISSU_fru_READY, ISSU_fru_DONE };   /* in range, not offered */
    pt_script(not_offered, 2);
    CU_ASSERT_EQUAL(issu_plant_init(&pl, ISSU_PROF_small, NULL, &hooks), -1);
    CU_ASSERT_EQUAL(o.nasked, 2);                           /* nothing asked after the bad answer */
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
    CU_ASSERT_EQUAL(issu_plant_init(&pl, ISSU_NPROFILES, NULL, NULL), -1);
    CU_ASSERT_EQUAL(issu_plant_init(&pl, -1, NULL, NULL), -1);
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
}

static void test_observe(void)
{
    int32_t v = -1;
    pt_big(0);
    /* a pool: the number of elements in a member */
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_ONLINE), 3);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_READY), 3);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_FAILED), 0);
    CU_ASSERT_EQUAL(issu_plant_observe(&pl, ISSU_PV_fpc, ISSU_fru_FAILED + 1, &v), ISSU_HAL_UNAVAILABLE);
    CU_ASSERT_EQUAL(issu_plant_observe(&pl, ISSU_PV_fpc, -1, &v), ISSU_HAL_UNAVAILABLE);
    /* an array: its elements; a scalar: index 0 */
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_re, 1), ISSU_role_BACKUP);
    CU_ASSERT_EQUAL(issu_plant_observe(&pl, ISSU_PV_re, 2, &v), ISSU_HAL_UNAVAILABLE);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_level, 0), 2);
    CU_ASSERT_EQUAL(issu_plant_observe(&pl, ISSU_PV_level, 1, &v), ISSU_HAL_UNAVAILABLE);
    CU_ASSERT_EQUAL(issu_plant_observe(&pl, ISSU_NPLANT, 0, &v), ISSU_HAL_UNAVAILABLE);
    CU_ASSERT_EQUAL(issu_plant_observe(&pl, -1, 0, &v), ISSU_HAL_UNAVAILABLE);
    CU_ASSERT_EQUAL(v, -1);                                 /* never written on failure */
}

/* ---- commands and outcomes -------------------------------------------- */

/* `move one fpc from {READY, ONLINE}`: the lowest-numbered element in
 * either member (element 0, ONLINE), not the first member listed. */
static void test_issue_moves_lowest_element(void)
{
    pt_big(0);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_fpc(0), ISSU_fru_BOOTING);
    CU_ASSERT_EQUAL(pt_fpc(1), ISSU_fru_READY);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_hits, 0), 1);
    CU_ASSERT_EQUAL(o.nchanged, 2);
    PT_CHANGED(0, ISSU_PV_fpc, 0, ISSU_fru_ONLINE, ISSU_fru_BOOTING);
    PT_CHANGED(1, ISSU_PV_hits, 0, 0, 1);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_fpc(1), ISSU_fru_BOOTING);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_hits, 0), 2);           /* `if hits < 2`: it stays at 2 */
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_BOOTING), 3);
    CU_ASSERT_EQUAL(o.nchanged, 5);
    PT_CHANGED(4, ISSU_PV_fpc, 2, ISSU_fru_READY, ISSU_fru_BOOTING);
    CU_ASSERT_EQUAL(o.nasked, 0);
}

/* `move one` with no element in a source member: -1, and nothing of the
 * step is kept (hits would have counted), nothing reported. */
static void test_move_one_from_empty_rolls_back(void)
{
    CU_ASSERT_EQUAL(issu_plant_init(&pl, ISSU_PROF_small, NULL, NULL), 0);   /* 2 ONLINE */
    pt_script(NULL, 0);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_hits, 0), 2);
    pl.cell[ISSU_PLANT_SLOT_hits] = 1;          /* so that the step would change it */
    pt_forget();
    issu_plant before = pl;
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), -1);
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
    CU_ASSERT_EQUAL(o.nchanged, 0);
    /* the outcome that needs a BOOTING element, once none is left */
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_boot__ok, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_boot__ok, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_DONE), 2);
    before = pl;
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_boot__ok, ISSU_M_ctl, 0, &hooks), -1);
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
}

static void test_outcome_when(void)
{
    pt_big(0);
    /* count(fpc, BOOTING) > 0 && re[1] != DOWN */
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_boot__ok, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_boot__ok, ISSU_M_ctl, 0, &hooks), 1);
    pl.cell[ISSU_PLANT_SLOT_re + 1] = ISSU_role_DOWN;
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_boot__ok, ISSU_M_ctl, 0, &hooks), 0);
    /* outcomes without `when` always hold; a non-outcome is -1 */
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_boot__fail, ISSU_M_ctl, 0, &hooks), 1);
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_boot__timeout, ISSU_M_ctl, 0, &hooks), 1);
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_go, ISSU_M_ctl, 0, &hooks), -1);
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_NEVENTS, ISSU_M_ctl, 0, &hooks), -1);
    /* the tables */
    CU_ASSERT_EQUAL(issu_plant_outcome_cmd(ISSU_EV_boot__ok), ISSU_CMD_boot);
    CU_ASSERT_EQUAL(issu_plant_outcome_cmd(ISSU_EV_work__fail), ISSU_CMD_work);
    CU_ASSERT_EQUAL(issu_plant_outcome_cmd(ISSU_EV_start), -1);
    CU_ASSERT_EQUAL(issu_plant_outcome_cmd(-1), -1);
    CU_ASSERT_EQUAL(issu_plant_outcome_has_when(ISSU_EV_boot__ok), 1);
    CU_ASSERT_EQUAL(issu_plant_outcome_has_when(ISSU_EV_boot__fail), 0);
    CU_ASSERT_EQUAL(issu_plant_outcome_has_when(ISSU_EV_work__ok), 1);
    CU_ASSERT_EQUAL(issu_plant_outcome_is_timeout(ISSU_EV_boot__timeout), 1);
    CU_ASSERT_EQUAL(issu_plant_outcome_is_timeout(ISSU_EV_boot__ok), 0);
    CU_ASSERT_EQUAL(issu_plant_outcome_is_timeout(ISSU_EV_go), 0);
    /* an effect-free outcome changes nothing and succeeds */
    issu_plant before = pl;
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_boot__timeout, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_go, ISSU_M_ctl, 0, &hooks), -1);
}

/* `move all fpc from {BOOTING, READY} to FAILED`, then `flag = {true, false}`. */
static void test_move_all_and_choice(void)
{
    pt_big(0);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);  /* 0: BOOTING */
    pt_forget();
    o.answer[0] = 0;
    o.nanswer = 1;
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_boot__fail, ISSU_M_ctl, 0, &hooks), 0);
    static const int32_t after[] = { ISSU_fru_FAILED, ISSU_fru_FAILED, ISSU_fru_FAILED, ISSU_fru_ONLINE,
                                     ISSU_fru_FAILED, ISSU_fru_ONLINE };
    for (int i = 0; i < 6; i++)
        CU_ASSERT_EQUAL(pt_fpc(i), after[i]);
    CU_ASSERT_EQUAL(o.nasked, 1);
    CU_ASSERT_EQUAL(o.asked[0].var, ISSU_PV_flag);
    CU_ASSERT_EQUAL(o.asked[0].index, 0);
    CU_ASSERT_EQUAL(o.asked[0].n, 2);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_flag, 0), 0);
    CU_ASSERT_EQUAL(o.nchanged, 5);                         /* in element order, then flag */
    PT_CHANGED(0, ISSU_PV_fpc, 0, ISSU_fru_BOOTING, ISSU_fru_FAILED);
    PT_CHANGED(1, ISSU_PV_fpc, 1, ISSU_fru_READY, ISSU_fru_FAILED);
    PT_CHANGED(2, ISSU_PV_fpc, 2, ISSU_fru_READY, ISSU_fru_FAILED);
    PT_CHANGED(3, ISSU_PV_fpc, 4, ISSU_fru_READY, ISSU_fru_FAILED);
    PT_CHANGED(4, ISSU_PV_flag, 0, 1, 0);
}

/* A choice answered with a value that was not offered: -1, unchanged. */
static void test_bad_answer_rolls_back(void)
{
    pt_big(0);
    issu_plant before = pl;
    o.answer[0] = 4;                                        /* level: 0..3 in big */
    o.nanswer = 1;
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_work__fail, ISSU_M_worker, 1, &hooks), -1);
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
    CU_ASSERT_EQUAL(o.nasked, 1);
    CU_ASSERT_EQUAL(o.asked[0].var, ISSU_PV_level);
    CU_ASSERT_EQUAL(o.asked[0].n, 4);                       /* `any`: the whole range */
    CU_ASSERT_EQUAL(o.asked[0].vals[3], 3);
    CU_ASSERT_EQUAL(o.nchanged, 0);
    o.answer[1] = 3;
    o.nanswer = 2;
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_work__fail, ISSU_M_worker, 1, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_level, 0), 3);
    PT_CHANGED(0, ISSU_PV_level, 0, 2, 3);
}

/* `done[self]` in the commands of the worker array: each instance its own
 * cell; the `when` reads an option; if / else if / else. */
static void test_self_in_machine_array(void)
{
    pt_big(0);
    pl.cell[ISSU_PLANT_SLOT_done + 2] = 1;
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_work, ISSU_M_worker, 2, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_done, 2), 0);
    PT_CHANGED(0, ISSU_PV_done, 2, 1, 0);
    /* !done[self] && (fast || level > 0): level is 2 */
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_work__ok, ISSU_M_worker, 2, &hooks), 1);
    pl.cell[ISSU_PLANT_SLOT_level] = 0;
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_work__ok, ISSU_M_worker, 2, &hooks), 0);
    pl.options[ISSU_OPT_fast] = 1;
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_work__ok, ISSU_M_worker, 2, &hooks), 1);
    pl.cell[ISSU_PLANT_SLOT_level] = 2;
    pt_forget();
    /* done[2] = true; 1 of 3 done, level > 0: level - 1 */
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_work__ok, ISSU_M_worker, 2, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_done, 2), 1);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_done, 0), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_level, 0), 1);
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_work__ok, ISSU_M_worker, 2, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_work__ok, ISSU_M_worker, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_level, 0), 0);
    /* 2 of 3, level 0: the else branch */
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_work__fail, ISSU_M_worker, 0, NULL), 0);  /* level = 0 */
    pl.cell[ISSU_PLANT_SLOT_flag] = 0;
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_work__ok, ISSU_M_worker, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_flag, 0), 1);
    /* 3 of 3: level = 0 */
    pl.cell[ISSU_PLANT_SLOT_level] = 3;
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_work__ok, ISSU_M_worker, 1, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_level, 0), 0);
    /* instances that do not exist */
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_work, ISSU_M_worker, 3, &hooks), -1);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_work, ISSU_M_worker, -1, &hooks), -1);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 1, &hooks), -1);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_NMACHINES, 0, &hooks), -1);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_NCMDS, ISSU_M_ctl, 0, &hooks), -1);
    CU_ASSERT_EQUAL(issu_plant_outcome_allowed(&pl, ISSU_EV_work__ok, ISSU_M_worker, 3, &hooks), 0);
    o.workers = 2;                                          /* the owner's count rules */
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_work, ISSU_M_worker, 2, &hooks), -1);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_work, ISSU_M_worker, 2, NULL), 0);
}

/* ---- faults and operator actions ------------------------------------------- */

static void test_env_list(void)
{
#define PT_ENV(name, is_fault, silent, event, doc) { #name, is_fault, silent, event },
    static const struct { const char *name; int is_fault, silent, event; } envs[] = { ISSU_ENVS(PT_ENV) };
#undef PT_ENV
    CU_ASSERT_EQUAL(ISSU_NENVS, 5);
    CU_ASSERT_EQUAL(ISSU_ENV_crash, 0);
    CU_ASSERT_EQUAL(ISSU_ENV_reset, 4);
    CU_ASSERT_STRING_EQUAL(envs[ISSU_ENV_blip].name, "blip");
    CU_ASSERT_STRING_EQUAL(issu_plant_env_names[ISSU_ENV_rogue], "rogue");
    CU_ASSERT_EQUAL(envs[ISSU_ENV_crash].is_fault, 1);
    CU_ASSERT_EQUAL(envs[ISSU_ENV_go].is_fault, 0);
    CU_ASSERT_EQUAL(envs[ISSU_ENV_blip].silent, 1);
    CU_ASSERT_EQUAL(envs[ISSU_ENV_blip].event, -1);
    CU_ASSERT_EQUAL(envs[ISSU_ENV_crash].event, ISSU_EV_crash);
    CU_ASSERT_EQUAL(ISSU_PLANT_SLOT_fpc, 0);
    CU_ASSERT_EQUAL(ISSU_PLANT_SLOT_re, 6);                 /* the pool at its largest size */
    CU_ASSERT_EQUAL(ISSU_PLANT_NSLOTS, 6 + 2 + 3 + 1 + 1 + 1);
}

/* `when ctl.state == RUNNING limit 2`. */
static void test_fault_reads_state_and_limit(void)
{
    pt_big(0);
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_crash, &hooks), 0);
    CU_ASSERT(o.state_calls > 0);
    o.ctl_state = ISSU_ST_ctl_RUNNING;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_crash, &hooks), 1);
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_ENV_crash, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_re, 1), ISSU_role_DOWN);
    CU_ASSERT_EQUAL(pl.env_used[ISSU_ENV_crash], 1);
    PT_CHANGED(0, ISSU_PV_re, 1, ISSU_role_BACKUP, ISSU_role_DOWN);
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_crash, &hooks), 1);
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_ENV_crash, 0, &hooks), 0);
    CU_ASSERT_EQUAL(o.nchanged, 1);                         /* DOWN again: no change */
    CU_ASSERT_EQUAL(pl.env_used[ISSU_ENV_crash], 2);
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_crash, &hooks), 0);  /* the limit */
    /* no state hook: the machine's initial state */
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_reset, NULL), 1);
    pl.env_used[ISSU_ENV_crash] = 0;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_crash, NULL), 0);
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_NENVS, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, -1, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_NENVS, 0, &hooks), -1);
}

/* A silent fault: `done = {false, true}` is one choice for the whole array (index -1). */
static void test_silent_fault_whole_array(void)
{
    pt_big(0);
    o.answer[0] = 1;
    o.nanswer = 1;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_blip, &hooks), 1);
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_ENV_blip, 0, &hooks), 0);
    CU_ASSERT_EQUAL(o.nasked, 1);
    CU_ASSERT_EQUAL(o.asked[0].var, ISSU_PV_done);
    CU_ASSERT_EQUAL(o.asked[0].index, -1);
    CU_ASSERT_EQUAL(o.asked[0].n, 2);
    CU_ASSERT_EQUAL(o.asked[0].vals[0], 0);
    for (int32_t i = 0; i < 3; i++)
        CU_ASSERT_EQUAL(pt_cell(ISSU_PV_done, i), 1);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_flag, 0), 0);
    CU_ASSERT_EQUAL(o.nchanged, 4);
    PT_CHANGED(0, ISSU_PV_flag, 0, 1, 0);
    PT_CHANGED(3, ISSU_PV_done, 2, 0, 1);
}

/* `to worker[any]`: the effect's self is the receiving instance; the
 * `when` counts the instances in a state through the hooks. */
static void test_fault_to_any_instance(void)
{
    pt_big(0);
    pl.cell[ISSU_PLANT_SLOT_done + 1] = 1;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_rogue, &hooks), 0);
    o.worker_state[2] = ISSU_ST_worker_BUSY;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_rogue, &hooks), 1);
    o.workers = 2;                                          /* instance 2 is not counted */
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_rogue, &hooks), 0);
    o.workers = 3;
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_ENV_rogue, 1, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_done, 1), 0);
    PT_CHANGED(0, ISSU_PV_done, 1, 1, 0);
    issu_plant before = pl;
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_ENV_rogue, 3, &hooks), -1);
    CU_ASSERT(memcmp(&before, &pl, sizeof pl) == 0);
    CU_ASSERT_EQUAL(pl.env_used[ISSU_ENV_rogue], 1);
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_rogue, &hooks), 0);  /* limit 1 */
}

/* `when worker[0].state == IDLE && ctl.runs < 3`; `move all` from three members. */
static void test_operator_reads_variable(void)
{
    pt_big(0);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_outcome(&pl, ISSU_EV_boot__ok, ISSU_M_ctl, 0, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_issue(&pl, ISSU_CMD_boot, ISSU_M_ctl, 0, &hooks), 0);
    pl.cell[ISSU_PLANT_SLOT_fpc + 5] = ISSU_fru_FAILED;
    pl.cell[ISSU_PLANT_SLOT_re] = ISSU_role_DOWN;
    o.ctl_runs = 3;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_reset, &hooks), 0);
    o.ctl_runs = 2;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_reset, &hooks), 1);
    o.worker_state[0] = ISSU_ST_worker_BUSY;
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_reset, &hooks), 0);
    o.worker_state[0] = ISSU_ST_worker_IDLE;
    pt_forget();
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_ENV_reset, 0, &hooks), 0);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_ONLINE), 6 - 2);   /* elements 2 and 4 stay READY */
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_fpc, ISSU_fru_READY), 2);
    CU_ASSERT_EQUAL(pt_cell(ISSU_PV_re, 0), ISSU_role_MASTER);
    CU_ASSERT_EQUAL(o.nchanged, 4);
    PT_CHANGED(0, ISSU_PV_re, 0, ISSU_role_DOWN, ISSU_role_MASTER);
    PT_CHANGED(1, ISSU_PV_fpc, 0, ISSU_fru_DONE, ISSU_fru_ONLINE);
    PT_CHANGED(2, ISSU_PV_fpc, 1, ISSU_fru_BOOTING, ISSU_fru_ONLINE);
    PT_CHANGED(3, ISSU_PV_fpc, 5, ISSU_fru_FAILED, ISSU_fru_ONLINE);
    /* an operator action with no effect is still counted */
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_go, &hooks), 1);
    CU_ASSERT_EQUAL(issu_plant_env_apply(&pl, ISSU_ENV_go, 0, &hooks), 0);
    CU_ASSERT_EQUAL(issu_plant_env_allowed(&pl, ISSU_ENV_go, &hooks), 0);
}

static int register_plant(void)
{
    CU_pSuite s = CU_add_suite("plant", NULL, NULL);
    if (!s || !CU_add_test(s, "power on asks each initial choice", test_init_asks_each_choice)
        || !CU_add_test(s, "profiles, no hooks, bad profile and bad answer", test_init_profiles_and_errors)
        || !CU_add_test(s, "observe: pools as counts", test_observe)
        || !CU_add_test(s, "move one takes the lowest-numbered element", test_issue_moves_lowest_element)
        || !CU_add_test(s, "move one from an empty member rolls back", test_move_one_from_empty_rolls_back)
        || !CU_add_test(s, "outcome conditions and tables", test_outcome_when)
        || !CU_add_test(s, "move all from several members, then a choice", test_move_all_and_choice)
        || !CU_add_test(s, "an answer not offered rolls back", test_bad_answer_rolls_back)
        || !CU_add_test(s, "self in a machine array", test_self_in_machine_array)
        || !CU_add_test(s, "the list of faults and operator actions", test_env_list)
        || !CU_add_test(s, "a fault reads a machine state, up to its limit", test_fault_reads_state_and_limit)
        || !CU_add_test(s, "a silent fault sets a whole array", test_silent_fault_whole_array)
        || !CU_add_test(s, "a fault to any instance of an array", test_fault_to_any_instance)
        || !CU_add_test(s, "an operator action reads a machine variable", test_operator_reads_variable))
        return -1;
    return 0;
}

int main(void)
{
    static int (*const reg[])(void) = { register_plant };
    return cu_main("plant-tests", reg, sizeof reg / sizeof reg[0]);
}
