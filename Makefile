# The two commands of the README, plus benchmarks. `make run` sets up and starts the app on the
# demo data; `make test` sets up and runs every test.

.PHONY: setup run test bench

setup:
	bash scripts/setup.sh

# Until the desktop window lands (issue #4), "the app" is the `xiezuo` CLI on the default database
# (the same file the desktop app will open), loaded with the demo data.
run: setup
	cargo build --release -p xiezuo-cli
	./target/release/xiezuo init
	./target/release/xiezuo demo
	./target/release/xiezuo register
	./target/release/xiezuo attention

test: setup
	cargo test --workspace

bench: setup
	cargo bench -p xiezuo-engine --bench engine
