#!/usr/bin/env bash
# Reproduces the figures in docs/performance.md: generates journals of
# 10,000 and 100,000 entries and times whole lead processes side by side
# with rg over the same files, warm (index built) and cold (no index),
# then every read command at 10,000 entries.
#
#   bash docs/perf.sh            # SEED=1 RUNS=5 by default
#   SEED=7 RUNS=9 bash docs/perf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${SEED:-1}
RUNS=${RUNS:-5}

need() { # need COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else
    echo "perf.sh: $1 is missing; install $2" >&2
    exit 1
  fi
}
need rg ripgrep
[ -x /usr/bin/time ] || need /usr/bin/time time

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/lead" ./cmd/lead

. docs/timing.sh # ms, mid

# median RUNS COMMAND...: the median wall time of RUNS runs, in ms.
median() {
  local runs=$1; shift
  local times=()
  for _ in $(seq "$runs"); do times+=("$(ms "$@")"); done
  mid "${times[@]}"
}

# side DIR SLUG ARGS...: RUNS rounds, each timing rg, lead with its index
# and lead with none one after the other, so that all three meet the same
# machine; prints the three medians in ms.
side() {
  local dir=$1 slug=$2; shift 2
  local rg=() warm=() cold=()
  "$work/lead" --dir "$dir" "$@" >/dev/null 2>&1 || true # build the index
  for _ in $(seq "$RUNS"); do
    rg+=("$(ms rg -l "with:.*$slug" "$dir/entries")")
    warm+=("$(ms "$work/lead" --dir "$dir" "$@")")
    rm -rf "$dir/.lead/cache"
    cold+=("$(ms "$work/lead" --dir "$dir" "$@")") # and builds the index again
  done
  echo "$(mid "${rg[@]}") $(mid "${warm[@]}") $(mid "${cold[@]}")"
}

# peak COMMAND...: peak resident memory in MB.
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%d", $1/1024}'; }

echo "| journal | command | lead warm ms | lead cold ms | rg ms | warm/rg | cold/rg | peak MB warm | peak MB cold |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in 10000 100000; do
  dir="$work/j$n"
  go run ./cmd/gen-journal -entries "$n" -seed "$SEED" "$dir"
  slug=$(ls "$dir/people" | head -1 | sed 's/\.md$//')
  lead=("$work/lead" --dir "$dir")
  for cmd in "list --with $slug" "review" "list --grep escalation" "todo --mine --overdue" "prep $slug" "people"; do
    read -ra args <<<"$cmd"
    read -r rgms warm coldms <<<"$(side "$dir" "$slug" "${args[@]}")"
    rm -rf "$dir/.lead/cache"
    memcold=$(peak "${lead[@]}" "${args[@]}")
    mem=$(peak "${lead[@]}" "${args[@]}")
    echo "| $n | lead $cmd | $warm | $coldms | $rgms | $(awk "BEGIN{printf \"%.2f\", $warm/$rgms}") | $(awk "BEGIN{printf \"%.2f\", $coldms/$rgms}") | $mem | $memcold |"
  done
done

# lead log does not grow with the journal.
small="$work/j100"
go run ./cmd/gen-journal -entries 100 -seed "$SEED" "$small"
logsmall=$(median "$RUNS" "$work/lead" --dir "$small" log -w "$(ls "$small/people" | head -1 | sed 's/\.md$//')" -m notes)
logbig=$(median "$RUNS" "$work/lead" --dir "$work/j100000" log -w "$(ls "$work/j100000/people" | head -1 | sed 's/\.md$//')" -m notes)
echo
echo "lead log: ${logsmall} ms at 100 entries, ${logbig} ms at 100,000 entries ($(awk "BEGIN{printf \"%.2f\", $logbig/$logsmall}")x)"

# Every read command at 10,000 entries, warm.
dir="$work/j10000"
slug=$(ls "$dir/people" | head -1 | sed 's/\.md$//')
echo
echo "| read command at 10,000 entries, warm | ms |"
echo "|---|---|"
for cmd in "list" "list --json" "list --grep escalation" "show last" "people" "people --json" "person $slug" \
  "review" "review --json" "agenda $slug" "brag" "map" "prep $slug" "stats" "todo" "todo --all" "todo --all --json" \
  "check" "export --format json" "export --format csv" "export --format markdown"; do
  read -ra args <<<"$cmd"
  "$work/lead" --dir "$dir" "${args[@]}" >/dev/null 2>&1 || true
  echo "| \`lead $cmd\` | $(median "$RUNS" "$work/lead" --dir "$dir" "${args[@]}") |"
done
