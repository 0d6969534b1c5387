/* cli_pkg.h - the package file `issu upgrade --package FILE` reads.
 *
 * A real Junos package is a signed tarball; the simulator reads a small
 * text manifest that names what the checks need.  Format (version 1):
 *
 *     # comment lines and blank lines are ignored
 *     format issu-package-1                 required, the first other line
 *     package junos-install-mx-x86-64-24.2R1.17.tgz   optional, for display
 *     family mx                             optional; must be the platform's family
 *     version 24.2R1.17                     required: the target release
 *     signed-by PackageProduction_24_2_0    required: the signer
 *     sha256 <64 hex digits>                optional, checked for shape only
 *
 * One "key value" per line, a single space or tab between them, lines of at
 * most 255 bytes, a file of at most 64 KiB, each key at most once.  Anything
 * else is a malformed package: the CLI prints why and exits 2 without
 * starting anything.  A signer other than PackageProduction_* is not
 * malformed: the package loads, and the image validation (phase 1) fails
 * with a bad signature, as on the router.
 */
#ifndef CLI_PKG_H
#define CLI_PKG_H

#include <stddef.h>

#include "ch_release.h"

#define CLI_PKG_LINE_MAX 256u          /* bound: bytes per line, with NUL */
#define CLI_PKG_FILE_MAX 65536u        /* bound: bytes per file */

typedef struct cli_pkg {
    char package[CLI_PKG_LINE_MAX];    /* file name to display */
    char family[16];                   /* "mx", or "" when absent */
    ch_release version;                /* the target release */
    char signer[CLI_PKG_LINE_MAX];     /* signed-by */
    int signed_ok;                     /* the signer is PackageProduction_* */
} cli_pkg;

/* Parse a manifest held in memory.  0, or -1 with "line N: why" in err. */
int cli_pkg_parse(const char *text, size_t len, cli_pkg *out, char *err, size_t errlen);

/* Read and parse a file.  0, or -1 with a message in err. */
int cli_pkg_load(const char *path, cli_pkg *out, char *err, size_t errlen);

#endif
