#!/bin/sh
# bench-startup.sh SCORECARD SCORECARD-CLI [RUNS]
#
# Time from process start to the first drawn dashboard frame, and resident
# memory then, for stores of 100, 1,000 and 10,000 KPIs (the last with
# about a million submissions), as `scorecard --bench-startup` reports
# them. Prints the median of RUNS runs (default 5) for each store.
set -eu

app=$1
cli=$2
runs=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median () {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

for kpis in 100 1000 10000; do
  store="$work/store-$kpis.db"
  "$cli" --store "$store" demo --kpis "$kpis" --days 285 --seed 1 --until 2026-11-29 > "$work/demo.txt"
  submissions=$(sed -n 's/.*KPIs, \([0-9]*\) submissions/\1/p' "$work/demo.txt")

  : > "$work/times"
  : > "$work/memory"
  i=0
  while [ "$i" -lt "$runs" ]; do
    "$app" --store "$store" --bench-startup > "$work/out.txt"
    sed -n 's/^startup-to-first-frame-ms: //p' "$work/out.txt" >> "$work/times"
    sed -n 's/^resident-memory-mb: //p' "$work/out.txt" >> "$work/memory"
    i=$((i + 1))
  done

  echo "kpis: $kpis submissions: $submissions" \
       "startup-median-ms: $(median < "$work/times")" \
       "resident-median-mb: $(median < "$work/memory")"
done
