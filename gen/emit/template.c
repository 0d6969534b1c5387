/* template.c - expansion of the embedded emitter templates (template.h). */
#include "template.h"

#include <string.h>

static const tp_hook *tp_find(const tp_hook *hooks, int n, const char *name, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(hooks[i].name) == len && memcmp(hooks[i].name, name, len) == 0)
            return &hooks[i];
    return NULL;
}

void tp_expand(FILE *out, const char *tmpl, const tp_hook *hooks, int nhooks, const void *ctx)
{
    const char *p = tmpl;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) + 1 : strlen(p);
        const char *q = p;
        while (*q == ' ')
            q++;
        const char *end = q + 2 < p + len ? strstr(q + 2, "@@") : NULL;
        if (strncmp(q, "@@", 2) == 0 && end && end < p + len) {
            const tp_hook *h = tp_find(hooks, nhooks, q + 2, (size_t)(end - q - 2));
            if (h) {
                h->fn(out, ctx);
            } else {
                fprintf(stderr, "issu-gen: internal error: template point '%.*s' has no hook\n",
                        (int)(end - q - 2), q + 2);
                fprintf(out, "#error template point '%.*s' has no hook\n", (int)(end - q - 2), q + 2);
            }
        } else {
            fwrite(p, 1, len, out);
        }
        p += len;
    }
}
