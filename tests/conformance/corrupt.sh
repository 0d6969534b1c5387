#!/bin/bash
# tests/conformance/corrupt.sh GEN WORK CC CFLAGS PLATFORM_LIBS
#
# The conformance checks must be able to fail.  Three corrupted copies of
# generated C are built, each with one generated transition broken as a
# faulty generator could break it, for two specs:
#
# model/issu.fsm (one machine; relcheck and the issu CLI, on mx240):
#   target  the Ragel chart sends backup_install.ok to IDLE, not BACKUP_RESYNC;
#   action  the start transition lost its console line "Chassis ISSU Check Done";
#   guard   the guard "an FPC is unsupported" of validate_image.ok is dropped.
# A spec of several machines, on a machine that is not the first one
# (tests/specs/systems/array.fsm: its machine array 'worker'; relcheck and
# the generic replay driver, on its first profile):
#   target  the worker's chart sends upgrade.ok to UPGRADING, not IDLE;
#   action  the worker's upgrade.ok lost its 'send done to coordinator';
#   guard   the guard 'tries < 1' of the worker's upgrade.fail is dropped.
#
# Each copy is linked into the programs the conformance check uses, and
# mk/conformance.sh runs with them: the relation check, the replay of the
# model's runs (model -> C) and the check of the C's traces (C -> model)
# must each report a difference.  Exit status 0 when all eighteen do.
set -u
[ $# -eq 5 ] || { echo "usage: $0 GEN WORK CC CFLAGS PLATFORM_LIBS" >&2; exit 2; }
GEN=$1 WORK=$2 CC=$3 CFLAGS=$4 PF_LIBS=$5
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here" || exit 2
rm -rf "$WORK" && mkdir -p "$WORK" || exit 2
MULTI=tests/specs/systems/array.fsm
[ -r "$MULTI" ] || MULTI=tests/golden/valid/002-machine-array-self.fsm

# generate SET SPEC: the generated C of SPEC in WORK/SET/base
generate() {
    mkdir -p "$WORK/$1/base"
    "$GEN" --c-ids "$WORK/$1/base/issu_ids.h" --ragel "$WORK/$1/base/issu.rl" \
        --c-glue "$WORK/$1/base/issu_glue.c" --c-monitors "$WORK/$1/base/issu_monitors.c" \
        --c-plant-h "$WORK/$1/base/issu_plant.h" --c-plant "$WORK/$1/base/issu_plant.c" "$2"
}

# corrupt SET KIND FILE SED: a copy of SET's base with FILE edited; fails if nothing changed
corrupt() {
    local d=$WORK/$1/$2
    cp -r "$WORK/$1/base" "$d"
    rm -rf "$d/obj"
    sed -i "$4" "$d/$3"
    if cmp -s "$WORK/$1/base/$3" "$d/$3"; then
        echo "corrupt: the $1 $2 corruption matched nothing in $3: the generated code changed shape" >&2
        return 1
    fi
}

# cc1 OUT SRC DIR: one object, with the generated headers of DIR
cc1() {
    # shellcheck disable=SC2086
    $CC $CFLAGS -Wno-sign-conversion -I runtime -I "$3" $(for d in platforms/*/; do printf ' -I %s' "$d"; done) \
        -c -o "$1" "$2"
}

# shared SET SOURCES...: the objects that depend on the generated
# identifiers only, which no corruption touches: built once per set.
shared() {
    local set=$1 f o
    shift
    mkdir -p "$WORK/$set/base/obj"
    for f in "$@"; do
        o=$WORK/$set/base/obj/$(echo "$f" | tr '/' '_').o
        cc1 "$o" "$f" "$WORK/$set/base" || return 1
    done
}

# build SET KIND: the programs of SET with the (corrupted) generated C of KIND
build() {
    local d=$WORK/$1/$2 b=$WORK/$1/base/obj f gen=()
    (cd "$d" && ragel -T0 -o issu_fsm.c issu.rl) || return 1
    mkdir -p "$d/obj"
    for f in issu_fsm issu_glue issu_monitors; do
        cc1 "$d/obj/$f.o" "$d/$f.c" "$d" || return 1
        gen+=("$d/obj/$f.o")
    done
    $CC -o "$d/relcheck" "$b"/tests_conformance_relcheck.c.o "${gen[@]}" "$b"/runtime_*.o \
        "$b"/platforms_replay_*.o || return 1
    if [ "$1" = issu ]; then
        # shellcheck disable=SC2086  # PF_LIBS: the platforms' libraries, words
        $CC -o "$d/issu" "${gen[@]}" "$b"/runtime_*.o "$b"/platforms_*.o "$b"/*_issu_plant.c.o $PF_LIBS || return 1
    else
        $CC -o "$d/replay" "$b"/tests_conformance_replay.c.o "${gen[@]}" "$b"/runtime_*.o \
            "$b"/platforms_replay_*.o || return 1
    fi
}

fail=0
# check SET KIND SPEC PROFILE: each of the three checks must fail
check() {
    local set=$1 kind=$2 spec=$3 p=$4 out=$WORK/$1/$2/conformance.out tool
    if ! build "$set" "$kind"; then
        echo "corrupt: $set $kind: the corrupted copy does not build" >&2
        fail=1
        return
    fi
    # every corruption sits in the first steps of nearly every run (the small
    # system's runs are short and each passes the corrupted machine; each
    # issu.fsm corruption is in phase 1 or 2, which every run starts with):
    # 200 runs catch each with room to spare (the passing conformance of
    # make check runs CONF_RUNS, 1000)
    local runs=200
    if [ "$set" = issu ]; then tool="-i $WORK/$set/$kind/issu"; else tool="-x $WORK/$set/$kind/replay"; fi
    # shellcheck disable=SC2086
    bash mk/conformance.sh -g "$GEN" $tool -r "$WORK/$set/$kind/relcheck" \
        -w "$WORK/$set/$kind/run" -p "$p" -n $runs "$spec" >"$out" 2>&1
    local dir
    for dir in "relation" "model -> C" "C -> model"; do
        if grep -q "$p $dir: FAIL" "$out"; then
            echo "corrupt: $set $kind: the $dir check catches it"
        else
            echo "corrupt: $set $kind: the $dir check does NOT catch it (see $out)" >&2
            fail=1
        fi
    done
}

# model/issu.fsm, its one machine
SPEC=model/issu.fsm
if generate issu "$SPEC" && shared issu runtime/*.c platforms/*/*.c "$WORK/issu/base/issu_plant.c" \
        tests/conformance/relcheck.c; then
    corrupt issu target issu.rl '/backup_install\.ok$/s/-> BACKUP_RESYNC/-> IDLE/' &&
        check issu target "$SPEC" mx240 || fail=1
    corrupt issu action issu_glue.c '/issu__console(m, "Chassis ISSU Check Done");/d' &&
        check issu action "$SPEC" mx240 || fail=1
    corrupt issu guard issu_glue.c \
        '/issu__sel_issu_VALIDATING/,/^}/{/ISSU_EV_validate_image__ok:/{n;s/if (.*) {/if (1) {/}}' &&
        check issu guard "$SPEC" mx240 || fail=1
else
    echo "corrupt: the C of $SPEC, the runtime or the platforms do not build" >&2
    fail=1
fi

# a spec of several machines: a machine array that is not the first machine
if [ "$MULTI" = tests/specs/systems/array.fsm ]; then
    M=worker TARGET='/upgrade\.ok$/s/-> IDLE/-> UPGRADING/' ACT=issu__act_worker_1 SEND=ISSU_EV_done
    SEL=issu__sel_worker_UPGRADING EV=ISSU_EV_upgrade__fail
else
    M=matrix TARGET='/lcc_done$/s/-> IDLE/-> WAIT/' ACT=issu__act_matrix_0 SEND=ISSU_EV_lcc_go
    SEL=issu__sel_matrix_WAIT EV=ISSU_EV_lcc_done
fi
P=$("$GEN" --profiles "$MULTI" | head -1)
if generate multi "$MULTI" && shared multi runtime/*.c platforms/replay/*.c tests/conformance/relcheck.c \
        tests/conformance/replay.c; then
    corrupt multi target issu.rl "/machine issu_fsm_$M;/,/}%%/{$TARGET}" &&
        check multi target "$MULTI" "$P" || fail=1
    corrupt multi action issu_glue.c "/$ACT(issu \*m)/,/^}/{/issu__send(m, $SEND,/d}" &&
        check multi action "$MULTI" "$P" || fail=1
    corrupt multi guard issu_glue.c "/$SEL(/,/^}/{/$EV:/{n;s/if (.*) {/if (1) {/}}" &&
        check multi guard "$MULTI" "$P" || fail=1
else
    echo "corrupt: the C of $MULTI or the runtime do not build" >&2
    fail=1
fi
[ $fail = 0 ] && echo "corrupt: each check catches each corruption, for $SPEC and $MULTI (machine '$M')"
exit $fail
