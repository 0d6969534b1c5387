#!/bin/bash
# tests/conformance/corrupt.sh GEN WORK CC CFLAGS
#
# The conformance checks must be able to fail.  From the C that GEN
# generates for model/issu.fsm, three corrupted copies are built, each with
# one generated transition broken as a faulty generator could break it:
#   target  the Ragel chart sends backup_install.ok to IDLE, not BACKUP_RESYNC;
#   action  the start transition lost its console line "Chassis ISSU Check Done";
#   guard   the guard "an FPC is unsupported" of validate_image.ok is dropped.
# Each copy is linked into relcheck and the issu CLI, and mk/conformance.sh
# runs on mx240 with them: the relation check, the replay of the model's
# runs (model -> C) and the check of the C's traces (C -> model) must each
# report a difference.  Exit status 0 when all nine do.
set -u
[ $# -eq 4 ] || { echo "usage: $0 GEN WORK CC CFLAGS" >&2; exit 2; }
GEN=$1 WORK=$2 CC=$3 CFLAGS=$4
SPEC=model/issu.fsm
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here" || exit 2
rm -rf "$WORK" && mkdir -p "$WORK/base" || exit 2
"$GEN" --c-ids "$WORK/base/issu_ids.h" --ragel "$WORK/base/issu.rl" --c-glue "$WORK/base/issu_glue.c" \
    --c-monitors "$WORK/base/issu_monitors.c" "$SPEC" || exit 1

# corrupt KIND FILE SED: a copy of base with FILE edited; fails if nothing changed
corrupt() {
    local d=$WORK/$1
    cp -r "$WORK/base" "$d"
    sed -i "$3" "$d/$2"
    if cmp -s "$WORK/base/$2" "$d/$2"; then
        echo "corrupt: the $1 corruption matched nothing in $2: the generated code changed shape" >&2
        return 1
    fi
}

# cc OUT SRC DIR: one object, with the generated headers of DIR
cc1() {
    # shellcheck disable=SC2086
    $CC $CFLAGS -Wno-sign-conversion -I runtime -I "$3" -I platforms/sim -I platforms/mx \
        -I platforms/replay -I platforms/cli -c -o "$1" "$2"
}

# The runtime and the platforms depend on the generated identifiers only,
# which no corruption touches: built once.
shared() {
    local f o
    mkdir -p "$WORK/base/obj"
    for f in runtime/*.c platforms/sim/*.c platforms/mx/*.c platforms/replay/*.c platforms/cli/*.c \
             tests/conformance/relcheck.c; do
        o=$WORK/base/obj/$(echo "$f" | tr '/' '_').o
        cc1 "$o" "$f" "$WORK/base" || return 1
    done
}

# build KIND: relcheck and issu with the (corrupted) generated C of KIND
build() {
    local d=$WORK/$1 b=$WORK/base/obj f gen=()
    (cd "$d" && ragel -T0 -o issu_fsm.c issu.rl) || return 1
    mkdir -p "$d/obj"
    for f in issu_fsm issu_glue issu_monitors; do
        cc1 "$d/obj/$f.o" "$d/$f.c" "$d" || return 1
        gen+=("$d/obj/$f.o")
    done
    $CC -o "$d/issu" "${gen[@]}" "$b"/runtime_*.o "$b"/platforms_*.o || return 1
    $CC -o "$d/relcheck" "$b"/tests_conformance_relcheck.c.o "${gen[@]}" "$b"/runtime_*.o \
        "$b"/platforms_replay_*.o || return 1
}

fail=0
check() {
    local kind=$1 out=$WORK/$1/conformance.out
    if ! build "$kind"; then
        echo "corrupt: $kind: the corrupted copy does not build" >&2
        fail=1
        return
    fi
    bash mk/conformance.sh -g "$GEN" -i "$WORK/$kind/issu" -r "$WORK/$kind/relcheck" \
        -w "$WORK/$kind/run" -p mx240 -n 1000 "$SPEC" >"$out" 2>&1
    local dir
    for dir in "relation" "model -> C" "C -> model"; do
        if grep -q "mx240 $dir: FAIL" "$out"; then
            echo "corrupt: $kind: the $dir check catches it"
        else
            echo "corrupt: $kind: the $dir check does NOT catch it (see $out)" >&2
            fail=1
        fi
    done
}

shared || { echo "corrupt: the runtime or the platforms do not build" >&2; exit 1; }
corrupt target issu.rl '/backup_install\.ok$/s/-> BACKUP_RESYNC/-> IDLE/' && check target || fail=1
corrupt action issu_glue.c '/issu__console(m, "Chassis ISSU Check Done");/d' && check action || fail=1
corrupt guard issu_glue.c '/issu__sel_issu_VALIDATING/,/^}/{/ISSU_EV_validate_image__ok:/{n;s/if (.*) {/if (1) {/}}' \
    && check guard || fail=1
[ $fail = 0 ] && echo "corrupt: each check catches each corruption"
exit $fail
