#!/bin/sh
# tests/proofs/decisions.sh GEN WORK: the proofs must catch a controller that
# gives up where the spec's decisions say to carry on.  Each mutant drops
# one transition, so that its event falls to the 'otherwise' branch, which
# aborts; S18 must then fail on mx240 with a scenario that shows the
# failure being followed by the abort:
#   D9   a failed FPC warm boot: the other FPCs continue;
#   D10  a loss of GRES readiness in phase 6: wait for the resync;
#   D11  a failed switchover: retry once after the holdoff.
# These are the mutants that survived every property until S18 named the
# reasons an upgrade may be abandoned (proofs/mutants.md).
set -u
GEN=$1 WORK=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
spec=$here/model/issu.fsm
rm -rf "$WORK" && mkdir -p "$WORK"
"$GEN" --mutants "$spec" >"$WORK/catalogue.tsv" || { echo "decisions: FAIL: no mutant catalogue" >&2; exit 1; }
fail=0
while IFS='|' read -r id what shows; do
    num=$(awk -F'\t' -v w="$what" '$4 == w { print $1; exit }' "$WORK/catalogue.tsv")
    if [ -z "$num" ]; then
        echo "decisions: FAIL: $id: no mutant '$what' in the catalogue" >&2; fail=1; continue
    fi
    d=$WORK/$id
    if bash "$here/mk/proofs.sh" -x -g "$GEN" -w "$d" -p mx240 -m "$num" -j 1 "$spec" >"$d.log" 2>&1; then
        echo "decisions: FAIL: $id: the proofs pass with mutant #$num ($what)" >&2; fail=1; continue
    fi
    if ! grep -q "^prop	S18	FAIL" "$d/mx240/results.tsv" 2>/dev/null; then
        echo "decisions: FAIL: $id: S18 is not the violated property of mutant #$num:" >&2
        cat "$d/mx240/results.tsv" >&2; fail=1; continue
    fi
    sc=$d/mx240/safety/counterexample.scenario.txt
    missing=
    for want in S18 "$shows" "ABORT_FRUS"; do
        grep -q "$want" "$sc" 2>/dev/null || missing="$missing '$want'"
    done
    if [ -n "$missing" ]; then
        echo "decisions: FAIL: $id: the scenario $sc does not mention$missing" >&2; fail=1; continue
    fi
    echo "decisions: $id: S18 fails when '$what' (mutant #$num); scenario in $sc"
done <<'LIST'
D9|issu: FRU_WARM_BOOT --fru_warm_boot.fail--> FRU_WARM_BOOT: dropped|fru_warm_boot.fail
D10|issu: FRU_PREPARE --fru_prepare.ok--> FRU_RESYNC: dropped|gres_lost
D11|issu: SWITCHOVER --re_switchover.fail--> SWITCHOVER_HOLDOFF: dropped|re_switchover.fail
LIST
exit $fail
