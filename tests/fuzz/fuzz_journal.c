/* fuzz_journal.c - libFuzzer target: the journal file reader of `issu
 * resume` (platforms/cli/cli_journal.c) on any bytes: it reads or refuses,
 * never a crash; what it reads has its words inside its text, each
 * NUL-ended, at most CLI_JFILE_ARGS_MAX of them, a torn flag of 0 or 1 and
 * a journal area of exactly the input's last ISSU_JOURNAL_BYTES bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_journal.h"
#include "fuzz_copy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const cli_jfile *f, const uint8_t *data, size_t size)
{
    if (f->argc < 0 || f->argc > (int)CLI_JFILE_ARGS_MAX || (f->torn != 0 && f->torn != 1)
        || memchr(f->subcommand, '\0', sizeof f->subcommand) == NULL || size < ISSU_JOURNAL_BYTES
        || memcmp(f->journal, data + size - ISSU_JOURNAL_BYTES, ISSU_JOURNAL_BYTES) != 0)
        abort();
    for (int i = 0; i < f->argc; i++) {
        const char *w = f->argv[i];
        if (w < f->text || w >= f->text + sizeof f->text
            || memchr(w, '\0', (size_t)(f->text + sizeof f->text - w)) == NULL)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cli_jfile f;
    char empty[1];
    char *text = fz_copy(data, size, empty);
    if (text == NULL)
        return 0;
    if (cli_jfile_parse(text, size, &f) == 0)
        check(&f, data, size);
    fz_free(text, empty);
    return 0;
}
