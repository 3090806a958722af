#!/usr/bin/env bash
# Opens the desktop app on a fresh demo database under Xvfb and saves a screenshot of the window.
# Usage: scripts/screenshot.sh OUT.png [zh-CN|en-US]   (needs xvfb, x11-apps and imagemagick)
set -euo pipefail
out=${1:?usage: screenshot.sh OUT.png [language]}
language=${2:-zh-CN}
here=$(cd "$(dirname "$0")/.." && pwd)
app=${XIEZUO_APP:-$here/target/debug/xiezuo-desktop}
work=$(mktemp -d)
trap 'kill "$app_pid" "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
export XIEZUO_DB=$work/xiezuo.db DISPLAY=:97
cli=${XIEZUO_CLI:-$here/target/debug/xiezuo}
"$cli" demo >/dev/null
echo "{\"action\":\"set_preferences\",\"payload\":{\"language\":\"$language\"}}" | "$cli" exec >/dev/null
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp & xvfb_pid=$!
sleep 1
"$app" & app_pid=$!
sleep "${XIEZUO_SCREENSHOT_WAIT:-6}"
xwd -root -silent | convert xwd:- "$out"
echo "saved $out"
