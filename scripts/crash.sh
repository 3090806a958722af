#!/usr/bin/env bash
# The crash-safety harness at full size: SIGKILLs a writing `xiezuo exec` KILLS times on one
# database and checks it after each (tests/crash.rs in the CLI crate), then prints the summary:
#   bash scripts/crash.sh [KILLS]     (default 1000; `cargo test` runs the same harness with 20)
# A debug build on purpose: it is the build `cargo test` already made, and what is under test —
# SQLite's commit and recovery and the engine's transaction boundaries — does not change with the
# optimisation level (dependencies, SQLite included, are built with opt-level 1 in debug too).
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-1000}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
XIEZUO_CRASH_KILLS="$kills" cargo test -q -p xiezuo-cli --test crash -- --nocapture --test-threads=1 >"$log" 2>&1 || status=$?
# The summary lines (the seed lines printed at the start are for replaying a failure).
grep -E '^crash.*(losses|failures to reopen)' "$log" || true
if [ "$status" -ne 0 ]; then
  tail -60 "$log"
  exit "$status"
fi
