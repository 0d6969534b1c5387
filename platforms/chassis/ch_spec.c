/* ch_spec.c - name lookups over the generated identifiers (ch_spec.h).
 * Every table here is an expansion of an X-macro list of issu_ids.h or
 * issu_plant.h, so it cannot drift from the spec. */
#include "ch_spec.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

#define CH_COUNT(a) ((int)(sizeof (a) / sizeof (a)[0]))
#define CH_NAME(name, ...) #name,

/* ---- tables --------------------------------------------------------------- */

#define CH_VAR_SHAPE(name, shape, ...) shape,
#define CH_VAR_ENUM(name, shape, kind, en, ...) en,
#define CH_VAR_SLOT(name, ...) ISSU_PLANT_SLOT_##name,
static const char *const var_names[] = { ISSU_PLANT(CH_NAME) };
static const int var_shapes[] = { ISSU_PLANT(CH_VAR_SHAPE) };
static const int var_enums[] = { ISSU_PLANT(CH_VAR_ENUM) };
static const int32_t var_slots[] = { ISSU_PLANT(CH_VAR_SLOT) };

#define CH_MEMBER(m) #m,
#define CH_ENUM_ROW(name, n) static const char *const members_##name[] = { ISSU_ENUM_##name(CH_MEMBER) };
ISSU_ENUMS(CH_ENUM_ROW)
#define CH_ENUM_PTR(name, n) members_##name,
#define CH_ENUM_N(name, n) n,
static const char *const enum_names[] = { ISSU_ENUMS(CH_NAME) };
static const char *const *const enum_members[] = { ISSU_ENUMS(CH_ENUM_PTR) };
static const int32_t enum_sizes[] = { ISSU_ENUMS(CH_ENUM_N) };

#define CH_CMD_TEV(name, timeout, tev, doc) tev,
static const char *const cmd_names[] = { ISSU_CMDS(CH_NAME) };
static const int cmd_tevs[] = { ISSU_CMDS(CH_CMD_TEV) };

#define CH_EV_STR(name, kind, str, cmd, machine) str,
#define CH_EV_CMD(name, kind, str, cmd, machine) cmd,
#define CH_EV_MACHINE(name, kind, str, cmd, machine) machine,
static const char *const ev_strs[] = { ISSU_EVENTS(CH_EV_STR) };
static const int ev_cmds[] = { ISSU_EVENTS(CH_EV_CMD) };
static const int ev_machines[] = { ISSU_EVENTS(CH_EV_MACHINE) };

static const char *const machine_names[] = { ISSU_MACHINES(CH_NAME) };

#define CH_ENV_FAULT(name, is_fault, silent, ev, doc) is_fault,
#define CH_ENV_EVENT(name, is_fault, silent, ev, doc) ev,
#define CH_ENV_DOC(name, is_fault, silent, ev, doc) doc,
static const char *const env_names[] = { ISSU_ENVS(CH_NAME) };
static const int env_faults[] = { ISSU_ENVS(CH_ENV_FAULT) };
static const int env_events[] = { ISSU_ENVS(CH_ENV_EVENT) };
static const char *const env_docs[] = { ISSU_ENVS(CH_ENV_DOC) };

#define CH_FAM_DOC(name, doc) doc,
#define CH_PROF_FAM(name, fam, ...) fam,
#define CH_PROF_PARAMS(name, fam, doc, ...) { __VA_ARGS__ },
static const char *const opt_names[] = { ISSU_OPTIONS(CH_NAME) };
static const char *const param_names[] = { ISSU_PARAMS(CH_NAME) };
static const char *const fam_names[] = { ISSU_FAMILIES(CH_NAME) };
static const char *const fam_docs[] = { ISSU_FAMILIES(CH_FAM_DOC) };
static const char *const prof_names[] = { ISSU_PROFILES(CH_NAME) };
static const int prof_fams[] = { ISSU_PROFILES(CH_PROF_FAM) };
static const int32_t prof_params[][ISSU_DIM(ISSU_NPARAMS)] = { ISSU_PROFILES(CH_PROF_PARAMS) };

/* Index of name in list[0..n-1], or -1. */
static int find(const char *const *list, int n, const char *name)
{
    assert(list != NULL && name != NULL);
    for (int i = 0; i < n; i++)        /* bound: n, a generated list */
        if (strcmp(list[i], name) == 0)
            return i;
    return -1;
}

/* list[i], or "?" out of range. */
static const char *name_of(const char *const *list, int n, int i)
{
    return i >= 0 && i < n ? list[i] : "?";
}

/* ---- plant variables and enums ---------------------------------------------- */

int ch_spec_var(const char *name) { return find(var_names, CH_COUNT(var_names), name); }
const char *ch_spec_var_name(int var) { return name_of(var_names, CH_COUNT(var_names), var); }
int ch_spec_var_shape(int var) { return var >= 0 && var < CH_COUNT(var_shapes) ? var_shapes[var] : -1; }
int ch_spec_var_enum(int var) { return var >= 0 && var < CH_COUNT(var_enums) ? var_enums[var] : -1; }
int32_t ch_spec_var_slot(int var) { return var >= 0 && var < CH_COUNT(var_slots) ? var_slots[var] : -1; }

int ch_spec_enum(const char *name) { return find(enum_names, CH_COUNT(enum_names), name); }
const char *ch_spec_enum_name(int enum_id) { return name_of(enum_names, CH_COUNT(enum_names), enum_id); }

int32_t ch_spec_member(int enum_id, const char *name)
{
    if (enum_id < 0 || enum_id >= CH_COUNT(enum_members))
        return -1;
    return find(enum_members[enum_id], (int)enum_sizes[enum_id], name);
}

const char *ch_spec_member_name(int enum_id, int32_t v)
{
    if (enum_id < 0 || enum_id >= CH_COUNT(enum_members))
        return "?";
    return name_of(enum_members[enum_id], (int)enum_sizes[enum_id], (int)v);
}

int32_t ch_spec_var_member(int var, const char *name)
{
    return ch_spec_member(ch_spec_var_enum(var), name);
}

/* ---- commands, environment, options, profiles ------------------------------------ */

int ch_spec_cmd(const char *name) { return find(cmd_names, CH_COUNT(cmd_names), name); }
int ch_spec_env(const char *name) { return find(env_names, CH_COUNT(env_names), name); }
int ch_spec_option(const char *name) { return find(opt_names, CH_COUNT(opt_names), name); }
int ch_spec_profile(const char *name) { return find(prof_names, CH_COUNT(prof_names), name); }
int ch_spec_param(const char *name) { return find(param_names, CH_COUNT(param_names), name); }
const char *ch_spec_cmd_name(int cmd) { return name_of(cmd_names, CH_COUNT(cmd_names), cmd); }
const char *ch_spec_env_name(int env) { return name_of(env_names, CH_COUNT(env_names), env); }
const char *ch_spec_option_name(int opt) { return name_of(opt_names, CH_COUNT(opt_names), opt); }
const char *ch_spec_profile_name(int prof) { return name_of(prof_names, CH_COUNT(prof_names), prof); }

int ch_spec_profile_family(int prof)
{
    return prof >= 0 && prof < CH_COUNT(prof_fams) ? prof_fams[prof] : -1;
}

const char *ch_spec_family_name(int fam) { return name_of(fam_names, CH_COUNT(fam_names), fam); }
const char *ch_spec_family_doc(int fam) { return name_of(fam_docs, CH_COUNT(fam_docs), fam); }

int32_t ch_spec_profile_param(int prof, const char *name)
{
    int k = ch_spec_param(name);
    if (prof < 0 || prof >= CH_COUNT(prof_params) || k < 0)
        return 0;
    return prof_params[prof][k];
}

int ch_spec_env_is_fault(int env) { return env >= 0 && env < CH_COUNT(env_faults) && env_faults[env]; }
int ch_spec_env_event(int env) { return env >= 0 && env < CH_COUNT(env_events) ? env_events[env] : -1; }
const char *ch_spec_env_doc(int env) { return name_of(env_docs, CH_COUNT(env_docs), env); }

int ch_spec_env_machine(int env)
{
    int ev = ch_spec_env_event(env);
    return ev >= 0 && ev < CH_COUNT(ev_machines) ? ev_machines[ev] : -1;
}

/* ---- machines ------------------------------------------------------------------------ */

int ch_spec_machine(const char *name) { return find(machine_names, CH_COUNT(machine_names), name); }
const char *ch_spec_machine_name(int machine) { return name_of(machine_names, CH_COUNT(machine_names), machine); }

/* ---- outcomes ------------------------------------------------------------------------ */

int ch_spec_outcome(int cmd, const char *outcome)
{
    assert(outcome != NULL);
    for (int ev = 0; ev < CH_COUNT(ev_cmds); ev++)   /* bound: ISSU_NEVENTS */
        if (ev_cmds[ev] == cmd && cmd >= 0 && strcmp(ch_spec_outcome_name(ev), outcome) == 0)
            return ev;
    return -1;
}

const char *ch_spec_event_name(int ev) { return name_of(ev_strs, CH_COUNT(ev_strs), ev); }

const char *ch_spec_outcome_name(int ev)
{
    const char *s = ch_spec_event_name(ev);
    const char *dot = strchr(s, '.');
    return dot != NULL ? dot + 1 : s;
}

int ch_spec_cmd_timeout_event(int cmd)
{
    return cmd >= 0 && cmd < CH_COUNT(cmd_tevs) ? cmd_tevs[cmd] : -1;
}
