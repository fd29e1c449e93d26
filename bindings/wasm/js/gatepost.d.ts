// Types for js/gatepost.mjs, self-contained so the package needs nothing outside it. The
// shared declarations (options, reports, findings, rules) are the Node package's, verbatim:
// test/api.test.mjs fails when the two drift apart.

/** Options every gatepost surface accepts (snake_case or camelCase). */
export interface ScanOptions {
  /** What `report.output` holds: `json` (default), `sarif`, `text` or `github`. */
  format?: Format;
  /** Monthly cost ceiling per app, in USD (default 50). */
  costCeiling?: number;
  /** Default cloud region for cost estimates. */
  region?: string;
  /** Findings below this severity are dropped. */
  minSeverity?: Severity;
  /** Lowest severity that makes `exitCode` 1 (default `low`). */
  failOn?: Severity;
  /** Rule ids or families to skip. */
  disabled?: string[];
  /** When non-empty, only these rule ids or families run. */
  enabled?: string[];
  /** Terraform variables (strings are HCL expressions, as `--var`). */
  vars?: Record<string, string | number | boolean | unknown[] | Record<string, unknown>>;
  /** Extra Rego policies: path → text. */
  policies?: Record<string, string>;
  /** Merged over the default `input.config` rules read. */
  config?: Record<string, unknown>;
  /** Path prefixes whose secret candidates are ignored. */
  secretAllowPaths?: string[];
  /** Bounds on what one file may cost, as `[limits]` in gatepost.toml (defaults: 16 MiB,
   * 100000 alias nodes, depth 256, 10 s per rule). */
  limits?: { maxFileBytes?: number; maxAliasNodes?: number; maxDepth?: number; maxEvalSeconds?: number };
}

export type Format = 'json' | 'sarif' | 'text' | 'github';
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type Family = 'iam' | 'storage' | 'quota' | 'cost' | 'secrets' | 'workflow' | 'hygiene';

export interface Finding {
  rule: string;
  family: Family;
  severity: Severity;
  title: string;
  message: string;
  file: string;
  line: number;
  column: number;
  address: string;
  pointer?: string;
  remediation: string;
  fingerprint: string;
  /** The Terraform module calls, root first, that led to the resource. */
  module_chain?: ModuleCall[];
}

export interface ModuleCall {
  address: string;
  file: string;
  line: number;
}

export interface ScanError {
  file: string;
  line: number;
  column: number;
  kind: 'parse' | 'read' | 'limit' | 'policy' | 'evaluation';
  message: string;
}

export interface Summary {
  files: number;
  resources: number;
  findings: number;
  errors: number;
  by_severity: Record<string, number>;
  by_family: Record<string, number>;
  unresolved: number;
}

export interface Report {
  version: string;
  findings: Finding[];
  errors: ScanError[];
  summary: Summary;
  /** Monthly cost estimate per app. */
  costs: { apps: Array<{ app: string; monthly: number; [k: string]: unknown }>; [k: string]: unknown };
  /** The report JSON, the same bytes as `gatepost scan --format json` (not enumerable). */
  readonly json: string;
  /** The report in `options.format` (not enumerable). */
  readonly output: string;
  /** 0 clean, 1 findings at or above `failOn`, 2 errors, as the CLI exits (not enumerable). */
  readonly exitCode: number;
  /** The report in any format, whatever `options.format` was. Throws GatepostError for an
   * unknown format. */
  render(format: Format): string;
  /** The normalized model the rules saw, `{"resources": [...], "unresolved": n}`: the same
   * bytes as `gatepost model` prints for the same input. */
  modelJson(): string;
}

export interface Rule {
  id: string;
  title: string;
  family: Family;
  severity: Severity;
  description: string;
  fix: string;
  types: string[];
  references: string[];
  package: string;
  source: string;
  bundled: boolean;
}

export class GatepostError extends Error {}
/** Load the module once; resolves when scans can run. */
export function load(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<unknown>;
/** Scan in-memory files (path → contents). Throws GatepostError for bad options or policies. */
export function scan(files: Record<string, string | Uint8Array>, options?: ScanOptions): Report;
export function rules(): Rule[];
export function version(): string;
