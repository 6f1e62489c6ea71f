import type { Region } from '../types.js';

/** The regional Orbital hosts (developer.cisco.com/docs/orbital, getting started): API under `/v0`, console at `/`. */
export const ORBITAL_HOSTS: Readonly<Record<Region, string>> = {
  nam: 'https://orbital.amp.cisco.com',
  eu: 'https://orbital.eu.amp.cisco.com',
  apjc: 'https://orbital.apjc.amp.cisco.com',
};

/** The scope an XDR API client needs for Orbital (api-contract.md, corrections §12). */
export const ORBITAL_SCOPE = 'orbital';

/**
 * The Orbital console's query page with the SQL filled in (`/console?sql=`; the parameter is this project's
 * decision, docs/decisions/0007-orbital-api-shapes.md, as the public docs do not name one).
 * @example orbitalConsoleUrl('eu', "SELECT * FROM dns_cache WHERE name = 'evil.example';")
 */
export function orbitalConsoleUrl(region: Region | undefined, sql: string): string {
  const u = new URL('/console', ORBITAL_HOSTS[region ?? 'nam']);
  u.searchParams.set('sql', sql);
  return u.href;
}
