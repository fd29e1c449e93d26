// Types for js/gatepost.mjs. Options, findings and reports have the same shape as the Node
// package's (bindings/node/index.d.ts).
import type { ScanOptions, Report, Rule } from '../../node/index';
export type { ScanOptions, Report, Rule, Finding, ScanError, Summary, Severity, Family } from '../../node/index';

export class GatepostError extends Error {}
/** Load the module once; resolves when scans can run. */
export function load(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<unknown>;
/** Scan in-memory files (path → contents). Throws GatepostError for bad options or policies. */
export function scan(files: Record<string, string | Uint8Array>, options?: ScanOptions): Report;
export function rules(): Rule[];
export function version(): string;
