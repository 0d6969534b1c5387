/* load.c - a spec's main file and the files it includes, as one AST (see
 * load.h).  The parser calls ld_include() at each 'include', which reads,
 * lexes and parses the named file (recursively) and hands its declarations
 * back to be spliced in place. */
#include "load.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "file.h"
#include "lex.h"
#include "parse.h"

typedef struct ld_file {
    const char *path;            /* as diagnostics name it */
    loc from;                    /* the directive that included it (the main file: line 0) */
    int has_id;                  /* dev and ino are known */
    dev_t dev;                   /* identity */
    ino_t ino;                   /* with dev */
    int open;                    /* being read: on the include chain */
} ld_file;

typedef struct ld_state {
    ld_file *files;              /* [LD_MAX_FILES], in inclusion order */
    int n;                       /* files so far */
    int chain[LD_MAX_DEPTH + 1]; /* the files being read, outermost first */
    int depth;                   /* index in chain of the file being parsed */
} ld_state;

/* rel as seen from the directory of the file 'from'. */
static const char *ld_join(const char *from, const char *rel)
{
    const char *slash = strrchr(from, '/');
    if (rel[0] == '/' || !slash)
        return rel;
    return ar_printf("%.*s%s", (int)(slash - from + 1), from, rel);
}

/* "a.fsm -> b.fsm -> a.fsm": the chain from file i to the file being
 * parsed, and back to i. */
static const char *ld_cycle(const ld_state *l, int i)
{
    int k = 0;
    while (k < l->depth && l->chain[k] != i)
        k++;
    const char *s = "";
    for (; k <= l->depth; k++)
        s = ar_printf("%s%s -> ", s, l->files[l->chain[k]].path);
    return ar_printf("%s%s", s, l->files[i].path);
}

/* 1 (after reporting) if the file read into t is one of the spec's files
 * already: a cycle if it is being read, else a second include. */
static int ld_known(const ld_state *l, const fi_text *t, const char *path, loc at)
{
    for (int i = 0; t->has_id && i < l->n; i++) {
        const ld_file *f = &l->files[i];
        if (!f->has_id || f->dev != t->dev || f->ino != t->ino)
            continue;
        const char *as = strcmp(f->path, path) ? ar_printf(" (as '%s')", f->path) : "";
        if (f->open)
            diag_error(at, "cannot include '%s': include cycle (%s)", path, ld_cycle(l, i));
        else
            diag_error(at, "cannot include '%s': it is already included, at %s:%d:%d%s", path,
                       diag_file(f->from), f->from.line, f->from.col, as);
        return 1;
    }
    return 0;
}

static int ld_include(void *arg, const char *rel, loc at, ast_decl **decls);

/* Register a file of the spec and put it on the include chain; its index. */
static int ld_enter(ld_state *l, const char *path, loc from, const fi_text *t)
{
    int i = l->n++;
    ld_file *f = &l->files[i];
    f->path = path;
    f->from = from;
    f->has_id = t->has_id;
    f->dev = t->dev;
    f->ino = t->ino;
    f->open = 1;
    l->chain[l->depth] = i;
    return i;
}

/* Parse the tokens of file i (on the chain), then take it off the chain. */
static int ld_parse(ld_state *l, int i, const lx_tokens *toks, ast_spec *out)
{
    int rc = ps_parse(toks, ld_include, l, out) || diag_count() ? -1 : 0;
    l->files[i].open = 0;
    return rc;
}

/* The parser's include hook (parse.h). */
static int ld_include(void *arg, const char *rel, loc at, ast_decl **decls)
{
    ld_state *l = arg;
    if (!rel[0]) {
        diag_error(at, "'include' needs a file path");
        return -1;
    }
    const char *path = ld_join(diag_file(at), rel);
    if (l->depth + 1 > LD_MAX_DEPTH) {
        diag_error(at, "cannot include '%s': includes nest more than %d deep", path, LD_MAX_DEPTH);
        return -1;
    }
    if (l->n == LD_MAX_FILES) {
        diag_error(at, "cannot include '%s': a spec has at most %d files", path, LD_MAX_FILES);
        return -1;
    }
    fi_text t;
    if (fi_read(path, &t)) {
        diag_error(at, "cannot include '%s': %s", path, fi_why(&t));
        return -1;
    }
    if (ld_known(l, &t, path, at)) {
        free(t.buf);
        return -1;
    }
    lx_tokens toks;
    int bad = lx_lex(path, t.buf, t.len, &toks) || diag_count();
    free(t.buf);                 /* the tokens hold copies of what they need */
    if (bad)
        return -1;
    l->depth++;
    int i = ld_enter(l, path, at, &t);
    ast_spec sub;
    int rc = ld_parse(l, i, &toks, &sub);
    l->depth--;
    *decls = rc ? NULL : sub.decls;
    return rc;
}

int ld_load(const char *path, const char *buf, size_t len, ast_spec *out, ld_sources *src)
{
    ld_state l;
    memset(&l, 0, sizeof l);
    l.files = ar_array(LD_MAX_FILES, sizeof *l.files);
    fi_text id;
    memset(&id, 0, sizeof id);
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0) {
        id.has_id = 1;
        id.dev = st.st_dev;
        id.ino = st.st_ino;
    }
    loc none = { 0, 0, NULL };
    int i = ld_enter(&l, path, none, &id);
    lx_tokens toks;
    out->decls = NULL;
    if (lx_lex(path, buf, len, &toks) || diag_count() || ld_parse(&l, i, &toks, out))
        return -1;
    if (src) {
        src->n = l.n;
        src->paths = ar_array((size_t)l.n, sizeof *src->paths);
        for (int k = 0; k < l.n; k++)
            src->paths[k] = l.files[k].path;
    }
    return 0;
}
