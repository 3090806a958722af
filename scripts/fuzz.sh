#!/usr/bin/env bash
# Runs the parsers' fuzz targets (cargo-fuzz, libFuzzer) for a while each and reports the figure:
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s, every target)
# Needs a nightly toolchain (`rustup toolchain install nightly`) and cargo-fuzz (installed here from
# crates.io if missing). Not part of CI: a benchmark-style run, like `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
fuzz_dir=src-tauri/crates/interop/fuzz
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list --fuzz-dir "$fuzz_dir")

# Seeds: the files Xiezuo itself writes, so the fuzzer starts from real workbooks.
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
cargo build -q -p xiezuo-cli
./target/debug/xiezuo --db "$seeds/demo.db" demo >/dev/null
./target/debug/xiezuo --db "$seeds/demo.db" export xlsx register -o "$seeds/register.xlsx" >/dev/null
./target/debug/xiezuo --db "$seeds/demo.db" export xlsx tasks XZ-2026-001 -o "$seeds/tasks.xlsx" >/dev/null
cp src-tauri/crates/interop/tests/fixtures/*.xls "$seeds/" 2>/dev/null || true

for target in "${targets[@]}"; do
  corpus="$fuzz_dir/corpus/$target"
  mkdir -p "$corpus"
  cp "$seeds"/*.xls* "$corpus/" 2>/dev/null || true
  log=$(mktemp)
  status=0
  cargo +nightly fuzz run --fuzz-dir "$fuzz_dir" "$target" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  crashes=$(find "$fuzz_dir/artifacts/$target" -type f 2>/dev/null | wc -l)
  echo "fuzz $target: $((seconds / 60)) min, $runs inputs, exit $status, $crashes crash artifact(s) in $fuzz_dir/artifacts/$target"
  [ "$status" -eq 0 ] || tail -40 "$log"
  rm -f "$log"
done
