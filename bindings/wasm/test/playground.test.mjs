// The playground in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
// load the example app through the page's test hook and through its file input, check the
// findings with their highlighted source lines and the cost table, and that the page made no
// request off this machine. Saves target/playground.png.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = path.resolve(here, '..');
const root = path.resolve(wasmDir, '../..');
const EXAMPLE = 'testdata/examples/where2eat';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

function serve() {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(wasmDir, `.${rel}`);
    if (!file.startsWith(wasmDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function exampleFiles() {
  const out = {};
  for (const rel of fs.readdirSync(path.join(root, EXAMPLE), { recursive: true })) {
    const p = path.join(root, EXAMPLE, rel);
    if (fs.statSync(p).isFile()) out[`${EXAMPLE}/${rel.split(path.sep).join('/')}`] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

test('playground shows findings, source lines and costs, offline', async (t) => {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  t.after(async () => { await browser.close(); server.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const offsite = [];
  const pageErrors = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin)) offsite.push(r.url()); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${origin}/playground/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });

  const report = await page.evaluate((files) => window.gatepostPlayground.addFiles(files), exampleFiles());
  assert.ok(report.findings.length >= 5, `findings: ${report.findings.length}`);

  // Every finding is on the page, and its source line is the highlighted one.
  const shown = await page.$$eval('#findings .finding', (els) => els.map((e) => ({
    rule: e.dataset.rule, file: e.dataset.file, line: Number(e.dataset.line),
    hit: e.querySelector('pre.source span.hit')?.dataset.n, text: e.querySelector('pre.source span.hit')?.textContent,
  })));
  assert.equal(shown.length, report.findings.length);
  const acl = shown.find((f) => f.rule === 'aws-s3-public-acl');
  assert.ok(acl, 'public ACL finding shown');
  assert.equal(Number(acl.hit), acl.line);
  assert.match(acl.text, /public-read/);
  assert.ok(shown.some((f) => f.rule === 'aws-iam-wildcard-action'));

  // Cost breakdown for the example app, over the default $50 ceiling.
  const caption = await page.textContent(`table.cost[data-app="${EXAMPLE}"] caption`);
  assert.match(caption, /\$273\.20\/month/);
  assert.match(caption, /over the \$50\.00 ceiling/);
  assert.match(await page.textContent('#costs'), /m5\.xlarge/);

  await page.screenshot({ path: path.join(root, 'target/playground.png'), fullPage: true });

  // The file input path: a single pasted-in Terraform file from disk.
  const page2 = await browser.newPage();
  page2.on('request', (r) => { if (!r.url().startsWith(origin)) offsite.push(r.url()); });
  await page2.goto(`${origin}/playground/index.html`);
  await page2.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  await page2.setInputFiles('#file-input', path.join(root, EXAMPLE, 'terraform/main.tf'));
  await page2.waitForSelector('#findings .finding[data-rule="aws-s3-public-acl"][data-file="main.tf"]');

  assert.deepEqual(pageErrors, []);
  assert.deepEqual(offsite, [], 'the page fetched nothing off this machine');
});
