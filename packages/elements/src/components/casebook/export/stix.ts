// A STIX 2.1 bundle (OASIS CS02): per observable an SCO (deterministic v5 id, §2.9) inside an observed-data;
// for a Malicious or Suspicious verdict also an indicator with a STIX pattern, `based-on` that observed-data;
// the verdict (with each module's) and every provenance as notes on them; the case itself as a grouping, its
// notes (texts) as notes on the grouping; everything marked with the case's TLP (the standard TLP marking
// definitions of §7.2.1.4).
import type { Observable, Tlp } from '@pivotkit/sdk';
import { isoTime, provenanceText, rows, tlpOf, verdictText, type ExportInput } from './common.js';
import { uuidV4, uuidV5 } from './uuid.js';

/** The STIX 2.1 TLP marking definitions (§7.2.1.4), by CTIM TLP. */
export const TLP_MARKINGS: Record<Tlp, { id: string; name: string }> = {
  white: { id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', name: 'TLP:WHITE' },
  green: { id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', name: 'TLP:GREEN' },
  amber: { id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', name: 'TLP:AMBER' },
  red: { id: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', name: 'TLP:RED' },
};

/** The namespace of SCO ids (STIX 2.1 §2.9). */
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

type StixObject = Record<string, unknown> & { type: string; id: string };

const HASHES: Record<string, string> = { sha256: 'SHA-256', sha1: 'SHA-1', md5: 'MD5' };

/** The SCO type and id-contributing properties of a CTIM observable (`undefined`: no STIX cyber observable). */
function scoOf(o: Observable): { type: string; props: Record<string, unknown>; path: string } | undefined {
  const value = o.value;
  switch (o.type) {
    case 'ip':
      return { type: 'ipv4-addr', props: { value }, path: 'value' };
    case 'ipv6':
      return { type: 'ipv6-addr', props: { value }, path: 'value' };
    case 'domain':
    case 'hostname':
      return { type: 'domain-name', props: { value }, path: 'value' };
    case 'url':
      return { type: 'url', props: { value }, path: 'value' };
    case 'email':
      return { type: 'email-addr', props: { value }, path: 'value' };
    case 'mac_address':
      return { type: 'mac-addr', props: { value: value.toLowerCase() }, path: 'value' };
    case 'sha256':
    case 'sha1':
    case 'md5': {
      const algo = HASHES[o.type]!;
      return {
        type: 'file',
        props: { hashes: { [algo]: value.toLowerCase() } },
        path: algo.includes('-') ? `hashes.'${algo}'` : `hashes.${algo}`,
      };
    }
    case 'file_name':
      return { type: 'file', props: { name: value }, path: 'name' };
    default:
      return undefined;
  }
}

/** RFC 8785 (JCS) canonical JSON for the plain values SCO ids are made of. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A STIX pattern string literal (§9.4: `'` and `\` escaped). */
const literal = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The STIX 2.1 bundle (an object; `JSON.stringify` it). */
export function stixBundle(input: ExportInput, now: Date): { type: 'bundle'; id: string; objects: StixObject[] } {
  const cb = input.casebook;
  const stamp = now.toISOString();
  const created = isoTime(cb.created, stamp);
  const modified = isoTime(cb.modified, stamp) < created ? created : isoTime(cb.modified, stamp);
  const marking = TLP_MARKINGS[tlpOf(cb)];
  const marked = { object_marking_refs: [marking.id] };
  const sdo = (type: string, props: Record<string, unknown>): StixObject => ({
    type,
    spec_version: '2.1',
    id: `${type}--${uuidV4()}`,
    created: stamp,
    modified: stamp,
    ...props,
    ...marked,
  });

  const objects: StixObject[] = [
    {
      type: 'marking-definition',
      spec_version: '2.1',
      id: marking.id,
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: marking.name,
      definition: { tlp: marking.name.slice(4).toLowerCase() },
    },
  ];
  const inCase: string[] = [];
  const unmapped: Observable[] = [];
  for (const r of rows(input)) {
    const sco = scoOf(r.observable);
    if (!sco) {
      unmapped.push(r.observable);
      continue;
    }
    const scoId = `${sco.type}--${uuidV5(SCO_NAMESPACE, canonical(sco.props))}`;
    if (!objects.some((o) => o.id === scoId)) {
      objects.push({ type: sco.type, spec_version: '2.1', id: scoId, ...sco.props, ...marked });
    }
    const times = r.provenance
      .map((p) => isoTime(p.time, ''))
      .filter(Boolean)
      .sort();
    const observed = sdo('observed-data', {
      first_observed: times[0] ?? created,
      last_observed: times[times.length - 1] ?? created,
      number_observed: Math.min(Math.max(1, r.provenance.length), 999_999_999),
      object_refs: [scoId],
    });
    objects.push(observed);
    inCase.push(observed.id);
    const about = [observed.id];
    const v = r.verdict;
    if (v && (v.disposition === 2 || v.disposition === 3)) {
      const indicator = sdo('indicator', {
        name: `${v.dispositionName} ${r.observable.type} ${r.observable.value}`.slice(0, 1024),
        description: `Verdict: ${verdictText(v)}`,
        indicator_types: [v.disposition === 2 ? 'malicious-activity' : 'anomalous-activity'],
        pattern: `[${sco.type}:${sco.path} = ${literal(sco.type === 'file' ? r.observable.value.toLowerCase() : (sco.props['value'] as string))}]`,
        pattern_type: 'stix',
        pattern_version: '2.1',
        valid_from: created,
      });
      objects.push(
        indicator,
        sdo('relationship', {
          relationship_type: 'based-on',
          source_ref: indicator.id,
          target_ref: observed.id,
        }),
      );
      inCase.push(indicator.id);
      about.push(indicator.id);
    }
    if (v) {
      const note = sdo('note', {
        abstract: `Verdict: ${v.dispositionName}`,
        content: `${r.observable.type} ${r.observable.value}: ${verdictText(v)}`,
        object_refs: about,
      });
      objects.push(note);
      inCase.push(note.id);
    }
    for (const p of r.provenance) {
      const note = sdo('note', {
        abstract: `Seen on ${p.title || p.url}`.slice(0, 1024),
        content: provenanceText(p),
        object_refs: about,
        ...(p.url
          ? {
              external_references: [
                { source_name: 'web page', url: p.url, ...(p.title ? { description: p.title } : {}) },
              ],
            }
          : {}),
      });
      objects.push(note);
      inCase.push(note.id);
    }
  }

  const grouping = sdo('grouping', {
    created,
    modified,
    name: cb.title || cb.id,
    ...(cb.description || cb.short_description ? { description: cb.description || cb.short_description } : {}),
    context: 'suspicious-activity',
    object_refs: inCase.length ? inCase : [marking.id],
    external_references: [
      {
        source_name: 'cisco-casebook',
        external_id: cb.id,
        ...(/^https?:/.test(cb.longId) ? { url: cb.longId } : {}),
      },
    ],
  });
  objects.push(grouping);
  const notes = [
    ...(cb.texts ?? []).filter((t) => t && typeof t.text === 'string' && t.text),
    ...(unmapped.length
      ? [
          {
            type: 'observables',
            text: `Observables with no STIX cyber observable type: ${unmapped.map((o) => `${o.type} ${o.value}`).join(', ')}`,
          },
        ]
      : []),
  ];
  for (const t of notes) {
    objects.push(sdo('note', { abstract: t.type || 'note', content: t.text, object_refs: [grouping.id] }));
  }
  return { type: 'bundle', id: `bundle--${uuidV4()}`, objects };
}
