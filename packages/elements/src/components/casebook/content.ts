// The pieces of the case built beside the panel (components/casebook/markdown, provenance.ts), behind the few
// calls the panel and its case view make, each loaded on first use.
import { html, type TemplateResult } from 'lit';
import type { Observable, Tlp } from '@pivotkit/sdk';
import type * as RenderModule from './markdown/render.js';
import type { Provenance } from './provenance.js';

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

/**
 * The bundle entities that record `p` for `o` (sent with `patchBundle(id, 'add', …)`). The sighting's code (and
 * the SDK's observable keys) loads with the first observable added from the page, not with the panel.
 */
export async function provenanceBundle(o: Observable, p: Provenance, tlp?: Tlp): Promise<Record<string, unknown>> {
  const { provenanceToSighting } = await import('./provenance.js');
  return { sightings: [provenanceToSighting(o, p, { tlp })] };
}
