# The two commands of the README, plus benchmarks. `make run` sets up and starts the app on the
# demo data; `make test` sets up and runs every test (the last ones drive the real window).

.PHONY: setup run test e2e e2e-screenshots bench bench-desktop bench-register fuzz crash

setup:
	bash scripts/setup.sh

# The desktop app on the default database in the app-data folder; a new database starts with the
# demo data.
run: setup
	cargo build --release -p xiezuo
	./target/release/xiezuo-desktop

test: setup
	npm test --prefix ui --silent
	cargo test --workspace
	bash tests/e2e/run.sh

# The desktop window's end-to-end tests alone (WebDriver under Xvfb; tests/e2e/).
e2e: setup
	bash tests/e2e/run.sh

# 1280×800 PNGs of the window in both languages: XIEZUO_SCREENSHOTS=docs/screenshots make e2e-screenshots
e2e-screenshots: setup
	bash tests/e2e/run.sh screenshots

bench: setup
	cargo bench -p xiezuo-engine --bench engine

# Cold start, idle memory, binary and .deb size of the desktop app (release build).
bench-desktop: setup
	bash scripts/bench-desktop.sh

# The register on 100k collaborations in the real window: first rows, scroll frame times (release
# build; seeds /tmp/xiezuo-bench-100k/ with the engine benchmark if missing, or DB=path).
bench-register: setup
	bash scripts/bench-register.sh $(DB)

# Every fuzz target (spreadsheet import, `exec` JSON, holiday-file import), one after the other,
# FUZZ_SECONDS each (default 600): `make fuzz FUZZ_SECONDS=60`; needs a nightly toolchain.
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

# The crash-safety harness at full size: KILLS SIGKILLs of a writing `xiezuo exec` (default 1000),
# each followed by integrity and completeness checks: `make crash KILLS=200`.
crash:
	bash scripts/crash.sh $(KILLS)
