// The pieces of the case view built beside the panel (components/casebook/{markdown,export,investigate},
// provenance.ts), behind the few calls the panel makes.
import type { TemplateResult } from 'lit';
import { renderMarkdown } from './markdown/render.js';
import type { Casebook, Observable, Tlp } from '@pivotkit/sdk';
import { provenanceFromBundle, provenanceToSighting, type Provenance } from './provenance.js';

export type { Provenance };

/** The description, Markdown as CTIM defines it, rendered without ever turning text into HTML. */
export function renderDescription(source: string, opensInNewTab: string): TemplateResult {
  // The description sits right under the case's title (h2), before the h3 sections: its headings start at h3, so
  // that no level is skipped (axe heading-order).
  return renderMarkdown(source, { headingLevel: 3, opensInNewTab });
}

/** Provenance records of a case's observables, by `type:value`. */
export function provenanceOf(casebook: Casebook): Map<string, Provenance[]> {
  return provenanceFromBundle(casebook);
}

/** The bundle entities that record `p` for `o` (sent with `patchBundle(id, 'add', …)`). */
export function provenanceBundle(o: Observable, p: Provenance, tlp?: Tlp): Record<string, unknown> {
  return { sightings: [provenanceToSighting(o, p, { tlp })] };
}
