/**
 * Observables and dispositions as CTIM names them (the wire vocabulary of Threat Response / XDR).
 * @module
 */

/** The observable types Pivotkit detects and acts on (CTIM names). */
export const OBSERVABLE_TYPES = ['ip', 'ipv6', 'domain', 'url', 'sha256', 'md5', 'sha1', 'email'] as const;

/** A CTIM observable type that Pivotkit detects. Other CTIM types pass through the API untouched. */
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

/** An observable on the wire: `{type, value}`. `type` may be any CTIM type the service returns. */
export interface Observable {
  type: string;
  value: string;
}

/** CTIM disposition numbers and their exact names. */
export const DISPOSITIONS = {
  1: 'Clean',
  2: 'Malicious',
  3: 'Suspicious',
  4: 'Common',
  5: 'Unknown',
} as const;

/** A CTIM disposition number: 1 Clean, 2 Malicious, 3 Suspicious, 4 Common, 5 Unknown. */
export type Disposition = keyof typeof DISPOSITIONS;

/** The capitalised CTIM name of a disposition. */
export type DispositionName = (typeof DISPOSITIONS)[Disposition];

/** Whether `n` is one of the five CTIM disposition numbers. */
export function isDisposition(n: unknown): n is Disposition {
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5;
}

/** The CTIM name of a disposition number; anything else is Unknown (CTIM's default). */
export function dispositionName(n: unknown): DispositionName {
  return isDisposition(n) ? DISPOSITIONS[n] : 'Unknown';
}

/** Whether a string is one of the observable types Pivotkit detects. */
export function isObservableType(t: unknown): t is ObservableType {
  return typeof t === 'string' && (OBSERVABLE_TYPES as readonly string[]).includes(t);
}
