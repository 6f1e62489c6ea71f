// CTIM casebook JSON: the case as CTIA keeps it, with verdicts and per-module dispositions added to its bundle
// (CTIM bundles hold `verdicts` and `judgements`) and every provenance as a sighting there.
import type { Casebook } from '@pivotkit/sdk';
import { CTIM_SCHEMA_VERSION, provenanceToSighting } from '../provenance.js';
import { isoTime, rows, tlpOf, type ExportInput } from './common.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The CTIM casebook document (an object; `JSON.stringify` it). */
export function ctimCasebook(input: ExportInput, now: Date): Casebook {
  const cb = input.casebook;
  const tlp = tlpOf(cb);
  const stamp = now.toISOString();
  const bundle: Record<string, unknown> = isRecord(cb['bundle']) ? { ...cb['bundle'] } : {};
  bundle['type'] = 'bundle';
  bundle['source'] ??= 'Pivotkit';
  const sightings: unknown[] = Array.isArray(bundle['sightings']) ? [...(bundle['sightings'] as unknown[])] : [];
  const ids = new Set(sightings.map((s) => (isRecord(s) ? s['id'] : undefined)));
  const verdicts: unknown[] = [];
  const judgements: unknown[] = [];
  for (const r of rows(input)) {
    for (const p of r.provenance) {
      const s = provenanceToSighting(r.observable, p, { tlp });
      if (!ids.has(s.id)) {
        ids.add(s.id);
        sightings.push(s);
      }
    }
    const v = r.verdict;
    if (!v) continue;
    verdicts.push({
      type: 'verdict',
      disposition: v.disposition,
      disposition_name: v.dispositionName,
      observable: r.observable,
      valid_time: { start_time: stamp },
    });
    for (const m of v.modules) {
      judgements.push({
        id: `transient:judgement-${m.moduleInstanceId}-${r.observable.type}-${judgements.length}`,
        type: 'judgement',
        schema_version: CTIM_SCHEMA_VERSION,
        source: m.module,
        observable: r.observable,
        disposition: m.disposition,
        disposition_name: m.dispositionName,
        priority: 90,
        severity: m.disposition === 2 ? 'High' : m.disposition === 3 ? 'Medium' : 'None',
        confidence: 'Unknown',
        valid_time: { start_time: stamp },
        tlp,
      });
    }
  }
  if (sightings.length) bundle['sightings'] = sightings;
  if (verdicts.length) bundle['verdicts'] = verdicts;
  if (judgements.length) bundle['judgements'] = judgements;
  return {
    ...cb,
    type: 'casebook',
    schema_version:
      typeof cb.schema_version === 'string' && cb.schema_version ? cb.schema_version : CTIM_SCHEMA_VERSION,
    tlp,
    timestamp: isoTime(cb.timestamp, stamp),
    bundle,
  };
}
