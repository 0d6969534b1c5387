#!/bin/sh
# mk/proofs-record.sh GEN SPEC WORK RECORD_DIR "C_FILES" CC SAFETY_CC SAFETY_RUN
#                     LIVE_RUN FAIR_RUN WITNESS_RUN PROFILE...
# Write RECORD_DIR/record.json and RECORD_DIR/record.md from the results of
# mk/proofs.sh (WORK/PROFILE/results.tsv and WORK/PROFILE/model.pml).
# record.json holds one property per line, so that the verdicts and hashes
# can be compared with grep (mk/proofs.mk, 'make check').
set -eu
GEN=$1 SPEC=$2 WORK=$3 OUT=$4 CFILES=$5 CCF=$6 SCC=$7 SRUN=$8 LRUN=$9
shift 9
FRUN=$1 WRUN=$2
shift 2

sha() { sha256sum "$1" | cut -d' ' -f1; }
# verdict_of RESULTS: PASS unless some search failed, was vacuous or undecided
verdict_of() {
    awk -F'\t' '$3 == "FAIL" || $3 == "VACUOUS" || $3 == "UNDECIDED" { bad = 1 } END { print bad ? "FAIL" : "PASS" }' "$1"
}
# The awk prelude that reads the property list ("@P ID KIND FILE:LINE
# sentence") of the model named by the awk variable 'model'.
PROPS_AWK='
    BEGIN {
        while ((getline line < model) > 0)
            if (match(line, /^\/\* @P [^ ]+ [^ ]+ [^ ]+ /)) {
                split(substr(line, 7), f, " ")
                kind[f[1]] = f[2]; at[f[1]] = f[3]
                t = substr(line, RLENGTH + 1); sub(/ \*\/$/, "", t); text[f[1]] = t
            }
        kind["DEADLOCK"] = "deadlock"
        text["DEADLOCK"] = "no reachable state where nothing can move, except every machine final and idle"
    }'

jstr() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

spin_v=$(spin -V 2>&1 | sed -n 1p)
cc_v=$(cc --version 2>&1 | sed -n 1p)
gen_v=$("$GEN" --version)
# The spec's hash covers every file of it (the main file and its includes,
# in issu-gen --sources order); each file's own hash is listed too.
SOURCES=$("$GEN" --sources "$SPEC")
spec_sha=$(for f in $SOURCES; do cat "$f"; done | sha256sum | cut -d' ' -f1)
tmp=$OUT/record.json.tmp.$$
tmd=$OUT/record.md.tmp.$$
trap 'rm -f "$tmp" "$tmd"' EXIT

# --- JSON ---------------------------------------------------------------------------
{
    printf '{\n  "record": "SPIN proof record of %s",\n' "$(jstr "$SPEC")"
    printf '  "spec": "%s",\n  "spec_sha256": "%s",\n' "$(jstr "$SPEC")" "$spec_sha"
    printf '  "spec_files": ['
    sep=
    for f in $SOURCES; do
        printf '%s\n    {"file": "%s", "sha256": "%s"}' "$sep" "$(jstr "$f")" "$(sha "$f")"
        sep=,
    done
    printf '\n  ],\n'

    printf '  "generator": "%s",\n  "spin": "%s",\n  "cc": "%s",\n' \
        "$(jstr "$gen_v")" "$(jstr "$spin_v")" "$(jstr "$cc_v")"
    printf '  "flags": {"pan_cc": "%s", "safety_cc": "%s", "safety_run": "%s", "liveness_run": "%s", "fairness_run": "%s", "witness_run": "%s"},\n' \
        "$CCF" "$SCC" "$SRUN" "$LRUN" "$FRUN" "$WRUN"
    printf '  "generated_c": ['
    sep=
    for f in $CFILES; do
        [ -f "$f" ] || continue
        printf '%s\n    {"file": "%s", "sha256": "%s"}' "$sep" "$(basename "$f")" "$(sha "$f")"
        sep=,
    done
    printf '\n  ],\n  "profiles": ['
    sep=
    for p in "$@"; do
        r=$WORK/$p/results.tsv
        m=$WORK/$p/model.pml
        msha=$([ -f "$m" ] && sha "$m" || echo none)
        v=$(verdict_of "$r")
        cov=$(awk -F'\t' '$1 == "coverage" { printf "{\"fired\": %d, \"total\": %d, \"dead\": %d, \"verdict\": \"%s\"}", $5, $6, $7, $3 }' "$r")
        same=; [ -f "$WORK/$p/same-model-as" ] && same=$(cat "$WORK/$p/same-model-as")
        sym=$(awk -F'\t' '$1 == "method" && $2 == "symmetry" { printf ", \"symmetry\": {\"machines\": \"%s\", \"reduced_states\": %d, \"direct_states\": %d, \"verdict\": \"%s\"}", $7, $5, $6, $3 }' "$r")
        printf '%s\n    {"profile": "%s", "verdict": "%s", "model_sha256": "%s", "coverage": %s, "searched_as": "%s"%s}' \
            "$sep" "$p" "$v" "$msha" "${cov:-null}" "${same:-$p}" "$sym"
        sep=,
    done
    printf '\n  ],\n  "properties": ['
    sep=
    for p in "$@"; do
        awk -F'\t' -v p="$p" -v sep="$sep" -v model="$WORK/$p/model.pml" '
            function js(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
'"$PROPS_AWK"'
            $1 == "witness" { w[$11] = w[$11] (w[$11] ? ", " : "") $2 ($3 == "FOUND" ? " at depth " $8 : " VACUOUS") }
            $1 == "prop" { n++; id[n] = $2; v[n] = $3; mode[n] = $4; st[n] = $5; ma[n] = $6; tr[n] = $7; de[n] = $8; me[n] = $9; ti[n] = $10 }
            END {
                for (i = 1; i <= n; i++) {
                    k = id[i]
                    printf "%s\n    {\"profile\": \"%s\", \"id\": \"%s\", \"verdict\": \"%s\", \"kind\": \"%s\", \"mode\": \"%s\", \"states_stored\": %d, \"states_matched\": %d, \"transitions\": %d, \"depth\": %d, \"memory_mb\": %s, \"time_s\": %s, \"witness\": \"%s\", \"at\": \"%s\", \"sentence\": \"%s\"}",
                        (i == 1 ? sep : ","), p, k, v[i], kind[k], mode[i], st[i], ma[i], tr[i], de[i], me[i] + 0, ti[i] + 0,
                        (k in w) ? w[k] : "none needed (no antecedent)", at[k], js(text[k])
                }
            }' "$WORK/$p/results.tsv"
        sep=,
    done
    printf '\n  ]\n}\n'
} >"$tmp"

# --- Markdown -------------------------------------------------------------------------
{
    printf '# Proof record: `%s`\n\n' "$SPEC"
    printf 'Written by `make proofs` (mk/proofs.sh); do not edit. Times and memory vary from run to run;\n'
    printf 'the verdicts and the hashes do not, and `make check` compares them with a fresh run of every profile\n'
    printf 'whose searches here stored at most `CHECK_PROOF_MAX_STATES` states (mk/proofs.mk); for a larger profile it\n'
    printf 'checks that its model is byte for byte the one these searches decided (its SHA-256), and `make proofs`\n'
    printf 'runs its searches again.\n\n'
    printf '| item | value |\n|---|---|\n'
    printf '| spec SHA-256 (all its files, in order) | `%s` |\n| generator | %s |\n| SPIN | %s |\n| C compiler | %s |\n' \
        "$spec_sha" "$gen_v" "$spin_v" "$cc_v"
    for f in $SOURCES; do printf '| spec file `%s` SHA-256 | `%s` |\n' "$f" "$(sha "$f")"; done
    printf '| pan compile flags | safety `%s`; liveness `%s` |\n' "$SCC" "$CCF"
    printf '| pan run flags | safety `%s`; liveness `%s`, else `%s`; witnesses `%s` |\n' "$SRUN" "$LRUN" "$FRUN" "$WRUN"
    for f in $CFILES; do [ -f "$f" ] && printf '| generated C `%s` SHA-256 | `%s` |\n' "$(basename "$f")" "$(sha "$f")"; done
    printf '\n## How to read it\n\n'
    printf -- '- **exhaustive,safety**: one full search of the state space (no bitstate, no hash compaction) in which every\n'
    printf '  invariant is asserted after every atomic step and every on-issue invariant when its command is issued;\n'
    printf '  DEADLOCK is the check that every state where nothing can move has every machine final with an empty queue,\n'
    printf '  and (WAIT) that whenever some machine is outside a final state, some machine has an event queued or a\n'
    printf '  command in flight (a machine may wait for another machine that works, never for the world alone).\n'
    printf -- '- **acceptance,all-runs,conjunction**: one acceptance-cycle search for the conjunction of all LTL properties\n'
    printf '  over every run, by a pan that holds that claim alone. That is stronger than the same search under weak\n'
    printf '  fairness: a property that holds on every run holds on the fair ones. If it failed, the search is repeated\n'
    printf '  under weak fairness (`pan -f`), and then each property alone, to name the one that fails.\n'
    if cat "$WORK"/*/results.tsv 2>/dev/null | grep -q 'symmetry,safety'; then
        printf -- '- **symmetry,safety**: the same search on a model whose symmetric machine arrays (`machine M[N] symmetric`,\n'
        printf '  whose instances `issu-gen` checked nothing in the spec tells apart: gen/ir/symmetry.h) have their instances\n'
        printf '  sorted into one canonical order after every step, so that one state per orbit is stored. A state is reachable\n'
        printf '  iff its sorted form is, and every invariant, on-issue invariant and the deadlock check have the same value on\n'
        printf '  both, so the verdicts are those of the search without the reduction; that search is run too where it fits\n'
        printf '  (the profile says "the direct search agrees"). LTL properties are searched without the reduction.\n'
    fi
    printf -- '- **searched as**: profiles whose models are the same but for the banner line that names the profile are\n'
    printf '  searched once; the others record the searches of the first (`searched_as` in record.json).\n'
    printf -- '- **witness**: for each property "always (P implies Q)" or "P leads to Q", a search that must reach P\n'
    printf '  (the claim `W_ID_k`); the depth is that of the first run the search found. A property whose P is never\n'
    printf '  reached would hold vacuously and fails the record.\n'
    printf -- '- **coverage**: every transition of the spec fires somewhere in the searched state space, except the ones the\n'
    printf '  spec marks `dead "reason"`, which must not fire.\n'
    printf -- '- The environment is bounded by the spec itself: the `limit` of each fault and operator action, the `when`\n'
    printf '  conditions, and the initial plant values it allows; each is a decision the spec states and justifies.\n'
    if [ -f "$OUT/mutants.md" ] && grep -q "$spec_sha" "$OUT/mutants.md"; then
        printf -- '- **Mutation adequacy** (`make proofs-mutants`, [mutants.md](mutants.md)): %s\n' \
            "$(sed -n 's/^\*\*Score: \(.*\)\*\*.*/\1/p' "$OUT/mutants.md")"
    fi
    for p in "$@"; do
        r=$WORK/$p/results.tsv
        v=$(verdict_of "$r")
        printf '\n## Profile %s: %s\n\n' "$p" "$v"
        printf 'Model SHA-256 `%s`.\n' "$([ -f "$WORK/$p/model.pml" ] && sha "$WORK/$p/model.pml" || echo none)"
        [ -f "$WORK/$p/same-model-as" ] && printf '\nThis model is the model of profile %s but for its first line (the banner that names the profile),\nso the searches of %s decide it; their figures are repeated below.\n' \
            "$(cat "$WORK/$p/same-model-as")" "$(cat "$WORK/$p/same-model-as")"
        awk -F'\t' '$1 == "method" && $2 == "symmetry" && $3 == "NOT_RUN" { printf "Symmetry reduction of %s: %d states stored; the direct search was not run (too large).\n", $7, $5 }
                    $1 == "method" && $2 == "symmetry" && $3 != "NOT_RUN" { printf "Symmetry reduction of %s: %d states stored against %d without it; the direct search %s.\n", $7, $5, $6, ($3 == "PASS" ? "agrees" : "**DISAGREES**") }' "$r"
        awk -F'\t' '$1 == "coverage" && $3 == "UNDECIDED" { print "Coverage: not measured: the safety search stopped at a violation." }
                    $1 == "coverage" && $3 != "UNDECIDED" { printf "Coverage: %d of %d transitions fire; %d marked dead, none of which fires (%s).\n", $5, $6, $7, $3 }' "$r"
        printf '\n| ID | requirement | verdict | search | states stored | matched | transitions | depth | memory MB | time s | vacuity witness |\n'
        printf '|---|---|---|---|---:|---:|---:|---:|---:|---:|---|\n'
        awk -F'\t' -v model="$WORK/$p/model.pml" '
'"$PROPS_AWK"'
            BEGIN { text["DEADLOCK"] = "deadlock freedom" }
            $1 == "witness" { w[$11] = w[$11] (w[$11] ? "; " : "") ($3 == "FOUND" ? "depth " $8 : "**VACUOUS**") }
            $1 == "prop" { n++; rows[n] = $0 }
            END {
                for (i = 1; i <= n; i++) {
                    split(rows[i], f, "\t")
                    printf "| %s | %s | %s | %s | %d | %d | %d | %d | %s | %s | %s |\n", f[2], text[f[2]],
                        (f[3] == "PASS" ? "PASS" : "**" f[3] "**"), f[4], f[5], f[6], f[7], f[8], f[9], f[10],
                        (f[2] in w) ? w[f[2]] : "n/a"
                }
            }' "$r"
        grep -h . "$WORK/$p/safety/coverage.txt" 2>/dev/null | grep -v '^COVERAGE' | sed 's/^/- /' || true
    done
} >"$tmd"

mv "$tmp" "$OUT/record.json"
mv "$tmd" "$OUT/record.md"
trap - EXIT
