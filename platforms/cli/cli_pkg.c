/* cli_pkg.c - the package manifest reader (cli_pkg.h). */
#include "cli_pkg.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

enum { K_FORMAT, K_PACKAGE, K_FAMILY, K_VERSION, K_SIGNED, K_SHA, K_N };
static const char *const keys[K_N] = {
    "format", "package", "family", "version", "signed-by", "sha256",
};

static int bad(char *err, size_t errlen, unsigned line, const char *why, const char *what)
{
    snprintf(err, errlen, "line %u: %s%s%s%s", line, why, what ? " '" : "", what ? what : "",
             what ? "'" : "");
    return -1;
}

static int is_hex64(const char *s)
{
    size_t n = 0;
    for (; s[n] != '\0'; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return 0;
    return n == 64;
}

/* Store one "key value" line.  seen[] tracks duplicates. */
static int store(cli_pkg *o, int k, const char *v, unsigned line, char *err, size_t errlen)
{
    switch (k) {
    case K_FORMAT:
        return strcmp(v, "issu-package-1") == 0 ? 0 : bad(err, errlen, line, "unknown format", v);
    case K_PACKAGE:
        memcpy(o->package, v, strlen(v) + 1);
        return 0;
    case K_FAMILY:
        if (strlen(v) >= sizeof o->family)
            return bad(err, errlen, line, "unknown family", v);
        memcpy(o->family, v, strlen(v) + 1);
        return 0;
    case K_VERSION:
        return ch_release_parse(v, &o->version) == 0 ? 0
            : bad(err, errlen, line, "bad version (expected e.g. 24.2R1.17)", v);
    case K_SIGNED:
        memcpy(o->signer, v, strlen(v) + 1);
        o->signed_ok = strncmp(v, "PackageProduction_", 18) == 0 && v[18] != '\0';
        return 0;
    default:
        return is_hex64(v) ? 0 : bad(err, errlen, line, "sha256 is not 64 lower-case hex digits", NULL);
    }
}

/* One line (NUL-terminated, no newline). */
static int parse_line(char *s, unsigned line, int seen[K_N], cli_pkg *o, char *err, size_t errlen)
{
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '\r')
        s[--n] = '\0';
    if (n == 0 || s[0] == '#')
        return 0;
    char *sp = strpbrk(s, " \t");
    if (sp == NULL || sp[1] == '\0' || sp[1] == ' ' || sp[1] == '\t')
        return bad(err, errlen, line, "expected 'key value'", NULL);
    *sp = '\0';
    int k = 0;
    while (k < K_N && strcmp(keys[k], s) != 0)
        k++;
    if (k == K_N)
        return bad(err, errlen, line, "unknown key", s);
    if (!seen[K_FORMAT] && k != K_FORMAT)
        return bad(err, errlen, line, "the first line must be 'format issu-package-1'", NULL);
    if (seen[k]++)
        return bad(err, errlen, line, "duplicate key", s);
    for (const char *c = sp + 1; *c != '\0'; c++)
        if ((unsigned char)*c < 0x21 || (unsigned char)*c > 0x7e)
            return bad(err, errlen, line, "value must be printable ASCII without spaces", NULL);
    return store(o, k, sp + 1, line, err, errlen);
}

int cli_pkg_parse(const char *text, size_t len, cli_pkg *out, char *err, size_t errlen)
{
    assert(text != NULL && out != NULL && err != NULL);
    memset(out, 0, sizeof *out);
    int seen[K_N] = { 0 };
    unsigned line = 0;
    size_t i = 0;
    if (len > CLI_PKG_FILE_MAX)
        return bad(err, errlen, 0, "file larger than 64 KiB", NULL);
    while (i < len) {
        char buf[CLI_PKG_LINE_MAX];
        size_t n = 0;
        line++;
        for (; i < len && text[i] != '\n'; i++, n++) {
            if (n + 1 >= sizeof buf)
                return bad(err, errlen, line, "line longer than 255 bytes", NULL);
            if (text[i] == '\0')
                return bad(err, errlen, line, "NUL byte: not a text manifest", NULL);
            buf[n] = text[i];
        }
        buf[n] = '\0';
        i++;                           /* the newline */
        if (parse_line(buf, line, seen, out, err, errlen) != 0)
            return -1;
    }
    if (!seen[K_FORMAT])
        return bad(err, errlen, line, "not an issu package manifest (no 'format issu-package-1')", NULL);
    if (!seen[K_VERSION] || !seen[K_SIGNED])
        return bad(err, errlen, line, !seen[K_VERSION] ? "missing key" : "missing key",
                   !seen[K_VERSION] ? "version" : "signed-by");
    return 0;
}

int cli_pkg_load(const char *path, cli_pkg *out, char *err, size_t errlen)
{
    assert(path != NULL && out != NULL);
    static char text[CLI_PKG_FILE_MAX + 1];
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "cannot read package '%s': %s", path, strerror(errno));
        return -1;
    }
    size_t n = fread(text, 1, sizeof text, f);
    int rd_err = ferror(f);
    fclose(f);
    if (rd_err) {
        snprintf(err, errlen, "cannot read package '%s'", path);
        return -1;
    }
    char why[CLI_PKG_LINE_MAX];
    if (cli_pkg_parse(text, n, out, why, sizeof why) != 0) {
        snprintf(err, errlen, "malformed package '%s': %s", path, why);
        return -1;
    }
    return 0;
}
