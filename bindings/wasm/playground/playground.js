// The playground: files in, findings and costs out, all inside the tab. No framework, no
// network beyond the page's own module.
import { load, scan, version } from '../js/gatepost.mjs';

const $ = (id) => document.getElementById(id);
/** path → Uint8Array */
const files = new Map();
const decoder = new TextDecoder();
let lastReport = null;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : String(c));
  return e;
}

function renderFiles() {
  const list = $('files');
  list.replaceChildren(...[...files.keys()].sort().map((p) => el('li', {}, p)));
  $('file-count').textContent = String(files.size);
}

/** The lines around a finding, with its own line marked. */
function snippet(path, line) {
  const bytes = files.get(path);
  if (!bytes) return null;
  const lines = decoder.decode(bytes).split('\n');
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const pre = el('pre', { class: 'source' });
  for (let n = from; n <= to; n++) {
    pre.append(el('span', { class: n === line ? 'hit' : '', dataset: { n: String(n) } }, lines[n - 1] ?? ''));
  }
  return pre;
}

const money = (x) => `$${(Math.abs(x) < 0.005 ? 0 : x).toFixed(2)}`;

function renderCosts(report, ceiling) {
  const apps = report.costs?.apps ?? [];
  if (!apps.length) return [el('p', {}, 'No priced resources.')];
  return apps.map((app) => {
    const over = app.monthly > ceiling;
    const table = el('table', { class: 'cost', dataset: { app: app.app } },
      el('caption', { class: over ? 'over' : '' },
        `${app.app}: ${money(app.monthly)}/month${app.lower_bound ? ' (at least)' : ''}${over ? ` — over the ${money(ceiling)} ceiling` : ''}`),
      el('tr', {}, el('th', {}, 'resource'), el('th', {}, 'line item'), el('th', { class: 'num' }, 'quantity'),
        el('th', { class: 'num' }, 'unit price'), el('th', { class: 'num' }, 'monthly')));
    for (const item of app.items ?? []) {
      const items = item.line_items?.length ? item.line_items : [{ name: (item.assumptions ?? []).join('; '), quantity: '', unit: '', unit_price: null, monthly: item.monthly }];
      for (const li of items) {
        table.append(el('tr', {}, el('td', {}, item.address), el('td', {}, li.name),
          el('td', { class: 'num' }, `${li.quantity} ${li.unit}`.trim()),
          el('td', { class: 'num' }, li.unit_price == null ? '' : `$${li.unit_price}`),
          el('td', { class: 'num' }, money(li.monthly))));
      }
    }
    for (const np of app.not_priced ?? []) {
      table.append(el('tr', {}, el('td', {}, np.address), el('td', { colspan: '4' }, `not priced: ${np.reason}`)));
    }
    return table;
  });
}

function render(report, ceiling) {
  $('finding-count').textContent = `(${report.findings.length})`;
  $('findings').replaceChildren(...report.findings.map((f) => {
    const li = el('li', { class: `finding ${f.severity}`, dataset: { rule: f.rule, file: f.file, line: String(f.line) } },
      el('span', { class: 'sev' }, f.severity), ' ', el('span', { class: 'rule' }, f.rule), ' ',
      el('span', { class: 'loc' }, `${f.file}:${f.line}:${f.column}`),
      el('div', { class: 'msg' }, f.message));
    const src = snippet(f.file, f.line);
    if (src) li.append(src);
    if (f.remediation) li.append(el('p', { class: 'fix' }, `Fix: ${f.remediation}`));
    return li;
  }));
  $('costs').replaceChildren(...renderCosts(report, ceiling));
  $('error-count').textContent = `(${report.errors.length})`;
  $('errors').replaceChildren(...report.errors.map((e) =>
    el('li', {}, `${e.file}:${e.line}:${e.column} ${e.kind}: ${e.message}`)));
}

function run() {
  if (!files.size) return null;
  const ceiling = Number($('ceiling').value) || 50;
  const input = Object.fromEntries(files);
  const t0 = performance.now();
  try {
    lastReport = scan(input, { cost_ceiling: ceiling });
  } catch (e) {
    $('status').textContent = `Scan failed: ${e.message}`;
    return null;
  }
  const ms = Math.round(performance.now() - t0);
  $('status').textContent = `${files.size} files, ${lastReport.summary.resources} resources, ` +
    `${lastReport.findings.length} findings, ${lastReport.errors.length} errors (${ms} ms).`;
  render(lastReport, ceiling);
  document.body.dataset.scanned = String(Number(document.body.dataset.scanned || 0) + 1);
  return lastReport;
}

async function addFile(path, blob) {
  files.set(path.replace(/^\/+/, ''), new Uint8Array(await blob.arrayBuffer()));
}

async function addFileList(list) {
  for (const f of list) await addFile(f.webkitRelativePath || f.name, f);
  renderFiles();
  run();
}

// Dropped folders arrive as entries; walk them.
async function walkEntry(entry, prefix) {
  if (entry.isFile) {
    const file = await new Promise((res, rej) => entry.file(res, rej));
    await addFile(prefix + entry.name, file);
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const e of batch) await walkEntry(e, `${prefix}${entry.name}/`);
    }
  }
}

function wire() {
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
    if (entries.length) for (const entry of entries) await walkEntry(entry, '');
    else for (const f of e.dataTransfer.files) await addFile(f.name, f);
    renderFiles();
    run();
  });
  $('file-input').addEventListener('change', (e) => addFileList(e.target.files));
  $('dir-input').addEventListener('change', (e) => addFileList(e.target.files));
  $('paste-add').addEventListener('click', () => {
    const path = $('paste-path').value.trim();
    if (!path) return;
    files.set(path, new TextEncoder().encode($('paste-text').value));
    renderFiles();
    run();
  });
  $('ceiling').addEventListener('change', run);
  $('clear').addEventListener('click', () => {
    files.clear();
    renderFiles();
    $('findings').replaceChildren();
    $('costs').replaceChildren();
    $('errors').replaceChildren();
    $('status').textContent = 'No files.';
  });
}

// A hook for tests and embedding pages: add files ({path: string | Uint8Array}) and scan.
window.gatepostPlayground = {
  addFiles(map) {
    for (const [p, c] of Object.entries(map)) files.set(p, typeof c === 'string' ? new TextEncoder().encode(c) : c);
    renderFiles();
    return run();
  },
  scan: run,
  report: () => lastReport,
};

wire();
await load();
$('version').textContent = `gatepost ${version()}`;
document.body.dataset.ready = 'true';
