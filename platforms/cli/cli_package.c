/* cli_package.c - `issu package create | verify | keygen` (cli_package.h).
 * The one file of the CLI that uses POSIX: an output is written to a
 * temporary file made by mkstemp beside it, synced, and renamed into
 * place. */
#define _POSIX_C_SOURCE 200809L

#include "cli_package.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "cli_help.h"
#include "cli_pkg.h"
#include "families.h"
#include "sim_err.h"

#define EXIT_USAGE 2                   /* bad command line, or the subcommand failed */
#define MSG_MAX 512u                   /* bound: one message */
#define PAYLOAD_TEXT_MAX 8192u         /* bound: the generated payload */

enum { C_CREATE = 1, C_VERIFY = 2, C_KEYGEN = 4 };

/* The flags, by index F_*; each takes a value. */
enum { F_RELEASE, F_KEY, F_OUT, F_FAMILY, F_PAYLOAD, F_NAME, F_TRUST, F_N };
static const struct {
    const char *flag;
    unsigned cmds;                     /* the subcommands that take it */
    unsigned required;                 /* the subcommands that need it */
} flags[F_N] = {
    { "--release", C_CREATE, C_CREATE }, { "--key", C_CREATE | C_KEYGEN, C_CREATE | C_KEYGEN },
    { "--out", C_CREATE, C_CREATE }, { "--family", C_CREATE, 0 }, { "--payload", C_CREATE, 0 },
    { "--name", C_CREATE, 0 }, { "--trust", C_VERIFY | C_KEYGEN, C_VERIFY | C_KEYGEN },
};

typedef struct pkg_opts {
    const char *v[F_N];                /* the value of each flag, or NULL */
    const char *operand;               /* verify's PKG */
} pkg_opts;

/* A file being written: a temporary file beside its path until committed. */
typedef struct out_file {
    char path[CLI_PKG_PATH_MAX];       /* where it goes */
    char tmp[CLI_PKG_PATH_MAX];        /* the temporary file, "" when none */
    FILE *f;                           /* open on tmp, or NULL */
} out_file;

/* What create writes, all of it known before anything is written. */
typedef struct pkg_build {
    cli_pkg p;                         /* the manifest's values */
    FILE *in;                          /* --payload, or NULL: text is the payload */
    char text[PAYLOAD_TEXT_MAX];       /* the generated payload */
    size_t ntext;                      /* its bytes */
    char manifest[CLI_PKG_MANIFEST_MAX];   /* the manifest as written and signed */
    size_t nmanifest;                  /* its bytes */
    cli_pkg_sig sig;                   /* the signature over it */
} pkg_build;

/* Parse the words after the subcommand into o. */
static int parse(unsigned cmd, int argc, char **argv, pkg_opts *o, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {   /* bound: argc */
        const char *w = argv[i], *eq = strchr(w, '=');
        size_t n = eq != NULL ? (size_t)(eq - w) : strlen(w);
        int k = 0;
        if (strncmp(w, "--", 2) != 0) {
            if (cmd != C_VERIFY || o->operand != NULL)
                return sim_err(err, errlen, "unexpected argument '%s' (see issu help package)", w);
            o->operand = w;
            continue;
        }
        while (k < F_N && (strlen(flags[k].flag) != n || strncmp(flags[k].flag, w, n) != 0))   /* bound: F_N */
            k++;
        if (k == F_N || (flags[k].cmds & cmd) == 0)
            return sim_err(err, errlen, "unknown option '%.*s' (see issu help package)", (int)n, w);
        if (o->v[k] != NULL)
            return sim_err(err, errlen, "option '%s' given twice", flags[k].flag);
        o->v[k] = eq != NULL ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
        if (o->v[k] == NULL || o->v[k][0] == '\0')
            return sim_err(err, errlen, "option '%s' needs a value", flags[k].flag);
    }
    for (int k = 0; k < F_N; k++)      /* bound: F_N */
        if ((flags[k].required & cmd) != 0 && o->v[k] == NULL)
            return sim_err(err, errlen, "%s is required (see issu help package)", flags[k].flag);
    if (cmd == C_VERIFY && o->operand == NULL)
        return sim_err(err, errlen, "which package? (issu package verify --trust PUB.pem PKG)");
    return 0;
}

/* Close o and remove its temporary file, if any: nothing of it is left. */
static void out_discard(out_file *o)
{
    if (o->f != NULL)
        fclose(o->f);
    o->f = NULL;
    if (o->tmp[0] != '\0')
        remove(o->tmp);
    o->tmp[0] = '\0';
}

/* Open a temporary file beside path, readable by its owner only if secret
 * (else as the umask allows). */
static int out_open(out_file *o, const char *path, int secret, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    if (snprintf(o->path, sizeof o->path, "%s", path) >= (int)sizeof o->path
        || snprintf(o->tmp, sizeof o->tmp, "%s.tmp.XXXXXX", path) >= (int)sizeof o->tmp) {
        o->tmp[0] = '\0';
        return sim_err(err, errlen, "path too long: '%.60s...'", path);
    }
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        o->tmp[0] = '\0';
        return sim_err(err, errlen, "cannot write '%s': %s", path, strerror(errno));
    }
    mode_t mask = umask(0);
    umask(mask);
    if ((!secret && fchmod(fd, (mode_t)0666 & ~mask) != 0) || (o->f = fdopen(fd, "wb")) == NULL) {
        int e = errno;
        close(fd);
        out_discard(o);
        return sim_err(err, errlen, "cannot write '%s': %s", path, strerror(e));
    }
    return 0;
}

/* Flush o to the disk and close it (still under its temporary name). */
static int out_close(out_file *o, char *err, size_t errlen)
{
    int e = 0;
    if (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0)
        e = errno;
    if (fclose(o->f) != 0 && e == 0)
        e = errno;
    o->f = NULL;
    return e != 0 ? sim_err(err, errlen, "cannot write '%s': %s", o->path, strerror(e)) : 0;
}

/* Rename o into place. */
static int out_commit(out_file *o, char *err, size_t errlen)
{
    if (rename(o->tmp, o->path) != 0)
        return sim_err(err, errlen, "cannot write '%s': %s", o->path, strerror(errno));
    o->tmp[0] = '\0';
    return 0;
}

/* The payload when --payload is not given: a small text naming the image,
 * the same bytes for the same name, release and family. */
static size_t default_payload(char *buf, size_t len, const cli_pkg *p)
{
    int n = snprintf(buf, len, "issu simulated software image\nname %s\nrelease %s\nfamily %s\n", p->name,
                     p->release.text, p->family[0] != '\0' ? p->family : "any");
    for (unsigned i = 0; i < 32u && n > 0 && (size_t)n < len; i++)   /* bound: 32 lines */
        n += snprintf(buf + n, len - (size_t)n, "block %02u of the simulated Junos %s image\n", i, p->release.text);
    return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1u;
}

/* --family: a family of the simulated models. */
static int known_family(const char *f)
{
    for (size_t i = 0; i < ch_model_count; i++)   /* bound: the models */
        if (strcmp(ch_models[i].family->name, f) == 0)
            return 1;
    return 0;
}

/* The manifest's values from the flags, and the payload's size and hash
 * (its first read). */
static int create_manifest(const pkg_opts *o, pkg_build *b, char *err, size_t errlen)
{
    const char *out = o->v[F_OUT], *slash = strrchr(out, '/');
    const char *name = o->v[F_NAME] != NULL ? o->v[F_NAME] : slash != NULL ? slash + 1 : out;
    uint64_t n = 0;
    int which = 0;
    if (ch_release_parse(o->v[F_RELEASE], &b->p.release) != 0)
        return sim_err(err, errlen, "--release: bad release '%s' (expected e.g. 24.2R1.17)", o->v[F_RELEASE]);
    if (o->v[F_FAMILY] != NULL && (strlen(o->v[F_FAMILY]) >= CLI_PKG_FAMILY_MAX || !known_family(o->v[F_FAMILY])))
        return sim_err(err, errlen, "--family: unknown family '%s' (see issu platforms)", o->v[F_FAMILY]);
    if (strlen(name) >= sizeof b->p.name)
        return sim_err(err, errlen, "the package name is longer than %u bytes", CLI_PKG_LINE_MAX - 8u);
    memcpy(b->p.name, name, strlen(name) + 1);
    if (o->v[F_FAMILY] != NULL)
        memcpy(b->p.family, o->v[F_FAMILY], strlen(o->v[F_FAMILY]) + 1);
    if (o->v[F_PAYLOAD] != NULL && (b->in = fopen(o->v[F_PAYLOAD], "rb")) == NULL)
        return sim_err(err, errlen, "cannot read payload '%s': %s", o->v[F_PAYLOAD], strerror(errno));
    if (b->in == NULL)
        b->ntext = default_payload(b->text, sizeof b->text, &b->p);
    if (cli_pkg_hash(b->text, b->ntext, b->in, NULL, CLI_PKG_PAYLOAD_MAX, b->p.sha256, &n, &which) != 0)
        return sim_err(err, errlen, "cannot read payload '%s'", b->in != NULL ? o->v[F_PAYLOAD] : "(generated)");
    if (n > CLI_PKG_PAYLOAD_MAX)
        return sim_err(err, errlen, "payload '%s' is larger than 16 MiB", o->v[F_PAYLOAD]);
    b->p.payload_size = n;
    int len = cli_pkg_manifest(&b->p, b->manifest, sizeof b->manifest);
    cli_pkg check;
    char why[CLI_PKG_LINE_MAX];
    /* what is written must read back: a name with a space or a slash does not */
    if (len < 0 || cli_pkg_parse(b->manifest, (size_t)len, &check, why, sizeof why) != 0)
        return sim_err(err, errlen, "bad package name '%s': a file name of printable ASCII without spaces", name);
    b->nmanifest = (size_t)len;
    return 0;
}

/* Sign the manifest with the private key in path. */
static int create_sign(const char *path, pkg_build *b, char *err, size_t errlen)
{
    EVP_PKEY *key = cli_pkg_key_load(path, 1, err, errlen);
    if (key == NULL)
        return -1;
    size_t len = sizeof b->sig.sig;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int ok = ctx != NULL && EVP_DigestSignInit(ctx, NULL, NULL, NULL, key) == 1
        && EVP_DigestSign(ctx, b->sig.sig, &len, (const unsigned char *)b->manifest, b->nmanifest) == 1
        && len == sizeof b->sig.sig && cli_pkg_key_id(key, b->sig.key_id) == 0;
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    ERR_clear_error();
    return ok ? 0 : sim_err(err, errlen, "cannot sign with the key in '%s'", path);
}

/* Write the package under its temporary name: the manifest, then the
 * payload read a second time, which must hash as the first did. */
static int write_package(out_file *pkg, const pkg_opts *o, pkg_build *b, char *err, size_t errlen)
{
    char hex[CLI_PKG_SHA_HEX];
    uint64_t n = 0;
    int which = 0;
    if (out_open(pkg, o->v[F_OUT], 0, err, errlen) != 0)
        return -1;
    if (b->in != NULL && fseek(b->in, 0L, SEEK_SET) != 0)
        return sim_err(err, errlen, "cannot read payload '%s' again: %s", o->v[F_PAYLOAD], strerror(errno));
    if (fwrite(b->manifest, 1, b->nmanifest, pkg->f) != b->nmanifest
        || cli_pkg_hash(b->text, b->ntext, b->in, pkg->f, CLI_PKG_PAYLOAD_MAX, hex, &n, &which) != 0)
        return sim_err(err, errlen, which == 1 ? "cannot read payload '%s'" : "cannot write '%s'",
                       which == 1 ? o->v[F_PAYLOAD] : o->v[F_OUT]);
    if (n != b->p.payload_size || strcmp(hex, b->p.sha256) != 0)
        return sim_err(err, errlen, "payload '%s' changed while it was read", o->v[F_PAYLOAD]);
    return out_close(pkg, err, errlen);
}

/* Both files under their temporary names, then the signature and the
 * package renamed into place; a failure removes what was written. */
static int create_write(const pkg_opts *o, pkg_build *b, char *err, size_t errlen)
{
    static out_file pkg, sig;
    char sigpath[CLI_PKG_PATH_MAX], line[CLI_PKG_SIG_LINE + 1];
    memset(&sig, 0, sizeof sig);
    int rc = write_package(&pkg, o, b, err, errlen);
    if (rc == 0 && snprintf(sigpath, sizeof sigpath, "%s.sig", o->v[F_OUT]) >= (int)sizeof sigpath)
        rc = sim_err(err, errlen, "path too long: '%.60s...'", o->v[F_OUT]);
    if (rc == 0)
        rc = cli_pkg_sig_format(&b->sig, line, sizeof line) == 0 ? out_open(&sig, sigpath, 0, err, errlen)
            : sim_err(err, errlen, "cannot format the signature");
    if (rc == 0 && fputs(line, sig.f) == EOF)
        rc = sim_err(err, errlen, "cannot write '%s': %s", sigpath, strerror(errno));
    if (rc == 0)
        rc = out_close(&sig, err, errlen);
    if (rc == 0)
        rc = out_commit(&sig, err, errlen);
    if (rc == 0 && out_commit(&pkg, err, errlen) != 0) {
        remove(sigpath);               /* the signature of a package that was not written */
        rc = -1;
    }
    out_discard(&sig);
    out_discard(&pkg);
    return rc;
}

/* issu package create: the manifest and the payload's hash, the
 * signature, then both files. */
static int create(const pkg_opts *o, char *err, size_t errlen)
{
    static pkg_build b;
    memset(&b, 0, sizeof b);
    int rc = create_manifest(o, &b, err, errlen);
    if (rc == 0)
        rc = create_sign(o->v[F_KEY], &b, err, errlen);
    if (rc == 0)
        rc = create_write(o, &b, err, errlen);
    if (b.in != NULL)
        fclose(b.in);
    if (rc == 0)
        printf("%s: %s %s, %llu bytes of payload, sha256 %s\n%s.sig: signed by key %s\n", o->v[F_OUT],
               b.p.name, b.p.release.text, (unsigned long long)b.p.payload_size, b.p.sha256, o->v[F_OUT],
               b.sig.key_id);
    return rc;
}

/* issu package verify: cli_pkg_verify, and what it verified. */
static int verify(const pkg_opts *o, char *err, size_t errlen)
{
    static cli_pkg p;
    if (cli_pkg_verify(o->operand, o->v[F_TRUST], &p, err, errlen) != 0)
        return -1;
    printf("package:    %s\n", p.name);
    printf("signature:  verifies (Ed25519, key %s, trusted in %s)\n", p.key_id, o->v[F_TRUST]);
    printf("manifest:   %s, %zu bytes, signed\n", CLI_PKG_FORMAT, p.manifest_len);
    printf("family:     %s\n", p.family[0] != '\0' ? p.family : "any");
    printf("release:    %s\n", p.release.text);
    printf("payload:    %llu bytes, sha256 %s, as the manifest says\n", (unsigned long long)p.payload_size,
           p.sha256);
    printf("verified: %s\n", o->operand);
    return 0;
}

/* Write key k to o (private or public PEM) and commit it. */
static int write_key(out_file *o, const char *path, EVP_PKEY *k, int secret, char *err, size_t errlen)
{
    if (out_open(o, path, secret, err, errlen) != 0)
        return -1;
    int ok = secret ? PEM_write_PrivateKey(o->f, k, NULL, NULL, 0, NULL, NULL) : PEM_write_PUBKEY(o->f, k);
    if (ok != 1)
        return sim_err(err, errlen, "cannot write '%s'", path);
    return out_close(o, err, errlen);
}

/* issu package keygen: a new Ed25519 key pair, the public key written
 * first; neither file may exist. */
static int keygen(const pkg_opts *o, char *err, size_t errlen)
{
    static out_file priv, pub;
    char id[CLI_PKG_KEYID_HEX];
    EVP_PKEY *k = NULL;
    memset(&priv, 0, sizeof priv);
    memset(&pub, 0, sizeof pub);
    const char *const paths[2] = { o->v[F_KEY], o->v[F_TRUST] };
    for (int i = 0; i < 2; i++)        /* bound: the two keys */
        if (access(paths[i], F_OK) == 0)
            return sim_err(err, errlen, "'%s' exists: keygen never overwrites a key", paths[i]);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, NULL);
    int rc = ctx != NULL && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &k) == 1
        && cli_pkg_key_id(k, id) == 0 ? 0 : sim_err(err, errlen, "cannot generate an Ed25519 key");
    EVP_PKEY_CTX_free(ctx);
    if (rc == 0)
        rc = write_key(&pub, o->v[F_TRUST], k, 0, err, errlen);
    if (rc == 0)
        rc = write_key(&priv, o->v[F_KEY], k, 1, err, errlen);
    if (rc == 0)
        rc = out_commit(&pub, err, errlen);
    if (rc == 0 && out_commit(&priv, err, errlen) != 0) {
        remove(o->v[F_TRUST]);
        rc = -1;
    }
    out_discard(&priv);
    out_discard(&pub);
    EVP_PKEY_free(k);
    ERR_clear_error();
    if (rc == 0)
        printf("key %s: private key %s, public key %s\n", id, o->v[F_KEY], o->v[F_TRUST]);
    return rc;
}

int cli_package_main(int argc, char **argv)
{
    static const struct {
        const char *name;
        unsigned cmd;
        int (*run)(const pkg_opts *, char *, size_t);
    } subs[] = { { "create", C_CREATE, create }, { "verify", C_VERIFY, verify }, { "keygen", C_KEYGEN, keygen } };
    static pkg_opts o;
    char err[MSG_MAX];
    size_t s = 0;
    if (argc < 1) {
        fprintf(stderr, "issu package: which subcommand? (create, verify, keygen; see issu help package)\n");
        return EXIT_USAGE;
    }
    for (int i = 0; i < argc; i++)     /* bound: argc */
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 || (i == 0 && strcmp(argv[0], "help") == 0))
            return cli_help_page(stdout, "package") == 0 ? 0 : EXIT_USAGE;
    while (s < sizeof subs / sizeof subs[0] && strcmp(subs[s].name, argv[0]) != 0)   /* bound: subs */
        s++;
    if (s == sizeof subs / sizeof subs[0]) {
        fprintf(stderr, "issu package: unknown subcommand '%s' (create, verify, keygen)\n", argv[0]);
        return EXIT_USAGE;
    }
    if (parse(subs[s].cmd, argc - 1, argv + 1, &o, err, sizeof err) != 0 || subs[s].run(&o, err, sizeof err) != 0) {
        fprintf(stderr, "issu package %s: %s\n", subs[s].name, err);
        return EXIT_USAGE;
    }
    return 0;
}
