/* template.h - large fixed text of the emitters (the Promela harness, the
 * Ragel host file, ...) lives in gen/emit/tmpl/NAME.in, embedded at build time as
 * tp_NAME (mk/embed.sh), with insertion points written "@@name@@" alone on a
 * line.  tp_expand() copies a template and calls a hook at each point.
 */
#ifndef ISSU_TEMPLATE_H
#define ISSU_TEMPLATE_H

#include <stdio.h>

typedef struct tp_hook {
    const char *name;                       /* insertion point, without the @@ */
    void (*fn)(FILE *out, const void *ctx);  /* writes the text for it */
} tp_hook;

/* Copy tmpl to out, replacing each "@@name@@" line by hooks[name].  A point
 * with no hook is a bug in the emitter: it is written as an #error line so
 * that the output cannot compile, and reported on stderr. */
void tp_expand(FILE *out, const char *tmpl, const tp_hook *hooks, int nhooks, const void *ctx);

/* The embedded templates, one per file gen/emit/tmpl/NAME.in. */
extern const char tp_promela[];
extern const char tp_ragel[];
extern const char tp_ragel_machine[];
extern const char tp_plant_h[];
extern const char tp_plant_c[];

#endif
