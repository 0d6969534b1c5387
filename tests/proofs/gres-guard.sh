#!/bin/sh
# tests/proofs/gres-guard.sh GEN WORK: the proofs must catch a controller that
# issues the switchover without waiting for GRES readiness.  The mutant drops
# 'gres_ready' from the guard of SWITCHOVER_PREPARE on switchover_check.ok;
# GRES readiness can then be lost (fault gres_lost) between the check's
# report and the switchover, and S3 must fail on mx240 with a readable
# counterexample that names S3 and ends with the switchover being issued.
set -u
GEN=$1 WORK=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$WORK" && mkdir -p "$WORK"
spec=$WORK/no-gres-guard.fsm
sed '/on switchover_check.ok when re_role\[1\] == BACKUP/s/ && gres_ready//' "$here/model/issu.fsm" >"$spec"
if cmp -s "$spec" "$here/model/issu.fsm"; then
    echo "gres-guard: FAIL: the guard to remove was not found in model/issu.fsm" >&2; exit 1
fi
if bash "$here/mk/proofs.sh" -q -x -g "$GEN" -w "$WORK/proofs" -p mx240 -j 1 "$spec" >"$WORK/log" 2>&1; then
    echo "gres-guard: FAIL: the proofs pass without the GRES-readiness guard" >&2; exit 1
fi
r=$WORK/proofs/mx240/results.tsv
grep -q "^prop	S3	FAIL" "$r" || { echo "gres-guard: FAIL: S3 is not the violated property:" >&2; cat "$r" >&2; exit 1; }
sc=$WORK/proofs/mx240/safety/counterexample.scenario.txt
tr=$WORK/proofs/mx240/safety/counterexample.trace.jsonl
for want in S3 "re_switchover" "switchover_check.ok" "gres_lost"; do
    grep -q "$want" "$sc" 2>/dev/null || { echo "gres-guard: FAIL: the scenario $sc does not mention '$want'" >&2; exit 1; }
done
grep -q '"violation":"S3"' "$tr" || { echo "gres-guard: FAIL: the trace $tr does not end in the S3 violation" >&2; exit 1; }
echo "gres-guard: S3 fails without the GRES-readiness guard; scenario in $sc"
