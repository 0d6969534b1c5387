/* cli_report.c - the CLI's reports (cli_report.h). */
#include "cli_report.h"

#include <assert.h>
#include <string.h>

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

static const char *role_text(mx_role r)
{
    static const char *const t[] = { "master", "backup", "rebooting", "down" };
    return t[r];
}

/* The release an RE runs or has installed. */
static const char *re_release(const mx_plant *p, int re, mx_ver v)
{
    if (v == MX_NEW)
        return p->cfg.target.text;
    return re == 0 ? p->cfg.running.text : p->cfg.backup_running.text;
}

/* The release an FPC runs, or what it is doing instead. */
static const char *fpc_release(const mx_plant *p, uint32_t s)
{
    switch (p->fpc[s]) {
    case MX_ONLINE_NEW: return p->cfg.target.text;
    case MX_WARM_BOOTING: return "(booting)";
    case MX_OFFLINE: return "(offline)";
    case MX_FAILED: return "(down)";
    default: return p->cfg.running.text;
    }
}

static void summary_res(FILE *out, const mx_plant *p)
{
    fprintf(out, "Routing Engines:\n");
    for (int i = 0; i < (int)MX_RES; i++)
        fprintf(out, "  re%d  %-9s  running %-12s installed %s\n", i, role_text(p->re_role[i]),
                re_release(p, i, p->re_ver[i]), re_release(p, i, p->re_inst[i]));
}

static void summary_fpcs(FILE *out, const mx_plant *p)
{
    char d[32];
    sim_ms now = p->sched.now;
    fprintf(out, "FPCs:\n  slot  state         release       forwarding loss\n");
    for (uint32_t s = 0; s < p->slots; s++) {
        const sim_traffic_unit *u = &p->traffic.u[s];
        cli_report_duration(d, sizeof d, sim_traffic_lost(&p->traffic, s, now));
        uint32_t n = u->outages + (!u->forwarding ? 1u : 0u);
        fprintf(out, "  %-4u  %-12s  %-12s  %s", s, mx_fru_names[p->fpc[s]], fpc_release(p, s), d);
        if (n > 0)
            fprintf(out, " (%u outage%s%s)", n, n == 1 ? "" : "s", !u->forwarding ? ", still down" : "");
        fputc('\n', out);
    }
}

static void summary_faults(FILE *out, const mx_run *r)
{
    const mx_plant *p = &r->plant;
    char t[32];
    for (uint32_t i = 0; i < p->faults.n; i++) {
        const sim_fault *f = &p->faults.f[i];
        if ((int)i == r->yes_fault && !f->fired)
            continue;                  /* --yes, and no prompt came */
        cli_report_clock(t, sizeof t, f->fired_at);
        if (f->fired)
            fprintf(out, "fault:                 %s happened at %s\n", f->text, t);
        else
            fprintf(out, "fault:                 %s never happened (its point or condition was not reached)\n", f->text);
    }
}

void cli_report_summary(FILE *out, const mx_run *r, const cli_args *a)
{
    assert(out != NULL && r != NULL && a != NULL);
    const mx_plant *p = &r->plant;
    char d[32];
    fprintf(out, "\n== ISSU summary: %s (simulated), %s -> %s, seed %llu\n", p->cfg.model->chassis,
            p->cfg.running.text, p->cfg.target.text, (unsigned long long)p->cfg.seed);
    static const char *const ends[] = { "", " (stuck: nothing left to happen)", " (run limit reached)", " (stopped)" };
    fprintf(out, "outcome:               %s%s\n", mx_run_result(r), ends[r->end]);
    cli_report_duration(d, sizeof d, p->sched.now);
    fprintf(out, "virtual duration:      %s\n", d);
    cli_report_duration(d, sizeof d, sim_traffic_cp_outage(&p->traffic, p->sched.now));
    fprintf(out, "control-plane outage:  %s%s\n", d, p->traffic.cp_outages == 0 && p->traffic.master
            ? " (a master Routing Engine at every instant)" : " (NO MASTER for some time)");
    fprintf(out, "RE switchovers:        %d\n", (int)p->switchovers);
    fprintf(out, "requests refused:      %u\n", r->rejected);
    fprintf(out, "monitors:              %s", r->monitor_violations + r->contract_violations == 0
            ? "silent\n" : "VIOLATED: ");
    if (r->monitor_violations + r->contract_violations != 0)
        fprintf(out, "%u monitor, %u contract; first: %s\n", r->monitor_violations,
                r->contract_violations, r->first_violation);
    fprintf(out, "options:               %s%s%s\n", p->cfg.opt_reboot ? "reboot " : "",
            p->cfg.opt_no_old_master_upgrade ? "no-old-master-upgrade " : "",
            p->cfg.opt_reboot || p->cfg.opt_no_old_master_upgrade ? "" : "(none)");
    summary_faults(out, r);
    summary_res(out, p);
    summary_fpcs(out, p);
}

/* Status and reason of an FPC, in the words of the status command. */
static void fpc_status(const mx_plant *p, uint32_t s, const char **status, const char **reason)
{
    static const char *const st[MX_FRU_N] = {
        "Online", "Online", "Offline", "Online", "Online", "Online", "Online", "Offline",
    };
    static const char *const why[MX_FRU_N] = {
        "", "In-Service-Upgrade not supported", "Offlined by ISSU (In-Service-Upgrade not supported)",
        "ISSU_PREPARE sent, saving state", "ISSU_READY", "Warm booting", "Upgraded",
        "ISSU failed, FPC powered off",
    };
    *status = st[p->fpc[s]];
    *reason = p->fpc[s] == MX_WARM_BOOTING && p->dark[s] ? "Warm booting (dark window)" : why[p->fpc[s]];
}

void cli_report_status(FILE *out, const mx_run *r)
{
    assert(out != NULL && r != NULL);
    const mx_plant *p = &r->plant;
    char t[32];
    cli_report_clock(t, sizeof t, p->sched.now);
    fprintf(out, "%s (simulated) at %s, ISSU state %s, last outcome %s\n\n", p->cfg.model->chassis, t,
            mx_run_state(r), mx_run_result(r));
    fprintf(out, "%-10s %-9s %-13s %s\n", "Item", "Status", "Release", "Reason");
    for (uint32_t s = 0; s < p->slots; s++) {
        const char *status, *reason;
        fpc_status(p, s, &status, &reason);
        fprintf(out, "FPC %-6u %-9s %-13s %s\n", s, status, fpc_release(p, s), reason);
        for (uint32_t k = 0; k < p->cfg.pics[s]; k++)
            if ((p->cfg.unsupported_pics[s] >> k) & 1u)
                fprintf(out, "  PIC %u/%u  %-9s %-13s %s\n", s, k, status, "",
                        "In-Service-Upgrade not supported");
    }
    fputc('\n', out);
    summary_res(out, p);
}

void cli_report_platforms(FILE *out)
{
    assert(out != NULL);
    fprintf(out, "family mx: MX Series, FPCs warm-booted one at a time (DOMAIN 4.1)\n");
    for (uint32_t i = 0; i < mx_model_count; i++)
        fprintf(out, "  %-7s %-6s %2u FPC slots, 2 Routing Engines (spec profile %s)\n",
                mx_models[i].name, mx_models[i].chassis, mx_models[i].slots, mx_models[i].profile);
    fprintf(out, "other families of the design (m120, t, txmatrix, vm, issr) are not simulated yet\n");
}
