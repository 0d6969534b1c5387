#!/bin/bash
# mk/fuzz.sh -d DIR -t SECONDS NAME...: run each libFuzzer target
# DIR/fuzz_NAME for SECONDS, from the seed corpus tests/fuzz/corpus/NAME/
# and the corpus earlier runs kept in DIR/corpus/NAME/ (which it grows);
# a crash, leak or timeout leaves its input in DIR/crashes/NAME/.  Prints
# one line per target: runs, coverage, corpus, crashes.  Exit 1 if any
# target found one, 2 on bad usage.
set -u
DIR= SECS=
while getopts d:t: o; do
    case $o in d) DIR=$OPTARG ;; t) SECS=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ -n "$DIR" ] && [ -n "$SECS" ] && [ $# -gt 0 ] || { echo "usage: $0 -d DIR -t SECONDS NAME..." >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
rc=0
for n in "$@"; do
    bin=$DIR/fuzz_$n corpus=$DIR/corpus/$n crashes=$DIR/crashes/$n log=$DIR/$n.log
    mkdir -p "$corpus" "$crashes"
    # -timeout: an input that takes longer than 10 s is a hang; -rss_limit_mb
    # keeps a target within the machine's share of one core
    (cd "$here" && "$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$corpus" "tests/fuzz/corpus/$n") >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    found=$(find "$crashes" -type f | wc -l)
    echo "fuzz: $n: ${runs:-0} runs in $SECS s, coverage ${cov:-0} edges, corpus $(find "$corpus" -type f | wc -l) inputs, $found crashes"
    if [ "$status" != 0 ] || [ "$found" != 0 ]; then
        echo "fuzz: $n: FAIL (exit $status); the input is in $crashes/, the log in $log" >&2
        grep -m 5 -E 'ERROR|SUMMARY|runtime error' "$log" >&2
        rc=1
    fi
done
exit $rc
