#!/usr/bin/env bash
# Installs what building and testing Xiezuo needs on Debian/Ubuntu, skipping what is already there.
# Rust (cargo) must be installed; everything else comes from Debian's packages and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust (https://rustup.rs) first" >&2; exit 1; }

# C toolchain for bundled SQLite; WebKitGTK and friends for the Tauri window (and Xvfb + the
# WebKit WebDriver for its end-to-end tests); PDF and QR tools the document tests use to read PDFs back.
packages=(build-essential pkg-config file libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  librsvg2-dev libayatana-appindicator3-dev libxdo-dev libssl-dev xvfb xauth webkit2gtk-driver poppler-utils qpdf zbar-tools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v npm >/dev/null || { echo "setup: npm not found; install Node.js (20 or newer) and npm" >&2; exit 1; }

# The web UI: installed exactly from its lock file, and built (the Tauri build embeds ui/dist).
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm ci --prefix ui --no-audit --no-fund --loglevel=error
fi
npm run build --prefix ui --silent

# The bundled CJK fonts for printed documents come from the npm registry (never downloaded at run time).
fonts=src-tauri/crates/forms/fonts
if [ -f "$fonts/package-lock.json" ] && [ ! -d "$fonts/node_modules" ]; then
  npm ci --prefix "$fonts" --no-audit --no-fund --loglevel=error
fi
