#!/bin/sh
# mk/proofs-compare.sh COMMITTED FRESH: compare two proof records (record.json)
# on what must not vary: the hashes and the verdicts.  Times, memory and
# state counts are not compared.  Exit 1 with the differences if they differ.
#
#   mk/proofs-compare.sh [-p "PROFILE..."] COMMITTED FRESH
#
# -p compares only those profiles' lines (and the spec's and the generated
# C's hashes): FRESH is a record of those profiles alone (mk/proofs-check.sh).
set -eu
only=
if [ "${1:-}" = -p ]; then only=$2; shift 2; fi
[ -r "$1" ] || { echo "proofs: no committed record '$1'; run 'make proofs' and commit proofs/" >&2; exit 1; }
key() {
    sed -n -e 's/^  "spec_sha256": "\([^"]*\)".*/spec sha256 \1/p' \
        -e 's/.*"file": "\([^"]*\)", "sha256": "\([^"]*\)".*/file \1 \2/p' \
        -e 's/.*{"profile": "\([^"]*\)", "verdict": "\([^"]*\)", "model_sha256": "\([^"]*\)".*/profile \1 \2 model \3/p' \
        -e 's/.*{"profile": "\([^"]*\)", "id": "\([^"]*\)", "verdict": "\([^"]*\)".*/verdict \1 \2 \3/p' "$1"
}
a=$(mktemp) b=$(mktemp)
trap 'rm -f "$a" "$b"' EXIT
# only_profiles: the lines of the profiles of -p (all without -p)
only_profiles() {
    if [ -z "$only" ]; then cat; return; fi
    awk -v only=" $only " '($1 != "profile" && $1 != "verdict") || index(only, " " $2 " ")'
}
key "$1" | only_profiles >"$a"
key "$2" | only_profiles >"$b"
if ! diff -u "$a" "$b" >/dev/null; then
    echo "proofs: the committed record $1 does not match a fresh run ($2):" >&2
    diff -u --label committed --label fresh "$a" "$b" | sed -n '3,$p' >&2
    echo "proofs: if the change is intended, run 'make proofs' and commit proofs/" >&2
    exit 1
fi
echo "proofs: the committed record matches a fresh run ($(grep -c '^verdict' "$b") verdicts)"
