# mk/profargs.sh: sourced by mk/proofs.sh and mk/proofs-mutants.sh.
#
# A profile on their command lines is NAME or NAME:PARAM=V[,PARAM=V]...,
# the second a smaller instance of profile NAME (issu-gen --param): what
# the mutation run searches where the chassis' full size is too large to
# search once per mutant.

# profargs PROFILE: issu-gen's arguments that select PROFILE.
profargs() {
    local name=${1%%:*} params= kv
    case $1 in *:*) params=${1#*:} ;; esac
    printf -- '--profile %s' "$name"
    local IFS=,
    for kv in $params; do printf -- ' --param %s' "$kv"; done
}
