#!/usr/bin/env bash
# Short fuzzing pass over every target in fuzz/: installs cargo-fuzz if missing, builds once,
# runs each target for FUZZ_SECONDS (default 60, about a minute) from seeds, and fails on any
# crash, timeout or out-of-memory. Long runs and results: FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
TARGETS=(hcl yaml workflow gitlab k8s terraform scan model)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# A small corpus of its own: the grown corpus of long runs would take minutes just to replay.
SMOKE_CORPUS=fuzz/target/smoke-corpus
rm -rf "$SMOKE_CORPUS"
FUZZ_CORPUS_DIR="$SMOKE_CORPUS" FUZZ_MAX_SEEDS="${FUZZ_MAX_SEEDS:-12}" ./fuzz/seed.sh

cd fuzz
cargo +nightly fuzz build -O
# Known false leak reports only (see the file); any other leak still fails the pass.
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

failed=()
for t in "${TARGETS[@]}"; do
    log="target/fuzz-smoke-$t.log"
    if cargo +nightly fuzz run "$t" -O "../$SMOKE_CORPUS/$t" -- -max_total_time="$SECONDS_EACH" -timeout=30 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        printf '%-10s ok   %s\n' "$t" "$(grep -m1 '^stat::number_of_executed_units' "$log" | awk '{print $2 " execs"}')"
    else
        printf '%-10s FAIL (log: fuzz/%s; reproducer under fuzz/artifacts/%s/)\n' "$t" "$log" "$t"
        grep -E 'panicked|ERROR: libFuzzer|SUMMARY' "$log" | head -n 5 || true
        failed+=("$t")
    fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz smoke: crashes in ${failed[*]}"; exit 1; }
echo "fuzz smoke: ${#TARGETS[@]} targets, ${SECONDS_EACH}s each, no crash"
