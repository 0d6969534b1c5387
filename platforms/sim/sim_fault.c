/* sim_fault.c - parsing and matching of fault injection points
 * (sim_fault.h).  The parser is a hand-written scanner over one bounded
 * string; names are copied into fixed buffers, never allocated. */
#include "sim_fault.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "sim_err.h"

#define SIM_DAYS_24_MS 2073600000ull   /* bound: time points, as in the spec language */

void sim_fault_plan_init(sim_fault_plan *p)
{
    assert(p != NULL);
    memset(p, 0, sizeof *p);
}

static int is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9') || c == '_';
}

static int in_list(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], name) == 0)
            return 1;
    return 0;
}

/* Is 'name' a command of the catalogue (the part before a dot)? */
static int is_command(const sim_catalog *cat, const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < cat->n_outcomes; i++)
        if (strncmp(cat->outcomes[i], name, len) == 0 && cat->outcomes[i][len] == '.')
            return 1;
    return 0;
}

int sim_fault_duration(const char *s, sim_ms *out)
{
    assert(s != NULL && out != NULL);
    uint64_t v = 0;
    size_t i = 0;
    for (; s[i] >= '0' && s[i] <= '9'; i++) {
        if (i >= 10)
            return -1;
        v = v * 10u + (uint64_t)(s[i] - '0');
    }
    if (i == 0)
        return -1;
    const char *u = s + i;
    uint64_t mul = strcmp(u, "ms") == 0 ? 1u : strcmp(u, "s") == 0 ? 1000u
        : strcmp(u, "min") == 0 ? 60000u : strcmp(u, "h") == 0 ? 3600000u : 0u;
    if (mul == 0 || v > SIM_DAYS_24_MS / mul)
        return -1;
    *out = v * mul;
    return 0;
}

/* Parse the part after "@" into f. */
static int parse_point(const char *pt, const sim_catalog *cat, sim_fault *f,
                       char *err, size_t errlen)
{
    if (*pt == '\0')
        return sim_err(err, errlen, "fault '%s': empty point after '@'", f->text);
    if (strncmp(pt, "t=", 2) == 0) {
        if (sim_fault_duration(pt + 2, &f->at) != 0)
            return sim_err(err, errlen, "fault '%s': bad time '%s' (use e.g. t=90s, t=25min, t=1500ms, t=1h)",
                        f->text, pt + 2);
        f->point = SIM_POINT_TIME;
        return 0;
    }
    if (pt[0] >= '0' && pt[0] <= '9') {
        uint32_t n = 0;
        for (size_t i = 0; pt[i] != '\0'; i++) {
            if (pt[i] < '0' || pt[i] > '9' || n > 99999u)
                return sim_err(err, errlen, "fault '%s': bad count '%s' (an integer from 1 to 999999)",
                            f->text, pt);
            n = n * 10u + (uint32_t)(pt[i] - '0');
        }
        if (n == 0)
            return sim_err(err, errlen, "fault '%s': count must be at least 1", f->text);
        f->point = SIM_POINT_NTH;
        f->nth = n;
        return 0;
    }
    if (strlen(pt) >= SIM_NAME_MAX || !in_list(cat->states, cat->n_states, pt))
        return sim_err(err, errlen, "fault '%s': '%s' is not a state of the controller", f->text, pt);
    f->point = SIM_POINT_STATE;
    memcpy(f->state, pt, strlen(pt) + 1);
    return 0;
}

/* Split "name[.outcome]" into f and check it against the catalogue. */
static int parse_event(const char *ev, size_t len, const sim_catalog *cat,
                       sim_fault *f, char *err, size_t errlen)
{
    size_t dot = len;
    for (size_t i = 0; i < len; i++) {
        if (ev[i] == '.' && dot == len)
            dot = i;
        else if (!is_ident_char(ev[i]))
            return sim_err(err, errlen, "fault '%s': unexpected character '%c'", f->text, ev[i]);
    }
    if (dot == 0 || dot >= SIM_NAME_MAX || (dot < len && (len - dot - 1 == 0 || len - dot - 1 >= SIM_NAME_MAX)))
        return sim_err(err, errlen, "fault '%s': expected NAME or COMMAND.OUTCOME", f->text);
    memcpy(f->name, ev, dot);
    f->name[dot] = '\0';
    if (dot == len) {
        if (in_list(cat->env, cat->n_env, f->name))
            return 0;
        if (is_command(cat, f->name))
            return sim_err(err, errlen, "fault '%s': '%s' is a command, name one of its outcomes (e.g. %s.fail)",
                        f->text, f->name, f->name);
        return sim_err(err, errlen, "fault '%s': no fault, operator action or command '%s' in the spec",
                    f->text, f->name);
    }
    memcpy(f->outcome, ev + dot + 1, len - dot - 1);
    f->outcome[len - dot - 1] = '\0';
    char full[2 * SIM_NAME_MAX];
    snprintf(full, sizeof full, "%s.%s", f->name, f->outcome);
    if (!in_list(cat->outcomes, cat->n_outcomes, full))
        return sim_err(err, errlen, is_command(cat, f->name)
                    ? "fault '%s': command '%s' has no outcome '%s'"
                    : "fault '%s': no command '%s' in the spec", f->text, f->name, f->outcome);
    return 0;
}

int sim_fault_parse(const char *text, const sim_catalog *cat, sim_fault *out,
                    char *err, size_t errlen)
{
    assert(cat != NULL && out != NULL);
    memset(out, 0, sizeof *out);
    if (text == NULL || *text == '\0')
        return sim_err(err, errlen, "empty fault spec");
    size_t len = strlen(text);
    if (len >= SIM_FAULT_TEXT_MAX)
        return sim_err(err, errlen, "fault spec longer than %u characters", SIM_FAULT_TEXT_MAX - 1u);
    memcpy(out->text, text, len + 1);
    const char *at = strchr(text, '@');
    size_t evlen = at != NULL ? (size_t)(at - text) : len;
    if (parse_event(text, evlen, cat, out, err, errlen) != 0)
        return -1;
    if (at != NULL && parse_point(at + 1, cat, out, err, errlen) != 0)
        return -1;
    return 0;
}

int sim_fault_add(sim_fault_plan *p, const char *text, const sim_catalog *cat,
                  char *err, size_t errlen)
{
    assert(p != NULL && p->n <= SIM_FAULT_MAX);
    if (p->n == SIM_FAULT_MAX)
        return sim_err(err, errlen, "more than %u faults", SIM_FAULT_MAX);
    if (sim_fault_parse(text, cat, &p->f[p->n], err, errlen) != 0)
        return -1;
    p->n++;
    return 0;
}

int sim_fault_match_outcome(const sim_fault_plan *p, const char *cmd,
                            uint32_t nth, sim_ms issued_at, const char *state)
{
    assert(p != NULL && cmd != NULL);
    for (uint32_t i = 0; i < p->n; i++) {
        const sim_fault *f = &p->f[i];
        if (f->fired || f->outcome[0] == '\0' || strcmp(f->name, cmd) != 0)
            continue;
        int hit = f->point == SIM_POINT_NONE
            || (f->point == SIM_POINT_NTH && f->nth == nth)
            || (f->point == SIM_POINT_TIME && issued_at >= f->at)
            || (f->point == SIM_POINT_STATE && state != NULL && strcmp(state, f->state) == 0);
        if (hit)
            return (int)i;
    }
    return -1;
}

void sim_fault_observe(sim_fault_plan *p, const char *state, uint32_t issued,
                       sim_ms now)
{
    assert(p != NULL);
    for (uint32_t i = 0; i < p->n; i++) {
        sim_fault *f = &p->f[i];
        if (f->outcome[0] != '\0' || f->armed)
            continue;
        f->armed = f->point == SIM_POINT_NONE
            || (f->point == SIM_POINT_NTH && issued >= f->nth)
            || (f->point == SIM_POINT_TIME && now >= f->at)
            || (f->point == SIM_POINT_STATE && state != NULL && strcmp(state, f->state) == 0);
    }
}

int sim_fault_next_armed(const sim_fault_plan *p, uint32_t from)
{
    assert(p != NULL);
    for (uint32_t i = from; i < p->n; i++)
        if (p->f[i].armed && !p->f[i].fired)
            return (int)i;
    return -1;
}

sim_ms sim_fault_next_time(const sim_fault_plan *p, sim_ms now)
{
    assert(p != NULL);
    sim_ms best = SIM_MS_NEVER;
    for (uint32_t i = 0; i < p->n; i++) {
        const sim_fault *f = &p->f[i];
        if (f->outcome[0] == '\0' && !f->armed && f->point == SIM_POINT_TIME
            && f->at > now && f->at < best)
            best = f->at;
    }
    return best;
}

void sim_fault_fire(sim_fault_plan *p, uint32_t i, sim_ms now)
{
    assert(p != NULL && i < p->n);
    p->f[i].fired = 1;
    p->f[i].fired_at = now;
}

uint32_t sim_fault_unfired(const sim_fault_plan *p)
{
    assert(p != NULL);
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->n; i++)
        n += p->f[i].fired ? 0u : 1u;
    return n;
}
