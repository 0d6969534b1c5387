#!/bin/sh
# mk/proofs-compare.sh COMMITTED FRESH: compare two proof records (record.json)
# on what must not vary: the hashes and the verdicts.  Times, memory and
# state counts are not compared.  Exit 1 with the differences if they differ.
set -eu
[ -r "$1" ] || { echo "proofs: no committed record '$1'; run 'make proofs' and commit proofs/" >&2; exit 1; }
key() {
    sed -n -e 's/^  "spec_sha256": "\([^"]*\)".*/spec sha256 \1/p' \
        -e 's/.*"file": "\([^"]*\)", "sha256": "\([^"]*\)".*/file \1 \2/p' \
        -e 's/.*{"profile": "\([^"]*\)", "verdict": "\([^"]*\)", "model_sha256": "\([^"]*\)".*/profile \1 \2 model \3/p' \
        -e 's/.*{"profile": "\([^"]*\)", "id": "\([^"]*\)", "verdict": "\([^"]*\)".*/verdict \1 \2 \3/p' "$1"
}
a=$(mktemp) b=$(mktemp)
trap 'rm -f "$a" "$b"' EXIT
key "$1" >"$a"
key "$2" >"$b"
if ! diff -u "$a" "$b" >/dev/null; then
    echo "proofs: the committed record $1 does not match a fresh run ($2):" >&2
    diff -u --label committed --label fresh "$a" "$b" | sed -n '3,$p' >&2
    echo "proofs: if the change is intended, run 'make proofs' and commit proofs/" >&2
    exit 1
fi
echo "proofs: the committed record matches a fresh run ($(grep -c '^verdict' "$b") verdicts)"
