/* json.c - see json.h. */
#include "json.h"

void js_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* {"key":"value"}, as the runtime writes an action. */
static void js_pair(FILE *out, const char *key, const char *value)
{
    fputc('{', out);
    js_str(out, key);
    fputc(':', out);
    js_str(out, value);
    fputc('}', out);
}

static void js_action(FILE *out, const ir_spec *s, const ir_action *a, const js_values *v)
{
    switch (a->kind) {
    case IR_A_CONSOLE:
        js_pair(out, "console", a->text);
        break;
    case IR_A_ISSUE:
    case IR_A_CANCEL:
        js_pair(out, a->kind == IR_A_ISSUE ? "issue" : "cancel", s->cmds[a->cmd].name);
        break;
    case IR_A_ASSIGN:
        fputs("{\"assign\":", out);
        js_str(out, s->vars[a->var].name);
        fputs(",\"value\":", out);
        js_str(out, v->assigned(v->ctx, a));
        fputc('}', out);
        break;
    case IR_A_SEND:
        fputs("{\"send\":", out);
        js_str(out, s->events[a->event].name);
        fputs(",\"to\":", out);
        js_str(out, s->machines[a->machine].name);
        fprintf(out, ",\"instance\":%ld}", v->sent_to(v->ctx, a));
        break;
    }
}

void js_machine_tail(FILE *out, const ir_spec *s, int m, const ir_trans *t, int st, int ev,
                     const char *policy, const js_values *v)
{
    const ir_machine *mm = &s->machines[m];
    fputs("\"trans\":", out);
    if (t)
        fprintf(out, "%d", t->id);
    else
        fputs("null", out);
    fputs(",\"from\":", out);
    js_str(out, mm->states[t ? t->from : st].name);
    fputs(",\"event\":", out);
    js_str(out, s->events[t ? t->event : ev].name);
    fputs(",\"to\":", out);
    js_str(out, mm->states[t ? t->to : st].name);
    fputs(",\"actions\":[", out);
    for (int k = 0; t && k < t->nactions; k++) {
        fputs(k ? "," : "", out);
        js_action(out, s, &t->actions[k], v);
    }
    fputc(']', out);
    if (!t) {
        fputs(",\"unhandled\":", out);
        js_str(out, policy);
    }
    fputc('}', out);
}
