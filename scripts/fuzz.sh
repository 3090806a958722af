#!/usr/bin/env bash
# Runs the fuzz targets (cargo-fuzz, libFuzzer, address sanitizer) of every fuzz project for a while
# each, one after the other, and reports the figures:
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s, every target)
# Projects: src-tauri/crates/interop/fuzz (spreadsheet import) and src-tauri/crates/engine/fuzz
# (`exec` JSON lines, holiday-file import). Each target's corpus is kept in <project>/corpus/<target>
# and grows from run to run; findings land in <project>/artifacts/<target>.
# Needs a nightly toolchain (`rustup toolchain install nightly`) and cargo-fuzz (installed here from
# crates.io if missing). Not part of CI: a benchmark-style run, like `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
projects=(src-tauri/crates/interop/fuzz src-tauri/crates/engine/fuzz)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Every "project target" pair, or those named on the command line.
pairs=()
for project in "${projects[@]}"; do
  while read -r target; do
    if [ $# -eq 0 ] || [[ " $* " == *" $target "* ]]; then pairs+=("$project $target"); fi
  done < <(cargo +nightly fuzz list --fuzz-dir "$project")
done
[ ${#pairs[@]} -gt 0 ] || { echo "fuzz: no target named $*" >&2; exit 2; }

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT

# Seeds, so the fuzzer starts from real input rather than from nothing.
seed() {
  local target=$1 corpus=$2
  case $target in
    xlsx_import) # the workbooks Xiezuo itself writes, and the .xls fixtures
      if [ ! -f "$seeds/register.xlsx" ]; then
        cargo build -q -p xiezuo-cli
        ./target/debug/xiezuo --db "$seeds/demo.db" demo >/dev/null
        ./target/debug/xiezuo --db "$seeds/demo.db" export xlsx register -o "$seeds/register.xlsx" >/dev/null
        ./target/debug/xiezuo --db "$seeds/demo.db" export xlsx tasks XZ-2026-001 -o "$seeds/tasks.xlsx" >/dev/null
      fi
      cp "$seeds"/*.xlsx src-tauri/crates/interop/tests/fixtures/*.xls "$corpus/" 2>/dev/null || true ;;
    exec_json) # each line of the scenarios, without the test runner's own "bind"/"expect" keys, on
      # the scenario's collaboration and on the two demo ones (which are at earlier stages)
      local n=0 line number
      for scenario in tests/scenarios/*.jsonl; do
        while IFS= read -r line; do
          n=$((n + 1))
          line=$(sed -E 's/^\{("bind"|"expect"):"[^"]*",/{/; s/^\{("bind"|"expect"):"[^"]*",/{/' <<<"$line")
          printf '%s\n' "$line" >"$corpus/scenario-$n.json"
          [[ $line == *'$c.number'* ]] || continue
          for number in XZ-2026-001 XZ-2026-002; do
            printf '%s\n' "${line//\$c.number/$number}" >"$corpus/scenario-$n-$number.json"
          done
        done <"$scenario"
      done
      # A dictionary of every action name (the enum's variants in snake_case), so the fuzzer tries
      # each action rather than only those the scenario uses.
      sed -n '/^pub enum Action {/,/^}/p' src-tauri/crates/engine/src/action.rs | grep -oE '^    [A-Z][A-Za-z]*' |
        sed -E 's/^ +//; s/([a-z])([A-Z])/\1_\2/g; s/.*/"\L&"/' >"$seeds/$target.dict" ;;
    calendar_import) # the bundled holiday-cn files and the engine tests' 2027 file
      cp src-tauri/crates/engine/data/holidays/*.json "$corpus/"
      sed -n '/^const HOLIDAYS_2027: &str = r#"/,/"#;$/p' src-tauri/crates/engine/tests/it/calendar.rs |
        sed '1s/^.*r#"//; $s/"#;$//' >"$corpus/tests-2027.json" ;;
  esac
}

stat_of() { grep -o "stat::$1: *[0-9]*" "$2" | grep -o '[0-9]*$' || echo "?"; }
# How many artifacts of a kind (crash, oom, timeout, leak) appeared in a folder since a stamp file.
new_findings() { find "$1" -type f -name "$2-*" -newer "$3" | wc -l; }

for pair in "${pairs[@]}"; do
  read -r project target <<<"$pair"
  corpus="$project/corpus/$target"
  artifacts="$project/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  seed "$target" "$corpus"
  cargo +nightly fuzz build --fuzz-dir "$project" "$target"
  log=$(mktemp)
  stamp=$(mktemp)
  status=0
  started=$(date +%s)
  options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1)
  [ ! -f "$seeds/$target.dict" ] || options+=(-dict="$seeds/$target.dict")
  cargo +nightly fuzz run --fuzz-dir "$project" "$target" "$corpus" -- "${options[@]}" >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - started))
  runs=$(stat_of number_of_executed_units "$log")
  rate=$(stat_of average_exec_per_sec "$log")
  findings=$(for kind in crash oom timeout leak; do printf '%s %s, ' "$(new_findings "$artifacts" "$kind" "$stamp")" "$kind"; done)
  echo "fuzz $target: ${elapsed} s, $runs executions, $rate exec/s, corpus $(find "$corpus" -type f | wc -l) inputs;" \
    "new findings: ${findings%, } (exit $status; artifacts in $artifacts)"
  if [ "$status" -ne 0 ]; then
    # What went wrong, in a few lines: the panic with its message, libFuzzer's or the sanitizer's
    # verdict and where the input was kept; the end of the log when none of these is there.
    report=$(awk '/panicked at/ { print; if (getline) print; next } /ERROR: |SUMMARY: |Test unit written to/' "$log" | head -12 || true)
    if [ -n "$report" ]; then echo "$report"; else tail -40 "$log"; fi
  fi
  rm -f "$log" "$stamp"
done
