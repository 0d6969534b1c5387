#!/bin/bash
# tests/proofs/systems.sh GEN WORK: the SPIN proofs of the systems of
# several machines that are not the ISSU procedure (tests/specs/systems/),
# run by 'make check-systems' (mk/systems.mk).
#
#   NAME.fsm        a correct system: issu-gen --check accepts it, every proof
#                   passes (safety, coverage, vacuity, liveness), and the fresh
#                   record matches the committed one, proofs/systems/NAME/
#                   record.json, on the hashes and the verdicts
#                   (mk/proofs-compare.sh, as check-proofs does for issu.fsm);
#   NAME-buggy.fsm  NAME.fsm (or the spec its comment names with
#                   'variant-of: FILE') with one bug, whose comment says
#                   'expect-fail: ID': below its first comment it differs from
#                   that spec in exactly one line, and on every profile the
#                   proofs must fail ID with a counterexample scenario that
#                   names ID and prints its sentence.  ID is a property of the
#                   spec, or one of the model's own checks WAIT, QUEUE and
#                   DEADLOCK, whose scenario says what they mean.
#
# The specs run side by side, SYSTEMS_JOBS (default 2) at a time, each with
# one profile at a time.  Prints one PASS or FAIL line per spec; exit 1 if
# any failed.  'make proofs-systems' rewrites the committed records.
set -u
[ $# -eq 2 ] || { echo "usage: $0 GEN WORKDIR" >&2; exit 2; }
GEN=$1 WORK=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
GEN=$(cd "$(dirname "$GEN")" && pwd)/$(basename "$GEN")
JOBS=${SYSTEMS_JOBS:-2}
dir=tests/specs/systems     # relative: the record names the spec by this path
cd "$here" || exit 2
rm -rf "$WORK" && mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# check_correct NAME: every proof of NAME.fsm passes and the record matches.
check_correct() {
    local name=$1 spec=$dir/$1.fsm w=$WORK/$1 committed=proofs/systems/$1/record.json
    if ! "$GEN" --check "$spec" >"$WORK/$name.check" 2>&1; then
        echo "systems: FAIL $name: issu-gen --check rejects $spec:"; cat "$WORK/$name.check"; return 1
    fi
    if ! bash mk/proofs.sh -q -W 18 -g "$GEN" -w "$w" -r "$w" -j 1 \
            $([ -r "$committed" ] && echo "-H $committed") "$spec" >"$w.log" 2>&1; then
        echo "systems: FAIL $name: a proof of $spec fails (work files under $w):"; cat "$w.log"; return 1
    fi
    if [ ! -r "$committed" ]; then
        echo "systems: FAIL $name: no committed record $committed; run 'make proofs-systems' and commit proofs/systems/"
        return 1
    fi
    if ! sh mk/proofs-compare.sh "$committed" "$w/record.json" >"$w.compare" 2>&1; then
        echo "systems: FAIL $name: the fresh record differs from $committed ('make proofs-systems' rewrites it):"
        cat "$w.compare"; return 1
    fi
    local states; states=$(awk -F'\t' 'FNR == 1 { p = FILENAME; sub(/\/results.tsv$/, "", p); sub(/.*\//, "", p) }
        $1 == "prop" && $2 == "DEADLOCK" { printf "%s%s %s states", sep, p, $5; sep = ", " }' "$w"/*/results.tsv)
    echo "systems: PASS $name: every proof passes, the record matches $committed ($(sed -n 's/.*(\([0-9]* verdicts\)).*/\1/p' "$w.compare"); safety search: $states)"
}

# check_buggy NAME: the proofs of NAME.fsm fail the property its comment names.
check_buggy() {
    local name=$1 spec=$dir/$1.fsm w=$WORK/$1 base=$dir/${1%-buggy}.fsm id sentence p bad=0 variant
    id=$(sed -n 's/.*expect-fail: *\([A-Za-z_][A-Za-z0-9_]*\).*/\1/p' "$spec" | head -1)
    [ -n "$id" ] || { echo "systems: FAIL $name: $spec says no 'expect-fail: ID'"; return 1; }
    variant=$(sed -n 's/.*variant-of: *\([A-Za-z0-9_.-]*\).*/\1/p' "$spec" | head -1)
    [ -z "$variant" ] || base=$dir/$variant
    case $id in
    WAIT) sentence="a wait only the world could end" ;;
    QUEUE) sentence="more events were queued than the model's bound" ;;
    DEADLOCK) sentence="deadlock: nothing can move" ;;
    *) sentence=$(sed -n "s/^\(invariant\|ltl\) $id \"\([^\"]*\)\".*/\2/p" "$spec" | head -1) ;;
    esac
    [ -n "$sentence" ] || { echo "systems: FAIL $name: $spec has no property $id"; return 1; }
    if [ -r "$base" ]; then
        local n; n=$(diff <(sed '1,/\*\//d' "$base") <(sed '1,/\*\//d' "$spec") | grep -c '^[<>]')
        if [ "$n" != 2 ]; then
            echo "systems: FAIL $name: below its first comment it must differ from $base in exactly one line:"
            diff <(sed '1,/\*\//d' "$base") <(sed '1,/\*\//d' "$spec"); return 1
        fi
    fi
    if ! "$GEN" --check "$spec" >"$WORK/$name.check" 2>&1; then
        echo "systems: FAIL $name: issu-gen --check rejects $spec:"; cat "$WORK/$name.check"; return 1
    fi
    if bash mk/proofs.sh -q -x -W 18 -g "$GEN" -w "$w" -j 1 "$spec" >"$w.log" 2>&1; then
        echo "systems: FAIL $name: the proofs pass on the buggy spec $spec (expected $id to fail)"; return 1
    fi
    for p in $("$GEN" --profiles "$spec"); do
        local r=$w/$p/results.tsv sc=
        if [ "$id" = WAIT ] || [ "$id" = QUEUE ] || [ "$id" = DEADLOCK ]; then
            if grep -q "^prop	DEADLOCK	FAIL	.*	$id\b" "$r" 2>/dev/null ||
               { [ "$id" = DEADLOCK ] && grep -q "^prop	DEADLOCK	FAIL" "$r" 2>/dev/null; }; then
                sc=$w/$p/safety/counterexample.scenario.txt
                if grep -qF "Violated: $sentence" "$sc" 2>/dev/null; then
                    echo "systems: PASS $name: on $p the proofs reject it: $id, \"$sentence\"; scenario $sc"
                    continue
                fi
                echo "systems: FAIL $name: on $p, the scenario $sc does not say \"$sentence\""
            else
                echo "systems: FAIL $name: on $p, the model's check $id did not fail:"; cat "$r" 2>/dev/null
            fi
            bad=1; continue
        fi
        if grep -q "^prop	$id	FAIL" "$r" 2>/dev/null; then
            sc=$w/$p/safety/counterexample.scenario.txt
            grep -q "^prop	$id	FAIL	[^	]*acceptance" "$r" && sc=$w/$p/liveness/$id.scenario.txt
        else
            echo "systems: FAIL $name: on $p, $id is not the violated property:"; cat "$r" 2>/dev/null; bad=1; continue
        fi
        if ! grep -qF "Violated: $id \"$sentence\"" "$sc" 2>/dev/null &&
           ! grep -qF "Property: $id \"$sentence\"" "$sc" 2>/dev/null; then
            echo "systems: FAIL $name: on $p, the scenario $sc does not name $id with its sentence \"$sentence\""
            bad=1; continue
        fi
        echo "systems: PASS $name: on $p the proofs reject it: $id fails, \"$sentence\"; scenario $sc"
    done
    return $bad
}

# The specs, those with the most profiles first (the longest runs), the
# buggy ones last (they stop at their first failing search).
order() {
    local f
    for f in "$dir"/*.fsm; do
        case $f in *-buggy.fsm) echo "0 $f" ;; *) echo "$("$GEN" --profiles "$f" 2>/dev/null | wc -l) $f" ;; esac
    done | sort -k1,1nr -k2 | awk '{ print $2 }'
}

start=$(date +%s)
rc=0 running=0
for f in $(order); do
    name=$(basename "$f" .fsm)
    if [ "$running" -ge "$JOBS" ]; then
        wait -n || rc=1
        running=$((running - 1))
    fi
    case $name in
    *-buggy) check_buggy "$name" & ;;
    *) check_correct "$name" & ;;
    esac
    running=$((running + 1))
done
while [ "$running" -gt 0 ]; do wait -n || rc=1; running=$((running - 1)); done
[ -n "$(ls "$dir"/*.fsm 2>/dev/null)" ] || { echo "systems: FAIL: no spec in $dir"; rc=1; }
if [ $rc = 0 ]; then
    echo "systems: PASS: every system spec in $dir, $(($(date +%s) - start)) s"
else
    echo "systems: FAIL: see the lines above (work files under $WORK)"
fi
exit $rc
