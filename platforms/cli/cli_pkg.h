/* cli_pkg.h - signed packages: what `issu upgrade --package PKG --trust
 * PUB.pem` verifies and `issu package create` writes (cli_package.c).
 *
 * A package is two files.  PKG holds a manifest and the payload (the
 * software image; in the simulator any bytes):
 *
 *     format issu-package-2                       required, the first line
 *     name junos-install-mx-x86-64-24.2R1.17.tgz  required: PKG's file name
 *     family mx                                   optional: the chassis family
 *     release 24.2R1.17                           required: the target release
 *     payload-size 4096                           required: bytes of payload
 *     payload-sha256 <64 lower-case hex digits>   required: SHA-256 of the payload
 *     <an empty line: the end of the manifest>
 *     <payload-size bytes of payload, then the end of the file>
 *
 * Manifest lines are "key value": a known key, one space, a value of
 * printable ASCII without spaces, a newline (LF, no CR); at most 255 bytes
 * before the newline, each key once, no comments; the whole manifest with
 * its empty line at most 2048 bytes.  No family: the package is for any
 * family.  The payload is at most 16 MiB and is read streaming into the
 * SHA-256, never held whole.
 *
 * PKG.sig, the detached signature, is one line of 114 bytes:
 *
 *     ed25519 <key id: 16 lower-case hex digits> <signature: 88 base64 chars>\n
 *
 * The signature is Ed25519 (RFC 8032, OpenSSL's libcrypto) over the exact
 * bytes of the manifest, its empty line included: the manifest names the
 * payload's size and hash, so the signature covers the payload too.  The
 * key id is the first 8 bytes of the SHA-256 of the signer's raw 32-byte
 * public key, in hex: it only names the key in messages, the trust comes
 * from verifying with the trusted public key (PEM, SubjectPublicKeyInfo).
 *
 * A package verifies when, in this order: the trusted key is an Ed25519
 * public key; the manifest ends within its bound; PKG.sig is well formed
 * and its signature verifies over the manifest with the trusted key; the
 * manifest is well formed; the payload has exactly payload-size bytes and
 * their SHA-256 is payload-sha256; the name is PKG's file name.  The CLI
 * then checks what depends on the router (cli_args.c): the family and the
 * release.  Any failure is one message and exit 2, with nothing run. */
#ifndef CLI_PKG_H
#define CLI_PKG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ch_release.h"

#define CLI_PKG_FORMAT "issu-package-2"
#define CLI_PKG_LINE_MAX 256u          /* bound: bytes of a manifest line, with its newline */
#define CLI_PKG_MANIFEST_MAX 2048u     /* bound: bytes of the manifest, its empty line included */
#define CLI_PKG_PAYLOAD_MAX (16u * 1024u * 1024u)   /* bound: bytes of payload */
#define CLI_PKG_FAMILY_MAX 16u         /* bound: a family name, with NUL */
#define CLI_PKG_SHA_HEX 65u            /* a SHA-256 in hex, with NUL */
#define CLI_PKG_KEYID_HEX 17u          /* a key id in hex, with NUL */
#define CLI_PKG_SIG_BYTES 64u          /* an Ed25519 signature */
#define CLI_PKG_SIG_LINE 114u          /* bytes of PKG.sig */
#define CLI_PKG_PATH_MAX 1024u         /* bound: a path the CLI reads or writes, with NUL */

typedef struct cli_pkg {
    char name[CLI_PKG_LINE_MAX];       /* the package's file name */
    char family[CLI_PKG_FAMILY_MAX];   /* "mx", or "" when absent (any family) */
    ch_release release;                /* the target release */
    uint64_t payload_size;             /* bytes of payload */
    char sha256[CLI_PKG_SHA_HEX];      /* the payload's SHA-256, lower-case hex */
    size_t manifest_len;               /* bytes of the manifest, its empty line included */
    char key_id[CLI_PKG_KEYID_HEX];    /* the key that signed it (cli_pkg_verify) */
} cli_pkg;

typedef struct cli_pkg_sig {
    char key_id[CLI_PKG_KEYID_HEX];    /* the signer's key id, as PKG.sig names it */
    unsigned char sig[CLI_PKG_SIG_BYTES];   /* the Ed25519 signature */
} cli_pkg_sig;

/* Bytes of the manifest at the start of bytes[0..len-1], its empty line
 * included; 0 if no empty line ends it within CLI_PKG_MANIFEST_MAX. */
size_t cli_pkg_manifest_len(const char *bytes, size_t len);

/* Parse the manifest at the start of bytes[0..len-1] (what follows it, the
 * payload, is not read).  0, or -1 with "line N: why" in err.  Checks the
 * form only: no signature, no payload. */
int cli_pkg_parse(const char *bytes, size_t len, cli_pkg *out, char *err, size_t errlen);

/* Write p's manifest into buf; its length, or -1 if it does not fit. */
int cli_pkg_manifest(const cli_pkg *p, char *buf, size_t len);

/* Parse the contents of a signature file.  0, or -1 with why in err. */
int cli_pkg_sig_parse(const char *bytes, size_t len, cli_pkg_sig *out, char *err, size_t errlen);

/* Write s as a signature file's line into buf (CLI_PKG_SIG_LINE + 1
 * bytes at least, NUL-ended); 0, or -1 if it does not fit. */
int cli_pkg_sig_format(const cli_pkg_sig *s, char *buf, size_t len);

/* OpenSSL's key (EVP_PKEY), named here so that users of this header need
 * not include OpenSSL's. */
struct evp_pkey_st;

/* The Ed25519 key in the PEM file at path (at most 8 KiB): the private key
 * if private_key, else the public key.  The key (EVP_PKEY_free it), or NULL
 * with "cannot read KIND key 'path': why" in err. */
struct evp_pkey_st *cli_pkg_key_load(const char *path, int private_key, char *err, size_t errlen);

/* The key id of Ed25519 key k (public or private), in hex; 0, or -1. */
int cli_pkg_key_id(const struct evp_pkey_st *k, char id[CLI_PKG_KEYID_HEX]);

/* Stream pre[0..npre-1] and then what `in` holds (in may be NULL) into a
 * SHA-256, copying every byte to `copy` too unless it is NULL; stops after
 * max + 1 bytes (more than max: too large).  The bytes in *n, the hash in
 * hex.  0, or -1 on a read error (1) or a write error (2) in *which. */
int cli_pkg_hash(const char *pre, size_t npre, FILE *in, FILE *copy, uint64_t max,
                 char hex[CLI_PKG_SHA_HEX], uint64_t *n, int *which);

/* Verify the package at `path` and its `path`.sig with the trusted public
 * key in `trust` (see above).  0 with the manifest in *out, or -1 with one
 * line in err. */
int cli_pkg_verify(const char *path, const char *trust, cli_pkg *out, char *err, size_t errlen);

#endif
