/* emit_scenario.c - a replayed SPIN trail as a scenario a verification
 * engineer reads (em_scenario) and as a JSON-lines trace (em_trace) whose
 * machine lines are in the runtime's schema (runtime/issu_trace.c).
 *
 * The replay is what `spin -t` prints for the model of emit_promela.c: its
 * printf markers "@V var cell value" (after each step, for every cell the
 * step may write; for every cell at the end of init), "@T machine instance
 * trans", "@O machine instance cmd outcome", "@E env instance", "@U machine
 * instance state event+1", SPIN's "<<<<<START OF CYCLE>>>>>" and its error
 * lines.  The failing assertion's kind is read from the "@A KIND ARGS"
 * comment on its line of the model (o->model_text).  Every name comes from
 * the IR.  Everything else in the replay is skipped; a malformed marker is
 * skipped and counted, and one whose indices the spec cannot have written
 * is ignored with a note, so that no replay can crash the emitter.
 */
#include "emit.h"
#include "json.h"

#include <string.h>

#include "arena.h"
#include "eval.h"

#define SC_MAX_FIELDS 4         /* integers after a marker */
#define SC_MAX_NUMBER 1000000000L   /* larger numbers in a marker are malformed */
#define SC_MAX_NOTES 20         /* notes kept; further ones are only counted */

typedef enum sc_kind {
    SC_TRANS,                   /* @T: a machine, b instance, c transition */
    SC_UNHANDLED,               /* @U: a machine, b instance, c state, d event */
    SC_OUTCOME,                 /* @O: a machine, b instance, c command, d outcome */
    SC_ENV,                     /* @E: a environment, b instance */
    SC_CYCLE,                   /* the acceptance cycle starts here */
    SC_NOTE                     /* a marker outside the spec: text says which */
} sc_kind;

typedef struct sc_step {
    sc_kind kind;               /* what happened */
    int a, b, c, d;             /* the marker's numbers, as above */
    int set0, nset;             /* its @V lines: sets[set0 .. set0 + nset) */
    const char *text;           /* SC_NOTE */
} sc_step;

typedef struct sc_set {
    int var, cell;              /* variable; element, pool member or machine instance */
    int32_t value;              /* the value printed */
} sc_set;

typedef struct sc_chg {
    const sc_set *x;            /* the new value */
    int32_t old;                /* the value before the step */
    int had;                    /* old is known */
} sc_chg;

typedef struct sc_run {
    const ir_spec *s;           /* the spec */
    const em_opts *o;           /* the options (title, model) */
    int p;                      /* the profile */
    sc_step *steps;             /* in replay order */
    int nsteps, capsteps;
    sc_set *sets;               /* every @V line kept, in replay order */
    int nsets, capsets;
    int ninit;                  /* sets[0 .. ninit): the values at the end of init */
    int cur;                    /* step the next @V belongs to; -2 init, -1 none */
    int malformed;              /* marker lines skipped */
    int nnotes;                 /* notes, kept or not */
    int cycle;                  /* a cycle start was seen */
    int ended;                  /* "trail ends" was seen */
    long err_line;              /* model line of the failed assertion, or 0 */
    const char *err_text;       /* SPIN's text of the failed assertion, or NULL */
    int32_t **val;              /* [var][cell]: the current value */
    unsigned char **known;      /* [var][cell]: printed at least once */
    int **mst;                  /* [machine][instance]: the current state */
} sc_run;

typedef struct sc_viol {
    const char *kind;           /* "invariant", "assertion", "acceptance cycle", "claim", "none" */
    const char *name;           /* "S3", "DEADLOCK", ...; NULL for none */
    const char *detail;         /* the marker's argument, or NULL */
    int prop;                   /* property index, or -1 */
} sc_viol;

/* ---- the spec's shapes -------------------------------------------------- */

static int sc_instances(const sc_run *r, int m)
{
    return (int)ir_instances(r->s, &r->s->machines[m], r->p);
}

/* Cells of a variable as the model prints them (0 for params). */
static int sc_cells(const sc_run *r, int var)
{
    const ir_var *v = &r->s->vars[var];
    if (v->kind == IR_V_PARAM)
        return 0;
    if (v->kind == IR_V_CTRL)
        return sc_instances(r, v->machine);
    if (v->shape == IR_POOL)
        return r->s->enums[v->elem.id].n;
    return v->shape == IR_ARRAY ? (int)ir_size(r->s, v, r->p) : 1;
}

static int sc_env_instances(const sc_run *r, int e)
{
    const ir_env *en = &r->s->envs[e];
    return en->to_any && en->machine >= 0 ? sc_instances(r, en->machine) : 1;
}

/* "issu", or "fpc_mgr[2]" for an instance of a machine array. */
static const char *sc_mname(const sc_run *r, int m, int i)
{
    const ir_machine *mm = &r->s->machines[m];
    return mm->count ? ar_printf("%s[%d]", mm->name, i) : mm->name;
}

/* "gres", "re_role[1]", "fpc[READY]", "n" or "ctl[1].n". */
static const char *sc_cell_name(const sc_run *r, int var, int cell)
{
    const ir_var *v = &r->s->vars[var];
    if (v->kind == IR_V_CTRL)
        return r->s->machines[v->machine].count
                   ? ar_printf("%s.%s", sc_mname(r, v->machine, cell), v->name) : v->name;
    if (v->shape == IR_POOL)
        return ar_printf("%s[%s]", v->name, r->s->enums[v->elem.id].members[cell]);
    return v->shape == IR_ARRAY ? ar_printf("%s[%d]", v->name, cell) : v->name;
}

/* The value of one cell as a name ("DOWN", "true", "3"), in the arena. */
static const char *sc_value(const sc_run *r, int var, int32_t value)
{
    const ir_var *v = &r->s->vars[var];
    if (v->shape == IR_POOL)
        return ar_printf("%ld", (long)value);
    return ar_strdup(ir_value_name(r->s, &v->elem, value));
}

/* ---- reading the replay ------------------------------------------------- */

static void sc_push_step(sc_run *r, sc_kind k, const long *v, const char *text)
{
    if (r->nsteps == r->capsteps) {
        int cap = r->capsteps ? r->capsteps * 2 : 64;
        sc_step *n = ar_array((size_t)cap, sizeof *n);
        if (r->nsteps)
            memcpy(n, r->steps, (size_t)r->nsteps * sizeof *n);
        r->steps = n;
        r->capsteps = cap;
    }
    sc_step *st = &r->steps[r->nsteps];
    st->kind = k;
    st->a = v ? (int)v[0] : 0;
    st->b = v ? (int)v[1] : 0;
    st->c = v && k != SC_ENV ? (int)v[2] : 0;
    st->d = v && (k == SC_OUTCOME || k == SC_UNHANDLED) ? (int)v[3] : 0;
    st->set0 = r->nsets;
    st->nset = 0;
    st->text = text;
    if (k != SC_CYCLE && k != SC_NOTE)
        r->cur = r->nsteps;
    r->nsteps++;
}

static void sc_push_set(sc_run *r, const long *v)
{
    if (r->cur == -1)
        return;                 /* after a marker that was ignored */
    if (r->nsets == r->capsets) {
        int cap = r->capsets ? r->capsets * 2 : 256;
        sc_set *n = ar_array((size_t)cap, sizeof *n);
        if (r->nsets)
            memcpy(n, r->sets, (size_t)r->nsets * sizeof *n);
        r->sets = n;
        r->capsets = cap;
    }
    r->sets[r->nsets] = (sc_set){ (int)v[0], (int)v[1], (int32_t)v[2] };
    r->nsets++;
    if (r->cur == -2)
        r->ninit = r->nsets;
    else
        r->steps[r->cur].nset++;
}

/* Exactly n integers, separated and surrounded by blanks; 0 or -1. */
static int sc_ints(const char *p, const char *e, long *v, int n)
{
    int k = 0;
    for (;;) {
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        if (p == e)
            break;
        int neg = *p == '-';
        p += neg;
        if (k == n || p == e || *p < '0' || *p > '9')
            return -1;
        long x = 0;
        while (p < e && *p >= '0' && *p <= '9' && x <= SC_MAX_NUMBER)
            x = x * 10 + (*p++ - '0');
        if (x > SC_MAX_NUMBER || (p < e && *p != ' ' && *p != '\t'))
            return -1;
        v[k++] = neg ? -x : x;
    }
    return k == n ? 0 : -1;
}

/* Why a marker cannot come from the model of this spec, or NULL. */
static const char *sc_bad(const sc_run *r, char k, const long *v)
{
    const ir_spec *s = r->s;
    if (k == 'V') {
        if (v[0] < 0 || v[0] >= s->nvars || s->vars[v[0]].kind == IR_V_PARAM)
            return "no such variable";
        return v[1] < 0 || v[1] >= sc_cells(r, (int)v[0]) ? "no such cell" : NULL;
    }
    if (k == 'E') {
        if (v[0] < 0 || v[0] >= s->nenvs)
            return "no such fault or operator action";
        return v[1] < 0 || v[1] >= sc_env_instances(r, (int)v[0]) ? "no such instance" : NULL;
    }
    if (v[0] < 0 || v[0] >= s->nmachines)
        return "no such machine";
    const ir_machine *m = &s->machines[v[0]];
    if (v[1] < 0 || v[1] >= sc_instances(r, (int)v[0]))
        return "no such instance";
    if (k == 'T')
        return v[2] < 0 || v[2] >= m->ntrans ? "no such transition" : NULL;
    if (k == 'U') {
        if (v[2] < 0 || v[2] >= m->nstates)
            return "no such state";
        return v[3] < 1 || v[3] > s->nevents ? "no such event" : NULL;
    }
    if (v[2] < 0 || v[2] >= s->ncmds)
        return "no such command";
    return v[3] < 0 || v[3] >= s->cmds[v[2]].noutcomes ? "no such outcome" : NULL;
}

static void sc_marker(sc_run *r, const char *p, const char *e, long lineno)
{
    static const char kinds[] = "VTOEU";
    static const int nfields[] = { 3, 3, 4, 2, 4 };
    static const sc_kind steps[] = { SC_TRANS, SC_TRANS, SC_OUTCOME, SC_ENV, SC_UNHANDLED };
    long v[SC_MAX_FIELDS];
    const char *k = e - p >= 3 && p[1] ? strchr(kinds, p[1]) : NULL;
    if (!k || (p[2] != ' ' && p[2] != '\t') || sc_ints(p + 2, e, v, nfields[k - kinds])) {
        r->malformed++;
        return;
    }
    const char *why = sc_bad(r, *k, v);
    if (why) {
        if (r->nnotes++ < SC_MAX_NOTES)
            sc_push_step(r, SC_NOTE, NULL, ar_printf("replay line %ld: '%.*s': %s; ignored", lineno,
                                                     (int)(e - p > 80 ? 80 : e - p), p, why));
        r->cur = -1;
    } else if (*k == 'V') {
        sc_push_set(r, v);
    } else {
        sc_push_step(r, steps[k - kinds], v, NULL);
    }
}

static int sc_starts(const char *p, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(p, prefix, k) == 0;
}

/* "spin: FILE:LINE, Error: assertion violated": the model line. */
static void sc_error_line(sc_run *r, const char *p, size_t n)
{
    static const char tag[] = ", Error: assertion violated";
    size_t k = sizeof tag - 1;
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(p + i, tag, k) != 0)
            continue;
        size_t j = i;
        long line = 0, scale = 1;
        while (j > 0 && p[j - 1] >= '0' && p[j - 1] <= '9' && scale <= SC_MAX_NUMBER) {
            line += (p[j - 1] - '0') * scale;
            scale *= 10;
            j--;
        }
        if (j < i && j > 0 && p[j - 1] == ':' && !r->err_line)
            r->err_line = line;
        return;
    }
}

static void sc_line(sc_run *r, const char *p, const char *e, long lineno)
{
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t n = (size_t)(e - p);
    static const char fail[] = "spin: text of failed assertion: ";
    if (n >= 1 && p[0] == '@')
        sc_marker(r, p, e, lineno);
    else if (sc_starts(p, n, "<<<<<START OF CYCLE>>>>>")) {
        r->cycle = 1;
        sc_push_step(r, SC_CYCLE, NULL, NULL);
    } else if (sc_starts(p, n, "spin: trail ends after"))
        r->ended = 1;
    else if (sc_starts(p, n, fail) && !r->err_text)
        r->err_text = ar_strndup(p + sizeof fail - 1, n - (sizeof fail - 1));
    else if (sc_starts(p, n, "spin: "))
        sc_error_line(r, p, n);
}

/* Set up the valuation and read the replay; 0, or -1 without a profile. */
static int sc_read(sc_run *r, const ir_spec *s, const em_opts *o)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    r->o = o;
    r->p = o->profile;
    r->cur = -2;
    if (r->p < 0 || r->p >= s->nprofiles)
        return -1;
    r->val = ar_array((size_t)s->nvars + 1, sizeof *r->val);
    r->known = ar_array((size_t)s->nvars + 1, sizeof *r->known);
    for (int v = 0; v < s->nvars; v++) {
        r->val[v] = ar_array((size_t)sc_cells(r, v) + 1, sizeof **r->val);
        r->known[v] = ar_array((size_t)sc_cells(r, v) + 1, 1);
    }
    r->mst = ar_array((size_t)s->nmachines + 1, sizeof *r->mst);
    for (int m = 0; m < s->nmachines; m++) {
        r->mst[m] = ar_array((size_t)sc_instances(r, m) + 1, sizeof **r->mst);
        for (int i = 0; i < sc_instances(r, m); i++)
            r->mst[m][i] = s->machines[m].initial;
    }
    const char *p = o->replay_text, *end = p ? p + o->replay_len : p;
    for (long lineno = 1; p && p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        sc_line(r, p, nl ? nl : end, lineno);
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* Apply sets[set0 .. set0 + n); the cells that changed, in order. */
static sc_chg *sc_apply(sc_run *r, int set0, int n, int *nchg)
{
    sc_chg *c = ar_array((size_t)n + 1, sizeof *c);
    *nchg = 0;
    for (int i = set0; i < set0 + n; i++) {
        const sc_set *x = &r->sets[i];
        int32_t *cell = &r->val[x->var][x->cell];
        unsigned char *known = &r->known[x->var][x->cell];
        if (*known && *cell == x->value)
            continue;
        c[(*nchg)++] = (sc_chg){ x, *cell, *known };
        *cell = x->value;
        *known = 1;
    }
    return c;
}

/* ---- what was violated ------------------------------------------------- */

static int sc_prop(const ir_spec *s, const char *id, size_t n)
{
    for (int k = 0; k < s->nprops; k++)
        if (strlen(s->props[k].id) == n && memcmp(s->props[k].id, id, n) == 0)
            return k;
    return -1;
}

/* The first word of the title that is a property ID, or -1. */
static int sc_title_prop(const ir_spec *s, const char *t)
{
    while (t && *t) {
        size_t n = strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
        int k = n ? sc_prop(s, t, n) : -1;
        if (k >= 0)
            return k;
        t += n ? n : 1;
    }
    return -1;
}

/* The "@A KIND ARGS" comment on line 'line' of the model; 0 if found. */
static int sc_marker_at(const em_opts *o, long line, const char **kind, const char **args)
{
    const char *p = line > 0 ? o->model_text : NULL, *end = p ? p + o->model_len : p;
    for (long l = 1; p && p < end && l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    if (!p || p >= end)
        return -1;
    const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
    for (; p + 6 <= e; p++)
        if (memcmp(p, "/* @A ", 6) == 0)
            break;
    if (p + 6 > e)
        return -1;
    p += 6;
    size_t k = 0;               /* the model is not NUL-terminated */
    while (p + k < e && p[k] >= 'A' && p[k] <= 'Z')
        k++;
    if (!k)
        return -1;
    *kind = ar_strndup(p, k);
    const char *a = p + k, *z = a;
    while (z + 2 <= e && memcmp(z, "*/", 2) != 0)
        z++;
    while (a < z && *a == ' ')
        a++;
    while (z > a && z[-1] == ' ')
        z--;
    *args = z > a ? ar_strndup(a, (size_t)(z - a)) : NULL;
    return 0;
}

static void sc_violation(const sc_run *r, sc_viol *v)
{
    const char *kind, *args;
    *v = (sc_viol){ "none", NULL, NULL, sc_title_prop(r->s, r->o->title) };
    if (r->err_line || r->err_text) {
        v->kind = "assertion";
        v->name = "assert";
        v->detail = r->err_text;
        if (sc_marker_at(r->o, r->err_line, &kind, &args) == 0) {
            int inv = strcmp(kind, "INV") == 0 && args;
            v->kind = inv ? "invariant" : "assertion";
            v->name = inv ? args : kind;
            v->detail = inv ? NULL : args;
            if (inv)
                v->prop = sc_prop(r->s, args, strlen(args));
        }
    } else if (r->cycle) {
        v->kind = "acceptance cycle";
        v->name = v->prop >= 0 ? r->s->props[v->prop].id : "ltl";
    } else if (r->ended) {
        v->kind = "claim";
        v->name = v->prop >= 0 ? r->s->props[v->prop].id : "claim";
    }
}

/* ---- the scenario ------------------------------------------------------- */

static void sc_head(FILE *out, const sc_run *r, const sc_viol *v)
{
    const ir_profile *pr = &r->s->profiles[r->p];
    fprintf(out, "Scenario: %s\n", r->o->title ? r->o->title : "replay of a SPIN trail");
    if (v->prop >= 0)
        fprintf(out, "Property: %s \"%s\"  (%s:%d)\n", r->s->props[v->prop].id,
                r->s->props[v->prop].text, r->s->file, r->s->props[v->prop].at.line);
    fprintf(out, "Spec:     %s, profile %s (family %s)\n", r->s->file, pr->name,
            r->s->families[pr->family].name);
    if (r->o->replay)
        fprintf(out, "Replay:   %s\n", r->o->replay);
}

/* "[A, B]", "{READY: 3, FAILED: 1}" or one value; "?" where never printed. */
static void sc_var_value(FILE *out, const sc_run *r, int var)
{
    const ir_var *v = &r->s->vars[var];
    int n = sc_cells(r, var), k = 0;
    if (v->shape == IR_SCALAR) {
        fputs(r->known[var][0] ? sc_value(r, var, r->val[var][0]) : "?", out);
        return;
    }
    fputc(v->shape == IR_POOL ? '{' : '[', out);
    for (int i = 0; i < n; i++) {
        if (v->shape == IR_ARRAY) {
            fprintf(out, "%s%s", i ? ", " : "", r->known[var][i] ? sc_value(r, var, r->val[var][i]) : "?");
        } else if (!r->known[var][i] || r->val[var][i] != 0) {
            fprintf(out, "%s%s: %s", k++ ? ", " : "", r->s->enums[v->elem.id].members[i],
                    r->known[var][i] ? sc_value(r, var, r->val[var][i]) : "?");
        }
    }
    fputc(v->shape == IR_POOL ? '}' : ']', out);
}

static void sc_machine_state(FILE *out, const sc_run *r, int m, int i)
{
    const ir_machine *mm = &r->s->machines[m];
    fprintf(out, "  %s: %s", sc_mname(r, m, i), mm->states[r->mst[m][i]].name);
    for (int k = 0; k < mm->nvars; k++) {
        int var = mm->vars[k];
        fprintf(out, "%s%s = %s", k ? ", " : "  (", r->s->vars[var].name,
                r->known[var][i] ? sc_value(r, var, r->val[var][i]) : "?");
    }
    fputs(mm->nvars ? ")\n" : "\n", out);
}

static void sc_initial(FILE *out, sc_run *r)
{
    const ir_spec *s = r->s;
    int n;
    sc_apply(r, 0, r->ninit, &n);
    fputs("\nInitial state\n", out);
    for (int v = 0; v < s->nvars; v++) {
        const ir_var *var = &s->vars[v];
        if (var->kind == IR_V_PARAM)
            fprintf(out, "  param %s = %ld\n", var->name, (long)s->profiles[r->p].param[v]);
        if (var->kind != IR_V_OPTION && var->kind != IR_V_PLANT)
            continue;
        fprintf(out, "  %s%s = ", var->kind == IR_V_OPTION ? "option " : "", var->name);
        sc_var_value(out, r, v);
        fputc('\n', out);
    }
    for (int m = 0; m < s->nmachines; m++)
        for (int i = 0; i < sc_instances(r, m); i++)
            sc_machine_state(out, r, m, i);
}

/* "=> re_role[1] = DOWN; fpc: READY 3->2, BOOTING 0->1" */
static void sc_changes(FILE *out, const sc_run *r, const sc_chg *c, int n)
{
    for (int i = 0; i < n; i++) {
        const sc_set *x = c[i].x;
        const ir_var *v = &r->s->vars[x->var];
        int same = i > 0 && c[i - 1].x->var == x->var;
        fputs(i == 0 ? "       => " : v->shape == IR_POOL && same ? ", " : "; ", out);
        if (v->shape != IR_POOL) {
            fprintf(out, "%s = %s", sc_cell_name(r, x->var, x->cell), sc_value(r, x->var, x->value));
            continue;
        }
        if (!same)
            fprintf(out, "%s: ", v->name);
        fprintf(out, "%s ", r->s->enums[v->elem.id].members[x->cell]);
        if (c[i].had)
            fprintf(out, "%ld->", (long)c[i].old);
        fprintf(out, "%ld", (long)x->value);
    }
    if (n)
        fputc('\n', out);
}

/* The instance a send of step st goes to (-1 for every one of an array, as
 * the runtime), as the step ran: its index evaluated over the values before
 * the step (the cells the step changed, c, at their old values), with the
 * assignments of the transition before the send applied in order. */
static long sc_send_to(const sc_run *r, const sc_step *st, const ir_action *a, const sc_chg *c, int nc)
{
    const ir_spec *s = r->s;
    if (!a->index)
        return s->machines[a->machine].count ? -1 : 0;
    if (a->index->kind == IR_E_CONST)
        return a->index->value;
    const ir_machine *m = &s->machines[st->a];
    const ir_trans *t = &m->trans[st->c];
    int self = st->b;
    int32_t *slots = ar_array((size_t)s->nslots + 1, sizeof *slots);
    for (int v = 0; v < s->nvars; v++) {
        const ir_var *var = &s->vars[v];
        if (var->kind == IR_V_CTRL && var->machine == st->a && self < sc_cells(r, v))
            slots[var->slot] = r->val[v][self];
        else if (var->kind == IR_V_PLANT || var->kind == IR_V_OPTION)
            for (int k = 0; k < sc_cells(r, v) && k < var->width; k++)
                slots[var->slot + k] = r->val[v][k];
    }
    for (int i = 0; i < nc; i++) {
        const ir_var *var = &s->vars[c[i].x->var];
        if (!c[i].had)
            continue;
        if (var->kind == IR_V_CTRL && var->machine == st->a && c[i].x->cell == self)
            slots[var->slot] = c[i].old;
        else if (var->kind != IR_V_CTRL && c[i].x->cell < var->width)
            slots[var->slot + c[i].x->cell] = c[i].old;
    }
    slots[m->self_slot] = self;
    slots[m->state_slot] = t->from;
    ev_env env;
    memset(&env, 0, sizeof env);
    env.spec = s;
    env.profile = r->p;
    env.machine = st->a;
    env.slots = slots;
    for (const ir_action *b = t->actions; b < a; b++)
        if (b->kind == IR_A_ASSIGN && s->vars[b->var].kind == IR_V_CTRL)
            slots[s->vars[b->var].slot] = (int32_t)ev_eval(&env, b->value);
    return (long)ev_eval(&env, a->index);
}

/* The value an assignment wrote: the constant, else the variable after the step. */
static const char *sc_assigned(const sc_run *r, const ir_action *a, int self)
{
    if (a->value->kind == IR_E_CONST)
        return sc_value(r, a->var, a->value->value);
    if (self < sc_cells(r, a->var) && r->known[a->var][self])
        return sc_value(r, a->var, r->val[a->var][self]);
    return ir_expr_str(r->s, a->value);
}

static void sc_action(FILE *out, const sc_run *r, const sc_step *st, const ir_action *a, const sc_chg *c,
                      int nc)
{
    const ir_spec *s = r->s;
    switch (a->kind) {
    case IR_A_CONSOLE:
        fprintf(out, "       console \"%s\"\n", a->text);
        break;
    case IR_A_ISSUE:
    case IR_A_CANCEL:
        fprintf(out, "       %s %s\n", a->kind == IR_A_ISSUE ? "issue" : "cancel", s->cmds[a->cmd].name);
        break;
    case IR_A_ASSIGN:
        fprintf(out, "       %s = %s", s->vars[a->var].name, ir_expr_str(s, a->value));
        if (a->value->kind != IR_E_CONST)
            fprintf(out, "  (%s)", sc_assigned(r, a, st->b));
        fputc('\n', out);
        break;
    case IR_A_SEND: {
        long to = sc_send_to(r, st, a, c, nc);
        fprintf(out, "       send %s to %s\n", s->events[a->event].name,
                to < 0 ? ar_printf("every %s", s->machines[a->machine].name)
                       : sc_mname(r, a->machine, (int)to));
        break;
    }
    }
}

static void sc_trans(FILE *out, sc_run *r, const sc_step *st, int num, const sc_chg *c, int nc)
{
    const ir_machine *m = &r->s->machines[st->a];
    const ir_trans *t = &m->trans[st->c];
    fprintf(out, "%3d. %s: %s --%s--> %s  (%s:%d)\n", num, sc_mname(r, st->a, st->b),
            m->states[t->from].name, r->s->events[t->event].name, m->states[t->to].name,
            r->s->file, t->at.line);
    if (t->otherwise)
        fputs("       when no other guard holds\n", out);
    else if (t->guard)
        fprintf(out, "       when %s\n", ir_expr_str(r->s, t->guard));
    if (t->dead)
        fprintf(out, "       (a defensive transition, expected never to fire: %s)\n", t->dead);
    for (int k = 0; k < t->nactions; k++)
        sc_action(out, r, st, &t->actions[k], c, nc);
    sc_changes(out, r, c, nc);
    r->mst[st->a][st->b] = t->to;
}

static const char *sc_policy(const sc_run *r, const sc_step *st)
{
    const ir_machine *m = &r->s->machines[st->a];
    int p = m->policy[(size_t)st->c * (size_t)r->s->nevents + (size_t)(st->d - 1)];
    return p == IR_P_IGNORE ? "ignored" : p == IR_P_REJECT ? "rejected" : "undecided";
}

static void sc_world(FILE *out, const sc_run *r, const sc_step *st, int num)
{
    const ir_spec *s = r->s;
    if (st->kind == SC_OUTCOME) {
        const ir_outcome *oc = &s->cmds[st->c].outcomes[st->d];
        fprintf(out, "%3d. outcome %s", num, s->events[oc->event].name);
        if (s->machines[st->a].count)
            fprintf(out, "  (to %s)", sc_mname(r, st->a, st->b));
        fputc('\n', out);
        return;
    }
    const ir_env *en = &s->envs[st->a];
    fprintf(out, "%3d. %s %s", num, en->is_fault ? "fault" : "operator", en->name);
    if (en->to_any && en->machine >= 0)
        fprintf(out, "  (to %s)", sc_mname(r, en->machine, st->b));
    fputs(en->silent ? "  (silent: no event)\n" : "\n", out);
}

static void sc_step_text(FILE *out, sc_run *r, const sc_step *st, int *num)
{
    int nc;
    sc_chg *c = sc_apply(r, st->set0, st->nset, &nc);
    switch (st->kind) {
    case SC_TRANS:
        sc_trans(out, r, st, ++*num, c, nc);
        break;
    case SC_UNHANDLED: {
        const ir_machine *m = &r->s->machines[st->a];
        const char *p = sc_policy(r, st);
        fprintf(out, "%3d. %s: %s %s in %s%s\n", ++*num, sc_mname(r, st->a, st->b),
                strcmp(p, "undecided") == 0 ? "dropped" : p, r->s->events[st->d - 1].name,
                m->states[st->c].name, strcmp(p, "undecided") == 0 ? " (no policy declared)" : "");
        break;
    }
    case SC_OUTCOME:
    case SC_ENV:
        sc_world(out, r, st, ++*num);
        sc_changes(out, r, c, nc);
        break;
    case SC_CYCLE:
        fputs("     ---- from here the run repeats forever ----\n", out);
        break;
    case SC_NOTE:
        fprintf(out, "     note: %s\n", st->text);
        break;
    }
}

static const char *sc_meaning(const char *kind)
{
    static const char *const m[][2] = {
        { "MOVE", "a 'move one' found no element in any of its source members of pool" },
        { "QUEUE", "more events were queued than the model's bound for machine" },
        { "REISSUE", "a command was issued while it was still pending:" },
        { "UNDECLARED", "an event arrived that the spec neither handles nor ignores or rejects, in" },
        { "DEADLOCK", "deadlock: nothing can move, but not every machine is in a final state "
                      "with an empty queue and no command in flight" },
        { "WAIT", "a wait only the world could end: some machine is outside a final state, and no "
                  "machine has an event queued or a command in flight, in the" },
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strcmp(kind, m[i][0]) == 0)
            return m[i][1];
    return "an assertion of the model failed";
}

static void sc_tail(FILE *out, const sc_run *r, const sc_viol *v)
{
    const ir_prop *pr = v->prop >= 0 ? &r->s->props[v->prop] : NULL;
    fputc('\n', out);
    if (strcmp(v->kind, "invariant") == 0 && pr) {
        fprintf(out, "Violated: %s \"%s\"\n  %s: %s\n", pr->id, pr->text,
                pr->kind == IR_PROP_ON_ISSUE ? ar_printf("when %s is issued", r->s->cmds[pr->cmd].name)
                                             : "after every step", ir_expr_str(r->s, pr->expr));
    } else if (strcmp(v->kind, "invariant") == 0) {
        fprintf(out, "Violated: invariant %s (not in this spec)\n", v->name);
    } else if (strcmp(v->kind, "assertion") == 0) {
        int own = v->detail && v->detail != r->err_text;   /* SPIN's text follows anyway */
        fprintf(out, "Violated: %s%s%s\n", sc_meaning(v->name), own ? " " : "", own ? v->detail : "");
    } else if (strcmp(v->kind, "acceptance cycle") == 0) {
        fprintf(out, "Violated: acceptance cycle%s%s%s%s: the steps after the marker repeat forever\n",
                pr ? " of " : "", pr ? pr->id : "", pr ? ar_printf(" \"%s\"", pr->text) : "",
                pr ? "" : " (an LTL property)");
    } else if (strcmp(v->kind, "claim") == 0) {
        fprintf(out, "Claim reached%s%s: the steps above are the witness\n", pr ? " for " : "",
                pr ? pr->id : "");
    } else {
        fputs("The replay ends without a violation that it names\n", out);
    }
    if (r->err_text)
        fprintf(out, "  spin: %s\n", r->err_text);
    if (r->nnotes > SC_MAX_NOTES)
        fprintf(out, "note: %d more markers outside the spec were ignored\n", r->nnotes - SC_MAX_NOTES);
    if (r->malformed)
        fprintf(out, "note: %d malformed marker lines were skipped\n", r->malformed);
}

void em_scenario(FILE *out, const ir_spec *s, const em_opts *o)
{
    sc_run r;
    if (sc_read(&r, s, o) != 0) {
        fputs("Scenario: no profile was chosen\n", out);
        return;
    }
    sc_viol v;
    sc_violation(&r, &v);
    sc_head(out, &r, &v);
    sc_initial(out, &r);
    fputs("\nSteps\n", out);
    int num = 0;
    for (int k = 0; k < r.nsteps; k++)
        sc_step_text(out, &r, &r.steps[k], &num);
    if (!num)
        fputs("     (none)\n", out);
    sc_tail(out, &r, &v);
}

/* ---- the JSON-lines trace ----------------------------------------------- */

/* The values of the actions of a replayed step, for js_machine_tail. */
typedef struct sc_vals {
    const sc_run *r;
    const sc_step *st;
    const sc_chg *c;            /* the cells the step changed */
    int nc;
} sc_vals;

static const char *sc_vals_assigned(void *ctx, const ir_action *a)
{
    const sc_vals *v = ctx;
    return sc_assigned(v->r, a, v->st->b);
}

static long sc_vals_sent_to(void *ctx, const ir_action *a)
{
    const sc_vals *v = ctx;
    return sc_send_to(v->r, v->st, a, v->c, v->nc);
}

/* A machine line: a transition, or (t NULL) an unhandled event. */
static void sc_json_machine(FILE *out, const sc_run *r, const sc_step *st, long seq, const sc_chg *c, int nc)
{
    const ir_machine *m = &r->s->machines[st->a];
    const ir_trans *t = st->kind == SC_TRANS ? &m->trans[st->c] : NULL;
    sc_vals sv = { r, st, c, nc };
    js_values v = { &sv, sc_vals_assigned, sc_vals_sent_to };
    fprintf(out, "{\"seq\":%ld,\"time\":null,\"machine\":", seq);
    js_str(out, m->name);
    fprintf(out, ",\"instance\":%d,", st->b);
    js_machine_tail(out, r->s, st->a, t, st->c, t ? t->event : st->d - 1, t ? NULL : sc_policy(r, st), &v);
    fputc('\n', out);
}

/* A world line: what the world did (kind "outcome", "fault", "operator", or
 * "effect" for a command's issue effect in a machine step), the event it
 * raised (NULL: none, a silent action), the machine instance it concerns
 * (machine m, element inst: an outcome's issuer, the receiver of a fault
 * or an operator action, the instance whose step had the effect), and the
 * plant cells it changed. */
static void sc_json_change_line(FILE *out, const sc_run *r, long seq, const char *kind,
                                const char *event, const char *silent, int m, int inst,
                                const sc_chg *c, int nc)
{
    const ir_spec *s = r->s;
    fprintf(out, "{\"seq\":%ld,\"time\":null,\"world\":\"%s\",\"event\":", seq, kind);
    if (event)
        js_str(out, event);
    else
        fputs("null", out);
    if (silent) {
        fputs(",\"silent\":", out);
        js_str(out, silent);
    }
    if (m >= 0 && m < s->nmachines) {
        fputs(",\"machine\":", out);
        js_str(out, s->machines[m].name);
    }
    fprintf(out, ",\"instance\":%d,\"changes\":{", inst);
    int n = 0;
    for (int i = 0; i < nc; i++) {
        if (s->vars[c[i].x->var].kind == IR_V_CTRL)
            continue;                   /* the machine line says it */
        fputs(n++ ? "," : "", out);
        js_str(out, sc_cell_name(r, c[i].x->var, c[i].x->cell));
        fputc(':', out);
        js_str(out, sc_value(r, c[i].x->var, c[i].x->value));
    }
    fputs("}}\n", out);
}

static void sc_json_world(FILE *out, const sc_run *r, const sc_step *st, long seq,
                          const sc_chg *c, int nc)
{
    const ir_spec *s = r->s;
    const ir_env *en = st->kind == SC_ENV ? &s->envs[st->a] : NULL;
    const char *ev = en ? (en->silent ? NULL : en->name)
                        : s->events[s->cmds[st->c].outcomes[st->d].event].name;
    sc_json_change_line(out, r, seq, !en ? "outcome" : en->is_fault ? "fault" : "operator", ev,
                        en && en->silent ? en->name : NULL, en ? en->machine : st->a, st->b, c, nc);
}

/* The plant cells a machine step changed (its commands' issue effects), if any. */
static int sc_plant_changes(const sc_run *r, const sc_chg *c, int nc)
{
    for (int i = 0; i < nc; i++)
        if (r->s->vars[c[i].x->var].kind != IR_V_CTRL)
            return 1;
    return 0;
}

/* Line 0: the profile, the options and the plant cells at the start, so
 * that a replay (issu replay) can answer the controller's observations. */
static void sc_json_initial(FILE *out, const sc_run *r)
{
    const ir_spec *s = r->s;
    fputs("{\"seq\":0,\"initial\":{\"profile\":", out);
    js_str(out, s->profiles[r->p].name);
    for (int pass = 0; pass < 2; pass++) {
        fputs(pass ? "},\"plant\":{" : ",\"options\":{", out);
        int n = 0;
        for (int v = 0; v < s->nvars; v++) {
            if (s->vars[v].kind != (pass ? IR_V_PLANT : IR_V_OPTION))
                continue;
            for (int c = 0; c < sc_cells(r, v); c++) {
                if (!r->known[v][c])
                    continue;
                fputs(n++ ? "," : "", out);
                js_str(out, sc_cell_name(r, v, c));
                fputc(':', out);
                js_str(out, sc_value(r, v, r->val[v][c]));
            }
        }
    }
    fputs("}}}\n", out);
}

void em_trace(FILE *out, const ir_spec *s, const em_opts *o)
{
    sc_run r;
    if (sc_read(&r, s, o) != 0)
        return;
    sc_viol v;
    sc_violation(&r, &v);
    int nc;
    long seq = 0;
    sc_apply(&r, 0, r.ninit, &nc);
    sc_json_initial(out, &r);
    for (int k = 0; k < r.nsteps; k++) {
        const sc_step *st = &r.steps[k];
        sc_chg *c = sc_apply(&r, st->set0, st->nset, &nc);
        if (st->kind == SC_TRANS || st->kind == SC_UNHANDLED) {
            sc_json_machine(out, &r, st, ++seq, c, nc);
            if (sc_plant_changes(&r, c, nc))
                sc_json_change_line(out, &r, ++seq, "effect", NULL, NULL, st->a, st->b, c, nc);
        }
        else if (st->kind == SC_OUTCOME || st->kind == SC_ENV)
            sc_json_world(out, &r, st, ++seq, c, nc);
        else if (st->kind == SC_CYCLE)
            fprintf(out, "{\"seq\":%ld,\"cycle\":\"start\"}\n", ++seq);
    }
    fprintf(out, "{\"seq\":%ld,\"violation\":", ++seq);
    if (v.name)
        js_str(out, v.name);
    else
        fputs("null", out);
    fputs(",\"kind\":", out);
    js_str(out, v.kind);
    if (v.detail) {
        fputs(",\"detail\":", out);
        js_str(out, v.detail);
    }
    fputs("}\n", out);
}
