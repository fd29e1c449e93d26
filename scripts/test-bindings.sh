#!/usr/bin/env bash
# Builds every binding once (release) and tests each surface: the C ABI (also under
# valgrind), Python, Node, WebAssembly (under Node and in headless Chromium), then checks
# that the Rust API, the CLI, C, Python, Node and WASM print the same report JSON, and the
# same normalized model JSON (as `gatepost model` prints it), byte for byte, for the
# conformance fixture set. Installs what it needs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
WASM_BINDGEN_VERSION=0.2.130 # must equal the `wasm-bindgen = "=…"` pin in bindings/wasm/Cargo.toml
OUT=target/conformance
REL=target/release
mkdir -p "$OUT"

step() { printf '\n== %s\n' "$*"; }

step "tools"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
VENV=target/bindings-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check maturin pytest
(cd bindings/wasm && npm ci --no-audit --no-fund --silent)

step "build (release, once)"
cargo build --release -p gatepost-cli -p gatepost-ffi -p gatepost-node
cargo build --release --target wasm32-unknown-unknown -p gatepost-wasm
WASM=target/wasm32-unknown-unknown/release/gatepost_wasm.wasm
wasm-bindgen --target web --out-dir bindings/wasm/pkg "$WASM"
wasm-bindgen --target nodejs --out-dir target/wasm-node "$WASM"
cp "$REL/libgatepost_node.so" bindings/node/gatepost.node
# The Python package is installed the way a user would: pip over the source directory.
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall ./bindings/python

# The conformance fixture set: the example app and hostile inputs, paths as given.
ROOTS=(testdata/examples/where2eat testdata/conformance)
mapfile -t FILES < <(find "${ROOTS[@]}" -type f | LC_ALL=C sort)

# Runs a command that exits 0, 1 or 2 (clean, findings, errors): only >2 is a failure.
scan_to() {
  local out=$1
  shift
  set +e
  "$@" >"$out"
  local code=$?
  set -e
  [ "$code" -le 2 ] || { echo "$* exited $code"; exit 1; }
}

step "Rust API (writes the expected JSON) and the committed C header"
cargo test -q -p gatepost --test conformance
cargo test -q -p gatepost-ffi --test header

step "CLI"
scan_to "$OUT/cli.json" "$REL/gatepost" scan "${ROOTS[@]}" --no-config --format json
scan_to "$OUT/cli.model.json" "$REL/gatepost" model "${ROOTS[@]}" --no-config

step "C ABI"
gcc -std=c11 -Wall -Wextra -Werror -O2 -g -Icrates/gatepost-ffi/include \
  crates/gatepost-ffi/examples/scan.c -o target/scan-c -L"$REL" -lgatepost_ffi -Wl,-rpath,"$ROOT/$REL"
./target/scan-c --check-errors
scan_to "$OUT/c.json" ./target/scan-c "${FILES[@]}"
scan_to "$OUT/c-paths.json" ./target/scan-c --paths "${ROOTS[@]}"
scan_to "$OUT/c.model.json" ./target/scan-c --model "${FILES[@]}"
scan_to "$OUT/c-paths.model.json" ./target/scan-c --model --paths "${ROOTS[@]}"
# Leaks count only when definite: rayon's pool threads and the lazily built rule engine and
# price table live for the whole process by design.
# valgrind reports its own errors with exit code 99, apart from the scan's 0/1/2.
# scripts/valgrind.supp says why regorus's register fill is suppressed, and nothing else is.
VG=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --error-exitcode=99
    --suppressions=scripts/valgrind.supp)
"${VG[@]}" ./target/scan-c --check-errors >/dev/null
mapfile -t EXAMPLE < <(find testdata/examples/where2eat -type f | LC_ALL=C sort)
set +e
"${VG[@]}" ./target/scan-c "${EXAMPLE[@]}" >/dev/null
code=$?
set -e
[ "$code" -le 2 ] || { echo "valgrind found errors or leaks (exit $code)"; exit 1; }
echo "valgrind: no errors, no definite leaks"

step "Python"
(cd bindings/python && "$ROOT/$VENV/bin/python" -m pytest -q tests)
scan_to "$OUT/python.json" "$VENV/bin/python" -c '
import sys, gatepost
out, paths = sys.argv[1], sys.argv[2:]
report = gatepost.scan({p: open(p, "rb").read() for p in paths})
open(out + ".model.json", "w", encoding="utf-8", newline="").write(report.model_json())
sys.stdout.write(report.to_json())' "$OUT/python" "${FILES[@]}"
scan_to "$OUT/python-cli.json" "$VENV/bin/python" -m gatepost scan "${ROOTS[@]}" --format json
scan_to "$OUT/python-script.json" "$VENV/bin/gatepost" scan "${ROOTS[@]}" --format json

step "Node"
node --test bindings/node/test/
scan_to "$OUT/node.json" node -e '
const fs = require("node:fs");
const gatepost = require("./bindings/node");
const [out, ...paths] = process.argv.slice(1);
const files = Object.fromEntries(paths.map((p) => [p, fs.readFileSync(p)]));
gatepost.scan(files).then((r) => {
  fs.writeFileSync(`${out}.model.json`, r.modelJson());
  process.stdout.write(r.json);
});' "$OUT/node" "${FILES[@]}"

step "WebAssembly"
raw=$(stat -c %s bindings/wasm/pkg/gatepost_wasm_bg.wasm)
gz=$(gzip -9 -c bindings/wasm/pkg/gatepost_wasm_bg.wasm | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "wasm module: %.2f MB raw, %.2f MB gzip (goal < 5 MB gzip)\n", r / 1048576, g / 1048576 }'
[ "$gz" -lt $((5 * 1024 * 1024)) ] || { echo "wasm module over 5 MB gzip"; exit 1; }
scan_to "$OUT/wasm.json" node bindings/wasm/conformance/scan-node.cjs target/wasm-node "${FILES[@]}"
scan_to "$OUT/wasm.model.json" node bindings/wasm/conformance/scan-node.cjs target/wasm-node --model "${FILES[@]}"
(cd bindings/wasm && node --test test/)
echo "screenshot: target/playground.png"

step "conformance: every surface prints the same bytes"
same() {
  cmp "$OUT/rust$2" "$OUT/$1$2" || { echo "$1$2 differs from the Rust API's"; diff "$OUT/rust$2" "$OUT/$1$2" | head -20; exit 1; }
  echo "$1$2: identical ($(wc -c <"$OUT/$1$2") bytes)"
}
for s in cli c c-paths python python-cli python-script node wasm; do same "$s" .json; done
step "conformance: every surface gives the same normalized model"
for s in cli c c-paths python node wasm; do same "$s" .model.json; done
