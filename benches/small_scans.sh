#!/usr/bin/env bash
# Small in-process scans (what bindings, editors and fuzzers do): this tree against a base
# revision, same harness for both (the `small_scan` example of this tree is copied into the
# base). Each case runs each build three times; the table gives each one's best
# warm mean. The first scan of a process is shown apart: it also loads the rules.
#
#   benches/small_scans.sh [BASE_REV]      # default: HEAD~1
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev="${1:-HEAD~1}"
work="$(mktemp -d)"
cleanup() {
    git worktree remove --force "$work/base" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
git worktree add -q --detach "$work/base" "$base_rev"
cp crates/gatepost/examples/small_scan.rs "$work/base/crates/gatepost/examples/small_scan.rs"
cargo build --release -q -p gatepost --example small_scan
CARGO_TARGET_DIR=target/bench-base cargo build --release -q -p gatepost --example small_scan \
    --manifest-path "$work/base/Cargo.toml"
new=target/release/examples/small_scan
old=target/bench-base/release/examples/small_scan

app=testdata/examples/where2eat
cases=(
    "$app/.github/workflows/deploy.yml .github/workflows/deploy.yml 2000"
    "$app/terraform/main.tf main.tf 1000"
    "$app 300 2" "$app 300 4" "$app 300 8" "$app 300"
    "testdata/rules 40 16" "testdata/rules 40 32" "testdata/rules 40 64"
)
[ -d ../shared/corpus/kics-k8s ] && cases+=("../shared/corpus/kics-k8s 10 40")

# "… then 1.2ms each" / "… 1.2ms each" → microseconds.
us() { sed -E 's/.* ([0-9.]+)(µs|ms|s) each.*/\1 \2/' | awk '{v=$1; if ($2=="ms") v*=1000; if ($2=="s") v*=1e6; printf "%.0f", v}'; }
best() { sort -n | head -n1; }

printf '| input | %s (µs) | this tree (µs) | first scan, this tree |\n|---|---:|---:|---|\n' "$base_rev"
for c in "${cases[@]}"; do
    # shellcheck disable=SC2086
    { o=$(for _ in 1 2 3; do $old $c 2>&1 | us; echo; done | best)
      n=$(for _ in 1 2 3; do $new $c 2>&1 | us; echo; done | best)
      first=$($new $c 2>&1 | sed -nE 's/.*(first scan [0-9.]+[µm]?s).*/\1/p'); }
    printf '| `%s` | %s | %s | %s |\n' "$c" "$o" "$n" "${first:-—}"
done
