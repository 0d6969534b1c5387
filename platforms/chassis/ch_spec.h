/* ch_spec.h - the spec's names, from the generated identifiers
 * (issu_ids.h, issu_plant.h): the chassis, the run and the CLI look every
 * plant variable, enum member, command, outcome, fault, option, profile and
 * param up by name here, so that nothing of the spec is numbered twice.  A
 * name the spec does not have is -1: the caller then skips what needs it
 * (a spec without `disk_space` has no such check). */
#ifndef CH_SPEC_H
#define CH_SPEC_H

#include <stdint.h>

#include "issu_plant.h"

/* Plant variable ISSU_PV_x of that name, or -1. */
int ch_spec_var(const char *name);
/* Its name ("?" out of range), shape (ISSU_SHAPE_x), enum (ISSU_ENUM_ID_x or
 * -1) and first cell in issu_plant.cell. */
const char *ch_spec_var_name(int var);
int ch_spec_var_shape(int var);
int ch_spec_var_enum(int var);
int32_t ch_spec_var_slot(int var);

/* Enum ISSU_ENUM_ID_x of that name, or -1; its name ("?" out of range). */
int ch_spec_enum(const char *name);
const char *ch_spec_enum_name(int enum_id);
/* Member of enum enum_id of that name, or -1. */
int32_t ch_spec_member(int enum_id, const char *name);
/* The name of member v of enum enum_id ("MASTER"); "?" out of range. */
const char *ch_spec_member_name(int enum_id, int32_t v);
/* Member of the enum of plant variable var, or -1. */
int32_t ch_spec_var_member(int var, const char *name);

/* Command ISSU_CMD_x, fault or operator action ISSU_ENV_x, option
 * ISSU_OPT_x, profile ISSU_PROF_x, param ISSU_PARAM_x of that name, or -1. */
int ch_spec_cmd(const char *name);
int ch_spec_env(const char *name);
int ch_spec_option(const char *name);
int ch_spec_profile(const char *name);
int ch_spec_param(const char *name);
/* Their names ("?" out of range). */
const char *ch_spec_cmd_name(int cmd);
const char *ch_spec_env_name(int env);
const char *ch_spec_option_name(int opt);
const char *ch_spec_profile_name(int prof);

/* The family (ISSU_FAM_x) of profile prof, and its name; -1 / "?". */
int ch_spec_profile_family(int prof);
const char *ch_spec_family_name(int fam);
const char *ch_spec_family_doc(int fam);
/* Param `name` of profile prof; 0 if the spec has no such param. */
int32_t ch_spec_profile_param(int prof, const char *name);

/* Faults and operator actions: fault (1) or operator action (0), silent,
 * the event it posts (ISSU_EV_x, -1 when silent), its description. */
int ch_spec_env_is_fault(int env);
int ch_spec_env_event(int env);
const char *ch_spec_env_doc(int env);
/* The machine its event goes to (ISSU_M_x; one instance of an array for
 * `to M[any]`), or -1 when it is silent. */
int ch_spec_env_machine(int env);

/* Machine ISSU_M_x of that name, or -1; its name ("?" out of range). */
int ch_spec_machine(const char *name);
const char *ch_spec_machine_name(int machine);

/* The spec's name of event ev ("validate_image.ok", "abort"); "?" out of range. */
const char *ch_spec_event_name(int ev);
/* The outcome event ISSU_EV_<cmd>__<outcome> of that outcome name, or -1;
 * the outcome's name (after the dot of the event's name). */
int ch_spec_outcome(int cmd, const char *outcome);
const char *ch_spec_outcome_name(int ev);
/* The timeout event of a command, or -1. */
int ch_spec_cmd_timeout_event(int cmd);

#endif
