// The pieces of the case view built beside the panel (components/casebook/{markdown,export,investigate},
// provenance.ts), behind the few calls the panel makes.
import { html, type TemplateResult } from 'lit';
import type { Casebook, Observable, Tlp } from '@pivotkit/sdk';
import { provenanceFromBundle, provenanceToSighting, type Provenance } from './provenance.js';

export type { Provenance };

/** The description, rendered (until the Markdown renderer is wired: as plain text, lines kept). */
export function renderDescription(source: string): TemplateResult {
  return html`<div class="plain">${source}</div>`;
}

/** Provenance records of a case's observables, by `type:value`. */
export function provenanceOf(casebook: Casebook): Map<string, Provenance[]> {
  return provenanceFromBundle(casebook);
}

/** The bundle entities that record `p` for `o` (sent with `patchBundle(id, 'add', …)`). */
export function provenanceBundle(o: Observable, p: Provenance, tlp?: Tlp): Record<string, unknown> {
  return { sightings: [provenanceToSighting(o, p, { tlp })] };
}
