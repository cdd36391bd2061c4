#!/usr/bin/env bash
# Times builds of lead side by side on one journal, to tell whether a piece
# of performance machinery pays for itself: in each round, rg and then each
# build run the command one after the other, so that all meet the same
# machine; it prints each median in ms and its ratio to rg's.
#
#   bash docs/perf-side.sh JOURNAL 'list --with dana-smith' BIN...
#   COLD=1 RUNS=5 bash docs/perf-side.sh JOURNAL review BIN...   # index removed before each run
#
# SLUG (the person rg looks for) defaults to the journal's first person.
set -euo pipefail
dir=$1 cmd=$2
shift 2
RUNS=${RUNS:-9}
COLD=${COLD:-}
slug=${SLUG:-$(ls "$dir/people" | head -1 | sed 's/\.md$//')}
read -ra args <<<"$cmd"

. "$(dirname "$0")/timing.sh" # ms, mid

"$1" --dir "$dir" "${args[@]}" >/dev/null 2>&1 || true # the index, for warm runs
declare -A times
for _ in $(seq "$RUNS"); do
  times[rg]+="$(ms rg -l "with:.*$slug" "$dir/entries") "
  for bin in "$@"; do
    [ -n "$COLD" ] && rm -rf "$dir/.lead/cache"
    times[$bin]+="$(ms "$bin" --dir "$dir" "${args[@]}") "
  done
done
# shellcheck disable=SC2086
rg=$(mid ${times[rg]})
echo "lead $cmd${COLD:+ (no index)}, $RUNS rounds: rg $rg ms"
for bin in "$@"; do
  # shellcheck disable=SC2086
  m=$(mid ${times[$bin]})
  echo "  $bin: $m ms, $(awk "BEGIN{printf \"%.2f\", $m/$rg}")× rg"
done
