import type { Region } from './types.js';

/** The regional API hosts (contract §1, §5): `visibility` serves `/iroh/...`, `privateIntel` serves `/ctia/...`. */
export const REGIONS: Readonly<Record<Region, { label: string; visibility: string; privateIntel: string }>> = {
  nam: {
    label: 'North America',
    visibility: 'https://visibility.amp.cisco.com',
    privateIntel: 'https://private.intel.amp.cisco.com',
  },
  eu: {
    label: 'Europe',
    visibility: 'https://visibility.eu.amp.cisco.com',
    privateIntel: 'https://private.intel.eu.amp.cisco.com',
  },
  apjc: {
    label: 'Asia Pacific, Japan and China',
    visibility: 'https://visibility.apjc.amp.cisco.com',
    privateIntel: 'https://private.intel.apjc.amp.cisco.com',
  },
};

/** Whether `r` names a region in {@link REGIONS}. */
export function isRegion(r: unknown): r is Region {
  return r === 'nam' || r === 'eu' || r === 'apjc';
}
