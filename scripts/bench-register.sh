#!/usr/bin/env bash
# Register at scale (see BENCHMARKS.md): the desktop register on a database with 100k
# collaborations, measured in the real window under Xvfb: start-up, time to first rows (cold and
# warm), where the time goes (engine, IPC, render), scroll frame times, memory.
#
#   scripts/bench-register.sh [DB_PATH]     (default /tmp/xiezuo-bench-100k/xiezuo.db)
#
# A missing database is seeded first by the engine benchmark (`cargo bench -p xiezuo-engine --bench
# engine -- --db DB_PATH`: about 2 minutes and 9 GB, plus a backup of the same size in `backups/`
# beside it, so the default keeps both in a folder of their own; the benchmark's own figures go to
# `engine-bench.log` there). The database is kept for later runs: delete its folder when done.
# Environment: PROFILE=debug measures the debug build (default release, the build people run);
# STARTS=n app starts (default 10), RUNS=n warm openings (default 10), OUT=file for the JSON
# (default target/bench-register.json).
set -euo pipefail
cd "$(dirname "$0")/.."
db=$(realpath -m "${1:-/tmp/xiezuo-bench-100k/xiezuo.db}")
profile=${PROFILE:-release}

for tool in Xvfb WebKitWebDriver; do
  command -v "$tool" >/dev/null || { echo "bench-register: $tool not found; run scripts/setup.sh" >&2; exit 1; }
done
if ! command -v tauri-driver >/dev/null && [ ! -x "${TAURI_DRIVER:-$HOME/.cargo/bin/tauri-driver}" ]; then
  cargo install tauri-driver --version 2.1.0 --locked
fi
if [ ! -f tests/e2e/node_modules/.package-lock.json ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi
# The app embeds ui/dist: rebuild it when a UI source is newer.
if [ ! -f ui/dist/index.html ] || [ -n "$(find ui/src ui/index.html ui/package.json -newer ui/dist/index.html -print -quit)" ]; then
  npm run build --prefix ui --silent
fi

case "$profile" in
  release) cargo build --quiet --release -p xiezuo -p xiezuo-cli ;;
  debug) cargo build --quiet -p xiezuo -p xiezuo-cli ;;
  *) echo "bench-register: PROFILE is release or debug, not '$profile'" >&2; exit 2 ;;
esac

if [ ! -f "$db" ]; then
  mkdir -p "$(dirname "$db")"
  echo "bench-register: seeding $db with the engine benchmark (log: $(dirname "$db")/engine-bench.log) …" >&2
  cargo bench --quiet -p xiezuo-engine --bench engine -- --db "$db" >"$(dirname "$db")/engine-bench.log"
fi

XIEZUO_APP="$PWD/target/$profile/xiezuo-desktop" XIEZUO_CLI="$PWD/target/$profile/xiezuo" \
  exec node tests/e2e/bench/register-scale.js --db "$db" --starts "${STARTS:-10}" --runs "${RUNS:-10}" \
  --out "${OUT:-$PWD/target/bench-register.json}"
