# The two commands of the README, plus benchmarks. `make run` sets up and starts the app on the
# demo data; `make test` sets up and runs every test.

.PHONY: setup run test bench

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

bench: setup
	cargo bench -p xiezuo-engine --bench engine
