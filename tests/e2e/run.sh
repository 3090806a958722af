#!/usr/bin/env bash
# The desktop window's end-to-end tests (WebDriver through tauri-driver, under Xvfb).
# Installs what is missing (tauri-driver, this folder's npm packages), builds the UI if its sources
# changed and the debug app + CLI (cargo reuses what `cargo test` compiled), then runs the specs
# one file at a time.
#
#   tests/e2e/run.sh                       every spec in tests/e2e/specs/ (and the harness's own tests)
#   tests/e2e/run.sh specs/smoke.test.js   some specs
#   tests/e2e/run.sh screenshots           PNGs of the window into $XIEZUO_SCREENSHOTS (default docs/screenshots)
#
# Environment: XIEZUO_E2E_SKIP_BUILD=1 uses the binaries as they are; XIEZUO_E2E_KEEP=1 keeps each
# run's temp folder (database, driver log); XIEZUO_E2E_ARTIFACTS=DIR for screenshots of failures.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

for tool in Xvfb WebKitWebDriver; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool not found; run scripts/setup.sh" >&2; exit 1; }
done
if ! command -v tauri-driver >/dev/null && [ ! -x "${TAURI_DRIVER:-$HOME/.cargo/bin/tauri-driver}" ]; then
  cargo install tauri-driver --version 2.1.0 --locked
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi

if [ -z "${XIEZUO_E2E_SKIP_BUILD:-}" ]; then
  # The app embeds ui/dist: rebuild it when a UI source is newer (make's setup has usually just built it).
  if [ ! -f ui/dist/index.html ] || [ -n "$(find ui/src ui/index.html ui/package.json -newer ui/dist/index.html -print -quit)" ]; then
    npm run build --prefix ui --silent
  fi
  cargo build --quiet -p xiezuo -p xiezuo-cli
fi

cd "$here"
if [ "${1:-}" = screenshots ]; then
  exec node screenshots.js
fi
if [ $# -eq 0 ]; then set -- *.test.js specs/*.test.js; fi
exec node --test --test-concurrency=1 "$@"
