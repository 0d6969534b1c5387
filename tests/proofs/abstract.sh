#!/bin/bash
# tests/proofs/abstract.sh GEN WORK: the localization abstraction of the
# Promela model (issu-gen --abstract, gen/emit/emit.h), on a spec of its own
# (tests/specs/systems/drain.fsm, whose workers each drain a counter), run
# by 'make check-abstract' (mk/systems.mk).
#
# For every profile of drain.fsm, the model with the counters dropped
# (--abstract left) and with all but the first dropped (--abstract left[1..]):
#   - says what it dropped (@ABSTRACT); with every counter dropped it leaves
#     out S1, which reads them (@ABS), and nothing else; with the first
#     kept it checks S1 at the first worker, which stands for every worker
#     (@FIRST: the workers are a symmetric array);
#   - with the first counter kept, passes the safety search (symmetry
#     reduced) in fewer states than the full model, which passes it too,
#     and finds the bug of drain-buggy.fsm, as the full model does: S3
#     fails; with every counter dropped, fails S7, which the full model
#     proves: the coordinator's last check reads every counter, and no
#     lemma bounds a counter of no instance (such a failure proves nothing).
# A dropped bool read alone as a guard is read both ways.
# With the first counter kept, a worker that answers with an item left
# fails S8 at the first worker as in the full model, an invariant that is
# not "for every worker" (some unit drained) is left out, and the lemma S8
# is what proves S7 (without it S7 fails in the abstract model only).
# A machine's variable (MACHINE.VAR) is dropped the same way: a flag no
# guard reads costs only the invariant that reads it; the coordinator's
# counter, read both ways, lets a run end early (a spurious failure).
# And issu-gen refuses, with a message and no output written: a dropped
# cell whose value is copied (no value of it is sound), a name that is not
# a plant or a machine's variable (a machine's bare name gets a hint), a
# malformed NAME[1..] or one on a machine's variable, --abstract without
# --profile.
#
# Prints one PASS or FAIL line per check; exit 1 if any failed.
set -u
[ $# -eq 2 ] || { echo "usage: $0 GEN WORKDIR" >&2; exit 2; }
GEN=$1 WORK=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
GEN=$(cd "$(dirname "$GEN")" && pwd)/$(basename "$GEN")
cd "$here" || exit 2
rm -rf "$WORK" && mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
SPEC=tests/specs/systems/drain.fsm BUGGY=tests/specs/systems/drain-buggy.fsm
fails=0

pass() { echo "abstract: PASS $*"; }
fail() { echo "abstract: FAIL $*"; fails=$((fails + 1)); }

# safety DIR: the safety search of DIR/model.pml (symmetry reduced);
# prints "STATES" when it passes, "FAIL ID" when an invariant fails (WAIT
# for the system's wait check).
safety() {
    (cd "$1" && spin -DSYMM -a model.pml >spin.log 2>&1 &&
        cc -O0 -w -DNOREDUCE -DSAFETY -DNOCLAIM -o pan pan.c >cc.log 2>&1 &&
        ./pan -m100000 -w18 >pan.out 2>&1)
    if grep -q 'assertion violated' "$1/pan.out" 2>/dev/null; then
        local line; line=$(cd "$1" && spin -DSYMM -t model.pml 2>&1 | sed -n 's/^spin: .*model.pml:\([0-9]*\), Error: assertion violated.*/\1/p' | head -1)
        echo "FAIL $(sed -n "${line:-0}p" "$1/model.pml" | sed -n 's/.*\/\* @A \(INV \)\{0,1\}\([^ ]*\) .*\*\/.*/\2/p')"
    elif grep -q 'errors: 0' "$1/pan.out" 2>/dev/null; then
        awk '/states, stored/ { print $1 }' "$1/pan.out"
    else
        echo "FAIL BUILD"
    fi
}

# model DIR SPEC PROFILE [--abstract X]: write DIR/model.pml
model() {
    local d=$1 spec=$2 p=$3; shift 3
    mkdir -p "$d" && "$GEN" --promela "$d/model.pml" --profile "$p" "$@" "$spec" 2>"$d/gen.err"
}

for p in $("$GEN" --profiles "$SPEC"); do
    model "$WORK/$p-full" "$SPEC" "$p" || { fail "$p: issu-gen: $(cat "$WORK/$p-full/gen.err")"; continue; }
    full=$(safety "$WORK/$p-full")
    case $full in FAIL*) fail "$p: the full model: $full"; continue ;; esac
    for a in 'left' 'left[1..]'; do
        d=$WORK/$p-$(echo "$a" | tr -d '[].')
        if ! model "$d" "$SPEC" "$p" --abstract "$a"; then
            fail "$p --abstract $a: issu-gen: $(cat "$d/gen.err")"; continue
        fi
        dropped=$(sed -n 's/^\/\* @ABSTRACT \(.*\) \*\/$/\1/p' "$d/model.pml")
        out=$(sed -n 's/^\/\* @ABS \([^ ]*\) .*/\1/p' "$d/model.pml" | tr '\n' ' ')
        first=$(sed -n 's/^\/\* @FIRST \([^ ]*\) .*/\1/p' "$d/model.pml" | tr '\n' ' ')
        case $a in *'[1..]') want_out= want_first='S1 S6 S8 ' ;; *) want_out='S1 S6 S8 ' want_first= ;; esac
        [ "$dropped" = "$a" ] && [ "$out" = "$want_out" ] && [ "$first" = "$want_first" ] ||
            { fail "$p --abstract $a: says it dropped '$dropped', left out '$out', read at the first worker '$first' (want '$a', '$want_out', '$want_first')"; continue; }
        got=$(safety "$d")
        if [ "$a" = left ]; then        # every counter dropped: no lemma bounds them
            [ "$got" = "FAIL S7" ] && pass "$p --abstract $a: S7 fails there only (lost correlation; the full model holds)" ||
                fail "$p --abstract $a: want the spurious FAIL S7, got '$got'"
            continue
        fi
        case $got in
        FAIL*) fail "$p --abstract $a: the abstract model fails: $got" ;;
        *) if [ "$got" -lt "$full" ]; then pass "$p --abstract $a: safety holds in $got states (full model: $full)"
           else fail "$p --abstract $a: $got states, not fewer than the full model's $full"; fi ;;
        esac
        model "$d-buggy" "$BUGGY" "$p" --abstract "$a" || { fail "$p buggy: issu-gen failed"; continue; }
        got=$(safety "$d-buggy")
        [ "$got" = "FAIL S3" ] && pass "$p --abstract $a: drain-buggy.fsm fails S3, as in the full model" ||
            fail "$p --abstract $a: drain-buggy.fsm: want FAIL S3, got '$got'"
    done
    model "$WORK/$p-buggy-full" "$BUGGY" "$p" && [ "$(safety "$WORK/$p-buggy-full")" = "FAIL S3" ] ||
        fail "$p: the full model of drain-buggy.fsm does not fail S3"
done

# the first counter kept: a bug in every worker is found at the first one;
# "some unit drained" is no claim on every worker, and is left out
sed 's/on take.ok, take.fail when left\[self\] > 0 -> DRAINING/on take.ok, take.fail when left[self] > 1 -> DRAINING/' "$SPEC" >"$WORK/early.fsm"
printf '%s\n' 'invariant S9 "a finished run drained some unit": coordinator.result != NONE -> count(left, 0) > 0;' >>"$WORK/early.fsm"
for m in full 'left[1..]'; do
    d=$WORK/early-$(echo "$m" | tr -d '[].')
    if [ "$m" = full ]; then model "$d" "$WORK/early.fsm" d3; else model "$d" "$WORK/early.fsm" d3 --abstract "$m"; fi ||
        { fail "early.fsm $m: issu-gen: $(cat "$d/gen.err")"; continue; }
    got=$(safety "$d")
    [ "$got" = "FAIL S8" ] && pass "d3 $m: a worker that answers with an item left fails S8" ||
        fail "d3 $m: a worker that answers with an item left: want FAIL S8, got '$got'"
done
grep -q '^/\* @ABS S9 ' "$WORK/early-left1/model.pml" 2>/dev/null &&
    pass "d3 --abstract left[1..]: 'count(left, 0) > 0' (some unit) is left out" ||
    fail "d3 --abstract left[1..]: 'count(left, 0) > 0' (some unit) is not left out"

# the lemmas: S8 ("a worker that answered has drained its unit", each
# worker) is checked at the first worker and bounds what the others' dropped
# counters may be; without it the coordinator's last check, which reads
# every counter, may fail in the abstract model (S7), though never in the
# full one: a spurious failure, which the lemma removes
grep -v '^invariant S8 \|^    each worker: answered -> left\[self\] == 0;' "$SPEC" >"$WORK/nolemma.fsm"
for spec in "$WORK/nolemma.fsm" "$SPEC"; do
    n=$(basename "$spec" .fsm)
    model "$WORK/lemma-$n-full" "$spec" d3 && model "$WORK/lemma-$n" "$spec" d3 --abstract 'left[1..]' ||
        { fail "$n: issu-gen failed"; continue; }
    full=$(safety "$WORK/lemma-$n-full") got=$(safety "$WORK/lemma-$n")
    case $n:$full:$got in
    nolemma:[0-9]*:'FAIL S7') pass "d3 --abstract left[1..] without lemma S8: S7 fails there only (the full model holds in $full states)" ;;
    drain:[0-9]*:[0-9]*) pass "d3 --abstract left[1..] with lemma S8: S7 holds, $got states (full model: $full)" ;;
    *) fail "d3 --abstract left[1..] $n: full model '$full', abstract '$got'" ;;
    esac
done

# a dropped bool read alone, as a whole guard (`when skipped`): both ways
# (issu-gen used to crash on it); S3, which reads it, is left out
if model "$WORK/skipped" "$SPEC" d2 --abstract skipped; then
    out=$(sed -n 's/^\/\* @ABS \([^ ]*\) .*/\1/p' "$WORK/skipped/model.pml" | tr '\n' ' ')
    got=$(safety "$WORK/skipped")
    case $out:$got in
    'S3 ':[0-9]*) pass "d2 --abstract skipped: a dropped bool as a whole guard; S3 left out, the rest holds in $got states" ;;
    *) fail "d2 --abstract skipped: left out '$out', safety '$got' (want 'S3 ' and a pass)" ;;
    esac
else
    fail "d2 --abstract skipped: issu-gen: $(cat "$WORK/skipped/gen.err")"
fi

# a machine's variable (MACHINE.VAR): a worker's flag, which no guard reads,
# leaves out only S8 and the rest holds; the coordinator's answer counter,
# which its guards read, read both ways lets it end a run before every
# worker answered: a failure of the abstract model only (S4 is left out)
for a in worker.answered coordinator.answered; do
    d=$WORK/ctrl-$a
    model "$d" "$SPEC" d3 --abstract "$a" || { fail "d3 --abstract $a: issu-gen: $(cat "$d/gen.err")"; continue; }
    dropped=$(sed -n 's/^\/\* @ABSTRACT \(.*\) \*\/$/\1/p' "$d/model.pml")
    out=$(sed -n 's/^\/\* @ABS \([^ ]*\) .*/\1/p' "$d/model.pml" | tr '\n' ' ')
    got=$(safety "$d")
    case $a:$dropped:$out:$got in
    worker.answered:worker.answered:'S8 ':[0-9]*) pass "d3 --abstract $a: S8 left out, the rest holds in $got states" ;;
    coordinator.answered:coordinator.answered:'S4 ':'FAIL '[SW]*) pass "d3 --abstract $a: S4 left out; the run may end early there only ($got)" ;;
    *) fail "d3 --abstract $a: dropped '$dropped', left out '$out', safety '$got'" ;;
    esac
done

# refused: a dropped cell whose value is copied into a kept variable
sed 's/^    ignore go;  .*/    var seen : 0..6 = 0 "copied from the counter";\n    ignore go;/;
     s/on go -> DRAINING { answered = false; issue take; }/on go -> DRAINING { seen = left[self]; answered = false; issue take; }/' "$SPEC" >"$WORK/copy.fsm"
line=$(grep -n 'seen = left\[self\]' "$WORK/copy.fsm" | cut -d: -f1)
col=$(awk -v l="$line" 'NR == l { print index($0, "left[self]") }' "$WORK/copy.fsm")
"$GEN" --promela "$WORK/copy.pml" --profile d2 --abstract left "$WORK/copy.fsm" >"$WORK/copy.out" 2>&1
rc=$?
want="$WORK/copy.fsm:$line:$col: error: '--abstract left': its value is used here, not only tested"
if [ $rc = 1 ] && grep -qF "$want" "$WORK/copy.out" && [ ! -e "$WORK/copy.pml" ]; then
    pass "a copied dropped value is refused at $line:$col, nothing written"
else
    fail "a copied dropped value: exit $rc, $(head -c 300 "$WORK/copy.out") (want exit 1 and '$want')"
fi

# refused: bad command lines (exit 2, a message, nothing written)
while IFS='|' read -r args want; do
    # shellcheck disable=SC2086
    "$GEN" --promela "$WORK/bad.pml" $args "$SPEC" >"$WORK/bad.out" 2>&1
    rc=$?
    if [ $rc = 2 ] && grep -qF "$want" "$WORK/bad.out" && [ ! -e "$WORK/bad.pml" ]; then
        pass "issu-gen $args: refused"
    else
        fail "issu-gen $args: exit $rc, '$(cat "$WORK/bad.out")' (want exit 2 and '$want')"
    fi
done <<'EOF'
--profile d2 --abstract nosuch|'--abstract nosuch': the spec has no such variable
--profile d2 --abstract answered|'--abstract answered': a machine's variable is named MACHINE.VAR (coordinator.answered)
--profile d2 --abstract workers|'--abstract workers': only a plant variable or a machine's variable (MACHINE.VAR) can be abstracted
--profile d2 --abstract nosuch.answered|'--abstract nosuch.answered': the spec has no such variable
--profile d2 --abstract worker.answered[1..]|'--abstract worker.answered[1..]': '[1..]' needs a plant array
--profile d2 --abstract left[2..]|'--abstract left[2..]': not NAME or NAME[1..]
--profile d2 --abstract skipped[1..]|'--abstract skipped[1..]': '[1..]' needs a plant array
--abstract left|needs '--profile NAME'
EOF

[ $fails = 0 ]
