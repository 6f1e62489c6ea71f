/**
 * Fault injection for tests and demos, off by default: added latency, server errors, 429 with Retry-After,
 * malformed bodies, list items out of the documented shape and dropped connections. Decisions come from a seeded generator, so a run can be repeated.
 * @module
 */
import { seededRandom } from './emulator/hash.js';

export interface FaultConfig {
  /** Added to every matching request, in ms. */
  latencyMs?: number;
  /**
   * Extra delay for observe/deliberate calls that a module answers, by module name or instance id, in ms
   * (e.g. `{"Endpoint Guard": 800}`): a call waits for its slowest module, so per-module calls (`?mids=`) arrive
   * one by one, as the real service's modules do.
   */
  moduleLatencyMs?: Record<string, number>;
  /** Share (0–1) of matching requests answered with `errorStatus`. */
  errorRate?: number;
  /** @default 500 */
  errorStatus?: number;
  /** Share (0–1) of matching requests answered with 429 and `Retry-After`. */
  rateLimitRate?: number;
  /** Seconds, in the `Retry-After` header of a 429. @default 1 */
  retryAfter?: number;
  /** Share (0–1) of matching requests whose (successful) body is cut short, so it is not valid JSON. */
  malformedRate?: number;
  /**
   * Share (0–1) of matching requests whose (successful) reply is a JSON list and has its first item changed out of
   * the documented shape (its `schema_version` removed): the rest of the list stays valid.
   */
  invalidItemRate?: number;
  /** Share (0–1) of matching requests whose connection is closed with no answer. */
  dropRate?: number;
  /** Only requests whose path contains one of these strings (default: every API path). */
  paths?: string[];
  /** Only the next `count` matching requests get a fault (latency aside); then faults turn off. */
  count?: number;
  /** Seed for the decisions. @default 1 */
  seed?: number;
}

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'error'; status: number }
  | { kind: 'rate-limit'; retryAfter: number }
  | { kind: 'malformed' }
  | { kind: 'invalid-item' }
  | { kind: 'drop' };

export class Faults {
  #config: FaultConfig = {};
  #random = seededRandom(1);
  #left: number | undefined;

  get config(): FaultConfig {
    return { ...this.#config, ...(this.#left !== undefined ? { count: this.#left } : {}) };
  }

  set(config: FaultConfig): void {
    const problems = checkFaults(config);
    if (problems.length) throw new Error(problems.join('; '));
    this.#config = { ...config };
    this.#random = seededRandom(config.seed ?? 1);
    this.#left = config.count;
  }

  clear(): void {
    this.set({});
  }

  matches(path: string): boolean {
    const p = this.#config.paths;
    return !p?.length || p.some((s) => path.includes(s));
  }

  latency(path: string): number {
    return this.matches(path) ? (this.#config.latencyMs ?? 0) : 0;
  }

  /** The delay for an enrich call answered by these modules (the slowest one's). */
  moduleLatency(modules: { module: string; module_instance_id: string }[]): number {
    const table = this.#config.moduleLatencyMs ?? {};
    return Math.max(0, ...modules.map((m) => table[m.module_instance_id] ?? table[m.module] ?? 0));
  }

  /** The fault for one request (consumes one of `count`, when a fault is chosen). */
  decide(path: string): FaultAction {
    const c = this.#config;
    if (!this.matches(path) || this.#left === 0) return { kind: 'none' };
    const roll = (rate: number | undefined) => rate !== undefined && rate > 0 && this.#random() < rate;
    let action: FaultAction = { kind: 'none' };
    if (roll(c.dropRate)) action = { kind: 'drop' };
    else if (roll(c.rateLimitRate)) action = { kind: 'rate-limit', retryAfter: c.retryAfter ?? 1 };
    else if (roll(c.errorRate)) action = { kind: 'error', status: c.errorStatus ?? 500 };
    else if (roll(c.malformedRate)) action = { kind: 'malformed' };
    else if (roll(c.invalidItemRate)) action = { kind: 'invalid-item' };
    if (action.kind !== 'none' && this.#left !== undefined) this.#left--;
    return action;
  }
}

export function checkFaults(c: unknown): string[] {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return ['faults must be an object'];
  const rec = c as Record<string, unknown>;
  const errs: string[] = [];
  const rates = ['errorRate', 'rateLimitRate', 'malformedRate', 'invalidItemRate', 'dropRate'];
  const numbers = ['latencyMs', 'errorStatus', 'retryAfter', 'count', 'seed'];
  for (const [k, v] of Object.entries(rec)) {
    if (rates.includes(k)) {
      if (typeof v !== 'number' || v < 0 || v > 1) errs.push(`${k} must be a number from 0 to 1`);
    } else if (numbers.includes(k)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) errs.push(`${k} must be a number ≥ 0`);
    } else if (k === 'moduleLatencyMs') {
      const ok =
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        Object.values(v).every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
      if (!ok) errs.push('moduleLatencyMs must map module names or ids to numbers ≥ 0');
    } else if (k === 'paths') {
      if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) errs.push('paths must be an array of strings');
    } else errs.push(`unknown fault setting ${k}`);
  }
  if (typeof rec['errorStatus'] === 'number' && (rec['errorStatus'] < 400 || rec['errorStatus'] > 599)) {
    errs.push('errorStatus must be a 4xx or 5xx status');
  }
  return errs;
}
