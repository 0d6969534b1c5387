/* load.h - a spec and the files it includes, lexed and parsed into one AST.
 *
 * ld_load() lexes and parses the spec's main file (the driver has read
 * it), and at each top-level 'include "path";' reads, lexes and parses the
 * named file, relative to the directory of the file that holds the
 * directive; the included declarations take the directive's place, so the
 * checker sees one spec, as if it had been written in one file.  Every
 * token carries its file, so every diagnostic names the file it is about.
 *
 * An include that cannot be read, that closes a cycle, that names a file
 * already included (under any spelling: files are known by device and
 * inode) or that nests deeper than LD_MAX_DEPTH is an error located at the
 * directive.  Each file gets the same lexical checks and size cap as the
 * main one.
 */
#ifndef ISSU_LOAD_H
#define ISSU_LOAD_H

#include <stddef.h>

#include "ast.h"

#define LD_MAX_DEPTH 16          /* include nesting (the main file is depth 0) */
#define LD_MAX_FILES 256         /* files of one spec, the main one included */

typedef struct ld_sources {
    const char **paths;          /* the main file, then each included file in inclusion order */
    int n;                       /* how many */
} ld_sources;

/* Load the spec whose main file is 'path' with text buf[0..len); fills *out
 * and (if not NULL) *src, and returns 0, or returns -1 after reporting.
 * Paths of included files are 'path''s directory joined with the path the
 * directive gives (as it gives it: an absolute path stays as it is). */
int ld_load(const char *path, const char *buf, size_t len, ast_spec *out, ld_sources *src);

#endif
