import { css, html, nothing, type TemplateResult } from 'lit';
import type { Page } from '@pivotkit/sdk';

/**
 * "N items could not be read and are not shown": the items of a list page the SDK left out (`page.dropped`, its
 * `invalid-document` warnings), with each one's reason in the notice's `title`. `text` words it for the element's
 * items. Renders nothing when the page left nothing out.
 * Parts: `message message--warning`.
 */
export function droppedNotice(
  page: Pick<Page<unknown>, 'dropped'> | undefined,
  text: (n: number) => string,
): TemplateResult | typeof nothing {
  const dropped = page?.dropped ?? [];
  if (!dropped.length) return nothing;
  return html`<p part="message message--warning" role="status" title=${dropped.map((d) => d.message).join('\n')}>
    ${text(dropped.length)}
  </p>`;
}

/** The notice's look, for the styles of an element that renders it (the element's tokens set the colours). */
export const droppedNoticeStyles = css`
  [part~='message--warning'] {
    margin: 0;
    border-inline-start: 3px solid var(--_suspicious);
    padding: 0.25rem 0.5rem;
    background: var(--_bg-raised);
    color: var(--_fg);
  }
`;
