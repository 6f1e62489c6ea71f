// A MISP event (the JSON of MISP's event export / `POST /events/add`): one attribute per observable, typed as MISP
// names them, with its verdict and provenance in the comment; TLP as a `tlp:` tag and in the distribution;
// the case's description and notes as comment attributes.
import type { Casebook, Observable } from '@pivotkit/sdk';
import { provenanceText, rows, tlpOf, verdictText, type ExportInput } from './common.js';
import { uuidV4 } from './uuid.js';

/** MISP attribute type and category of a CTIM observable type (MISP's `describeTypes` sane defaults). */
export const MISP_TYPES: Record<string, { type: string; category: string }> = {
  ip: { type: 'ip-dst', category: 'Network activity' },
  ipv6: { type: 'ip-dst', category: 'Network activity' },
  domain: { type: 'domain', category: 'Network activity' },
  hostname: { type: 'hostname', category: 'Network activity' },
  url: { type: 'url', category: 'Network activity' },
  email: { type: 'email', category: 'Network activity' },
  sha256: { type: 'sha256', category: 'Payload delivery' },
  sha1: { type: 'sha1', category: 'Payload delivery' },
  md5: { type: 'md5', category: 'Payload delivery' },
  file_name: { type: 'filename', category: 'Payload delivery' },
  mac_address: { type: 'mac-address', category: 'Network activity' },
  user_agent: { type: 'user-agent', category: 'Network activity' },
};

/** MISP distribution by TLP: red and amber stay in the organisation, green in the community, white everywhere. */
const DISTRIBUTION = { red: '0', amber: '0', green: '1', white: '3' } as const;

export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  comment: string;
  timestamp: string;
  distribution: string;
  Tag?: { name: string }[];
}

export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    timestamp: string;
    threat_level_id: '1' | '2' | '3' | '4';
    analysis: '0' | '1' | '2';
    distribution: '0' | '1' | '3';
    published: false;
    Tag: { name: string }[];
    Attribute: MispAttribute[];
  };
}

const VERDICT_TAG: Record<number, string> = {
  1: 'clean',
  2: 'malicious',
  3: 'suspicious',
  4: 'common',
  5: 'unknown',
};

/** The MISP event (an object; `JSON.stringify` it). */
export function mispEvent(input: ExportInput, now: Date): MispEvent {
  const cb: Casebook = input.casebook;
  const tlp = tlpOf(cb);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const attr = (o: Omit<MispAttribute, 'uuid' | 'timestamp' | 'distribution'>): MispAttribute => ({
    uuid: uuidV4(),
    ...o,
    timestamp,
    distribution: '5', // inherit the event's
  });
  const attributes: MispAttribute[] = [];
  let worst = 4;
  for (const r of rows(input)) {
    const t: { type: string; category: string } = MISP_TYPES[r.observable.type] ?? { type: 'other', category: 'Other' };
    const v = r.verdict;
    if (v?.disposition === 2) worst = 1;
    else if (v?.disposition === 3 && worst > 2) worst = 2;
    else if (v && worst > 3) worst = 3;
    const comment = [
      t.type === 'other' ? `CTIM type: ${r.observable.type}` : '',
      `Verdict: ${verdictText(v)}`,
      ...r.provenance.map(provenanceText),
    ]
      .filter(Boolean)
      .join('\n');
    attributes.push(
      attr({
        type: t.type,
        category: t.category,
        value: valueFor(r.observable),
        to_ids: v?.disposition === 2 || v?.disposition === 3,
        comment,
        ...(v ? { Tag: [{ name: `pivotkit:verdict="${VERDICT_TAG[v.disposition]}"` }] } : {}),
      }),
    );
  }
  const texts = [
    ...(cb.description ? [cb.description] : cb.short_description ? [cb.short_description] : []),
    ...(cb.texts ?? []).map((t) => t?.text).filter((t): t is string => typeof t === 'string' && t !== ''),
  ];
  for (const text of texts)
    attributes.push(attr({ type: 'comment', category: 'Other', value: text, to_ids: false, comment: '' }));
  return {
    Event: {
      uuid: uuidV4(),
      info: (cb.title || cb.id || 'Casebook').slice(0, 65535),
      date: now.toISOString().slice(0, 10),
      timestamp,
      threat_level_id: String(worst) as '1',
      analysis: '1',
      distribution: DISTRIBUTION[tlp],
      published: false,
      Tag: [{ name: `tlp:${tlp}` }],
      Attribute: attributes,
    },
  };
}

/** MISP keeps hashes lower-case. */
const valueFor = (o: Observable) => (/^(sha256|sha1|md5)$/.test(o.type) ? o.value.toLowerCase() : o.value);
