/* cli_report.c - the CLI's reports (cli_report.h). */
#include "cli_report.h"

#include <assert.h>
#include <string.h>

#include "ch_spec.h"
#include "families.h"

void cli_report_clock(char *buf, size_t len, sim_ms t)
{
    unsigned long long s = (unsigned long long)(t / 1000u);
    snprintf(buf, len, "%02llu:%02llu:%02llu.%03llu", s / 3600u, s / 60u % 60u, s % 60u,
             (unsigned long long)(t % 1000u));
}

void cli_report_duration(char *buf, size_t len, sim_ms d)
{
    unsigned long long ms = (unsigned long long)d;
    if (ms == 0)
        snprintf(buf, len, "0 ms");
    else if (ms < 60000u)
        snprintf(buf, len, "%llu.%03llu s", ms / 1000u, ms % 1000u);
    else if (ms < 3600000u)
        snprintf(buf, len, "%llum %02llu.%03llus", ms / 60000u, ms / 1000u % 60u, ms % 1000u);
    else
        snprintf(buf, len, "%lluh %02llum %02llu.%03llus", ms / 3600000u, ms / 60000u % 60u,
                 ms / 1000u % 60u, ms % 1000u);
}

/* ---- FRUs ------------------------------------------------------------------ */

/* What the status command says of an FRU in each member of the spec's fru
 * enum ('@' in a reason is the pool's label), and what it runs. */
enum { REL_RUNNING, REL_TARGET, REL_NONE };
static const struct {
    const char *member;                /* the spec's fru member */
    const char *status;                /* Online / Offline (DOMAIN 4.6) */
    const char *reason;                /* the Reason column */
    int release;                       /* REL_x */
    const char *instead;               /* REL_NONE: shown instead of a release */
} fru_text[] = {
    { "ONLINE_OLD", "Online", "", REL_RUNNING, NULL },
    { "UNSUPPORTED", "Online", "In-Service-Upgrade not supported", REL_RUNNING, NULL },
    { "OFFLINE", "Offline", "Offlined by ISSU (In-Service-Upgrade not supported)", REL_NONE, "(offline)" },
    { "PREPARING", "Online", "ISSU_PREPARE sent, saving state", REL_RUNNING, NULL },
    { "READY", "Online", "ISSU_READY", REL_RUNNING, NULL },
    { "WARM_BOOTING", "Online", "Warm booting", REL_NONE, "(booting)" },
    { "ONLINE_NEW", "Online", "Upgraded", REL_TARGET, NULL },
    { "FAILED", "Offline", "ISSU failed, @ powered off", REL_NONE, "(down)" },
};

/* The name of member v of the fru enum. */
static const char *fru_name(const ch_chassis *ch, int32_t v)
{
    return ch_spec_member_name(ch->id.fru, v);
}

/* The row of fru_text for member v of the fru enum, or -1 (a member it does not know). */
static int fru_row(const ch_chassis *ch, int32_t v)
{
    const char *m = fru_name(ch, v);
    for (int i = 0; i < (int)(sizeof fru_text / sizeof fru_text[0]); i++)   /* bound: the table */
        if (strcmp(fru_text[i].member, m) == 0)
            return i;
    return -1;
}

/* The release an FRU in member v runs, or what it is doing instead. */
static const char *fru_release(const ch_chassis *ch, int32_t v)
{
    int row = fru_row(ch, v);
    if (row >= 0 && fru_text[row].release == REL_NONE)
        return fru_text[row].instead;
    return row >= 0 && fru_text[row].release == REL_TARGET ? ch->cfg.target.text : ch->cfg.running.text;
}

/* Status and reason of the FRU of unit u in member v, labelled `label`,
 * in the words of the status command. */
static void fru_status(const ch_chassis *ch, uint32_t u, int32_t v, const char *label, const char **status,
                       char *reason, size_t len)
{
    int row = fru_row(ch, v);
    const char *why = row >= 0 ? fru_text[row].reason : fru_name(ch, v);
    *status = row >= 0 ? fru_text[row].status : "Online";
    if (ch->dark[u])
        why = "Warm booting (dark window)";
    const char *at = strchr(why, '@');
    if (at != NULL)
        snprintf(reason, len, "%.*s%s%s", (int)(at - why), why, label, at + 1);
    else
        snprintf(reason, len, "%s", why);
}

/* ---- REs ---------------------------------------------------------------------- */

/* The release RE `re` runs or has installed, by its version member. */
static const char *re_release(const ch_chassis *ch, int re, int var)
{
    if (var >= 0 && ch_get(ch, var, re) == ch_spec_var_member(var, "NEW"))
        return ch->cfg.target.text;
    return re == 0 ? ch->cfg.running.text : ch->cfg.backup_running.text;
}

/* A role member in lower case ("master"), into r. */
static void role_text(const ch_chassis *ch, int32_t role, char *r, size_t len)
{
    const char *m = ch_spec_member_name(ch_spec_var_enum(ch->id.re_role), role);
    size_t k = 0;
    for (; m[k] != '\0' && k + 1 < len; k++)
        r[k] = (char)(m[k] >= 'A' && m[k] <= 'Z' ? m[k] - 'A' + 'a' : m[k]);
    r[k] = '\0';
}

/* Both REs of every member chassis (a routing matrix's LCCs): lcc0-re0
 * ... lcc3-re1, each with its role and the release it runs (its old
 * master's install without a reboot is not in the spec: what runs). */
static void member_res(FILE *out, const ch_chassis *ch)
{
    const ch_members *ms = &ch->members;
    for (int32_t i = 0; i < ms->n; i++)
        for (int re = 0; re < 2; re++) {
            char r[16], name[CH_NAME_MAX];
            int32_t role, ver;
            ch_member_re(ch, i, re, &role, &ver);
            role_text(ch, role, r, sizeof r);
            snprintf(name, sizeof name, "%s%d-re%d", ms->d->name, (int)i, re);
            fprintf(out, "  %-9s %-9s  running %s\n", name, r,
                    ver == ch_spec_var_member(ms->mver, "NEW") ? ch->cfg.target.text : ch->cfg.running.text);
        }
}

static void summary_res(FILE *out, const ch_chassis *ch)
{
    int role = ch->id.re_role, ver = ch_spec_var("re_ver"), inst = ch_spec_var("re_inst");
    fprintf(out, "Routing Engines:\n");
    for (int32_t i = 0; role >= 0 && i < issu_plant_size(&ch->plant, role); i++) {
        char r[16];
        role_text(ch, ch_get(ch, role, i), r, sizeof r);
        fprintf(out, "  re%d  %-9s  running %-12s installed %s\n", (int)i, r,
                re_release(ch, (int)i, ver), re_release(ch, (int)i, inst));
    }
    member_res(out, ch);
}

/* ---- the summary ---------------------------------------------------------------- */

/* One forwarding unit u, slot `slot` in member v: its state, release and loss. */
static void summary_unit(FILE *out, const ch_chassis *ch, int32_t slot, int32_t v, uint32_t u)
{
    char d[32];
    const sim_traffic_unit *tu = &ch->traffic.u[u];
    int down = sim_traffic_degraded(&ch->traffic, u);
    uint32_t n = tu->outages + (down ? 1u : 0u);
    cli_report_duration(d, sizeof d, sim_traffic_lost(&ch->traffic, u, ch->sched.now));
    fprintf(out, "  %-4u  %-12s  %-12s  %s", (unsigned)slot, fru_name(ch, v), fru_release(ch, v), d);
    if (n > 0)
        fprintf(out, " (%u outage%s%s)", n, n == 1 ? "" : "s", down ? ", still down" : "");
    fputc('\n', out);
}

static const char fru_header[] = "  slot  state         release       forwarding loss\n";

static void summary_pool(FILE *out, const ch_chassis *ch, const ch_pool *pl)
{
    fprintf(out, "%ss:\n%s", pl->label, fru_header);
    for (int32_t e = 0; e < pl->size; e++)
        summary_unit(out, ch, e, ch_get(ch, pl->var, e), pl->unit + (uint32_t)e);
}

/* Each member chassis' FRUs, slot by slot (ch_member.h: the spec counts
 * them, the chassis keeps them in slots, lowest-numbered first). */
static void summary_members(FILE *out, const ch_chassis *ch)
{
    const ch_members *ms = &ch->members;
    for (int32_t i = 0; i < ms->n; i++) {
        fprintf(out, "%s%d (%s) %ss:\n%s", ms->d->name, (int)i, ms->d->chassis, ms->d->fru_label, fru_header);
        for (int32_t s = 0; s < ms->nfru; s++)
            summary_unit(out, ch, s, ch_member_fru(ch, i, s), ms->unit + (uint32_t)(i * ms->nfru + s));
    }
}

static void summary_faults(FILE *out, const ch_run *r)
{
    const ch_chassis *ch = &r->ch;
    char t[32];
    for (uint32_t i = 0; i < ch->faults.n; i++) {
        const sim_fault *f = &ch->faults.f[i];
        if ((int)i == r->yes_fault && !f->fired)
            continue;                  /* --yes, and no prompt came */
        cli_report_clock(t, sizeof t, f->fired_at);
        if (f->fired)
            fprintf(out, "fault:                 %s happened at %s\n", f->text, t);
        else
            fprintf(out, "fault:                 %s never happened (its point or condition was not reached)\n", f->text);
    }
}

/* The options the operator gave, as on the command line. */
static void summary_options(FILE *out, const ch_config *c)
{
    int any = 0;
    fprintf(out, "options:               ");
    for (int o = 0; o < ISSU_NOPTIONS; o++) {
        if (!ch_config_has(c, o))
            continue;
        for (const char *s = ch_spec_option_name(o); *s != '\0'; s++)
            fputc(*s == '_' ? '-' : *s, out);
        fputc(' ', out);
        any = 1;
    }
    fprintf(out, "%s\n", any ? "" : "(none)");
}

/* Control plane and forwarding during the switchover. */
static void summary_planes(FILE *out, const ch_run *r)
{
    const ch_chassis *ch = &r->ch;
    char d[32];
    int32_t sw = 0;
    cli_report_duration(d, sizeof d, sim_traffic_cp_outage(&ch->traffic, ch->sched.now));
    fprintf(out, "control-plane outage:  %s%s\n", d, ch->traffic.cp_outages == 0 && ch->traffic.master
            ? " (a master Routing Engine at every instant)" : " (NO MASTER for some time)");
    if (ch->family->gres_share < SIM_TRAFFIC_FULL)
        fprintf(out, "GRES switchover:       kept %u%% of line rate per PFE during the switchover\n",
                ch->family->gres_share);
    if (ch_spec_var("switchovers") >= 0)
        sw = ch_get(ch, ch_spec_var("switchovers"), 0);
    fprintf(out, "RE switchovers:        %d\n", (int)sw);
    if (ch->traffic.n == 0)
        fprintf(out, "forwarding:            no FRU is reset on this chassis (its profile has none to upgrade)\n");
}

void cli_report_summary(FILE *out, const ch_run *r, const cli_args *a)
{
    assert(out != NULL && r != NULL && a != NULL && a->request != NULL);
    const ch_chassis *ch = &r->ch;
    char d[32];
    fprintf(out, "\n== %s summary: %s (simulated), ", a->request->title, ch->cfg.model->chassis);
    if (a->request->same_version)      /* a restart: no target */
        fprintf(out, "%s, the running release", ch->cfg.running.text);
    else
        fprintf(out, "%s -> %s", ch->cfg.running.text, ch->cfg.target.text);
    fprintf(out, ", seed %llu\n", (unsigned long long)ch->cfg.seed);
    static const char *const ends[] = { "", " (stuck: nothing left to happen)", " (run limit reached)", " (stopped)" };
    fprintf(out, "outcome:               %s%s\n", ch_run_result(r), ends[r->end]);
    cli_report_duration(d, sizeof d, ch->sched.now);
    fprintf(out, "virtual duration:      %s\n", d);
    summary_planes(out, r);
    fprintf(out, "requests refused:      %u\n", r->rejected);
    fprintf(out, "monitors:              %s", r->monitor_violations + r->contract_violations == 0
            ? "silent\n" : "VIOLATED: ");
    if (r->monitor_violations + r->contract_violations != 0)
        fprintf(out, "%u monitor, %u contract; first: %s\n", r->monitor_violations,
                r->contract_violations, r->first_violation);
    summary_options(out, &ch->cfg);
    summary_faults(out, r);
    summary_res(out, ch);
    for (uint32_t k = 0; k < ch->npools; k++)
        if (ch->pools[k].size > 0)
            summary_pool(out, ch, &ch->pools[k]);
    summary_members(out, ch);
}

/* ---- status, validate, platforms ------------------------------------------------------ */

/* One row of the status table: the FRU of unit u, in member v. */
static void status_row(FILE *out, const ch_chassis *ch, const char *item, const char *label, uint32_t u, int32_t v)
{
    const char *status;
    char reason[96];
    fru_status(ch, u, v, label, &status, reason, sizeof reason);
    fprintf(out, "%-10s %-9s %-13s %s\n", item, status, fru_release(ch, v), reason);
}

/* The rows of one pool, and the ISSU-unsupported PICs of the FPCs. */
static void status_pool(FILE *out, const ch_chassis *ch, const ch_pool *pl)
{
    int pics = strcmp(ch_spec_var_name(pl->var), "fpc") == 0;
    int width = 9 - (int)strlen(pl->label);
    for (int32_t e = 0; e < pl->size; e++) {
        const char *status;
        char reason[96];
        uint32_t s = (uint32_t)e, u = pl->unit + s;
        int32_t v = ch_get(ch, pl->var, e);
        fru_status(ch, u, v, pl->label, &status, reason, sizeof reason);
        fprintf(out, "%s %-*u %-9s %-13s %s\n", pl->label, width > 0 ? width : 1, s, status,
                fru_release(ch, v), reason);
        for (uint32_t k = 0; pics && s < CH_SLOTS_MAX && k < ch->cfg.pics[s]; k++)
            if ((ch->cfg.unsupported_pics[s] >> k) & 1u)
                fprintf(out, "  PIC %u/%u  %-9s %-13s %s\n", s, k, status, "",
                        "In-Service-Upgrade not supported");
    }
}

/* The rows of every member chassis' FRUs: "lcc1 FPC 3". */
static void status_members(FILE *out, const ch_chassis *ch)
{
    const ch_members *ms = &ch->members;
    for (int32_t i = 0; i < ms->n; i++)
        for (int32_t s = 0; s < ms->nfru; s++) {
            char item[64];
            snprintf(item, sizeof item, "%s%d %s %d", ms->d->name, (int)i, ms->d->fru_label, (int)s);
            status_row(out, ch, item, ms->d->fru_label, ms->unit + (uint32_t)(i * ms->nfru + s),
                       ch_member_fru(ch, i, s));
        }
}

void cli_report_status(FILE *out, const ch_run *r)
{
    assert(out != NULL && r != NULL);
    const ch_chassis *ch = &r->ch;
    char t[32];
    cli_report_clock(t, sizeof t, ch->sched.now);
    fprintf(out, "%s (simulated) at %s, ISSU state %s, last outcome %s\n\n", ch->cfg.model->chassis, t,
            ch_run_state(r), ch_run_result(r));
    if (ch->traffic.n > 0) {           /* a table of FRUs, if the profile has any */
        fprintf(out, "%-10s %-9s %-13s %s\n", "Item", "Status", "Release", "Reason");
        for (uint32_t k = 0; k < ch->npools; k++)
            status_pool(out, ch, &ch->pools[k]);
        status_members(out, ch);
        fputc('\n', out);
    }
    summary_res(out, ch);
}

void cli_report_validate(FILE *out, const ch_run *r)
{
    assert(out != NULL && r != NULL);
    const ch_chassis *ch = &r->ch;
    int ok = r->end == CH_END_STOPPED;
    fprintf(out, "\nvalidation: %s\n", ok ? "passed, the upgrade would start (stopped before its first change: nothing was installed or offlined)" : "failed, the upgrade would be rejected");
    for (uint32_t k = 0; ok && k < ch->npools; k++)
        for (int32_t e = 0; e < ch->pools[k].size; e++)
            if (ch_get(ch, ch->pools[k].var, e) == ch->id.unsupported)
                fprintf(out, "  %s %u would be offlined (In-Service-Upgrade not supported)\n",
                        ch->pools[k].label, (unsigned)e);
}

/* The width of the widest chassis name of the table. */
static int chassis_width(void)
{
    size_t w = strlen("chassis");
    for (size_t i = 0; i < ch_model_count; i++)   /* bound: the table */
        w = strlen(ch_models[i].chassis) > w ? strlen(ch_models[i].chassis) : w;
    return (int)w;
}

void cli_report_platforms(FILE *out)
{
    assert(out != NULL);
    int cw = chassis_width();
    for (size_t i = 0; i < ch_model_count; i++) {
        const ch_model *m = &ch_models[i];
        int prof = ch_spec_profile(m->profile);
        char floor[16];
        if (i == 0 || m->family != ch_models[i - 1].family)
            fprintf(out, "%sfamily %s - %s\n  %s\n  %-7s %-*s %9s %5s %5s  %13s  %-12s  %s\n", i == 0 ? "" : "\n",
                    m->family->name, m->family->title, ch_spec_family_doc(ch_spec_profile_family(prof)),
                    "model", cw, "chassis", "FPC slots", "FEBs", "LCCs", "release floor", "spec profile", "request");
        snprintf(floor, sizeof floor, "%u.%u", m->floor_major, m->floor_minor);
        fprintf(out, "  %-7s %-*s %9d %5d %5d  %13s  %-12s  issu %s\n", m->name, cw, m->chassis,
                (int)ch_spec_profile_param(prof, "slots"), (int)ch_spec_profile_param(prof, "febs"),
                (int)ch_spec_profile_param(prof, "lccs"), floor, m->profile, cli_request_of(m)->subcommand);
    }
}
