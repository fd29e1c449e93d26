// Scans files with the WebAssembly build under Node (wasm-bindgen's nodejs target) and prints
// the report JSON: the conformance check compares it byte for byte with the other surfaces.
//   node scan-node.cjs PKG_DIR FILE...
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [pkg, ...files] = process.argv.slice(2);
const wasm = require(path.resolve(pkg, 'gatepost_wasm.js'));
const set = new wasm.FileSet();
for (const f of files) set.add(f, fs.readFileSync(f));
const out = wasm.scan(set, '{}');
process.stdout.write(out.json);
process.exitCode = out.exitCode;
