// The JavaScript API over the WebAssembly build (js/gatepost.mjs on wasm-bindgen's web
// output in pkg/), under Node: scans, rendering after the scan, the model, errors, and
// js/gatepost.d.ts held to what the module really exports and a report really carries.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as gatepost from '../js/gatepost.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = path.resolve(here, '..');
const DTS = fs.readFileSync(path.join(wasmDir, 'js/gatepost.d.ts'), 'utf8');
const NODE_DTS = fs.readFileSync(path.join(wasmDir, '../node/index.d.ts'), 'utf8');
const PUBLIC = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n';

await gatepost.load(fs.readFileSync(path.join(wasmDir, 'pkg/gatepost_wasm_bg.wasm')));

test('scan reports located findings', () => {
  const report = gatepost.scan({ 'app/main.tf': PUBLIC });
  const f = report.findings.find((x) => x.rule === 'aws-s3-public-acl');
  assert.equal(f.file, 'app/main.tf');
  assert.equal(f.line, 3);
  assert.equal(report.exitCode, 1);
  assert.equal(report.output, report.json);
  assert.deepEqual(Object.keys(report), ['version', 'findings', 'errors', 'summary', 'costs']);
});

test('a report renders in any format after the scan', () => {
  const report = gatepost.scan({ 'a/main.tf': PUBLIC });
  const sarif = JSON.parse(report.render('sarif'));
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'aws-s3-public-acl'));
  assert.equal(report.render('sarif'), gatepost.scan({ 'a/main.tf': PUBLIC }, { format: 'sarif' }).output);
  assert.match(report.render('text'), /aws-s3-public-acl/);
  assert.equal(report.render('json'), report.json);
  assert.throws(() => report.render('xml'), gatepost.GatepostError);
});

test('a report gives the normalized model', () => {
  const report = gatepost.scan({ 'a/main.tf': PUBLIC, 'a/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' });
  const model = JSON.parse(report.modelJson());
  const bucket = model.resources.find((r) => r.address === 'aws_s3_bucket.b');
  assert.equal(bucket.attrs.acl, 'public-read');
  assert.ok(model.resources.some((r) => r.type === 'Namespace'));
  assert.equal(model.unresolved, report.summary.unresolved);
});

test('errors', () => {
  assert.throws(() => gatepost.scan({ 'a/main.tf': PUBLIC }, { minSeverity: 'huge' }), gatepost.GatepostError);
  assert.throws(() => gatepost.scan({ 'a/main.tf': 3 }), TypeError);
  const bad = gatepost.scan({ 'a/main.tf': 'resource {{{' });
  assert.equal(bad.errors[0].kind, 'parse');
  assert.equal(bad.exitCode, 2);
});

/** Members of `export interface NAME { ... }`: name → {optional, method}. */
function members(name) {
  const m = DTS.match(new RegExp(`^export interface ${name} \\{\\n([\\s\\S]*?)^\\}`, 'm'));
  assert.ok(m, `interface ${name} in gatepost.d.ts`);
  const out = new Map();
  for (const line of m[1].split('\n')) {
    const f = line.match(/^ {2}(?:readonly )?(\w+)(\?)?([:(])/);
    if (f) out.set(f[1], { optional: Boolean(f[2]), method: f[3] === '(' });
  }
  return out;
}

test('gatepost.d.ts declares exactly the exports and report members', () => {
  const declared = new Map([...DTS.matchAll(/^export (function|class) (\w+)/gm)].map((m) => [m[2], m[1]]));
  assert.deepEqual([...declared.keys()].sort(), Object.keys(gatepost).sort());
  for (const [name, kind] of declared) {
    assert.equal(/^class\b/.test(Function.prototype.toString.call(gatepost[name])), kind === 'class', name);
  }
  const report = gatepost.scan({ 'a/main.tf': PUBLIC });
  const declaredReport = members('Report');
  const actual = Object.getOwnPropertyNames(report);
  for (const [k, m] of declaredReport) {
    if (!m.optional) assert.ok(actual.includes(k), `Report.${k} is declared but missing`);
    assert.equal(typeof report[k] === 'function', m.method, `Report.${k}: method or field as declared`);
  }
  for (const k of actual) assert.ok(declaredReport.has(k), `Report.${k} is not declared`);
  // Self-contained, and the shared declarations are the Node package's, verbatim.
  assert.doesNotMatch(DTS, /^import /m);
  const shared = NODE_DTS.slice(0, NODE_DTS.indexOf('/** In-memory files'));
  assert.ok(shared.length > 1000 && DTS.includes(shared.trimEnd()), 'shared types differ from bindings/node/index.d.ts');
});
