// The data a fresh emulator starts with: a few incidents and one casebook that use the demo observables.
import type { Store } from '../store.js';
import { DEMO_CLIENT } from './auth.js';
import { stableUuid } from './hash.js';
import { CTIM_SCHEMA_VERSION } from './intel.js';

const HOUR = 3_600_000;

interface IncidentSeed {
  title: string;
  description: string;
  status: string;
  severity: string;
  confidence: string;
  hoursAgo: number;
  categories: string[];
  tactics: string[];
  techniques: string[];
  scores: Record<string, number>;
}

export const SEED_INCIDENTS: readonly IncidentSeed[] = [
  {
    title: 'Malware executed on ws-fin-0142',
    description:
      'Endpoint Guard detected the EICAR test file `275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f` running on ws-fin-0142, which then connected to 198.51.100.7.',
    status: 'New',
    severity: 'High',
    confidence: 'High',
    hoursAgo: 2,
    categories: ['Malware'],
    tactics: ['TA0002'],
    techniques: ['T1204'],
    scores: { asset: 8, ttp: 72, global: 576 },
  },
  {
    title: 'Command-and-control traffic to evil.example.net',
    description:
      'DNS Shield saw repeated lookups of evil.example.net from three hosts; the domain resolves to 198.51.100.7.',
    status: 'Open: Investigating',
    severity: 'Critical',
    confidence: 'High',
    hoursAgo: 9,
    categories: ['Command and Control'],
    tactics: ['TA0011'],
    techniques: ['T1071.004'],
    scores: { asset: 9, ttp: 85, global: 765 },
  },
  {
    title: 'Phishing e-mail from attacker@evil.example.net',
    description:
      'A user reported an e-mail from attacker@evil.example.net linking to http://evil.example.net/payload.exe and phish.example.org.',
    status: 'Open: Contained',
    severity: 'Medium',
    confidence: 'Medium',
    hoursAgo: 30,
    categories: ['Phishing'],
    tactics: ['TA0001'],
    techniques: ['T1566.002'],
    scores: { asset: 5, ttp: 60, global: 300 },
  },
  {
    title: 'Suspicious sign-ins from 203.0.113.9',
    description: 'Several failed then successful sign-ins to the VPN from 203.0.113.9 outside business hours.',
    status: 'Hold: Internal',
    severity: 'Low',
    confidence: 'Low',
    hoursAgo: 54,
    categories: ['Unauthorized Access'],
    tactics: ['TA0006'],
    techniques: ['T1110'],
    scores: { asset: 6, ttp: 30, global: 180 },
  },
  {
    title: 'Potentially unwanted application on lt-eng-0207',
    description:
      'Endpoint Guard flagged 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08; the Reputation Feed calls it clean.',
    status: 'Closed: False Positive',
    severity: 'Info',
    confidence: 'Low',
    hoursAgo: 120,
    categories: ['Policy Violation'],
    tactics: [],
    techniques: [],
    scores: { asset: 3, ttp: 10, global: 30 },
  },
  {
    title: 'Lookups of disputed.example.com',
    description: 'DNS Shield blocks disputed.example.com while the Reputation Feed rates it clean: needs a decision.',
    status: 'New: Presented',
    severity: 'Medium',
    confidence: 'Medium',
    hoursAgo: 5,
    categories: ['Investigation'],
    tactics: ['TA0011'],
    techniques: ['T1071'],
    scores: { asset: 4, ttp: 40, global: 160 },
  },
];

interface CasebookSeed {
  title: string;
  short: string;
  description: string;
  tlp: 'red' | 'amber' | 'green' | 'white';
  hoursAgo: number;
  changedHoursAgo: number;
  observables: { type: string; value: string }[];
  /** [hours ago, text] */
  notes: [number, string][];
}

export const SEED_CASEBOOKS: readonly CasebookSeed[] = [
  {
    title: 'Beaconing from ws-fin-0142',
    short: 'C2 traffic after the EICAR execution',
    description:
      '## What we know\n\n- Endpoint Guard flagged the file on **ws-fin-0142**\n- The host then beaconed to `198.51.100.7` every 60 s\n\n## Next\n\n1. Isolate the host\n2. Block the domain at the resolver\n\nSee the [runbook](https://www.example.com/runbooks/c2).',
    tlp: 'amber',
    hoursAgo: 3,
    changedHoursAgo: 1,
    observables: [
      { type: 'ip', value: '198.51.100.7' },
      { type: 'domain', value: 'evil.example.net' },
      { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
    ],
    notes: [
      [2.5, 'Opened from the Endpoint Guard alert.'],
      [1, 'DNS Shield confirms lookups from two more hosts; asked IT to isolate ws-fin-0142.'],
    ],
  },
  {
    title: 'Disputed: disputed.example.com',
    short: 'Modules disagree; needs a decision',
    description: 'DNS Shield blocks it, the Reputation Feed rates it clean. Collecting evidence before unblocking.',
    tlp: 'green',
    hoursAgo: 6,
    changedHoursAgo: 5,
    observables: [
      { type: 'domain', value: 'disputed.example.com' },
      { type: 'ip', value: '203.0.113.9' },
    ],
    notes: [[5, 'Two users asked for it to be unblocked.']],
  },
  {
    title: 'Insider report (restricted)',
    short: 'TLP red: not shared with enrichment modules',
    description: 'Reported by HR. Do **not** enrich these values automatically.',
    tlp: 'red',
    hoursAgo: 50,
    changedHoursAgo: 48,
    observables: [{ type: 'email', value: 'leak@pivotkit.example' }],
    notes: [],
  },
];

/** Fills an empty store; does nothing if it was seeded before (the seed is part of the saved state). */
export function seed(store: Store, now: number): void {
  store.transaction(() => {
    if (store.get('meta', 'seeded')) return;
    const owner = stableUuid('user', DEMO_CLIENT.clientId);
    const common = {
      schema_version: CTIM_SCHEMA_VERSION,
      source: 'Pivotkit emulator',
      tlp: 'amber',
      owner,
      groups: [DEMO_CLIENT.orgId],
      client_id: DEMO_CLIENT.clientId,
    };
    SEED_INCIDENTS.forEach((s, i) => {
      const id = `incident-${stableUuid('seed-incident', String(i))}`;
      const opened = new Date(now - s.hoursAgo * HOUR).toISOString();
      const incident_time: Record<string, string> = { opened, discovered: opened };
      if (s.status.startsWith('Closed'))
        incident_time['closed'] = new Date(now - (s.hoursAgo - 6) * HOUR).toISOString();
      if (s.status === 'Open: Contained') {
        incident_time['contained'] = new Date(now - (s.hoursAgo - 3) * HOUR).toISOString();
      }
      const { hoursAgo: _h, ...fields } = s;
      store.put('incident', id, {
        ...common,
        ...fields,
        id,
        type: 'incident',
        short_description: s.description.slice(0, 120),
        incident_time,
        promotion_method: 'Automated',
        detection_sources: ['Endpoint Guard', 'DNS Shield'],
        assignees: i % 2 === 0 ? [] : ['analyst@pivotkit.example'],
        timestamp: opened,
        created: opened,
        modified: opened,
      });
    });
    const created = new Date(now - 26 * HOUR).toISOString();
    const cbId = `casebook-${stableUuid('seed-casebook', '0')}`;
    store.put('casebook', cbId, {
      ...common,
      id: cbId,
      type: 'casebook',
      title: 'Phishing wave, week 47',
      description: 'Indicators from the reported phishing e-mails.',
      short_description: 'Phishing indicators',
      observables: [
        { type: 'email', value: 'attacker@evil.example.net' },
        { type: 'domain', value: 'phish.example.org' },
        { type: 'url', value: 'http://evil.example.net/payload.exe' },
      ],
      texts: [{ type: 'text', text: 'Three users clicked the link; their hosts are being checked.' }],
      bundle: { type: 'bundle', source: 'Pivotkit emulator' },
      timestamp: created,
      created,
      modified: created,
    });
    // A few more cases for the casebook demo: notes with their time (first line), Markdown, a TLP red case.
    const note = (hoursAgo: number, text: string) => ({
      type: 'note',
      text: `${new Date(now - hoursAgo * HOUR).toISOString()}\n${text}`,
    });
    SEED_CASEBOOKS.forEach((c, i) => {
      const id = `casebook-${stableUuid('seed-casebook', String(i + 1))}`;
      const at = new Date(now - c.hoursAgo * HOUR).toISOString();
      const changed = new Date(now - c.changedHoursAgo * HOUR).toISOString();
      store.put('casebook', id, {
        ...common,
        id,
        type: 'casebook',
        title: c.title,
        short_description: c.short,
        description: c.description,
        tlp: c.tlp,
        observables: c.observables,
        texts: c.notes.map(([h, t]) => note(h, t)),
        bundle: { type: 'bundle', source: 'Pivotkit emulator' },
        timestamp: at,
        created: at,
        modified: changed,
      });
    });
    store.put('meta', 'seeded', { at: new Date(now).toISOString() });
  });
}
