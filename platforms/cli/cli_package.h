/* cli_package.h - `issu package`: make and check the signed packages that
 * `issu upgrade --package PKG --trust PUB.pem` takes (format: cli_pkg.h).
 *
 *   issu package create --release R --key KEY.pem --out PKG [--family F]
 *                       [--payload FILE] [--name NAME]
 *   issu package verify --trust PUB.pem PKG
 *   issu package keygen --key KEY.pem --trust PUB.pem
 *
 * create writes PKG and PKG.sig, each through a temporary file beside it
 * renamed into place: never a half-written output, and on an error nothing
 * of its own left behind.  keygen makes an Ed25519 key pair (the private
 * key readable by its owner only) and never overwrites a key. */
#ifndef CLI_PACKAGE_H
#define CLI_PACKAGE_H

/* argv[0..argc-1]: the words after "package".  Exit status: 0, or 2 with
 * one line on stderr. */
int cli_package_main(int argc, char **argv);

#endif
