// The pieces of the case view built beside the panel: Markdown, provenance, export, investigation.
import { html, type TemplateResult } from 'lit';
import type { Casebook, Observable } from '@pivotkit/sdk';

/** Where an observable was found. */
export interface Provenance {
  url: string;
  title: string;
  context: string;
  time: string;
}

/** The description, rendered (until the Markdown renderer is wired: as plain text, lines kept). */
export function renderDescription(source: string): TemplateResult {
  return html`<div class="plain">${source}</div>`;
}

/** Provenance records of a case's observables, by `type:value`. */
export function provenanceOf(_casebook: Casebook): Map<string, Provenance[]> {
  return new Map();
}

/** The bundle entities that record `p` for `o` (sent with `patchBundle(id, 'add', …)`), if supported. */
export function provenanceBundle(_o: Observable, _p: Provenance): Record<string, unknown> | undefined {
  return undefined;
}
