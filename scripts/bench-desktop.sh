#!/usr/bin/env bash
# Desktop benchmark (see BENCHMARKS.md, "Desktop"): release build, then under Xvfb the cold start
# to a dashboard with data and the idle memory (median of RUNS=5, a fresh HOME each run, each on a
# copy of the same prepared demo database), the stripped binary size and the .deb size.
# Usage: scripts/bench-desktop.sh   (RUNS=n to change the number of runs; NO_DEB=1 skips the .deb)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}

command -v Xvfb >/dev/null || { echo "bench-desktop: Xvfb not found; run scripts/setup.sh" >&2; exit 1; }

# The app embeds ui/dist: rebuild it when a UI source is newer.
if [ ! -f ui/dist/index.html ] || [ -n "$(find ui/src ui/index.html ui/package.json -newer ui/dist/index.html -print -quit)" ]; then
  npm run build --prefix ui --silent
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The .deb first: `tauri build` makes the release build of the app the timings below use too.
deb="" deb_note=""
if [ -n "${NO_DEB:-}" ]; then
  deb_note="skipped (NO_DEB)"
# The Tauri CLI is only needed here, so it is installed here, for this platform only (a lock file
# in ui/ would have to list every platform's binary package).
elif ! npm install --prefix "$work/cli" --no-save --no-audit --no-fund --loglevel=error @tauri-apps/cli@2.12.5 >"$work/cli.log" 2>&1; then
  deb_note="could not install @tauri-apps/cli: $(tail -n 2 "$work/cli.log" | tr -s '\n ' ' ')"
elif "$work/cli/node_modules/.bin/tauri" build --bundles deb >"$work/deb.log" 2>&1; then
  deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)
else
  deb_note="tauri build failed: $(grep -v Compiling "$work/deb.log" | tail -n 3 | tr -s '\n ' ' ')"
fi
cargo build --quiet --release -p xiezuo -p xiezuo-cli

# One demo database, "me" chosen (no first-launch question), Chinese: every run starts on a copy.
cli=target/release/xiezuo
"$cli" --db "$work/demo.db" demo >/dev/null
printf '%s\n' '{"action":"set_preferences","payload":{"language":"zh-CN"}}' '{"action":"set_me","payload":{"person":"王磊"}}' |
  "$cli" --db "$work/demo.db" exec >/dev/null
strip -o "$work/xiezuo-desktop" target/release/xiezuo-desktop

python3 scripts/bench-desktop.py --app target/release/xiezuo-desktop --db "$work/demo.db" --runs "$runs" \
  --binary "$work/xiezuo-desktop" --deb "$deb" --deb-note "$deb_note"
