# Shared by docs/perf.sh and docs/perf-side.sh: sourced, not run.

# ms COMMAND...: the wall time of one run, in ms.
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# mid TIMES...: the median.
mid() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
