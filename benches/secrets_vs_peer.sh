#!/usr/bin/env bash
# Times gatepost's secret scan and detect-secrets on the same source tree
# (this repository's own sources repeated to >= 50 MB), in the same run, and prints
# the ratio. Results go to stdout; commit a dated copy under benches/results/.
#
#   benches/secrets_vs_peer.sh [TREE_DIR]
#
# detect-secrets is installed with pip into a scratch venv (not into the project).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/gatepost-secrets-bench"
tree="${1:-$work/tree}"
mkdir -p "$work"

# 1. The tree: the repository's Rust and Rego sources, copied round after round.
if [ ! -d "$tree" ]; then
  mkdir -p "$tree"
  round=0
  while [ "$(du -sm "$tree" | cut -f1)" -lt 50 ]; do
    round=$((round + 1))
    (cd "$root" && find crates policies -type f \( -name '*.rs' -o -name '*.rego' \) \
        -not -path '*/secrets/tests.rs' -not -name 'secrets_redaction.rs' -print0 |
      while IFS= read -r -d '' f; do
        mkdir -p "$tree/r$round/$(dirname "$f")"
        cp "$f" "$tree/r$round/$f"
      done)
  done
fi
mb=$(du -sm "$tree" | cut -f1)
files=$(find "$tree" -type f | wc -l)

# 2. The tools.
cargo build --release -q -p gatepost-cli --manifest-path "$root/Cargo.toml"
gatepost="$root/target/release/gatepost"
if [ ! -x "$work/venv/bin/detect-secrets" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q detect-secrets
fi
ds_version=$("$work/venv/bin/detect-secrets" --version)

# 3. The timings (wall clock; gatepost uses its rayon pool, detect-secrets one process).
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
g1=$(RAYON_NUM_THREADS=1 t "$gatepost" scan --select secrets --format json "$tree")
gn=$(t "$gatepost" scan --select secrets --format json "$tree")
ds=$(cd "$tree" && t "$work/venv/bin/detect-secrets" scan --all-files .)

echo "date: $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tree: $mb MB, $files files (repository sources repeated; their tests plant a few secrets)"
echo "gatepost $("$gatepost" --version 2>/dev/null | head -1) scan --select secrets, 1 thread: ${g1}s ($(echo "scale=1; $mb / $g1" | bc) MB/s)"
echo "gatepost scan --select secrets, all cores: ${gn}s ($(echo "scale=1; $mb / $gn" | bc) MB/s)"
echo "detect-secrets $ds_version scan --all-files: ${ds}s ($(echo "scale=1; $mb / $ds" | bc) MB/s)"
echo "ratio detect-secrets / gatepost (1 thread): $(echo "scale=1; $ds / $g1" | bc)x"
