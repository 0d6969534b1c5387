/* emit_scenario.c - a replayed SPIN trail (trail.h) as a scenario a
 * verification engineer reads (em_scenario) and as a JSON-lines trace
 * (em_trace) whose machine lines are in the runtime's schema
 * (runtime/issu_trace.c). */
#include "emit.h"
#include "json.h"
#include "trail.h"

#include <string.h>

#include "arena.h"
#include "eval.h"

/* ---- the scenario ------------------------------------------------------- */

static void sc_head(FILE *out, const tr_run *r, const tr_viol *v)
{
    const ir_profile *pr = &r->s->profiles[r->p];
    fprintf(out, "Scenario: %s\n", r->o->title ? r->o->title : "replay of a SPIN trail");
    if (v->prop >= 0)
        fprintf(out, "Property: %s \"%s\"  (%s:%d)\n", r->s->props[v->prop].id,
                r->s->props[v->prop].text, ir_file(r->s, r->s->props[v->prop].at),
                r->s->props[v->prop].at.line);
    fprintf(out, "Spec:     %s, profile %s (family %s)\n", r->s->file, pr->name,
            r->s->families[pr->family].name);
    if (r->o->replay)
        fprintf(out, "Replay:   %s\n", r->o->replay);
}

/* "[A, B]", "{READY: 3, FAILED: 1}" or one value; "?" where never printed. */
static void sc_var_value(FILE *out, const tr_run *r, int var)
{
    const ir_var *v = &r->s->vars[var];
    int n = tr_cells(r, var), k = 0;
    if (v->shape == IR_SCALAR) {
        fputs(r->known[var][0] ? tr_value(r, var, r->val[var][0]) : "?", out);
        return;
    }
    fputc(v->shape == IR_POOL ? '{' : '[', out);
    for (int i = 0; i < n; i++) {
        if (v->shape == IR_ARRAY) {
            fprintf(out, "%s%s", i ? ", " : "", r->known[var][i] ? tr_value(r, var, r->val[var][i]) : "?");
        } else if (!r->known[var][i] || r->val[var][i] != 0) {
            fprintf(out, "%s%s: %s", k++ ? ", " : "", r->s->enums[v->elem.id].members[i],
                    r->known[var][i] ? tr_value(r, var, r->val[var][i]) : "?");
        }
    }
    fputc(v->shape == IR_POOL ? '}' : ']', out);
}

static void sc_machine_state(FILE *out, const tr_run *r, int m, int i)
{
    const ir_machine *mm = &r->s->machines[m];
    fprintf(out, "  %s: %s", tr_mname(r, m, i), mm->states[r->mst[m][i]].name);
    for (int k = 0; k < mm->nvars; k++) {
        int var = mm->vars[k];
        fprintf(out, "%s%s = %s", k ? ", " : "  (", r->s->vars[var].name,
                r->known[var][i] ? tr_value(r, var, r->val[var][i]) : "?");
    }
    fputs(mm->nvars ? ")\n" : "\n", out);
}

static void sc_initial(FILE *out, tr_run *r)
{
    const ir_spec *s = r->s;
    int n;
    tr_apply(r, 0, r->ninit, &n);
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
        for (int i = 0; i < tr_instances(r, m); i++)
            sc_machine_state(out, r, m, i);
}

/* "=> re_role[1] = DOWN; fpc: READY 3->2, BOOTING 0->1" */
static void sc_changes(FILE *out, const tr_run *r, const tr_chg *c, int n)
{
    for (int i = 0; i < n; i++) {
        const tr_set *x = c[i].x;
        const ir_var *v = &r->s->vars[x->var];
        int same = i > 0 && c[i - 1].x->var == x->var;
        fputs(i == 0 ? "       => " : v->shape == IR_POOL && same ? ", " : "; ", out);
        if (v->shape != IR_POOL) {
            fprintf(out, "%s = %s", tr_cell_name(r, x->var, x->cell), tr_value(r, x->var, x->value));
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

/* Expression e of action a of step st as the step ran it: over the values
 * before the step (the cells the step changed, c, at their old values),
 * with the assignments of the transition before a applied in order, as the
 * runtime and the relation evaluate it. */
static int32_t sc_eval_at(const tr_run *r, const tr_step *st, const ir_action *a, const tr_chg *c, int nc,
                          const ir_expr *e)
{
    const ir_spec *s = r->s;
    const ir_machine *m = &s->machines[st->a];
    const ir_trans *t = &m->trans[st->c];
    int self = st->b;
    int32_t *slots = ar_array((size_t)s->nslots + 1, sizeof *slots);
    for (int v = 0; v < s->nvars; v++) {
        const ir_var *var = &s->vars[v];
        if (var->kind == IR_V_CTRL && var->machine == st->a && self < tr_cells(r, v))
            slots[var->slot] = r->val[v][self];
        else if (var->kind == IR_V_PLANT || var->kind == IR_V_OPTION)
            for (int k = 0; k < tr_cells(r, v) && k < var->width; k++)
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
    return (int32_t)ev_eval(&env, e);
}

/* The instance a send of step st goes to (-1 for every one of an array, as
 * the runtime). */
static long sc_send_to(const tr_run *r, const tr_step *st, const ir_action *a, const tr_chg *c, int nc)
{
    if (!a->index)
        return r->s->machines[a->machine].count ? -1 : 0;
    if (a->index->kind == IR_E_CONST)
        return a->index->value;
    return sc_eval_at(r, st, a, c, nc, a->index);
}

/* The value an assignment of step st wrote, as the step ran (a transition
 * may assign one variable twice). */
static const char *sc_assigned(const tr_run *r, const tr_step *st, const ir_action *a, const tr_chg *c, int nc)
{
    if (a->value->kind == IR_E_CONST)
        return tr_value(r, a->var, a->value->value);
    return tr_value(r, a->var, sc_eval_at(r, st, a, c, nc, a->value));
}

static void sc_action(FILE *out, const tr_run *r, const tr_step *st, const ir_action *a, const tr_chg *c,
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
            fprintf(out, "  (%s)", sc_assigned(r, st, a, c, nc));
        fputc('\n', out);
        break;
    case IR_A_SEND: {
        long to = sc_send_to(r, st, a, c, nc);
        fprintf(out, "       send %s to %s\n", s->events[a->event].name,
                to < 0 ? ar_printf("every %s", s->machines[a->machine].name)
                       : tr_mname(r, a->machine, (int)to));
        break;
    }
    }
}

static void sc_trans(FILE *out, tr_run *r, const tr_step *st, int num, const tr_chg *c, int nc)
{
    const ir_machine *m = &r->s->machines[st->a];
    const ir_trans *t = &m->trans[st->c];
    fprintf(out, "%3d. %s: %s --%s--> %s  (%s:%d)\n", num, tr_mname(r, st->a, st->b),
            m->states[t->from].name, r->s->events[t->event].name, m->states[t->to].name,
            ir_file(r->s, t->at), t->at.line);
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

static const char *sc_policy(const tr_run *r, const tr_step *st)
{
    const ir_machine *m = &r->s->machines[st->a];
    int p = m->policy[(size_t)st->c * (size_t)r->s->nevents + (size_t)(st->d - 1)];
    return p == IR_P_IGNORE ? "ignored" : p == IR_P_REJECT ? "rejected" : "undecided";
}

static void sc_world(FILE *out, const tr_run *r, const tr_step *st, int num)
{
    const ir_spec *s = r->s;
    if (st->kind == TR_OUTCOME) {
        const ir_outcome *oc = &s->cmds[st->c].outcomes[st->d];
        fprintf(out, "%3d. outcome %s", num, s->events[oc->event].name);
        if (s->machines[st->a].count)
            fprintf(out, "  (to %s)", tr_mname(r, st->a, st->b));
        fputc('\n', out);
        return;
    }
    const ir_env *en = &s->envs[st->a];
    fprintf(out, "%3d. %s %s", num, en->is_fault ? "fault" : "operator", en->name);
    if (en->to_any && en->machine >= 0)
        fprintf(out, "  (to %s)", tr_mname(r, en->machine, st->b));
    fputs(en->silent ? "  (silent: no event)\n" : "\n", out);
}

static void sc_step_text(FILE *out, tr_run *r, const tr_step *st, int *num)
{
    int nc;
    tr_chg *c = tr_apply(r, st->set0, st->nset, &nc);
    switch (st->kind) {
    case TR_TRANS:
        sc_trans(out, r, st, ++*num, c, nc);
        break;
    case TR_UNHANDLED: {
        const ir_machine *m = &r->s->machines[st->a];
        const char *p = sc_policy(r, st);
        fprintf(out, "%3d. %s: %s %s in %s%s\n", ++*num, tr_mname(r, st->a, st->b),
                strcmp(p, "undecided") == 0 ? "dropped" : p, r->s->events[st->d - 1].name,
                m->states[st->c].name, strcmp(p, "undecided") == 0 ? " (no policy declared)" : "");
        break;
    }
    case TR_OUTCOME:
    case TR_ENV:
        sc_world(out, r, st, ++*num);
        sc_changes(out, r, c, nc);
        break;
    case TR_CYCLE:
        fputs("     ---- from here the run repeats forever ----\n", out);
        break;
    case TR_NOTE:
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

static void sc_tail(FILE *out, const tr_run *r, const tr_viol *v)
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
    if (r->nnotes > TR_MAX_NOTES)
        fprintf(out, "note: %d more markers outside the spec were ignored\n", r->nnotes - TR_MAX_NOTES);
    if (r->malformed)
        fprintf(out, "note: %d malformed marker lines were skipped\n", r->malformed);
}

/* The emitters' options as the trail reader's input. */
static tr_src sc_src(const em_opts *o)
{
    tr_src src = { o->profile, o->replay, o->replay_text, o->replay_len, o->model_text, o->model_len, o->title };
    return src;
}

void em_scenario(FILE *out, const ir_spec *s, const em_opts *o)
{
    tr_run r;
    tr_src src = sc_src(o);
    if (tr_read(&r, s, &src) != 0) {
        fputs("Scenario: no profile was chosen\n", out);
        return;
    }
    tr_viol v;
    tr_violation(&r, &v);
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
    const tr_run *r;
    const tr_step *st;
    const tr_chg *c;            /* the cells the step changed */
    int nc;
} sc_vals;

static const char *sc_vals_assigned(void *ctx, const ir_action *a)
{
    const sc_vals *v = ctx;
    return sc_assigned(v->r, v->st, a, v->c, v->nc);
}

static long sc_vals_sent_to(void *ctx, const ir_action *a)
{
    const sc_vals *v = ctx;
    return sc_send_to(v->r, v->st, a, v->c, v->nc);
}

/* A machine line: a transition, or (t NULL) an unhandled event. */
static void sc_json_machine(FILE *out, const tr_run *r, const tr_step *st, long seq, const tr_chg *c, int nc)
{
    const ir_machine *m = &r->s->machines[st->a];
    const ir_trans *t = st->kind == TR_TRANS ? &m->trans[st->c] : NULL;
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
static void sc_json_change_line(FILE *out, const tr_run *r, long seq, const char *kind,
                                const char *event, const char *silent, int m, int inst,
                                const tr_chg *c, int nc)
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
        js_str(out, tr_cell_name(r, c[i].x->var, c[i].x->cell));
        fputc(':', out);
        js_str(out, tr_value(r, c[i].x->var, c[i].x->value));
    }
    fputs("}}\n", out);
}

static void sc_json_world(FILE *out, const tr_run *r, const tr_step *st, long seq,
                          const tr_chg *c, int nc)
{
    const ir_spec *s = r->s;
    const ir_env *en = st->kind == TR_ENV ? &s->envs[st->a] : NULL;
    const char *ev = en ? (en->silent ? NULL : en->name)
                        : s->events[s->cmds[st->c].outcomes[st->d].event].name;
    sc_json_change_line(out, r, seq, !en ? "outcome" : en->is_fault ? "fault" : "operator", ev,
                        en && en->silent ? en->name : NULL, en ? en->machine : st->a, st->b, c, nc);
}

/* The plant cells a machine step changed (its commands' issue effects), if any. */
static int sc_plant_changes(const tr_run *r, const tr_chg *c, int nc)
{
    for (int i = 0; i < nc; i++)
        if (r->s->vars[c[i].x->var].kind != IR_V_CTRL)
            return 1;
    return 0;
}

/* Line 0: the profile, the options and the plant cells at the start, so
 * that a replay (issu replay) can answer the controller's observations. */
static void sc_json_initial(FILE *out, const tr_run *r)
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
            for (int c = 0; c < tr_cells(r, v); c++) {
                if (!r->known[v][c])
                    continue;
                fputs(n++ ? "," : "", out);
                js_str(out, tr_cell_name(r, v, c));
                fputc(':', out);
                js_str(out, tr_value(r, v, r->val[v][c]));
            }
        }
    }
    fputs("}}}\n", out);
}

void em_trace(FILE *out, const ir_spec *s, const em_opts *o)
{
    tr_run r;
    tr_src src = sc_src(o);
    if (tr_read(&r, s, &src) != 0)
        return;
    tr_viol v;
    tr_violation(&r, &v);
    int nc;
    long seq = 0;
    tr_apply(&r, 0, r.ninit, &nc);
    sc_json_initial(out, &r);
    for (int k = 0; k < r.nsteps; k++) {
        const tr_step *st = &r.steps[k];
        tr_chg *c = tr_apply(&r, st->set0, st->nset, &nc);
        if (st->kind == TR_TRANS || st->kind == TR_UNHANDLED) {
            sc_json_machine(out, &r, st, ++seq, c, nc);
            if (sc_plant_changes(&r, c, nc))
                sc_json_change_line(out, &r, ++seq, "effect", NULL, NULL, st->a, st->b, c, nc);
        }
        else if (st->kind == TR_OUTCOME || st->kind == TR_ENV)
            sc_json_world(out, &r, st, ++seq, c, nc);
        else if (st->kind == TR_CYCLE)
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
