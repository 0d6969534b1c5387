#!/bin/sh
# mk/embed.sh NAME FILE: print a C file that defines `const char NAME[]`
# holding FILE's text, so that issu-gen carries its templates (gen/emit/tmpl/)
# and needs no data directory at run time.
set -eu
name=$1 file=$2
printf '/* generated from %s by mk/embed.sh; do not edit */\n' "$file"
printf '#include "template.h"\n\n'
printf 'const char %s[] =\n' "$name"
# Escape backslashes and double quotes, and each trigraph-starting "??",
# then emit one string literal per line.
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/??/?\\?/g' -e 's/^/    "/' -e 's/$/\\n"/' "$file"
printf '    "";\n'
