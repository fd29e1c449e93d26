#!/usr/bin/env bash
# Runs every test of every surface. Installs what it needs; safe to run on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# A clean clone builds everything once: incremental caches would only take disk.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
# Labelled third-party test data lives beside the checkout (see each NOTICE.md).
CORPUS="${GATEPOST_CORPUS:-$(cd .. && pwd)/shared/corpus}"

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --workspace --all-targets -- -D warnings

step "unit, integration and Rego tests"
cargo test --workspace

step "the bundled example scans and reports its planted problems"
set +e
cargo run -q -p gatepost-cli -- scan testdata/examples/where2eat --format json > target/example.json
code=$?
set -e
test "$code" -eq 1 || { echo "expected exit code 1 (findings), got $code"; exit 1; }
echo "example scan: exit 1 with findings, as expected"

step "accuracy: KICS Terraform and Kubernetes fixtures"
cargo run -q -p gatepost-accuracy -- kics --corpus "$CORPUS/kics-terraform" --corpus "$CORPUS/kics-k8s"

step "workflow rules against zizmor's labelled corpus (bar: >=95% matched, <=5% extra per audit)"
cargo run -q -p gatepost-accuracy -- zizmor --corpus "${ZIZMOR_CORPUS:-$CORPUS/zizmor-workflows}"

step "the pre-commit hook, through pre-commit"
./scripts/test-precommit.sh

step "bindings: C, Python, Node, WebAssembly and the byte-for-byte conformance check"
./scripts/test-bindings.sh

# Last, as it is the slowest: a short fuzzing pass (GATEPOST_FUZZ_SECONDS=0 skips it). It
# needs the nightly toolchain for libFuzzer's instrumentation.
fuzz_seconds="${GATEPOST_FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" != 0 ]; then
    if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
        step "fuzz smoke: every fuzz target for ${fuzz_seconds}s"
        # The fuzz build has a target directory of its own; in CI, free the disk the
        # workspace builds used first.
        if [ "${CI:-}" = true ]; then rm -rf target/debug target/release target/wasm32-unknown-unknown; fi
        FUZZ_SECONDS="$fuzz_seconds" ./scripts/fuzz-smoke.sh
    else
        step "fuzz smoke: skipped, no nightly toolchain on this machine"
    fi
fi
