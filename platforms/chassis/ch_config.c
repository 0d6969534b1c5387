/* ch_config.c - the router's configuration as the spec's facts
 * (ch_config.h). */
#include "ch_config.h"

#include <assert.h>
#include <string.h>

#include "ch_spec.h"

#define CH_FACTS(X) \
    X(gres_configured) X(nsr_configured) X(versions_match) X(target_newer) \
    X(within_3_releases) X(no_sdk_packages) X(disk_space) X(config_supported) \
    X(config_compatible) X(image_signed) X(gres_ready) X(nsr_synced) \
    X(nsb_configured) X(gr_disabled) X(no_drop_all_tcp) X(lacp_slow) \
    X(issr_device) X(issr_spaced)
#define CH_FACT_ENUM(n) CH_FACT_##n,
#define CH_FACT_NAME(n) #n,
enum { CH_FACTS(CH_FACT_ENUM) CH_FACT_N };
static const char *const fact_names[CH_FACT_N] = { CH_FACTS(CH_FACT_NAME) };

void ch_config_default(ch_config *c, const ch_model *model)
{
    assert(c != NULL && model != NULL && model->pics <= CH_PICS_MAX);
    memset(c, 0, sizeof *c);
    c->model = model;
    (void)ch_release_parse("23.4R1.9", &c->running);
    c->backup_running = c->running;
    (void)ch_release_parse("24.2R1.17", &c->target);
    c->gres = c->nsr = c->disk_space = 1;
    c->config_supported = c->config_compatible = c->image_signed = 1;
    c->backup_ready = c->nsr_synced = 1;
    c->nsb = 1;
    c->last_issr_s = -1;
    for (uint32_t i = 0; i < CH_SLOTS_MAX; i++)
        c->pics[i] = model->pics;
    c->seed = 1;
}

int ch_config_option(ch_config *c, const char *name)
{
    assert(c != NULL && name != NULL);
    int opt = ch_spec_option(name);
    if (opt < 0)
        return -1;
    c->options[opt] = 1;
    return 0;
}

int ch_config_has(const ch_config *c, int opt)
{
    assert(c != NULL);
    return opt >= 0 && opt < ISSU_NOPTIONS && c->options[opt] != 0;
}

/* P6: the running release supports ISSU (the model's floor) and the target
 * is newer. */
static int target_newer(const ch_config *c)
{
    const ch_model *m = c->model;
    return ch_release_cmp(&c->target, &c->running) > 0
        && ch_release_at_least(&c->running, m->floor_major, m->floor_minor);
}

/* DECISION D32: the device items of the pre-ISSR checklist in their
 * printed order (DOMAIN 2.3); the fact is the member of the variable's
 * enum that names the first one that fails. */
static int32_t issr_device(const ch_config *c, int var)
{
    const struct {
        int fails;                     /* the configuration fails this item */
        const char *member;            /* the member naming it */
    } items[] = {
        { c->pfe_offline, "PFE_NOT_ONLINE" },
        { c->member_id_nonzero, "MEMBER_ID_NOT_ZERO" },
        { c->vc_mixed, "VC_MIXED_OR_FABRIC" },
        { c->vc_multi_node, "VC_NOT_SINGLE_NODE" },
        { c->bfd_interval_low, "BFD_INTERVAL_LOW" },
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)   /* bound: the items */
        if (items[i].fails)
            return ch_spec_var_member(var, items[i].member);
    return ch_spec_var_member(var, "DEVICE_VALID");
}

/* Fact k of CH_FACTS, variable var, for this configuration. */
static int32_t fact_value(const ch_config *c, int k, int var)
{
    switch (k) {
    case CH_FACT_gres_configured: return c->gres != 0;
    case CH_FACT_nsr_configured: return c->nsr != 0;
    case CH_FACT_versions_match: return ch_release_cmp(&c->running, &c->backup_running) == 0;
    case CH_FACT_target_newer: return target_newer(c);
    case CH_FACT_within_3_releases: return ch_release_distance(&c->running, &c->target) <= 3;
    case CH_FACT_no_sdk_packages: return c->sdk_packages == 0;
    case CH_FACT_disk_space: return c->disk_space != 0;
    case CH_FACT_config_supported: return c->config_supported != 0;
    case CH_FACT_config_compatible: return c->config_compatible != 0;
    case CH_FACT_image_signed: return c->image_signed != 0;
    case CH_FACT_gres_ready: return c->backup_ready && c->gres;
    case CH_FACT_nsr_synced: return c->backup_ready && c->nsr_synced && c->nsr;   /* a down backup is not synchronized (S22) */
    case CH_FACT_nsb_configured: return c->nsb != 0;
    case CH_FACT_gr_disabled: return c->gr == 0;
    case CH_FACT_no_drop_all_tcp: return c->drop_all_tcp == 0;
    case CH_FACT_lacp_slow: return c->lacp_fast == 0;
    case CH_FACT_issr_device: return issr_device(c, var);
    case CH_FACT_issr_spaced: return c->last_issr_s < 0 || c->last_issr_s >= CH_ISSR_SPACING_S;   /* D33 */
    default: return 0;
    }
}

int ch_config_fact(const ch_config *c, int var, int32_t *value)
{
    assert(c != NULL && value != NULL && c->model != NULL);
    const char *name = ch_spec_var_name(var);
    for (int k = 0; k < CH_FACT_N; k++) {   /* bound: CH_FACT_N */
        if (strcmp(fact_names[k], name) == 0) {
            *value = fact_value(c, k, var);
            return 0;
        }
    }
    return -1;
}
