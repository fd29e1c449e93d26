'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const gatepost = require('..');

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = 'testdata/examples/where2eat';
const PUBLIC = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n';
process.chdir(ROOT);

function exampleFiles() {
  const out = {};
  for (const rel of fs.readdirSync(EXAMPLE, { recursive: true })) {
    const p = path.join(EXAMPLE, rel);
    if (fs.statSync(p).isFile()) out[p.split(path.sep).join('/')] = fs.readFileSync(p);
  }
  return out;
}

test('scanSync reports located findings', () => {
  const report = gatepost.scanSync({ 'app/main.tf': PUBLIC });
  const f = report.findings.find((x) => x.rule === 'aws-s3-public-acl');
  assert.ok(f);
  assert.equal(f.file, 'app/main.tf');
  assert.equal(f.line, 3);
  assert.equal(f.severity, 'high');
  assert.equal(report.exitCode, 1);
  assert.equal(report.summary.findings, report.findings.length);
});

test('scan is async and does not block the event loop', async () => {
  const files = exampleFiles();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const reports = await Promise.all([1, 2, 3, 4].map(() => gatepost.scan(files)));
  clearInterval(timer);
  assert.ok(ticks > 0, 'the event loop ran while scans were in flight');
  for (const r of reports) assert.equal(r.json, reports[0].json);
  assert.equal(reports[0].json, gatepost.scanSync(files).json);
});

test('paths and in-memory files give the same bytes', async () => {
  const fromDisk = await gatepost.scan(EXAMPLE);
  const inMemory = gatepost.scanSync(exampleFiles());
  assert.equal(fromDisk.json, inMemory.json);
  const rules = new Set(fromDisk.findings.map((f) => f.rule));
  assert.ok(rules.has('aws-iam-wildcard-action'));
  assert.equal(fromDisk.costs.apps[0].app, EXAMPLE);
  assert.deepEqual(Object.keys(fromDisk), ['version', 'findings', 'errors', 'summary', 'costs']);
});

test('options: camelCase, formats, user policies', () => {
  const off = gatepost.scanSync({ 'a/main.tf': PUBLIC }, { disabled: ['storage'] });
  assert.ok(!off.findings.some((f) => f.family === 'storage'));
  const sarif = gatepost.scanSync({ 'a/main.tf': PUBLIC }, { format: 'sarif' });
  assert.equal(JSON.parse(sarif.output).version, '2.1.0');
  const cheap = gatepost.scanSync(exampleFiles(), { costCeiling: 1 });
  assert.ok(cheap.findings.some((f) => f.rule === 'cost-app-over-ceiling'));
  const rego =
    'package custom.no_buckets\n\ndeny contains f if {\n  some r in input.by_type.aws_s3_bucket\n' +
    '  f := {"address": r.address, "pointer": "", "message": "no buckets here"}\n}\n';
  const mine = gatepost.scanSync({ 'a/main.tf': PUBLIC }, { policies: { 'mine/no_buckets.rego': rego } });
  assert.ok(mine.findings.some((f) => f.message === 'no buckets here'));
});

test('a report renders in any format after the scan', async () => {
  const report = await gatepost.scan({ 'a/main.tf': PUBLIC });
  assert.equal(report.output, report.json);
  const sarif = JSON.parse(report.render('sarif'));
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'aws-s3-public-acl'));
  assert.equal(report.render('sarif'), gatepost.scanSync({ 'a/main.tf': PUBLIC }, { format: 'sarif' }).output);
  assert.match(report.render('text'), /aws-s3-public-acl/);
  assert.equal(report.render('json'), report.json);
  assert.throws(() => report.render('xml'), gatepost.GatepostError);
});

test('a report gives the normalized model', async () => {
  const report = gatepost.scanSync({ 'a/main.tf': PUBLIC });
  const model = JSON.parse(report.modelJson());
  assert.equal(model.resources[0].address, 'aws_s3_bucket.b');
  assert.equal(model.resources[0].attrs.acl, 'public-read');
  assert.equal(model.unresolved, report.summary.unresolved);
  const fromDisk = await gatepost.scan(EXAMPLE);
  assert.equal(fromDisk.modelJson(), gatepost.scanSync(exampleFiles()).modelJson());
});

test('errors', async () => {
  assert.throws(() => gatepost.scanSync({ 'a/main.tf': PUBLIC }, { minSeverity: 'huge' }), gatepost.GatepostError);
  await assert.rejects(gatepost.scan({ 'a/main.tf': PUBLIC }, { format: 'xml' }), /unknown format/);
  assert.throws(() => gatepost.scanSync({ 'a/main.tf': 3 }), TypeError);
  const bad = gatepost.scanSync({ 'a/main.tf': 'resource {{{', 'k/x.yaml': Buffer.from([0xff, 0xfe]) });
  assert.deepEqual([...new Set(bad.errors.map((e) => e.kind))], ['parse']);
  assert.equal(bad.exitCode, 2);
});

test('rules and version', () => {
  assert.ok(gatepost.rules().some((r) => r.id === 'aws-s3-public-acl' && r.family === 'storage'));
  assert.match(gatepost.version(), /^\d+\.\d+\.\d+$/);
});
