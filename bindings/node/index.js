'use strict';
// gatepost for Node.js: policy-as-code checks for micro-apps over the same Rust core as the
// CLI. Scans run on the libuv thread pool (`scan`) or on the calling thread (`scanSync`).

const path = require('node:path');
const native = require(path.join(__dirname, 'gatepost.node'));

class GatepostError extends Error {
  constructor(message) {
    super(message);
    this.name = 'GatepostError';
  }
}

function toInput(input) {
  if (typeof input === 'string') return { paths: [input] };
  if (Array.isArray(input)) return { paths: input.map(String) };
  if (input && typeof input === 'object') {
    const files = Object.entries(input).map(([p, c]) => {
      let contents;
      if (typeof c === 'string') contents = Buffer.from(c, 'utf8');
      else if (c instanceof Uint8Array) contents = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
      else throw new TypeError(`${p}: contents must be a string, Buffer or Uint8Array`);
      return { path: p, contents };
    });
    return { files };
  }
  throw new TypeError('scan() takes {path: contents}, a path, or an array of paths');
}

function wrap(f) {
  try {
    return f();
  } catch (e) {
    return rethrow(e);
  }
}

function toReport(native) {
  const json = native.render('json');
  const report = JSON.parse(json);
  // The exact bytes, the requested rendering and the methods stay off JSON.stringify(report).
  Object.defineProperties(report, {
    json: { value: json },
    output: { value: native.render() },
    exitCode: { value: native.exitCode() },
    render: { value: (format) => wrap(() => native.render(String(format))) },
    modelJson: { value: () => wrap(() => native.modelJson()) },
  });
  return report;
}

function rethrow(e) {
  throw e instanceof TypeError ? e : new GatepostError(e.message);
}

function scanSync(input, options) {
  const i = toInput(input);
  const opts = JSON.stringify(options || {});
  try {
    return toReport(i.files ? native.scanFilesSync(i.files, opts) : native.scanPathsSync(i.paths, opts));
  } catch (e) {
    return rethrow(e);
  }
}

async function scan(input, options) {
  const i = toInput(input);
  const opts = JSON.stringify(options || {});
  try {
    return toReport(await (i.files ? native.scanFiles(i.files, opts) : native.scanPaths(i.paths, opts)));
  } catch (e) {
    return rethrow(e);
  }
}

function rules() {
  return JSON.parse(native.rulesJson());
}

function version() {
  return native.version();
}

module.exports = { scan, scanSync, rules, version, GatepostError };
