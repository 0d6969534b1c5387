/* fuzz_package.c - libFuzzer target: the readers of a signed package
 * (platforms/cli/cli_pkg.c) on any bytes, the manifest reader of the
 * package file and the reader of its signature file: each reads or
 * refuses with a message, never a crash; what the manifest reader reads
 * is NUL-ended and within its fields, its manifest within the input and
 * its bound; a manifest read, written again, reads back the same, and a
 * signature read writes back to the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_pkg.h"
#include "fuzz_copy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fields of a manifest read are within their bounds, and what
 * cli_pkg_manifest writes of them reads back the same (the input may have
 * its keys in another order). */
static void check_manifest(const cli_pkg *p)
{
    static char again[CLI_PKG_MANIFEST_MAX];
    if (memchr(p->name, '\0', sizeof p->name) == NULL || memchr(p->family, '\0', sizeof p->family) == NULL
        || memchr(p->sha256, '\0', sizeof p->sha256) == NULL || p->manifest_len == 0
        || p->manifest_len > CLI_PKG_MANIFEST_MAX || p->payload_size > CLI_PKG_PAYLOAD_MAX)
        abort();
    int n = cli_pkg_manifest(p, again, sizeof again);
    cli_pkg back;
    char err[256];
    if (n < 0 || cli_pkg_parse(again, (size_t)n, &back, err, sizeof err) != 0 || back.manifest_len != (size_t)n
        || strcmp(back.name, p->name) != 0 || strcmp(back.family, p->family) != 0
        || strcmp(back.release.text, p->release.text) != 0 || back.payload_size != p->payload_size
        || strcmp(back.sha256, p->sha256) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char empty[1] = "";
    char *copy = fz_copy(data, size, empty);
    if (copy == NULL)
        return 0;
    cli_pkg pkg;
    cli_pkg_sig sig;
    char err[256], line[CLI_PKG_SIG_LINE + 1];
    if (cli_pkg_parse(copy, size, &pkg, err, sizeof err) == 0) {
        if (pkg.manifest_len > size)
            abort();
        check_manifest(&pkg);
    } else if (memchr(err, '\0', sizeof err) == NULL || err[0] == '\0') {
        abort();                                   /* a refusal always says why */
    }
    if (cli_pkg_sig_parse(copy, size, &sig, err, sizeof err) == 0) {
        if (cli_pkg_sig_format(&sig, line, sizeof line) != 0 || memcmp(line, copy, CLI_PKG_SIG_LINE) != 0)
            abort();
    } else if (memchr(err, '\0', sizeof err) == NULL || err[0] == '\0') {
        abort();
    }
    fz_free(copy, empty);
    return 0;
}
