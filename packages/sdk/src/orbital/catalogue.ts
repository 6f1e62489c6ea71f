/**
 * Endpoint questions Orbital can answer about an observable: each is one osquery statement with the value
 * quoted in, so the same question opens in the Orbital console or runs live through the API.
 * @module
 */
import type { Observable } from '../observable.js';

/** One question of the catalogue. Its wording is the UI's (translated by id); the SQL is the SDK's. */
export interface OrbitalQuestion {
  /** Stable id, e.g. `dns-resolved`; the elements translate it into a sentence. */
  id: string;
  /** The CTIM observable types it applies to. */
  types: readonly string[];
  /** The osquery table the statement reads (the emulator answers per table). */
  table: string;
  /** The osquery SQL for one observable (its value quoted as an SQL string literal). */
  sql: (observable: Observable) => string;
}

/** An SQL string literal: single quotes doubled, so a value can never end the literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const HASH_COLUMN: Record<string, string> = { sha256: 'sha256', sha1: 'sha1', md5: 'md5' };

/** What Orbital can be asked, per observable type (osquery tables as documented at osquery.io/schema). */
export const ORBITAL_QUESTIONS: readonly OrbitalQuestion[] = [
  {
    id: 'dns-resolved',
    types: ['domain'],
    table: 'dns_cache',
    sql: (o) => `SELECT name, type, flags FROM dns_cache WHERE name = ${sqlString(o.value)};`,
  },
  {
    id: 'browsed-domain',
    types: ['domain'],
    table: 'chrome_history',
    sql: (o) =>
      `SELECT url, title, last_visit_time FROM chrome_history WHERE url LIKE ${sqlString(`%://${o.value}/%`)};`,
  },
  {
    id: 'connected-ip',
    types: ['ip', 'ipv6'],
    table: 'process_open_sockets',
    sql: (o) =>
      'SELECT pid, remote_address, remote_port, local_port, state FROM process_open_sockets ' +
      `WHERE remote_address = ${sqlString(o.value)};`,
  },
  {
    id: 'arp-ip',
    types: ['ip'],
    table: 'arp_cache',
    sql: (o) => `SELECT address, mac, interface FROM arp_cache WHERE address = ${sqlString(o.value)};`,
  },
  {
    id: 'file-hash',
    types: ['sha256', 'sha1', 'md5'],
    table: 'hash',
    sql: (o) =>
      `SELECT path, ${HASH_COLUMN[o.type] ?? 'sha256'} FROM hash WHERE (path LIKE '/%%' OR path LIKE 'C:\\%%') ` +
      `AND ${HASH_COLUMN[o.type] ?? 'sha256'} = ${sqlString(o.value.toLowerCase())};`,
  },
  {
    id: 'process-hash',
    types: ['sha256', 'sha1', 'md5'],
    table: 'processes',
    sql: (o) =>
      `SELECT p.pid, p.name, p.path FROM processes p JOIN hash h ON h.path = p.path ` +
      `WHERE h.${HASH_COLUMN[o.type] ?? 'sha256'} = ${sqlString(o.value.toLowerCase())};`,
  },
  {
    id: 'browser-url',
    types: ['url'],
    table: 'chrome_history',
    sql: (o) => `SELECT url, title, last_visit_time FROM chrome_history WHERE url = ${sqlString(o.value)};`,
  },
];

/** The questions for one observable, in catalogue order (none for a type Orbital cannot be asked about). */
export function orbitalQuestionsFor(observable: Observable): OrbitalQuestion[] {
  return ORBITAL_QUESTIONS.filter((q) => q.types.includes(observable.type));
}
