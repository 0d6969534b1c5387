/* test_package.c - signed packages as a user meets them: Ed25519 keys made
 * here (OpenSSL's EVP), packages made by `issu package create` ($ISSU_CLI,
 * the sanitizer build).  A good package is accepted and its upgrade runs;
 * a tampered payload or manifest, another key, a truncated package, a
 * truncated, missing or garbled signature, a name that is not the file's,
 * another family, a downgrade, a release too far ahead and --package
 * without --trust are each refused by `issu upgrade` or `validate`: exit
 * 2, the message, nothing run, the trace file left as it was; and `issu
 * package verify` refuses those that are the package's own fault.  A
 * create that fails leaves nothing behind.  The readers, in memory.  The
 * last test prints the counts. */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CUnit/CUnit.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "cli_pkg.h"
#include "cli_run.h"
#include "suites.h"

#define PATH_LEN 192
#define GOOD_RELEASE "24.3R1.5"        /* three releases ahead of the running 23.4R1.9: the most P7 allows */
#define MX_NAME "junos-install-mx-x86-64-" GOOD_RELEASE ".tgz"

static char dir[64];
static char key[PATH_LEN], pub[PATH_LEN], other_pub[PATH_LEN], junk_pub[PATH_LEN];
static unsigned long refused, accepted, create_refused;   /* cases that behaved, for the counts */

/* The path of `name` in the test directory, into buf (PATH_LEN bytes). */
static void path_in(char *buf, const char *name)
{
    snprintf(buf, PATH_LEN, "%s/%s", dir, name);
}

/* Write text as the whole file; 0 or -1. */
static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    int ok = f != NULL && fputs(text, f) >= 0;
    return f != NULL && fclose(f) == 0 && ok ? 0 : -1;
}

/* An Ed25519 key pair: the private key to priv, the public key to pubpath. */
static int write_keypair(const char *priv, const char *pubpath)
{
    EVP_PKEY *k = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, NULL);
    int ok = ctx != NULL && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &k) == 1;
    FILE *a = ok ? fopen(priv, "w") : NULL, *b = ok ? fopen(pubpath, "w") : NULL;
    ok = ok && a != NULL && b != NULL && PEM_write_PrivateKey(a, k, NULL, NULL, 0, NULL, NULL) == 1
        && PEM_write_PUBKEY(b, k) == 1;
    if (a != NULL)
        ok &= fclose(a) == 0;
    if (b != NULL)
        ok &= fclose(b) == 0;
    EVP_PKEY_free(k);
    EVP_PKEY_CTX_free(ctx);
    return ok ? 0 : -1;
}

/* The test directory, two key pairs (the trusted one and another) and a
 * file that is no key. */
static int setup(void)
{
    char other[PATH_LEN];
    if (pt_tmpdir(dir, sizeof dir, "pkg") != 0)
        return -1;
    path_in(key, "key.pem");
    path_in(pub, "pub.pem");
    path_in(other, "other.pem");
    path_in(other_pub, "other.pub.pem");
    path_in(junk_pub, "junk.pem");
    return write_keypair(key, pub) == 0 && write_keypair(other, other_pub) == 0
        && write_text(junk_pub, "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n") == 0 ? 0 : -1;
}

/* Remove the test directory. */
static int cleanup(void)
{
    return pt_rmdir(dir);
}

/* Run $ISSU_CLI with the words of the formatted command (split at spaces);
 * its exit status, or -1.  Its output in pt_out and pt_err. */
static int issu(const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static int issu(const char *fmt, ...)
{
    static char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return pt_cli(dir, buf, NULL);
}

/* Make the package `name` of release rel (family: NULL for none) in the
 * subdirectory sub, signed with the test's key; its path in pkg. */
static int make_package(const char *sub, const char *name, const char *rel, const char *family, char *pkg)
{
    char d[PATH_LEN];
    path_in(d, sub);
    if (snprintf(pkg, PATH_LEN, "%s/%s", d, name) >= PATH_LEN || (mkdir(d, 0700) != 0 && access(d, F_OK) != 0))
        return -1;
    int rc = issu("package create --release %s --key %s --out %s%s%s", rel, key, pkg,
                  family != NULL ? " --family " : "", family != NULL ? family : "");
    return PT_CHECK(rc == 0, "create %s: exit %d: %s", pkg, rc, pt_err) ? 0 : -1;
}

/* Flip the low bit of the byte at off (from the end if negative). */
static int flip(const char *path, long off)
{
    FILE *f = fopen(path, "r+b");
    int c = EOF;
    int whence = off < 0 ? SEEK_END : SEEK_SET;
    if (f != NULL && fseek(f, off, whence) == 0 && (c = fgetc(f)) != EOF && fseek(f, off, whence) == 0)
        c = fputc(c ^ 1, f);
    return f != NULL && fclose(f) == 0 && c != EOF ? 0 : -1;
}

/* Add text at the end of the file; 0 or -1. */
static int append(const char *path, const char *text)
{
    FILE *f = fopen(path, "ab");
    int ok = f != NULL && fputs(text, f) >= 0;
    return f != NULL && fclose(f) == 0 && ok ? 0 : -1;
}

/* Replace the first `from` in the text file by `to`, of the same length. */
static int replace(const char *path, const char *from, const char *to)
{
    static char text[PT_OUT_MAX];
    pt_slurp(path, text);
    char *at = strstr(text, from);
    if (at == NULL || strlen(from) != strlen(to))
        return -1;
    memcpy(at, to, strlen(to));
    return write_text(path, text);
}

/* Bytes of the file, or -1. */
static long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n = f != NULL && fseek(f, 0L, SEEK_END) == 0 ? ftell(f) : -1;
    if (f != NULL)
        fclose(f);
    return n;
}

/* Another base64 character in the middle of the signature: still well
 * formed, no longer the signature. */
static int garble(const char *sig)
{
    static char text[PT_OUT_MAX];
    pt_slurp(sig, text);
    if (strlen(text) != CLI_PKG_SIG_LINE)
        return -1;
    text[60] = text[60] == 'A' ? 'B' : 'A';
    return write_text(sig, text);
}

typedef enum mutation {
    M_NONE, M_PAYLOAD, M_MANIFEST, M_CUT_PAYLOAD, M_CUT_MANIFEST, M_APPEND,
    M_SIG_CUT, M_SIG_GONE, M_SIG_FLIP, M_SIG_JUNK, M_RENAME,
} mutation;

/* Do m to the package at pkg (M_RENAME: pkg becomes the new path). */
static int mutate(char *pkg, mutation m)
{
    char sig[PATH_LEN + 8], to[PATH_LEN], tosig[PATH_LEN + 8];
    long size = file_size(pkg);
    snprintf(sig, sizeof sig, "%s.sig", pkg);
    switch (m) {
    case M_NONE: return 0;
    case M_PAYLOAD: return flip(pkg, -1L);
    case M_MANIFEST: return replace(pkg, "release " GOOD_RELEASE, "release 24.3R1.6");
    case M_CUT_PAYLOAD: return truncate(pkg, size - 100);
    case M_CUT_MANIFEST: return truncate(pkg, 60);
    case M_APPEND: return append(pkg, "more");
    case M_SIG_CUT: return truncate(sig, 60);
    case M_SIG_GONE: return remove(sig);
    case M_SIG_FLIP: return garble(sig);
    case M_SIG_JUNK: return write_text(sig, "this is not a signature\n");
    default:
        snprintf(to, sizeof to, "%.*s/renamed.tgz", (int)(strrchr(pkg, '/') - pkg), pkg);
        snprintf(tosig, sizeof tosig, "%s.sig", to);
        if (rename(pkg, to) != 0 || rename(sig, tosig) != 0)
            return -1;
        memcpy(pkg, to, strlen(to) + 1);
        return 0;
    }
}

#define GOOD_CASES 6u                  /* the packages good_packages() has accepted */

/* Count a case that behaved. */
static void tally(unsigned long *n, int ok)
{
    *n += ok ? 1u : 0u;
}

/* Packages the router takes: the upgrade runs with their release. */
static void good_packages(void)
{
    char pkg[PATH_LEN], trace[PATH_LEN], payload[PATH_LEN], k2[PATH_LEN], k2pub[PATH_LEN], any[PATH_LEN];
    static char text[PT_OUT_MAX];
    path_in(trace, "good.jsonl");
    if (make_package("good", MX_NAME, GOOD_RELEASE, "mx", pkg) != 0)
        return;
    int rc = issu("upgrade --platform mx240 --package %s --trust %s --quiet --trace %s", pkg, pub, trace);
    pt_slurp(trace, text);
    tally(&accepted, PT_CHECK(rc == 0 && strstr(pt_out, "outcome:               SUCCESS")
                              && strstr(pt_out, "re1  master     running " GOOD_RELEASE) && text[0] == '{',
                              "good package: exit %d: %s %s", rc, pt_out, pt_err));
    tally(&accepted, PT_CHECK(issu("upgrade --platform mx480 --package %s --trust %s", pkg, pub) == 0
                              && strstr(pt_out, "in-service-upgrade /var/tmp/" MX_NAME "\n")
                              && strstr(pt_out, "ISSU: IDLE"), "good package, console: %s %s", pt_out, pt_err));
    tally(&accepted, PT_CHECK(issu("validate --platform mx960 --package %s --trust %s", pkg, pub) == 0
                              && strstr(pt_out, "passed"), "validate: %s %s", pt_out, pt_err));
    tally(&accepted, PT_CHECK(issu("package verify --trust %s %s", pub, pkg) == 0
                              && strstr(pt_out, "verified: ") && strstr(pt_out, "release:    " GOOD_RELEASE)
                              && strstr(pt_out, "family:     mx"), "package verify: %s %s", pt_out, pt_err));
    /* keys from keygen, a payload of its own, no family: any family's */
    path_in(payload, "image.bin");
    path_in(k2, "k2.pem");
    path_in(k2pub, "k2.pub.pem");
    path_in(any, "jinstall-24.1R1.1-domestic-signed.tgz");
    rc = write_text(payload, "a payload of its own\n");
    rc = rc == 0 ? issu("package keygen --key %s --trust %s", k2, k2pub) : -1;
    if (!PT_CHECK(rc == 0 && issu("package create --release 24.1R1.1 --payload %s --key %s --out %s", payload, k2,
                                  any) == 0, "keygen, create: %s", pt_err))
        return;
    tally(&accepted, PT_CHECK(issu("upgrade --platform t640 --package %s --trust %s --quiet", any, k2pub) == 0
                              && strstr(pt_out, "re1  master     running 24.1R1.1"), "any family: %s %s",
                              pt_out, pt_err));
    tally(&accepted, PT_CHECK(issu("package verify --trust %s %s", k2pub, any) == 0
                              && strstr(pt_out, "payload:    21 bytes") && strstr(pt_out, "family:     any"),
                              "verify: %s %s", pt_out, pt_err));
}

/* Each refused by issu upgrade or validate: exit 2, its message, nothing
 * run, the trace file untouched. */
static const struct refusal {
    const char *what;                  /* the case */
    const char *release;               /* the package's release */
    mutation m;                        /* what is done to it after create */
    const char *cmd;                   /* the command, before --package */
    int trust;                         /* --trust: 0 none, 1 the key, 2 another key, 3 not a key */
    const char *msg;                   /* in the message */
    int own;                           /* the package's own fault: issu package verify refuses it too */
} refusals[] = {
    { "tampered payload", GOOD_RELEASE, M_PAYLOAD, "upgrade --platform mx240", 1,
      "the payload's sha256 is not its manifest's (the payload was altered)", 1 },
    { "tampered payload, validate", GOOD_RELEASE, M_PAYLOAD, "validate --platform mx480", 1,
      "the payload's sha256 is not its manifest's", 1 },
    { "tampered manifest", GOOD_RELEASE, M_MANIFEST, "upgrade --platform mx240", 1,
      "the signature does not verify with the trusted key", 1 },
    { "another key", GOOD_RELEASE, M_NONE, "upgrade --platform mx240", 2,
      "is not signed by the trusted key: its signature names key ", 1 },
    { "a trusted key that is none", GOOD_RELEASE, M_NONE, "upgrade --platform mx240", 3,
      "not an Ed25519 public key in PEM", 1 },
    { "truncated package", GOOD_RELEASE, M_CUT_PAYLOAD, "upgrade --platform mx240", 1,
      "is truncated: ", 1 },
    { "package truncated in its manifest", GOOD_RELEASE, M_CUT_MANIFEST, "upgrade --platform mx240", 1,
      "no empty line ends a manifest in its first 60 bytes", 1 },
    { "bytes after the payload", GOOD_RELEASE, M_APPEND, "upgrade --platform mx240", 1,
      "has more than the ", 1 },
    { "truncated signature", GOOD_RELEASE, M_SIG_CUT, "upgrade --platform mx240", 1,
      "malformed signature", 1 },
    { "missing signature", GOOD_RELEASE, M_SIG_GONE, "upgrade --platform mx240", 1,
      "cannot read signature", 1 },
    { "garbled signature", GOOD_RELEASE, M_SIG_FLIP, "upgrade --platform mx240", 1,
      "the signature does not verify with the trusted key", 1 },
    { "not a signature", GOOD_RELEASE, M_SIG_JUNK, "upgrade --platform mx240", 1,
      "malformed signature", 1 },
    { "name not the file's", GOOD_RELEASE, M_RENAME, "upgrade --platform mx240", 1,
      "its signed manifest names it '" MX_NAME "', not 'renamed.tgz'", 1 },
    { "another family", GOOD_RELEASE, M_NONE, "upgrade --platform t640", 1,
      "is for the mx family, not t", 0 },
    { "downgrade", "23.3R1.1", M_NONE, "upgrade --platform mx240", 1,
      "release 23.3R1.1 is not newer than the running release 23.4R1.9", 0 },
    { "the running release", "23.4R1.9", M_NONE, "upgrade --platform mx240", 1,
      "is not newer than the running release", 0 },
    { "four releases ahead", "24.4R1.1", M_NONE, "upgrade --platform mx240", 1,
      "release 24.4R1.1 is more than 3 releases ahead of the running 23.4R1.9", 0 },
    { "four releases ahead of --running", GOOD_RELEASE, M_NONE, "upgrade --platform mx240 --running 23.3R1.1", 1,
      "is more than 3 releases ahead of the running 23.3R1.1", 0 },
    { "without --trust", GOOD_RELEASE, M_NONE, "upgrade --platform mx240", 0,
      "--package needs --trust PUB.pem", 0 },
    { "without --trust, validate", GOOD_RELEASE, M_NONE, "validate --platform mx240", 0,
      "--package needs --trust PUB.pem", 0 },
    { "--config bad-signature", GOOD_RELEASE, M_NONE, "upgrade --platform mx240 --config bad-signature", 1,
      "--config bad-signature cannot be used with --package", 0 },
};

/* Each case of refusals[] on a package of its own, made by create and
 * then changed. */
static void refusals_exit_2(void)
{
    const char *const trusts[] = { "", pub, other_pub, junk_pub };
    static char kept[PT_OUT_MAX];
    char trace[PATH_LEN];
    path_in(trace, "kept.jsonl");
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {   /* bound: the table */
        const struct refusal *r = &refusals[i];
        char sub[16], name[PATH_LEN], pkg[PATH_LEN];
        snprintf(sub, sizeof sub, "r%zu", i);
        snprintf(name, sizeof name, "junos-install-mx-x86-64-%s.tgz", r->release);
        if (make_package(sub, name, r->release, "mx", pkg) != 0
            || !PT_CHECK(mutate(pkg, r->m) == 0 && write_text(trace, "kept\n") == 0, "%s: cannot prepare", r->what))
            continue;
        int rc = issu("%s --package %s%s%s --trace %s", r->cmd, pkg, r->trust ? " --trust " : "", trusts[r->trust],
                      trace);
        pt_slurp(trace, kept);
        int ok = PT_CHECK(rc == 2 && strstr(pt_err, r->msg) != NULL, "%s: exit %d, stderr '%s' lacks '%s'",
                          r->what, rc, pt_err, r->msg);
        ok &= PT_CHECK(pt_out[0] == '\0' && strcmp(kept, "kept\n") == 0, "%s: something ran: %s", r->what, pt_out);
        if (r->own)
            ok &= PT_CHECK(issu("package verify --trust %s %s", trusts[r->trust], pkg) == 2
                           && strstr(pt_err, r->msg) != NULL, "%s: package verify: %s", r->what, pt_err);
        tally(&refused, ok);
    }
}

/* Expand {K} (the private key), {P} (the public key), {O} (the output),
 * {B} (a payload over 16 MiB) and {D} (an output in no directory). */
static void expand(const char *tmpl, char *buf, size_t len, const char *out, const char *big)
{
    size_t n = 0;
    for (const char *t = tmpl; *t != '\0'; t++) {   /* bound: the template */
        const char *v = NULL;
        if (t[0] == '{' && t[1] != '\0' && t[2] == '}') {
            v = t[1] == 'K' ? key : t[1] == 'P' ? pub : t[1] == 'O' ? out : t[1] == 'B' ? big
                : "/nonexistent/dir/p.tgz";
            t += 2;
        }
        size_t m = v != NULL ? strlen(v) : 1u;
        if (n + m >= len)
            break;
        memcpy(buf + n, v != NULL ? v : t, m);
        n += m;
    }
    buf[n] = '\0';
}

#define CREATE_RELEASE "package create --release " GOOD_RELEASE " "

/* issu package refuses each: exit 2, its message, and nothing written or
 * left: the package and signature already there are as they were, and no
 * temporary file remains. */
static const struct { const char *args, *msg; } create_bad[] = {
    { CREATE_RELEASE "--out {O}", "--key is required" },
    { CREATE_RELEASE "--key {O}.nokey --out {O}", "cannot read private key" },
    { CREATE_RELEASE "--key {P} --out {O}", "not an Ed25519 private key" },
    { "package create --release 24.x --key {K} --out {O}", "--release: bad release '24.x'" },
    { CREATE_RELEASE "--family qfx --key {K} --out {O}", "--family: unknown family 'qfx'" },
    { CREATE_RELEASE "--payload {O}.none --key {K} --out {O}", "cannot read payload" },
    { CREATE_RELEASE "--payload {B} --key {K} --out {O}", "is larger than 16 MiB" },
    { CREATE_RELEASE "--key {K} --out {D}", "cannot write '/nonexistent/dir/p.tgz'" },
    { CREATE_RELEASE "--key {K} --out {O} --name a/b", "bad package name 'a/b'" },
    { CREATE_RELEASE "--key {K} --out {O} --frob 1", "unknown option '--frob'" },
    { "package frob", "unknown subcommand 'frob'" },
    { "package verify --trust {P}", "which package?" },
    { "package keygen --key {K} --trust {O}.pub", "exists: keygen never overwrites a key" },
};

/* Entries of directory d, "." and ".." not counted; -1 if unreadable. */
static int entries(const char *d)
{
    DIR *dp = opendir(d);
    int n = 0;
    if (dp == NULL)
        return -1;
    for (struct dirent *e = readdir(dp); e != NULL; e = readdir(dp))   /* bound: the directory */
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dp);
    return n;
}

/* Each case of create_bad[] against an output already there; then a
 * create that succeeds over it. */
static void create_refusals(void)
{
    char d[PATH_LEN], out[PATH_LEN], sig[PATH_LEN + 8], big[PATH_LEN], cmd[1024];
    static char text[PT_OUT_MAX];
    path_in(d, "create");
    path_in(big, "big.bin");
    int ready = snprintf(out, sizeof out, "%s/p.tgz", d) < (int)sizeof out;
    snprintf(sig, sizeof sig, "%s.sig", out);
    FILE *f = fopen(big, "w");
    ready = ready && mkdir(d, 0700) == 0 && write_text(out, "old package\n") == 0
        && write_text(sig, "old signature\n") == 0 && f != NULL
        && fseek(f, (long)CLI_PKG_PAYLOAD_MAX, SEEK_SET) == 0 && fputc('x', f) != EOF;   /* 16 MiB + 1, sparse */
    if (f != NULL)
        ready &= fclose(f) == 0;
    if (!PT_CHECK(ready, "cannot prepare %s", d))
        return;
    for (size_t i = 0; i < sizeof create_bad / sizeof create_bad[0]; i++) {   /* bound: the table */
        expand(create_bad[i].args, cmd, sizeof cmd, out, big);
        int rc = issu("%s", cmd);
        int ok = PT_CHECK(rc == 2 && strstr(pt_err, create_bad[i].msg) != NULL, "issu %s: exit %d, stderr '%s'",
                          cmd, rc, pt_err);
        pt_slurp(out, text);
        ok &= PT_CHECK(strcmp(text, "old package\n") == 0, "issu %s: the package was changed", cmd);
        pt_slurp(sig, text);
        ok &= PT_CHECK(strcmp(text, "old signature\n") == 0 && entries(d) == 2, "issu %s: left %d files", cmd,
                       entries(d));
        tally(&create_refused, ok);
    }
    /* and a create that succeeds replaces both */
    snprintf(cmd, sizeof cmd, "package create --release " GOOD_RELEASE " --key %s --out %s", key, out);
    PT_CHECK(issu("%s", cmd) == 0 && issu("package verify --trust %s %s", pub, out) == 0 && entries(d) == 2,
             "create over an old package: %s", pt_err);
}

#define SHA "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"   /* sha256("hello") */
#define F2 "format issu-package-2\n"

/* The manifest reader on bytes in memory: each way a manifest is
 * malformed, and a good one read and written back. */
static void manifest_reader(void)
{
    static const char good[] = F2 "name p.tgz\nfamily mx\nrelease 24.2R1.17\npayload-size 5\npayload-sha256 " SHA
        "\n\nhello";
    static const struct { const char *text, *why; } bad[] = {
        { "", "no empty line ends the manifest" },
        { "format issu-package-1\nversion 24.2R1\n\n",
          "line 1: unknown format (expected issu-package-2) 'issu-package-1'" },
        { "name p.tgz\n\n", "line 1: the first line must be 'format issu-package-2'" },
        { F2 "\n", "line 2: missing key 'name'" },
        { F2 "name p.tgz\nrelease 24.2\n\n", "line 3: bad release" },
        { F2 "name p.tgz\nname q.tgz\n\n", "line 3: duplicate key 'name'" },
        { F2 "name a/b\n\n", "the name must be a file name 'a/b'" },
        { F2 "family MX\n\n", "bad family 'MX'" },
        { F2 "payload-size 16777217\n\n", "payload-size is not a number of bytes up to 16777216" },
        { F2 "payload-size 012\n\n", "payload-size is not a number" },
        { F2 "payload-sha256 abc\n\n", "64 lower-case hex" },
        { F2 "name p.tgz\r\n\n", "line 2: not printable ASCII" },
        { F2 "name  p.tgz\n\n", "expected 'key value'" },
        { F2 "#comment yes\n\n", "line 2: unknown key '#comment'" },
        { F2 "name p.tgz\nrelease 24.2R1\npayload-size 1\n", "no empty line ends the manifest" },
        { F2 "name p.tgz\nrelease 24.2R1\npayload-size 1\n\n", "missing key 'payload-sha256'" },
    };
    cli_pkg p;
    char err[256], again[CLI_PKG_MANIFEST_MAX];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {   /* bound: the table */
        int rc = cli_pkg_parse(bad[i].text, strlen(bad[i].text), &p, err, sizeof err);
        PT_CHECK(rc == -1 && strstr(err, bad[i].why) != NULL, "case %zu: '%s'", i, err);
    }
    static char huge[CLI_PKG_MANIFEST_MAX + 64];
    memset(huge, 'x', sizeof huge);
    PT_CHECK(cli_pkg_parse(huge, sizeof huge, &p, err, sizeof err) == -1 && strstr(err, "within 2048 bytes"),
             "no end within the bound: %s", err);
    int rc = cli_pkg_parse(good, sizeof good - 1, &p, err, sizeof err);
    int n = rc == 0 ? cli_pkg_manifest(&p, again, sizeof again) : -1;
    PT_CHECK(rc == 0 && strcmp(p.name, "p.tgz") == 0 && strcmp(p.family, "mx") == 0
             && strcmp(p.release.text, "24.2R1.17") == 0 && p.payload_size == 5 && strcmp(p.sha256, SHA) == 0
             && p.manifest_len == sizeof good - 6 && n == (int)p.manifest_len && memcmp(again, good, (size_t)n) == 0,
             "good manifest: %s", err);
}

/* The signature line: written and read back, and each way it is malformed. */
static void sig_reader(void)
{
    char err[256], line[CLI_PKG_SIG_LINE + 1];
    cli_pkg_sig s, back;
    memcpy(s.key_id, "0123456789abcdef", CLI_PKG_KEYID_HEX);
    for (unsigned i = 0; i < CLI_PKG_SIG_BYTES; i++)   /* bound: 64 bytes */
        s.sig[i] = (unsigned char)(i * 7u);
    PT_CHECK(cli_pkg_sig_format(&s, line, sizeof line) == 0
             && cli_pkg_sig_parse(line, strlen(line), &back, err, sizeof err) == 0 && memcmp(&s, &back, sizeof s) == 0
             && strncmp(line, "ed25519 0123456789abcdef ", 25) == 0,
             "signature line: %s", err);
    static const struct { size_t at; char c; const char *why; } sig_bad[] = {
        { 0, 'E', "expected one line 'ed25519 KEYID SIGNATURE' of 114 bytes" },
        { 10, 'A', "the key id is not 16 lower-case hex digits" },
        { 40, '*', "the signature is not 64 bytes in base64" },
        { 110, 'B', "the signature is not 64 bytes in base64" },   /* the last character's unused bits set */
        { 113, ' ', "expected one line" },
    };
    for (size_t i = 0; i < sizeof sig_bad / sizeof sig_bad[0]; i++) {   /* bound: the table */
        char text[CLI_PKG_SIG_LINE + 1];
        memcpy(text, line, sizeof text);
        text[sig_bad[i].at] = text[sig_bad[i].at] == sig_bad[i].c ? 'C' : sig_bad[i].c;
        PT_CHECK(cli_pkg_sig_parse(text, CLI_PKG_SIG_LINE, &back, err, sizeof err) == -1
                 && strstr(err, sig_bad[i].why) != NULL, "signature case %zu: '%s'", i, err);
    }
    PT_CHECK(cli_pkg_sig_parse(line, CLI_PKG_SIG_LINE - 1u, &back, err, sizeof err) == -1, "a short signature");
}

/* The package page, the --trust lines and the overview's command. */
static void help_pages(void)
{
    PT_CHECK(issu("help package") == 0 && strstr(pt_out, "issu package - ") && strstr(pt_out, "issu-package-2")
             && strstr(pt_out, "keygen --key KEY.pem --trust PUB.pem"), "help package: %s", pt_out);
    PT_CHECK(issu("package --help") == 0 && strstr(pt_out, "issu package create --release REL"), "package --help");
    PT_CHECK(issu("help upgrade") == 0 && strstr(pt_out, "--trust PUB.pem"), "help upgrade: %s", pt_out);
    PT_CHECK(issu("--help") == 0 && strstr(pt_out, "  package  "), "overview: %s", pt_out);
    PT_CHECK(issu("package") == 2 && strstr(pt_err, "which subcommand?"), "package alone: %s", pt_err);
}

/* The counts, printed; every case behaved. */
static void counts(void)
{
    unsigned long nrefusals = sizeof refusals / sizeof refusals[0], ncreate = sizeof create_bad / sizeof create_bad[0];
    printf("\n    packages: %lu refused, %lu accepted; package create: %lu refused, nothing left behind ", refused,
           accepted, create_refused);
    PT_CHECK(refused == nrefusals && accepted == GOOD_CASES && create_refused == ncreate,
             "%lu of %lu refused, %lu of %u accepted, %lu of %lu creates refused", refused, nrefusals, accepted,
             GOOD_CASES, create_refused, ncreate);
}

int register_package(void)
{
    CU_pSuite s = CU_add_suite("signed packages", setup, cleanup);
    if (s == NULL)
        return -1;
    CU_add_test(s, "manifest reader, in memory", manifest_reader);
    CU_add_test(s, "signature reader, in memory", sig_reader);
    CU_add_test(s, "good packages accepted, the upgrade runs", good_packages);
    CU_add_test(s, "bad packages refused: message, exit 2, nothing run", refusals_exit_2);
    CU_add_test(s, "package create refused: nothing written or left", create_refusals);
    CU_add_test(s, "help pages", help_pages);
    CU_add_test(s, "counts: packages refused and accepted", counts);
    return 0;
}
