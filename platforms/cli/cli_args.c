/* cli_args.c - command-line parsing of the issu subcommands (cli_args.h).
 * Flags take their value as the next word or after '='; no flag changes
 * anything before the whole line has been read and checked. */
#include "cli_args.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "ch_spec.h"
#include "families.h"
#include "sim_err.h"

/* The subcommands, by cli_cmd. */
static const char *const cmd_names[] = { "upgrade", "validate", "status", "reboot-in-service" };

/* Unified ISSU [0] and ISSR [1] (cli_args.h). */
static const cli_request requests[] = {
    { "upgrade", "start", "ISSU", "unified ISSU (request system software in-service-upgrade)", 0 },
    { "reboot-in-service", "reboot_in_service", "ISSR",
      "ISSR, a restart on its running release (request system reboot in-service)", 1 },
};

/* Flags of one procedure only (cli_args.only): unified ISSU's package,
 * releases, options and unsupported hardware; ISSR's spacing.  Nothing
 * given is silently ignored: the other procedure refuses them. */
static const struct {
    const char *flag;
    int same_version;                  /* the procedure's (cli_request) */
} own_flags[] = {
    { "--package", 0 }, { "--trust", 0 }, { "--target", 0 }, { "--running", 0 }, { "--backup-running", 0 },
    { "--reboot", 0 }, { "--no-old-master-upgrade", 0 }, { "--unsupported-fpc", 0 },
    { "--unsupported-pic", 0 }, { "--last-issr", 1 },
};

const cli_request *cli_request_of(const ch_model *m)
{
    assert(m != NULL);
    return &requests[ch_spec_profile_param(ch_spec_profile(m->profile), "same_version") != 0];
}

/* The router settings of --config, and what each one turns off or on. */
static int apply_config_word(ch_config *c, const char *w)
{
    if (strcmp(w, "no-gres") == 0) c->gres = 0;
    else if (strcmp(w, "no-nsr") == 0) c->nsr = 0;
    else if (strcmp(w, "no-disk-space") == 0) c->disk_space = 0;
    else if (strcmp(w, "sdk-packages") == 0) c->sdk_packages = 1;
    else if (strcmp(w, "unsupported-config") == 0) c->config_supported = 0;
    else if (strcmp(w, "config-conflict") == 0) c->config_compatible = 0;
    else if (strcmp(w, "bad-signature") == 0) c->image_signed = 0;
    else if (strcmp(w, "backup-not-ready") == 0) c->backup_ready = 0;
    else if (strcmp(w, "nsr-not-synced") == 0) c->nsr_synced = 0;
    else if (strcmp(w, "no-nsb") == 0) c->nsb = 0;
    else if (strcmp(w, "gr-enabled") == 0) c->gr = 1;
    else if (strcmp(w, "drop-all-tcp") == 0) c->drop_all_tcp = 1;
    else if (strcmp(w, "lacp-fast") == 0) c->lacp_fast = 1;
    else if (strcmp(w, "pfe-offline") == 0) c->pfe_offline = 1;
    else if (strcmp(w, "member-id-nonzero") == 0) c->member_id_nonzero = 1;
    else if (strcmp(w, "vc-mixed") == 0) c->vc_mixed = 1;
    else if (strcmp(w, "vc-multi-node") == 0) c->vc_multi_node = 1;
    else if (strcmp(w, "bfd-interval-low") == 0) c->bfd_interval_low = 1;
    else return -1;
    return 0;
}

static int apply_config(ch_config *c, const char *list, const char *cmd, char *err, size_t errlen)
{
    char buf[128];
    if (strlen(list) >= sizeof buf || list[0] == '\0')
        return sim_err(err, errlen, "--config: bad list '%s'", list);
    memcpy(buf, list, strlen(list) + 1);
    for (char *w = buf, *next; w != NULL; w = next) {
        next = strchr(w, ',');
        if (next != NULL)
            *next++ = '\0';
        if (apply_config_word(c, w) != 0)
            return sim_err(err, errlen, "--config: unknown setting '%s' (see issu help %s)", w, cmd);
    }
    return 0;
}

static int parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (*s == '\0')
        return -1;
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9u) / 10u)
            return -1;
        v = v * 10u + (uint64_t)(*s - '0');
    }
    *out = v;
    return 0;
}

/* "N" or "N/P": an FPC slot and optionally a PIC. */
static int parse_slot(const char *s, int want_pic, uint32_t *slot, uint32_t *pic)
{
    uint64_t a = 0, b = 0;
    char buf[16];
    if (strlen(s) >= sizeof buf)
        return -1;
    memcpy(buf, s, strlen(s) + 1);
    char *slash = strchr(buf, '/');
    if ((slash != NULL) != (want_pic != 0))
        return -1;
    if (slash != NULL) {
        *slash = '\0';
        if (parse_u64(slash + 1, &b) != 0 || b >= CH_PICS_MAX)
            return -1;
    }
    if (parse_u64(buf, &a) != 0 || a >= CH_SLOTS_MAX)
        return -1;
    *slot = (uint32_t)a;
    *pic = (uint32_t)b;
    return 0;
}

/* Flags that take a value. */
static const char *const value_flags[] = {
    "--platform", "--package", "--trust", "--target", "--running", "--backup-running", "--fault",
    "--seed", "--trace", "--config", "--unsupported-fpc", "--unsupported-pic", "--at", "--last-issr",
    "--journal", "--crash-after", "--lccs",
};

/* Split argv[*i] into flag and value (next word or after '='). */
static int flag_value(int argc, char **argv, int *i, char *flag, size_t flen,
                      const char **value, char *err, size_t errlen)
{
    const char *w = argv[*i];
    const char *eq = strchr(w, '=');
    size_t n = eq != NULL ? (size_t)(eq - w) : strlen(w);
    if (n >= flen)
        return sim_err(err, errlen, "unknown option '%s' (see issu help)", w);
    memcpy(flag, w, n);
    flag[n] = '\0';
    *value = NULL;
    int takes = 0;
    for (size_t k = 0; k < sizeof value_flags / sizeof value_flags[0]; k++)
        takes |= strcmp(value_flags[k], flag) == 0;
    if (!takes)
        return eq != NULL ? sim_err(err, errlen, "option '%s' takes no value", flag) : 0;
    if (eq != NULL)
        *value = eq + 1;
    else if (*i + 1 < argc)
        *value = argv[++*i];
    else
        return sim_err(err, errlen, "option '%s' needs a value", flag);
    return 0;
}

/* Versions, kept as text until every flag is read. */
typedef struct vers {
    const char *running, *backup, *target;   /* --running, --backup-running, --target */
} vers;

static int flag_router(cli_args *a, vers *v, const char *f, const char *val, char *err, size_t errlen)
{
    ch_config *c = &a->run.cfg;
    uint32_t slot, pic;
    uint64_t secs;
    if (strcmp(f, "--running") == 0) v->running = val;
    else if (strcmp(f, "--backup-running") == 0) v->backup = val;
    else if (strcmp(f, "--target") == 0) v->target = val;
    else if (strcmp(f, "--config") == 0) return apply_config(c, val, cmd_names[a->cmd], err, errlen);
    else if (strcmp(f, "--last-issr") == 0) {
        if (parse_u64(val, &secs) != 0)
            return sim_err(err, errlen, "--last-issr: expected the seconds since the last ISSR ended, not '%s'", val);
        c->last_issr_s = secs < (uint64_t)INT64_MAX ? (int64_t)secs : INT64_MAX;
    }
    else if (strcmp(f, "--unsupported-fpc") == 0) {
        if (parse_slot(val, 0, &slot, &pic) != 0)
            return sim_err(err, errlen, "--unsupported-fpc: bad slot '%s' (0..%u)", val, CH_SLOTS_MAX - 1u);
        c->unsupported_pics[slot] = (1u << CH_PICS_MAX) - 1u;
    } else if (strcmp(f, "--unsupported-pic") == 0) {
        if (parse_slot(val, 1, &slot, &pic) != 0)
            return sim_err(err, errlen, "--unsupported-pic: expected FPC/PIC, e.g. 2/1, not '%s'", val);
        c->unsupported_pics[slot] |= 1u << pic;
    } else return 1;
    return 0;
}

/* Turn on the spec's option of that name. */
static int option(cli_args *a, const char *name, char *err, size_t errlen)
{
    if (ch_config_option(&a->run.cfg, name) != 0)
        return sim_err(err, errlen, "the spec has no option '%s'", name);
    return 0;
}

static int flag_run(cli_args *a, const char *f, const char *val, char *err, size_t errlen)
{
    ch_run_opts *o = &a->run;
    if (strcmp(f, "--platform") == 0) a->platform = val;
    else if (strcmp(f, "--lccs") == 0) a->lccs = val;
    else if (strcmp(f, "--package") == 0) a->package = val;
    else if (strcmp(f, "--trust") == 0) a->trust = val;
    else if (strcmp(f, "--trace") == 0) a->trace_path = val;
    else if (strcmp(f, "--journal") == 0 && a->cmd != CLI_STATUS) a->journal_path = val;
    else if (strcmp(f, "--torn-write") == 0 && a->cmd != CLI_STATUS) o->torn = 1;
    else if (strcmp(f, "--crash-after") == 0 && a->cmd != CLI_STATUS) {
        uint64_t n;
        if (parse_u64(val, &n) != 0 || n == 0 || n > UINT32_MAX)
            return sim_err(err, errlen, "--crash-after: expected a journal write number from 1, not '%s'", val);
        o->crash_after = (uint32_t)n;
    }
    else if (strcmp(f, "--at") == 0 && a->cmd == CLI_STATUS) o->stop_at = val;
    else if (strcmp(f, "--seed") == 0) {
        if (parse_u64(val, &o->cfg.seed) != 0)
            return sim_err(err, errlen, "--seed: expected a non-negative integer, not '%s'", val);
    } else if (strcmp(f, "--fault") == 0) {
        if (o->nfaults == SIM_FAULT_MAX)
            return sim_err(err, errlen, "--fault: at most %u faults", SIM_FAULT_MAX);
        o->faults[o->nfaults++] = val;
    } else if (strcmp(f, "--reboot") == 0) return option(a, "reboot", err, errlen);
    else if (strcmp(f, "--no-old-master-upgrade") == 0) return option(a, "no_old_master_upgrade", err, errlen);
    else if (strcmp(f, "--yes") == 0) a->yes = 1;
    else if (strcmp(f, "--verbose") == 0) a->verbose = 1;
    else if (strcmp(f, "--quiet") == 0) a->quiet = 1;
    else return 1;
    return 0;
}

static int version(const char *flag, const char *text, ch_release *out, char *err, size_t errlen)
{
    if (text != NULL && ch_release_parse(text, out) != 0)
        return sim_err(err, errlen, "%s: bad release '%s' (expected e.g. 24.2R1.17)", flag, text);
    return 0;
}

/* The FPCs and PICs of --unsupported-fpc/--unsupported-pic exist on the model. */
static int check_slots(const ch_config *c, char *err, size_t errlen)
{
    const ch_model *m = c->model;
    uint32_t slots = (uint32_t)ch_spec_profile_param(ch_spec_profile(m->profile), "slots");
    for (uint32_t s = 0; s < CH_SLOTS_MAX; s++) {
        if (c->unsupported_pics[s] == 0)
            continue;
        if (s >= slots && slots == 0)
            return sim_err(err, errlen, "FPC %u: the %s has no FPC slots", s, m->chassis);
        if (s >= slots)
            return sim_err(err, errlen, "FPC %u: the %s has slots 0..%u", s, m->chassis, slots - 1u);
        if ((c->unsupported_pics[s] >> c->pics[s]) != 0 && c->unsupported_pics[s] != (1u << CH_PICS_MAX) - 1u)
            return sim_err(err, errlen, "FPC %u has PICs 0..%u", s, c->pics[s] - 1u);
    }
    return 0;
}

/* The package (cli_pkg.h): signed by the trusted key, whole, named as
 * its file, for the model's family (none: any), and a release the running
 * one can go to in service: newer (P6) and at most three releases ahead
 * (P7).  It names the target, and its verified signature is the image
 * signature the validation reads. */
static int package(cli_args *a, char *err, size_t errlen)
{
    ch_config *c = &a->run.cfg;
    const cli_pkg *p = &a->pkg;
    const char *fam = c->model->family->name;
    if (a->trust == NULL)
        return sim_err(err, errlen, "--package needs --trust PUB.pem, the public key its signature must "
                       "verify with");
    if (!c->image_signed)
        return sim_err(err, errlen, "--config bad-signature cannot be used with --package: its own signature "
                       "is checked");
    if (cli_pkg_verify(a->package, a->trust, &a->pkg, err, errlen) != 0)
        return -1;
    if (p->family[0] != '\0' && strcmp(p->family, fam) != 0)
        return sim_err(err, errlen, "package '%s' is for the %s family, not %s", a->package, p->family, fam);
    if (ch_release_cmp(&p->release, &c->running) <= 0)
        return sim_err(err, errlen, "package '%s': release %s is not newer than the running release %s "
                       "(P6: a downgrade is not an in-service upgrade)", a->package, p->release.text, c->running.text);
    if (ch_release_distance(&c->running, &p->release) > 3)
        return sim_err(err, errlen, "package '%s': release %s is more than 3 releases ahead of the running %s "
                       "(P7: upgrade through a release in between)", a->package, p->release.text, c->running.text);
    c->target = p->release;
    c->image_signed = 1;
    return 0;
}

/* Remember flag f if it belongs to one procedure only. */
static void note_own_flag(cli_args *a, const char *f)
{
    for (size_t k = 0; k < sizeof own_flags / sizeof own_flags[0]; k++)   /* bound: the table */
        if (strcmp(own_flags[k].flag, f) == 0 && a->only[own_flags[k].same_version] == NULL)
            a->only[own_flags[k].same_version] = own_flags[k].flag;
}

/* The model's request is the subcommand's (status runs the model's own),
 * and no flag of the other procedure was given. */
static int procedure(cli_args *a, char *err, size_t errlen)
{
    const ch_model *m = a->run.cfg.model;
    const cli_request *own = cli_request_of(m);
    const cli_request *asked = a->cmd == CLI_STATUS ? own : &requests[a->cmd == CLI_REBOOT];
    const char *foreign = a->only[!own->same_version];
    if (own != asked)
        return sim_err(err, errlen, "the %s does %s, not %s: use issu %s --platform %s", m->chassis,
                       own->what, asked->title, own->subcommand, m->name);
    if (foreign != NULL)
        return sim_err(err, errlen, "%s does not apply to %s on the %s (see issu help %s)", foreign,
                       own->title, m->chassis, own->subcommand);
    a->request = own;
    a->run.request = own->action;
    a->run.yes = a->yes && a->cmd != CLI_REBOOT;   /* reboot-in-service's --yes is its own prompt's */
    return 0;
}

/* --crash-after and --torn-write need the file the resume reads. */
static int journal_flags(const cli_args *a, char *err, size_t errlen)
{
    if (a->run.crash_after != 0 && a->journal_path == NULL)
        return sim_err(err, errlen, "--crash-after needs --journal FILE (issu resume reads it)");
    if (a->run.torn && a->run.crash_after < 2)
        return sim_err(err, errlen, "--torn-write needs --crash-after N with N >= 2 (write 1, the run's "
                       "start record, is written before the run)");
    return 0;
}

/* A resume restarts one orchestrator (ch_run.h): a routing matrix runs
 * one per chassis, and a system-wide resume is not simulated. */
static int journal_model(const cli_args *a, char *err, size_t errlen)
{
    const ch_model *m = a->run.cfg.model;
    int n = ch_run_instances(m);
    if (a->journal_path != NULL && n > 1)
        return sim_err(err, errlen, "--journal: the %s runs %d orchestrators (the global master and one per "
                       "line-card chassis); issu resume restarts one, and a resume of them all is not "
                       "simulated", m->chassis, n);
    return 0;
}

/* The line-card chassis of model m (the spec's param lccs; 0: not a routing matrix). */
static int32_t lccs_of(const ch_model *m)
{
    return ch_spec_profile_param(ch_spec_profile(m->profile), "lccs");
}

/* The models of family `fam` that are routing matrices: how many, and the
 * smallest and largest number of LCCs among them. */
static size_t matrices(const char *fam, int32_t *lo, int32_t *hi)
{
    size_t n = 0;
    *lo = INT32_MAX;
    *hi = 0;
    for (size_t i = 0; i < ch_model_count; i++) {      /* bound: the table */
        int32_t k = lccs_of(&ch_models[i]);
        if (strcmp(ch_models[i].family->name, fam) != 0 || k == 0)
            continue;
        n++;
        *lo = k < *lo ? k : *lo;
        *hi = k > *hi ? k : *hi;
    }
    return n;
}

/* "1..4", or "1" when every model of the family has as many. */
static void range_text(int32_t lo, int32_t hi, char *buf, size_t len)
{
    if (lo == hi)
        snprintf(buf, len, "%d", (int)lo);
    else
        snprintf(buf, len, "%d..%d", (int)lo, (int)hi);
}

/* --platform FAMILY --lccs N: the family's model of N line-card chassis. */
static const ch_model *matrix_model(const char *fam, const char *lccs, char *err, size_t errlen)
{
    int32_t lo, hi;
    uint64_t n;
    char range[24];
    if (matrices(fam, &lo, &hi) == 0) {
        sim_err(err, errlen, "unknown platform '%s' (see issu platforms)", fam);
        return NULL;
    }
    range_text(lo, hi, range, sizeof range);
    if (lccs == NULL) {
        sim_err(err, errlen, "--platform %s is a family of routing matrices: give --lccs N (%s line-card "
                "chassis), or a model (see issu platforms)", fam, range);
        return NULL;
    }
    if (parse_u64(lccs, &n) == 0)
        for (size_t i = 0; i < ch_model_count; i++)    /* bound: the table */
            if (strcmp(ch_models[i].family->name, fam) == 0 && (uint64_t)lccs_of(&ch_models[i]) == n)
                return &ch_models[i];
    sim_err(err, errlen, "--lccs: the %s family has %s line-card chassis, not '%s' (see issu platforms)", fam,
            range, lccs);
    return NULL;
}

/* The model --platform names, or the routing matrix of --platform and
 * --lccs; NULL with a message. */
static const ch_model *model_of(const cli_args *a, char *err, size_t errlen)
{
    const ch_model *m = ch_model_find(a->platform);
    uint64_t n;
    if (m == NULL)
        return matrix_model(a->platform, a->lccs, err, errlen);
    if (a->lccs == NULL)
        return m;
    if (lccs_of(m) == 0) {
        sim_err(err, errlen, "--lccs: the %s is not a routing matrix", m->chassis);
        return NULL;
    }
    if (parse_u64(a->lccs, &n) != 0 || n != (uint64_t)lccs_of(m)) {
        sim_err(err, errlen, "--lccs %s: the %s has %d line-card chassis", a->lccs, m->chassis, (int)lccs_of(m));
        return NULL;
    }
    return m;
}

/* After every flag: the platform, the procedure, the releases, the
 * package, the slots, the journal. */
static int finish(cli_args *a, const vers *v, char *err, size_t errlen)
{
    ch_config *c = &a->run.cfg;
    if (journal_flags(a, err, errlen) != 0)
        return -1;
    if (a->platform == NULL)
        return sim_err(err, errlen, "--platform is required (see issu platforms)");
    c->model = model_of(a, err, errlen);
    if (c->model == NULL || journal_model(a, err, errlen) != 0)
        return -1;
    if (procedure(a, err, errlen) != 0)
        return -1;
    for (uint32_t s = 0; s < CH_SLOTS_MAX; s++)
        c->pics[s] = c->model->pics;
    if (a->package != NULL && v->target != NULL)
        return sim_err(err, errlen, "--package and --target cannot be used together");
    if (a->trust != NULL && a->package == NULL)
        return sim_err(err, errlen, "--trust is the key of a --package: give both");
    if (version("--running", v->running, &c->running, err, errlen) != 0)
        return -1;
    c->backup_running = c->running;
    if (version("--backup-running", v->backup, &c->backup_running, err, errlen) != 0
        || version("--target", v->target, &c->target, err, errlen) != 0)
        return -1;
    a->target_given = v->target != NULL;
    if (check_slots(c, err, errlen) != 0)
        return -1;
    return a->package != NULL ? package(a, err, errlen) : 0;
}

int cli_args_parse(cli_cmd cmd, int argc, char **argv, cli_args *a, char *err, size_t errlen)
{
    assert(a != NULL && err != NULL && argc >= 0);
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->argc = argc;
    a->argv = argv;
    ch_config_default(&a->run.cfg, &ch_models[0]);   /* the model comes with --platform */
    vers v = { NULL, NULL, NULL };
    for (int i = 0; i < argc; i++) {
        char f[32];
        const char *val;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return CLI_HELP;
        if (strncmp(argv[i], "--", 2) != 0)
            return sim_err(err, errlen, "unexpected argument '%s' (see issu help)", argv[i]);
        if (flag_value(argc, argv, &i, f, sizeof f, &val, err, errlen) != 0)
            return -1;
        int rc = flag_run(a, f, val, err, errlen);
        if (rc == 1)
            rc = flag_router(a, &v, f, val, err, errlen);
        if (rc == 1)
            return sim_err(err, errlen, "unknown option '%s' (see issu help %s)", f, cmd_names[cmd]);
        if (rc != 0)
            return -1;
        note_own_flag(a, f);
    }
    return finish(a, &v, err, errlen);
}
