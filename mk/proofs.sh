#!/bin/bash
# mk/proofs.sh: model-check a spec with SPIN, profile by profile, and write
# the proof record.  Run by 'make proofs' (see mk/proofs.mk); by hand:
#
#   mk/proofs.sh -g build/bin/issu-gen -w build/proofs [-r proofs] [-j 2]
#                [-p "mx240 mx480"] [-m MUTANT] [-c C_FILES] [-W BITS] [-H RECORD_JSON]
#                [-q] [-x] SPEC
#
# A profile may be given with smaller params, NAME:PARAM=V[,PARAM=V]...
# (mk/profargs.sh).
#
# -q prints only failures; -x stops a profile at its first failing search
# (a mutant always stops there).  -W BITS sizes pan's hash tables (2^BITS
# slots, 8 bytes each; default 26, liveness one more): a table too small
# for the state space only makes the search slower, never partial, and a
# table far too large for a small model costs most of its time in setting
# it up (the small systems of tests/specs/systems/ run with -W 18).
# -H RECORD_JSON (an earlier record of the same spec, e.g. the committed
# one) orders the work: the profiles whose searches took longest there
# start first, so that the last job to finish is a short one; and, without
# -W, sizes each profile's safety and liveness hash tables for the states
# its searches stored there (twice as many slots; 2^16 at least, 2^26 and
# 2^27 at most), and with or without -W their depth-first stacks for the
# depth they reached (eight times; a search that needs more runs again
# with the largest); a profile it lacks gets the largest of both.
#
# Per profile, in WORK/PROFILE/:
#   safety/    every invariant (also on-issue) and deadlock freedom, one
#              exhaustive search (-DSAFETY); pan's unreached-code report gives
#              the transition coverage.  A model with a symmetric machine
#              array (marked @SYM; gen/ir/symmetry.h) is searched with its
#              instances sorted after every step (spin -DSYMM: one state per
#              orbit), and then, unless that search stored more than
#              SYM_DIRECT_MAX states, again without (safety-direct/): both
#              verdicts must be the same;
#   liveness/  every LTL property in one acceptance-cycle search (the claim
#              ALL_LTL, their conjunction), first over every run (pan -a): if
#              that passes, the properties hold under any fairness, weak
#              fairness included; else again under weak fairness (pan -a -f);
#              if that fails too, each property alone under weak fairness, to
#              name the failing one with its scenario.  Then each vacuity
#              witness W_* (a claim violation is the witness that an
#              antecedent is reachable).
# Each counterexample or witness is replayed (spin -t) and turned into
# NAME.scenario.txt and NAME.trace.jsonl by issu-gen.  The results of a
# profile are lines of WORK/PROFILE/results.tsv; -r DIR writes the record
# DIR/record.md and DIR/record.json from them.
#
# Exit status: 0 every proof passed, 1 any failure, 2 bad usage.
set -u
. "$(dirname "$0")/profargs.sh"

GEN= WORK= RECORD= JOBS=2 PROFILES= MUTANT= CFILES= QUIET=0 FIRST=0 WBITS= HINT=
usage() { echo "usage: $0 -g GEN -w WORKDIR [-r RECORD_DIR] [-j JOBS] [-p PROFILES] [-m MUTANT] [-c C_FILES] [-W BITS] [-H RECORD_JSON] [-q] [-x] SPEC" >&2; exit 2; }
while getopts g:w:r:j:p:m:c:W:H:qx o; do
    case $o in
    g) GEN=$OPTARG ;; w) WORK=$OPTARG ;; r) RECORD=$OPTARG ;; j) JOBS=$OPTARG ;;
    p) PROFILES=$OPTARG ;; m) MUTANT=$OPTARG ;; c) CFILES=$OPTARG ;; q) QUIET=1 ;; x) FIRST=1 ;;
    W) WBITS=$OPTARG ;;
    H) HINT=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -n "$GEN" ] && [ -n "$WORK" ] || usage
SPEC=$1
[ -r "$SPEC" ] || { echo "proofs: cannot read '$SPEC'" >&2; exit 2; }
GEN=$(cd "$(dirname "$GEN")" && pwd)/$(basename "$GEN")
for t in spin cc sha256sum; do
    command -v $t >/dev/null || { echo "proofs: '$t' is not installed (make deps)" >&2; exit 2; }
done

# --- search settings (recorded in the proof record) -----------------------------
# A mutant's searches are many and mostly short: compile time matters more
# than speed, two run side by side (memory limit), and the hash tables are
# sized for mx240 (a larger space only makes the search slower, not partial).
# (-O0 compiles fastest; the liveness search of a mutant that survives
# safety is long enough to pay for -O1.)
# The safety search compiles at -O1: on mx960 that is 13 s to compile and 33 s
# to search, against 39 s and 22 s at -O2.  Since the liveness search has
# a pan of its own claim only (prove_liveness), it is short enough that -O1
# pays too: on mx480, 30 s to compile at -O2 for a 35 s search.  The witness
# searches stop at their first hit: a 2^22-slot table is set up faster.
OPT=-O2 MEM=16384 W=26 LIVE_OPT=-O1 SAFE_OPT=-O1
[ -n "$MUTANT" ] && OPT=-O0 MEM=10240 W=24 LIVE_OPT=-O1 SAFE_OPT=
WW=22
if [ -n "$WBITS" ]; then
    case $WBITS in [1-9]|[1-2][0-9]|3[0-2]) W=$WBITS WW=$WBITS ;; *) echo "proofs: -W takes 1..32 bits" >&2; exit 2 ;; esac
fi
# With a hint record (-H), a profile's safety and liveness searches are
# sized from its searches there: the hash table (without -W) for twice the
# states they stored, the stack for eight times their depth (wbits, sized).
SIZED=0
[ -n "$HINT" ] && [ -r "$HINT" ] && SIZED=1 HINT=$(cd "$(dirname "$HINT")" && pwd)/$(basename "$HINT")
CC_FLAGS="$OPT -w -DNOREDUCE -DMEMLIM=$MEM"   # POR is off: with only global data it prunes
                                              # nothing here, and coverage stays exact
SAFETY_CC="$CC_FLAGS $SAFE_OPT -DSAFETY -DNOCLAIM"
SAFETY_RUN="-m2000000 -w$W"
LIVE_RUN="-a -m2000000 -w$((W + 1))"          # every run: a stronger result than under fairness
FAIR_RUN="-a -f -m2000000 -w$((W + 1))"       # weak fairness, if some property needs it
WITNESS_RUN="-m2000000 -w$WW"
WITNESS_CC="-O0 -w -DNOREDUCE -DMEMLIM=$MEM"  # the pan of the witnesses (and of a failing property alone)

SYM_DIRECT_MAX=${SYM_DIRECT_MAX:-1000000}     # above it, the direct search (up to N! times larger) is not run

say() { [ $QUIET = 1 ] || printf 'proofs: %s\n' "$*"; }

# hint_most KIND FIELD: the largest FIELD (states_stored, depth) of profile
# P's searches of KIND (safety, acceptance) in the hint record, or 0.
hint_most() {
    [ $SIZED = 1 ] || { echo 0; return; }
    awk -v p="$P" -v k="$1" -v f="$2" '
        index($0, "\"profile\": \"" p "\",") && $0 ~ ("\"mode\": \"[^\"]*" k) {
            s = $0; sub(".*\"" f "\": ", "", s); sub(/[,}].*/, "", s)
            if (s + 0 > most) most = s + 0
        }
        END { print most + 0 }' "$HINT"
}

# wbits KIND MAX: the hash-table bits of profile P's search of KIND: log2
# of twice the states the hint record's search of that kind stored,
# rounded up, from 16 to MAX; MAX under -W or without a hint.  A table too
# small for the states only makes the search slower, never partial; one
# far too large costs the time and memory of setting it up (512 MB at
# 2^26, for a spec of three states).
wbits() {
    local max=$2 n b=16
    [ -z "$WBITS" ] && n=$(hint_most "$1" states_stored) && [ "$n" -gt 0 ] || { echo "$max"; return; }
    while [ $b -lt "$max" ] && [ $((1 << b)) -lt $((2 * n)) ]; do b=$((b + 1)); done
    echo "$b"
}

# sized RUNFLAGS KIND MAX: RUNFLAGS with its -w sized for profile P (wbits)
# and its -m (the depth-first stack) for 8 times the depth the hint's
# search reached, 100,000 at least; run_pan searches again with the
# largest stack if that is not enough.
sized() {
    local m=2000000 d; d=$(hint_most "$2" depth)
    [ "$d" -gt 0 ] && m=$((8 * d)) && [ $m -lt 100000 ] && m=100000
    [ $m -gt 2000000 ] && m=2000000
    echo "$1" | sed "s/-w[0-9]*/-w$(wbits "$2" "$3")/; s/-m[0-9]*/-m$m/"
}

# run_pan DIR OUT FLAGS...: ./pan FLAGS in DIR, its output in DIR/OUT; once
# more with the largest stack (-m2000000) if the search went deeper than
# its stack (a sized one, see sized).
run_pan() {
    local d=$1 out=$2; shift 2
    (cd "$d" && ./pan "$@" >"$out" 2>&1)
    if grep -q 'max search depth too small' "$d/$out" && ! printf '%s\n' "$@" | grep -qx -- -m2000000; then
        rm -f "$d"/*.trail
        (cd "$d" && ./pan $(printf '%s\n' "$@" | sed 's/^-m[0-9]*$/-m2000000/') >"$out" 2>&1)
    fi
}

# pan_field FILE: "stored matched transitions depth memMB time errors complete"
pan_fields() {
    awk '
        /states, stored/ { stored = $1 }
        /states, matched/ { matched = $1 }
        /transitions \(= / { trans = $1 }
        /depth reached/ { for (i = 1; i <= NF; i++) if ($i == "reached") { d = $(i+1); sub(",", "", d) } 
                          for (i = 1; i <= NF; i++) if ($i == "errors:") err = $(i+1) }
        /total actual memory usage/ { mem = $1 }
        /elapsed time/ { t = $(NF-1) }
        /max search depth too small|Search not completed|out of memory|aborted|MEMLIM/ { inc = 1 }
        END { printf "%s %s %s %s %s %s %s %s\n", stored+0, matched+0, trans+0, d+0, mem+0, t+0, err+0, inc ? "no" : "yes" }' "$1"
}

# replay DIR TRAIL NAME TITLE: scenario and trace of a trail
replay() {
    local dir=$1 trail=$2 name=$3 title=$4
    # the liveness model was built with -DNOINV: replay the same model
    local flags=; case $dir in */liveness) flags=-DNOINV ;; */safety) flags=$(symm "$dir") ;; esac
    (cd "$dir" && spin $flags -t -k "$trail" model.pml >"$name.replay.txt" 2>&1)
    [ -n "$MUTANT" ] && [ $QUIET = 1 ] && return   # a mutant run (proofs-mutants) needs only the replay
    "$GEN" ${MUTANT:+--mutant $MUTANT} $(profargs "$P") --replay "$dir/$name.replay.txt" \
        --model "$dir/model.pml" --title "$title" \
        --scenario "$dir/$name.scenario.txt" --trace "$dir/$name.trace.jsonl" "$SPEC" \
        >/dev/null 2>"$dir/$name.replay.err" || true
}

# result KIND ID VERDICT MODE FIELDS... EXTRA: one line of results.tsv
result() { printf '%s\n' "$*" | tr ' ' '\t' | sed 's/\t\t*$//' >>"$R"; }

# symm DIR: -DSYMM if DIR's model reduces a symmetric machine array.
symm() { grep -q '/\* @SYM ' "$1/model.pml" && echo -DSYMM; }

# search_safety DIR SPINFLAGS: build and run the safety search in DIR; its
# verdict ("PASS" or "FAIL KIND ID") in DIR/verdict, pan's figures in DIR/fields.
search_safety() {
    local d=$1 flags=$2
    mkdir -p "$d" && cp "$PD/model.pml" "$d/"
    (cd "$d" && spin $flags -a model.pml >spin.log 2>&1 && cc $SAFETY_CC -o pan pan.c >cc.log 2>&1) ||
        { echo "FAIL BUILD spin -a or cc" >"$d/verdict"; echo "0 0 0 0 0 0 1 no" >"$d/fields"; return 1; }
    local run=$SAFETY_RUN                              # the direct search of a symmetric
    [ "$d" = "$PD/safety" ] && run=$(sized "$SAFETY_RUN" safety "$W")   # model: no record of its states
    run_pan "$d" pan.out $run
    pan_fields "$d/pan.out" >"$d/fields"
    set -- $(cat "$d/fields")
    local err=$7 complete=$8 failed="" v=PASS
    if [ "$err" != 0 ] && ls "$d"/*.trail >/dev/null 2>&1; then
        replay "$d" model.pml.trail counterexample "counterexample"
        local line; line=$(sed -n 's/^spin: .*model.pml:\([0-9]*\), Error: assertion violated.*/\1/p' "$d/counterexample.replay.txt" | head -1)
        failed=$(sed -n "${line:-0}p" "$d/model.pml" | sed -n 's/.*\/\* @A \([A-Z]*\) *\([^ ]*\).*\*\/.*/\1 \2/p')
        [ -n "$failed" ] || failed="ASSERT ?"
        v=FAIL
    elif [ "$err" != 0 ] || [ "$complete" != yes ]; then
        v=FAIL; failed="INCOMPLETE search"
    fi
    echo "$v${failed:+ $failed}" >"$d/verdict"
}

# The safety search: invariants, on-issue invariants, deadlock; coverage.
prove_safety() {
    local d=$PD/safety sym mode=exhaustive,safety
    sym=$(grep -q '/\* @SYM ' "$PD/model.pml" && echo -DSYMM)
    [ -n "$sym" ] && mode=symmetry,safety
    say "$P safety: every invariant and deadlock freedom, exhaustive search${sym:+ (symmetry reduced)} ..."
    search_safety "$d" "$sym"
    set -- $(cat "$d/fields")
    local stored=$1 matched=$2 trans=$3 depth=$4 mem=$5 t=$6 v failed
    read -r v failed <"$d/verdict"
    [ "$v" = FAIL ] && [ "${failed%% *}" = BUILD ] && { say "$P safety: FAIL: spin -a or cc failed (see $d)"; return 1; }
    # every invariant of the profile gets the verdict of the one search
    local fkind=${failed%% *} fid=${failed#* }
    grep -o '/\* @P [^ ]* \(invariant\|on-issue\) ' "$d/model.pml" | awk '{print $3}' | while read -r id; do
        local pv=PASS
        if [ $v = FAIL ]; then
            if [ "$fkind" = INV ] && [ "$fid" = "$id" ]; then pv=FAIL; else pv=UNDECIDED; fi
        fi
        result prop "$id" "$pv" "$mode" "$stored" "$matched" "$trans" "$depth" "$mem" "$t"
    done
    local dv=PASS
    [ $v = FAIL ] && { [ "$fkind" = INV ] && dv=UNDECIDED || dv=FAIL; }
    result prop DEADLOCK "$dv" "$mode" "$stored" "$matched" "$trans" "$depth" "$mem" "$t" "${failed}"
    [ -n "$sym" ] && symmetry_direct "$stored" "$v${failed:+ $failed}"
    if [ $v = PASS ]; then
        coverage "$d"
    else                               # pan stopped at the error: no unreached-code report
        result coverage transitions UNDECIDED exhaustive 0 0 0
        say "$P coverage: not measured (the search stopped at the violation)"
    fi
    say "$P safety: $v${failed:+ ($failed)}: $stored states, $matched matched, depth $depth, ${mem} MB, ${t} s"
    [ $v = PASS ] && ! grep -q '^method	symmetry	FAIL' "$R"
}

# symmetry_direct REDUCED_STATES REDUCED_VERDICT: the same search without the
# reduction; the line "method symmetry VERDICT reduced-vs-direct
# REDUCED_STATES DIRECT_STATES MACHINES": PASS when both verdicts are the
# same, NOT_RUN above SYM_DIRECT_MAX.
symmetry_direct() {
    local machines; machines=$(sed -n 's/.*\/\* @SYM \([^ ]*\) \*\/.*/\1/p' "$PD/model.pml" | tr '\n' ',' | sed 's/,$//')
    if [ "$1" -gt "$SYM_DIRECT_MAX" ]; then
        result method symmetry NOT_RUN reduced-vs-direct "$1" 0 "$machines"
        say "$P symmetry: the direct search is not run (the reduced one stored $1 states)"
        return 0
    fi
    search_safety "$PD/safety-direct" ""
    local direct; direct=$(cat "$PD/safety-direct/verdict")
    local ds; ds=$(cut -d' ' -f1 "$PD/safety-direct/fields")
    if [ "$direct" = "$2" ]; then
        result method symmetry PASS reduced-vs-direct "$1" "$ds" "$machines"
        say "$P symmetry ($machines): the direct search agrees ($direct): $ds states, reduced $1"
    else
        result method symmetry FAIL reduced-vs-direct "$1" "$ds" "$machines"
        say "$P symmetry ($machines): FAIL: reduced '$2', direct '$direct'"
    fi
}

# Transition coverage from pan's unreached-code report: a transition whose
# d_step never ran did not fire; one marked dead must not fire.
coverage() {
    local d=$1 lines
    lines=$(sed -n 's/^\s*model.pml:\([0-9]*\), state [0-9]*, "D_STEP.*/\1/p' "$d/pan.out" | sort -u)
    awk -v unreached="$lines" -v spec="$SPEC" '
        BEGIN { n = split(unreached, u, "\n"); for (i = 1; i <= n; i++) un[u[i]] = 1 }
        match($0, /\/\* @T [^ ]+ [0-9]+ [0-9]+ [^ ]+( dead)? \*\//) {
            split(substr($0, RSTART + 6, RLENGTH - 9), f, " ")
            key = f[1] " " f[2]; loc[key] = f[4]; dead[key] = (f[5] == "dead")
            if (!(NR in un)) fired[key] = 1
        }
        END {
            for (k in loc) {
                total++
                if (dead[k]) { deadn++; if (k in fired) printf "FIRES_DEAD %s %s\n", k, loc[k]; continue }
                if (k in fired) ok++; else printf "NEVER %s %s\n", k, loc[k]
            }
            printf "COVERAGE %d %d %d\n", ok, total - deadn, deadn
        }' "$d/model.pml" >"$d/coverage.txt"
    set -- $(grep '^COVERAGE' "$d/coverage.txt")
    local bad; bad=$(grep -c -v '^COVERAGE' "$d/coverage.txt")
    result coverage transitions "$([ "$bad" = 0 ] && echo PASS || echo FAIL)" exhaustive "$2" "$3" "$4"
    grep -v '^COVERAGE' "$d/coverage.txt" | while read -r what m k loc; do
        if [ "$what" = NEVER ]; then say "$P coverage: FAIL: transition $m#$k at $loc never fires"
        else say "$P coverage: FAIL: transition $m#$k at $loc is marked dead but fires"; fi
    done
    say "$P coverage: $2 of $3 transitions fire, $4 marked dead"
}

# The liveness search and the vacuity witnesses.
prove_liveness() {
    local d=$PD/liveness ok=0
    mkdir -p "$d" && cp "$PD/model.pml" "$d/"
    # Every claim (each property alone, each vacuity witness) in one pan:
    # its searches are short (a witness stops at the first run that reaches
    # its antecedent) or a failure's diagnosis, so outside a mutant run it is
    # compiled for speed of compiling (WITNESS_CC).
    (cd "$d" && spin -DNOINV -a model.pml >spin.log 2>&1 \
        && cc $([ -n "$MUTANT" ] && echo "$CC_FLAGS $LIVE_OPT" || echo "$WITNESS_CC") -o pan pan.c >cc.log 2>&1) ||
        { say "$P liveness: FAIL: spin -a or cc failed (see $d)"; return 1; }
    local ltls; ltls=$(grep -o '/\* @P [^ ]* ltl ' "$d/model.pml" | awk '{print $3}')
    if [ -n "$ltls" ] && [ -n "$MUTANT" ]; then
        # A mutant: the conjunction over every run; if a run violates it,
        # the first property that fails under weak fairness kills the mutant
        # and names itself.  (If each one holds under weak fairness, so does
        # the conjunction: the mutant survives.)
        rm -f "$d"/*.trail
        (cd "$d" && ./pan $LIVE_RUN -N ALL_LTL >all-all-runs.out 2>&1)
        set -- $(pan_fields "$d/all-all-runs.out")
        if [ "$7" != 0 ] || [ "$8" != yes ]; then
            for id in $ltls; do prove_one_ltl "$d" "$id" || return 1; done
        fi
    elif [ -n "$ltls" ]; then
        say "$P liveness: $(echo $ltls | tr ' ' ','): acceptance cycles over every run ..."
        # The conjunction is searched by a pan that holds no other claim:
        # each claim compiled in adds its state to every state vector (the
        # 27 witness claims of mx960 took 40 of its 140 bytes).
        local a=$d/all mode
        mkdir -p "$a" && grep -v '^ltl ' "$d/model.pml" >"$a/model.pml" && grep '^ltl ALL_LTL ' "$d/model.pml" >>"$a/model.pml"
        (cd "$a" && spin -DNOINV -a model.pml >spin.log 2>&1 && cc $CC_FLAGS $LIVE_OPT -o pan pan.c >cc.log 2>&1) ||
            { say "$P liveness: FAIL: spin -a or cc failed (see $a)"; return 1; }
        for mode in all-runs weak-fairness; do
            rm -f "$a"/*.trail
            local run; run=$(sized "$([ $mode = all-runs ] && echo "$LIVE_RUN" || echo "$FAIR_RUN")" acceptance $((W + 1)))
            run_pan "$a" "../all-$mode.out" $run -N ALL_LTL
            set -- $(pan_fields "$d/all-$mode.out")
            [ "$7" = 0 ] && [ "$8" = yes ] && break
            mode=
            say "$P liveness: a run violates the conjunction; again under weak fairness ..."
        done
        if [ -n "$mode" ]; then
            for id in $ltls; do
                result prop "$id" PASS "exhaustive,acceptance,$mode,conjunction" "$1" "$2" "$3" "$4" "$5" "$6"
            done
            say "$P liveness: PASS ($mode): $1 states, $2 matched, depth $4, $5 MB, $6 s"
        else
            ok=1
            for id in $ltls; do prove_one_ltl "$d" "$id" || true; done
        fi
    fi
    witnesses "$d" || ok=1
    return $ok
}

prove_one_ltl() {
    local d=$1 id=$2
    rm -f "$d"/*.trail
    (cd "$d" && ./pan $FAIR_RUN -N "$id" >"$id.out" 2>&1)
    set -- $(pan_fields "$d/$id.out")
    local v=PASS mode=exhaustive
    if [ "$7" != 0 ] || [ "$8" != yes ]; then
        v=FAIL
        [ "$7" = 0 ] && mode=incomplete
        ls "$d"/*.trail >/dev/null 2>&1 && replay "$d" model.pml.trail "$id" "$id violated"
    fi
    result prop "$id" "$v" "$mode,acceptance,weak-fairness" "$1" "$2" "$3" "$4" "$5" "$6"
    say "$P liveness $id: $v: $1 states, depth $4, $6 s$([ $v = FAIL ] && echo " (scenario: $d/$id.scenario.txt)")"
    [ $v = PASS ]
}

# W_ID_k: a claim "[] !antecedent"; its violation is the witness.  Each
# witness trail is replayed by SPIN at once (the next search overwrites it);
# their scenarios and traces are then written by one run of issu-gen
# (--replays), not one per witness: the generator's front end is most of
# the time of a replay.
witnesses() {
    local d=$1 bad=0 list=$1/witnesses.list
    : >"$list"
    for w in $(grep -o '^ltl W_[A-Za-z0-9_]* ' "$d/model.pml" | awk '{print $2}'); do
        rm -f "$d"/*.trail
        (cd "$d" && ./pan $WITNESS_RUN -N "$w" >"$w.out" 2>&1)
        set -- $(pan_fields "$d/$w.out")
        local depth; depth=$(sed -n 's/.*(at depth \([0-9]*\)).*/\1/p' "$d/$w.out" | head -1)
        local id=${w#W_}; id=${id%_*}
        if [ "$7" != 0 ]; then
            if ls "$d"/*.trail >/dev/null 2>&1; then
                (cd "$d" && spin -DNOINV -t -k model.pml.trail model.pml >"$w.replay.txt" 2>&1)
                printf '%s %s %s %s\n' "$d/$w.replay.txt" "$d/$w.trace.jsonl" "$d/$w.scenario.txt" \
                    "witness: the antecedent of $id is reachable" >>"$list"
            fi
            result witness "$w" FOUND "claim" "$1" "$2" "$3" "${depth:-$4}" "$5" "$6" "$id"
        else
            bad=1
            result witness "$w" VACUOUS "exhaustive,claim" "$1" "$2" "$3" "$4" "$5" "$6" "$id"
            say "$P vacuity: FAIL: the antecedent of $id ($w) is never reachable: the property holds vacuously"
        fi
    done
    if [ -s "$list" ] && ! { [ -n "$MUTANT" ] && [ $QUIET = 1 ]; }; then
        "$GEN" ${MUTANT:+--mutant $MUTANT} $(profargs "$P") --model "$d/model.pml" --replays "$list" "$SPEC" \
            >/dev/null 2>"$d/witnesses.err" ||
            say "$P vacuity: the witnesses' scenarios were not written (see $d/witnesses.err)"
    fi
    say "$P vacuity: $(grep -c '^witness.*FOUND' "$R") witnesses found, $(grep -c '^witness.*VACUOUS' "$R") vacuous"
    return $bad
}

# gen_model PROFILE: a fresh WORK/PROFILE/ with the profile's model, or 1
# with the generator's error recorded.
gen_model() {
    P=$1 PD=$WORK/$1 R=$WORK/$1/results.tsv
    rm -rf "$PD" && mkdir -p "$PD" && : >"$R"
    "$GEN" ${MUTANT:+--mutant $MUTANT} --promela "$PD/model.pml" $(profargs "$P") "$SPEC" 2>"$PD/gen.err" && return 0
    say "$P: FAIL: issu-gen rejects the spec: $(head -1 "$PD/gen.err")"
    result gen issu-gen FAIL static "$(head -1 "$PD/gen.err")"
    return 1
}

# model_key PROFILE: the hash of the profile's model without its banner
# (line 1, which names the profile): two profiles with the same key have
# the same model, so one search decides both.
model_key() { sed 1d "$WORK/$1/model.pml" | sha256sum | cut -d' ' -f1; }

# same_as PROFILE REPRESENTATIVE: the results of the representative's
# searches, which are the searches of this profile's model too.
same_as() {
    local d=$WORK/$1 r=$WORK/$2
    cp "$r/results.tsv" "$d/results.tsv"
    mkdir -p "$d/safety" && cp "$r/safety/coverage.txt" "$d/safety/" 2>/dev/null
    echo "$2" >"$d/same-model-as"
    say "$1: the same model as $2 (all but the banner line): $2's searches decide it"
}

prove_profile() {
    P=$1 PD=$WORK/$1 R=$WORK/$1/results.tsv
    local rc=0
    prove_safety || rc=1
    if [ -z "$MUTANT" ] && [ $FIRST = 0 ] || [ $rc = 0 ]; then prove_liveness || rc=1; fi
    [ $rc = 0 ] && say "$P: PASS" || say "$P: FAIL (details under $PD)"
    return $rc
}

# --- main -----------------------------------------------------------------------
mkdir -p "$WORK"
[ -n "$PROFILES" ] || PROFILES=$("$GEN" --profiles "$SPEC") || exit 1
ORDER=$PROFILES
rc=0 running=0
# Generate every model first; a profile whose model equals an earlier
# profile's (DECISION D25: the t family) is searched once.
REPS= SAME=
for p in $ORDER; do
    gen_model "$p" || { rc=1; continue; }
    k=$(model_key "$p")
    r=$(printf '%s\n' $REPS | awk -v k="$k" -F@ '$2 == k { print $1; exit }')
    if [ -n "$r" ]; then SAME="$SAME $p@$r"; else REPS="$REPS $p@$k"; fi
done
# The longest profiles first, so that the last job to finish is a short
# one: by the search times of the hint record (-H), a profile it lacks
# counting as the longest; without a hint, the profiles declared last
# first (a family's largest chassis comes last).
reps() { for e in $REPS; do echo "${e%%@*}"; done; }
if [ -n "$HINT" ] && [ -r "$HINT" ]; then
    PROFILES=$(reps | awk -v hint="$HINT" '
        BEGIN {
            while ((getline line < hint) > 0) {
                if (line !~ /"time_s"/ || line !~ /"mode"/) continue
                p = line; sub(/.*"profile": "/, "", p); sub(/".*/, "", p)
                m = line; sub(/.*"mode": "/, "", m); sub(/".*/, "", m)
                t = line; sub(/.*"time_s": /, "", t); sub(/[,}].*/, "", t)
                if (!((p, m) in seen)) { seen[p, m] = 1; cost[p] += t }
            }
        }
        { print ($1 in cost ? cost[$1] : 1e9), NR, $1 }' | sort -k1,1gr -k2,2n | cut -d' ' -f3)
else
    PROFILES=$(reps | tac)
fi
for p in $PROFILES; do
    if [ "$running" -ge "$JOBS" ]; then
        wait -n || rc=1
        running=$((running - 1))
    fi
    prove_profile "$p" &
    running=$((running + 1))
done
while [ "$running" -gt 0 ]; do wait -n || rc=1; running=$((running - 1)); done
for e in $SAME; do same_as "${e%%@*}" "${e#*@}"; done

if [ -n "$RECORD" ]; then
    mkdir -p "$RECORD"
    how=
    if [ $SIZED = 1 ]; then
        how="-w for twice its states, -m for eight times its depth"
        [ -n "$WBITS" ] && how="-m for eight times its depth"
        how=" at most; per profile, from its search in the last record: $how"
    fi
    sh "$(dirname "$0")/proofs-record.sh" "$GEN" "$SPEC" "$WORK" "$RECORD" "$CFILES" \
        "$CC_FLAGS" "$SAFETY_CC" "$SAFETY_RUN$how" "$LIVE_RUN$how" "$FAIR_RUN" "$WITNESS_RUN" $ORDER || rc=1
    say "record: $RECORD/record.md, $RECORD/record.json"
fi
[ $rc = 0 ] && say "all proofs passed" || say "FAILED: see the lines above"
exit $rc
