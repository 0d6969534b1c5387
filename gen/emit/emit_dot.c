/* emit_dot.c - Graphviz state charts, one cluster per machine.  Edges are
 * labelled "event [guard] / console lines and commands", with the lowered
 * (exclusive) guard, so the picture shows what both outputs implement. */
#include "emit.h"

static void em_dot_string(FILE *out, const char *str)
{
    for (; *str; str++) {
        if (*str == '"' || *str == '\\')
            fputc('\\', out);
        if (*str == '\n')
            fputs("\\n", out);
        else
            fputc(*str, out);
    }
}

static void em_dot_edge(FILE *out, const ir_spec *s, int k, const ir_trans *t)
{
    fprintf(out, "    m%d_s%d -> m%d_s%d [label=\"", k, t->from, k, t->to);
    em_dot_string(out, s->events[t->event].name);
    if (t->xguard) {
        fputs(" [", out);
        em_dot_string(out, ir_expr_str(s, t->xguard));
        fputs("]", out);
    }
    for (int i = 0; i < t->nactions; i++) {
        const ir_action *a = &t->actions[i];
        fputs(i ? "\\n" : " /\\n", out);
        switch (a->kind) {
        case IR_A_CONSOLE:
            fputs("console \\\"", out);
            em_dot_string(out, a->text);
            fputs("\\\"", out);
            break;
        case IR_A_ISSUE:
        case IR_A_CANCEL:
            fprintf(out, "%s %s", a->kind == IR_A_ISSUE ? "issue" : "cancel", s->cmds[a->cmd].name);
            break;
        case IR_A_ASSIGN:
            fprintf(out, "%s = ", s->vars[a->var].name);
            em_dot_string(out, ir_expr_str(s, a->value));
            break;
        case IR_A_SEND:
            fprintf(out, "send %s to %s", s->events[a->event].name, s->machines[a->machine].name);
            break;
        }
    }
    fprintf(out, "\" tooltip=\"%s:%d\"];\n", ir_file(s, t->at), t->at.line);
}

void em_dot(FILE *out, const ir_spec *s, const em_opts *o)
{
    (void)o;                    /* the same for every profile */
    fprintf(out, "// generated from %s by issu-gen; do not edit\n", s->file);
    fprintf(out, "digraph issu {\n  rankdir=TB;\n  node [shape=box style=rounded fontname=Helvetica];\n"
            "  edge [fontname=Helvetica fontsize=9];\n");
    for (int k = 0; k < s->nmachines; k++) {
        const ir_machine *m = &s->machines[k];
        fprintf(out, "  subgraph cluster_%d {\n    label=\"machine %s\";\n", k, m->name);
        for (int st = 0; st < m->nstates; st++)
            fprintf(out, "    m%d_s%d [label=\"%s\"%s];\n", k, st, m->states[st].name,
                    m->states[st].final ? " peripheries=2" : "");
        fprintf(out, "    m%d_init [shape=point];\n    m%d_init -> m%d_s%d;\n", k, k, k, m->initial);
        for (int t = 0; t < m->ntrans; t++)
            em_dot_edge(out, s, k, &m->trans[t]);
        fprintf(out, "  }\n");
    }
    fprintf(out, "}\n");
}
