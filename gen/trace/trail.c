/* trail.c - reading a replayed SPIN trail (trail.h).
 *
 * The replay is what `spin -t` prints for the model of emit_promela.c: its
 * printf markers "@V var cell value" (after each step, for every cell the
 * step may write; for every cell at the end of init), "@T machine instance
 * trans", "@O machine instance cmd outcome", "@E env instance", "@U machine
 * instance state event+1", "@S machine a b" (the model of a symmetric
 * array swapped the data of its instances at positions a and b: later
 * markers name positions, which are mapped back to instances), SPIN's "<<<<<START OF CYCLE>>>>>" and its error
 * lines.  The failing assertion's kind is read from the "@A KIND ARGS"
 * comment on its line of the model (o->model_text).  Every name comes from
 * the IR.  Everything else in the replay is skipped; a malformed marker is
 * skipped and counted, and one whose indices the spec cannot have written
 * is ignored with a note, so that no replay can crash the emitter.
 */
#include "trail.h"

#include <string.h>

#include "arena.h"
#include "symmetry.h"

#define TR_MAX_FIELDS 4         /* integers after a marker */
#define TR_MAX_NUMBER 1000000000L   /* larger numbers in a marker are malformed */

/* ---- the spec's shapes -------------------------------------------------- */

int tr_instances(const tr_run *r, int m)
{
    return (int)ir_instances(r->s, &r->s->machines[m], r->p);
}

/* Cells of a variable as the model prints them (0 for params). */
int tr_cells(const tr_run *r, int var)
{
    const ir_var *v = &r->s->vars[var];
    if (v->kind == IR_V_PARAM)
        return 0;
    if (v->kind == IR_V_CTRL)
        return tr_instances(r, v->machine);
    if (v->shape == IR_POOL)
        return r->s->enums[v->elem.id].n;
    return v->shape == IR_ARRAY ? (int)ir_size(r->s, v, r->p) : 1;
}

static int tr_env_instances(const tr_run *r, int e)
{
    const ir_env *en = &r->s->envs[e];
    return en->to_any && en->machine >= 0 ? tr_instances(r, en->machine) : 1;
}

/* "issu", or "fpc_mgr[2]" for an instance of a machine array. */
const char *tr_mname(const tr_run *r, int m, int i)
{
    const ir_machine *mm = &r->s->machines[m];
    return mm->count ? ar_printf("%s[%d]", mm->name, i) : mm->name;
}

/* "gres", "re_role[1]", "fpc[READY]", "n" or "ctl[1].n". */
const char *tr_cell_name(const tr_run *r, int var, int cell)
{
    const ir_var *v = &r->s->vars[var];
    if (v->kind == IR_V_CTRL)
        return r->s->machines[v->machine].count
                   ? ar_printf("%s.%s", tr_mname(r, v->machine, cell), v->name) : v->name;
    if (v->shape == IR_POOL)
        return ar_printf("%s[%s]", v->name, r->s->enums[v->elem.id].members[cell]);
    return v->shape == IR_ARRAY ? ar_printf("%s[%d]", v->name, cell) : v->name;
}

/* The value of one cell as a name ("DOWN", "true", "3"), in the arena. */
const char *tr_value(const tr_run *r, int var, int32_t value)
{
    const ir_var *v = &r->s->vars[var];
    if (v->shape == IR_POOL)
        return ar_printf("%ld", (long)value);
    return ar_strdup(ir_value_name(r->s, &v->elem, value));
}

/* ---- reading the replay ------------------------------------------------- */

static void tr_push_step(tr_run *r, tr_kind k, const long *v, const char *text)
{
    if (r->nsteps == r->capsteps) {
        int cap = r->capsteps ? r->capsteps * 2 : 64;
        tr_step *n = ar_array((size_t)cap, sizeof *n);
        if (r->nsteps)
            memcpy(n, r->steps, (size_t)r->nsteps * sizeof *n);
        r->steps = n;
        r->capsteps = cap;
    }
    tr_step *st = &r->steps[r->nsteps];
    st->kind = k;
    st->a = v ? (int)v[0] : 0;
    st->b = v ? (int)v[1] : 0;
    st->c = v && k != TR_ENV ? (int)v[2] : 0;
    st->d = v && (k == TR_OUTCOME || k == TR_UNHANDLED) ? (int)v[3] : 0;
    st->set0 = r->nsets;
    st->nset = 0;
    st->text = text;
    if (k != TR_CYCLE && k != TR_NOTE)
        r->cur = r->nsteps;
    r->nsteps++;
}

static void tr_push_set(tr_run *r, const long *v)
{
    if (r->cur == -1)
        return;                 /* after a marker that was ignored */
    if (r->nsets == r->capsets) {
        int cap = r->capsets ? r->capsets * 2 : 256;
        tr_set *n = ar_array((size_t)cap, sizeof *n);
        if (r->nsets)
            memcpy(n, r->sets, (size_t)r->nsets * sizeof *n);
        r->sets = n;
        r->capsets = cap;
    }
    r->sets[r->nsets] = (tr_set){ (int)v[0], (int)v[1], (int32_t)v[2] };
    r->nsets++;
    if (r->cur == -2)
        r->ninit = r->nsets;
    else
        r->steps[r->cur].nset++;
}

/* Exactly n integers, separated and surrounded by blanks; 0 or -1. */
static int tr_ints(const char *p, const char *e, long *v, int n)
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
        while (p < e && *p >= '0' && *p <= '9' && x <= TR_MAX_NUMBER)
            x = x * 10 + (*p++ - '0');
        if (x > TR_MAX_NUMBER || (p < e && *p != ' ' && *p != '\t'))
            return -1;
        v[k++] = neg ? -x : x;
    }
    return k == n ? 0 : -1;
}

/* Why a marker cannot come from the model of this spec, or NULL. */
static const char *tr_bad(const tr_run *r, char k, const long *v)
{
    const ir_spec *s = r->s;
    if (k == 'V') {
        if (v[0] < 0 || v[0] >= s->nvars || s->vars[v[0]].kind == IR_V_PARAM)
            return "no such variable";
        return v[1] < 0 || v[1] >= tr_cells(r, (int)v[0]) ? "no such cell" : NULL;
    }
    if (k == 'E') {
        if (v[0] < 0 || v[0] >= s->nenvs)
            return "no such fault or operator action";
        return v[1] < 0 || v[1] >= tr_env_instances(r, (int)v[0]) ? "no such instance" : NULL;
    }
    if (v[0] < 0 || v[0] >= s->nmachines)
        return "no such machine";
    const ir_machine *m = &s->machines[v[0]];
    if (v[1] < 0 || v[1] >= tr_instances(r, (int)v[0]))
        return "no such instance";
    if (k == 'S')
        return !m->symmetric || v[2] < 0 || v[2] >= tr_instances(r, (int)v[0]) ? "no such symmetric instance" : NULL;
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

/* The instance whose data is at position pos of machine m. */
static long tr_at(const tr_run *r, int m, long pos)
{
    return m >= 0 && r->s->machines[m].count ? r->perm[m][pos] : pos;
}

/* The machine owning cell `cell` of variable var per instance, or -1. */
static int tr_owner(const tr_run *r, int var)
{
    const ir_var *v = &r->s->vars[var];
    if (v->kind == IR_V_CTRL)
        return r->s->machines[v->machine].count ? v->machine : -1;
    for (int m = 0; m < r->s->nmachines; m++)
        if (r->s->machines[m].symmetric && sy_owned(r->s, m, v))
            return m;
    return -1;
}

/* Positions to instances, in a marker that tr_bad accepted. */
static void tr_map(tr_run *r, char k, long *v)
{
    if (k == 'V') {
        int m = tr_owner(r, (int)v[0]);
        if (m >= 0)
            v[1] = tr_at(r, m, v[1]);
    } else if (k == 'E') {
        const ir_env *en = &r->s->envs[v[0]];
        if (en->to_any)
            v[1] = tr_at(r, en->machine, v[1]);
    } else if (k == 'S') {
        int a = r->perm[v[0]][v[1]];
        r->perm[v[0]][v[1]] = r->perm[v[0]][v[2]];
        r->perm[v[0]][v[2]] = a;
    } else {
        v[1] = tr_at(r, (int)v[0], v[1]);
    }
}

static void tr_marker(tr_run *r, const char *p, const char *e, long lineno)
{
    static const char kinds[] = "VTOEUS";
    static const int nfields[] = { 3, 3, 4, 2, 4, 3 };
    static const tr_kind steps[] = { TR_TRANS, TR_TRANS, TR_OUTCOME, TR_ENV, TR_UNHANDLED, TR_NOTE };
    long v[TR_MAX_FIELDS];
    const char *k = e - p >= 3 && p[1] ? strchr(kinds, p[1]) : NULL;
    if (!k || (p[2] != ' ' && p[2] != '\t') || tr_ints(p + 2, e, v, nfields[k - kinds])) {
        r->malformed++;
        return;
    }
    const char *why = tr_bad(r, *k, v);
    if (why) {
        if (r->nnotes++ < TR_MAX_NOTES)
            tr_push_step(r, TR_NOTE, NULL, ar_printf("replay line %ld: '%.*s': %s; ignored", lineno,
                                                     (int)(e - p > 80 ? 80 : e - p), p, why));
        r->cur = -1;
    } else if (*k == 'S') {
        tr_map(r, *k, v);
    } else if (*k == 'V') {
        tr_map(r, *k, v);
        tr_push_set(r, v);
    } else {
        tr_map(r, *k, v);
        tr_push_step(r, steps[k - kinds], v, NULL);
    }
}

static int tr_starts(const char *p, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(p, prefix, k) == 0;
}

/* "spin: FILE:LINE, Error: assertion violated": the model line. */
static void tr_error_line(tr_run *r, const char *p, size_t n)
{
    static const char tag[] = ", Error: assertion violated";
    size_t k = sizeof tag - 1;
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(p + i, tag, k) != 0)
            continue;
        size_t j = i;
        long line = 0, scale = 1;
        while (j > 0 && p[j - 1] >= '0' && p[j - 1] <= '9' && scale <= TR_MAX_NUMBER) {
            line += (p[j - 1] - '0') * scale;
            scale *= 10;
            j--;
        }
        if (j < i && j > 0 && p[j - 1] == ':' && !r->err_line)
            r->err_line = line;
        return;
    }
}

static void tr_line(tr_run *r, const char *p, const char *e, long lineno)
{
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t n = (size_t)(e - p);
    static const char fail[] = "spin: text of failed assertion: ";
    if (n >= 1 && p[0] == '@')
        tr_marker(r, p, e, lineno);
    else if (tr_starts(p, n, "<<<<<START OF CYCLE>>>>>")) {
        r->cycle = 1;
        tr_push_step(r, TR_CYCLE, NULL, NULL);
    } else if (tr_starts(p, n, "spin: trail ends after"))
        r->ended = 1;
    else if (tr_starts(p, n, fail) && !r->err_text)
        r->err_text = ar_strndup(p + sizeof fail - 1, n - (sizeof fail - 1));
    else if (tr_starts(p, n, "spin: "))
        tr_error_line(r, p, n);
}

/* Set up the valuation and read the replay; 0, or -1 without a profile. */
int tr_read(tr_run *r, const ir_spec *s, const tr_src *o)
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
        r->val[v] = ar_array((size_t)tr_cells(r, v) + 1, sizeof **r->val);
        r->known[v] = ar_array((size_t)tr_cells(r, v) + 1, 1);
    }
    r->mst = ar_array((size_t)s->nmachines + 1, sizeof *r->mst);
    r->perm = ar_array((size_t)s->nmachines + 1, sizeof *r->perm);
    for (int m = 0; m < s->nmachines; m++) {
        r->mst[m] = ar_array((size_t)tr_instances(r, m) + 1, sizeof **r->mst);
        r->perm[m] = ar_array((size_t)tr_instances(r, m) + 1, sizeof **r->perm);
        for (int i = 0; i < tr_instances(r, m); i++) {
            r->mst[m][i] = s->machines[m].initial;
            r->perm[m][i] = i;
        }
    }
    const char *p = o->replay_text, *end = p ? p + o->replay_len : p;
    for (long lineno = 1; p && p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        tr_line(r, p, nl ? nl : end, lineno);
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* Apply sets[set0 .. set0 + n); the cells that changed, in order. */
tr_chg *tr_apply(tr_run *r, int set0, int n, int *nchg)
{
    tr_chg *c = ar_array((size_t)n + 1, sizeof *c);
    *nchg = 0;
    for (int i = set0; i < set0 + n; i++) {
        const tr_set *x = &r->sets[i];
        int32_t *cell = &r->val[x->var][x->cell];
        unsigned char *known = &r->known[x->var][x->cell];
        if (*known && *cell == x->value)
            continue;
        c[(*nchg)++] = (tr_chg){ x, *cell, *known };
        *cell = x->value;
        *known = 1;
    }
    return c;
}

/* ---- what was violated ------------------------------------------------- */

static int tr_prop(const ir_spec *s, const char *id, size_t n)
{
    for (int k = 0; k < s->nprops; k++)
        if (strlen(s->props[k].id) == n && memcmp(s->props[k].id, id, n) == 0)
            return k;
    return -1;
}

/* The first word of the title that is a property ID, or -1. */
static int tr_title_prop(const ir_spec *s, const char *t)
{
    while (t && *t) {
        size_t n = strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
        int k = n ? tr_prop(s, t, n) : -1;
        if (k >= 0)
            return k;
        t += n ? n : 1;
    }
    return -1;
}

/* The "@A KIND ARGS" comment on line 'line' of the model; 0 if found. */
static int tr_marker_at(const tr_src *o, long line, const char **kind, const char **args)
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

void tr_violation(const tr_run *r, tr_viol *v)
{
    const char *kind, *args;
    *v = (tr_viol){ "none", NULL, NULL, tr_title_prop(r->s, r->o->title) };
    if (r->err_line || r->err_text) {
        v->kind = "assertion";
        v->name = "assert";
        v->detail = r->err_text;
        if (tr_marker_at(r->o, r->err_line, &kind, &args) == 0) {
            int inv = strcmp(kind, "INV") == 0 && args;
            v->kind = inv ? "invariant" : "assertion";
            v->name = inv ? args : kind;
            v->detail = inv ? NULL : args;
            if (inv)
                v->prop = tr_prop(r->s, args, strlen(args));
        }
    } else if (r->cycle) {
        v->kind = "acceptance cycle";
        v->name = v->prop >= 0 ? r->s->props[v->prop].id : "ltl";
    } else if (r->ended) {
        v->kind = "claim";
        v->name = v->prop >= 0 ? r->s->props[v->prop].id : "claim";
    }
}

