#!/bin/sh
# tests/proofs/decisions.sh GEN WORK: the proofs must catch a controller that
# gives up where the spec's decisions say to carry on, or that skips a
# guard a decision relies on.  Each mutant drops one transition (its event
# then falls to the 'otherwise' branch, which aborts) or one guard; the
# named property must then fail on the named profile with a scenario that
# shows the event and the state the mutant reaches:
#   D9   a failed FPC warm boot: the other FPCs continue (mx240, S18);
#   D10  a loss of GRES readiness in phase 6: wait for the resync (S18);
#   D11  a failed switchover: retry once after the holdoff (S18);
#   D30  a failed mastership switch on a single CPU: the same retry
#        before the devices are taken back (qfx5100; the guard of the retry
#        negated, so the first failure takes the devices back): S31, the
#        VM family's S18 (a run ends aborted only after an accepted abort
#        or a failure), is the first assertion the search reaches;
#   D29  the device handoff only to a synchronized backup: with
#        'gres_ready' edited out of its guard, a loss of GRES readiness
#        before the handoff (S26).
#   S36, S34, D34  the counterexamples the checker gave while ISSR was
#        written (jcp), each put back by an edit of the spec: chassisd's
#        ISSU state left set by an abort after "Send ISSR done" (S36); the
#        device handoff issued, on a queued report, to a spawned RE that had
#        crashed (S34); a loss of GRES readiness that aborts an ISSR (D34)
#        without counting as a failure (S39).
#   D40, S42  the M120's FEB stage, on a smaller M120 (two FPCs, two FEBs:
#        every transition of the family fires there, mk/profargs.sh): a
#        failed FEB warm boot lets the other FEBs continue (S18); the FEB
#        stage started while FPCs are still READY, by an edit that takes it
#        from the prepare whatever the FPCs (S42).
#   S10, S10_SWITCH, S10_DONE, D45  the routing matrix (families/tx.fsm), on
#        a TX Matrix whose LCC has two FPCs: an LCC that switches its
#        masters as soon as its FPCs are done, before the global master
#        switches (S10, the issue's mutant: one LCC switches before the
#        others); and the counterexamples the checker gave while the
#        matrix was written, each put back by an edit: a global switchover
#        check that does not read the LCC backups, so a crash reported after
#        the LCC's "ready" let the matrix switch with a dead LCC backup
#        (S10_SWITCH); a degraded LCC switchover reported as a clean one
#        (S10_DONE); a failed LCC that does not answer the next request, so
#        its failure report, dropped while the global master worked alone,
#        leaves the matrix waiting for ever (D45: WAIT, the deadlock
#        search's verdict on a wait only the world could end).
# The first three are the mutants that survived every property until S18
# named the reasons an upgrade may be abandoned (proofs/mutants.md).
set -u
GEN=$1 WORK=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
spec=$here/model/issu.fsm
rm -rf "$WORK" && mkdir -p "$WORK"
"$GEN" --mutants "$spec" >"$WORK/catalogue.tsv" || { echo "decisions: FAIL: no mutant catalogue" >&2; exit 1; }
fail=0
while IFS='|' read -r id prof prop what shows state; do
    d=$WORK/$id
    case $what in
    sed:*)
        # an edit of one family file (FILE:SED-SCRIPT), in a copy of model/
        file=${what#sed:}; file=${file%%:*}; script=${what#sed:*:}
        rm -rf "$d.model" && cp -r "$here/model" "$d.model" || exit 1
        sed "$script" "$here/model/$file" >"$d.model/$file"
        if cmp -s "$d.model/$file" "$here/model/$file"; then
            echo "decisions: FAIL: $id: the edit '$script' changes nothing in model/$file" >&2; fail=1; continue
        fi
        mspec=$d.model/issu.fsm num=
        ;;
    *)
        num=$(awk -F'\t' -v w="$what" '$4 == w { print $1; exit }' "$WORK/catalogue.tsv")
        if [ -z "$num" ]; then
            echo "decisions: FAIL: $id: no mutant '$what' in the catalogue" >&2; fail=1; continue
        fi
        mspec=$spec
        ;;
    esac
    if bash "$here/mk/proofs.sh" -x -g "$GEN" -w "$d" -p "$prof" ${num:+-m "$num"} -j 1 "$mspec" >"$d.log" 2>&1; then
        echo "decisions: FAIL: $id: the proofs pass with mutant #$num ($what)" >&2; fail=1; continue
    fi
    # WAIT: the deadlock search fails on a wait only the world could end.
    row="^prop	$prop	FAIL" says=$prop
    [ "$prop" = WAIT ] && row="^prop	DEADLOCK	FAIL	.*	WAIT	" says="a wait only the world could end"
    if ! grep -q "$row" "$d/$prof/results.tsv" 2>/dev/null; then
        echo "decisions: FAIL: $id: $prop is not the violated property of mutant #$num on $prof:" >&2
        cat "$d/$prof/results.tsv" >&2; fail=1; continue
    fi
    sc=$d/$prof/safety/counterexample.scenario.txt
    missing=
    for want in "$says" "$shows" "$state"; do
        grep -q "$want" "$sc" 2>/dev/null || missing="$missing '$want'"
    done
    if [ -n "$missing" ]; then
        echo "decisions: FAIL: $id: the scenario $sc does not mention$missing" >&2; fail=1; continue
    fi
    echo "decisions: $id: $prop fails on $prof when '$what'${num:+ (mutant #$num)}; scenario in $sc"
done <<'LIST'
D9|mx240|S18|issu: FRU_WARM_BOOT --fru_warm_boot.fail--> FRU_WARM_BOOT: dropped|fru_warm_boot.fail|ABORT_FRUS
D10|mx240|S18|issu: FRU_PREPARE --fru_prepare.ok--> FRU_RESYNC: dropped|gres_lost|ABORT_FRUS
D11|mx240|S18|issu: SWITCHOVER --re_switchover.fail--> SWITCHOVER_HOLDOFF: dropped|re_switchover.fail|ABORT_FRUS
D30|qfx5100|S31|issu: VM_SWITCHOVER --re_switchover.fail--> VM_HOLDOFF: guard negated|re_switchover.fail|DEVICE_HANDBACK
D29|qfx5100|S26|sed:families/vm.fsm:/on backup_resync.ok when !same_version/s/ \&\& gres_ready//|gres_lost|DEVICE_HANDOFF
S36|jcp|S36|sed:families/issr.fsm:s/{ daemons_ready = false; chassis_handed = true; }/{ chassis_handed = true; }/|backup_crash|DESTROY_BACKUP
S34|jcp|S34|sed:families/issr.fsm:s/when !abort_req \&\& re_role.1. == BACKUP \&\& gres_ready \&\& nsr_synced \&\& dp_secondary -> DEVICE_HANDOFF/when !abort_req -> DEVICE_HANDOFF/|backup_crash|DEVICE_HANDOFF
D34|jcp|S39|sed:issu.fsm:s/if switchover_checked .. same_version/if switchover_checked/|gres_lost|ISSR_ABORT
D40|m120:slots=2,febs=2|S18|issu: FEB_WARM_BOOT --feb_warm_boot.fail--> FEB_WARM_BOOT: dropped|feb_warm_boot.fail|ABORT_FRUS
S42|m120:slots=2,febs=2|S42|sed:issu.fsm:s/on fru_prepare.ok when count(fpc, READY) == 0 \&\& febs > 0 \&\& \(.*\) -> FEB_WARM_BOOT/on fru_prepare.ok when febs > 0 \&\& \1 priority 5 -> FEB_WARM_BOOT/|feb_warm_boot|FEB_WARM_BOOT
S10|txm1:lcc_fpcs=2|S10|sed:families/tx.fsm:s/lcc_fru_warm_boot.timeout otherwise -> READY {/lcc_fru_warm_boot.timeout otherwise -> SWITCHOVER { issue lcc_switchover;/|lcc_switchover.ok|SWITCHOVER
S10_SWITCH|txm1:lcc_fpcs=2|S10_SWITCH|sed:issu.fsm:s/ \&\& count(lcc_brole, BACKUP) == lccs \&\& count(lcc_bver, NEW) == lccs -> SWITCHOVER/ -> SWITCHOVER/|lcc_backup_crash|SWITCHOVER
S10_DONE|txm1:lcc_fpcs=2|S10_DONE|sed:families/tx.fsm:s/send lcc_switched_degraded to issu;/send lcc_switched to issu;/|lcc_switched|FINISHING
D45|txm1:lcc_fpcs=2|WAIT|sed:families/tx.fsm:s/        on lcc_start -> FAILED {/        on lcc_switch -> FAILED {/|ignored lcc_start in FAILED|LCC_FRUS
LIST
exit $fail
