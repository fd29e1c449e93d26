// gatepost in the browser (or any ES module host): the WebAssembly build wrapped in the same
// API shape as the Node package. Everything runs in the page; nothing is fetched but the
// module itself.
import init, { FileSet, scan as wasmScan, rulesJson, version as wasmVersion } from '../pkg/gatepost_wasm.js';

export class GatepostError extends Error {
  constructor(message) {
    super(message);
    this.name = 'GatepostError';
  }
}

let ready;

/** Load the module once (from `source`: a URL, Response, bytes or WebAssembly.Module). */
export function load(source) {
  ready ??= init(source === undefined ? undefined : { module_or_path: source });
  return ready;
}

const utf8 = new TextEncoder();

function guard(f) {
  try {
    return f();
  } catch (e) {
    throw new GatepostError(e.message ?? String(e));
  }
}

/** Scan in-memory files ({path: string | Uint8Array}). Call `load()` first. */
export function scan(files, options = {}) {
  const set = new FileSet();
  try {
    for (const [path, contents] of Object.entries(files)) {
      if (typeof contents === 'string') set.add(path, utf8.encode(contents));
      else if (contents instanceof Uint8Array) set.add(path, contents);
      else throw new TypeError(`${path}: contents must be a string or Uint8Array`);
    }
    const out = guard(() => wasmScan(set, JSON.stringify(options)));
    const json = guard(() => out.json);
    const report = JSON.parse(json);
    // `out` stays alive with the report (the module frees it once both are collected), so
    // the report can be rendered again; the extras stay off JSON.stringify(report).
    Object.defineProperties(report, {
      json: { value: json },
      output: { value: guard(() => out.output) },
      exitCode: { value: out.exitCode },
      render: { value: (format) => guard(() => out.render(String(format))) },
      modelJson: { value: () => guard(() => out.modelJson()) },
    });
    return report;
  } finally {
    set.free();
  }
}

export function rules() {
  return JSON.parse(rulesJson());
}

export function version() {
  return wasmVersion();
}
