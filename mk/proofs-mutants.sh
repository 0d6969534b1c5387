#!/bin/bash
# mk/proofs-mutants.sh -g GEN -w WORK -p "PROFILE..." [-j JOBS] [-e EQUIV] [-r RECORD_DIR] [-n "N..."] SPEC
# Mutation adequacy of the properties: every mutant of SPEC (issu-gen
# --mutants) is checked on the PROFILEs and must be killed on one of them
# (each family's part of the spec is in its own profiles' models only:
# with several profiles, a mutant is searched on each, in order, whose model
# it changes, until one kills it; a profile whose model it leaves as it is
# cannot, and is skipped after a comparison of the two models):
#   - statically, by issu-gen's checks (the mutant is not a valid spec), or
#   - by a property: an invariant, deadlock or assertion (safety search) or
#     an LTL property (acceptance-cycle search), or a vacuity witness or the
#     transition coverage failing (mk/proofs.sh on the mutant).
# A surviving mutant must be listed in EQUIV (lines "description<TAB>where<TAB>
# reason", the description and place as issu-gen --mutants prints them) with
# the reason it is equivalent; otherwise the target fails.  Writes WORK/mutants.tsv and
# WORK/summary.txt, prints the score; -r DIR also writes DIR/mutants.md, the
# mutation record (mk/proofs-mutants-record.sh).  -n runs only the mutants
# with those numbers (a re-run of some; the record needs every mutant).
set -u
GEN= WORK= PROFILE= JOBS=2 EQUIV=/dev/null RECORD= ONLY=
while getopts g:w:p:j:e:r:n: o; do
    case $o in
    g) GEN=$OPTARG ;; w) WORK=$OPTARG ;; p) PROFILE=$OPTARG ;; j) JOBS=$OPTARG ;; e) EQUIV=$OPTARG ;;
    r) RECORD=$OPTARG ;; n) ONLY=$OPTARG ;;
    *) echo "usage: $0 -g GEN -w WORK -p 'PROFILE...' [-j JOBS] [-e EQUIV] [-r RECORD_DIR] SPEC" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -n "$GEN" ] && [ -n "$WORK" ] && [ -n "$PROFILE" ] || { echo "usage: $0 -g GEN -w WORK -p 'PROFILE...' SPEC" >&2; exit 2; }
SPEC=$1
here=$(dirname "$0")
. "$here/profargs.sh"
mkdir -p "$WORK"
"$GEN" --mutants "$SPEC" >"$WORK/catalogue.tsv" || exit 1
if [ -n "$ONLY" ]; then
    echo "$ONLY" | tr ' ' '\n' | awk -F'\t' 'FNR == NR { if ($1 != "") want[$1] = 1; next } $1 in want' - \
        "$WORK/catalogue.tsv" >"$WORK/catalogue.only" && mv "$WORK/catalogue.only" "$WORK/catalogue.tsv"
fi
n=$(wc -l <"$WORK/catalogue.tsv")
echo "mutants: $n mutants of $SPEC on $PROFILE, $JOBS at a time"

# one mutant: prints "N<TAB>verdict<TAB>by<TAB>operator<TAB>where<TAB>what"
one() {
    local num=$1 op=$2 where=$3 what=$4 d=$WORK/m$1 by= p
    rm -rf "$d"; mkdir -p "$d"
    if ! "$GEN" --mutant "$num" --check "$SPEC" >"$d/gen.out" 2>&1; then
        by="checker: $(head -1 "$d/gen.out" | sed 's/^[^ ]*: error: //')"
    else
        for p in $PROFILE; do
            if [ "$NPROF" -gt 1 ]; then   # the same model as the spec's: nothing to search
                "$GEN" --mutant "$num" --promela "$d/$p.pml" $(profargs "$p") "$SPEC" 2>/dev/null &&
                    cmp -s "$d/$p.pml" "$WORK/orig/$p.pml" && continue
            fi
            bash "$here/proofs.sh" -q -g "$GEN" -w "$d" -p "$p" -m "$num" -j 1 "$SPEC" >/dev/null 2>&1
            by=$(awk -F'\t' '$3 == "FAIL" || $3 == "VACUOUS" { print ($4 ~ /^incomplete/ || $11 == "INCOMPLETE" ? "incomplete search" : $1 == "witness" ? "vacuity of " $11 : $1 == "coverage" ? "transition coverage" : $2 == "DEADLOCK" ? "assertion " $11 : $1 == "gen" ? "issu-gen" : $2); exit }' "$d/$p/results.tsv" 2>/dev/null)
            rm -rf "$d/$p/safety/pan" "$d/$p/liveness/pan" "$d/$p"/*/pan.c "$d/$p"/*/pan.[bhmpt]
            [ -z "$by" ] || { [ "$NPROF" -gt 1 ] && by="$by on $p"; break; }
        done
    fi
    if [ -n "$by" ]; then
        printf '%s\tkilled\t%s\t%s\t%s\t%s\n' "$num" "$by" "$op" "$where" "$what"
    elif grep -qF "$what	$where	" "$EQUIV" 2>/dev/null; then
        printf '%s\tequivalent\t%s\t%s\t%s\t%s\n' "$num" "$(grep -F "$what	$where	" "$EQUIV" | head -1 | cut -f3)" "$op" "$where" "$what"
    else
        printf '%s\tSURVIVED\t-\t%s\t%s\t%s\n' "$num" "$op" "$where" "$what"
    fi
}
# the unmutated model of each profile, to skip the profiles a mutant leaves alone
NPROF=$(echo $PROFILE | wc -w)
if [ "$NPROF" -gt 1 ]; then
    mkdir -p "$WORK/orig"
    for p in $PROFILE; do "$GEN" --promela "$WORK/orig/$p.pml" $(profargs "$p") "$SPEC" || exit 1; done
fi
export -f one profargs
export GEN WORK PROFILE SPEC EQUIV here NPROF
: >"$WORK/mutants.tsv"
# xargs runs JOBS at a time; each line of output is one mutant
tr '\t' '\037' <"$WORK/catalogue.tsv" |
    xargs -P "$JOBS" -I{} bash -c 'IFS=$(printf "\037") read -r a b c d <<<"$1"; one "$a" "$b" "$c" "$d"' _ {} |
    tee -a "$WORK/mutants.tsv" | awk -F'\t' '{ printf "mutants: #%s %s (%s) %s: %s\n", $1, $2, $3, $4, $6; fflush() }'
sort -n -o "$WORK/mutants.tsv" "$WORK/mutants.tsv"
killed=$(grep -c $'\tkilled\t' "$WORK/mutants.tsv")
equiv=$(grep -c $'\tequivalent\t' "$WORK/mutants.tsv")
surv=$(grep -c $'\tSURVIVED\t' "$WORK/mutants.tsv")
static=$(grep -c $'\tkilled\tchecker: ' "$WORK/mutants.tsv")
{
    echo "mutation score on $PROFILE: $killed killed of $n ($static by the checker, $((killed - static)) by SPIN), $equiv equivalent, $surv survived"
    grep $'\tSURVIVED\t' "$WORK/mutants.tsv" | awk -F'\t' '{ printf "  survived #%s %s at %s: %s\n", $1, $4, $5, $6 }'
} | tee "$WORK/summary.txt"
if [ -n "$RECORD" ]; then
    mkdir -p "$RECORD"
    GEN="$GEN" sh "$here/proofs-mutants-record.sh" "$WORK/mutants.tsv" "$EQUIV" "$SPEC" "$PROFILE" "$RECORD/mutants.md"
    echo "mutants: the record is $RECORD/mutants.md"
fi
[ "$surv" = 0 ]
