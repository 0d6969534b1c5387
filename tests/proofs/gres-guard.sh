#!/bin/sh
# tests/proofs/gres-guard.sh GEN WORK [PLATFORM_LIBS]: the proofs must catch a controller that
# issues the switchover without waiting for GRES readiness.  The mutant drops
# 'gres_ready' from the guard of SWITCHOVER_PREPARE on switchover_check.ok;
# GRES readiness can then be lost (fault gres_lost) between the check's
# report and the switchover, and S3 must fail on mx240 with a readable
# counterexample that names S3 and ends with the switchover being issued.
# The counterexample is then a runnable scenario: the C generated from the
# same mutant replays it step by step ('issu replay') and its S3 monitor
# fires.
set -u
GEN=$1 WORK=$2 PF_LIBS=${3:-}   # PF_LIBS: what the platforms link (mk/platforms.mk)
here=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$WORK" && mkdir -p "$WORK"
# the mutant sits next to a copy of the spec's other files (its includes)
cp -r "$here/model" "$WORK/model" || exit 1
spec=$WORK/model/no-gres-guard.fsm
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

# the C of the mutant, and the counterexample replayed through it
c=$WORK/c
mkdir -p "$c/obj"
"$GEN" --c-ids "$c/issu_ids.h" --ragel "$c/issu.rl" --c-glue "$c/issu_glue.c" --c-monitors "$c/issu_monitors.c" \
    --c-plant-h "$c/issu_plant.h" --c-plant "$c/issu_plant.c" "$spec" && (cd "$c" && ragel -T0 -o issu_fsm.c issu.rl) ||
    { echo "gres-guard: FAIL: the mutant's C was not generated" >&2; exit 1; }
pinc=$(for d in "$here"/platforms/*/; do printf ' -I %s' "$d"; done)
for f in "$here"/runtime/*.c "$c"/issu_fsm.c "$c"/issu_glue.c "$c"/issu_monitors.c "$c"/issu_plant.c \
         "$here"/platforms/*/*.c; do
    # shellcheck disable=SC2086
    ${CC:-cc} -std=c99 -O0 -w -I "$here/runtime" -I "$c" $pinc \
        -c -o "$c/obj/$(basename "$(dirname "$f")")_$(basename "$f" .c).o" "$f" ||
        { echo "gres-guard: FAIL: the mutant's C does not build ($f)" >&2; exit 1; }
done
# shellcheck disable=SC2086  # PF_LIBS: words
${CC:-cc} -o "$c/issu" "$c"/obj/*.o $PF_LIBS || { echo "gres-guard: FAIL: the mutant's issu does not link" >&2; exit 1; }
"$c/issu" replay "$tr" >"$WORK/replay.out" 2>&1
rc=$?
if [ $rc != 3 ] || ! grep -q "monitor S3" "$WORK/replay.out"; then
    echo "gres-guard: FAIL: the counterexample replayed through the mutant's C: exit $rc, expected 3 and the S3 monitor:" >&2
    cat "$WORK/replay.out" >&2
    exit 1
fi
echo "gres-guard: S3 fails without the GRES-readiness guard; scenario in $sc;"
echo "gres-guard: the C of the same mutant takes every step of it and its S3 monitor fires ($WORK/replay.out)"
