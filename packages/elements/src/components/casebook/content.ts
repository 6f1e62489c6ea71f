// The pieces of the case view built beside the panel (components/casebook/{markdown,export,investigate},
// provenance.ts), behind the few calls the panel makes.
import { html, type TemplateResult } from 'lit';
import type { Casebook, Observable, Tlp } from '@pivotkit/sdk';
import type * as RenderModule from './markdown/render.js';
import { provenanceFromBundle, provenanceToSighting, type Provenance } from './provenance.js';

export type { Provenance };

type RenderMarkdown = (typeof RenderModule)['renderMarkdown'];
let renderMarkdown: RenderMarkdown | undefined;
let loading: Promise<RenderMarkdown> | undefined;

/**
 * The Markdown renderer (tokenizer, inline rules, entities: about a tenth of the panel), imported once: when the
 * panel is first idle, or by the first description shown before that. A failed import is tried again next time.
 */
export function loadMarkdown(): Promise<RenderMarkdown> {
  loading ??= import('./markdown/render.js').then((m) => (renderMarkdown = m.renderMarkdown));
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * The description, Markdown as CTIM defines it, rendered without ever turning text into HTML. Until the renderer
 * has loaded (a moment, once), the text shows as written, and `ready` is called when it can be rendered.
 */
export function renderDescription(source: string, opensInNewTab: string, ready: () => void): TemplateResult {
  // The description sits right under the case's title (h2), before the h3 sections: its headings start at h3, so
  // that no level is skipped (axe heading-order).
  if (renderMarkdown) return renderMarkdown(source, { headingLevel: 3, opensInNewTab });
  loadMarkdown().then(ready, () => undefined);
  return html`<p class="md-pending">${source}</p>`;
}

/** Provenance records of a case's observables, by `type:value`. */
export function provenanceOf(casebook: Casebook): Map<string, Provenance[]> {
  return provenanceFromBundle(casebook);
}

/** The bundle entities that record `p` for `o` (sent with `patchBundle(id, 'add', …)`). */
export function provenanceBundle(o: Observable, p: Provenance, tlp?: Tlp): Record<string, unknown> {
  return { sightings: [provenanceToSighting(o, p, { tlp })] };
}
