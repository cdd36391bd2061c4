#!/usr/bin/env bash
# Runs every lead command with two builds of lead on copies of the same
# generated journal and compares what each printed (stdout, stderr and the
# exit code) byte for byte, and what each write command left in the journal.
# Both builds see the journal at the same path, so the paths they print
# agree; times relative to now agree while both run in the same minute
# (a lead log without --date dates its entry to the second: it may differ
# by one).
#
#   bash docs/compare.sh BEFORE AFTER            # a 10,000-entry journal, seed 1
#   ENTRIES=2000 SEED=7 bash docs/compare.sh BEFORE AFTER
#
# BEFORE and AFTER are lead binaries (go build -o ... ./cmd/lead at each
# commit). It prints one line per command and exits 1 when any differs.
set -uo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1") after=$(realpath "$2")
ENTRIES=${ENTRIES:-10000}
SEED=${SEED:-1}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run ./cmd/gen-journal -entries "$ENTRIES" -seed "$SEED" "$work/source" >/dev/null
j="$work/j"
slug=$(ls "$work/source/people" | head -1 | sed 's/\.md$//')
other=$(ls "$work/source/people" | sed -n 2p | sed 's/\.md$//')
week=$(date -u -d '-30 days' +%G-W%V)

# Commands that only read: each build runs them all on its own copy.
reads=(
  "list" "list --with $slug" "list --with $slug --since 8w" "list --tag budget" "list --project q3"
  "list --kind 1on1" "list --json" "list --with $slug --json" "list --grep escalation" "list --grep Escalation --paths"
  "list --limit 5" "show last" "show last --json" "people" "people --json" "person $slug" "person $slug --json"
  "review" "review --json" "review --week $week" "review --since 30d" "agenda $slug" "agenda $slug --json"
  "brag" "brag --json" "map" "map $slug" "map --json" "prep $slug" "prep $slug --json" "stats" "stats --json"
  "todo" "todo --mine" "todo --theirs" "todo --mine --overdue" "todo --with $other" "todo --all" "todo --all --json" "todo --json"
  "check" "check --json" "export --format json" "export --format csv" "export --format markdown"
  "practices" "config" "completion bash" "completion zsh" "completion fish"
  "__complete log --with ${slug:0:2}" "__complete list --with ''" "__complete list --tag ''" "__complete list --kind ''"
  "__complete list --project ''" "__complete log --practice ''" "__complete show ''" "__complete done ''"
  "list --with nobody-at-all" "person nobody-at-all" "list --since nonsense" "review --week nonsense"
)
# Commands that write: each runs on a fresh copy, and the journal it
# leaves is compared too.
writes=(
  "log -w $slug -t Compared -m Notes. --todo 'Send the plan due:fri' --win 'It landed' --date '2026-11-20 10:00'"
  "log -w $slug -w $other -m 'Notes with two people.'"
  "agenda add $slug 'Raise the hiring plan'"
  "people add 'Compared Person' --relation peer"
  "review --write"
  "done ITEM"
)

# run BIN DIR ARGS: prints stdout, stderr and the exit code of one run.
run() {
  local bin=$1 dir=$2; shift 2
  eval "set -- $*"
  "$bin" --dir "$dir" "$@" >"$work/out" 2>"$work/err" </dev/null
  local code=$?
  printf '%s\n--- stderr\n%s\n--- exit %d\n' "$(cat "$work/out")" "$(cat "$work/err")" "$code"
}

item=$("$before" --dir "$work/source" todo --mine --json 2>/dev/null | grep -m1 -o '"id": "[0-9a-f]*"' | cut -d'"' -f4)
rm -rf "$work/source/.lead/cache"

# tree DIR: every file of the journal but .lead/ by its hash, and the
# files the command wrote whole (cp -a keeps the others' times); a
# review's generated: time, to the second, is left out.
tree() {
  (cd "$1" && find . \( -path ./.lead -o -path ./reviews \) -prune -o -type f -print0 | sort -z | xargs -0 sha1sum &&
    find . -path ./.lead -prune -o -type f -newer "$work/copied" -print0 | sort -z | xargs -0 -r sed '/^generated: /d')
}

# both I COMMAND: runs COMMAND with each build, one right after the
# other, each on its own copy of the journal moved to the same path.
both() {
  local i=$1 cmd=$2 side
  for side in before after; do
    mv "$work/copy-$side" "$j"
    run "${!side}" "$j" "$cmd" >"$work/$side/$i"
    mv "$j" "$work/copy-$side"
  done
}

mkdir -p "$work/before" "$work/after"
cp -a "$work/source" "$work/copy-before" && cp -a "$work/source" "$work/copy-after"
for i in "${!reads[@]}"; do both "read$i" "${reads[$i]}"; done
for i in "${!writes[@]}"; do
  rm -rf "$work/copy-before" "$work/copy-after"
  cp -a "$work/source" "$work/copy-before" && cp -a "$work/source" "$work/copy-after"
  touch "$work/copied"
  both "write$i" "${writes[$i]//ITEM/$item}"
  for side in before after; do tree "$work/copy-$side" >>"$work/$side/write$i"; done
done

status=0
compare() { # compare NAME FILE
  if cmp -s "$work/before/$2" "$work/after/$2"; then
    echo "same  lead $1"
  else
    echo "DIFF  lead $1"
    diff "$work/before/$2" "$work/after/$2" | head -10 | sed 's/^/      /'
    status=1
  fi
}
for i in "${!reads[@]}"; do compare "${reads[$i]}" "read$i"; done
for i in "${!writes[@]}"; do compare "${writes[$i]//ITEM/$item}" "write$i"; done
exit $status
