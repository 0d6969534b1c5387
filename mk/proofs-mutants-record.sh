#!/bin/sh
# mk/proofs-mutants-record.sh MUTANTS_TSV EQUIV SPEC PROFILE OUT_MD
# The mutation-adequacy record: the score, the kills per operator and per
# property, the equivalent mutants with their reasons, and every mutant
# with what killed it.  A mutant listed as SURVIVED whose description now
# has a reason in EQUIV counts as equivalent.  Exit 1 if any survived.
set -u
[ $# -eq 5 ] || { echo "usage: $0 MUTANTS_TSV EQUIV SPEC PROFILE OUT_MD" >&2; exit 2; }
TSV=$1 EQUIV=$2 SPEC=$3 PROFILE=$4 OUT=$5
: "${GEN:?the generator, in the environment (its --sources lists the spec's files)}"
tmp=$OUT.tmp.$$
awk -F'\t' -v spec="$SPEC" -v prof="$PROFILE" -v sha="$(for f in $("$GEN" --sources "$SPEC"); do cat "$f"; done | sha256sum | cut -d' ' -f1)" '
    FNR == NR { if ($0 !~ /^#/ && NF >= 3) reason[$1 "\t" $2] = $3; next }
    {
        n++; num[n] = $1; v[n] = $2; by[n] = $3; op[n] = $4; at[n] = $5; what[n] = $6
        key = what[n] "\t" at[n]
        if (v[n] == "SURVIVED" && (key in reason)) { v[n] = "equivalent"; by[n] = reason[key] }
        ops[op[n]]++
        if (v[n] == "killed") {
            killed++; kop[op[n]]++
            k = by[n]; sub(/:.*/, "", k)
            if (k ~ /^checker/) { static++; kk["the checker (issu-gen)"]++ } else kk[k]++
        } else if (v[n] == "equivalent") { equiv++; eop[op[n]]++ } else { surv++; sop[op[n]]++ }
    }
    END {
        printf "# Mutation adequacy of %s\n\n", spec
        printf "Spec SHA-256 `%s`, profile %s, mutants from `issu-gen --mutants`, run by `make proofs-mutants`.\n\n", sha, prof
        printf "**Score: %d of %d mutants killed (%.1f%%); %d equivalent (reasons below); %d survived.** ", killed, n, 100 * killed / n, equiv, surv
        printf "Without the equivalent ones: %d of %d (%.1f%%).\n\n", killed, n - equiv, 100 * killed / (n - equiv)
        printf "| operator | mutants | killed | equivalent | survived |\n|---|---|---|---|---|\n"
        for (o in ops) printf "| %s | %d | %d | %d | %d |\n", o, ops[o], kop[o], eop[o], sop[o]
        printf "\n| killed by | mutants |\n|---|---|\n"
        for (k in kk) printf "| %s | %d |\n", k, kk[k]
        printf "\n## Equivalent mutants\n\n"
        for (i = 1; i <= n; i++) if (v[i] == "equivalent") printf "- #%s %s at %s (%s): %s\n", num[i], op[i], at[i], what[i], by[i]
        if (!equiv) print "None."
        if (surv) {
            printf "\n## Survivors (the target fails)\n\n"
            for (i = 1; i <= n; i++) if (v[i] == "SURVIVED") printf "- #%s %s at %s: %s\n", num[i], op[i], at[i], what[i]
        }
        printf "\n## Every mutant\n\n| # | operator | where | mutant | verdict | by |\n|---|---|---|---|---|---|\n"
        for (i = 1; i <= n; i++) {
            b = v[i] == "equivalent" ? "see above" : by[i]
            gsub(/\|/, "/", b)
            printf "| %s | %s | %s | %s | %s | %s |\n", num[i], op[i], at[i], what[i], v[i], b
        }
        exit surv ? 1 : 0
    }' "$EQUIV" "$TSV" >"$tmp"
rc=$?
mv "$tmp" "$OUT"
exit $rc
