#!/bin/bash
# mk/conformance.sh: the generated C against the model, profile by profile.
# Run by 'make conformance' (mk/conformance.mk); by hand:
#
#   mk/conformance.sh -g ISSU_GEN -r RELCHECK (-i ISSU | -x REPLAY) -w WORK
#                     [-p PROFILES] [-n RUNS] [-P PROOFDIR]... SPEC
#
# Any spec issu-gen --check accepts, with the relcheck and the replay tool
# built from its generated C.  Per profile, in WORK/PROFILE/:
#   relation      issu-gen --relation writes what the spec means by every
#                 (configuration, event, valuation) of every machine (of
#                 every instance of a machine array whose guards or actions
#                 read self); RELCHECK runs each section through a lone
#                 instance of the C and compares (tests/conformance/relcheck.c);
#   model -> C    RUNS runs of SPIN's random simulation (spin -DSIM, ten
#                 seeds, RUNS/10 runs each) become JSON traces (issu-gen
#                 --replays) that the replay tool runs through the C (every
#                 instance of the profile), which must take the same step at
#                 every machine line; so do the counterexample and witness
#                 traces of the proofs of this very model that this very
#                 generator wrote, if any (in
#                 WORK/../proofs-check/PROFILE, WORK/../proofs/PROFILE, and
#                 each PROOFDIR/PROFILE);
#   C -> model    with -i ISSU (the CLI of a platform that simulates SPEC):
#                 the CLI runs a simulated upgrade per option set and per
#                 event of the spec (--fault EVENT) with --trace; with
#                 -x REPLAY (a spec no platform simulates: the generic
#                 replay driver, tests/conformance/replay.c): the traces the
#                 C wrote while it replayed the model's random runs.
#                 issu-gen --check-trace accepts each trace only if every
#                 step is one the model allows.
# Prints a line per profile and direction with the figures; WORK/summary.txt
# keeps them.  Exit status: 0 all agree, 1 a difference, 2 bad usage.
set -u
GEN= ISSU= REPLAY= RELCHECK= WORK= PROFILES= RUNS=1000 PROOFDIRS= JOBS=2
usage() {
    echo "usage: $0 -g ISSU_GEN -r RELCHECK (-i ISSU | -x REPLAY) -w WORK [-p PROFILES] [-n RUNS] [-j JOBS] [-P PROOFDIR]... SPEC" >&2
    exit 2
}
while getopts g:i:x:r:w:p:n:j:P: o; do
    case $o in
    g) GEN=$OPTARG ;; i) ISSU=$OPTARG ;; x) REPLAY=$OPTARG ;; r) RELCHECK=$OPTARG ;; w) WORK=$OPTARG ;;
    p) PROFILES=$OPTARG ;; n) RUNS=$OPTARG ;; j) JOBS=$OPTARG ;; P) PROOFDIRS="$PROOFDIRS $OPTARG" ;; *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -n "$GEN" ] && [ -n "$RELCHECK" ] && [ -n "$WORK" ] || usage
{ [ -n "$ISSU" ] && [ -z "$REPLAY" ]; } || { [ -z "$ISSU" ] && [ -n "$REPLAY" ]; } || usage
case $RUNS in '' | *[!0-9]*) usage ;; esac
case $JOBS in '' | *[!0-9]* | 0) usage ;; esac
SPEC=$1
[ -r "$SPEC" ] || { echo "conformance: cannot read '$SPEC'" >&2; exit 2; }
command -v spin >/dev/null || { echo "conformance: 'spin' is not installed (make deps)" >&2; exit 2; }
SEEDS=10
PER_SEED=$(( (RUNS + SEEDS - 1) / SEEDS ))
[ -n "$PROFILES" ] || PROFILES=$("$GEN" --profiles "$SPEC") || exit 1
mkdir -p "$WORK"
: >"$WORK/summary.txt"
# Profiles are checked JOBS at a time; each one's lines go to its own
# WORK/PROFILE/lines.txt and are printed in the profiles' order at the end.
say() { printf 'conformance: %s\n' "$*" >>"$WORK/$P/lines.txt"; }

# The relation of profile $1, checked.
relation() {
    local p=$1 d=$WORK/$1
    "$GEN" --relation "$d/relation.tsv" --profile "$p" "$SPEC" || return 1
    # the events of the spec, one line each, for the fault scenarios
    awk -F'\t' '$1 == "R" && !seen[$3]++' "$d/relation.tsv" >"$d/events.txt"
    if "$RELCHECK" "$d/relation.tsv" >"$d/relcheck.out" 2>"$d/relcheck.err"; then
        say "$p relation: $(tail -1 "$d/relcheck.out" | sed 's/^relcheck: [^:]*: //')"
        # one line per section when there are several (machines, instances)
        [ "$(wc -l <"$d/relcheck.out")" -le 2 ] || sed -n '$!s/^relcheck: /  /p' "$d/relcheck.out" >>"$WORK/$P/lines.txt"
        rm -f "$d/relation.tsv"            # large, and made again in seconds
    else
        cat "$d/relcheck.err" >&2
        say "$p relation: FAIL (kept: $d/relation.tsv)"
        return 1
    fi
}

# SPIN's random runs of profile $1, replayed through the C.
model_to_c() {
    local p=$1 d=$WORK/$1/sim
    mkdir -p "$d" && rm -f "$d"/run-* "$d"/list
    "$GEN" --promela "$d/model.pml" --profile "$p" "$SPEC" || return 1
    local seed
    for seed in $(seq 1 $SEEDS); do
        local st=0
        (cd "$d" && spin -DSIM -DSIM_RUNS=$PER_SEED -n$seed model.pml >"sim-$seed.txt" 2>&1) || st=1
        if grep -q '^spin: .*Error' "$d/sim-$seed.txt"; then
            echo "conformance: a simulation of $p broke an assertion of the model: the spec fails its proofs (see $d/sim-$seed.txt)" >&2
            say "$p model -> C: FAIL"
            return 1
        fi
        [ $st = 0 ] || { echo "conformance: spin -DSIM failed (see $d/sim-$seed.txt)" >&2; say "$p model -> C: FAIL"; return 1; }
        # one replay file per run, each starting at its "@R k" line
        awk -v pre="$d/run-$seed-" '/^ *@R [0-9]+$/ { f = pre $2 ".txt"; print f >> "'"$d/list.runs"'" } f { print > f }' \
            "$d/sim-$seed.txt"
        rm -f "$d/sim-$seed.txt"
    done
    awk '{ t = $0; sub(/\.txt$/, ".jsonl", t); print $0, t }' "$d/list.runs" >"$d/list" && rm -f "$d/list.runs"
    local n; n=$(wc -l <"$d/list")
    "$GEN" --profile "$p" --model "$d/model.pml" --replays "$d/list" "$SPEC" || return 1
    local traces; traces=$(awk '{ print $2 }' "$d/list")
    # the traces of the proofs of this very model: make check's, else make
    # proofs' (a stale proof directory is left out)
    local proofs= pd
    for pd in "$(dirname "$WORK")"/proofs-check/"$p" "$(dirname "$WORK")"/proofs/"$p" $(for x in $PROOFDIRS; do echo "$x/$p"; done); do
        if cmp -s "$pd/model.pml" "$d/model.pml"; then
            # written by this very generator (an older one may write another schema)
            proofs=$(for t in "$pd"/*/*.trace.jsonl; do [ -f "$t" ] && [ "$t" -nt "$GEN" ] && echo "$t"; done)
            break
        fi
    done
    local steps; steps=$(cat $traces $proofs | grep -c '"trans":')
    local ok=1
    if [ -n "$ISSU" ]; then
        echo $traces $proofs | xargs "$ISSU" replay --quiet >"$d/replay.out" 2>"$d/replay.err" || ok=0
    else
        # the C's own traces of the random runs (run-*.c.jsonl), for C -> model
        echo $traces | xargs "$REPLAY" --quiet --c-traces >"$d/replay.out" 2>"$d/replay.err" || ok=0
        if [ -n "$proofs" ]; then
            echo $proofs | xargs "$REPLAY" --quiet >>"$d/replay.out" 2>>"$d/replay.err" || ok=0
        fi
    fi
    if [ $ok = 0 ]; then
        head -20 "$d/replay.err" >&2
        say "$p model -> C: FAIL"
        return 1
    fi
    say "$p model -> C: $n random runs and $(echo $proofs | wc -w) proof traces, $steps controller steps, replayed through the C: the same steps"
    rm -f "$d"/run-*.txt
}

# The traces the C wrote while replaying the model's runs of profile $1
# (model_to_c), checked against the model: for a spec no platform simulates.
c_traces_to_model() {
    local p=$1 d=$WORK/$1/sim
    # (a random run in which no machine moved leaves an empty trace: nothing
    # to check, and --check-trace refuses an empty file)
    local files; files=$(for f in "$d"/run-*.c.jsonl; do [ -s "$f" ] && echo "$f"; done)
    if [ -z "$files" ]; then
        say "$p C -> model: FAIL: no trace of the C (the replay of the model's runs failed?)"
        return 1
    fi
    local checks; checks=$(for f in $files; do printf -- '--check-trace %s ' "$f"; done)
    # shellcheck disable=SC2086
    if ! "$GEN" --profile "$p" $checks "$SPEC" >"$d/check.out" 2>"$d/check.err"; then
        head -20 "$d/check.err" >&2
        say "$p C -> model: FAIL"
        return 1
    fi
    local steps; steps=$(awk '{ s += $2 } END { print s + 0 }' "$d/check.out")
    say "$p C -> model: $(echo $files | wc -w) traces the C wrote while replaying the model's runs (no platform simulates this spec), $steps controller steps, each one the model allows"
}

# The C's traces of profile $1, checked against the model.
c_to_model() {
    local p=$1 d=$WORK/$1/cli
    mkdir -p "$d" && rm -f "$d"/*.jsonl
    local k=0 skipped=0 args
    # the request the model takes, the last column of `issu platforms`:
    # upgrade (unified ISSU) or reboot-in-service (ISSR), which refuses
    # unified ISSU's options (exit 2: not applicable) and has settings of
    # its own
    local sub; sub=$("$ISSU" platforms | awk -v p="$p" '$1 == p { print $NF }')
    [ -n "$sub" ] || { say "$p C -> model: FAIL: issu platforms does not list $p"; return 1; }
    {
        echo "--yes"
        echo "--yes --reboot"
        echo "--yes --no-old-master-upgrade"
        echo "--yes --reboot --no-old-master-upgrade"
        echo "--yes --unsupported-fpc 1"
        echo "--unsupported-fpc 1"
        echo "--yes --backup-running 23.2R1.5"
        echo "--yes --target 23.2R1.5"
        for c in no-gres no-nsr no-disk-space sdk-packages unsupported-config config-conflict \
            pfe-offline member-id-nonzero vc-mixed vc-multi-node bfd-interval-low no-nsr,gr-enabled \
            drop-all-tcp bad-signature; do
            echo "--yes --config $c"
        done
        [ "$sub" != reboot-in-service ] || echo "--yes --last-issr 60"
        awk -F'\t' '{ print "--yes --fault " $3; print "--yes --unsupported-fpc 1 --fault " $3 }' \
            "$WORK/$p/events.txt"
    } >"$d/scenarios"
    while IFS= read -r args; do
        k=$((k + 1))
        # shellcheck disable=SC2086
        "$ISSU" "$sub" --platform "$p" --quiet $args --trace "$d/run-$k.jsonl" </dev/null >/dev/null 2>"$d/run-$k.err"
        case $? in
        0 | 1) ;;
        2) skipped=$((skipped + 1)); rm -f "$d/run-$k.jsonl" ;;   # the CLI refuses this scenario here
        *) cat "$d/run-$k.err" >&2; say "$p C -> model: FAIL: 'issu $sub $args' broke a monitor or contract"; return 1 ;;
        esac
    done <"$d/scenarios"
    local files; files=$(ls "$d"/run-*.jsonl 2>/dev/null)
    [ -n "$files" ] || { say "$p C -> model: FAIL: no scenario applies to issu $sub --platform $p"; return 1; }
    local checks; checks=$(for f in $files; do printf -- '--check-trace %s ' "$f"; done)
    # shellcheck disable=SC2086
    if ! "$GEN" --profile "$p" $checks "$SPEC" >"$d/check.out" 2>"$d/check.err"; then
        cat "$d/check.err" >&2
        say "$p C -> model: FAIL"
        return 1
    fi
    local steps; steps=$(awk '{ s += $2 } END { print s + 0 }' "$d/check.out")
    say "$p C -> model: $(echo $files | wc -w) traces of simulated upgrades ($skipped scenarios not applicable), $steps controller steps, each one the model allows"
}

# model_key PROFILE: the hash of its model without the banner line, which
# names the profile (mk/proofs.sh does the same).  A profile whose model is
# an earlier one's has that one's relation and random runs: they are not
# repeated.
model_key() { "$GEN" --promela - --profile "$1" "$SPEC" | sed 1d | sha256sum | cut -d' ' -f1; }

# check PROFILE [REPRESENTATIVE]: every direction for one profile; a
# profile with the model of an earlier one (its representative) has that
# one's relation and random runs.
check() {
    P=$1
    local rep=${2:-} rc=0
    if [ -n "$rep" ]; then
        say "$P relation and model -> C: the model of $rep (all but the banner line): checked there"
        cp "$WORK/$rep/events.txt" "$WORK/$P/events.txt"
    else
        relation "$P" || rc=1
    fi
    if [ -n "$ISSU" ]; then
        [ -n "$rep" ] || model_to_c "$P" || rc=1
        c_to_model "$P" || rc=1
    else
        model_to_c "$P" || rc=1
        c_traces_to_model "$P" || rc=1
    fi
    return $rc
}

# run_all "PROFILE[=REP] ...": check each, JOBS at a time; 1 if any failed.
run_all() {
    local e running=0 st=0
    for e in $1; do
        if [ $running -ge "$JOBS" ]; then wait -n || st=1; running=$((running - 1)); fi
        case $e in *=*) check "${e%%=*}" "${e#*=}" & ;; *) check "$e" & ;; esac
        running=$((running + 1))
    done
    while [ $running -gt 0 ]; do wait -n || st=1; running=$((running - 1)); done
    return $st
}

rc=0 KEYS= FIRST= LATER=
for p in $PROFILES; do
    rm -rf "$WORK/$p/lines.txt" && mkdir -p "$WORK/$p"
    k=$(model_key "$p")
    rep=$(printf '%s\n' $KEYS | awk -v k="$k" -F= '$2 == k { print $1; exit }')
    if [ -n "$rep" ]; then LATER="$LATER $p=$rep"; else KEYS="$KEYS $p=$k"; FIRST="$FIRST $p"; fi
done
# the representatives first (the others copy their events)
run_all "$FIRST" || rc=1
run_all "$LATER" || rc=1
for p in $PROFILES; do
    cat "$WORK/$p/lines.txt" 2>/dev/null | tee -a "$WORK/summary.txt"
done
P=. && : >"$WORK/lines.txt"
[ $rc = 0 ] && say "the generated C and the model agree on every profile" || say "FAILED: see the lines above"
cat "$WORK/lines.txt" | tee -a "$WORK/summary.txt"
exit $rc
