/* cli_pkg.c - signed packages (cli_pkg.h): the manifest and signature
 * formats, keys, the payload's hash and the verification.  The
 * cryptography is OpenSSL's libcrypto (Ed25519, SHA-256, base64). */
#include "cli_pkg.h"

#include <assert.h>
#include <errno.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "sim_err.h"

#define KEY_FILE_MAX 8192u             /* bound: bytes of a PEM key file */
#define SIG_B64 88u                    /* base64 characters of a signature */
#define KEYID_BYTES 8u                 /* bytes of SHA-256 that make a key id */

enum { K_FORMAT, K_NAME, K_FAMILY, K_RELEASE, K_SIZE, K_SHA, K_N };
static const char *const keys[K_N] = {
    "format", "name", "family", "release", "payload-size", "payload-sha256",
};

/* "line N: why 'what'" (no line when line is 0, no quote when what is NULL). */
static int bad(char *err, size_t errlen, unsigned line, const char *why, const char *what)
{
    char at[24] = "";
    if (line > 0)
        snprintf(at, sizeof at, "line %u: ", line);
    return sim_err(err, errlen, "%s%s%s%s%s", at, why, what ? " '" : "", what ? what : "", what ? "'" : "");
}

/* Are s[0..n-1] lower-case hex digits? */
static int is_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)   /* bound: n */
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

/* b[0..n-1] as 2n lower-case hex digits and a NUL into hex. */
static void to_hex(const unsigned char *b, size_t n, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {   /* bound: n */
        hex[2 * i] = digits[b[i] >> 4];
        hex[2 * i + 1] = digits[b[i] & 15u];
    }
    hex[2 * n] = '\0';
}

/* A decimal byte count, no sign, no leading zero, at most the payload bound. */
static int parse_size(const char *v, uint64_t *out)
{
    uint64_t n = 0;
    size_t len = strlen(v);
    if (len == 0 || len > 9 || (v[0] == '0' && len > 1))
        return -1;
    for (size_t i = 0; i < len; i++) {   /* bound: 9 digits */
        if (v[i] < '0' || v[i] > '9')
            return -1;
        n = n * 10u + (uint64_t)(v[i] - '0');
    }
    *out = n;
    return n <= CLI_PKG_PAYLOAD_MAX ? 0 : -1;
}

/* A family name: 1..15 lower-case letters and digits. */
static int is_family(const char *v)
{
    size_t n = strlen(v);
    for (size_t i = 0; i < n; i++)   /* bound: the line */
        if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9')))
            return 0;
    return n > 0 && n < CLI_PKG_FAMILY_MAX;
}

/* Store the value of key k, checked. */
static int store(cli_pkg *o, int k, const char *v, unsigned line, char *err, size_t errlen)
{
    switch (k) {
    case K_FORMAT:
        return strcmp(v, CLI_PKG_FORMAT) == 0 ? 0
            : bad(err, errlen, line, "unknown format (expected " CLI_PKG_FORMAT ")", v);
    case K_NAME:
        if (strchr(v, '/') != NULL || strcmp(v, ".") == 0 || strcmp(v, "..") == 0)
            return bad(err, errlen, line, "the name must be a file name", v);
        memcpy(o->name, v, strlen(v) + 1);
        return 0;
    case K_FAMILY:
        if (!is_family(v))
            return bad(err, errlen, line, "bad family", v);
        memcpy(o->family, v, strlen(v) + 1);
        return 0;
    case K_RELEASE:
        return ch_release_parse(v, &o->release) == 0 ? 0
            : bad(err, errlen, line, "bad release (expected e.g. 24.2R1.17)", v);
    case K_SIZE:
        return parse_size(v, &o->payload_size) == 0 ? 0
            : bad(err, errlen, line, "payload-size is not a number of bytes up to 16777216", v);
    default:
        if (strlen(v) != CLI_PKG_SHA_HEX - 1u || !is_hex(v, CLI_PKG_SHA_HEX - 1u))
            return bad(err, errlen, line, "payload-sha256 is not 64 lower-case hex digits", NULL);
        memcpy(o->sha256, v, CLI_PKG_SHA_HEX);
        return 0;
    }
}

/* One line s[0..n-1], without its newline. */
static int parse_line(const char *s, size_t n, unsigned line, int seen[K_N], cli_pkg *o, char *err, size_t errlen)
{
    char buf[CLI_PKG_LINE_MAX];
    if (n >= sizeof buf)
        return bad(err, errlen, line, "line longer than 255 bytes", NULL);
    for (size_t i = 0; i < n; i++)   /* bound: 255 */
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            return bad(err, errlen, line, "not printable ASCII (no tab, CR or NUL)", NULL);
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *sp = strchr(buf, ' ');
    if (sp == NULL || sp[1] == '\0' || strchr(sp + 1, ' ') != NULL)
        return bad(err, errlen, line, "expected 'key value'", NULL);
    *sp = '\0';
    int k = 0;
    while (k < K_N && strcmp(keys[k], buf) != 0)   /* bound: K_N */
        k++;
    if (k == K_N)
        return bad(err, errlen, line, "unknown key", buf);
    if (!seen[K_FORMAT] && k != K_FORMAT)
        return bad(err, errlen, line, "the first line must be 'format " CLI_PKG_FORMAT "'", NULL);
    if (seen[k]++)
        return bad(err, errlen, line, "duplicate key", buf);
    return store(o, k, sp + 1, line, err, errlen);
}

size_t cli_pkg_manifest_len(const char *bytes, size_t len)
{
    assert(bytes != NULL || len == 0);
    size_t n = len < CLI_PKG_MANIFEST_MAX ? len : CLI_PKG_MANIFEST_MAX;
    for (size_t i = 0; i < n; i++)   /* bound: CLI_PKG_MANIFEST_MAX */
        if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] == '\n'))
            return i + 1;
    return 0;
}

int cli_pkg_parse(const char *bytes, size_t len, cli_pkg *out, char *err, size_t errlen)
{
    assert(out != NULL && err != NULL && (bytes != NULL || len == 0));
    memset(out, 0, sizeof *out);
    size_t end = cli_pkg_manifest_len(bytes, len);
    int seen[K_N] = { 0 };
    unsigned line = 0;
    if (end == 0)
        return bad(err, errlen, 0, len < CLI_PKG_MANIFEST_MAX ? "no empty line ends the manifest"
                   : "no empty line ends the manifest within 2048 bytes", NULL);
    for (size_t i = 0; i + 1 < end;) {   /* bound: the manifest's lines */
        const char *nl = memchr(bytes + i, '\n', end - i);
        size_t n = (size_t)(nl - (bytes + i));
        if (parse_line(bytes + i, n, ++line, seen, out, err, errlen) != 0)
            return -1;
        i += n + 1;
    }
    for (int k = 0; k < K_N; k++)   /* bound: K_N */
        if (!seen[k] && k != K_FAMILY)
            return bad(err, errlen, line + 1, k == K_FORMAT ? "not an issu package (no 'format "
                       CLI_PKG_FORMAT "')" : "missing key", k == K_FORMAT ? NULL : keys[k]);
    out->manifest_len = end;
    return 0;
}

int cli_pkg_manifest(const cli_pkg *p, char *buf, size_t len)
{
    assert(p != NULL && buf != NULL);
    char family[CLI_PKG_FAMILY_MAX + 8] = "";
    if (p->family[0] != '\0')
        snprintf(family, sizeof family, "family %s\n", p->family);
    int n = snprintf(buf, len, "format %s\nname %s\n%srelease %s\npayload-size %llu\npayload-sha256 %s\n\n",
                     CLI_PKG_FORMAT, p->name, family, p->release.text, (unsigned long long)p->payload_size,
                     p->sha256);
    return n < 0 || (size_t)n >= len ? -1 : n;
}

int cli_pkg_sig_parse(const char *bytes, size_t len, cli_pkg_sig *out, char *err, size_t errlen)
{
    assert(out != NULL && (bytes != NULL || len == 0));
    unsigned char raw[SIG_B64 / 4u * 3u];
    char text[SIG_B64 + 1], again[SIG_B64 + 1];
    memset(out, 0, sizeof *out);
    if (len != CLI_PKG_SIG_LINE || memcmp(bytes, "ed25519 ", 8) != 0 || bytes[24] != ' '
        || bytes[CLI_PKG_SIG_LINE - 1u] != '\n')
        return sim_err(err, errlen, "expected one line 'ed25519 KEYID SIGNATURE' of %u bytes", CLI_PKG_SIG_LINE);
    if (!is_hex(bytes + 8, CLI_PKG_KEYID_HEX - 1u))
        return sim_err(err, errlen, "the key id is not 16 lower-case hex digits");
    memcpy(text, bytes + 25, SIG_B64);
    text[SIG_B64] = '\0';
    /* 64 bytes are 88 characters ending in "=="; only the canonical text */
    int n = text[SIG_B64 - 2u] == '=' && text[SIG_B64 - 1u] == '='
        ? EVP_DecodeBlock(raw, (const unsigned char *)text, (int)SIG_B64) : -1;
    if (n != (int)sizeof raw
        || EVP_EncodeBlock((unsigned char *)again, raw, (int)CLI_PKG_SIG_BYTES) != (int)SIG_B64
        || memcmp(again, text, SIG_B64) != 0)
        return sim_err(err, errlen, "the signature is not 64 bytes in base64");
    memcpy(out->key_id, bytes + 8, CLI_PKG_KEYID_HEX - 1u);
    memcpy(out->sig, raw, CLI_PKG_SIG_BYTES);
    return 0;
}

int cli_pkg_sig_format(const cli_pkg_sig *s, char *buf, size_t len)
{
    assert(s != NULL && buf != NULL);
    unsigned char b64[SIG_B64 + 1];
    if (len <= CLI_PKG_SIG_LINE || EVP_EncodeBlock(b64, s->sig, (int)CLI_PKG_SIG_BYTES) != (int)SIG_B64)
        return -1;
    snprintf(buf, len, "ed25519 %s %s\n", s->key_id, (const char *)b64);
    return strlen(buf) == CLI_PKG_SIG_LINE ? 0 : -1;
}

/* No passphrase: an encrypted key is refused, never prompted for. */
static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
    (void)buf, (void)size, (void)rwflag, (void)u;
    return -1;
}

struct evp_pkey_st *cli_pkg_key_load(const char *path, int private_key, char *err, size_t errlen)
{
    assert(path != NULL);
    static char text[KEY_FILE_MAX + 1];
    const char *kind = private_key ? "private" : "trusted";
    FILE *f = fopen(path, "rb");
    size_t n = f != NULL ? fread(text, 1, sizeof text, f) : 0;
    int e = errno, failed = f == NULL || ferror(f);
    if (f != NULL)
        fclose(f);
    if (failed || n > KEY_FILE_MAX) {
        sim_err(err, errlen, "cannot read %s key '%s': %s", kind, path, failed ? strerror(e) : "larger than 8 KiB");
        return NULL;
    }
    BIO *bio = BIO_new_mem_buf(text, (int)n);
    EVP_PKEY *k = bio == NULL ? NULL : private_key ? PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL)
        : PEM_read_bio_PUBKEY(bio, NULL, no_passphrase, NULL);
    BIO_free(bio);
    ERR_clear_error();
    if (k == NULL || EVP_PKEY_get_id(k) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(k);
        sim_err(err, errlen, "cannot read %s key '%s': not an Ed25519 %s key in PEM%s", kind, path,
                private_key ? "private" : "public", private_key ? " (without a passphrase)" : "");
        return NULL;
    }
    return k;
}

int cli_pkg_key_id(const struct evp_pkey_st *k, char id[CLI_PKG_KEYID_HEX])
{
    assert(k != NULL && id != NULL);
    unsigned char pub[32], md[EVP_MAX_MD_SIZE];
    size_t n = sizeof pub;
    unsigned int mdlen = 0;
    if (EVP_PKEY_get_raw_public_key(k, pub, &n) != 1 || n != sizeof pub
        || EVP_Digest(pub, n, md, &mdlen, EVP_sha256(), NULL) != 1)
        return -1;
    to_hex(md, KEYID_BYTES, id);
    return 0;
}

/* Hash (and copy) b[0..n-1]; 0, or -1 with the failing side in *which. */
static int feed(EVP_MD_CTX *ctx, const void *b, size_t n, FILE *copy, int *which)
{
    if (EVP_DigestUpdate(ctx, b, n) != 1) {
        *which = 3;
        return -1;
    }
    if (copy != NULL && fwrite(b, 1, n, copy) != n) {
        *which = 2;
        return -1;
    }
    return 0;
}

int cli_pkg_hash(const char *pre, size_t npre, FILE *in, FILE *copy, uint64_t max,
                 char hex[CLI_PKG_SHA_HEX], uint64_t *n, int *which)
{
    assert(hex != NULL && n != NULL && which != NULL && (pre != NULL || npre == 0));
    static unsigned char buf[65536];   /* one chunk of the stream */
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    *n = npre;
    *which = 3;
    int rc = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1 ? 0 : -1;
    if (rc == 0 && npre > 0)
        rc = feed(ctx, pre, npre, copy, which);
    while (rc == 0 && in != NULL && *n <= max) {   /* bound: max + 1 bytes */
        uint64_t left = max + 1u - *n;
        size_t want = left < sizeof buf ? (size_t)left : sizeof buf;
        size_t got = fread(buf, 1, want, in);
        *n += got;
        rc = got > 0 ? feed(ctx, buf, got, copy, which) : 0;
        if (got < want && ferror(in)) {
            *which = 1;
            rc = -1;
        }
        if (got < want)
            break;
    }
    if (rc == 0 && EVP_DigestFinal_ex(ctx, md, &mdlen) == 1 && mdlen == 32u)
        to_hex(md, mdlen, hex);
    else if (rc == 0)
        rc = -1;
    EVP_MD_CTX_free(ctx);
    if (rc == 0)
        *which = 0;
    return rc;
}

/* Read and parse `path`.sig. */
static int read_sig(const char *path, cli_pkg_sig *s, char *err, size_t errlen)
{
    char sp[CLI_PKG_PATH_MAX], text[CLI_PKG_SIG_LINE + 2], why[96];
    if (snprintf(sp, sizeof sp, "%s.sig", path) >= (int)sizeof sp)
        return sim_err(err, errlen, "package path '%.40s...' too long", path);
    FILE *f = fopen(sp, "rb");
    size_t n = f != NULL ? fread(text, 1, sizeof text, f) : 0;
    int e = errno, failed = f == NULL || ferror(f);
    if (f != NULL)
        fclose(f);
    if (failed)
        return sim_err(err, errlen, "cannot read signature '%s': %s", sp, strerror(e));
    if (cli_pkg_sig_parse(text, n, s, why, sizeof why) != 0)
        return sim_err(err, errlen, "malformed signature '%s': %s", sp, why);
    return 0;
}

/* Does s verify over m[0..n-1] with key? */
static int check_sig(EVP_PKEY *key, const char *m, size_t n, const cli_pkg_sig *s, const char *path,
                     char *err, size_t errlen)
{
    char trusted[CLI_PKG_KEYID_HEX] = "unknown";
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int ok = ctx != NULL && EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, key) == 1
        && EVP_DigestVerify(ctx, s->sig, CLI_PKG_SIG_BYTES, (const unsigned char *)m, n) == 1;
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    if (ok)
        return 0;
    (void)cli_pkg_key_id(key, trusted);
    if (strcmp(trusted, s->key_id) != 0)
        return sim_err(err, errlen, "package '%s' is not signed by the trusted key: its signature names key %s, "
                       "the trusted key is %s", path, s->key_id, trusted);
    return sim_err(err, errlen, "package '%s': the signature does not verify with the trusted key %s "
                   "(the manifest or the signature was altered)", path, trusted);
}

/* The payload: what follows the manifest, pre[0..npre-1] then the rest of f. */
static int check_payload(FILE *f, const char *pre, size_t npre, const cli_pkg *p, const char *path,
                         char *err, size_t errlen)
{
    char hex[CLI_PKG_SHA_HEX];
    uint64_t n = 0;
    int which = 0;
    if (cli_pkg_hash(pre, npre, f, NULL, p->payload_size, hex, &n, &which) != 0)
        return sim_err(err, errlen, "cannot read package '%s'%s", path, which == 3 ? ": SHA-256 failed" : "");
    if (n < p->payload_size)
        return sim_err(err, errlen, "package '%s' is truncated: %llu bytes of payload, its manifest says %llu",
                       path, (unsigned long long)n, (unsigned long long)p->payload_size);
    if (n > p->payload_size)
        return sim_err(err, errlen, "package '%s' has more than the %llu bytes of payload its manifest says",
                       path, (unsigned long long)p->payload_size);
    if (strcmp(hex, p->sha256) != 0)
        return sim_err(err, errlen, "package '%s': the payload's sha256 is not its manifest's "
                       "(the payload was altered)", path);
    return 0;
}

/* The package file f: the manifest, the signature over it, the payload. */
static int check_file(FILE *f, const char *path, EVP_PKEY *key, cli_pkg *out, char *err, size_t errlen)
{
    static char head[CLI_PKG_MANIFEST_MAX];   /* the manifest, and the first bytes of payload */
    char why[CLI_PKG_LINE_MAX];
    cli_pkg_sig sig;
    size_t n = fread(head, 1, sizeof head, f);
    if (ferror(f))
        return sim_err(err, errlen, "cannot read package '%s': %s", path, strerror(errno));
    size_t mlen = cli_pkg_manifest_len(head, n);
    if (mlen == 0)
        return sim_err(err, errlen, "malformed package '%s': no empty line ends a manifest in its first %zu "
                       "bytes (truncated, or not an %s file)", path, n, CLI_PKG_FORMAT);
    if (read_sig(path, &sig, err, errlen) != 0 || check_sig(key, head, mlen, &sig, path, err, errlen) != 0)
        return -1;
    if (cli_pkg_parse(head, mlen, out, why, sizeof why) != 0)
        return sim_err(err, errlen, "malformed package '%s': %s", path, why);
    memcpy(out->key_id, sig.key_id, sizeof out->key_id);
    return check_payload(f, head + mlen, n - mlen, out, path, err, errlen);
}

int cli_pkg_verify(const char *path, const char *trust, cli_pkg *out, char *err, size_t errlen)
{
    assert(path != NULL && trust != NULL && out != NULL && err != NULL);
    memset(out, 0, sizeof *out);
    EVP_PKEY *key = cli_pkg_key_load(trust, 0, err, errlen);
    if (key == NULL)
        return -1;
    FILE *f = fopen(path, "rb");
    int rc = f == NULL ? sim_err(err, errlen, "cannot read package '%s': %s", path, strerror(errno))
        : check_file(f, path, key, out, err, errlen);
    if (f != NULL)
        fclose(f);
    EVP_PKEY_free(key);
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    if (rc == 0 && strcmp(base, out->name) != 0)
        return sim_err(err, errlen, "package '%s': its signed manifest names it '%s', not '%s'", path, out->name, base);
    return rc;
}
