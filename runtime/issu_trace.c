/* issu_trace.c - the JSON-lines trace: one line per transition or
 * unhandled event, built in the instance's buffer without libc formatting,
 * in the schema the Promela side emits too:
 *   {"seq":1,"time":0,"machine":"issu","instance":0,"trans":12,"from":"IDLE",
 *    "event":"start","to":"VALIDATING","actions":[{"console":"..."},
 *    {"issue":"validate_image"},{"cancel":"prompt_timer"},
 *    {"assign":"result","value":"NONE"},{"send":"ev","to":"m","instance":0}]}
 * and for an unhandled event "trans":null, "actions":[], "unhandled":"ignored"
 * ("rejected", "undecided", or "nondeterministic" when two guards held).
 * "machine" and "instance" name the machine instance (its element of a
 * machine array, `self`); "trans" and the states are the machine's own.
 */
#include <string.h>

#include "issu_impl.h"

char *issu__itoa(char *buf, int64_t v)
{
    char tmp[24];
    int n = 0, neg = v < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {                                               /* bound: 20 digits */
        tmp[n++] = (char)('0' + (int)(u % 10u));
        u /= 10u;
    } while (u && n < 20);
    int o = 0;
    if (neg)
        buf[o++] = '-';
    while (n)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
    return buf;
}

const char *issu__value_name(const issu *m, int cv, int32_t v, char *buf)
{
    if (cv < 0 || cv >= m->desc->nvars)
        return issu__itoa(buf, v);
    const issu__var_info *var = &m->desc->vars[cv];
    if (var->kind == ISSU_TK_BOOL)
        return v ? "true" : "false";
    if (var->kind == ISSU_TK_ENUM && issu_enum_member(var->id, v))
        return issu_enum_member(var->id, v);
    if (var->kind == ISSU_TK_STATE)
        return issu_state_name(var->id, v);
    return issu__itoa(buf, v);
}

/* Append raw text; on overflow the line is marked broken (reported at the end). */
static void issu__put(issu *m, const char *s)
{
    size_t len = strlen(s);
    if (m->tlen + len + 1 > sizeof m->tbuf) {
        m->tlen = sizeof m->tbuf;      /* saturated: the line is not emitted */
        return;
    }
    memcpy(m->tbuf + m->tlen, s, len);
    m->tlen += len;
}

/* Append a JSON string literal. */
static void issu__put_str(issu *m, const char *s)
{
    char esc[8];
    issu__put(m, "\"");
    for (; *s; s++) {                                  /* bound: the string's length */
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            esc[2] = '\0';
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            esc[6] = '\0';
        } else {
            esc[0] = (char)c;
            esc[1] = '\0';
        }
        issu__put(m, esc);
    }
    issu__put(m, "\"");
}

static void issu__put_int(issu *m, int64_t v)
{
    char buf[24];
    issu__put(m, issu__itoa(buf, v));
}

/* Open a line: everything up to "to" and the actions' "[". */
static void issu__trace_head(issu *m, int trans, int from, int event, int to)
{
    m->tlen = 0;
    m->nactions = 0;
    issu__put(m, "{\"seq\":");
    issu__put_int(m, ++m->seq);
    issu__put(m, ",\"time\":");
    issu__put_int(m, (int64_t)m->cfg.hal->now(m->cfg.hal_ctx));
    issu__put(m, ",\"machine\":");
    issu__put_str(m, m->desc->name);
    issu__put(m, ",\"instance\":");
    issu__put_int(m, m->index);
    issu__put(m, ",\"trans\":");
    if (trans < 0)
        issu__put(m, "null");
    else
        issu__put_int(m, trans);
    issu__put(m, ",\"from\":");
    issu__put_str(m, issu_state_name(m->machine, from));
    issu__put(m, ",\"event\":");
    issu__put_str(m, issu_event_name(event));
    issu__put(m, ",\"to\":");
    issu__put_str(m, issu_state_name(m->machine, to));
    issu__put(m, ",\"actions\":[");
}

void issu__trace_begin(issu *m, int trans, int from, int event)
{
    if (m->cfg.trace)
        issu__trace_head(m, trans, from, event, trans < 0 ? from : m->fsm.state);
}

static int issu__trace_next(issu *m)
{
    if (!m->cfg.trace)
        return 0;
    issu__put(m, m->nactions++ ? ",{" : "{");
    return 1;
}

void issu__trace_action(issu *m, const char *key, const char *value)
{
    if (!issu__trace_next(m))
        return;
    issu__put_str(m, key);
    issu__put(m, ":");
    issu__put_str(m, value);
    issu__put(m, "}");
}

void issu__trace_assign(issu *m, int cv, int32_t value)
{
    char buf[24];
    if (!issu__trace_next(m))
        return;
    issu__put(m, "\"assign\":");
    issu__put_str(m, issu_var_name(m->machine, cv));
    issu__put(m, ",\"value\":");
    issu__put_str(m, issu__value_name(m, cv, value, buf));
    issu__put(m, "}");
}

void issu__trace_send(issu *m, int event, int machine, int32_t index)
{
    if (!issu__trace_next(m))
        return;
    issu__put(m, "\"send\":");
    issu__put_str(m, issu_event_name(event));
    issu__put(m, ",\"to\":");
    issu__put_str(m, issu_machine_name(machine));
    issu__put(m, ",\"instance\":");
    issu__put_int(m, index);
    issu__put(m, "}");
}

void issu__trace_end(issu *m, int to, const char *unhandled)
{
    (void)to;                          /* written by the head, known before the actions */
    if (!m->cfg.trace)
        return;
    issu__put(m, "]");
    if (unhandled) {
        issu__put(m, ",\"unhandled\":");
        issu__put_str(m, unhandled);
    }
    issu__put(m, "}");
    if (m->tlen >= sizeof m->tbuf) {
        issu__contract(m, ISSU_C_TRACE_OVERFLOW);
        return;
    }
    m->tbuf[m->tlen] = '\0';
    m->cfg.trace(m->cfg.trace_ctx, m, m->tbuf);
}
