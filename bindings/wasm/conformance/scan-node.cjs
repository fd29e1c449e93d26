// Scans files with the WebAssembly build under Node (wasm-bindgen's nodejs target) and prints
// the report JSON (or with --model, the report's normalized model): the conformance check
// compares it byte for byte with the other surfaces.
//   node scan-node.cjs PKG_DIR [--model] FILE...
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [pkg, ...rest] = process.argv.slice(2);
const model = rest[0] === '--model';
const files = model ? rest.slice(1) : rest;
const wasm = require(path.resolve(pkg, 'gatepost_wasm.js'));
const set = new wasm.FileSet();
for (const f of files) set.add(f, fs.readFileSync(f));
const out = wasm.scan(set, '{}');
process.stdout.write(model ? out.modelJson() : out.json);
process.exitCode = out.exitCode;
