/* emit_c_monitors.c - the spec's safety invariants as C checks
 * (issu_monitors.c): one function per invariant over the HAL's observations
 * and the state and variables of every machine of the system (through the
 * runtime's peer functions: a monitor reads any machine), and the table the
 * runtime walks after every step of any instance (plain invariants) and
 * just before issuing a command (`on issue` invariants).  LTL properties
 * are the model checker's alone. */
#include "emit.h"
#include "emit_c.h"

static unsigned long em_families(const ir_spec *s, const ir_prop *p)
{
    unsigned long mask = 0;
    for (int f = 0; f < s->nfamilies && f < 32; f++)
        if (!p->families || p->families[f])
            mask |= 1ul << f;
    return mask;
}

void em_c_monitors(FILE *out, const ir_spec *s, const em_opts *o)
{
    (void)o;                    /* the family mask selects per profile at run time */
    ec_banner(out, s, "issu_monitors.c: the safety invariants as run-time monitors");
    fputs("#include \"issu_impl.h\"\n", out);
    int n = 0;
    for (int i = 0; i < s->nprops; i++) {
        const ir_prop *p = &s->props[i];
        if (p->kind == IR_PROP_LTL)
            continue;
        fprintf(out, "\n/* %s (%s:%d): ", p->id, ir_file(s, p->at), p->at.line);
        for (const char *c = p->text; *c; c++)     /* no comment end inside the comment */
            fputc(*c == '*' && c[1] == '/' ? '+' : *c, out);
        if (p->machine >= 0) {          /* 'each M': every instance of M */
            fprintf(out, " */\nstatic int issu__inv_%s(issu *m)\n{\n"
                         "    int32_t n = issu__peer_instances(m, ISSU_M_%s);\n"
                         "    for (int32_t i = 0; i < n; i++)  /* bound: the array's instances */\n"
                         "        if (!(", p->id, s->machines[p->machine].name);
            ec_expr_each(out, s, p->expr, "m->params", p->machine, "i");
            fputs("))\n            return 0;\n    return 1;\n}\n", out);
        } else {
            fprintf(out, " */\nstatic int issu__inv_%s(issu *m)\n{\n    (void)m;\n    return (", p->id);
            ec_expr(out, s, p->expr, "m->params", EC_GLOBAL);
            fputs(") ? 1 : 0;\n}\n", out);
        }
        n++;
    }
    fprintf(out, "\nconst int issu__nmonitors = %d;\n"
            "const issu__monitor issu__monitors[ISSU_DIM(%d)] = {\n", n, n);
    for (int i = 0; i < s->nprops; i++) {
        const ir_prop *p = &s->props[i];
        if (p->kind == IR_PROP_LTL)
            continue;
        fprintf(out, "    { ISSU_PROP_%s, ", p->id);
        if (p->kind == IR_PROP_ON_ISSUE)
            fprintf(out, "ISSU_CMD_%s", s->cmds[p->cmd].name);
        else
            fputs("-1", out);
        fprintf(out, ", 0x%lxu, issu__inv_%s },\n", em_families(s, p), p->id);
    }
    if (!n)
        fputs("    { 0, -1, 0u, 0 },\n", out);
    fputs("};\n", out);
}
