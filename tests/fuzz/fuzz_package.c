/* fuzz_package.c - libFuzzer target: the package manifest reader of
 * `issu upgrade --package` (platforms/cli/cli_pkg.c) on any bytes: a
 * package is read or refused with a message, never a crash; what it reads
 * is NUL-ended and within its fields. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_pkg.h"
#include "fuzz_copy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char empty[1] = "";
    char *copy = fz_copy(data, size, empty);
    if (copy == NULL)
        return 0;
    cli_pkg pkg;
    char err[256];
    if (cli_pkg_parse(copy, size, &pkg, err, sizeof err) == 0) {
        if (memchr(pkg.package, '\0', sizeof pkg.package) == NULL || memchr(pkg.signer, '\0', sizeof pkg.signer) == NULL
            || memchr(pkg.family, '\0', sizeof pkg.family) == NULL)
            abort();
    } else if (memchr(err, '\0', sizeof err) == NULL || err[0] == '\0') {
        abort();                                   /* a refusal always says why */
    }
    fz_free(copy, empty);
    return 0;
}
