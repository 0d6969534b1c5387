#!/bin/bash
# mk/proofs-check.sh: 'make check' for the proofs of a spec against its
# committed record (mk/proofs.mk, check-proofs):
#
#   mk/proofs-check.sh -g GEN -w WORK [-j JOBS] [-c C_FILES] [-s MAX_STATES] COMMITTED SPEC
#
# Every profile whose largest search in the committed record stored at most
# MAX_STATES states is searched again (mk/proofs.sh) and its verdicts,
# model hash, the spec's and the generated C's hashes must be those of the
# record (mk/proofs-compare.sh).  A larger profile is not searched again
# here: its model is generated and must be byte for byte the model the
# record's searches decided (its model_sha256), with every verdict PASS.
# Its search is `make proofs`' (which writes the record), so that 'make
# check' stays within its time on two cores while the full searches grow;
# a profile the record lacks, or a changed model, fails here until `make
# proofs` has been run and its record committed.  -s 0 (or no -s) searches
# every profile again.
#
# Exit status: 0 the record holds, 1 it does not, 2 bad usage.
set -u

GEN= WORK= JOBS=2 CFILES= MAX=0
usage() { echo "usage: $0 -g GEN -w WORK [-j JOBS] [-c C_FILES] [-s MAX_STATES] COMMITTED SPEC" >&2; exit 2; }
while getopts g:w:j:c:s: o; do
    case $o in
    g) GEN=$OPTARG ;; w) WORK=$OPTARG ;; j) JOBS=$OPTARG ;; c) CFILES=$OPTARG ;; s) MAX=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] && [ -n "$GEN" ] && [ -n "$WORK" ] || usage
case $MAX in ''|*[!0-9]*) usage ;; esac
COMMITTED=$1 SPEC=$2
[ -r "$COMMITTED" ] || { echo "proofs: no committed record '$COMMITTED'; run 'make proofs' and commit proofs/" >&2; exit 1; }
HERE=$(dirname "$0")

# The profiles whose largest recorded search is above the bound.
large=
if [ "$MAX" -gt 0 ]; then
    large=$(awk -v max="$MAX" '
        /"states_stored"/ {
            p = $0; sub(/.*"profile": "/, "", p); sub(/".*/, "", p)
            s = $0; sub(/.*"states_stored": /, "", s); sub(/[,}].*/, "", s)
            if (s + 0 > big[p]) big[p] = s + 0
        }
        END { for (p in big) if (big[p] > max) print p }' "$COMMITTED")
fi
all=$("$GEN" --profiles "$SPEC") || exit 1
search= keep=
for p in $all; do
    if printf '%s\n' $large | grep -qx "$p"; then keep="$keep $p"; else search="$search $p"; fi
done

rc=0
mkdir -p "$WORK"
if [ -n "$search" ]; then
    bash "$HERE/proofs.sh" -q -g "$GEN" -w "$WORK" -r "$WORK" -j "$JOBS" -c "$CFILES" \
        -H "$COMMITTED" -p "${search# }" "$SPEC" || rc=1
    sh "$HERE/proofs-compare.sh" -p "${search# }" "$COMMITTED" "$WORK/record.json" || rc=1
fi

# The larger profiles: the same model as the record's, proved PASS there.
if [ -n "$keep" ]; then
    mkdir -p "$WORK/recorded"
    for p in $keep; do
        m=$WORK/recorded/$p.pml
        if ! "$GEN" --promela "$m" --profile "$p" "$SPEC" 2>"$m.err"; then
            echo "proofs: $p: issu-gen rejects the spec: $(head -1 "$m.err")" >&2; rc=1; continue
        fi
        want=$(sed -n "s/.*{\"profile\": \"$p\", \"verdict\": \"\([^\"]*\)\", \"model_sha256\": \"\([^\"]*\)\".*/\1 \2/p" "$COMMITTED")
        have=$(sha256sum "$m" | cut -d' ' -f1)
        if [ "${want#* }" != "$have" ]; then
            echo "proofs: $p: the model differs from the one the committed record proved; run 'make proofs' and commit proofs/" >&2
            rc=1
        elif [ "${want%% *}" != PASS ] || grep "\"profile\": \"$p\", \"id\"" "$COMMITTED" | grep -qv '"verdict": "\(PASS\|FOUND\)"'; then
            echo "proofs: $p: the committed record does not prove every property" >&2
            rc=1
        fi
    done
    [ $rc = 0 ] && echo "proofs: the models of$keep are those the committed record proved (searches of more than $MAX states: 'make proofs' runs them)"
fi
exit $rc
