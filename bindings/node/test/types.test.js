'use strict';
// index.d.ts is written by hand: check it against what the addon really exports and what a
// report really carries, both ways, so a new export or report field cannot go undeclared
// (or a declared one go missing).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const gatepost = require('..');

const DTS = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8');
const PUBLIC = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n';

/** `export function` and `export class` declarations (the runtime exports): name → kind. */
function declaredExports() {
  const out = new Map();
  for (const m of DTS.matchAll(/^export (?:declare )?(function|class) (\w+)/gm)) out.set(m[2], m[1]);
  return out;
}

/** Members of `export interface NAME { ... }`: name → {optional, method}. */
function members(name) {
  const m = DTS.match(new RegExp(`^export interface ${name} \\{\\n([\\s\\S]*?)^\\}`, 'm'));
  assert.ok(m, `interface ${name} in index.d.ts`);
  const out = new Map();
  for (const line of m[1].split('\n')) {
    const f = line.match(/^ {2}(?:readonly )?(\w+)(\?)?([:(])/);
    if (f) out.set(f[1], { optional: Boolean(f[2]), method: f[3] === '(' });
  }
  return out;
}

function sameKeys(name, actual) {
  const declared = members(name);
  const required = [...declared].filter(([, m]) => !m.optional).map(([k]) => k);
  for (const k of required) assert.ok(actual.includes(k), `${name}.${k} is declared but missing`);
  for (const k of actual) assert.ok(declared.has(k), `${name}.${k} is not declared in index.d.ts`);
}

test('every export is declared and every declaration exported', () => {
  const declared = declaredExports();
  assert.deepEqual([...declared.keys()].sort(), Object.keys(gatepost).sort());
  for (const [name, kind] of declared) {
    const v = gatepost[name];
    assert.equal(typeof v, 'function', name);
    assert.equal(/^class\b/.test(Function.prototype.toString.call(v)), kind === 'class', `${name} is a ${kind}`);
  }
});

test('a report has exactly the members Report declares', () => {
  const report = gatepost.scanSync({ 'a/main.tf': PUBLIC, 'k/x.yaml': 'a: [' });
  sameKeys('Report', Object.getOwnPropertyNames(report));
  for (const [k, m] of members('Report')) {
    assert.equal(typeof report[k] === 'function', m.method, `Report.${k}: method or field as declared`);
  }
  sameKeys('Finding', Object.keys(report.findings[0]));
  sameKeys('ScanError', Object.keys(report.errors[0]));
  sameKeys('Summary', Object.keys(report.summary));
});

test('a rule has exactly the members Rule declares', () => {
  for (const r of gatepost.rules()) sameKeys('Rule', Object.keys(r));
});
