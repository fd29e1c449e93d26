#!/usr/bin/env bash
# pre-commit entry: builds gatepost from this checkout once (pre-commit keeps the checkout
# in its cache), then scans the staged files it is given. GATEPOST_BIN selects a prebuilt
# binary instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${GATEPOST_BIN:-$here/target/release/gatepost}"
if [ -z "${GATEPOST_BIN:-}" ] && [ ! -x "$bin" ]; then
    command -v cargo >/dev/null || { echo "gatepost: cargo is needed to build the hook (https://rustup.rs), or set GATEPOST_BIN" >&2; exit 2; }
    echo "gatepost: building the CLI once (cargo build --release)..." >&2
    cargo build --release --quiet --locked -p gatepost-cli --manifest-path "$here/Cargo.toml" >&2
fi
exec "$bin" scan --pre-commit --no-progress "$@"
