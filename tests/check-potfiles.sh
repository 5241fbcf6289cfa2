#!/bin/sh
# Every source file with translatable strings must be listed in
# po/POTFILES.in, and every listed file must exist.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"
status=0

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

for f in $(grep -rlE '\b(_|N_|C_|NC_)\(' src --include='*.c' | sort) \
         $(grep -rl 'translatable="yes"' data --include='*.ui' 2>/dev/null | sort); do
  if ! printf '%s\n' $listed | grep -qx "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

if [ $status = 0 ]; then
  echo "1..1"
  echo "ok 1 po/POTFILES.in lists every file with translatable strings"
else
  echo "1..1"
  echo "not ok 1 po/POTFILES.in is out of date"
fi
exit $status
