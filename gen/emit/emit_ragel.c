/* emit_ragel.c - the machines as Ragel 6 state charts (issu.rl), one Ragel
 * machine per spec machine, from the templates gen/emit/tmpl/ragel.in (the file)
 * and gen/emit/tmpl/ragel-machine.in (one machine).  The symbols are
 * transition ids, so each chart is deterministic by construction (see the
 * template's comment); this file writes each chart, one labelled element
 * per spec state, each alternative `ID @tID -> TARGET` with its spec
 * location, and the table of entry points used to resume in a journalled
 * state. */
#include "emit.h"
#include "emit_c.h"
#include "template.h"

typedef struct er {
    const ir_spec *s;
    int m;                      /* the machine being written */
} er;

static const ir_machine *er_m(const er *c)
{
    return &c->s->machines[c->m];
}

static void er_banner(FILE *out, const void *ctx)
{
    ec_banner(out, ctx, "issu.rl: the machines' Ragel state charts");
}

/* The smallest alphabet that holds every transition id. */
static const char *er_symtype(const ir_machine *m)
{
    return m->ntrans < 256 ? "unsigned char" : "unsigned short";
}

static void er_machine(FILE *out, const void *ctx)
{
    fprintf(out, "    machine issu_fsm_%s;\n", er_m(ctx)->name);
}

static void er_alphtype(FILE *out, const void *ctx)
{
    fprintf(out, "    alphtype %s;\n", er_symtype(er_m(ctx)));
}

/* The template's names for this machine's functions, tables and Ragel's data. */
static void er_names(FILE *out, const void *ctx)
{
    const er *c = ctx;
    const char *n = er_m(c)->name;
    fprintf(out, "/* ---- machine '%s' (%s:%d) ---- */\n\n", n, ir_file(c->s, er_m(c)->at),
            er_m(c)->at.line);
    fprintf(out, "#define ISSU__FSM_SYM %s   /* one symbol: a transition id */\n"
            "#define ISSU__FSM_NSTATES ISSU_NSTATES_%s\n#define ISSU__FSM_INITIAL ISSU_INITIAL_%s\n"
            "#define ISSU__FSM_ENTRY issu__fsm_entry_%s\n#define ISSU__FSM_INIT issu__fsm_init_%s\n"
            "#define ISSU__FSM_EXEC issu__fsm_exec_%s\n#define ISSU__FSM_ENTER issu__fsm_enter_%s\n"
            "#define ISSU__FSM_START issu_fsm_%s_start\n#define ISSU__FSM_ERROR issu_fsm_%s_error\n"
            "#define ISSU__FSM_EN_MAIN issu_fsm_%s_en_main\n",
            er_symtype(er_m(ctx)), n, n, n, n, n, n, n, n, n);
}

static void er_actions(FILE *out, const void *ctx)
{
    const er *c = ctx;
    const ir_machine *m = er_m(c);
    for (int i = 0; i < m->ntrans; i++)
        fprintf(out, "    action t%d { f->fired = %d; }    # %s:%d\n", i, i, ir_file(c->s, m->trans[i].at),
                m->trans[i].at.line);
    /* fentry() makes Ragel export each state's entry point (issu_fsm_<m>_en_main_S) */
    for (int st = 0; st < m->nstates; st++)
        fprintf(out, "    action at_%s { f->state = ISSU_ST_%s_%s; (void)fentry(%s); }\n",
                m->states[st].name, m->name, m->states[st].name, m->states[st].name);
}

static void er_chart(FILE *out, const void *ctx)
{
    const er *c = ctx;
    const ir_machine *m = er_m(c);
    fprintf(out, "        start: ( '' -> %s ),\n", m->states[m->initial].name);
    for (int st = 0; st < m->nstates; st++) {
        fprintf(out, "        # %s:%d\n        %s: (", ir_file(c->s, m->states[st].at), m->states[st].at.line,
                m->states[st].name);
        int n = 0;
        for (int i = 0; i < m->ntrans; i++) {
            const ir_trans *t = &m->trans[i];
            if (t->from != st)
                continue;
            fprintf(out, "\n            %s %d @t%d -> %s    # %s:%d %s", n ? "|" : " ", i, i,
                    m->states[t->to].name, ir_file(c->s, t->at), t->at.line, c->s->events[t->event].name);
            n++;
        }
        /* a state with no transition (a final sink) is the empty word */
        fprintf(out, "%s\n        ) >~at_%s%s\n", n ? "" : " ''", m->states[st].name,
                st + 1 < m->nstates ? "," : "");
    }
}

static void er_entries(FILE *out, const void *ctx)
{
    const ir_machine *m = er_m(ctx);
    for (int st = 0; st < m->nstates; st++)
        fprintf(out, "    issu_fsm_%s_en_main_%s,\n", m->name, m->states[st].name);
}

static void er_machines(FILE *out, const void *ctx)
{
    static const tp_hook hooks[] = {
        { "names", er_names }, { "machine", er_machine },
        { "alphtype", er_alphtype }, { "actions", er_actions }, { "chart", er_chart },
        { "entries", er_entries },
    };
    const ir_spec *s = ctx;
    for (int m = 0; m < s->nmachines; m++) {
        er c = { s, m };
        tp_expand(out, tp_ragel_machine, hooks, (int)(sizeof hooks / sizeof hooks[0]), &c);
    }
}

void em_ragel(FILE *out, const ir_spec *s, const em_opts *o)
{
    static const tp_hook hooks[] = { { "banner", er_banner }, { "machines", er_machines } };
    (void)o;                    /* the same for every profile */
    tp_expand(out, tp_ragel, hooks, (int)(sizeof hooks / sizeof hooks[0]), s);
}
