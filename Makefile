# Chaperone: `make run` builds everything and serves the playground; `make test` runs every test.
# Both install what a fresh Debian machine lacks (Rust wasm target, wasm-bindgen-cli, npm
# packages, Chromium and Firefox ESR), once.

SHELL       := /bin/bash
WBG_VERSION := 0.2.130
TARGET      := wasm32-unknown-unknown
# Cargo's output folder: target/, or CARGO_TARGET_DIR when set (a target folder shared by worktrees).
TARGET_DIR  := $(or $(CARGO_TARGET_DIR),target)
WASM        := $(TARGET_DIR)/$(TARGET)/release/chaperone.wasm
PKG         := build/pkg
CARGO_BIN   := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)

.PHONY: run site cli test dist wasm tools rust-tools node-tools py-tools browsers train test-rust test-model test-js test-dist test-wasm test-e2e test-site lint fmt bench fuzz clean

run: dist site
	@echo
	@echo "Extension folders: $(CURDIR)/dist/chrome and $(CURDIR)/dist/firefox (zips beside them)."
	@echo "Playground and docs: http://127.0.0.1:8080  (Ctrl+C stops the server)"
	@echo
	python3 -m http.server 8080 --bind 127.0.0.1 --directory build/site

## Tools ---------------------------------------------------------------------------------

tools: rust-tools node-tools py-tools

rust-tools:
	@rustup target list --installed | grep -q $(TARGET) || rustup target add $(TARGET)
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WBG_VERSION)" || \
	  cargo install wasm-bindgen-cli --version $(WBG_VERSION)

node-tools: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The trainer's Python packages (tools/requirements.txt), for `make train` and its test.
py-tools:
	@python3 -c 'import sklearn, scipy, numpy' 2>/dev/null && \
	  python3 -c 'import sklearn, sys; sys.exit(sklearn.__version__ != "1.7.2")' || \
	  python3 -m pip install -q --no-warn-script-location -r tools/requirements.txt

# Debian's Chromium and Firefox ESR. The image's apt hook can make a first install fail; retry.
browsers:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null; then \
	  for i in 1 2 3; do \
	    apt-get update -q && apt-get install -y -q chromium chromium-driver firefox-esr && break; \
	    apt-get install -f -y -q || true; sleep 2; \
	  done; \
	fi
	@command -v chromium >/dev/null && command -v firefox-esr >/dev/null

## Build ---------------------------------------------------------------------------------

wasm: rust-tools
	cargo build --lib --release --target $(TARGET) --no-default-features
	wasm-bindgen --target web --remove-name-section --remove-producers-section \
	  --out-dir $(PKG) $(WASM)

# The playground and documentation site, with the rule catalogue from the engine itself.
site: wasm node-tools cli
	node www/build.mjs

cli:
	cargo build --release

# The Chrome and Firefox extensions, and a zip of each packed by `web-ext build`
# (dist/chaperone-<browser>-<version>.zip, the version Cargo.toml's), under dist/; and their
# test builds (dist/test-chrome, dist/test-firefox), which also run on the loopback fixture
# server and are never zipped.
dist: wasm node-tools
	node extension/build.mjs

# The learned layer: fits the tagger and the post classifier to data/train/ and writes
# data/model/ (deterministic; about three minutes here). Features come from the built CLI, so the
# models follow the detectors: retrain after changing a detector or a feature.
train: cli py-tools
	python3 tools/train.py $(TARGET_DIR)/release/chaperone --out data/model

## Test ----------------------------------------------------------------------------------

test: test-rust test-model test-js dist test-dist lint test-wasm test-e2e test-site

# The committed models are what `make train` makes from the committed data, byte for byte.
test-model: cli py-tools
	python3 tools/train.py $(TARGET_DIR)/release/chaperone --out build/model
	cmp build/model/tagger.bin data/model/tagger.bin
	cmp build/model/reread.bin data/model/reread.bin
	cmp build/model/post.bin data/model/post.bin
	@echo "the committed models match make train"

test-rust:
	cargo test

# The extension's settings logic and message protocol in Node, without a browser, with the
# wasm engine judging rule ids as the background has it do; and that Cargo.toml, package.json
# and the lock files give one version.
test-js: wasm
	node --test tests/extension tests/version.test.mjs

# The store packages hold exactly the release folders' files (manifest, wasm, bundles, pages)
# and nothing of the test builds.
test-dist: dist
	node --test tests/dist.test.mjs

# The wasm binding in headless Chromium (tests/web.rs; flags in webdriver.json).
test-wasm: rust-tools browsers
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target $(TARGET) --no-default-features --test web

# Rust: rustfmt and clippy. JavaScript: ESLint (eslint.config.mjs) and Prettier
# (.prettierrc.json) on every .js and .mjs outside what .gitignore names. The built Firefox
# extension: web-ext lint. `make fmt` writes what the format checks want.
JS_FILES := '**/*.{js,mjs}'

lint: node-tools
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	npx eslint --max-warnings 0 .
	npx prettier --check $(JS_FILES)
	npx web-ext lint --source-dir dist/firefox --no-config-discovery --warnings-as-errors

fmt: node-tools
	cargo fmt
	npx prettier --write --log-level warn $(JS_FILES)

# The served playground and catalogue in headless Chromium and Firefox; axe-core on every page,
# light and dark, at 1280 and 360 px.
test-site: site browsers
	node tests/site/run.mjs

# The built extension in headless Chromium and Firefox, against real editor frameworks; axe-core
# on the badge with a card open, the popup and the options page.
test-e2e: dist browsers
	node tests/e2e/run.mjs chromium firefox

# Native criterion benchmarks, the wasm engine in headless Chromium, the built extension
# (keystroke to highlight, a stopped worker's cold start), against DESIGN.md's budgets; then
# the engine beside redact-pii from npm (installed for the benchmark only).
bench: dist browsers
	cargo bench --bench check
	node tests/bench/wasm.mjs
	node tests/bench/extension.mjs
	npm install --no-audit --no-fund --no-save --prefix build/bench-deps redact-pii@3.4.0
	node tests/bench/compare.mjs

# Fuzz `check` with cargo-fuzz on nightly (FUZZ_SECONDS, default 300), growing the corpus in
# fuzz/corpus/check; `make test` replays that corpus on stable (tests/properties.rs).
FUZZ_SECONDS ?= 300
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cargo +nightly fuzz run check -- -max_total_time=$(FUZZ_SECONDS)
	cargo +nightly fuzz cmin check

clean:
	rm -rf build dist target fuzz/target
