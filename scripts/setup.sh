#!/usr/bin/env bash
# Installs what building and testing Xiezuo needs on Debian/Ubuntu, skipping what is already there.
# Rust (cargo) must be installed; everything else comes from Debian's packages and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust (https://rustup.rs) first" >&2; exit 1; }

# C toolchain for bundled SQLite; PDF and QR tools the document tests use to read PDFs back.
packages=(build-essential pkg-config poppler-utils qpdf zbar-tools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The bundled CJK fonts for printed documents come from the npm registry (never downloaded at run time).
fonts=src-tauri/crates/forms/fonts
if [ -f "$fonts/package-lock.json" ] && [ ! -d "$fonts/node_modules" ]; then
  command -v npm >/dev/null || { echo "setup: npm not found; install Node.js and npm" >&2; exit 1; }
  npm ci --prefix "$fonts" --no-audit --no-fund --loglevel=error
fi
