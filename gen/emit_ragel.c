/* emit_ragel.c - the controller as a Ragel 6 state chart (issu.rl), from
 * the template gen/tmpl/ragel.in.  The symbols are transition ids, so the
 * chart is deterministic by construction (see the template's comment); this
 * file writes the chart, one labelled element per spec state, each
 * alternative `ID @tID -> TARGET` with its spec location, and the table of
 * entry points used to resume in a journalled state. */
#include "emit.h"
#include "emit_c.h"
#include "template.h"

static void er_banner(FILE *out, const void *ctx)
{
    ec_banner(out, ctx, "issu.rl: the controller's Ragel state chart");
}

/* The smallest alphabet that holds every transition id. */
static const char *er_symtype(const ir_machine *m)
{
    return m->ntrans < 256 ? "unsigned char" : "unsigned short";
}

static void er_alphtype(FILE *out, const void *ctx)
{
    fprintf(out, "    alphtype %s;\n", er_symtype(ec_machine(ctx)));
}

static void er_symdef(FILE *out, const void *ctx)
{
    fprintf(out, "/* One symbol: a transition id. */\n#define ISSU_FSM_SYM %s\n", er_symtype(ec_machine(ctx)));
}

static void er_actions(FILE *out, const void *ctx)
{
    const ir_spec *s = ctx;
    const ir_machine *m = ec_machine(s);
    for (int i = 0; i < m->ntrans; i++)
        fprintf(out, "    action t%d { f->fired = %d; }    # %s:%d\n", i, i, s->file, m->trans[i].at.line);
    /* fentry() makes Ragel export each state's entry point (issu_fsm_en_main_S) */
    for (int st = 0; st < m->nstates; st++)
        fprintf(out, "    action at_%s { f->state = ISSU_ST_%s; (void)fentry(%s); }\n",
                m->states[st].name, m->states[st].name, m->states[st].name);
}

static void er_chart(FILE *out, const void *ctx)
{
    const ir_spec *s = ctx;
    const ir_machine *m = ec_machine(s);
    fprintf(out, "        start: ( '' -> %s ),\n", m->states[m->initial].name);
    for (int st = 0; st < m->nstates; st++) {
        fprintf(out, "        # %s:%d\n        %s: (", s->file, m->states[st].at.line, m->states[st].name);
        int n = 0;
        for (int i = 0; i < m->ntrans; i++) {
            const ir_trans *t = &m->trans[i];
            if (t->from != st)
                continue;
            fprintf(out, "\n            %s %d @t%d -> %s    # %s:%d %s", n ? "|" : " ", i, i,
                    m->states[t->to].name, s->file, t->at.line, s->events[t->event].name);
            n++;
        }
        /* a state with no transition (a final sink) is the empty word */
        fprintf(out, "%s\n        ) >~at_%s%s\n", n ? "" : " ''", m->states[st].name,
                st + 1 < m->nstates ? "," : "");
    }
}

static void er_entries(FILE *out, const void *ctx)
{
    const ir_machine *m = ec_machine(ctx);
    for (int st = 0; st < m->nstates; st++)
        fprintf(out, "    issu_fsm_en_main_%s,\n", m->states[st].name);
}

void em_ragel(FILE *out, const ir_spec *s, const em_opts *o)
{
    static const tp_hook hooks[] = {
        { "banner", er_banner }, { "symtype", er_symdef }, { "alphtype", er_alphtype }, { "actions", er_actions },
        { "chart", er_chart }, { "entries", er_entries },
    };
    (void)o;                    /* the same for every profile */
    tp_expand(out, tp_ragel, hooks, (int)(sizeof hooks / sizeof hooks[0]), s);
}
